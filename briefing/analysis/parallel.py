"""Two pieces of work at once, on machines with a second core.

The check's largest phases split into parts that need only what is already computed:
one part runs in a forked copy of this process while this process runs the other, and
its result comes back pickled. Forking shares the loaded brief without copying it (the
pages are copied only when written) and needs no pickling of the work itself.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

JOBS_VARIABLE = "BRIEFING_JOBS"  # read by the command line: "1", everything in one process
# Below this many sentences in all the versions, starting a second process costs more
# than it saves (the flagship's check, 2 versions: 45 ms in one process, 61 ms in two).
WORTH_IT = 2000


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def jobs_from_environment() -> int:
    """How many processes the command line lets the check use: ``BRIEFING_JOBS``, or two
    where a second core exists. (The analysis itself forks only when its caller asks.)"""
    asked = os.environ.get(JOBS_VARIABLE, "")
    if asked.isdigit() and int(asked) > 0:
        return int(asked)
    return min(2, _cores())


def available() -> bool:
    """Whether a second process can be had: fork exists, a second core does, and this
    process may have children."""
    return (
        _cores() > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def both(here: Callable[[], T], there: Callable[[], U], sentences: int, jobs: int) -> tuple[T, U]:
    """``here()`` and ``there()``, the second in a forked process when ``jobs`` allows
    it and that can help: ``sentences`` says how large the work is."""
    if jobs < 2 or sentences < WORTH_IT or not available():
        return here(), there()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(there, sender), daemon=True)
    child.start()
    sender.close()
    try:
        mine = here()
        try:
            ok, theirs = receiver.recv()
        except EOFError:  # the copy died without a word (killed, out of memory): do it here
            ok, theirs = True, there()
    except BaseException:  # an error here, or Ctrl-C: the copy's work is not wanted
        child.terminate()
        raise
    finally:
        receiver.close()
        child.join()
    if not ok:
        assert isinstance(theirs, BaseException)
        raise theirs
    return mine, theirs


def _run(work: Callable[[], object], sender: Connection) -> None:
    # Ctrl-C reaches the whole process group: the first process handles it and stops this one.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        result: tuple[bool, object] = (True, work())
    except BaseException as error:  # raised again in the parent, where it is reported
        result = (False, error)
    try:
        sender.send(result)
    except OSError:  # the parent stopped listening: it has stopped this work
        pass
    sender.close()
