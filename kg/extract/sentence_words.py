"""Which sentences of a doc hold the words a relation cue or rule needs (lower case): a
sentence without them skips the cue or rule (``kg_lineage``). Kept apart from the rules:
the lists, the regular expressions the tests check them against, and ``SentenceWords``,
which finds them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

#: Substrings one of which every match of a predicate's cue contains (lower case); a
#: sentence with none of them is not scanned. tests/extract/test_lineage.py checks that
#: each alternative of each cue holds one.
CUE_WORDS = {
    "basedOn": ("based", "built", "top of", "upgrad", "ground", "found", "build", "tuned",
                "distill", "initiali", "derived", "extend", "extension", "improve", "trained",
                "training", "inherit", "replac", "implementation", "version", "obtained",
                "variant", "successor", "descendant", "derivative", "adaptation", "adapted",
                "architecture", "design", "recipe", "basis", "similar", "moderniz", "teacher",
                "starting", "evolv", "tuning"),
    "usesComponent": ("use", "using", "utiliz", "adopt", "employ", "leverag", "incorporat",
                      "integrat", "equipped", "consist", "composed", "compris", "contain",
                      "introduc", "component", "module", "part", "backbone", "reli", "rely",
                      "connect", "combin", "pair", "bridg", "innovation", "technique",
                      "ingredient", "solution", "tool", "system"),
    "comparedWith": ("outperform", "surpass", "compar", "compet", "than", "superior", "beat",
                     "above",
                     "exceed", "on par", "against", "over", "rival", "similar", "close",
                     "equivalent"),
}
CUE_WORD_RE = {p: re.compile("|".join(map(re.escape, words))) for p, words in CUE_WORDS.items()}
# Letters that a case-blind pattern matches without being lower-cased to what it matches
# (Kelvin sign, long s, dotted and dotless i): text holding one is read with the cues as
# they are.
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
#: Words one of which each sentence rule needs (lower case): a sentence with none of them
#: skips the rule.
RULE_WORD_LISTS = {
    "distill": ("distill",),  # lineage._DISTILL_INTO
    "train": ("train",),  # lineage.TRAIN_FROM
    "passive": ("employed", "used", "adopted", "utilised", "utilized", "leveraged",
                "incorporated", "integrated"),  # lineage._PASSIVE_USE
    "purpose": ("improve", "upgrade", "enhance", "boost", "extend", "strengthen", "advance",
                "scale up", "explore"),  # lineage._PURPOSE
    "backbone": ("backbone", "encoder"),  # lineage._WITH_BACKBONE_MID
}
RULE_WORDS = {k: re.compile("|".join(map(re.escape, words)))
              for k, words in RULE_WORD_LISTS.items()}


def lowered(text: str) -> str | None:
    """``text.lower()`` where it keeps every character at its offset and a case-blind match
    in ``text`` is a case-sensitive one in it; else None."""
    low = text.lower()
    return low if len(low) == len(text) and not _FOLDS.search(text) else None


#: Every list of words a sentence is tested for, by name (a predicate or a rule).
WORD_LISTS = {**CUE_WORDS, **RULE_WORD_LISTS}
_BIT = {name: 1 << i for i, name in enumerate(WORD_LISTS)}
_LETTERS = re.compile("[a-z]+")
# Words of letters only lie inside one run of letters: each distinct run is tested once
# (``_run_bits``, kept across docs); the other words ("top of") are looked for as they are.
_SPACED = tuple((word, _BIT[name]) for name, words in WORD_LISTS.items() for word in words
                if not _LETTERS.fullmatch(word))
_RUN_BITS: dict[str, int] = {}


def _run_bits(run: str) -> int:
    """The bits (``_BIT``) of the lists one of whose letter-only words ``run`` contains."""
    bits = _RUN_BITS.get(run)
    if bits is None:
        bits = 0
        for name, words in WORD_LISTS.items():
            if any(word in run for word in words):
                bits |= _BIT[name]
        if len(_RUN_BITS) >= 1 << 16:
            _RUN_BITS.clear()
        _RUN_BITS[run] = bits
    return bits


class SentenceWords:
    """Which sentences hold one of a list of words (``WORD_LISTS``: ``CUE_WORDS``,
    ``RULE_WORD_LISTS``) in the doc's lower-cased text ``low``: what a search of the
    sentence for the words finds. A sentence without them skips the cues or rule that need
    them. Each sentence asked about is read once: its runs of letters (a regular expression
    of many words would try each at every character)."""

    def __init__(self, low: str | None, sents: list[Span]) -> None:
        self.low, self.sents = low, sents
        self.bits: dict[int, int] = {}  # sentence index -> the lists it holds a word of

    def __call__(self, name: str, i: int) -> bool:
        """Whether sentence ``i`` holds a word of ``WORD_LISTS[name]`` (True when there is
        no ``low``)."""
        if self.low is None:
            return True
        bits = self.bits.get(i)
        if bits is None:
            bits = self.bits[i] = self._bits(i)
        return bool(bits & _BIT[name])

    def _bits(self, i: int) -> int:
        low, sent = self.low, self.sents[i]
        start, end = sent.start_char, sent.end_char
        bits = 0
        known = _RUN_BITS.get
        for run in set(_LETTERS.findall(low, start, end)):
            found = known(run, -1)
            bits |= found if found >= 0 else _run_bits(run)
        for word, bit in _SPACED:
            if not bits & bit and low.find(word, start, end) >= 0:
                bits |= bit
        return bits
