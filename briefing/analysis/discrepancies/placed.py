"""A discrepancy found at a place of a copy's story, against the reference, by a search
over the whole story rather than at a site of the alignment: an addition, a credit, a
near miss of a name, a figure qualified otherwise."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy
from briefing.model import CorrectionKind
from briefing.text.segment import Sentence


def placed_discrepancy(
    versions: VersionTexts,
    reviews: Reviews,
    version: str,
    span: tuple[int, int],
    kind: CorrectionKind,
    expected: tuple[str, str] | None,
    site: str,
    row: int | None = None,
) -> Discrepancy:
    """The discrepancy of ``version`` at ``span``; ``expected`` is the reference's id and
    its words there, quoted as evidence (None for an addition, which has no expected form)."""
    start, end = span
    text = versions.documents[version].text[start:end]
    paragraph, anchor = versions.anchor(version, start)
    words = expected[1] if expected else None
    return Discrepancy(
        id="",
        source=version,
        paragraph=paragraph,
        anchor=anchor,
        kind=kind,
        found=text,
        start=start,
        end=end,
        expected=words,
        basis="reference",
        form=text,
        expected_form=words,
        evidence=expected,
        site=f"{version}-{site}",
        row=row,
        reviewed=reviews.review_at(version, start, end),
    )


def copies_sentences(versions: VersionTexts, reference: str) -> Iterator[tuple[str, Sentence]]:
    """Each story sentence of each version but the reference, with its version."""
    for version, sentences in versions.sentences.items():
        if version != reference:
            for sentence in sentences:
                yield version, sentence


def in_sentence(
    versions: VersionTexts,
    reviews: Reviews,
    version: str,
    sentence: Sentence,
    span: tuple[int, int],
    kind: CorrectionKind,
    expected: tuple[str, str],
    what: str,
) -> Discrepancy:
    """The discrepancy at ``span`` of a sentence's own text; ``what`` names the search
    that found it, in the site's id."""
    start, end = sentence.start + span[0], sentence.start + span[1]
    return placed_discrepancy(
        versions,
        reviews,
        version,
        (start, end),
        kind,
        expected,
        f"{sentence.anchor}-{what}-{start}",
    )
