"""Regression guard on development sets unlike the seeds, in the seed layouts with new
wording, each annotated by hand from EXTRACTION.md before the extractors were run on it:

- ``dev`` (tests/data/dev/, gold in tests/data/gold/dev.jsonl): 29 papers from Meta,
  Google, OpenAI, Mistral, Qwen, ...;
- ``dev2`` (tests/data/dev2/, gold in tests/data/gold/dev2.jsonl, annotation notes in
  dev2-notes.md): 30 papers from Microsoft, Berkeley, DeepSeek, EleutherAI, Allen AI,
  NVIDIA, Tsinghua, ... It was written after ``dev`` had been used to tune rules, so it
  reads lower;
- ``dev3`` (tests/data/dev3/, gold in tests/data/gold/dev3.jsonl, notes in dev3-notes.md):
  30 papers from Google, DeepMind, Salesforce, Meta, Stability AI, Meituan, Shanghai AI
  Lab, ... by a third hand, added to the repository before any rule was written from its
  errors: when added, the fairest stand-in for the held-out set the extractors are judged
  on.
- ``dev4`` (tests/data/dev4/, gold in tests/data/gold/dev4.jsonl, notes in dev4-notes.md):
  30 papers from Alibaba, LMSYS/Berkeley, Stanford, Microsoft, Meta, ByteDance, Cohere,
  ... by a fourth hand that followed the seed gold's conventions where the earlier sets
  differ; a tuning set (its errors are read).
- ``dev5`` (tests/data/dev5/, gold in tests/data/gold/dev5.jsonl, notes in dev5-notes.md):
  30 papers from NVIDIA, MIT, Inria, Google DeepMind, Meta FAIR, Amazon, Huawei, Allen
  AI, ETH, ... by a fifth hand, the seed gold's conventions; scored once before any rule
  was written from it (in its notes), a tuning set since.
- ``dev6`` (tests/data/dev6/, gold in tests/data/gold/dev6.jsonl, notes in dev6-notes.md):
  30 papers from Microsoft, Tencent ARC, ByteDance, Megvii, Samsung, Apple, IBM, NAVER,
  LG, Stanford, Berkeley, CMU, Oxford, Mila, ... by a sixth hand, the seed gold's
  conventions; scored once before any rule was written from it (in its notes).
- ``dev7`` (tests/data/dev7/, gold in tests/data/gold/dev7.jsonl, notes in dev7-notes.md):
  30 papers from Zhipu/Tsinghua, NAVER, Moonshot, Xiaomi, Kuaishou, Snap, Qualcomm,
  Pinterest, Yandex, iFlytek, Sakana, EPFL, Intel, MIT, HKU, Stanford, ... by a seventh
  hand, the seed gold's conventions; scored once before any rule was written from it.
- ``dev8`` (tests/data/dev8/, gold in tests/data/gold/dev8.jsonl, notes in dev8-notes.md):
  30 papers from the Max Planck Institute for Intelligent Systems, AI21, Upstage, Kyutai,
  Physical Intelligence, TU Munich, Netflix, Sierra, UW, IDEA, Columbia, Adobe, Cornell,
  Sony AI, TII, ... by an eighth hand; scored once before any rule was written from it.
- ``dev9`` (tests/data/dev9/, gold in tests/data/gold/dev9.jsonl, notes in dev9-notes.md):
  30 papers from Waymo, Fudan, Beihang, Baichuan, Uber, Johns Hopkins, Useful Sensors,
  DeepWisdom, SJTU-IPADS, KAIST, DP Technology, Caltech, Bloomberg, NYU, ... by a ninth
  hand; scored once (at eafedb2) before any rule was written from it.
- ``dev10`` (tests/data/dev10/, gold in tests/data/gold/dev10.jsonl, notes in
  dev10-notes.md): 30 papers from NVIDIA, Stanford (Percy Liang), Huawei Noah's Ark, Sber,
  Apple, Tencent, Mila, ETH, Together, Snap, Oxford VGG, Hugging Face, Databricks, Cerebras,
  Edinburgh, Allen AI, ... by a tenth hand;
- ``dev11`` (tests/data/dev11/, gold in tests/data/gold/dev11.jsonl, notes in
  dev11-notes.md): 30 papers from Amazon, Berkeley (Sergey Levine), IBM, Intel, Sony,
  Yandex, Peking, Zhejiang, HKUST, SNU, CMU, Princeton, MIT, Toronto, Shanghai AI Lab,
  SenseTime, Google, Snowflake, ... by an eleventh hand, written at the same time as
  ``dev10``; both scored once (at 0282890) before any rule was written from them, tuning
  sets since.
- ``dev12`` (tests/data/dev12/, gold in tests/data/gold/dev12.jsonl, notes in
  dev12-notes.md): 30 papers from Kakao Brain, CMU (Graham Neubig), Spotify, JetBrains, TU
  Darmstadt, Technion, KTH, LinkedIn, Yahoo, Tel Aviv, UCL, Zalando, Twitter, valeo.ai, ...
  by a twelfth hand; scored once (at f5b3a09), after the rules written from ``dev10`` and
  ``dev11``; tuned on since (its errors read in the round that added ``dev14``).
- ``dev13`` (tests/data/dev13/, gold in tests/data/gold/dev13.jsonl, notes in
  dev13-notes.md): 30 papers from Adobe Research, Stanford (Jure Leskovec), Weizmann, Tokyo,
  Korea University, Sea AI Lab, LINE, Unbabel, Preferred Networks, Imperial, UCLA, UNC,
  CUHK, Nomic AI, Janelia, Illuin, ... by a thirteenth hand; scored once (at 673f415), then
  tuned on by the error kinds its annotator summed up.
- ``dev14`` (tests/data/dev14/, gold in tests/data/gold/dev14.jsonl, notes in
  dev14-notes.md): 30 papers from Niantic, Stanford (Christopher Manning), CASIA, DLR,
  Deezer, Brown, USC, Abacus.AI, fast.ai, NIH, JKU, Adelaide, Koblenz, Bonn, Michigan,
  Masakhane, ANU, ... by a fourteenth hand; scored once (at 751bf17), then tuned on.
- ``dev15`` (tests/data/dev15/, gold in tests/data/gold/dev15.jsonl, notes in
  dev15-notes.md): 30 papers from NEC Labs, TU Berlin (Klaus-Robert Müller), Mobvoi, UC
  Davis, AstraZeneca, Wayve, UPF, ASAPP, Helsinki, Harvard, ... by a fifteenth hand; scored
  once (at f69d2cc), then tuned on by the error kinds its annotator summed up.
- ``dev16`` (tests/data/dev16/, gold in tests/data/gold/dev16.jsonl, notes in
  dev16-notes.md): 30 papers from the Bosch Center for AI, Michigan State (Jiliang Tang),
  ... by a sixteenth hand; scored once (at c42eaf1), then tuned on.
- ``dev17`` (tests/data/dev17/, gold in tests/data/gold/dev17.jsonl, notes in
  dev17-notes.md): 30 papers from Idiap, Bar-Ilan (Yoav Goldberg), ... by a seventeenth
  hand; scored by the engineer without reading its errors (at 82a7ea0), then tuned on.
- ``dev18`` (tests/data/dev18/, gold in tests/data/gold/dev18.jsonl, notes in
  dev18-notes.md): 30 papers from DFKI, UMass Amherst (Mohit Iyyer), ... by an eighteenth
  hand; scored once at the end of its round (at 5e1dd82), then tuned on.
- ``dev19`` (tests/data/dev19/, gold in tests/data/gold/dev19.jsonl, notes in
  dev19-notes.md): 30 papers from KU Leuven, Bristol (Dima Damen), InstaDeep, Warwick,
  CERN, RIKEN, ... by a nineteenth hand; scored once when it came in (at d82d3f7) and not
  tuned on until the next round, whose rules were written from its errors (at c08f84e).
- ``dev20`` (tests/data/dev20/, gold in tests/data/gold/dev20.jsonl, notes in
  dev20-notes.md): 30 papers from Sheffield, Freie Universitaet Berlin (Frank Noe), ... by
  a twentieth hand; scored when it came in, at the start of its round (5030e0b) and after
  it without reading its errors; read from d892d9d on (and through the round after).
- ``dev21`` (tests/data/dev21/, gold in tests/data/gold/dev21.jsonl, notes in
  dev21-notes.md): 30 papers from EURECOM, Liege (Gilles Louppe), ... by a twenty-first
  hand, written during set 20's round; scored at that round's start (5030e0b) and end,
  without reading its errors; read from 99d8dac on.
- ``dev22`` (tests/data/dev22/, gold in tests/data/gold/dev22.jsonl, notes in
  dev22-notes.md): 30 papers from Granada (Francisco Herrera), Marc Deisenroth's group, ...
  by a twenty-second hand who followed the seed gold's conventions where EXTRACTION.md is
  silent (fewer usesComponent relations, baselines evaluated only where the abstract says
  so); scored when it came in (1f153ab, with the reader fix found through it) and at the
  session's start (1ee50fe with that fix), without reading its errors; read from 5073404 on.
- ``dev23`` (tests/data/dev23/, gold in tests/data/gold/dev23.jsonl, notes in
  dev23-notes.md): 30 papers from Fabian Theis's lab, Edgar Simo-Serra, ... by a
  twenty-third hand, written like set 22 (seed-gold conventions); scored when it came in
  (at 50da675 and at 2c68a95), without reading its errors; read from 2986564 on.
- ``dev24`` (tests/data/dev24/, gold in tests/data/gold/dev24.jsonl, notes in
  dev24-notes.md): 30 papers from the University of Chicago's SAND Lab, Juan D. Tardós
  (visual SLAM), ParsBERT, KataGo, SAITS, Cornac, ... by a twenty-fourth hand, written like
  sets 22 and 23; scored when it came in (at 310c000 and at 609fa1e), without reading its
  errors: the unread measure (its floors follow its scores, as a guard).

A rule that only helps the seeds does not move these numbers. The floors sit just under
the levels reached; raise them as scores rise."""

