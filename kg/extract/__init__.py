"""Extraction: spaCy components that find models, datasets, metrics, organisations,
repositories and more in each paper's title and abstract, with lineage and results.

``build_pipeline()`` starts from ``spacy.blank("en")`` and adds the components by name;
``extract_papers()`` runs it and turns the annotations into plain records. The spaCy Doc
never leaves this package.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KgError

# Importing the component modules registers their factories with spaCy.
from kg.extract import (  # noqa: F401
    abbrevs,
    entities,
    lexicon_matcher,
    lineage,
    names,
    repos,
    results,
    sentences,
    tokenizer,
)
from kg.extract.context import PLAIN_ONLY_KEY, doc_text, plain_spans
from kg.extract.lexicon import singular_metric
from kg.extract.repos import organization_alias
from kg.extract.slash_lists import SLASH_MODELS, alike
from kg.normalize import name_key
from kg.records import Extraction, Mention, Paper, Relation, Result

DEFAULT_COMPONENTS: tuple[str, ...] = ("kg_repos", "kg_lexicon", "kg_abbrevs", "kg_names",
                                       "kg_entities", "kg_lineage", "kg_results")
OUTPUT_SPANS = ("kg_repos", "kg_entities")
#: Finders whose spans only ``kg_entities`` reads: with it in the pipeline they keep them as
#: plain tuples and make no span group (spaCy ``Span`` objects cost more than finding them).
INTERNAL_SPANS = ("kg_lexicon", "kg_names")
SEPARATOR = "\n\n"


def build_pipeline(components: Sequence[str] = DEFAULT_COMPONENTS) -> Language:
    """A blank English pipeline (with kg's tokenizer, see ``kg.extract.tokenizer``), sentence
    boundaries (``kg_sentences``) and the named kg components. With ``kg_entities`` among
    them, ``INTERNAL_SPANS`` leave no ``doc.spans`` group of their own."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg.Tokenizer.v1"}}})
    nlp.add_pipe("kg_sentences")
    known = sorted(n for n in Language.factories if n.startswith("kg_"))
    for name in components:
        if name not in Language.factories:
            raise KgError(f"unknown extractor {name!r} (known: {', '.join(known)})")
        internal = name in INTERNAL_SPANS and "kg_entities" in components
        nlp.add_pipe(name, config={"spans": False} if internal else {})
    return nlp


def paper_text(paper: Paper) -> str:
    """The text the extractors read: title, a blank line, abstract."""
    return f"{paper.title}{SEPARATOR}{paper.abstract}" if paper.title else paper.abstract


def to_field(paper: Paper, start: int, end: int) -> tuple[str, int, int]:
    """Offsets in ``paper_text(paper)`` as (field, start, end) in the title or abstract (a
    sentence of the title ends with the title, not with the blank line after it)."""
    if paper.title:
        if start < len(paper.title) and end <= len(paper.title) + len(SEPARATOR):
            return "title", start, min(end, len(paper.title))
        shift = len(paper.title) + len(SEPARATOR)
        return "abstract", start - shift, end - shift
    return "abstract", start, end


def doc_extraction(paper: Paper, doc: Doc) -> Extraction:
    """Plain records from an annotated Doc."""
    text = doc_text(doc)
    mentions = set()  # the fields of each Mention, in order: deduplicated and sorted as tuples
    aliases = doc.user_data.get("kg_aliases", {})
    slashed = False  # a model name right before a "/": "A-Tiny/Small"
    for key in OUTPUT_SPANS:
        for _, _, start_char, end_char, label, span_id in plain_spans(doc, key):
            surface = text[start_char:end_char]
            if key == "kg_repos":
                name, _, sub = span_id.partition("#")
                rule = key
                alias = organization_alias(name) if label == "Organization" else None
            else:
                name, sub, rule = clean_name(surface), "", span_id
                if label == "Metric":
                    name = singular_metric(name)  # "H-means": the measure H-mean
                slashed = slashed or label == "Model" and (
                    text[end_char: end_char + 1] == "/" or "/" in surface)
                alias = aliases.get(name_key(name))
            field, start, end = to_field(paper, start_char, end_char)
            mentions.add((field, start, end, label, name or surface, rule,
                          (clean_name(alias),) if alias else (),
                          (("subPath", sub),) if sub else ()))
    if slashed:
        more, whole = _slash_variant_mentions(paper, text, mentions)
        mentions = (mentions - whole) | more
    one = _one_name(mentions, aliases)
    relations = set()
    for subject, predicate, obj, start, end, rule in doc.user_data.get("kg_relations", []):
        field, start, end = to_field(paper, start, end)
        relations.add((one(clean_name(subject)), predicate, one(clean_name(obj)), field, start,
                       end, rule))
    found = set()
    for model, dataset, metric, value, unit, start, end, rule in doc.user_data.get(
            "kg_results", []):
        field, start, end = to_field(paper, start, end)
        found.add((one(clean_name(model)), one(clean_name(dataset)) if dataset else None,
                   singular_metric(clean_name(metric)) if metric else None, value, unit,
                   field, start, end,
                   rule))
    kept, reported = [], set()
    for r in sorted(found, key=_result_order):  # one result per fact, the first rule's
        if r[:5] not in reported:
            reported.add(r[:5])
            kept.append(Result(*r))
    return Extraction(mentions=tuple(Mention(*m) for m in sorted(mentions)),
                      relations=tuple(Relation(*r) for r in sorted(relations)),
                      results=tuple(kept))


