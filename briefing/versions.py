"""Reading the versions together: their texts, the page furniture set apart (as found and
as the editor marks it), and their provenance (the text's hash, as recorded).

Furniture is found across the versions at once: a line that another site's version
prints as story is story. The editor has the last word, in the fact file: ``furniture:``
names lines to set apart, ``story:`` lines to keep, each by its text or its line number
("3" or "3-5").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from briefing.inputs import Reader, read_file, read_text
from briefing.problems import Code, Problem
from briefing.text.furniture import find_furniture
from briefing.text.markup import without_markup
from briefing.text.segment import Document, SetApart, blocks, normalise_newlines, segment

_RANGE = re.compile(r"^(\d+)(?:-(\d+))?$")


@dataclass(frozen=True)
class VersionFile:
    """What the fact file says of one version's file (or nothing, for a file it does not
    declare)."""

    key: str
    path: Path
    origin: tuple[Path, int, int] | None = None  # where the fact file names it
    url: str | None = None
    sha256: str | None = None  # as recorded by `briefing add`
    furniture: tuple[str | int, ...] = ()  # lines the editor sets apart
    story: tuple[str | int, ...] = ()  # lines the editor keeps as story
    marks: tuple[tuple[int, int], ...] = ()  # where each furniture/story item stands


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def site_of(url: str | None) -> str | None:
    return urlsplit(url).netloc.removeprefix("www.") or None if url else None


def read_versions(
    files: list[VersionFile], problems: list[Problem], facts_path: Path, read: Reader = read_file
) -> dict[str, Document]:
    """Each readable version's document, its furniture set apart; ``read`` gives the bytes
    (a snapshot's, so that a build reads what its check read)."""
    texts: dict[str, str] = {}
    for file in files:
        text = read_text(file.path, problems, what="version", origin=file.origin, read=read)
        if text is None:
            continue
        if file.sha256 and sha256_of(text) != file.sha256:
            where = file.origin or (file.path, 0, 0)
            problems.append(
                Problem(
                    *where,
                    f"the text of {file.path.name} changed since it was recorded "
                    f"(sha256 {file.sha256[:12]}…, now {sha256_of(text)[:12]}…)",
                    f"review the new text, then `briefing add --refresh {file.key}`",
                    Code.PROVENANCE,
                )
            )
        texts[file.key] = without_markup(normalise_newlines(text))
    found = find_furniture(texts, {f.key: site_of(f.url) for f in files})
    documents = {}
    for file in files:
        if file.key not in texts:
            continue
        aside = _as_the_editor_says(texts[file.key], found[file.key], file, problems, facts_path)
        document = segment(texts[file.key], tuple(aside))
        if not document.paragraphs:
            problems.append(
                Problem(
                    file.path,
                    1,
                    1,
                    "version has no text"
                    if not aside
                    else "version has no story: every line is furniture",
                    "remove the empty file or paste the story into it"
                    if not aside
                    else "mark its story lines under `story:`",
                    Code.EMPTY_SOURCE,
                )
            )
            continue
        documents[file.key] = document
    return documents


def _as_the_editor_says(
    text: str, found: list[SetApart], file: VersionFile, problems: list[Problem], facts_path: Path
) -> list[SetApart]:
    """The furniture found, with the lines the editor names set apart or kept."""
    lines = [(a, b, text.count("\n", 0, a) + 1) for a, b in blocks(text)]
    marks = iter(file.marks)
    aside = {a.start: a for a in found}
    for wanted, keep in [(item, False) for item in file.furniture] + [
        (item, True) for item in file.story
    ]:
        mark = next(marks, (0, 0))
        chosen = _lines(wanted, text, lines)
        if not chosen:
            problems.append(
                Problem(
                    facts_path,
                    *mark,
                    f"{file.path.name} has no line {wanted!r}",
                    'give a line\'s text exactly, or its number ("3", "3-5")',
                    Code.UNKNOWN_ID,
                )
            )
        for start, end, number in chosen:
            if keep:
                aside = {k: a for k, a in aside.items() if not start <= a.start < end}
            else:
                aside[start] = SetApart(
                    start,
                    end,
                    number,
                    text[start:end],
                    "other",
                    "set apart by the editor",
                    by_editor=True,
                )
    return [a for _, a in sorted(aside.items())]


def _lines(
    wanted: str | int, text: str, lines: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """The lines an editor's item names: a line number, a range, or a line's text."""
    span = _RANGE.match(str(wanted))
    if span:
        first = int(span.group(1))
        last = int(span.group(2) or first)
        return [line for line in lines if first <= line[2] <= last]
    return [line for line in lines if text[line[0] : line[1]].strip() == str(wanted).strip()]
