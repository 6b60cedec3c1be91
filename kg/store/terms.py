"""RDF terms between rdflib and pyoxigraph, both ways.

Plain literals are ``xsd:string`` in pyoxigraph and have no datatype in rdflib; both
directions map one to the other, so a term survives the round trip. A store does not keep
every datatype, though: Oxigraph stores the integer types derived from ``xsd:integer``
(``xsd:positiveInteger``, ``xsd:nonNegativeInteger``, ...) as ``xsd:integer`` (its
literal normalisation, oxigraph/oxigraph#526); :func:`store_form` gives a term as a store
gives it back.

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

__all__ = ["INTEGER_TYPES", "XSD_STRING", "from_ox", "store_form", "to_ox"]

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



_XSD = "http://www.w3.org/2001/XMLSchema#"
#: The datatypes Oxigraph stores as xsd:integer.
INTEGER_TYPES = frozenset(URIRef(_XSD + name) for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte"))


def store_form(term: Identifier) -> Identifier:
    """``term`` as a store gives it back (Oxigraph's normal form of a typed literal: an
    integer type as xsd:integer, a decimal without trailing zeros, ...), found by storing
    it in a scratch in-memory store.

    >>> store_form(Literal("5", datatype=URIRef(_XSD + "positiveInteger"))).datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')
    >>> str(store_form(Literal("0.250", datatype=URIRef(_XSD + "decimal"))))
    '0.25'
    """
    if not isinstance(term, Literal) or term.datatype is None:
        return term
    node = ox.NamedNode("urn:kg:x")
    scratch = ox.Store()
    scratch.add(ox.Quad(node, node, to_ox(term)))
    return from_ox(next(iter(scratch)).object)
