"""Extractions → RDF: entities, mentions, stated relations with their provenance, inferred
successors and results, added to the graph of the papers (kg.graph.build).

What is emitted (IRIs from kg.graph.iris; no blank nodes):

- every :class:`~kg.records.Entity` of the resolution, typed with its kg class, with
  ``rdfs:label``, ``kg:normalizedKey``, ``kg:alias``, ``kg:nameKey`` (the key of each name,
  by which kg query finds the entity), ``kg:family`` (models) and, for a
  repository, each ``kg:subPath`` a paper points to; an entity that is already in the graph
  (an Organization named as a listed affiliation) keeps its label and gets the other names
  as aliases;
- ``paper kg:mentions entity`` for every entity a paper's mentions, relations or results name;
- every mention: ``paper kg:mention m``; ``m`` a kg:Mention (an oa:Annotation) with
  ``kg:mentionOf``, ``kg:extractor`` (each rule that found it), ``kg:surfaceForm`` (the text
  at its offsets, exactly), ``kg:subPath`` (repositories) and ``oa:hasTarget`` an
  oa:SpecificResource whose ``oa:hasSource`` is the paper and whose ``oa:hasSelector`` is an
  oa:TextPositionSelector with ``oa:start``/``oa:end`` (xsd:nonNegativeInteger) and
  ``kg:textProperty`` dcterms:title or schema:abstract, the literal the offsets count in;
- every relation: the triple ``subject kg:<predicate> object``, and an rdf:Statement of it
  per paper and sentence, with ``prov:wasDerivedFrom`` the paper, ``kg:extractor`` and
  ``kg:evidence`` the sentence (a passage: a SpecificResource with a selector, as above);
- every successor pair: ``later kg:successorOf earlier`` and an rdf:Statement of it with
  ``kg:extractor "kg_resolve:successor"`` (inferred from names, not stated by a paper);
- every result: ``paper kg:result r``; ``r`` a kg:Result with ``kg:evaluatedModel``,
  ``kg:onDataset`` and ``kg:underMetric`` (each when named; one at least), ``kg:value``
  (xsd:decimal, shortest form), ``kg:unit`` (when given), ``prov:wasDerivedFrom`` the
  paper, ``kg:extractor`` and ``kg:evidence`` the number as written.

Mention and result offsets outside the text, or a title offset on a paper without a title,
are a ValueError naming the paper and the rule: an extractor bug, not something to write
down. A relation's sentence that runs over the end of its field (from the title into the
abstract) is cut at the field's ends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rdflib import Graph, Literal, URIRef

from kg.entities import SUCCESSOR_RULE, Resolution, entity_key
from kg.graph.build import decimal_literal, name_keys
from kg.graph.iris import (
    entity_iri,
    inferred_statement_iri,
    mention_iri,
    mention_selector_iri,
    mention_target_iri,
    paper_iri,
    passage_iri,
    passage_selector_iri,
    result_iri,
    statement_iri,
)
from kg.graph.vocab import DCTERMS, ENTITY_CLASSES, KG, OA, PROV, RDF, RDFS, SDO, XSD
from kg.records import Entity, Extraction, Mention, Paper, Relation, Result

#: The paper property whose literal a field's offsets count characters in.
FIELD_PROPERTIES = {"title": DCTERMS.title, "abstract": SDO.abstract}

# The terms of the per-mention triples, looked up once: a DefinedNamespace attribute costs
# ~1.5 µs and a typed Literal ~14 µs, and a large build makes millions of them.
_MENTION, _MENTIONS, _MENTION_OF = KG.mention, KG.mentions, KG.mentionOf
_EXTRACTOR, _SURFACE_FORM, _SUB_PATH, _TEXT_PROPERTY = (
    KG.extractor, KG.surfaceForm, KG.subPath, KG.textProperty)
_HAS_TARGET, _HAS_SOURCE, _HAS_SELECTOR, _START, _END = (
    OA.hasTarget, OA.hasSource, OA.hasSelector, OA.start, OA.end)
_SPECIFIC_RESOURCE, _POSITION_SELECTOR, _MENTION_CLASS = (
    OA.SpecificResource, OA.TextPositionSelector, KG.Mention)


@lru_cache(maxsize=1 << 14)
def offset_literal(offset: int) -> Literal:
    """A character offset as an xsd:nonNegativeInteger literal."""
    return Literal(offset, datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=1 << 12)
def rule_literal(rule: str) -> Literal:
    """The kg:extractor literal of a rule name."""
    return Literal(rule)


def add_extractions(g: Graph, papers: Sequence[Paper], extractions: Sequence[Extraction],
                    resolution: Resolution) -> None:
    """Add to ``g`` (the graph of ``papers``) the entities of ``resolution`` and the
    mentions, relations and results of ``extractions`` (one per paper, in the same order),
    as described in the module doc."""
    if len(papers) != len(extractions):
        raise ValueError(f"{len(papers)} papers but {len(extractions)} extractions")
    add_entities(g, extractions, resolution)
    for paper, extraction in zip(papers, extractions, strict=True):
        add_paper_extraction(g, paper, extraction, resolution)
    add_successors(g, resolution)


def add_entities(g: Graph, extractions: Iterable[Extraction], resolution: Resolution) -> None:
    """Add every entity of ``resolution``, with the sub-paths the mentions of
    ``extractions`` point to (the cross-paper part of :func:`add_extractions`, with
    :func:`add_successors`)."""
    sub_paths: dict[Entity, set[str]] = defaultdict(set)
    for extraction in extractions:
        for mention in extraction.mentions:
            entity = resolution.mention_entity(mention)
            if entity is not None:
                sub_paths[entity].update(v for k, v in mention.attrs if k == "subPath" and v)
    for entity in resolution.entities:
        add_entity(g, entity, sorted(sub_paths.get(entity, ())))


def add_paper_extraction(g: Graph, paper: Paper, extraction: Extraction,
                         resolution: Resolution) -> None:
    """Add the mentions, relations and results of one paper (only ``g.add`` is called, so
    ``g`` may be any triple sink)."""
    iri = paper_iri(paper)
    for mention in extraction.mentions:
        entity = resolution.mention_entity(mention)
        if entity is not None:
            add_mention(g, iri, paper, mention, entity)
    for relation in extraction.relations:
        ends = resolution.relation_entities(relation)
        if ends is not None:
            add_statement(g, iri, paper, relation, *ends)
    for result in extraction.results:
        found = resolution.result_entities(result)
        if found is not None:
            add_result(g, iri, paper, result, *found)


def add_successors(g: Graph, resolution: Resolution) -> None:
    """Add every inferred successor pair of ``resolution``."""
    for later, earlier in resolution.successors:
        add_successor(g, later, earlier)


def entity_node(entity: Entity) -> URIRef:
    """The IRI of an entity."""
    return entity_iri(entity.type, entity.key)


def add_entity(g: Graph, entity: Entity, sub_paths: Sequence[str] = ()) -> URIRef:
    """Add an entity with its label, key, aliases, family and sub-paths; return its IRI."""
    iri = entity_node(entity)
    g.add((iri, RDF.type, ENTITY_CLASSES[entity.type]))
    names = [entity.name, *entity.aliases]
    label = g.value(iri, RDFS.label)
    if label is None:
        g.add((iri, RDFS.label, Literal(entity.name)))
        label = Literal(entity.name)
    g.set((iri, KG.normalizedKey, Literal(entity.key)))
    for name in names:
        if name != str(label):
            g.add((iri, KG.alias, Literal(name)))
    for key in name_keys([str(label), *names]):
        g.add((iri, KG.nameKey, Literal(key)))
    if entity.family:
        g.add((iri, KG.family, Literal(entity.family)))
    for path in sub_paths:
        g.add((iri, KG.subPath, Literal(path)))
    return iri


def _text(paper: Paper, field: str) -> str | None:
    return paper.title if field == "title" else paper.abstract if field == "abstract" else None


def field_text(paper: Paper, field: str, start: int, end: int, rule: str) -> str:
    """The text at ``[start, end)`` of the paper's ``field``; a ValueError if there is none."""
    text = _text(paper, field)
    if text is None or not 0 <= start < end <= len(text):
        _outside(paper, field, start, end, rule, text)
    return text[start:end]


