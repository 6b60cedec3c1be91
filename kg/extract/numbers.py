"""What a number in a sentence is, as ``kg_results`` reads it: the pattern of a number with
its unit, and what before or after it makes it a gain, a baseline's, a count, a size, a bound,
a rank or an item's number rather than a result."""

from __future__ import annotations

import re

# A fraction, not values: "Yoochoose 1/64".
FRACTION = r"1/\d+\b(?!/)"
# A number with its unit; not one inside a name ("7-Scenes"), a fraction, nor a threshold's
# angle ("5cm/5°").
# (not a piece of "21,906": a count with a thousands separator)
NUMBER = re.compile(rf"(?<![\w.+-])(?<!\d,)(?!\d{{1,3}},\d{{3}}\b)(?<!\d/)(?<!\dcm/)(?<!\dmm/)"
                    rf"(?<!\dm/)(?!{FRACTION})"
                    r"(?P<sign>[+±])?(?P<value>\d+(?:\.\d+)?)(?![\w.]*\d)(?!-[A-Za-z])"
                    r"\s?(?P<unit>%|ms|s\b|FPS|fps|dB\b|(?:mm|cm)\b(?!/)|meV\b|points?\b|pts\b|x\b|×|"
                    r"[KMBT]\b)?")
# "by up to 5%" is a gain; "(up to 85.2% top-1 accuracy)" is a result.
RELATIVE_BEFORE = re.compile(r"(?:\bby|\bof|\+|absolute|relative|over|nearly|about|"
                             r"\b(?:improv|boost|increas|reduc|gain)(?:es|ed|ing|s)?|\b(?:by|of|"
                             r"improv\w*|gains?|boost\w*|increas\w*|reduc\w*|speed\w*)\s+"
                             r"(?:[\w-]+\s+){0,2}?up\s+to)\s*$", re.I)
# A baseline's number: "(previous best 15.8)", "up from 89.4%", "the human baseline of 89.8".
BASELINE_BEFORE = re.compile(r"(?:\b(?:previous|prior|former|earlier)(?:\s+(?:best|sota|"
                             r"state[- ]of[- ]the[- ]art))?|\bbaseline(?:\s+of)?|"
                             r"\b(?:up|down)(?:\s+from)?)\s*$", re.I)
# ... or after it: "an AUROC of 0.81 for the strongest zero-shot baseline".
BASELINE_AFTER = re.compile(r"^\s*(?:for|of|by)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:baselines?|prior art)\b", re.I)
RELATIVE_AFTER = re.compile(r"^\s*(?:%\s*)?(?:relative\b|(?:\w+\s+){0,2}(?:improvement|"
                            r"(?-i:points?)\b|higher|lower|gain|"
                            r"above|below|more accurate|less accurate|G?\s*FLOPs|"
                            r"faster|slower|better|fewer|more|less|reduction|increase|"
                            r"reduced|increased|improved|lower|higher|"
                            r"decrease|speedup|speed-up|times|parameters|params|tokens|"
                            r"images|samples|GPUs?|layers|languages|categories|types|steps|"
                            r"epochs?|iterations?|hours?|days?|smaller|larger|bigger|cheaper|bits?|sparsity|"
                            r"thousand|million|billion|trillion))",
                            re.I)
# A count of evaluations, not a score: "11 academic benchmarks", "27 datasets".
COUNT_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:benchmarks|datasets|tasks|domains)\b", re.I)
OF_METRIC = re.compile(r"\bof\s*$", re.I)
# A loss, not a score: "an accuracy loss of 1%".
LOSS_OF = re.compile(r"\b(?:loss|drop|degradation|decrease)\s+of\s*$", re.I)
# The patterns a number's ``before`` is searched with, without IGNORECASE, for the text
# lower-cased by ``context.doc_lower`` (same offsets): their letters are all lower case, so
# they find the same matches there, faster (the regex engine skips a case-sensitive
# alternative at its first letter; it tries every case-blind one in full).
BEFORE_LOWER = tuple(re.compile(p.pattern, p.flags & ~re.I)
                     for p in (RELATIVE_BEFORE, OF_METRIC, BASELINE_BEFORE, LOSS_OF))
assert not any(re.search("[A-Z]", re.sub(r"\\.", "", p.pattern)) for p in BEFORE_LOWER)
# An item's number: "(2) scaling the model size".
ENUMERATOR = re.compile(r"\(\d\)\s+[a-z]")
# A size: "768 * 1360 pixels".
DIMENSION = re.compile(r"\s*[*×]\s*\d")
DIMENSION_BEFORE = re.compile(r"\d\s*[*×]\s*$")
# A bound, not a score: "(≥ 30 fps)", "< 2%".
BOUND_BEFORE = re.compile(r"[≥≤<>]\s*$")
IN_NAME = re.compile(r"\w\([\d.]+\)")  # "SE(3)", "O(1)": a number inside a name
# A rank, not a score: "No. 1", "#1", "ranked 1st".
RANK_BEFORE = re.compile(r"(?:\bNo\.?|#|\brank(?:s|ed|ing)?)\s*$", re.I)
