"""Finding a phrase or a quote in a text, tolerating only white space and typographic quotes.

Editors type straight quotes; newsrooms print curly ones. Nothing else is forgiven:
a quote that differs by a word is not the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

_TYPOGRAPHIC = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


@dataclass(frozen=True)
class Folded:
    """A text folded for matching, with a map from folded offsets back to the original."""

    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the original of folded character i

    def span(self, start: int, end: int, original_length: int) -> tuple[int, int]:
        left = self.origin[start] if start < len(self.origin) else original_length
        right = self.origin[end - 1] + 1 if end > 0 else left
        return left, right


def fold(text: str) -> Folded:
    """Typographic quotes become straight ones; runs of white space become one space."""
    chars: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        if _INVISIBLE.match(char):
            continue
        char = char.translate(_TYPOGRAPHIC)
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        chars.append(char)
        origin.append(offset)
    return Folded("".join(chars), tuple(origin))


def find_all(needle: str, haystack: str, *, whole_words: bool = True,
             folded: Folded | None = None) -> list[tuple[int, int]]:
    """Every (start, end) in ``haystack`` where ``needle`` occurs, modulo folding."""
    folded = folded or fold(haystack)
    target = fold(needle).text.strip()
    if not target:
        return []
    pattern = re.escape(target)
    if whole_words:
        pattern = (r"(?<!\w)" if target[0].isalnum() else "") + pattern
        pattern += r"(?!\w)" if target[-1].isalnum() else ""
    return [folded.span(m.start(), m.end(), len(haystack))
            for m in re.finditer(pattern, folded.text)]


def closest_passage(needle: str, haystack: str) -> tuple[str, float]:
    """The passage of ``haystack`` most like ``needle``, and how alike (0-100)."""
    folded_needle = fold(needle).text
    folded = fold(haystack)
    if not folded_needle or not folded.text:
        return "", 0.0
    found = fuzz.partial_ratio_alignment(folded_needle, folded.text)
    if found is None:
        return "", 0.0
    start, end = folded.span(found.dest_start, found.dest_end, len(haystack))
    return haystack[start:end], found.score
