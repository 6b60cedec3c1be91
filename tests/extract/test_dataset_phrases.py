"""Dataset names that are capitalised phrases with a dataset word (kg.extract.dataset_phrases),
in wording of our own."""

from kg.extract.dataset_phrases import dataset_phrases
from tests.extract.conftest import names, typed


def phrases(text: str, abstract_start: int = 0) -> list[str]:
    return [text[a:b] for a, b in dataset_phrases(text, abstract_start)]


def test_capitalised_heads_close_the_name():
    text = ("We score agents on the Open Household Arena and on Kitchen Tasks Suite 2.1, "
            "and release the Polyglot Speech Collection.")
    assert phrases(text) == ["Open Household Arena", "Kitchen Tasks Suite 2.1",
                             "Polyglot Speech Collection"]


def test_lower_case_head_after_the_needs_a_real_name():
    text = ("Results on the Street-View Signs dataset and the Clinical Notes corpus improve, "
            "while the Chinese dataset and a Large benchmark do not count.")
    assert phrases(text) == ["Street-View Signs", "Clinical Notes"]


def test_a_split_of_a_named_dataset_names_it(extract):
    text = ("We report 61.3% on the RoadSigns-21 validation set and 58.9% on the Night "
            "Drive test split, but nothing on the Italian test set.")
    assert phrases(text) == ["RoadSigns-21", "Night Drive"]
    found = extract("SignNet reaches a top-1 error of 12.5% on the RoadSigns-21 test set.")
    assert ("SignNet", "RoadSigns-21", "top-1 error", 12.5) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_names_experiments_are_run_on_are_datasets(extract):
    text = ("Experiments on the toy grids Grid-Maze, RingWorld and Key-Door and on Real-Nav "
            "show gains. We also report results on the OpenSim platform, experiments on "
            "Qwen-7B and tests on four Hindi QA tasks.")
    assert phrases(text) == ["Grid-Maze", "RingWorld", "Key-Door", "Real-Nav"]
    found = extract("We present PathFinder. Experiments on the synthetic mazes Grid-Maze and "
                    "Key-Door show that PathFinder beats A*.")
    assert {("PathFinder", "evaluatedOn", "Grid-Maze"), ("PathFinder", "evaluatedOn", "Key-Door")
            } <= {(r.subject, r.predicate, r.object) for r in found.relations}


def test_a_capitalised_name_after_a_score_and_on_is_a_dataset(extract):
    text = ("Recall@10 is 41.2 on Tmall and 0.83 AUC on Retail Rocket, at 20 ms on Linux "
            "servers and 3.1 points on LLaMA-7B.")
    assert phrases(text) == ["Tmall", "Retail Rocket"]
    found = extract("We present BasketNet. Its HR@20 / NDCG@20 are 61.5 / 30.2 on Tmall.")
    assert ("BasketNet", "evaluatedOn", "Tmall") in {
        (r.subject, r.predicate, r.object) for r in found.relations}


def test_names_listed_after_on_some_graphs_with_a_known_one_are_datasets(extract):
    found = extract("On four large graphs, PPI, Tmall, Weibo and Ogbn-Mag, GraphMix is "
                    "faster than FastGCN.", title="GraphMix: Fast Sampling")
    assert {"Tmall", "Weibo", "PPI"} <= names(found, "Dataset")


def test_names_with_an_arrow_or_an_ampersand_are_datasets(extract):
    found = extract("On Day→Night, ShiftGAN reaches an FID of 31.5, and it scores 71.2 on "
                    "M&M and 60.1 on Sim→Real.", title="ShiftGAN: Domain Shift Made Easy")
    assert {"Day→Night", "M&M", "Sim→Real"} <= names(found, "Dataset")
    assert ("ShiftGAN", "Day→Night", "FID", 31.5) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_openers_are_not_part_of_the_name_and_the_title_is_not_read():
    text = "A Hard Reasoning Benchmark\n\nOur Benchmark is new. We also test on Retail Bench."
    assert phrases(text, text.index("Our")) == ["Retail Bench"]


