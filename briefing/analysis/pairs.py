"""Two versions' sentences aligned: which sentences of one say what sentences of the
other say.

Two passes:

1. a monotonic dynamic programme in a band around the diagonal, with 1-1, 2-1 and 1-2
   beads (reworded, merged and split sentences), as Gale-Church and hunalign do;
2. runs of sentences left over on both sides are aligned to each other as blocks, best
   block first, then single left-over sentences greedily: this finds paragraphs that moved
   out of the band.

The similarity of two sentences is rapidfuzz's ``token_sort_ratio`` on lower-cased words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

# Chosen by measurement: benchmarks/align_bench.py sweeps both on synthetic versions whose
# true alignment is known (figures in benchmarks/results/align.md). F1 of aligned pairs is
# best at MATCH_THRESHOLD 50 and 55 (0.982 both), against 0.969 at 45 and 0.978 at 60:
# below 50, unrelated sentences that share common words get paired; above 55, reworded
# ones are lost. Of the two, the lower errs towards keeping the harder rewordings of real
# translations. F1 is flat in MOVE_THRESHOLD from 55 to 65 (0.981-0.982), lower at 50 and 75.
MATCH_THRESHOLD = 50.0  # a bead below this is not a rewording of the other sentence
MOVE_THRESHOLD = 55.0  # a sentence found outside the band must be this alike to count as moved
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


def align_sequences(a: list[str], b: list[str]) -> PairAlignment:
    """Align two lists of sentences, each given as its lower-cased words."""
    links = _banded_programme(a, b)
    used_a = {i for link in links for i in link.pivot}
    used_b = {j for link in links for j in link.other}
    links += _moved_blocks(a, b, used_a, used_b)
    links += _moved(a, b, used_a, used_b)
    used_a = {i for link in links for i in link.pivot}
    used_b = {j for link in links for j in link.other}
    return PairAlignment(
        tuple(sorted(links, key=lambda link: link.pivot)),
        tuple(i for i in range(len(a)) if i not in used_a),
        tuple(j for j in range(len(b)) if j not in used_b),
    )


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Sentences nearly the same on both sides (ratio 90 or more, each the other's only
    such match), kept in order, as hunalign's first pass finds them.

    Sentences printed identically once on each side are found by a dictionary; each
    other sentence is compared only within the band that those bend, so a version costs
    a few comparisons per sentence instead of one per sentence of the other side."""
    n, m = len(a), len(b)
    places_a: dict[str, list[int]] = {}
    places_b: dict[str, list[int]] = {}
    for i, text in enumerate(a):
        places_a.setdefault(text, []).append(i)
    for j, text in enumerate(b):
        places_b.setdefault(text, []).append(j)
    same = _increasing(
        sorted(
            (found[0], places_b[text][0])
            for text, found in places_a.items()
            if text and len(found) == 1 and len(places_b.get(text, ())) == 1
        )
    )
    band = _band(n, m, same)
    matched_a = {i for i, _ in same}
    matched_b = {j for _, j in same}
    chosen: dict[int, list[int]] = {}
    for i, text in enumerate(a):
        if i in matched_a or not text:
            continue
        low, high = band[i]
        match = process.extractOne(text, b[low : high + 1], scorer=fuzz.ratio, score_cutoff=90)
        if match is not None and low + match[2] not in matched_b:
            chosen.setdefault(low + match[2], []).append(i)
    near = [(found[0], j) for j, found in chosen.items() if len(found) == 1]
    return _increasing(sorted(same + near))


