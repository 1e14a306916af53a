"""load → validate → analyse: the one path that the command line, the tests and the Sphinx
extension share. What to render from the result is the caller's (``briefing.render``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from briefing.analysis import analyse
from briefing.analysis.results import Analysis
from briefing.load import load_project
from briefing.model import Project
from briefing.problems import Problem
from briefing.snapshot import Snapshot


@dataclass(frozen=True)
class Result:
    project: Project
    analysis: Analysis
    problems: list[Problem]


def check(
    facts: Path,
    seeds: Path,
    *,
    jobs: int = 1,
    pause_gc: bool = False,
    snapshot: Snapshot | None = None,
) -> Result:
    """Load, validate and analyse; raise ProblemsFound when the brief cannot be built.

    The caller decides what the check may do to its process: ``jobs`` of 2 or more lets
    a large brief's analysis fork a second process, ``pause_gc`` switches off the cycle
    collector while it runs. The command line asks for both; inside another program
    (Sphinx), neither happens unless configured. The files are read through
    ``snapshot``: given one already read, the check sees exactly its bytes."""
    with _no_cycle_collection() if pause_gc else nullcontext():
        project, problems = load_project(facts, seeds, snapshot)
        return Result(project, analyse(project, jobs), problems)


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
