"""Split a version's text into paragraphs and sentences with stable anchors.

Anchors are positional (``p3``, ``p3s2``): the same text always gives the same anchors,
so links into a version survive rebuilds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from briefing.text.fold import Folded, fold

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt st jr sr inc co corp ltd no vs etc approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.u u.n".split()
)
# A sentence ends at a full stop and white space before a capital, or, where a page
# lost the space, at a full stop between a lowercase word and a capitalised one
# ("the economic system.Mr Emefiele"; "U.S." and "Nairametrics.com" are no such join).
_BOUNDARY = re.compile(
    r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9À-Ý])|(?<=[a-z]{3})[.!?](?=[A-Z][a-z])"
)
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_WRAPPED_LINE = range(60, 100)  # line lengths typical of hard-wrapped plain text


@dataclass(frozen=True, slots=True)
class Sentence:
    anchor: str  # "p3s2"
    start: int  # offsets into the whole text
    end: int
    text: str

    @property
    def paragraph(self) -> str:
        """The anchor of the paragraph that holds it ("p3")."""
        return paragraph_of(self.anchor)

    @property
    def number(self) -> int:
        """Its place in its paragraph, from 1."""
        return int(self.anchor.rpartition("s")[2])


def paragraph_of(anchor: str) -> str:
    """The paragraph's anchor ("p3") of a sentence's ("p3s2") or a paragraph's."""
    return anchor.partition("s")[0]


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int  # 1-based
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...] = field(default=())

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True, slots=True)
class SetApart:
    """A part of a version's text that is not its story (page furniture): a whole line,
    or the head of a line (a dateline), with what kind of furniture it is and why it was
    set apart."""

    start: int  # offsets into the whole text
    end: int
    line: int  # 1-based line of the text
    text: str
    kind: str  # "headline", "navigation", "byline", "dateline", "related", "box", ...
    reason: str  # how it was found, said to the editor
    by_editor: bool = False  # named in the fact file's ``furniture:``


