"""Running one SPARQL query on an Oxigraph store, with its result as plain tuples.

This module imports only pyoxigraph and the standard library, because it is also the body
of the worker process that :class:`kg.store.query.QueryWorker` starts (and kills when a
query runs past its time limit: Oxigraph cannot stop a query from outside).

A term travels as a tuple: ``("u", iri)``, ``("b", id)`` or ``("l", text, datatype IRI,
language or None)``; a result as ``{"type": "SELECT", "vars": [...], "rows": [[term or
None, ...], ...]}`` (``"ASK"``: ``"answer"``; ``"CONSTRUCT"``: ``"triples"``) with
``"more": True`` when it had more than ``max_rows`` rows and was cut there.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import Any

import pyoxigraph as ox

Term = tuple


def encode(term: object) -> Term | None:
    """A pyoxigraph term as a tuple (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("u", term.value)
    if isinstance(term, ox.BlankNode):
        return ("b", term.value)
    if isinstance(term, ox.Literal):
        return ("l", term.value, term.datatype.value, term.language)
    raise TypeError(f"cannot encode {term!r}")


def decode(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A tuple from :func:`encode` as a pyoxigraph term."""
    if term[0] == "u":
        return ox.NamedNode(term[1])
    if term[0] == "b":
        return ox.BlankNode(term[1])
    if term[3]:
        return ox.Literal(term[1], language=term[3])
    return ox.Literal(term[1], datatype=ox.NamedNode(term[2]))


def execute(store: ox.Store, text: str, prefixes: Mapping[str, str],
            substitutions: Mapping[str, Term], max_rows: int | None = None) -> dict[str, Any]:
    """The result of the query ``text`` on ``store`` with ``substitutions`` (variable name
    → term tuple) bound, read in full (at most ``max_rows`` + 1 rows or triples)."""
    subs = {ox.Variable(name): decode(term) for name, term in substitutions.items()}
    result = store.query(text, prefixes=dict(prefixes), substitutions=subs)
    limit = None if max_rows is None else max_rows + 1
    if isinstance(result, ox.QueryBoolean):
        return {"type": "ASK", "answer": bool(result), "more": False}
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = [[encode(solution[i]) for i in range(len(names))]
                for solution in islice(result, limit)]
        more = max_rows is not None and len(rows) > max_rows
        return {"type": "SELECT", "vars": names, "rows": rows[:max_rows] if more else rows,
                "more": more}
    triples = [(encode(t.subject), encode(t.predicate), encode(t.object))
               for t in islice(result, limit)]
    more = max_rows is not None and len(triples) > max_rows
    return {"type": "CONSTRUCT", "triples": triples[:max_rows] if more else triples,
            "more": more}


def serve(conn: Any, path: str) -> None:
    """The worker process: open the store at ``path`` read-only, then answer each request
    ``(text, prefixes, substitutions, max_rows)`` read from ``conn`` with ``("ok",
    result)`` or ``("error", kind, message)`` (kind ``"syntax"``, ``"run"``) until
    ``None`` or the end of the pipe."""
    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        conn.send(("error", "open", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            conn.send(("ok", execute(store, *request)))
        except SyntaxError as exc:
            conn.send(("error", "syntax", str(exc)))
        except Exception as exc:  # an evaluation error is the query's, not the worker's
            conn.send(("error", "run", f"{type(exc).__name__}: {exc}"))
