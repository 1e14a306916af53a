"""Finding a phrase or a quote in a text, tolerating only white space and typographic quotes.

Editors type straight quotes; newsrooms print curly ones. Nothing else is forgiven:
a quote that differs by a word is not the quote.

A text is folded once (:func:`fold`) and then searched many times: a brief checks
thousands of forms against every version, so a folded text keeps an index of where each
word starts, and a whole-word search looks only there.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from rapidfuzz import fuzz

_TYPOGRAPHIC = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
# What folding changes: a run of white space (and invisible characters) after a white
# space character, which itself becomes one space; a lone white space character other
# than a space; invisible characters, which are dropped.
_CHANGED = re.compile(f"(\\s)[\\s{_INVISIBLE_CHARS}]+|([^\\S ])|[{_INVISIBLE_CHARS}]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Folded:
    """A text folded for matching, with a map from folded offsets back to the original.

    The map is piecewise linear: folded offsets from ``starts[k]`` on come from original
    offsets ``offsets[k] + (i - starts[k])``, so it costs a few entries per run of white
    space, not one per character.
    """

    text: str
    starts: tuple[int, ...]  # folded offset where each piece begins (the first is 0)
    offsets: tuple[int, ...]  # original offset of each piece's first character
    _words: dict[str, array[int]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _searches: list[int] = field(
        default_factory=lambda: [0], init=False, compare=False, repr=False
    )  # whole-word searches so far
    _starts_of_words: array[int] = field(
        default_factory=lambda: array("i"), init=False, compare=False, repr=False
    )
    _sets: dict[str, set[int]] = field(default_factory=dict, init=False, compare=False, repr=False)

    def offset(self, index: int) -> int:
        """The offset in the original of folded character ``index``."""
        piece = bisect_right(self.starts, index) - 1
        return self.offsets[piece] + index - self.starts[piece]

    def folded_offset(self, original: int) -> int:
        """Where original offset ``original`` stands in the folded text (where the next
        kept character stands, if that one was dropped)."""
        piece = bisect_right(self.offsets, original) - 1
        if piece < 0:
            return 0
        at = self.starts[piece] + original - self.offsets[piece]
        following = self.starts[piece + 1] if piece + 1 < len(self.starts) else len(self.text)
        return min(at, following)

    def span(self, start: int, end: int, original_length: int) -> tuple[int, int]:
        if 0 <= start < end <= len(self.text):
            piece = bisect_right(self.starts, start) - 1
            if piece + 1 == len(self.starts) or end <= self.starts[piece + 1]:
                # Within one piece (most spans): one look up for both ends.
                shift = self.offsets[piece] - self.starts[piece]
                return start + shift, end + shift
        left = self.offset(start) if start < len(self.text) else original_length
        right = self.offset(end - 1) + 1 if end > 0 else left
        return left, right

    def word_index(self) -> dict[str, array[int]]:
        """Each word (a run of ``\\w``) and where it stands: its ordinals among the words
        of the text (arrays of machine integers: a tenth of the memory of lists, for
        hundreds of versions). ``_starts_of_words`` holds each ordinal's folded offset."""
        words = self._words
        if not words and self.text:
            starts = self._starts_of_words
            for ordinal, match in enumerate(_WORD.finditer(self.text)):
                word = match.group()
                starts.append(match.start())
                if word in words:
                    words[word].append(ordinal)
                else:
                    words[word] = array("i", (ordinal,))
        return words

    def _word_set(self, word: str) -> set[int]:
        """The ordinals of a common word, as a set (built when first asked)."""
        found = self._sets.get(word)
        if found is None:
            found = self._sets[word] = set(self._words[word])
        return found

    def search(
        self,
        target: str,
        whole_words: bool,
        limit: int | None = None,
        within: tuple[int, int] | None = None,
    ) -> list[tuple[int, int]]:
        """Folded (start, end) of every non-overlapping occurrence of folded ``target``
        (of the first ``limit`` of them, if given); with ``within``, only those inside
        that folded range, as a regular expression searching from its start to its end
        finds them (the character before the range still bounds a word; the range's end
        ends the text)."""
        found: list[tuple[int, int]] = []
        if not whole_words:
            at = self.text.find(target)
            while at >= 0 and len(found) != limit:
                found.append((at, at + len(target)))
                at = self.text.find(target, at + len(target))
            return found
        anchors = _anchors(target)
        self._searches[0] += 1
        low, high = within or (0, len(self.text))
        if not anchors or self._searches[0] == 1:
            # One scan beats building the index for a text searched only once.
            return [
                (m.start(), m.end())
                for m in islice(word_pattern(target).finditer(self.text, low, high), limit)
            ]
        # Every occurrence has each anchor word standing whole in the text, the anchors
        # one after the other as in the target: look only where the rarest of them
        # stands and the next rarest follows it.
        index = self._words or self.word_index()
        if any(word not in index for word, _, _ in anchors):
            return []
        ranked = sorted(anchors, key=lambda anchor: len(index[anchor[0]]))
        word, shift, ordinal = ranked[0]
        starts = self._starts_of_words
        best: Sequence[int] = index[word]
        if within:
            best = best[bisect_left(best, bisect_left(starts, low + shift)) :]
        if len(ranked) > 1 and len(best) > 32:
            following, _, its_ordinal = ranked[1]
            step, others = its_ordinal - ordinal, self._word_set(following)
            best = [n for n in best if n + step in others]
        text, size = self.text, len(target)
        left, right = target[0].isalnum(), target[-1].isalnum()
        last = low
        for number in best:
            at = starts[number] - shift
            end = at + size
            if end > high:
                if at >= high:
                    break
                continue
            if at < last or not text.startswith(target, at):
                continue
            if left and at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
                continue
            if right and end < high and (text[end].isalnum() or text[end] == "_"):
                continue
            found.append((at, end))
            if len(found) == limit:
                break
            last = end
        return found


