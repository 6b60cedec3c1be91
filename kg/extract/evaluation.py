"""Which systems a sentence evaluates on a dataset (``evaluatedOn``, read by
``kg_lineage``): the nearest named system before the dataset that is not a setting, a
baseline or a teacher, with the names listed beside it, or the system after a fronted "On
the X benchmark,"; else the paper's own. Training data ("pre-trained on", "trained on 2T
tokens of the Dolma corpus") and data the paper collects are not evaluations.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.context import (
    BASELINE_BEFORE,
    BASELINE_BEFORE_LOWER,
    SYSTEM_TYPES,
    as_modifier,
    doc_lower,
    doc_text,
    entities,
    may_hold,
    named,
    skipped_names,
    title_dataset,
)

#: Words of a sentence that reports an evaluation; a dataset in any other is not evaluated.
EVALUATION = re.compile(r"achiev|outperform|result|experiment|evaluat|benchmark|score|"
                        r"surpass|state-of-the-art|sota|accuracy|perform|test|on\b|"
                        r"\bwe stud(?:y|ied)\b", re.I)
_SETTING_BEFORE = re.compile(r"\b(?:on|with|for|from|using|of|through|via)\s+(?:the\s+)?$",
                             re.I)
# Data a model is trained on, not evaluated on: "after pre-training on ImageNet-22K".
_TRAINED_ON = re.compile(r"\b(?:pre-?train\w*|train\w*|fine-?tun\w*|finetun\w*|distill\w*)"
                         r"(?:\s+[\w-]+){0,3}?\s+(?:on|with)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?"
                         r"(?:(?:such as|like|e\.g\.,?)\s+)?$", re.I)
# Training data further on in the clause: "trained on up to 2.46 trillion tokens of the
# Dolma corpus", "trained on 1 trillion tokens sourced from The Stack".
_TRAINING_CLAUSE = re.compile(r"\b(?:pre-?train\w*|train(?:s|ed|ing)?|fine-?tun\w*|finetun\w*)"
                              r"\s+(?:on|with)\s+[^,;]*$", re.I)


_TRAIN_WORDS = ("train", "tun", "distill")  # one is in every match of _TRAINED_ON, _TRAINING_CLAUSE


def _trained_on_clause(before: str) -> bool:
    """Whether the text ``before`` a dataset puts it in a training clause (and no
    evaluation word follows the training verb)."""
    m = _TRAINING_CLAUSE.search(before)
    return m is not None and not EVALUATION_VERB.search(m[0])


# "we train BERT models for Portuguese, which we call X, in two sizes, A and B, on D":
# however far, the data the sentence's "we train" ends on.
_WE_TRAIN_ON = re.compile(r"\bwe\s+(?:also\s+|first\s+|further\s+)?(?:pre-?)?train\b[^.;]*?"
                          r"\s(?:on|with)\s+(?:the\s+)?$", re.I)


def _we_train_on(before: str) -> bool:
    """Whether the sentence up to a dataset (``before``) trains on it: "we train ... on"
    with no evaluation word between."""
    m = _WE_TRAIN_ON.search(before)
    return m is not None and not EVALUATION_VERB.search(m[0])


EVALUATION_VERB = re.compile(r"achiev|outperform|evaluat|test|score|surpass|reach|obtain|"
                             r"attain|compar|competitive|match", re.I)
# Data the paper gathers: "we also collect a large new dataset, CC-News", "we assembled
# the largest segmentation dataset so far: SA-1B", "a pipeline that assembles LVD-142M".
_COLLECTED = re.compile(r"\b(?:collect|gather|assembl|crawl|scrap|curat)\w*\s+(?:[^.;]{0,60}?"
                        r"(?:data\s*set|corpus|corpora|data)s?\b[^.;]{0,20}?[,:]\s*)?$", re.I)


_COLLECT_WORDS = ("collect", "gather", "assembl", "crawl", "scrap", "curat")  # _COLLECTED's


def _baseline_or_setting(window: str) -> bool:
    """Whether the text before a name makes it a setting ("On Llama-2 7B, ...") or a
    baseline ("outperforms X")."""
    return bool(_SETTING_BEFORE.search(window[-12:]) or BASELINE_BEFORE.search(window))


_SETTING_BEFORE_LOWER = re.compile(_SETTING_BEFORE.pattern, _SETTING_BEFORE.flags & ~re.I)


def _baseline_or_setting_lower(window: str) -> bool:
    """``_baseline_or_setting`` of a window of the lower-cased text (``doc_lower``), with
    the same patterns without IGNORECASE (their letters are all lower case): faster."""
    return bool(_SETTING_BEFORE_LOWER.search(window[-12:])
                or BASELINE_BEFORE_LOWER.search(window))


# A name inside the list a comparison gives by examples: "is compared with a diverse set of
# strategies, namely A, B and C, in four tasks ... on D": a baseline, not what D evaluates.
_IN_COMPARED_LIST = re.compile(r"\bcompar\w*\s+(?:with|to|against)\s+[^.;:]{0,60}?\b(?:namely|"
                               r"such\s+as|including|among\s+them)\s+[^.;:]{0,120}$", re.I)
_OUR_NEW = re.compile(r"\bour\s+(?:new|own)\s+(?:[\w-]+\s+){0,4}(?:\(\s*)?$", re.I)
_TRAIN_VERB = re.compile(r"\b(?:we\s+)?(?:pre-?)?train\b", re.I)
_SHOW_THAT = re.compile(r"\b(?:show|shows|showed|demonstrate|demonstrates|confirm|confirms|"
                        r"indicate|indicates|reveal|reveals)\s+that\s+(?:the\s+|our\s+)?$")


# Between two names of one list: "A, B and C", "A, B and a combined C".
_LISTED = re.compile(r"\s*(?:,|and|, and)\s*(?:(?:an?|the)\s+(?:[a-z][\w-]*\s+)?)?")


# The sentence's subject and its verb, before the object: "X (Contrastive ...), fine-tunes ",
# "Our method, X, trains a ".
_OPENS_SUBJECT = re.compile(r"^(?:(?:Our|The)\s+[\w\s-]{1,30}?,\s*)?$")
_SUBJECT_THEN_VERB = re.compile(r"^(?:\s*\([^()]{1,60}\))?,?\s+(?:also\s+|first\s+)?[a-z][\w-]*"
                                r"(?:s|ed)\s+(?:an?\s+|the\s+)?$|"
                                # "X is tested on four paradigms, A and B (...), against C"
                                r"^\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:tested|evaluated|"
                                r"benchmarked|validated|assessed)\s+(?:on|in|across)\s[^;]{0,150}$")


def clause_subject(text: str, spans: list[Span], sent_start: int, obj: Span) -> Span | None:
    """The system that opens the sentence when ``obj`` is what its verb governs: X in "X
    (...), fine-tunes Y ... and is compared with": the subject of the verb after "and"."""
    first = next((s for s in spans if s.label_ in SYSTEM_TYPES and named(s)), None)
    if (first is None or first.end_char > obj.start_char
            or not _OPENS_SUBJECT.match(text[sent_start: first.start_char])
            or not _SUBJECT_THEN_VERB.match(text[first.end_char: obj.start_char])):
        return None
    return first


