"""``kg_sentences``: sentence boundaries by spaCy's ``sentencizer`` rule, without walking
every token in Python.

The rule (spaCy's ``Sentencizer``): after a token whose text is a sentence-final character
(``.``, ``!``, ``?`` and their counterparts in other scripts), the next token that is neither
punctuation nor such a character starts a sentence. Only the few final-character tokens are
looked at: the text says where those characters occur, the token offsets (``context.
token_bounds``, which the components after read too) which of them are tokens of their own.

A blank line also ends a sentence (the title before the abstract has no final stop), and a
full stop does not end one after a common abbreviation written with it ("No. 1", "acc.: 80.0",
"Fig. 3", "et al. 2020", ``ABBREVIATIONS``) or before a comma, colon or semicolon.

Sets ``is_sent_start`` on every token, as the sentencizer does (``doc.sents`` works; not in
a doc marked ``context.PLAIN_ONLY_KEY``, whose reader wants only the indices), and keeps the
start indices in ``doc.user_data["kg_sent_starts"]`` for ``context.sentences``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from kg.extract.context import PLAIN_ONLY_KEY, STARTS_KEY, doc_text, find_all, token_bounds

#: Words a full stop follows without ending a sentence: "ranking No. 1", "acc.: 80.02".
ABBREVIATIONS = frozenset({
    "No", "no", "Nos", "acc", "Acc", "approx", "Approx", "avg", "Avg", "resp", "Eq", "Eqs",
    "Fig", "Figs", "Tab", "Sec", "cf", "Cf", "al", "ca", "Ref", "Refs", "Vol", "vol",
    "pp", "incl", "Sect", "App", "Appx", "Thm", "Def", "Prop", "Lem", "Alg", "Exp"})
_NOT_AFTER_STOP = frozenset({",", ":", ";"})


def excused(doc: Doc, j: int, starts: list[int], ends: list[int]) -> bool:
    """Whether the full stop at token ``j`` ends no sentence: it closes an abbreviation
    glued to it (``ABBREVIATIONS``) or a comma, colon or semicolon follows it."""
    text = doc_text(doc)  # a token's text is its slice of it: no Token is made
    if text[starts[j]:ends[j]] != ".":
        return False
    if j > 0 and ends[j - 1] == starts[j] and text[starts[j - 1]:ends[j - 1]] in ABBREVIATIONS:
        return True
    return j + 1 < len(starts) and text[starts[j + 1]:ends[j + 1]] in _NOT_AFTER_STOP


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str, *, punct_chars: list[str] | None) -> None:
        self.name = name
        self.punct_chars = set(punct_chars or Sentencizer.default_punct_chars)
        if any(len(c) != 1 for c in self.punct_chars):
            raise ValueError("kg_sentences: punct_chars must be single characters")
        self.ascii = sorted(c for c in self.punct_chars if c.isascii())
        self.finder = re.compile("[" + "".join(re.escape(c) for c in sorted(self.punct_chars))
                                 + "]")

    def present(self, text: str) -> set[str]:
        """The sentence-final characters that occur in ``text``."""
        if text.isascii():  # the common case: a few substring tests, no regex
            return {c for c in self.ascii if c in text}
        return set(self.finder.findall(text))

    def sentence_starts(self, doc: Doc, text: str) -> list[int]:
        """Token indices that start a sentence (0 first), as the sentencizer finds them."""
        if not len(doc):
            return []
        present = self.present(text)
        if not present:
            return self._after_blank_lines(doc, text, [0])
        # the tokens that are one final character: found where the text has one, by the
        # token offsets that the components after read too
        token_starts, token_ends = token_bounds(doc)
        n = len(doc)
        finals = sorted(i for c in present for at in find_all(text, c)
                        if (i := bisect_left(token_starts, at)) < n
                        and token_starts[i] == at and token_ends[i] == at + 1)
        starts = [0]
        k = 0
        for j in finals:
            if excused(doc, j, token_starts, token_ends):
                continue
            k = max(k, j + 1)
            while k < n:
                token = doc[k]
                if not token.is_punct and token.text not in self.punct_chars:
                    break
                k += 1
            if k < n and k > starts[-1]:
                starts.append(k)
        return self._after_blank_lines(doc, text, starts)

    @staticmethod
    def _after_blank_lines(doc: Doc, text: str, starts: list[int]) -> list[int]:
        """``starts`` with the first word after each blank line: a title (which has no
        final stop) and the abstract after it are two sentences."""
        if "\n\n" not in text:
            return starts
        token_starts = token_bounds(doc)[0]
        n = len(doc)
        more = set(starts)
        for at in find_all(text, "\n\n"):
            k = bisect_left(token_starts, at)
            while k < n and doc[k].is_space:
                k += 1
            if 0 < k < n and not text[:at].isspace() and at:
                more.add(k)
        return sorted(more)

    def __call__(self, doc: Doc) -> Doc:
        starts = self.sentence_starts(doc, doc_text(doc))
        if starts and not doc.user_data.get(PLAIN_ONLY_KEY):  # kg reads only STARTS_KEY
            flags = numpy.full(len(doc), -1, dtype="int64")
            flags[starts] = 1
            doc.from_array([SENT_START], flags.view("uint64").reshape(-1, 1))
        doc.user_data[STARTS_KEY] = starts
        return doc


@Language.factory("kg_sentences", assigns=["token.is_sent_start"],
                  default_config={"punct_chars": None})
def make_sentence_splitter(nlp: Language, name: str,
                           punct_chars: list[str] | None) -> SentenceSplitter:
    return SentenceSplitter(nlp, name, punct_chars=punct_chars)