def clipped_span(paper: Paper, field: str, start: int, end: int, rule: str) -> tuple[int, int]:
    """``[start, end)`` cut at the ends of the paper's ``field`` (a sentence that runs over
    from the title into the abstract); a ValueError if nothing of it is in the field."""
    text = _text(paper, field)
    clipped = (max(start, 0), min(end, len(text))) if text is not None else (0, 0)
    if clipped[0] >= clipped[1]:
        _outside(paper, field, start, end, rule, text)
    return clipped


def _outside(paper: Paper, field: str, start: int, end: int, rule: str,
             text: str | None) -> None:
    where = f"{field}[{start}:{end}]"
    size = "no such field" if text is None else f"{len(text)} characters"
    raise ValueError(f"rule {rule!r} gives {where} of the paper {paper_iri(paper)} "
                     f"({size}): offsets outside the text")


def add_selection(g: Graph, target: URIRef, selector: URIRef, paper: URIRef, field: str,
                  start: int, end: int) -> URIRef:
    """Add the oa:SpecificResource ``target`` of ``[start, end)`` of the paper's ``field``,
    with its oa:TextPositionSelector ``selector``; return ``target``."""
    g.add((target, RDF.type, _SPECIFIC_RESOURCE))
    g.add((target, _HAS_SOURCE, paper))
    g.add((target, _HAS_SELECTOR, selector))
    g.add((selector, RDF.type, _POSITION_SELECTOR))
    g.add((selector, _START, offset_literal(start)))
    g.add((selector, _END, offset_literal(end)))
    g.add((selector, _TEXT_PROPERTY, FIELD_PROPERTIES[field]))
    return target


