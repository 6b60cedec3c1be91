"""What the relation and result finders share: the entities of a sentence in order, and
the paper's own subject (the name its title or a "we propose" sentence introduces)."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

SYSTEM_TYPES = ("Model", "Method", "Software")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy joins every token on each access)."""
    if "kg_text" not in doc.user_data:
        doc.user_data["kg_text"] = doc.text
    return doc.user_data["kg_text"]


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once per doc (``doc.sents`` and ``span.sent`` walk every
    token on each call)."""
    if "kg_sents" not in doc.user_data:
        doc.user_data["kg_sents"] = list(doc.sents)
    return doc.user_data["kg_sents"]


def sentence_of(doc: Doc, token_index: int) -> Span:
    """The sentence holding the token at ``token_index``."""
    sents = sentences(doc)
    if "kg_sent_starts" not in doc.user_data:
        doc.user_data["kg_sent_starts"] = [s.start for s in sents]
    return sents[bisect_right(doc.user_data["kg_sent_starts"], token_index) - 1]


def entities(doc: Doc) -> list[Span]:
    if "kg_entity_list" not in doc.user_data:
        doc.user_data["kg_entity_list"] = list(doc.spans.get("kg_entities", []))
    return doc.user_data["kg_entity_list"]


def main_subject(doc: Doc) -> Span | None:
    """The paper's own system: its title name, else the first name a cue introduces."""
    spans = [s for s in entities(doc) if s.label_ in SYSTEM_TYPES]
    for rule in ("kg_names:title", "kg_names:cue"):
        found = next((s for s in spans if s.id_ == rule), None)
        if found is not None:
            return found
    return None


def in_sentence(doc: Doc, sent: Span, types: tuple[str, ...]) -> list[Span]:
    return [s for s in entities(doc) if s.start >= sent.start and s.end <= sent.end
            and s.label_ in types]


def nearest_before(spans: list[Span], char: int, types: tuple[str, ...]) -> Span | None:
    before = [s for s in spans if s.end_char <= char and s.label_ in types]
    return before[-1] if before else None
