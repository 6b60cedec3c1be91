"""Query results as rows of Python values, and as the text ``kg query`` prints: an aligned
table, CSV or JSON.

>>> from rdflib import Literal, URIRef, Variable
>>> from rdflib.plugins.sparql.processor import SPARQLResult
>>> result = SPARQLResult({"type_": "SELECT", "vars_": [Variable("m"), Variable("n")],
...     "bindings": [{Variable("m"): URIRef("https://w3id.org/mlkg/ns#Model"),
...                   Variable("n"): Literal(3)}, {Variable("m"): Literal("a,b")}]})
>>> result_rows(result)
[{'m': 'https://w3id.org/mlkg/ns#Model', 'n': 3}, {'m': 'a,b', 'n': None}]
>>> print(format_result(result, "table"), end="")
m         n
kg:Model  3
a,b
>>> print(format_result(result, "csv"), end="")
m,n
https://w3id.org/mlkg/ns#Model,3
"a,b",
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from kg.graph.io import ntriples_bytes
from kg.graph.vocab import PREFIXES

__all__ = ["FORMATS", "format_result", "result_rows", "term_value"]

FORMATS = ("table", "csv", "json")


def term_value(term: object) -> object:
    """An RDF term as a plain Python value: numbers and booleans as such, dates as ISO
    strings, IRIs and other literals as strings, an unbound variable as None."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float):
            return value
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, dt.date | dt.datetime | dt.time):
            return value.isoformat()
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def result_rows(result: Result) -> list[dict[str, object]]:
    """The solutions of a SELECT result as dicts (variable name → :func:`term_value`), in
    the result's order, every variable present."""
    names = [str(v) for v in result.vars or ()]
    pairs = list(zip(names, result.vars or (), strict=True))
    # Each term converted once: a store's results share one object per distinct term
    # (kg.store.query), and the counts, years and names of thousands of rows repeat.
    seen: dict[int, object] = {}

    def value(term: object) -> object:
        key = id(term)
        if key not in seen:
            seen[key] = term_value(term)
        return seen[key]

    return [{name: value(row.get(var)) for name, var in pairs} for row in result.bindings]


def _cell(term: object) -> str:
    """A term as a table cell: kg's prefixes shorten IRIs."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if term.startswith(namespace) and len(term) > len(namespace):
                local = term[len(namespace):]
                if "/" not in local and "#" not in local:
                    return f"{prefix}:{local}"
    return " ".join(str(term).split())


def format_result(result: Result, fmt: str = "table") -> str:
    """``result`` as text: a SELECT as an aligned table (kg's prefixes shorten IRIs), CSV
    with a header row, or a JSON list of row objects; an ASK as ``true``/``false``; a
    CONSTRUCT or DESCRIBE graph as Turtle (table), sorted N-Triples (csv) or JSON-LD."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    if result.type == "ASK":
        return json.dumps(bool(result.askAnswer)) + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        g = result.graph
        if fmt == "csv":
            return ntriples_bytes(g).decode("utf-8")
        return g.serialize(format="json-ld" if fmt == "json" else "turtle")
    names = [str(v) for v in result.vars or ()]
    if fmt == "json":
        return json.dumps(result_rows(result), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in result.bindings:
            writer.writerow(["" if row.get(v) is None else str(row.get(v))
                             for v in result.vars])
        return out.getvalue()
    table = [names] + [[_cell(row.get(v)) for v in result.vars] for row in result.bindings]
    widths = [max(len(line[i]) for line in table) for i in range(len(names))]
    return "".join("  ".join(text.ljust(w) for text, w in zip(line, widths, strict=True))
                   .rstrip() + "\n" for line in table)