def test_found_as_datasets_with_results(extract):
    found = extract("Over the Long-Horizon Dialogue dataset, TalkMem-7B reaches 81.2% "
                    "accuracy.", title="TalkMem: A Memory Benchmark Study")
    assert "Long-Horizon Dialogue" in names(found, "Dataset")
    assert ("TalkMem-7B", "Long-Horizon Dialogue", "accuracy", 81.2) in {
        (r.model, r.dataset, r.metric, r.value) for r in found.results}


def test_a_dataset_word_with_a_numeral():
    assert phrases("On Benchmark II and Track 3, models vary.") == ["Benchmark II", "Track 3"]


def test_superglue_the_matcher_is_not_the_benchmark(extract):
    # (one type per name in a paper: the two are told apart in different abstracts)
    matcher = extract("MatchX reaches 51.2 AUC, compared with 49.7 for SuperGlue.")
    benchmark = extract("TextX scores 90.1 on SuperGLUE.")
    assert ("SuperGlue", "Model") in {(m.name, m.type) for m in matcher.mentions}
    assert ("SuperGLUE", "Dataset") in {(m.name, m.type) for m in benchmark.mentions}


def test_names_listed_with_a_known_dataset_are_datasets(extract):
    found = extract("Experiments on Yelp Reviews, Gowalla and MovieLens-20M show gains. "
                    "It reaches 71.2 on CORD, and DocNet-Base obtains 90.3 mAP on PubLayNet.")
    datasets = {m.name for m in found.mentions if m.type == "Dataset"}
    assert {"Yelp Reviews", "Gowalla", "MovieLens-20M"} <= datasets
    assert "DocNet-Base" not in datasets


def test_names_a_sentence_opens_on_are_datasets(extract):
    found = typed(extract("We propose GridNet. On Hex-Puzzle and Tower-9, GridNet reaches 91.2% "
                          "and 80.4% accuracy, respectively. On Llama-2 7B, our schedule also "
                          "helps."))
    assert {("Hex-Puzzle", "Dataset"), ("Tower-9", "Dataset"), ("Llama-2 7B", "Model")} <= found


def test_names_listed_before_a_plural_dataset_word():
    text = ("Tests on the HuMMan and BEHAVE-X datasets and the Motion-X, EgoBody and PROX "
            "benchmarks show gains, unlike the English and German datasets.")
    found = {text[a:b] for a, b in dataset_phrases(text, 0)}
    assert {"HuMMan", "BEHAVE-X", "Motion-X", "EgoBody", "PROX"} <= found
    assert not found & {"English", "German"}


def test_a_plural_list_may_be_described_and_its_items_be_longer(extract):
    # "the public ..." before the names, and a four-word name with a year, beside one the
    # lexicon knows: none of them is the subject "it" refers to
    found = extract("We propose ColdRec, a latent model. On the public BookCrossing and "
                    "KDD Cup 2012 Track benchmarks it gives the best accuracy, and it "
                    "outperforms TopicReg. On the widely used Yelp and Douban-X datasets "
                    "it leads too.")
    assert {("BookCrossing", "Dataset"), ("KDD Cup 2012 Track", "Dataset"),
            ("Douban-X", "Dataset")} <= typed(found)
    assert ("ColdRec", "comparedWith", "TopicReg") in {
        (r.subject, r.predicate, r.object) for r in found.relations}


def test_shaped_names_before_environments_domains_or_datasets(extract):
    found = {(m.name, m.type) for m in extract(
        "We present StepPlan, a planner. The tasks span the Reach3D and PushCube manipulation "
        "domains. In the hard Stack4X environment, StepPlan reaches a success rate of 91%. "
        "Across its four Lift2D datasets, it also leads.").mentions}
    assert {("Reach3D", "Dataset"), ("PushCube", "Dataset"), ("Stack4X", "Dataset"),
            ("Lift2D", "Dataset")} <= found


