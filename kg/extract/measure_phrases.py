"""Measures the lexicon does not list as written: named in lower case where a value is
given for them ("a mean absolute vertex-to-vertex error of 1.26 cm", "its median
reconstruction error is 1.09 mm", "a resolve rate of a mere 1.96%"), and known measures at
a cut-off ("NDCG@100", "AUC@5°", "pass^1").

The measure is a head word (``error``, ``rate``, ``speed``, ``distance``, ``ratio``,
``cross-entropy``, ``accuracy``, ``AUC``, ``IoU``) with one to three words that qualify it
right before it, and a number right after it ("of", "is", "=" or ":" between): "a top-1
action accuracy of 34.8%", "an explanation accuracy of 0.925". A head with no word before
it ("an error of 5%") is left to the lexicon. Each finding is (start, end) in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.extract.context import find_all, matches_at
from kg.extract.lexicon import load_lexicon

_HEADS = ("error", "rate", "speed", "distance", "ratio", "cross-entropy", "accuracy", "accuracies",
          "AUC", "IoU", "F1")
# The value right after the head: "of 1.26", "is 1.09", "of a mere 1.96", "= 0.3", ", 38.3%".
_VALUE_AFTER = re.compile(r"(?:\s+(?:of|is|was|=|:)|\s*[:,])\s+(?:(?:a|an|only|just|mere|"
                          r"about|around|roughly|approximately|nearly|merely)\s+)*[-+]?\d")
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Za-z0-9][\w-]*)\s+$")
# Words that are not part of a measure's name: determiners, pronouns, praise, verbs.
_NOT_PART = {"a", "an", "the", "its", "their", "our", "his", "her", "this", "that", "these",
             "those", "with", "and", "or", "of", "to", "in", "on", "at", "for", "by", "from",
             "lower", "higher", "lowest", "highest", "low", "high", "best", "better", "worse",
             "worst", "mere", "new", "state-of-the-art", "competitive", "similar", "same",
             "comparable", "only", "just", "overall", "reaches", "achieves", "obtains",
             "attains", "has", "had", "have", "is", "was", "are", "were", "gets", "yields",
             "reports", "record", "strong", "good", "great", "reduced", "improved", "final",
             "small", "smaller", "large", "larger", "much", "very", "it", "which", "while",
             "whereas", "vs", "than", "per", "total", "gives", "shows", "reached",
             "achieved", "obtained", "improves", "raises", "lifts", "boosts", "achieve",
             "reach", "obtain", "attain", "get", "yield", "report", "give", "show"}


def valued_measures(text: str) -> list[tuple[int, int]]:
    """Lower-case measure names (with their qualifying words) that a value is given for."""
    found = []
    for head in _HEADS:
        for at in find_all(text, head):
            end = at + len(head)
            if (at and (text[at - 1].isalnum() or text[at - 1] == "-")) or (
                    end < len(text) and (text[end].isalnum() or text[end] == "-")):
                continue  # part of a longer word: "generate", "errors"
            after = _VALUE_AFTER.match(text, end) is not None
            if not after and not _QUALIFIER_END.search(text, max(0, at - 30), at):
                continue  # neither "of 0.9" after it nor "86.1 part-averaged" before it
            start = at
            for _ in range(3):
                m = _WORD_BEFORE.search(text, max(0, start - 40), start)
                if m is None or m[1].lower() in _NOT_PART or m[1][0].isupper() and not (
                        any(c.isdigit() for c in m[1])) or m[1].endswith("ing") and (
                        "-" not in m[1]) or not any(c.isalpha() for c in m[1]):
                    break  # "Our", "PA-MPJPE", "reporting", "14" are not qualifiers here
                start = m.start(1)
            if start < at and (after or _NUMBER_BEFORE.search(text, max(0, start - 20), start)):
                found.append((start, end))
    return found


# A value right before the qualifying words: "with 86.14 part-averaged IoU".
_NUMBER_BEFORE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?%?\s+$")
# The end of a word that may qualify a measure, right before its head: "part-averaged ".
_QUALIFIER_END = re.compile(r"[a-z0-9-]\s*$")


# A measure's name glued to its cut-off: "NDCG@100", "AUC@5°", "pass^1".
_AT_CUTOFF = re.compile(r"(?<![\w@^.-])(?P<name>[A-Za-z][A-Za-z-]*)[@^]\d+(?:\.\d+)?°?(?![\w.])")


@lru_cache(maxsize=1)
def _measure_stems() -> frozenset[str]:
    """The metric lexicon's names in lower case, and the part before "@" of those with a
    cut-off ("recall" of "Recall@20")."""
    forms = {form.lower() for entry in load_lexicon("metrics") for form, _ in entry.forms}
    return frozenset(forms | {form.split("@")[0] for form in forms if "@" in form})


def cutoff_measures(text: str) -> list[tuple[int, int]]:
    """Known measures at a cut-off the lexicon does not list ("NDCG@100", "AUC@5°")."""
    if "@" not in text and "^" not in text:
        return []
    stems = _measure_stems()
    return [(m.start(), m.end()) for m in matches_at(_AT_CUTOFF, text, _cutoff_starts(text))
            if m["name"].lower() in stems]


def _cutoff_starts(text: str) -> Iterator[int]:
    """Where an ``_AT_CUTOFF`` match can start: at the first of the letters and hyphens
    right before each "@" or "^" (its lookbehind allows no such character before it)."""
    for mark in ("@", "^"):
        for at in find_all(text, mark):
            while at > 0 and text[at - 1] in _NAME_CHARS:
                at -= 1
            yield at


_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")
