"""Names a copy spells otherwise than its reference: a near miss of a name the reference
prints, in a copy's story, where the reference never prints the copy's form ("Navidia"
for "Nvidia", "Professor Emmet" for "Professor Angus Emmott").

They are found over the whole copy, not row by row: a misspelt name at the start of a
sentence is not read as a name there, and a rewrite may move it into a sentence of its own.
The other way round, the reference's names answer whether a copy's name at a place where
the reference prints another is the same name after all: called another way, or spelt
right where the reference made a typo.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import placed_discrepancy
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.near_misses import Respellings, names_of
from briefing.analysis.results import Discrepancy
from briefing.text.names import fold_name


def find_respellings(
    versions: VersionTexts, reference: str | None, respelt: Respellings, reviews: Reviews
) -> list[Discrepancy]:
    """A discrepancy for each near miss of a reference's name in a compared copy's story."""
    if reference is None or reference not in versions.documents:
        return []
    found: list[Discrepancy] = []
    for version, places in respelt.items():
        if version == reference or version not in versions.documents:
            continue
        document = versions.documents[version]
        for start, end, name, _ in places:
            paragraph = document.paragraph_at(start)
            if paragraph is None or end > paragraph.end:
                continue  # page furniture: not compared
            found.append(
                placed_discrepancy(
                    versions,
                    reviews,
                    version,
                    (start, end),
                    "name",
                    (reference, name),
                    f"respelt-{start}",
                )
            )
    return found


class ReferenceNames:
    """The names the reference prints, asked whether a copy's name where the reference
    prints another is no change after all."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._holding: dict[str, list[frozenset[str]]] | None = None
        self._counts: dict[str, int] = {}

    def agree(self, family: str, mine: str, theirs: str) -> bool:
        """Whether a copy's name (or spelling) at a place says what the reference's does."""
        if family == "name" and self.one_name(mine, theirs):
            return True  # "Tebogo" for "Letsile": the reference names Letsile Tebogo
        return family in ("name", "spelling") and self.misspelt_here(mine, theirs)

    def one_name(self, mine: str, theirs: str) -> bool:
        """Whether two names are parts of one name the reference prints elsewhere: the
        same person or body, called another way."""
        if self._holding is None:
            self._holding = {}  # each word: the names of several words holding it
            for run in names_of(self.text):
                if " " in run:
                    name = frozenset(fold_name(run).split())
                    for word in name:
                        self._holding.setdefault(word, []).append(name)
        mine_words, their_words = set(fold_name(mine).split()), set(fold_name(theirs).split())
        if mine_words == their_words:
            return False  # the same words in another order: one name, misordered
        words = mine_words | their_words
        first = next(iter(words), "")
        return any(words <= name for name in self._holding.get(first, ()))

    def misspelt_here(self, mine: str, theirs: str) -> bool:
        """Whether the reference's words at a place are its typo for the copy's, which it
        prints elsewhere at least as often ("Sretta" once for "Srettha" five times): the
        copy spells the name right, and nothing is to be corrected in it."""
        if not mine or mine == theirs or fuzz.ratio(mine, theirs) < TYPO:
            return False
        return self._printed(mine) >= max(1, self._printed(theirs))

    def _printed(self, form: str) -> int:
        """How often the reference prints a form as words of their own (read once a form:
        every version that differs at a place asks about the same two)."""
        count = self._counts.get(form)
        if count is None:
            count = self._counts[form] = len(
                re.findall(rf"(?<!\w){re.escape(form)}(?!\w)", self.text)
            )
        return count


TYPO = 80.0  # a form this alike (rapidfuzz's ratio) is the other with a letter or two wrong
