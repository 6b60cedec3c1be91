"""The one place kg mints IRIs for the things in its graph.

Every IRI is a function of content only (never of run order, file order or a counter), so
building the same inputs twice, or in another order, gives the same IRIs; and no node is
ever blank, so the N-Triples output can be sorted into byte-stable files.

The scheme, under ``https://w3id.org/mlkg/id/`` (``<h16>``: 16 hex digits of a sha1):

- ``paper/<h16>``: the first ``ABSTRACT_KEY_CHARS`` characters of ``text_key(abstract)``,
  the key kg.resolve merges papers on, so a longer copy of an abstract keeps the IRI
- ``person/<seg>``: ``person_key(name)``
- ``<type>/<seg>``: an extracted entity, by lower-cased type name and normalised key;
  a listed affiliation is ``organization/<seg>`` of ``name_key(name)``, the same node
- ``source/<h16>``: a source span's path, lines and layout
- ``family/<seg>/<year>``: the papers of a model family (its name as written) in a year
  (``undated``: without a date), counted by kg analyse
- ``profile/<h16>``: a profile's owner (or, without one, its file) and its stats
- ``<paper>/author/<n>``: the n-th author slot of a paper (1-based)
- ``<paper>/mention/<field>/<type>/<start>-<end>/<h8>``: a mention of the name with key
  ``<h8>`` (8 hex digits of its sha1) at offsets ``[start, end)`` of the paper's ``<field>``
  (title or abstract), with ``<mention>/target`` (its oa:SpecificResource) and
  ``<mention>/selector`` (its oa:TextPositionSelector)
- ``<paper>/statement/<h16>``: an rdf:Statement of a relation the paper states: subject,
  predicate, object, field and sentence offsets
- ``statement/<h16>``: an rdf:Statement inferred from the whole graph (successorOf): subject,
  predicate, object
- ``<paper>/result/<h16>``: a result's model, dataset, metric, value and unit
- ``<node>/passage/<field>/<start>-<end>``: the oa:SpecificResource of the text a statement
  or result was read from, with ``<passage>/selector``

A ``<seg>`` is the key itself when it is plain ASCII (``[a-z0-9]`` runs joined by single
``.``, ``-`` or ``/``), else an ASCII rendering of it, ``_`` and 12 hex digits of its sha1;
the two forms cannot collide, since only the second contains ``_``.

>>> str(entity_iri("Model", "ernievilg2.0"))
'https://w3id.org/mlkg/id/model/ernievilg2.0'
>>> str(person_iri("Hua  WU"))
'https://w3id.org/mlkg/id/person/hua-wu_4a8cc1ca9b54'
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable

from rdflib import URIRef

from kg.graph.vocab import ENTITY_CLASSES, ID
from kg.normalize import name_key, person_key, text_key
from kg.records import Paper, ProfileStats, SourceSpan
from kg.resolve import ABSTRACT_KEY_CHARS

_PLAIN = re.compile(r"[a-z0-9]+(?:[./-][a-z0-9]+)*")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SEP = "\x1f"  # joins the parts of a hashed key; never appears in text kg reads


def _sha1(parts: Iterable[object], length: int = 16) -> str:
    text = _SEP.join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def _segment(key: str) -> str:
    """A path segment that stands for ``key`` and for no other key."""
    if not key:
        raise ValueError("cannot mint an IRI from an empty key")
    if _PLAIN.fullmatch(key):
        return key
    ascii_text = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:48].strip("-")
    return f"{slug}_{_sha1([key], 12)}" if slug else f"_{_sha1([key], 12)}"


def _check_number(value: float | None, what: str) -> None:
    if value is not None and not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, not {value!r}")


def paper_key(paper: Paper) -> str:
    """The content key a paper's IRI is minted from: the start of its abstract's text key."""
    key = text_key(paper.abstract)[:ABSTRACT_KEY_CHARS]
    if not key:
        raise ValueError(f"cannot mint a paper IRI: abstract has no letters or digits: "
                         f"{paper.abstract!r}")
    return key


def paper_iri(paper: Paper) -> URIRef:
    """The IRI of a paper, from its abstract.

    >>> a = Paper("Abstract: We study X.", ())
    >>> paper_iri(a) == paper_iri(Paper("we study x", (), title="Another title"))
    True
    """
    return _abstract_iri(paper.abstract)


@functools.lru_cache(maxsize=1 << 12)  # every triple of a paper's names it: key it once
def _abstract_iri(abstract: str) -> URIRef:
    return ID[f"paper/{_sha1([paper_key(Paper(abstract, ()))])}"]


def person_iri(name: str) -> URIRef:
    """The IRI of a person, from ``person_key(name)``: spellings that differ only in case,
    spacing, dots and commas name one person."""
    key = person_key(name)
    if not key:
        raise ValueError(f"cannot mint a person IRI from the name {name!r}")
    return ID[f"person/{_segment(key)}"]


def entity_iri(type_name: str, key: str) -> URIRef:
    """The IRI of an extracted entity of type ``type_name`` (a key of ENTITY_CLASSES) whose
    normalised key is ``key`` (``name_key`` of its name; for a repository, its
    ``github.com/<owner>/<repo>`` form)."""
    if type_name not in ENTITY_CLASSES:
        raise ValueError(f"unknown entity type {type_name!r} "
                         f"(known: {', '.join(sorted(ENTITY_CLASSES))})")
    return ID[f"{type_name.lower()}/{_segment(key)}"]


def organization_iri(name: str) -> URIRef:
    """The IRI of an organisation, from ``name_key(name)``; the same node as the extracted
    Organization entity of that name."""
    key = name_key(name)
    if not key:
        raise ValueError(f"cannot mint an organization IRI from the name {name!r}")
    return entity_iri("Organization", key)


def family_year_iri(family: str, year: int | None) -> URIRef:
    """The kg:FamilyYear node of the papers of model family ``family`` (as written) in
    ``year`` (None: papers without a date).

    >>> str(family_year_iri("ERNIE", 2023))
    'https://w3id.org/mlkg/id/family/ernie_bab4f57da71f/2023'
    """
    return ID[f"family/{_segment(family)}/{'undated' if year is None else int(year)}"]


def source_iri(span: SourceSpan) -> URIRef:
    """The IRI of the source record of a file span."""
    return ID[f"source/{_sha1([span.path, span.start_line, span.end_line, span.layout])}"]


def authorship_iri(paper: URIRef, position: int) -> URIRef:
    """The IRI of the author slot at 1-based ``position`` of the paper with IRI ``paper``."""
    if position < 1:
        raise ValueError(f"author positions start at 1, not {position}")
    return URIRef(f"{paper}/author/{position}")


def profile_iri(stats: ProfileStats) -> URIRef:
    """The IRI of an author-profile listing: from its owner and stats, or from its file and
    stats when it names no owner. Two copies of one profile page are one node."""
    for what in ("novelty", "ai_score"):
        _check_number(getattr(stats, what), what)
    if stats.owner and person_key(stats.owner):
        who = "owner:" + person_key(stats.owner)
    else:
        who = "file:" + stats.source.path
    numbers = (stats.category, stats.h_index, stats.papers, stats.citations, stats.novelty,
               stats.ai_score, stats.listed)
    return ID[f"profile/{_sha1([who, *numbers])}"]


FIELDS = ("title", "abstract")


def _check_span(field: str, start: int, end: int) -> None:
    if field not in FIELDS:
        raise ValueError(f"unknown text field {field!r} (known: {', '.join(FIELDS)})")
    if not 0 <= start < end:
        raise ValueError(f"a text span needs 0 <= start < end, not {start}, {end}")


def mention_iri(paper: URIRef, field: str, type_name: str, start: int, end: int,
                key: str) -> URIRef:
    """The IRI of the mention of the name with key ``key``, an entity of type ``type_name``,
    at character offsets ``[start, end)`` of the ``field`` ("title" or "abstract") of the
    paper with IRI ``paper``.

    >>> str(mention_iri(ID["paper/p"], "abstract", "Model", 3, 8, "ernie"))
    'https://w3id.org/mlkg/id/paper/p/mention/abstract/model/3-8/cabfb98f'
    """
    if type_name not in ENTITY_CLASSES:
        raise ValueError(f"unknown entity type {type_name!r}")
    _check_span(field, start, end)
    if not key:
        raise ValueError("cannot mint a mention IRI from an empty key")
    return URIRef(f"{paper}/mention/{field}/{type_name.lower()}/{start}-{end}/{_sha1([key], 8)}")


def mention_target_iri(mention: URIRef) -> URIRef:
    """The oa:SpecificResource node of a mention (its oa:hasTarget)."""
    return URIRef(f"{mention}/target")


def mention_selector_iri(mention: URIRef) -> URIRef:
    """The oa:TextPositionSelector node of a mention's target."""
    return URIRef(f"{mention}/selector")


