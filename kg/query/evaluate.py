"""Read-only SPARQL on a kg graph: parse a query (refusing updates, SERVICE and FROM),
evaluate it with rdflib under an optional time limit and row limit, and read its rows.

Parameters reach a query as ``initBindings`` (:func:`run_query`'s ``bindings``), never as
query text, so a value like ``x"} ; DROP ALL #`` is one string literal that matches nothing.

>>> from kg.graph.build import new_graph
>>> from kg.graph.vocab import KG, RDFS
>>> from rdflib import Literal, URIRef
>>> g = new_graph()
>>> _ = g.add((URIRef("https://w3id.org/mlkg/id/model/bert"), RDFS.label, Literal("BERT")))
>>> q = prepare_query("SELECT ?m WHERE { ?m rdfs:label ?name }")
>>> [str(row.m) for row in run_query(g, q, {"name": Literal("BERT")})]
['https://w3id.org/mlkg/id/model/bert']
>>> len(run_query(g, q, {"name": Literal('BERT"} ; DROP ALL #')}))
0
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping
from itertools import islice

from pyparsing import ParseBaseException
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery, prepareUpdate
from rdflib.plugins.sparql.evaluate import evalQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.processor import SPARQLResult
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor
from rdflib.term import Identifier

from kg.errors import KgError
from kg.graph.vocab import PREFIXES

__all__ = ["BoundedProcessor", "LimitedProcessor", "QueryError", "QueryLimitError",
           "check_reach", "prepare_query", "query_form", "run_query"]


class QueryError(KgError):
    """A query kg will not run: malformed, an update, or one that reaches outside the
    graph (SERVICE, FROM)."""


class QueryLimitError(KgError):
    """A query that ran past its time limit or returned more rows than allowed."""


_POSITION = re.compile(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)\s*$")


def prepare_query(text: str, source: str = "query") -> Query:
    """``text`` parsed and translated into SPARQL algebra, with kg's prefixes predeclared.

    A QueryError, naming ``source`` and the line and column, for a malformed query; for a
    SPARQL Update ("read-only"); for SERVICE (which would reach the network) and FROM or
    FROM NAMED (which would load other graphs, even local files).
    """
    try:
        query = prepareQuery(text, initNs=PREFIXES)
    except ParseBaseException as exc:
        if _is_update(text):
            raise QueryError(f"{source}: this is a SPARQL update; kg only runs read-only "
                             "queries (SELECT, ASK, CONSTRUCT, DESCRIBE)") from None
        reason = _POSITION.sub("", str(exc))
        raise QueryError(f"{source}:{exc.lineno}:{exc.col}: malformed SPARQL query: "
                         f"{reason}") from None
    except Exception as exc:  # rdflib's translation raises plain Exceptions (bad prefix)
        raise QueryError(f"{source}: invalid SPARQL query: {exc}") from None
    check_reach(query, source)
    return query


def check_reach(query: Query, source: str = "query") -> None:
    """A QueryError if ``query`` would read anything but the graph it runs on: SERVICE
    (the network), FROM or FROM NAMED (other graphs, even local files)."""
    if query.algebra.get("datasetClause"):
        raise QueryError(f"{source}: FROM and FROM NAMED are not allowed: a kg query runs "
                         "on the one graph it is given")
    if any(part.name == "ServiceGraphPattern" for part in _parts(query.algebra)):
        raise QueryError(f"{source}: SERVICE is not allowed: a kg query never leaves the "
                         "graph it is given")


def _is_update(text: str) -> bool:
    try:
        prepareUpdate(text, initNs=PREFIXES)
    except Exception:  # not an update either: report the query's own parse error
        return False
    return True


def _parts(node: object) -> Iterator[CompValue]:
    """Every algebra node under ``node``."""
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _parts(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _parts(value)


def query_form(query: Query) -> str:
    """"SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"."""
    return query.algebra.name.removesuffix("Query").upper()


def _grouped(query: Query) -> bool:
    """Whether ``query`` has a GROUP BY (with no groups, its result has no rows)."""
    return any(part.name == "Group" and part.get("expr") for part in _parts(query.algebra))


class _TimedGraph(Graph):
    """The same store as a graph, seen through a clock: every triple lookup the query
    engine makes checks the deadline, so even a query that yields nothing for a long time
    (a cross product under a FILTER) stops at the limit."""

    def __init__(self, g: Graph, deadline: float, limit: float) -> None:
        super().__init__(store=g.store, identifier=g.identifier,
                         namespace_manager=g.namespace_manager)
        self._deadline = deadline
        self._limit = limit

    def check(self) -> None:
        if time.monotonic() > self._deadline:
            raise QueryLimitError(f"the query ran past the time limit of {self._limit:g} s")

    def triples(self, triple):  # type: ignore[override]
        self.check()
        for n, found in enumerate(super().triples(triple), start=1):
            if n % 512 == 0:
                self.check()
            yield found


def run_query(g: Graph, query: Query | str, bindings: Mapping[str, Identifier] | None = None,
              *, timeout: float | None = None, max_rows: int | None = None) -> SPARQLResult:
    """Evaluate ``query`` (prepared, or text for :func:`prepare_query`) on ``g`` with
    ``bindings`` as initial variable bindings, and return the whole result.

    ``timeout`` (seconds) and ``max_rows`` (solutions; triples for CONSTRUCT and
    DESCRIBE) are limits: past either, a QueryLimitError. Results are read in full here,
    so the limits hold for everything the query computes.
    """
    if isinstance(query, str):
        query = prepare_query(query)
    source: Graph = g
    if timeout is not None:
        source = _TimedGraph(g, time.monotonic() + timeout, timeout)
    try:
        raw, count = _evaluate(source, query, bindings, max_rows)
    except KgError:
        raise
    except Exception as exc:  # rdflib raises many kinds at evaluation (unbound, type errors)
        raise QueryError(f"the query failed while running: {type(exc).__name__}: "
                         f"{exc}") from exc
    if isinstance(source, _TimedGraph):
        source.check()
    if max_rows is not None and count > max_rows:
        unit = "rows" if raw["type_"] == "SELECT" else "triples"
        raise QueryLimitError(f"the result has more than {max_rows} {unit} (the limit): "
                              "narrow the query or add a LIMIT")
    return SPARQLResult(raw)


def _evaluate(source: Graph, query: Query, bindings: Mapping[str, Identifier] | None,
              max_rows: int | None) -> tuple[dict, int]:
    """The raw result of ``query`` with its solutions read (at most ``max_rows`` + 1),
    and how many solutions (or triples) it has."""
    raw = dict(evalQuery(source, query, dict(bindings or {})))
    if raw["type_"] == "SELECT":
        rows = raw["bindings"]
        if _grouped(query):  # rdflib gives one empty row when no group has any solutions
            rows = (row for row in rows if row)
        rows = islice(rows, None if max_rows is None else max_rows + 1)
        raw["bindings"] = list(rows)
        count = len(raw["bindings"])
    elif raw["type_"] in ("CONSTRUCT", "DESCRIBE"):
        count = len(raw["graph"])
    else:
        count = 0
    return raw, count


class BoundedProcessor(Processor):
    """An rdflib query processor (what rdflib-endpoint calls) with a time limit and a row
    limit; a subclass gives :meth:`answer`."""

    def __init__(self, *, timeout: float | None, max_rows: int | None) -> None:
        self.timeout = timeout
        self.max_rows = max_rows

    def answer(self, query: Query | str,
               bindings: Mapping[str, Identifier] | None) -> SPARQLResult:
        raise NotImplementedError

    def query(self, strOrQuery: Query | str,  # noqa: N803 (rdflib's signature)
              initBindings: Mapping[str, Identifier] | None = None,  # noqa: N803
              initNs: Mapping[str, str] | None = None, base: str | None = None,  # noqa: N803
              DEBUG: bool = False) -> Mapping[str, object]:  # noqa: N803
        result = self.answer(strOrQuery, initBindings)
        return {"type_": result.type, "vars_": result.vars, "bindings": result.bindings,
                "askAnswer": result.askAnswer, "graph": result.graph}


class LimitedProcessor(BoundedProcessor):
    """A processor for untrusted queries on a graph (``kg serve``): the checks of
    :func:`prepare_query` and the limits of :func:`run_query`."""

    def __init__(self, graph: Graph, *, timeout: float | None, max_rows: int | None) -> None:
        super().__init__(timeout=timeout, max_rows=max_rows)
        self.graph = graph

    def answer(self, query: Query | str,
               bindings: Mapping[str, Identifier] | None) -> SPARQLResult:
        if isinstance(query, str):
            query = prepare_query(query)
        else:
            check_reach(query)
        return run_query(self.graph, query, bindings, timeout=self.timeout,
                         max_rows=self.max_rows)
