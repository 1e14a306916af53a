"""Write generated pages into the source folder, touching only what changed.

Sphinx decides what to re-read by modification time, so a page is rewritten only when
its text differs, and a page no longer produced is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MARKER = ".briefing-generated"  # names the folder as ours, so pruning never strays


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def write_pages(folder: Path, pages: dict[str, str]) -> WriteReport:
    report = WriteReport()
    marker = folder / MARKER
    if folder.exists() and any(folder.iterdir()) and not marker.exists():
        raise FileExistsError(
            f"{folder} holds files briefing did not write; choose another briefing_output"
        )
    folder.mkdir(parents=True, exist_ok=True)
    if not marker.exists():
        marker.touch()  # only once: a rebuild with nothing changed writes nothing
    for relative, text in sorted(pages.items()):
        path = folder / relative
        if path.is_file() and path.read_text("utf-8") == text:
            report.unchanged.append(relative)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(text, "utf-8")
        tmp.replace(path)
        report.written.append(relative)
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and path.name != MARKER and relative not in pages:
            path.unlink()
            report.removed.append(relative)
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return report
