"""A figure converted to another unit: "two meters deep" for "6.5 feet deep" states one
depth, rounded in the copy's unit, not another depth."""

from __future__ import annotations

from briefing.analysis.discrepancies.figures import FIGURE
from briefing.analysis.discrepancies.items import Item
from briefing.analysis.discrepancies.pairing import measure, same_measure
from briefing.analysis.discrepancies.passages import Passage
from briefing.text.lexicon import DIMENSIONS

# Each unit's size in its dimension's base unit (metres, grams).
_SIZE = {
    "mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0, "mile": 1609.344, "yd": 0.9144,
    "ft": 0.3048, "inch": 0.0254, "g": 1.0, "kg": 1000.0, "lb": 453.592,
}  # fmt: skip
CLOSE = 0.1  # a conversion rounded for print stays within a tenth of the figure


def one_measure(passage: Passage, x: Item, ref: Passage, y: Item) -> bool:
    """Whether two figures state one quantity: in one unit written otherwise ("200m" for
    "200-metre"), or converted."""
    return same_measure(passage, x, ref, y) or converted(passage, x, ref, y)


def converted(passage: Passage, x: Item, ref: Passage, y: Item) -> bool:
    """Whether figure ``x`` of the passage is figure ``y`` of the reference in another unit
    of the same dimension, rounded."""
    mine, theirs = measure(passage, x), measure(ref, y)
    if mine == theirs or mine not in _SIZE or theirs not in _SIZE:
        return False
    if DIMENSIONS.get(mine) != DIMENSIONS.get(theirs):
        return False
    a, b = _amount(x), _amount(y)
    if a is None or b is None or not b:
        return False
    return abs(a * _SIZE[mine] / (b * _SIZE[theirs]) - 1) <= CLOSE


def _amount(item: Item) -> float | None:
    """The figure of an item's key, where the key is a figure alone (a hedge before it)."""
    for key in item.keys:
        words = key[2:].split()
        if words and FIGURE.fullmatch(words[-1]):
            return float(words[-1])
    return None
