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
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.context import (
    ENTITY_CACHES,
    TextSpan,
    WordFlags,
    doc_text,
    find_all,
    plain_spans,
    sentence_of,
    set_spans,
    span_bounds,
    token_bounds,
)
from kg.extract.heads import described_type, type_by_convention, type_from_head
from kg.extract.lexicon import load_lexicon
from kg.extract.lexicon_matcher import STOP_KEY
from kg.extract.listed import listed_type
from kg.normalize import name_key

TRUST = {"kg_lexicon": 3, "kg_abbrevs": 2, "cue": 3, "title": 2, "metric-phrase": 2,
         "dataset-phrase": 2, "technique": 2, "described": 3,
         "cue-untyped": 1, "shape": 1, "versioned": 1, "baseline": 1,
         "listed": 1, "counted": 4}  # "three datasets, A, B and C": whatever else A is
UNTYPED_RULES = ("shape", "versioned", "cue-untyped")
_SYSTEMS = ("Model", "Method", "Software")
_RESOURCES = ("Dataset", "Metric", "Task", "Hardware", "Organization")
CROSS_KIND = {**{t: _RESOURCES for t in _SYSTEMS}, **{t: _SYSTEMS for t in _RESOURCES},
              "": ()}
BARE_ACRONYM = re.compile(r"^[A-Z]+s?$")
_DATA_SIZE = re.compile(r"-\d+[Kk]$")


# What a new dataset is said to hold: "FLD-5B, which consists of 5.4 billion annotations".
_DATA_AFTER = re.compile(
    r"\s*,?\s*(?:which\s+|that\s+)?(?:consists?\s+of|contains?|comprises?|comprising|"
    r"containing|with)\s+(?:over\s+|more\s+than\s+|about\s+|nearly\s+|up\s+to\s+)?"
    r"[\d.,]+\s*(?:[KMB]\b|k\b|thousand|million|billion)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:images|annotations|samples|examples|pairs|videos|clips|hours|sentences|documents|"
    r"questions|dialogues|conversations|masks|utterances|tokens|instructions|problems|"
    r"tasks|graphs|scenes)\b", re.I)
# "real datasets such as RealSR, DRealSR and OST300": the names a list of datasets gives.
_DATASETS_SUCH_AS = re.compile(r"\b(?:data\s*sets|benchmarks|corpora|databases)\s*,?\s+"
                               r"(?:such\s+as|including|like|e\.g\.,?)\s*(?:[^.;()]{0,30}?,\s*|[^.;()]"
                               r"{0,30}?\s+and\s+)?$", re.I)
DATASET_BEFORE = {"dataset", "datasets", "benchmark", "benchmarks", "corpus", "set", "sets",
                  "leaderboard", "suite", "challenge", "database", "databases"}
NOT_DATASET_ON = {"based", "built", "relies", "rely", "depends", "focus", "focuses", "works",
                  "work", "run", "runs", "running", "deployed", "implemented", "trained"}
KIND_BEFORE = {**{w: "Method" for w in ("strategy", "algorithm", "technique", "method",
                                          "loss", "mechanism", "scheme", "optimizer")},
               **{w: "Model" for w in ("network", "detector", "backbone", "architecture",
                                         "encoder", "decoder", "classifier")},
               **{w: "Software" for w in ("library", "toolkit", "framework", "compiler")}}
DATASET_AFTER = {"benchmark", "dataset", "corpus", "leaderboard", "challenge", "treebank",
                 "treebanks", "database"}
# The kind of procedure or software a name is said to be, right after it or in an apposition:
# "the TernGrad method", "AdamP, an optimizer", "the RLCard toolkit".
_KIND_AFTER = re.compile(r"(?:(?:\s*,\s*|\s+is\s+)an?\s+(?:[\w/+#-]+\s+){0,3}?|\s+)(?P<kind>"
                         r"method|algorithm|loss|optimi[sz]er|technique|scheme|procedure|"
                         r"operator|regulari[sz]er|(?P<software>library|toolkit|toolbox|package|"
                         r"SDK|engine|(?:(?<=open-source )|(?<=Python )|(?<=C\+\+ ))(?:[\w-]+\s+)?"
                         r"(?:framework|platform))|(?P<data>data\s?sets?|corpus|corpora|subset|"
                         r"compilation|benchmark|database|treebank))\b|"
                         # "the EnergyPlus building simulator", "the MuJoCo physics engine"
                         r"\s+(?:[a-z][\w-]+\s+)?(?P<simulator>simulator|emulator|engine)\b|"
                         # "a ZC706 embedded FPGA platform", "the Orin Nano board"
                         r"\s+(?:[a-z][\w-]+\s+)?(?P<hardware>FPGA|GPU|TPU|NPU|SoC|board|"
                         r"microcontroller)s?(?![\w-])")