def result_iri(paper: URIRef, model_key: str, dataset_key: str | None,
               metric_key: str | None, value: float, unit: str | None = None) -> URIRef:
    """The IRI of a result the paper with IRI ``paper`` reports: ``value`` (in ``unit``) for
    the model with key ``model_key`` on the dataset with key ``dataset_key`` under the
    metric with key ``metric_key`` (either None when the paper names none)."""
    _check_number(value, "a result's value")
    h = _sha1([model_key, dataset_key, metric_key, repr(float(value)), unit])
    return URIRef(f"{paper}/result/{h}")


def statement_iri(paper: URIRef, subject: URIRef, predicate: URIRef, obj: URIRef, field: str,
                  start: int, end: int) -> URIRef:
    """The IRI of the rdf:Statement that the paper with IRI ``paper`` states ``subject
    predicate obj`` in the sentence at ``[start, end)`` of its ``field``."""
    _check_span(field, start, end)
    return URIRef(f"{paper}/statement/{_sha1([subject, predicate, obj, field, start, end])}")


def inferred_statement_iri(subject: URIRef, predicate: URIRef, obj: URIRef) -> URIRef:
    """The IRI of the rdf:Statement of ``subject predicate obj`` when it is inferred from the
    whole graph (successorOf from names), not stated by a paper."""
    return ID[f"statement/{_sha1([subject, predicate, obj])}"]


