"""``kg_names``: names that look like models by their shape, and names a sentence
introduces ("we propose X, a ... detector"), typed by the words that describe them.

Shapes (matched by regular expressions over the text, no per-token Python; a cheap scan
finds where a match can start, see ``context.matches_at``):
internal capitals (``RocketQAv2``, ``mmLayout``), runs of capitals with more name glued on
(``PP-OCRv3``, ``ERNIE-ViLG``), letters glued to digits (``AlphaFold2``, ``D3VAE``), each
with optional ``-suffix`` pieces (``KnowRL-Nemotron-1.5B``, ``RT-DETR-L``), a word with a
size letter (``Swin-L``, ``Mamba-S``: T, S, M, B, L, H, G, X, XL), a spaced version
(``ERNIE 3.0 Titan``) and a lower-case name with a version and a variant (``phi-3-small``,
``code-cushman-001``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.context import (
    abstract_start,
    doc_text,
    find_all,
    matches_at,
    plain_spans,
    set_spans,
    span_bounds,
    token_bounds,
)
from kg.extract.dataset_phrases import counted_datasets, dataset_phrases, listed_datasets
from kg.extract.heads import described_type, type_by_convention, type_from_head
from kg.extract.lexicon import load_lexicon
from kg.extract.measure_phrases import cutoff_measures, valued_measures
from kg.extract.model_names import (
    counted_models,
    described_openers,
    graphics_cards,
    kind_listed,
    listed_models,
    repeated_compounds,
    titled_bases,
)
from kg.extract.technique_phrases import described_techniques

_PIECE = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*"
_VARIANT = (r"(?:Titan|Turbo|Base|Large|Small|Tiny|Mini|Pro|Max|Plus|Ultra|Lite|Flash|Nano"
            r"|Instruct|Chat|Vision|VL|XL|XXL)")
_VERSION = (rf"(?:\s(?:v?\d+(?:\.\d+)*-\d+(?:\.\d+)?[BM]\b(?:-{_VARIANT}\b)?|"
            rf"v?\d+(?:\.\d{{1,2}})+(?!\d|\.\d|\s?(?:%|dB\b|ms\b|[Ff][Pp][Ss]\b))|[Vv]\d{{1,2}}\b|"
            rf"\d+(?:\.\d+)?[BM]\b(?:-{_VARIANT}\b)?)(?:\s{_VARIANT}\b)?)")
# "ERNIE 3.0 Titan", "SOLAR 10.7B-Instruct", "Baichuan 2-13B-Base"; not "DnCNN-B 29.16 dB"
SHAPED = re.compile(
    r"(?<![\w@/.-])"
    r"(?!(?:Top|Figure|Fig|Table|Section|Sec|Eq|Appendix|Step|Stage|Phase|Level|Type)\b)"
    r"(?=(?![NX]-(?:Gram|Ray)s?\b|E-(?:Mail|Commerce)\b|T-Shirt|K-Means)"  # words, not names
    r"[A-Z]-[A-Z][a-z]|[A-Z][a-z]+-Net\b|"  # a letter and a word: "V-Net", "Micro-Net"
    r"[A-Za-z0-9.+-]*(?:[a-z][A-Z]|[A-Z]{2}|[A-Za-z]\d|-\d+(?:\.\d+)?[BMK]?\b"
    r"|[a-z]-(?:[TSMBLHG]|X{1,2}L?)(?![\w-])))"  # a size variant: "Swin-L", "Mamba-S"
    rf"[A-Za-z][A-Za-z0-9]*(?:[-.]{_PIECE})*\+*"
    r"(?:/\d{1,3}(?![\d.]*\d)(?:@\d+px)?)?"  # a patch size and resolution: "ViT-L/14@336px"
    rf"{_VERSION}?"
    r"(?![\w@-])"
)
# A capitalised word followed by a dotted version: "ERNIE 5.0", "Stable Diffusion 3.5".
VERSIONED = re.compile(rf"(?<![\w-])[A-Z][A-Za-z]+{_VERSION}(?![\w-])")
_NAME = rf"(?:[A-ZΑ-Ωα-ω]|[a-z](?=[a-z]*\d))[\w.+-]*[\w+]{_VERSION}?"  # "π0", "d3rlpy" too
CUE = re.compile(
    r"\b(?:[Ww]e (?:first |further |then |also )?(?:propose|present|introduce|release|develop"
    r"|design|build|built|construct|curate|collect|call|create)d?|(?:nick)?named|called|dubbed|"
    r"termed|namely|"
    # "This paper introduces X, a ...", "by introducing X, an ..."
    r"[Tt]his (?:paper|work|report) (?:introduce|present|propose)s|"
    r"by (?:introduc|present|propos)ing|"
    # "We call the resulting planner Diffuser"
    r"[Ww]e (?:then )?call (?:the|this|our) (?:[\w-]+ ){0,2}?(?:model|planner|method|system|"
    r"framework|approach|architecture|network|algorithm|policy|agent|assistant|detector|"
    r"representation|embedding|library|toolkit|package|benchmark|dataset|suite|corpus)|"
    # "our model, DECA (...)", "our agent, GT Sophy": the authors' own thing, named
    # (not "our largest model, T5-11B": one size of it)
    r"[Oo]ur (?:(?![\w-]*est\b|reference\b|base\b|final\b|best-)[\w-]+ ){0,2}?(?P<kind>model|"
    r"agent|method|system|framework|approach|architecture|network|algorithm|policy|benchmark|"
    r"dataset|pipeline|robot|detector|tracker|classifier|parser|planner|retriever|answer|"
    r"solution|proposal|contribution|design),|"
    # "we design a family of GNNs, Elastic GNNs, that ..."
    r"(?:(?<=\ba )|(?<=\ban )|(?<=\bnew ))family of [\w-]+,|"
    # "The best subtask A system, Turing, ...": a shared task's winner
    r"[Tt]he (?:best|winning|top-ranked) (?:[\w-]+ ){0,2}?(?P<entry>system|submission|entry),)\s+"
    r"(?:a |an |the )?(?:novel |new |simple |efficient |large-scale )?"
    # "We present Video LDM, a latent diffusion model": words of a name, then what it is
    rf"(?P<name>{_NAME}(?:(?: {_NAME}){{1,2}}(?=,? (?:a|an|the|which is a)\s|,\s+[a-z]))?)"
    r"(?:\s\([^()]{1,60}\)(?=,))?"  # "we propose DIAYN ('Diversity is All You Need'), a ..."
    r"(?P<after>[,:]? (?:a|an|the|which is a)\s[^.;:()]{0,120})?"
)
# After a verb of naming, the capitalised words that follow are all the name, up to a word
# in lower case or a mark: "an algorithm called Fast AutoAugment that ...".
_NAMING = ("named", "called", "dubbed", "termed", "nicknamed")
_NAMED_WORDS = re.compile(rf"(?: {_NAME}){{1,3}}(?=[,;:.()]?(?:\s+[a-z]|\s*$)|\s*\(|[.;]\s)")
# "We call the resulting planner Diffuser": the kind is said, so one word is the name.
_CALLED_KIND = re.compile(r"[Ww]e (?:then )?call (?:the|this|our) ")
ATTACHED = re.compile(r"-(?:based|style|like|sized|level|scale|specific|only|free|aware|guided|"
                      r"driven|tuned|trained|aligned|precision|oriented|centric|enhanced|inspired|"
                      r"powered|agnostic|augmented|conditioned|dependent|invariant|compatible|"
                      r"friendly|generated|written|labell?ed|annotated|supervised|positive|negative)$")
# A capitalised name of a measure: "Speedup Score", "Error-aware Speedup Score".
METRIC_PHRASE = re.compile(r"(?<![\w-])(?:[A-Z][\w-]*\s){1,3}(?:Score|Rate|Index|Error|Accuracy"
                           r"|Distance|Ratio)\b")
# Capitalised words joined by hyphens, one of them a known model family: "Code-Qwen",
# "Math-Qwen-Chat", "Llama-Guard".
FAMILY_COMPOUND = re.compile(r"(?<![\w@/.-])[A-Z](?:\.?[A-Za-z0-9])*(?:-[A-Z](?:\.?[A-Za-z0-9])*)+"
                             r"(?![\w@/-])")  # not the full stop after "ViT-H."


@lru_cache(maxsize=1)
def model_families() -> frozenset[str]:
    """The one-word names of the model lexicon as written ("Qwen", "Llama", "Mistral"):
    a part of a hyphenated name that makes it a model's."""
    return frozenset(form for entry in load_lexicon("model_families") for form, _ in entry.forms
                     if form.isalpha() and len(form) >= 3 and form[0].isupper())


