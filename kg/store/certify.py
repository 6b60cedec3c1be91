"""Certificates: cheap whole-store counts that prove a shape of ``ontology/shapes.ttl`` has
no violation in a store, so that :mod:`kg.store.validate` checks constraint by constraint
only the shapes where one may exist.

Oxigraph evaluates a scan, ``COUNT(*)``, ``COUNT(DISTINCT ?x)`` (a hash set) and ``MINUS``
(a hash anti-join) at well under a microsecond or two a row, but a ``GROUP BY`` with many
groups (one per focus node or per value) at five or more, and a lookup per joined row
at more still. So the certificates of a shape are compiled (from the shapes, like the
checks they stand for) into counts and ASKs of those cheap kinds, for each constraint:

- ``sh:minCount 1`` on a path p: the focus nodes T are among the nodes with a value of p,
  ``|T ∪ subjects(p)| = |subjects(p)|``; for a shape's exactly-one properties whose
  paths no other shape uses, all at once: ``|T ∪ subjects(p1) ∪ ...| = |T|`` and
  ``|subjects(pi)| = |T|`` (one by one where that fails);
- ``sh:maxCount m`` (m ≥ 1): no node has two values of p at all, ``|rows(p)| =
  |subjects(p)|``; where some node does (a predicate other shapes use too), narrower: no
  focus node among the nodes with more than m;
- ``sh:class C``: every value of p (of any node) is a C, ``|C ∪ values(p)| = |C|``;
  narrower: no value of a focus node's p lacks the type (a hash anti-join);
- ``sh:node``/``sh:or`` of shapes made of classes, hasValues, minCounts 1 and sh:in on
  rdf:type (kgsh:AnyEntity, kgsh:VersionedSystem, a statement's sources): a pattern of
  the nodes that conform, and a hash anti-join (MINUS) of the nodes (or values) with it;
- the other value constraints: no distinct value of p fails them (the guard of
  :meth:`kg.store.validate._Compiler.bad_values`), or no row where the check is only
  ``sh:nodeKind`` (each value is decoded to test it, distinct or not); narrower: none of
  the focus nodes';
- ``sh:hasValue``, ``sh:lessThan(OrEquals)``: the suspects queries themselves (a hash
  anti-join, a hash join), as ASKs; the node's own other constraints: an ASK over T.

A certificate that holds proves its constraints hold for every focus node; one that fails
proves nothing (the counts may differ for nodes that are no focus), so the shape goes to
the exact checks. Any constraint without a certificate here (``sh:minCount`` above 1,
``sh:maxCount 0``) sends its shape there too. Counts and ASKs shared by shapes (a path's
rows, a class's instances) are asked once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import SH
from rdflib.term import Identifier

from kg.graph.vocab import RDF, RDFS
from kg.store.validate import _PREFIXES, _VALUE_KEYS, _compiler, _plans
from kg.store.validate import _Compiler as Compiler
from kg.store.validate import _n3 as n3

__all__ = ["NEVER", "Cert", "shape_certs", "uncertified"]


@dataclass(frozen=True, slots=True)
class Cert:
    """Holds when the counts ``left`` and ``right`` (queries of one number, ?n) are equal,
    or, with no ``right``, when the ASK ``left`` is false. When it fails, it holds if all of
    ``narrower`` (non-empty) hold."""

    left: str
    right: str | None = None
    narrower: tuple[Cert, ...] = ()


#: A certificate that never holds: the shape is checked constraint by constraint.
NEVER = Cert("")


def _distinct(pattern: str, var: str = "?this") -> str:
    return f"SELECT (COUNT(DISTINCT {var}) AS ?n) WHERE {{ {pattern} }}"


def _rows(pattern: str) -> str:
    return f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"


def target_pattern(c: Compiler, shape: Identifier) -> str:
    """A pattern binding ?this to each focus node of ``shape`` (maybe more than once)."""
    parts = []
    classes = sorted(c.g.objects(shape, SH.targetClass))
    if len(classes) == 1:
        parts.append(f"{{ ?this a {n3(classes[0])} }}")
    elif classes:
        parts.append(f"{{ VALUES ?tc {{ {' '.join(map(n3, classes))} }} ?this a ?tc }}")
    nodes = sorted(c.g.objects(shape, SH.targetNode))
    if nodes:
        parts.append(f"{{ VALUES ?this {{ {' '.join(map(n3, nodes))} }} }}")
    parts += [f"{{ ?this {n3(p)} ?to }}"
              for p in sorted(c.g.objects(shape, SH.targetSubjectsOf))]
    return " UNION ".join(parts)


_NOT_CONSTRAINTS = {SH.path, SH.message, SH.name, SH.description, SH.severity, RDF.type,
                    RDFS.comment, RDFS.label}


def _meets(c: Compiler, key: URIRef, arg: Identifier, x: str = "?this") -> str | None:
    """A pattern binding ``x`` to every node that meets the constraint ``key arg`` on the
    node itself (and to no other), where its kind allows one: sh:class, and sh:or and
    sh:node of shapes made of those, of properties with sh:minCount 1 or sh:hasValue, and
    of a value in a sh:in list; else None (the constraint is checked node by node)."""
    if key == SH["class"]:
        return f"{{ {x} a {n3(arg)} }}"
    if key == SH.node:
        return _shape_meets(c, arg, x)
    if key == SH["or"]:
        alternatives = [_shape_meets(c, alt, x) for alt in c.items(arg)]
        return None if None in alternatives else "{ " + " UNION ".join(alternatives) + " }"
    return None


def _joined(parts: list[str], x: str) -> str:
    """The nodes ``x`` every pattern of ``parts`` binds (each read once, joined by hash)."""
    if len(parts) == 1:
        return parts[0]
    return "{ " + " ".join(f"{{ SELECT DISTINCT {x} WHERE {p} }}" for p in parts) + " }"


def _shape_meets(c: Compiler, shape: Identifier, x: str) -> str | None:
    parts = []
    for key, arg in sorted(c.g.predicate_objects(shape)):
        if key in _NOT_CONSTRAINTS:
            continue
        meets = (_property_meets(c, arg, x) if key == SH.property
                 else _meets(c, key, arg, x) if key in _VALUE_KEYS else None)
        if meets is None:
            return None
        parts.append(meets)
    return _joined(parts, x) if parts else None


def _property_meets(c: Compiler, prop: Identifier, x: str) -> str | None:
    path, _ = c.path(prop)
    parts = []
    for key, arg in sorted(c.g.predicate_objects(prop)):
        if key in _NOT_CONSTRAINTS or key == SH.qualifiedMinCount:
            continue
        if key == SH.minCount and int(arg) == 1:
            parts.append(f"{{ {x} {path} {c.var()} }}")
        elif key == SH.hasValue:
            parts.append(f"{{ {x} {path} {n3(arg)} }}")
        elif (key == SH.qualifiedValueShape
              and str(c.g.value(prop, SH.qualifiedMinCount)) == "1"
              and set(c.g.predicates(arg)) == {SH["in"]}):
            v = c.var()
            items = " ".join(map(n3, c.items(c.g.value(arg, SH["in"]))))
            parts.append(f"{{ VALUES {v} {{ {items} }} {x} {path} {v} }}")
        else:
            return None
    return _joined(parts, x) if parts else None


def shape_certs(c: Compiler, shape: Identifier) -> list[Cert]:
    """The certificates of ``shape``'s constraints other than SPARQL-based ones: all of them
    holding proves no focus node violates one."""
    pattern, target = target_pattern(c, shape), c.targets(shape)
    certs, own = [], []
    for key, arg in sorted(c.g.predicate_objects(shape)):
        if key not in _VALUE_KEYS:
            continue
        meets = _meets(c, key, arg)
        if meets is None:
            own.append(c.value_ok(key, arg, "?this"))
        else:
            certs.append(Cert(f"ASK {{ {{ {pattern} }} MINUS {meets} }}"))
    if own:
        certs.append(Cert(f"ASK {{ {target} FILTER (!({' && '.join(own)})) }}"))
    props = sorted(c.g.objects(shape, SH.property))
    group = _exactly_one(c, props)
    for prop in props:
        certs.extend(_property_certs(c, prop, pattern, target, prop in group))
    if len(group) > 1:  # each of these paths has no subject but the focus nodes: all at once
        union = " UNION ".join(f"{{ ?this {c.path(prop)[0]} ?v }}" for prop in group)
        certs.append(Cert(_distinct(f"{{ {pattern} }} UNION {union}"), _distinct(pattern),
                          tuple(_in_subjects(c, prop, pattern) for prop in group)))
    return certs


def _exactly_one(c: Compiler, props: list[Identifier]) -> list[Identifier]:
    """The properties of ``props`` with sh:minCount 1 and sh:maxCount 1 whose path no other
    property shape has (so its subjects are likely the focus nodes alone, and
    ``|T ∪ subjects(p1) ∪ subjects(p2) ...| = |T|`` with ``|subjects(pi)| = |T|`` proves
    each focus node has a value of each: one union instead of one per property)."""
    paths = [c.path(prop)[0] for prop in c.g.objects(None, SH.property)]
    return [prop for prop in props
            if str(c.g.value(prop, SH.minCount)) == str(c.g.value(prop, SH.maxCount)) == "1"
            and paths.count(c.path(prop)[0]) == 1]


def _in_subjects(c: Compiler, prop: Identifier, pattern: str) -> Cert:
    """Every focus node (of ``pattern``) has a value of ``prop``'s path."""
    path = c.path(prop)[0]
    return Cert(_distinct(f"{{ {pattern} }} UNION {{ ?this {path} ?v }}"),
                _distinct(f"?this {path} ?v"))


