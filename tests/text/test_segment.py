"""Paragraphs and sentences, with stable anchors."""

from __future__ import annotations

from briefing.text.segment import paragraph_of, segment


def test_paragraphs_are_lines_and_sentences_respect_abbreviations() -> None:
    document = segment("\ufeffMr. Smith met the U.S. envoy. He left.\r\nSecond line.\r\n")
    assert [p.anchor for p in document.paragraphs] == ["p1", "p2"]
    assert [s.text for s in document.paragraphs[0].sentences] == [
        "Mr. Smith met the U.S. envoy.",
        "He left.",
    ]
    assert document.paragraphs[0].sentences[1].anchor == "p1s2"


def test_a_full_stop_that_lost_its_space_still_ends_a_sentence() -> None:
    document = segment(
        "It is part of the planned reforms.Mr Emefiele will hand over, reported.Kapadia said."
        " The U.S. envoy read Nairametrics.com first.\n"
    )
    assert [s.text for s in document.paragraphs[0].sentences] == [
        "It is part of the planned reforms.",
        "Mr Emefiele will hand over, reported.",
        "Kapadia said.",
        "The U.S. envoy read Nairametrics.com first.",
    ]


def test_a_run_of_initials_ends_no_sentence() -> None:
    document = segment("Union Health Minister J.P. Nadda spoke on Thursday. He left.\n")
    assert [s.text for s in document.paragraphs[0].sentences] == [
        "Union Health Minister J.P. Nadda spoke on Thursday.",
        "He left.",
    ]


def test_hard_wrapped_blocks_are_joined() -> None:
    line = "a line of hard wrapped prose that runs on for about seventy chars"
    document = segment(f"{line}\n{line}\n{line}\nend.\n\nNext paragraph.")
    assert len(document.paragraphs) == 2


def test_a_wires_feed_wrapped_with_no_line_between_paragraphs_joins_where_lines_run_on() -> None:
    feed = (
        "Nov 21 (Reuters) - Gautam Adani, the billionaire chair\n"
        "of Indian conglomerate Adani Group and one of the world's\n"
        "richest people, has been indicted in New York.\n"
        "Authorities said Adani and seven other defendants, including\n"
        "his nephew Sagar Adani, agreed to pay about $265 million in\n"
        "bribes to Indian government officials.\n"
        "Fallout for the Adani empire was immediate.\n"
    )
    paragraphs = segment(feed).paragraphs
    assert [p.text.split()[0] for p in paragraphs] == ["Nov", "Authorities", "Fallout"]
    assert paragraphs[1].sentences[0].text.endswith("officials.")
    # In a feed, a full line that ends no sentence runs on before a capitalised word too.
    wrapped = (
        "State officers under the National Programme for Climate Change must\n"
        "send daily data on heatstroke cases and deaths seen in their districts from\n"
        "March 1 onwards. It also stresses the importance of keeping digital records,\n"
        "and confirmed heatstroke cases and deaths at each health facility level, with\n"
        "one more.\n"
        "A second paragraph starts here.\n"
    )
    assert [p.text.split()[0] for p in segment(wrapped).paragraphs] == ["State", "A"]
    # A page stored a line a paragraph, one line of it opening in lower case, keeps its lines.
    page = "Stephen Brashear | Associated Press\nboeing company The company will cut jobs.\n"
    assert len(segment(page).paragraphs) == 2


def test_a_page_stored_with_blank_lines_inside_its_paragraphs_joins_where_they_run_on() -> None:
    # Millennium Post's copy of an AP story on Hurricane Melissa, as the store kept it.
    page = (
        "Hanna Mcleod, a 23-year-old hotel receptionist in the Jamaican capital of Kingston, "
        "said she will have to work during the\n\n"
        "hurricane, but that her husband and brother will be at her house, where they boarded "
        "the windows and she left candles and flashlights\n\n"
        "scattered throughout.\n\n"
        "Jamaica's Prime Minister said the island was ready.\n\n"
        "Read more about the storm and its track across the Caribbean this week\n\n"
        "bottom of page\n"
    )
    paragraphs = segment(page).paragraphs
    assert [p.text.split()[0] for p in paragraphs] == ["Hanna", "Jamaica's", "Read", "bottom"]
    assert paragraphs[0].sentences[0].text.endswith("flashlights\n\nscattered throughout.")


def test_a_sentence_knows_its_paragraph() -> None:
    sentence = segment("One. Two.\nThree.").paragraphs[1].sentences[0]
    assert (sentence.anchor, sentence.paragraph, sentence.number) == ("p2s1", "p2", 1)
    assert paragraph_of("p12s3") == paragraph_of("p12") == "p12"