# An apposition right after a name, that says what it is: "RawBoost, an augmentation that".
_APPOSITION = re.compile(r"\s*,\s*an?\s+[^,;.()]{1,60}")
# ... or before it: "the Python package tsfresh", "the toolkits Stanza and UDPipe".
_SOFTWARE_BEFORE = re.compile(r"\b(?:package|library|toolkit|toolbox|libraries|packages|"
                              r"toolkits)\s+(?:[A-Z][\w.+-]*(?:,\s+|\s+and\s+))*$")
# What a model name may carry after it: sizes (13B, 8x7B, -L), variants (tiny, large-v2,
# Instruct, – Chat), and a one-digit version before a size or the end of a phrase (Llama 1).
_SIZE = r"\d+(?:\.\d+)?[BMKT]\b|\d+x\d+(?:\.\d+)?B\b"
_VARIANT = (r"(?:X{1,2}-Large|Instruct|Chat|Base|Large|Small|Tiny|Medium|Huge|Giant|Pro|Turbo|"
            r"Ultra|Mini|Nano|instruct|chat|base|large|small|tiny|medium|huge|giant)(?:-v\d+(?:\.\d+)?)?")
MODEL_TAIL = re.compile(rf"(?:\s(?:{_SIZE})|-(?:XXL|XL|[SMLXHBGT])\b(?![\w-])|\s{_VARIANT}\b"
                        r"(?!-\w)|\s?[-–]\s?(?:Instruct|Chat)\b)+")
MODEL_VERSION = re.compile(r"\s\d(?:\.\d)?(?=[,;:)]|\.(?!\d)|$|\s(?:and|or|on|in|with|for|as|"
                           r"is|are|was|has|than|across|"
                           rf"models?|series|family)\b|\s(?:{_SIZE}))")
# Named splits and editions of a dataset: "LibriSpeech test-clean", "COCO test-dev", "COCO
# val2017", "KiTS 2019", "On ASSIN 2, ..." (one digit where a clause or list goes on).
DATASET_TAIL = re.compile(r"\s(?:(?:test|dev|val|train)-(?:dev|std|clean|other|challenge)|"
                          r"\d(?=[,;:)]|\.(?!\d)|$|\s(?:and|or|it|we|with|for)\b)|"
                          r"(?:val|test|train)20\d\d|(?:19|20)\d\d(?![\w-]|\.\d)(?:\s(?:val|test|train|dev)\b)?|"
                          r"[vV]\d+(?:\.\d+)*(?![\w-]|\.\d))\b")  # "LiveCodeBench v5"
RESULT_WORDS = re.compile(r"achiev|outperform|result|experiment|accuracy|state-of-the-art|"
                          r"sota|evaluat|benchmark|score|surpass|perform|obtain|reach", re.I)
# A measure given a value: "obtains an FID-vid of 11.09", "a validation MAE of 0.12".
# "an MAE of 0.12", "an MAE / RMSE of 0.74 / 0.98"
_METRIC_OF = re.compile(r"(?:\s*/\s*[\w@.-]+){0,3}\s+(?:of|=|:)\s*\d")
_VALUE_BEFORE = re.compile(r"\b(?:an?|the|its|our|lower|higher|best)\s+(?:[\w-]+\s+)?$",
                           re.I)
NEXT_HEAD = {"Dataset", "Method", "Software", "Model", "Metric"}
# Data words after a name: "Common Crawl data", "the KiTS 2019 challenge".
_DATA_WORD_AFTER = re.compile(r"\s+(?:data|corpus)\b|\s+(?:(?:19|20)\d\d\s+)?"
                              r"(?:challenge|competition)\b")
