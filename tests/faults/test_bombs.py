"""2. Memory was bounded for values but not for keys: a 1.9 KB fact file with nested
aliases in a key took 910 MB and printed a 10 MB line. Now every node composed and every
key and value built counts against one limit, keys are plain text, and a message is cut
to a readable length. Each bomb is checked in its own process, its peak memory read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..briefs import assert_no_traceback
from .conftest import FIGURES

MEMORY_LIMIT_MB = 300  # the check of the small brief itself peaks at about 90 MB
# The process's own high-water mark (VmHWM): getrusage's ru_maxrss survives exec, so a
# child of a large test process would report the parent's size.
PEAK = (
    "import re, sys\n"
    "from briefing.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
    "print(f'peak-rss-kb={hwm}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def laughs(levels: int, width: int = 10) -> list[str]:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * width)}]" for n in range(1, levels)]
    return lines


def key_laughs(levels: int, width: int = 10) -> list[str]:
    """The same, with every anchor defined inside a mapping key."""
    lines = [f"? &a0 [{', '.join(['lol'] * width)}]", ": 0"]
    for n in range(1, levels):
        lines += [f"? &a{n} [{', '.join([f'*a{n - 1}'] * width)}]", f": {n}"]
    return lines


def merges(levels: int) -> list[str]:
    lines = ["m0: &m0 {a: 1, b: 2}"]
    for n in range(1, levels):
        lines += [f"m{n}: &m{n}", f"  <<: [*m{n - 1}, *m{n - 1}]", f"  k{n}: v"]
    return lines


BOMBS = {
    "aliases in keys": key_laughs(8),
    "one level more, in keys": key_laughs(9),
    "aliases in a value, used as a key": [*laughs(9), "? *a8", ": boom"],
    "aliases in a value": [*laughs(10), "brief: *a9"],
    "merge keys doubling": merges(40),
    "nesting in a key": ["? " + "[" * 5000 + "]" * 5000, ": v"],
    "nesting in a value": ["brief: " + "{a: " * 5000 + "x" + "}" * 5000],
    "a long key": ["x" * 2_000_000 + ": 1", "x" * 2_000_000 + ": 2"],
}


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_a_yaml_bomb_is_refused_with_a_location_in_bounded_memory(bomb: str, project: Path) -> None:
    facts = project / "facts.yaml"
    facts.write_text("\n".join(BOMBS[bomb]) + "\n", "utf-8")
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", PEAK, "check", "--source", "."],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "BRIEFING_JOBS": "1"},
    )
    seconds = time.monotonic() - start
    FIGURES["YAML bombs"] += 1
    peak = re.search(r"peak-rss-kb=(\d+)", result.stderr)
    assert peak, result.stderr[-2000:]
    peak_mb = int(peak.group(1)) / 1024
    print(f"\n{bomb}: {facts.stat().st_size:,} bytes, {seconds:.1f} s, peak {peak_mb:.0f} MB")
    assert result.returncode == 1
    assert_no_traceback(result)
    lines = [line for line in result.stderr.splitlines() if not line.startswith("peak-rss")]
    assert re.match(r"facts\.yaml:\d+:\d+: ", lines[0]), lines[0][:300]
    assert all(len(line) < 1000 for line in lines), max(len(line) for line in lines)
    assert peak_mb < MEMORY_LIMIT_MB
    assert seconds < 60
