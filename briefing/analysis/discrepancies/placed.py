"""A discrepancy found at a place of a copy's story, against the reference, by a search
over the whole story rather than at a site of the alignment: an addition, a credit, a
near miss of a name, a figure qualified otherwise."""

from __future__ import annotations

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy
from briefing.model import CorrectionKind


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
