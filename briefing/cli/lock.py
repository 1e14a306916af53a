"""One build of a project at a time: ``briefing build`` and each rebuild of ``briefing
serve`` hold an exclusive lock on ``_build/.lock``.

Two builds at once share the generated pages (``docs/_generated``), the staging folder
and the published site, and wrecked them: a site left with a few of its files, doctrees
gone, a build exiting 0 over it. The lock is the system's (``flock``): it is released
when its holder ends, however it ends, so a killed build never leaves a stale lock.
The file holds who has it, for the message of the one that waits.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOCK_NAME = ".lock"


class Busy(Exception):
    """Another build holds the lock and the caller would not wait."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def lock_path(project: Path) -> Path:
    return project / "_build" / LOCK_NAME


class BuildLock:
    """``with BuildLock(project, "`briefing build`", say=print):`` builds alone; ``who``
    names the holder in the message of a build that waits for it."""

    def __init__(
        self,
        project: Path,
        who: str,
        *,
        wait: bool = True,
        say: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.path = lock_path(project)
        self.who, self.wait, self.say = who, wait, say
        self.fd: int | None = None

    def __enter__(self) -> BuildLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _holder(fd)
                if not self.wait:
                    raise Busy(holder) from None
                self.say(f"{holder} is building this brief; waiting for it to finish")
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(
                fd, f"{self.who} (pid {os.getpid()}, since {time.strftime('%X')})".encode(), 0
            )
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock
            self.fd = None


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "another build"
