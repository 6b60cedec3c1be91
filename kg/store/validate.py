"""SHACL validation that scales: the constraints of ``ontology/shapes.ttl`` compiled to
SPARQL queries and run by Oxigraph on the store, so nothing is loaded into rdflib and
pySHACL's per-node Python loop is gone. First each shape's certificates
(:mod:`kg.store.certify`: whole-store counts, hash anti-joins) are asked; only a shape
they do not prove free of violations is checked exactly: a few checks find the nodes that
may fail, then one query per constraint on those.

The compiler reads the shapes themselves (no second copy of the rules) and supports what
kg's shapes use: ``sh:targetClass``, ``sh:targetNode``, ``sh:targetSubjectsOf``; property
shapes with a predicate or an inverse path; ``sh:minCount``, ``sh:maxCount``,
``sh:datatype``, ``sh:minLength``, ``sh:class``, ``sh:nodeKind sh:IRI``, ``sh:node``,
``sh:in``, ``sh:hasValue``, ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:lessThan``,
``sh:lessThanOrEquals``, ``sh:or``, ``sh:qualifiedValueShape`` with
``sh:qualifiedMinCount`` (inside ``sh:node``), and SPARQL-based constraints
(``sh:sparql``; its ``kgsh:storeSelect``, the same query written for Oxigraph's hash
joins, where the shapes give one). Anything else is a ValueError naming it, so a new kind
of constraint in the shapes cannot be skipped silently. Each result is (focus node, path, constraint
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
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
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
from kg.store.memory import release_free_memory
from kg.store.terms import INTEGER_TYPES, from_ox

__all__ = ["Violation", "store_violations", "validate_store"]

_STORE_SELECT = URIRef("https://w3id.org/mlkg/shapes#storeSelect")
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


_Query = tuple[str, Identifier, object, URIRef, str]  # query, shape, path, component, message
_Check = tuple[str | None, str]  # guard, query: the query runs only when the guard has a row


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

    def targets(self, shape: Identifier, focus: Sequence[Identifier] | None = None
                ) -> str | None:
        """The subquery that selects the focus nodes (?this) of ``shape``, only those among
        ``focus`` when given; None when the shape has no target."""
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
        among = "" if focus is None else f"VALUES ?this {{ {' '.join(map(_n3, focus))} }} "
        return "{ SELECT DISTINCT ?this WHERE { " + among + " UNION ".join(parts) + " } }"

    def shapes(self) -> list[Identifier]:
        """The node shapes that have a target, in a fixed order."""
        return [shape for shape in sorted(set(self.g.subjects(RDF.type, SH.NodeShape)))
                if self.targets(shape) is not None]

    def queries(self) -> Iterator[_Query]:
        """``(query, shape, path, component, message)`` of every constraint: each query
        selects ?this (the focus) and, for a value's failure, ?value."""
        for shape in self.shapes():
            yield from self.shape_queries(shape, self.targets(shape))

    def shape_queries(self, shape: Identifier, target: str, *, sparql: bool = True
                      ) -> Iterator[_Query]:
        """The queries of ``shape``'s constraints on the focus nodes ``target`` selects
        (its SPARQL-based constraints too when ``sparql``)."""
        message = str(self.g.value(shape, SH.message) or "")
        for key, arg in sorted(self.g.predicate_objects(shape)):
            if key in _VALUE_KEYS:
                yield (f"SELECT ?this (?this AS ?value) WHERE {{ {target} "
                       f"FILTER (!{self.value_ok(key, arg, '?this')}) }}", shape, None,
                       _component(key), message)
            elif key == SH.property:
                yield from self.property_queries(arg, target)
            elif key == SH.sparql:
                if sparql:
                    yield self.sparql_query(arg, target), shape, None, \
                        SH.SPARQLConstraintComponent, str(self.g.value(arg, SH.message) or "")
            elif key not in _IGNORED:
                raise ValueError(f"unsupported constraint {key} in the shapes")

    # --- suspects: the focus nodes that may fail one of a shape's constraints -----------

    def suspects(self, shape: Identifier) -> list[_Check]:
        """The checks that together select (as ?this) every focus node of ``shape`` that
        fails at least one of its constraints other than SPARQL-based ones, and maybe a few
        that do not. Each reads a predicate once and joins by hash (subqueries, MINUS, a
        GROUP BY over a UNION) rather than looking nodes up one by one: the node's own
        constraints and every count of the shape in one GROUP BY (:meth:`counts`), the
        value constraints of a property once per distinct value (:meth:`bad_values`), as
        a guard: the query that finds the nodes with such a value runs only when there is
        one. A node that fails a constraint fails the conjunction of all of them, so no
        violation is masked by another."""
        target = self.targets(shape)
        own = [self.value_ok(key, arg, "?this")
               for key, arg in sorted(self.g.predicate_objects(shape)) if key in _VALUE_KEYS]
        found: list[_Check] = []
        counts = self.counts(shape, target, own)
        if counts is not None:
            found.append((None, counts))
        elif own:
            found.append((None, f"SELECT ?this WHERE {{ {target} "
                                f"FILTER (!({' && '.join(own)})) }}"))
        for prop in sorted(self.g.objects(shape, SH.property)):
            found.extend(self.property_suspects(prop, target))
        return found

    def counts(self, shape: Identifier, target: str, own: list[str]) -> str | None:
        """The focus nodes that fail one of the conditions ``own`` on ?this or whose
        number of values breaks a sh:minCount or sh:maxCount of one of ``shape``'s
        properties: one GROUP BY over the focus nodes and the values of every such
        property, each in its own variable (triples are distinct, so the count of a
        variable is the number of distinct values). None when there is no count."""
        branches, tests = [f"{{ {target} BIND (1 AS ?focus) }}"], []
        for prop in sorted(self.g.objects(shape, SH.property)):
            low, high = self.g.value(prop, SH.minCount), self.g.value(prop, SH.maxCount)
            if low is None and high is None:
                continue
            path, v = self.path(prop)[0], self.var()
            branches.append(f"{{ ?this {path} {v} }}")
            tests += [f"COUNT({v}) {op} {int(n)}"
                      for op, n in (("<", low), (">", high)) if n is not None]
        if not tests:
            return None
        if own:
            tests.insert(0, f"!({' && '.join(own)})")
        return (f"SELECT ?this WHERE {{ {' UNION '.join(branches)} }} GROUP BY ?this "
                f"HAVING (COUNT(?focus) > 0 && ({' || '.join(tests)}))")

    def bad_values(self, path: str, v: str, checks: list[str], classes: list[Identifier]
                   ) -> str:
        """The distinct values ``v`` of ``path`` (of any node) that fail one of the
        conditions ``checks`` or are no instance of one of ``classes``: one GROUP BY over
        the values and the instances, so each check runs once per distinct value (in
        HAVING: no filter is pushed below it)."""
        branches, ok = [f"{{ ?any {path} {v} }}"], list(checks)
        for cls in classes:
            typed = self.var()
            branches.append(f"{{ {v} a {_n3(cls)} BIND (1 AS {typed}) }}")
            ok.append(f"COUNT({typed}) > 0")
        return (f"SELECT {v} WHERE {{ {' UNION '.join(branches)} }} GROUP BY {v} "
                f"HAVING (COUNT(?any) > 0 && !({' && '.join(ok)}))")

    def property_suspects(self, shape: Identifier, target: str) -> list[_Check]:
        path, _ = self.path(shape)
        v = self.var()
        values = f"{{ SELECT ?this {v} WHERE {{ ?this {path} {v} }} }}"
        found: list[_Check] = []
        checks: list[str] = []
        classes: list[Identifier] = []
        for key, arg in sorted(self.g.predicate_objects(shape)):
            query = self.property_query(key, arg, path, target)
            if query is None or key in (SH.minCount, SH.maxCount):  # in counts()
                continue
            if key == SH.hasValue:
                found.append((None, f"SELECT ?this WHERE {{ {target} MINUS {{ SELECT ?this "
                                    f"WHERE {{ ?this {path} {_n3(arg)} }} }} }}"))
            elif key == SH["class"]:
                classes.append(arg)
            elif key in (SH.lessThan, SH.lessThanOrEquals):
                other, op = self.var(), "<" if key == SH.lessThan else "<="
                found.append((None, f"SELECT ?this WHERE {{ {values} {{ SELECT ?this {other} "
                                    f"WHERE {{ ?this {_n3(arg)} {other} }} }} "
                                    f"FILTER (!COALESCE({v} {op} {other}, false)) }}"))
            elif key in _VALUE_KEYS:
                checks.append(self.value_ok(key, arg, v))
            else:  # a rarer constraint: its own query
                found.append((None, query))
        if checks or classes:  # the values of other nodes may be bad: only the focus nodes'
            bad = self.bad_values(path, v, checks, classes)
            found.append((bad, f"SELECT ?this WHERE {{ {{ {bad} }} {values} {target} }}"))
        return found

    def property_queries(self, shape: Identifier, target: str) -> Iterator[_Query]:
        path, path_key = self.path(shape)
        message = str(self.g.value(shape, SH.message) or "")
        for key, arg in sorted(self.g.predicate_objects(shape)):
            query = self.property_query(key, arg, path, target)
            if query is not None:
                yield query, shape, path_key, _component(key), message

    def property_query(self, key: URIRef, arg: Identifier, path: str, target: str
                       ) -> str | None:
        """The query of one constraint ``key arg`` of a property shape (None for a key
        that is not a constraint)."""
        if key in (SH.minCount, SH.maxCount):
            compare = "<" if key == SH.minCount else ">"
            outer = "OPTIONAL" if key == SH.minCount else ""
            return (f"SELECT ?this WHERE {{ {{ SELECT ?this "
                    f"(COUNT(DISTINCT ?value) AS ?n) WHERE {{ {target} {outer} "
                    f"{{ ?this {path} ?value }} }} GROUP BY ?this }}"
                    f" FILTER (?n {compare} {int(arg)}) }}")
        if key == SH.hasValue:
            return (f"SELECT ?this WHERE {{ {target} "
                    f"FILTER NOT EXISTS {{ ?this {path} {_n3(arg)} }} }}")
        if key in (SH.lessThan, SH.lessThanOrEquals):
            op = "<" if key == SH.lessThan else "<="
            return (f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value . "
                    f"?this {_n3(arg)} ?other "
                    f"FILTER (!COALESCE(?value {op} ?other, false)) }}")
        if key in _VALUE_KEYS:
            return (f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value "
                    f"FILTER (!{self.value_ok(key, arg, '?value')}) }}")
        if key not in _IGNORED:
            raise ValueError(f"unsupported constraint {key} in the shapes")
        return None

    def sparql_query(self, constraint: Identifier, target: str) -> str:
        """The query of a SPARQL-based constraint: its kgsh:storeSelect, the same query
        written for Oxigraph, where the shapes give one, else its sh:select."""
        select = str(self.g.value(constraint, _STORE_SELECT)
                     or self.g.value(constraint, SH.select))
        return f"SELECT * WHERE {{ {target} {{ {select} }} }}"


