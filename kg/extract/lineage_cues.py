"""The cues of ``kg_lineage``: the words that state a relation between two names of a
sentence (``CUES``), and the faster forms of them that ``kg_lineage`` scans with. Kept apart
from the rules that read what the cues find.
"""

from __future__ import annotations

import re

COMPARATIVE = (r"(?:(?!rather\b|other\b|whether\b|either\b|neither\b|later\b|after\b|"
               r"under\b|over\b|never\b|ever\b|per\b)\w{2,}er|more|less)"
               r"(?:\s+[\w%.\-]+){0,4}?\s+than(?:\s+(?:that|those)\s+of)?")
COMPONENT_TYPES = ("Method", "Model")  # what usesComponent may point to
# Others' systems, after "improves on": "earlier methods", "the existing detectors".
_EARLIER = (r"\s+(?:the\s+|all\s+|several\s+|many\s+)?(?:[\w-]+\s+)?(?:earlier|previous|"
            r"prior|existing|other|competing|current|recent|baseline)\b")
CUES = (
    ("basedOn", re.compile(
        r"\b(?:based (?:up)?on|built (?:up)?on(?: top of)?|on top of|upgraded (?:from|version of)|"
        r"upgrade (?:from|over|of)|(?:extended|evolv(?:es|ed|ing)) from|"
        r"by (?:further )?fine-?tuning|we (?:then |further |also )?fine-?tune|"
        r"(?:that|which) (?:further )?fine-?tunes|"
        r"(?:grounded|grounding|founded|builds?) (?:up)?on|on the basis of|"
        r"fine-?tuned (?:from|on top of)|distill(?:ed)? from|initiali[sz]ed (?:from|with)|"
        r"derived from|extends|an extension of|improves? (?:up)?on(?!" + _EARLIER + r")|"
        r"trained from|"
        r"starting (?:from|with)|start(?:s|ed)? from|warm-?start(?:s|ed)? from|"
        r"continue[sd]? (?:pre-?)?training (?:of|from)|continu(?:e|es|ed|ing) from|inherit\w* from|"
        r"replac(?:e|es|ed|ing)(?: [^,.;()]{1,40}?)? (?:with|by|to)|"
        r"(?:an? )?implementation of|(?:[\w-]+ ){1,2}version of|obtained from|"
        r"(?:variant|successor|descendant|derivative|extension|adaptation) of|adapted from|"
        # "adopts the BART architecture", "adapts the BERT framework from text to EHR data"
        r"(?:adopt|adapt|reuse|keep)(?:s|ed|ing)? the (?=[\w.-]+(?: [\w.-]+)? (?:architecture|"
        r"framework|design|recipe)\b)|"
        r"(?:shares?|sharing|follows?|following|inherits?) the (?:same )?(?:architecture|"
        r"design|recipe) (?:of|as)|follow(?:s|ing|ed)? the (?=[\w.-]+(?: [\w.-]+)? (?:training "
        r")?(?:recipe|architecture|design)\b)|(?:a |the )?modifi(?:cation|ed version) of|"
        r"(?:model|network|architecture|detector|encoder|decoder|"
        r"LLM)s? (?:closely |very )?similar to|improvements? to|moderniz\w*|"
        r"teacher(?: model| network)?(?:,| such as| like)?)\b",
        re.I),
     ("Model", "Method")),
    ("usesComponent", re.compile(
        r"\b(?:us(?:e|es|ing)|utiliz(?:e|es|ing)|adopt(?:s|ing)?|employ(?:s|ing)?|"
        r"implements|implement(?:s|ed)?\s[^.;:()]{0,60}?(?:including|such as|namely|like)|"
        r"reference implementations? of|"
        r"rest(?:s|ed|ing)? on|(?:carried out|performed|handled|done) by|"
        r"leverag(?:e|es|ing)|incorporat(?:e|es|ing)|integrat(?:e|es|ing)|equipped with|"
        r"exploit(?:s|ing)?|interleav(?:e|es|ing)(?: (?:blocks|layers) of)?|"
        r"consists? of|composed of|compris(?:e|es|ing)|contain(?:s|ing)?|"
        r"introduc(?:e|es|ing)|propos(?:e|es|ing)|"
        # what a library holds: "it ships attacks including FGSM, PGD and DeepFool"
        r"(?:ships|bundles|provides|offers|includes|supports),?\s+(?:[\w-]+\s+){0,4}?"
        r"(?:including|such\s+as|among\s+(?:them|others),?|namely|like)|"
        r"built around|"
        r"(?:core|key|main|central) (?:component|module|part)s? "
        r"(?:is|are|include)|backbones? (?:is|are)|reli(?:es|ed)? on|rely(?:ing)? on|"
        r"its core (?:follows|is|implements|runs)|"  # "Its core follows the STOMP algorithm"
        r"its (?:core|key|main|central) (?:algorithm|component|module|engine), |"  # "Its core
        # algorithm, KitNET, ..."
        r"connect(?:s|ing)?|combin(?:e|es|ing)|pair(?:s|ing)?|"
        r"bridg(?:e|es|ing))\b|\b(?:innovations|components|techniques|ingredients|modules|"
        r"parts|solutions|tools|systems)\s*:", re.I),
     COMPONENT_TYPES),
    ("comparedWith", re.compile(
        r"\b(?:outperform\w*|surpass\w*|compared (?:with|to)|comparison (?:with|to)|"
        r"compar(?:es|ing) (?:favou?rably|well) (?:with|to|against)|"
        r"compet(?:es|ing) (?:favou?rably )?with|"
        + COMPARATIVE + r"|superior (?:[\w-]+ ){0,2}to|beat(?:s|ing)?|"
        r"rival(?:s|ing|ed)?(?: (?:that|those) of)?|comparabl[ey] (?:to|with)|"
        r"(?:performance|quality|accuracy|results) (?:similar|close|equivalent) to|"
        r"exceed\w*|competitive (?:with|to)|on par with|against|ahead of|match(?:es|ed|ing)|"
        r"relative to|trail(?:s|ed|ing)?|lag(?:s|ged|ging)? behind|"
        r"(?:comes?|came|gets?|getting|coming) close to|"
        r"as (?:good|fast|accurate|strong|effective|efficient|(?:many|few|much|little) [\w-]+)"
        r" as|"
        r"(?:improvements?|gains?|advantages?|speedups?|reductions?|savings?) over|"
        r"improv(?:es|ed|ing) (?:\w+ )?over|go(?:es|ing)? (?:well |far )?beyond|"
        # "improves clearly on earlier methods, among them A and B": a comparison
        r"improv(?:es|ed|ing)? (?:\w+ )?(?:up)?on(?=" + _EARLIER + r")|"
        r"superiority (?:of [^,;()]{1,40}? )?over|"
        r"(?:well|far|significantly|clearly|points?|ap|map|accuracy|bleu|f1|m?iou|psnr|"
        r"top-1|state of the art,|state-of-the-art,) above)\b", re.I),  # "a new state of the
        # art, above HERMIT"
     ("Model", "Software", "Method")),
)
# The cues without IGNORECASE, for the lower-cased text: the same matches, and Python's regex
# engine skips a case-sensitive alternative that opens with a literal at the first character
# (it tries every case-blind one in full).
CUES_LOWER = tuple((predicate, re.compile(cue.pattern, cue.flags & ~re.I), types)
                   for predicate, cue, types in CUES)
# Two alternatives may start at any word ("a newer version of", "2% higher accuracy than"):
# the cues without them, for sentences without the words they end in, try far faster.
ANY_START = {"basedOn": (r"(?:[\w-]+ ){1,2}version of|", "version of"),
             "comparedWith": (COMPARATIVE + "|", "than")}
CUES_NARROW = tuple(
    (predicate, re.compile(cue.pattern.replace(ANY_START[predicate][0], ""), cue.flags),
     types) if predicate in ANY_START else (predicate, cue, types)
    for predicate, cue, types in CUES_LOWER)
assert all(len(a.pattern) > len(b.pattern) for (p, a, _), (_, b, _) in
           zip(CUES_LOWER, CUES_NARROW, strict=True) if p in ANY_START)
