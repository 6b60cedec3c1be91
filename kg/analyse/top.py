"""Read the written-back analysis: ``kg top``'s ranked table of a subgraph's nodes by one
of their scores, queried with SPARQL from the graph itself, so the table shows exactly
what SPARQL clients, the views and the notebooks see.

>>> from kg.analyse.writeback import analyse_graph
>>> from kg.graph.build import paper_graph
>>> from kg.records import Paper, SourceSpan
>>> src = (SourceSpan("a.txt", 1, 2, "abstracts"),)
>>> g = paper_graph([Paper("We do A.", src, authors=("Ann Lee", "Bo Li"))], [])
>>> _ = analyse_graph(g, seed=0)
>>> [row["name"] for row in top_table(g, by="degree")]
['Ann Lee', 'Bo Li']
"""

from __future__ import annotations

import csv
import functools
import io
import json
from typing import TYPE_CHECKING

from rdflib import Graph, Literal
from rdflib.plugins.sparql import prepareQuery

from kg.analyse.writeback import DEFAULT_MEASURE, MEASURES, SCORE_DECIMALS
from kg.errors import KgError
from kg.graph.vocab import DCTERMS, ENTITY_CLASSES, FOAF, KG, RDFS

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["FORMATS", "SUBGRAPHS", "format_top", "top_table"]

#: The subgraphs ``kg top`` ranks: the projections of :data:`MEASURES`.
SUBGRAPHS = tuple(MEASURES)

_ENTITIES = ", ".join(f"kg:{name}" for name in ENTITY_CLASSES)


# The classes of each subgraph's nodes: constants, spliced into the query text once.
_CLASSES = {"coauthorship": "kg:Person", "lineage": _ENTITIES, "papers": "kg:Paper",
            "comention": _ENTITIES, "comparison": _ENTITIES}

_TOP_QUERY = """
SELECT DISTINCT ?node ?score ?name ?community WHERE {
    ?node ?measure ?score ; a ?class .
    FILTER (?class IN (%s))
    OPTIONAL { ?node foaf:name ?person }
    OPTIONAL { ?node rdfs:label ?label }
    OPTIONAL { ?node dcterms:title ?title }
    OPTIONAL { ?node kg:community ?group .
               ?group kg:projection ?projection ; kg:communityNumber ?community }
    BIND (COALESCE(?person, ?label, ?title, STR(?node)) AS ?name)
}
ORDER BY DESC(?score) ?node
"""
_NAMESPACES = {"kg": str(KG), "foaf": str(FOAF), "rdfs": str(RDFS),
               "dcterms": str(DCTERMS)}


@functools.cache
def _top_query(subgraph: str):
    """The prepared query of ``subgraph``'s top table (prepared on first use, not at
    import); ``?measure`` and ``?projection`` are bound when it runs."""
    return prepareQuery(_TOP_QUERY % _CLASSES[subgraph], initNs=_NAMESPACES)


_ANALYSED_QUERY = """
        SELECT ?property WHERE { ?analysis a kg:Analysis ; kg:projection ?projection ;
                                           kg:scoreProperty ?property }"""


@functools.cache
def _analysed_query():
    return prepareQuery(_ANALYSED_QUERY, initNs=_NAMESPACES)


def _select(g, prepared, text: str, bindings: dict):
    """The rows of a query on ``g``: an rdflib graph (``prepared()``, with rdflib) or a
    kg store (``text``, with Oxigraph: :mod:`kg.store.query`)."""
    if isinstance(g, Graph):
        return g.query(prepared(), initBindings=bindings)
    from kg.store.query import query_store

    return query_store(g, text, bindings, checked=True)


def top_table(g: Graph | pyoxigraph.Store, by: str | None = None, subgraph: str = "coauthorship",
              limit: int | None = 10) -> list[dict]:
    """The nodes of ``subgraph`` with the highest written-back score ``by``, read with
    SPARQL (``ORDER BY DESC``, ties by IRI), at most ``limit`` rows.

    ``subgraph`` is one of :data:`SUBGRAPHS`: "coauthorship" (people), "lineage"
    (entities in the model lineage), "papers" (papers, scored on the paper–entity graph),
    "comention" (entities, by the papers that mention them together), "comparison"
    (entities compared with each other); ``by`` one of that subgraph's
    :data:`~kg.analyse.writeback.MEASURES` (default
    :data:`~kg.analyse.writeback.DEFAULT_MEASURE`). Each row: ``rank``, ``iri``, ``name``
    (a person's name, an entity's label, a paper's title, else the IRI), ``score`` (a
    float, an int for counts) and ``community`` (its number in the subgraph's partition,
    or None; the comparison subgraph has none).

    A ValueError for an unknown subgraph or measure; a KgError when ``g`` has no analysis
    of ``subgraph``, or none with that measure (a graph analysed by an older kg).
    """
    if subgraph not in MEASURES:
        raise ValueError(f"unknown subgraph {subgraph!r} (known: {', '.join(MEASURES)})")
    measures = MEASURES[subgraph]
    by = by or DEFAULT_MEASURE[subgraph]
    if by not in measures:
        raise ValueError(f"unknown measure {by!r} for the {subgraph} subgraph "
                         f"(known: {', '.join(measures)})")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be at least 0, not {limit}")
    projection = Literal(subgraph)
    written = {row.property for row in _select(g, _analysed_query, _ANALYSED_QUERY,
                                                {"projection": projection})}
    if not written:
        raise KgError(f"the graph has no {subgraph} analysis: run `kg analyse` on it first")
    prop = measures[by]
    if prop not in written:
        have = [name for name, p in measures.items() if p in written]
        raise KgError(f"the {subgraph} analysis has no {by} scores "
                      f"(it has: {', '.join(have) or 'none'})")
    rows = []
    results = _select(g, lambda: _top_query(subgraph), _TOP_QUERY % _CLASSES[subgraph],
                      {"measure": prop, "projection": projection})
    for row in results:
        if limit is not None and len(rows) >= limit:
            break
        score = row.score.toPython()
        rows.append({"rank": len(rows) + 1, "iri": str(row.node), "name": str(row.name),
                     "score": score if isinstance(score, int) else float(score),
                     "community": None if row.community is None
                     else int(row.community.toPython())})
    return rows


FORMATS = ("table", "csv", "json")
_COLUMNS = ("rank", "score", "community", "name", "iri")


def format_top(rows: list[dict], fmt: str = "table") -> str:
    """:func:`top_table` rows as an aligned text table, CSV (with a header) or JSON.

    >>> rows = [{"rank": 1, "iri": "https://w3id.org/mlkg/id/person/a", "name": "A",
    ...          "score": 0.5, "community": 1}]
    >>> print(format_top(rows), end="")
    rank  score        community  name  iri
       1  0.500000000          1  A     https://w3id.org/mlkg/id/person/a
    >>> print(format_top(rows, "csv"), end="")
    rank,score,community,name,iri
    1,0.5,1,A,https://w3id.org/mlkg/id/person/a
    """
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: row[c] for c in _COLUMNS} for row in rows)
        return out.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")

    def cell(column: str, value: object) -> str:
        if value is None:
            return ""
        if column == "score" and isinstance(value, float):
            return f"{value:.{SCORE_DECIMALS}f}"
        return str(value)

    table = [list(_COLUMNS)] + [[cell(c, row[c]) for c in _COLUMNS] for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(_COLUMNS))]
    right = {"rank", "score", "community"}
    lines = []
    for line in table:
        cells = [text.rjust(w) if c in right and line is not table[0] else text.ljust(w)
                 for c, text, w in zip(_COLUMNS, line, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
