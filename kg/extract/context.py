"""What the relation and result finders share: the entities of a sentence in order, and
the paper's own subject (the name its title or a "we propose" sentence introduces)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

SYSTEM_TYPES = ("Model", "Method", "Software")


def entities(doc: Doc) -> list[Span]:
    return list(doc.spans.get("kg_entities", []))


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
