"""Read-only SPARQL on a kg store, evaluated by Oxigraph, never loaded into rdflib.

A query is checked as on an rdflib graph (:func:`kg.query.evaluate.prepare_query`: no
update, no SERVICE, no FROM; the same error messages), then run by Oxigraph with kg's
prefixes predeclared. Parameters are bound through Oxigraph's ``substitutions`` (the
variable is replaced by the value, SEP-0007), never pasted into the text, so a value such
as ``x"} ; DROP ALL #`` is one string that matches nothing. Results come back as rdflib
:class:`~rdflib.plugins.sparql.processor.SPARQLResult` objects, so the formats of
``kg query`` and the endpoint's serialisers work on them unchanged.

Oxigraph cannot stop a running query, so a time limit runs the query in a worker process
(:class:`QueryWorker`) that is killed when the limit passes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql.processor import SPARQLResult
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from kg.errors import KgError
from kg.graph.vocab import PREFIXES
from kg.query.evaluate import (
    BoundedProcessor,
    QueryError,
    QueryLimitError,
    check_reach,
    prepare_query,
)
from kg.store import worker
from kg.store.disk import DATA_NAME, open_store, read_manifest
from kg.store.params import project_parameters
from kg.store.terms import XSD_STRING, to_ox

if TYPE_CHECKING:
    from kg.query.library import NamedQuery

__all__ = ["QueryWorker", "StoreProcessor", "compile_store_query", "query_store",
           "run_store_query", "store_query_rows"]

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _substitutions(bindings: Mapping[str, Identifier] | None) -> dict[str, tuple]:
    return {str(name): worker.encode(to_ox(term)) for name, term in (bindings or {}).items()}


def _term(t: tuple | None) -> Identifier | None:
    if t is None:
        return None
    if t[0] == "u":
        return URIRef(t[1])
    if t[0] == "b":
        return BNode(t[1])
    if t[3]:
        return Literal(t[1], lang=t[3])
    return Literal(t[1]) if t[2] == XSD_STRING else Literal(t[1], datatype=URIRef(t[2]))


def _result(raw: Mapping[str, Any], max_rows: int | None, hidden: Iterable[str] = ()
            ) -> SPARQLResult:
    """An rdflib result of a worker result; a QueryLimitError if it was cut at ``max_rows``."""
    if raw["more"]:
        unit = "rows" if raw["type"] == "SELECT" else "triples"
        raise QueryLimitError(f"the result has more than {max_rows} {unit} (the limit): "
                              "narrow the query or add a LIMIT")
    if raw["type"] == "ASK":
        return SPARQLResult({"type_": "ASK", "askAnswer": raw["answer"]})
    # Each distinct term made once: building an rdflib term (a Literal parses its value)
    # was most of the time of a result of thousands of rows, whose counts, years and
    # names repeat (12,542 rows of papers-per-family-year: 1.3 s of 2.4 s).
    terms: dict[tuple, Identifier | None] = {}

    def term(t: tuple) -> Identifier | None:
        found = terms.get(t)
        if found is None:
            found = terms[t] = _term(t)
        return found

    if raw["type"] == "SELECT":
        names = [Variable(n) for n in raw["vars"]]
        shown = [(v, str(v) not in hidden) for v in names]
        rows = [{v: term(t) for (v, keep), t in zip(shown, row, strict=True)
                 if t is not None and keep} for row in raw["rows"]]
        names = [v for v in names if str(v) not in hidden]
        return SPARQLResult({"type_": "SELECT", "vars_": names, "bindings": rows})
    g = Graph(bind_namespaces="none")
    for s, p, o in raw["triples"]:
        g.add((term(s), term(p), term(o)))
    return SPARQLResult({"type_": "CONSTRUCT", "graph": g})


def _checked(text: str, source: str) -> None:
    prepare_query(text, source)  # raises QueryError for what kg does not run


def query_store(store: ox.Store, text: str, bindings: Mapping[str, Identifier] | None = None,
                *, max_rows: int | None = None, source: str = "query",
                checked: bool = False) -> SPARQLResult:
    """The result of the query ``text`` on the open ``store``, with ``bindings`` bound (no
    time limit: see :class:`QueryWorker`). ``checked``: the text was already checked."""
    if not checked:
        _checked(text, source)
    text, hidden = project_parameters(text, bindings or {})
    try:
        raw = worker.execute(store, text, _PREFIXES, _substitutions(bindings), max_rows)
    except SyntaxError as exc:
        raise QueryError(f"{source}: malformed SPARQL query: {exc}") from None
    except OSError as exc:
        raise KgError(f"cannot read the store: {exc}") from exc
    except Exception as exc:  # an evaluation error
        raise QueryError(f"the query failed while running: {type(exc).__name__}: "
                         f"{exc}") from exc
    return _result(raw, max_rows, hidden)


class QueryWorker:
    """A process that holds the store at ``path`` open read-only and runs queries for this
    one, one at a time; one that runs past its time limit is killed (a QueryLimitError)
    and a new worker starts for the next query.

    >>> # with QueryWorker("store") as w: w.run("SELECT * { ?s ?p ?o } LIMIT 1", timeout=5)
    """

    def __init__(self, path: str | Path) -> None:
        read_manifest(path)  # a KgError here, not in the worker, for a non-store
        self.path = Path(path)
        self._ctx = multiprocessing.get_context("spawn")
        self._proc: Any = None
        self._conn: Any = None

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=worker.serve, args=(child, str(self.path / DATA_NAME)),
                                 daemon=True)
        proc.start()
        child.close()
        status = parent.recv() if parent.poll(60) else ("error", "open", "no answer")
        if status[0] != "ready":
            proc.kill()
            raise KgError(f"{self.path}: cannot open the store: {status[2]}")
        self._proc, self._conn = proc, parent

    def run(self, text: str, bindings: Mapping[str, Identifier] | None = None, *,
            timeout: float | None = None, max_rows: int | None = None,
            source: str = "query", checked: bool = False) -> SPARQLResult:
        """The result of ``text`` (see :func:`query_store`), within ``timeout`` seconds."""
        if not checked:
            _checked(text, source)
        text, hidden = project_parameters(text, bindings or {})
        if self._proc is None or not self._proc.is_alive():
            self._start()
        self._conn.send((text, _PREFIXES, _substitutions(bindings), max_rows))
        if not self._conn.poll(timeout):
            self.close(kill=True)
            raise QueryLimitError(f"the query ran past the time limit of {timeout:g} s")
        answer = self._conn.recv()
        if answer[0] == "error":
            if answer[1] == "syntax":
                raise QueryError(f"{source}: malformed SPARQL query: {answer[2]}")
            raise QueryError(f"the query failed while running: {answer[2]}")
        return _result(answer[1], max_rows, hidden)

    def close(self, *, kill: bool = False) -> None:
        """Stop the worker (kill it when it is busy)."""
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is None:
            return
        if kill:
            proc.kill()
        else:
            with contextlib.suppress(OSError):
                conn.send(None)
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()
        conn.close()

    def __enter__(self) -> QueryWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def compile_store_query(spec: str, params: Mapping[str, str] | None = None
                        ) -> tuple[NamedQuery, dict[str, Identifier]]:
    """What ``kg query STORE SPEC -p ...`` runs: the query :func:`load_query` finds for
    ``spec`` and the initial bindings of ``params`` (defaults filled in). A query of the
    user's (text or a file) is checked first as on a graph
    (:func:`~kg.query.evaluate.prepare_query`: a QueryError for what kg does not run); one
    of the library's own is not (``shipped``): its text is known to pass, and rdflib's
    parse (about 0.1 s) would be most of the time of a query about one thing."""
    from kg.query.library import load_query

    named = load_query(spec)
    bindings = named.bindings(params or {})
    if not named.shipped:
        _checked(named.text, named.source)
    return named, bindings


def run_store_query(path: str | Path, spec: str | NamedQuery,
                    bindings: Mapping[str, Identifier] | None = None, *,
                    timeout: float | None = None) -> SPARQLResult:
    """``kg query STORE SPEC``: the query ``spec`` (a name, a .rq file or the text, or
    what :func:`compile_store_query` found, already checked) on the store at ``path``,
    with ``bindings``; in a worker process when there is a ``timeout``."""
    from kg.query.library import load_query

    named = load_query(spec) if isinstance(spec, str) else spec
    if timeout is None:
        return query_store(open_store(path), named.text, bindings, source=named.source,
                           checked=True)
    with QueryWorker(path) as w:
        return w.run(named.text, bindings, timeout=timeout, source=named.source, checked=True)


def store_query_rows(path: str | Path, spec: str, params: Mapping[str, str] | None = None,
                     *, timeout: float | None = None) -> list[dict[str, object]]:
    """:func:`kg.query.query_rows` on a store: the rows of the query ``spec`` (a name, a
    .rq file or the text) with ``params`` bound."""
    from kg.query.formats import result_rows

    named, bindings = compile_store_query(spec, params)
    return result_rows(run_store_query(path, named, bindings, timeout=timeout))


class StoreProcessor(BoundedProcessor):
    """A processor that answers from a store through a :class:`QueryWorker`, with a time
    limit and a row limit (``kg serve`` on a store). It needs the query's text, which
    :func:`kg.store.serve.store_endpoint_app` attaches to the prepared query as
    ``kg_text``."""

    def __init__(self, w: QueryWorker, *, timeout: float | None,
                 max_rows: int | None) -> None:
        super().__init__(timeout=timeout, max_rows=max_rows)
        self.worker = w

    def answer(self, query: Query | str,
               bindings: Mapping[str, Identifier] | None) -> SPARQLResult:
        if isinstance(query, str):
            text, checked = query, False
        else:
            text, checked = getattr(query, "kg_text", None), True
            if text is None:
                raise QueryError("the store endpoint needs the text of the query")
            check_reach(query)
        return self.worker.run(text, bindings, timeout=self.timeout, max_rows=self.max_rows,
                               checked=checked)
