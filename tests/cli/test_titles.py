"""9. LaTeX from a title: `briefing new X --title 'AT&T 100% deal #5'` made a project whose
PDF failed, and a title holding ``\\input{}`` put that file into the PDF; the theme's logo
put a title's HTML into every page. And after a failed PDF, the new HTML was published
beside the old PDF: now both are published together, or neither."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ..briefs import CLI, assert_no_traceback, basic_project, needs_tex, run
from ..conftest import tree_digest


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.pdf
@needs_tex
def test_a_title_is_text_in_the_pdf_and_the_html(tmp_path: Path) -> None:
    secret = Path(tempfile.mkdtemp(prefix="secret")) / "file.tex"  # no hyphen to break at
    secret.write_text("SECRETCONTENT\n", "utf-8")
    title = f"AT&T 100% deal #5 \\input{{{secret}}} <script>alert(1)</script> $x$ ~^_"
    made = subprocess.run(
        [*CLI, "new", "brief", "--title", title], cwd=tmp_path, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    project = tmp_path / "brief"
    result = subprocess.run(
        [*CLI, "build"], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    text = pdf_text(project / "_build" / "pdf" / "brief.pdf")
    assert "SECRETCONTENT" not in text
    assert "AT&T 100% deal #5" in text and f"\\input{{{secret}}}" in text
    for page in (project / "_build" / "html").rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        scripts = [s.get_text() for s in soup.find_all("script")]
        assert not any("alert(1)" in s for s in scripts), page
    index = BeautifulSoup((project / "_build/html/index.html").read_text("utf-8"), "html.parser")
    assert "<script>alert(1)</script>" in index.body.get_text()  # shown as text


@pytest.mark.pdf
@needs_tex
def test_html_and_pdf_are_published_together_or_not_at_all(tmp_path: Path) -> None:
    project = basic_project(tmp_path / "brief", pdf=True)
    assert run(project, "build").returncode == 0
    html = tree_digest(project / "_build" / "html")
    pdf = (project / "_build" / "pdf" / "brief.pdf").read_bytes()
    facts = project / "facts.yaml"
    facts.write_text(facts.read_text("utf-8").replace("met on Tuesday.", "met on Friday."))
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('latex_elements["preamble"] = r"\\briefnosuchmacro"\n')
    result = run(project, "build")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "Undefined control sequence" in result.stderr
    assert "the PDF build failed" in result.stderr
    assert tree_digest(project / "_build" / "html") == html, "new HTML beside the old PDF"
    assert (project / "_build" / "pdf" / "brief.pdf").read_bytes() == pdf
    assert (project / "_build" / "latex" / "brief.log").is_file(), "the logs are kept"


@pytest.mark.pdf
@needs_tex
def test_a_stale_tex_file_is_not_compiled(tmp_path: Path) -> None:
    """10. A ``.tex`` left in ``_build/latex`` was compiled on every build."""
    project = basic_project(tmp_path / "brief", pdf=True)
    (project / "_build" / "latex").mkdir(parents=True)
    (project / "_build" / "latex" / "old.tex").write_text("\\documentclass{article}\\undefined")
    result = run(project, "build", "--no-html")
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in (project / "_build" / "pdf").iterdir()) == ["brief.pdf"]