def evaluation_subjects(doc: Doc, spans: list[Span], dataset: Span,
                         main: Span | None, sent_start: int) -> list[Span]:
    """The systems a sentence evaluates on ``dataset``: the nearest named system before it
    that is not a setting ("On Llama-2 7B/13B, AdaGC ..."), a baseline ("outperforms
    Flamingo80B on VQAv2") or a teacher, with the names listed beside it ("A and B achieve
    ..."), else the paper's own system. Training data is not an evaluation."""
    text = doc_text(doc)
    low, at = doc_lower(doc), dataset.start_char
    # each pattern needs a word of its own (lower case): a window without one is not searched
    if may_hold(low, _TRAIN_WORDS, max(sent_start, at - 60), at) and _TRAINED_ON.search(
            text[max(sent_start, at - 60): at]) \
            or may_hold(low, _COLLECT_WORDS, max(sent_start, at - 100), at) and _COLLECTED.search(
            text[max(sent_start, at - 100): at]) \
            or may_hold(low, _TRAIN_WORDS, max(sent_start, at - 90), at) and _trained_on_clause(
            text[max(sent_start, at - 90): at]) \
            or may_hold(low, ("train",), sent_start, at) and _we_train_on(text[sent_start: at]) \
            or _OUR_NEW.search(text, max(sent_start, at - 70), at) and _TRAIN_VERB.search(
            text, at, min(len(text), at + 120)):
        return []  # "with our new C4, we train T5": the data it is trained on
    candidates = [s for s in spans if s.label_ in ("Model", "Method")
                  and s.end_char <= dataset.start_char and named(s)
                  and not as_modifier(text, s) and not _BASELINES_AFTER.match(text, s.end_char)]
    skipped = skipped_names(text, candidates, sent_start, _baseline_or_setting
                            ) if low is None else skipped_names(
        text, candidates, sent_start, _baseline_or_setting_lower, windows=low)
    kept = [s for s in candidates if s.start not in skipped and not _IN_COMPARED_LIST.search(
        text, sent_start, s.start_char)]
    if not kept and _FRONTED_ON.match(text, sent_start, dataset.start_char):
        kept = _after_fronted(text, spans, dataset)
    if not kept and main is None:  # "Experiments on A and B show that X achieves ..."
        kept = [s for s in spans if s.label_ in ("Model", "Method") and named(s)
                and s.start_char > at and _SHOW_THAT.search(text, at, s.start_char)
                and "," not in text[at: s.start_char].rsplit(" that ", 1)[-1]][:1]
    if not kept:
        return [main] if main is not None else []
    if (subject := clause_subject(text, spans, sent_start, kept[-1])) is not None:
        return [subject]  # "X fine-tunes Y ... on A": X, the sentence's subject
    found = [kept[-1]]
    for prev in reversed(kept[:-1]):  # "A and B achieve ..."
        if _LISTED.fullmatch(text, prev.end_char, found[0].start_char):
            found.insert(0, prev)
        else:
            break
    return found


