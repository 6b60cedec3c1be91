"""``kg_results``: numbers an abstract reports for a model under a metric, on a dataset
when the sentence names one ("PP-LiteSeg achieves 72.0% mIoU on Cityscapes").

For each number in a sentence that has a Metric: the metric is the one written next to it
("72.0% mIoU", "mAP of 45.9", "an inference time of 13.4 ms"), the model the nearest one
named before it (or, with "respectively", the n-th of as many models as numbers), else the
paper's own system; the dataset is the one the sentence names, if any. Relative gains
("+9.63 points", "by 55%", "a 4.8% improvement") and sizes ("0.99M parameters") are not
results. Results go to ``doc.user_data["kg_results"]`` as
``(model, dataset, metric, value, unit, start, end, rule)``; a result on a dataset also adds
``evaluatedOn`` (model, dataset) to ``doc.user_data["kg_relations"]`` where ``kg_lineage``
did not state it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.baselines import (
    ALONE_AFTER_NAME,
    BRACKET_CLOSES,
    COMPARED_NUMBERS,
    GIVES_NUMBER,
    IN_BRACKETS,
    LABELLED,
    baseline_of,
    compared_with,
    fronted_baseline,
    slash_baseline,
)
from kg.extract.context import (
    OWN_REFERENCE,
    REFERS_BACK,
    doc_lower,
    doc_text,
    main_subject,
    named,
    nearest_before,
    sentence_entities,
    sentences,
    title_dataset,
    title_system,
)
from kg.extract.evaluation import own_benchmark
from kg.extract.number_context import (
    dataset_for,
    is_setting,
    metric_after,
    metric_for,
    score_of,
)
from kg.extract.numbers import (
    BASELINE_AFTER,
    BASELINE_BEFORE,
    BEFORE_LOWER,
    BOUND_BEFORE,
    COUNT_AFTER,
    DIMENSION,
    DIMENSION_BEFORE,
    ENUMERATOR,
    IN_NAME,
    LOSS_OF,
    NUMBER,
    OF_METRIC,
    RANK_BEFORE,
    RELATIVE_AFTER,
    RELATIVE_BEFORE,
)
from kg.extract.own import proposed
from kg.extract.prose_tables import table_results
from kg.extract.reporters import (
    IT_AGAIN,
    WE_OUR,
    applied_to,
    contrasted,
    paired,
    sentence_reporters,
    subject_again,
)
from kg.extract.respectively import distinct, respective_datasets, respective_metrics
from kg.extract.slash_lists import (
    model_free_value_lists,
    slash_chain,
    slash_chain_after,
    slash_variants,
    values_of,
)
from kg.extract.versus import versus_results
from kg.normalize import name_key

MODEL_TYPES = ("Model", "Method")
_TAKEN_TYPES = ("Model", "Method", "Software", "Dataset", "Metric", "Hardware")


class ResultFinder:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        main = main_subject(doc) or title_system(doc) or proposed(doc)
        # a benchmark paper's numbers are on its benchmark
        benchmark = title_dataset(doc) or (own_benchmark(doc) if main is None else None)
        found: list[tuple] = []
        last_subject = main
        last_dataset: dict[str, str] = {}  # metric -> dataset of its last result
        evaluated: list[tuple[str, str, Span]] = []  # (model, dataset, sentence)
        compared: list[tuple[str, str, Span]] = []  # (model, baseline, sentence)
        previous_datasets: list[str] = []  # the datasets the last sentence naming any named
        evaluated_just_before: str | None = None  # the dataset the sentence before evaluates on
        variants: list[str] = []  # the last slash list of variants ("A-s/m/l")
        last_slash: tuple[str, ...] = ()  # the measures of the last slash list of values
        for sent in sentences(doc):
            inside = sentence_entities(doc, sent)
            models = [s for s in inside if s.label_ in MODEL_TYPES]
            software = [s for s in inside if s.label_ == "Software"]  # "0.431 for XGBoost"
            reporters = sentence_reporters(doc, models, sent, main)
            before = last_subject  # the model of the sentences before: a fallback
            if (back := REFERS_BACK.match(sent.text)) and last_subject is not None:
                # "It reaches 123 FPS": the model named before, first of the reporters;
                # "Notably, our system achieves ...": the paper's own
                subject = (main if main is not None and OWN_REFERENCE.search(back[0])
                           else last_subject)
                reporters = [subject, *(r for r in reporters if r.text != subject.text)]
            elif reporters:
                last_subject = reporters[0]
            metrics = [s for s in inside if s.label_ == "Metric"]
            datasets = [s for s in inside if s.label_ == "Dataset"]
            slash = doc_text(doc).find("/", sent.start_char, sent.end_char) >= 0
            variants = slash and slash_variants(sent.text) or variants
            lists = model_free_value_lists(doc_text(doc), sent, models) if slash else []
            if lists:
                # the paper's model: the reporter nearest before the first list
                own_model = next((r for r in reversed(reporters)
                                  if r.end_char <= lists[0].start()), None) or (
                    reporters[0] if reporters else before)
                slashed, last_slash = _slash_list_results(
                    doc, lists, metrics, datasets, variants, models, own_model, last_slash,
                    last_dataset, None if datasets else evaluated_just_before)
                found += [(*r, f"{self.name}:slash-list") for r in slashed]
                compared += [(own_model.text, r[0], sent) for r in slashed
                             if own_model is not None and r[0] != own_model.text
                             and r[0] not in variants]  # "against 2.40/0.146 for X"
                evaluated += [(r[0], r[1], sent) for r in slashed if r[1]]
            evaluated_just_before = (  # for the slash lists of the next sentence
                distinct(datasets)[0] if datasets and _EVALUATES_ON.search(sent.text) else None)
            if not metrics and not datasets and not _score_or_from_to(sent.text):
                continue
            if not metrics and datasets:
                previous_datasets = distinct(datasets)
            first = len(found)
            table = table_results(doc_text(doc), sent, models, datasets, metrics,
                                  reporters[0] if reporters else before)
            found += [(*r, f"{self.name}:table") for r in table]
            numbers = _numbers(doc, sent, inside, metrics, datasets,
                               [m.span(1) for m in lists] + [r[5:7] for r in table])
            numbers = respective_metrics(doc_text(doc), sent, numbers, metrics)
            respective = respective_datasets(sent, numbers, datasets, previous_datasets)
            previous_datasets = distinct(datasets) or previous_datasets
            own: list[tuple] = []  # this sentence's results so far, not given to a baseline
            baselines = [baseline_of(doc, models, n[0], software) for n in numbers]
            for i in range(1, len(numbers)):  # "where ULMFiT obtains 0.83 and 0.79": both
                if (baselines[i] is None and baselines[i - 1] is not None
                        and baselines[i - 1].end_char < numbers[i - 1][0].start()
                        and numbers[i][1:] == numbers[i - 1][1:] == (None, None)
                        and _LIST_NEXT.fullmatch(doc_text(doc), numbers[i - 1][0].end(),
                                                 numbers[i][0].start())):
                    baselines[i] = baselines[i - 1]
            against = {name_key(b.text) for b in baselines if b is not None}
            for (m, metric, on), baseline in zip(numbers, baselines, strict=True):
                if baseline is not None and main is not None and baseline.start_char > m.end(
                        ) and applied_to(doc_text(doc), baseline, sent, main, models):
                    baseline = None  # "AdaRound reaches 68.71% for Resnet18": AdaRound's
                model = baseline or paired(reporters, numbers, m)
                if model is None and reporters and (" it" in sent.text or " they" in sent.text) \
                        and (it := IT_AGAIN.search(doc_text(doc), sent.start_char, m.start())):
                    # "..., and it obtains 62.7 mIoU": the sentence's subject again (the
                    # paper's own where the names before it are baselines)
                    model = subject_again(doc_text(doc), reporters, it.start()) or main
                model = model or next((s for s in reversed(reporters)
                                       if s.end_char <= m.start()), None) or (
                    main if main is not None and WE_OUR.search(
                        doc_text(doc), sent.start_char, m.start()) else _not_against(
                        before, main, against))
                if model is None and metric is not None:
                    # "the indicator reaches 0.64 ..., against 0.60 for X": no model's, but
                    # what X's number answers
                    ds = dataset_for(doc, datasets, metric, m.start(), m.end())
                    own.append((None, ds.text if ds else None, metric.text, float(m["value"]),
                                m["unit"] or None))
                if model is None or (baseline is None and _not_a_models(doc_text(doc), sent,
                                                                      model, m.start())):
                    continue
                if baseline is not None and own and own[-1][0] not in (None, baseline.text):
                    # "0.649, ahead of PatchTST (0.684)": the paper's model was compared
                    compared.append((own[-1][0], baseline.text, sent))
                if metric is None and on is None:
                    if baseline is not None and (like := compared_with(numbers, own, m)):
                        if (on_own := next((d for d in datasets if _BASELINE_ON.fullmatch(
                                doc_text(doc), baseline.end_char, d.start_char)), None)):
                            like = (like[0], on_own.text, *like[2:])  # "for X alone on D"
                        found.append((model.text, like[1], like[2], float(m["value"]),
                                      m["unit"] or None, m.start("value"), m.end("value"),
                                      f"{self.name}:compared"))
                        if like[0] is not None:
                            compared.append((like[0], model.text, sent))
                    continue
                if metric is None:  # "69% on MMLU"; "an accuracy of 86.8% on A, ... over
                    # the state of the art, DGI with 82.3% on A": the sentence's one measure
                    sole = {r[2] for r in own if r[4] == (m["unit"] or None)}
                    found.append((model.text, respective.get(id(m), on.text),
                                  sole.pop() if len(sole) == 1 and len(
                                      {s.text for s in metrics}) == 1 else None,
                                  float(m["value"]),
                                  m["unit"] or None, m.start("value"), m.end("value"),
                                  f"{self.name}:on-dataset"))
                    if baseline is None:
                        own.append(found[-1])
                    continue
                dataset = dataset_for(doc, datasets, metric, m.start(), m.end())
                if id(m) in respective:
                    dataset_name = respective[id(m)]
                elif dataset is None and metric.text in last_dataset:
                    dataset_name = last_dataset[metric.text]
                elif dataset is None and previous_datasets and _ON_SPLIT.match(
                        doc_text(doc), m.end(), sent.end_char):
                    dataset_name = previous_datasets[0]  # "3.5 WER on test-other"
                else:
                    dataset_name = dataset.text if dataset else None
                dataset_name = dataset_name or (benchmark.text if benchmark else None)
                if dataset_name:
                    last_dataset[metric.text] = dataset_name
                unit = m["unit"] if m["unit"] not in (None, "") else None
                found.append((model.text, dataset_name, metric.text, float(m["value"]), unit,
                              m.start("value"), m.end("value"), f"{self.name}:sentence"))
                if baseline is None:
                    own.append(found[-1])
                if f := _IMPROVED_FROM.search(doc_text(doc), max(sent.start_char,
                                                                  m.start() - 130), m.start()):
                    # "X is improved from 75.2% to 79%": 75.2 is X's too, before the change;
                    # "Compared with Y, X raises it from 14.6 to 17.9": 14.6 is Y's
                    base = fronted_baseline(doc_text(doc), sent, models, model) or next(
                        (s for s in models if f.start() < s.start_char < f.start("a")
                         and s.text != model.text and named(s)), None)  # "obtained with Y"
                    found.append(((base or model).text, dataset_name, metric.text,
                                  float(f["a"]), unit, f.start("a"), f.end("a"),
                                  f"{self.name}:improved-from"))
                    if base is not None:
                        compared.append((model.text, base.text, sent))
            if len(names := distinct(datasets)) == 1:
                # "On ImageNet, X reaches over 80% top-1 accuracy": no result (a bound), but
                # a later "Y reaches 76.5% top-1 accuracy" is on ImageNet too
                for metric in metrics:
                    last_dataset.setdefault(metric.text, names[0])
            reported = {r[5] for r in found[first:]}
            found += [(*r, f"{self.name}:versus") for r in versus_results(
                doc_text(doc), sent, models, datasets, metrics,
                reporters[0] if reporters else before) if r[5] not in reported]
            evaluated += [(r[0], r[1], sent) for r in found[first:] if r[1]]
            compared += [(a, b, sent) for a, b in contrasted(doc_text(doc), found[first:],
                                                              main)]
        doc.user_data["kg_results"] = found
        self._relations(doc, "evaluatedOn", evaluated, "evaluated")
        self._relations(doc, "comparedWith", compared, "compared")
        return doc

    def _relations(self, doc: Doc, predicate: str, pairs: list[tuple[str, str, Span]],
                   rule: str) -> None:
        """What results state besides themselves, where the lineage finder has not: a
        result on a dataset says its model was evaluated there (``evaluatedOn``); a
        baseline's number given beside the paper's says the two were compared
        (``comparedWith``)."""
        relations = doc.user_data.setdefault("kg_relations", [])
        stated = {(name_key(s), name_key(o)) for s, p, o, *_ in relations if p == predicate}
        for subject, obj, sent in pairs:
            if (name_key(subject), name_key(obj)) in stated or name_key(subject) == name_key(
                    obj):
                continue
            stated.add((name_key(subject), name_key(obj)))
            relations.append((subject, predicate, obj, sent.start_char, sent.end_char,
                              f"{self.name}:{rule}"))


# A baseline's own dataset after its name: "against 7.96% for AHC alone on CALLHOME".
_BASELINE_ON = re.compile(r"\s+(?:alone\s+|only\s+)?(?:on|in)\s+(?:the\s+)?")
def _not_against(before: Span | None, main: Span | None, against: set[str]) -> Span | None:
    """The model of the sentences before, for a number the sentence names no model for,
    unless the sentence sets it against that very model's number (``against``: the name keys
    of the sentence's baselines; "On A the indicator reaches 0.64, against 0.60 for X": not
    X's): then the paper's own, if not X."""
    if before is None or name_key(before.text) not in against:
        return before
    return main if main is not None and name_key(main.text) not in against else None


def _numbers(doc: Doc, sent: Span, inside: list[Span], metrics: list[Span],
             datasets: list[Span], slashed: list[tuple[int, int]]
             ) -> list[tuple[re.Match, Span | None, Span | None]]:
    """The numbers of ``sent`` that report a result: (number, its metric, None), or
    (number, None, dataset) for a number with no metric right before "on" a dataset
    ("69% on MMLU", "75% and 78% on MMLU"). Numbers inside ``slashed`` (the sentence's
    slash lists of values, read on their own) are left out."""
    text = doc_text(doc)
    low = doc_lower(doc)  # the case-blind patterns before a number run faster on it
    scan, relative, of_metric, baseline, loss = (
        (text, RELATIVE_BEFORE, OF_METRIC, BASELINE_BEFORE, LOSS_OF) if low is None
        else (low, *BEFORE_LOWER))
    taken = [(s.start_char, s.end_char) for s in inside if s.label_ in _TAKEN_TYPES]
    models = [s for s in inside if s.label_ in MODEL_TYPES]
    numbers: list[tuple[re.Match, Span | None, Span | None]] = []
    skipped = -1  # the end of the last number left out as relative or a baseline's
    for m in NUMBER.finditer(text, sent.start_char, sent.end_char):
        start, end = m.start("value"), m.end("value")
        if any(a <= start < b for a, b in taken) or m["sign"] or any(
                a <= start < b for a, b in slashed):
            continue
        if m["unit"] in ("x", "×", "K", "M", "B", "T", "point", "points", "pts"):
            continue
        if not m["unit"] and text[end: end + 1].isalpha() or BOUND_BEFORE.search(
                text, max(0, start - 3), start) or IN_NAME.match(text, start - 2, end + 1):
            continue  # "1080p", "3D": part of a word; "≥ 30 fps": a bound; "SE(3)": a name
        before = text[sent.start_char:start]
        after = text[m.end():sent.end_char]
        low_before = scan[sent.start_char:start]  # ``before``, lower-cased where it can be
        if (relative.search(low_before) and not of_metric.search(low_before)
                or baseline.search(low_before) and not _FOR_NAMED.match(text, m.end())
                or loss.search(low_before) or skipped >= 0 and _LISTED_ON.fullmatch(
                    text, skipped, start)):
            skipped = m.end()
            continue  # "by 4.1%", "up from 89.4%", "an accuracy loss of 1%" (and the
            # numbers listed after it: "by 3.1% on A and 2.5% on B"); not "down from 0.115
            # for Monodepth2", the named baseline's
        if ENUMERATOR.match(text, start - 1) or is_setting(text, start):
            continue  # "(2) scaling the model size": an item's number; "noise level 25"
        if DIMENSION.match(text, m.end("value")) or DIMENSION_BEFORE.search(
                text, max(0, start - 8), start):
            continue  # "768 * 1360 pixels": a size
        if RELATIVE_AFTER.match(after) or COUNT_AFTER.match(after) or BASELINE_AFTER.match(
                after) or re.match(
                r"^(?:1[89]|20)\d\d$", m["value"]):
            continue
        if _FROM_BEFORE.search(before[-8:]) and _TO_NUMBER.match(after):
            continue  # "from 70.72 to 79.27": the unnamed baseline's number
        if numbers and (COMPARED_NUMBERS.search(before[-80:]) or (
                LABELLED.search(before[-40:]) or ALONE_AFTER_NAME.search(before[-60:])
                and BRACKET_CLOSES.match(text, m.end()))
                and not metric_for(doc, metrics, start, end)) and not \
                metric_for(doc, metrics, start, end, after_only=True):
            numbers.append((m, None, None))  # the metric of the number it is compared with
            continue
        if RANK_BEFORE.search(text, max(0, start - 12), start):
            continue  # "ranking No. 1 on MTEB": a rank, not a score
        metric = (metric_for(doc, metrics, start, end)
                  or score_of(doc, before, start)
                  or metric_after(doc, metrics, end))
        praised = metric is not None and _PRAISED_SCORE.fullmatch(metric.text)
        if praised:  # "a record-high score of 69.32 ... on MTEB": no measure is named
            metric = None
        # the named model a metric-less number is given to ("with 87.5", "where X reaches")
        given = baseline_of(doc, models, m) if metric is None and numbers else None
        if (given is not None or metric is None and numbers and numbers[-1][1] is None
                and _LIST_NEXT.fullmatch(text, numbers[-1][0].end(), m.start())) and len(
                {n[1].text for n in numbers if n[1]}) > 1:  # "an accuracy of 0.86 and an F1 of
            numbers.append((m, None, None))  # 0.84, where ULMFiT obtains 0.83 and 0.79": each
            continue  # answers one of ours, in turn
        if metric is None and REACHES.search(before):
            metric = nearest_before(metrics, start, ("Metric",))
        if metric is None and numbers and numbers[-1][1] is not None:
            metric = _listed_after(text, numbers[-1][:2], m)
        if metric is None and len(metrics) == 1 and metrics[0].end_char <= start and \
                IN_BRACKETS.search(text, sent.start_char, start) and \
                BRACKET_CLOSES.match(text, m.end()):
            metric = metrics[0]  # "top-1 accuracy ..., outperforming DeiT training (81.8%)"
        if metric is None and _FROM_NUMBER.search(before[-30:]):
            numbers.append((m, None, NO_DATASET))  # "form understanding (from 70.72 to 79.27)"
        elif metric is not None:
            numbers.append((m, metric, None))
        elif on := next((ds for ds in datasets if ds.start_char >= m.end()
                         and _BARE_ON.fullmatch(text, m.end(), ds.start_char)), None):
            numbers.append((m, None, on))
        elif praised and datasets:
            numbers.append((m, None, min(datasets, key=lambda d: abs(d.start_char - start))))
        elif _AVERAGING.search(before) and len({d.text for d in datasets}) == 1:
            numbers.append((m, None, datasets[0]))  # "(on LongBench) ..., averaging 44.7"
        elif given is not None:
            numbers.append((m, None, None))  # "88.4, ahead of XLM-RoBERTa large with 87.5":
            # a baseline's number, in the measure of the one it answers
    return numbers


# People, not a model: "human listeners reach 81.3%", "the human performance of 78.2%".
_PEOPLE = re.compile(r"\b(?:[Hh]umans|[Hh]uman\s+(?:listeners|annotators|experts|players|"
                     r"subjects|performance|baseline)(?!-)|(?:[Ee]xpert|[Cc]rowd|[Ll]ay)\s+"
                     r"(?:annotators|workers))\b")


# A clause of its own with a subject that names no model: "while raw features reach 0.659".
_OTHER_SUBJECT = re.compile(r"\b(?:while|whereas|but)\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)"
                            r"{0,2}?\s+(?:reach|obtain|get|score|achieve|stay|remain)(?:e?s)?"
                            r"\s+(?:at\s+|only\s+)?$")


def _not_a_models(text: str, sent: Span, model: Span, at: int) -> bool:
    """Whether the number at ``at`` is people's (they are named after the model, or the
    model is from an earlier sentence, and before the number), or the subject of a clause
    of its own that names no model."""
    floor = model.end_char if sent.start_char <= model.start_char < at else sent.start_char
    return _PEOPLE.search(text, floor, at) is not None or _OTHER_SUBJECT.search(
        text, max(floor, at - 60), at) is not None


# From a number left out to the next one in its list: "by 3.1% on A, 2.5% on B and 1.2% on C".
_LISTED_ON = re.compile(r"\s*%?\s*(?:(?:on|in|for)\s+(?:the\s+)?[^,;()\d]{1,40}?\s*)?"
                        r"(?:,\s*(?:and\s+)?|\s+and\s+)")
_AVERAGING = re.compile(r"\b(?:averag(?:es|ing|ed)|scor(?:es|ing|ed))\s+(?:an?\s+)?$", re.I)
# A score that only praises: "a record-high score", "the highest score", "a new best score".
_PRAISED_SCORE = re.compile(r"(?:record(?:-high)?|highest|best|top|new|strong|high|leading|"
                            r"state-of-the-art)[\s-]+score", re.I)




# "(from 70.72 to 79.27)": the second number is the paper's result, with no metric named.
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
_FROM_NUMBER = re.compile(r"\bfrom\s+\d[\d.]*\s*%?\s+to\s*$", re.I)
_TO_NUMBER = re.compile(r"\s*to\s+\d")
# The number a model had before an improvement the sentence reports for it.
_IMPROVED_FROM = re.compile(r"\b(?:improv|increas|boost|rais|lift)\w*\b(?:[^.;]|\.\d){0,80}?"
                            r"(?:\bfrom|\band)\s+(?P<a>\d+(?:\.\d+)?)\s*%?\s+to\s*$", re.I)
_FROM_TO_ANY = re.compile(r"\bfrom\s+\d[\d.]*\s*%?\s+to\s+\d", re.I)


class _NoDataset:
    """A result's place where it names no dataset: its ``text`` is None."""

    text = None


