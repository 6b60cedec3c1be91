"""The paper's own system: the title's or a cue's name, else the new name a "we propose"
sentence introduces, else the first system the abstract names; and the sentences in which
the authors speak of their own work. Read by ``kg_lineage``."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.context import (
    PROPOSED_KEY,
    SYSTEM_TYPES,
    doc_text,
    entities,
    in_sentence,
    main_subject,
    named,
    sentences,
    title_system,
)

# The authors introduce something: "we propose", "this paper presents".
WE_PROPOSE = re.compile(r"\b(?:we|(?:this|our) (?:paper|work|report))\s+"
                        r"(?:[\w-]+\s+){0,4}?(?:propose|present|introduce|train|develop|"
                        r"design|build|release|describe)\w*\b"
                        # "we explore the properties ... and propose Pro-GNN"
                        r"|\bwe\s[^.;]{0,120}?\band\s+(?:then\s+)?(?:propose|present|"
                        r"introduce)\w*\b", re.I)
_INTRODUCED = re.compile(r"\s*(?:the\s+)?")  # between the verb and the name
# Its long form between the verb and the name in brackets: "the fast segmentation
# convolutional neural network ("
_LONG_FORM_BEFORE = re.compile(r"\s*(?:the\s+|an?\s+)?[^.;,()]{3,80}\(\s*")
# A description after the name, past its abbreviation or a family word: "X (SAC), an ...",
# "the X series, a ..."
_DESCRIBED_NAME = re.compile(r"\s*(?:series|family|models?)?\s*(?:\([^()]{1,30}\)\s*)?"
                             r"(?:,\s*(?:an?|the|our)\s|:)")


def proposed(doc: Doc) -> Span | None:
    """A new name (not a lexicon entry) in the first sentence that says "we propose ...",
    or any name right after its verb and described ("we introduce X, a ..."): the paper's
    own system when neither the title nor a cue introduced one. Found once per doc
    (``own_system`` asks again)."""
    if PROPOSED_KEY not in doc.user_data:
        doc.user_data[PROPOSED_KEY] = _first_proposed(doc)
    return doc.user_data[PROPOSED_KEY]


def _first_proposed(doc: Doc) -> Span | None:
    text = doc_text(doc)
    for sent in sentences(doc):
        we = WE_PROPOSE.search(text, sent.start_char, sent.end_char)
        if we is None:
            continue
        first = next((s for s in in_sentence(doc, sent, ("Model", "Method", "Dataset"))
                      if s.start_char >= we.end()), None)
        if first is not None and first.label_ == "Dataset" and _INTRODUCED.fullmatch(
                text, we.end(), first.start_char):
            return None  # "we release the X Benchmark Suite, ...": data, not a system
        after = [s for s in in_sentence(doc, sent, ("Model", "Method"))
                 if s.start_char >= we.end() and named(s)]
        if after and (_INTRODUCED.fullmatch(text, we.end(), after[0].start_char) and
                      _DESCRIBED_NAME.match(text, after[0].end_char)
                      or _LONG_FORM_BEFORE.fullmatch(text, we.end(), after[0].start_char)
                      and text.startswith(")", after[0].end_char)):
            # "we introduce Mixtral 8x7B, a sparse ...", "we introduce the fast segmentation
            # convolutional neural network (Fast-SCNN)": even a known name
            return after[0]
        if not after:  # "we propose local penalization, a simple heuristic": in lower case
            return next((s for s in in_sentence(doc, sent, ("Method",))
                         if s.id_ == "kg_names:technique"
                         and _INTRODUCED.fullmatch(text, we.end(), s.start_char)), None)
        return next((s for s in after if s.id_ != "kg_lexicon"), None)
    return None


def own_system(doc: Doc) -> Span | None:
    """The paper's own system: the title's or a cue's name, else the new name a "we propose"
    sentence introduces, else the first system the abstract names."""
    return main_subject(doc) or title_system(doc) or ours_named(doc) or proposed(doc) or next(
        (s for s in entities(doc) if s.label_ in SYSTEM_TYPES and named(s)), None)


# "Our method, X": the authors name a thing theirs without saying what kind of system it is.
_OURS_BEFORE = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+){0,2}?[\w-]+,\s*$")


def ours_named(doc: Doc) -> Span | None:
    """The first name the authors call theirs before it: "Our method, X"."""
    text = doc_text(doc)
    return next((s for s in entities(doc) if s.id_ == "kg_names:cue-untyped" and named(s)
                 and _OURS_BEFORE.search(text, max(0, s.start_char - 40), s.start_char)), None)


# A sentence in which the authors speak of their own work.
AUTHORS_SPEAK = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]his (?:paper|work|report|study)|[Hh]ere)\b"
                           r"|\b(?:propos|present|introduc)(?:e|es|ed|ing)\b")
