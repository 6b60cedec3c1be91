"""``kg_lexicon``: names from the lexicons (datasets, metrics, models, methods, software,
hardware, tasks, organisations), matched on whole tokens with spaCy's PhraseMatcher.

Forms marked ``=`` in a lexicon match with their exact case; all others ignore case. A
match glued to more name (``COCO`` inside ``COCO-Text``) is not a match.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.extract.lexicon import FILES, STOP_FILE, load_lexicon

# Hyphenated suffixes that do not make a new name: "BERT-based", "GPT-style".
ATTACHED_OK = {"based", "style", "like", "sized", "level", "scale", "specific", "only",
               "free", "aware", "guided", "driven", "pretrained", "trained", "tuned"}


def glued(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are part of a longer hyphenated or joined name."""
    if start > 0 and not doc[start - 1].whitespace_:
        prev = doc[start - 1]
        if prev.text in "-_" or prev.is_alpha or prev.like_num:
            return True
    if end < len(doc) and not doc[end - 1].whitespace_:
        nxt = doc[end]
        if nxt.text in "-_" and end + 1 < len(doc):
            return doc[end + 1].lower_ not in ATTACHED_OK
        if nxt.is_alpha and nxt.lower_ not in {"s", "es"} or nxt.like_num:
            return True
    return False


class LexiconMatcher:
    """Spans in ``doc.spans[name]`` labelled with the entity type; ``id_`` holds the
    canonical name. Stop-list phrases are put in ``doc.spans[name + "_stop"]``."""

    def __init__(self, nlp: Language, name: str, *, lexicons: list[str]) -> None:
        self.name = name
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, tuple[str, str]] = {}
        for lexicon in [*lexicons, STOP_FILE]:
            for n, entry in enumerate(load_lexicon(lexicon)):
                key = f"{lexicon}:{n}"
                self.entries[key] = (entry.type, entry.canonical)
                for form, sensitive in entry.forms:
                    matcher = self.exact if sensitive else self.folded
                    matcher.add(key, [nlp.make_doc(form)])

    def __call__(self, doc: Doc) -> Doc:
        found, stops = [], []
        for match_id, start, end in [*self.exact(doc), *self.folded(doc)]:
            key = doc.vocab.strings[match_id]
            type_name, canonical = self.entries[key]
            if glued(doc, start, end):
                continue
            span = Span(doc, start, end, label=type_name, span_id=canonical)
            (stops if type_name == "Stop" else found).append(span)
        doc.spans[self.name] = found
        doc.spans[self.name + "_stop"] = stops
        return doc


@Language.factory("kg_lexicon", default_config={"lexicons": sorted(FILES)})
def make_lexicon_matcher(nlp: Language, name: str, lexicons: list[str]) -> LexiconMatcher:
    return LexiconMatcher(nlp, name, lexicons=lexicons)
