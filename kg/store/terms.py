"""RDF terms between rdflib and pyoxigraph, both ways.

Plain literals are ``xsd:string`` in pyoxigraph and have no datatype in rdflib; both
directions map one to the other, so a term survives the round trip.

>>> from rdflib import Literal, URIRef
>>> from kg.graph.vocab import XSD
>>> [from_ox(to_ox(t)) == t for t in (URIRef("https://x/a"), Literal("é"), Literal("en", lang="en"),
...                                    Literal("0.5", datatype=XSD.decimal))]
[True, True, True, True]
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

__all__ = ["XSD_STRING", "from_ox", "to_ox"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_STRING_NODE = ox.NamedNode(XSD_STRING)


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: object) -> Identifier | None:
    """A pyoxigraph term as an rdflib term (None stays None: an unbound variable)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype == _XSD_STRING_NODE:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")