# What a model is trained on: "trained on 39 years of X", "continue pretraining Code Llama
# on the X", "trained on sequences from X" (not "trained from X": a base model).
_TRAINED_ON = re.compile(r"\b(?:pre-?)?train(?:ed|ing)\b[^,;.()]{0,40}?\bon\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:from\s+)?(?:the\s+)?$", re.I)
# Vectors a method is evaluated on are data: "in evaluations on SIFT and GloVe vectors".
_EVALUATED_VECTORS = re.compile(r"\b(?:evaluat\w*|experiments?|tests?|benchmarks?)\s+on\s+"
                                r"(?:the\s+)?(?P<names>[^.;:()]{1,60}?)\s+(?:vectors|descriptors)\b")
# A second name given right after the first: "Generic Autodidactic Models, nicknamed Models
# Genesis", "X, also known as Y".
_ALSO_CALLED = re.compile(r",?\s+(?:nicknamed|also\s+(?:known|referred\s+to)\s+as|a\.k\.a\.|aka)"
                          r"\s+")


def _second_names(text: str, candidates: list[tuple]) -> dict[str, str]:
    """Both ways, the two names of a thing given one after the other ("X, nicknamed Y")."""
    ends = {c[3]: text[c[2]:c[3]] for c in candidates}
    starts = {c[2]: text[c[2]:c[3]] for c in candidates}
    found = {}
    for end, first in ends.items():
        if (m := _ALSO_CALLED.match(text, end)) and (second := starts.get(m.end())):
            found[name_key(first)] = second
            found[name_key(second)] = first
    return found


# "a collection of new datasets called PixMo": the kind of thing named before "called".
_CALLED = re.compile(r"\b([a-z]+)\s+(?:called|named|dubbed|termed)\s+$")


_FLAGS = WordFlags()


def variant_of(name: str, models: Collection[str]) -> bool:
    """Whether ``name`` is a size or variant of a model named ``models`` holds the key of
    ("Pythia-70M" of Pythia, "LayoutLMv3-Base" of LayoutLMv3)."""
    stem = _stem(name)
    return bool(stem) and stem in models


@lru_cache(maxsize=1)
def dataset_forms() -> frozenset[str]:
    """Every form of the dataset lexicon as written ("NaturalQuestions"; not "LAMA" for the
    "LaMa" of "LaMa-Fourier")."""
    return frozenset(form for entry in load_lexicon("datasets") for form, _ in entry.forms)


_YEAR_OR_SIZE = re.compile(r"(?P<base>[A-Za-z][\w-]{2,}?)(?:\d{2}|\d{4}|\d+x\d+)")


def _stem_text(name: str) -> str:
    """A name without its last "-" or " " part, as written."""
    return name[:max(name.rfind("-"), name.rfind(" "), 0)]


@lru_cache(maxsize=1 << 16)  # a pure function of a name: names come back
def _stem(name: str) -> str:
    """The key of a name without its last "-" or " " part: sizes and variants of one model
    share it."""
    return name_key(_stem_text(name))