# A technique a paper names as new: "a new virtual adversarial training method", "a new
# scaling method, compound scaling, that ...".
TECHNIQUE = re.compile(
    r"(?:new|novel)\s+(?P<name>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)\s+"
    r"(?:method|technique|algorithm|mechanism|objective|loss|strategy|scheme|regularizer|"
    r"regularization|procedure)\b(?:,\s+(?P<appos>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}),)?")
# ... or that a paper introduces by a technique's head word: "we introduce the dynamic
# listwise distillation, where ...".
_INTRODUCING = re.compile(r"\b(?:propose|introduce|present|develop|design|employ|adopt|"
                          r"utilize|incorporate)s?\s")
_INTRODUCER = re.compile(r"(?:\b[Ww]e|\b[Tt]his (?:paper|work)|(?<![\w.-])[A-Z][\w.-]*[A-Z0-9]"
                         r"[\w.-]*)\s+(?:also\s+|further\s+|first\s+)?$")
INTRODUCED_TECHNIQUE = re.compile(
    r"\s*(?:an?\s+|the\s+)?(?:new\s+|novel\s+)?"
    r"(?P<name>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?\s+(?:distillation|attention|alignment|"
    r"prediction|denoising|aggregation|modell?ing|regularization|normalization|scaling|"
    r"sampling|decoding|quantization|pruning|masking|prompting|pooling|fusion|matching|"
    r"clipping|averaging|augmentation|pre-?training|fine-?tuning|bias|embeddings?|"
    r"encoding|mechanism|loss|objective|passing|gating|training|expansion|refinement))"
    r"(?=\s*(?:,|\.|;|\bto\b|\bthat\b|\bwhich\b|\bwhere\b|\bfor\b|\(|$))")
