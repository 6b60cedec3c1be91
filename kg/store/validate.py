"""SHACL validation that scales: the constraints of ``ontology/shapes.ttl`` compiled to
SPARQL queries and run by Oxigraph on the store, one query per constraint, so nothing is
loaded into rdflib and pySHACL's per-node Python loop is gone.

The compiler reads the shapes themselves (no second copy of the rules) and supports what
kg's shapes use: ``sh:targetClass``, ``sh:targetNode``, ``sh:targetSubjectsOf``; property
shapes with a predicate or an inverse path; ``sh:minCount``, ``sh:maxCount``,
``sh:datatype``, ``sh:minLength``, ``sh:class``, ``sh:nodeKind sh:IRI``, ``sh:node``,
``sh:in``, ``sh:hasValue``, ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:lessThan``,
``sh:lessThanOrEquals``, ``sh:or``, ``sh:qualifiedValueShape`` with
``sh:qualifiedMinCount`` (inside ``sh:node``), and SPARQL-based constraints
(``sh:sparql``). Anything else is a ValueError naming it, so a new kind of constraint in
the shapes cannot be skipped silently. Each result is (focus node, path, constraint
component, value), as pySHACL reports it; tests/store compares the two on the seeds and on
broken graphs.

Known differences from pySHACL, by design or by Oxigraph:

- Oxigraph stores the integer types derived from xsd:integer as xsd:integer
  (:mod:`kg.store.terms`), so ``sh:datatype xsd:positiveInteger`` accepts an
  xsd:integer and checks the value's range instead;
- a literal whose text is not valid for its datatype (``"abc"^^xsd:integer``) is not
  told apart from a valid one by ``sh:datatype`` (a range check still fails on it);
- ``sh:targetClass`` and ``sh:class`` read rdf:type as written (kg's graphs have no
  rdfs:subClassOf), like the no-inference run of :mod:`kg.graph.validate`.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Identifier

from kg.graph.validate import ValidationOutcome, _parsed
from kg.graph.vocab import RDF, RDFS, XSD, bind_prefixes
from kg.store.disk import open_store
from kg.store.terms import INTEGER_TYPES, from_ox

__all__ = ["Violation", "store_violations", "validate_store"]

_RANGES = {XSD.positiveInteger: "> 0", XSD.nonNegativeInteger: ">= 0",
           XSD.negativeInteger: "< 0", XSD.nonPositiveInteger: "<= 0"}
_VALUE_KEYS = {SH.datatype, SH.minLength, SH["class"], SH.nodeKind, SH.node, SH["in"],
               SH.minInclusive, SH.maxInclusive, SH["or"]}
_IGNORED = {SH.message, SH.path, SH.name, SH.description, SH.severity, SH.targetClass,
            SH.targetNode, SH.targetSubjectsOf, SH.property, SH.sparql, SH.declare,
            SH.qualifiedMinCount, RDF.type, RDFS.comment, RDFS.label}


@dataclass(frozen=True, slots=True, order=True)
class Violation:
    """One validation result: focus node, path (None for a node shape's constraint; an
    inverse path as ``("^", predicate)``), constraint component, offending value (None for
    a count), and the message."""

    focus: Identifier
    path: object
    component: URIRef
    value: Identifier | None
    message: str = ""


def _n3(term: Identifier) -> str:
    if isinstance(term, BNode):
        raise ValueError("blank nodes in shapes constraints are not supported here")
    return term.n3()


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self.fresh = itertools.count()

    def var(self) -> str:
        return f"?v{next(self.fresh)}"

    def items(self, node: Identifier) -> list[Identifier]:
        return list(Collection(self.g, node))

    def path(self, shape: Identifier) -> tuple[str, object]:
        path = self.g.value(shape, SH.path)
        inverse = self.g.value(path, SH.inversePath) if isinstance(path, BNode) else None
        if inverse is not None:
            return f"^{_n3(inverse)}", ("^", inverse)
        if not isinstance(path, URIRef):
            raise ValueError(f"unsupported sh:path {path!r} (a predicate or sh:inversePath)")
        return _n3(path), path

    # --- conditions: SPARQL expressions true when a node conforms ------------------------

    def datatype_ok(self, datatype: Identifier, x: str) -> str:
        if datatype in INTEGER_TYPES:
            check = f"isLiteral({x}) && DATATYPE({x}) IN ({_n3(datatype)}, xsd:integer)"
            if datatype in _RANGES:
                check += f" && COALESCE({x} {_RANGES[datatype]}, false)"
            return f"({check})"
        return f"(isLiteral({x}) && DATATYPE({x}) = {_n3(datatype)})"

    def value_ok(self, key: URIRef, arg: Identifier, x: str) -> str:
        """The expression that is true when the value ``x`` meets ``key arg``."""
        if key == SH.datatype:
            return self.datatype_ok(arg, x)
        if key == SH.minLength:
            return f"(!isBlank({x}) && STRLEN(STR({x})) >= {int(arg)})"
        if key == SH["class"]:
            return f"EXISTS {{ {x} a {_n3(arg)} }}"
        if key == SH.nodeKind:
            if arg != SH.IRI:
                raise ValueError(f"unsupported sh:nodeKind {arg}")
            return f"isIRI({x})"
        if key == SH.node:
            return self.conforms(arg, x)
        if key == SH["in"]:
            return "(" + " || ".join(f"sameTerm({x}, {_n3(i)})" for i in self.items(arg)) + ")"
        if key == SH.minInclusive:
            return f"COALESCE({x} >= {_n3(arg)}, false)"
        if key == SH.maxInclusive:
            return f"COALESCE({x} <= {_n3(arg)}, false)"
        if key == SH["or"]:
            return "(" + " || ".join(self.conforms(alt, x) for alt in self.items(arg)) + ")"
        raise ValueError(f"unsupported constraint {key} in the shapes")

    def conforms(self, shape: Identifier, x: str) -> str:
        """The expression that is true when the node ``x`` conforms to ``shape``."""
        parts = []
        for key, arg in sorted(self.g.predicate_objects(shape)):
            if key in _VALUE_KEYS:
                parts.append(self.value_ok(key, arg, x))
            elif key == SH.property:
                parts.append(self.property_ok(arg, x))
            elif key not in _IGNORED:
                raise ValueError(f"unsupported constraint {key} in the shapes")
        return "(" + (" && ".join(parts) or "true") + ")"

    def property_ok(self, shape: Identifier, x: str) -> str:
        path, _ = self.path(shape)
        y, parts = self.var(), []
        for key, arg in sorted(self.g.predicate_objects(shape)):
            if key == SH.minCount:
                if int(arg) > 1:
                    raise ValueError("sh:minCount above 1 inside sh:node/sh:or is unsupported")
                parts.append(f"EXISTS {{ {x} {path} {y} }}")
            elif key == SH.hasValue:
                parts.append(f"EXISTS {{ {x} {path} {_n3(arg)} }}")
            elif key == SH.qualifiedValueShape:
                count = self.g.value(shape, SH.qualifiedMinCount)
                if count is None or int(count) != 1:
                    raise ValueError("sh:qualifiedValueShape needs sh:qualifiedMinCount 1 here")
                parts.append(f"EXISTS {{ {x} {path} {y} FILTER ({self.conforms(arg, y)}) }}")
            elif key in _VALUE_KEYS:
                parts.append(f"NOT EXISTS {{ {x} {path} {y} "
                             f"FILTER (!{self.value_ok(key, arg, y)}) }}")
            elif key not in _IGNORED:
                raise ValueError(f"unsupported constraint {key} in the shapes")
        return "(" + (" && ".join(parts) or "true") + ")"

    # --- queries: one per constraint of a targeted shape ---------------------------------

    def targets(self, shape: Identifier) -> str | None:
        parts = []
        classes = sorted(self.g.objects(shape, SH.targetClass))
        if classes:
            parts.append(f"{{ VALUES ?tc {{ {' '.join(map(_n3, classes))} }} ?this a ?tc }}")
        for node in sorted(self.g.objects(shape, SH.targetNode)):
            parts.append(f"{{ BIND ({_n3(node)} AS ?this) }}")
        for p in sorted(self.g.objects(shape, SH.targetSubjectsOf)):
            parts.append(f"{{ ?this {_n3(p)} ?to }}")
        if not parts:
            return None
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"

    def queries(self) -> Iterator[tuple[str, Identifier, object, URIRef, str]]:
        """``(query, shape, path, component, message)``: each query selects ?this (the
        focus) and, for a value's failure, ?value."""
        for shape in sorted(set(self.g.subjects(RDF.type, SH.NodeShape))):
            target = self.targets(shape)
            if target is None:
                continue
            message = str(self.g.value(shape, SH.message) or "")
            for key, arg in sorted(self.g.predicate_objects(shape)):
                if key in _VALUE_KEYS:
                    yield (f"SELECT ?this (?this AS ?value) WHERE {{ {target} "
                           f"FILTER (!{self.value_ok(key, arg, '?this')}) }}", shape, None,
                           _component(key), message)
                elif key == SH.property:
                    yield from self.property_queries(arg, target)
                elif key == SH.sparql:
                    yield self.sparql_query(arg, target), shape, None, \
                        SH.SPARQLConstraintComponent, str(self.g.value(arg, SH.message) or "")
                elif key not in _IGNORED:
                    raise ValueError(f"unsupported constraint {key} in the shapes")

    def property_queries(self, shape: Identifier, target: str
                         ) -> Iterator[tuple[str, Identifier, object, URIRef, str]]:
        path, path_key = self.path(shape)
        message = str(self.g.value(shape, SH.message) or "")
        for key, arg in sorted(self.g.predicate_objects(shape)):
            if key in (SH.minCount, SH.maxCount):
                compare = "<" if key == SH.minCount else ">"
                outer = "OPTIONAL" if key == SH.minCount else ""
                query = (f"SELECT ?this WHERE {{ {{ SELECT ?this "
                         f"(COUNT(DISTINCT ?value) AS ?n) WHERE {{ {target} {outer} "
                         f"{{ ?this {path} ?value }} }} GROUP BY ?this }}"
                         f" FILTER (?n {compare} {int(arg)}) }}")
            elif key == SH.hasValue:
                query = (f"SELECT ?this WHERE {{ {target} "
                         f"FILTER NOT EXISTS {{ ?this {path} {_n3(arg)} }} }}")
            elif key in (SH.lessThan, SH.lessThanOrEquals):
                op = "<" if key == SH.lessThan else "<="
                query = (f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value . "
                         f"?this {_n3(arg)} ?other "
                         f"FILTER (!COALESCE(?value {op} ?other, false)) }}")
            elif key in _VALUE_KEYS:
                query = (f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value "
                         f"FILTER (!{self.value_ok(key, arg, '?value')}) }}")
            elif key not in _IGNORED:
                raise ValueError(f"unsupported constraint {key} in the shapes")
            else:
                continue
            yield query, shape, path_key, _component(key), message

    def sparql_query(self, constraint: Identifier, target: str) -> str:
        select = str(self.g.value(constraint, SH.select))
        return f"SELECT * WHERE {{ {target} {{ {select} }} }}"


