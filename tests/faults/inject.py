"""A write fault at the N-th write under a folder, in every Python process of a build:
the CLI and each Sphinx run. Installed as ``sitecustomize`` (see ``hooked``); it counts
in a shared file, so the N-th write of the build as a whole fails, wherever it is."""

from __future__ import annotations

import builtins
import errno
import fcntl
import io
import os

UNDER = os.environ["FAULT_UNDER"]
AT = int(os.environ.get("FAULT_AT", "0"))  # 0: count only
ERRNO = getattr(errno, os.environ.get("FAULT_ERRNO", "ENOSPC"))
COUNT = os.environ["FAULT_COUNT"]
HIT = os.environ["FAULT_HIT"]
_open, _io_open, _os_open = builtins.open, io.open, os.open
_mkdir, _rename, _replace = os.mkdir, os.rename, os.replace
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _tick(path: object) -> None:
    try:
        where = os.path.abspath(os.fsdecode(path))  # type: ignore[arg-type]
    except TypeError:
        return  # a file descriptor
    if not where.startswith(UNDER):
        return
    fd = _os_open(COUNT, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        n = int(os.pread(fd, 32, 0) or b"0") + 1
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(n).encode(), 0)
    finally:
        os.close(fd)
    if n == AT:
        with _open(HIT, "w") as hit:
            hit.write(where)
        raise OSError(ERRNO, os.strerror(ERRNO), where)


def _file_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
    if any(c in mode for c in "wax+"):
        _tick(file)
    return _open(file, mode, *args, **kwargs)


def _low_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
    if flags & WRITING:
        _tick(path)
    return _os_open(path, flags, *args, **kwargs)


def _make(path, *args, **kwargs):  # type: ignore[no-untyped-def]
    _tick(path)
    return _mkdir(path, *args, **kwargs)


def _move(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
    _tick(target)
    return _rename(source, target, *args, **kwargs)


def _move_over(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
    _tick(target)
    return _replace(source, target, *args, **kwargs)


builtins.open = io.open = _file_open  # type: ignore[assignment]
os.open, os.mkdir, os.rename, os.replace = _low_open, _make, _move, _move_over  # type: ignore[assignment]
