"""Figures a copy prints without the qualifier the reference gives them, or with another:
"40cm" for "roughly 40cm", "100 names" for "more than 100".

A rewrite tells a figure in a sentence of its own as often as in the reference's, so the
figures are compared over the whole story: where a copy prints a figure of the reference
(in the same unit) with another qualifier than the one the reference always gives it, it
states another fact there.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from briefing.analysis.discrepancies.figures import ADDED_BOUNDS
from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import placed_discrepancy
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy
from briefing.text.lexicon import HEDGES, MONTHS, NUMBER_QUALIFIERS, UNITS, unit_of

# The sense of each qualifier ("over 100" says "more than 100"), as items read them;
# "within" is left to the sentence-by-sentence comparison.
SENSES = {" ".join(words): sense for words, sense in NUMBER_QUALIFIERS.items() if sense != "within"}
# A figure and the unit after it ("40cm-long", "44 grams", "100 individuals"); what
# qualifies it is read in the words before it.
FIGURE = re.compile(r"(?<![\w.,])(?P<figure>\d+(?:,\d+)*(?:\.\d+)?)(?:\s?(?P<unit>%|[A-Za-z]+))?")
_BEFORE = re.compile(r"([a-z]+(?: [a-z]+){0,2}) $", re.IGNORECASE)
LONGEST = max(len(q.split()) for q in SENSES)
LAST_WORDS = frozenset(q.split()[-1] for q in SENSES)
MEASURES = frozenset(UNITS.values()) | {"million", "billion", "trillion", "thousand", "hundred"}
SMALLEST = 10  # a bare figure below this ("two", "3") is too common to follow


def find_qualifier_changes(
    versions: VersionTexts, reference: str | None, reviews: Reviews
) -> list[Discrepancy]:
    """Each place where a copy gives a figure of the reference another qualifier."""
    if reference is None or reference not in versions.documents:
        return []
    stated = _qualified_figures(versions, reference)
    # A paragraph the reference prints too says what the reference says.
    read: dict[str, list[tuple[Figure, str, int, int]]] = {
        p.text: [] for p in versions.documents[reference].paragraphs
    }
    found: list[Discrepancy] = []
    for version in versions.documents:
        if version == reference:
            continue
        for key, sense, start, end in _figures(versions, version, read, stated):
            if key in stated and stated[key][0] != sense and not _says_less(sense, stated[key][0]):
                expected = (reference, stated[key][1])
                found.append(
                    placed_discrepancy(
                        versions,
                        reviews,
                        version,
                        (start, end),
                        "number",
                        expected,
                        f"figure-{start}",
                    )
                )
    return found


def _says_less(sense: str, stated: str) -> bool:
    """Whether a copy's qualifier only makes the reference's figure vaguer: a hedge or a
    bound put to an exact figure ("about 15", "over 15" for "15"), or another hedge of a
    hedged one (two guesses alike)."""
    if not stated:
        return sense in HEDGES or sense in ADDED_BOUNDS
    return sense in HEDGES and stated in HEDGES


Figure = tuple[str, str]  # the figure and its unit of measure ("" if none): ("40", "cm")


def _qualified_figures(versions: VersionTexts, reference: str) -> dict[Figure, tuple[str, str]]:
    """The reference's figures, each with the one qualifier it always gives it."""
    senses: dict[Figure, set[str]] = {}
    forms: dict[Figure, str] = {}
    text = versions.documents[reference].text
    for key, sense, start, end in _figures(versions, reference, {}):
        senses.setdefault(key, set()).add(sense)
        forms.setdefault(key, text[start:end])
    return {key: (next(iter(s)), forms[key]) for key, s in senses.items() if len(s) == 1}


def _figures(
    versions: VersionTexts,
    version: str,
    read: dict[str, list[tuple[Figure, str, int, int]]],
    wanted: Container[Figure] | None = None,
) -> Iterator[tuple[Figure, str, int, int]]:
    """(figure, unit), the qualifier's sense ("" for none), and the span (qualifier
    included), of each figure of a version's story (each ``wanted`` one). ``read`` keeps
    each distinct paragraph's figures: versions repeat most paragraphs."""
    document = versions.documents[version]
    for paragraph in document.paragraphs:
        figures = read.get(paragraph.text)
        if figures is None:
            figures = read[paragraph.text] = _paragraph_figures(paragraph.text, wanted)
        for key, sense, start, end in figures:
            yield key, sense, paragraph.start + start, paragraph.start + end


def _paragraph_figures(
    text: str, wanted: Container[Figure] | None
) -> list[tuple[Figure, str, int, int]]:
    found = []
    for match in FIGURE.finditer(text):
        figure = match.group("figure").replace(",", "")
        unit = unit_of(match.group("unit") or "")
        key = (figure, unit if unit in MEASURES else "")
        if (
            (unit not in MEASURES and float(figure) < SMALLEST)
            or (wanted is not None and key not in wanted)
            or _day_of_month(text, match)
        ):
            continue
        sense, start = _qualifier(text, match.start())
        end = match.end("unit") if unit in MEASURES else match.end("figure")
        found.append((key, sense, start, end))
    return found


def _day_of_month(text: str, match: re.Match[str]) -> bool:
    """Whether a figure is a date's day ("February 11", "11 February"), no count. (A
    month is written with a capital: "the 11 may be" is no date.)"""
    return match.group("unit") in _MONTH_NAMES or (
        _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None
    )


# "Feb", "February", "Sept": each month as a text writes it, with its capital.
_MONTH_NAMES = frozenset(word.capitalize() for pair in MONTHS.items() for word in pair)
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_MONTH_NAMES)) + r")\.?[\s(]+$")


def _qualifier(text: str, at: int) -> tuple[str, int]:
    """The sense of the qualifier that ends just before ``at`` ("more than 100") and
    where it starts; ("", at) where there is none."""
    if at < 2 or text[at - 1] != " ":
        return "", at
    # (The word may open a quotation or an aside: "“About 150 years ago".)
    word = text[text.rfind(" ", 0, at - 1) + 1 : at - 1].casefold().lstrip("“\"‘'([")
    if word not in LAST_WORDS:
        return "", at  # most figures: no qualifier ends there
    before = _BEFORE.search(text, max(0, at - 30), at)
    if before is None:
        return "", at
    words = before.group(1).split(" ")
    for n in range(min(LONGEST, len(words)), 0, -1):
        sense = SENSES.get(" ".join(words[-n:]).casefold())
        if sense is not None:
            return sense, at - 1 - len(" ".join(words[-n:]))
    return "", at
