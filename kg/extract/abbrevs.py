"""``kg_abbrevs``: abbreviation pairs, ``Long Range Arena (LRA)`` or ``KnowRL (Knowledge-Guided
Reinforcement Learning)``, found with the Schwartz & Hearst (2003) algorithm: the short
form's characters must appear, in order, in the long form, the first at a word start.

Each pair becomes one span over the long form (``id_`` = the short form) labelled with the
type the long form's head word gives; pairs whose long form names no known kind of thing
are dropped ("atomic knowledge points (KPs)").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.context import doc_text, plain_spans
from kg.extract.heads import described_type, type_from_head
from kg.extract.names import BRINGS_IN

PAREN = re.compile(r"\(([^()]{1,120})\)")
SHORT = re.compile(r"^[A-Za-z][A-Za-z0-9&+./-]{0,11}$")
_SHORT_BEFORE = re.compile(r"([A-Za-z][\w+.-]{1,15})\}?\s*$")  # SF (Long Form)
# A description right after the pair: "Tiny Time Mixers (TTM), a compact model ...".
_DESCRIBED = re.compile(r",\s+(?:a|an)\s+[^.;:()]{1,80}")
_TITLED = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)+")
# A name in title case with a preposition inside: "Action Chunking with Transformers".
_TITLED_WITH_PREP = re.compile(r"[A-Z][\w-]*(?: (?:[A-Z][\w-]*|with|for|of|via|and|in|on|"
                               r"from|using|to|per))* [A-Z][\w-]*")
# The kind of thing a name is, said right before it: "a simple yet novel algorithm, X".
_KIND_BEFORE = re.compile(r"\b(?:an?|the|our)\s+(?:[\w-]+\s+){0,4}?([a-z]+),\s*$")
# Words before a name in title case that make it a technique the paper brings in.
_AS_TECHNIQUE = re.compile(r"\b(?:components?|techniques?|modules?|strateg(?:y|ies)|"
                           r"mechanisms?|propose[sd]?|introduce[sd]?)\b[^.;]*$", re.I)
# The paper's own models may be named in lower case: "we propose consistency models (CMs)".
_PROPOSED = re.compile(r"\b(?:propose|present|introduce|develop)[sd]?\s+(?:an?\s+|the\s+)?"
                       r"(?:new\s+|novel\s+)?$", re.I)
# "We develop a deep generative model for ..., the conditional variational auto-encoder
# (CVAE)": the name the authors give what they bring in, after a comma.
_APPOSITION = re.compile(r",\s+(?:the|an?|our)\s+$")
_PROPOSING_BEFORE = re.compile(rf"\b[Ww]e\s+(?:also\s+|first\s+)?{BRINGS_IN}\b[^.;]*$")

_PREP = re.compile(r"\s+(?:with|for|via|of|on|from|under|through|in|using)\s+.*$", re.I)


_NOT_FIRST = {"a", "an", "the", "we", "our", "this", "that", "these", "those", "and", "or",
              "of", "in", "on", "with", "for", "to", "by", "is", "are", "was", "which",
              "called", "named", "proposed", "propose", "present", "introduce", "use",
              "using", "its", "their", "from", "as", "at"}


def long_form(short: str, before: str) -> str | None:
    """The long form of ``short`` at the end of ``before``, or None (Schwartz & Hearst).

    >>> long_form("LRA", "results on the Long Range Arena")
    'Long Range Arena'
    >>> long_form("CSS", "and uses Constrained Subset Search")
    'Constrained Subset Search'
    >>> long_form("KPs", "decomposes guidance into atomic knowledge points")
    'knowledge points'
    """
    letters = [c.lower() for c in short if c.isalnum()]
    if len(letters) < 2 or not any(c.isupper() for c in short):
        return None
    words = before.split()
    initials = words[-len(letters):]
    if len(initials) == len(letters) and all(  # one word per letter: "Invariant Information
            w[0].lower() == c for w, c in zip(initials, letters, strict=True)  # Clustering"
    ) and initials[0].lower() not in _NOT_FIRST:  # (not "Information Clustering")
        return " ".join(initials)
    text = " ".join(words[-min(len(letters) + 5, 2 * len(letters)):])
    s = len(text) - 1
    for li in range(len(letters) - 1, -1, -1):
        c = letters[li]
        while s >= 0 and (text[s].lower() != c or (li == 0 and s > 0 and text[s - 1].isalnum())):
            s -= 1
        if s < 0:
            return None
        s -= 1
    found = text[text.rfind(" ", 0, s + 1) + 1:]
    if len(found) <= len(short) or found.lower() == short.lower():
        return None
    if found.split()[0].lower() in _NOT_FIRST:
        return None  # "proposed a practical ... OCR system (PP-OCR)"
    return found


def _proposed_apposition(text: str, start: int) -> bool:
    """Whether the long form at ``start`` names, after a comma, what the authors bring in
    earlier in the sentence."""
    return bool(_APPOSITION.search(text, max(0, start - 8), start) and _PROPOSING_BEFORE.search(
        text, max(0, start - 250), start))


def _tail_offset(before: str, n_words: int) -> int:
    """Offset in ``before`` where its last ``n_words`` words start."""
    starts = [m.start() for m in re.finditer(r"\S+", before)]
    return starts[-n_words]


class AbbreviationFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans: list[Span] = []
        # a long form the lexicon knows has its type whatever its head word: "covariance
        # matrix adaptation (CMA)"
        known = {(a, b): label for _, _, a, b, label, _ in plain_spans(doc, "kg_lexicon")}
        for m in PAREN.finditer(text):
            inner = m[1].strip()
            before = text[max(0, m.start() - 200): m.start()]
            if SHORT.match(inner):  # Long Form (SF)
                short, found = inner, long_form(inner, before)
                if found is None:
                    continue
                start = m.start() - len(before) + _tail_offset(before, len(found.split()))
                end = m.start() - (len(before) - len(before.rstrip()))
                at = m.start(1) + m[1].index(inner)  # the short form in the brackets
                known_short = known.get((at, at + len(inner)))
            else:  # SF (Long Form)
                # a match ends the text and is at most 17 characters and the spaces after
                # them long: only the tail is searched
                tail = before[max(0, len(before.rstrip()) - 17):]
                prev = _SHORT_BEFORE.search(tail)
                if not prev or not re.search(r"[A-Z]", prev[1]):
                    continue
                short, found = prev[1], long_form(prev[1], inner)
                if found is None or found != inner:
                    continue
                start, end = m.start(1), m.end(1)
                known_short = None
            head = _PREP.sub("", found)
            titled = _TITLED.fullmatch(found) or _TITLED_WITH_PREP.fullmatch(found)
            label = known.get((start, end)) or type_from_head(head) or (
                described_type(after[0]) if titled and (
                    after := _DESCRIBED.match(text, m.end())) else None) or (
                kind_type if found[:1].isupper() and (
                    kind := _KIND_BEFORE.search(text, max(0, start - 60), start)) and (
                    kind_type := type_from_head(kind[1])) and (
                    titled or kind_type == "Dataset") else None)
            # the kind of thing named right before it: "a novel algorithm, Action Chunking
            # with Transformers (ACT)", "a new dataset, Expressive hands and faces (EHF)" (a
            # dataset's name may be in sentence case, a method's is then a description)
            # "Tiny Time Mixers (TTM), a compact model": a name the description types
            if label is None and _TITLED.fullmatch(found) and _AS_TECHNIQUE.search(
                    text, max(0, start - 60), start):
                label = "Method"  # "two components including Learnable Weight Clipping (LWC)"
            if known_short in ("Model", "Method", "Software"):  # "Hierarchical NSW (HNSW)": as
                label = label or known_short  # the lexicon types HNSW (not data: "PACS")
            if label == "Model" and found.islower() and not _PROPOSED.search(
                    text, max(0, start - 40), start) and not _proposed_apposition(text, start):
                continue  # "wide area networks (WANs)": a common noun, not a model's name
            span = doc.char_span(start, end, alignment_mode="expand")
            if label and span is not None:
                spans.append(Span(doc, span.start, span.end, label=label, span_id=short))
        doc.spans[self.name] = spans
        return doc


@Language.factory("kg_abbrevs")
def make_abbreviation_finder(nlp: Language, name: str) -> AbbreviationFinder:
    return AbbreviationFinder(nlp, name)