def _component(key: URIRef) -> URIRef:
    name = str(key).rsplit("#", 1)[1]
    return SH[name[0].upper() + name[1:] + "ConstraintComponent"]


#: At most this many suspected focus nodes are checked constraint by constraint with their
#: IRIs as VALUES; with more (or a blank node), every node of the shape is.
MAX_SUSPECTS = 2000
_PREFIXES = {"kg": "https://w3id.org/mlkg/ns#", "oa": "http://www.w3.org/ns/oa#",
             "rdf": str(RDF), "xsd": str(XSD)}


@dataclass(frozen=True, slots=True)
class _Plan:
    shape: Identifier
    suspects: tuple[_Check, ...]  # the shape's checks for suspects (Compiler.suspects)
    sparql: tuple[_Query, ...]  # its SPARQL-based constraints, always run


@functools.cache
def _compiler() -> _Compiler:
    return _Compiler(_parsed("shapes.ttl"))


@functools.cache
def _plans() -> tuple[_Plan, ...]:
    c = _compiler()
    return tuple(_Plan(shape, tuple(c.suspects(shape)),
                       tuple(q for q in c.shape_queries(shape, c.targets(shape))
                             if q[3] == SH.SPARQLConstraintComponent))
                 for shape in c.shapes())


def _violations(store: ox.Store, query: _Query) -> Iterator[Violation]:
    text, _, path, component, message = query
    solutions = store.query(text, prefixes=_PREFIXES)
    names = [v.value for v in solutions.variables]
    for row in solutions:
        value = from_ox(row["value"]) if "value" in names else None
        found = message
        for name in names if "{?" in found else ():
            found = found.replace(f"{{?{name}}}", str(from_ox(row[name])))
        yield Violation(from_ox(row["this"]), path, component, value, found)


