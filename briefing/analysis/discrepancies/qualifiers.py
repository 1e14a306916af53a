"""Figures a copy prints without the qualifier the reference gives them, or with another:
"40cm" for "roughly 40cm", "100 names" for "more than 100".

A rewrite tells a figure in a sentence of its own as often as in the reference's, so the
figures are compared over the whole story: where a copy prints a figure of the reference
(in the same unit) with another qualifier than the one the reference always gives it, it
states another fact there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy

# The sense of each qualifier ("over 100" says "more than 100").
SENSES = {
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "close to": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "up to": "up to",
    "as many as": "up to",
    "at least": "at least",
    "no fewer than": "at least",
    "exactly": "exactly",
}
_QUALIFIER = "|".join(sorted((re.escape(q) for q in SENSES), key=len, reverse=True))
# A figure, the qualifier before it if any, and the unit after it ("roughly 40cm-long",
# "44 grams", "more than 100 individuals").
FIGURE = re.compile(
    rf"(?:\b(?P<qualifier>{_QUALIFIER})\s+)?(?<![\w.,])(?P<figure>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<unit>%|per ?cent\b|[A-Za-z]+))?",
    re.IGNORECASE,
)
# Units written more than one way.
UNITS = {
    "centimetre": "cm", "centimeter": "cm", "cm": "cm",
    "millimetre": "mm", "millimeter": "mm", "mm": "mm",
    "metre": "m", "meter": "m",
    "kilometre": "km", "kilometer": "km", "km": "km",
    "gram": "g", "gramme": "g", "g": "g",
    "kilogram": "kg", "kilo": "kg", "kg": "kg",
    "percent": "%", "per cent": "%", "%": "%",
    "mile": "mile", "pound": "lb", "lb": "lb",
}  # fmt: skip
MEASURES = frozenset(UNITS.values()) | {"million", "billion", "trillion", "thousand", "hundred"}
SMALLEST = 10  # a bare figure below this ("two", "3") is too common to follow


def find_qualifier_changes(
    versions: VersionTexts, reference: str | None, reviews: Reviews
) -> list[Discrepancy]:
    """Each place where a copy gives a figure of the reference another qualifier."""
    if reference is None or reference not in versions.documents:
        return []
    stated = _qualified_figures(versions, reference)
    found: list[Discrepancy] = []
    for version in versions.documents:
        if version == reference:
            continue
        mine = list(_figures(versions, version))
        for key, (sense, form) in stated.items():
            for _, _, start, end in (f for f in mine if f[0] == key and f[1] != sense):
                found.append(_discrepancy(versions, reviews, version, reference, start, end, form))
    return found


Figure = tuple[str, str]  # the figure and its unit of measure ("" if none): ("40", "cm")


def _qualified_figures(versions: VersionTexts, reference: str) -> dict[Figure, tuple[str, str]]:
    """The reference's figures, each with the one qualifier it always gives it."""
    senses: dict[Figure, set[str]] = {}
    forms: dict[Figure, str] = {}
    text = versions.documents[reference].text
    for key, sense, start, end in _figures(versions, reference):
        senses.setdefault(key, set()).add(sense)
        forms.setdefault(key, text[start:end])
    return {key: (next(iter(s)), forms[key]) for key, s in senses.items() if len(s) == 1}


def _figures(versions: VersionTexts, version: str) -> Iterator[tuple[Figure, str, int, int]]:
    """(figure, unit), the qualifier's sense ("" for none), and the span, of each figure
    of a version's story."""
    document = versions.documents[version]
    for paragraph in document.paragraphs:
        for match in FIGURE.finditer(paragraph.text):
            figure = match.group("figure").replace(",", "")
            unit = _unit(match.group("unit") or "")
            if unit not in MEASURES and float(figure) < SMALLEST:
                continue
            qualifier = (match.group("qualifier") or "").casefold()
            sense = SENSES.get(" ".join(qualifier.split()), "")
            start = paragraph.start + match.start()
            end = paragraph.start + (match.end("unit") if unit in MEASURES else match.end("figure"))
            yield (figure, unit if unit in MEASURES else ""), sense, start, end


def _unit(word: str) -> str:
    word = word.casefold()
    if word in UNITS:
        return UNITS[word]
    if word.endswith("s") and word[:-1] in UNITS:
        return UNITS[word[:-1]]
    return word


def _discrepancy(
    versions: VersionTexts,
    reviews: Reviews,
    version: str,
    reference: str,
    start: int,
    end: int,
    expected: str,
) -> Discrepancy:
    text = versions.documents[version].text[start:end]
    paragraph, anchor = versions.anchor(version, start)
    return Discrepancy(
        id="",
        source=version,
        paragraph=paragraph,
        anchor=anchor,
        kind="number",
        found=text,
        start=start,
        end=end,
        expected=expected,
        basis="reference",
        form=text,
        expected_form=expected,
        evidence=(reference, expected),
        site=f"{version}-figure-{start}",
        row=None,
        reviewed=reviews.review_at(version, start, end),
    )
