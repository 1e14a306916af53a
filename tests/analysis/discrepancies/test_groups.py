"""Readings of one place grouped by what they say: every reading stays in some group."""

from __future__ import annotations

from briefing.analysis.discrepancies.forms import agreeing_groups
from briefing.analysis.discrepancies.items import Item
from briefing.analysis.discrepancies.sites import SiteReading


def reading(version: str, text: str, family: str = "name") -> SiteReading:
    item = Item(family, frozenset({"NUC"}), 0, len(text), text, 0, 2, None, None)  # type: ignore[arg-type]
    return SiteReading(version, text, 0, len(text), "NUC", item=item)


def test_a_long_name_spelt_another_way_keeps_both_readings() -> None:
    # Both share the acronym's key; the second may not join the first (it spells the
    # name another way), and must not take the first one's place either.
    right = reading("a", "National Universities Commission")
    wrong = reading("b", "National University Commission")
    groups = agreeing_groups([right, wrong])
    assert sorted(r.version for g in groups.values() for r in g) == ["a", "b"]
    assert len(groups) == 2


def test_numbers_that_share_their_key_agree() -> None:
    # "$589 billion" and "589 billion" are one figure however alike other figures look.
    a = reading("a", "$589 billion", "number")
    b = reading("b", "589 billion", "number")
    assert len(agreeing_groups([a, b])) == 1
