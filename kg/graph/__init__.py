"""Records → RDF: vocabulary (vocab), IRI minting (iris), graph building (build), SHACL
validation (validate) and atomic, byte-stable files (io).

Typical use, as in :func:`kg.pipeline.build`::

    g = paper_graph(papers, profiles)          # kg.graph.build
    outcome = validate_graph(g)                # kg.graph.validate
    if outcome.conforms:
        write_graph(g, out_dir)                # kg.graph.io
"""
