"""Records → an rdflib Graph, in the kg vocabulary (``ontology/kg.ttl``).

:func:`paper_graph` is the whole of the paper stage; the ``add_*`` functions it is made of
each add one kind of node and return its IRI, so that a later stage (entities, mentions,
relations, results from the extractors) adds its own ``add_*`` functions next to these and
calls them on the same graph. The graph has no blank nodes and every IRI comes from
:mod:`kg.graph.iris`, so the same records give the same graph in any order.

>>> import datetime as dt
>>> from kg.records import SourceSpan
>>> paper = Paper("We propose X.", (SourceSpan("a.txt", 3, 5, "abstracts"),), title="X",
...               authors=("Ann Lee",), date=dt.date(2022, 10, 12))
>>> g = paper_graph([paper], [])
>>> g.value(paper_iri(paper), DCTERMS.title)
rdflib.term.Literal('X')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg.graph.iris import (
    authorship_iri,
    organization_iri,
    paper_iri,
    person_iri,
    profile_iri,
    source_iri,
)
from kg.graph.vocab import DCTERMS, FOAF, KG, PROV, RDF, RDFS, SDO, XSD, bind_prefixes
from kg.normalize import name_key, person_key
from kg.records import Paper, ProfileStats, SourceSpan


@dataclass(frozen=True, slots=True)
class Names:
    """The one display name chosen for each person key and organisation key, so that a
    person spelt ``Hua Wu`` in one listing and ``Hua WU`` in another gets one foaf:name (the
    other spellings become kg:alias)."""

    people: dict[str, str]
    organizations: dict[str, str]

    def person(self, name: str) -> str:
        return self.people[person_key(name)]

    def organization(self, name: str) -> str:
        return self.organizations[name_key(name)]


def clean_name(name: str) -> str:
    """A name with its whitespace collapsed: the form written to the graph."""
    return " ".join(name.split())


def choose_names(papers: Iterable[Paper], profiles: Iterable[ProfileStats]) -> Names:
    """The display name of every person and organisation in the records: per key, the most
    frequent spelling, ties going to the smallest string (so record order does not matter).
    """
    people: dict[str, Counter[str]] = defaultdict(Counter)
    orgs: dict[str, Counter[str]] = defaultdict(Counter)
    for paper in papers:
        for name in paper.authors:
            people[person_key(name)][clean_name(name)] += 1
        if paper.organization:
            orgs[name_key(paper.organization)][clean_name(paper.organization)] += 1
    for stats in profiles:
        if stats.owner:
            people[person_key(stats.owner)][clean_name(stats.owner)] += 1

    def pick(spellings: dict[str, Counter[str]]) -> dict[str, str]:
        return {key: min(c.items(), key=lambda item: (-item[1], item[0]))[0]
                for key, c in spellings.items()}

    return Names(pick(people), pick(orgs))


def new_graph() -> Graph:
    """An empty graph with kg's prefixes bound (and no others)."""
    return bind_prefixes(Graph(bind_namespaces="none"))


def paper_graph(papers: Sequence[Paper], profiles: Sequence[ProfileStats]) -> Graph:
    """The graph of merged ``papers`` (one record per distinct paper, with all its sources)
    and of the author-profile listings ``profiles``.

    A profile lists (kg:listsPaper) every paper that was read from its file.
    """
    g = new_graph()
    names = choose_names(papers, profiles)
    by_profile_file: dict[str, set[URIRef]] = defaultdict(set)
    for paper in papers:
        iri = add_paper(g, paper, names)
        for span in paper.sources:
            if span.layout == "profile":
                by_profile_file[span.path].add(iri)
    for stats in profiles:
        add_profile(g, stats, by_profile_file.get(stats.source.path, ()), names)
    return g


def add_paper(g: Graph, paper: Paper, names: Names) -> URIRef:
    """Add a paper with its sources, authors and listed affiliation; return its IRI."""
    iri = paper_iri(paper)
    g.add((iri, RDF.type, KG.Paper))
    g.add((iri, SDO.abstract, Literal(paper.abstract)))
    if paper.title:
        g.add((iri, DCTERMS.title, Literal(paper.title)))
    if paper.date is not None:
        g.add((iri, SDO.datePublished, Literal(paper.date, datatype=XSD.date)))
        if paper.year_inferred:
            g.add((iri, KG.yearInferred, Literal(True)))
    if paper.category:
        g.add((iri, KG.arxivCategory, Literal(paper.category)))
    if paper.score is not None:
        g.add((iri, KG.listingScore, decimal_literal(paper.score)))
    if paper.has_code is not None:
        g.add((iri, KG.hasCode, Literal(paper.has_code)))
    if paper.organization and name_key(paper.organization):
        g.add((iri, KG.listedAffiliation, add_organization(g, paper.organization, names)))
    for span in paper.sources:
        g.add((iri, PROV.wasDerivedFrom, add_source(g, span)))
    add_authors(g, iri, paper.authors, names)
    if paper.authors:
        g.add((iri, KG.authorListTruncated, Literal(paper.authors_truncated)))
    return iri