_GENERIC_FIRST = {"simple", "effective", "efficient", "general", "generic", "unified", "joint",
                  "lightweight", "practical", "principled", "scalable", "robust", "flexible",
                  "powerful", "training", "learning", "two-stage", "multi-stage", "hybrid",
                  "automatic", "adaptive", "data", "model", "pre-training", "fine-tuning"}
# A model named in lower case with a version and a variant: "phi-3-small", "llama-2-7b",
# "code-cushman-001".
LOWER_MODEL = re.compile(r"(?<![\w@/.-])(?:[a-z]{2,}-\d+(?:\.\d+)?(?:-[a-z0-9]+)+|"
                         r"[a-z]{2,}(?:-[a-z]{2,}){1,3}-\d{3})(?![\w@/-])")
_DASH_DIGIT = re.compile(r"-\d")


def _lower_model_starts(text: str) -> Iterator[int]:
    """Where a ``LOWER_MODEL`` match can start: every match holds a "-" and a digit, and
    starts where its run of name characters does (its lookbehind)."""
    for m in _DASH_DIGIT.finditer(text):
        yield _run_start(text, m.start())


def _run_start(text: str, i: int) -> int:
    """Where the run of name characters (letters, digits, ``_@/.-``) that holds ``i``
    starts: where a pattern with the lookbehind of ``SHAPED`` may match."""
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_@/.-"):
        i -= 1
    return i


# Words and counts, not names: "sub-3-bit", "top-5-way", "2-stage".
_NOT_A_MODEL_START = {"sub", "top", "multi", "pre", "post", "non", "up", "over", "under",
                      "single", "dual", "tri", "per", "level", "stage", "step", "layer"}
_NOT_A_MODEL_END = {"bit", "bits", "shot", "shots", "way", "stage", "stages", "layer",
                    "layers", "step", "steps", "fold", "gram", "grams", "order", "class",
                    "classes", "head", "heads", "hop", "hops", "dim", "d", "x", "k", "point",
                    "points", "level", "levels", "scale", "digit", "digits", "token", "tokens"}
# LLMs, CNNs, SoTAs, LiDARs: kinds of things, not names
PLURAL_ACRONYM = re.compile(r"^(?:[A-Z]{2,}|[A-Z][A-Za-z]*[a-z][A-Z]{1,3})s$")
# Not names: unicode escapes (x2013), number formats (FP16, BFloat16), device mixes (CPU-GPU).
NOT_A_NAME = re.compile(r"^(?:x[0-9A-Fa-f]{4}|(?:FP|BF|INT|UINT|TF|[Bb][Ff]loat|[Ff]loat)\d+"
                        r"|(?:(?:CPU|GPU|TPU|NPU|single|multi|dual)-?)+"
                        r"|(?:Kilo|Mega|Giga|Tera|Peta|Exa|[KMGTPE])?FLOP[Ss]?"  # units
                        r"|dB[mi]?|[kMG]Hz|[KMGT]iB|[KMGT]B"
                        # licences: "Apache 2.0", "GPL-3"
                        r"|(?:Apache|GPL|LGPL|AGPL|MPL|CC-BY(?:-\w+)*)(?:[- ]v?\d[\d.]*)?"
                        # "camera-to-LiDAR", "NL-to-code": what maps to what (not the
                        # "Key-to-Door" task); "LLM-as-a-judge": a use of a model; "NaN"
                        r"|[a-z][\w.]*-to-[\w.-]+|[A-Z]{2,}-to-[a-z][\w.-]*|[\w.]+-as-[\w.-]+|NaNs?)$")
GLUED_WORD = re.compile(r"^[a-z]{3,}(?=[A-Z][a-z])")  # "methodTextSmoothing" -> TextSmoothing


