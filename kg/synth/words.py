"""Word banks of the synthetic corpus: a tiny reader of the extractor lexicons, research
domains (where their names come from, how their models are named) and sentence templates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[1] / "extract" / "lexicons"

# ------------------------------------------------------------------------------ lexicons

_SECTION = re.compile(r"^#\s*-{3,}\s*(.+?)\s*$")
_NOTE = re.compile(r"\s+#\s.*$")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon line: the section heading above it and its forms (canonical first)."""

    section: str
    forms: tuple[str, ...]


@lru_cache(maxsize=16)
def lexicon_entries(name: str) -> tuple[LexiconEntry, ...]:
    """The entries of ``lexicons/<name>.txt``: ``canonical | alias ...`` lines, with the
    case-sensitivity mark ``=`` and ``# notes`` stripped and comment lines skipped.

    >>> any(e.forms[0] == "Cityscapes" for e in lexicon_entries("datasets"))
    True
    """
    entries, section = [], ""
    for raw in (LEXICONS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if m := _SECTION.match(line):
            section = m[1]
            continue
        if not line or line.startswith("#"):
            continue
        forms = tuple(f for f in (s.strip().lstrip("=").strip()
                                  for s in _NOTE.sub("", line).split(" | ")) if f)
        if forms:
            entries.append(LexiconEntry(section, forms))
    return tuple(entries)


@lru_cache(maxsize=256)
def section_entries(name: str, keywords: tuple[str, ...], pattern: str = ""
                     ) -> tuple[LexiconEntry, ...]:
    """Entries under a section whose heading contains one of ``keywords`` and whose canonical
    form matches ``pattern`` (all entries of the file if none do)."""
    entries = lexicon_entries(name)
    chosen = tuple(e for e in entries
                   if any(k.lower() in e.section.lower() for k in keywords)
                   and re.search(pattern, e.forms[0]))
    return chosen or entries


# ------------------------------------------------------------------------------ domains


@dataclass(frozen=True, slots=True)
class Domain:
    """A research area: where its names come from and how its models are named."""

    name: str
    field: str
    datasets: tuple[str, ...]  # section keywords in datasets.txt
    metrics: tuple[str, ...]
    models: tuple[str, ...]
    tasks: tuple[str, ...]
    suffixes: tuple[str, ...]
    sizes: tuple[str, ...]
    categories: tuple[str, ...]
    nouns: tuple[str, ...]
    baselines: str = ""  # a pattern the baseline models' canonical names must match


DOMAINS = (
    Domain("llm", "natural language processing", ("LLM knowledge", "LLM alignment", "long con"),
           ("classification / general", "language modelling"),
           ("OpenAI", "Google / DeepMind", "Meta", "other LLM"), ("NLP tasks",),
           ("LM", "GPT", "Chat", "Coder", "Math", "Mind"),
           ("-0.5B", "-1.5B", "-3B", "-7B", "-8B", "-14B", "-32B", "-70B"), ("CL", "AI", "LG"),
           ("large language model", "language model", "reasoning model", "foundation model"),
           r"GPT|Llama|LLaMA|Gemma|PaLM|Gemini|Chinchilla|OPT|Qwen|Mi[sx]tral|DeepSeek|Phi|"
           r"Falcon|Claude|GLM|Baichuan|InternLM|Vicuna|Alpaca|Grok|BLOOM"),
    Domain("nlu", "natural language processing", ("NLP: understanding", "NLP: QA", "NLP: tag"),
           ("classification / general", "retrieval"),
           ("encoder / encoder-decoder", "retrievers"), ("NLP tasks", "retrieval and ranking"),
           ("BERT", "ERT", "Former", "Ret"), ("-Base", "-Large", "-Small", "-XL"), ("CL", "IR"),
           ("pre-trained language model", "retriever", "text encoder")),
    Domain("det", "computer vision", ("detection, segmentation",),
           ("detection, segmentation",), ("detection, segmentation", "vision backbones"),
           ("image understanding",), ("DETR", "Seg", "YOLO", "Det", "Net"),
           ("-S", "-M", "-L", "-X", "-Tiny"), ("CV",),
           ("detector", "segmentation model", "real-time detector", "network")),
    Domain("cls", "computer vision", ("vision: classification",), ("classification / general",),
           ("vision backbones",), ("image understanding",), ("Net", "ViT", "Former", "Mixer"),
           ("-T", "-S", "-B", "-L"), ("CV", "LG"),
           ("vision backbone", "vision transformer", "convolutional network")),
    Domain("ocr", "document intelligence", ("OCR",), ("OCR and document", "classification"),
           ("OCR and document",), ("OCR and documents",), ("OCR", "Doc", "Layout", "Text"),
           ("-S", "-M", "-L", "-Mobile", "-Server"), ("CV", "CL"),
           ("OCR system", "document parser", "text recognizer", "layout analysis model")),
    Domain("vlm", "multimodal learning", ("multimodal",),
           ("classification / general", "language modelling"), ("vision-language",),
           ("vision-language",), ("VL", "VLM", "CLIP", "ViL"), ("-2B", "-7B", "-Base", "-Large"),
           ("CV", "CL", "MM"), ("vision-language model", "multimodal model", "image-text model")),
    Domain("gen", "generative modelling", ("generation evaluation", "vision: low-level"),
           ("generation and restoration",), ("generation",), ("generation",),
           ("Diff", "Gen", "Flow", "GAN", "DiT"), ("-XL", "-L", "-2B", "-8B"), ("CV", "GR"),
           ("diffusion model", "text-to-image model", "generative model")),
    Domain("speech", "speech processing", ("speech",), ("speech",), ("audio generation",),
           ("speech and audio",), ("Speech", "Voice", "Audio", "ASR", "TTS"),
           ("-Base", "-Large", "-Small"), ("SD", "CL", "eess.AS"),
           ("speech model", "speech recognizer", "audio encoder")),
    Domain("graph", "graph learning", ("graphs, molecules", "knowledge graphs", "recommendation"),
           ("retrieval, recommendation", "regression"), ("graphs, knowledge graphs",),
           ("graphs and knowledge",), ("GNN", "Graph", "GT", "Rec"), ("-S", "-L"),
           ("LG", "IR", "SI"), ("graph neural network", "recommender", "graph transformer")),
    Domain("bio", "computational biology", ("biology",), ("protein",), ("science",),
           ("science, health",), ("Fold", "Prot", "Mol", "Bio"), ("-S", "-L", "-3B"),
           ("LG", "q-bio.BM"), ("protein language model", "structure predictor", "model")),
)

# ------------------------------------------------------------------------------ word banks

FIRST = (
    "Wei", "Jing", "Xin", "Hao", "Lei", "Min", "Jun", "Yan", "Ming", "Qiang", "Na", "Fang",
    "Tao", "Bo", "Rui", "Zhi", "Yi", "Anna", "Maria", "Laura", "Sofia", "Elena", "Clara",
    "Julia", "Emma", "Lucas", "Marco", "Luca", "Pietro", "Giulia", "Hugo", "Louis", "Camille",
    "Jean", "Pierre", "Thomas", "Lukas", "Felix", "Jonas", "Leon", "Paul", "Hannah", "Lena",
    "Mia", "David", "Daniel", "Michael", "James", "Robert", "John", "Sarah", "Emily", "Jessica",
    "Andrew", "Kevin", "Brian", "Ryan", "Eric", "Jason", "Olivia", "Grace", "Amit", "Rahul",
    "Priya", "Ananya", "Arjun", "Vikram", "Sanjay", "Deepak", "Kavya", "Rohan", "Hiroshi",
    "Takumi", "Yuki", "Haruto", "Sora", "Kenji", "Akira", "Minji", "Jisoo", "Seojun", "Hyun",
    "Joon", "Ahmed", "Omar", "Fatima", "Layla", "Yusuf", "Mehmet", "Elif", "Ivan", "Dmitri",
    "Olga", "Natalia", "Sergei", "Pablo", "Diego", "Carmen", "Lucía", "Javier", "José", "Tomás",
    "Ana", "Kofi", "Amara", "Chidi", "Zainab", "Chiara", "Matteo", "Zoë", "Søren", "Ingrid",
    "Astrid",
)
LAST = (
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Zheng", "Liang", "Xie", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai",
    "Jiang", "Du", "Ye", "Cheng", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Smith", "Johnson",
    "Brown", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore", "Martin", "Jackson",
    "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott",
    "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips",
    "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Rogers", "Reed",
    "Cook", "Morgan", "Bell", "Murphy", "Bailey", "Rivera", "Cooper", "Richardson", "Howard",
    "Ward", "Torres", "Peterson", "Gray", "Watson", "Brooks", "Kelly", "Price", "Bennett",
    "Wood", "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Hughes",
    "Flores", "Butler", "Foster", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
    "Wagner", "Becker", "Hoffmann", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi",
    "Romano", "Colombo", "Ricci", "Greco", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent",
    "Garcia", "Martinez", "Rodriguez", "Lopez", "Gonzalez", "Hernandez", "Perez", "Sanchez",
    "Kumar", "Sharma", "Singh", "Gupta", "Patel", "Reddy", "Iyer", "Nair", "Rao", "Mehta",
    "Joshi", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura",
    "Kobayashi", "Kato", "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang",
    "Lim", "Nguyen", "Tran", "Pham", "Hoang", "Ivanov", "Petrov", "Smirnov", "Kuznetsov",
    "Popov", "Sokolov", "Novak", "Kowalski", "Nowak", "Yilmaz", "Kaya", "Demir", "Hassan",
    "Ibrahim", "Mahmoud", "Okafor", "Mensah", "Adeyemi", "O'Brien",
)
SYLLABLES = (
    "ka", "lu", "mo", "ra", "ne", "vi", "sol", "ta", "ri", "zen", "or", "ex", "ax", "qu", "ix",
    "el", "on", "ar", "dra", "fer", "gal", "hel", "jor", "kel", "lum", "mir", "nor", "pax",
    "quo", "rel", "sil", "tor", "ul", "ven", "wex", "xan", "yor", "zor", "bel", "cor", "dax",
    "fin", "gor", "hux",
)
ADJ = ("novel", "simple yet effective", "unified", "lightweight", "efficient", "scalable",
        "general-purpose", "open", "robust", "high-performance")
TITLE_ADJ = ("Efficient", "Scalable", "Unified", "Lightweight", "Robust", "Open", "Real-Time",
              "Fast and Accurate", "Multi-Scale", "Knowledge-Enhanced", "Data-Efficient")
COMP = (("Unified", "Adaptive", "Hierarchical", "Dynamic", "Cross-scale", "Progressive",
          "Multi-view", "Sparse", "Contrastive", "Decoupled"),
         ("Attention", "Feature", "Token", "Context", "Query", "Prompt", "Memory", "Region"),
         ("Fusion Module", "Aggregation Block", "Decoder", "Router", "Alignment Loss",
          "Distillation Strategy", "Pyramid Pooling Module", "Refinement Head"))
TREND = ("large-scale pre-training", "the availability of web-scale data", "scaling laws",
          "advances in self-supervised learning", "efficient attention mechanisms",
          "instruction tuning", "better data curation")
ISSUE = ("their high computational cost hinders deployment on edge devices",
          "they generalize poorly to out-of-distribution data",
          "they require large amounts of labeled data", "their inference latency is prohibitive",
          "they struggle with long-tail categories", "they often produce unfaithful outputs",
          "their training is unstable at scale")
LIMIT = ("ignore the interaction between local and global context",
          "treat each modality independently", "rely on a single view of the data",
          "are trained on noisy web data without filtering", "scale poorly with input length",
          "depend on expensive multi-stage pipelines", "lack systematic use of prior knowledge")
APP = ("autonomous driving", "document analysis", "web search", "robotics", "healthcare",
        "e-commerce", "education", "scientific discovery")
OPENERS = (
    "Recent years have witnessed rapid progress in {task}, driven by {trend}.",
    "{Sent} is a fundamental problem in {field} with broad applications in {app}.",
    "{Sent} has attracted increasing attention from both academia and industry.",
    "Large-scale pre-training has become the dominant paradigm for {task} in {field}.",
    "Despite the remarkable success of {b1} and {b2} on {task}, {issue}.",
    "While {b1} and {b2} have pushed the state of the art in {task}, {issue}.",
    "Scaling up {noun}s has led to impressive gains on {task} benchmarks such as {d1} and {d2}.",
    "Building a practical system for {task} in {app} remains challenging.",
    "Most progress in {task} over the past years has come from {trend}.",
    "{Sent} and {task2} are two key capabilities of modern {noun}s.",
    "Current {noun}s achieve strong results on {task}, yet {issue}.",
)
GAPS = (
    "However, most existing methods {limit}, leading to sub-optimal performance.",
    "However, existing methods still fall short: {issue}.",
    "Moreover, little attention has been paid to the trade-off between accuracy and cost.",
    "Existing approaches also {limit}, which limits their use in {app}.",
    "As a result, deploying them in {app} is still difficult.",
)
PROPOSALS = (
    "In this paper, we propose {x}, a {adj} {noun} for {task}.",
    "To address these issues, we present {x}, a {adj} {noun} that unifies {task} and {task2}.",
    "We introduce {x}, an open {noun} designed for {task}.",
    "This technical report introduces {x}, a {adj} {noun} for {task} and {task2}.",
    "In this work, we develop {x}, a {adj} {noun} that achieves a better trade-off between "
    "accuracy and speed.",
    "We present {x}, a family of {adj} {noun}s trained on {d1} and publicly available data.",
)
LINEAGE = (
    "{x} is built upon {y} with several key upgrades.",
    "Based on {y}, we redesign the training recipe and the data pipeline.",
    "{x} is an upgraded version of {y} with stronger {task} ability.",
    "Compared with its predecessor {y}, {x} doubles the amount of training data.",
    "{x} is fine-tuned from {y} on a curated mixture of instruction data.",
    "{x} is initialized from {y} and further trained with {method}.",
    "Starting from {y}, we train {x} with a progressive schedule.",
    "We distill {y} into {x}, which is {ratio}x smaller.",
)
COMPONENTS = (
    "{x} adopts {z} as the backbone and a {comp2} ({acr2}) as the neck.",
    "We utilize {z} to optimize the backbone of {x}.",
    "Specifically, we replace the encoder of {y} with {z}.",
    "{x} uses {z} as its encoder.",
)
DETAILS = (
    "We further design a {comp} ({acr}) to aggregate multi-scale context at low cost.",
    "To improve training stability, we adopt {method} together with {method2}.",
    "The model is trained with {method3} on {gpus} {hardware} GPUs using {software}.",
    "In addition, we construct {samples}M high-quality training samples with an automatic "
    "filtering pipeline.",
    "Our implementation is based on {software2} and runs efficiently on {hardware2}.",
    "The proposed objective $\\mathcal{{L}}_{{align}}$ encourages consistent predictions "
    "across views.",
    "A linear-time variant reduces the complexity from $O(n^2)$ to $O(n \\log n)$.",
    "We also introduce a {comp2} ({acr2}) that yields a {ratio}$\\times$ speed-up with only "
    "$\\sim${p}% additional parameters.",
    "Specifically, we first pre-train the model on large-scale weakly labeled data, and then "
    "fine-tune it on {d1}.",
    "The whole training process consumes about {hours}K GPU hours.",
    "Careful ablations show that each component contributes to the final performance.",
    "We analyze the scaling behavior of {x} with respect to model size and data size.",
    "A curriculum over task difficulty further improves sample efficiency.",
    "To reduce the memory footprint, we rely on {method4}.",
    "To facilitate fair comparison, all models are evaluated under the same protocol.",
    "The resulting model handles inputs of up to {ctx}K tokens.",
    "We also release a new benchmark of {p}K human-annotated examples for {task2}.",
    "Beyond {task}, the same recipe transfers to {task2} without task-specific changes.",
)
RESULTS = (
    "{x} achieves {r1} on {d1}, outperforming {b1} by {gain} points.",
    "On the {d1} benchmark, {x} reaches {r1}, setting a new state of the art.",
    "Experimental results show that {x} achieves {r1} and {r2} on {d1}.",
    "Notably, {x} attains {r1} on {d1}, surpassing {b1} and {b2}.",
    "{x} achieves {r1} on the {d1} test set with {r2}.",
)
MORE_RESULTS = (
    "In particular, {xs} obtains {r3} on {d2}.",
    "With only a fraction of the parameters, {xs} reaches {r3} on {d2}.",
    "On {d2}, {xs} achieves {r3}, compared with {r4} for {b1}.",
    "Furthermore, {x} sets a new record of {r3} on the {d2} benchmark.",
)
COMPARISONS = (
    "Extensive experiments on {d1}, {d2} and {d3} demonstrate that {x} consistently "
    "outperforms {b1}, {b2} and {b3}.",
    "Compared with {b1}, {x} improves accuracy by {gain}% on {d2} while using {ratio}x fewer "
    "parameters.",
    "{x} outperforms {b1} and {b2} on {d2} and {d3}.",
    "{x} achieves competitive results with {b1} on {d2} at a fraction of the cost.",
    "{x} surpasses strong baselines such as {b1}, {b2} and {b3} on {d2}.",
    "Compared with {b1} and {b2}, {x} is {ratio}x faster at inference on {hardware}.",
)
CODE = ("Code is available at {url}.", "Our code and models are publicly available at {url}.",
        "The code and pre-trained models will be released at {url}{{this https URL}}.",
        "Source code: {url}", "Code and data are available at {{this https URL}}.")
TITLES = ("{x}: {ta} {tnoun} for {Task}", "{x}: Towards {ta} {Task}", "{x} Technical Report",
          "{x}: Scaling {tnouns} for {Task}", "{x}: A {ta} Baseline for {Task}",
          "{x}: {tcomp} for {ta} {Task}")
# metric name pattern -> (low, high, decimals, suffix); the first match wins
METRIC_VALUES = (
    (r"FID|FVD|KID|(?i:perplexity|distance)|PPL|RMSD|RMSE|MAE|MSE|MPJPE", (1.0, 30.0, 2, "")),
    (r"PSNR|SDR|SNR", (10.0, 40.0, 2, " dB")), (r"SSIM|LPIPS|NED", (0.05, 0.99, 3, "")),
    (r"WER|CER|error|EER|miss rate", (1.0, 25.0, 1, "%")),
    (r"FPS|throughput", (20.0, 400.0, 1, "")), (r"latency", (2.0, 80.0, 1, " ms")),
    (r"BLEU|ROUGE|CIDEr|METEOR|chrF|COMET|score|Score", (15.0, 90.0, 1, "")),
)


_AN = re.compile(r"\b([Aa]) (?=[aeioAEIO]|[uU](?![nN][iI]|[sS][eEaA]|[rR][lL])"
                 r"|[FHLMNRSX][A-Z0-9-]|[fhlmnrsx][A-Z])")


def title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def plural(noun: str) -> str:
    """``Strategy`` -> ``Strategies``, ``Loss`` -> ``Losses``, ``Module`` -> ``Modules``."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def articles(text: str) -> str:
    """``a`` before a vowel sound becomes ``an`` ("an open model", "an FID of 6.75")."""
    return _AN.sub(r"\1n ", text)
