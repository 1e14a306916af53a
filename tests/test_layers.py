"""The package's layering, kept: each module imports only from its own layer or those
below it (text → model → analysis → pipeline → render → sphinx / cli), no module takes
part in an import cycle, only ``briefing/sphinx/`` imports Sphinx or docutils, and no
module grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "briefing"
LAYERS = [
    ("briefing.problems", "briefing.text"),
    (
        "briefing.inputs",
        "briefing.snapshot",
        "briefing.ids",
        "briefing.yamlmarks",
        "briefing.model",
        "briefing.validate",
        "briefing.versions",
        "briefing.seedfiles",
        "briefing.load",
    ),
    ("briefing.analysis",),
    ("briefing.pipeline",),
    ("briefing.render",),
    ("briefing.sphinx", "briefing.cli"),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    for number, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return number
    raise AssertionError(f"{module} belongs to no layer")


def imports(path: Path) -> set[str]:
    """The modules a module imports (``from package import module`` imports the module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                found.add(inner if inner in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py") if p.name != "__main__.py"}
OURS = {m: {i for i in imports(p) if i in MODULES} for m, p in MODULES.items()}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "briefing"))
def test_imports_run_downward(module: str) -> None:
    upward = [i for i in OURS[module] if i != "briefing" and layer(i) > layer(module)]
    assert not upward, f"{module} imports from a layer above it: {upward}"


def test_no_import_cycle() -> None:
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        if module in path:
            raise AssertionError(" → ".join((*path[path.index(module) :], module)))
        if module in done:
            return
        for imported in OURS.get(module, ()):
            if imported != "briefing":
                visit(imported, (*path, module))
        done.add(module)

    for module in sorted(MODULES):
        visit(module, ())


def test_only_the_extension_imports_sphinx() -> None:
    outside = {
        m: sorted(i for i in imports(p) if i.split(".")[0] in ("sphinx", "docutils"))
        for m, p in MODULES.items()
        if not m.startswith("briefing.sphinx") and m != "briefing"
    }
    assert not {m: i for m, i in outside.items() if i}


def test_modules_stay_small() -> None:
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text("utf-8").splitlines())) > 400}
    assert not long
