"""The typed model of a brief: what the editor wrote, plus the versions' texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, get_args

from briefing.text.fold import Joined
from briefing.text.segment import Document
from briefing.yamlmarks import Marks, Pointer, mark_for

CorrectionKind = Literal[
    "name",
    "institution",
    "title",
    "quote",
    "number",
    "date",
    "meaning",
    "spelling",
    "attribution",
    "addition",
]
CORRECTION_KINDS: tuple[CorrectionKind, ...] = get_args(CorrectionKind)
FactStatus = Literal["verified", "disputed", "unverified", "false"]
FACT_STATUSES: tuple[FactStatus, ...] = get_args(FactStatus)
SourceKind = Literal["version", "reference"]


@dataclass(frozen=True)
class Evidence:
    source: str
    quote: str | None
    note: str | None
    pointer: Pointer  # where it stands in the fact file


@dataclass(frozen=True)
class Source:
    id: str
    kind: SourceKind
    title: str
    label: str
    publisher: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    file: str | None = None
    excerpt: str | None = None
    description: str | None = None
    derived_from: str | None = None
    reference: bool = False  # the editor names this version the original
    partial: bool = False  # its saved text is only the start of the page
    retrieved: str | None = None  # when `briefing add` saved it
    sha256: str | None = None  # of its text, as recorded
    language: str | None = None  # of its story ("en", "es", ...), when clear
    declared: bool = True  # False for a file in seeds/ that the fact file does not describe
    document: Document | None = None  # the version's text, or the reference's excerpt

    @property
    def is_version(self) -> bool:
        return self.kind == "version"


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    role: str
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    url: str | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Fact:
    id: str
    claim: str
    status: FactStatus
    evidence: tuple[Evidence, ...]
    entities: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Correction:
    id: str
    kind: CorrectionKind
    wrong: tuple[str, ...]
    right: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    entity: str | None = None
    note: str | None = None

    @property
    def expected(self) -> str | None:
        """The right form; None for an addition, a passage that should not be there."""
        return self.right[0] if self.right else None

    @property
    def headline(self) -> str:
        """“wrong” → “right”, or, for an addition, “wrong” (added)."""
        if self.expected is None:
            return f"“{self.wrong[0]}” (added)"
        return f"“{self.wrong[0]}” → “{self.expected}”"

    @property
    def summary(self) -> str:
        forms = " / ".join(self.wrong)
        if self.expected is None:
            return f"{self.kind}: {forms} is not in the original"
        return f"{self.kind}: {forms} should read {self.expected}"


@dataclass(frozen=True)
class Accepted:
    id: str
    kind: CorrectionKind
    forms: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Finding:
    text: str
    facts: tuple[str, ...]


@dataclass(frozen=True)
class Brief:
    title: str
    date: str
    summary: str
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass
class Project:
    """Everything a brief is built from, loaded and checked for form."""

    facts_path: Path
    seeds_dir: Path
    brief: Brief
    sources: dict[str, Source]
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    corrections: dict[str, Correction] = field(default_factory=dict)
    accepted: dict[str, Accepted] = field(default_factory=dict)
    marks: Marks = field(default_factory=dict)

    @property
    def versions(self) -> list[Source]:
        return [s for s in self.sources.values() if s.is_version]

    @property
    def reference_version(self) -> str | None:
        """The version the others are read against, as the fact file names it: the one
        marked ``reference: true``, else the version most others are ``derived_from``."""
        versions = self.versions
        marked = [v.id for v in versions if v.reference]
        if marked:
            return marked[0]
        ids = {v.id for v in versions}
        named = [v.derived_from for v in versions if v.derived_from in ids]
        if not named:
            return None
        return max(dict.fromkeys(named), key=named.count)

    @property
    def references(self) -> list[Source]:
        return [s for s in self.sources.values() if not s.is_version]

    def mark(self, pointer: Pointer) -> tuple[int, int]:
        return mark_for(self.marks, pointer)

    @cached_property
    def joined_versions(self) -> Joined:
        """The versions' texts searched together (built once: the check looks for every
        correction's forms and every entity's names in all of them)."""
        return Joined({v.id: v.document.text for v in self.versions if v.document})
