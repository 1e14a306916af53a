"""The fault suite: what an attacker or an unlucky editor does to a brief (two builds at
once, hostile YAML, odd files, full disks), and that nothing is lost.

Sized for a machine of two cores: the heavier tests are marked ``slow`` (``-m "not
slow"`` leaves them out), and ``BRIEFING_FAULT_SCALE`` (default 1) multiplies the trials
of concurrent builds, the faults injected and the fact files generated. The figures are
printed at the end of the run.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from ..briefs import basic_project

SCALE = max(1, int(os.environ.get("BRIEFING_FAULT_SCALE", "1")))
FIGURES: Counter[str] = Counter()  # what the suite did, printed at the end


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a heavier part of the fault suite")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        figures = ", ".join(f"{name} {count}" for name, count in sorted(FIGURES.items()))
        terminalreporter.write_line(f"fault suite: {figures}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return basic_project(tmp_path / "brief")
