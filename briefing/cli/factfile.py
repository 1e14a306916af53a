"""Edits of the editor's fact file that change nothing else: an entry added to a section,
one value set. Every other byte (comments, order, quoting, blank lines) stays as the editor
wrote it.

ruamel.yaml's round-trip parser says where each section and entry stands; the edit itself
is an insertion or a one-line replacement of the text, so what is kept is kept by
construction, and is checked after: the edited text, parsed, holds the new entry, and the
text without the inserted lines is the old text.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap


class EditError(Exception):
    """A fact file this module cannot edit safely, said to the editor."""


def _parse(text: str) -> CommentedMap:
    try:
        data = YAML(typ="rt").load(text)
    except Exception as error:  # ruamel's errors have no common base worth naming
        raise EditError(
            f"the fact file cannot be read ({type(error).__name__}); run "
            "`briefing check` and fix it first"
        ) from None
    if data is None:
        return CommentedMap()
    if not isinstance(data, CommentedMap):
        raise EditError("the fact file is not a mapping of sections")
    return data


def add_entry(text: str, section: str, key: str, entry: dict[str, Any]) -> str:
    """``text`` with ``key: entry`` added at the end of the top-level ``section``."""
    data = _parse(text)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if section not in data:
        edited = (
            "".join(lines)
            + ("\n" if lines and lines[-1].strip() else "")
            + f"{section}:\n"
            + _block(key, entry, 2)
        )
        _check(edited, section, key, entry)
        return edited
    children = data[section]
    line = data.lc.key(section)[0]
    if children is None or (isinstance(children, CommentedMap) and not children):
        # "section:" or "section: {}": the entries go under it, as a block.
        lines[line] = f"{section}:\n"
        edited = "".join(lines[: line + 1]) + _block(key, entry, 2) + "".join(lines[line + 1 :])
        _check(edited, section, key, entry)
        return edited
    if not isinstance(children, CommentedMap):
        raise EditError(f"`{section}:` is not a mapping of entries")
    if key in children:
        raise EditError(f"`{section}:` already has an entry {key!r}")
    keys = list(children)
    indent = children.lc.key(keys[0])[1]
    if indent == 0 or data.lc.key(section)[0] == children.lc.key(keys[0])[0]:
        raise EditError(f"`{section}:` is written in flow style; write it as a block")
    at = _end_of_section(data, section, lines)
    spaced = len(keys) > 1 and not lines[children.lc.key(keys[1])[0] - 1].strip()
    insert = ("\n" if spaced else "") + _block(key, entry, indent)
    edited = "".join(lines[:at]) + insert + "".join(lines[at:])
    _check(edited, section, key, entry)
    return edited


def set_value(text: str, section: str, key: str, field: str, value: str) -> str:
    """``text`` with ``section.key.field`` set to the plain scalar ``value``."""
    data = _parse(text)
    entry = data.get(section, {}).get(key) if isinstance(data.get(section), dict) else None
    if not isinstance(entry, CommentedMap):
        raise EditError(f"`{section}:` has no entry {key!r}")
    lines = text.splitlines(keepends=True)
    rendered = yaml.safe_dump({field: value}, allow_unicode=True, width=1000).strip()
    if field in entry:
        line, col = entry.lc.key(field)
        if entry.lc.value(field)[0] != line:
            raise EditError(f"{section}/{key}/{field} spans lines; edit it by hand")
        lines[line] = " " * col + rendered + "\n"
    else:
        first = list(entry)[0]
        line, col = entry.lc.key(first)
        if line == data[section].lc.key(key)[0]:
            raise EditError(f"{section}/{key} is written in flow style; write it as a block")
        last = _last_line(lines, line, col)
        lines.insert(last + 1, " " * col + rendered + "\n")
    return "".join(lines)


class _Indented(yaml.SafeDumper):
    """Lists indented under their key, as editors write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _block(key: str, entry: dict[str, Any], indent: int) -> str:
    body = yaml.dump(
        {key: entry}, Dumper=_Indented, allow_unicode=True, sort_keys=False, width=96, indent=2
    )
    return "".join(" " * indent + line + "\n" for line in body.splitlines())


def _end_of_section(data: CommentedMap, section: str, lines: list[str]) -> int:
    """The line index after the section's last entry (before the comments and blank lines
    that open the next section)."""
    keys = list(data)
    following = keys[keys.index(section) + 1 :]
    at = data.lc.key(following[0])[0] if following else len(lines)
    while at > 0 and (not lines[at - 1].strip() or lines[at - 1].startswith("#")):
        at -= 1
    return at


def _last_line(lines: list[str], first: int, indent: int) -> int:
    """The last line of the mapping whose keys stand at ``indent`` from line ``first``."""
    last = first
    for number in range(first + 1, len(lines)):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip(" ")) < indent:
            break
        last = number
    return last


def _check(edited: str, section: str, key: str, entry: dict[str, Any]) -> None:
    """The inserted lines read back as the entry (the rest is the old text, by slicing)."""
    parsed = yaml.safe_load(edited)
    if parsed.get(section, {}).get(key) != entry:
        raise EditError(f"the new entry {key!r} did not read back as written; nothing was changed")


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: a temporary file beside it, synced,
    then renamed over it."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(name, path.stat().st_mode & 0o777)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
