from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
ROOTS = TESTS / "roots"  # one small brief project per feature, for Sphinx builds
FIXTURES = TESTS / "fixtures"  # planted and real stories


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def copy_flagship(project: Path) -> Path:
    """Copy the flagship brief's inputs (not its generated pages or builds) to ``project``."""
    project.mkdir()
    shutil.copy2(REPO / "conf.py", project / "conf.py")
    for folder in ("seeds", "templates"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, project / folder)
    shutil.copytree(REPO / "docs", project / "docs", ignore=_not_inputs)
    return project


def _not_inputs(folder: str, names: list[str]) -> list[str]:
    """Builds and generated pages (a folder briefing marked as its own) are not inputs."""
    return [
        n
        for n in names
        if n in ("_generated", "_build") or (Path(folder) / n / ".briefing-generated").exists()
    ]


@pytest.fixture
def flagship(tmp_path: Path) -> Path:
    """A copy of the flagship brief project, safe to edit and build."""
    return copy_flagship(tmp_path / "flagship")


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under ``folder``: to prove inputs were not written."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