def _component(key: URIRef) -> URIRef:
    name = str(key).rsplit("#", 1)[1]
    return SH[name[0].upper() + name[1:] + "ConstraintComponent"]


@functools.cache
def _compiled() -> tuple[tuple[str, Identifier, object, URIRef, str], ...]:
    return tuple(_Compiler(_parsed("shapes.ttl")).queries())


def store_violations(store: ox.Store) -> list[Violation]:
    """Every violation of kg's shapes in ``store``, sorted."""
    prefixes = {"kg": "https://w3id.org/mlkg/ns#", "oa": "http://www.w3.org/ns/oa#",
                "rdf": str(RDF), "xsd": str(XSD)}
    found = []
    for query, _, path, component, message in _compiled():
        solutions = store.query(query, prefixes=prefixes)
        names = [v.value for v in solutions.variables]
        for row in solutions:
            value = from_ox(row["value"]) if "value" in names else None
            text = message
            for name in names if "{?" in text else ():
                text = text.replace(f"{{?{name}}}", str(from_ox(row[name])))
            found.append(Violation(from_ox(row["this"]), path, component, value, text))
    return sorted(found)


def validate_store(target: str | Path | ox.Store) -> ValidationOutcome:
    """:func:`kg.graph.validate.validate_graph` for a store (a directory or an open store):
    the same kind of outcome, one line per violation."""
    store = open_store(target) if isinstance(target, str | Path) else target
    violations = store_violations(store)
    names = bind_prefixes(Graph(bind_namespaces="none")).namespace_manager
    lines = []
    for v in violations:
        parts = [v.focus.n3(names)]
        if v.path is not None:
            path = v.path
            parts.append(("^" + path[1].n3(names) if isinstance(path, tuple)
                          else path.n3(names)) + ":")
        else:
            parts[0] += ":"
        parts.append(v.message or f"does not conform ({v.component.n3(names)})")
        if v.value is not None and v.value != v.focus:
            parts.append(f"(value: {v.value.n3(names)})")
        lines.append(" ".join(parts))
    lines.sort()
    return ValidationOutcome(not lines, len(lines), "\n".join(lines))