# A kind of thing right before a name it is called: "a text pair dataset (called CCPairs)",
# "a new model, named X".
_KIND_BEFORE_NAMING = re.compile(r"(?P<head>[A-Za-z-]+)\s*[(,]?\s*$")


# A one-word name after a lower-case word, described by the kind of thing it is: "Starting
# from Helium, a text language model backbone", "the quantizer of Mimi, a neural audio codec",
# "we train ACME, a Transformer for ...", "and x-NAME, a retriever trained ...".
_KIND_DESCRIBED = re.compile(r"(?<=[a-z] )(?P<name>[A-Z][a-z]{2,}[A-Za-z0-9]*|(?:[a-z]-)?[A-Z]{2,}"
                        r"[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?P<after>, (?:a|an) "
                        r"(?:[\w-]+ ){0,4}?(?:model|codec|backbone|encoder|decoder|network|LLM|"
                        r"tokenizer|vocoder|detector|classifier|retriever|reranker|generator|"
                        r"[Tt]ransformer|dataset|corpus|benchmark|database|subset|split)s?\b)")


def _kind_described_starts(text: str) -> Iterator[int]:
    """Where a ``_KIND_DESCRIBED`` match can start: the word before each ", a"."""
    for at in find_all(text, ", a"):
        yield text.rfind(" ", 0, at) + 1


# The type "our <kind>, NAME" gives; other kinds (method, framework...) leave it to the name.
_OUR_KINDS = {**dict.fromkeys(("model", "agent", "architecture", "network", "robot", "policy",
                              "detector", "tracker", "classifier", "parser", "planner",
                              "retriever"), "Model"), "benchmark": "Dataset", "dataset": "Dataset",
              **dict.fromkeys(("answer", "solution", "proposal", "contribution", "design"),
                              "Method")}


# A kind of procedure right before the name it is called: "a new algorithm called X", "a
# procedure we call X"; not a kind inside a phrase before it ("a network based on the
# acceleration strategy, named X" names the network).
_METHOD_BEFORE_NAMING = re.compile(
    r"(?<!\bon )(?<!\bof )(?<!\bwith )(?<!\bfor )(?<!\bin )(?<!\bby )(?<!\bto )"
    r"\b(?:an?|the)\s+(?:(?!(?:based|on|of|with|for|in|by)\b)[\w-]+\s+){0,3}"
    r"(?:algorithm|procedure|technique|strategy|optimi[sz]er|recipe|pipeline)\s*,?\s*"
    r"(?:which\s+)?$")


# "We propose LDS, which ...": a bare acronym the authors bring in, then the clause ends;
# not "we present SOTA results" (a noun phrase goes on).
BRINGS_IN = r"(?:propose|present|introduce|develop|design|build)"  # what the authors do
_PROPOSING = re.compile(rf"[Ww]e (?:first |further |then |also )?{BRINGS_IN}d?\s")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9]")
_CLAUSE_ENDS = re.compile(r"\s*(?:[,;]|\.(?:\s|$)|\s(?:which|that|to|for|with|by)\b)")


def _proposed_acronym(text: str, cue: re.Match[str]) -> str | None:
    """"Model" for a bare acronym a "we propose" cue names before its clause ends."""
    if (cue["after"] is None and _PROPOSING.match(cue[0])
            and _ACRONYM.fullmatch(cue["name"]) and _CLAUSE_ENDS.match(text, cue.end("name"))):
        return "Model"
    return None


def _named_after_kind(text: str, cue_start: int) -> str | None:
    """"Dataset" or "Model" where the word before a "called"/"named" says the name is of
    data or a model, "Method" where it is a kind of procedure (another method there is left
    to the name itself: "a detection method dubbed DAMO-YOLO" names a model)."""
    if not text.startswith(_NAMING + ("we call",), cue_start):
        return None
    if _METHOD_BEFORE_NAMING.search(text, max(0, cue_start - 60), cue_start):
        return "Method"
    m = _KIND_BEFORE_NAMING.search(text, max(0, cue_start - 40), cue_start)
    kind = type_from_head(m["head"]) if m else None
    return kind if kind in ("Dataset", "Model") else None  # "a multimodal model named X"


# Where matches can start, found by cheap scans (a superset of the real starts):
# SHAPED needs a capital or digit glued to a letter or hyphen before it ("aB", "AB", "a1",
# "-1") in a run of [A-Za-z0-9.+-] that the name opens (or a "+" in it); scanning the reversed
# text from such a character to the run's first character finds both in one regex.
_REV_SHAPED = re.compile(r"[A-Z0-9](?=[A-Za-z-])[A-Za-z0-9.+-]*")
# VERSIONED: a run of letters, one space, a version digit ("ERNIE 3", "Llama v2", "YOLO V8").
_REV_VERSIONED = re.compile(r"\d[vV]?\s[A-Za-z]+")
_CUE_WORDS = ("we ", "We ", *_NAMING, "namely", "our ", "Our ", "This ", "this ", "by ",
              "family of", "The best", "the best", "The winning", "the winning", "The top-",
              "the top-")
