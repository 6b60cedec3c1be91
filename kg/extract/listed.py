"""The type a bare acronym takes from the list it is written in: "namely PCA, a Gaussian
mixture model, k-means and ICA", "matrix factorization models (PMF, SoRec, SocialMF)". An
acronym alone says nothing of what it names (kg_entities drops it without a type); the items
beside it in a list of systems do. Used by ``kg_entities``."""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.extract.cue_objects import SYSTEM_KINDS
from kg.normalize import name_key

# The separator before the acronym, and after it: "k-means and ", "(GMM), ", ", and "
_SEP_BEFORE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:an?\s+|the\s+)?$")
_SEP_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)(?:an?\s+|the\s+)?")
_BRACKETED = re.compile(r"\s*\([^()]{1,12}\)$")  # "Gaussian mixture model (GMM)"
# A list in brackets after systems of a kind: "matrix factorization models (PMF, ..."
_KIND_OPENS = re.compile(rf"\b{SYSTEM_KINDS}\s*\($")
_NAME_SHAPE = re.compile(r"[A-Z][\w.+-]*")
_SYSTEMS = ("Model", "Method")
_ITEM_ENDS = re.compile(r"\s*(?:[,;:.)]|and\b|or\b|$)")


def listed_type(text: str, start: int, end: int, typed: Mapping[str, tuple[int, str]]
                ) -> str | None:
    """Model or Method for the acronym at ``start:end`` where the list item beside it is a
    name of that type (``typed``: name key -> (trust, type)), or where the list is in
    brackets after systems of a kind and the item beside it is capitalised."""
    if not _ITEM_ENDS.match(text, end):
        return None  # "IO-aware": part of a word, not an item of a list
    items = []
    before = text[max(0, start - 80): start]
    sep = _SEP_BEFORE.search(before, max(0, len(before) - 14))
    if sep is not None:
        head = re.split(r"[,;(]", _BRACKETED.sub("", before[:sep.start()]))[-1]
        if words := head.split()[-4:]:
            items.append(" ".join(words))
    if m := _SEP_AFTER.match(text, end, min(len(text), end + 20)):
        words = re.split(r"[,;()]", text[m.end(): m.end() + 60], maxsplit=1)[0].split()[:4]
        if words:
            items.append(" ".join(words))
    for item in items:
        words = item.split()
        for k in range(len(words)):  # the item's last words before, first words after
            for part in (" ".join(words[k:]), " ".join(words[:len(words) - k])):
                known = typed.get(name_key(part))
                if known is not None and known[1] in _SYSTEMS:
                    return known[1]
    bracket = text.rfind("(", max(0, start - 100), start)  # the list is inside it
    opened = bracket >= 0 and text.find(")", bracket, start) < 0 and _KIND_OPENS.search(
        text, max(0, bracket - 40), bracket + 1) is not None
    if opened and any(_NAME_SHAPE.fullmatch(item.split()[0]) or _NAME_SHAPE.fullmatch(
            item.split()[-1]) for item in items):
        return "Model"
    return None
