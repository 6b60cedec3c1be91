"""kg_sentences: the same sentences as spaCy's sentencizer, plus a break after each blank
line and none after an abbreviation's full stop or one before a comma, colon or semicolon;
and kg's tokenizer keeps the text."""

from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.pipeline import Sentencizer

from kg.extract import build_pipeline
from kg.extract.sentences import ABBREVIATIONS

TEXTS = [
    "",
    "One sentence without a stop",
    "Short. Another one! And a third? Yes.",
    "Gains are large (see Fig. 3). The model, e.g. HydraNet-2, wins... Really?! Done.",
    "It ends with a name like Falcon-40B. Next we test it on GLUE.\n\nNew paragraph here.",
    "Quotes end it.\" Then more. ) odd . spacing .. here",
    "全角の句点。次の文。 Mixed ։ scripts ؟ too.",
    "It ranks No. 1 on MTEB (test acc.: 80.0), see Fig. 3 and Lee et al. 2020. Then X.",
    "An odd stop ., then: more. Last.",
    "Ranked No.\n\nNew paragraph after an abbreviation.",
]


def sentencizer_starts(nlp, text):
    """The sentencizer's starts, and the first word after each blank line (a title has no
    final stop), found by walking the tokens."""
    doc = nlp.make_doc(text)
    doc = nlp.get_pipe("sentencizer")(doc)
    starts = _without_excused(doc, {t.i for t in doc if t.is_sent_start})
    for t in doc:
        if not text[:t.idx].strip():
            continue  # nothing but space before it
        if t.i and not t.is_space and "\n\n" in text[doc[t.i - 1].idx: t.idx]:
            starts.add(t.i)
        elif t.i and not t.is_space and doc[t.i - 1].is_space:
            k = t.i - 1
            while k >= 0 and doc[k].is_space:
                k -= 1
            if "\n\n" in text[doc[k].idx + len(doc[k].text) if k >= 0 else 0: t.idx]:
                starts.add(t.i)
    return sorted(starts)


def _without_excused(doc, starts):
    """The starts the sentencizer makes, less those after full stops kg_sentences excuses:
    every final character in the punctuation run before the start (back to the start before
    it) is an abbreviation's full stop (the word glued to it in ABBREVIATIONS) or one a
    comma, colon or semicolon follows."""
    finals = set(Sentencizer.default_punct_chars)

    def excused(j):
        token = doc[j]
        if token.text != ".":
            return False
        glued = j > 0 and doc[j - 1].idx + len(doc[j - 1].text) == token.idx
        return (glued and doc[j - 1].text in ABBREVIATIONS) or (
            j + 1 < len(doc) and doc[j + 1].text in {",", ":", ";"})

    kept = set()
    for k in starts:
        run, j = [], k - 1
        floor = max((s for s in starts if s < k), default=0)  # back to the start before
        while j >= floor and (doc[j].is_punct or doc[j].text in finals or doc[j].is_space):
            if doc[j].text in finals:
                run.append(j)
            j -= 1
        if k == 0 or not run or not all(excused(j) for j in run):
            kept.add(k)
    return kept


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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Word", "v2.1", ".", "!", "?", " ", "  ", "\n", "(", ")",
                                 "\"", "e.g.", "3.5", "...", "。", "-", "ERNIE-4.", "No",
                                 "acc", ",", ":"]),
                max_size=25).map("".join))
@example(".  .,  ")  # a space after a stop starts a sentence; the excused stop after it none
def test_same_sentences_on_arbitrary_text(text):
    nlp, ref = _PIPES
    doc = nlp(text)
    assert doc.user_data["kg_sent_starts"] == sentencizer_starts(ref, text)
    assert [t.i for t in doc if t.is_sent_start] == sentencizer_starts(ref, text)


def test_a_title_without_a_stop_is_its_own_sentence():
    doc = build_pipeline(())("Scaling Sparse Experts\n\nWe train MoE-8B. It works.")
    assert [s.text.strip() for s in doc.sents] == [
        "Scaling Sparse Experts", "We train MoE-8B.", "It works."]


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
