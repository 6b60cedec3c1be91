"""``kg_lexicon``: names from the lexicons (datasets, metrics, models, methods, software,
hardware, tasks, organisations), matched on whole tokens with spaCy's PhraseMatcher, and
the universities, institutes and hospitals named as institutions are
(:mod:`kg.extract.institutions`).

Forms marked ``=`` in a lexicon match with their exact case; all others ignore case. A
match glued to more name (``COCO`` inside ``COCO-Text``) is not a match.

Stop-list phrases (``generic_terms``: "transformer", "LLMs") are not entities; where they
occur goes to ``doc.user_data["kg_lexicon_stop"]`` as ``(start, end, start_char, end_char)``
for ``kg_entities`` (plain tuples: no Span is made for them).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.context import abstract_start, doc_text, set_spans, span_bounds, token_bounds
from kg.extract.institutions import institutions
from kg.extract.lexicon import FILES, STOP_FILE, load_lexicon, plural

STOP_KEY = "kg_lexicon_stop"

# Hyphenated suffixes that do not make a new name: "BERT-based", "GPT-style".
ATTACHED_OK = {"based", "style", "like", "sized", "level", "scale", "specific", "only",
               "free", "aware", "guided", "driven", "pretrained", "trained", "tuned",
               "aligned"}


def glued(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are part of a longer hyphenated or joined name."""
    starts, ends = token_bounds(doc)  # no space between two tokens: one ends where the next starts
    if start > 0 and starts[start] == ends[start - 1]:
        prev = doc[start - 1]
        if prev.text in ("x", "×") and start > 1 and doc[start - 2].like_num:
            pass  # a count: "8xA100"
        elif prev.text in "-_" or prev.is_alpha or prev.like_num:
            return True
    if end < len(doc) and starts[end] == ends[end - 1]:
        nxt = doc[end]
        if nxt.text in "-_" and end + 1 < len(doc):
            return doc[end + 1].lower_ not in ATTACHED_OK
        if nxt.is_alpha and nxt.lower_ not in {"s", "es"} or nxt.like_num:
            return True
    return False


#: Lexicons of lower-case phrases whose modifiers abstracts also join with hyphens
#: ("novel-view synthesis", "long-document classification"): each phrase matches in every
#: such spelling, which the files need not list. The head word stays apart: a phrase
#: hyphenated whole is a modifier ("instruction-following data").
_HYPHENATED = ("tasks", "methods")
_MAX_MODIFIERS = 3


def hyphenated(form: str) -> list[str]:
    """The spellings of ``form`` with one or more spaces between its modifiers written as
    hyphens ("novel view synthesis": "novel-view synthesis"; "large mask image
    inpainting": "large-mask image inpainting", "large mask-image inpainting",
    "large-mask-image inpainting"); none for a phrase of two words or of over
    ``_MAX_MODIFIERS`` modifiers."""
    *modifiers, head = form.split(" ")
    if not 1 < len(modifiers) <= _MAX_MODIFIERS:
        return []
    out = []
    for mask in range(1, 1 << (len(modifiers) - 1)):
        joined = modifiers[0]
        for i, word in enumerate(modifiers[1:]):
            joined += ("-" if mask >> i & 1 else " ") + word
        out.append(f"{joined} {head}")
    return out


def case_spellings(forms: Language, form: str) -> list[Doc]:
    """``form`` in lower and upper case, where the tokenizer splits either otherwise than
    ``form`` ("Flickr30K" is two tokens, "flickr30k" one): a case-blind form matches its
    tokens, so each way of splitting it needs a pattern of its own."""
    counts = {len(forms.make_doc(form))}
    found = []
    for spelling in (form.lower(), form.upper()):
        doc = forms.make_doc(spelling)
        if len(doc) not in counts:
            counts.add(len(doc))
            found.append(doc)
    return found


class LexiconMatcher:
    """Spans in ``doc.spans[name]`` labelled with the entity type; ``id_`` holds the
    canonical name. Stop-list phrases go to ``doc.user_data["kg_lexicon_stop"]``."""

    def __init__(self, nlp: Language, name: str, *, lexicons: list[str],
                 spans: bool = True) -> None:
        self.name = name
        self.spans = spans  # False: plain tuples only (``context.set_spans``)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[int, tuple[str, str]] = {}  # match id -> (type, canonical)
        # The forms are tokenised by a copy of the pipeline's tokenizer with a vocabulary of
        # its own: thousands of forms in the pipeline's vocabulary and tokenizer cache make
        # all later tokenising markedly slower (the matchers only compare hashes).
        forms = spacy.blank(nlp.lang)
        forms.tokenizer.from_bytes(nlp.tokenizer.to_bytes(exclude=["vocab"]))
        for lexicon in [*lexicons, STOP_FILE]:
            for n, entry in enumerate(load_lexicon(lexicon)):
                key = f"{lexicon}:{n}"
                self.entries[nlp.vocab.strings.add(key)] = (entry.type, entry.canonical)
                for form, sensitive in entry.forms:
                    matcher = self.exact if sensitive else self.folded
                    matcher.add(key, [forms.make_doc(form)])
                    # the tokenizer splits "Flickr30K" but not "Flickr30k"
                    if not sensitive and (spellings := case_spellings(forms, form)):
                        matcher.add(key, spellings)
                    if lexicon in _HYPHENATED and not sensitive and (
                            variants := hyphenated(form)):
                        matcher.add(key, [forms.make_doc(v) for v in variants])
                    if lexicon == "metrics" and (plural_form := plural(form)):
                        matcher.add(key, [forms.make_doc(plural_form)])  # "H-means"

    def __call__(self, doc: Doc) -> Doc:
        found, stops = [], []
        starts, ends = token_bounds(doc)
        size = len(doc)
        for match_id, start, end in [*self.exact(doc), *self.folded(doc)]:
            type_name, canonical = self.entries[match_id]
            touching = ((start > 0 and starts[start] == ends[start - 1])
                        or (end < size and starts[end] == ends[end - 1]))
            if touching and glued(doc, start, end) and not (
                    type_name == "Metric" and start > 0 and doc[start - 1].like_num
                    and not (end < size and starts[end] == ends[end - 1])):
                continue  # spaces on both sides: never glued; "68.9FPS" is a value and unit
            if type_name == "Stop":
                stops.append((start, end, starts[start], ends[end - 1]))
            else:
                found.append((start, end, type_name, canonical))
        text = doc_text(doc)
        for start_char, end_char in institutions(text, abstract_start(text)):
            bounds = span_bounds(doc, start_char, end_char)
            if bounds is not None and not any(
                    s < bounds[1] and bounds[0] < e for s, e, *_ in found):
                found.append((*bounds, "Organization", text[start_char:end_char]))
        set_spans(doc, self.name, found, self.spans)
        doc.user_data[STOP_KEY] = stops
        return doc


@Language.factory("kg_lexicon", default_config={"lexicons": sorted(FILES), "spans": True})
def make_lexicon_matcher(nlp: Language, name: str, lexicons: list[str],
                         spans: bool) -> LexiconMatcher:
    return LexiconMatcher(nlp, name, lexicons=lexicons, spans=spans)