def context_type(doc: Doc, span: TextSpan, flags: WordFlags = _FLAGS,
                 models: Collection[str] = frozenset()) -> str | None:
    """The type the words around an untyped name give it, or None; a variant of one of
    ``models`` (name keys) is a Model whatever its shape or words say, unless its size is
    in thousands: that names data ("-22K", the convention of ``NAME_CONVENTIONS``)."""
    if variant_of(span.text, models) and not _DATA_SIZE.search(span.text):
        return "Model"
    if (by_convention := type_by_convention(span.text)) is not None:
        return by_convention
    text = doc_text(doc)
    starts, ends = token_bounds(doc)
    sent = sentence_of(doc, span.start)
    last = None  # the nouns right after the name: "U-DML knowledge distillation algorithm"
    # (not a verb and its object: "X achieves better accuracy")
    for i in range(span.end, min(span.end + 3, sent.end) if not _SUBJECT_OF.match(
            text, span.end_char) else span.end):
        word = text[starts[i]:ends[i]]
        if not flags(doc, word) & WordFlags.COMPOUND:
            break
        last = word
    if last is not None and last != "regression" and (nxt := type_from_head(last)) in NEXT_HEAD:
        # ("regression" heads a procedure, "Gaussian process regression", but after a name it
        # is what is done on it: "On UCI regression benchmarks")
        return nxt
    if _DATA_AFTER.match(text, span.end_char, sent.end_char) or _DATASETS_SUCH_AS.search(
            text, max(sent.start_char, span.start_char - 40), span.start_char) or \
            _DATA_WORD_AFTER.match(text, span.end_char, sent.end_char) or _TRAINED_ON.search(
            text, max(sent.start_char, span.start_char - 50), span.start_char):
        return "Dataset"  # "FLD-5B, which consists of 5.4 billion annotations"
    if (named := _CALLED.search(text, max(sent.start_char, span.start_char - 40),
                                span.start_char)) and type_from_head(named[1]) == "Dataset":
        return "Dataset"  # "new datasets called PixMo"
    if _METRIC_OF.match(text, span.end_char) and _VALUE_BEFORE.search(
            text, max(sent.start_char, span.start_char - 30), span.start_char):
        return "Metric"
    if span.start > 0:
        prev = text[starts[span.start - 1]:ends[span.start - 1]].lower()
        if prev in DATASET_BEFORE:
            return "Dataset"
        if prev in (",", ":") and span.start > 2:  # "a new dataset, CC-News", "benchmarks: X"
            prev = text[starts[span.start - 2]:ends[span.start - 2]].lower()
            word = text[starts[span.start - 3]:ends[span.start - 3]]
            if prev in DATASET_BEFORE and word.lower() == word and not _SUBJECT_OF.match(
                    text, span.end_char):  # not "the LVIS benchmark,", "the val set, X reaches"
                return "Dataset"
        if prev in KIND_BEFORE:  # "the label assignment strategy SimOTA"
            return KIND_BEFORE[prev]
        if prev in {"on", "across"} and RESULT_WORDS.search(sent.text) and (
                span.start < 2 or text[starts[span.start - 2]:ends[span.start - 2]].lower()
                not in NOT_DATASET_ON):
            return "Dataset"
    return None


#: A candidate: (start, end, start_char, end_char, label, trust, rule, name key).
Candidate = tuple[int, int, int, int, str, int, str, str]
#: A chosen entity: (start, end, start_char, end_char, label, rule).
Chosen = tuple[int, int, int, int, str, str]
# (a number may follow each item: "Stanford Online Products 67.7, Car-196 71.1")
_LIST_GAP = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*%?\s*)?(?:,|and|or|, and|, or)\s*$")


# A verb after a name makes it the subject of a clause, not an item of a list.
_SUBJECT_OF = re.compile(r"\s+(?:also\s+|further\s+|still\s+)?(?:achiev|reach|obtain|"
                         r"outperform|surpass|scores?\b|attain|gets?\b|improv|yields?\b|"
                         r"sets?\b|matches\b|exceeds?\b|beats?\b)", re.I)
# The few of those only a system does: a task "improves" or "yields", it does not obtain a
# score or outperform anything.
_GETS = re.compile(r"\s+(?:also\s+|further\s+|still\s+|then\s+)?(?:achieves|reaches|obtains|"
                   r"outperforms|surpasses|attains|beats)\b")


def _coordinated(doc: Doc, spans: list[Chosen], typed: dict, models: set[str]
                 ) -> list[Chosen]:
    """A name that only its shape made a Model, listed with datasets, is a dataset:
    "CIFAR-10, CIFAR-100 and Oxford-102 Flowers"."""
    text = doc_text(doc)
    out = list(spans)
    stems: Counter[str] | None = None  # counted at the first name that gets so far
    for i, span in enumerate(out):
        if span[4] != "Model":
            continue
        name = text[span[2]:span[3]]
        if name_key(name) in typed or not span[5].endswith(UNTYPED_RULES) or variant_of(
                name, models):
            continue
        if stems is None:
            stems = Counter(_stem(text[s[2]:s[3]]) for s in spans if s[4] == "Model")
        if stems[_stem(name)] > 1:  # "LayoutLMv3-Large ..., and LayoutLMv3-Base"
            continue
        if _SUBJECT_OF.match(text, span[3]):
            continue  # "On SST-2, TinyBERT-4 reaches ...": the subject after a setting
        neighbours = [out[j] for j in (i - 1, i + 1) if 0 <= j < len(out)]
        if any(n[4] == "Dataset" and _LIST_GAP.match(
                text[min(n[3], span[3]): max(n[2], span[2])]) for n in neighbours):
            out[i] = (*span[:4], "Dataset", span[5])
    return out


