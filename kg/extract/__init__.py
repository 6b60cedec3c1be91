"""Extraction: spaCy components that find models, datasets, metrics, organisations,
repositories and more in each paper's title and abstract, with lineage and results.

``build_pipeline()`` starts from ``spacy.blank("en")`` and adds the components by name;
``extract_papers()`` runs it and turns the annotations into plain records. The spaCy Doc
never leaves this package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

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
from kg.normalize import name_key
from kg.records import Extraction, Mention, Paper, Relation, Result

DEFAULT_COMPONENTS: tuple[str, ...] = ("kg_repos", "kg_lexicon", "kg_abbrevs", "kg_names",
                                       "kg_entities", "kg_lineage", "kg_results")
OUTPUT_SPANS = ("kg_repos", "kg_entities")
SEPARATOR = "\n\n"


def build_pipeline(components: Sequence[str] = DEFAULT_COMPONENTS) -> Language:
    """A blank English pipeline (with kg's tokenizer, see ``kg.extract.tokenizer``), sentence
    boundaries (``kg_sentences``) and the named kg components."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "kg.Tokenizer.v1"}}})
    nlp.add_pipe("kg_sentences")
    known = sorted(n for n in Language.factories if n.startswith("kg_"))
    for name in components:
        if name not in Language.factories:
            raise KgError(f"unknown extractor {name!r} (known: {', '.join(known)})")
        nlp.add_pipe(name)
    return nlp


def paper_text(paper: Paper) -> str:
    """The text the extractors read: title, a blank line, abstract."""
    return f"{paper.title}{SEPARATOR}{paper.abstract}" if paper.title else paper.abstract


def to_field(paper: Paper, start: int, end: int) -> tuple[str, int, int]:
    """Offsets in ``paper_text(paper)`` as (field, start, end) in the title or abstract."""
    if paper.title:
        if end <= len(paper.title):
            return "title", start, end
        shift = len(paper.title) + len(SEPARATOR)
        return "abstract", start - shift, end - shift
    return "abstract", start, end


def doc_extraction(paper: Paper, doc: Doc) -> Extraction:
    """Plain records from an annotated Doc."""
    mentions = set()
    aliases = doc.user_data.get("kg_aliases", {})
    for key in OUTPUT_SPANS:
        for span in doc.spans.get(key, []):
            if key == "kg_repos":
                name, _, sub = span.id_.partition("#")
            else:
                name, sub, key = clean_name(span.text), "", span.id_
            field, start, end = to_field(paper, span.start_char, span.end_char)
            attrs = (("subPath", sub),) if sub else ()
            alias = aliases.get(name_key(name)) if key != "kg_repos" else None
            mentions.add(Mention(field, start, end, span.label_, name or span.text, key,
                                 aliases=(clean_name(alias),) if alias else (), attrs=attrs))
    relations = set()
    for subject, predicate, obj, start, end, rule in doc.user_data.get("kg_relations", []):
        field, start, end = to_field(paper, start, end)
        relations.add(Relation(clean_name(subject), predicate, clean_name(obj), field, start,
                               end, rule))
    found = set()
    for model, dataset, metric, value, unit, start, end, rule in doc.user_data.get(
            "kg_results", []):
        field, start, end = to_field(paper, start, end)
        found.add(Result(clean_name(model), clean_name(dataset) if dataset else None,
                         clean_name(metric), value, unit, field, start, end, rule))
    return Extraction(mentions=tuple(sorted(mentions)), relations=tuple(sorted(relations)),
                      results=tuple(sorted(found, key=_result_order)))


def _result_order(r: Result) -> tuple:
    return (r.field, r.start, r.end, r.model, r.dataset or "", r.metric, r.value)


def clean_name(text: str) -> str:
    """A surface form as an entity name: single spaces, no trailing punctuation or article."""
    text = " ".join(text.split()).strip(" .,;:")
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def extract_papers(papers: Iterable[Paper], nlp: Language | None = None,
                   batch_size: int = 256) -> list[Extraction]:
    """One Extraction per paper, in the same order."""
    papers = list(papers)
    nlp = nlp or build_pipeline()
    docs = nlp.pipe((paper_text(p) for p in papers), batch_size=batch_size)
    return [doc_extraction(p, d) for p, d in zip(papers, docs, strict=True)]
