"""The one path of the check: what it may do to the process that runs it."""

from __future__ import annotations

import gc

import pytest

from briefing import pipeline

from .conftest import ROOTS

BASIC = ROOTS / "test-basic"


@pytest.mark.parametrize("pause_gc", [False, True])
def test_the_check_leaves_the_cycle_collector_as_it_found_it(pause_gc: bool) -> None:
    # Asked to, the check runs without cycle collection; a host process's settings are
    # its own either way.
    def check() -> None:
        pipeline.check(BASIC / "facts.yaml", BASIC / "seeds", pause_gc=pause_gc)

    assert gc.isenabled()
    check()
    assert gc.isenabled()
    gc.disable()
    try:
        check()
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        check()
        # What the host froze stays frozen (some of it may have been freed meanwhile),
        # and nothing of the check's was added.
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
