"""The files a fact file points at in seeds/ and beside it: which are versions to read,
which are refused (outside the folder, not UTF-8 names, saved web pages), and the ids
undeclared files get."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing.ids import MAX_ID_LENGTH
from briefing.inputs import Reader, inside, read_file, read_text
from briefing.problems import Code, Problem
from briefing.snapshot import Snapshot
from briefing.text.segment import Document, segment
from briefing.yamlmarks import NOT_TEXT


def version_file_ok(
    name: str,
    file: Path,
    seeds: Path,
    origin: tuple[Path, int, int],
    claimed: dict[Path, str],
    problems: list[Problem],
) -> bool:
    if not inside(file, seeds) or Path(name).name != name:
        problems.append(
            Problem(
                *origin,
                f"version file {name!r} is not a file inside {seeds}",
                "name a file directly in seeds/",
                Code.UNSAFE_PATH,
            )
        )
        return False
    if file.resolve() in claimed:
        problems.append(
            Problem(
                *origin,
                f"{name} is already the file of source {claimed[file.resolve()]!r}",
                "",
                Code.SCHEMA,
            )
        )
        return False
    if _is_web_page(file):
        problems.append(_web_page_problem(file, origin))
        return False
    return True


def read_excerpt(
    name: str,
    folder: Path,
    origin: tuple[Path, int, int],
    problems: list[Problem],
    read: Reader = read_file,
) -> Document | None:
    file = folder / name
    if not inside(file, folder):
        problems.append(
            Problem(
                *origin,
                f"excerpt {name!r} is outside {folder}",
                "keep excerpts beside the fact file",
                Code.UNSAFE_PATH,
            )
        )
        return None
    text = read_text(file, problems, what="excerpt", origin=origin, read=read)
    return segment(text) if text is not None else None


_WEB_PAGE_SUFFIXES = {".html", ".htm", ".xhtml", ".mhtml", ".webarchive"}


def _is_web_page(file: Path) -> bool:
    if file.suffix.lower() in _WEB_PAGE_SUFFIXES:
        return True
    if not file.is_file():  # a pipe would block: reading refuses what is not a file
        return False
    try:
        with file.open("rb") as handle:
            head = handle.read(512).lstrip().lower()
    except OSError:
        return False
    return head.startswith((b"<!doctype html", b"<html"))


def _web_page_problem(file: Path, origin: tuple[Path, int, int] | None) -> Problem:
    where = origin or (file, 1, 1)
    return Problem(
        *where,
        f"{file.name} is a saved web page, not a version's text",
        f"import it with `briefing add {file}`: it extracts the article and "
        "records where it came from; then remove the page from seeds/",
        Code.WEB_PAGE,
    )


def seed_files(seeds: Path, problems: list[Problem], snapshot: Snapshot) -> list[Path]:
    """Every entry of seeds/ but hidden ones and saved web pages; reading refuses those
    that are not files (a folder, a pipe), by name."""
    names = snapshot.listing(seeds)
    if names is None:
        problems.append(
            Problem(
                seeds,
                0,
                0,
                "seeds folder not found",
                "set briefing_seeds, or create the folder",
                Code.MISSING_FILE,
            )
        )
        return []
    files = []
    for file in (seeds / name for name in names):
        if file.name.startswith("."):
            continue
        if NOT_TEXT.search(file.name):  # undecodable bytes arrive as lone surrogates
            shown = file.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            problems.append(
                Problem(
                    seeds / shown,
                    0,
                    0,
                    "the file name is not UTF-8 text",
                    "rename the file",
                    Code.ENCODING,
                )
            )
            continue
        if not inside(file, seeds):
            problems.append(
                Problem(
                    file,
                    0,
                    0,
                    "links outside the seeds folder",
                    "copy the version into seeds/ instead of linking it",
                    Code.UNSAFE_PATH,
                )
            )
        elif _is_web_page(file):
            problems.append(_web_page_problem(file, None))
        else:
            files.append(file)
    return files


def free_id(stem: str, taken: dict[str, Any]) -> str:
    base = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_") or "version"
    if not base[0].isalnum():
        base = "v" + base
    base = base[: MAX_ID_LENGTH - 4].rstrip("-_")  # room for "-999"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key
