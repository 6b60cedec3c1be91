"""Universities, institutes and hospitals the organisations lexicon does not list, by the
way institutions are named: capitalised words before an institution word ("Koç University",
"Idiap Research Institute", "Baheya Hospital"), that word before "of" and a place ("the
Medical University of Vienna", "University of Quuxland", "Universidad de Granada"), or a
hospital's name after it ("Hospital San Juan"). Names in any Latin script count: "Koç",
"Universität", "École".

Not an institution: one of them naming data ("the Carnegie Mellon University Motion Capture
Database", "the University of Washington dataset"), nor a phrase that only opens with a
capital because it opens the sentence ("Our University ...").
"""

from __future__ import annotations

import re

# The words that end or open an institution's name (and its other-language forms).
_HEAD = re.compile(r"(?<![\w-])(?:University|Institute|Institut|Polytechnic|Clinic|"
                   r"(?P<foreign>Universit(?:ät|é|à|eit|at)|Universidad[e]?|[EÉ]cole|Hospital)|"
                   r"(?:Medical|Clinical|Research|Cancer) (?:Center|Centre)|National Laboratory|"
                   r"Academy of Sciences|College)(?![\w-])")
_QUICK = ("Univers", "Institut", "Polytechnic", "Hospital", "Clinic", "Center", "Centre",
          "Laboratory", "Academy", "College", "cole")
_WORD = r"[^\W\d_](?:[\w'’&-]|\.(?=\w))*"  # a word in any script (its capital: in the code)
# Up to four words right before the head, and a place after it: "of Vienna", "de Granada".
_BEFORE = re.compile(rf"((?:{_WORD} ){{1,4}})$")
_PLACE = re.compile(rf" (?:of|for|de|di|do|da|del|der|für) (?:the )?"
                    rf"((?:{_WORD})(?: {_WORD}){{0,6}})")
# A name after the head, as other languages put it: "Hospital San Juan", "Universität
# Hamburg", "École Polytechnique Fédérale".
_NAMED = re.compile(rf" ((?:{_WORD})(?: {_WORD}){{0,6}})")
# Capitalised words that open a sentence or phrase without being part of a name.
_NOT_NAME = {"The", "A", "An", "Our", "This", "That", "These", "Those", "At", "In", "On",
             "From", "By", "With", "For", "To", "And", "Of", "We", "Its", "Their", "Each",
             "Every", "Both", "Several", "Many", "Most", "All", "Some", "Such", "Other"}
_DATA_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:[Dd]ata(?:set|base|\s+set)s?|[Cc]orpus|"
                         r"[Cc]orpora|[Bb]enchmarks?|[Cc]ollection|[Aa]rchive)\b")


_JOINS = {"and", "of", "for", "&", "de", "del"}  # inside a name: "Detection and Treatment"
_FOREIGN_JOINS = {"de", "del", "di", "du", "des"}  # "École Polytechnique Fédérale de Lausanne"
_HEAD_WORDS = {"University", "Institute", "Hospital", "College", "Center", "Centre"}


def _named(words: list[str], joins: set[str] = _JOINS) -> list[str]:
    """The capitalised words that open ``words`` (a name stops at a lower-case one), up to
    six, with the ``joins`` between two of them, unless another institution
    follows ("the University of Tokyo and Kyoto University": two); "and" only before more
    than one word ("for Early Detection and Treatment of ...", "of Science and
    Technology"; not "the Institute for Advanced Study and Meta")."""
    kept: list[str] = []
    for i, word in enumerate(words):
        if word in joins and kept and i + 1 < len(words) and words[i + 1][
                0].isupper() and not _HEAD_WORDS.intersection(words[i + 1:]) and (
                word not in ("and", "&") or i + 2 < len(words) or words[i + 1] == "Technology"):
            kept.append(word)
        elif not word[0].isupper() or word in _NOT_NAME or len(kept) - sum(
                w in joins for w in kept) >= 6:
            break
        else:
            kept.append(word)
    while kept and kept[-1] in joins:
        kept.pop()
    return kept


def institutions(text: str, abstract_start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each institution named in ``text`` from ``abstract_start`` on (a
    title in title case capitalises every word: "Predicting Hospital Readmission")."""
    if not any(word in text for word in _QUICK):
        return []
    found = []
    for m in _HEAD.finditer(text, abstract_start):
        start, end = m.start(), m.end()
        if before := _BEFORE.search(text, max(abstract_start, start - 80), start):
            kept = _named(before[1].split()[::-1], joins=set())[::-1]
            start -= len(" ".join(kept)) + 1 if kept else 0
        after = _PLACE.match(text, end) or (m["foreign"] and _NAMED.match(text, end))
        joins = _JOINS if after and after.re is _PLACE else _FOREIGN_JOINS
        if after and (kept := _named(after[1].split(), joins)):
            end = after.start(1) + len(" ".join(kept))
        if (start, end) == m.span() or _DATA_AFTER.match(text, end):
            continue  # a bare "University"; data named for where it was collected
        found.append((start, end))
    kept_spans: list[tuple[int, int]] = []  # "University College London": the longest
    for span in sorted(found, key=lambda f: (f[0], -f[1])):
        if not kept_spans or span[0] >= kept_spans[-1][1]:
            kept_spans.append(span)
    return kept_spans