# An organisation that names a licence: "under the MIT License", "the Apache 2.0 license".
_LICENCE_AFTER = re.compile(r"\s+(?:\d+(?:\.\d+)*\s+)?licen[cs]es?\b", re.I)
# A plain measure and the word that qualifies it: "mean recall", "average score",
# "macro-average score", "AST accuracy" are measures of their own.
_PLAIN_MEASURE = re.compile(r"(?:average\s+)?(?:accuracy|score|recall|precision|error|rate)",
                            re.I)
_MEASURE_MODIFIER = re.compile(r"(?<![\w-])(?:(?:macro|micro|weighted)(?:-average[d]?)?|mean|"
                               r"average|overall|balanced|[A-Z]{2,5})[\s-]$")


# A detection measure and what it is measured on: "box AP", "mask AP", "3D AP", "joint mAP",
# "class IoU", "category mIoU".
_DETECTION_MEASURE = re.compile(r"m?AP(?:50|75|@[\d.]+)?|AR|m?IoU")
_DETECTION_MODIFIER = re.compile(r"(?<![\w-])(?:box|mask|3D|2D|BEV|joint|marginal|class|"
                                 r"category|instance)\s$")


def _extended(doc: Doc, spans: list[Chosen]) -> list[Chosen]:
    """Model names with their sizes, variants and versions ("Llama 2 13B – Chat", "Whisper
    large-v2", "Swin-L"), dataset names with their named split ("COCO test-dev"), plain
    measures with the word that qualifies them ("mean recall", "AST accuracy"); a shorter
    span the extension covers is dropped."""
    text = doc_text(doc)
    ends = token_bounds(doc)[1]
    out: list[Chosen] = []
    for span in spans:
        start, _, start_char, end_char, label, rule = span
        end = end_char
        if label in ("Model", "Software"):  # "AutoDock 4", "Stable Baselines 3"
            if not text[start_char:end_char][-1:].isdigit() and (
                    m := MODEL_VERSION.match(text, end)):
                end = m.end()
            if label == "Model" and (m := MODEL_TAIL.match(text, end)):
                end = m.end()
        elif label == "Dataset" and (m := DATASET_TAIL.match(text, end)):
            end = m.end()
        elif label == "Metric" and _PLAIN_MEASURE.fullmatch(text, start_char, end_char) and (
                m := _MEASURE_MODIFIER.search(text, max(0, start_char - 20), start_char)):
            if out and out[-1][2] == m.start() and out[-1][4] == "Metric":
                out.pop()  # "AST accuracy": the acronym was taken for a measure of its own
            if not (out and out[-1][3] > m.start()):  # "mean recall", "AST accuracy"
                start_char = m.start()
        elif label == "Metric" and _DETECTION_MEASURE.fullmatch(
                text, start_char, end_char) and (m := _DETECTION_MODIFIER.search(
                    text, max(0, start_char - 12), start_char)) and not (
                out and out[-1][3] > m.start()):
            start_char = m.start()  # "box AP", "mask AP", "3D AP", "joint mAP"
        elif label == "Task" and rule == "kg_lexicon":
            start_char = _task_start(text, start_char, out[-1][3] if out else 0)
        if end > end_char or start_char < span[2]:
            wider = span_bounds(doc, start_char, end, "expand")
            if wider is not None:
                span = (*wider, start_char, ends[wider[1] - 1], label, rule)
        while out and out[-1][1] > span[0] and out[-1][0] >= span[0]:
            out.pop()
        if out and out[-1][1] > span[0]:
            continue  # inside the previous (extended) span
        out.append(span)
    return out


