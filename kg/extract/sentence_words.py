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
                "architecture", "framework", "design", "recipe", "basis", "similar", "moderniz",
                "teacher", "starting", "evolv", "tuning", "start", "continu", "modifi",
                "fine-tune", "finetune"),
    "usesComponent": ("use", "using", "utiliz", "adopt", "employ", "leverag", "incorporat",
                      "integrat", "equipped", "consist", "composed", "compris", "contain",
                      "introduc", "propos", "ships", "bundles", "provides", "offers", "includes",
                      "supports", "component", "module", "part", "backbone", "reli", "core",
                      "rely", "connect", "combin", "pair", "bridg", "innovation", "technique",
                      "ingredient", "solution", "tool", "system", "exploit", "interleav",
                      "implement", "rest", "carried out", "performed", "handled", "done by",
                      "around"),
    "comparedWith": ("outperform", "surpass", "compar", "compet", "than", "superior", "beat",
                     "above", "ahead", "relative", "trail", "behind",
                     "exceed", "on par", "against", "over", "rival", "similar", "close",
                     "equivalent", "match", "good", "fast", "accurate", "strong", "effective",
                     "efficient", "many", "few", "much", "little", "superiority", "beyond",
                     "improv"),
}
CUE_WORD_RE = {p: re.compile("|".join(map(re.escape, words))) for p, words in CUE_WORDS.items()}
# Letters that a case-blind pattern matches without being lower-cased to what it matches
# (Kelvin sign, long s, dotted and dotless i): text holding one is read with the cues as
# they are.
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
#: Words one of which each sentence rule needs (lower case): a sentence with none of them
#: skips the rule.
RULE_WORD_LISTS = {
    "distill": ("distill", "tune", "tuning", "tunes"),  # lineage._DISTILL_INTO
    "train": ("train", "deriv", "distill", "prun"),  # lineage.TRAIN_FROM
    "passive": ("employed", "used", "adopted", "utilised", "utilized", "leveraged",
                "incorporated", "integrated"),  # lineage._PASSIVE_USE
    "purpose": ("improve", "upgrade", "enhance", "boost", "extend", "strengthen", "advance",
                "scale up", "explore"),  # lineage._PURPOSE
    "backbone": ("backbone", "encoder", "vocoder", "stream", "branch", "style net",
                 "style arch", "like net", "like arch", "based net", "based arch"),
    # parts.WITH_BACKBONE_MID
    "derive": ("replac", "continu", "tun", "further", "its "),  # derivation.derivations
    "compare": ("compare", "set ", "pit ", "benchmark ", "contrast "),  # comparisons.compared_pairs
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
#: The bit of each list in what ``SentenceWords.sentence_bits`` gives.
WORD_BIT = {name: 1 << i for i, name in enumerate(WORD_LISTS)}
ALL_WORDS = (1 << len(WORD_LISTS)) - 1  # every list held: for a text read without ``low``
_LETTERS = re.compile("[a-z]+")
# Words of letters only lie inside one run of letters: each distinct run is tested once
# (``_run_bits``, kept across docs); the other words ("top of") are looked for as they are.
_SPACED = tuple((word, WORD_BIT[name]) for name, words in WORD_LISTS.items() for word in words
                if not _LETTERS.fullmatch(word))
_RUN_BITS: dict[str, int] = {}  # runs that hold a word -> their bits
_NO_WORD: set[str] = set()  # runs known to hold none: most words of a text
_CACHE_LIMIT = 1 << 16
# Every byte but a-z to a space: an ASCII text's runs of letters are then its words as
# ``str.split`` finds them, far faster than a regular expression.
_SPACE_OUT = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _runs(low: str) -> set[str]:
    """The distinct runs of letters a-z in ``low``."""
    if low.isascii():
        return set(low.encode("ascii").translate(_SPACE_OUT).decode("ascii").split())
    return set(_LETTERS.findall(low))


def _run_bits(run: str) -> int:
    """The bits (``WORD_BIT``) of the lists one of whose letter-only words ``run`` contains."""
    bits = _RUN_BITS.get(run)
    if bits is None:
        if run in _NO_WORD:
            return 0
        bits = 0
        for name, words in WORD_LISTS.items():
            if any(word in run for word in words):
                bits |= WORD_BIT[name]
        if len(_RUN_BITS) >= _CACHE_LIMIT or len(_NO_WORD) >= _CACHE_LIMIT:
            _RUN_BITS.clear()
            _NO_WORD.clear()
        if bits:
            _RUN_BITS[run] = bits
        else:
            _NO_WORD.add(run)
    return bits


class SentenceWords:
    """Which sentences hold one of a list of words (``WORD_LISTS``: ``CUE_WORDS``,
    ``RULE_WORD_LISTS``) in the doc's lower-cased text ``low``: what a search of the
    sentence for the words finds. A sentence without them skips the cues or rule that need
    them.

    Each sentence is read once, at the first question: its distinct runs of letters (a
    regular expression of many words would try each at every character), each looked up
    once across docs (``_run_bits``). A word of letters only lies inside one run, and a run
    never crosses a sentence boundary (sentences start at a token after a stop or a blank
    line): the sentence holds the word where one of its runs does."""

    def __init__(self, low: str | None, sents: list[Span]) -> None:
        self.low, self.sents = low, sents
        self.bits: list[int] | None = None  # per sentence: the lists it holds a word of

    def __call__(self, name: str, i: int) -> bool:
        """Whether sentence ``i`` holds a word of ``WORD_LISTS[name]`` (True when there is
        no ``low``)."""
        if self.low is None:
            return True
        if self.bits is None:
            self.bits = self._all_bits()
        return bool(self.bits[i] & WORD_BIT[name])

    def sentence_bits(self) -> list[int]:
        """Per sentence, the bits (``WORD_BIT``) of the lists it holds a word of; every
        bit (``ALL_WORDS``) when there is no ``low``."""
        if self.low is None:
            return [ALL_WORDS] * len(self.sents)
        if self.bits is None:
            self.bits = self._all_bits()
        return self.bits

    def _all_bits(self) -> list[int]:
        low = self.low
        bits = []
        for sent in self.sents:
            part = low[sent.start_char:sent.end_char]
            found = 0
            for run in _runs(part) - _NO_WORD:  # a set difference: no Python loop over most
                found |= _RUN_BITS.get(run) or _run_bits(run)
            for word, bit in _SPACED:
                if not found & bit and word in part:
                    found |= bit
            bits.append(found)
        return bits
