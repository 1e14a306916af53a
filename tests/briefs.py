"""Small brief projects for tests that run the command line, and what to check of them:
a copy of the test brief (for XeLaTeX too), the CLI run in it, the inputs' bytes, the
published site's files, a hook into the Python processes a build starts."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOTS, tree_digest

CLI = [sys.executable, "-m", "briefing.cli"]
BASIC = ROOTS / "test-basic"
needs_tex = pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("latexmk") is None,
    reason="TeX Live is not installed (make tex installs it)",
)
LATEX = """
project = "Harbour"
author = "Desk"
latex_engine = "xelatex"
latex_theme = "howto"
latex_use_xindy = False
latex_documents = [("index", "brief.tex", project, author, "howto")]
latex_elements = {
    "fontpkg": "\\\\setmainfont{TeX Gyre Pagella}\\n\\\\setsansfont{TeX Gyre Heros}\\n"
    "\\\\setmonofont{FreeMono}\\n",
    "printindex": "",
}
"""


def basic_project(folder: Path, pdf: bool = False) -> Path:
    """A copy of the small test brief; with ``pdf``, configured for XeLaTeX."""
    shutil.copytree(BASIC, folder)
    if pdf:
        with (folder / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(LATEX)
    return folder


def run(
    project: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args, "--source", "."],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def inputs(project: Path) -> dict[str, bytes]:
    return {
        k: v for k, v in tree_digest(project).items() if not k.startswith(("_build", "_generated"))
    }


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream[-3000:]
        assert "Exception occurred" not in stream, stream[-3000:]


def site_is_whole(out: Path, pages: set[str]) -> list[str]:
    """What is wrong with the published site in ``out`` (``pages``: every file of a
    complete build's HTML); empty when it is whole."""
    wrong = []
    html = out / "html"
    found = {p.relative_to(html).as_posix() for p in html.rglob("*") if p.is_file()}
    if found != pages:
        wrong.append(f"{len(found)} of {len(pages)} files; missing {sorted(pages - found)[:5]}")
    if not (out / "doctrees").is_dir():
        wrong.append("no doctrees")
    left = [p.name for p in out.iterdir() if p.name not in ("html", "doctrees", ".lock")]
    if left:
        wrong.append(f"left behind: {left}")
    return wrong


def published_files(out: Path) -> set[str]:
    html = out / "html"
    return {p.relative_to(html).as_posix() for p in html.rglob("*") if p.is_file()}


def hooked(tmp_path: Path, code: str, **variables: str) -> dict[str, str]:
    """An environment whose Python processes (the CLI and the Sphinx runs it starts) run
    ``code`` at start-up, as a ``sitecustomize`` module: how a test reaches into them."""
    folder = tmp_path / "hook"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(code, "utf-8")
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **variables}


def interrupt(process: subprocess.Popen[str]) -> None:
    """Stop a server as Ctrl-C would, and kill it if it has not ended in 15 s."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