def _property_certs(c: Compiler, prop: Identifier, pattern: str, target: str,
                    grouped: bool = False) -> list[Cert]:
    """The certificates of a property shape's constraints; ``grouped``: its sh:minCount 1
    is proved with others (:func:`_exactly_one`) where its subjects number the focus
    nodes."""
    path, _ = c.path(prop)
    v = c.var()
    values = f"{{ SELECT ?this {v} WHERE {{ ?this {path} {v} }} }}"
    subjects, certs, checks = _distinct(f"?this {path} ?v"), [], []
    for key, arg in sorted(c.g.predicate_objects(prop)):
        if key == SH.minCount:
            if int(arg) > 1:
                certs.append(NEVER)
            elif grouped:
                certs.append(Cert(subjects, _distinct(pattern),
                                  (_in_subjects(c, prop, pattern),)))
            elif int(arg) == 1:
                certs.append(_in_subjects(c, prop, pattern))
        elif key == SH.maxCount:
            if int(arg) < 1:
                certs.append(NEVER)
                continue
            many = (f"SELECT ?this WHERE {{ ?this {path} ?v }} GROUP BY ?this "
                    f"HAVING (COUNT(*) > {int(arg)})")
            certs.append(Cert(_rows(f"?this {path} ?v"), subjects,
                              (Cert(f"ASK {{ {{ {many} }} {target} }}"),)))
        elif key == SH["class"]:
            typed = f"?this a {n3(arg)}"
            certs.append(Cert(_distinct(f"{{ {typed} }} UNION {{ ?any {path} ?this }}"),
                              _distinct(typed), (Cert(
                f"ASK {{ {values} {target} MINUS {{ {v} a {n3(arg)} }} }}"),)))
        elif key in _VALUE_KEYS:
            meets = _meets(c, key, arg)
            if meets is None:
                checks.append((key, c.value_ok(key, arg, v)))
            else:
                certs.append(Cert(f"ASK {{ {{ SELECT ?this WHERE {{ ?any {path} ?this }} }} "
                                  f"MINUS {meets} }}", narrower=(Cert(
                    f"ASK {{ {values} {target} MINUS {_meets(c, key, arg, v)} }}"),)))
        else:
            query = c.property_query(key, arg, path, target)
            if query is None:
                continue
            if key == SH.hasValue:
                certs.append(Cert(f"ASK {{ {target} MINUS {{ ?this {path} {n3(arg)} }} }}"))
            elif key in (SH.lessThan, SH.lessThanOrEquals):
                other, op = c.var(), "<" if key == SH.lessThan else "<="
                pairs = f"{values} {{ SELECT ?this {other} WHERE {{ ?this {n3(arg)} {other} }} }}"
                fails = f"FILTER (!COALESCE({v} {op} {other}, false))"
                certs.append(Cert(f"ASK {{ {pairs} {fails} }}",
                                  narrower=(Cert(f"ASK {{ {pairs} {target} {fails} }}"),)))
            else:
                certs.append(NEVER)
    if checks and all(key == SH.nodeKind for key, _ in checks):  # distinct: no fewer
        fails = f"FILTER (!({' && '.join(check for _, check in checks)}))"
        certs.append(Cert(f"ASK {{ ?any {path} {v} {fails} }}",
                          narrower=(Cert(f"ASK {{ {values} {target} {fails} }}"),)))
    elif checks:  # each distinct value once: a value's text is read to check it
        bad = c.bad_values(path, v, [check for _, check in checks], [])
        certs.append(Cert(f"ASK {{ {bad} }}",
                          narrower=(Cert(f"ASK {{ {{ {bad} }} {values} {target} }}"),)))
    return certs