from pathlib import Path

import pytest

from kg.config import Settings
from kg.evaluate import evaluate, load_jsonl
from kg.pipeline import extraction_rows

DATA = Path(__file__).resolve().parents[1] / "data"
PAPERS = {"dev": 29, "dev2": 30, "dev3": 30, "dev4": 30, "dev5": 30, "dev6": 30, "dev7": 30,
          "dev8": 30, "dev9": 30, "dev10": 30, "dev11": 30, "dev12": 30,
          "dev13": 30, "dev14": 30, "dev15": 30, "dev16": 30,
          "dev17": 30, "dev18": 30, "dev19": 30, "dev20": 30, "dev21": 30, "dev22": 30,
          "dev23": 30, "dev24": 30}
FLOORS = {
    "dev": {"core": 0.94, "extended": 0.88, "Model": 0.93, "Dataset": 0.93,
            "Organization": 0.95, "Repository": 1.0, "relations": 0.79, "results": 0.88},
    "dev2": {"core": 0.94, "extended": 0.86, "Model": 0.94, "Dataset": 0.93,
             "Organization": 0.95, "Repository": 1.0, "relations": 0.72, "results": 0.91},
    "dev3": {"core": 0.88, "extended": 0.67, "Model": 0.86, "Dataset": 0.87,
             "Organization": 0.96, "Repository": 1.0, "relations": 0.56, "results": 0.66},
    "dev4": {"core": 0.92, "extended": 0.77, "Model": 0.92, "Dataset": 0.95,
             "Organization": 0.92, "Repository": 0.92, "relations": 0.77, "results": 0.93},
    "dev5": {"core": 0.92, "extended": 0.73, "Model": 0.92, "Dataset": 0.91,
             "Organization": 0.91, "Repository": 1.0, "relations": 0.76, "results": 0.77},
    "dev6": {"core": 0.94, "extended": 0.75, "Model": 0.91, "Dataset": 0.89,
             "Organization": 0.95, "Repository": 0.96, "relations": 0.79, "results": 0.87},
    "dev7": {"core": 0.90, "extended": 0.79, "Model": 0.86, "Dataset": 0.88,
             "Organization": 0.94, "Repository": 1.0, "relations": 0.64, "results": 0.80},
    "dev8": {"core": 0.90, "extended": 0.65, "Model": 0.88, "Dataset": 0.85,
             "Organization": 0.92, "Repository": 1.0, "relations": 0.68, "results": 0.82},
    "dev9": {"core": 0.85, "extended": 0.70, "Model": 0.82, "Dataset": 0.78,
             "Organization": 0.86, "Repository": 1.0, "relations": 0.65, "results": 0.67},
    "dev10": {"core": 0.91, "extended": 0.60, "Model": 0.88, "Dataset": 0.92,
              "Organization": 0.93, "Repository": 1.0, "relations": 0.58, "results": 0.64},
    "dev11": {"core": 0.84, "extended": 0.66, "Model": 0.81, "Dataset": 0.77,
              "Organization": 0.92, "Repository": 1.0, "relations": 0.62, "results": 0.71},
    "dev12": {"core": 0.87, "extended": 0.67, "Model": 0.80, "Dataset": 0.92,
              "Organization": 0.88, "Repository": 1.0, "relations": 0.65, "results": 0.77},
    "dev13": {"core": 0.84, "extended": 0.68, "Model": 0.81, "Dataset": 0.81,
              "Organization": 0.83, "Repository": 1.0, "relations": 0.59, "results": 0.69},
    "dev14": {"core": 0.87, "extended": 0.74, "Model": 0.86, "Dataset": 0.81,
              "Organization": 0.82, "Repository": 1.0, "relations": 0.61, "results": 0.47},
    "dev15": {"core": 0.83, "extended": 0.73, "Model": 0.81, "Dataset": 0.78,
              "Organization": 0.91, "Repository": 1.0, "relations": 0.43, "results": 0.39},
    "dev16": {"core": 0.83, "extended": 0.67, "Model": 0.77, "Dataset": 0.88,
              "Organization": 0.90, "Repository": 1.0, "relations": 0.52, "results": 0.51},
    "dev17": {"core": 0.77, "extended": 0.60, "Model": 0.77, "Dataset": 0.76,
              "Organization": 0.70, "Repository": 1.0, "relations": 0.36, "results": 0.60},
    "dev18": {"core": 0.83, "extended": 0.72, "Model": 0.83, "Dataset": 0.82,
              "Organization": 0.88, "Repository": 1.0, "relations": 0.46, "results": 0.49},
    "dev19": {"core": 0.85, "extended": 0.60, "Model": 0.81, "Dataset": 0.85,
              "Organization": 0.88, "Repository": 1.0, "relations": 0.59, "results": 0.60},
    "dev20": {"core": 0.81, "extended": 0.68, "Model": 0.74, "Dataset": 0.86,
              "Organization": 0.80, "Repository": 1.0, "relations": 0.48, "results": 0.78},
    "dev21": {"core": 0.77, "extended": 0.50, "Model": 0.75, "Dataset": 0.77,
              "Organization": 0.90, "Repository": 1.0, "relations": 0.48, "results": 0.56},
    "dev22": {"core": 0.83, "extended": 0.73, "Model": 0.85, "Dataset": 0.73,
              "Organization": 0.87, "Repository": 1.0, "relations": 0.38, "results": 0.66},
    "dev23": {"core": 0.86, "extended": 0.73, "Model": 0.82, "Dataset": 0.84,
              "Organization": 0.92, "Repository": 1.0, "relations": 0.58, "results": 0.78},
    "dev24": {"core": 0.71, "extended": 0.53, "Model": 0.67, "Dataset": 0.75,
              "Organization": 0.80, "Repository": 1.0, "relations": 0.47, "results": 0.38},
}


@pytest.fixture(scope="module", params=sorted(PAPERS))
def scored(request):
    name = request.param
    rows, errors = extraction_rows([DATA / name], Settings())
    assert not errors
    gold = load_jsonl(DATA / "gold" / f"{name}.jsonl")
    assert len(rows) == len(gold) == PAPERS[name]
    return name, evaluate(gold, rows)


def test_dev_gold_floors(scored):
    name, scores = scored
    low = {m: round(scores[m].f1, 3) for m, floor in FLOORS[name].items()
           if scores[m].f1 < floor}
    assert not low, f"{name}: under the floor: {low}"
