"""Read the fact file and the versions into a :class:`~briefing.model.Project`.

Reading never writes: inputs are opened read-only, and every problem is collected with
its file, line and column rather than raised as a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.ids import check_ids
from briefing.inputs import read_text
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
from briefing.seedfiles import free_id, read_excerpt, seed_files, version_file_ok
from briefing.snapshot import Snapshot
from briefing.text.language import language_of
from briefing.text.segment import Document
from briefing.validate import SECTIONS, check_project, check_schema, invalid_entries
from briefing.versions import VersionFile, read_versions
from briefing.yamlmarks import Marks, Pointer, control_strings, load_yaml, unprintable


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
        # Entries that break the schema are set aside, so that one run reports the rest
        # too (unknown ids, quotes not found); the brief itself must be whole.
        invalid = invalid_entries(data)
        if invalid is None:
            raise ProblemsFound(schema_problems)
        data = {
            k: (
                {i: e for i, e in v.items() if (k, i) not in invalid}
                if k in SECTIONS and isinstance(v, dict)
                else v
            )
            for k, v in data.items()
        }
        try:
            _, later = _load_checked(data, marks, facts_path, seeds_dir, snapshot)
        except ProblemsFound as error:
            later = error.problems
        dropped = {i for _, i in invalid}
        later = [
            p
            for p in later
            if not (p.code == Code.UNKNOWN_ID and any(repr(i) in p.message for i in dropped))
        ]
        raise ProblemsFound(sorted(schema_problems + later))
    return _load_checked(data, marks, facts_path, seeds_dir, snapshot)


def _load_checked(
    data: Any, marks: Marks, facts_path: Path, seeds_dir: Path, snapshot: Snapshot
) -> tuple[Project, list[Problem]]:
    """The project of fact-file data that follows the schema, and its problems."""
    problems: list[Problem] = []

    project = Project(
        facts_path=facts_path,
        seeds_dir=seeds_dir,
        brief=_brief(data["brief"]),
        sources={},
        marks=marks,
        entities={k: _entity(k, v) for k, v in (data.get("entities") or {}).items()},
        facts={k: _fact(k, v) for k, v in (data.get("facts") or {}).items()},
        corrections={k: _correction(k, v) for k, v in (data.get("corrections") or {}).items()},
        accepted={
            k: Accepted(k, v["kind"], tuple(v["forms"]), v["note"])
            for k, v in (data.get("accepted") or {}).items()
        },
    )
    project.sources = _sources(data.get("sources") or {}, project, problems, snapshot)
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
    Code.WEB_PAGE,
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
        _forms(raw.get("right", [])),
        _evidence(raw["evidence"], ("corrections", key, "evidence")),
        raw.get("entity"),
        raw.get("note"),
    )


def _sources(
    raw: dict[str, Any], project: Project, problems: list[Problem], snapshot: Snapshot
) -> dict[str, Source]:
    """Declared sources in the fact file's order, then every undeclared file in seeds/;
    the versions read together (their furniture is found across them)."""
    path, seeds = project.facts_path, project.seeds_dir
    entries: dict[str, dict[str, Any]] = {}
    files: list[VersionFile] = []
    claimed: dict[Path, str] = {}
    excerpts: dict[str, Document | None] = {}
    for key, entry in raw.items():
        origin = (path, *project.mark(("sources", key, "file" if "file" in entry else "excerpt")))
        if entry["kind"] == "version":
            file = seeds / entry["file"]
            if not version_file_ok(entry["file"], file, seeds, origin, claimed, problems):
                continue
            claimed[file.resolve()] = key
            files.append(_declared(key, entry, file, origin, project))
        elif "excerpt" in entry:
            excerpts[key] = read_excerpt(
                entry["excerpt"], path.parent, origin, problems, snapshot.read
            )
        entries[key] = entry
    undeclared: dict[str, Path] = {}
    for file in seed_files(seeds, problems, snapshot):
        if file.resolve() not in claimed:
            key = free_id(file.stem, {**entries, **undeclared})
            undeclared[key] = file
            files.append(VersionFile(key, file))
    documents = read_versions(files, problems, path, snapshot.read)
    sources: dict[str, Source] = {}
    for key, entry in entries.items():
        document = documents.get(key) if entry["kind"] == "version" else excerpts.get(key)
        if entry["kind"] == "version" and document is None:
            continue
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
            reference=bool(entry.get("reference", False)),
            partial=bool(entry.get("partial", False)),
            retrieved=entry.get("retrieved"),
            sha256=entry.get("sha256"),
            language=_language(document) if entry["kind"] == "version" else None,
            document=document,
        )
    for key, file in undeclared.items():
        if key in documents:
            sources[key] = Source(
                id=key,
                kind="version",
                title=file.name,
                label=file.name,
                file=file.name,
                declared=False,
                language=_language(documents[key]),
                document=documents[key],
            )
    return sources


def _language(document: Document | None) -> str | None:
    if document is None:
        return None
    return language_of(" ".join(p.text for p in document.paragraphs))


def _declared(
    key: str, entry: dict[str, Any], file: Path, origin: tuple[Path, int, int], project: Project
) -> VersionFile:
    items = {name: tuple(entry.get(name, ())) for name in ("furniture", "story")}
    marks = tuple(
        project.mark(("sources", key, name, n))
        for name in ("furniture", "story")
        for n in range(len(items[name]))
    )
    return VersionFile(
        key,
        file,
        origin,
        entry.get("url"),
        entry.get("sha256"),
        items["furniture"],
        items["story"],
        marks,
    )