def add_authors(g: Graph, paper: URIRef, authors: Sequence[str], names: Names) -> None:
    """Add the ordered author slots of ``paper`` (kg:authorship) and schema:author links."""
    for position, name in enumerate(authors, start=1):
        person = add_person(g, name, names)
        slot = authorship_iri(paper, position)
        g.add((paper, KG.authorship, slot))
        g.add((slot, RDF.type, KG.Authorship))
        g.add((slot, KG.authorPosition, Literal(position, datatype=XSD.positiveInteger)))
        g.add((slot, KG.agent, person))
        g.add((paper, SDO.author, person))


def add_person(g: Graph, name: str, names: Names) -> URIRef:
    """Add a person (foaf:name the chosen spelling, kg:alias this one if it differs,
    kg:personKey the key of both)."""
    iri = person_iri(name)
    chosen = names.person(name)
    g.add((iri, RDF.type, KG.Person))
    g.add((iri, FOAF.name, Literal(chosen)))
    g.add((iri, KG.personKey, Literal(person_key(name))))
    if clean_name(name) != chosen:
        g.add((iri, KG.alias, Literal(clean_name(name))))
    return iri


def name_keys(names: Iterable[str]) -> list[str]:
    """The ``kg:nameKey`` values of an entity with ``names`` (label and aliases): each
    name's ``name_key`` that is not empty, once.

    >>> name_keys(["Long Range Arena", "LRA", "long-range arena"])
    ['longrangearena', 'lra']
    """
    return sorted({k for k in map(name_key, names) if k})


def add_organization(g: Graph, name: str, names: Names) -> URIRef:
    """Add an organisation named by a listing; it is the same node as an extracted
    Organization entity with the same normalised key."""
    iri = organization_iri(name)
    chosen = names.organization(name)
    g.add((iri, RDF.type, KG.Organization))
    g.add((iri, RDFS.label, Literal(chosen)))
    g.add((iri, KG.normalizedKey, Literal(name_key(name))))
    if clean_name(name) != chosen:
        g.add((iri, KG.alias, Literal(clean_name(name))))
    for key in name_keys([chosen, clean_name(name)]):  # as add_entity: found by any name
        g.add((iri, KG.nameKey, Literal(key)))
    return iri


def add_source(g: Graph, span: SourceSpan) -> URIRef:
    """Add the source record of a file span."""
    iri = source_iri(span)
    g.add((iri, RDF.type, KG.SourceRecord))
    g.add((iri, KG.sourceFile, Literal(span.path)))
    g.add((iri, KG.startLine, Literal(span.start_line, datatype=XSD.positiveInteger)))
    g.add((iri, KG.endLine, Literal(span.end_line, datatype=XSD.positiveInteger)))
    g.add((iri, KG.layout, Literal(span.layout)))
    return iri


_COUNTS = (("h_index", KG.hIndex), ("papers", KG.paperCount),
           ("citations", KG.citationCount), ("listed", KG.listedPaperCount))
_SCORES = (("novelty", KG.novelty), ("ai_score", KG.aiScore))


def add_profile(g: Graph, stats: ProfileStats, listed: Iterable[URIRef],
                names: Names) -> URIRef:
    """Add an author-profile listing with its stats, owner and the papers it lists."""
    iri = profile_iri(stats)
    g.add((iri, RDF.type, KG.AuthorProfile))
    g.add((iri, PROV.wasDerivedFrom, add_source(g, stats.source)))
    for field, prop in _COUNTS:
        if (count := getattr(stats, field)) is not None:
            g.add((iri, prop, Literal(count, datatype=XSD.nonNegativeInteger)))
    for field, prop in _SCORES:
        if (score := getattr(stats, field)) is not None:
            g.add((iri, prop, decimal_literal(score)))
    if stats.category:
        g.add((iri, KG.profileCategory, Literal(stats.category)))
    if stats.owner and person_key(stats.owner):
        g.add((iri, KG.profileOwner, add_person(g, stats.owner, names)))
    for paper in listed:
        g.add((iri, KG.listsPaper, paper))
    return iri


def decimal_literal(value: float) -> Literal:
    """An xsd:decimal literal with the shortest decimal form of ``value`` (no exponent;
    ``-0.0`` is ``0.0``).

    >>> decimal_literal(0.1 + 0.2).n3()
    '"0.30000000000000004"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    >>> str(decimal_literal(1e-7)), str(decimal_literal(-0.0))
    ('0.0000001', '0.0')
    """
    number = Decimal(repr(float(value) + 0.0))
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return Literal(number, datatype=XSD.decimal)
