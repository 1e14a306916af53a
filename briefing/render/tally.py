"""One definition of an error of a version, and every count built on it.

An error of a version is a correction that the version gets wrong: it prints a wrong
form. A correction printed wrong in three places is one error, marked three times. Every
count a reader sees (the verdict, the scorecard, a version's page, its card, the
comparison) is taken from :func:`tally`, so one version never shows two error counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.analysis.results import Analysis, VerdictKind
from briefing.model import Project, Source


@dataclass(frozen=True)
class Tally:
    """What one version does with the brief's corrections."""

    version: Source
    right: tuple[str, ...]  # ids of the corrections it gets right
    wrong: tuple[str, ...]  # its errors
    absent: tuple[str, ...]  # corrections whose passage it does not have
    places: int  # where its errors stand (one error may be printed more than once)

    @property
    def total(self) -> int:
        return len(self.right) + len(self.wrong) + len(self.absent)

    @property
    def printed(self) -> int:
        """Corrected passages the version has (right or wrong)."""
        return len(self.right) + len(self.wrong)

    @property
    def errors(self) -> int:
        return len(self.wrong)


def verdicts_of(analysis: Analysis, version: str) -> dict[str, VerdictKind]:
    """Correction id -> the version's verdict, in the fact file's order."""
    return {
        key: result.verdicts[version].verdict
        for key, result in analysis.corrections.items()
        if version in result.verdicts
    }


def tally(analysis: Analysis, version: Source) -> Tally:
    verdicts = verdicts_of(analysis, version.id)
    wrong = tuple(k for k, v in verdicts.items() if v == "wrong")
    return Tally(
        version,
        tuple(k for k, v in verdicts.items() if v == "right"),
        wrong,
        tuple(k for k, v in verdicts.items() if v == "absent"),
        len(analysis.wrong_places.get(version.id, [])),
    )


def tallies(project: Project, analysis: Analysis) -> list[Tally]:
    """One tally per version with a text, in the fact file's order."""
    return [tally(analysis, v) for v in project.versions if v.document is not None]


def errors_phrase(t: Tally) -> str:
    """ "20 errors, marked in 26 places" (or "no error")."""
    if not t.errors:
        return "no error"
    noun = "error" if t.errors == 1 else "errors"
    if t.places == t.errors:
        return f"{t.errors} {noun}, marked"
    return f"{t.errors} {noun}, marked in {t.places} places"


def name_of(source: Source) -> str:
    """How a reader knows a version: its label and its publisher, never its file."""
    if source.publisher and source.publisher.casefold() != source.label.casefold():
        return f"{source.label} ({source.publisher})"
    return source.label
