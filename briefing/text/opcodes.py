"""Edit scripts between two word sequences, read as ranges: which words of one side
stand for which of the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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
