"""8. Tracebacks instead of messages on a full disk, in a read-only project, without
permission. Faults are injected at writes spread over a whole build (the N-th write of
the CLI and its Sphinx runs fails: ENOSPC, EROFS, EACCES); as root, a small tmpfs is
also filled up and made read-only for real. Each ends in a line saying what happened
and what to do, exit 1, the published site as it was, the inputs untouched; the build
after it publishes everything."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ..briefs import (
    assert_no_traceback,
    hooked,
    inputs,
    published_files,
    run,
    site_is_whole,
)
from ..conftest import tree_digest
from .conftest import FIGURES, SCALE

INJECT = (Path(__file__).parent / "inject.py").read_text("utf-8")
SAYS = {
    "ENOSPC": "the disk is full",
    "EROFS": "the file system is read-only",
    "EACCES": "no permission to write",
}


def edit(project: Path, n: int) -> None:
    facts = project / "facts.yaml"
    text = facts.read_text("utf-8")
    marker = "met on Tuesday"
    start = text.index(marker) + len(marker)
    end = text.index(".", start)
    facts.write_text(text[:start] + f", edit {n}" + text[end:], "utf-8")


def fault_env(project: Path, tmp_path: Path, at: int, name: str) -> dict[str, str]:
    for leftover in (tmp_path / "count", tmp_path / "hit"):
        leftover.unlink(missing_ok=True)
    return hooked(
        tmp_path,
        INJECT,
        FAULT_UNDER=str(project),
        FAULT_AT=str(at),
        FAULT_ERRNO=name,
        FAULT_COUNT=str(tmp_path / "count"),
        FAULT_HIT=str(tmp_path / "hit"),
    )


def writes_of_a_build(project: Path, tmp_path: Path) -> int:
    edit(project, 0)
    result = run(project, "build", "--no-pdf", "-q", env=fault_env(project, tmp_path, 0, "ENOSPC"))
    assert result.returncode == 0, result.stderr[-2000:]
    return int((tmp_path / "count").read_text())


@pytest.mark.slow
def test_write_faults_anywhere_in_a_build_lose_nothing(project: Path, tmp_path: Path) -> None:
    assert run(project, "build", "--no-pdf", "-q").returncode == 0
    pages = published_files(project / "_build")
    total = writes_of_a_build(project, tmp_path)
    plan = [("ENOSPC", 6 * SCALE), ("EROFS", 2 * SCALE), ("EACCES", 2 * SCALE)]
    outcomes = []
    for kind, count in plan:
        for k in range(count):
            at = 2 + round(k * (total - 2) / max(count - 1, 1))  # the second write to the last
            edit(project, len(outcomes) + 1)
            before = tree_digest(project / "_build" / "html")
            given = inputs(project)
            result = run(project, "build", "--no-pdf", env=fault_env(project, tmp_path, at, kind))
            hit = (tmp_path / "hit").read_text() if (tmp_path / "hit").exists() else ""
            if hit:
                FIGURES["faults injected"] += 1
            outcomes.append((kind, at, result.returncode, hit.removeprefix(str(project))))
            assert_no_traceback(result)
            assert inputs(project) == given
            if result.returncode == 0:  # a fault the build could go past (a leftover to tidy)
                assert site_is_whole(project / "_build", pages) == [], (kind, at, hit)
                continue
            assert tree_digest(project / "_build" / "html") == before, (kind, at, hit)
            lines = result.stderr.strip().splitlines()
            assert lines[-1].startswith("briefing: "), result.stderr[-2000:]
            assert SAYS[kind] in result.stderr or "build failed" in result.stderr, result.stderr
    print(
        "\n" + "\n".join(f"{k} at write {a} of {total}: exit {c} ({h})" for k, a, c, h in outcomes)
    )
    assert sum(1 for *_, hit in outcomes if hit) >= len(outcomes) - 1
    edit(project, 99)
    result = run(project, "build", "--no-pdf", "-q")
    assert result.returncode == 0, result.stderr
    assert site_is_whole(project / "_build", pages) == []
    assert "edit 99" in (project / "_build/html/_generated/brief.html").read_text("utf-8")


def test_a_read_only_output_folder_is_said_so(project: Path, tmp_path: Path) -> None:
    at = 1  # the first write of the build: the lock in _build
    result = run(project, "build", "--no-pdf", env=fault_env(project, tmp_path, at, "EROFS"))
    assert result.returncode == 1
    assert_no_traceback(result)
    lines = result.stderr.strip().splitlines()
    assert len(lines) <= 2, lines
    assert "the file system is read-only" in lines[0] and "_build" in lines[0]


@pytest.fixture
def tmpfs(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A small tmpfs of our own, when we may mount one (as root)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode(errors='replace')}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` until ``leave`` bytes are free."""
    ballast = disk / "ballast"
    ballast.unlink(missing_ok=True)
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with ballast.open("wb") as stream:
        stream.write(b"\0" * max(0, free - leave))


@pytest.mark.slow
def test_a_real_full_disk_and_read_only_disk(tmpfs: Path) -> None:
    project = tmpfs / "brief"
    shutil.copytree(Path(__file__).parents[1] / "roots" / "test-basic", project)
    assert run(project, "build", "--no-pdf", "-q").returncode == 0
    pages = published_files(project / "_build")
    for n, leave in enumerate([16 * 1024, 160 * 1024, 400 * 1024], 1):
        edit(project, n)
        fill(tmpfs, leave)
        before = tree_digest(project / "_build" / "html")
        result = run(project, "build", "--no-pdf")
        (tmpfs / "ballast").unlink()
        FIGURES["faults injected"] += 1
        assert_no_traceback(result)
        assert result.returncode == 1, result.stderr
        assert "the disk is full" in result.stderr, result.stderr
        assert tree_digest(project / "_build" / "html") == before
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    try:
        result = run(project, "build", "--no-pdf")
        FIGURES["faults injected"] += 1
        assert_no_traceback(result)
        assert result.returncode == 1
        assert "the file system is read-only" in result.stderr, result.stderr
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    result = run(project, "build", "--no-pdf", "-q")
    assert result.returncode == 0, result.stderr
    assert site_is_whole(project / "_build", pages) == []
