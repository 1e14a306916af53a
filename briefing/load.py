"""Read the fact file and the versions into a :class:`~briefing.model.Project`.

Reading never writes: inputs are opened read-only, and every problem is collected with
its file, line and column rather than raised as a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing.ids import MAX_ID_LENGTH, check_ids
from briefing.inputs import Reader, inside, read_text
from briefing.model import (
    Accepted,
    Brief,
    Correction,
    Entity,
    Evidence,
    Fact,
    Finding,
    Project,
    Source,
)
from briefing.problems import Code, Problem, ProblemsFound
from briefing.snapshot import Snapshot
from briefing.text.segment import Document, segment
from briefing.validate import check_project, check_schema
from briefing.yamlmarks import NOT_TEXT, Pointer, control_strings, load_yaml, unprintable


def load_project(
    facts_path: Path, seeds_dir: Path, snapshot: Snapshot | None = None
) -> tuple[Project, list[Problem]]:
    """Load and check a brief. Raise :class:`ProblemsFound` when it cannot be built at all;
    otherwise return the project and the problems that a build reports as warnings.
    Every file is read through ``snapshot`` (a new one when none is given)."""
    snapshot = snapshot if snapshot is not None else Snapshot()
    problems: list[Problem] = []
    text = read_text(facts_path, problems, what="fact file", read=snapshot.read)
    if text is None:
        raise ProblemsFound(problems)
    problems += unprintable(text, facts_path)
    if problems:
        raise ProblemsFound(problems)
    try:
        data, marks, yaml_problems = load_yaml(text, facts_path)
    except RecursionError:
        raise ProblemsFound(
            [
                Problem(
                    facts_path,
                    0,
                    0,
                    "the fact file nests too deeply to read",
                    "a fact file needs a few levels of indentation, not hundreds",
                    Code.YAML,
                )
            ]
        ) from None
    problems += yaml_problems or control_strings(data, marks, facts_path)
    if data is None and not problems:
        problems.append(
            Problem(
                facts_path, 1, 1, "the fact file is empty", "start from `briefing new`", Code.SCHEMA
            )
        )
    if problems:
        raise ProblemsFound(problems)
    schema_problems = check_schema(data, marks, facts_path)
    if schema_problems:
        raise ProblemsFound(schema_problems)

    project = Project(
        facts_path=facts_path,
        seeds_dir=seeds_dir,
        brief=_brief(data["brief"]),
        sources={},
        marks=marks,
        entities={k: _entity(k, v) for k, v in data.get("entities", {}).items()},
        facts={k: _fact(k, v) for k, v in data.get("facts", {}).items()},
        corrections={k: _correction(k, v) for k, v in data.get("corrections", {}).items()},
        accepted={
            k: Accepted(k, v["kind"], tuple(v["forms"]), v["note"])
            for k, v in data.get("accepted", {}).items()
        },
    )
    project.sources = _sources(data["sources"], project, problems, snapshot)
    if not project.versions:
        problems.append(
            Problem(
                seeds_dir,
                0,
                0,
                "no versions: the seeds folder has no files",
                "put each version of the story in it as a UTF-8 text file",
                Code.MISSING_FILE,
            )
        )
    problems += check_ids(project)
    fatal = [p for p in problems if p.code in _FATAL]
    if fatal:
        raise ProblemsFound(problems)
    problems += check_project(project)
    return project, problems


_FATAL = {
    Code.MISSING_FILE,
    Code.ENCODING,
    Code.UNSAFE_PATH,
    Code.EMPTY_SOURCE,
    Code.TOO_LARGE,
    Code.ID_CLASH,
}


def _evidence(items: list[dict[str, Any]], pointer: Pointer) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(item["source"], item.get("quote"), item.get("note"), (*pointer, i))
        for i, item in enumerate(items)
    )


def _forms(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _brief(raw: dict[str, Any]) -> Brief:
    return Brief(
        title=raw["title"],
        date=raw["date"],
        summary=raw["summary"],
        subtitle=raw.get("subtitle"),
        authors=tuple(raw.get("authors", ())),
        # a fact cited twice by one finding is one footnote, not two with one label
        findings=tuple(
            Finding(f["text"], tuple(dict.fromkeys(f["facts"]))) for f in raw.get("findings", ())
        ),
    )


def _entity(key: str, raw: dict[str, Any]) -> Entity:
    return Entity(
        key,
        raw["name"],
        raw["kind"],
        raw["role"],
        tuple(raw.get("aliases", ())),
        tuple(raw.get("former_names", ())),
        raw.get("url"),
        _evidence(raw.get("evidence", []), ("entities", key, "evidence")),
    )


def _fact(key: str, raw: dict[str, Any]) -> Fact:
    return Fact(
        key,
        raw["claim"],
        raw["status"],
        _evidence(raw["evidence"], ("facts", key, "evidence")),
        tuple(raw.get("entities", ())),
        raw.get("note"),
    )


def _correction(key: str, raw: dict[str, Any]) -> Correction:
    return Correction(
        key,
        raw["kind"],
        _forms(raw["wrong"]),
        _forms(raw["right"]),
        _evidence(raw["evidence"], ("corrections", key, "evidence")),
        raw.get("entity"),
        raw.get("note"),
    )


def _sources(
    raw: dict[str, Any], project: Project, problems: list[Problem], snapshot: Snapshot
) -> dict[str, Source]:
    """Declared sources in the fact file's order, then every undeclared file in seeds/."""
    path, seeds = project.facts_path, project.seeds_dir
    sources: dict[str, Source] = {}
    claimed: dict[Path, str] = {}
    for key, entry in raw.items():
        origin = (path, *project.mark(("sources", key, "file" if "file" in entry else "excerpt")))
        document = None
        if entry["kind"] == "version":
            file = seeds / entry["file"]
            if not inside(file, seeds) or Path(entry["file"]).name != entry["file"]:
                problems.append(
                    Problem(
                        *origin,
                        f"version file {entry['file']!r} is not a file inside {seeds}",
                        "name a file directly in seeds/",
                        Code.UNSAFE_PATH,
                    )
                )
                continue
            if file.resolve() in claimed:
                problems.append(
                    Problem(
                        *origin,
                        f"{entry['file']} is already the file of source "
                        f"{claimed[file.resolve()]!r}",
                        "",
                        Code.SCHEMA,
                    )
                )
                continue
            claimed[file.resolve()] = key
            document = _read_version(file, problems, origin, snapshot.read)
        elif "excerpt" in entry:
            folder = path.parent
            file = folder / entry["excerpt"]
            if not inside(file, folder):
                problems.append(
                    Problem(
                        *origin,
                        f"excerpt {entry['excerpt']!r} is outside {folder}",
                        "keep excerpts beside the fact file",
                        Code.UNSAFE_PATH,
                    )
                )
                continue
            text = read_text(file, problems, what="excerpt", origin=origin, read=snapshot.read)
            document = segment(text) if text is not None else None
        sources[key] = Source(
            id=key,
            kind=entry["kind"],
            title=entry["title"],
            label=entry.get("label") or entry.get("publisher") or entry["title"],
            publisher=entry.get("publisher"),
            author=entry.get("author"),
            date=entry.get("date"),
            url=entry.get("url"),
            file=entry.get("file"),
            excerpt=entry.get("excerpt"),
            description=entry.get("description"),
            derived_from=entry.get("derived_from"),
            document=document,
        )
    for file in _seed_files(seeds, problems, snapshot):
        if file.resolve() in claimed:
            continue
        key = _free_id(file.stem, sources)
        document = _read_version(file, problems, None, snapshot.read)
        sources[key] = Source(
            id=key,
            kind="version",
            title=file.name,
            label=file.name,
            file=file.name,
            declared=False,
            document=document,
        )
    return sources


def _seed_files(seeds: Path, problems: list[Problem], snapshot: Snapshot) -> list[Path]:
    """Every entry of seeds/ but hidden ones; reading refuses those that are not files."""
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
        else:
            files.append(file)
    return files


def _read_version(
    file: Path, problems: list[Problem], origin: tuple[Path, int, int] | None, read: Reader
) -> Document | None:
    if not inside(file, file.parent) or (file.is_symlink() and not inside(file, file.parent)):
        return None
    text = read_text(file, problems, what="version", origin=origin, read=read)
    if text is None:
        return None
    document = segment(text)
    if not document.paragraphs:
        problems.append(
            Problem(
                file,
                1,
                1,
                "version has no text",
                "remove the empty file or paste the story into it",
                Code.EMPTY_SOURCE,
            )
        )
        return None
    return document


def _free_id(stem: str, taken: dict[str, Source]) -> str:
    base = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_") or "version"
    if not base[0].isalnum():
        base = "v" + base
    base = base[: MAX_ID_LENGTH - 4].rstrip("-_")  # room for "-999"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key