@lru_cache(maxsize=8192)
def _anchors(target: str) -> tuple[tuple[str, int, int], ...]:
    """The words of ``target`` that a whole-word match must show whole, with their offsets
    and their ordinals among the target's words.

    A word is whole when something bounds it on both sides: a non-word character of the
    target, or the word-boundary rule at either end (which applies when the target starts
    or ends with a letter or digit).
    """
    left, right = target[0].isalnum(), target[-1].isalnum()
    return tuple(
        (m.group(), m.start(), k)
        for k, m in enumerate(_WORD.finditer(target))
        if (m.start() > 0 or left) and (m.end() < len(target) or right)
    )


def fold(text: str) -> Folded:
    """Typographic quotes become straight ones; runs of white space become one space."""
    text = text.translate(_TYPOGRAPHIC)
    pieces: list[str] = []
    starts: list[int] = [0]
    offsets: list[int] = [0]
    kept = 0  # folded length so far
    position = 0  # original offset where the current piece began
    for match in _CHANGED.finditer(text):
        at = match.start()
        pieces.append(text[position:at])
        if match.group(1) is not None or match.group(2) is not None:
            pieces.append(" ")  # the first white space character stays, as a space
            kept += at - position + 1
            resume = at + 1
        else:
            kept += at - position
            resume = at
        position = match.end()
        if position != resume:  # characters were dropped: a new piece starts here
            if starts[-1] == kept:  # the previous piece is empty (text began with drops)
                offsets[-1] = position
            else:
                starts.append(kept)
                offsets.append(position)
    pieces.append(text[position:])
    return Folded("".join(pieces), tuple(starts), tuple(offsets))


@lru_cache(maxsize=8192)
def folded_needle(needle: str) -> str:
    """A phrase as it is searched for: folded and stripped (cached: forms repeat)."""
    return fold(needle).text.strip()


@lru_cache(maxsize=1024)
def word_pattern(target: str) -> re.Pattern[str]:
    pattern = (r"(?<!\w)" if target[0].isalnum() else "") + re.escape(target)
    return re.compile(pattern + (r"(?!\w)" if target[-1].isalnum() else ""))


def find_all(
    needle: str, haystack: str, *, whole_words: bool = True, folded: Folded | None = None
) -> list[tuple[int, int]]:
    """Every (start, end) in ``haystack`` where ``needle`` occurs, modulo folding.

    Pass ``folded`` (``fold(haystack)``, or ``Document.folded``) when searching one text
    many times. (Nothing here keeps a text: the caches of this module hold phrases only,
    so a long-lived process does not keep old briefs alive.)
    """
    folded = folded or fold(haystack)
    target = folded_needle(needle)
    if not target:
        return []
    return [
        folded.span(start, end, len(haystack)) for start, end in folded.search(target, whole_words)
    ]


