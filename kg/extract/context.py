"""What the relation and result finders share: the doc's text and sentences, the entities
of a sentence in order, and the paper's own subject (the name its title or a "we propose"
sentence introduces).

Everything here is computed once per doc and kept in ``doc.user_data``. Sentences and
entities come as ``TextSpan`` views: the offsets, label and text of a spaCy ``Span``
read once (a ``Span``'s ``text`` and ``sent`` walk its tokens on every access); any other
``Span`` attribute is passed on to the real ``Span``.
"""

from __future__ import annotations

import functools
import re
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from kg.extract.sentence_words import lowered

SYSTEM_TYPES = ("Model", "Method", "Software")
TEXT_KEY = "kg_text"  # set by kg.extract.tokenizer
STARTS_KEY = "kg_sent_starts"  # set by kg_sentences
BOUNDS_KEY = "kg_token_bounds"
LOWER_KEY = "kg_lower"
PROPOSED_KEY = "kg_proposed"  # kg_lineage's own system found by a "we propose" sentence
ENTITY_CACHES = ("kg_entity_list", "kg_entities_by_sent", "kg_in_sentence", "kg_main_subject",
                 PROPOSED_KEY)
PLAIN_KEY = "kg_plain:"  # + a span key: the same spans as plain tuples
#: Set in a doc's ``user_data`` by a caller that reads only plain tuples (``extract_papers``:
#: its docs never leave kg.extract): ``set_spans`` makes no span groups in that doc.
PLAIN_ONLY_KEY = "kg_plain_only"

#: (start, end, start_char, end_char, label, id) of a span: what the components pass on.
Plain = tuple[int, int, int, int, str, str]

# A sentence about the model named before: "It reaches ...", "For example, our model ...".
REFERS_BACK = re.compile(
    r"^\s*(?:(?:For (?:example|instance)|In particular|Notably|Moreover|Furthermore"
    r"|In addition|Overall|Specifically|Remarkably|Concretely|As a result),?\s+"
    # "On COCO it sets ...": a place or a setting before the pronoun
    r"|(?:On|In|Across|For|At)\s+(?:the\s+)?[A-Z][^\s,;.]{1,20}(?:\s+[\w-]+){0,2}?,?\s+"
    r"(?=(?:it|they)\b))?"
    r"(?:[Ii]ts?|[Tt]his model|[Tt]hese models|[Tt]hey"
    r"|(?:[Oo]ur|[Tt]he(?: proposed)?) (?:model|method|approach|system|framework|network"
    r"|detector))\b")
# ... and of those, the ones that name the paper's own: "Our model", "The proposed model",
# "The method" (not "It", "This model", "The model": the name just before, which may be a
# second system of the authors').
OWN_REFERENCE = re.compile(r"\b(?:[Oo]ur|[Tt]he proposed)\s|\b[Tt]he (?:method|approach|framework"
                           r"|system)\b")


class TextSpan:
    """A span of a doc with its offsets, label, id and text computed once.

    Reads like a spaCy ``Span`` (``text``, ``start``, ``end``, ``start_char``, ``end_char``,
    ``label_``, ``id_``, ``sent``, ``doc``); other attributes come from ``as_span()``. Holds
    its doc by a weak reference: views live in ``doc.user_data``, and a cycle would keep
    every doc alive until the garbage collector runs.
    """

    __slots__ = ("_doc", "start", "end", "start_char", "end_char", "label_", "id_", "text")

    def __init__(self, doc: Doc, start: int, end: int, start_char: int, end_char: int,
                 label: str = "", span_id: str = "", *, text: str | None = None) -> None:
        self._doc = weakref.ref(doc)
        self.start, self.end = start, end
        self.start_char, self.end_char = start_char, end_char
        self.label_, self.id_ = label, span_id
        self.text = (doc_text(doc) if text is None else text)[start_char:end_char]

    @property
    def doc(self) -> Doc:
        return self._doc()

    @property
    def sent(self) -> TextSpan:
        return sentence_of(self.doc, self.start)

    def as_span(self) -> Span:
        """The spaCy Span this view reads."""
        return Span(self.doc, self.start, self.end, label=self.label_, span_id=self.id_)

    def __getattr__(self, name: str) -> Any:  # only for what the slots do not hold
        return getattr(self.as_span(), name)

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Token]:
        return iter(self.as_span())

    def __getitem__(self, i: Any) -> Any:
        return self.as_span()[i]

    def _key(self) -> tuple[int, int, str, str]:
        return (self.start_char, self.end_char, self.label_, self.id_)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, TextSpan) and other.doc is self.doc
                and other._key() == self._key())

    def __lt__(self, other: TextSpan) -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return self.text


