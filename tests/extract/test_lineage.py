from tests.extract.conftest import typed


def rels(extraction):
    return {(r.subject, r.predicate, r.object) for r in extraction.relations}


def test_based_on_and_compared_with(extract):
    found = extract("We present Zephyr-7B, a chat model fine-tuned from Mistral-7B. Zephyr-7B "
                    "outperforms Llama-2-70B and Vicuna-33B on MT-Bench.")
    assert ("Zephyr-7B", "basedOn", "Mistral-7B") in rels(found)
    assert {("Zephyr-7B", "comparedWith", "Llama-2-70B"),
            ("Zephyr-7B", "comparedWith", "Vicuna-33B")} <= rels(found)
    assert ("Zephyr-7B", "evaluatedOn", "MT-Bench") in rels(found)


def test_train_a_from_b(extract):
    found = extract("We train TinyMath-1B from Pythia-1B with curated data.")
    assert ("TinyMath-1B", "basedOn", "Pythia-1B") in rels(found)


def test_no_relation_without_a_cue(extract):
    found = extract("Both BERT and RoBERTa are popular models in practice.")
    assert ("BERT", "Model") in typed(found) and not found.relations
