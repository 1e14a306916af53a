"""Words and what they say: quotation spans, keys, dates and numbers."""

from __future__ import annotations

from briefing.text.words import WordReader, date_part, normalise, quote_spans, word_matches


def test_quotations_span_sentences_and_skip_apostrophes() -> None:
    text = "He said “We won’t. Not now.” Then 'yes' it's done.\n“Open quote runs on"
    spans = [text[a:b] for a, b in quote_spans(text)]
    assert spans == ["We won’t. Not now.", "yes", "Open quote runs on"]


def test_a_closing_mark_before_a_word_opens_a_quotation() -> None:
    text = "“With fever,” said Dr. Valenzuela. ”It was heatstroke.”"
    assert [text[a:b] for a, b in quote_spans(text)] == ["With fever,", "It was heatstroke."]


def test_a_quotation_opened_straight_closes_curly() -> None:
    text = '"On that basis I have accepted the sanction,” he continued.'
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "On that basis I have accepted the sanction,"
    ]


def test_an_opening_mark_after_a_word_closes_a_quotation() -> None:
    text = "“We are producing him before the magistrate,“ the officer said. “Yes,” he said."
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "We are producing him before the magistrate,",
        "Yes,",
    ]


def test_a_paragraph_whose_first_mark_closes_was_quoted_from_its_start() -> None:
    text = "About 150 years ago, the Challenger explored this area,” she said.\nHe left."
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "About 150 years ago, the Challenger explored this area,"
    ]


def test_a_word_says_its_date_and_number() -> None:
    reader = WordReader()
    words = reader.tokens(
        "Mr. Smith told the council on Tuesday that 1,400 organisations may join.", 0, 71, []
    )
    by_text = {w.text: w for w in words}
    assert by_text["Tuesday"].date == "tuesday" and by_text["1,400"].number == "1400"
    assert by_text["may"].date is None  # the verb, not the month
    assert by_text["organisations"].key == "organizations"  # one spelling
    assert by_text["Mr."].text == "Mr."  # an abbreviation keeps its full stop
    assert words[0].initial and not by_text["council"].initial


def test_a_reader_reads_each_distinct_sentence_once() -> None:
    reader = WordReader()
    first = reader.sentence("The council met.")
    assert reader.sentence("The council met.") is first
    assert len(reader.distinct_sentences()) == 1


def test_a_decimal_point_is_part_of_a_figure_and_other_dots_are_not() -> None:
    assert normalise("$3.76") != normalise("37.6")
    assert normalise("$37.6") == normalise("37.6") == "37.6"
    assert normalise("U.S.") == normalise("US")


def test_a_span_of_months_is_a_date() -> None:
    assert date_part("january-june", True) == "january-june"
    assert date_part("well-known", True) is None


def test_a_no_break_space_read_in_the_wrong_encoding_is_no_word() -> None:
    text = "he said:Â “Serving the people of Singapore has been my life.Â As this chapter"
    words = [raw for _, _, raw in word_matches(text, 0, len(text))]
    assert "Â" not in words and words[:3] == ["he", "said", "Serving"]


def test_a_vulgar_fraction_is_part_of_its_figure() -> None:
    words = WordReader().sentence("sentenced to 11½ years, an 11½-year term, 11.5 years")
    assert [t.number for t in words if t.number] == ["11.5", "11.5", "11.5"]
