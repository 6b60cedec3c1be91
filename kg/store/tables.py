"""The tables the analytics read, out of a store by SPARQL, as plain strings.

:mod:`kg.store.analyse` builds its projections (:mod:`kg.analyse.indexed`) and counts
from these rows instead of from rdflib terms: each query joins inside Oxigraph and hands
back only the columns used, so a term is decoded once per row and never becomes an rdflib
object. What each table holds is what :mod:`kg.analyse.projections` and
:mod:`kg.analyse.aggregates` read from a graph (tests/store compares the results).

The query texts hold only constant vocabulary IRIs (no parameters). Every string is
interned (``sys.intern``): an IRI recurs in many rows (a paper in one per entity it
mentions, an entity in one per paper), and Oxigraph hands each row new strings, so the
tables would otherwise hold a copy per row (at 20,000 papers, 341 MiB against 58).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pyoxigraph as ox

from kg.analyse.projections import LINEAGE_KINDS
from kg.graph.vocab import KG, PROV, RDF, RDFS, SDO

__all__ = ["AnalysisTables", "LINK_KINDS", "analysis_tables"]

#: The linking predicates read (by local name): the lineage ones, then kg:comparedWith.
LINK_KINDS = (*LINEAGE_KINDS, "comparedWith")

# the author slots of a paper, and their people, joined here (faster than in the query)
_PAPERS = f"SELECT ?paper WHERE {{ ?paper a <{KG.Paper}> }}"
_SLOTS = f"SELECT ?paper ?slot WHERE {{ ?paper <{KG.authorship}> ?slot }}"
_AGENTS = f"SELECT ?slot ?agent WHERE {{ ?slot <{KG.agent}> ?agent }}"
_LISTED = f"SELECT ?paper ?agent WHERE {{ ?paper <{SDO.author}> ?agent }}"
_MENTIONS = f"SELECT ?paper ?entity WHERE {{ ?paper <{KG.mentions}> ?entity }}"
# one query per linking predicate (%s), so that it is never read back
_LINKS = "SELECT ?s ?o WHERE { ?s <%s> ?o FILTER (isIRI(?s) && isIRI(?o)) }"
# the statements of a linking predicate, typed or not (aggregates count both), with the
# papers they are derived from
_STATEMENTS = f"""SELECT ?s ?o ?paper ?typed WHERE {{
    ?statement <{RDF.predicate}> <%s> ; <{RDF.subject}> ?s ; <{RDF.object}> ?o .
    OPTIONAL {{ ?statement <{PROV.wasDerivedFrom}> ?paper }}
    BIND (EXISTS {{ ?statement a <{RDF.Statement}> }} AS ?typed) }}"""
_CHALLENGER_NAMES = f"""SELECT DISTINCT ?challenger ?label WHERE {{
    ?challenger <{KG.comparedWith}> ?any ; <{RDFS.label}> ?label }}"""
_FAMILIES = f"SELECT ?model ?family WHERE {{ ?model <{KG.family}> ?family }}"
_DATES = f"SELECT ?paper ?date WHERE {{ ?paper <{SDO.datePublished}> ?date }}"


@dataclass(frozen=True, slots=True)
class AnalysisTables:
    """The rows of a store the analysis reads; IRIs and literals as their strings.

    - ``authors``: (paper, person) for every kg:Paper and the people of its author slots
      (its schema:author when the slots name no one);
    - ``mentions``: (paper, entity) of kg:mentions between IRIs;
    - ``links``: (subject, kind, object) of the lineage predicates and kg:comparedWith
      between two different IRIs (``kind`` their local name, :data:`LINK_KINDS`);
    - ``stated``: (subject, kind, object, paper or None) for every rdf:Statement of such a
      link that is in the graph, with each paper it is prov:wasDerivedFrom;
    - ``compared``: (entity, challenger, paper) per statement of ``challenger
      kg:comparedWith entity`` (typed rdf:Statement or not) derived from ``paper``, the
      triple in the graph; ``challenger_names``: (challenger, rdfs:label) of the subjects
      of kg:comparedWith;
    - ``families``: (model, kg:family); ``dates``: (paper, its schema:datePublished as
      (lexical form, datatype IRI)).
    """

    authors: list[tuple[str, str]]
    mentions: list[tuple[str, str]]
    links: list[tuple[str, str, str]]
    stated: list[tuple[str, str, str, str | None]]
    compared: list[tuple[str, str, str]]
    challenger_names: list[tuple[str, str]]
    families: list[tuple[str, str]]
    dates: list[tuple[str, tuple[str, str]]]


_intern = sys.intern


def _rows(store: ox.Store, query: str) -> list[tuple]:
    return [tuple(None if term is None else _intern(term.value) for term in row)
            for row in store.query(query)]


def _authors(store: ox.Store) -> list[tuple[str, str]]:
    """(paper, person) for every kg:Paper: the kg:agent of each of its author slots, or
    its schema:author when no slot has one (as the co-authorship projection reads them)."""
    papers = {paper for (paper,) in _rows(store, _PAPERS)}
    agents: dict[str, str] = {}
    for slot, agent in _rows(store, _AGENTS):
        agents.setdefault(slot, agent)  # a slot has one (shapes.ttl)
    found = [(paper, agents[slot]) for paper, slot in _rows(store, _SLOTS)
             if paper in papers and slot in agents]
    slotted = {paper for paper, _ in found}
    found.extend(row for row in _rows(store, _LISTED)
                 if row[0] in papers and row[0] not in slotted)
    return found


def analysis_tables(store: ox.Store) -> AnalysisTables:
    """The :class:`AnalysisTables` of the default graph of ``store``."""
    links, stated, compared = [], [], []
    for kind in LINK_KINDS:
        found = set(_rows(store, _LINKS % KG[kind]))
        links.extend((s, kind, o) for s, o in found if s != o)
        for s, o, paper, typed in store.query(_STATEMENTS % KG[kind]):
            s, o = _intern(s.value), _intern(o.value)
            if (s, o) not in found:
                continue
            paper = None if paper is None else _intern(paper.value)
            if typed.value == "true" and s != o:
                stated.append((s, kind, o, paper))
            if kind == "comparedWith" and paper is not None:
                compared.append((o, s, paper))
    return AnalysisTables(
        authors=_authors(store),
        mentions=[(_intern(paper.value), _intern(entity.value))
                  for paper, entity in store.query(_MENTIONS)
                  if isinstance(paper, ox.NamedNode) and isinstance(entity, ox.NamedNode)],
        links=links,
        stated=stated,
        compared=compared,
        challenger_names=_rows(store, _CHALLENGER_NAMES),
        families=_rows(store, _FAMILIES),
        dates=[(_intern(paper.value), (date.value, _intern(date.datatype.value)))
               for paper, date in store.query(_DATES)],
    )
