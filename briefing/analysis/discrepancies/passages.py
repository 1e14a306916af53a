"""Passages: a version's sentences of one row of the alignment, with their words, the
mentions and quotation spans in them, and their items. Versions that print the same
sentences share one passage, read once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from briefing.analysis.discrepancies.items import Item, MentionSpan, extract_items
from briefing.analysis.results import Mention
from briefing.model import Project
from briefing.text.lexicon import COMMON_WORDS, NEWS_AGENCIES
from briefing.text.segment import Document
from briefing.text.words import Token, WordReader, placed_tokens, quote_spans

_ENDS = re.compile(r"""[.!?…]["”’'»)\]]*$|["”’»]$""")
# An ellipsis that ends the story says the page itself cut it there ("its technical
# foundations […]").
_CUT = re.compile(r"(?:\[(?:…|\.\.\.)\]|\w…|\w\.\.\.)\s*$")
PROSE = 12  # a line of furniture with this many words and no full stop is cut-off prose


def _cut_at(document: Document) -> int | None:
    """Where the store cut the text off mid-sentence: in its last story paragraph, or in
    a box of prose set apart after it (the text's end, then)."""
    if not document.paragraphs:
        return None
    last_paragraph = _SIGNED.sub("", document.paragraphs[-1].text)
    if not _ENDS.search(last_paragraph) or _CUT.search(last_paragraph):
        return document.paragraphs[-1].end
    last = document.text.rstrip()
    start = last.rfind("\n") + 1
    tail = last[start:].strip()
    if (
        len(last) > document.paragraphs[-1].end
        and len(tail.split()) >= PROSE
        and not _ENDS.search(tail)
        and not any(a.start <= start < a.end and a.kind in _NO_PROSE for a in document.aside)
    ):
        return len(document.text)
    return None


# A wire's sign-off after the story's last full stop ("... in September. – AFP",
# "(Reporting by ...; Editing by ...)", "Enditem"): the story ends before it.
_AGENCY = "|".join(NEWS_AGENCIES)
_SIGNED = re.compile(
    rf"\s*(?:[–—-]\s*(?:{_AGENCY})|\((?:with )?(?:{_AGENCY})"
    r"(?: inputs)?\)|\((?:reporting|writing|editing) by [^)]*\)|enditem|agencies|■)\s*$",
    re.IGNORECASE,
)
# Lines set apart as these are no prose the store cut off: a share bar, a prompt, a
# caption or a credit never ends in a full stop ("Follow us on Twitter @BBCAfrica").
_NO_PROSE = frozenset({"share", "prompt", "byline", "caption", "navigation", "related", "ad"})


@dataclass(frozen=True)
class Passage:
    """Sentences of one row of the alignment as a version prints them, with offsets from
    the first one's start: the versions that print the same sentences share one passage."""

    text: str  # from the first sentence's start to the last one's end
    tokens: list[Token]
    items: list[Item]
    cut: bool = False  # the store cut the version's text off in its last sentence

    @property
    def keys(self) -> set[str]:
        return {k for item in self.items for k in item.keys}


class VersionTexts:
    """Each version's text, sentences, quotation spans and mentions, and the words of
    each distinct sentence (read once: versions repeat most sentences)."""

    def __init__(
        self, project: Project, mentions: dict[str, dict[str, list[Mention]]], foreign: set[str]
    ) -> None:
        self.reader = WordReader()
        self.documents: dict[str, Document] = {
            v.id: v.document
            for v in project.versions
            if v.document is not None and v.id not in foreign
        }
        self.sentences = {k: d.sentences() for k, d in self.documents.items()}
        self._sentence_starts: dict[str, list[int]] = {}
        self.quotes = {k: quote_spans(d.text) for k, d in self.documents.items()}
        self._quote_starts = {k: [a for a, _ in spans] for k, spans in self.quotes.items()}
        self.mentions: dict[str, list[MentionSpan]] = {k: [] for k in self.documents}
        for entity, by_version in mentions.items():
            for version, found in by_version.items():
                if version in self.mentions:
                    self.mentions[version] += [
                        MentionSpan(m.place.start, m.place.end, entity, m.quality, m.form)
                        for m in found
                    ]
        for spans in self.mentions.values():
            spans.sort(key=lambda m: (m.start, -m.end))
        self._starts = {k: [m.start for m in v] for k, v in self.mentions.items()}
        self._longest = {
            k: max((m.end - m.start for m in v), default=0) for k, v in self.mentions.items()
        }
        self.proper_initial = self._proper_initial()
        # Where a version's text stops mid-sentence (the store cut it off), if it does; and
        # the versions whose saved text is, by the editor's word, only the page's start.
        self.cut_at = {k: at for k, d in self.documents.items() if (at := _cut_at(d)) is not None}
        self.partial = {v.id for v in project.versions if v.partial and v.id in self.documents}

    def _proper_initial(self) -> set[str]:
        """Words that are names even at the start of a sentence: never written in lower
        case, and written with a capital inside some sentence."""
        lower: set[str] = set()
        inner_caps: set[str] = set()
        for version, document in self.documents.items():
            for sentence in self.sentences[version]:
                self.reader.sentence(document.text[sentence.start : sentence.end])
        for shape in self.reader.distinct_sentences():
            for token in shape:
                if not token.cap:
                    lower.add(token.key)
                elif not token.initial:
                    inner_caps.add(token.key)
        return {k for k in inner_caps - lower if k not in COMMON_WORDS}

    def passage(
        self, version: str, indices: tuple[int, ...], known: dict[tuple[object, ...], Passage]
    ) -> tuple[Passage, int]:
        """A version's sentences of one row, and the offset where they start. ``known``
        holds the row's passages so far: a version that prints the same sentences, with
        the same mentions and quotation marks in them, gets the same passage."""
        text = self.documents[version].text
        sentences = [self.sentences[version][index] for index in indices]
        base = sentences[0].start
        pieces = tuple((s.start - base, text[s.start : s.end]) for s in sentences)
        words = [
            (offset, shape) for offset, piece in pieces if (shape := self.reader.sentence(piece))
        ]
        mentions: tuple[MentionSpan, ...] = ()
        quotes: tuple[tuple[int, int], ...] = ()
        if words:
            lo, hi = (
                base + words[0][0] + words[0][1][0].start,
                base + words[-1][0] + words[-1][1][-1].end,
            )
            spans, starts, longest = (
                self.mentions[version],
                self._starts[version],
                self._longest[version],
            )
            mentions = tuple(
                MentionSpan(m.start - base, m.end - base, m.entity, m.quality, m.form)
                for m in spans[bisect_left(starts, lo - longest) : bisect_left(starts, hi)]
                if lo < m.end
            )
            quotes = self._quotes_within(version, lo, hi, base)
        cut = sentences[-1].end == self.cut_at.get(version)
        key = (pieces, mentions, quotes, cut)
        passage = known.get(key)
        if passage is None:
            passage_text = text[base : sentences[-1].end]
            words_placed = placed_tokens(words, quotes)
            passage = known[key] = Passage(
                passage_text,
                words_placed,
                extract_items(passage_text, words_placed, list(mentions), self.proper_initial),
                cut,
            )
        return passage, base

    def _quotes_within(
        self, version: str, lo: int, hi: int, base: int
    ) -> tuple[tuple[int, int], ...]:
        """The quotation spans over [lo, hi), cut to it, from ``base``."""
        spans = self.quotes[version]
        k = max(0, bisect_right(self._quote_starts[version], lo) - 1)
        inside = []
        for a, b in spans[k:]:
            if a >= hi:
                break
            if b > lo:
                inside.append((max(a, lo) - base, min(b, hi) - base))
        return tuple(inside)

    def anchor(self, version: str, offset: int) -> tuple[str, str]:
        """The paragraph and sentence of a place; a place just past a paragraph's end
        (words left out after its last word) belongs to the sentence before it."""
        sentences = self.sentences[version]
        starts = self._sentence_starts.get(version)
        if starts is None:
            starts = self._sentence_starts[version] = [s.start for s in sentences]
        sentence = sentences[max(0, bisect_right(starts, offset) - 1)]
        return sentence.paragraph, sentence.anchor


def passages_of_group(
    group: dict[str, tuple[int, ...]], versions: VersionTexts
) -> dict[str, tuple[Passage, int]]:
    """Each version's passage of a group of rows, and where it starts."""
    known: dict[tuple[object, ...], Passage] = {}
    return {
        version: versions.passage(version, cell, known)
        for version, cell in group.items()
        if cell and version in versions.documents
    }
