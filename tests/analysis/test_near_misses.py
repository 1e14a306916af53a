"""Near misses of names, and the capitalised runs they are looked for in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analysis.near_misses import Candidates, NearMisses
from briefing.text.words import POSSESSIVE, TOKEN


def test_near_misses_of_names_are_found_and_words_are_not() -> None:
    text = "The Commissioner met Thomas Renier and the Nordic ministers at Antropic."
    (found,) = NearMisses((text,)).of(
        ["Commission", "Thomas Regnier", "Anthropic", "Nordgrid"], set()
    )
    assert {text[a:b]: form for a, b, form, _ in found} == {
        "Thomas Renier": "Thomas Regnier",
        "Antropic": "Anthropic",
    }


def test_an_entitys_own_name_is_no_near_miss_of_another() -> None:
    text = "Thomas Renier met Thomas Regnier."
    (found,) = NearMisses((text,)).of(["Thomas Regnier"], {"thomas renier"})
    assert found == []


def _runs_word_by_word(text: str) -> tuple[tuple[int, int], ...]:
    """Capitalised runs as the definition reads: every word of the whole text in turn."""
    words: list[tuple[int, int]] = []
    runs: list[list[tuple[int, int]]] = []
    for match in TOKEN.finditer(text):
        word = POSSESSIVE.sub("", match.group().rstrip("."))
        if not next((c for c in word if c.isalpha()), "").isupper():
            words = []
            continue
        if words and text[words[-1][1] : match.start()].strip(".'’") != " ":
            words = []
        if not words:
            runs.append(words)
        words.append((match.start(), match.start() + len(word)))
    return tuple(
        (run[i][0], run[j][1])
        for run in runs
        for i in range(len(run))
        for j in range(i, min(len(run), i + 4))
    )


def _runs_piecewise(text: str, *others: str) -> list[tuple[int, int]]:
    """Capitalised runs of ``text`` as the near-miss search reads them, with ``others``
    read before it: each distinct piece once."""
    candidates = Candidates((*others, text))
    spans = []
    for i, name in enumerate(candidates.names):
        for start, end in candidates.places(i).get(len(others), []):
            assert text[start:end] == name
            spans.append((start, end))
    return sorted(spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("Ab. c'’sD\n\tE.FU.S.12,3“Q”‘x’É-Ł/ñ "), max_size=60))
def test_capitalised_runs_read_piecewise_are_those_of_the_whole_text(text: str) -> None:
    # Runs go on across sentences ("the Agency. The Board"); pieces are read once each.
    assert _runs_piecewise(text) == sorted(_runs_word_by_word(text))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["The Harbour Agency.", "Board", "met", "U.S. Senate.", "A. B. C.", "Ed", "it.", "\n"]
        ),
        max_size=25,
    )
)
def test_capitalised_runs_of_repeated_pieces_are_placed_at_each(words: list[str]) -> None:
    # Pieces repeat within and across texts: each occurrence gets its own places.
    text, other = " ".join(words), " ".join(reversed(words))
    assert _runs_piecewise(text, other) == sorted(_runs_word_by_word(text))
    assert _runs_piecewise(other, text) == sorted(_runs_word_by_word(other))


def test_capitalised_runs_cross_sentences_as_the_text_does() -> None:
    text = "He met the Harbour Agency. The Board agreed.\nNew Line here."
    spans = {text[a:b] for a, b in _runs_piecewise(text)}
    assert "Harbour Agency. The Board" in spans
    assert "Agency. The Board agreed" not in spans  # "agreed" is no capital
    assert not any("\n" in span for span in spans)