def passage_iri(node: URIRef, field: str, start: int, end: int) -> URIRef:
    """The oa:SpecificResource of the text at ``[start, end)`` of a paper's ``field`` that
    the statement or result ``node`` was read from."""
    _check_span(field, start, end)
    return URIRef(f"{node}/passage/{field}/{start}-{end}")


def passage_selector_iri(passage: URIRef) -> URIRef:
    """The oa:TextPositionSelector of a passage."""
    return URIRef(f"{passage}/selector")


_NAME = re.compile(r"[a-z][a-z0-9-]*")


def _name_segment(what: str, name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"{what} must be lower-case letters, digits and '-', not {name!r}")
    return name


def analysis_iri(projection: str, name: str) -> URIRef:
    """The IRI of the kg:Analysis that ran the measure or community algorithm ``name`` on
    the ``projection`` ("coauthorship", "lineage") of the graph; one per pair, so a new
    analysis replaces the old one.

    >>> str(analysis_iri("coauthorship", "pagerank"))
    'https://w3id.org/mlkg/id/analysis/coauthorship/pagerank'
    """
    return ID[f"analysis/{_name_segment('a projection', projection)}/"
              f"{_name_segment('an analysis name', name)}"]


def community_iri(projection: str, algorithm: str, members: Iterable[str]) -> URIRef:
    """The IRI of the community of ``members`` (node IRIs) that ``algorithm`` found in
    ``projection``: from its members, not from its number, so it names the same group
    whichever order the communities are listed in."""
    key = sorted(set(map(str, members)))
    if not key:
        raise ValueError("a community has at least one member")
    return ID[f"community/{_name_segment('a projection', projection)}/"
              f"{_name_segment('an algorithm', algorithm)}/{_sha1(key)}"]
