"""Techniques named in lower case and then described as one: "we propose virtual context
management, a technique drawing on ...", "Window attention, a natural approach, keeps ...".

The name is two to four words right before ", a/an ... approach|technique|method|..." and
right after a sentence boundary or a verb that introduces it ("propose", "call", "namely").
Each finding is (start, end) in the text.
"""

from __future__ import annotations

import re

from kg.extract.context import find_all

_KIND = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:approach|technique|method|algorithm|"
                   r"mechanism|strategy|scheme|procedure|paradigm|heuristic|estimator|criterion|"
                   r"objective|regulari[sz]er|tool)\b")
_WORDS = r"(?P<name>[A-Za-z][a-z-]+(?:\s[a-z][a-z-]+){1,3}|[A-Za-z][a-z]+-[a-z][a-z-]+)$"
_NAME_BEFORE = re.compile(r"(?:^|[.;:]\s+)" + _WORDS)
# ... tried first: the earliest match of a sentence's start would be "We propose local
# penalization", not the name after the verb
_NAME_AFTER_VERB = re.compile(r"\b(?:propose|proposes|introduce|introduces|present|presents|"
                              r"call|namely|dub)\s+" + _WORDS)
# Words that open a description, not a name: "In this work, a new method ...".
_NOT_FIRST = {"in", "this", "the", "our", "we", "to", "for", "with", "however", "moreover",
              "second", "first", "third", "finally", "here", "specifically", "instead",
              "furthermore", "besides", "then", "thus", "therefore", "overall", "unlike",
              "a", "an", "two", "three", "several", "new", "novel", "some", "many"}
# A name the verb introduces, then a colon that explains it: "We propose clustered
# attention: instead of ...".
_COLON_AFTER_VERB = re.compile(r"\b(?:[Ww]e\s+(?:propose|introduce|present))\s+"
                               r"(?P<name>[a-z][a-z-]+(?:\s[a-z][a-z-]+){1,3}):\s")


def described_techniques(text: str) -> list[tuple[int, int]]:
    """Lower-case technique names that the text describes as a technique."""
    found = []
    for at in find_all(text, ", a"):
        if not _KIND.match(text, at):
            continue
        m = _NAME_AFTER_VERB.search(text, max(0, at - 60), at) or _NAME_BEFORE.search(
            text, max(0, at - 60), at)
        if m is None or m["name"].split()[0].lower() in _NOT_FIRST:
            continue
        found.append((m.start("name"), m.end("name")))
    for verb in ("e propose ", "e introduce ", "e present ") if ":" in text else ():
        for at in find_all(text, verb):  # "We propose clustered attention: ..."
            m = _COLON_AFTER_VERB.match(text, max(0, at - 1))
            if m and m["name"].split()[0] not in _NOT_FIRST:
                found.append((m.start("name"), m.end("name")))
    return found
