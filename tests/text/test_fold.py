"""Finding phrases and quotes in texts: folding, the word index, texts searched together."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.text.fold import Joined, closest_passage, find_all, fold, folded_needle, word_pattern


def test_find_all_folds_quotes_and_space_but_not_words() -> None:
    text = "He said “we   agree” and we agreed."
    assert [text[a:b] for a, b in find_all('"we agree"', text)] == ["“we   agree”"]
    assert find_all("we agreed", text) == [(25, 34)]
    assert find_all("agree", text) == [(14, 19)]  # a whole word, not the start of "agreed"
    passage, score = closest_passage("we agreeed", text)
    assert "agree" in passage and score > 80


# Texts of a few words repeated, so that the word index has common words to sieve.
_WORDS = st.sampled_from(["data", "council", "western", "Data", "x_y", "45", "2,1", "a"])
_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", "-", ". ", "\n", "  ", "’s "])
_TEXTS = st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=400).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=200, deadline=None)
@given(
    text=_TEXTS,
    first=st.integers(0, 399),
    length=st.integers(1, 4),
    limit=st.one_of(st.none(), st.integers(1, 3)),
    cut=st.floats(0, 1),
)
@example(
    text="data " * 16 + "data-a a-data’s " + "data " * 13 + "data-data-data-data a’s ",
    first=100,
    length=1,
    limit=None,
    cut=1.0,
)  # a range starting at the "a’s" of "data’s"
def test_the_word_index_finds_what_the_pattern_finds(
    text: str, first: int, length: int, limit: int | None, cut: float
) -> None:
    folded = fold(text)
    words = folded.text.split(" ")
    target = folded_needle(" ".join(words[first % len(words) :][:length]))
    if not target:
        return
    within = (int(cut * len(folded.text) / 2), len(folded.text) - int(cut * len(folded.text) / 3))
    expected = [(m.start(), m.end()) for m in word_pattern(target).finditer(folded.text, *within)]
    folded.search("council", True)  # the first search scans; later ones use the index
    assert folded.search(target, True, limit, within) == expected[:limit]
    assert folded.search(target, True) == [
        (m.start(), m.end()) for m in word_pattern(target).finditer(folded.text)
    ]


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(_TEXTS, min_size=1, max_size=4), needle=_WORDS, more=_WORDS)
@example(texts=["x data ", "data data"], needle="data", more="data")  # a match across two
def test_texts_searched_together_give_what_each_gives_alone(
    texts: list[str], needle: str, more: str
) -> None:
    joined = Joined({f"t{n}": text for n, text in enumerate(texts)})
    for phrase in (needle, f"{needle} {more}"):
        found = [
            (f"t{n}", *span)
            for n, text in enumerate(texts)
            for span in find_all(phrase, text, folded=fold(text))
        ]
        assert joined.find(phrase) == found
