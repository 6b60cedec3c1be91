"""The pipeline's tokenizer: spaCy's English rules with a few more splits, keeping the text.

Two things differ from ``spacy.blank("en")``'s tokenizer:

- extra infixes and suffixes, so that names inside brackets, LaTeX and slashes come apart
  ("(RL)-based", "\\textbf{KnowRL}", "mIoU/73.6") and a sentence's final period leaves
  names like "Mistral-7B." and "PP-OCRv3." alone;
- each Doc keeps the text it was made from in ``doc.user_data["kg_text"]``: the components
  read the text many times, and ``doc.text`` rebuilds it from every token on each call
  (it costs about as much as tokenising).

Registered as ``kg.Tokenizer.v1`` in spaCy's tokenizer registry, so a pipeline's config
names it and ``spacy.blank("en", config=...)`` builds it.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

TEXT_KEY = "kg_text"
# Brackets, braces, dollars, backslashes and slashes split inside tokens, and so does a
# count's "×" or "x" before a name ("4×RTX 3090", "8xA100").
EXTRA_INFIXES = (r"[(){}\[\]$\\/]", r"(?<=\d)[×x](?=[A-Z])")
# A period after a digit+letter or lower+capital ("Mistral-7B.", "PP-OCRv3."), and units
# glued to a number ("68.9FPS").
EXTRA_SUFFIXES = (r"(?<=\d[A-Za-z])\.", r"(?<=[a-z0-9-][A-Z])\.", r"(?<=\d)(?:FPS|fps|ms)")


class TextKeepingTokenizer(Tokenizer):
    """spaCy's rule-based tokenizer that also stores the text in the Doc it makes."""

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        doc.user_data[TEXT_KEY] = text
        return doc


@spacy.registry.tokenizers("kg.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer settings for the language plus the kg infixes/suffixes."""

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        base = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        return TextKeepingTokenizer(
            nlp.vocab,
            rules=base.rules,
            prefix_search=base.prefix_search,
            suffix_search=compile_suffix_regex([*defaults.suffixes, *EXTRA_SUFFIXES]).search,
            infix_finditer=compile_infix_regex([*defaults.infixes, *EXTRA_INFIXES]).finditer,
            token_match=base.token_match,
            url_match=base.url_match,
            faster_heuristics=base.faster_heuristics,
        )

    return make
