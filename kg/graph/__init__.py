"""Records → RDF: vocabulary (vocab), IRI minting (iris), graph building (build: papers;
extractions: entities, mentions, relations, results), SHACL validation (validate) and
atomic, byte-stable files (io).

Typical use, as in :func:`kg.pipeline.build`::

    g = paper_graph(papers, profiles)          # kg.graph.build
    add_extractions(g, papers, extractions,    # kg.graph.extractions
                    resolve_entities(extractions))
    outcome = validate_graph(g)                # kg.graph.validate
    if outcome.conforms:
        write_graph(g, out_dir)                # kg.graph.io
"""
