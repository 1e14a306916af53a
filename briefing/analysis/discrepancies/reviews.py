"""What the fact file says about a place: where corrections and accepted wordings stand
in each version, and the record's own wording, which breaks a tie.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from briefing.analysis.results import CorrectionResult, Review
from briefing.model import Project
from briefing.text.fold import find_all, fold


class Record:
    """The fact file's own wording: what breaks a tie between two versions."""

    def __init__(self, project: Project) -> None:
        parts: list[str] = []
        for entity in project.entities.values():
            parts += [entity.name, *entity.aliases]
        for fact in project.facts.values():
            if fact.status == "verified":
                parts.append(fact.claim)
                parts += [e.quote for e in fact.evidence if e.quote]
        for correction in project.corrections.values():
            parts += correction.right
        for source in project.references:
            if source.document is not None:
                parts.append(source.document.text)
        self.text = "\n".join(parts)
        self.folded = fold(self.text)

    def has(self, form: str) -> bool:
        return bool(form.strip()) and bool(find_all(form, self.text, folded=self.folded))


class Reviews:
    """Where corrections and accepted wordings stand in each version."""

    def __init__(self, project: Project, corrections: dict[str, CorrectionResult]) -> None:
        self.wrong: dict[str, list[tuple[int, int, str]]] = {}
        self.right: dict[str, list[tuple[int, int, str]]] = {}
        for key, result in corrections.items():
            for version, verdict in result.verdicts.items():
                target = self.wrong if verdict.verdict == "wrong" else self.right
                for place in verdict.places:
                    target.setdefault(version, []).append((place.start, place.end, key))
        self.accepted: dict[str, list[tuple[int, int, str]]] = {}
        for key, accepted in project.accepted.items():
            for form in accepted.forms:
                for version, start, end in project.joined_versions.find(form):
                    self.accepted.setdefault(version, []).append((start, end, key))
        self.corrections = project.corrections
        for spans in (*self.wrong.values(), *self.right.values(), *self.accepted.values()):
            spans.sort()
        self._longest = max(
            (
                b - a
                for spans in (*self.wrong.values(), *self.right.values(), *self.accepted.values())
                for a, b, _ in spans
            ),
            default=0,
        )

    def _find(
        self, spans: list[tuple[int, int, str]], start: int, end: int
    ) -> tuple[int, int, str] | None:
        """The first span that overlaps [start, end) (or holds ``start`` when empty)."""
        first = bisect_left(spans, (start - self._longest,))
        for a, b, key in spans[first : bisect_right(spans, (end + 1,))]:
            if (a < end and start < b) or (start == end and a <= start <= b):
                return a, b, key
        return None

    def _at(self, spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
        found = self._find(spans, start, end)
        return found[2] if found else None

    def wrong_span(self, version: str, start: int, end: int) -> tuple[int, int] | None:
        found = self._find(self.wrong.get(version, []), start, end)
        return (found[0], found[1]) if found else None

    def wrong_at(self, version: str, start: int, end: int) -> str | None:
        return self._at(self.wrong.get(version, []), start, end)

    def right_at(self, version: str, start: int, end: int) -> str | None:
        return self._at(self.right.get(version, []), start, end)

    def accepted_at(self, version: str, start: int, end: int) -> str | None:
        return self._at(self.accepted.get(version, []), start, end)

    def review_at(self, version: str, start: int, end: int) -> Review | None:
        """How the fact file reviews a place found apart from any correction's site: a
        correction's wrong form stands there, or an accepted wording."""
        if wrong := self.wrong_at(version, start, end):
            return ("correction", wrong)
        if accepted := self.accepted_at(version, start, end):
            return ("accepted", accepted)
        return None
