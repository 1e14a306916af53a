"""``briefing review``: suggestions decided one at a time in a terminal (driven here through
a pseudo-terminal), or by id for scripts; each decision written at once, the editor's fact
file otherwise untouched, and the check passing after every step."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from ..briefs import CLI
from ..conftest import ROOTS

COMMENT = "# The editor's note on the corrections, kept.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small brief with two errors in its rewrite that no correction covers yet."""
    folder = tmp_path / "brief"
    shutil.copytree(ROOTS / "test-basic", folder)
    rewrite = folder / "seeds" / "rewrite.txt"
    rewrite.write_text(
        rewrite.read_text("utf-8").replace("Tuesday", "Monday").replace("12 million", "15 million"),
        "utf-8",
    )
    facts = folder / "facts.yaml"
    facts.write_text(
        facts.read_text("utf-8").replace("corrections:\n", "corrections:\n" + COMMENT), "utf-8"
    )
    return folder


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args, "--project", str(project), "--source", "."],
        capture_output=True,
        text=True,
        timeout=300,
    )


def pending(project: Path) -> list[dict[str, object]]:
    import json

    return list(json.loads(run(project, "suggest", "--json").stdout))


def converse(project: Path, answers: list[str]) -> str:
    """Run ``briefing review`` in a pseudo-terminal, answering each prompt in turn."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*CLI, "review", "--project", str(project), "--source", "."],
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    seen, waiting = "", list(answers)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 4096).decode("utf-8", "replace")
            except OSError:  # the process closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            if waiting and seen.rstrip().endswith(("?", "]:")):
                os.write(leader, (waiting.pop(0) + "\n").encode())
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(leader)
    return seen


def test_review_in_a_terminal_writes_each_decision(project: Path) -> None:
    items = pending(project)
    assert len(items) >= 2
    # The first: a correction, its expected form edited; the second: the wording accepted.
    seen = converse(project, ["c", "Wednesday", "a"] + ["s"] * (len(items) - 2))
    assert "reference" in seen and "confidence" in seen  # each shown with its sentences
    assert "Expected forms are" in seen  # and first, whose words the expected forms are
    text = (project / "facts.yaml").read_text("utf-8")
    assert COMMENT in text
    data = yaml.safe_load(text)
    made = [c for c in data["corrections"].values() if c.get("right") == "Wednesday"]
    assert len(made) == 1 and made[0]["evidence"]
    assert data.get("accepted")
    check = run(project, "check")
    assert check.returncode == 0, check.stderr
    assert len(pending(project)) == len(items) - 2


def test_review_by_id_for_scripts(project: Path) -> None:
    first, second = (str(i["id"]) for i in pending(project)[:2])
    result = run(project, "review", "--accept", first, "--accept-wording", second)
    assert result.returncode == 0, result.stderr
    assert run(project, "check").returncode == 0
    assert {str(i["id"]) for i in pending(project)}.isdisjoint({first, second})
    unknown = run(project, "review", "--accept", "no-such-id")
    assert unknown.returncode == 1 and "no-such-id" in unknown.stderr


@pytest.fixture
def repeated(tmp_path: Path) -> Path:
    """A brief whose rewrite misspells one name the same way in two sentences."""
    folder = tmp_path / "repeated"
    shutil.copytree(ROOTS / "test-basic", folder)
    for name, spelt in (("wire", "Oyun-Erdene"), ("rewrite", "Oyun-Edne")):
        seed = folder / "seeds" / f"{name}.txt"
        added = f"\nHarbour master {spelt} welcomed the plan. {spelt} said work starts in May.\n"
        seed.write_text(seed.read_text("utf-8") + added, "utf-8")
    return folder


def test_one_wording_in_two_places_is_one_suggestion(repeated: Path) -> None:
    items = pending(repeated)
    named = [i for i in items if i["found"] == "Oyun-Edne"]
    assert len(named) == 1
    assert [p["line"] for p in named[0]["places"]] == [5, 5]
    assert len({p["col"] for p in named[0]["places"]}) == 2


def test_review_asks_once_for_one_wording_in_two_places(repeated: Path) -> None:
    items = pending(repeated)
    seen = converse(repeated, ["c", ""] + ["s"] * (len(items) - 1))
    assert seen.count("Oyun-Edne”") == 1  # one question, naming the other place
    assert "one decision settles them all" in seen
    data = yaml.safe_load((repeated / "facts.yaml").read_text("utf-8"))
    made = [c for c in data["corrections"].values() if c["wrong"] == "Oyun-Edne"]
    assert len(made) == 1 and made[0]["right"] == "Oyun-Erdene"
    assert run(repeated, "check").returncode == 0
    assert not any(i["found"] == "Oyun-Edne" for i in pending(repeated))
