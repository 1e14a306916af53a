"""How likely a discrepancy is one an editor corrects, so that the likeliest are read first.

The measure is what the real stories of tests/fixtures/real/ showed of each sort (each
kind's share of suggestions that readers had marked, as (true + 1) / (all + 2), on the
thirty-two stories): what the fact file already says (a correction, an entity) is near
certain; against the reference, a changed quotation or institution is seldom a rewording
(0.88, 0.85), a changed date, an added claim or a name more often (0.75, 0.72, 0.65), and
a changed figure, a word of meaning or an attribution the most often (0.59, 0.58, 0.55):
readers leave a dropped "about" or a conversion unmarked. A weak alignment of the passage
(a rewrite that says it in other sentences) lowers any of them.
"""

from __future__ import annotations

from briefing.analysis.align import Alignment
from briefing.analysis.results import Discrepancy

BY_BASIS = {"correction": 0.99, "entity": 0.9, "majority": 0.6, "record": 0.5, None: 0.3}
BY_KIND = {
    "quote": 0.88,
    "institution": 0.85,
    "date": 0.75,
    "addition": 0.72,
    "spelling": 0.71,
    "title": 0.7,  # none on the real stories: as a name
    "name": 0.65,
    "number": 0.59,
    "meaning": 0.58,
    "attribution": 0.55,
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
