"""Runs of capitalised words: the places where a name can stand.

A version's text is cut into pieces at each ". " (a name never runs on across a full
stop and a space, except where a run goes on from one piece to the next: "the Agency.
The Board"), and each distinct piece is read once: versions repeat most of their lines.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.text.words import LINE, POSSESSIVE, TOKEN


class PieceRuns(NamedTuple):
    """The capitalised runs of one piece of a line (up to a ". "), read alone."""

    spans: tuple[tuple[int, int], ...]  # every part of up to four words of each run
    head: tuple[tuple[int, int], ...]  # the words of the run it opens with, if it does
    tail: tuple[tuple[int, int], ...]  # the words of the run it ends with, if it does
    has_words: bool  # a piece without words passes a run on to the next
    whole: bool  # one run from its first word to its last


class CapitalRuns:
    """Reads the capitalised runs of texts, each distinct piece once. One per analysis, so
    that a long-lived process keeps nothing of an old brief."""

    def __init__(self) -> None:
        self._runs: dict[str, PieceRuns] = {}

    def of(self, piece: str) -> PieceRuns:
        """Runs of capitalised words (possible names) in a piece."""
        runs = self._runs.get(piece)
        if runs is None:
            runs = self._runs[piece] = self._read(piece)
        return runs

    def _read(self, piece: str) -> PieceRuns:
        """Runs of capitalised words (possible names) in a piece; every contiguous part of a
        run, up to four words, as a name may stand next to a title."""
        runs: list[list[tuple[int, int]]] = []
        words: list[tuple[int, int]] = []
        read = CapitalRuns.words(piece)
        for word in read:
            if word is None:
                words = []
                continue
            if words and piece[words[-1][1] : word[0]].strip(".'’") != " ":
                words = []
            if not words:
                runs.append(words)
            words.append(word)
        return PieceRuns(
            tuple(span for run in runs for span in windows(run)),
            tuple(runs[0]) if read and read[0] is not None else (),
            tuple(runs[-1]) if read and read[-1] is not None else (),
            bool(read),
            len(runs) == 1 and None not in read,
        )

    @staticmethod
    def words(piece: str) -> tuple[tuple[int, int] | None, ...]:
        """The words of a piece of text in order: (start, end) of a capitalised word without
        its possessive or full stop, None for a run of other words."""
        found: list[tuple[int, int] | None] = []
        for match in TOKEN.finditer(piece):
            first = piece[match.start()]
            # Whether the word's first letter is a capital (most words answer at once).
            letter = (
                first if first.isalpha() else next((c for c in match.group() if c.isalpha()), "")
            )
            if not letter.isupper():
                if found and found[-1] is None:
                    continue
                found.append(None)
                continue
            word = POSSESSIVE.sub("", match.group().rstrip("."))
            found.append((match.start(), match.start() + len(word)))
        return tuple(found)

    def pieces_and_crossings(
        self, text: str
    ) -> tuple[list[tuple[str, int]], list[tuple[int, int]]]:
        """The pieces of a text that hold capitalised runs, with their offsets, and the spans
        of the runs' parts that go on from one piece to the next ("the Agency. The Board").

        A run never goes on from one line to the next. Versions repeat most sentences: what
        each piece holds is read once per distinct piece, and only the joins are read here.
        """
        pieces: list[tuple[str, int]] = []
        crossing: list[tuple[int, int]] = []
        for line in LINE.finditer(text):
            at = line.start()
            chain: list[tuple[int, int]] = []  # the last three words of the run going on
            parts = line.group().split(". ")
            for number, part in enumerate(parts):
                # Each part ends where a word cannot go on: before the space of ". ".
                piece = part + "." if number + 1 < len(parts) else part
                runs = self.of(piece)
                if runs.spans:
                    pieces.append((piece, at))
                if runs.has_words:
                    head = [(at + a, at + b) for a, b in runs.head]
                    joined = (
                        bool(chain and head) and text[chain[-1][1] : head[0][0]].strip(".'’") == " "
                    )
                    if joined:
                        run = chain + head
                        crossing += windows(run, across=len(chain))
                    chain = (
                        run[-3:]
                        if joined and runs.whole
                        else [(at + a, at + b) for a, b in runs.tail[-3:]]
                    )
                at += len(part) + 2
        return pieces, crossing


def windows(run: list[tuple[int, int]], across: int = 0) -> list[tuple[int, int]]:
    """The spans of every part of up to four words of a run; with ``across``, only the
    parts that hold both word ``across - 1`` and word ``across`` (those going on over a
    join there)."""
    return [
        (run[i][0], run[j][1])
        for i in range(across or len(run))
        for j in range(max(i, across), min(len(run), i + 4))
    ]
