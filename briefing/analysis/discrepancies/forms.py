"""The words of a discrepancy's form: the text at a place, widened by whole words until
it is found only there, and the readings of a place grouped by what they say."""

from __future__ import annotations

from collections.abc import Callable

from briefing.analysis.discrepancies.same_items import same_keys
from briefing.analysis.discrepancies.sites import SiteReading
from briefing.text.names import respelt_name
from briefing.text.words import WordReader


def word_spans(reader: WordReader, text: str, bounds: tuple[int, int]) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text`` within ``bounds`` (a sentence)."""
    lo, hi = bounds
    return [(start + lo, end + lo) for start, end in reader.word_spans(text[lo:hi])]


def widen(
    reader: WordReader,
    text: str,
    start: int,
    end: int,
    bounds: tuple[int, int],
    minimum: int,
    count: Callable[[str], int] | None = None,
    fixed: tuple[int, int] | None = None,
    allowed: int = 1,
) -> tuple[int, int, tuple[int, int]]:
    """Widen [start, end) by whole words within ``bounds`` until it holds ``minimum``
    words and (if ``count`` is given) ``count`` finds it at most ``allowed`` times; or, with
    ``fixed``, by exactly that many words left and right. Returns the span and how many
    words were added on each side."""
    words = word_spans(reader, text, bounds)
    if not words:
        return start, end, (0, 0)
    inside = [k for k, (a, b) in enumerate(words) if a < end and start < b]
    if inside:
        lo, hi = inside[0], inside[-1] + 1
    else:  # an omission: the gap between two words
        lo = hi = next((k for k, (a, _) in enumerate(words) if a >= start), len(words))
    first, last = lo, hi
    if fixed is not None:
        lo, hi = max(0, lo - fixed[0]), min(len(words), hi + fixed[1])
    else:
        if lo == hi:
            lo, hi = max(0, lo - 1), min(len(words), hi + 1)
        grow_left = True
        while lo > 0 or hi < len(words):
            piece = text[words[lo][0] : words[hi - 1][1]]
            if hi - lo >= minimum and (count is None or count(piece) <= allowed):
                break
            if (grow_left and lo > 0) or hi == len(words):
                lo -= 1
            else:
                hi += 1
            grow_left = not grow_left
    if lo >= hi:
        return start, end, (0, 0)
    return words[lo][0], words[hi - 1][1], (first - lo, hi - last)


# Words of context each side of a suggestion's form, by what it is: a number with its unit,
# a changed phrase with a word either side ("ordered [for] a pizza"); a name alone.
AROUND = {"number": (0, 1), "quote": (1, 1), "meaning": (1, 1)}


def _name_text(reading: SiteReading) -> str | None:
    """The text of a reading of a name, the readings that can be spelt two ways."""
    item = reading.item
    return reading.text if item is not None and item.family == "name" else None


def _initials(keys: set[str]) -> bool:
    """Whether the keys two readings share may be a name's initials alone."""
    return len(keys) == 1 and all(k.startswith("P:") and " " not in k for k in keys)


def _agree(a: SiteReading, b: SiteReading) -> bool:
    if a.item is not None and b.item is not None:
        return same_keys(a.item, b.item)
    return bool((a.item.keys if a.item else {a.key}) & (b.item.keys if b.item else {b.key}))


def agreeing_groups(readings: list[SiteReading]) -> dict[str, list[SiteReading]]:
    """Readings that say the same thing, grouped, in order, each group under its first
    reading's key. One rule, the one by which a version agrees with the row's reference:
    two readings of items agree when their items share a key ("the US" and "the United
    States" share "US") and are not one long name spelt two ways, and other readings when
    their keys are equal."""
    groups: dict[str, list[SiteReading]] = {}
    keys: dict[str, set[str]] = {}  # a group's label -> every key of its readings
    names: dict[str, set[str]] = {}  # a group's label -> the names its readings spell
    for reading in readings:
        mine = set(reading.item.keys) if reading.item is not None else {reading.key}
        name = _name_text(reading)
        joined = [
            label
            for label, held in keys.items()
            if (shared := held & mine)
            and (not _initials(shared) or any(_agree(r, reading) for r in groups[label]))
            and not (name is not None and any(respelt_name(name, n) for n in names[label]))
        ]
        if not joined:
            # A reading that shares a key with a group it may not join (a long name spelt
            # another way) opens a group of its own under a label of its own.
            label = reading.key
            while label in groups:
                label += "'"
            groups[label], keys[label], names[label] = [reading], mine, set()
        else:
            label = joined[0]
            groups[label].append(reading)
            keys[label] |= mine
            for other in joined[1:]:  # a reading that agrees with two groups joins them
                groups[label] += groups.pop(other)
                keys[label] |= keys.pop(other)
                names[label] |= names.pop(other)
        if name is not None:
            names[label].add(name)
    return groups
