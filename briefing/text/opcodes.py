"""Edit scripts between two word sequences, read as ranges: which words of one side
stand for which of the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein, Opcode

from briefing.text.words import Token


def token_ranges(ops: list[Opcode], size: int) -> list[tuple[int, int]]:
    """For each token of the source side, the range of the other side it stands for."""
    ranges = [(0, 0)] * size
    for op in ops:
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                ranges[op.src_start + k] = (op.dest_start + k, op.dest_start + k + 1)
        elif op.tag in ("replace", "delete"):
            for k in range(op.src_start, op.src_end):
                ranges[k] = (op.dest_start, op.dest_end)
    return ranges


def source_range(ops: list[Opcode], j0: int, j1: int) -> tuple[int, int]:
    """The range of the source side that stands for the other side's range [j0, j1)."""
    lo: int | None = None
    hi: int | None = None
    for op in ops:
        a, b, c, d = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "equal":
            s, e = max(c, j0), min(d, j1)
            if s < e:
                lo = a + s - c if lo is None else min(lo, a + s - c)
                hi = a + e - c if hi is None else max(hi, a + e - c)
        elif (
            (c < j1 and j0 < d)
            or (c == d == j0 == j1)
            or (j0 == j1 and c <= j0 <= d and c < d)
            or (c == d and j0 < c < j1)
        ):
            lo = a if lo is None else min(lo, a)
            hi = b if hi is None else max(hi, b)
    if lo is None or hi is None:
        # Nothing stands there: an empty range where the other side's range begins.
        at = 0
        for op in ops:
            if op.dest_start <= j0:
                at = op.src_start + (
                    min(j0, op.dest_end) - op.dest_start
                    if op.tag == "equal"
                    else op.src_end - op.src_start
                )
        return at, at
    return lo, hi


def changed_blocks(ops: Iterable[Opcode]) -> list[list[int]]:
    """The ranges that differ, [src start, end, dest start, end], each run of adjacent
    changes merged into one."""
    blocks: list[list[int]] = []
    for op in ops:
        if op.tag == "equal":
            continue
        if blocks and blocks[-1][1] == op.src_start and blocks[-1][3] == op.dest_start:
            blocks[-1][1], blocks[-1][3] = op.src_end, op.dest_end
        else:
            blocks.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return blocks


def word_changes(mine: Sequence[Token], theirs: Sequence[Token]) -> list[tuple[int, int, int, int]]:
    """The word ranges that differ, (mine start, end, theirs start, end), compared on the
    words' keys, each run of changed words as one change."""
    ops = Levenshtein.opcodes([t.key for t in mine], [t.key for t in theirs])
    return [(a, b, c, d) for a, b, c, d in changed_blocks(ops)]


def word_opcodes(mine: Sequence[Token], theirs: Sequence[Token]) -> list[Opcode]:
    """The edit script between two sentences' words, each changed stretch of more than a
    word aligned so that like stands for like. An edit distance alone is blind to which
    word stands for which ("requires a “considerable number”" for "still requiring
    “significant numbers”" pairs "requires" with "still"); a word's quotation marks,
    spelling, figure and capital tell, each at less than an edit's cost."""
    ops = Levenshtein.opcodes([t.key for t in mine], [t.key for t in theirs])
    blocks = changed_blocks(ops)
    if not any((b - a > 1 or d - c > 1) and b > a and d > c for a, b, c, d in blocks):
        return list(ops)  # each change one word for one, or words only one side has
    out: list[Opcode] = []
    at_src = at_dest = 0
    for a, b, c, d in blocks:
        _append(out, "equal", at_src, a, at_dest, c)
        if b > a and d > c and (b - a) * (d - c) <= LARGEST_BLOCK:
            for tag, i0, i1, j0, j1 in _aligned_block(mine, theirs, a, b, c, d):
                # A quoted word changed stands apart from the unquoted ones beside it.
                apart = (
                    tag == "replace"
                    and bool(out)
                    and out[-1].tag == "replace"
                    and (mine[i0].quoted != mine[i0 - 1].quoted)
                )
                _append(out, tag, i0, i1, j0, j1, apart)
        else:
            _append(out, _tag(b - a, d - c), a, b, c, d)
        at_src, at_dest = b, d
    _append(out, "equal", at_src, len(mine), at_dest, len(theirs))
    return out


ALIKE = 75.0  # two spellings this alike (0-100) are one word's
LARGEST_BLOCK = 400  # words by words: a longer stretch is rewritten, not edited


def _tag(src: int, dest: int) -> str:
    return "replace" if src and dest else ("delete" if src else "insert")


def _append(
    out: list[Opcode], tag: str, a: int, b: int, c: int, d: int, apart: bool = False
) -> None:
    if a == b and c == d:
        return
    if not apart and out and out[-1].tag == tag and out[-1].src_end == a and out[-1].dest_end == c:
        last = out.pop()
        a, c = last.src_start, last.dest_start
    out.append(Opcode(tag, a, b, c, d))


def _unlike(x: Token, y: Token) -> float:
    """What pairing two different words costs beyond the edit, under 1: a quoted word
    for an unquoted one, words spelt unalike, a figure for a word, a name for a word."""
    return (
        0.4 * (x.quoted != y.quoted)
        + 0.3 * (fuzz.ratio(x.key, y.key) < ALIKE)
        + 0.1 * ((x.number is None) != (y.number is None))
        + 0.1 * (x.cap != y.cap and not (x.initial or y.initial))
    )


def _aligned_block(
    mine: Sequence[Token], theirs: Sequence[Token], a: int, b: int, c: int, d: int
) -> list[tuple[str, int, int, int, int]]:
    m, n = b - a, d - c
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    step = [[""] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = 0.0
    for i in range(m + 1):
        for j in range(n + 1):
            here = cost[i][j]
            if i < m and j < n:
                x, y = mine[a + i], theirs[c + j]
                pay = 0.0 if x.key == y.key else 1 + _unlike(x, y)
                if here + pay < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1] = here + pay
                    step[i + 1][j + 1] = "equal" if x.key == y.key else "replace"
            if i < m and here + 1 < cost[i + 1][j]:
                cost[i + 1][j], step[i + 1][j] = here + 1, "delete"
            if j < n and here + 1 < cost[i][j + 1]:
                cost[i][j + 1], step[i][j + 1] = here + 1, "insert"
    path: list[tuple[str, int, int, int, int]] = []
    i, j = m, n
    while i or j:
        tag = step[i][j]
        di, dj = (1, 1) if tag in ("equal", "replace") else ((1, 0) if tag == "delete" else (0, 1))
        path.append((tag, a + i - di, a + i, c + j - dj, c + j))
        i, j = i - di, j - dj
    return path[::-1]
