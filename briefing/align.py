"""Sentence alignment of any number of versions of one story.

Every version is aligned to one pivot (the version with the most sentences), so adding a
version costs one alignment, not one per pair. Each pair is aligned in two passes:

1. a monotonic dynamic programme in a band around the diagonal, with 1-1, 2-1 and 1-2
   beads (reworded, merged and split sentences), as Gale-Church and hunalign do;
2. the sentences left over on both sides are matched greedily, best first, which finds
   paragraphs that moved out of the band.

The similarity of two sentences is rapidfuzz's ``token_sort_ratio`` on lower-cased words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

# Chosen by measurement on benchmarks/align_bench.py (see benchmarks/RESULTS.md).
MATCH_THRESHOLD = 45.0  # a 1-1 bead below this is not a translation of the other sentence
MOVE_THRESHOLD = 60.0  # a pair found outside the band must be more alike to count as moved
BAND = 12  # sentences either side of the diagonal that the programme explores

_WORD = re.compile(r"\w+")


def words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def similarity(left: str, right: str) -> float:
    return float(fuzz.token_sort_ratio(left, right, processor=None))


@dataclass(frozen=True)
class Link:
    """Sentences of the pivot and of another version that say the same thing."""

    pivot: tuple[int, ...]
    other: tuple[int, ...]
    score: float
    moved: bool = False


@dataclass(frozen=True)
class PairAlignment:
    links: tuple[Link, ...]
    pivot_only: tuple[int, ...]
    other_only: tuple[int, ...]


def align_pair(pivot: list[str], other: list[str]) -> PairAlignment:
    """Align two lists of sentences (their plain texts)."""
    a = [words(s) for s in pivot]
    b = [words(s) for s in other]
    links = _banded_programme(a, b)
    used_a = {i for link in links for i in link.pivot}
    used_b = {j for link in links for j in link.other}
    links += _moved(a, b, used_a, used_b)
    used_a = {i for link in links for i in link.pivot}
    used_b = {j for link in links for j in link.other}
    return PairAlignment(
        tuple(sorted(links, key=lambda link: link.pivot)),
        tuple(i for i in range(len(a)) if i not in used_a),
        tuple(j for j in range(len(b)) if j not in used_b),
    )


def _banded_programme(a: list[str], b: list[str]) -> list[Link]:
    n, m = len(a), len(b)
    if not n or not m:
        return []
    band = BAND + abs(n - m)
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    cache: dict[tuple[int, int, int, int], float] = {}

    def sim(i0: int, i1: int, j0: int, j1: int) -> float:
        key = (i0, i1, j0, j1)
        if key not in cache:
            cache[key] = similarity(" ".join(a[i0:i1]), " ".join(b[j0:j1]))
        return cache[key]

    for i in range(n + 1):
        centre = i * m // n
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            here = best.get((i, j))
            if here is None:
                continue
            moves = [(1, 0, 0.0), (0, 1, 0.0)]
            for di, dj in ((1, 1), (2, 1), (1, 2)):
                if i + di <= n and j + dj <= m:
                    gain = sim(i, i + di, j, j + dj) - MATCH_THRESHOLD
                    if di + dj > 2:
                        gain -= 5.0  # a merge must beat two separate beads
                    if gain > 0:
                        moves.append((di, dj, gain))
            for di, dj, gain in moves:
                target = (i + di, j + dj)
                if target[0] > n or target[1] > m:
                    continue
                score = here + gain
                if score > best.get(target, -1.0):
                    best[target] = score
                    back[target] = (i, j, gain)
    end = (n, m) if (n, m) in best else max(best, key=lambda k: (best[k], k))
    links = []
    while end in back:
        i, j, gain = back[end]
        if gain > 0:
            links.append(Link(tuple(range(i, end[0])), tuple(range(j, end[1])),
                              gain + MATCH_THRESHOLD + (5.0 if end[0] - i + end[1] - j > 2
                                                        else 0.0)))
        end = (i, j)
    return links[::-1]


def _moved(a: list[str], b: list[str], used_a: set[int], used_b: set[int]) -> list[Link]:
    free_a = [i for i in range(len(a)) if i not in used_a]
    free_b = [j for j in range(len(b)) if j not in used_b]
    candidates = []
    for i in free_a:
        for j in free_b:
            # A cheap bound first: Indel's normalized similarity caps token_sort_ratio.
            if Indel.normalized_similarity(a[i], b[j]) * 100 < MOVE_THRESHOLD - 25:
                continue
            score = similarity(a[i], b[j])
            if score >= MOVE_THRESHOLD:
                candidates.append((score, i, j))
    links = []
    for score, i, j in sorted(candidates, reverse=True):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        links.append(Link((i,), (j,), score, moved=True))
    return links


@dataclass
class Row:
    """Sentences of every version that say the same thing; a version may have none."""

    cells: dict[str, tuple[int, ...]] = field(default_factory=dict)
    moved: set[str] = field(default_factory=set)  # versions whose cell was found out of order
    scores: dict[str, float] = field(default_factory=dict)


@dataclass
class Alignment:
    pivot: str
    order: list[str]  # version ids
    rows: list[Row]
    _where: dict[tuple[str, int], int] = field(default_factory=dict)

    def row_of(self, version: str, sentence: int) -> Row | None:
        index = self._where.get((version, sentence))
        return self.rows[index] if index is not None else None


def align_versions(sentences: dict[str, list[str]]) -> Alignment:
    """Align every version to the pivot and gather the links into rows."""
    order = list(sentences)
    if not order:
        return Alignment("", [], [])
    pivot = max(order, key=lambda v: (len(sentences[v]), -order.index(v)))
    rows = [Row({pivot: (i,)}) for i in range(len(sentences[pivot]))]
    # Rows keyed by their first pivot sentence; merges join rows.
    row_of_pivot = list(range(len(rows)))
    extra_after: dict[int, list[Row]] = {}
    for version in order:
        if version == pivot:
            continue
        pair = align_pair(sentences[pivot], sentences[version])
        for link in pair.links:
            first = row_of_pivot[link.pivot[0]]
            for i in link.pivot[1:]:
                _merge_rows(rows, row_of_pivot, first, row_of_pivot[i])
            row = rows[first]
            row.cells[version] = tuple(sorted(set(row.cells.get(version, ())) | set(link.other)))
            row.scores[version] = link.score
            if link.moved:
                row.moved.add(version)
        position = {j: link.pivot[0] for link in pair.links for j in link.other}
        for j in pair.other_only:
            before = max((position[k] for k in position if k < j), default=-1)
            extra_after.setdefault(before, []).append(Row({version: (j,)}))
    ordered: list[Row] = list(extra_after.get(-1, []))
    seen: set[int] = set()
    for i in range(len(rows)):
        index = row_of_pivot[i]
        if index not in seen:
            seen.add(index)
            ordered.append(rows[index])
        ordered.extend(extra_after.get(i, []))
    alignment = Alignment(pivot, order, ordered)
    for index, row in enumerate(ordered):
        for version, cell in row.cells.items():
            for sentence in cell:
                alignment._where[(version, sentence)] = index
    return alignment


def _merge_rows(rows: list[Row], row_of_pivot: list[int], keep: int, gone: int) -> None:
    if keep == gone:
        return
    for version, cell in rows[gone].cells.items():
        rows[keep].cells[version] = tuple(sorted(set(rows[keep].cells.get(version, ())) | set(cell)))
    rows[keep].moved |= rows[gone].moved
    for i, owner in enumerate(row_of_pivot):
        if owner == gone:
            row_of_pivot[i] = keep
