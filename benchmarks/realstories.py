"""The real stories of tests/fixtures/real/ (and, with ``heldout=True``, the held-out set):
their versions, and the furniture and discrepancies marked in them by reading.

Each story folder holds the versions as saved (``*.txt``), ``story.yaml`` (URLs, publishers,
dates, the reference and what each version derives from), ``furniture.tsv`` and
``annotations.tsv``; see tests/fixtures/real/README.md for how they were made and how the
tool is scored on them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"


@dataclass
class Story:
    name: str
    folder: Path
    meta: dict[str, Any]
    texts: dict[str, str]  # file -> text (LF line ends)
    furniture: list[dict[str, str]] = field(default_factory=list)
    annotations: list[dict[str, str]] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return str(self.meta["reference"])

    def site(self, file: str) -> str | None:
        for version in self.meta["versions"]:
            if version["file"] == file and version.get("url"):
                return urlsplit(version["url"]).netloc.removeprefix("www.")
        return None

    def version(self, file: str) -> dict[str, Any]:
        return next(v for v in self.meta["versions"] if v["file"] == file)


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def stories(heldout: bool = False) -> list[Story]:
    found = []
    for folder in sorted((HELDOUT if heldout else REAL).iterdir()):
        if not (folder / "story.yaml").is_file():
            continue
        meta = yaml.safe_load((folder / "story.yaml").read_text("utf-8"))
        texts = {
            v["file"]: (folder / v["file"]).read_text("utf-8").replace("\r\n", "\n")
            for v in meta["versions"]
        }
        found.append(
            Story(
                folder.name,
                folder,
                meta,
                texts,
                _rows(folder / "furniture.tsv"),
                _rows(folder / "annotations.tsv"),
            )
        )
    return found