def _released_violations(store: ox.Store, query: _Query) -> list[Violation]:
    """The violations of a SPARQL-based constraint; then the memory of its hash joins (the
    largest of the validation) goes back to the system (:mod:`kg.store.memory`)."""
    found = list(_violations(store, query))
    release_free_memory()
    return found


def _shape_violations(store: ox.Store, plan: _Plan) -> list[Violation]:
    """The violations of ``plan``'s shape other than SPARQL-based ones: its suspects checks
    (:meth:`_Compiler.suspects`) read the store; only when they find suspects are the
    shape's constraints checked one by one, on those nodes alone, which gives exactly what
    the per-constraint queries give on the whole store."""
    suspects = {from_ox(row["this"]) for guard, query in plan.suspects
                if guard is None or store.query(f"ASK {{ {guard} }}", prefixes=_PREFIXES)
                for row in store.query(query, prefixes=_PREFIXES)}
    if not suspects:
        return []
    focus = (None if len(suspects) > MAX_SUSPECTS
             or any(isinstance(s, BNode) for s in suspects) else sorted(suspects))
    compiler = _compiler()
    target = compiler.targets(plan.shape, focus)
    return [v for query in compiler.shape_queries(plan.shape, target, sparql=False)
            for v in _violations(store, query)]


def store_violations(store: ox.Store, *, jobs: int = 1) -> list[Violation]:
    """Every violation of kg's shapes in ``store``, sorted. The SPARQL-based constraints
    run as they are; the other constraints of a shape are checked one by one
    (:func:`_shape_violations`) only where its certificates (:mod:`kg.store.certify`), a
    few cheap counts, do not prove it has none. The queries run on ``jobs`` threads
    (Oxigraph evaluates a query without Python's lock; on a loaded 2-core machine two
    gained no time, so one by default)."""
    from kg.store.certify import uncertified

    plans = _plans()
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        sparql = [pool.submit(_released_violations, store, query)
                  for plan in plans for query in plan.sparql]
        todo = uncertified(store, pool)
        exact = [pool.submit(_shape_violations, store, plan)
                 for plan in plans if plan.shape in todo]
        found = [v for future in sparql + exact for v in future.result()]
    # by text where the types differ: a path may be None, a predicate or ("^", predicate)
    return sorted(found, key=lambda v: (v.focus, str(v.path), v.component,
                                        str(v.value), v.message))


def validate_store(target: str | Path | ox.Store, *, jobs: int = 1) -> ValidationOutcome:
    """:func:`kg.graph.validate.validate_graph` for a store (a directory or an open store):
    the same kind of outcome, one line per violation (``jobs``: :func:`store_violations`)."""
    store = open_store(target) if isinstance(target, str | Path) else target
    violations = store_violations(store, jobs=jobs)
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

