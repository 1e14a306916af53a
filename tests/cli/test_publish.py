"""Publishing is atomic: a failed build leaves the published site and PDF as they were, a
later good build publishes every change, and no build writes to the inputs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ..briefs import CLI, needs_tex
from ..conftest import ROOTS, tree_digest

ROOT = ROOTS / "test-basic"
LATEX = """
project = "Harbour"
author = "Desk"
latex_engine = "xelatex"
latex_theme = "howto"
latex_use_xindy = False
latex_documents = [("index", "brief.tex", project, author, "howto")]
latex_elements = {"fontpkg": "\\\\setmainfont{TeX Gyre Pagella}\\n", "printindex": ""}
"""


def build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "build", "--source", ".", "-q", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "brief"
    shutil.copytree(ROOT, folder)
    return folder


def inputs(project: Path) -> dict[str, bytes]:
    return {
        k: v for k, v in tree_digest(project).items() if not k.startswith(("_build", "_generated"))
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), "utf-8")


def test_a_build_never_writes_its_inputs(project: Path) -> None:
    before = inputs(project)
    result = build(project, "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert inputs(project) == before
    assert (project / "_build" / "html" / "index.html").is_file()


def test_a_failed_build_leaves_the_published_site_as_it_was(project: Path) -> None:
    assert build(project, "--no-pdf").returncode == 0
    published = tree_digest(project / "_build" / "html")
    edit(
        project / "facts.yaml",
        "claim: The council and the port authority met on Tuesday.",
        "claim: The council and the port authority met on Wednesday.",
    )
    edit(project / "index.md", "{brief:fact}`met-tuesday`", "{brief:fact}`met-tusday`")
    result = build(project, "--no-pdf")
    assert result.returncode == 1
    assert "the HTML build failed" in result.stderr and "was left as it was" in result.stderr
    assert tree_digest(project / "_build" / "html") == published
    assert sorted(p.name for p in (project / "_build").iterdir()) == [".lock", "doctrees", "html"]


def test_the_build_after_a_failed_one_publishes_every_change(project: Path) -> None:
    """The failed build read the edited fact file; its work must not count as published."""
    assert build(project, "--no-pdf").returncode == 0
    edit(
        project / "facts.yaml",
        "claim: The council and the port authority met on Tuesday.",
        "claim: The council and the port authority met on Wednesday.",
    )
    edit(project / "index.md", "{brief:fact}`met-tuesday`", "{brief:fact}`met-tusday`")
    assert build(project, "--no-pdf").returncode == 1
    edit(project / "index.md", "{brief:fact}`met-tusday`", "{brief:fact}`met-tuesday`")
    result = build(project, "--no-pdf")
    assert result.returncode == 0, result.stderr
    facts = (project / "_build" / "html" / "_generated" / "facts.html").read_text("utf-8")
    assert "met on Wednesday" in facts and "met on Tuesday." not in facts.replace(
        "met on Tuesday with", ""
    )


def test_an_interrupted_swap_is_recovered(project: Path) -> None:
    assert build(project, "--no-pdf").returncode == 0
    out = project / "_build"
    (out / "html").rename(out / "html.old")  # as if the machine stopped between two renames
    (out / ".staging" / "html").mkdir(parents=True)
    (out / ".staging" / "html" / "half-written.html").write_text("<p>", "utf-8")
    result = build(project, "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [".lock", "doctrees", "html"]
    assert (out / "html" / "_generated" / "brief.html").is_file()
    assert not (out / "html" / "half-written.html").exists()


@pytest.mark.pdf
@needs_tex
def test_a_failed_pdf_build_leaves_the_published_pdf(project: Path) -> None:
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(LATEX)
    result = build(project, "--no-html")
    assert result.returncode == 0, result.stderr[-2000:]
    pdf = project / "_build" / "pdf" / "brief.pdf"
    published = pdf.read_bytes()
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('latex_elements["preamble"] = r"\\briefnosuchmacro"\n')
    before = inputs(project)
    result = build(project, "--no-html")
    assert result.returncode == 1
    assert "Undefined control sequence" in result.stderr
    assert "the PDF build failed" in result.stderr
    assert pdf.read_bytes() == published
    assert [p.name for p in pdf.parent.iterdir()] == ["brief.pdf"]
    assert inputs(project) == before
