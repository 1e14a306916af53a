"""load → validate → analyse → render, the one path that the CLI, the tests and Sphinx share."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from briefing.analyse import Analysis, analyse
from briefing.load import load_project
from briefing.model import Project
from briefing.problems import Problem
from briefing.render import render_pages


@dataclass
class Result:
    project: Project
    analysis: Analysis
    problems: list[Problem]


def check(facts: Path, seeds: Path) -> Result:
    """Load, validate and analyse; raise ProblemsFound when the brief cannot be built."""
    with _no_cycle_collection():
        project, problems = load_project(facts, seeds)
        return Result(project, analyse(project), problems)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The check makes millions of small objects and no reference cycles worth collecting:
    the cycle collector would walk them all again and again (a fifth of the time of a
    large brief). It runs again afterwards, with the check's objects counted as old ones
    (frozen, then thawed into the oldest generation), so that its first pass does not
    walk them all at once."""
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    gc.disable()
    try:
        yield
    finally:
        if not frozen:  # thawing would also thaw what the host process froze itself
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def pages(result: Result, templates: Path | None = None) -> dict[str, str]:
    return render_pages(result.project, result.analysis, templates)
