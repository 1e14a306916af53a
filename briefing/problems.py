"""Problems found in a brief's inputs, reported as ``file:line:col: message — hint``."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Code(enum.StrEnum):
    """Every kind of problem; also the Sphinx warning subtypes (``briefing.<value>``)."""

    YAML = "yaml"  # the fact file is not well-formed YAML
    DUPLICATE_KEY = "duplicate_key"  # a mapping repeats a key
    SCHEMA = "schema"  # the fact file does not follow the JSON Schema
    UNKNOWN_ID = "unknown_id"  # a reference to a source, entity or fact that does not exist
    MISSING_FILE = "missing_file"  # a file named by the fact file is absent
    ENCODING = "encoding"  # a file is not UTF-8
    UNSAFE_PATH = "unsafe_path"  # a path leaves the folder it must stay in
    EMPTY_SOURCE = "empty_source"  # a version has no paragraphs
    QUOTE_NOT_FOUND = "quote_not_found"  # a quote does not occur in the source it cites
    FORM_NOT_FOUND = "form_not_found"  # a correction's wrong form occurs in no version
    EVIDENCE = "evidence"  # a correction's evidence quotes its wrong form
    UNREVIEWED = "unreviewed"  # a discrepancy no correction or accepted wording covers
    REFERENCE = "reference"  # a cross-reference role names an unknown target
    PROVENANCE = "provenance"  # a version's text is not the one recorded
    WEB_PAGE = "web_page"  # a saved web page where a version's text belongs


# What `briefing check` reports without failing, unless --strict: the brief still builds
# right, but the editor should look.
WARNINGS = frozenset({Code.FORM_NOT_FOUND, Code.PROVENANCE})


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the inputs, located in a file."""

    path: Path
    line: int  # 1-based; 0 when the whole file is meant
    col: int  # 1-based; 0 when the whole line is meant
    message: str
    hint: str = ""
    code: Code = Code.SCHEMA

    def location(self) -> str:
        parts = [str(self.path)]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)

    def text(self) -> str:
        """The message without its location, hint appended."""
        return f"{self.message} — {self.hint}" if self.hint else self.message

    def __str__(self) -> str:
        return f"{self.location()}: {self.text()}"


class ProblemsFound(Exception):
    """Raised when inputs are too broken to go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