class WordFlags:
    """What the components ask of a token, by its text: flags of the vocabulary's lexeme
    (what ``Token.is_punct``, ``Token.like_num`` and the rest read), looked up once per
    distinct word instead of making a ``Token`` for each look. One per component: it
    belongs to that pipeline's vocabulary."""

    #: not punctuation, not a stop word, lower case: a word of a compound after a name
    COMPOUND = 1
    #: ``like_num`` or ends with "%": a reported number
    NUMBER = 2
    ALPHA = 4  # ``is_alpha``
    LIKE_NUM = 8  # ``like_num``
    PUNCT = 16  # ``is_punct``
    LIMIT = 1 << 17  # distinct words kept before the cache starts afresh

    def __init__(self) -> None:
        self._known: dict[str, int] = {}

    def __call__(self, doc: Doc, word: str) -> int:
        found = self._known.get(word)
        if found is None:
            lex = doc.vocab[word]
            found = ((not (lex.is_punct or lex.is_stop) and lex.is_lower) * self.COMPOUND
                     | (lex.like_num or word.endswith("%")) * self.NUMBER
                     | lex.is_alpha * self.ALPHA | lex.like_num * self.LIKE_NUM
                     | lex.is_punct * self.PUNCT)
            if len(self._known) >= self.LIMIT:
                self._known.clear()
            self._known[word] = found
        return found


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int],
               stop: int | None = None) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, 0, stop)`` finds, trying the pattern only at
    ``starts``: any positions that include every place a match can start (a cheap scan finds
    them; trying a pattern that opens with a lookbehind at every character is what costs).
    The pattern must not match the empty string.
    """
    end, stop = 0, len(text) if stop is None else stop
    for start in sorted(set(starts)):
        if start >= end and (m := pattern.match(text, start, stop)) is not None:
            end = m.end()
            yield m


def find_all(text: str, word: str) -> Iterator[int]:
    """Every position of ``word`` in ``text`` (overlapping ones too)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def abstract_start(text: str) -> int:
    """Where the abstract starts in an extractor's text (``kg.extract.paper_text``): after
    the blank line that ends a title, else at 0. The title before it is in title case, so
    rules that read capitals start here."""
    blank = text.find("\n\n")
    return blank + 2 if blank >= 0 else 0


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept by the tokenizer or computed once per doc (spaCy joins every token
    on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_lower(doc: Doc) -> str | None:
    """``sentence_words.lowered(doc_text(doc))``, computed once per doc: the text in lower
    case at the same offsets, or None where lower-casing would move or fold a letter."""
    user_data = doc.user_data
    if LOWER_KEY not in user_data:
        user_data[LOWER_KEY] = lowered(doc_text(doc))
    return user_data[LOWER_KEY]


def may_hold(low: str | None, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether ``low[start:end]`` (``doc_lower``) holds one of ``words`` (lower case); True
    without ``low``. A case-blind pattern every match of which holds one of them cannot
    match where this is False."""
    return low is None or any(low.find(word, start, end) >= 0 for word in words)


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """The first character of every token, and the character after it (without its
    trailing space), computed once per doc."""
    bounds = doc.user_data.get(BOUNDS_KEY)
    if bounds is None:
        if len(doc):
            array = doc.to_array([IDX, LENGTH])  # columns: numpy adds them, no Python loop
            starts, ends = array[:, 0].tolist(), (array[:, 0] + array[:, 1]).tolist()
        else:
            starts, ends = [], []
        bounds = doc.user_data[BOUNDS_KEY] = (starts, ends)
    return bounds


def span_bounds(doc: Doc, start_char: int, end_char: int, alignment_mode: str = "strict"
                ) -> tuple[int, int] | None:
    """The token range ``doc.char_span(start_char, end_char, alignment_mode=...)`` would
    cover, or None where it gives None; without making a Span."""
    user_data = doc.user_data  # read directly: names and repos ask for many spans per doc
    starts, ends = user_data.get(BOUNDS_KEY) or token_bounds(doc)
    size = len(user_data.get(TEXT_KEY) or doc_text(doc))
    if not 0 <= start_char < size or not 0 < end_char <= size:
        return None
    start = bisect_right(starts, start_char) - 1
    end = bisect_right(starts, end_char - 1) - 1
    if alignment_mode == "strict":
        if starts[start] != start_char or ends[end] != end_char:
            return None
    elif alignment_mode == "contract":
        if starts[start] < start_char:
            start += 1
        if end_char < ends[end]:
            end -= 1
        if end < start:
            return None
    elif alignment_mode == "expand":
        if start_char == ends[start]:
            start += 1
    else:
        raise ValueError(f"unknown alignment mode {alignment_mode!r}")
    return start, end + 1


def set_spans(doc: Doc, key: str, found: list[tuple[int, int, str, str]],
              spans: bool = True) -> list[Plain]:
    """``doc.spans[key]`` from ``(start, end, label, id)`` tuples; the same spans as
    ``Plain`` tuples are kept for the components after (``plain_spans``) and returned.
    With ``spans`` False, or in a doc marked ``PLAIN_ONLY_KEY``, only the tuples are kept:
    no spaCy ``Span`` is made (a span group that only the components after read)."""
    if not spans or doc.user_data.get(PLAIN_ONLY_KEY):
        doc.spans.pop(key, None)
        return _plain(doc, key, found)
    strings = doc.vocab.strings
    ids: dict[str, int] = {}  # label or id -> its string id, for this call
    made = []
    for s, e, label, id_ in found:
        label_id = ids.get(label)
        if label_id is None:
            label_id = ids[label] = _string_id(strings, label)
        span_id = ids.get(id_)
        if span_id is None:
            span_id = ids[id_] = _string_id(strings, id_)
        made.append(Span(doc, s, e, label=label_id, span_id=span_id))
    doc.spans[key] = made
    return _plain(doc, key, found)


def _plain(doc: Doc, key: str, found: list[tuple[int, int, str, str]]) -> list[Plain]:
    starts, ends = token_bounds(doc)
    size = len(starts)
    plain = []
    for s, e, label, id_ in found:
        start_char = starts[s] if s < size else len(doc_text(doc))
        plain.append((s, e, start_char, ends[e - 1] if e > s else start_char, label, id_))
    doc.user_data[PLAIN_KEY + key] = plain
    return plain


_STRING_IDS: dict[str, int] = {}


def _string_id(strings: StringStore, text: str) -> int:
    """``strings.add(text)``, remembered (a Span made with a string label hashes it again)."""
    found = _STRING_IDS.get(text)
    if found is None or found not in strings:
        if len(_STRING_IDS) > 1 << 16:
            _STRING_IDS.clear()
        found = _STRING_IDS[text] = strings.add(text)
    return found


def plain_spans(doc: Doc, key: str) -> list[Plain]:
    """``doc.spans[key]`` as ``Plain`` tuples: as ``set_spans`` left them (also where it
    made no span group), or read from the span group (when something else filled it)."""
    plain = doc.user_data.get(PLAIN_KEY + key)
    group = doc.spans.get(key)
    if group is None:
        return plain or []
    if plain is None or len(plain) != len(group):
        plain = [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_) for s in group]
        doc.user_data[PLAIN_KEY + key] = plain
    return plain


def sentences(doc: Doc) -> list[TextSpan]:
    """The doc's sentences, computed once per doc: from ``kg_sentences``' start indices, or
    from ``doc.sents`` (which walks every token)."""
    sents = doc.user_data.get("kg_sents")
    if sents is None:
        starts = doc.user_data.get(STARTS_KEY)
        if starts is None:
            starts = [s.start for s in doc.sents] if len(doc) else []
            doc.user_data[STARTS_KEY] = starts
        ends = [*starts[1:], len(doc)] if starts else []  # an empty doc has no sentence
        token_starts, token_ends = token_bounds(doc)
        text = doc_text(doc)
        sents = [TextSpan(doc, s, e, token_starts[s], token_ends[e - 1], text=text)
                 for s, e in zip(starts, ends, strict=True)]
        doc.user_data["kg_sents"] = sents
    return sents


def sentence_of(doc: Doc, token_index: int) -> TextSpan:
    """The sentence holding the token at ``token_index``."""
    sents = sentences(doc)
    return sents[bisect_right(doc.user_data[STARTS_KEY], token_index) - 1]


def entities(doc: Doc) -> list[TextSpan]:
    """``doc.spans["kg_entities"]`` as views, in order (``kg_entities`` leaves them here)."""
    found = doc.user_data.get("kg_entity_list")
    if found is None:
        text = doc_text(doc)
        found = [TextSpan(doc, *plain, text=text) for plain in plain_spans(doc, "kg_entities")]
        doc.user_data["kg_entity_list"] = found
    return found


# A name the authors call theirs: "Kimi k1.5, our latest multi-modal LLM".
# (not "X, our earlier method": the authors' prior work)
_OURS_AFTER = re.compile(r",\s+(?:which is\s+|i\.e\.,?\s+)?our\s(?!(?:earlier|previous|prior|"
                         r"former|older|own earlier)\b)")


def main_subject(doc: Doc) -> TextSpan | None:
    """The paper's own system: its title name, else the first name a cue introduces, else
    the first name the authors call theirs ("X, our latest model")."""
    if "kg_main_subject" in doc.user_data:
        return doc.user_data["kg_main_subject"]
    spans = [s for s in entities(doc) if s.label_ in SYSTEM_TYPES]
    subject = None
    for rule in ("kg_names:title", "kg_names:cue"):
        subject = next((s for s in spans if s.id_ == rule), None)
        if subject is not None:
            break
    if subject is None:
        text = doc_text(doc)
        subject = next((s for s in spans if named(s)
                        and _OURS_AFTER.match(text, s.end_char)), None)
    doc.user_data["kg_main_subject"] = subject
    return subject


def title_system(doc: Doc) -> TextSpan | None:
    """A known name that opens the title before a colon ("BERT: Pre-training of ...",
    "Soft Actor-Critic: Off-Policy ..."): the paper's own system where no rule of
    ``main_subject`` names one."""
    first = next((s for s in entities(doc) if s.start_char == 0), None)
    if (first is not None and first.label_ in SYSTEM_TYPES and named(first)
            and doc_text(doc).startswith(":", first.end_char)):
        return first
    return None


def title_dataset(doc: Doc) -> TextSpan | None:
    """A dataset that opens the title before a colon ("SEED-Bench: Benchmarking ..."): the
    paper's own benchmark, on which its numbers are reported unless they name another."""
    first = next((s for s in entities(doc) if s.start_char == 0), None)
    if first is not None and first.label_ == "Dataset" and doc_text(doc).startswith(
            ":", first.end_char):
        return first
    return None


def _by_sentence(doc: Doc) -> dict[tuple[int, int], list[TextSpan]]:
    """(sentence start, end) -> the entities inside that sentence, in order."""
    found = doc.user_data.get("kg_entities_by_sent")
    if found is None:
        sents = sentences(doc)
        starts = doc.user_data[STARTS_KEY]
        found = {(s.start, s.end): [] for s in sents}
        for span in entities(doc):
            sent = sents[bisect_right(starts, span.start) - 1]
            if span.end <= sent.end:
                found[sent.start, sent.end].append(span)
        doc.user_data["kg_entities_by_sent"] = found
    return found


def entities_per_sentence(doc: Doc) -> list[list[TextSpan]]:
    """For each of ``sentences(doc)``, in order, the entities inside it (``sentence_entities``
    of each, read in one go): the doc's own lists, not to be changed."""
    return list(_by_sentence(doc).values())


def in_sentence(doc: Doc, sent: Span | TextSpan, types: tuple[str, ...]) -> list[TextSpan]:
    """The entities of ``types`` inside ``sent``, in order (a new list on each call)."""
    key = (sent.start, sent.end, types)
    memo = doc.user_data.setdefault("kg_in_sentence", {})
    found = memo.get(key)
    if found is None:
        found = memo[key] = [s for s in sentence_entities(doc, sent) if s.label_ in types]
    return list(found)


def sentence_entities(doc: Doc, sent: Span | TextSpan) -> list[TextSpan]:
    """The entities inside ``sent``, in order: the doc's own list, not to be changed (a
    finder that asks for several types in each sentence filters it once itself)."""
    inside = _by_sentence(doc).get((sent.start, sent.end))
    if inside is None:  # not one of the doc's sentences
        inside = [s for s in entities(doc) if s.start >= sent.start and s.end <= sent.end]
    return inside


def nearest_before(spans: list[TextSpan], char: int, types: tuple[str, ...]
                   ) -> TextSpan | None:
    before = [s for s in spans if s.end_char <= char and s.label_ in types]
    return before[-1] if before else None


# A name used as a modifier, not as the thing a sentence is about: "the best open-access
# RLHF-based model", "a BERT-style encoder".
_MODIFIER_AFTER = re.compile(r"-(?:based|style|like|driven|guided|aware|powered|inspired|"
                             r"tuned|trained|aligned|enhanced|augmented|conditioned|free)\b")


def as_modifier(text: str, span: TextSpan) -> bool:
    """Whether ``span`` is glued to a suffix that makes it a modifier ("RLHF-based")."""
    return _MODIFIER_AFTER.match(text, span.end_char) is not None


@functools.lru_cache(maxsize=65536)
def is_name(text: str) -> bool:
    """A proper name (``SVTR``, ``Sharpness-Aware Minimization``, ``phi-3``), not a common
    noun phrase (``contrastive learning``): a capital or a digit in it."""
    return text.lower() != text or any(c.isdigit() for c in text)


def named(span: TextSpan | Span) -> bool:
    """Whether the span's text is a proper name (``is_name``)."""
    return is_name(span.text)


_BRACKETED = re.compile(r"\s*\(\s*")
# Between two names of one list: "A, B", "A and the B".
LISTED_GAP = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?(?:,|and|or|, and)\s*(?:(?:the|an?)\s+)?")


def skipped_names(text: str, spans: list[TextSpan], sent_start: int,
                  skip_before: Callable[[str], object], skipped: Iterable[int] = (),
                  windows: str | None = None) -> set[int]:
    """The ``start`` of each of ``spans`` (in order, in one sentence) that the 40
    characters before it mark (``skip_before``: a baseline, a setting), or that is listed
    right after one marked or given in ``skipped`` ("outperforms A, B and the C").
    ``skip_before`` reads those characters from ``windows`` where given (the text
    lower-cased: ``doc_lower``)."""
    out = set(skipped)
    windows = text if windows is None else windows
    for i, span in enumerate(spans):
        listed = i and spans[i - 1].start in out and (LISTED_GAP.fullmatch(
            text, spans[i - 1].end_char, span.start_char) or _BRACKETED.fullmatch(
            text, spans[i - 1].end_char, span.start_char))  # "A (B)": B is A's short form
        if listed or skip_before(windows[max(sent_start, span.start_char - 40):
                                         span.start_char]):
            out.add(span.start)
    return out


#: Before a baseline: "outperforms X", "compared with the X", "as many parameters as X".
BASELINE_BEFORE = re.compile(r"\b(?:compar(?:ed|es|e|ing|ison|able) (?:with|to|against)|than|"
                             r"outperform\w*|surpass\w*|"
                             r"over|against|beat\w*|exceed\w*|versus|vs\.?|such as|like|"
                             r"above|below|"
                             r"teacher|with|from|using|upon|rival\w*|uses|employs|adopts|incorporates|"
                             r"integrates|implemented (?:in|with)|"
                             r"(?:close|equivalent|competitive|on par)\s+(?:to|with)|"
                             r"match(?:es|ing)?(?: the [\w-]+ of)?)"
                             r"\s+(?:the\s+|a\s+|an\s+)?"
                             r"(?:[\w-]+\s+){0,2}$|\bas\s+(?:many|few|much|little)\s+[\w-]+\s+as"
                             r"\s+$|\bthe\s+\d[\d.]*\s*%?\s*(?:[a-z]{1,4}\s+)?of\s+$", re.I)
# ... without IGNORECASE, for the text lower-cased by ``doc_lower`` (its letters are all lower
# case): the same matches there, found faster.
BASELINE_BEFORE_LOWER = re.compile(BASELINE_BEFORE.pattern, BASELINE_BEFORE.flags & ~re.I)
assert not re.search("[A-Z]", re.sub(r"\\.", "", BASELINE_BEFORE.pattern))
