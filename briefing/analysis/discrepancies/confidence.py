"""How likely a discrepancy is one an editor corrects, so that the likeliest are read first.

The measure is what the real stories of tests/fixtures/real/ showed of each sort: what the
fact file already says (a correction, an entity) is near certain; against the reference, a
changed number or date is rarely a rewording, a changed name or title seldom, a changed
quotation often is a re-translation's, and a changed word of meaning, an attribution or an
added claim is the most often a rewording. A weak alignment of the passage (a rewrite
that says it in other sentences) lowers any of them.
"""

from __future__ import annotations

from briefing.analysis.align import Alignment
from briefing.analysis.results import Discrepancy

BY_BASIS = {"correction": 0.99, "entity": 0.9, "majority": 0.6, "record": 0.5, None: 0.3}
BY_KIND = {
    "number": 0.9,
    "date": 0.85,
    "name": 0.8,
    "institution": 0.8,
    "title": 0.8,
    "spelling": 0.7,
    "quote": 0.75,
    "attribution": 0.6,
    "meaning": 0.55,
    "addition": 0.5,
}
ALIGNED_WELL = 80.0  # an alignment score (0-100) at which the passage is surely the same


def confidence(item: Discrepancy, alignment: Alignment) -> float:
    """The discrepancy's confidence, from what it rests on and how well its passage aligns."""
    if item.basis == "reference":
        base = BY_KIND.get(item.kind, 0.5)
    else:
        base = BY_BASIS.get(item.basis, 0.3)
    if item.row is not None and item.row < len(alignment.rows) and item.kind != "addition":
        score = alignment.rows[item.row].scores.get(item.source)
        if score is not None and score < ALIGNED_WELL:
            base *= 0.7 + 0.3 * max(0.0, score) / ALIGNED_WELL
    return round(base, 2)
