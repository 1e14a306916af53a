"""The check shares its work with a second process on a machine with two cores: the
result must be the one a single process finds, and a failure there must surface here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.analysis import discrepancies, parallel

from ..conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import write_corpus  # noqa: E402


def _everything(result: pipeline.Result) -> dict[str, str]:
    analysis = result.analysis
    return {
        "rows": repr(
            [(row.cells, sorted(row.moved), row.scores) for row in analysis.alignment.rows]
        ),
        "verdicts": repr(analysis.corrections),
        "scorecard": repr(analysis.scorecard),
        "mentions": repr(analysis.mentions),
        "wrong places": repr(analysis.wrong_places),
        "discrepancies": repr(analysis.discrepancies),
    }


def test_two_processes_find_what_one_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_corpus(tmp_path / "brief", versions=10, paragraphs=80, corrections=300)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)  # even on a machine with one
    share = discrepancies.ROWS_HERE
    forks = tmp_path / "forks"
    start = parallel._run

    def run(work: object, sender: object) -> None:
        with forks.open("a") as out:  # a forked copy: it writes down its process id
            out.write(f"{os.getpid()}\n")
        start(work, sender)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_run", run)
    two = pipeline.check(folder / "docs" / "facts.yaml", folder / "seeds", jobs=2)
    # The alignment, then part of the comparison, each in a forked copy.
    pids = forks.read_text().split()
    assert len(pids) == 2 and str(os.getpid()) not in pids
    # The reference: one process, and every row compared in one piece.
    monkeypatch.setattr(discrepancies, "ROWS_HERE", 1.0)
    one = pipeline.check(folder / "docs" / "facts.yaml", folder / "seeds", jobs=1)
    assert sum(len(v.document.sentences()) for v in one.project.versions) >= parallel.WORTH_IT
    assert one.analysis.discrepancies and one.analysis.mentions
    assert _everything(two) == _everything(one)
    # Both processes' rows hold discrepancies: the comparison is of something.
    groups = discrepancies.row_groups(one.analysis.alignment.rows)
    first_elsewhere = groups[discrepancies.split_at_share(groups, share)][0]
    rows = [d.row for d in one.analysis.discrepancies if d.row is not None]
    assert min(rows) < first_elsewhere <= max(rows)
    assert len(forks.read_text().split()) == 2  # one process: no more forks


def test_work_goes_to_a_second_process_only_when_it_is_large(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    here, there = parallel.both(os.getpid, os.getpid, parallel.WORTH_IT, jobs=2)
    assert here == os.getpid() != there
    here, there = parallel.both(os.getpid, os.getpid, parallel.WORTH_IT - 1, jobs=2)
    assert here == there == os.getpid()
    # The caller decides: asked for one process, the work stays here.
    assert parallel.both(os.getpid, os.getpid, 10**6, jobs=1) == (os.getpid(), os.getpid())


def test_the_command_line_reads_its_processes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "1")
    assert parallel.jobs_from_environment() == 1
    monkeypatch.delenv(parallel.JOBS_VARIABLE)
    assert parallel.jobs_from_environment() == 2


def test_an_error_in_the_second_process_is_raised_in_the_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    with pytest.raises(ZeroDivisionError):
        parallel.both(lambda: 1, lambda: 1 // 0, 10**6, jobs=2)


def test_work_of_a_second_process_that_dies_is_done_in_the_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    me = os.getpid()

    def there() -> int:
        if os.getpid() != me:
            os._exit(9)  # as if killed: nothing sent back
        return 42

    assert parallel.both(lambda: 1, there, 10**6, jobs=2) == (1, 42)


def test_an_error_in_the_first_process_stops_the_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    import multiprocessing
    import time

    def fail() -> None:
        raise ValueError("here")

    with pytest.raises(ValueError, match="here"):
        parallel.both(fail, lambda: time.sleep(60), 10**6, jobs=2)
    assert multiprocessing.active_children() == []
