"""The tables the analytics read, out of a store by SPARQL, as plain strings.

:mod:`kg.store.analyse` builds its projections (:mod:`kg.analyse.indexed`) and counts
from these rows instead of from rdflib terms: each query joins inside Oxigraph and hands
back only the columns used, so a term is decoded once per row and never becomes an rdflib
object. What each table holds is what :mod:`kg.analyse.projections` and
:mod:`kg.analyse.aggregates` read from a graph (tests/store compares the results).

The query texts hold only constant vocabulary IRIs (no parameters).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.analyse.projections import LINEAGE_KINDS
from kg.graph.vocab import KG, PROV, RDF, RDFS, SDO

__all__ = ["AnalysisTables", "LINK_KINDS", "analysis_tables"]

#: The linking predicates read (by local name): the lineage ones, then kg:comparedWith.
LINK_KINDS = (*LINEAGE_KINDS, "comparedWith")

_KINDS = " ".join(f"<{KG[kind]}>" for kind in LINK_KINDS)
_PREFIX = len(str(KG))

_AUTHORS = f"""SELECT ?paper ?agent WHERE {{
    ?paper a <{KG.Paper}> ; <{KG.authorship}> ?slot . ?slot <{KG.agent}> ?agent }}"""
# a paper whose author slots name no one: its schema:author (as the projection reads it)
_LISTED_AUTHORS = f"""SELECT ?paper ?agent WHERE {{
    {{ ?paper a <{KG.Paper}> ; <{SDO.author}> ?agent }}
    MINUS {{ ?paper <{KG.authorship}> ?slot . ?slot <{KG.agent}> ?any }} }}"""
_MENTIONS = f"""SELECT ?paper ?entity WHERE {{
    ?paper <{KG.mentions}> ?entity FILTER (isIRI(?paper) && isIRI(?entity)) }}"""
_LINKS = f"""SELECT ?s ?kind ?o WHERE {{ VALUES ?kind {{ {_KINDS} }}
    ?s ?kind ?o FILTER (isIRI(?s) && isIRI(?o) && ?s != ?o) }}"""
# statements of a link that is in the graph, with the papers they are derived from
_STATED = f"""SELECT ?s ?kind ?o ?paper WHERE {{ VALUES ?kind {{ {_KINDS} }}
    ?statement a <{RDF.Statement}> ; <{RDF.predicate}> ?kind ; <{RDF.subject}> ?s ;
               <{RDF.object}> ?o .
    ?s ?kind ?o FILTER (isIRI(?s) && isIRI(?o) && ?s != ?o)
    OPTIONAL {{ ?statement <{PROV.wasDerivedFrom}> ?paper }} }}"""
# kg.analyse.aggregates.comparison_counts: the papers that state a comparison, any
# statement node (not only an rdf:Statement), the triple itself in the graph
_COMPARED = f"""SELECT ?entity ?challenger ?paper WHERE {{
    ?statement <{RDF.predicate}> <{KG.comparedWith}> ; <{PROV.wasDerivedFrom}> ?paper ;
               <{RDF.subject}> ?challenger ; <{RDF.object}> ?entity .
    ?challenger <{KG.comparedWith}> ?entity FILTER (isIRI(?entity)) }}"""
_CHALLENGER_NAMES = f"""SELECT DISTINCT ?challenger ?label WHERE {{
    ?statement <{RDF.predicate}> <{KG.comparedWith}> ; <{RDF.subject}> ?challenger .
    ?challenger <{RDFS.label}> ?label }}"""
_FAMILY_PAPERS = f"""SELECT DISTINCT ?family ?paper ?date WHERE {{
    ?model <{KG.family}> ?family . ?paper <{KG.mentions}> ?model .
    OPTIONAL {{ ?paper <{SDO.datePublished}> ?date }} }}"""


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
      kg:comparedWith entity`` derived from ``paper``, the triple in the graph;
      ``challenger_names``: (challenger, rdfs:label) of the challengers of statements;
    - ``family_papers``: (kg:family, paper that mentions a model of it, its
      schema:datePublished as (lexical form, datatype IRI), or None).
    """

    authors: list[tuple[str, str]]
    mentions: list[tuple[str, str]]
    links: list[tuple[str, str, str]]
    stated: list[tuple[str, str, str, str | None]]
    compared: list[tuple[str, str, str]]
    challenger_names: list[tuple[str, str]]
    family_papers: list[tuple[str, str, tuple[str, str] | None]]


def _rows(store: ox.Store, query: str) -> list[tuple]:
    return [tuple(None if term is None else term.value for term in row)
            for row in store.query(query)]


def _kind(iri: str) -> str:
    return iri[_PREFIX:]


def analysis_tables(store: ox.Store) -> AnalysisTables:
    """The :class:`AnalysisTables` of the default graph of ``store``."""
    links = [(s, _kind(k), o) for s, k, o in _rows(store, _LINKS)]
    stated = [(s, _kind(k), o, paper) for s, k, o, paper in _rows(store, _STATED)]
    dated = [(family, paper, None if date is None else (date.value, date.datatype.value))
             for family, paper, date in store.query(_FAMILY_PAPERS)]
    return AnalysisTables(
        authors=_rows(store, _AUTHORS) + _rows(store, _LISTED_AUTHORS),
        mentions=_rows(store, _MENTIONS),
        links=links,
        stated=stated,
        compared=_rows(store, _COMPARED),
        challenger_names=_rows(store, _CHALLENGER_NAMES),
        family_papers=[(f.value, p.value, d) for f, p, d in dated],
    )