@dataclass(frozen=True)
class Document:
    """A version's text, normalised to LF line ends, with its story paragraphs and what is
    set apart as page furniture."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    aside: tuple[SetApart, ...] = ()

    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @cached_property
    def folded(self) -> Folded:
        """The text folded for searching, computed once: briefs search it thousands of times."""
        return fold(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index].end:
            return self.paragraphs[index]
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        paragraph = self.paragraph_at(offset)
        if paragraph is None:
            return None
        for sentence in paragraph.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return paragraph.sentences[-1] if paragraph.sentences else None


def normalise_newlines(text: str) -> str:
    """CRLF and CR become LF; a byte-order mark is dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def blocks(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of a text (already with LF line ends): each
    non-empty line, except in hard-wrapped blocks, which are one paragraph; stripped."""
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n](?:.|\n(?!\s*\n))*", text):
        lines = list(re.finditer(r"[^\n]+", block.group()))
        if _is_hard_wrapped([m.group() for m in lines]):
            spans.append((block.start(), block.end()))
            continue
        for run in _runs_on(lines):
            spans.append((block.start() + run[0].start(), block.start() + run[-1].end()))
    stripped = [(a, b) for a, b in (_strip(text, start, end) for start, end in spans) if a < b]
    return _across_blank_lines(text, stripped)


def _across_blank_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs, with a full line that ends no sentence joined to the paragraph after
    a blank line when that one runs on in lower case and is a full line too or ends a
    sentence ("bottom of page" is a line of its own): a page stored with blank lines
    inside its paragraphs ("... said she will have to work during the" / "hurricane, but
    that ...")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            last_start, last_end = joined[-1]
            line = text[max(last_start, text.rfind("\n", last_start, last_end) + 1) : last_end]
            following = text[start:end]
            if (
                text.count("\n", last_end, start) > 1
                and len(line) >= _WRAPPED_LINE.start
                and _runs_into(line, following)
                and len(following.split(None, 2)) > 1
                and (len(following) >= _WRAPPED_LINE.start or _SENTENCE_END.search(following))
            ):
                joined[-1] = (last_start, end)
                continue
        joined.append((start, end))
    return joined


def segment(text: str, aside: tuple[SetApart, ...] = ()) -> Document:
    """The text's story paragraphs and their sentences. ``aside`` holds what is set apart
    (page furniture): whole paragraphs, which are not story paragraphs, and a paragraph's
    head (a dateline), which its paragraph starts after. Story paragraphs are numbered on
    their own, so the first of them is ¶1 whatever stands before it."""
    text = normalise_newlines(text)
    whole = {(a.start, a.end) for a in aside}
    heads = {a.start: a.end for a in aside}
    paragraphs: list[Paragraph] = []
    for start, end in blocks(text):
        if (start, end) in whole:
            continue
        while start in heads and start < end:  # a date mark, then a dateline
            start, end = _strip(text, heads[start], end)
        if start >= end:
            continue
        number = len(paragraphs) + 1
        paragraphs.append(
            Paragraph(number, start, end, text[start:end], _sentences(text, start, end, number))
        )
    return Document(text, tuple(paragraphs), aside)


def _runs_on(lines: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """A block's lines grouped into paragraphs. In a wire's feed wrapped at a width with
    no line between paragraphs, where most lines end no sentence and run on into one that
    opens in lower case ("Gautam Adani, the billionaire chair" / "of Indian conglomerate
    ..."), those lines join; elsewhere each line is a paragraph, as pages are stored."""
    texts = [line.group() for line in lines]
    runs_on = [_runs_into(a, b) for a, b in zip(texts, texts[1:], strict=False)]
    joins = sum(runs_on)
    if joins < WRAPPED_JOINS or 2 * joins < len(lines) - 1:
        return [[line] for line in lines]
    runs: list[list[re.Match[str]]] = [[lines[0]]]
    for previous, line, joined in zip(texts, lines[1:], runs_on, strict=False):
        # In a feed, a full line that ends no sentence wrapped before a capitalised word
        # too ("... and deaths from" / "March 1 onwards.").
        wrapped = len(previous.rstrip()) in _WRAPPED_LINE and not _SENTENCE_END.search(
            previous.rstrip()
        )
        if joined or wrapped:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _runs_into(line: str, following: str) -> bool:
    return following[:1].islower() and _SENTENCE_END.search(line.rstrip()) is None


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
WRAPPED_JOINS = 3  # lines running on in a block, at the least, for it to be a wrapped feed


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Wrapped text: full lines of even length, or a short block whose next line runs on."""
    widths = [len(line.rstrip()) for line in lines[:-1]]
    if not widths or not all(width in _WRAPPED_LINE for width in widths):
        return False
    if len(lines) == 2:
        return lines[1][:1].islower()
    return max(widths) - min(widths) <= 20


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(text: str, start: int, end: int, number: int) -> tuple[Sentence, ...]:
    cuts = [start]
    for match in _BOUNDARY.finditer(text, start, end):
        if not _ends_with_abbreviation(text[cuts[-1] : match.start() + 1]):
            cuts.append(match.end())
    cuts.append(end)
    sentences: list[Sentence] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        left, right = _strip(text, left, right)
        if left < right:
            anchor = f"p{number}s{len(sentences) + 1}"
            sentences.append(Sentence(anchor, left, right, text[left:right]))
    return tuple(sentences)


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rstrip(".").split()
    if not words:
        return False
    last = words[-1].lower().strip("\"“‘'(")
    # A single capital letter is an initial ("John F. Kennedy"), and so is each of a run
    # of them ("J.P. Nadda").
    return (
        last in _ABBREVIATIONS
        or (len(last) == 1 and last.isalpha())
        or bool(_INITIALS.fullmatch(last))
    )