def _band(n: int, m: int, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each i (0..n), the range of j to explore: the diagonal bent through the
    anchors, BAND wide plus the difference of the two sides' lengths between two anchors,
    so a long insertion widens it only where it stands."""
    points = [(0, 0), *anchors, (n, m)]
    band: list[tuple[int, int]] = []
    for (i0, j0), (i1, j1) in zip(points, points[1:], strict=False):
        width = BAND + abs((j1 - j0) - (i1 - i0))
        for i in range(i0, i1):
            centre = j0 + (i - i0) * (j1 - j0) // max(1, i1 - i0)
            band.append((max(0, centre - width), min(m, centre + width)))
    band.append((max(0, m - BAND), m))
    return band[: n + 1]


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing in both coordinates (pairs sorted by the first)."""
    tails: list[int] = []  # tails[k]: index of the last pair of the best run of length k+1
    before: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        low, high = 0, len(tails)
        while low < high:
            mid = (low + high) // 2
            if pairs[tails[mid]][1] < j:
                low = mid + 1
            else:
                high = mid
        before[k] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(k)
        else:
            tails[low] = k
    run: list[tuple[int, int]] = []
    k = tails[-1] if tails else -1
    while k >= 0:
        run.append(pairs[k])
        k = before[k]
    return run[::-1]


def _banded_programme(a: list[str], b: list[str]) -> list[Link]:
    """Links of the monotonic pass: the anchors, and the programme between each two."""
    links: list[Link] = []
    i0 = j0 = 0
    for i, j in [*_anchors(a, b), (len(a), len(b))]:
        links += [
            Link(tuple(i0 + k for k in link.pivot), tuple(j0 + k for k in link.other), link.score)
            for link in _programme(a[i0:i], b[j0:j])
        ]
        if i < len(a):
            score = float(fuzz.token_sort_ratio(a[i], b[j], processor=None))
            if score > MATCH_THRESHOLD:
                links.append(Link((i,), (j,), score))
        i0, j0 = i + 1, j + 1
    return links


def _programme(a: list[str], b: list[str]) -> list[Link]:
    """The dynamic programme over one stretch between two anchors."""
    n, m = len(a), len(b)
    if not n or not m:
        return []
    band = _band(n, m, [])
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    # token_sort_ratio is the ratio of the sorted words: sort each sentence, and each pair
    # of neighbours (for merges), once. Scores under the cut-off come back as 0 and cost
    # little.
    sorted_a = [" ".join(sorted(t.split())) for t in a]
    sorted_b = [" ".join(sorted(t.split())) for t in b]
    pairs_a = [" ".join(sorted((x + " " + y).split())) for x, y in zip(a, a[1:], strict=False)]
    pairs_b = [" ".join(sorted((x + " " + y).split())) for x, y in zip(b, b[1:], strict=False)]

    def sim(i: int, di: int, j: int, dj: int) -> float:
        left = sorted_a[i] if di == 1 else pairs_a[i]
        right = sorted_b[j] if dj == 1 else pairs_b[j]
        cutoff = MATCH_THRESHOLD if di == dj == 1 else MATCH_THRESHOLD + 5.0
        return float(fuzz.ratio(left, right, score_cutoff=cutoff))

    for i in range(n + 1):
        low, high = band[i]
        for j in range(low, high + 1):
            here = best.get((i, j))
            if here is None:
                continue
            moves = [(1, 0, 0.0), (0, 1, 0.0)]
            for di, dj in ((1, 1), (2, 1), (1, 2)):
                if i + di <= n and j + dj <= m:
                    gain = sim(i, di, j, dj) - MATCH_THRESHOLD
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
            links.append(
                Link(
                    tuple(range(i, end[0])),
                    tuple(range(j, end[1])),
                    gain + MATCH_THRESHOLD + (5.0 if end[0] - i + end[1] - j > 2 else 0.0),
                )
            )
        end = (i, j)
    return links[::-1]


def _runs(size: int, used: set[int]) -> list[list[int]]:
    """Runs of consecutive indices not in ``used``."""
    runs: list[list[int]] = []
    for index in range(size):
        if index in used:
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _moved_blocks(a: list[str], b: list[str], used_a: set[int], used_b: set[int]) -> list[Link]:
    """Runs of left-over sentences that align with each other as a block: a paragraph
    moved out of the band. A block counts when its links together are as sure as one
    moved sentence would have to be (a sum of scores above MATCH_THRESHOLD of at least
    MOVE_THRESHOLD - MATCH_THRESHOLD): two reworded sentences in a row are stronger
    evidence than either alone.

    Blocks are taken best first. Taking one splits its runs; a part of a run cannot align
    better than the whole run did, so the whole's sum bounds the part's, and a part is
    programmed again only when that bound could still beat the best block of the pass (a
    copy that stops two thirds of the way leaves one long run, split again and again)."""
    found: list[Link] = []
    known: dict[tuple[tuple[int, ...], tuple[int, ...]], list[Link]] = {}
    ceiling: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}
    least = MOVE_THRESHOLD - MATCH_THRESHOLD
    while True:
        best: tuple[float, list[int], list[int], list[Link]] | None = None
        runs_b = _runs(len(b), used_b)
        for run_a in _runs(len(a), used_a):
            for run_b in runs_b:
                key = (tuple(run_a), tuple(run_b))  # runs not taken keep their links
                if key not in known:
                    if ceiling.get(key, float("inf")) < max(least, best[0] if best else 0.0):
                        continue
                    known[key] = _banded_programme([a[i] for i in run_a], [b[j] for j in run_b])
                links = known[key]
                total = sum(link.score - MATCH_THRESHOLD for link in links)
                if links and total >= least and (best is None or total > best[0]):
                    best = (total, run_a, run_b, links)
        if best is None:
            return found
        _, run_a, run_b, links = best
        for link in links:
            moved = Link(
                tuple(run_a[i] for i in link.pivot),
                tuple(run_b[j] for j in link.other),
                link.score,
                moved=True,
            )
            found.append(moved)
            used_a.update(moved.pivot)
            used_b.update(moved.other)
        # The two runs just split: what their parts can reach at most, against each other
        # run, is what the whole reached (or could reach).
        split_a, split_b = tuple(run_a), tuple(run_b)
        for whole in [k for k in (*known, *ceiling) if k[0] == split_a or k[1] == split_b]:
            bound = (
                sum(link.score - MATCH_THRESHOLD for link in known[whole])
                if whole in known
                else ceiling[whole]
            )
            parts_a = _parts(whole[0], used_a) if whole[0] == split_a else [whole[0]]
            parts_b = _parts(whole[1], used_b) if whole[1] == split_b else [whole[1]]
            for key in ((part_a, part_b) for part_a in parts_a for part_b in parts_b):
                if key not in known:
                    ceiling[key] = min(ceiling.get(key, bound), bound)


def _parts(run: tuple[int, ...], used: set[int]) -> list[tuple[int, ...]]:
    """The runs left of ``run`` once ``used`` are taken out."""
    parts: list[list[int]] = []
    for index in run:
        if index in used:
            if parts and parts[-1]:
                parts.append([])
            continue
        if not parts:
            parts.append([])
        parts[-1].append(index)
    return [tuple(part) for part in parts if part]


def _moved(a: list[str], b: list[str], used_a: set[int], used_b: set[int]) -> list[Link]:
    """Single left-over sentences alike enough to be the same sentence, best first."""
    free_b = [j for j in range(len(b)) if j not in used_b]
    candidates = []
    for i in range(len(a)):
        if i in used_a:
            continue
        for j in free_b:
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