NO_DATASET = _NoDataset()


# From a number with no metric to the dataset it is reported on: "69% on MMLU", "75% and
# 78% on MMLU".
_BARE_ON = re.compile(r"(?:\s*(?:,|and|,\s*and)\s*\d+(?:\.\d+)?\s*%?)*\s*on\s+(?:the\s+)?")


# Between two numbers of one list under one metric: "88.55% on ImageNet, 94.55% on
# CIFAR-100", "on CIFAR-100 (91.7%), Flowers (98.8%)".
_LIST_NEXT = re.compile(r"\s*(?:(?:on|in|for)\s+(?:the\s+)?[^,;()]{1,50}?\s*"
                        r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:of\s+)?|"  # "... on A and of 0.47"
                        r"\)\s*,?\s*(?:and\s+)?[^,;()]{1,50}?\s*\(\s*|"
                        r",\s*(?:and\s+)?|and\s+)")  # or bare: "reach 3.77 and 4.32"


def _listed_after(text: str, previous: tuple[re.Match, Span], m: re.Match) -> Span | None:
    """The metric of the number before, for a number listed after it with the same unit."""
    before, metric = previous
    if before["unit"] == m["unit"] and _LIST_NEXT.fullmatch(text, before.end(), m.start()) \
            and not _TO_NUMBER.match(text, m.end()):  # "75.2% to 79% and 79.1% to 83%"
        return metric
    return None