def _after_fronted(text: str, spans: list[Span], dataset: Span) -> list[Span]:
    """"On the challenging COCO benchmark, DETR reaches ...": the first named system after
    the comma that ends the fronted phrase, unless it is a baseline."""
    comma = text.find(",", dataset.end_char, spans[-1].end_char)
    if comma < 0 or _PRONOUN.search(text, dataset.end_char, comma):
        return []  # "On CiteULike it gives ..., and it beats X": no comma ends the phrase
    first = next((s for s in spans if s.start_char > comma
                  and s.label_ in ("Model", "Method") and named(s)), None)
    before = text[comma: first.start_char] if first is not None else ""
    if first is None or BASELINE_BEFORE.search(before) or _LIKE_BEFORE.search(before):
        return []
    return [first]


_PRONOUN = re.compile(r"\b(?:it|we|they|our|this|these)\b")
# A name that heads a class of baselines: "exceeds ... offline RL baselines on Atari".
_BASELINES_AFTER = re.compile(r"\s+(?:baselines?|counterparts?|competitors)\b", re.I)
_LIKE_BEFORE = re.compile(r"\b(?:similar|comparable|close|equivalent)\s+to\s+(?:the\s+)?$", re.I)
_FRONTED_ON = re.compile(r"\s*(?:On|In|Across)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")


def own_benchmark(doc: Doc) -> Span | None:
    """The benchmark a paper that introduces no system is about: the dataset that opens its
    title ("D4RL: Datasets for ..."), else the first one a cue introduces ("we introduce
    Long Code Arena, a suite of benchmarks"), else the first the authors release ("we
    release the TabZilla Benchmark Suite")."""
    found = title_dataset(doc) or next((s for s in entities(doc) if s.label_ == "Dataset"
                                        and s.id_ in ("kg_names:cue", "kg_names:title")), None)
    text = doc_text(doc)
    if found is None:  # "we release the TabZilla Benchmark Suite, a collection of ..."
        found = next((s for s in entities(doc) if s.label_ == "Dataset" and _RELEASE.search(
            text, max(0, s.start_char - 40), s.start_char)), None)
    title_end = text.find("\n\n")
    if found is None and _DATA_TITLE.search(text, 0, max(title_end, 0)):
        # "Rescaling Egocentric Vision: Collection, Pipeline and Challenges for X": the
        # dataset a title about data names
        found = next((s for s in entities(doc) if s.label_ == "Dataset"
                      and s.end_char <= title_end), None)
    return found


_DATA_TITLE = re.compile(r"\b(?:[Cc]ollection|[Dd]ataset|[Bb]enchmark|[Cc]orpus|[Cc]hallenges?|"
                         r"[Aa]nnotations?)\b")


_RELEASE = re.compile(r"\b(?:we|this paper|this work)\s+(?:also\s+)?(?:release|introduce|present|"
                      r"propose|build|construct|curate)s?\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?$",
                      re.I)


# A sentence that evaluates systems, where no dataset is named: "a comprehensive evaluation of
# existing algorithms", "We evaluate baselines built on GPT-4", "the models we study are".
_EVALUATES = re.compile(r"\b(?:evaluat\w*|benchmark(?:ed|ing)\b|experiments\b|results of\b|"
                        r"(?:run|train)s?\s+(?:several\s+|strong\s+)?baselines\b|"
                        r"(?:models|systems|methods|algorithms) we (?:study|test|evaluate)\b|"
                        r"we (?:test|study|analy[sz]e)\b)", re.I)


def benchmark_subjects(doc: Doc, systems: list[Span], sent: Span) -> list[Span]:
    """The systems a sentence of a benchmark paper evaluates on its benchmark: where the
    sentence says it evaluates and names no dataset, all named after the word that says so
    but a modifier, a name that others are likened to ("models that perform similarly to
    GPT-4") and one a model is made from ("SWE-Llama, fine-tuned from CodeLlama-Python");
    baselines built on a model evaluate it ("We evaluate baselines built on GPT-4")."""
    text = doc_text(doc)
    if (says := _EVALUATES.search(text, sent.start_char, sent.end_char)) is None:
        return []
    return [s for s in systems if s.start_char > says.start() and not as_modifier(text, s)
            and not _SIMILAR_TO.search(text, max(sent.start_char, s.start_char - 30),
                                       s.start_char)]


# A name others are likened to, or one a model was made from: not itself evaluated.
_SIMILAR_TO = re.compile(r"(?:\b(?:similar(?:ly)?|comparabl[ey]|close|equivalent)\s+to|"
                         r"\b(?:fine-?tuned|trained|distilled|initiali[sz]ed|derived)\s+from)"
                         r"\s+(?:the\s+)?$", re.I)
