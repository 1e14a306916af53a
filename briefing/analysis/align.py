"""Sentence alignment of any number of versions of one story, into rows.

The rows start as the sentences of a pivot (the reference version); every other version
is aligned once to the rows found so far (``pairs.align_sequences``), so adding a version
costs one alignment, not one per pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.analysis.pairs import PairAlignment, align_sequences, words


@dataclass
class Row:
    """Sentences of every version that say the same thing; a version may have none.

    A sentence that merges two sentences of another version stands in two rows."""

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


def align_versions(sentences: dict[str, list[str]], pivot: str | None = None) -> Alignment:
    """Align the versions one after the other to the rows found so far.

    The rows start as the pivot's sentences (the reference version's; without one, the
    first version's); each version is aligned to them once (to each row's first text),
    and its sentences that match no row become rows of their own, placed after the row of
    the sentence before them. So a passage that two versions have and the pivot lacks
    still shares a row, and the N-th version costs one alignment.
    """
    order = list(sentences)
    if not order:
        return Alignment("", [], [])
    if pivot not in sentences:
        pivot = order[0]
    plain = {v: [words(s) for s in texts] for v, texts in sentences.items()}
    rows = [Row({pivot: (i,)}) for i in range(len(sentences[pivot]))]
    for version in order:
        if version != pivot:
            rows = _absorb(
                rows,
                version,
                align_sequences([_row_words(row, plain) for row in rows], plain[version]),
            )
    alignment = Alignment(pivot, order, rows)
    for index, row in enumerate(rows):
        for version, cell in row.cells.items():
            for sentence in cell:
                alignment._where.setdefault((version, sentence), index)
    return alignment


def _row_words(row: Row, plain: dict[str, list[str]]) -> str:
    version = next(iter(row.cells))  # the pivot, or the version that brought the row
    return " ".join(w for i in row.cells[version] if (w := plain[version][i]))


def _absorb(rows: list[Row], version: str, pair: PairAlignment) -> list[Row]:
    """The rows with one more version: its links join rows, its other sentences make new
    rows."""
    for link in pair.links:
        # A sentence that joins two rows' sentences stands in both rows: the rows stay
        # apart, so the other versions' sentences are not paired across them.
        for index in link.pivot:
            row = rows[index]
            row.cells[version] = tuple(sorted(set(row.cells.get(version, ())) | set(link.other)))
            row.scores[version] = link.score
            if link.moved:
                row.moved.add(version)
    row_of = {j: link.pivot[0] for link in pair.links for j in link.other}
    extra_after: dict[int, list[Row]] = {}
    last = -1  # the row of the nearest matched sentence before
    for j in sorted(set(row_of) | set(pair.other_only)):
        if j in row_of:
            last = row_of[j]
        else:
            extra_after.setdefault(last, []).append(Row({version: (j,)}))
    ordered = list(extra_after.get(-1, []))
    for index, row in enumerate(rows):
        ordered.append(row)
        ordered.extend(extra_after.get(index, []))
    return ordered
