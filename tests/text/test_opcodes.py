"""The word-by-word edit script between two sentences: which words stand for which."""

from __future__ import annotations

from briefing.text.opcodes import word_opcodes
from briefing.text.words import WordReader


def changes(mine: str, theirs: str) -> list[tuple[str, str, str]]:
    """Each change, a word replaced by a word where a change replaces as many words as
    it takes."""
    reader = WordReader()
    a, b = reader.sentence(mine), reader.sentence(theirs)
    found = []
    for op in word_opcodes(a, b):
        i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "replace" and i1 - i0 == j1 - j0:
            found += [("replace", a[i].text, b[j0 + i - i0].text) for i in range(i0, i1)]
        elif op.tag != "equal":
            found.append(
                (op.tag, " ".join(t.text for t in a[i0:i1]), " ".join(t.text for t in b[j0:j1]))
            )
    return found


def test_a_word_spelt_alike_is_the_same_word_inflected() -> None:
    # As few edits pair "requires" with "still" and "a" with "requiring".
    found = changes(
        "It requires a “considerable number” of chips.",
        "It is still requiring “significant numbers” of chips.",
    )
    assert ("replace", "considerable", "significant") in found
    assert ("replace", "number", "numbers") in found


def test_a_quoted_change_stands_apart_from_the_unquoted_words_beside_it() -> None:
    found = changes(
        "He described it as “wombs for rent”.",
        "He called it “uterus for rent”.",
    )
    assert ("replace", "wombs", "uterus") in found


def test_one_word_for_one_is_left_as_the_edit_distance_gives_it() -> None:
    assert changes("The minister said on Monday.", "The minister said on Tuesday.") == [
        ("replace", "Monday", "Tuesday")
    ]
