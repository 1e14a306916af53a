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


def test_hard_wrapped_blocks_are_joined() -> None:
    line = "a line of hard wrapped prose that runs on for about seventy chars"
    document = segment(f"{line}\n{line}\n{line}\nend.\n\nNext paragraph.")
    assert len(document.paragraphs) == 2


def test_a_sentence_knows_its_paragraph() -> None:
    sentence = segment("One. Two.\nThree.").paragraphs[1].sentences[0]
    assert (sentence.anchor, sentence.paragraph, sentence.number) == ("p2s1", "p2", 1)
    assert paragraph_of("p12s3") == paragraph_of("p12") == "p12"
