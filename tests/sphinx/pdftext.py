"""A PDF page's text layer as a reader's eye meets it: runs of text with their size, height
on the page and font, so tests can tell a raised note mark from the text around it, a
note at the foot of the page from the body, and a heading from a line of text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

HEADING_FONT = "Heros-Bold"  # the headings' family (sans, bold); the body is Pagella


@dataclass(frozen=True)
class Chunk:
    text: str
    size: float  # points, as drawn
    y: float  # height on the page (greater is higher)
    font: str

    @property
    def heading(self) -> bool:
        return HEADING_FONT in self.font


def chunks(page: Any) -> list[Chunk]:
    found: list[Chunk] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            name = str((font or {}).get("/BaseFont", ""))
            found.append(Chunk(text, abs(size * (tm[3] or 1)), cm[5] + tm[5], name))

    page.extract_text(visitor_text=visit)
    return found


def body_size(pages: list[list[Chunk]]) -> float:
    """The body text's size: the commonest over the document (a page may hold more notes
    than text)."""
    sizes = Counter(round(c.size, 1) for page in pages for c in page if len(c.text.strip()) > 3)
    return sizes.most_common(1)[0][0] if sizes else 11.0


MARK = re.compile(r"[\d,]+")


def note_marks(page: list[Chunk], body: float) -> list[list[int]]:
    """The raised note marks in stream order; marks standing together form one run,
    read as numbers set apart by commas ("1,2" is [1, 2]; a fused "12" is [12])."""
    runs: list[list[str]] = []
    joined = False
    for chunk in page:
        raised = 0.5 * body < chunk.size < 0.8 * body and MARK.fullmatch(chunk.text.strip())
        if raised:
            if joined:
                runs[-1].append(chunk.text.strip())
            else:
                runs.append([chunk.text.strip()])
        joined = bool(raised)
    return [[int(n) for n in "".join(run).split(",") if n] for run in runs]


def note_texts(page: list[Chunk], body: float) -> list[int]:
    """The numbers of the notes printed at the foot of the page ("1." before a note)."""
    numbers = []
    for chunk in page:
        found = re.fullmatch(r"(\d+)\.", chunk.text.strip())
        if found and 0.78 * body <= chunk.size <= 0.86 * body:
            numbers.append(int(found.group(1)))
    return numbers


def body_lines(page: list[Chunk], body: float) -> list[list[Chunk]]:
    """Lines of body-sized text (headings included, notes left out), top to bottom; the
    page number in the footer is not a line of the body."""
    lines: dict[float, list[Chunk]] = {}
    for chunk in page:
        if chunk.size >= 0.9 * body:
            lines.setdefault(round(chunk.y), []).append(chunk)
    ordered = [lines[y] for y in sorted(lines, reverse=True)]
    if ordered and re.fullmatch(r"\d+", "".join(c.text for c in ordered[-1]).strip()):
        ordered.pop()
    return ordered
