"""Every warning the extension emits is ``type="briefing"`` with a subtype from
:class:`briefing.problems.Code`, so ``suppress_warnings = ["briefing.unreviewed"]`` works."""

from __future__ import annotations

from pathlib import Path

from docutils.nodes import Node
from sphinx.util import logging

from briefing.problems import Code, Problem

logger = logging.getLogger("briefing")


def relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def warn_problem(problem: Problem) -> None:
    location = relative(problem.path)
    if problem.line:
        location += f":{problem.line}"
        if problem.col:
            location += f":{problem.col}"
    logger.warning(problem.text(), location=location, type="briefing", subtype=problem.code.value)


def warn(
    message: str, code: Code, location: str | tuple[str | None, int | None] | Node | None = None
) -> None:
    logger.warning(message, location=location, type="briefing", subtype=code.value)
