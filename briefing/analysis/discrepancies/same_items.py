"""Whether two items print the same thing, where their keys alone do not settle it."""

from __future__ import annotations

from briefing.analysis.discrepancies.items import Item, acronym
from briefing.text.names import spelt_alike


def same_keys(x: Item, y: Item) -> bool:
    """Whether two items print the same thing: a key in common; for two names of several
    words with the same initials and no other key in common, when each word of one is a
    word of the other or a short form of it ("Capt Ibrahim Traoré", "Captain Ibrahim
    Traoré"), not another word ("Kelly Byrd Rosmarin" is not "Kelly Bayer Rosmarin")."""
    shared = x.keys & y.keys
    if not shared or x.family != "name" or y.family != "name":
        return bool(shared)
    (key,) = shared if len(shared) == 1 else ("",)
    if not key.startswith("P:") or " " in key or x.last == x.first or y.last == y.first:
        return True  # (a name's initials are one key, of no spaces)
    mine, theirs = _spaced_words(x), _spaced_words(y)
    if key != "P:" + acronym(mine):
        return True
    if len(mine) == len(theirs) and all(
        a.startswith(b) or b.startswith(a) for a, b in zip(mine, theirs, strict=True)
    ):
        return True
    return spelt_alike(x.text, y.text)  # "South-east Asia", "Southeast Asia": a house style


def _spaced_words(item: Item) -> list[str]:
    return max(item.keys, key=lambda k: k.count(" "))[2:].split()
