"""Dates of a passage read against the reference's: what sort of date each gives, and
the reference's date from where the version's begins."""

from __future__ import annotations

from dataclasses import replace

from briefing.analysis.discrepancies.items import Item
from briefing.analysis.discrepancies.passages import Passage
from briefing.text.lexicon import MONTHS
from briefing.text.words import date_part, normalise


def date_words(words: set[str]) -> set[str]:
    return {date_part(normalise(w), True) or w for w in words}


def date_sort(item: Item, other: Item) -> str:
    """What sort of date an item gives, read against the date it is compared with."""
    key = min(item.keys)
    if _calendar_day(key) and _calendar_day(min(other.keys)):
        return "calendar"  # "yesterday, Friday, July 21, 2023" for "July 21, 2022"
    if any(
        day in key
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    ):
        return "weekday"
    if any(day in key for day in ("today", "yesterday", "tomorrow", "tonight")):
        return "relative"
    if set(key[2:].split()) <= _SEASONS:
        return "season"  # "summer" is no "1 June" and no "2025"
    return "calendar"


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_MONTH_NAMES = frozenset(MONTHS.values())


def calendar_part(y: Item, x: Item, ref: Passage) -> Item:
    """The reference's date from where the version's begins: "July 21, 2023" of
    "yesterday, Friday, July 21, 2023", where the version prints "July 21, 2022" (what
    the version should read there is the day, not the words around it)."""
    if (
        x.family != "date"
        or x.text[:1].isdigit()
        or not (_calendar_day(min(x.keys)) and _calendar_day(min(y.keys)))
    ):
        return y
    head = x.text.split()[0].casefold()
    for k in range(y.first + 1, y.last + 1):
        token = ref.tokens[k]
        if token.text.casefold() == head:
            offset = token.start - ref.tokens[y.first].start
            if any(c.isdigit() for c in y.text[:offset]):
                return y  # ("8 April 2023": the day is the date's)
            return replace(y, start=y.start + offset, text=y.text[offset:], first=k)
    return y


def _calendar_day(key: str) -> bool:
    """Whether a date's key names a month and a year, whatever else it names."""
    words = set(key[2:].split())
    return bool(words & _MONTH_NAMES) and any(w.isdigit() and len(w) == 4 for w in words)
