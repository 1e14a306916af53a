"""6. Check and build read the fact file separately: an editor's save landing between
them made the check line say one thing and the site publish another. The inputs are
now read once, into a snapshot that the check and every Sphinx process of the build use."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from ..briefs import basic_project, hooked, needs_tex, run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return basic_project(tmp_path / "brief")


# In the first Sphinx process of the given builder (not in the CLI), before it reads
# anything: the editor's next save lands.
SAVE_LANDS = """
import os, sys
if "-b" in sys.argv and sys.argv[sys.argv.index("-b") + 1] == os.environ["SAVE_IN"]:
    marker = os.environ["SAVE_MARKER"]
    if not os.path.exists(marker):
        open(marker, "w").close()
        with open(os.environ["SAVE_TARGET"], "w", encoding="utf-8") as facts:
            facts.write(os.environ["SAVE_TEXT"])
"""


def later_save(project: Path) -> str:
    """The fact file as the editor saves it next: a correction fewer, a claim changed."""
    text = (project / "facts.yaml").read_text("utf-8")
    head, _, corrections = text.partition("corrections:\n")
    first = corrections.split("  authority-name:")[0]
    return (head + "corrections:\n" + first).replace("met on Tuesday.", "met on Friday.")


def saving_env(project: Path, tmp_path: Path, builder: str) -> dict[str, str]:
    return hooked(
        tmp_path,
        SAVE_LANDS,
        SAVE_IN=builder,
        SAVE_MARKER=str(tmp_path / "saved"),
        SAVE_TARGET=str(project / "facts.yaml"),
        SAVE_TEXT=later_save(project),
    )


def test_what_is_published_is_what_was_checked(project: Path, tmp_path: Path) -> None:
    result = run(project, "build", "--no-pdf", env=saving_env(project, tmp_path, "html"))
    assert (tmp_path / "saved").exists(), "the save did not land during the build"
    assert result.returncode == 0, result.stderr[-2000:]
    assert "2 corrections" in result.stdout
    data = json.loads((project / "_build" / "html" / "briefing.json").read_text("utf-8"))
    assert len(data["corrections"]) == 2
    assert data["facts"][0]["claim"].endswith("met on Tuesday.")
    # The next build publishes the save.
    again = run(project, "build", "--no-pdf", "-q")
    assert again.returncode == 0, again.stderr
    data = json.loads((project / "_build" / "html" / "briefing.json").read_text("utf-8"))
    assert len(data["corrections"]) == 1


@pytest.mark.pdf
@needs_tex
def test_the_pdf_is_built_from_the_same_bytes_as_the_html(tmp_path: Path) -> None:
    project = basic_project(tmp_path / "brief", pdf=True)
    result = run(project, "build", env=saving_env(project, tmp_path, "latex"))
    assert (tmp_path / "saved").exists(), "the save did not land during the build"
    assert result.returncode == 0, result.stderr[-2000:]
    pdf = subprocess.run(
        ["pdftotext", str(project / "_build" / "pdf" / "brief.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "met on Tuesday." in pdf and "met on Friday." not in pdf
    facts = (project / "_build" / "html" / "_generated" / "facts.html").read_text("utf-8")
    assert "met on Tuesday." in facts


def test_a_snapshot_reads_each_file_once_and_keeps_its_bytes(tmp_path: Path) -> None:
    from briefing.inputs import InputError
    from briefing.snapshot import DamagedSnapshot, Snapshot

    (tmp_path / "a.txt").write_bytes(b"first")
    snapshot = Snapshot()
    assert snapshot.read(tmp_path / "a.txt", 100) == b"first"
    (tmp_path / "a.txt").write_bytes(b"second")
    assert snapshot.read(tmp_path / "a.txt", 100) == b"first"
    with pytest.raises(InputError):
        snapshot.read(tmp_path / "missing.txt", 100)
    assert snapshot.listing(tmp_path) == ["a.txt"]
    snapshot.dump(tmp_path / "snapshot.json")
    again = Snapshot.load(tmp_path / "snapshot.json")
    assert again.read(tmp_path / "a.txt", 100) == b"first"
    with pytest.raises(InputError, match="not found"):
        again.read(tmp_path / "missing.txt", 100)
    assert again.digest() == snapshot.digest()
    dumped = json.loads((tmp_path / "snapshot.json").read_text("ascii"))
    key = str(tmp_path / "a.txt")
    dumped["files"][key]["data"] = "c2Vjb25k"  # "second", with the first one's hash
    (tmp_path / "snapshot.json").write_text(json.dumps(dumped), "ascii")
    with pytest.raises(DamagedSnapshot):
        Snapshot.load(tmp_path / "snapshot.json")