REACHES = re.compile(r"\b(?:to|reach(?:es|ing)?|achiev(?:es|ing)?|obtain(?:s|ing)?|"
                     r"attain(?:s|ing)?|gets|getting|scor(?:es|ing)|yield(?:s|ing)?|"
                     r"record(?:s|ing)?|resolv(?:es|ing)|solv(?:es|ing)|deliver(?:s|ing)?|"
                     r"(?:stays?|remains?|stalls?|sits?|lags?|peaks?|is|stands?) at|"
                     r"(?:falls?|drops?|"
                     r"degrades?|rises?) to)\s*$", re.I)


# A sentence that says where the evaluation is: "We evaluate it on the X corpus".
_EVALUATES_ON = re.compile(r"\b(?:[Ww]e\s+(?:\w+\s+)?(?:evaluate|test|benchmark)|[Ee]xperiments|"
                           r"[Ee]valuat(?:ed|ions?))\b[^.;]*?\bon\b")
_FOR_OTHER = re.compile(r"\s*for\s+(?:the\s+)?[a-z]")  # given for something unnamed
# A model and the verb that gives it the list after: "whereas REA reaches 93.9% / 71.8%".
_REACHES = re.compile(rf"\s+{GIVES_NUMBER}")


def _slash_list_results(doc: Doc, lists: list[re.Match], metrics: list[Span],
                        datasets: list[Span], variants: list[str], models: list[Span],
                        model: Span | None, carried: tuple[str, ...],
                        last_dataset: dict[str, str], evaluated: str | None = None
                        ) -> tuple[list[tuple], tuple[str, ...]]:
    """Results of slash lists of values (``kg.extract.slash_lists``), and the measures of
    the last list. "A-s/m/l reach 69.8/55.1/48.3 FPS" gives the n-th variant the n-th value;
    any other list is ``model``'s, or the baseline's it is given for ("2.40/0.146 for X").
    Measures in a slash list before the values pair with them in turn ("an FID/LPIPS of
    2.21/0.135"). A list with no measure of its own takes the last list's (``carried``):
    "a WER of 2.1%/4.3% ... and 1.9%/3.9% with a language model"."""
    text = doc_text(doc)
    found: list[tuple] = []
    chained: list[str] = []  # the datasets the last list was paired with
    for m in lists:
        values = values_of(m)
        owner = slash_baseline(text, models, m.end()) or next(
            (s for s in models if 0 < m.start(1) - s.end_char <= 40 and named(s)
             and _REACHES.fullmatch(text, s.end_char, m.start(1))), None) or model
        if owner is model and _FOR_OTHER.match(text, m.end()):
            continue  # "1.97 / 3.35 for the unprocessed signal": no model's
        names = variants if len(variants) == len(values) and owner is model else (
            [owner.text] * len(values) if owner is not None else [])
        written = _measures_before(text, metrics, m.start(1))
        paired = written if len(written) > 1 else []
        metric = None if paired else (
            written[0] if written else
            metric_for(doc, metrics, m.start(1), m.end(1), after_only=True)
            or metric_after(doc, metrics, m.end(1))
            or _measure_of_chain(text, metrics, datasets, m.start(1)))
        if paired and len(paired) == len(values):
            measures = tuple(p.text for p in paired)
            first = paired[0]
        elif metric is not None:
            measures, first = (metric.text,) * len(values), metric
        elif carried and len(carried) in (1, len(values)):
            measures = carried * len(values) if len(carried) == 1 else carried
            first = None
        else:
            continue
        if not names:
            continue
        dataset = next((d for d in datasets if _LIST_ON.fullmatch(text, m.end(), d.start_char)),
                       None) or (dataset_for(doc, datasets, first, m.start(1), m.end(1))
                                 if first else None)  # "50.73 / 17.59 on Diginetica"
        dataset_name = dataset.text if dataset else last_dataset.get(measures[0]) or evaluated
        if dataset_name:
            last_dataset.update(dict.fromkeys(measures, dataset_name))
        # "on A / B / C is x / y / z", "x / y / z on A / B / C", then "vs. ... for Y"
        on = [d.text for d in slash_chain(text, datasets, m.start(1), len(values))
              or slash_chain_after(text, datasets, m.end(1), len(values))] if len(
            set(measures)) == 1 else []
        on = on or (chained if len(chained) == len(values) else [dataset_name] * len(values))
        chained = on if len(set(on)) > 1 else chained
        unit = "%" if "%" in m[1] else m["unit"]
        found += [(name, ds, measure, value, unit, start, end) for name, ds, measure, (
            value, start, end) in zip(names, on, measures, values, strict=True)]
        carried = measures if len(set(measures)) > 1 else measures[:1]
    return found, carried


