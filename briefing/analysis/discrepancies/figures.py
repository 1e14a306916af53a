"""Two figures compared: whether one is the other rounded, hedged, or kept within the
other's bound ("$2.9 trillion" for "$2.89 trillion", "about $38 million" for "$37.6
million", "205" for "more than 200"): said otherwise, not contradicted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.analysis.discrepancies.items import Item
from briefing.text.lexicon import HEDGES

FIGURE = re.compile(r"\d+(?:\.(\d+))?")
_SCALE_HYPHEN = re.compile(r"(?<=\d)-(?=[a-z])")


def hedged(x: Item, y: Item) -> bool:
    """Whether figure ``x`` is figure ``y``, or ``y`` rounded, with a hedge ``y`` lacks
    or another hedge."""
    if x.family != "number" or y.family != "number":
        return False
    for kx in x.keys:
        qualified = _qualified(kx, (*HEDGES, *ADDED_BOUNDS))
        if qualified is None:
            continue
        sense, mine = qualified
        for ky in y.keys:
            # ("approximately 10 million" for "almost 10 million": two hedges, one guess;
            # a bound only where the other figure has no qualifier: "up to 800" for "800")
            theirs = (_qualified(ky, HEDGES if sense in HEDGES else ()) or ("", ky[2:].split()))[1]
            if theirs and theirs[0][:1].isdigit() and _same_figure(mine, theirs):
                return True
    return False


# Bounds that, put to a figure the reference states exactly, say less than it and
# contradict nothing ("over 15" for "15"); a multiplier's ("more than double") is told.
ADDED_BOUNDS = ("more than", "less than", "up to", "at least", "within")


# A bound or a hedge, and whether a figure keeps to it: (figure, bound) -> bool. The bound
# itself does not ("100" for "more than 100", "$3bn" for "up to $3 billion"): the copy
# drops the qualifier and states the limit as the figure.
_BOUNDS = {
    "more than": lambda a, b: a > b,
    "less than": lambda a, b: a < b,
    "at least": lambda a, b: a > b,
    "up to": lambda a, b: a < b,
    # "44.7" for "nearly 45": just under; "17,200" for "about 17,000": near, not equal
    # (the same figure without its hedge states a guess as exact).
    "nearly": lambda a, b: NEARLY * b <= a < b,
    "about": lambda a, b: a != b and abs(a - b) <= (1 - NEARLY) * b,
}
NEARLY = 0.95  # of a figure, the least that is "nearly" or "about" it


def _qualified(key: str, qualifiers: Iterable[str]) -> tuple[str, list[str]] | None:
    """A figure's key read as its qualifier, of ``qualifiers``, and the words after it
    ("N:about 17 million": "about", ["17", "million"]), if it has one of them."""
    for qualifier in qualifiers:
        if key.startswith(f"N:{qualifier} "):
            return qualifier, key[len(f"N:{qualifier} ") :].split()
    return None


def within_bound(x: Item, y: Item) -> bool:
    """Whether one figure is exact where the other is a bound it keeps to ("205" for "more
    than 200", "more than 200" for "205"): more precise, or less, but no contradiction."""
    if x.family != "number" or y.family != "number":
        return False
    for exact, bounded in ((x, y), (y, x)):
        for kb in bounded.keys:
            qualified = _qualified(kb, _BOUNDS)
            if qualified is None:
                continue
            bound, limit = qualified
            for ke in exact.keys:
                figure = ke[2:].split()
                if (
                    figure[1:] == limit[1:]
                    and FIGURE.fullmatch(figure[0] if figure else "")
                    and FIGURE.fullmatch(limit[0] if limit else "")
                    and _BOUNDS[bound](float(figure[0]), float(limit[0]))
                    and (bound not in HEDGES or _digits(figure[0]) > _digits(limit[0]))
                ):
                    return True
    return False


def _digits(figure: str) -> int:
    """A figure's significant digits: a hedge rounds a figure to fewer ("about 17,000" for
    "17,200"); "32.8" is not "nearly 34.28", which is no rounding of it."""
    digits = figure.replace(".", "").lstrip("0")
    return len(digits if "." in figure else digits.rstrip("0")) or 1


def _same_figure(mine: list[str], theirs: list[str]) -> bool:
    """Figures read as words ("38 million", "37.6 million"): the same, or the first the
    second rounded, in the same unit."""
    if mine[1:] != theirs[1:] or not mine:
        return False
    a, b = FIGURE.fullmatch(mine[0]), FIGURE.fullmatch(theirs[0])
    if a is None or b is None:
        return False
    places = len(a.group(1) or "")
    return a.group() == b.group() or round(float(b.group()), places) == float(a.group())


def rounded_alike(x: Item, y: Item) -> bool:
    """Two figures of which one is the other rounded ("$2.89 trillion", "$2.9 trillion"),
    with the same qualifier and unit around them."""
    if x.family != "number" or y.family != "number":
        return False
    # ("$12.5-billion" is "$12.5 billion")
    a, b = (_SCALE_HYPHEN.sub(" ", i.text.replace(",", "").casefold()) for i in (x, y))
    fa, fb = FIGURE.search(a), FIGURE.search(b)
    if fa is None or fb is None or fa.group() == fb.group():
        return False
    if (a[: fa.start()], a[fa.end() :]) != (b[: fb.start()], b[fb.end() :]):
        return False
    places = min(len(fa.group(1) or ""), len(fb.group(1) or ""))
    if places == 0 and not (fa.group(1) or fb.group(1)):
        return False  # two whole numbers: "589" is not "600"
    return round(float(fa.group()), places) == round(float(fb.group()), places)
