"""``python -m briefing.sphinx.run``: one Sphinx build, as ``briefing build`` and ``briefing
serve`` run it, ending in one or two lines of ours when it cannot finish.

sphinx-build answers a crash with a report of twenty lines and a traceback saved to a
file; an editor needs to know what happened and what to do. A full disk, a read-only
folder or a missing permission is said so, with the file; the brief's own problems are
already listed as warnings above; anything else is named, with the full traceback saved
for a bug report. Warnings still reach stderr (and the ``-w`` file) as Sphinx writes them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from sphinx.application import Sphinx
from sphinx.errors import ConfigError, ExtensionError
from sphinx.util import console
from sphinx.util.docutils import docutils_namespace, patch_docutils

from briefing.problems import os_error_message, printable, shorten

CRASHED = 2  # the exit status of a build that stopped, as sphinx-build's


class Tee:
    """Warnings to the terminal and to a file."""

    def __init__(self, *streams: IO[str]) -> None:
        self.streams = streams

    def write(self, text: str) -> None:
        for stream in self.streams:
            stream.write(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


def parser() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(prog="python -m briefing.sphinx.run")
    options.add_argument("source")
    options.add_argument("output")
    options.add_argument("-b", dest="builder", default="html")
    options.add_argument("-c", dest="confdir")
    options.add_argument("-d", dest="doctrees")
    options.add_argument("-j", dest="jobs", type=int, default=1)
    options.add_argument("-w", dest="warnings", type=Path)
    options.add_argument("-W", dest="strict", action="store_true")
    options.add_argument("-q", dest="quiet", action="store_true")
    options.add_argument("-v", dest="verbose", action="count", default=0)
    return options


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    doing = f"building the {'PDF' if args.builder == 'latex' else args.builder.upper()}"
    if args.warnings or not sys.stderr.isatty():
        console.nocolor()
    try:
        warnings_file = args.warnings.open("w", encoding="utf-8") if args.warnings else None
    except OSError as error:
        print(f"briefing: {os_error_message(error, doing)}", file=sys.stderr)
        return CRASHED
    warning: Any = Tee(sys.stderr, warnings_file) if warnings_file else sys.stderr
    try:
        with patch_docutils(args.confdir or args.source), docutils_namespace():
            app = Sphinx(
                args.source,
                args.confdir,
                args.output,
                args.doctrees or str(Path(args.output) / ".doctrees"),
                args.builder,
                status=None if args.quiet else sys.stdout,
                warning=warning,
                warningiserror=args.strict,
                parallel=args.jobs,
                verbosity=args.verbose,
            )
            app.build(False, [])
            return app.statuscode
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the one place a crash of Sphinx or an extension ends
        lines = explain(error, doing)
        if args.verbose:
            traceback.print_exception(error, file=warning)
        elif len(lines) == 1 and _is_unexpected(error):
            lines.append(_saved(error))
        for line in lines:
            print(line, file=warning)
        return CRASHED
    finally:
        if warnings_file is not None:
            warnings_file.close()


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error, then what it wraps (Sphinx wraps an extension's error in its own)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        inner = getattr(current, "orig_exc", None)
        current = (
            inner
            if isinstance(inner, BaseException)
            else (current.__cause__ or current.__context__)
        )


def explain(error: Exception, doing: str) -> list[str]:
    """One line saying what stopped the build and what to do."""
    for cause in _causes(error):
        if isinstance(cause, OSError) and cause.errno is not None:
            return [f"briefing: {os_error_message(cause, doing)}"]
        if isinstance(cause, MemoryError):
            return [f"briefing: out of memory while {doing}; close other programs and retry"]
    message = _first_line(error)
    if isinstance(error, ExtensionError) and message.startswith("briefing:"):
        return [message]  # the brief's own problems, listed above as warnings
    if isinstance(error, ConfigError):
        return [f"briefing: conf.py: {message}"]
    inner = getattr(error, "orig_exc", None)  # an extension's handler raised it
    if isinstance(inner, Exception):
        modname = getattr(error, "modname", None)
        where = f" (in {modname})" if modname else ""
        error, message = inner, f"{_first_line(inner)}{where}"
    return [f"briefing: Sphinx stopped while {doing}: {type(error).__name__}: {message}"]


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return printable(shorten(text.splitlines()[0])) if text else ""


def _is_unexpected(error: Exception) -> bool:
    return not any(
        isinstance(c, (OSError, MemoryError, ConfigError)) for c in _causes(error)
    ) and not (isinstance(error, ExtensionError) and str(error).startswith("briefing:"))


def _saved(error: Exception) -> str:
    """Where the full traceback was saved, for a bug report."""
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="briefing-crash-", suffix=".log", delete=False, encoding="utf-8"
        ) as log:
            traceback.print_exception(error, file=log)
    except OSError:
        return "briefing: run again with -v for the traceback"
    return f"briefing: the traceback is in {log.name} (run with -v to see it here)"


if __name__ == "__main__":
    sys.exit(main())