class Joined:
    """Several texts joined and folded once, with one word index: a phrase is looked for
    in all of them with one search, not one search per text. A brief looks for each
    correction's forms and each entity's names in every version."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.keys = list(texts)
        self.texts = list(texts.values())
        self.starts: list[int] = []  # where each text starts in the joined text
        at = 0
        for text in self.texts:
            self.starts.append(at)
            at += len(text) + 1
        self.text = "\n".join(self.texts)
        self.folded = fold(self.text)
        ends = [start + len(text) for start, text in zip(self.starts, self.texts, strict=True)]
        self._ranges = {
            key: (self.folded.folded_offset(a), self.folded.folded_offset(b))
            for key, a, b in zip(self.keys, self.starts, ends, strict=True)
        }

    def find(self, needle: str, limit: int | None = None) -> list[tuple[str, int, int]]:
        """(key, start, end) of each whole-word occurrence, offsets in that key's text, in
        the order of the texts (the first ``limit`` of them, if given)."""
        target = folded_needle(needle)
        if not target:
            return []
        if limit is not None:  # most callers want to know whether it stands anywhere
            first, crossed = self._find(target, limit)
            if len(first) == limit and not crossed:
                return first
        return self._find(target, None)[0][:limit]

    def _find(self, target: str, limit: int | None) -> tuple[list[tuple[str, int, int]], bool]:
        by_text: dict[int, list[tuple[int, int]]] = {}
        again: set[int] = set()
        for a, b in self.folded.search(target, True, limit):
            start, end = self.folded.span(a, b, len(self.text))
            k = bisect_right(self.starts, start) - 1
            if end - self.starts[k] <= len(self.texts[k]):
                by_text.setdefault(k, []).append((start, end))
            else:
                # Across two texts, which it may have hidden an occurrence in: the texts it
                # ends in are searched alone.
                again.update(range(k + 1, bisect_right(self.starts, end - 1)))
        for k in again:
            by_text[k] = [
                self.folded.span(a, b, len(self.text))
                for a, b in self.folded.search(target, True, None, self._ranges[self.keys[k]])
            ]
        return [
            (self.keys[k], start - self.starts[k], end - self.starts[k])
            for k in sorted(by_text)
            for start, end in by_text[k]
        ], bool(again)

    def occurrences(self, needle: str, limit: int, key: str | None = None) -> int:
        """How many times ``needle`` occurs in all the texts (or in one, ``key``; as
        :func:`find_all` finds it there), counting no further than ``limit``."""
        target = folded_needle(needle)
        if not target:
            return 0
        return len(
            self.folded.search(target, True, limit, self._ranges[key] if key is not None else None)
        )


def closest_passage(needle: str, haystack: str, folded: Folded | None = None) -> tuple[str, float]:
    """The passage of ``haystack`` most like ``needle``, and how alike (0-100)."""
    folded_needle_text = fold(needle).text
    folded = folded or fold(haystack)
    if not folded_needle_text or not folded.text:
        return "", 0.0
    found = fuzz.partial_ratio_alignment(folded_needle_text, folded.text)
    if found is None:
        return "", 0.0
    start, end = folded.span(found.dest_start, found.dest_end, len(haystack))
    return haystack[start:end], found.score


_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|\.\.\.|…)\s*")


def find_with_gaps(
    needle: str, haystack: str, folded: Folded | None = None
) -> tuple[int, int] | None:
    """Where ``needle`` occurs in ``haystack`` (as :func:`find_all` finds it, not as a
    whole word), an ellipsis in it ("…", "...", "[...]") standing for any gap; the span
    from its first piece's start to its last piece's end."""
    pieces = [p for p in _ELLIPSIS.split(needle) if p.strip()]
    if not pieces:
        return None
    folded = folded or fold(haystack)
    at, first = 0, None
    for piece in pieces:
        later = [
            span
            for span in find_all(piece, haystack, whole_words=False, folded=folded)
            if span[0] >= at
        ]
        if not later:
            return None
        first = later[0][0] if first is None else first
        at = later[0][1]
    assert first is not None
    return first, at