def add_passage(g: Graph, node: URIRef, paper: URIRef, field: str, start: int,
                end: int) -> URIRef:
    """Add the passage ``node`` (a statement or a result) was read from as its kg:evidence."""
    passage = passage_iri(node, field, start, end)
    add_selection(g, passage, passage_selector_iri(passage), paper, field, start, end)
    g.add((node, KG.evidence, passage))
    return passage


def add_mention(g: Graph, paper: URIRef, record: Paper, mention: Mention,
                entity: Entity) -> URIRef:
    """Add a mention of ``entity`` in the paper ``paper`` (read from ``record``)."""
    surface = field_text(record, mention.field, mention.start, mention.end, mention.rule)
    target = entity_node(entity)
    iri = mention_iri(paper, mention.field, mention.type, mention.start, mention.end,
                      entity_key(mention.type, mention.name))
    g.add((paper, _MENTIONS, target))
    g.add((paper, _MENTION, iri))
    g.add((iri, RDF.type, _MENTION_CLASS))
    g.add((iri, _MENTION_OF, target))
    g.add((iri, _EXTRACTOR, rule_literal(mention.rule)))
    g.add((iri, _SURFACE_FORM, Literal(surface)))
    for key, value in mention.attrs:
        if key == "subPath" and value:
            g.add((iri, _SUB_PATH, Literal(value)))
    g.add((iri, _HAS_TARGET, add_selection(
        g, mention_target_iri(iri), mention_selector_iri(iri), paper, mention.field,
        mention.start, mention.end)))
    return iri


def add_statement(g: Graph, paper: URIRef, record: Paper, relation: Relation,
                  subject: Entity, obj: Entity) -> URIRef:
    """Add ``subject kg:<predicate> obj`` and the rdf:Statement saying the paper states it."""
    start, end = clipped_span(record, relation.field, relation.start, relation.end,
                              relation.rule)
    s, p, o = entity_node(subject), KG[relation.predicate], entity_node(obj)
    g.add((s, p, o))
    g.add((paper, KG.mentions, s))
    g.add((paper, KG.mentions, o))
    iri = statement_iri(paper, s, p, o, relation.field, start, end)
    _reify(g, iri, s, p, o, relation.rule)
    g.add((iri, PROV.wasDerivedFrom, paper))
    add_passage(g, iri, paper, relation.field, start, end)
    return iri


def add_successor(g: Graph, later: Entity, earlier: Entity) -> URIRef:
    """Add ``later kg:successorOf earlier`` and its statement, inferred from names."""
    s, p, o = entity_node(later), KG.successorOf, entity_node(earlier)
    g.add((s, p, o))
    iri = inferred_statement_iri(s, p, o)
    _reify(g, iri, s, p, o, SUCCESSOR_RULE)
    return iri


def _reify(g: Graph, iri: URIRef, s: URIRef, p: URIRef, o: URIRef, rule: str) -> None:
    g.add((iri, RDF.type, RDF.Statement))
    g.add((iri, RDF.subject, s))
    g.add((iri, RDF.predicate, p))
    g.add((iri, RDF.object, o))
    g.add((iri, KG.extractor, rule_literal(rule)))


def add_result(g: Graph, paper: URIRef, record: Paper, result: Result, model: Entity,
               dataset: Entity | None, metric: Entity | None) -> URIRef:
    """Add a result the paper reports, with the passage its number was read from."""
    field_text(record, result.field, result.start, result.end, result.rule)
    unit = result.unit.strip() if result.unit and result.unit.strip() else None
    iri = result_iri(paper, model.key, dataset.key if dataset else None,
                     metric.key if metric else None, result.value, unit)
    g.add((paper, KG.result, iri))
    g.add((iri, RDF.type, KG.Result))
    g.add((iri, KG.evaluatedModel, entity_node(model)))
    if metric is not None:
        g.add((iri, KG.underMetric, entity_node(metric)))
    g.add((iri, KG.value, decimal_literal(result.value)))
    if unit:
        g.add((iri, KG.unit, Literal(unit)))
    g.add((iri, PROV.wasDerivedFrom, paper))
    g.add((iri, KG.extractor, rule_literal(result.rule)))
    add_passage(g, iri, paper, result.field, result.start, result.end)
    for entity in (model, dataset, metric):
        if entity is not None:
            g.add((paper, KG.mentions, entity_node(entity)))
    if dataset is not None:
        g.add((iri, KG.onDataset, entity_node(dataset)))
    return iri
