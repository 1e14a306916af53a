"""Where a brief project keeps its inputs, read from its ``conf.py`` without running it.

The CLI must work without Sphinx and must not execute a project's code to learn two
paths, so literal ``briefing_*`` assignments are read from the file's syntax tree. The
same rule as the Sphinx extension applies: no input may lie outside the project.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from briefing.problems import Code, Problem, ProblemsFound

DEFAULTS = {
    "briefing_facts": "docs/facts.yaml",
    "briefing_seeds": "seeds",
    "briefing_templates": "templates",
    "briefing_output": "_generated",
}


@dataclass(frozen=True)
class ProjectPaths:
    root: Path  # the folder of conf.py
    source: Path  # the Sphinx source folder
    facts: Path
    seeds: Path
    templates: Path
    generated: Path | None = None  # where generated pages go, inside the source folder


def project_paths(root: Path, source: str = "docs") -> ProjectPaths:
    """The project's paths; :class:`ProblemsFound` (located in conf.py) when one leaves it."""
    if not root.is_dir():
        raise ProblemsFound(
            [
                Problem(
                    root,
                    0,
                    0,
                    "no such project folder",
                    "pass --project, or run briefing in the brief's folder",
                    Code.MISSING_FILE,
                )
            ]
        )
    values = dict(DEFAULTS)
    lines = {name: (0, 0) for name in values}
    conf = root / "conf.py"
    if conf.is_file():
        for name, value, where in _assignments(conf):
            values[name], lines[name] = value, where
    paths = {name: root / value for name, value in values.items()}
    paths["briefing_output"] = root / source / values["briefing_output"]
    problems = []
    for name, path in paths.items():
        folder, what = (
            (root / source, "the source folder")
            if name == "briefing_output"
            else (root, "the project")
        )
        if not path.resolve().is_relative_to(folder.resolve()):
            problems.append(
                Problem(
                    conf,
                    *lines[name],
                    f"{name} = {values[name]!r} points outside {what}",
                    "keep the brief's inputs inside its folder",
                    Code.UNSAFE_PATH,
                )
            )
    if problems:
        raise ProblemsFound(problems)
    return ProjectPaths(
        root,
        root / source,
        paths["briefing_facts"],
        paths["briefing_seeds"],
        paths["briefing_templates"],
        paths["briefing_output"],
    )


def _assignments(conf: Path) -> list[tuple[str, str, tuple[int, int]]]:
    """``(name, value, (line, col))`` of each ``briefing_x = "literal"`` in conf.py."""
    try:
        tree = ast.parse(conf.read_bytes(), str(conf))
    except SyntaxError as error:
        raise ProblemsFound(
            [
                Problem(
                    conf,
                    error.lineno or 0,
                    error.offset or 0,
                    f"conf.py cannot be read: {error.msg}",
                    "fix the Python syntax",
                    Code.SCHEMA,
                )
            ]
        ) from None
    except ValueError as error:  # null bytes, bad encoding declaration
        raise ProblemsFound(
            [Problem(conf, 0, 0, f"conf.py cannot be read: {error}", "", Code.ENCODING)]
        ) from None
    found = []
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in DEFAULTS
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            found.append(
                (
                    node.targets[0].id,
                    node.value.value,
                    (node.value.lineno, node.value.col_offset + 1),
                )
            )
    return found
