"""Which measure and dataset a number of a results sentence has: the metric written next
to it ("72.0% mIoU", "an mAP of 45.9", "a score of 6.84") and the dataset it is reported on
("74.4% on GSM8K", "MultiNLI accuracy to 86.7%", "On QM9, ..."). Used by ``kg_results``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.context import doc_text

_SCORE_OF = re.compile(r"\b(?:an?|the)\s+(?:new\s+)?(?:state-of-the-art\s+|best\s+|record\s+)?"
                       r"((?:[a-z]+(?:-[a-z]+)?[\s-]+)?score)\s+of\s*$", re.I)


def score_of(doc: Doc, before: str, start: int) -> Span | None:
    """"a score of 6.84", "an average score of 88.9": the score as the metric."""
    m = _SCORE_OF.search(before)
    if m is None:
        return None
    end = start - (len(before) - m.end(1))
    return doc.char_span(end - len(m[1]), end, alignment_mode="expand")


# Between a number and its metric: a unit, or more numbers of the same list.
_UNITS_ONLY = re.compile(r"^\s*(?:%|ms|s|fps|FPS)?\s*(?:(?:\d+|zero|one|few)-shot\s+)?"  # "5-shot"
                         r"(?:[A-Z]{2,5}\s+)?"  # the task it is measured on: "94.7 NER F1"
                         r"(?:(?:,|and|,\s*and)\s*\d[\d.]*\s*%?\s*)*$")


def metric_for(doc: Doc, metrics: list[Span], start: int, end: int,
                after_only: bool = False) -> Span | None:
    """The metric written next to the number: right after it ("72.0% mIoU", "13.4 ms"
    excluded), or (unless ``after_only``) shortly before it ("mAP of 45.9", "inference
    time of 13.4")."""
    after = [s for s in metrics if 0 <= s.start_char - end <= 12 and _UNITS_ONLY.match(
        doc_text(doc)[end: s.start_char])]
    if after or after_only:
        return after[0] if after else None
    before = [s for s in metrics if 0 <= start - s.end_char <= 30]
    if before and _LABEL_AFTER_NUMBER.search(doc_text(doc), before[-1].end_char, start):
        return None  # "a CLIP score of 0.2652 (ControlNet: 17.43": the first number's
    return before[-1] if before else None


_LABEL_AFTER_NUMBER = re.compile(r"\d[^()]*\([^()]*:")


def metric_after(doc: Doc, metrics: list[Span], end: int) -> Span | None:
    """A metric a little after the number, in the same clause and with no other number
    between ("88.5 on the GLUE leaderboard and 89.4 F1": F1 is the second number's)."""
    text = doc_text(doc)
    later = [s for s in metrics if 0 <= s.start_char - end <= 40
             and not _CLAUSE_OR_NUMBER.search(text, end, s.start_char)]
    return later[0] if later else None


_CLAUSE_OR_NUMBER = re.compile(r"[,;]|\d")


# "on" a dataset after a number, with no other number between: "74.4% on GSM8K", not the
# first number of "0.021 and 0.37 MAE on ZINC" (a dataset named before it may be its own).
# "74.4% on GSM8K"; not "78.7% and on GSM8K from 10.4%", where "on" opens the next number's
_ON_AFTER = re.compile(r"^(?:(?!\s\d|\sand\s)[^,;()]|\s+at\s+[\d.]+\s*(?:FPS|fps|ms|Hz|"
                       r"images/s|tokens/s)\b){0,30}?\b(?:on|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
                       re.I)  # "74.7% mIoU at 230 FPS on CamVid": a speed given with it


def dataset_for(doc: Doc, datasets: list[Span], metric: Span, start: int,
                 end: int) -> Span | None:
    """The dataset of a number: the one named right before its metric ("MultiNLI accuracy
    to 86.7%") or right before it in brackets ("CIFAR-100 (91.7%)"), else the one "on"
    introduces right after it ("74.4% on GSM8K", "on the 19-task VTAB suite"), else the
    nearest in the sentence, in its clause if one is there."""
    if not datasets:
        return None
    text = doc_text(doc)
    for ds in datasets:
        if metric.start_char < start and 0 <= metric.start_char - ds.end_char <= 2:
            return ds
        if re.fullmatch(r"\s*\(\s*", text[ds.end_char:start]):  # "CIFAR-100 (91.7%)"
            return ds
    for ds in datasets:
        if ds.start_char >= end and _ON_AFTER.match(text[end: ds.start_char]):
            return ds
    before = [ds for ds in datasets if ds.end_char <= start]
    if before and _FRAME.search(text, max(0, before[-1].start_char - 16), before[-1].start_char):
        return before[-1]  # "On QM9, X reaches an MAE of 0.02 and 0.37 MAE on ZINC"
    near = [ds for ds in datasets if not _CLAUSE_BREAK.search(
        text, min(ds.end_char, end), max(ds.start_char, start)) and not (
        ds.start_char >= end and _AND_ON.match(text, end, ds.start_char))] or datasets
    return min(near, key=lambda s: abs(s.start_char - start))


# A dataset after a number that opens the next one's phrase: "78.7% and on GSM8K from ...".
_AND_ON = re.compile(r"[^,;()\d]{0,12}\band\s+(?:on|in)\s+(?:the\s+)?$")
# A dataset that sets the scene at the start of a sentence: "On QM9, ...".
_FRAME = re.compile(r"(?:^|[.!?]\s+|\n)(?:On|Across|For)\s+(?:the\s+)?$")
# Where one clause ends and another starts: "reaching 65.0% accuracy, and it obtains ...".
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\b")


# A setting's value, not a result: "for noise level 25", "σ = 50", "at temperature 0.7".
_SETTING_BEFORE = re.compile(r"(?:\b(?:noise\s+)?levels?|σ|\bsigma|λ|\blambda|\btemperature|"
                             r"\bbatch\s+size|\bseed)\s*(?:=|of)?\s*$|"
                             # a measure's cut-off: "a precision at 5 (P@5) of 0.2133"
                             r"\b(?:precision|recall|accuracy|hits?|hit\s+rate)\s+at\s*$", re.I)


# Numbers in a list of settings: "the CSI at thresholds of 0.125, 1 and 5 mm/h", "at all lead
# times up to 60 minutes", "forecast horizons of 96, 192 and 336 steps".
_SETTINGS_LISTED = re.compile(r"\b(?:thresholds?|cut-?offs?|horizons?|lead\s+times?)\s+(?:of\s+|"
                              r"up\s+to\s+|=\s*)?(?:[\d.]+\s*(?:[\w/%]+\s*)?(?:,|and|or)\s*)*$",
                              re.I)


def is_setting(text: str, start: int) -> bool:
    """Whether the number at ``start`` is a setting's value ("noise level 25", "precision at
    5", "at thresholds of 0.125, 1 and 5 mm/h"), not a result."""
    return bool(_SETTING_BEFORE.search(text, max(0, start - 16), start)
                or _SETTINGS_LISTED.search(text, max(0, start - 60), start))
