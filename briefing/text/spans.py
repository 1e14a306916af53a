"""Spans of a text: whether two overlap, and where an offset stands as line and column."""

from __future__ import annotations


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether [start, end) and [other_start, other_end) share a character."""
    return start < other_end and other_start < end


def line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
