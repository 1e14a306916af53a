"""A person's age that a copy gives otherwise than the reference: "Obinna Obeta, 56" for
"Dr Obinna Obeta, 50".

An age belongs to its person, not to a sentence: a rewrite gives it wherever it first names
the person ("A medical doctor, Obinna Obeta, 56, also bagged 10 years" for "The pair and
Dr Obinna Obeta, 50, were convicted"), so it is looked for over the whole story, by the
surname. Only a person the reference gives one age is held to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import copies_sentences, in_sentence
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy
from briefing.text.words import date_part

_SURNAME = r"(?P<surname>[A-Z][\w’'-]+)"
# The two ways news gives an age: "Obinna Obeta, 50," and "the 50-year-old Obeta" (of
# the second, the words up to the surname).
AGE_GIVEN = [
    re.compile(rf"\b{_SURNAME}, (?P<age>\d{{1,3}})(?=,)"),
    re.compile(rf"\b(?P<age>\d{{1,3}})-year-old (?:[A-Z][\w’'-]+ ){{0,2}}{_SURNAME}\b"),
]


@dataclass(frozen=True)
class GivenAge:
    surname: str  # folded
    age: str
    start: int  # of the words that give it, in the sentence's text
    end: int
    text: str


def ages_in(text: str) -> list[GivenAge]:
    """Each age a text gives a named person."""
    return [
        GivenAge(m["surname"].casefold(), m["age"], m.start(), m.end(), m.group())
        for pattern in AGE_GIVEN
        for m in pattern.finditer(text)
        if date_part(m["surname"].casefold(), cap=True) is None  # "Sunday, 12, ..."
    ]


def find_age_changes(
    versions: VersionTexts, reference: str | None, reviews: Reviews
) -> list[Discrepancy]:
    """Each place where a copy gives a person another age than the one the reference
    gives them."""
    if reference is None or reference not in versions.documents:
        return []
    given: dict[str, list[GivenAge]] = {}
    for sentence in versions.sentences[reference]:
        for age in ages_in(sentence.text):
            given.setdefault(age.surname, []).append(age)
    found: list[Discrepancy] = []
    for version, sentence in copies_sentences(versions, reference):
        for age in ages_in(sentence.text):
            theirs = given.get(age.surname, [])
            if not theirs or len({a.age for a in theirs}) > 1:
                continue  # no age of the reference's, or two (one person or two?)
            if age.age != theirs[0].age:
                found.append(
                    in_sentence(
                        versions,
                        reviews,
                        version,
                        sentence,
                        (age.start, age.end),
                        "number",
                        (reference, theirs[0].text),
                        "age",
                    )
                )
    return found
