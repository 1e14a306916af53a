"""The checks an editor needs: each one's message, located, in our words."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import pipeline

from ..conftest import ROOTS


@pytest.fixture
def basic(tmp_path: Path) -> Path:
    folder = tmp_path / "basic"
    shutil.copytree(ROOTS / "test-basic", folder)
    return folder


def check(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing.cli",
            "check",
            *options,
            "--project",
            str(project),
            "--source",
            ".",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_tab_is_named(basic: Path) -> None:
    edit(basic / "facts.yaml", "  title: Harbour talks", "\ttitle: Harbour talks")
    result = check(basic)
    assert result.returncode == 1
    assert "facts.yaml:2:1: a tab character" in result.stderr


def test_an_unquoted_false_says_to_quote_it(basic: Path) -> None:
    edit(basic / "facts.yaml", "    status: verified", "    status: false")
    result = check(basic)
    assert result.returncode == 1
    assert "reads as a yes/no value" in result.stderr and 'quote it: "false"' in result.stderr


def test_a_missing_file_suggests_the_closest_in_seeds(basic: Path) -> None:
    edit(basic / "facts.yaml", "    file: wire.txt", "    file: wier.txt")
    result = check(basic)
    assert result.returncode == 1
    assert "did you mean 'wire.txt'?" in result.stderr


def test_an_ellipsis_in_a_quote_stands_for_any_gap(basic: Path) -> None:
    text = (basic / "facts.yaml").read_text("utf-8")
    quote = "quote: The city council met the Port Authority on Tuesday."
    assert quote in text
    edit(basic / "facts.yaml", quote, "quote: The city council met … on Tuesday.")
    assert check(basic).returncode == 0
    edit(basic / "facts.yaml", "met … on Tuesday.", "met … on Friday.")
    assert check(basic).returncode == 1


def test_evidence_that_quotes_the_wrong_form_is_refused(basic: Path) -> None:
    edit(
        basic / "facts.yaml", "        quote: the Port Authority", "        quote: Port Commission"
    )
    result = check(basic)
    assert result.returncode == 1
    assert "the evidence quotes the wrong form" in result.stderr


def test_a_wrong_form_no_version_prints_is_a_warning(basic: Path) -> None:
    edit(basic / "facts.yaml", "wrong: Port Commission", "wrong: Port Comission")
    relaxed = check(basic)
    assert relaxed.returncode == 0 and "occurs in no version" in relaxed.stderr
    assert check(basic, "--strict").returncode == 1


def test_an_empty_sources_section_is_fine(basic: Path) -> None:
    text = (basic / "facts.yaml").read_text("utf-8")
    start, end = text.index("sources:\n"), text.index("entities:\n")
    kept = text[:start] + "sources:\n" + text[end:]
    (basic / "facts.yaml").write_text(
        kept.replace("source: gazette", "source: wire").replace("source: minutes", "source: wire"),
        "utf-8",
    )
    result = pipeline.check(basic / "facts.yaml", basic / "seeds")
    assert {v.id for v in result.project.versions} == {"wire", "rewrite"}


def test_a_version_the_evidence_quotes_is_right_there(basic: Path) -> None:
    # The rewrite's wrong form stands in a sentence the wire lacks: by the alignment the
    # wire would be "absent"; the evidence quotes the wire, so it is right.
    rewrite = basic / "seeds" / "rewrite.txt"
    edit(rewrite, "the Port Commission", "the port")
    rewrite.write_text(
        rewrite.read_text("utf-8") + "Officials of the Port Commission "
        "declined to comment on the vote.\n",
        "utf-8",
    )
    result = pipeline.check(basic / "facts.yaml", basic / "seeds")
    verdicts = result.analysis.corrections["authority-name"].verdicts
    assert verdicts["rewrite"].verdict == "wrong"
    assert verdicts["wire"].verdict == "right"


def test_schema_id_and_quote_problems_are_all_reported_at_once(basic: Path) -> None:
    facts = basic / "facts.yaml"
    edit(facts, "    claim: The council", "    claimm: The council")  # schema
    edit(facts, "    entity: anna-kovacs\n", "    entity: ana-kovacs\n")  # an id
    edit(facts, "        quote: the Port Authority", "        quote: the Port Autority")
    result = check(basic)
    assert result.returncode == 1
    for expected in (
        "unknown key 'claimm'",
        "unknown entity id 'ana-kovacs'",
        "quote not found in source 'wire'",
    ):
        assert expected in result.stderr, result.stderr
