"""Parts a sentence names without a verb of use, for ``kg_lineage``'s ``usesComponent``:

- a name after a participle and "with"/"by": "surfaces are extracted with DMTet", "image
  features extracted by DETR", "which we optimize with soft actor-critic";
- a name that features are taken from: "features from a pretrained WavLM model", "taken
  from a ResNet-50 backbone";
- a name a part is said to be: "its denoising network is a U-Net", "the relative-depth
  backbone of ZoeDepth is MiDaS", "whose encoder is a BEiT-L transformer", "MiDaS serves as
  the backbone of ZoeDepth";
- a name with the kind of part after it (``WITH_BACKBONE``, read by ``kg_lineage``): "With
  a ResNet-50 backbone, X ...", "a model with a VGG-16 backbone", "With GPT-4 as its
  underlying model, X ...".

The user is the name that owns the part where the sentence gives one ("X's", "of X",
"whose" after X), else the paper's own system.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# "With a ResNet-50 backbone, X reaches ...", "With GPT-4 as its underlying model, X ...".
WITH_BACKBONE = re.compile(r"\s*With\s+(?:an?\s+|the\s+)?(?P<part>[^,;()]{2,40}?)\s+"
                           r"(?:backbone|encoder|image encoder|vision encoder|as\s+(?:its|the|our)"
                           r"\s+(?:[\w-]+\s+){0,3}?(?:backbone|encoder|decoder|extractor|"
                           r"vocoder|tokenizer|detector|"
                           r"(?:underlying|core|backend) (?:model|LLM)))\b")
# ... and within a sentence: "a fully convolutional model with a VGG-16 backbone", "the
# model has a ResNet18 encoder", "priors drawn from an EfficientNetV2-S encoder".
# "each processed by a BN-Inception stream", "has one I3D stream for RGB", "On a
# Preact-ResNet50 encoder, one branch predicts".
WITH_BACKBONE_MID = re.compile(r"(?<!compared )(?<!comparison )\b(?:with|(?:has|have|having|"
                               r"from|uses?|using|employs?|adopts?|by|[Oo]n)"
                               r"(?=\s+(?:an?|its|one|two)\s))\s+"
                               r"(?:an?\s+|the\s+|its\s+|one\s+|two\s+)?"
                               r"(?:pre-?trained\s+|frozen\s+)?(?P<part>[^,;()]{2,40}?)(?:\s+"
                               r"(?:backbones?|(?:image |vision |text |visual )?encoders?|"
                               r"vocoders?|streams?|branch(?:es)?)|"
                               # "with a U-Net style network", "a ResNet-like architecture"
                               r"[-\s](?:style|like|based)\s+(?:network|architecture)s?)\b")

_PARTICIPLE = re.compile(
    r"\b(?:extracted|encoded|computed|generated|optimi[sz]ed?|rasteri[sz]ed|rendered|"
    r"parameteri[sz]ed|embedded|tokeni[sz]ed|segmented|detected|produced|predicted|"
    r"synthesi[sz]ed|decoded|vectori[sz]ed|transcribed|labell?ed|annotated|scored|"
    # "the features are placed on a plane with t-SNE", "which we implement with a U-Net"
    r"placed|projected|processed|clustered|fused|implement(?:ed)?|represented|model+ed)"
    r"\s+(?:\w+\s+){0,3}?(?:with|by|using|via)\s+(?:an?\s+|the\s+|a\s+standard\s+)?"
    r"(?:pre-?trained\s+|off-the-shelf\s+|frozen\s+)?$", re.I)
_FEATURES_FROM = re.compile(
    r"\b(?:features|representations|embeddings|tokens|taken|extracted)\s+(?:\w+\s+){0,3}?"
    r"from\s+(?:an?\s+|the\s+)?(?:pre-?trained\s+|frozen\s+|off-the-shelf\s+)?$", re.I)
_PART = (r"(?:backbone|encoder|decoder|denoiser|(?:denoising\s+)?network|language\s+model|"
         r"LLM|LM|GNN|CNN|tokenizer|vocoder|generator|discriminator|aggregator|retriever|"
         r"planner|block|layer|module)")
_PART_IS = re.compile(
    r"(?:\b(?P<its>its|whose)\s+|(?P<owned>'s)\s+|\bthe\s+)(?:[\w-]+\s+){0,2}?" + _PART +
    r"s?(?:\s+of\s+(?P<of>[^\s,;][^,;]{0,40}?))?\s+(?:is|are|was)\s+(?:an?\s+|the\s+)?"
    # "Its default GNN is a two-layer GCN"
    r"(?:pre-?trained\s+|frozen\s+|(?:two|three|four|\d+)-layers?\s+)?$", re.I)


# The part first: "MiDaS serves as the backbone of ZoeDepth", "X also serves as the final
# aggregator" (of the paper's own system).
_SERVES_AS = re.compile(r"(?:\s+(?:pre-?trained|trained|fine-?tuned)\s+on\s+[\w-]+)?"
                        r"\s+(?:also\s+|then\s+)?(?:serves?|acts?|is\s+used)\s+as\s+(?:the|a|an|"
                        r"its|our)\s+(?:[\w-]+\s+){0,2}?" + _PART + r"s?\b(?:\s+(?:of|for|in)\s+"
                        r"(?:the\s+)?)?", re.I)


_IN_WHICH = re.compile(r"\s*,\s*(?:in\s+which|where|whose)\s+(?:an?\s+|the\s+)?")
_WITH_BY = re.compile(r" (?:with|by|using|via) ")
_IS_ARE = re.compile(r" (?:is|are|was) ")


def part_relations(text: str, sent: Span, systems: list[Span], main: Span | None
                   ) -> list[tuple[Span, Span, str]]:
    """(user, part, rule) for each part of the sentence named as above."""
    found = []
    for i, span in enumerate(systems):
        if " as " in text[span.end_char: span.end_char + 64] and (
                m := _SERVES_AS.match(text, span.end_char, sent.end_char)):
            user = next((s for s in systems[i + 1:] if s.start_char == m.end()), None) if (
                m[0].rstrip().endswith(("of", "for", "in", "the"))) else next(
                (s for s in systems[:i] if _IN_WHICH.fullmatch(text, s.end_char, span.start_char)),
                main)  # "DeepLab-v2, in which a ResNet-101 ... serves as the backbone"
            if user is not None and user.text != span.text:
                found.append((user, span, "serves-as"))
        window = max(sent.start_char, span.start_char - 90)
        near = text[max(window, span.start_char - 40): span.start_char]  # cheap tests first
        user = None
        if _WITH_BY.search(near) and (m := _PARTICIPLE.search(text, window, span.start_char)
                                      ) and not (span.label_ == "Software" and "mplement" in m[0]):
            rule, user = "with-participle", main  # (not "implemented with PaddlePaddle")
        elif " from " in near and _FEATURES_FROM.search(text, window, span.start_char):
            rule, user = "features-from", main
        elif _IS_ARE.search(near) and (m := _PART_IS.search(text, window, span.start_char)):
            rule = "part-is"
            before = [s for s in systems[:i] if s.end_char <= m.start()]
            if m["owned"]:
                user = next((s for s in reversed(before) if s.end_char == m.start()), None)
            elif m["of"]:
                user = next((s for s in systems[:i] if m.start("of") <= s.start_char
                             and s.end_char <= m.end("of")), None)
            elif m["its"] and m["its"].lower() == "whose":
                user = before[-1] if before else main  # "a deep network, whose encoder is X"
            else:
                # "its" is the paper's own system where the sentence names it before, else
                # the name nearest before it
                user = (main if main is not None and any(s.text == main.text for s in before)
                        else before[-1]) if before and m["its"] else main
        if user is not None and user.text != span.text:
            found.append((user, span, rule))
    return found
