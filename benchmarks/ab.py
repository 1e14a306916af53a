"""Interleaved A/B runs of ``briefing check``: is a change no slower at a point of the grid?

    .venv/bin/python benchmarks/ab.py BEFORE AFTER [--point 100x100x1000] [--rounds 5]

BEFORE and AFTER are checkouts of the repository (``git worktree add /tmp/before HEAD~1``);
each round runs ``python -m briefing.cli check`` once from each, in turn, on the same
synthetic corpus (benchmarks/corpus.py), in a fresh process, so that the machine's drift
over time falls on both alike. It prints each run's wall and CPU time (the process and its
children) and the ratio AFTER / BEFORE of the least and of the median of each.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402


def run_check(tree: Path, project: Path, jobs: str) -> tuple[float, float]:
    """Wall and CPU seconds of one ``briefing check`` run from ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree), BRIEFING_JOBS=jobs)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefing.cli", "check", "--project", str(project)],
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: check failed\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument(
        "--point", default="100x100x1000", help="versions x paragraphs x corrections"
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", default="2", help="BRIEFING_JOBS for both (default: 2)")
    args = parser.parse_args()
    versions, paragraphs, corrections = map(int, args.point.split("x"))
    project = HERE / "_work" / "ab" / args.point
    if not project.exists():
        write_corpus(project, versions=versions, paragraphs=paragraphs, corrections=corrections)
    runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    for number in range(args.rounds):
        order = ("before", "after") if number % 2 == 0 else ("after", "before")
        for name in order:
            wall, cpu = run_check(getattr(args, name).resolve(), project, args.jobs)
            runs[name].append((wall, cpu))
            print(f"round {number + 1} {name:6} wall {wall:6.2f} s  cpu {cpu:6.2f} s", flush=True)
    for k, what in ((0, "wall"), (1, "cpu")):
        b = [r[k] for r in runs["before"]]
        a = [r[k] for r in runs["after"]]
        print(
            f"{what}: before least {min(b):.2f} median {statistics.median(b):.2f}; "
            f"after least {min(a):.2f} median {statistics.median(a):.2f}; ratio "
            f"least {min(a) / min(b):.3f}, median {statistics.median(a) / statistics.median(b):.3f}"
        )


if __name__ == "__main__":
    main()
