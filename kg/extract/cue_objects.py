"""What a cue of ``kg_lineage`` governs: the entity or list of entities right after it
("outperforms A, B and C", "uses three parts: (1) A ..., (2) B ...", "beats detectors such
as A and B")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.context import doc_text, in_sentence
from kg.extract.lineage_cues import COMPONENT_TYPES

_STOP_LIST = re.compile(r"\b(?:on|in terms of|by|while|which|with|when|at|for|under)\b", re.I)
# Before a component: no clause break ("by combining refinements, we boost X"), no "as"
# ("uses the same compute budget as Gopher") and no relative clause ("introduce a framework
# that abstracts reinforcement learning").
_COMPONENT_STOP = re.compile(r",|\b(?:as|that|which)\b", re.I)
_PARENTHETICAL = re.compile(r"\([^()]*\)")
# A verb between two names ends a list: "use A to design a new network, B".
_NEW_VERB = re.compile(r"\b(?:and|but)\s+(?:also\s+)?(?:employ|use|adopt|add|appl|introduc|"
                       r"incorporat|replac|combin|achiev|outperform|reach|leverag)\w*\b", re.I)
_CLAUSE_GAP = re.compile(r"\bto\s+\w+|\b(?:is|are|was|were|has|have)\b", re.I)
_ENUMERATOR = re.compile(r"\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)")
_EXAMPLES = re.compile(r"(?:\(|\b)(?:e\.g\.|i\.e\.|such as|including|like|namely|among them|"
                       r"for (?:example|instance))"
                       r"[,:]?\s*$|\b(?:that|which)\s+includes?\b[^.;()]{0,80}:\s*$", re.I)
_COLON_LIST = re.compile(r"^[^.;]{0,60}:\s*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])\)\s*|\((?:\d{1,2}|"
                         r"[ivx]{1,4}|[a-h])\)\s*)?(?:the\s+)?$", re.I)
_JOINED_WITH = re.compile(r"\s*(?:[\w-]+\s+){0,5}?with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?",
                          re.I)
# After an organisation, the name it owns: "OpenAI's CLIP", "the Google T5 model".
_OWNER_AFTER = re.compile(r"(?:'s|’s)\s|\s(?=[\w-]*[A-Z0-9])")
# A part described before its name: "a differentiable iso-surface extraction module, ",
# "seven model-free algorithms, ".
_PART_DESCRIBED = re.compile(r"\s*(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|\d+)"
                             r"\s+(?:[\w-]+\s+){0,4}?(?:module|component|block|"
                             r"layer|network|model|encoder|decoder|head|extractor|backbone|"
                             r"tokenizer|vocoder|renderer|representation|algorithm)s?,\s*")
# Systems of a kind, their names in brackets: "matrix factorization models (", "neural
# ones (" (``listed`` reads the same lists for the type of an acronym in them).
SYSTEM_KINDS = (r"(?:models|methods|baselines|approaches|networks|algorithms|systems|ones|"
                r"architectures|detectors|techniques)")
_KIND_BRACKET = re.compile(rf"(?:^|\s)(?:[\w-]+\s+){{0,3}}?{SYSTEM_KINDS}\s*\(\s*$")
# Between the bracket that closes one list and the kind that opens the next.
_BRACKET_JOIN = re.compile(r"\s*\)?\s*,?\s*(?:and|or|as well as|and also)\s*")
# A description after a name: "X, a ...", "X: ...".
_DESCRIBED = re.compile(r"\s*(?:,\s*(?:an?|the|our)\s|:)")


def objects_after(doc: Doc, sent: Span, cue_end: int, types: tuple[str, ...],
                  many: bool, joins: bool = False) -> list[Span]:
    """Entities right after a cue: the first, or for ``many`` a list joined by commas and
    "and" up to a word that ends the list. An enumerated list after a colon ("three parts:
    (1) A for ..., (2) B ...") and examples ("existing detectors (i.e., A, B)") count;
    names inside a parenthesis after an object ("A (implemented with Jax) and B") do not."""
    found: list[Span] = []
    text = doc_text(doc)
    enumerated = closed = examples = False
    for span in in_sentence(doc, sent, ("Model", "Method", "Software", "Dataset", "Metric",
                                        "Task", "Hardware", "Organization")):
        if span.start_char < cue_end:
            continue
        gap = text[cue_end: span.start_char]
        if many and (kind := _KIND_BRACKET.search(gap)) and (
                not found or not kind.start() or _BRACKET_JOIN.fullmatch(gap, 0, kind.start())):
            if found and not kind.start() and found[-1].end_char == cue_end:
                found.pop()  # "matrix factorization models (A, B)": a kind, then its names
            found.append(span)  # "... as well as neural ones (C, D)"
            closed, cue_end = False, span.end_char
            continue
        if found and gap.count("(") > gap.count(")"):
            continue  # inside a parenthesis that follows an object
        flat = _PARENTHETICAL.sub(" ", gap)
        if not found:
            if _COLON_LIST.match(gap) or (text[cue_end - 1] == ":"
                                          and _COLON_LIST.match(":" + gap)):
                enumerated = bool(_ENUMERATOR.search(gap)) or many
            elif _introduces_item(gap, types, text, span):
                pass
            elif (_STOP_LIST.search(gap) or len(gap) > 60 or _NEW_VERB.search(gap)
                  or (types == COMPONENT_TYPES and _COMPONENT_STOP.search(gap))):
                break  # "is based on an encoder-decoder architecture and employs X": X is
                # what the next verb governs
            if span.label_ == "Task" and not enumerated:
                continue  # "lightweight text recognition network SVTR LCNet"
        elif enumerated and _ENUMERATOR.search(gap) and len(gap) <= 80:
            pass
        elif enumerated and (span.label_ not in types or _STOP_LIST.search(gap)):
            continue  # "(2) B for speculative decoding, (3) C": a description, not an item
        elif joins and _JOINED_WITH.fullmatch(flat):
            pass  # "connects the vision encoder of A with the B LLM"
        elif many and _EACH_FOR.fullmatch(flat):
            pass  # "relies on A for the small datasets and on B for ImageNet"
        elif examples and _NEXT_EXAMPLE.fullmatch(flat) and not closed:
            pass  # "for example Isolation Forest (iForest), the local outlier factor (LOF)":
            # examples listed with their articles, not an apposition
        elif (closed or _STOP_LIST.search(flat) or len(flat) > 40 or _DESCRIBED.match(flat)
              or _CLAUSE_GAP.search(flat) or _NEW_VERB.search(flat)):
            break  # "A, B and C" ends after C; "A, a B-based ..." describes A
        if span.label_ not in types:
            if enumerated or not found and span.label_ == "Organization" and _OWNER_AFTER.match(
                    text, span.end_char):
                continue  # "uses OpenAI's CLIP ViT-L/14", "the OpenAI code-cushman-001 model"
            break
        if not found:
            examples = _EXAMPLES.search(flat) is not None
        found.append(span)
        closed = bool(found[1:]) and bool(re.search(r"\b(?:and|or)\b", flat))
        cue_end = span.end_char
        if not many:
            break
    return found


# Between two examples of a list: "A (X), the B (Y), and the C".
_NEXT_EXAMPLE = re.compile(r"\s*,\s*(?:and\s+)?the\s+(?:[a-z][\w-]*\s+){0,4}?")
# Between two objects, each with what it is for: "A for the small datasets and on B".
_EACH_FOR = re.compile(r"\s+for\s+[^,;()]{1,40}?,?\s+and\s+(?:(?:on|with|from|by)\s+)?"
                       r"(?:the\s+|an?\s+)?")


def examples_before(gap: str) -> bool:
    """Whether the words between a cue and its first object end by giving examples: "beats
    decoding algorithms such as ", "compared with baselines, including "."""
    return _EXAMPLES.search(gap) is not None and len(gap) <= 100


def _introduces_item(gap: str, types: tuple[str, ...], text: str, span: Span) -> bool:
    """Whether the words between a cue and its first object introduce it: examples
    ("existing detectors (i.e., A"), or a part described before its name ("integrate a
    differentiable iso-surface extraction module, FlexiCubes, into")."""
    return (_EXAMPLES.search(gap) is not None and len(gap) <= 100
            and "." not in gap.rstrip()[:-4]) or (
        types == COMPONENT_TYPES and _PART_DESCRIBED.fullmatch(gap) is not None
        and text.startswith(",", span.end_char))

