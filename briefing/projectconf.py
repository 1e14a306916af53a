"""Where a brief project keeps its inputs, read from its ``conf.py`` without running it.

The CLI must work without Sphinx and must not execute a project's code to learn two
paths, so literal ``briefing_*`` assignments are read from the file's syntax tree.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectPaths:
    root: Path  # the folder of conf.py
    source: Path  # the Sphinx source folder
    facts: Path
    seeds: Path
    templates: Path


def project_paths(root: Path, source: str = "docs") -> ProjectPaths:
    values = {"briefing_facts": "docs/facts.yaml", "briefing_seeds": "seeds",
              "briefing_templates": "templates"}
    conf = root / "conf.py"
    if conf.is_file():
        tree = ast.parse(conf.read_text("utf-8"), str(conf))
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                    isinstance(node.targets[0], ast.Name) and node.targets[0].id in values and \
                    isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                values[node.targets[0].id] = node.value.value
    return ProjectPaths(root, root / source, root / values["briefing_facts"],
                        root / values["briefing_seeds"], root / values["briefing_templates"])
