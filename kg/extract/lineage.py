"""``kg_lineage``: relations between the entities of one sentence, from the words that
state them.

- ``basedOn``: "based on X", "built upon X", "fine-tuned from X", "we train A from B";
- ``usesComponent``: "uses/adopts/integrates X" (the paper's own system uses X);
- ``comparedWith``: "outperforms X and Y", "compared with X", "surpassing X";
- ``evaluatedOn``: a dataset in a sentence that reports an evaluation.

The subject is the nearest system named before the cue in the sentence, else the paper's
own system. Relations go to ``doc.user_data["kg_relations"]`` as
``(subject, predicate, object, sentence_start, sentence_end, rule)``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.context import (
    SYSTEM_TYPES,
    doc_text,
    in_sentence,
    main_subject,
    nearest_before,
    sentences,
)

CUES = (
    ("basedOn", re.compile(
        r"\b(?:based on|built (?:up)?on(?: top of)?|on top of|upgraded (?:from|version of)|"
        r"fine-?tuned (?:from|on top of)|distill(?:ed)? from|initiali[sz]ed (?:from|with)|"
        r"derived from|extends|an extension of|improves? (?:up)?on|trained from|"
        r"continue[sd]? (?:pre-?)?training (?:of|from)|replac\w* \S+ with|inherit\w* from|"
        r"(?:an? )?implementation of|(?:improved|optimized|upgraded) version of|"
        r"adapted from)\b",
        re.I),
     SYSTEM_TYPES),
    ("usesComponent", re.compile(
        r"\b(?:us(?:e|es|ing)|utiliz(?:e|es|ing)|adopt(?:s|ing)?|employ(?:s|ing)?|"
        r"incorporat(?:e|es|ing)|integrat(?:e|es|ing)|equipped with|consists? of|"
        r"composed of|introduc(?:e|es|ing))\b", re.I),
     ("Model", "Method")),
    ("comparedWith", re.compile(
        r"\b(?:outperform\w*|surpass\w*|compared (?:with|to)|comparison (?:with|to)|"
        r"(?:better|higher|lower|faster|stronger|more \w+) than|superior to|beat(?:s|ing)?|"
        r"exceed\w*|competitive (?:with|to)|on par with|against|"
        r"(?:improvements?|gains?|advantages?|speedups?) over)\b", re.I),
     ("Model", "Software", "Method")),
)
EVALUATION = re.compile(r"achiev|outperform|result|experiment|evaluat|benchmark|score|"
                        r"surpass|state-of-the-art|sota|accuracy|perform|test|on\b", re.I)
_STOP_LIST = re.compile(r"\b(?:on|in terms of|by|while|which|with|when|at|for|under)\b", re.I)
TRAIN_FROM = re.compile(r"\btrain(?:ed)?\s*$", re.I)


def _objects_after(doc: Doc, sent: Span, cue_end: int, types: tuple[str, ...],
                   many: bool) -> list[Span]:
    """Entities right after a cue: the first, or for ``many`` a list joined by commas and
    "and" up to a word that ends the list."""
    found = []
    for span in in_sentence(doc, sent, ("Model", "Method", "Software", "Dataset", "Metric",
                                        "Task", "Hardware", "Organization")):
        if span.start_char < cue_end:
            continue
        gap = doc_text(doc)[cue_end: span.start_char]
        if (found and (_STOP_LIST.search(gap) or len(gap) > 40)) or len(gap) > 60:
            break
        if not found and _STOP_LIST.search(gap):
            break
        if span.label_ not in types:
            break
        found.append(span)
        cue_end = span.end_char
        if not many:
            break
    return found


def _named(span: Span) -> bool:
    """A proper name (``SVTR``, ``Sharpness-Aware Minimization``), not a common noun phrase
    (``contrastive learning``)."""
    return any(c.isupper() or c.isdigit() for c in span.text)


class LineageFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        main = main_subject(doc)
        relations: set[tuple[str, str, str, int, int, str]] = set()

        def add(subject: Span | None, predicate: str, obj: Span, sent: Span, rule: str) -> None:
            if subject is None or subject.text == obj.text:
                return
            relations.add((subject.text, predicate, obj.text, sent.start_char, sent.end_char,
                           f"{self.name}:{rule}"))

        for sent in sentences(doc):
            spans = in_sentence(doc, sent, SYSTEM_TYPES + ("Dataset",))
            if not spans:
                continue
            text, offset = sent.text, sent.start_char
            for predicate, cue, types in CUES:
                for m in cue.finditer(text):
                    start, end = offset + m.start(), offset + m.end()
                    before = nearest_before(spans, start, ("Model", "Method", "Software"))
                    subject = before or main
                    if predicate == "usesComponent":
                        subject = main if main is not None and (
                            before is None or before.text == main.text) else None
                    many = predicate == "comparedWith"
                    objects = _objects_after(doc, sent, end, types, many)
                    if before is None and objects and many:  # "Compared with X, Y is ..."
                        subject = next((s for s in spans if s.start_char > objects[-1].end_char
                                        and s.label_ in SYSTEM_TYPES), subject)
                    for obj in objects:
                        if predicate != "basedOn" and not _named(obj):
                            continue
                        add(subject, predicate, obj, sent, m[0].lower().split()[0])
            # "we train A from B"
            for span in spans:
                if TRAIN_FROM.search(doc_text(doc)[sent.start_char: span.start_char]):
                    rest = doc_text(doc)[span.end_char: span.end_char + 8]
                    if re.match(r"\s+from\s", rest):
                        objs = _objects_after(doc, sent, span.end_char + len(
                            re.match(r"\s+from\s", rest)[0]), SYSTEM_TYPES, False)
                        for obj in objs:
                            add(span, "basedOn", obj, sent, "train-from")
            if EVALUATION.search(text):
                for ds in (s for s in spans if s.label_ == "Dataset"):
                    subject = next((s for s in spans if s.label_ in ("Model", "Method")
                                    and s.end_char <= ds.start_char), None) or main
                    add(subject, "evaluatedOn", ds, sent, "evaluation")
        doc.user_data["kg_relations"] = sorted(relations)
        return doc


@Language.factory("kg_lineage", requires=["doc.spans"])
def make_lineage_finder(nlp: Language, name: str) -> LineageFinder:
    return LineageFinder(nlp, name)