def test_a_list_after_among_them_ends_before_a_new_subject(extract):
    found = typed(extract("We present TinyMixer, a forecasting model. On seven datasets, among "
                          "them ETTm1, Exchange, Solar and Wind, TinyMixer clearly outperforms "
                          "PatchTST-X."))
    assert {("Exchange", "Dataset"), ("Solar", "Dataset"), ("Wind", "Dataset")} <= found
    assert ("TinyMixer", "Dataset") not in found


def test_names_bracketed_with_a_known_dataset_are_datasets(extract):
    found = typed(extract("Our QuickCoT helps on math benchmarks: word problems (AddSub-X, "
                          "GSM8K, SingleEq), with no examples. With the large model "
                          "Qwen-72B, the accuracy on AddSub-X rises from 17.7% to 78.7%."))
    assert {("AddSub-X", "Dataset"), ("SingleEq", "Dataset")} <= found
    assert ("AddSub-X", "Model") not in found and ("QuickCoT", "Dataset") not in found


def test_as_many_names_as_a_count_of_datasets_are_datasets(extract):
    found = typed(extract("We run the retriever on three legal datasets, Statutes, Verdicts "
                          "and Briefs, and report recall."))
    assert {("Statutes", "Dataset"), ("Verdicts", "Dataset"), ("Briefs", "Dataset")} <= found
    fewer = names(extract("We run the retriever on five legal datasets, Statutes and Verdicts, "
                          "and report recall."))
    assert not {"Statutes", "Verdicts"} & fewer  # a count that is not the names' count


def test_a_count_of_datasets_outweighs_a_company_and_takes_dashes(extract):
    found = typed(extract("We test on four product datasets - Alibaba, Walmart, Etsy and "
                          "Zalando - and report the hit rate of our ranker."))
    assert {("Alibaba", "Dataset"), ("Walmart", "Dataset"), ("Etsy", "Dataset"),
            ("Zalando", "Dataset")} <= found


def test_names_we_evaluate_on_a_task_with_are_datasets(extract):
    found = extract("We release CLIN-BERT, a model for clinical notes. We evaluate on "
                    "document classification with MIMIC-NOTES and CASEREP-2, and report F1.")
    assert {("MIMIC-NOTES", "Dataset"), ("CASEREP-2", "Dataset")} <= typed(found)
    assert ("CLIN-BERT", "evaluatedOn", "MIMIC-NOTES") in {
        (r.subject, r.predicate, r.object) for r in found.relations}


def test_names_given_as_examples_of_datasets_and_a_described_subset(extract):
    found = typed(extract("The toolkit ships loaders for speech corpora, such as VoxPop, "
                          "TIMIT-X and Sermons, and for CLIPS-5, a smaller 5-class subset."))
    assert {("VoxPop", "Dataset"), ("TIMIT-X", "Dataset"), ("Sermons", "Dataset"),
            ("CLIPS-5", "Dataset")} <= found


def test_a_count_of_data_sets_lists_its_names(extract):
    found = typed(extract("We propose TideNet, a forecaster. We experiment with four public "
                          "sensor data sets, Ozone Level, Gas Drift, Wafer and Yoga, and with "
                          "one private data set."))
    assert {("Ozone Level", "Dataset"), ("Gas Drift", "Dataset"), ("Wafer", "Dataset"),
            ("Yoga", "Dataset")} <= found


def test_a_dataset_edition_numbered_by_one_digit(extract):
    found = extract("We train LusoNLI, an entailment model. On HAREM 2, LusoNLI reaches an F1 "
                    "score of 81.5, and on SICK-PT 3 it reaches 77.0.")
    assert {("HAREM 2", "Dataset"), ("SICK-PT 3", "Dataset")} <= typed(found)
    assert 3.0 not in {r.value for r in found.results}  # the edition is not a score
