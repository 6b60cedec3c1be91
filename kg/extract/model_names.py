"""Model names found beside the names already known (the lexicon's, or a shaped name):

- the other items of a list of baselines or examples one of which is known ("such as
  TripoSR, LGM and CRM"), or that a comparison calls baselines ("prior work such as PPLM
  and FUDGE");
- a capitalised word before a known model name, when the text writes the two together more
  than once and not only at the start of a sentence ("Deep SORT", "Fast AutoAugment"): a
  name of its own, not the known one with a word before it.

Read by ``kg_names``; each finding is (start, end) in the text.
"""

from __future__ import annotations

import re

from kg.extract.context import find_all, matches_at
from kg.extract.dataset_phrases import counted_lists, list_items

# A list of baselines or examples: "such as TripoSR, LGM and CRM", "over AnimateDiff,
# VideoComposer and DragNUWA"; each item one word with a second capital or a digit.
_MODEL_ITEM = r"[A-Z](?:[\w+-]|\.\w)*[A-Z0-9](?:[\w+-]|\.\w)*|[A-Z][a-z]+[A-Z](?:[\w+-]|\.\w)*"
_MODEL_LIST = re.compile(rf"\b(?:such as|including|like|namely|among them|e\.g\.,?|i\.e\.,?|"
                         rf"over|than|outperforms?|surpass(?:es)?|against|compared (?:with|to))\s+"
                         rf"(?:the\s+)?(?P<items>(?:{_MODEL_ITEM})"
                         rf"(?:(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)(?:{_MODEL_ITEM}))+)"
                         r"(?![\w-])")
_LIST_OPENERS = ("such as", "including", "like", "namely", "among them", "e.g.", "i.e.", "over",
                 "than", "outperform", "surpass", "against", "compared")  # where a
# _MODEL_LIST match can start
_MODEL_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+(?:and|or)\s+")


# ... or whose items the words before call baselines: "outperforming prior work such as
# PPLM and FUDGE".
_BASELINE_KIND = re.compile(r"\b(?:work|works|methods|models|baselines|approaches|systems|"
                            r"algorithms|competitors|alternatives|LLMs|detectors|networks),?\s+$")
_COMPARING = re.compile(r"\b(?:outperform|surpass|than\b|compar|against\b|beat)", re.I)


def listed_models(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the other items of a list of baselines or examples one of which is a
    model in ``known`` ("such as TripoSR, LGM and CRM", TripoSR known), that a comparison
    calls baselines ("outperforming prior work such as PPLM and FUDGE"), or of three or more
    names right after a comparison ("against MF, PMF and CTR")."""
    found: list[tuple[int, int]] = []
    starts = (at for word in _LIST_OPENERS for at in find_all(text, word))
    for m in matches_at(_MODEL_LIST, text, starts):
        items = list_items(m, _MODEL_SEPARATOR)
        if any(a < k_end and k_start < b for a, b in items for k_start, k_end in known) or (
                _BASELINE_KIND.search(text, max(0, m.start() - 40), m.start())
                and _COMPARING.search(text, max(0, m.start() - 120), m.start())) or (
                len(items) >= 3 and _COMPARING.match(m[0])):  # opened by a comparison
            # ("against MF, PMF, LDA and CTR"; not "over", "such as": they list anything)
            found += [(a, b) for a, b in items
                      if not any(a < k_end and k_start < b for k_start, k_end in known)]
    return found


# Names a comparison lists right after what kind of system they are: "outperforms the
# imputation methods MAGIC, SAVER and scImpute", "beats the baseline models ALPHA and BetaNet"
# (all-capital words too: the kind word says they are names).
_KIND_ITEM = rf"{_MODEL_ITEM}|[a-z]+[A-Z][\w+-]*"
_LISTED_KINDS = ("methods", "algorithms", "models", "baselines", "networks", "systems", "tools",
                 "frameworks", "libraries", "packages")
_KIND_LISTED = re.compile(
    r"\b(?:outperform(?:s|ing)?|surpass(?:es|ing)?|beat(?:s|ing)?|than|over|against|"
    r"compared (?:with|to)|versus|vs\.?)\s+(?:the\s+|other\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    rf"(?P<kind>{'|'.join(_LISTED_KINDS)})\s+"
    rf"(?P<items>(?:{_KIND_ITEM})(?:(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)(?:{_KIND_ITEM}))*)"
    r"(?![\w-])")
# The type of the names a kind of system lists (``kind_listed``, ``counted_models``); others
# are models.
_KIND_TYPES = {"methods": "Method", "algorithms": "Method", "tools": "Software",
               "frameworks": "Software", "libraries": "Software", "packages": "Software"}


def kind_listed(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of the names a comparison lists after their kind (above): a
    Method for methods and algorithms, Software for tools, frameworks, libraries and
    packages, else a Model."""
    if not any(kind in text for kind in _LISTED_KINDS):
        return []
    return [(a, b, _KIND_TYPES.get(m["kind"], "Model"))
            for m in _KIND_LISTED.finditer(text) for a, b in list_items(m, _MODEL_SEPARATOR)]


# A one-word name a sentence opens by saying what it is: "Zorblax is an open-source Python
# library for ...", "Knet (pronounced "kay-net") is the Koç University deep learning
# framework" (the kind of software or data, or a model).
_OPENS_DESCRIBED = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=\n))(?P<name>[A-Z][\w.+-]*[A-Za-z0-9+])\s+(?:\([^()]{1,40}\)\s+)?"
    r"is\s+(?:an?|the)\s+(?:[\w.'’-]+\s+){0,6}?(?P<kind>library|framework|toolkit|toolbox|"
    r"package|platform|software|tool|engine|simulator|benchmark|dataset|corpus|model)\b")
