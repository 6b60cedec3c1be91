"""Records → graph: what is emitted, and that the same records give the same bytes."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic

from kg.graph.build import paper_graph
from kg.graph.io import ntriples_bytes, turtle_bytes
from kg.graph.iris import organization_iri, paper_iri, person_iri, profile_iri, source_iri
from kg.graph.validate import ontology_graph, validate_graph
from kg.graph.vocab import DCTERMS, FOAF, KG, PROV, RDF, RDFS, SDO, XSD
from kg.normalize import text_key
from kg.records import Paper, ProfileStats, SourceSpan


def authors_in_order(g, paper):
    slots = sorted((int(g.value(s, KG.authorPosition)), s) for s in g.objects(paper, KG.authorship))
    return [str(g.value(g.value(s, KG.agent), FOAF.name)) for _, s in slots]


def test_hand_made_records_conform(graph):
    outcome = validate_graph(graph)
    assert outcome.conforms, outcome.report
    assert outcome.count == 0 and outcome.report == ""


def test_no_blank_nodes_and_only_declared_kg_terms(graph):
    nodes = {n for t in graph for n in t}
    assert not any(isinstance(n, BNode) for n in nodes)
    ontology = ontology_graph()
    kg_terms = {n for n in nodes if isinstance(n, URIRef) and n.startswith(str(KG))}
    assert kg_terms and all((t, RDF.type, None) in ontology for t in kg_terms)


def test_paper_fields(graph, rec):
    p = paper_iri(rec.ERNIE)
    assert set(graph.subjects(RDF.type, KG.Paper)) == {paper_iri(x) for x in
                                                       (rec.ERNIE, rec.VILG, rec.ODD)}
    assert graph.value(p, DCTERMS.title) == Literal(rec.ERNIE.title)
    assert graph.value(p, SDO.datePublished) == Literal("2022-10-12", datatype=XSD.date)
    assert graph.value(p, KG.arxivCategory) == Literal("CL")
    assert graph.value(p, KG.hasCode) == Literal(True)
    assert graph.value(p, KG.authorListTruncated) == Literal(True)
    assert graph.value(p, KG.yearInferred) is None
    assert graph.value(p, KG.listingScore) is None


def test_abstracts_are_verbatim(graph, rec):
    assert str(graph.value(paper_iri(rec.ODD), SDO.abstract)) == rec.ODD.abstract


def test_inferred_year_score_and_unknown_code(graph, rec):
    p = paper_iri(rec.VILG)
    assert graph.value(p, KG.yearInferred) == Literal(True)
    assert graph.value(p, KG.listingScore) == Literal("61.5", datatype=XSD.decimal)
    assert graph.value(p, KG.hasCode) is None
    assert graph.value(p, KG.authorListTruncated) == Literal(False)
    odd = paper_iri(rec.ODD)
    assert graph.value(odd, KG.hasCode) == Literal(False)
    assert graph.value(odd, KG.authorListTruncated) is None  # no authors given
    assert graph.value(odd, DCTERMS.title) is None


def test_authors_are_ordered_slots_and_schema_authors(graph, rec):
    p = paper_iri(rec.ERNIE)
    assert authors_in_order(graph, p) == ["Hua Wu", "Haifeng Wang", "Yu Sun"]
    assert set(graph.objects(p, SDO.author)) == {person_iri(n) for n in rec.ERNIE.authors}
    assert authors_in_order(graph, paper_iri(rec.VILG)) == ["Hua Wu", "Ann Lee"]


def test_one_person_per_name_key_with_one_name_and_the_other_spellings_as_aliases(graph):
    hua = person_iri("Hua Wu")
    assert list(graph.objects(hua, FOAF.name)) == [Literal("Hua Wu")]  # 2 of 3 spellings
    assert list(graph.objects(hua, KG.alias)) == [Literal("Hua WU")]  # spaces collapsed
    assert len(set(graph.subjects(RDF.type, KG.Person))) == 4
    # the key of every spelling, by which kg query finds the person
    assert list(graph.objects(hua, KG.personKey)) == [Literal("hua wu")]
    assert all(len(list(graph.objects(p, KG.personKey))) == 1
               for p in graph.subjects(RDF.type, KG.Person))


def test_listed_affiliation_is_one_organization(graph, rec):
    org = organization_iri("Baidu")
    assert {graph.value(paper_iri(p), KG.listedAffiliation) for p in (rec.ERNIE, rec.VILG)} == {
        org}
    assert graph.value(org, RDF.type) == KG.Organization
    assert list(graph.objects(org, RDFS.label)) == [Literal("Baidu")]  # tie: smaller string
    assert graph.value(org, KG.normalizedKey) == Literal("baidu")
    assert list(graph.objects(org, KG.nameKey)) == [Literal("baidu")]  # found like any entity
    assert graph.value(paper_iri(rec.ODD), KG.listedAffiliation) is None


def test_every_source_span_is_a_source_record(graph, rec):
    p = paper_iri(rec.ERNIE)
    records = set(graph.objects(p, PROV.wasDerivedFrom))
    assert records == {source_iri(s) for s in rec.ERNIE.sources}
    dump = source_iri(rec.ERNIE.sources[1])
    assert graph.value(dump, KG.sourceFile) == Literal("seeds/dump.txt")
    assert graph.value(dump, KG.startLine) == Literal(1, datatype=XSD.positiveInteger)
    assert graph.value(dump, KG.layout) == Literal("abstracts")


def test_profiles_list_the_papers_read_from_their_file(graph, rec):
    owned = profile_iri(rec.OWNED)
    assert set(graph.objects(owned, KG.listsPaper)) == {paper_iri(rec.ERNIE),
                                                         paper_iri(rec.VILG)}
    assert graph.value(owned, KG.profileOwner) == person_iri("Hua Wu")
    assert graph.value(owned, KG.hIndex) == Literal(45, datatype=XSD.nonNegativeInteger)
    assert graph.value(owned, KG.citationCount) == Literal(1055,
                                                           datatype=XSD.nonNegativeInteger)
    assert graph.value(owned, KG.novelty) == Literal("60.0", datatype=XSD.decimal)
    assert graph.value(owned, KG.profileCategory) == Literal("CL")
    assert graph.value(owned, PROV.wasDerivedFrom) == source_iri(rec.OWNED.source)
    unowned = profile_iri(rec.UNOWNED)
    assert graph.value(unowned, KG.profileOwner) is None
    assert graph.value(unowned, KG.hIndex) == Literal(0, datatype=XSD.nonNegativeInteger)
    assert graph.value(unowned, KG.paperCount) is None
    assert list(graph.objects(unowned, KG.listsPaper)) == []


def test_a_paper_in_a_non_profile_layout_of_the_same_path_is_not_listed(rec):
    other = Paper("Another abstract here.", (SourceSpan(rec.PROFILE_FILE, 30, 31, "pairs"),))
    g = paper_graph([other], [rec.OWNED])
    assert list(g.objects(profile_iri(rec.OWNED), KG.listsPaper)) == []


def test_same_records_in_any_order_give_the_same_bytes(papers, profiles):
    first = paper_graph(papers, profiles)
    nt, ttl = ntriples_bytes(first), turtle_bytes(first)
    for ps in itertools.permutations(papers):
        for profs in (profiles, profiles[::-1]):
            again = paper_graph(list(ps), list(profs))
            assert ntriples_bytes(again) == nt
            assert turtle_bytes(again) == ttl
            assert isomorphic(again, first)


names = st.sampled_from(["Hua Wu", "hua  wu", "HUA WU", "Ann Lee", "Bo Chen", "Zoë Ñ"])
records = st.builds(
    Paper,
    abstract=st.text(min_size=1, max_size=80).filter(text_key),
    sources=st.lists(st.builds(SourceSpan, st.sampled_from(["a.txt", "b.txt"]),
                               st.integers(1, 5), st.integers(5, 9),
                               st.sampled_from(["profile", "pairs"])),
                     min_size=1, max_size=3, unique=True).map(tuple),
    title=st.none() | st.text(min_size=1, max_size=30),
    authors=st.lists(names, max_size=4).map(tuple),
    organization=st.none() | st.sampled_from(["Baidu", "baidu", "Google"]),
    score=st.none() | st.floats(0, 100),
    has_code=st.none() | st.booleans(),
)
stats = st.builds(ProfileStats, st.builds(SourceSpan, st.sampled_from(["a.txt", "b.txt"]),
                                          st.just(1), st.just(2), st.just("profile")),
                  owner=st.none() | names, h_index=st.none() | st.integers(0, 99))


@settings(max_examples=40, deadline=None)
@given(st.lists(records, max_size=5), st.lists(stats, max_size=2))
def test_any_records_give_order_independent_bytes(papers, profiles):
    # distinct papers, as after merging: abstracts with distinct keys
    keyed = {paper_iri(p): p for p in papers}
    papers = list(keyed.values())
    g = paper_graph(papers, profiles)
    again = paper_graph(papers[::-1], profiles[::-1])
    assert ntriples_bytes(again) == ntriples_bytes(g)
    assert turtle_bytes(again) == turtle_bytes(g)
