"""What the analysis derives, as frozen records: places, verdicts, mentions, discrepancies,
and the whole :class:`Analysis`, built once, at the end of the analysis."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from briefing.analysis.align import Alignment
from briefing.model import Correction, CorrectionKind

VerdictKind = Literal["right", "wrong", "absent"]
VERDICTS: tuple[VerdictKind, ...] = ("right", "wrong", "absent")
Quality = Literal["exact", "alias", "former name", "garbled", "near miss"]
# What a discrepancy's expected form rests on.
Basis = Literal["correction", "entity", "reference", "majority", "record"]
# How the basis is said to editors and readers alike.
BASIS_WORDS: dict[Basis, str] = {
    "correction": "the verified correction",
    "entity": "the verified name",
    "reference": "the reference version",
    "record": "the verified record",
    "majority": "most versions",
}
# What reviews a discrepancy: a correction or an accepted wording, and its id.
Review = tuple[Literal["correction", "accepted"], str]
# Kinds of correction about how something is named.
NAME_KINDS: tuple[CorrectionKind, ...] = ("name", "institution")
NAMING_KINDS: tuple[CorrectionKind, ...] = ("name", "institution", "title", "spelling")


@dataclass(frozen=True, slots=True)  # slots: a large brief holds 100,000s of these
class Place:
    """A span of a version's text, with the paragraph and sentence that hold it."""

    source: str
    paragraph: str  # "p3"
    sentence: str  # "p3s2"
    sentence_index: int  # position among the version's sentences
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Verdict:
    source: str
    verdict: VerdictKind
    places: tuple[Place, ...]  # where the wrong (or, if right, the right) form stands


@dataclass(frozen=True)
class CorrectionResult:
    correction: Correction
    verdicts: dict[str, Verdict]


@dataclass(frozen=True, slots=True)
class Mention:
    place: Place
    form: str
    quality: Quality
    correction: str | None = None


@dataclass(frozen=True)
class Discrepancy:
    """One place where one version disagrees with the record or with the others."""

    id: str  # stable: version, sentence and rank in the sentence
    source: str  # the version
    paragraph: str  # "p3"
    anchor: str  # the sentence, "p3s2"
    kind: CorrectionKind
    found: str  # the text as the version has it
    start: int  # offsets of ``found`` in the version's text
    end: int
    expected: str | None  # the verified or majority form, when known
    basis: Basis | None
    form: str  # ``found`` with enough context to be a correction's wrong form
    expected_form: str | None  # ``expected`` in the same context
    entity: str | None = None
    others: tuple[tuple[str, str], ...] = ()  # (version, its reading at this place)
    evidence: tuple[str, str] | None = None  # (source, verbatim passage) for ``expected``
    site: str = ""  # shared by the discrepancies of one place, across versions
    row: int | None = None  # the alignment row
    reviewed: Review | None = None
    confidence: float = 0.0  # how likely an editor finds it an error (0-1): see confidence.py

    @property
    def target(self) -> str | None:
        """The errata object that reviews it, as a MyST link target."""
        if self.reviewed and self.reviewed[0] == "correction":
            return f"correction:{self.reviewed[1]}"
        return None


# version -> correction kind -> Counter of "right" and "wrong"
Scorecard = dict[str, dict[str, Counter[str]]]


@dataclass(frozen=True)
class Analysis:
    alignment: Alignment
    corrections: dict[str, CorrectionResult]
    scorecard: Scorecard
    mentions: dict[str, dict[str, list[Mention]]]  # entity -> version -> mentions
    wrong_places: dict[str, list[tuple[Place, str]]]  # version -> (place, correction)
    discrepancies: list[Discrepancy]  # found by comparing versions
    reference: str | None = None  # the version the others are read against
    voices: dict[str, str] = field(default_factory=dict)  # version -> its voice (a version)
    other_language: tuple[str, ...] = ()  # versions in another language: not compared

    def names_and_institutions(self, version: str) -> Counter[str]:
        total: Counter[str] = Counter()
        for kind in NAME_KINDS:
            total.update(self.scorecard[version].get(kind, Counter()))
        return total
