"""Reading the inputs: a file's text, or a located problem saying why it has none.

Every input (the fact file, a version, an excerpt) is read here, read-only, as UTF-8; a
file that cannot be read, is UTF-16 or is not UTF-8 is a problem located at the bad byte.
"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import process

from briefing.problems import Code, Problem


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
) -> str | None:
    """The UTF-8 text of ``path``, or None with a problem located at the bad byte.

    ``origin`` is where the file is named (the fact file's line), used when the file
    itself cannot be opened.
    """
    where = origin or (path, 0, 0)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(
            Problem(*where, f"{what} not found: {path}", _closest_name(path), Code.MISSING_FILE)
        )
        return None
    except IsADirectoryError:
        problems.append(
            Problem(*where, f"{what} is a folder, not a file: {path}", "", Code.MISSING_FILE)
        )
        return None
    except OSError as error:
        problems.append(
            Problem(*where, f"cannot read {what} {path}: {error.strerror}", "", Code.MISSING_FILE)
        )
        return None
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
