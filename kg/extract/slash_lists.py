"""Values and variants written as slash lists: "EffDet-s/m/l run at 90.5/61.2/40.3 FPS",
"a WER of 2.1%/4.3% on test/test-other", "Tiny/Small/Medium" after a name.

``kg_results`` gives the n-th value to the n-th variant where the sentence, or one shortly
before it, names as many variants as there are values; otherwise every value is the model's
that the sentence reports for (splits of one benchmark: "test/test-other").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.baselines import labelled_by_model
from kg.extract.numbers import FRACTION

# "EffDet-s/m/l", "DAMO-YOLO-Tiny/Small/Medium": a name, a hyphen, then variants.
SLASH_MODELS = re.compile(r"(?<![\w-])([A-Za-z][\w.-]*-)([A-Za-z0-9]{1,6}(?:/[A-Za-z0-9]{1,6})+)\b")
# "43.0/46.8/50.0", "2.1%/4.3%", "0.18 / 0.06": two or more values; not part of a date or
# a longer token.
SLASH_VALUES = re.compile(rf"(?<![\w./])(?!{FRACTION})"  # not a fraction: "Yoochoose 1/64"
                          r"(\d+(?:\.\d+)?%?(?: ?/ ?\d+(?:\.\d+)?%?)+)(?![\w/]|\.\d)"
                          r"(?:\s?(?P<unit>ms|s|FPS|fps)\b)?")
_VALUE = re.compile(r"\d+(?:\.\d+)?")


def alike(variants: list[str]) -> bool:
    """Whether the parts of a slash list are variants of one kind: all numbers ("1/2") or
    all words ("s/m/l", "Tiny/Small"); "ViT-L/14" names a patch size, not two models."""
    return all(v.isdigit() for v in variants) or all(v.isalpha() for v in variants)


def slash_variants(text: str) -> list[str]:
    """The names a slash list of variants gives ("A-s/m/l" -> A-s, A-m, A-l), or []."""
    m = SLASH_MODELS.search(text)
    return [m[1] + v for v in m[2].split("/")] if m and alike(m[2].split("/")) else []


def value_lists(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The slash lists of values in ``text[start:end]``."""
    return list(SLASH_VALUES.finditer(text, start, end))


def model_free_value_lists(text: str, sent: Span, models: list[Span]) -> list[re.Match[str]]:
    """The slash lists of values of ``sent`` but those a model's name labels: "(X: 6.95 /
    171.4)" is two numbers of a baseline, which answer the paper's numbers in turn."""
    return [m for m in value_lists(text, sent.start_char, sent.end_char)
            if not labelled_by_model(text, models, m.start(1))]


def values_of(m: re.Match[str]) -> list[tuple[float, int, int]]:
    """(value, start, end) of each value of a slash list."""
    return [(float(v[0]), v.start(), v.end()) for v in _VALUE.finditer(m.string, m.start(1),
                                                                     m.end(1))]


def slash_chain(text: str, spans: list, before: int, size: int) -> list:
    """The ``size`` names among ``spans`` (in order) written as one slash list that ends
    nearest before ``before``: "Gowalla / Yelp2018 / Amazon-Book"; [] for none."""
    chains: list[list] = []
    for span in spans:
        if span.end_char > before:
            break
        if chains and _SLASH_GAP.fullmatch(text, chains[-1][-1].end_char, span.start_char):
            chains[-1].append(span)
        else:
            chains.append([span])
    return next((c for c in reversed(chains) if len(c) == size > 1), [])


def slash_chain_after(text: str, spans: list, after: int, size: int) -> list:
    """The ``size`` names among ``spans`` written as one slash list "on" right after
    ``after``: "84.2 / 73.4 / 81.1 on Cora / Citeseer / PubMed"; [] for none."""
    chain: list = []
    for span in spans:
        if span.start_char < after:
            continue
        if not chain:
            if not _ON_GAP.fullmatch(text, after, span.start_char):
                return []
            chain.append(span)
        elif _SLASH_GAP.fullmatch(text, chain[-1].end_char, span.start_char):
            chain.append(span)
        else:
            break
    return chain if len(chain) == size > 1 else []


_SLASH_GAP = re.compile(r"\s?/\s?")
_ON_GAP = re.compile(r"\s*%?\s*(?:[\w-]+\s+){0,2}?on\s+(?:the\s+)?")