# Words that narrow a task to a domain or setting when they stand before it: "biomedical
# image segmentation", "relative pose estimation", "formal theorem proving". A closed list:
# without part-of-speech tags, any other word before a task may be a verb or praise
# ("achieve high-accuracy image matting", "efficient image segmentation").
_TASK_DOMAIN_WORDS = {
    "biomedical", "medical", "clinical", "formal", "relative", "absolute", "local", "global",
    "map", "point", "cloud", "graph", "molecular", "protein", "multilingual",
    "cross-lingual", "multimodal", "multi-modal", "temporal", "spatial", "monocular",
    "stereo", "handwritten", "mathematical", "abstractive", "extractive", "3d", "2d",
    "open-set", "open-vocabulary", "open-world", "retrieval-augmented",
    "long-form", "open-domain", "multi-object", "multi-view", "multi-label", "multi-hop",
    # the learning setting or the kind of data: "unsupervised image classification",
    # "egocentric action recognition" (not "zero-shot": a way to evaluate, not the task)
    "unsupervised", "semi-supervised", "self-supervised", "weakly-supervised", "online",
    "incremental", "egocentric", "audio", "video"}
_DOMAIN_ENDS = tuple(sorted(_TASK_DOMAIN_WORDS))
_WORD_BEFORE = re.compile(r"(?<![\w-])([a-z0-9][a-z0-9-]*[a-z])\s+$", re.I)
# ... and compounds that set a task's scope: "multi-document question answering",
# "cross-file code completion", "pixel-wise segmentation".
_TASK_SETTING = re.compile(r"(?:cross|multi|single)-[a-z]+|"
                           r"[a-z]+-(?:wise|grained|document|file|turn|view)")


def _task_start(text: str, start: int, floor: int) -> int:
    """Where a task the lexicon names really starts: back over up to two words of
    ``_TASK_DOMAIN_WORDS`` right before it ("point cloud classification"), never before
    ``floor``."""
    for _ in range(2):
        chunk = text[max(floor, start - 30):start].rstrip().lower()
        if not chunk.endswith(_DOMAIN_ENDS) and "-" not in chunk[chunk.rfind(" ") + 1:]:
            break  # the word a match finds ends the last chunk: not a domain or setting
        m = _WORD_BEFORE.search(text, max(floor, start - 30), start)
        if m is None or (m[1].lower() not in _TASK_DOMAIN_WORDS
                         and not _TASK_SETTING.fullmatch(m[1].lower())) or (
                m[1][0].isupper() and m[1].lower() not in ("3d", "2d")):
            break
        start = m.start()
    return start


def _join_adjacent_models(doc: Doc, spans: list[Chosen]) -> list[Chosen]:
    """Two model names side by side are one name: "CLIP ViT-Base", "SVTR LCNet"; and two
    measures: "top-1 success rate"."""
    starts, ends = token_bounds(doc)
    out: list[Chosen] = []
    for span in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev[4] == span[4] and span[4] in ("Model", "Metric")
                and prev[1] == span[0]
                and starts[span[0]] - ends[prev[1] - 1] == 1):  # one space between
            out[-1] = (prev[0], span[1], prev[2], span[3], span[4], "kg_entities:joined")
        else:
            out.append(span)
    return out


def _reported(span: TextSpan, flags: WordFlags = _FLAGS) -> bool:
    """A common-word metric ("accuracy", "latency") counts only where a number is reported
    with it; a named one (mIoU, FID) always counts."""
    if _named_measure(span.text):
        return True
    doc = span.doc
    text = doc_text(doc)
    starts, ends = token_bounds(doc)
    sent = sentence_of(doc, span.start)
    return any(flags(doc, text[starts[i]:ends[i]]) & WordFlags.NUMBER
               for i in range(max(sent.start, span.start - 8), min(sent.end, span.end + 8))
               ) or (text.find(":", span.end_char, span.end_char + 90) >= 0
                     and _TABLE_AHEAD.match(text, span.end_char) is not None)


# A prose table later in the sentence: "Test accuracy of X - Cora: 84.1%, Citeseer: 75.0%".
_TABLE_AHEAD = re.compile(r"[^.;:]{0,80}?[\w)]\s*:\s*\d")


@lru_cache(maxsize=1 << 16)
def _named_measure(name: str) -> bool:
    """A measure named with a capital or a digit after its first letter (mIoU, FID)."""
    return any(c.isupper() or c.isdigit() for c in name[1:])


_VALUE_NEAR_BEFORE = re.compile(r"(?:\d%?|\b(?:validation|test|lower|higher|mean))\s+$", re.I)


def _valued(text: str, start_char: int, end_char: int) -> bool:
    """Whether a value goes with the name at these offsets: "an MAE of 0.12", "0.31 MAE"."""
    return bool(_METRIC_OF.match(text, end_char) or _VALUE_NEAR_BEFORE.search(
        text, max(0, start_char - 12), start_char))


