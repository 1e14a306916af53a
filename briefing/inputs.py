"""Reading the inputs: a file's text, or a located problem saying why it has none.

Every input (the fact file, a version, an excerpt) is read here, read-only, as UTF-8; a
file that cannot be read, is UTF-16 or is not UTF-8 is a problem located at the bad byte.
Only regular files are read (a named pipe would block the check for ever, a device
would never end), and none larger than a brief can need.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import process

from briefing.problems import Code, Problem

MB = 1024 * 1024
# A news story is tens of kilobytes and a fact file of a thousand corrections a few
# hundred; these leave a hundred times that, and keep the check's memory bounded.
LIMITS = {"fact file": 8 * MB, "version": 4 * MB, "excerpt": 4 * MB}
DEFAULT_LIMIT = 4 * MB

_KINDS = [
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
]


class InputError(Exception):
    """Why a file gives no bytes: a message, a hint and the problem's code."""

    def __init__(self, message: str, hint: str = "", code: Code = Code.MISSING_FILE) -> None:
        super().__init__(message)
        self.message, self.hint, self.code = message, hint, code


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is ("a folder", "a socket"), else None."""
    return next((name for test, name in _KINDS if test(mode)), None)


def size_text(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB / 10 else f"{size:,} bytes"


def read_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or InputError.

    Opened without blocking, so a named pipe is seen for what it is rather than waited
    on; the size is checked before reading, and again by reading one byte past it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"not found: {path}", _closest_name(path)) from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket cannot be opened at all
            raise InputError(f"is a socket, not a file: {path}", "name a text file") from None
        raise InputError(f"cannot be read: {path}: {error.strerror}") from None
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise InputError(f"is {kind}, not a file: {path}", "name a text file")
        if info.st_size > limit:
            raise InputError(*_too_large(path, info.st_size, limit))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise InputError(f"cannot be read: {path}: {error.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(*_too_large(path, len(data), limit))
    return data


def _too_large(path: Path, size: int, limit: int) -> tuple[str, str, Code]:
    return (
        f"is {size_text(size)}, more than the {limit // MB} MB an input may hold: {path}",
        "is it the right file? a story or a fact file is far smaller",
        Code.TOO_LARGE,
    )


Reader = Callable[[Path, int], bytes]


def _closest_name(path: Path) -> str:
    """A "did you mean" from the files beside where the file should be."""
    try:
        names = sorted(p.name for p in path.parent.iterdir() if p.is_file())
    except OSError:
        names = []
    match = process.extractOne(path.name, names, score_cutoff=60) if names else None
    if match:
        return f"did you mean {match[0]!r}?"
    return "check the file name and folder"


def read_text(
    path: Path,
    problems: list[Problem],
    *,
    what: str = "file",
    origin: tuple[Path, int, int] | None = None,
    read: Reader = read_file,
) -> str | None:
    """The UTF-8 text of ``path``, or None with a problem located at the bad byte.

    ``origin`` is where the file is named (the fact file's line), used when the file
    itself cannot be opened; ``read`` gives the bytes (a snapshot's, when there is one)."""
    where = origin or (path, 0, 0)
    try:
        data = read(path, LIMITS.get(what, DEFAULT_LIMIT))
    except InputError as error:
        problems.append(Problem(*where, f"{what} {error.message}", error.hint, error.code))
        return None
    return decode(data, path, what, problems)


def decode(data: bytes, path: Path, what: str, problems: list[Problem]) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(
            Problem(
                path,
                1,
                1,
                f"{what} is UTF-16, not UTF-8",
                "re-save it as UTF-8 (iconv -f utf-16 -t utf-8)",
                Code.ENCODING,
            )
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start : error.start + 1].hex()
        problems.append(
            Problem(
                path,
                line,
                col,
                f"{what} is not UTF-8 (byte 0x{byte})",
                "re-save it as UTF-8 (iconv -f cp1252 -t utf-8, say)",
                Code.ENCODING,
            )
        )
        return None


def inside(path: Path, folder: Path) -> bool:
    """True when ``path``, links followed, stays within ``folder``."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
