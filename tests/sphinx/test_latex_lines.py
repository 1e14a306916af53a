"""A 300,000-character paragraph failed XeTeX with only latexmk's chatter shown (issue 15,
item 10): the LaTeX file is written in lines TeX can read, and LaTeX's own error line is
shown when its log has none."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from ..briefs import basic_project, needs_tex, run


def long_paragraph(characters: int) -> str:
    rng = random.Random(3)
    words = ["harbour", "council", "port", "authority", "met", "on", "the", "plan", "of"]
    sentences, size = [], 0
    while size < characters:
        sentence = " ".join(rng.choice(words) for _ in range(16)).capitalize() + "."
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences) + " The last sentence ends here."


@pytest.mark.pdf
@needs_tex
def test_a_paragraph_longer_than_tex_reads_at_once_is_typeset(tmp_path: Path) -> None:
    """TeX reads a line of at most 200,000 bytes; the paragraph was one line."""
    project = basic_project(tmp_path / "brief", pdf=True)
    (project / "long.md").write_text("# A long page\n\n" + long_paragraph(210_000) + "\n", "utf-8")
    index = project / "index.md"
    index.write_text(index.read_text("utf-8").replace("```{toctree}\n", "```{toctree}\nlong\n"))
    result = run(project, "build", "--no-html", timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    text = subprocess.run(
        ["pdftotext", str(project / "_build/pdf/brief.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "The last sentence ends here." in " ".join(text.split())


def test_latex_errors_are_shown_from_its_output_when_its_log_has_none(tmp_path: Path) -> None:
    from briefing.cli.build import _latex_errors

    chatter = "Latexmk: Run number 1\n! Unable to read an entire line---bufsize=200000.\nxx\n"
    shown = _latex_errors(tmp_path, tmp_path / "latex", chatter)
    assert "Unable to read an entire line" in shown.splitlines()[0]
    assert "Latexmk" not in shown
