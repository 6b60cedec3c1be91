"""Lineage a paper states by naming versions (read by ``kg_lineage``): its own system as the
next version of a model it also names (``PP-OCRv3`` after ``PP-OCRv2``), and a tuned
variant of its own family named after its base ("Llama 2-Chat" after "Llama 2").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.context import entities, in_sentence, sentences
from kg.normalize import name_key
from kg.versions import family_name, parse_model_name, successor_pairs

_SAME_SENTENCE_CHAIN = 1  # successor pairs beyond the paper's own system need one sentence

# Tuned variants named after their base: "Llama 2-Chat", "Mistral 7B – Instruct".
_TUNED_SUFFIX = re.compile(r"^(?P<base>.+?)\s*[-–]\s*(?:Instruct|Chat|SFT|RLHF|DPO|it)$"
                           r"|^(?P<base2>.+?)\s+(?:Instruct|Chat|chat|instruct)$")


def _two_in_a_line(names: list[str]) -> bool:
    """Whether two of ``names`` (distinct) share a base and qualifiers: without such a pair
    ``successor_pairs`` finds nothing."""
    seen = set()
    for name in names:
        parsed = parse_model_name(name)
        line = (parsed.base_key, parsed.qualifiers)
        if parsed.base_key and line in seen:
            return True
        seen.add(line)
    return False


def next_versions(doc: Doc, main: Span | None, relations: set, component: str) -> None:
    """The paper's own system as the next version of a model it names, and earlier
    versions named together in one sentence ("PP-OCR, and an optimized version
    PP-OCRv2")."""
    if main is None or main.label_ not in ("Model", "Software"):
        return
    models = [s for s in entities(doc) if s.label_ in ("Model", "Software")]
    first = {}
    for s in models:
        first.setdefault(name_key(s.text), s)
    stem = name_key(main.text)[:2]  # a version chain shares its base, so its start
    names = [s.text for k, s in first.items() if k[:2] == stem]
    pairs = dict(successor_pairs(names)) if _two_in_a_line(names) else {}
    by_key = {name_key(new): old for new, old in pairs.items()}
    new, depth = main.text, 0
    while name_key(new) in by_key:
        old = by_key[name_key(new)]
        if depth >= _SAME_SENTENCE_CHAIN and not _share_sentence(doc, new, old):
            break
        sent = next(s for s in sentences(doc) if s.start <= first[name_key(new)].start
                    < s.end)
        relations.add((first[name_key(new)].text, "basedOn", first[name_key(old)].text,
                       sent.start_char, sent.end_char, f"{component}:next-version"))
        new, depth = old, depth + 1


def tuned_variants(doc: Doc, main: Span | None, relations: set, component: str) -> None:
    """An instruction- or chat-tuned model of the paper's own family named after a base
    model the paper also names ("Llama 2-Chat", "Mistral 7B – Instruct") is based on
    it; a tuned baseline of another family is left alone."""
    spans = [s for s in entities(doc) if s.label_ == "Model"]
    first = {}
    for s in spans:
        first.setdefault(name_key(s.text), s)
    if main is None:
        return
    for key, span in first.items():
        m = _TUNED_SUFFIX.match(span.text)
        base = first.get(name_key((m["base"] or m["base2"]) if m else ""))
        if (m and base is not None and name_key(base.text) != key
                and name_key(family_name(base.text)) == name_key(family_name(main.text))):
            sent = next(x for x in sentences(doc) if x.start <= span.start < x.end)
            relations.add((span.text, "basedOn", base.text, sent.start_char,
                           sent.end_char, f"{component}:tuned-variant"))


def _share_sentence(doc: Doc, a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    for sent in sentences(doc):
        keys = {name_key(s.text) for s in in_sentence(doc, sent, ("Model", "Software"))}
        if ka in keys and kb in keys:
            return True
    return False