_OPENER_KINDS = {"benchmark": "Dataset", "dataset": "Dataset", "corpus": "Dataset",
                 "model": "Model"}
_NOT_OPENER = {"This", "It", "That", "There", "Here", "What", "Which", "Our", "Each", "One",
               "Such", "Neither", "Either", "Another", "Everything", "Nothing", "Today"}


def described_openers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of the one-word names sentences open by saying what they are
    (above): Software, a Dataset for data words, a Model for "model"."""
    if " is " not in text:
        return []
    return [(m.start("name"), m.end("name"), _OPENER_KINDS.get(m["kind"], "Software"))
            for m in _OPENS_DESCRIBED.finditer(text) if m["name"] not in _NOT_OPENER]


# Graphics cards by their makers' naming: the lexicon lists the common ones, this the rest.
_GPU = re.compile(r"\b(?:(?:GeForce\s+)?(?:RTX|GTX)\s?\d{3,4}(?:\s?Ti\b)?|GeForce\s+"
                  r"\d{3,4}|Quadro\s+(?:RTX\s+)?[A-Z]{0,2}\d{3,5}|Tesla\s+[A-Z]\d{1,3})(?![\w-])")
_GPU_WORDS = ("RTX", "GTX", "GeForce", "Quadro", "Tesla")  # a literal scan first: far faster


def graphics_cards(text: str) -> list[tuple[int, int]]:
    """(start, end) of each graphics card named by its maker's naming ("GeForce RTX 2060",
    "Quadro P4000", "Tesla M60")."""
    if not any(word in text for word in _GPU_WORDS):
        return []
    return [m.span() for m in _GPU.finditer(text)]


# A count of systems and their names right after it: "the nine compared approaches - MLP,
# FCN, ..., TWIESN", "three baselines: A, B and C" (as many names as the count).
_COUNTED_ITEM = r"[A-Za-z][\w.+-]*[A-Z0-9][\w.+-]*|[A-Z][a-z]+(?:-[A-Za-z0-9]+)*"
_COUNTED_KIND = re.compile(r"\b(?P<kind>models|approaches|architectures|networks|baselines|"
                           r"systems|methods|algorithms|detectors|classifiers|LLMs)\s*"
                           r"(?:[,:(]|\s[-–—])\s*(?:namely\s+|i\.e\.,?\s+)?")
_COUNTED_NAMES = re.compile(
    rf"(?P<items>(?:{_COUNTED_ITEM})(?:(?:,\s*|\s+and\s+|,\s+and\s+)(?:{_COUNTED_ITEM}))+)"
    r"(?![\w-])")


def counted_models(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of the names right after a count of systems, when there are as
    many as it says: "the nine compared approaches - MLP, FCN, ... and TWIESN" (Model);
    "seven algorithms, A2C, PPO, ... and HER" (Method)."""
    return [(a, b, _KIND_TYPES.get(kind, "Model"))
            for kind, items in counted_lists(text, _COUNTED_KIND, _COUNTED_NAMES,
                                             _MODEL_SEPARATOR)
            for a, b in items]


# The capitalised word right before a known name; and what makes a place mid-sentence.
_WORD_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z]{2,} $")
_MID_SENTENCE = re.compile(r"[a-z0-9,;:)] $")
_OPENERS = {"The", "This", "These", "Our", "Unlike", "Like", "With", "Using", "Compared",
            "Both", "All", "Each", "Its", "Their", "When", "While", "Although", "Then", "Thus",
            "Moreover", "However", "Furthermore", "Finally", "For", "From", "In", "On",
            "Over", "Than", "And", "But", "Only", "Even", "Also", "Original", "Vanilla",
            "Standard", "Existing", "Previous", "Prior", "Recent", "Modern", "Large", "Small"}


def repeated_compounds(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of a capitalised word and the known model name after it, where the text
    writes the pair at least twice, once at least after a word of the same sentence."""
    found: set[tuple[int, int]] = set()
    for start, end in known:
        m = _WORD_BEFORE.search(text, max(0, start - 20), start)
        if m is None or m[0].strip() in _OPENERS:
            continue
        pair = text[m.start(): end]
        places = [at for at in find_all(text, pair)
                  if not text[at + len(pair): at + len(pair) + 1].isalnum()
                  and not (at and (text[at - 1].isalnum() or text[at - 1] == "-"))]
        if len(places) >= 2 and any(_MID_SENTENCE.match(text, max(0, at - 2), at)
                                    for at in places):
            found.add((m.start(), end))
    return sorted(found)


# A model a lineage cue names by a title-case phrase: "a variant of Neural Radiance Fields",
# "built upon Vision Transformers"; two to four capitalised words, not at a sentence start.
_BASE_PHRASE = re.compile(r"\b(?:variant|extension|version|adaptation|generali[sz]ation) of|"
                          r"\bbased (?:up)?on|\bbuilt (?:up)?on(?: top of)?|\bextends|"
                          r"\binitiali[sz]ed (?:from|with)|\bfine-?tuned from")
_TITLE_WORDS = re.compile(r"\s+(?:the\s+)?(?P<name>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){1,3})"
                          r"(?=\s*(?:[,;.)(]|and\b|or\b|that\b|which\b|to\b|with\b|$))")


_BASE_WORDS = ("variant", "extension", "version", "adaptation", "generali", "based", "built",
               "extends", "initiali", "fine")  # where a _BASE_PHRASE match can start


def titled_bases(text: str) -> list[tuple[int, int]]:
    """(start, end) of the title-case names lineage cues introduce."""
    starts = [at for word in _BASE_WORDS for at in find_all(text, word)]
    return [(m.start("name"), m.end("name")) for cue in matches_at(_BASE_PHRASE, text, starts)
            if (m := _TITLE_WORDS.match(text, cue.end()))]
