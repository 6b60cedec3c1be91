"""The SHACL shapes accept what kg emits and reject broken graphs, naming the violation."""

from __future__ import annotations

from importlib import resources

import pytest
from rdflib import Literal, URIRef

from kg.errors import KgError
from kg.graph import validate as validate_module
from kg.graph.iris import authorship_iri, paper_iri, person_iri, source_iri
from kg.graph.validate import ValidationOutcome, ontology_text, validate_graph
from kg.graph.vocab import FAIR4ML, KG, OA, RDF, RDFS, SDO, XSD


def violations(g) -> ValidationOutcome:
    outcome = validate_graph(g)
    assert not outcome.conforms
    assert outcome.count == len(outcome.report.splitlines()) > 0
    return outcome


def only_line(outcome: ValidationOutcome) -> str:
    assert outcome.count == 1, outcome.report
    return outcome.report


def test_a_paper_with_two_abstracts(graph, rec):
    p = paper_iri(rec.ERNIE)
    graph.add((p, SDO.abstract, Literal("A second abstract.")))
    assert only_line(violations(graph)) == (
        f"<{p}> schema:abstract: a paper has exactly one non-empty abstract")


def test_a_paper_with_an_empty_abstract_or_two_titles(graph, rec):
    p = paper_iri(rec.VILG)
    graph.set((p, SDO.abstract, Literal("")))
    graph.add((p, URIRef("http://purl.org/dc/terms/title"), Literal("Another title")))
    report = violations(graph).report
    assert f"<{p}> schema:abstract: a paper has exactly one non-empty abstract" in report
    assert f"<{p}> dcterms:title:" in report