def _one_name(mentions: set[tuple], aliases: dict[str, str]) -> Callable[[str], str]:
    """The name relations and results give a thing with two ("Universal Language Model
    Fine-tuning" and "ULMFiT"): whichever of the pair the text mentions more often, the
    shorter on a tie, so that one fact is not stated twice under its two names."""
    counts = Counter(name_key(m[4]) for m in mentions)

    def one(name: str) -> str:
        other = aliases.get(name_key(name))
        if not other or name_key(other) == name_key(name):
            return name
        other = clean_name(other)
        rank = (counts[name_key(other)], -len(other), other)
        return other if rank > (counts[name_key(name)], -len(name), name) else name

    return one


def _slash_variant_mentions(paper: Paper, text: str, mentions: set[tuple]
                            ) -> tuple[set[tuple], set[tuple]]:
    """The variants of a slash list after a model: "DAMO-YOLO-Tiny/Small/Medium", found with
    its first variant, names DAMO-YOLO-Small and DAMO-YOLO-Medium too (each at its own
    word); "Llama-1/2", found whole, names Llama-1 (at "Llama-1") and Llama-2 (at "2")
    instead. Returns the mentions to add and the whole-list mentions they replace."""
    models = {(m[0], m[1], m[2]): m for m in mentions if m[3] == "Model"}
    more, whole = set(), set()
    for m in SLASH_MODELS.finditer(text):
        variants = m[2].split("/")
        if not alike(variants):
            continue  # "ViT-L/14" is a patch size, not two variants
        at = m.start(2) + len(variants[0]) + 1  # the second variant
        if (listed := models.get(to_field(paper, m.start(), m.end()))) is not None:
            whole.add(listed)
            more.add((*to_field(paper, m.start(), at - 1), "Model", m[1] + variants[0],
                      "kg_entities:slash-variant", (), ()))
        elif to_field(paper, m.start(), at - 1) not in models:
            continue
        for variant in variants[1:]:
            more.add((*to_field(paper, at, at + len(variant)), "Model", m[1] + variant,
                      "kg_entities:slash-variant", (), ()))
            at += len(variant) + 1
    return more, whole


def _result_order(r: tuple) -> tuple:
    """Results in text order (field, start, end), then by their other fields."""
    model, dataset, metric, value, unit, field, start, end, rule = r
    return (field, start, end, model, dataset or "", metric or "", value, unit or "", rule)


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


@lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """A surface form as an entity name: single spaces, no trailing punctuation or article."""
    text = " ".join(text.split()).strip(" .,;:")
    return _ARTICLE.sub("", text)


def extract_papers(papers: Iterable[Paper], nlp: Language | None = None,
                   batch_size: int = 256) -> list[Extraction]:
    """One Extraction per paper, in the same order."""
    papers = list(papers)
    nlp = nlp or build_pipeline()
    docs = nlp.pipe((_plain_doc(nlp, paper_text(p)) for p in papers), batch_size=batch_size)
    return [doc_extraction(p, d) for p, d in zip(papers, docs, strict=True)]


def _plain_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, marked so that the components keep their spans as plain tuples
    only (``context.PLAIN_ONLY_KEY``): ``doc_extraction`` reads nothing else, and the doc
    never leaves this package, so no spaCy ``Span`` need be made."""
    doc = nlp.make_doc(text)
    doc.user_data[PLAIN_ONLY_KEY] = True
    return doc
