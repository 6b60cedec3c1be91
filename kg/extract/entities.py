"""``kg_entities``: one consistent set of entity spans from the finders' candidates.

- a stop-list phrase (``transformer``, ``LLMs``) is never an entity;
- overlapping candidates: the longest wins, then the more trusted finder
  (lexicon > abbreviation pair > sentence cue or title > shape);
- one name has one type in a paper: the most trusted finder's type for that name is given
  to all its mentions, and an abbreviation's short form gets the type of its long form;
- a bare acronym (``DPO``, ``OCR``) is kept only when something typed it: its shape alone
  does not make it a model.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.context import sentence_of
from kg.extract.heads import type_from_head
from kg.normalize import name_key

TRUST = {"kg_lexicon": 3, "kg_abbrevs": 2, "cue": 2, "title": 2, "metric-phrase": 2,
         "cue-untyped": 1, "shape": 1, "versioned": 1}
UNTYPED_RULES = ("shape", "versioned", "cue-untyped")
_SYSTEMS = ("Model", "Method", "Software")
_RESOURCES = ("Dataset", "Metric", "Task", "Hardware", "Organization")
CROSS_KIND = {**{t: _RESOURCES for t in _SYSTEMS}, **{t: _SYSTEMS for t in _RESOURCES},
              "": ()}
BARE_ACRONYM = re.compile(r"^[A-Z]+s?$")


# Naming conventions of the field: "...QA"/"...Bench" are benchmarks, "...PO" preference or
# policy optimisation methods, "...Sys" systems.
NAME_CONVENTIONS = (
    (re.compile(r"(?:QA|Bench|Eval|Arena|-\d+[Kk]|-\d{2,}M)$"), "Dataset"),  # LAION-400M
    (re.compile(r"(?:[A-Z]PO|Loss|Aug|AdamW?|SGD|-Dist|Prune|Quant)$"), "Method"),
    (re.compile(r"(?:Sys|Engine|Serve)$"), "Software"),
)
DATASET_BEFORE = {"dataset", "datasets", "benchmark", "benchmarks", "corpus", "set", "sets",
                  "leaderboard", "suite", "challenge"}
NOT_DATASET_ON = {"based", "built", "relies", "rely", "depends", "focus", "focuses", "works",
                  "work", "run", "runs", "running", "deployed", "implemented", "trained"}
KIND_BEFORE = {**{w: "Method" for w in ("strategy", "algorithm", "technique", "method",
                                          "loss", "mechanism", "scheme", "optimizer")},
               **{w: "Model" for w in ("network", "detector", "backbone", "architecture",
                                         "encoder", "decoder", "classifier")},
               **{w: "Software" for w in ("library", "toolkit", "framework", "compiler")}}
DATASET_AFTER = {"benchmark", "dataset", "corpus", "leaderboard", "challenge"}
# What a model name may carry after it: sizes (13B, 8x7B, -L), variants (tiny, large-v2,
# Instruct, – Chat), and a one-digit version before a size or the end of a phrase (Llama 1).
_SIZE = r"\d+(?:\.\d+)?[BMKT]\b|\d+x\d+(?:\.\d+)?B\b"
_VARIANT = (r"(?:Instruct|Chat|Base|Large|Small|Tiny|Medium|Huge|Giant|Pro|Turbo|Ultra|Mini|"
            r"Nano|instruct|chat|base|large|small|tiny|medium|huge|giant)(?:-v\d+(?:\.\d+)?)?")
MODEL_TAIL = re.compile(rf"(?:\s(?:{_SIZE})|-(?:XXL|XL|[SMLXHBGT])\b(?![\w-])|\s{_VARIANT}\b"
                        r"(?!-\w)|\s?[-–]\s?(?:Instruct|Chat)\b)+")
MODEL_VERSION = re.compile(r"\s\d(?:\.\d)?(?=[,;:)]|\.(?!\d)|$|\s(?:and|or|on|in|with|"
                           rf"models?|series|family)\b|\s(?:{_SIZE}))")
# Named splits of a dataset: "LibriSpeech test-clean", "COCO test-dev", "COCO val2017".
DATASET_TAIL = re.compile(r"\s(?:(?:test|dev|val|train)-(?:dev|std|clean|other|challenge)|"
                          r"(?:val|test|train)20\d\d)\b")
RESULT_WORDS = re.compile(r"achiev|outperform|result|experiment|accuracy|state-of-the-art|"
                          r"sota|evaluat|benchmark|score|surpass|perform", re.I)
NEXT_HEAD = {"Dataset", "Method", "Software", "Model", "Metric"}


def context_type(doc: Doc, span: Span) -> str | None:
    """The type the words around an untyped name give it, or None."""
    for pattern, label in NAME_CONVENTIONS:
        if pattern.search(span.text):
            return label
    compound = []  # the nouns right after the name: "U-DML knowledge distillation algorithm"
    sent = sentence_of(doc, span.start)
    for token in doc[span.end: min(span.end + 3, sent.end)]:
        if token.is_punct or token.is_stop or not token.is_lower:
            break
        compound.append(token.text)
    if compound and (nxt := type_from_head(compound[-1])) in NEXT_HEAD:
        return nxt
    if span.start > 0:
        prev = doc[span.start - 1].lower_
        if prev in DATASET_BEFORE:
            return "Dataset"
        if prev == "," and span.start > 1:  # "a new dataset, CC-News"
            prev = doc[span.start - 2].lower_
        if prev in DATASET_BEFORE:
            return "Dataset"
        if prev in KIND_BEFORE:  # "the label assignment strategy SimOTA"
            return KIND_BEFORE[prev]
        if prev in {"on", "across"} and RESULT_WORDS.search(sent.text) and (
                span.start < 2 or doc[span.start - 2].lower_ not in NOT_DATASET_ON):
            return "Dataset"
    return None


_LIST_GAP = re.compile(r"^\s*(?:,|and|or|, and|, or)\s*$")


def _coordinated(doc: Doc, spans: list[Span], typed: dict) -> list[Span]:
    """A name that only its shape made a Model, listed with datasets, is a dataset:
    "CIFAR-10, CIFAR-100 and Oxford-102 Flowers"."""
    text = doc.text
    out = list(spans)
    for i, span in enumerate(out):
        if (span.label_ != "Model" or name_key(span.text) in typed
                or not span.id_.endswith(UNTYPED_RULES)):
            continue
        neighbours = [out[j] for j in (i - 1, i + 1) if 0 <= j < len(out)]
        if any(n.label_ == "Dataset" and _LIST_GAP.match(
                text[min(n.end_char, span.end_char): max(n.start_char, span.start_char)])
               for n in neighbours):
            out[i] = Span(doc, span.start, span.end, label="Dataset", span_id=span.id_)
    return out


def _extended(doc: Doc, spans: list[Span]) -> list[Span]:
    """Model names with their sizes, variants and versions ("Llama 2 13B – Chat", "Whisper
    large-v2", "Swin-L"), dataset names with their named split ("COCO test-dev"); a
    shorter span the extension covers is dropped."""
    text = doc.text
    out: list[Span] = []
    for span in spans:
        end = span.end_char
        if span.label_ == "Model":
            if not span.text[-1:].isdigit() and (m := MODEL_VERSION.match(text, end)):
                end = m.end()
            if m := MODEL_TAIL.match(text, end):
                end = m.end()
        elif span.label_ == "Dataset" and (m := DATASET_TAIL.match(text, end)):
            end = m.end()
        if end > span.end_char:
            wider = doc.char_span(span.start_char, end, alignment_mode="expand")
            if wider is not None:
                span = Span(doc, wider.start, wider.end, label=span.label_, span_id=span.id_)
        while out and out[-1].end > span.start and out[-1].start >= span.start:
            out.pop()
        if out and out[-1].end > span.start:
            continue  # inside the previous (extended) span
        out.append(span)
    return out


def _join_adjacent_models(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two model names side by side are one name: "CLIP ViT-Base", "SVTR LCNet"."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == span.label_ == "Model"
                and prev.end == span.start and doc[prev.end - 1].whitespace_ == " "):
            out[-1] = Span(doc, prev.start, span.end, label="Model", span_id="kg_entities:joined")
        else:
            out.append(span)
    return out


def _reported(span: Span) -> bool:
    """A common-word metric ("accuracy", "latency") counts only where a number is reported
    with it; a named one (mIoU, FID) always counts."""
    if any(c.isupper() or c.isdigit() for c in span.text[1:]):
        return True
    doc = span.doc
    sent = sentence_of(doc, span.start)
    near = doc[max(sent.start, span.start - 8): min(sent.end, span.end + 8)]
    return any(t.like_num or t.text.endswith("%") for t in near)


class EntityMerger:
    def __init__(self, nlp: Language, name: str, *, sources: list[str]) -> None:
        self.name = name
        self.sources = sources

    def __call__(self, doc: Doc) -> Doc:
        stops = {(s.start, s.end) for s in doc.spans.get("kg_lexicon_stop", [])}
        stop_keys = {name_key(s.text) for s in doc.spans.get("kg_lexicon_stop", [])}
        candidates: list[tuple[Span, int, str]] = []  # span, trust, rule
        typed: dict[str, tuple[int, str]] = {}  # name key -> (trust, type)
        short_forms: dict[str, str] = {}  # short form -> type

        def offer(span: Span, trust: int, rule: str) -> None:
            key = name_key(span.text)
            if (span.start, span.end) in stops or key in stop_keys or not key:
                return
            candidates.append((span, trust, rule))
            if not rule.endswith(UNTYPED_RULES) and trust > typed.get(key, (0, ""))[0]:
                typed[key] = (trust, span.label_)

        for source in self.sources:
            for span in doc.spans.get(source, []):
                rule = span.id_ if source == "kg_names" else source
                trust = TRUST.get(rule, TRUST.get(source, 1))
                offer(span, trust, f"{source}:{rule}" if source == "kg_names" else source)
                if source == "kg_abbrevs":
                    short_forms[span.id_] = span.label_
        doc.user_data["kg_aliases"] = {
            name_key(s.text): s.id_ for s in doc.spans.get("kg_abbrevs", [])} | {
            name_key(s.id_): s.text for s in doc.spans.get("kg_abbrevs", [])}
        for short, label in short_forms.items():
            known = typed.get(name_key(short))
            if known is None or (label in CROSS_KIND[known[1]]):
                # the paper's own definition beats a lexicon entry of another kind of thing
                # ("grouped-query attention (GQA)" is not the GQA dataset)
                typed[name_key(short)] = (4 if known else 2, label)
            for i, token in enumerate(doc):
                if token.text == short:
                    offer(Span(doc, i, i + 1, label=label), 2, "kg_abbrevs:short")

        for span, _trust, _rule in candidates:  # "on the Vicuna benchmark"
            if (span.end < len(doc) and doc[span.end].lower_ in DATASET_AFTER
                    and typed.get(name_key(span.text), (0, ""))[1] in ("Model", "Method")):
                typed[name_key(span.text)] = (5, "Dataset")
        chosen: list[Span] = []
        taken = [False] * len(doc)
        for span, _trust, rule in sorted(candidates, key=lambda c: (-(c[0].end - c[0].start),
                                                                    -c[1], c[0].start)):
            if any(taken[span.start:span.end]):
                continue
            key = name_key(span.text)
            if key in typed:
                label = typed[key][1]
            else:
                label = context_type(doc, span)
                if label is None and BARE_ACRONYM.match(span.text):
                    continue
                label = label or span.label_
            if label == "Metric" and rule == "kg_lexicon" and not _reported(span):
                continue
            for i in range(span.start, span.end):
                taken[i] = True
            chosen.append(Span(doc, span.start, span.end, label=label, span_id=rule))
        chosen = _coordinated(doc, sorted(chosen), typed)
        doc.spans[self.name] = _join_adjacent_models(doc, _extended(doc, chosen))
        return doc


@Language.factory("kg_entities",
                  default_config={"sources": ["kg_lexicon", "kg_abbrevs", "kg_names"]})
def make_entity_merger(nlp: Language, name: str, sources: list[str]) -> EntityMerger:
    return EntityMerger(nlp, name, sources=sources)
