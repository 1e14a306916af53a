"""1. Two builds at once wrecked the published site: one build of a project runs at a
time; the second waits and says so (or stops, with --no-wait), and ``serve`` takes the
same lock. Trials start a second build at many gaps after the first and find the site
whole after each."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from ..briefs import CLI, assert_no_traceback, interrupt, published_files, run, site_is_whole
from .conftest import FIGURES, SCALE


def start(project: Path, log: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, *args, "--source", "."],
        cwd=project,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def wait_for_text(log: Path, text: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in log.read_text("utf-8"):
            return True
        time.sleep(0.1)
    return False


def test_a_second_build_waits_for_the_first_and_says_so(project: Path, tmp_path: Path) -> None:
    assert run(project, "build", "--no-pdf", "-q").returncode == 0
    pages = published_files(project / "_build")
    log = tmp_path / "second.log"
    from briefing.cli.lock import BuildLock

    with BuildLock(project, "`the test`"):
        second = start(project, log, "build", "--no-pdf")
        assert wait_for_text(log, "is building this brief; waiting", 30), log.read_text("utf-8")
        time.sleep(1)
        assert second.poll() is None, "the second build went on while the first held the lock"
        assert "`the test`" in log.read_text("utf-8")
    assert second.wait(timeout=120) == 0, log.read_text("utf-8")
    assert site_is_whole(project / "_build", pages) == []


def test_no_wait_stops_at_once_and_touches_nothing(project: Path) -> None:
    assert run(project, "build", "--no-pdf", "-q").returncode == 0
    from briefing.cli.lock import BuildLock

    with BuildLock(project, "`the test`"):
        before = {p: p.stat().st_mtime_ns for p in (project / "_build").rglob("*")}
        result = run(project, "build", "--no-pdf", "--no-wait", timeout=30)
    assert result.returncode == 1
    assert re.search(r"`the test` .* is building this brief; nothing was built", result.stderr)
    assert_no_traceback(result)
    assert {p: p.stat().st_mtime_ns for p in (project / "_build").rglob("*")} == before


def test_serve_waits_for_a_build_too(project: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    from briefing.cli.lock import BuildLock

    with BuildLock(project, "`the test`"):
        serve = start(project, log, "serve", "--port", "0")
        try:
            assert wait_for_text(log, "is building this brief; waiting", 30), log.read_text()
            assert "http://" not in log.read_text("utf-8")
        except BaseException:
            serve.kill()
            raise
    try:
        assert wait_for_text(log, "http://127.0.0.1:", 60), log.read_text("utf-8")
    finally:
        interrupt(serve)


@pytest.mark.slow
def test_builds_started_together_leave_the_site_whole(project: Path, tmp_path: Path) -> None:
    """A second build started 0 to 2.5 s after the first (the gaps at which one in four
    trials left a site of 9 to 143 of its 145 files), with an edit between trials so that
    each build has pages to write."""
    assert run(project, "build", "--no-pdf", "-q").returncode == 0
    pages = published_files(project / "_build")
    facts = project / "facts.yaml"
    original = facts.read_text("utf-8")
    gaps = [0.0, 0.3, 0.6, 1.0, 1.4, 1.8, 2.2, 2.5] * SCALE
    for trial, gap in enumerate(gaps):
        facts.write_text(
            original.replace("met on Tuesday.", f"met on Tuesday, trial {trial}."), "utf-8"
        )
        logs = [tmp_path / f"{trial}-a.log", tmp_path / f"{trial}-b.log"]
        first = start(project, logs[0], "build", "--no-pdf")
        time.sleep(gap)
        second = start(project, logs[1], "build", "--no-pdf")
        codes = [first.wait(timeout=180), second.wait(timeout=180)]
        outputs = [log.read_text("utf-8") for log in logs]
        FIGURES["trials of concurrent builds"] += 1
        assert codes == [0, 0], (gap, outputs)
        assert not any("Traceback" in out for out in outputs), outputs
        assert site_is_whole(project / "_build", pages) == [], (gap, outputs)
        published = (project / "_build" / "html" / "_generated" / "facts.html").read_text("utf-8")
        assert f"trial {trial}." in published