def _measure_of_chain(text: str, metrics: list[Span], datasets: list[Span],
                      start: int) -> Span | None:
    """The measure of a slash list of values given for a slash list of datasets before it:
    "Recall@20 on Gowalla / Yelp2018 is 0.18 / 0.06"; None unless such a list of datasets
    lies between them and no number."""
    last = next((s for s in reversed(metrics) if s.end_char <= start), None)
    if last is None:
        return None
    gap = text[last.end_char: start]
    for d in datasets:
        if last.end_char <= d.start_char and d.end_char <= start:
            gap = gap.replace(d.text, "")
    return last if "/" in gap and not re.search(r"\d", gap) and len(gap) < 80 else None


def _measures_before(text: str, metrics: list[Span], start: int) -> list[Span]:
    """The measure written right before a slash list of values ("a WER of 2.1%/4.3%"), or
    the measures of a slash list there ("an FID/LPIPS of 2.21/0.135"); [] for none."""
    last = next((s for s in reversed(metrics) if s.end_char <= start
                 and _OF_GAP.fullmatch(text, s.end_char, start)), None)
    if last is None:
        return []
    listed = [last]
    for s in reversed([s for s in metrics if s.end_char <= last.start_char]):
        if text[s.end_char: listed[0].start_char].strip() != "/":  # "EM / F1"
            break
        listed.insert(0, s)
    return listed


