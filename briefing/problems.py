"""Problems found in a brief's inputs, reported as ``file:line:col: message — hint``."""

from __future__ import annotations

import enum
import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path


class Code(enum.StrEnum):
    """Every kind of problem; also the Sphinx warning subtypes (``briefing.<value>``)."""

    YAML = "yaml"  # the fact file is not well-formed YAML
    DUPLICATE_KEY = "duplicate_key"  # a mapping repeats a key
    SCHEMA = "schema"  # the fact file does not follow the JSON Schema
    UNKNOWN_ID = "unknown_id"  # a reference to a source, entity or fact that does not exist
    ID_CLASH = "id_clash"  # two ids that make one anchor, or an id that names a generated page
    MISSING_FILE = "missing_file"  # a file named by the fact file is absent or not a file
    TOO_LARGE = "too_large"  # an input is larger than a brief can need
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
    MISSING_GLYPH = "missing_glyph"  # a character no font of the PDF draws


# What `briefing check` reports without failing, unless --strict: the brief still builds
# right, but the editor should look.
WARNINGS = frozenset({Code.FORM_NOT_FOUND, Code.PROVENANCE})


# A message, and a hint, is cut to this many characters: a value quoted in it may be long.
MESSAGE_LIMIT = 300

# What a terminal would act on rather than show: C0 and C1 controls, DEL, line and
# paragraph separators, direction overrides and isolates, lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on written as an escape."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shorten(text: str, limit: int = MESSAGE_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
        parts = [printable(str(self.path))]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)

    def text(self) -> str:
        """The message without its location, hint appended: one line, of a readable
        length, with the inputs' control characters escaped."""
        message = printable(shorten(self.message))
        return f"{message} — {printable(shorten(self.hint))}" if self.hint else message

    def __str__(self) -> str:
        return f"{self.location()}: {self.text()}"


class ProblemsFound(Exception):
    """Raised when inputs are too broken to go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def os_error_message(error: OSError, doing: str) -> str:
    """What an operating system error means for a build, and what to do, in one line.

    ``doing`` says what was under way ("writing _build/html"); the file named by the
    error, when there is one, is added."""
    where = f" ({printable(_relative(str(error.filename)))})" if error.filename else ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full{where} while {doing}; free some space and build again"
    if error.errno == errno.EROFS:
        return (
            f"the file system is read-only{where} while {doing}; copy the project to a "
            "writable folder, or pass --output a writable folder"
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return (
            f"no permission to write{where} while {doing}; check the folder's owner and "
            "permissions (ls -ld), or pass --output a folder you can write"
        )
    reason = error.strerror or shorten(str(error)) or type(error).__name__
    return f"{printable(reason)}{where} while {doing}"


def _relative(name: str) -> str:
    """``name`` from the working folder when it lies inside it."""
    shown = os.path.relpath(name) if os.path.isabs(name) else name
    return name if shown.startswith("..") else shown
