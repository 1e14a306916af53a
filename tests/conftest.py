from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"


@pytest.fixture
def flagship(tmp_path: Path) -> Path:
    """A copy of the flagship brief project, safe to edit and build."""
    project = tmp_path / "flagship"
    project.mkdir()
    for name in ("conf.py",):
        shutil.copy2(REPO / name, project / name)
    for folder in ("seeds", "templates"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, project / folder)
    shutil.copytree(REPO / "docs", project / "docs",
                    ignore=shutil.ignore_patterns("_generated", "_build"))
    return project


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under ``folder``: to prove inputs were not written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}
