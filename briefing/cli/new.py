"""``briefing new DIR``: a brief project that builds at once, from ``briefing/cli/scaffold/``.

The project is ``common/`` plus either ``sample/`` (a short sample story, the default) or
``empty/`` (``--empty``: no story, for the editor's first seeds). Files ending in
``.jinja`` are rendered (the title goes into Python, YAML and MyST, each escaped its own
way); the others are copied. The fact file's schema is copied into the project, so the
``yaml-language-server`` comment points at a path that stays put.

``briefing remove-sample`` turns a sample project into an empty one, but only while the
sample's files are as ``new`` wrote them: an edited file is the editor's, and stays.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from briefing.render import myst

RENAMED = {
    "gitignore": ".gitignore",
    "gitkeep": ".gitkeep",
}  # dotfiles do not survive packaging as package data
SCHEMA = Path("schema") / "facts.schema.json"


class NotEmpty(Exception):
    """The target folder already holds files."""


def default_title(folder: Path) -> str:
    words = folder.resolve().name.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else "A new brief"


def create(
    folder: Path, title: str | None = None, author: str = "the editors", *, empty: bool = False
) -> list[Path]:
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
    files = _rendered("common", context) | _rendered("empty" if empty else "sample", context)
    written = [_write(folder / relative, text) for relative, text in files.items()]
    schema = resources.files("briefing").joinpath("schema/facts.schema.json")
    written.append(_write(folder / SCHEMA, schema.read_text("utf-8")))
    return written


class EditedSample(Exception):
    """The sample's files were edited: they are the editor's now."""

    def __init__(self, files: list[Path]) -> None:
        super().__init__(", ".join(map(str, files)))
        self.files = files


def remove_sample(folder: Path) -> tuple[list[Path], list[Path]]:
    """Replace the sample story of a project made by ``new`` with an empty record; return
    the files removed and written. Changes nothing, raising EditedSample, if any sample
    file differs from what ``new`` wrote for this title and date."""
    facts = folder / FACTS
    try:
        brief = yaml.safe_load(facts.read_text("utf-8"))["brief"]
        context = {"title": brief["title"], "today": brief["date"]}
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        raise EditedSample([facts]) from None
    sample = _rendered("sample", context)
    edited = [relative for relative, text in sample.items() if not _reads(folder / relative, text)]
    if edited:
        raise EditedSample(edited)
    empty = _rendered("empty", context)
    removed = []
    for relative in sample.keys() - empty.keys():
        (folder / relative).unlink()
        removed.append(folder / relative)
        _remove_if_empty((folder / relative).parent, folder)
    written = [_write(folder / relative, text) for relative, text in empty.items()]
    return removed, written


FACTS = Path("docs") / "facts.yaml"


def _rendered(part: str, context: dict[str, str]) -> dict[Path, str]:
    env = SandboxedEnvironment(
        undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    env.filters.update(py=repr, yaml=lambda s: json.dumps(s, ensure_ascii=False), md=myst.escape)
    files = {}
    for relative, item in _files(resources.files("briefing.cli") / "scaffold" / part):
        name = RENAMED.get(relative.name, relative.name)
        text = item.read_text("utf-8")
        if name.endswith(".jinja"):
            name = name.removesuffix(".jinja")
            text = env.from_string(text).render(context)
        files[relative.parent / name] = text
    return files


def _reads(path: Path, text: str) -> bool:
    try:
        return path.read_text("utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _remove_if_empty(folder: Path, top: Path) -> None:
    if folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


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


def command_new(args: argparse.Namespace) -> int:
    folder = args.folder.resolve()
    try:
        create(folder, args.title, empty=args.empty)
    except NotEmpty:
        print(
            f"briefing new: {args.folder} is not empty; choose a new or empty folder",
            file=sys.stderr,
        )
        return 1
    if args.empty:
        print(
            f"briefing new: an empty brief in {args.folder}; next: cd {args.folder}, put the "
            "versions of the story in seeds/ (or `briefing add PAGE.html`), then "
            "`briefing suggest` and `briefing review`"
        )
    else:
        print(
            f"briefing new: a brief in {args.folder}, with a sample story; next: cd "
            f"{args.folder}, then `briefing serve` to preview, `briefing build` to publish; "
            "`briefing remove-sample` clears the sample when you start your own"
        )
    return 0


def command_remove_sample(args: argparse.Namespace) -> int:
    try:
        removed, written = remove_sample(args.project)
    except EditedSample as edited:
        names = ", ".join(str(f) for f in edited.files)
        print(
            f"briefing remove-sample: {names} changed since `briefing new` wrote the sample; "
            "nothing removed (edit or delete the sample's files by hand)",
            file=sys.stderr,
        )
        return 1
    for file in removed:
        print(f"removed {file.relative_to(args.project)}")
    print(
        "briefing remove-sample: the sample story is gone; docs/facts.yaml is an empty record; "
        "put the versions of your story in seeds/"
    )
    return 0


def new_parsers(sub: Any) -> None:
    new = sub.add_parser("new", help="create a new brief project that builds at once")
    new.add_argument("folder", type=Path, help="a new or empty folder")
    new.add_argument("--title", help="the brief's title (default: from the folder's name)")
    new.add_argument(
        "--empty", action="store_true", help="no sample story: start from your own seeds"
    )
    new.set_defaults(run=command_new, project=Path("."))

    remove = sub.add_parser(
        "remove-sample", help="replace the sample story of a new brief with an empty record"
    )
    remove.add_argument(
        "--project",
        type=Path,
        default=Path("."),
        help="the brief project's folder, where conf.py is (default: .)",
    )
    remove.set_defaults(run=command_remove_sample)
