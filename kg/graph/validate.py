"""Check a graph against the SHACL shapes in ``ontology/shapes.ttl`` with pySHACL.

The shapes target concrete classes only and the graph carries those classes, so no
inference runs and the ontology is not mixed in: validation reads the graph as it is.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Node
from rdflib.namespace import SH, NamespaceManager

from kg.errors import KgError
from kg.graph.vocab import RDF, bind_prefixes

_SOURCE_ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
_LONGEST_SHOWN = 120  # characters of a node shown in a report line


@dataclass(frozen=True, slots=True)
class ValidationOutcome:
    """What SHACL validation found: ``count`` violations, one line each in ``report``."""

    conforms: bool
    count: int
    report: str


def ontology_text(name: str) -> str:
    """The text of ``name`` (``kg.ttl`` or ``shapes.ttl``) from the ontology directory: the
    ``kg/ontology`` package data of an installed wheel, else ``ontology/`` of a checkout."""
    packaged = resources.files("kg") / "ontology" / name
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    try:
        return (_SOURCE_ONTOLOGY / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise KgError(f"cannot find the kg ontology file {name} "
                      f"(looked in the kg package and in {_SOURCE_ONTOLOGY})") from exc


@functools.cache
def _parsed(name: str) -> Graph:
    return Graph(bind_namespaces="none").parse(data=ontology_text(name), format="turtle")


def ontology_graph() -> Graph:
    """A fresh copy of the OWL ontology ``kg.ttl``."""
    return _copy(_parsed("kg.ttl"))


def shapes_graph() -> Graph:
    """A fresh copy of the SHACL shapes ``shapes.ttl``."""
    return _copy(_parsed("shapes.ttl"))


def _copy(source: Graph) -> Graph:
    g = bind_prefixes(Graph(bind_namespaces="none"))
    for triple in source:
        g.add(triple)
    return g


def validate_graph(g: Graph, shapes: Graph | None = None) -> ValidationOutcome:
    """Validate ``g`` against the kg shapes (or ``shapes``); ``g`` is not modified.

    >>> from rdflib import URIRef
    >>> from kg.graph.vocab import KG
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/mlkg/id/paper/x"), RDF.type, KG.Paper))
    >>> outcome = validate_graph(g)
    >>> outcome.conforms, outcome.count
    (False, 2)
    >>> print(outcome.report)
    <https://w3id.org/mlkg/id/paper/x> prov:wasDerivedFrom: a paper is derived from at least one kg:SourceRecord
    <https://w3id.org/mlkg/id/paper/x> schema:abstract: a paper has exactly one non-empty abstract
    """  # noqa: E501
    conforms, results, _ = validate(
        g, shacl_graph=shapes if shapes is not None else _parsed("shapes.ttl"),
        inference="none", abort_on_first=False, allow_warnings=True,
    )
    names = bind_prefixes(Graph(bind_namespaces="none")).namespace_manager
    nested = set(results.objects(None, SH.detail))  # the reasons behind a sh:node failure
    lines = sorted(_describe(results, r, names)
                   for r in results.subjects(RDF.type, SH.ValidationResult)
                   if r not in nested and results.value(r, SH.resultSeverity) == SH.Violation)
    return ValidationOutcome(bool(conforms), len(lines), "\n".join(lines))


def _describe(results: Graph, result: Node, names: NamespaceManager) -> str:
    """One line: focus node, path, message, and the offending value if it is not the focus."""

    def show(node: Node) -> str:
        inverse = results.value(node, SH.inversePath)
        if inverse is not None:
            return "^" + show(inverse)
        text = node.n3(names)
        return text if len(text) <= _LONGEST_SHOWN else text[:_LONGEST_SHOWN - 1] + "…"

    focus = results.value(result, SH.focusNode)
    parts = [show(focus)]
    if (path := results.value(result, SH.resultPath)) is not None:
        parts.append(show(path) + ":")
    else:
        parts[0] += ":"
    parts.append(str(results.value(result, SH.resultMessage) or "does not conform"))
    value = results.value(result, SH.value)
    if value is not None and value != focus:
        parts.append(f"(value: {show(value)})")
    return " ".join(parts)