_FOR_NAMED = re.compile(r"\s*for\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?[A-Z][\w.-]*[A-Z0-9]")
_LIST_ON = re.compile(r"\s+on\s+(?:the\s+)?")
_OF_GAP = re.compile(r"\.?\s*(?:of|:|=|at|are|is|were|was)?\s*")  # "acc.: 92.9 / 85.2",
# "Its P@20 / MRR@20 are 70.57 / 30.94"


_SCORE_OF_ANY = re.compile(r"\bscore\s+of\s+\d", re.I)


def _score_or_from_to(text: str) -> bool:
    """Whether a sentence with no metric or dataset may still report a number: "a score
    of 81", "from 70.7 to 79.3" (a substring test first: the case-blind regexes are slow)."""
    return ("core" in text or "CORE" in text) and _SCORE_OF_ANY.search(text) is not None or (
        ("rom" in text or "ROM" in text) and _FROM_TO_ANY.search(text) is not None)


# A number given on a split of the benchmark named before: "reaching 3.5 WER on test-other".
_ON_SPLIT = re.compile(r"(?:[^,;.]|\.\d){0,30}?\bon\s+(?:the\s+)?"
                       r"(?:test|dev|val|validation|eval|evaluation|held-out)"
                       r"(?:[-\s](?:clean|other|std|dev|set|split))?\b", re.I)


@Language.factory("kg_results", requires=["doc.spans"])
def make_result_finder(nlp: Language, name: str) -> ResultFinder:
    return ResultFinder(nlp, name)
