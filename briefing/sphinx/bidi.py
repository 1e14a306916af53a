"""Right-to-left text in the PDF: Hebrew and Arabic read right to left.

XeTeX shapes each word in its own direction, but sets the words of a line left to right,
so a Hebrew phrase in an English brief came out with its words in reverse order. TeX--XeT
(e-TeX's ``\\beginR``/``\\endR``, built into XeTeX, what the ``bidi`` package itself
uses) sets a run right to left. The runs are found as the Unicode Bidirectional
Algorithm finds them in a left-to-right paragraph: from the first to the last strong
right-to-left character, with what stands between (spaces, punctuation, numbers: a
number is one word, which keeps its own order).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

RTL_STRONG = frozenset({"R", "AL"})
# What a right-to-left run may hold between its strong characters.
INSIDE_RUN = frozenset({"R", "AL", "WS", "ON", "CS", "ES", "ET", "EN", "AN", "NSM", "BN", "S"})

LATEX = r"""% Right-to-left runs, by TeX--XeT.
\TeXXeTstate=1
\DeclareRobustCommand\briefrtl[1]{\texorpdfstring{\leavevmode\beginR#1\endR}{#1}}
"""


def _direction(char: str) -> str:
    return unicodedata.bidirectional(char)


def has_rtl(text: str) -> bool:
    return any(_direction(c) in RTL_STRONG for c in text)


def runs(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` in pieces, each with whether it is a right-to-left run."""
    start = 0
    n = 0
    while n < len(text):
        if _direction(text[n]) not in RTL_STRONG:
            n += 1
            continue
        end = last = n
        while end < len(text) and _direction(text[end]) in INSIDE_RUN:
            if _direction(text[end]) in RTL_STRONG:
                last = end
            end += 1
        if n > start:
            yield text[start:n], False
        yield text[n : last + 1], True
        start = n = last + 1
    if start < len(text):
        yield text[start:], False
