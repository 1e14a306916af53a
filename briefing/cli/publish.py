"""Publishing a build: the new HTML, its doctrees and the PDFs replace the old ones
together, or none of them does.

Each published path is first renamed aside (``html`` → ``html.old``), then each new one
renamed into place; renames within a folder are atomic, so a reader sees the old site
or the new one, never half of one. A journal (``.publishing``) lists the paths while this
runs: an error rolls back at once, and a build that was killed half-way is rolled back
by the next build (:func:`recover`) before it starts, so the HTML of one build is never
published beside the PDF of another.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

JOURNAL = ".publishing"


def _aside(path: Path) -> Path:
    return path.with_name(path.name + ".old")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def publish(out: Path, moves: list[tuple[Path, Path]]) -> None:
    """Move each ``(new, published)`` pair into place, all or none; ``out`` holds the
    journal. Raises the OSError that stopped it, with everything as it was."""
    journal = out / JOURNAL
    entries = [(published, published.exists()) for _, published in moves]
    _write_journal(journal, entries)
    try:
        for new, published in moves:
            published.parent.mkdir(parents=True, exist_ok=True)
            if published.exists():
                published.rename(_aside(published))
            new.rename(published)
    except BaseException:
        _roll_back(entries)
        journal.unlink(missing_ok=True)
        raise
    journal.unlink()  # the commit: from here on the new build is the published one
    for _, published in moves:
        try:
            _remove(_aside(published))
        except OSError:
            pass  # removed by the next build's recover()


def recover(out: Path) -> None:
    """Undo what an interrupted publication left: roll back one that had not committed,
    and remove the old copies of one that had."""
    journal = out / JOURNAL
    if journal.exists():
        try:
            entries = [(Path(p), bool(e)) for p, e in json.loads(journal.read_text("utf-8"))]
        except (OSError, ValueError, TypeError):
            entries = []
        _roll_back(entries)
        journal.unlink()
    for aside in sorted(out.glob("*.old")) + sorted(out.glob("pdf/*.old")):
        published = aside.with_name(aside.name.removesuffix(".old"))
        if published.exists():
            _remove(aside)
        else:  # stopped between the two renames, before there was a journal
            aside.rename(published)


def _roll_back(entries: list[tuple[Path, bool]]) -> None:
    """Each path as it was: ``existed`` says whether it had a published version."""
    for published, existed in reversed(entries):
        aside = _aside(published)
        if aside.exists():
            _remove(published)
            aside.rename(published)
        elif not existed:
            _remove(published)  # the new one, if it got there
        # else: not reached yet, the published version is still in place


def _write_journal(journal: Path, entries: list[tuple[Path, bool]]) -> None:
    tmp = journal.with_name(journal.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as stream:
        json.dump([[str(p), existed] for p, existed in entries], stream)
        stream.flush()
        os.fsync(stream.fileno())
    tmp.replace(journal)
