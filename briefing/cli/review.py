"""``briefing review``: the unreviewed suggestions, one at a time, decided without typing
YAML.

Each suggestion is shown with its sentence in every version, the reference's first; the
editor makes it a correction (the expected form proposed, and editable), accepts the
wording as no error, or skips it. Each decision is written to the fact file at once, as
an insertion that keeps the editor's comments and order, and the fact file is read again
after it: a decision that would leave it failing `briefing check` is not kept. ``--accept
ID...`` and ``--accept-wording ID...`` decide without asking, for scripts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from briefing import pipeline
from briefing.analysis.parallel import jobs_from_environment
from briefing.analysis.results import Discrepancy
from briefing.cli.factfile import EditError, add_entry, write_atomically
from briefing.cli.project import ProjectPaths, project_paths
from briefing.load import load_project
from briefing.problems import ProblemsFound
from briefing.render.suggest import (
    accepted_entry,
    correction_entry,
    entry_id,
    reference_lines,
    same_entry,
)

Ask = Callable[[str], str]


def command_review(args: argparse.Namespace) -> int:
    paths = project_paths(args.project, args.source)
    try:
        result = pipeline.check(
            paths.facts, paths.seeds, jobs=jobs_from_environment(), pause_gc=True
        )
    except ProblemsFound as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("briefing review: fix the fact file first (`briefing check`)", file=sys.stderr)
        return 1
    pending = [d for d in result.analysis.discrepancies if d.reviewed is None]
    pending.sort(key=lambda d: -d.confidence)
    by_id = {d.id: d for d in pending}
    if args.accept or args.accept_wording:
        unknown = [i for i in (*args.accept, *args.accept_wording) if i not in by_id]
        if unknown:
            print(
                f"briefing review: no unreviewed suggestion {unknown[0]!r} (`briefing "
                "suggest --json` lists their ids)",
                file=sys.stderr,
            )
            return 1
        decided: list[tuple[Discrepancy, str, str | None]] = [
            (by_id[i], "correction", None) for i in args.accept
        ]
        decided += [(by_id[i], "accepted", None) for i in args.accept_wording]
        # (Two ids of the same words are one decision: one entry settles both.)
        once = {_key(item): (item, decision, right) for item, decision, right in decided}
        return _write_all(paths, result, list(once.values()))
    if not pending:
        print("briefing review: every discrepancy is reviewed")
        return 0
    return _interactive(paths, result, _by_entry(pending), input)


def _key(item: Discrepancy) -> tuple[str, str, str]:
    return same_entry(item.kind, item.form, item.expected_form)


def _by_entry(pending: list[Discrepancy]) -> list[list[Discrepancy]]:
    """The places one fact-file entry would settle (the same words, wherever they stand),
    the likeliest first: the editor decides each once."""
    groups: dict[tuple[str, str, str], list[Discrepancy]] = {}
    for item in pending:
        groups.setdefault(_key(item), []).append(item)
    return sorted(groups.values(), key=lambda group: -max(d.confidence for d in group))


def _interactive(
    paths: ProjectPaths, result: pipeline.Result, groups: list[list[Discrepancy]], ask: Ask
) -> int:
    done = 0
    for line in reference_lines(result.project, result.analysis):
        print(line.removeprefix("# "))
    for number, (item, *more) in enumerate(groups, 1):
        print(f"\n[{number}/{len(groups)}] {_describe(result, item)}")
        if more:
            elsewhere = ", ".join(
                f"{result.project.sources[d.source].label} ¶{d.paragraph[1:]}" for d in more
            )
            print(f"    the same words stand in {elsewhere}: one decision settles them all")
        while True:
            try:
                answer = ask("(c)orrection, (a)ccept the wording, (s)kip, (q)uit? ").strip()
            except EOFError:
                answer = "q"
            if answer in ("c", "a", "s", "q"):
                break
        if answer == "q":
            break
        if answer == "s":
            continue
        right = None
        if answer == "c" and item.kind != "addition":
            proposed = item.expected_form or item.expected or ""
            typed = ask(f"right form [{proposed}]: ").strip()
            right = typed or proposed
            if not right:
                print("  skipped: a correction needs its right form")
                continue
        decision = "correction" if answer == "c" else "accepted"
        if _write(paths, result, item, decision, right) == 0:
            done += 1
    print(f"\nbriefing review: {done} decision(s) written to {paths.facts}")
    return 0


def _describe(result: pipeline.Result, item: Discrepancy) -> str:
    project = result.project
    source = project.sources[item.source]
    lines = [
        f"{item.kind} in {source.label} ¶{item.paragraph[1:]}: “{item.found}”"
        + (f" — expected “{item.expected}”" if item.expected else "")
        + f"  (confidence {item.confidence:.2f}, id {item.id})"
    ]
    reference = result.analysis.reference
    rows = result.analysis.alignment.rows
    row = rows[item.row] if item.row is not None and item.row < len(rows) else None
    order = [reference] if reference else []
    order += [v.id for v in project.versions if v.id not in order]
    for version in order:
        document = project.sources[version].document
        cell = row.cells.get(version, ()) if row else ()
        if document is None or not cell:
            continue
        text = " ".join(document.sentences()[i].text for i in cell)
        mark = "  reference" if version == reference else ""
        lines.append(f"    {project.sources[version].label}{mark}: {text}")
    return "\n".join(lines)


def _write_all(
    paths: ProjectPaths, result: pipeline.Result, decided: list[tuple[Discrepancy, str, str | None]]
) -> int:
    status = 0
    for item, decision, right in decided:
        status |= _write(paths, result, item, decision, right)
    return status


def _write(
    paths: ProjectPaths,
    result: pipeline.Result,
    item: Discrepancy,
    decision: str,
    right: str | None,
) -> int:
    """One decision into the fact file, kept only if the fact file still loads."""
    text = paths.facts.read_text("utf-8")
    taken = set(result.project.corrections) | set(result.project.accepted) | _ids_in(text)
    key = entry_id(item, taken)
    entry: dict[str, Any] = (
        correction_entry(result.project, item, right)
        if decision == "correction"
        else accepted_entry(item)
    )
    section = "corrections" if decision == "correction" else "accepted"
    try:
        edited = add_entry(text, section, key, entry)
    except EditError as error:
        print(f"briefing review: {error}", file=sys.stderr)
        return 1
    write_atomically(paths.facts, edited)
    try:
        _, problems = load_project(paths.facts, paths.seeds)
    except ProblemsFound as error:
        problems = error.problems
    if problems:
        write_atomically(paths.facts, text)
        print(
            f"briefing review: {item.id} not written, it would leave the fact file "
            f"failing the check: {problems[0]}",
            file=sys.stderr,
        )
        return 1
    print(f"  written: {section}/{key}")
    return 0


def _ids_in(text: str) -> set[str]:
    import yaml

    data = yaml.safe_load(text) or {}
    return {k for section in ("corrections", "accepted") for k in (data.get(section) or {})}


def review_parser(sub: Any, project_options: Callable[[argparse.ArgumentParser], None]) -> None:
    review = sub.add_parser("review", help="decide the unreviewed suggestions one at a time")
    project_options(review)
    review.add_argument(
        "--accept",
        nargs="+",
        default=[],
        metavar="ID",
        help="make these suggestions corrections, with their expected forms",
    )
    review.add_argument(
        "--accept-wording",
        nargs="+",
        default=[],
        metavar="ID",
        help="accept these wordings as no error",
    )
    review.set_defaults(run=command_review)
