"""``kg_lineage``: relations between the entities of one sentence, from the words that
state them.

- ``basedOn``: "based on X", "built upon X", "fine-tuned from X", "we train A from B",
  "replace X with Y" / "replaced from X to Y" (the system is based on Y), "Y, a ... X
  variant", "a ... model similar to X", "improvements to X", "a teacher such as X", "to
  improve X, we propose Y", and a paper's own system named as the next version of a model
  the paper also names (``PP-OCRv3`` after ``PP-OCRv2``);
- ``usesComponent``: "we use/adopt/integrate X", "X which uses Y", "X comprises three parts:
  A, B and C", "its core component is X", "X is employed", "X with Y achieves";
- ``comparedWith``: "outperforms X and Y", "compared with X", "compares favourably with
  X", "N% higher accuracy than X",
  "surpasses existing detectors (i.e., X, Y)";
- ``evaluatedOn``: a dataset in a sentence that reports an evaluation.

The subject is the nearest system named before the cue in the sentence (skipping names
that are themselves the objects of an earlier comparison, and settings such as "On
Llama-2 7B, ..."), else the paper's own system. Relations go to
``doc.user_data["kg_relations"]`` as
``(subject, predicate, object, sentence_start, sentence_end, rule)``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import product

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.comparisons import compared_pairs
from kg.extract.context import (
    BASELINE_BEFORE,
    OWN_REFERENCE,
    REFERS_BACK,
    SYSTEM_TYPES,
    as_modifier,
    doc_lower,
    doc_text,
    entities_per_sentence,
    is_name,
    main_subject,
    named,
    sentences,
    skipped_names,
    title_system,
    token_bounds,
)
from kg.extract.cue_objects import examples_before, objects_after
from kg.extract.dataset_phrases import VERB_AFTER
from kg.extract.derivation import derivations
from kg.extract.evaluation import (
    EVALUATION,
    benchmark_subjects,
    clause_subject,
    evaluation_subjects,
    own_benchmark,
)
from kg.extract.lineage_cues import ANY_START as _ANY_START
from kg.extract.lineage_cues import CUES
from kg.extract.lineage_cues import CUES_LOWER as _CUES_LOWER
from kg.extract.lineage_cues import CUES_NARROW as _CUES_NARROW
from kg.extract.own import AUTHORS_SPEAK, WE_PROPOSE, ours_named, own_system, proposed
from kg.extract.parts import WITH_BACKBONE, WITH_BACKBONE_MID, part_relations
from kg.extract.sentence_words import ALL_WORDS, WORD_BIT, SentenceWords
from kg.extract.successors import next_versions, tuned_variants
from kg.normalize import name_key

_LINEAGE_TYPES = frozenset((*SYSTEM_TYPES, "Dataset"))  # the entities a sentence rule reads
TRAIN_FROM = re.compile(r"\b(?:train(?:ed)?|deriv(?:e|es|ed|ing)|distill(?:s|ed|ing)?|"
                        r"prun(?:e|es|ed|ing))\s*$", re.I)
# A name that says what the next noun is a variant of: "LED, a Longformer variant of BART".
_VARIANT_OF = re.compile(r"\s+(?:variant|version|derivative)s?\b")
# "the algorithms based on GBDT": things of a kind, not the paper's.
_KINDS_BASED = re.compile(r"(?:^|\s)[a-z][\w-]*\s+(?:algorithms|methods|models|approaches|"
                          r"works|systems|techniques|solutions|frameworks|detectors)\s+$")
_ALSO = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# Between a name and the verb it governs: "X which uses", "X, an LLM serving system that uses".
# A name's description, up to the relative pronoun of the verb that follows: ", a Transformer
# for relation extraction (that)", ", an LLM serving system (which)".
_DESCRIPTION = r",\s*(?:an?|the)\s+(?:[^,;()]|\([^()]{0,20}\)){0,70}?\s+"
_GOVERNS = re.compile(rf"^\s*(?:{_DESCRIPTION}"
                      r"(?=that|which))?(?:,\s*)?(?:(?:presents?|offers?|provides?|includes?|"
                      r"has|have|features?)\s+(?:[\w-]+\s+){0,3})?"
                      r"(?:(?:which|that)\s+)?(?:is\s+|are\s+|was\s+|were\s+)?"
                      r"(?:also\s+|further\s+)?$", re.I)
# "distill it into a series of smaller models (A, B and C)", "we fine-tune X into Y"
_DISTILL_INTO = re.compile(r"\b(?:distill|fine-?tun|finetun)(?:s|ed|ing|e|es)?\s+"
                           r"(?:it|them|(?P<x>\S.{0,40}?))\s+into\b", re.I)
_WE = re.compile(r"\bwe\s+(?:also\s+|further\s+|then\s+|first\s+|additionally\s+)?$", re.I)
_PASSIVE_USE = re.compile(r"^\s*(?:is|are)\s+(?:also\s+|further\s+)?(?:employed|used|adopted|"
                          r"utili[sz]ed|leveraged|incorporated|integrated)\b(?!\s+as\s+(?:the\s+|"
                          r"an?\s+)?(?:baseline|comparison|reference))", re.I)
# Verbs that join two parts ("connects A with B", "integrates A with B", "pairs A with B"):
# what follows "with" is a part too.
_JOINS = re.compile(r"(?:connect|integrat|combin|pair|bridg)", re.I)
# A second verb of the sentence's subject: "X is built on Y and uses Z", "X builds on Y with
# deformable layers and clearly outperforms Z", "X fine-tunes Y in every round and is
# compared with Z" (no clause of Y's own in between).
_AND_VERB = re.compile(r"[^;()]{0,60}?\band\s+(?:\w+ly\s+)?(?:(?:also|is|are|was|were|then)\s+)*$")
_OWN_CLAUSE = re.compile(r"\b(?:which|that|where|who|while|whereas|but)\b|\bis\b(?!\s*$)")
# A subject and its verb: "X is built", "X, ..., uses", "X builds".
_SUBJECT_VERB = re.compile(r"\s*(?:,[^,;]{0,60},\s*|,\s*)?(?:is|was|are|were|has|uses|builds|"
                           r"combines|adopts|relies)\b")
_WITH_PART = re.compile(r"^\s+with\s+(?:an?\s+|the\s+)?$", re.I)
_PART_RESULT = re.compile(r"^\s*(?:backbone|encoder|decoder)?\s*(?:achiev|obtain|reach|attain|"
                          r"yield|gets?\b|runs?\b|scores?\b)", re.I)
_PURPOSE = re.compile(r"\b(?:in order )?to\s+(?:further\s+)?(?P<verb>improve|upgrade|enhance|"
                      r"boost|extend|strengthen|advance|scale up|explore)\b", re.I)
_PURPOSE_VERB = re.compile(r"\b(?:improve|upgrade|enhance|boost|extend|strengthen|advance|"
                           r"scal(?:e|ing) up)\b", re.I)
# ... and the whole of it before a cue: "X (...), a Transformer for ... that (extends)".
_DESCRIBED_THAT = re.compile(rf"(?:\s*\([^()]{{1,60}}\))?{_DESCRIPTION}(?:that|which)\s+"
                             r"(?:also\s+|further\s+)?$")
# ... or a title's subtitle: "RobBERT: a Dutch RoBERTa-based Language Model"
_APPOSITIVE = re.compile(r"^\)?\s*[,:]?\s*(?:(?:(?:which|that)\s+)?is\s+)?an?\s+"
                         r"(?:[\w-]+\s+){0,6}$", re.I)
# ... what the named model is in it: "a Longformer variant", "a ResNet-50 trained on X".
_KIND_AFTER = re.compile(r"^(?:-based\b|\s*-?\s*(?:architecture|variant|version|derivative)\b|"
                         r"\s+(?:(?:model|network)\s+)?(?:(?:pre-?)?trained|fine-?tuned|"
                         r"initiali[sz]ed|distilled|adapted)\b)", re.I)
# Not an apposition but the end of a fronted comparison: "Compared to X, a Y model ...".
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:to|with)|than|against|versus|vs\.?|over)\s+"
                              r"(?:the\s+)?$", re.I)
#: A part of an architecture rather than a model or method in its own right.
_SUBMODULE = re.compile(r"(?:module|head|block|layer|neck)s?$", re.I)
_FROM = re.compile(r"\s+from\s")
# The systems of the sentence before, evaluated: "we evaluate them on", "We examine their
# strengths on", "these methods are tested on".
_THEM_ON = re.compile(r"\b(?:evaluat|examin|test|compar|benchmark|assess|run)\w*\s+(?:them|"
                      r"their\s+[\w-]+(?:\s+and\s+[\w-]+)?|these\s+(?:methods|models|"
                      r"approaches|algorithms|systems|baselines))\s+(?:[^.;]{0,40}?\s)?"
                      r"(?:on|across|over)\s|\b(?:these|the)\s+(?:methods|models|approaches|"
                      r"algorithms|systems|baselines)\s+(?:are|were)\s+(?:evaluated|tested|"
                      r"compared|benchmarked)\s+on\s", re.I)
# Between "a variant of" and what it is of: an article and a few words in lower case.
# "we set it against", "and pit X against": the thing set against is said, not the name before.
_SET_IT = re.compile(r"\b(?:we|We|and|also|then)\s+(?:set|pit|benchmark)\s+(?:it|them|[\w-]+)\s+$")
_OF_GAP = re.compile(r"\s*(?:(?:the|an?|our)\s+)?(?:[a-z][\w-]*\s+){0,3}")
# Data that names the models trained on it: "fine-tuned ImageNet models", "COCO weights".
_DATA_OF_MODELS = re.compile(r"[\s-](?:pre-?trained\s+)?(?:models|weights|checkpoints)\b")
_EQUIPPED = re.compile(r"\s*(?:Equipped|Furnished|Armed)\s+with\s+[^;:]{2,160}?,\s+(?=[A-Z])")
#: A cue's object given by a pronoun, not by the next name: "based on this framework".
#: After a model "improved upon": its score, so a comparison, not a base.
_SCORED = re.compile(r"(?:'s)?\s+(?:performance|results?|accuracy|scores?|baselines?)\b",
                     re.I)
_USED_A = re.compile(r"\b(?:with|using|via|through)\s+(?:(?:an?|the)\s+)?$", re.I)
_A_KIND_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:framework|model|approach|system|architecture|"
                         r"pipeline|paradigm|scheme)s?\b")
_OURS = re.compile(r"\b(?:we|our)\b", re.I)
_POINTS_BACK = re.compile(r"\s+(?:this|these|those|that|it|them|such)\b", re.I)
# What a name may add to another's and still name the same thing: "Aya Model" and "Aya".
_GENERIC_TAIL = re.compile(r"model|system|framework|network|e?s")  # or a plural: "BiLSTMs"
#: basedOn cues whose subject follows them when they open a sentence ("Starting from X, Y")
_FRONTED_BASES = {"starting"}
#: A technique the paper names in lower case ("gated relative position bias") is a part
#: that a system employs or uses; one it introduces is the paper's contribution instead.
_OWN_TECHNIQUE = "kg_names:technique"
_INTRODUCES = ("introduce", "introduces", "introducing")
# A sentence about other work: "Previous singing acoustic models adopt ...".
_OTHERS = re.compile(r"\s*(?:Previous|Prior|Existing|Most|Many|Current|Conventional|"
                     r"Traditional|Earlier|Popular|Mainstream)\b")
_AS_BASE = re.compile(r"\s+as\s+(?:its|the|our|their)\s+(?:base|foundation|starting)\s+"
                      r"(?:model|LLM|network|architecture|point)\b")
_WHICH = re.compile(r",?\s+(?:which|that)\s+(?:also\s+)?$")  # "X, which uses Y": X's
_TAKES = re.compile(r"\b(?:adopts?|uses?|takes?|employs?|chooses?|selects?)\s+(?:the\s+)?$")


def _which_owner(text: str, spans: list[Span], floor: int, at: int) -> Span | None:
    """The named system right before the ", which" that ends at ``at``: "X, which uses Y"
    gives Y to X."""
    which = _WHICH.search(text, max(floor, at - 12), at)
    return next((s for s in spans if which and s.end_char == which.start()
                 and s.label_ in SYSTEM_TYPES and named(s)), None)


def _submodule(span: Span, text: str) -> bool:
    """``Aggregated Attention Module``, ``SLAHead``, "a PAN module": a part of an
    architecture, not a model or method in its own right."""
    after = re.match(r"\s*\w+", text[span.end_char: span.end_char + 12])
    return bool(_SUBMODULE.search(span.text) or (after and _SUBMODULE.match(after[0].strip())))


def _outside_brackets(gap: str) -> bool:
    return gap.count("(") <= gap.count(")")


def _cue_matches(cue: re.Pattern[str], scanned: str, text: str, token_starts: list[int],
                 start: int, end: int) -> Iterator[re.Match[str]]:
    """``cue.finditer`` over ``scanned[start:end]``, each match opening a word: at a token
    that starts with a letter in ``text``. One search in C finds the next match at any
    character; one that opens no word is passed over (the search goes on from its next
    character), so these are the matches tried at each word start in turn."""
    while (m := cue.search(scanned, start, end)) is not None:
        at = m.start()
        i = bisect_left(token_starts, at)
        if i < len(token_starts) and token_starts[i] == at and text[at].isalpha():
            yield m
            start = m.end()
        else:
            start = at + 1


def _nearest_subject(doc: Doc, spans: list[Span], char: int, skip: set[int],
                     sent_start: int) -> Span | None:
    """The last named system before ``char`` that is not an object already (``skip``), a
    baseline ("as many parameters as YOLOv5-L") or a component ("DETR with a ResNet-50
    backbone"), nor listed with one."""
    text = doc_text(doc)
    systems = [s for s in spans if s.end_char <= char and s.label_ in SYSTEM_TYPES
               and not as_modifier(text, s)  # "a LLaMA-based model that surpasses"
               and not _VARIANT_OF.match(text, s.end_char)]  # "LED, a Longformer variant"
    if not systems:
        return None
    if (described := _DESCRIBED_THAT.search(text, sent_start, char)) is not None and (
            owner := next((s for s in systems if s.end_char == described.start()
                           and named(s)), None)) is not None:
        return owner  # "with TRE, a model that extends GPT": TRE, even after "with"
    skipped = skipped_names(text, systems, sent_start, BASELINE_BEFORE.search, skip)
    return next((s for s in reversed(systems) if s.start not in skipped and named(s)), None)


def _listed_before(doc: Doc, spans: list[Span], subject: Span) -> list[Span]:
    """``subject`` with the names listed right before it: "(ViT-S/14, ViT-B/14 and ViT-L/14)
    that surpass OpenCLIP"."""
    text = doc_text(doc)
    found = [subject]
    for prev in reversed([s for s in spans if s.end_char <= subject.start_char]):
        if prev.label_ == subject.label_ and re.fullmatch(
                r"\s*(?:,|and|, and)\s*", text[prev.end_char: found[0].start_char]):
            found.insert(0, prev)
        else:
            break
    return found


def _respective(doc: Doc, sent: Span, spans: list[Span], subject: Span, cue_end: int,
                types: tuple[str, ...]) -> list[tuple[Span, Span]]:
    """Subjects listed before a cue paired in turn with as many objects listed after it
    when "respectively" follows: "E5-small and E5-base are initialized with MiniLM and
    BERT-base, respectively"; [] otherwise."""
    text = doc_text(doc)
    if text.find("respectively", cue_end, sent.end_char) < 0:
        return []
    subjects = _listed_before(doc, spans, subject)
    objects = objects_after(doc, sent, cue_end, types, True)
    if len(subjects) < 2 or len(subjects) != len(objects):
        return []
    return list(zip(subjects, objects, strict=True))


class LineageFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # A known title name stands for the paper's own system, but not as what a
        # sentence's "based on" builds unless the authors speak ("we present improvements
        # to X"): "agents built on Q-learning" reads prior work.
        titled = main_subject(doc)
        named_main = titled or ours_named(doc) or proposed(doc)
        main = titled or title_system(doc) or named_main
        text = doc_text(doc)
        relations: set[tuple[str, str, str, int, int, str]] = set()

        aliases = doc.user_data.get("kg_aliases", {})

        def add(subject: Span | None, predicate: str, obj: Span | None, sent: Span,
                rule: str) -> None:
            if subject is None or obj is None:  # e.g. "distilled into" with no teacher
                return
            a, b = name_key(subject.text), name_key(obj.text)
            short, long = sorted((a, b), key=len)
            if a == b or name_key(aliases.get(a, "")) == b or name_key(
                    aliases.get(b, "")) == a or short and long.startswith(short) and (
                    _GENERIC_TAIL.fullmatch(long, len(short))):
                return  # one thing under two names ("Aya Model" and "Aya")
            relations.add((subject.text, predicate, obj.text, sent.start_char, sent.end_char,
                           f"{self.name}:{rule}"))

        low = doc_lower(doc)
        cues, scanned = (_CUES_LOWER, low) if low is not None else (CUES, text)
        previous: Span | None = None  # the first system the last sentence named
        abstract_at = text.find("\n\n")  # the title ends there (-1: no title)
        background, main_key = True, name_key(main.text) if main is not None else None
        listed: list[Span] = []
        bench = own_benchmark(doc) if main is None else None
        sents = sentences(doc)
        # per sentence, the word lists (sentence_words.WORD_BIT) it holds a word of: a
        # sentence without a cue's or rule's words skips it
        held_words = SentenceWords(low, sents).sentence_bits()
        token_starts = token_bounds(doc)[0]
        for sent, inside, held in zip(sents, entities_per_sentence(doc), held_words,
                                      strict=True):
            spans = [s for s in inside if s.label_ in _LINEAGE_TYPES]
            systems = [s for s in spans if s.label_ in SYSTEM_TYPES and named(s)]
            # "It ...": the system named before; "The method ...": the paper's own
            back = REFERS_BACK.match(sent.text)
            own_reference = bool(back and main is not None and OWN_REFERENCE.search(back[0]))
            sentence_main = previous if back and previous is not None and not (
                own_reference) else main
            listed_before, listed = listed, systems  # the systems of the sentence before
            # a sentence about the thing before keeps it the thing talked about
            previous = sentence_main if back and sentence_main is not None else (
                systems[0] if systems else previous)
            # the abstract's sentences before its authors speak or name their system are
            # background: the paper's own system is not what they evaluate ("pretraining
            # domains (e.g., Wikipedia, books) affect ...")
            if background and sent.start_char > abstract_at:
                background = not (AUTHORS_SPEAK.search(sent.text) or main is not None and any(
                    name_key(s.text) == main_key for s in systems))
            if not spans:
                continue
            if held & WORD_BIT["distill"]:
                self._distilled(doc, sent, spans, sentence_main, add)
            compared: set[int] = set()
            took: dict[int, Span] = {}  # an object's start -> its subject, in this sentence
            for k, (predicate, cue, types) in enumerate(cues):
                if not held & WORD_BIT[predicate]:
                    continue  # a cheap test first: the words every cue of this kind holds
                if (low is not None and predicate in _ANY_START
                        and low.find(_ANY_START[predicate][1], sent.start_char,
                                     sent.end_char) < 0):
                    cue = _CUES_NARROW[k][1]
                for m in _cue_matches(cue, scanned, text, token_starts, sent.start_char,
                                      sent.end_char):
                    start, end = m.start(), m.end()
                    if predicate == "comparedWith" and _SET_IT.search(
                            text, max(sent.start_char, start - 40), start):
                        continue  # "we set it against A and B": comparisons.compared_pairs
                    before = _nearest_subject(doc, spans, start, compared, sent.start_char)
                    if before is not None and _AND_VERB.match(text, before.end_char, start) \
                            and not _OWN_CLAUSE.search(text, before.end_char, start):
                        before = took.get(before.start) or clause_subject(
                            text, spans, sent.start_char, before) or before
                    elif before is not None and predicate == "comparedWith" and text.startswith(
                            ", against", start - 2):  # "X is tested on A and B, against C"
                        before = clause_subject(text, spans, sent.start_char, before) or before
                    subject = before or (
                        sentence_main if predicate != "basedOn" or sentence_main is not main
                        or own_reference or _OURS.search(text, sent.start_char, start)
                        else named_main)
                    if predicate == "usesComponent":
                        subject = self._user(doc, sent, before, sentence_main, start, spans)
                    if predicate == "basedOn" and (
                            subject is not None and subject.label_ == "Software"
                            and "implementation" in m[0].lower()
                            or _KINDS_BASED.search(text, max(sent.start_char, start - 40), start)
                            or _POINTS_BACK.match(scanned, end) or (
                            _USED_A.search(text, sent.start_char, start)
                            and m[0].lower().endswith(" of"))):
                        # "methods based on this framework ... as Q-learning"; "with a
                        # data-efficient version of Rainbow DQN" names a part, not a base;
                        # "a Caffe implementation of X"; "the algorithms based on GBDT"
                        continue
                    rule = m[0].lower().split()[0]
                    if before is not None and (pairs := _respective(doc, sent, spans, before,
                                                                    end, types)):
                        for subj, obj in pairs:  # "A and B are initialized with C and D,
                            add(subj, predicate, obj, sent, rule)  # respectively"
                        continue
                    many = predicate in ("comparedWith", "usesComponent")
                    objects = objects_after(doc, sent, end, types, many,
                                             joins=predicate == "usesComponent"
                                             and _JOINS.match(m[0]) is not None)
                    if predicate == "basedOn" and objects and m[0].rstrip().endswith(
                            " of") and not _OF_GAP.fullmatch(text, end, objects[0].start_char):
                        objects = []  # "in the closed variant of subtask B, X obtains": not
                        # what the variant is of
                    fronted = not text[sent.start_char: start].strip(" \n\"'(")
                    if before is None and objects and fronted and (
                            predicate == "comparedWith" or rule in _FRONTED_BASES):
                        # "Compared with X (fine-tuned with Adam), Y is ...", "Starting
                        # from X, Y ...": the subject after the comma, not in the list
                        cut = next((i for i, o in enumerate(objects) if i and VERB_AFTER.match(
                            text, o.end_char)), len(objects))
                        objects = objects[:cut]
                        last = objects[-1].end_char
                        comma = text.find(",", last, sent.end_char)
                        subject = next((s for s in spans if s.start_char > max(last, comma)
                                        and s.label_ in SYSTEM_TYPES and _outside_brackets(
                                            text[last: s.start_char])),
                                       subject)
                    examples = predicate == "comparedWith" and objects and examples_before(
                        text[end: objects[0].start_char])  # "beats decoding algorithms such
                    # as nucleus sampling and top-k sampling": known methods, named in lower case
                    for obj in objects:
                        if not (named(obj) or is_name(aliases.get(name_key(obj.text), ""))
                                or (predicate == "usesComponent" and rule not in _INTRODUCES
                                    and obj.id_ == _OWN_TECHNIQUE)
                                or (examples and obj.id_ == "kg_lexicon")
                                ) or (predicate == "usesComponent"
                                               and (_submodule(obj, text)
                                                    or as_modifier(text, obj))):
                            continue
                        if rule.startswith("propos") and (
                                obj is not objects[0] or obj.label_ != "Method" or main is None
                                or name_key(subject.text) != name_key(main.text)
                                or _A_KIND_AFTER.match(text, obj.end_char)):
                            continue  # "we propose momentum distillation": a technique of
                            # the paper's own system, not the system ("we propose X, an RL
                            # framework") or a kind of it ("a 3D MRL framework")
                        if predicate == "comparedWith":
                            compared.add(obj.start)
                            if subject is before and before is not None:
                                for other in _listed_before(doc, spans, before)[:-1]:
                                    add(other, predicate, obj, sent, rule)
                        if (predicate == "basedOn" and rule.startswith("improv")
                                and _SCORED.match(text, obj.end_char)):
                            # "improves upon the state-of-the-art X performance"
                            compared.add(obj.start)
                            add(subject, "comparedWith", obj, sent, rule)
                            continue
                        add(subject, predicate, obj, sent, rule)
                        if subject is not None:
                            took[obj.start] = subject
            self._sentence_rules(doc, sent, spans, main, add, held)
            in_background = background and sent.start_char > abstract_at
            others = [s for s in spans if s.label_ == "Dataset" and (
                bench is None or name_key(s.text) != name_key(bench.text))]
            if (others and len(listed_before) > 1
                    and not any(s.start_char < others[0].start_char for s in systems)
                    and _THEM_ON.search(text, sent.start_char, others[0].start_char)):
                # "The compared methods include iCaRL, GEM and LwF. We examine their
                # strengths on three benchmarks, A, B and C": each of them on each
                for subject, ds in product(listed_before, others):
                    add(subject, "evaluatedOn", ds, sent, "them-on")
            elif others and EVALUATION.search(sent.text):
                own = None if in_background else sentence_main
                for ds in (s for s in spans if s.label_ == "Dataset"
                           and not _DATA_OF_MODELS.match(text, s.end_char)):
                    for subject in evaluation_subjects(doc, spans, ds, own, sent.start_char):
                        add(subject, "evaluatedOn", ds, sent, "evaluation")
            elif bench is not None and systems and not in_background:
                # a benchmark paper: "we release ... an evaluation of existing algorithms,
                # among them BC, SAC and CQL" evaluates them on its benchmark
                for subject in benchmark_subjects(doc, systems, sent):
                    add(subject, "evaluatedOn", bench, sent, "benchmark")
        next_versions(doc, named_main, relations, self.name)
        tuned_variants(doc, own_system(doc), relations, self.name)
        bases = {(r[0], r[2]) for r in relations if r[1] == "basedOn" or r[1] == "comparedWith"
                 and r[5].endswith(":against")}  # "against baselines that include: A, B"
        doc.user_data["kg_relations"] = sorted(  # a base or a baseline is not also a part
            r for r in relations if r[1] != "usesComponent" or (r[0], r[2]) not in bases)
        return doc

    @staticmethod
    def _user(doc: Doc, sent: Span, before: Span | None, main: Span | None,
              cue_start: int, spans: list[Span]) -> Span | None:
        """Who uses a component: the name that governs the verb ("X which uses Y"), the
        paper's own system for "we use Y" or when the sentence names no other system, the
        sentence's subject for a second verb ("X is built on Y and uses Z")."""
        text = doc_text(doc)
        if (owner := _which_owner(text, spans, sent.start_char, cue_start)) is not None:
            return owner  # "beats X, which uses Y": X, even as a baseline
        if before is not None and _GOVERNS.match(text[before.end_char: cue_start]):
            return before
        if _WE.search(text[sent.start_char: cue_start]):
            return main
        if before is None and _OTHERS.match(text, sent.start_char, cue_start):
            return None  # "Previous singing models adopt a simple loss": not the paper's
        if main is not None and (before is None or before.text == main.text):
            return main
        if before is not None and _AND_VERB.search(text, before.end_char, cue_start):
            return next((s for s in spans if s.label_ in SYSTEM_TYPES and named(s)
                         and s.start_char <= before.start_char  # it may be the subject
                         and _SUBJECT_VERB.match(text, s.end_char)), None)
        return None

    def _sentence_rules(self, doc: Doc, sent: Span, spans: list[Span], main: Span | None,
                        add, held: int = ALL_WORDS) -> None:
        """The rules read in one sentence; ``held`` has the bit (``WORD_BIT``) of each
        rule's words (``sentence_words.RULE_WORD_LISTS[name]``) the sentence holds one of:
        one without them skips the rule."""
        text = doc_text(doc)
        systems = [s for s in spans if s.label_ in SYSTEM_TYPES]
        train = passive = False
        if systems:
            train = held & WORD_BIT["train"]
            passive = held & WORD_BIT["passive"]
        for i, span in enumerate(systems):
            # "we train A from B", "deriving A and C from B"
            if train and TRAIN_FROM.search(text[sent.start_char: span.start_char]):
                news = [span]
                while len(news) < len(systems) - i and _ALSO.fullmatch(
                        text, news[-1].end_char, systems[i + len(news)].start_char):
                    news.append(systems[i + len(news)])
                rest = _FROM.match(text, news[-1].end_char, sent.end_char)
                for obj in objects_after(doc, sent, news[-1].end_char + len(rest[0]),
                                          SYSTEM_TYPES, False) if rest else ():
                    for new in news:
                        add(new, "basedOn", obj, sent, "train-from")
            # "direct preference optimization (DPO) is employed to ..."
            if (passive and _PASSIVE_USE.match(text[span.end_char: sent.end_char])
                    and named(span)):
                add(main, "usesComponent", span, sent, "passive-use")
            nxt = systems[i + 1] if i + 1 < len(systems) else None
            if nxt is None:
                continue
            gap = text[span.end_char: nxt.start_char]
            # "PP-YOLOv2 with ResNet101 achieves ..."
            if (span.label_ == "Model" == nxt.label_ and _WITH_PART.match(gap)
                    and _PART_RESULT.match(text[nxt.end_char: sent.end_char])
                    and not re.search(r"compar\w*\s*$", text[sent.start_char:
                                                             span.start_char], re.I)):
                add(span, "usesComponent", nxt, sent, "with-part")
            # "VI-LayoutXLM, which is a visual-feature independent LayoutXLM architecture"
            # "Shape-ResNet, a ResNet-50 trained on Stylized-ImageNet"
            if (span.label_ == "Model" == nxt.label_ and _APPOSITIVE.match(gap)
                    and _KIND_AFTER.match(text[nxt.end_char: sent.end_char])
                    and not _COMPARED_BEFORE.search(
                        text, max(sent.start_char, span.start_char - 25), span.start_char)):
                add(span, "basedOn", nxt, sent, "appositive")
        # "replacing the encoder of SAM with X yields X-SAM", "continue pretraining A ...,
        # yielding B"
        for new, predicate, old in (derivations(text, systems)
                                    if len(systems) > 1 and held & WORD_BIT["derive"] else ()):
            add(new, predicate, old, sent, "derived")
        # "With a ResNet-50 backbone and 50 epochs, Deformable DETR reaches ..."
        if systems and (m := WITH_BACKBONE.match(text, sent.start_char, sent.end_char)):
            part = next((s for s in systems if s.start_char >= m.start("part")), None)
            comma = text.find(",", m.end(), sent.end_char)
            user = next((s for s in systems if comma >= 0 and s.start_char > comma), None)
            if part is not None and part.end_char <= m.end("part") and user is not None:
                add(user, "usesComponent", part, sent, "with-backbone")
        # "Equipped with a ResNet-101 backbone and a feature pyramid network (FPN), YOLACT
        # obtains ...": every system before the comma is a part of the first one after it
        if systems and (m := _EQUIPPED.match(text, sent.start_char, sent.end_char)):
            user = next((s for s in systems if s.start_char >= m.end()), None)
            for part in (s for s in systems if s.end_char < m.end()) if user else ():
                add(user, "usesComponent", part, sent, "equipped")
        # "..., a fully convolutional model with a VGG-16 backbone, is trained ..."
        for m in (WITH_BACKBONE_MID.finditer(text, sent.start_char + 1, sent.end_char)
                  if systems and held & WORD_BIT["backbone"] else ()):
            part = next((s for s in systems if s.start_char >= m.start("part")), None)
            if part is None or part.end_char > m.end("part") or as_modifier(text, part):
                continue
            user = _which_owner(text, systems, sent.start_char, m.start()) or (
                _nearest_subject(doc, spans, m.start(), {part.start}, sent.start_char))
            add(user or main, "usesComponent", part, sent, "with-backbone")
        # "X adopts Y as its base model": a base, not a part
        for i, span in enumerate(systems):
            if _AS_BASE.match(text, span.end_char) and _TAKES.search(
                    text, max(sent.start_char, span.start_char - 30), span.start_char):
                owner = next((s for s in reversed(systems[:i]) if named(s)), None) or main
                add(owner, "basedOn", span, sent, "as-base")
        # "extracted with DMTet", "its denoising network is a U-Net"
        for user, part, rule in part_relations(text, sent, systems, main) if systems else ():
            add(user, "usesComponent", part, sent, rule)
        # "We compare X with A and B", "we compare our proposed architecture with A"
        for subject, end in compared_pairs(text, sent, systems, main) if (
                held & WORD_BIT["compare"]) else ():
            for obj in objects_after(doc, sent, end, ("Model", "Software", "Method"), True):
                add(subject, "comparedWith", obj, sent, "compare")
        # "In order to further improve X, we propose Y"
        for m in _PURPOSE.finditer(sent.text) if held & WORD_BIT["purpose"] else ():
            start = sent.start_char + m.start()
            we = WE_PROPOSE.search(text, start, sent.end_char)
            if we is None or not _PURPOSE_VERB.search(text, start, we.start()):
                continue
            olds = [s for s in systems if start < s.start_char and s.end_char <= we.start()
                    and s.label_ == "Model"]
            news = [s for s in systems if s.start_char >= we.end() and s.label_ == "Model"]
            new = news[0] if news else main
            if olds and new is not None:
                add(new, "basedOn", olds[0], sent, "purpose")

    def _distilled(self, doc: Doc, sent: Span, spans: list[Span], main: Span | None,
                   add) -> None:
        """"we train X and distill it into smaller models (A, B and C)", "we fine-tune X
        into Y": A, B, C and Y basedOn X."""
        text = doc_text(doc)
        m = _DISTILL_INTO.search(text, sent.start_char, sent.end_char)
        if m is None:
            return
        models = [s for s in spans if s.label_ == "Model" and named(s)]
        teacher = next((s for s in reversed(models) if s.end_char <= m.start()), None)
        if m["x"]:
            teacher = next((s for s in models if m.start("x") <= s.start_char < m.end("x")),
                           teacher)
        teacher = teacher or main
        if teacher is None:  # "we distill X into Y" where X was not recognised as a model
            return
        gap_ok = re.compile(r"^[^.;]{0,60}?$")
        students = [s for s in models if s.start_char >= m.end()
                    and gap_ok.match(text[m.end(): s.start_char])]
        for student in students:
            add(student, "basedOn", teacher, sent, "distilled-into")

@Language.factory("kg_lineage", requires=["doc.spans"])
def make_lineage_finder(nlp: Language, name: str) -> LineageFinder:
    return LineageFinder(nlp, name)
