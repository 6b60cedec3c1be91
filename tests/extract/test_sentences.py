"""kg_sentences: the same sentences as spaCy's sentencizer, and kg's tokenizer keeps the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import build_pipeline

TEXTS = [
    "",
    "One sentence without a stop",
    "Short. Another one! And a third? Yes.",
    "Gains are large (see Fig. 3). The model, e.g. HydraNet-2, wins... Really?! Done.",
    "It ends with a name like Falcon-40B. Next we test it on GLUE.\n\nNew paragraph here.",
    "Quotes end it.\" Then more. ) odd . spacing .. here",
    "全角の句点。次の文。 Mixed ։ scripts ؟ too.",
]


def sentencizer_starts(nlp, text):
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("sentencizer")(doc)
    return [t.i for t in doc if t.is_sent_start]



def reference():
    """kg's tokenizer with spaCy's sentencizer instead of kg_sentences."""
    nlp = build_pipeline(())
    nlp.remove_pipe("kg_sentences")
    nlp.add_pipe("sentencizer")
    return nlp


def test_same_sentences_as_the_sentencizer():
    nlp, ref = build_pipeline(()), reference()
    for text in TEXTS:
        doc = nlp(text)
        assert [t.i for t in doc if t.is_sent_start] == sentencizer_starts(ref, text), text
        assert doc.user_data["kg_sent_starts"] == sentencizer_starts(ref, text)
        if len(doc):
            assert [s.text for s in doc.sents] == [s.text for s in ref(text).sents]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Word", "v2.1", ".", "!", "?", " ", "  ", "\n", "(", ")",
                                 "\"", "e.g.", "3.5", "...", "。", "-", "ERNIE-4."]),
                max_size=25).map("".join))
def test_same_sentences_on_arbitrary_text(text):
    nlp, ref = _PIPES
    doc = nlp(text)
    assert doc.user_data["kg_sent_starts"] == sentencizer_starts(ref, text)
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in ref(text)]


_PIPES = (build_pipeline(()), reference())


def test_tokenizer_keeps_the_text_and_splits_like_before():
    nlp = build_pipeline(())
    text = "We fine-tune (RL)-based \\textbf{KnowRL} to mIoU/73.6 at 68.9FPS with Mistral-7B."
    doc = nlp(text)
    assert doc.user_data["kg_text"] == text == doc.text
    words = [t.text for t in doc]
    assert {"RL", "KnowRL", "mIoU", "73.6", "FPS", "Mistral-7B", "."} <= set(words)


def test_a_count_glued_to_a_name_comes_apart(extract):
    found = extract("Inference runs on 4×RTX 4090 or 8xA100 GPUs; Mixtral 8x7B uses 16x16 "
                    "patches.")
    names = {m.name for m in found.mentions}
    assert {"RTX 4090", "A100", "Mixtral 8x7B"} <= names