class EntityMerger:
    def __init__(self, nlp: Language, name: str, *, sources: list[str]) -> None:
        self.name = name
        self.sources = sources
        self.flags = WordFlags()  # of this pipeline's vocabulary

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        starts, ends = token_bounds(doc)
        stop_list = doc.user_data.get(STOP_KEY, ())
        stops = {(start, end) for start, end, _, _ in stop_list}
        stop_keys = {name_key(text[a:b]) for _, _, a, b in stop_list}
        candidates: list[Candidate] = []
        typed: dict[str, tuple[int, str]] = {}  # name key -> (trust, type)
        short_forms: dict[str, str] = {}  # short form -> type

        def offer(start: int, end: int, start_char: int, end_char: int, label: str,
                  trust: int, rule: str) -> None:
            key = name_key(text[start_char:end_char])
            if (start, end) in stops or key in stop_keys or not key:
                return
            candidates.append((start, end, start_char, end_char, label, trust, rule, key))
            if not rule.endswith(UNTYPED_RULES) and trust > typed.get(key, (0, ""))[0]:
                typed[key] = (trust, label)

        for source in self.sources:
            for start, end, start_char, end_char, label, span_id in plain_spans(doc, source):
                rule = span_id if source == "kg_names" else source
                trust = TRUST.get(rule, TRUST.get(source, 1))
                offer(start, end, start_char, end_char, label, trust,
                      f"{source}:{rule}" if source == "kg_names" else source)
                if source == "kg_abbrevs":
                    short_forms[span_id] = label
        abbrevs = plain_spans(doc, "kg_abbrevs")
        doc.user_data["kg_aliases"] = {
            name_key(text[s[2]:s[3]]): s[5] for s in abbrevs} | {
            name_key(s[5]): text[s[2]:s[3]] for s in abbrevs} | _second_names(text, candidates)
        for short, label in short_forms.items():
            known = typed.get(name_key(short))
            if known is None or (label in CROSS_KIND[known[1]]):
                # the paper's own definition beats a lexicon entry of another kind of thing
                # ("grouped-query attention (GQA)" is not the GQA dataset)
                typed[name_key(short)] = (4 if known else 2, label)
            for at in find_all(text, short) if short else ():  # tokens that are the short form
                i = bisect_left(starts, at)
                if i < len(starts) and starts[i] == at and ends[i] == at + len(short):
                    offer(i, i + 1, at, ends[i], label, 2, "kg_abbrevs:short")

        for *_, label, _, rule, key in candidates:
            if rule == "kg_names:title" and label in _SYSTEMS and typed.get(
                    key, (0, ""))[1] == "Task":  # "Self-RAG: Learning to Retrieve ...",
                typed[key] = (typed[key][0], label)  # whatever its long form's head says
        aliases = doc.user_data["kg_aliases"]
        for _, _, _, end_char, _, _, rule, key in candidates:
            if (rule.startswith("kg_abbrevs") and typed.get(key, (0, ""))[1] == "Task"
                    and _GETS.match(text, end_char)):  # "Deep Image Matting (DIM) ... DIM
                for k in (key, name_key(aliases.get(key, ""))):  # obtains an SAD of 50.4":
                    if k in typed:  # a task word heads it, but it is the paper's method
                        typed[k] = (typed[k][0], "Method")
        for _, end, _, _, _, _, _, key in candidates:  # "on the Vicuna benchmark"
            if end < len(doc) and text[starts[end]:ends[end]] == ")":
                end += 1  # "the Homes of New York (HoNY) dataset"
            if (end < len(doc) and text[starts[end]:ends[end]].lower() in DATASET_AFTER
                    and typed.get(key, (0, ""))[1] in ("Model", "Method", "")):
                typed[key] = (5, "Dataset")
        for m in _EVALUATED_VECTORS.finditer(text):  # "evaluations on SIFT and GloVe vectors"
            for _, _, start_char, end_char, _, _, _, key in candidates:
                if m.start("names") <= start_char and end_char <= m.end("names") and typed.get(
                        key, (0, ""))[1] in ("Model", "Method", ""):
                    typed[key] = (5, "Dataset")
        for _, _, start_char, end_char, _, _, _, key in candidates:  # "the TernGrad method"
            trust, kind_now = typed.get(key, (0, ""))
            if trust >= 3 or kind_now not in ("Model", "Method", ""):
                continue
            if (kind := _KIND_AFTER.match(text, end_char)) and (kind_now != "Method" or kind[
                    "software"] or kind["simulator"]) and not (kind["data"] and BARE_ACRONYM.match(
                    text[start_char:end_char])):  # "X: a ... Framework": a method by the
                # title's head word, software by what the abstract calls it; not "flights in
                # the USA, a data set": an acronym's appositive may be the whole phrase's
                typed[key] = (3, "Dataset" if kind["data"] else "Software" if kind[
                    "software"] or kind["simulator"] else "Hardware" if kind[
                    "hardware"] else "Method")
            elif kind_now != "Method" and _SOFTWARE_BEFORE.search(
                    text, max(0, start_char - 60), start_char):
                typed[key] = (3, "Software")  # "the Python package tsfresh", "the earlier
                # multilingual toolkits Stanza and UDPipe"
            elif kind_now != "Method" and (appos := _APPOSITION.match(text, end_char)) and (
                    said := described_type(appos[0])) in ("Method", "Dataset", "Software"):
                typed[key] = (3, said)  # "RawBoost, an augmentation that adds noise"
        for _, _, start_char, end_char, _, _, rule, key in candidates:
            name = text[start_char:end_char]
            if rule == "kg_names:shape" and key not in typed and (_stem_text(
                    name) in dataset_forms() and type_from_head(  # not "HoVer-Net": a model
                    name[len(_stem_text(name)) + 1:]) != "Model" or (
                    (glued := _YEAR_OR_SIZE.fullmatch(text, start_char, end_char))
                    and glued["base"] in dataset_forms())):
                typed[key] = (1, "Dataset")  # "NaturalQuestions-Open": a form of a dataset;
                # "ImageNet64x64", "MSCOCO2014": one with its size or year glued on
        models = {k for k, (_, t) in typed.items() if t == "Model"}  # name keys
        # a lexicon name that is both a model and a measure ("MAE"): a measure where a value
        # goes with it ("a validation MAE of 0.12", "0.31 MAE")
        measures = {(c[0], c[1]) for c in candidates if c[4] == "Metric" and c[6] == "kg_lexicon"}
        chosen: list[Chosen] = []
        taken = [False] * len(doc)
        for start, end, start_char, end_char, label, _trust, rule, key in sorted(
                candidates, key=lambda c: (c[0] - c[1], -c[5], c[0])):
            if any(taken[start:end]):
                continue
            if key in typed:
                label = typed[key][1]
            else:
                view = TextSpan(doc, start, end, start_char, end_char, label)
                found = context_type(doc, view, self.flags, models)
                if found is None and BARE_ACRONYM.match(view.text):
                    found = listed_type(text, start_char, end_char, typed)
                    if found is None:
                        continue
                label = found or label
            if label == "Model" and (start, end) in measures and _valued(text, start_char,
                                                                       end_char):
                label = "Metric"
            if label == "Organization" and _LICENCE_AFTER.match(text, end_char):
                continue  # "under the MIT License", "the Apache 2.0 license": a licence
            if label == "Metric" and rule == "kg_lexicon" and not _reported(
                    TextSpan(doc, start, end, start_char, end_char, label), self.flags):
                continue
            for i in range(start, end):
                taken[i] = True
            chosen.append((start, end, start_char, end_char, label, rule))
        chosen.sort(key=lambda c: (c[2], c[3]))
        chosen = _join_adjacent_models(doc, _extended(doc, _coordinated(doc, chosen, typed,
                                                                         models)))
        set_spans(doc, self.name, [(s[0], s[1], s[4], s[5]) for s in chosen])
        for key in ENTITY_CACHES:  # views of older spans
            doc.user_data.pop(key, None)
        return doc


@Language.factory("kg_entities",
                  default_config={"sources": ["kg_lexicon", "kg_abbrevs", "kg_names"]})
def make_entity_merger(nlp: Language, name: str, sources: list[str]) -> EntityMerger:
    return EntityMerger(nlp, name, sources=sources)