def test_a_paper_without_a_source(graph, rec):
    p = paper_iri(rec.ODD)
    graph.remove((p, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    assert "a paper is derived from at least one kg:SourceRecord" in only_line(
        violations(graph))


def test_a_source_record_that_ends_before_it_starts(graph, rec):
    src = source_iri(rec.ODD.sources[0])
    graph.set((src, KG.startLine, Literal(9, datatype=XSD.positiveInteger)))
    assert only_line(violations(graph)) == (
        f"<{src}> kg:startLine: a source record has one positive start line, not after its "
        'end line (value: "9"^^xsd:positiveInteger)')


def test_a_source_record_with_an_unknown_layout(graph, rec):
    src = source_iri(rec.ODD.sources[0])
    graph.set((src, KG.layout, Literal("xml")))
    line = only_line(violations(graph))
    assert line.startswith(f"<{src}> kg:layout:") and '"xml"' in line


def test_an_authorship_without_a_person(graph, rec):
    slot = authorship_iri(paper_iri(rec.ERNIE), 2)
    graph.remove((slot, KG.agent, None))
    assert only_line(violations(graph)) == (
        f"<{slot}> kg:agent: an author slot has exactly one kg:agent, a kg:Person")


def test_an_authorship_whose_agent_is_not_a_person(graph, rec):
    slot = authorship_iri(paper_iri(rec.ERNIE), 1)
    graph.set((slot, KG.agent, URIRef("https://w3id.org/mlkg/id/organization/baidu")))
    assert f"<{slot}> kg:agent:" in violations(graph).report


def test_two_author_slots_in_one_position(graph, rec):
    p = paper_iri(rec.ERNIE)
    graph.set((authorship_iri(p, 3), KG.authorPosition, Literal(1,
                                                                datatype=XSD.positiveInteger)))
    assert only_line(violations(graph)) == (
        f"kg:Paper: two author slots of one paper share position 1 (value: <{p}>)")


def test_an_orphan_author_slot_and_a_zero_position(graph, rec):
    slot = URIRef("https://w3id.org/mlkg/id/paper/nowhere/author/0")
    graph.add((slot, RDF.type, KG.Authorship))
    graph.add((slot, KG.agent, person_iri("Ann Lee")))
    graph.add((slot, KG.authorPosition, Literal(0, datatype=XSD.positiveInteger)))
    report = violations(graph).report
    assert f"<{slot}> ^kg:authorship: an author slot belongs to exactly one paper" in report
    assert f"<{slot}> kg:authorPosition:" in report


def test_a_person_with_two_names(graph):
    hua = person_iri("Hua Wu")
    graph.add((hua, URIRef("http://xmlns.com/foaf/0.1/name"), Literal("H. Wu")))
    assert "a person has exactly one non-empty foaf:name" in only_line(violations(graph))


def test_a_person_without_a_key_or_with_two(graph):
    hua, ann = person_iri("Hua Wu"), person_iri("Ann Lee")
    graph.remove((hua, KG.personKey, None))
    graph.add((ann, KG.personKey, Literal("a lee")))
    report = violations(graph).report
    assert f"<{hua}> kg:personKey: a person has exactly one non-empty kg:personKey" in report
    assert f"<{ann}> kg:personKey: a person has exactly one non-empty kg:personKey" in report


def test_bad_profile_stats(graph, rec):
    from kg.graph.iris import profile_iri

    prof = profile_iri(rec.OWNED)
    graph.set((prof, KG.hIndex, Literal(-1)))
    graph.add((prof, KG.listsPaper, person_iri("Ann Lee")))
    report = violations(graph).report
    assert f"<{prof}> kg:hIndex:" in report and f"<{prof}> kg:listsPaper:" in report


def test_booleans_must_be_booleans(graph, rec):
    p = paper_iri(rec.ERNIE)
    graph.set((p, KG.hasCode, Literal("yes")))
    assert only_line(violations(graph)).startswith(f"<{p}> kg:hasCode:")


# What the extraction stage will emit: the shapes accept it, and catch it when broken.

def test_extraction_output_conforms(extracted):
    g, _ = extracted
    outcome = validate_graph(g)
    assert outcome.conforms, outcome.report


def test_a_selector_that_ends_before_it_starts(extracted):
    g, n = extracted
    g.set((n["selector"], OA.end, Literal(n["start"], datatype=XSD.nonNegativeInteger)))
    assert only_line(violations(g)).startswith(f"<{n['selector']}> oa:start:")


def test_a_result_without_a_metric_or_a_dataset_and_with_a_text_value(extracted):
    g, n = extracted
    g.remove((n["result"], KG.underMetric, None))
    assert validate_graph(g).conforms  # "69% on MMLU": a dataset and no metric is a result
    g.remove((n["result"], KG.onDataset, None))
    g.set((n["result"], KG.value, Literal("93.1")))
    report = violations(g).report
    assert f"<{n['result']}>: a result names its metric, its dataset or both" in report
    assert f"<{n['result']}> kg:value: a result has exactly one numeric value" in report


def test_a_result_under_two_metrics(extracted):
    g, n = extracted
    g.add((n["result"], KG.underMetric, n["dataset"]))
    assert "a result is under at most one kg:Metric" in violations(g).report


def test_a_result_for_a_dataset_instead_of_a_model(extracted):
    g, n = extracted
    g.set((n["result"], KG.evaluatedModel, n["dataset"]))
    assert "a result is for exactly one kg:Model" in only_line(violations(g))


def test_an_entity_without_a_label_or_key(extracted):
    g, n = extracted
    g.remove((n["metric"], RDFS.label, None))
    g.remove((n["base"], KG.normalizedKey, None))
    report = violations(g).report
    assert f"<{n['metric']}> rdfs:label: an entity has exactly one non-empty rdfs:label" in report
    assert f"<{n['base']}> kg:normalizedKey:" in report


def test_an_empty_name_key(extracted):
    g, n = extracted
    g.add((n["model"], KG.nameKey, Literal("")))
    assert f"<{n['model']}> kg:nameKey:" in only_line(violations(g))


def test_lineage_objects_are_typed(extracted, rec):
    g, n = extracted
    g.add((n["model"], KG.basedOn, paper_iri(rec.VILG)))
    g.add((n["model"], KG.evaluatedOn, n["metric"]))
    g.add((n["model"], FAIR4ML.fineTunedFrom, n["dataset"]))
    report = violations(g).report
    assert (f"<{n['model']}> kg:basedOn: the object of kg:basedOn is an extracted entity "
            f"(kg:Model ... kg:Hardware) (value: <{paper_iri(rec.VILG)}>)") in report
    assert f"<{n['model']}> kg:evaluatedOn:" in report
    assert f"<{n['model']}> fair4ml:fineTunedFrom:" in report
    assert violations(g).count == 3


def test_a_mention_of_nothing(extracted):
    g, n = extracted
    g.remove((n["mention"], KG.mentionOf, None))
    assert only_line(violations(g)).startswith(f"<{n['mention']}> kg:mentionOf:")


# Where the shapes come from.

def test_shapes_come_from_the_package_when_installed(monkeypatch, tmp_path):
    (tmp_path / "ontology").mkdir()
    (tmp_path / "ontology" / "shapes.ttl").write_text("# packaged\n")
    monkeypatch.setattr(resources, "files", lambda package: tmp_path)
    assert ontology_text("shapes.ttl") == "# packaged\n"


def test_shapes_fall_back_to_the_source_tree_and_fail_clearly(monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "files", lambda package: tmp_path)
    assert "kgsh:PaperShape" in ontology_text("shapes.ttl")
    monkeypatch.setattr(validate_module, "_SOURCE_ONTOLOGY", tmp_path / "nowhere")
    with pytest.raises(KgError, match="cannot find the kg ontology file shapes.ttl"):
        ontology_text("shapes.ttl")


def test_long_values_are_shortened_in_the_report(graph, rec):
    p = paper_iri(rec.ERNIE)
    graph.set((p, SDO.abstract, Literal("word " * 100, datatype=XSD.normalizedString)))
    line = only_line(violations(graph))
    assert line.startswith(f"<{p}> schema:abstract:") and line.endswith("…)")
    assert len(line) < 300
