"""Which model a number of a sentence is reported for (read by ``kg_results``): the
sentence's reporters (its named models that are not a baseline, a component or a setting),
the n-th of a list for the n-th number, and the subject again after "it" or "its".
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc, Span

from kg.extract.context import (
    LISTED_GAP,
    as_modifier,
    doc_lower,
    doc_text,
    named,
    skipped_names,
)

# Before a model that is a baseline or a setting, not a reporter: up to three words after a
# comparison ("outperforms the strong previous X"), one after a preposition ("with a frozen
# X", not "with Ghost modules gives X") unless the name is in brackets ("without supervised
# fine-tuning (SFT)").
COMPARED_BEFORE = re.compile(r"(?:\b(?:compar(?:ed|es|e|ing|ison|able)(?: with| to)?|than|"
                             r"outperform\w*|surpass\w*|"
                             r"over|against|beat\w*|exceed\w*|vs\.?|versus|such as|like|"
                             r"teacher|based on|built (?:up)?on|upon)\s+"
                             r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}|"
                             r"\b(?:with|from|using|through|via|without|as|uses|employs|"
                             r"adopts)\s+"
                             r"(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+)?|(?:[\w-]+\s+){0,3}"
                             r"(?=\()))(?:\(\s*)?$", re.I)

# ... without IGNORECASE, for the text lower-cased by ``context.doc_lower`` (its letters are
# all lower case): the same matches there, found faster.
_COMPARED_BEFORE_LOWER = re.compile(COMPARED_BEFORE.pattern, COMPARED_BEFORE.flags & ~re.I)
assert not re.search("[A-Z]", re.sub(r"\\.", "", COMPARED_BEFORE.pattern))


def sentence_reporters(doc: Doc, models: list[Span], sent: Span,
                       main: Span | None = None) -> list[Span]:
    """The models of ``sent`` that numbers may be reported for: named, and not a baseline
    ("outperforms Llama 2 70B and GPT-3.5 ..., reaching 70.6%"), a component or a setting
    ("with a ResNet-50 backbone", "on Llama-2 7B", "With the X model, the accuracy ...",
    and, after the paper's own ``main`` or "it", "the perplexity of OPT-66B")."""
    if not models:
        return []
    text = doc_text(doc)
    modifiers = {s.start for s in models if as_modifier(text, s)}  # "RLHF-based"
    low = doc_lower(doc)
    skipped = skipped_names(text, models, sent.start_char, COMPARED_BEFORE.search, modifiers
                            ) if low is None else skipped_names(
        text, models, sent.start_char, _COMPARED_BEFORE_LOWER.search, modifiers, low)
    if main is not None:
        skipped |= {s.start for s in models if applied_to(text, s, sent, main, models)}
    if text.startswith(("With ", "Using "), sent.start_char) and (
            fronted := _FRONTED_SETTING.match(text, sent.start_char, sent.end_char)):
        skipped |= {s.start for s in models if s.end_char <= fronted.end()}
    return [s for s in models if s.start not in skipped and named(s)]


# A setting that opens the sentence, up to the comma before its clause: "With the large
# InstructGPT model, text-davinci-002, the accuracy rises ...".
_FRONTED_SETTING = re.compile(r"(?:With|Using)\s[^;]*?,\s+(?=(?:the|a|an|our|we|it|its|this|"
                              r"these|their|they)\s)")


# A model the paper's method is applied to: "it lowers the perplexity of OPT-66B",
# "AdaRound reaches 68.71% top-1 accuracy for Resnet18".
_OF_FOR = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
_IT = re.compile(r"\bit\b")
# The paper's method run with a model, or lifting it: "fine-tuning LLaMA-13B with X",
# "X lifts BART-base to".
_WITH_MAIN = re.compile(r"\s+(?:with|using|plus|\+)\s+(?:the\s+|our\s+)?")
_LIFTS = re.compile(r"\s+(?:lifts|raises|brings|boosts|pushes|takes|helps)\s+(?:the\s+)?$")


def applied_to(text: str, model: Span, sent: Span, main: Span, models: list[Span]) -> bool:
    """Whether ``model`` follows "of"/"for" after the paper's own ``main`` (or "it") opened
    the clause, is lifted by it ("X lifts BART-base to 56.6") or is run with it ("fine-tuning
    LLaMA-13B with X gives"), and is not a size or variant of it: the numbers are the
    method's."""
    if model.text.startswith(main.text) or main.text.startswith(model.text):
        return False
    if (m := _WITH_MAIN.match(text, model.end_char)) and text.startswith(main.text, m.end()) \
            or (m := _LIFTS.search(text, max(sent.start_char, model.start_char - 30),
                                   model.start_char)) and text.endswith(main.text, 0, m.start()):
        return True
    if not _OF_FOR.search(text, max(sent.start_char, model.start_char - 40), model.start_char):
        return False
    first = next((s for s in models if s.start_char >= sent.start_char), None)
    openers = [m.end() for m in _IT.finditer(text, sent.start_char, model.start_char)]
    if first is not None and first.text == main.text and first.end_char <= model.start_char:
        openers.append(first.end_char)
    return bool(openers) and not _COMPARED_BETWEEN.search(text, max(openers), model.start_char)
    # not "..., against 69.68% for the full-precision X"


_COMPARED_BETWEEN = re.compile(r"\b(?:compar\w+|against|versus|vs\.?|whereas|while|than|"
                               r"up from|down from|outperform\w*|surpass\w*|above|below|"
                               r"close to|behind|ahead of)\s", re.I)


def paired(models: list[Span], numbers: list, m: re.Match) -> Span | None:
    """With as many models as numbers under one metric (or on one dataset) before them
    ("A and B reach 78.1 and 78.3 mAP"), the n-th number belongs to the n-th model."""
    def key(n: tuple) -> tuple[str, str]:
        return (n[1].text, "") if n[1] is not None else ("", n[2].text if n[2] else "")

    this = next(n for n in numbers if n[0] is m)
    if this[1] is None and this[2] is None:
        return None  # a compared number: its model is named after it
    same = [n for n in numbers if key(n) == key(this)]
    named_before = [s for s in models if s.end_char <= this[0].start()]
    if named_before:  # "... VITS obtains 4.43, while A and B reach 3.77 and 4.32"
        same = [n for n in same if n[0].start() >= named_before[-1].end_char]
    if named_after := [s for s in models if s.start_char >= this[0].end()]:
        # "A and B reach 18.0% and 25.0%, while C gets 14.1%": C's number is not listed
        same = [n for n in same if n[0].start() < named_after[0].start_char]
    listed = [s for s in models if s.end_char <= same[0][0].start()][-len(same):]
    text = doc_text(listed[0].doc) if listed else ""
    if len(same) > 1 and len(listed) == len(same) and all(  # a list: "A, B and C"
            LISTED_GAP.fullmatch(text, a.end_char, b.start_char)
            for a, b in pairwise(listed)) and not _NEW_SUBJECT.search(
            text, listed[-1].end_char, same[0][0].start()):
        return listed[same.index(this)]
    return None


# Between a list of names and the numbers: another subject ("outperforms A and B: it
# reaches 99.8% and 98.4%"), not the list's.
_NEW_SUBJECT = re.compile(r"\b(?:it|they|we|our)\b|[:;]")


# A sentence about the paper's own work: "we show that a pure Transformer attains 93.8%";
# "our system achieves".
WE_OUR = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")
OUR = re.compile(r"\b[Oo]ur\b")
# "it" that opens a clause after the subject: "..., and it obtains", "; it reaches", ": on X
# it reaches", ": its zero-shot FID is".
IT_AGAIN = re.compile(r"(?:[,;:]\s*(?:and|while|but)?\s*|\band\s+)"
                      r"(?:(?:on|in|for|at)\s+[^,;]{1,40}?\s+)?(?:(?:it|they)\s+(?:\w+\s+)?"
                      r"(?:achiev|obtain|reach|attain|scor|get|yield|set)\w*\b|"
                      r"its\s+(?:[\w-]+\s+){1,3}?(?:is|was|reaches|of)\b)")


# Between two models' numbers under one measure, a word that sets them against each other:
# "GET3D obtains an FID of 10.25, whereas EG3D stays at 15.52".
_CONTRAST = re.compile(r"\b(?:whereas|while|where|against|compared\s+(?:with|to)|versus|vs\.?|"
                       r"but)\s", re.I)


def contrasted(text: str, results: list[tuple], main: Span | None) -> list[tuple[str, str]]:
    """(model, baseline) for each two results of a sentence under one metric, of two
    models (not two sizes of one), with a contrasting word between them; the paper's own
    ``main`` is the model where it is one of the two, else the first named."""
    pairs = []
    for i, a in enumerate(results):
        for b in results[i + 1:]:
            if a[0] != b[0] and a[2] is not None and a[2] == b[2] and _CONTRAST.search(
                    text, a[6], b[5]) and _family(a[0]) != _family(b[0]):
                first, second = (b, a) if main is not None and b[0] == main.text else (a, b)
                pairs.append((first[0], second[0]))
                break
    return pairs


def _family(name: str) -> str:
    """"MobileNetV3" of "MobileNetV3-Large": two sizes of one model are not compared."""
    return re.split(r"[-\s]", name, maxsplit=1)[0]


# A name a number is compared with, not the subject "it" stands for: "below the 0.84 of
# NeuS, and on T&T it reaches 50.10".
_BASELINE_PLACE = re.compile(r"(?:\bthe\s+\d[\d.]*\s*%?\s*(?:[A-Za-z]{1,4}\s+)?of|\b(?:for|than|"
                             r"above|below|against|beyond|vs\.?|versus))\s+(?:the\s+|even\s+)?"
                             r"(?:[\w-]+\s+){0,3}$", re.I)


def subject_again(text: str, reporters: list[Span], it_start: int) -> Span | None:
    """The reporter before "it"/"they" that can be the subject it stands for: the first
    not in a baseline's place; None where every one is."""
    return next((s for s in reporters if s.end_char <= it_start and not _BASELINE_PLACE.search(
        text, max(0, s.start_char - 40), s.start_char)), None)
