"""A new system made from an old one in the same sentence, the result named after a verb:

- "replacing the image encoder of SAM with EfficientViT yields EfficientViT-SAM": the new
  system is based on the one whose part was replaced (SAM), and on the replacement when it
  is a model (EfficientViT); a replacement that is a technique is a component ("with Ghost
  modules gives Ghost-ResNet-50");
- "we continue pretraining Code Llama on the Proof-Pile-2, yielding Llemma", "we fine-tuned
  A on Python tokens, resulting in B": the new system is based on the one trained further.

``derivations`` reads one sentence and gives (new, predicate, old) span triples for
``kg_lineage``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from kg.extract.context import TextSpan

_REPLACING = re.compile(r"\breplac(?:e|es|ed|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?of\s+"
                        r"(?:the\s+)?$", re.I)
_WITH = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?with\s+(?:an?\s+|the\s+|our\s+)?$", re.I)
_CONTINUED = re.compile(r"(?:\bcontinu(?:e|es|ed|ing)\s+(?:to\s+)?(?:pre-?)?train(?:ing)?|"
                        r"\bfine-?tun(?:e|es|ed|ing)|\bfurther\s+(?:pre-?)?train(?:s|ed|ing)?)\s+"
                        r"(?:the\s+)?$", re.I)
_RESULT_VERB = re.compile(r"[^;]{0,120}?\b(?:yield(?:s|ing)?|giv(?:es|ing)|produc(?:es|ing)|"
                          r"results?\s+in|resulting\s+in|leads?\s+to|to\s+obtain|to\s+build)\s+"
                          r"(?:the\s+creation\s+of\s+)?(?:the\s+|a\s+|an\s+|our\s+)?$", re.I)


# A system and a version of it named right after: "neural posterior estimation (NPE) and its
# sequential version SNPE", "X and its multilingual variant Y".
_ITS_VERSION = re.compile(r"\)?\s*(?:\([^()]{1,30}\)\s*)?,?\s*and\s+its\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:version|variant|extension|successor)\s+(?:called\s+|named\s+)?")


def derivations(text: str, systems: Sequence[TextSpan]) -> list[tuple[TextSpan, str, TextSpan]]:
    """(new, predicate, old) for the derivations one sentence states (its ``systems`` in
    order)."""
    found = []
    for old, new in pairwise(systems):  # "NPE and its sequential version SNPE"
        if _ITS_VERSION.fullmatch(text, old.end_char, new.start_char):
            found.append((new, "basedOn", old))
    for i, old in enumerate(systems):
        window = text[max(0, old.start_char - 60): old.start_char]
        replaced = _REPLACING.search(window)
        if not replaced and not _CONTINUED.search(window):
            continue
        later = systems[i + 1:]
        new = next((s for s in later if _RESULT_VERB.fullmatch(text, old.end_char,
                                                               s.start_char)), None)
        if new is None or new.text == old.text:
            continue
        found.append((new, "basedOn", old))
        if replaced:  # "... of X with Y": Y is the replacement
            part = next((s for s in later if s.start_char < new.start_char and _WITH.fullmatch(
                text, old.end_char, s.start_char)), None)
            if part is not None and part.text != new.text:
                found.append((new, "basedOn" if part.label_ == "Model" else "usesComponent",
                              part))
    return found
