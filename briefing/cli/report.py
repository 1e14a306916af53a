"""What the commands print: problems located relative to the working folder, the check's
result, and one line per stage of a build."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing import pipeline
from briefing.analysis.parallel import jobs_from_environment
from briefing.cli.project import ProjectPaths
from briefing.problems import Problem, ProblemsFound, printable
from briefing.snapshot import Snapshot


def display(problem: Problem) -> str:
    try:  # abspath, not resolve: a link out of seeds/ is shown where it lies
        path = Path(os.path.abspath(problem.path)).relative_to(Path.cwd())
    except ValueError:
        path = problem.path
    return str(
        type(problem)(path, problem.line, problem.col, problem.message, problem.hint, problem.code)
    )


def display_path(path: Path) -> str:
    try:
        return printable(str(path.resolve().relative_to(Path.cwd())))
    except ValueError:
        return printable(str(path))


def load(paths: ProjectPaths, snapshot: Snapshot | None = None) -> pipeline.Result | None:
    """The checked brief, or None once its problems are printed."""
    try:
        return pipeline.check(
            paths.facts,
            paths.seeds,
            jobs=jobs_from_environment(),
            pause_gc=True,
            snapshot=snapshot,
        )
    except ProblemsFound as error:
        for problem in error.problems:
            print(display(problem), file=sys.stderr)
        print(f"briefing: {len(error.problems)} problem(s); nothing was built", file=sys.stderr)
        return None


class Progress:
    """One line per stage, with its time; nothing at all with ``-q``, except problems."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.live = not quiet and sys.stdout.isatty()

    @contextmanager
    def stage(self, doing: str) -> Iterator[list[str]]:
        """Yields a list; the stage's result line is what the block appends to it."""
        if self.live:
            print(f"briefing: {doing}…", end="\r", flush=True)
        start = time.monotonic()
        result: list[str] = []
        try:
            yield result
        finally:
            width = len(doing) + 12
            if result and not self.quiet:
                line = f"briefing: {result[0]} ({time.monotonic() - start:.1f} s)"
                print(line.ljust(width) if self.live else line, flush=True)
            elif self.live:
                print(" " * width, end="\r", flush=True)  # the problems follow on a clean line
