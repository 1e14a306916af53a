"""7. Control characters from a seed reached the editor's terminal through the "closest
passage" hint (an ESC that retitled the window, a BEL, a screen clear). Every message,
of the check and of the build, shows them escaped; and no message runs past a readable
length, whatever it quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ..briefs import assert_no_traceback, basic_project, run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return basic_project(tmp_path / "brief")


RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SEED = (
    "The city council met the Port Authority on Tuesday. Anna Kovacs, who chairs the "
    "authority, presented a \u202eplan \x1b]0;PWNED\x07 for the \x1b[2J harbour.\n"
)


def misquote(project: Path) -> None:
    (project / "seeds" / "wire.txt").write_text(SEED, "utf-8")
    data = yaml.safe_load((project / "facts.yaml").read_text("utf-8"))
    data["facts"]["met-tuesday"]["evidence"][0]["quote"] = "presented a plan for the harbor"
    (project / "facts.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")


def test_the_closest_passage_is_shown_escaped(project: Path) -> None:
    misquote(project)
    for result in (run(project, "check"), run(project, "build", "--no-pdf")):
        assert result.returncode == 1
        assert_no_traceback(result)
        assert "closest passage" in result.stderr
        assert not RAW.search(result.stderr + result.stdout), repr(result.stderr)
        assert "\\x1b]0;PWNED\\x07" in result.stderr
        assert "\\u202e" in result.stderr


def test_a_file_name_with_controls_is_shown_escaped(project: Path) -> None:
    (project / "seeds" / "evil\x1b[2J\x07.txt").write_text("The mayor spoke.\n", "utf-8")
    result = run(project, "check")
    assert result.returncode == 1
    assert not RAW.search(result.stderr), repr(result.stderr)
    assert "evil\\x1b[2J\\x07.txt" in result.stderr


def test_a_message_is_cut_to_a_readable_length() -> None:
    from briefing.problems import Problem

    problem = Problem(Path("f.yaml"), 1, 2, "unknown key " + "x" * 10_000, "hint " * 5_000)
    assert len(str(problem)) < 700
    assert str(problem).startswith("f.yaml:1:2: unknown key xxx")
    assert "…" in str(problem)
