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
- ``profile/<h16>``: a profile's owner (or, without one, its file) and its stats
- ``<paper>/author/<n>``: the n-th author slot of a paper (1-based)
- ``<paper>/mention/<type>/<start>-<end>``: a mention, with ``<mention>/target`` (its
  oa:SpecificResource) and ``<mention>/selector`` (its oa:TextPositionSelector)
- ``<paper>/result/<h16>``: a result's model, dataset, metric, value and unit

A ``<seg>`` is the key itself when it is plain ASCII (``[a-z0-9]`` runs joined by single
``.``, ``-`` or ``/``), else an ASCII rendering of it, ``_`` and 12 hex digits of its sha1;
the two forms cannot collide, since only the second contains ``_``.

>>> str(entity_iri("Model", "ernievilg2.0"))
'https://w3id.org/mlkg/id/model/ernievilg2.0'
>>> str(person_iri("Hua  WU"))
'https://w3id.org/mlkg/id/person/hua-wu_4a8cc1ca9b54'
"""

from __future__ import annotations

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
    return ID[f"paper/{_sha1([paper_key(paper)])}"]


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


def mention_iri(paper: URIRef, type_name: str, start: int, end: int) -> URIRef:
    """The IRI of the mention of an entity of type ``type_name`` at character offsets
    ``[start, end)`` of the text of the paper with IRI ``paper``."""
    if type_name not in ENTITY_CLASSES:
        raise ValueError(f"unknown entity type {type_name!r}")
    if not 0 <= start < end:
        raise ValueError(f"a mention needs 0 <= start < end, not {start}, {end}")
    return URIRef(f"{paper}/mention/{type_name.lower()}/{start}-{end}")


def mention_target_iri(mention: URIRef) -> URIRef:
    """The oa:SpecificResource node of a mention (its oa:hasTarget)."""
    return URIRef(f"{mention}/target")


def mention_selector_iri(mention: URIRef) -> URIRef:
    """The oa:TextPositionSelector node of a mention's target."""
    return URIRef(f"{mention}/selector")


def result_iri(paper: URIRef, model_key: str, dataset_key: str | None, metric_key: str,
               value: float, unit: str | None = None) -> URIRef:
    """The IRI of a result the paper with IRI ``paper`` reports: ``value`` (in ``unit``) for
    the model with key ``model_key`` on the dataset with key ``dataset_key`` (None when the
    paper names none) under the metric with key ``metric_key``."""
    _check_number(value, "a result's value")
    h = _sha1([model_key, dataset_key, metric_key, repr(float(value)), unit])
    return URIRef(f"{paper}/result/{h}")
