"""What kind of thing a phrase names, from its head word: "... Network" is a Model,
"... Benchmark" a Dataset, "... Optimization" a Method, "... Recognition" a Task."""

from __future__ import annotations

import re
from functools import lru_cache

HEADS: dict[str, tuple[str, ...]] = {
    "Dataset": ("dataset", "datasets", "benchmark", "benchmarks", "corpus", "corpora", "arena",
                "database", "databases", "resource", "subset", "split",
                "bench", "suite", "leaderboard", "testbed", "collection", "challenge"),
    "Metric": ("score", "rate", "error", "accuracy", "distance", "divergence", "precision",
               "recall", "ratio", "index", "latency", "throughput", "speedup", "fid",
               "discrepancy", "metric", "measure"),
    "Task": ("recognition", "detection", "segmentation", "classification", "generation",
             "answering", "retrieval", "translation", "summarization", "summarisation",
             "understanding", "extraction", "parsing", "forecasting", "captioning", "matting",
             "tracking", "re-ranking", "reranking", "comprehension", "synthesis", "inpainting",
             "estimation", "completion", "localization", "grounding", "analysis"),
    "Method": ("learning", "optimization", "optimisation", "search", "regularization",
               "regularisation", "training", "tuning", "finetuning", "fine-tuning",
               "distillation", "attention", "alignment", "sampling", "augmentation",
               "selection", "reformulation", "supervision", "modeling", "modelling",
               "pre-training", "pretraining", "decoding", "encoding", "pruning", "quantization",
               "algorithm", "method", "strategy", "mechanism", "loss", "objective",
               "propagation", "masking", "embedding", "reframing", "scheduling", "routing",
               "prompting", "merging", "averaging", "minimization", "normalization",
               "policy", "descent", "reinforcement", "average", "smoothing", "framework",
               "technique", "approach", "paradigm", "scheme", "procedure", "clustering",
               "factorization", "factorisation", "decomposition", "hashing", "pooling",
               "dropout", "boosting", "regression"),
    "Model": ("network", "networks", "net", "model", "models", "transformer", "transformers",
              "encoder", "decoder", "detector", "autoencoder", "auto-encoder", "machine",
              "machines", "gan",
              "llm", "backbone", "architecture", "graph", "recognizer", "segmenter",
              "classifier", "generator", "module", "codec", "vocoder", "tokenizer",
              "teacher", "student", "retriever", "reranker", "discriminator", "agent"),
    "Software": ("library", "toolkit", "toolbox", "engine", "compiler", "platform", "runtime",
                 "system"),
}
_HEAD_TYPE = {word: type_name for type_name, words in HEADS.items() for word in words}
# An analysis that is a procedure, not a task: "independent component analysis".
_ANALYSIS_METHODS = {"component", "components", "discriminant", "correlation", "factor",
                     "feature", "semantic", "variance", "covariance"}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_CAMEL_TAIL = re.compile(r"(?<=[a-z])[A-Z][a-z]{2,}$")


@lru_cache(maxsize=1 << 16)  # the same names and phrases come back across papers
def type_from_head(phrase: str) -> str | None:
    """The entity type a phrase's last word suggests, or None.

    >>> type_from_head("Long Range Arena"), type_from_head("Constrained Subset Search")
    ('Dataset', 'Method')
    >>> type_from_head("Hierarchical Sparse Transformer"), type_from_head("the cat")
    ('Model', None)
    """
    words = _WORD.findall(phrase)
    if not words:
        return None
    last = words[-1].lower()
    if last == "analysis" and len(words) > 1 and words[-2].lower() in _ANALYSIS_METHODS:
        return "Method"  # "slow feature analysis", "kernel discriminant analysis"
    if last in _HEAD_TYPE:
        return _HEAD_TYPE[last]
    tail = last.rsplit("-", 1)[-1]
    if tail in _HEAD_TYPE:
        return _HEAD_TYPE[tail]
    camel = _CAMEL_TAIL.search(words[-1])  # "FederatedAveraging", "RadixAttention"
    return _HEAD_TYPE.get(camel[0].lower()) if camel else None


