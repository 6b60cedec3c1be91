"""Normalised keys: the one place that says when two strings name the same thing."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_KEY = re.compile(r"[^\w.]|_")
_NOT_ALNUM = re.compile(r"[\W_]+")  # exactly the characters str.isalnum() rejects
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # the extractors ask for the same few thousand names again and again
def name_key(name: str) -> str:
    """The matching key of an entity name (EXTRACTION.md): NFKC, lower case, only letters,
    digits and dots kept.

    >>> name_key("ERNIE-ViLG 2.0") == name_key("ernie vilg2.0")
    True
    """
    s = unicodedata.normalize("NFKC", name).lower()
    return _NOT_KEY.sub("", s).strip(".")


def person_key(name: str) -> str:
    """The key of a person's name: NFKC, case-folded, single spaces, no dots or commas.

    >>> person_key("  Hua  WU ")
    'hua wu'
    """
    s = unicodedata.normalize("NFKC", name).casefold().replace(".", " ").replace(",", " ")
    return _SPACE.sub(" ", s).strip()


def text_key(text: str) -> str:
    """The key of a title or an abstract: NFKC, case-folded, only letters and digits kept,
    so that spacing, punctuation and a leading ``Abstract:`` label do not matter.

    >>> text_key("Abstract: Deep  Learning, revisited.") == text_key("deep learning revisited")
    True
    """
    s = unicodedata.normalize("NFKC", text).casefold().strip()
    if s.startswith("abstract:"):
        s = s[len("abstract:"):]
    return _NOT_ALNUM.sub("", s)
