"""HTML tags a store left in a version's text, read as the page shows them."""

from __future__ import annotations

from briefing.text.markup import without_markup
from briefing.text.segment import segment

MARKED = (
    '<p>Shenzhen: Tang Renjian, <a href="https://example.com/tags/china">China</a>\'s '
    "former minister, was sentenced on Sunday, according to <em>Xinhua</em>.</p><p>Tang "
    "took bribes worth 268 million yuan&nbsp;($37.6 million), it said.</p>"
)


def test_tags_are_blanked_and_every_offset_stays_the_files() -> None:
    text = without_markup(MARKED)
    assert len(text) == len(MARKED) and text.count("\n") == MARKED.count("\n")
    assert "<" not in text and "&nbsp;" not in text
    start = MARKED.index("China</a>")
    assert text[start : start + 7] == "China's"
    assert text.index("Tang took") == MARKED.index("Tang took")


def test_sentences_split_where_the_page_breaks_paragraphs() -> None:
    sentences = [" ".join(s.text.split()) for s in segment(without_markup(MARKED)).sentences()]
    assert sentences == [
        "Shenzhen: Tang Renjian, China's former minister, was sentenced on Sunday, "
        "according to Xinhua.",
        "Tang took bribes worth 268 million yuan ($37.6 million), it said.",
    ]


def test_a_text_without_markup_is_left_as_it_is() -> None:
    for text in ("Rates <b> rise", "If a < b and c > d, the 3 <p> rule holds", "A & B &amp; C"):
        assert without_markup(text) == text


def test_tags_in_a_text_not_laid_out_by_markup_are_its_words() -> None:
    text = "<script>alert(1)</script> and <b>bold</b> <img src=x> &amp; <p>one</p>"
    assert without_markup(text) == text