# Naming conventions of the field: "...QA"/"...Bench" are benchmarks, "...PO" preference or
# policy optimisation methods, "...Sys" systems.
NAME_CONVENTIONS = (
    (re.compile(r"(?:QA|Bench|Eval|Arena|-\d+[Kk]|-\d{2,}M)$"), "Dataset"),  # LAION-400M
    (re.compile(r"\b(?:Task \d{1,2}[A-Za-z]?|Shared Task)$"), "Dataset"),  # SemEval-2017 Task 8
    (re.compile(r"(?:[A-Z]PO|Loss|Aug|AdamW?|SGD|-Dist|Prune|Quant|Grad|Dropout|Pruning|Rank|"
                r"Mixup|NMS|Norm|MCMC|-ABC|Attention)$"), "Method"),  # "FullGrad", "LambdaRank"
    (re.compile(r"^[a-z]{3,12}2[a-z]{3,6}$"), "Method"),  # "struc2vec", "long2short"
    (re.compile(r"(?:Sys|Engine|Serve)$|^(?:[Pp]y[A-Z]|py[a-z]{3,})|[a-z]{2}[Pp]y$"),
     "Software"),  # Python packages: "pyDML", "pyannote", "SymPy", "d3rlpy"
)


@lru_cache(maxsize=1 << 16)
def type_by_convention(name: str) -> str | None:
    """The type a name's ending gives by the field's conventions ("SEED-Bench": Dataset,
    "KTO-PO": Method), or None. A size in thousands names data ("ImageNet-22K"), but not
    after a model's parameter count or chat name: "ChatGLM2-6B-32k" is a model with a
    32k context."""
    label = next((label for pattern, label in NAME_CONVENTIONS if pattern.search(name)), None)
    if label == "Dataset" and _CONTEXT_LENGTH.search(name):
        return "Model"
    return label


_CONTEXT_LENGTH = re.compile(r"(?:\d[BM]|GPT|Turbo|Chat|Instruct)[\w.-]*-\d+[Kk]$")


_CUT = re.compile(r"(?<![\w-])(?:for|with|that|which|to|of|on|in|from|by|via|using|designed"
                  r"|based|built|trained|where|and|achieving|capable)(?![\w-])|[,;(]")


def described_type(description: str | None) -> str | None:
    """The type an appositive like ``a lightweight CPU network for ...`` gives.

    >>> described_type(", a dataset of 2.7K graphs"), described_type(", an upgraded model")
    ('Dataset', 'Model')
    """
    if not description:
        return None
    if m := _GROUP_OF.match(description):  # "a suite of models": models; "a balanced
        return "Dataset" if _DATA_ITEMS.fullmatch(m[1]) else type_from_head(m[1])  # set of
        # 852 chest images": data
    head = _CUT.split(description.strip(" ,"), maxsplit=1)[0]
    if m := _TASK_SYSTEM.search(head.rstrip()):  # "an end-to-end OCR system": a model
        return "Software" if m[1].lower() in _INFRASTRUCTURE else "Model"
    return type_from_head(head)


# "a ... system" with a word before it: a model for a task ("an end-to-end system", "a
# text-to-audio system"), or software by the words of computing infrastructure ("an LLM
# serving system", "a new ML system"); a bare "a system for ..." stays software.
_TASK_SYSTEM = re.compile(r"(?:an?|the)\s+(?:[\w-]+\s+)*?([\w-]+)\s+system$")
_INFRASTRUCTURE = {"serving", "ml", "inference", "distributed", "training", "database",
                   "storage", "operating", "runtime", "computing", "execution", "software",
                   "compiler", "scheduling", "caching", "memory", "file", "deep-learning",
                   "learning", "dataflow", "streaming", "cluster", "parallel"}


# A description that names a group of things: the kind is what the group holds.
_GROUP_OF = re.compile(r",?\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:suite|family|series|collection|"
                       r"set|range)\s+of\s+(?:[\d,.]+\s+)?(?:[\w-]+\s+){0,2}?([a-z]+s)\b")
_DATA_ITEMS = re.compile(r"images|photos|videos|clips|recordings|utterances|sentences|documents|"
                         r"articles|scans|radiographs|slides|samples|examples|annotations|pairs")
