"""The shortcuts the extractors take for speed give exactly what the slow way gives:
regexes tried only where a cheap scan says a match can start, token offsets without
``doc.char_span``."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract import build_pipeline, names, repos
from kg.extract.context import matches_at, span_bounds

PIECES = ["ERNIE", "3.0", "Titan", "PP-OCRv3", "we propose", "We introduce", "named", "Top-1",
          "Error Rate", "Mean Score", "C++", "a+b", "GPT-4o", "-7B", "v2", "V8", "(", ")", ".",
          "x2013", "LLMs", "\n", "called", "KnowRL-Nemotron-1.5B", "Figure 3", "Speedup Score",
          "A+B", "mIoU", "_x", "@y", "/z", "https://", "www.", "GitHub.com/", "Org/repo",
          "huggingface.co/", "a", "Z", "7", "İ", "ı", "\u212a", "bitbucket.org/", "é",
          "phi-3-small", "code-cushman-001", "ab-12", "-3", "cd"]
TEXT = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", "-", "  ", "/"])),
                max_size=14).map(lambda parts: "".join(p + sep for p, sep in parts))
ANY_TEXT = st.one_of(TEXT, st.text(alphabet="aAzZvV019 -.+_/@()\n\tµ", max_size=40))


def scanners(text):
    rev = text[::-1]
    return [(names.SHAPED, names._shaped_starts(text, rev)),
            (names.VERSIONED, names._versioned_starts(text, rev)),
            (names.CUE, names._cue_starts(text)),
            (names.METRIC_PHRASE, names._metric_phrase_starts(text, rev)),
            (names.LOWER_MODEL, names._lower_model_starts(text))]


@settings(max_examples=600, deadline=None)
@given(ANY_TEXT)
@example("ERNIE V8, Llama v2.1 and Qwen 7B; Mistral 0.1")
@example("A+B+Cx2 and C++ or x+YZ, (aB) _AB @AB /AB .AB -AB")
@example("we we propose X; We introduce Y named Z called W namely V")
@example("Mean Word Error Rate, Top Score, a Score, X-Y Z Accuracy\nRatio")
@example("see https://www.github.com/a/b, http://GitLab.com/x/y and huggingface.co/o/r")
def test_scanned_matches_are_the_regex_matches(text):
    for pattern, starts in scanners(text):
        assert [m.span() for m in matches_at(pattern, text, starts)] == \
            [m.span() for m in pattern.finditer(text)], pattern.pattern[:40]
    assert [m.span() for m in repos.url_matches(text)] == \
        [m.span() for m in repos.URL.finditer(text)]


def test_scanned_matches_on_realistic_text():
    text = ("We propose KnowRL-Nemotron-1.5B, a model built on ERNIE 3.0 Titan and PP-OCRv3. "
            "It improves the Word Error Rate and Speedup Score over C++ baselines (LLMs); code "
            "at https://www.GitHub.com/Org/Repo/tree/main. Our system, named HydraNet v2, beats "
            "phi-3-small ...")
    for pattern, starts in scanners(text):
        found = [m.span() for m in matches_at(pattern, text, starts)]
        assert found == [m.span() for m in pattern.finditer(text)] and found
    assert [m[0] for m in repos.url_matches(text)] == ["https://www.GitHub.com/Org/Repo/tree/main."]



@settings(max_examples=200, deadline=None)
@given(TEXT, st.data())
def test_span_bounds_are_char_span(text, data):
    doc = _NLP.make_doc(text)
    start = data.draw(st.integers(-1, len(text) + 1))
    end = data.draw(st.integers(-1, len(text) + 1))
    for mode in ("strict", "contract", "expand"):
        try:
            span = doc.char_span(start, end, alignment_mode=mode)
        except Exception:  # spaCy fails on some empty ranges; nothing to compare
            continue
        assert span_bounds(doc, start, end, mode) == (None if span is None
                                                       else (span.start, span.end))


_NLP = build_pipeline(())
