"""A person's office qualified otherwise than by the reference: "acting president Nangolo
Mbumba" for "Former vice-president Nangolo Mbumba".

A rewrite gives a title wherever it names the person ("said a statement signed by interim
President Nangolo Mbumba", where the reference's sentence has no title), so titles are
compared over the whole story, person by person. Only the qualifiers of one office are
held ("acting", "former", "vice"): another office ("Senate President" for "Senator") may
be the person's other office, and a form of address is no office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.analysis.discrepancies.items import LEANINGS, TITLE_QUALIFIERS
from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import copies_sentences, in_sentence
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy
from briefing.text.lexicon import TITLES

_NAME = re.compile(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+")
_WORD = re.compile(r"[\w’'.-]+")
ADDRESS = frozenset({"mr", "mrs", "ms", "dr"})
# "ex-president" and "previous vice-president" are "former" ones.
_SAME = {"ex": "former", "previous": "former", "erstwhile": "former", "prime": "prime"}


@dataclass(frozen=True)
class Titled:
    person: tuple[str, str]  # the name's first and last words, folded
    qualifiers: frozenset[str]
    offices: frozenset[str]
    start: int  # of the title and the name, in the sentence's text
    end: int
    text: str


def _title_words(word: str) -> list[str] | None:
    """The title words a word is made of ("vice-president": vice, president), or None."""
    found = []
    for part in word.strip(".,“”\"'’").casefold().split("-"):
        part = part.rstrip(".")
        key = _SAME.get(part) or (part if part in TITLE_QUALIFIERS else TITLES.get(part))
        if key is None:
            return None
        found += key.split()
    return found


def titled_people(text: str) -> list[Titled]:
    """Each person a text names with a title just before the name."""
    found = []
    for match in _NAME.finditer(text):
        words = [(w.group(), w.start()) for w in _WORD.finditer(match.group())]
        title: list[str] = []
        start = match.start()
        # "Mexican President-elect Claudia Sheinbaum": a country's word before the title.
        lead = next((k for k in (1, 2) if k < len(words) and _title_words(words[k][0])), 0)
        if lead and _title_words(words[0][0]) is None and len(words) - lead > 2:
            words = words[lead:]
        while len(words) > 2 and (parts := _title_words(words[0][0])) is not None:
            title += parts  # "President Nangolo Mbumba": the title is capitalised
            words.pop(0)
        before = list(_WORD.finditer(text, max(0, match.start() - 80), match.start()))
        place: list[re.Match[str]] = []  # "Former Sri Lanka president": the country's
        for word in reversed(before[-6:]):
            parts = _title_words(word.group())
            if (
                parts is None
                and title
                and len(place) < 2
                and (word.group()[0].isupper() or word.group().casefold() in LEANINGS)
            ):
                place.append(word)  # or the politics: "former leftist President"
                continue
            if parts is None or (place and not set(parts) <= TITLE_QUALIFIERS):
                break
            gap = text[word.end() : (place[-1].start() if place else start)].strip()
            if gap and not (gap == "," and start == match.start() and not title):
                break  # (a comma only between the title and the name: "president, Claudia")
            title = parts + title
            start = word.start()
            place = []
        title = [w for w in title if w not in ADDRESS]
        if not title:
            continue
        qualifiers = frozenset(w for w in title if w in TITLE_QUALIFIERS)
        person = (words[0][0].casefold(), words[-1][0].casefold())
        found.append(
            Titled(
                person,
                qualifiers,
                frozenset(title) - qualifiers,
                start,
                match.end(),
                text[start : match.end()],
            )
        )
    return found


def find_office_changes(
    versions: VersionTexts, reference: str | None, reviews: Reviews
) -> list[Discrepancy]:
    """Each place where a copy qualifies a person's office otherwise than the reference
    does everywhere it gives that office."""
    if reference is None or reference not in versions.documents:
        return []
    given: dict[tuple[str, str], list[Titled]] = {}
    for sentence in versions.sentences[reference]:
        for titled in titled_people(sentence.text):
            given.setdefault(titled.person, []).append(titled)
    found: list[Discrepancy] = []
    for version, sentence in copies_sentences(versions, reference):
        for titled in titled_people(sentence.text):
            theirs = given.get(titled.person, [])
            same_office = [t for t in theirs if t.offices & titled.offices]
            if same_office and all(t.qualifiers != titled.qualifiers for t in same_office):
                found.append(
                    in_sentence(
                        versions,
                        reviews,
                        version,
                        sentence,
                        (titled.start, titled.end),
                        "title",
                        (reference, same_office[0].text),
                        "office",
                    )
                )
    return found
