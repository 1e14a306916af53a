"""Ids as the brief uses them: in anchors (``#fact-met-tuesday``) and in page names.

An anchor is made from an id as docutils makes every HTML id: lower case, each run of
other characters one hyphen, none at the ends. So ``met-tuesday``, ``met_tuesday`` and
``met-tuesday-`` make one anchor, and a link to one would open the other; a version's
page is ``sources/<id>``, so a version may not be called ``index``. Both are refused,
with both places, before anything is built.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.model import Project
from briefing.problems import Code, Problem

MAX_ID_LENGTH = 64  # a file name from an id must stay far below the system's 255 bytes
RESERVED_VERSION_IDS = frozenset({"index"})  # sources/index is the list of the sources
SECTIONS = {"sources": "source", "entities": "entity", "facts": "fact", "corrections": "correction"}

_NOT_IN_ANCHOR = re.compile(r"[^a-z0-9]+")


def anchor_key(identifier: str) -> str:
    """What remains of ``identifier`` in its anchor, after the kind's prefix."""
    return _NOT_IN_ANCHOR.sub("-", identifier.lower()).strip("-")


def check_ids(project: Project) -> list[Problem]:
    """Ids of one kind that share an anchor, and versions named as a generated page."""
    problems = []
    for section, singular in SECTIONS.items():
        first: dict[str, str] = {}
        for key in getattr(project, section):
            anchor = anchor_key(key)
            if anchor not in first:
                first[anchor] = key
                continue
            other = first[anchor]
            path, line, col = _where(project, section, key)
            other_path, other_line, _ = _where(project, section, other)
            seen = (
                f"line {other_line}"
                if other_line
                else f"{other_path.parent.name}/{other_path.name}"
            )
            problems.append(
                Problem(
                    path,
                    line,
                    col,
                    f"{singular} id {key!r} makes the same anchor as {other!r} ({seen}): "
                    f"#{singular}-{anchor}",
                    "links to one would open the other; rename one of them",
                    Code.ID_CLASH,
                )
            )
    for source in project.versions:
        if source.id in RESERVED_VERSION_IDS:
            problems.append(
                Problem(
                    *_where(project, "sources", source.id),
                    f"version id {source.id!r} is the name of a generated page "
                    f"(sources/{source.id})",
                    "rename the file, or declare it under sources with another id",
                    Code.ID_CLASH,
                )
            )
    return problems


def _where(project: Project, section: str, key: str) -> tuple[Path, int, int]:
    """The id's key in the fact file; for a version the fact file does not declare, its
    file in seeds/."""
    if section == "sources" and not project.sources[key].declared:
        return project.seeds_dir / (project.sources[key].file or key), 0, 0
    return project.facts_path, *project.mark((section, key, "<key>"))
