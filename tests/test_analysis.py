"""Segmentation, matching and the derived verdicts and scorecard."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing import pipeline
from briefing.matching import Joined, _pattern, closest_passage, find_all, fold, folded_needle
from briefing.segment import segment

REPO = Path(__file__).resolve().parent.parent
BASIC = Path(__file__).parent / "roots" / "test-basic"


def test_paragraphs_are_lines_and_sentences_respect_abbreviations() -> None:
    document = segment("\ufeffMr. Smith met the U.S. envoy. He left.\r\nSecond line.\r\n")
    assert [p.anchor for p in document.paragraphs] == ["p1", "p2"]
    assert [s.text for s in document.paragraphs[0].sentences] == [
        "Mr. Smith met the U.S. envoy.", "He left."]
    assert document.paragraphs[0].sentences[1].anchor == "p1s2"


def test_hard_wrapped_blocks_are_joined() -> None:
    line = "a line of hard wrapped prose that runs on for about seventy chars"
    document = segment(f"{line}\n{line}\n{line}\nend.\n\nNext paragraph.")
    assert len(document.paragraphs) == 2


def test_find_all_folds_quotes_and_space_but_not_words() -> None:
    text = "He said “we   agree” and we agreed."
    assert [text[a:b] for a, b in find_all('"we agree"', text)] == ["“we   agree”"]
    assert find_all("we agreed", text) == [(25, 34)]
    assert find_all("agree", text) == [(14, 19)]  # a whole word, not the start of "agreed"
    passage, score = closest_passage("we agreeed", text)
    assert "agree" in passage and score > 80


def test_verdicts_and_scorecard_are_derived() -> None:
    result = pipeline.check(BASIC / "facts.yaml", BASIC / "seeds")
    verdicts = {key: {v: r.verdict for v, r in c.verdicts.items()}
                for key, c in result.analysis.corrections.items()}
    assert verdicts == {"kovacs-name": {"wire": "right", "rewrite": "wrong"},
                        "authority-name": {"wire": "right", "rewrite": "wrong"}}
    place = result.analysis.corrections["kovacs-name"].verdicts["rewrite"].places[0]
    assert (place.paragraph, place.sentence, place.text) == ("p1", "p1s2", "Anna Kovach")
    card = result.analysis.scorecard
    assert card["wire"]["name"]["right"] == 1 and card["rewrite"]["name"]["wrong"] == 1


def test_flagship_verdicts_agree_with_the_version_texts() -> None:
    result = pipeline.check(REPO / "docs" / "facts.yaml", REPO / "seeds")
    assert result.problems == []
    texts = {v.id: v.document.text for v in result.project.versions}
    for key, correction in result.analysis.corrections.items():
        for version, verdict in correction.verdicts.items():
            wrong_found = any(find_all(f, texts[version]) for f in correction.correction.wrong)
            assert (verdict.verdict == "wrong") == wrong_found, (key, version)
            if verdict.verdict == "right":
                assert any(find_all(f, texts[version]) for f in correction.correction.right)
    names = result.analysis.names_and_institutions
    assert names("translation")["wrong"] >= 5 and names("translation")["right"] == 0
    assert names("aggregator")["wrong"] == 0 and names("aggregator")["right"] >= 3


def test_flagship_truncated_version_is_absent_not_right() -> None:
    result = pipeline.check(REPO / "docs" / "facts.yaml", REPO / "seeds")
    # "Mr. Anthropic" stands in a paragraph the aggregator copy never reached: even
    # though that copy prints "Anthropic" elsewhere, it neither got it right nor wrong.
    verdict = result.analysis.corrections["mr-anthropic"].verdicts["aggregator"]
    assert verdict.verdict == "absent"


# Texts of a few words repeated, so that the word index has common words to sieve.
_WORDS = st.sampled_from(["data", "council", "western", "Data", "x_y", "45", "2,1", "a"])
_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", "-", ". ", "\n", "  ", "’s "])
_TEXTS = st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=400).map(
    lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS, first=st.integers(0, 399), length=st.integers(1, 4),
       limit=st.one_of(st.none(), st.integers(1, 3)), cut=st.floats(0, 1))
@example(text="data " * 16 + "data-a a-data’s " + "data " * 13 + "data-data-data-data a’s ",
         first=100, length=1, limit=None, cut=1.0)  # a range starting at the "a’s" of "data’s"
def test_the_word_index_finds_what_the_pattern_finds(text: str, first: int, length: int,
                                                     limit: int | None, cut: float) -> None:
    folded = fold(text)
    words = folded.text.split(" ")
    target = folded_needle(" ".join(words[first % len(words):][:length]))
    if not target:
        return
    within = (int(cut * len(folded.text) / 2), len(folded.text) - int(cut * len(folded.text) / 3))
    expected = [(m.start(), m.end()) for m in _pattern(target).finditer(folded.text, *within)]
    folded.search("council", True)  # the first search scans; later ones use the index
    assert folded.search(target, True, limit, within) == expected[:limit]
    assert folded.search(target, True) == [
        (m.start(), m.end()) for m in _pattern(target).finditer(folded.text)]


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(_TEXTS, min_size=1, max_size=4), needle=_WORDS, more=_WORDS)
@example(texts=["x data ", "data data"], needle="data", more="data")  # a match across two
def test_texts_searched_together_give_what_each_gives_alone(texts: list[str], needle: str,
                                                            more: str) -> None:
    joined = Joined({f"t{n}": text for n, text in enumerate(texts)})
    for phrase in (needle, f"{needle} {more}"):
        found = [(f"t{n}", *span) for n, text in enumerate(texts)
                 for span in find_all(phrase, text, folded=fold(text))]
        assert joined.find(phrase) == found


def test_the_check_leaves_the_cycle_collector_as_it_found_it() -> None:
    # The check runs without cycle collection; a host process's settings are its own.
    import gc

    def check() -> None:
        pipeline.check(BASIC / "facts.yaml", BASIC / "seeds")

    assert gc.isenabled()
    check()
    assert gc.isenabled()
    gc.disable()
    try:
        check()
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        check()
        # What the host froze stays frozen (some of it may have been freed meanwhile),
        # and nothing of the check's was added.
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