_METRIC_HEADS = ("Score", "Rate", "Index", "Error", "Accuracy", "Distance", "Ratio")
_REV_WORDS = re.compile(r"\s([\w-]+)(?:\s([\w-]+))?(?:\s([\w-]+))?")  # up to 3 words back


# A name a number is given for, after a comparison: "compared with 56.2 for TAPIR and 42.0
# for PIPs", "against 7.7 and 0.337 for YourTTS": an acronym or a name in mixed case, or
# up to three capitalised words ("against 9.6 for Mubert", "26.05 for Neural Volumes").
_FOR_NAME = re.compile(r"\d(?:\s?%)?\s+(?:[a-z]+\s+)?for\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?"
                       r"(?P<name>[A-Z][A-Za-z]*[A-Z][\w.-]*\+*|[A-Z][a-z]+[A-Z][\w.-]*\+*"
                       r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3})"
                       r"(?=\s*(?:[,;.)]|and\b|or\b|$)|\s+\()")
_COMPARED_FIRST = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|whereas|while)\s",
                             re.I)


# The end of a sentence or clause before a name: ". " (not "vs. ", "e.g. ") or "; ".
_CLAUSE_END = re.compile(r"(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)(?<!\bal)\.\s|;\s")


def baseline_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name a number is given for after a comparison in its sentence:
    "compared with 56.2 for TAPIR and 42.0 for PIPs"."""
    found = []
    for m in _FOR_NAME.finditer(text) if " for " in text else ():
        stop = max((s.end() for s in _CLAUSE_END.finditer(text, max(0, m.start() - 300),
                                                           m.start())), default=0)
        if _COMPARED_FIRST.search(text, stop, m.start()):
            found.append((m.start("name"), m.end("name")))
    return found


def _technique_starts(text: str) -> Iterator[int]:
    """Where a ``TECHNIQUE`` match can start: at "new" or "novel"."""
    yield from find_all(text, "new ")
    yield from find_all(text, "novel ")


_INTRODUCING_VERBS = ("propose", "introduce", "present", "develop", "design", "employ",
                      "adopt", "utilize", "incorporate")


def _introducing_starts(text: str) -> Iterator[int]:
    """Where an ``_INTRODUCING`` match can start: at one of its verbs."""
    for verb in _INTRODUCING_VERBS:
        yield from find_all(text, verb)


def _family_starts(text: str) -> Iterator[int]:
    """Where a ``FAMILY_COMPOUND`` match can start: back from each "-" before a capital,
    to the start of its run of name characters (its lookbehind)."""
    for m in _DASH_CAPITAL.finditer(text):
        yield _run_start(text, m.start())


_DASH_CAPITAL = re.compile(r"-[A-Z]")
_LONGER = re.compile(r" [A-Z]")  # a capitalised word after a name: a longer name
_UNIT = re.compile(r"[a-z]{1,2}[A-Z][A-Za-z]?")  # "meV", "kHz", "mAh" after a number
_NUMBER_BEFORE = re.compile(r"\d\s?$")
_ARTICLE = re.compile(r"\b(?:an?|the)\s+$")


def _shaped_starts(text: str, rev: str) -> Iterator[int]:
    n = len(text)
    for m in _REV_SHAPED.finditer(rev):
        start, upto = n - m.end(), n - m.start()
        yield start
        if "+" in text[start:upto]:
            yield from (i + 1 for i in range(start, upto) if text[i] == "+")


def _versioned_starts(text: str, rev: str) -> Iterator[int]:
    n = len(text)
    return (n - m.end() for m in _REV_VERSIONED.finditer(rev))


def _cue_starts(text: str) -> Iterator[int]:
    for word in _CUE_WORDS:
        yield from find_all(text, word)


def _metric_phrase_starts(text: str, rev: str) -> Iterator[int]:
    n = len(text)
    for head in _METRIC_HEADS:
        for at in find_all(text, head):
            if m := _REV_WORDS.match(rev, n - at):
                yield from (n - m.end(g) for g in (1, 2, 3) if m.start(g) >= 0)


@lru_cache(maxsize=1 << 16)
def _trimmed(name: str, cue: bool, described: bool = False, long_form: bool = True
             ) -> tuple[int, int] | None:
    """Where the name in a match really starts and ends (offsets into it), or None when it is
    not a name. Remembered: a paper names its models many times, and papers share names."""
    start, end = 0, len(name)
    if m := ATTACHED.search(name):
        end = m.start()
    if m := GLUED_WORD.match(name[:end]):
        start = m.end()
    if (value := _VALUE_AFTER_NUMBERED.search(name, start, end)) is not None:
        end = value.start()  # "Car-196 71.1": a value after a numbered name, no version
    name = name[start:end]
    if PLURAL_ACRONYM.match(name) or NOT_A_NAME.match(name) or (
            name[:1].islower() and not _CAMEL.search(name)
            and not (cue and any(c.isdigit() for c in name))  # "we present π0"
            and not _X2Y.fullmatch(name)  # "entity2rec", "struc2vec": an X-to-Y name
            and not (described and _PREFIXED.match(name))):  # "x-RANK, an encoder"
        return None
    if cue and long_form and _CAPITALISED.fullmatch(name):
        return None  # "we propose Elastic Deep Learning": the start of a long form
    return start, end


_CAMEL, _X2Y = re.compile(r"[a-z][A-Z]"), re.compile(r"[a-z]{3,12}2[a-z]{3,6}")
_PREFIXED = re.compile(r"[a-z]-[A-Z]{2}")  # a one-letter prefix to an acronym: "c-REALM"
_VALUE_AFTER_NUMBERED = re.compile(r"(?<=\d) \d+\.\d+$")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")


class NameFinder:
    """Spans in ``doc.spans[name]``: label = type (Model unless a description says
    otherwise), ``id_`` = the rule (``shape``, ``versioned``, ``cue``, ``title``)."""

    def __init__(self, nlp: Language, name: str, spans: bool = True) -> None:
        self.name = name
        self.spans = spans  # False: plain tuples only (``context.set_spans``)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        rev = text[::-1]
        spans: list[tuple[int, int, str, str]] = []

        def add(start: int, end: int, label: str, rule: str, long_form: bool = True
                ) -> tuple[int, int] | None:
            if _UNIT.fullmatch(text, start, end) and _NUMBER_BEFORE.search(
                    text, max(0, start - 12), start):
                return None  # "8.02 meV", "44.1 kHz": a unit
            # long_form: a cue's one capitalised word may open a long form ("we propose
            # Elastic Deep Learning"), unless a description follows it ("Moshi, a ...")
            trimmed = _trimmed(text[start:end], rule.startswith("cue"), rule == "described",
                               long_form)
            if trimmed is None:
                return None
            bounds = span_bounds(doc, start + trimmed[0], start + trimmed[1], "contract")
            if bounds is None:
                return None
            spans.append((*bounds, label, rule))
            return start + trimmed[0], start + trimmed[1]

        def again(first: tuple[int, int] | None, label: str, rule: str) -> None:
            """The same name later in the text ("We introduce Moshi, ... Moshi generates";
            "the Synapse and ACDC datasets ... On Synapse, ...")."""
            if first is None:
                return
            named = text[first[0]:first[1]]
            for at in find_all(text, named):
                end = at + len(named)
                if at > first[1] and not _GLUED.match(text[at - 1: at]) and not _GLUED.match(
                        text[end: end + 1]) and not (rule != "title" and _LONGER.match(text, end)):
                    add(at, end, label, rule, long_form=False)  # not "the Aya Dataset"

        if (title := _title_name(text)) is not None:
            again(add(*title), title[2], "title")  # the title's name in the abstract
        for m in matches_at(CUE, text, _cue_starts(text)):
            described = described_type(m["after"]) or _named_after_kind(text, m.start()) or (
                _OUR_KINDS.get(m["kind"])) or _proposed_acronym(text, m)
            rule = "cue" if described else "cue-untyped"
            end = m.end("name")
            if (m["after"] is None and (m[0].startswith(_NAMING + ("we call",))
                                        or _CALLED_KIND.match(m[0]))
                    and (more := _NAMED_WORDS.match(text, end))):
                end = more.end()  # "an algorithm called Fast AutoAugment that ..."
            again(add(m.start("name"), end, described or "Model", rule,
                      long_form=end == m.end("name") and not m["after"]
                      and not _CALLED_KIND.match(m[0])  # "The best system, Turing, ...": all
                      and not ((m["kind"] or m["entry"]) and text.startswith(",", end))),
                  described or "Model", rule)
        for m in matches_at(_KIND_DESCRIBED, text, _kind_described_starts(text)):
            if (described := described_type(m["after"])) is not None:
                again(add(m.start("name"), m.end("name"), described, "described"), described,
                      "described")
        for m in matches_at(LOWER_MODEL, text, _lower_model_starts(text)):
            bounds = span_bounds(doc, m.start(), m.end(), "contract")
            parts = m[0].split("-")
            if bounds is not None and parts[0] not in _NOT_A_MODEL_START \
                    and parts[-1] not in _NOT_A_MODEL_END:
                spans.append((*bounds, "Model", "shape"))  # lower case: not trimmed
        for m in matches_at(TECHNIQUE, text, _technique_starts(text)):
            if not _ARTICLE.search(text, max(0, m.start() - 5), m.start()):
                continue  # "a new X method", not "renew" or "new X methods are"
            start, end = (m.start("appos"), m.end("appos")) if m["appos"] else (
                m.start("name"), m.end("name"))
            words = text[start:end].split()
            if m["appos"] or (len(words) > 1 and words[0] not in _GENERIC_FIRST):
                bounds = span_bounds(doc, start, end, "contract")
                if bounds is not None:
                    spans.append((*bounds, "Method", "technique"))
        # "NDCG@100", "AUC@5°"; "a median reconstruction error of 1.09" (not trimmed)
        for start, end in cutoff_measures(text) + valued_measures(text):
            if (bounds := span_bounds(doc, start, end, "contract")) is not None:
                spans.append((*bounds, "Metric", "metric-phrase"))
        for start, end in described_techniques(text):  # lower case: not trimmed
            if (bounds := span_bounds(doc, start, end, "contract")) is not None:
                spans.append((*bounds, "Method", "technique"))
        for verb in matches_at(_INTRODUCING, text, _introducing_starts(text)):
            m = INTRODUCED_TECHNIQUE.match(text, verb.end())
            if m is None or not _INTRODUCER.search(text, max(0, verb.start() - 40),
                                                   verb.start()):
                continue
            words = m["name"].split()
            if words[0] not in _GENERIC_FIRST:
                bounds = span_bounds(doc, m.start("name"), m.end("name"), "contract")
                if bounds is not None:
                    spans.append((*bounds, "Method", "technique"))
        for start, end in baseline_names(text):  # "compared with 56.2 for TAPIR"
            add(start, end, "Model", "baseline")
        for start, end in titled_bases(text):  # "a variant of Neural Radiance Fields"
            add(start, end, type_from_head(text[start:end]) or "Model", "baseline")
        for m in matches_at(METRIC_PHRASE, text, _metric_phrase_starts(text, rev)):
            add(m.start(), m.end(), "Metric", "metric-phrase")
        opens = abstract_start(text)  # the title before it is in title case
        for start, end in dataset_phrases(text, opens):
            again(add(start, end, "Dataset", "dataset-phrase"), "Dataset", "dataset-phrase")
        for start, end in counted_datasets(text, opens):
            again(add(start, end, "Dataset", "counted"), "Dataset", "counted")
        lexicon = plain_spans(doc, "kg_lexicon")
        known = [(s[2], s[3]) for s in lexicon if s[4] == "Dataset"]
        for start, end in listed_datasets(text, known, opens):
            again(add(start, end, "Dataset", "dataset-phrase"), "Dataset", "dataset-phrase")
        if "-" in text:
            families = model_families()
            for m in matches_at(FAMILY_COMPOUND, text, _family_starts(text)):
                if any(part in families for part in m[0].split("-")):
                    add(m.start(), m.end(), "Model", "shape")  # "Math-Qwen-Chat"
        measures = {s[2] for s in lexicon if s[4] == "Metric"}
        for m in matches_at(SHAPED, text, _shaped_starts(text, rev)):
            if m.start() in measures and _VALUE_AFTER.search(m[0]):
                continue  # not "(FID 1.73)": a value
            if m[0].isalpha() and _written_lower(text, m[0].lower()):
                continue  # not "BreAst" where "breast" is written too: capitals that spell
                # an acronym
            add(m.start(), m.end(), "Model", "shape")
        for m in matches_at(VERSIONED, text, _versioned_starts(text, rev)):
            if m.start() not in measures or not _VALUE_AFTER.search(m[0]):
                add(m.start(), m.end(), "Model", "versioned")
        starts, ends = token_bounds(doc)
        lexicon_models = [(s[2], s[3]) for s in lexicon if s[4] == "Model"]

        def found_models() -> list[tuple[int, int]]:  # (start, end) of each found so far
            return [(starts[a], ends[b - 1]) for a, b, label, _ in spans if label == "Model"]

        known = lexicon_models + [(a, b) for a, b in found_models()
                                  if not _CAPITALS.fullmatch(text, a, b)]  # "LGM": by the list
        for start, end in listed_models(text, known):  # "such as TripoSR, LGM and CRM"
            add(start, end, "Model", "listed")
        for start, end, kind in described_openers(text):  # "Knet is the ... framework"
            again(add(start, end, kind, "described"), kind, "described")
        for start, end, kind in counted_models(text) + kind_listed(text):  # "the nine compared
            add(start, end, kind, "listed")  # approaches - A, ...", "beats the methods A and B"
        for start, end in graphics_cards(text):  # "GeForce RTX 2060", "Quadro P4000"
            add(start, end, "Hardware", "shape")
        models = [(a, b) for a, b in lexicon_models + found_models()
                  if b - a > 3]  # not "AI", "LLM", "NER"
        for start, end in repeated_compounds(text, models):  # "Deep SORT ... Deep SORT"
            again(add(start, end, "Model", "shape"), "Model", "shape")
        set_spans(doc, self.name, spans, self.spans)
        return doc


_CAPITALS = re.compile(r"[A-Z]+s?")
_LOWER_WORD = re.compile(r"(?<![\w/.-])[a-z]+(?![\w/-])")  # a word, not part of a URL


def _written_lower(text: str, word: str) -> bool:
    """Whether ``word`` (lower case) is written in ``text`` as a word of its own, not inside
    a longer word or a URL."""
    return any((m := _LOWER_WORD.match(text, at)) and m.end() == at + len(word)
               for at in find_all(text, word))
_GLUED = re.compile(r"[\w-]")
_VALUE_AFTER = re.compile(r"\s\d+(?:\.\d+)?$")  # a measure's value: "FID 1.73"
_TITLE = re.compile(rf"^(?P<name>[A-Z][\w.+-]*(?:\s(?:v?\d+(?:\.\d+)*|{_VARIANT}))*):\s"
                    r"(?P<rest>[^\n]+)\n")
_TITLE_CUT = re.compile(r"(?<![\w-])(?:for|with|via|through|to|towards|on|in|from|using|by|of)"
                        r"(?![\w-])")


# Two or three capitalised words before the title's colon: "Decision Transformer: ...",
# "Chinese CLIP: ...", not "Beyond Self-Supervision: ..." or "Phi-3 Technical Report: ...".
_TITLE_WORDS = re.compile(r"^(?P<name>[A-Z][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){1,2}?)"
                          r"(?:\s(?:Model|Models))?:\s(?P<rest>[^\n]+)\n")
# (and words of more than five letters in "-ing": "Rethinking", "Scaling", "Rescaling")
_NOT_TITLE_FIRST = {"Beyond", "Towards", "Toward", "On", "A", "An", "The", "Deep", "Efficient",
                    "Large", "Self", "When", "What", "Why", "How", "Are", "Is", "Do", "Can",
                    "Does", "From", "Into", "Through"}
_NOT_TITLE_LAST = {"Report", "Survey", "Review", "Overview", "Study", "Paper", "Analysis",
                   "Perspective", "Tutorial", "Challenges", "Lessons", "Matters"}


def _title_name(text: str) -> tuple[int, int, str, str] | None:
    """``Name: A Lightweight CPU Convolutional Neural Network`` names a Model."""
    m = _TITLE.match(text)
    if not m:
        m = _TITLE_WORDS.match(text)
        words = m["name"].split() if m else []
        if not m or words[0] in _NOT_TITLE_FIRST or words[-1] in _NOT_TITLE_LAST or (
                len(words[0]) > 5 and words[0].endswith("ing") and words[0][1:].islower()):
            return None
        # words say what they name ("Decision Transformer"), or an acronym or a number
        # ends them ("Chinese CLIP"), or the rest of the title names a kind of thing;
        # else they are a phrase ("Unlearnable Clusters: Towards ... Examples")
        own = type_by_convention(m["name"]) or type_from_head(m["name"]) or (
            "Model" if re.search(r"[A-Z]{2,}$|\d", words[-1]) else None)
        if own:
            return m.start("name"), m.end("name"), own, "title"
    head = type_by_convention(m["name"]) or type_from_head(
        _TITLE_CUT.split(m["rest"], maxsplit=1)[0])  # "LongVidBench: Probing ...": data
    if head not in NAME_TYPES:  # "Improving X via Y": the last kind of thing it names
        words = [type_from_head(w) for w in re.findall(r"[A-Za-z][\w-]*", m["rest"])]
        head = next((t for t in reversed(words) if t in NAME_TYPES), None)
    if head == "Method" and re.search(r"\d", m["name"]):
        head = "Model"  # a numbered version is an artifact: "ERNIE 3.0 Titan: ... Pre-training"
    if head is None and m.re is _TITLE_WORDS:
        return None
    return m.start("name"), m.end("name"), head or "Model", "title"


NAME_TYPES = ("Model", "Method", "Dataset", "Software")


@Language.factory("kg_names", default_config={"spans": True})
def make_name_finder(nlp: Language, name: str, spans: bool) -> NameFinder:
    return NameFinder(nlp, name, spans)
