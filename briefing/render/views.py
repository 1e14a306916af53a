"""What each generated page shows, computed from the project and its analysis.

Templates get these plain records; every string in them is either raw input (escaped
when printed) or :class:`~briefing.myst.Myst` built here with escaping applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.analysis.results import Analysis, Place
from briefing.model import CORRECTION_KINDS, Evidence, Project, Source
from briefing.render import corrections
from briefing.render import scorecard as figure
from briefing.render.comparison import Comparison, comparison
from briefing.render.corrections import CorrectionLine
from briefing.render.myst import Myst, day, escape, link, marked, role
from briefing.render.tally import Tally, errors_phrase, name_of, tallies
from briefing.render.verdict import alt_text, verdict
from briefing.text.fold import find_with_gaps

VERDICT_SYMBOL = {"right": "✓ right", "wrong": "✗ wrong", "absent": "– absent"}


@dataclass(frozen=True)
class Citation:
    """One piece of evidence as a footnote: which source, where, and the passage."""

    label: str  # footnote label, unique on its page
    where: Myst  # a link to the paragraph or the reference
    quote: str | None
    note: str | None


@dataclass(frozen=True)
class Reading:
    version: Source
    verdict: str
    symbol: str
    text: Myst  # the version's sentence(s), the form in question marked


@dataclass(frozen=True)
class ScoreRow:
    version: Source
    cells: list[str]  # per kind "right / wrong"
    right: int
    wrong: int


@dataclass
class Views:
    project: Project
    analysis: Analysis
    kinds: list[str] = field(default_factory=list)
    _comparison: Comparison | None = None
    _tallies: list[Tally] | None = None

    def comparison(self) -> Comparison:
        """The comparison page's view (compare.py), shared with the errata."""
        if self._comparison is None:
            self._comparison = comparison(self.project, self.analysis)
        return self._comparison

    # -- citations ---------------------------------------------------------------
    def citation(self, evidence: Evidence, label: str) -> Citation:
        source = self.project.sources[evidence.source]
        if source.is_version and source.document is not None:
            paragraph = self.paragraph_of(source, evidence.quote)
            target = f"{source.id}:{paragraph}" if paragraph else None
            where = role("brief:para", target) if target else role("brief:source", source.id)
        elif source.url:
            where = link(
                (source.publisher or source.label)
                + (f" ({day(source.date)})" if source.date else ""),
                source.url,
            )
        else:
            where = role("brief:source", source.id)
        return Citation(label, Myst(where), evidence.quote, evidence.note)

    def paragraph_of(self, source: Source, quote: str | None) -> str | None:
        if not quote or source.document is None:
            return None
        found = find_with_gaps(quote, source.document.text, source.document.folded)
        if found is None:
            return None
        paragraph = source.document.paragraph_at(found[0])
        return paragraph.anchor if paragraph else None

    def citations(self, evidence: tuple[Evidence, ...], prefix: str) -> list[Citation]:
        return [self.citation(e, f"{prefix}-{n}") for n, e in enumerate(evidence, 1)]

    @staticmethod
    def grouped(citations: list[Citation]) -> list[tuple[Myst, list[Citation]]]:
        """Citations of one place in a row, under it once (one note, several quotes)."""
        groups: list[tuple[Myst, list[Citation]]] = []
        for c in citations:
            if groups and groups[-1][0] == c.where:
                groups[-1][1].append(c)
            else:
                groups.append((c.where, [c]))
        return groups

    # -- errata ------------------------------------------------------------------
    def readings(self, correction_id: str) -> list[Reading]:
        result = self.analysis.corrections[correction_id]
        readings = []
        for version in self.project.versions:
            verdict = result.verdicts.get(version.id)
            if verdict is None:
                continue
            readings.append(
                Reading(
                    version,
                    verdict.verdict,
                    VERDICT_SYMBOL[verdict.verdict],
                    self._sentences_marked(version, verdict.places, verdict.verdict),
                )
            )
        return readings

    def _sentences_marked(self, version: Source, places: tuple[Place, ...], verdict: str) -> Myst:
        if not places or version.document is None:
            return Myst("")
        sentences = version.document.sentences()
        chosen = sorted({p.sentence_index for p in places})
        parts = []
        for index in chosen:
            sentence = sentences[index]
            spans = [
                (p.start - sentence.start, p.end - sentence.start, None, (f"brief-{verdict}",))
                for p in places
                if p.sentence_index == index
            ]
            paragraph = next(p.paragraph for p in places if p.sentence_index == index)
            where = role("brief:para", f"{version.id}:{paragraph}")
            parts.append(f"{marked(sentence.text, spans)} ({where})")
        return Myst(" … ".join(parts))

    def scorecard(self) -> list[ScoreRow]:
        rows = []
        for version in self.project.versions:
            card = self.analysis.scorecard.get(version.id, {})
            cells = []
            for kind in self.kinds:
                counts = card.get(kind, Counter())
                cells.append(f"{counts['right']} / {counts['wrong']}")
            total = sum((c for c in card.values()), Counter())
            rows.append(ScoreRow(version, cells, total["right"], total["wrong"]))
        return rows

    def correction_line(self, key: str) -> CorrectionLine:
        """The correction as one or two lines of the corrections column."""
        return corrections.line(self.project, self.analysis, key)

    def tallies(self) -> list[Tally]:
        """Each version's right, wrong and absent corrections: the one count of errors."""
        if self._tallies is None:
            self._tallies = tallies(self.project, self.analysis)
        return self._tallies

    def tally_of(self, version: Source) -> Tally:
        return next(t for t in self.tallies() if t.version.id == version.id)

    def errors_phrase(self, version: Source) -> str:
        return errors_phrase(self.tally_of(version))

    def name(self, source: Source) -> str:
        return name_of(source)

    def verdict(self) -> Myst:
        """One paragraph: which version to rely on, each one's score, what each lacks."""
        return verdict(self.tallies(), self.comparison())

    def scorecard_figure(self, latex_text: Callable[[str], str] = figure.tex) -> tuple[Myst, Myst]:
        """The scorecard picture: (SVG for the HTML, TikZ for the PDF, its labels made
        LaTeX by ``latex_text``)."""
        rows = self.tallies()
        return Myst(figure.svg(rows, alt_text(rows))), Myst(figure.tikz(rows, latex_text))

    # -- sources -----------------------------------------------------------------
    def paragraphs(self, version: Source) -> list[tuple[str, int, Myst, int]]:
        """(anchor, number, marked text, errors) for each paragraph of a version."""
        assert version.document is not None
        errors = self.analysis.wrong_places.get(version.id, [])
        result = []
        for paragraph in version.document.paragraphs:
            spans = [
                (
                    place.start - paragraph.start,
                    place.end - paragraph.start,
                    Myst(f"correction:{correction}"),
                    ("brief-wrong",),
                )
                for place, correction in errors
                if place.paragraph == paragraph.anchor
            ]
            result.append(
                (paragraph.anchor, paragraph.number, marked(paragraph.text, spans), len(spans))
            )
        return result

    # -- entities ----------------------------------------------------------------
    def mentions(self, entity_id: str) -> list[tuple[Source, Myst]]:
        rows = []
        for version in self.project.versions:
            mentions = self.analysis.mentions.get(entity_id, {}).get(version.id, [])
            if not mentions:
                rows.append((version, escape("not mentioned")))
                continue
            counted = Counter(
                (m.place.paragraph, m.form, m.quality, m.correction) for m in mentions
            )
            items = []
            for (paragraph, form, quality, correction), n in counted.items():
                where = role("brief:para", f"{version.id}:{paragraph}", f"¶{paragraph[1:]}")
                times = f" ×{n}" if n > 1 else ""
                what = escape(f"“{form}”{times}")
                if correction:
                    what = Myst(f"{what} ({link(quality, f'correction:{correction}')})")
                elif quality != "exact":
                    what = Myst(f"{what} ({escape(quality)})")
                items.append(f"{where}: {what}")
            rows.append((version, Myst("; ".join(items))))
        return rows


def views(project: Project, analysis: Analysis) -> Views:
    used = {c.kind for c in project.corrections.values()}
    return Views(project, analysis, [k for k in CORRECTION_KINDS if k in used])
