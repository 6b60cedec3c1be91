"""The graph of the seed listings (read by kg.read, merged by kg.resolve) is valid and stable."""

from __future__ import annotations

from kg.graph.build import paper_graph
from kg.graph.io import ntriples_bytes, turtle_bytes
from kg.graph.iris import paper_iri
from kg.graph.validate import validate_graph
from kg.graph.vocab import KG, PROV, RDF


def test_the_seed_graph_conforms_and_is_order_independent(seed_read, seed_papers):
    g = paper_graph(seed_papers, seed_read.profiles)
    outcome = validate_graph(g)
    assert outcome.conforms, outcome.report

    papers = set(g.subjects(RDF.type, KG.Paper))
    assert papers == {paper_iri(p) for p in seed_papers}  # one node per merged paper
    assert all(g.value(p, PROV.wasDerivedFrom) is not None for p in papers)
    assert len(set(g.subjects(RDF.type, KG.AuthorProfile))) == len(
        {(s.owner, s.source.path) for s in seed_read.profiles})
    listed = set(g.objects(None, KG.listsPaper))
    assert listed and listed <= papers

    again = paper_graph(list(reversed(seed_papers)), list(reversed(seed_read.profiles)))
    assert ntriples_bytes(again) == ntriples_bytes(g)
    assert turtle_bytes(again) == turtle_bytes(g)
