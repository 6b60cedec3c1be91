"""Comparisons a sentence states with the paper's verb "compare": "We compare X with Y",
"we compare our proposed architecture with the widely adopted FCN" (X is the thing
compared, Y what it is compared with). Used by ``kg_lineage``, which reads the objects."""

from __future__ import annotations

import re

from spacy.tokens import Span

# "compare X with/to/against": X is a name, or the paper's own ("our proposed architecture",
# "it"); "compared with" and "comparing favourably with" are the cues of ``CUES``.
_COMPARE = re.compile(r"\b(?:we|We|also|further|then|and)\s+(?:compare\s+(?P<x>[^,;.()]{1,60}?)"
                      r"\s+(?:with|to|against)|(?:set|pit|benchmark|contrast)\s+(?P<y>[^,;.()]"
                      r"{1,60}?)\s+(?:against|with))\s+")  # "we set it against the BCM"
_OURS = re.compile(r"(?:our|the)\s+(?:proposed\s+|new\s+|final\s+)?[\w-]+$|it$|them$")


def compared_pairs(text: str, sent: Span, systems: list[Span],
                   main: Span | None) -> list[tuple[Span, int]]:
    """(the thing compared, where what it is compared with starts) for each "we compare X
    with" of the sentence; X is a named system or the paper's own (``main``)."""
    found = []
    for m in _COMPARE.finditer(text, sent.start_char, sent.end_char):
        x = "x" if m["x"] else "y"
        named = [s for s in systems if m.start(x) <= s.start_char and s.end_char <= m.end(x)]
        if len(named) == 1 and named[0].end_char == m.end(x):
            found.append((named[0], m.end()))
        elif not named and main is not None and _OURS.match(m[x]):
            found.append((main, m.end()))
    return found
