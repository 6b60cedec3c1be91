"""Numbers a sentence gives to a baseline beside the paper's own: which model a number
is for ("outperforming DeiT training (81.8%)", "compared with 42.0 AP for DETR",
"(GPT-4o: 78.5)", "for Mip-NeRF360 at 0.06 fps", "against 2.40/0.146 for X") and which of
the paper's results a baseline's number without a measure answers. Used by ``kg_results``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.context import doc_text, named


def compared_with(numbers: list, own: list[tuple], m: re.Match) -> tuple | None:
    """The result a baseline's number with no metric of its own answers: of "A% on X and
    B% on Y, compared with C% and D% for Z", C answers A and D answers B (the k numbers
    of a group answer the last k results); one more than the results answers the last."""
    if not own:
        return None
    group = [m]
    k = next(i for i, n in enumerate(numbers) if n[0] is m)
    while k > 0 and numbers[k - 1][1] is None and numbers[k - 1][2] is None:
        k -= 1
        group.insert(0, numbers[k][0])
    k = next(i for i, n in enumerate(numbers) if n[0] is m) + 1
    while k < len(numbers) and numbers[k][1] is None and numbers[k][2] is None:
        group.append(numbers[k][0])
        k += 1
    if len(group) > len(own):  # "0.79 and 0.55 for A and 0.75 and 0.55 for B": in turn
        return own[group.index(m) % len(own)] if len(group) % len(own) == 0 else own[-1]
    return own[-len(group):][group.index(m)]


_ENDS_NAME = re.compile(r"\s*(?:[,;.)]|and\b|or\b|$)")
# A number alone in brackets: "DeiT training (81.8%)", "(up to 85.2%)".
IN_BRACKETS = re.compile(r"\(\s*(?:up\s+to\s+)?$")
BRACKET_CLOSES = re.compile(r"\s*%?\s*\)")
_FOR_MODEL = re.compile(r"\s*(?:%\s*)?(?:(?!\d)[\w@.-]+\s+)??(?:(?:,|and|,\s*and)\s*\d[\d.]*\s*%?"
                        r"\s*(?:(?!\d)[\w@.-]+\s+)??)*"
                        r"(?:(?!\d)[\w@.-]+\s+){0,2}?for\s+(?:the\s+)?"
                        r"(?:(?!\d[\d.]*[%,\s]|and\s|or\s)[\w'’.-]+,?\s+){0,4}?$")
# "the 0.84 of NeuS": the number is the named model's
_THE_BEFORE = re.compile(r"\bthe\s+$")
_OF_MODEL = re.compile(r"(?:\s*(?:%|[A-Za-z]{1,4}\s))?\s*\bof\s+(?:the\s+)?")
# A verb that gives its subject the number after it: "reaches", "scores only", "has an F1 of".
GIVES_NUMBER = (r"(?:only\s+|also\s+)?(?:scores?|reach(?:es)?|obtains?|achieves?|gets?|attains?|"
                r"yields?|has)\s+(?:only\s+)?(?:an?\s+[\w-]+(?:\s+[\w-]+)?\s+of\s+)?")
# ... and a verb of state or report: "whereas XGBoost is at 0.433", "stays at", "reports".
# ("where ULMFiT, the strongest earlier model, obtains 0.83": an apposition may come between)
_VERB_TO_NUMBER = re.compile(r"(?:\s*,[^,;()]{1,50},)?\s+(?:(?:is|stays|stops|remains|reports)"
                             r"(?:\s+at|\s+only)?\s+"
                             rf"(?:an?\s+[\w-]+\s+of\s+)?|{GIVES_NUMBER})")
# A relative clause that gives a named model its own number: "X, which scores 66.4".
_WHICH_SCORES = re.compile(rf"\s*,\s*(?:which|that)\s+{GIVES_NUMBER}")
# A number given to a name with "with": "the state of the art, DGI with 82.3% on Cora" ...
_WITH_NUMBER = re.compile(r"\s+with\s+(?:an?\s+[\w-]+(?:\s+[\w-]+)?\s+of\s+)?")
# ... but not what is done to it: "we prune BERT with 90% sparsity", "train X with 10%".
_DONE_TO = re.compile(r"\b(?:train|prun|fine-?tun|initiali[sz]|compress|quanti[sz]|distill|"
                      r"equipp?|combin|augment|run|evaluat|test|feed|us)\w*\s+(?:the\s+|an?\s+)?"
                      r"(?:[\w-]+\s+)?$", re.I)
_SET_AGAINST = re.compile(r"\b(?:where|whereas|while|but)\s+$")
# A number right after a baseline's name and "at": "for Mip-NeRF360 at 0.06 fps".
_AT_AFTER_NAME = re.compile(r"\s+at\s+")
# A comparison that gives other models' numbers after the paper's: "compared with 54.8 for
# LLaMA 2 13B", "against 86.4 and 92.0 for GPT-4".
COMPARED_NUMBERS = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|while|"
                               r"whereas)\s+(?:(?:[^;()]|\([^()]{0,20}\)){0,60}?(?:,|\band))?\s*$|"
                               r"\b(?:close\s+to|above|below|behind|ahead\s+of)\s+the\s+$", re.I)


def baseline_of(doc: Doc, models: list[Span], m: re.Match,
                software: list[Span] = ()) -> Span | None:
    """The model a number is given for, baseline or not: the name right before the
    brackets it stands alone in ("outperforming DeiT training (81.8%)") or after "for"
    ("compared with 42.0 AP for DETR"), there also a ``software`` name ("0.431 for
    XGBoost")."""
    text = doc_text(doc)
    start = m.start("value")
    if IN_BRACKETS.search(text, max(0, start - 10), start):
        before = [s for s in models if 0 <= start - s.end_char <= 60 and named(s)
                  and "(" not in text[s.end_char: start - 1] and "," not in text[
                      s.end_char: start]]
        if before:
            return before[-1]
    # "(GPT-4o: 78.5)", "(ResNet-50: 75.3%)": a baseline's number labelled with its name;
    # "for Mip-NeRF360 at 0.06 fps": a number right after the baseline it is given for
    labelled = _label_before(text, models, start, _LABEL_COLON) or next(
        (s for s in models if 0 < start - s.end_char <= 60 and named(s)
         and _AT_AFTER_NAME.fullmatch(text, s.end_char, start)
         and _FOR_BEFORE.search(text, max(0, s.start_char - 9), s.start_char)), None)
    if labelled is not None:
        return labelled
    which = next((s for s in models if 0 < start - s.end_char <= 60 and named(s)
                  and (_WHICH_SCORES.fullmatch(text, s.end_char, start)
                       or _WITH_NUMBER.fullmatch(text, s.end_char, start)
                       and not _DONE_TO.search(text, max(0, s.start_char - 30), s.start_char))),
                 None)
    if which is not None:  # "ahead of X, which scores 66.4 on Y", "DGI with 82.3% on Cora"
        return which
    for s in (*software, *models):  # "whereas XGBoost is at 0.433", "where PointNet++
        # reaches 90.7%": a number set against ours
        if 0 < start - s.end_char <= (80 if text.startswith(",", s.end_char) else 30) \
                and _VERB_TO_NUMBER.fullmatch(text, s.end_char, start) \
                and _SET_AGAINST.search(text, max(0, s.start_char - 12), s.start_char):
            return s
    for s in models:  # "..., and X-Base 0.836 and 89.2 respectively": the verb left out
        if 0 < start - s.end_char <= 2 and _AND_BEFORE.search(
                text, max(0, s.start_char - 6), s.start_char) and _RESPECTIVELY.match(
                text, m.end()) and named(s):
            return s
    after = sorted((s for s in (*models, *software) if 0 < s.start_char - m.end() <= 60
                    and (named(s) or s.id_ == "kg_lexicon"  # "0.661 for k-means", not
                         and _ENDS_NAME.match(text, s.end_char))),  # "for the X method Y"
                   key=lambda s: s.start_char)
    if after and (_FOR_MODEL.fullmatch(text, m.end(), after[0].start_char) or (
            _OF_MODEL.fullmatch(text, m.end(), after[0].start_char)
            and _THE_BEFORE.search(text, max(0, start - 6), start))):
        return after[0]  # "42.0 AP for DETR"; "below the 0.84 of NeuS"
    return None


_AND_BEFORE = re.compile(r"(?:,|\band)\s+$")
_RESPECTIVELY = re.compile(r"(?:\s*%?\s*(?:,|and|,\s*and)\s*\d[\d.]*)+\s*%?\s*,?\s*respectively\b")
# A number alone in brackets right after a name: "ahead of PatchTST (0.684)".
ALONE_AFTER_NAME = re.compile(r"[A-Za-z0-9][\w.+-]*[A-Z0-9][\w.+-]*\s*\(\s*$")
# "(GPT-4o: 78.5)", and the numbers after the first: "(X: 17.43 / 0.2613)", "(X: 7.95 and 28.0)"
LABELLED = re.compile(r"\(\s*[^()]{1,30}?[:,]\s*" + r"(?:\d[\d.]*\s*%?\s*(?:,|and|/|;)\s*){0,4}$")
# ... or with a comma: "(GNINA, 23%)"
_LABEL_COLON = re.compile(r"\s*[:,]\s*(?:\d[\d.]*\s*%?\s*(?:,|and|/|;)\s*){0,4}")


def slash_baseline(text: str, models: list[Span], end: int) -> Span | None:
    """The model a slash list is given for: "against 2.40/0.146 for CoModGAN"."""
    return next((s for s in models if s.start_char >= end and named(s)
                 and _FOR_ONLY.fullmatch(text, end, s.start_char)), None)


_FOR_ONLY = re.compile(r"\s*for\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}")  # "for the contrastive X"
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$")


def labelled_by_model(text: str, models: list[Span], start: int) -> bool:
    """Whether the numbers from ``start`` are labelled with a model's name in brackets:
    "(BigGAN-deep: 6.95 / 171.4)"; a list labelled with its measures ("(FID/LPIPS:
    2.21/0.135)") is not."""
    return _label_before(text, models, start, _LABEL_ONLY) is not None


_LABEL_ONLY = re.compile(r"\s*:\s*")


def _label_before(text: str, models: list[Span], start: int, gap: re.Pattern[str]
                  ) -> Span | None:
    """The model named right after "(" whose label ``gap`` runs up to ``start``: "(GPT-4o:
    78.5)"."""
    return next((s for s in models if 0 < start - s.end_char <= 60 and named(s)
                 and text[s.start_char - 1: s.start_char] == "("
                 and gap.fullmatch(text, s.end_char, start)), None)


_FRONTED_COMPARED = re.compile(r"\s*(?:Compared|In comparison)\s+(?:with|to)\s+(?:the\s+)?$")


def fronted_baseline(text: str, sent: Span, models: list[Span], model: Span) -> Span | None:
    """The model a sentence opens by comparing with ("Compared with Y, X raises ..."), when
    it is not ``model``."""
    first = next((s for s in models if s.start_char >= sent.start_char), None)
    if first is None or first.text == model.text or "," not in text[
            first.end_char: first.end_char + 2] or not _FRONTED_COMPARED.fullmatch(
            text, sent.start_char, first.start_char):
        return None
    return first
