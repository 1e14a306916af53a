"""``briefing new DIR``: a brief project that builds at once, from ``briefing/cli/scaffold/``.

Files ending in ``.jinja`` are rendered (the title goes into Python, YAML and MyST, each
escaped its own way); the others are copied. The fact file's schema is copied into the
project, so the ``yaml-language-server`` comment points at a path that stays put.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from briefing.render import myst

RENAMED = {"gitignore": ".gitignore"}  # dotfiles do not survive packaging as package data
SCHEMA = Path("schema") / "facts.schema.json"


class NotEmpty(Exception):
    """The target folder already holds files."""


def default_title(folder: Path) -> str:
    words = folder.resolve().name.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else "A new brief"


def create(folder: Path, title: str | None = None, author: str = "the editors") -> list[Path]:
    """Write the scaffold into ``folder`` (absent or empty); return the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NotEmpty(str(folder))
    today = dt.date.today()
    context = {
        "title": title or default_title(folder),
        "author": author,
        "year": str(today.year),
        "today": today.isoformat(),
    }
    env = SandboxedEnvironment(
        undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    env.filters.update(py=repr, yaml=lambda s: json.dumps(s, ensure_ascii=False), md=myst.escape)
    written = []
    for relative, item in _files(resources.files("briefing.cli") / "scaffold"):
        name = RENAMED.get(relative.name, relative.name)
        text = item.read_text("utf-8")
        if name.endswith(".jinja"):
            name = name.removesuffix(".jinja")
            text = env.from_string(text).render(context)
        written.append(_write(folder / relative.parent / name, text))
    schema = resources.files("briefing").joinpath("schema/facts.schema.json")
    written.append(_write(folder / SCHEMA, schema.read_text("utf-8")))
    return written


def _files(folder: Traversable, prefix: Path = Path()) -> list[tuple[Path, Traversable]]:
    found = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name == "__pycache__":
            continue
        if item.is_dir():
            found += _files(item, prefix / item.name)
        else:
            found.append((prefix / item.name, item))
    return found


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path