@functools.cache
def _certs() -> dict[Identifier, tuple[Cert, ...]]:
    c = _compiler()
    return {plan.shape: tuple(shape_certs(c, plan.shape)) for plan in _plans()}


def _answer(store: ox.Store, query: str) -> object:
    """An ASK's answer, or the number ?n a count selects."""
    result = store.query(query, prefixes=_PREFIXES)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    return int(next(iter(result))["n"].value)


def uncertified(store: ox.Store, pool: Executor,
                certs: dict[Identifier, Sequence[Cert]] | None = None) -> set[Identifier]:
    """The shapes whose certificates (``certs``: by default those of kg's shapes with a
    target) do not all hold in ``store``: the queries run on ``pool``, each once, all of a
    round at once (the narrower certificates of those that fail in the next)."""
    answers: dict[str, Future] = {}

    def ask(cert: Cert) -> None:
        for query in (cert.left, cert.right):
            if query and query not in answers:
                answers[query] = pool.submit(_answer, store, query)

    def holds(cert: Cert) -> bool:
        if cert is NEVER:
            return False
        left = answers[cert.left].result()
        return (not left if cert.right is None
                else left == answers[cert.right].result())

    failed: set[Identifier] = set()
    pending = {shape: list(of) for shape, of in (_certs() if certs is None else certs).items()}
    while pending:
        for of in pending.values():
            for cert in of:
                ask(cert)
        later: dict[Identifier, list[Cert]] = {}
        for shape, of in pending.items():
            narrower = []
            for cert in of:
                if holds(cert):
                    continue
                if not cert.narrower:
                    failed.add(shape)
                    break
                narrower.extend(cert.narrower)
            else:
                if narrower:
                    later[shape] = narrower
        pending = later
    return failed
