"""Near misses of names: a misspelling or transliteration of an entity's name in a
version ("Thomas Renier" for "Thomas Regnier").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from briefing.model import Entity
from briefing.text.capitals import CapitalRuns
from briefing.text.lexicon import COMMON_WORDS
from briefing.text.names import (
    NEAR_MISS_MIN_LENGTH,
    NEAR_MISS_THRESHOLD,
    fold_name,
    name_similarity,
    spelt_alike,
)
from briefing.text.words import date_part, normalise

# version -> (start, end, the reference's name, similarity) of each near miss of it there
Respellings = dict[str, list[tuple[int, int, str, float]]]


class Candidates:
    """The capitalised runs of all the versions, each distinct run once, folded; placed
    in the texts only when asked, as most are no near miss of anything. Read once per
    brief: every entity is looked for in every version."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        self._runs = CapitalRuns()
        self.names: list[str] = []
        self._index: dict[str, int] = {}
        self._inner: list[list[tuple[int, int, int]]] = []  # (piece, start, end) per name
        self._crossing: list[dict[int, list[tuple[int, int]]]] = []  # text -> spans
        self._piece_at: list[list[tuple[int, int]]] = []  # (text, offset) per piece
        pieces: dict[str, int] = {}
        for number, text in enumerate(texts):
            found, crossing = self._runs.pieces_and_crossings(text)
            for piece, at in found:
                k = pieces.get(piece)
                if k is None:
                    k = pieces[piece] = len(self._piece_at)
                    self._piece_at.append([])
                    for start, end in self._runs.of(piece).spans:
                        self._inner[self._name(piece[start:end])].append((k, start, end))
                self._piece_at[k].append((number, at))
            for start, end in crossing:
                self._crossing[self._name(text[start:end])].setdefault(number, []).append(
                    (start, end)
                )
        self.folded = [fold_name(n) for n in self.names]

    def _name(self, name: str) -> int:
        """The number of a distinct name, given when first seen."""
        i = self._index.get(name)
        if i is None:
            i = self._index[name] = len(self.names)
            self.names.append(name)
            self._inner.append([])
            self._crossing.append({})
        return i

    def places(self, i: int) -> dict[int, list[tuple[int, int]]]:
        """Where name ``i`` stands: text number -> (start, end) spans."""
        found: dict[int, list[tuple[int, int]]] = {}
        for k, start, end in self._inner[i]:
            for number, at in self._piece_at[k]:
                found.setdefault(number, []).append((at + start, at + end))
        for number, spans in self._crossing[i].items():
            found.setdefault(number, []).extend(spans)
        return found


class NearMisses:
    """Near misses of names in a brief's versions; their capitalised runs are read once,
    when first asked, and kept by this object only (one per analysis)."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        self.texts = texts
        self._candidates: Candidates | None = None

    def of(
        self, forms: Iterable[str], exclude: set[str], threshold: float = NEAR_MISS_THRESHOLD
    ) -> list[list[tuple[int, int, str, float]]]:
        """For each text, (start, end, form, similarity) of each near miss of one of
        ``forms`` in it. ``exclude`` holds folded names that are not misses (every
        entity's own names)."""
        texts = self.texts
        names = [f for f in forms if len(fold_name(f).replace(" ", "")) >= NEAR_MISS_MIN_LENGTH]
        found: list[list[tuple[int, int, str, float]]] = [[] for _ in texts]
        if not names:
            return found
        if self._candidates is None:
            self._candidates = Candidates(texts)
        candidates = self._candidates
        folded = candidates.folded
        for name in names:
            # The whole-string ratio is in practice never below the least alike pair of
            # words: a fast first sieve, in C.
            for _, _, i in process.extract(
                fold_name(name),
                folded,
                scorer=fuzz.ratio,
                limit=None,
                score_cutoff=threshold,
            ):
                candidate = candidates.names[i]
                if folded[i] in exclude or spelt_alike(candidate, name):
                    continue
                score = name_similarity(candidate, name)
                if score >= threshold:
                    for number, spans in candidates.places(i).items():
                        found[number] += [(start, end, name, score) for start, end in spans]
        return [_longest(spans) if spans else spans for spans in found]


def _longest(found: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """The best name for each span, then the longest of overlapping spans."""
    found.sort(key=lambda f: (-(f[1] - f[0]), -f[3], f[0]))
    kept: list[tuple[int, int, str, float]] = []
    for item in found:
        if not any(item[0] < k[1] and k[0] < item[1] for k in kept):
            kept.append(item)
    return sorted(kept)


def capitalised_runs(text: str) -> set[str]:
    """Every capitalised run of a text, and each part of up to four words of it."""
    runs = CapitalRuns()
    found, crossing = runs.pieces_and_crossings(text)
    names = {piece[a:b] for piece, _ in found for a, b in runs.of(piece).spans}
    return names | {text[a:b] for a, b in crossing}


def names_of(text: str) -> set[str]:
    """The names a text prints: its capitalised runs that stand somewhere after a word of
    their sentence, not only at a sentence's start where any word takes a capital; a
    single word only where it stands as a name of its own, not only as a word of a
    longer one ("Universities" of "National Universities Commission"); no dates or
    figures."""
    runs = CapitalRuns()
    found, _ = runs.pieces_and_crossings(text)
    names: set[str] = set()
    for piece in {piece for piece, _ in found}:
        spans = runs.of(piece).spans
        for a, b in spans:
            words = piece[a:b].split()
            if not _WORD_BEFORE.search(piece, 0, a) and (
                len(words) < 2 or words[0].casefold() in COMMON_WORDS
            ):
                # The piece's first words: a sentence's start, where any word takes a
                # capital; but a second capitalised word makes a name ("Tang Renjian, ...").
                continue
            if " " not in piece[a:b] and any(
                x <= a and b <= y and (x, y) != (a, b) for x, y in spans
            ):
                continue  # here a word of a longer name
            names.add(piece[a:b])
    return {
        n
        for n in names
        if not any(c.isdigit() for c in n)
        and not all(date_part(normalise(w), True) for w in n.split())
    }


_WORD_BEFORE = re.compile(r"[\w,;)]\s+$")


def entity_names(entities: Iterable[Entity]) -> set[str]:
    """Every entity's own names, folded: none of them is a near miss of another."""
    return {fold_name(n) for e in entities for n in (*e.names, *e.former_names)}
