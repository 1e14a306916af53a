"""Where forms stand: places in a version's text, and one search of all the versions for
each form (the verdicts and the mentions ask for the same names)."""

from __future__ import annotations

from bisect import bisect_right

from briefing.analysis.results import Place
from briefing.model import Source
from briefing.text.fold import Joined
from briefing.text.segment import Document


class Located:
    """A version's sentences, to place what a search of all the versions finds in it."""

    def __init__(self, source: Source) -> None:
        assert source.document is not None
        self.source = source
        self.document: Document = source.document
        self.sentences = self.document.sentences()
        self.index = {s.anchor: n for n, s in enumerate(self.sentences)}
        # Where each sentence starts, and its paragraph's end: one bisection per place.
        self._starts = [s.start for s in self.sentences]
        self._paragraph_end = [p.end for p in self.document.paragraphs for _ in p.sentences]

    def place(self, start: int, end: int) -> Place | None:
        """The place of [start, end) of the text, if it stands in a paragraph."""
        # The sentence that starts last at or before the place: sentences cover their
        # paragraph (from its start) but for the spaces between them, where no form starts.
        index = bisect_right(self._starts, start) - 1
        if index < 0 or start >= self._paragraph_end[index]:
            return None  # before the first paragraph, or between two
        sentence = self.sentences[index]
        return Place(
            self.source.id,
            sentence.paragraph,
            sentence.anchor,
            index,
            start,
            end,
            self.document.text[start:end],
        )

    def place_in_sentence(self, start: int, end: int) -> Place | None:
        """The place of [start, end), placed in the sentence that holds its start."""
        sentence = self.document.sentence_at(start)
        if sentence is None:
            return None
        return Place(
            self.source.id,
            sentence.paragraph,
            sentence.anchor,
            self.index[sentence.anchor],
            start,
            end,
            self.document.text[start:end],
        )


class FormIndex:
    """Where each form stands in every version: one search of all the versions together
    per form, remembered until released."""

    def __init__(self, joined: Joined, located: dict[str, Located]) -> None:
        self.joined = joined
        self.located = located
        self._found: dict[str, dict[str, tuple[Place, ...]]] = {}

    def places(self, form: str) -> dict[str, tuple[Place, ...]]:
        found = self._found.get(form)
        if found is None:
            by_version: dict[str, list[Place]] = {}
            for version, start, end in self.joined.find(form):
                place = self.located[version].place(start, end)
                if place is not None:
                    by_version.setdefault(version, []).append(place)
            found = self._found[form] = {k: tuple(v) for k, v in by_version.items()}
        return found

    def release(self) -> None:
        """Drop the memo, before the analysis's most memory-hungry phase."""
        self._found.clear()
