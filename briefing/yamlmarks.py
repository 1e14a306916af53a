"""YAML loading that keeps each node's line and column and refuses duplicate keys.

Plain ``yaml.safe_load`` silently keeps the last of two equal keys and forgets where
every value came from; editors need both.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from briefing.problems import Code, Problem

Pointer = tuple[str | int, ...]
Marks = dict[Pointer, tuple[int, int]]

# Aliases let a few lines of YAML expand to billions of values ("billion laughs"); a fact
# file of thousands of entries stays far below this.
MAX_VALUES = 1_000_000
# The deepest a fact file needs is about six levels (sources → id → furniture → item);
# far below PyYAML's own limits (libyaml's flow depth, Python's recursion), so that this
# module's message, with its location, is the one an editor reads whoever would stop first.
MAX_DEPTH = 64

# libyaml's parser when PyYAML was built with it: five times faster, the same nodes and marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TooLarge(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class TooDeep(Exception):
    def __init__(self, line: int, col: int) -> None:
        self.line, self.col = line, col


def load_yaml(text: str, path: Path) -> tuple[Any, Marks, list[Problem]]:
    """Parse ``text``; return the data, a mark (line, col; 1-based) per value, and problems.

    A mark is kept for every mapping value and sequence item; for a mapping key the mark
    is stored under the pointer with a trailing ``"<key>"`` element.
    """
    loader = _Loader(text)
    problems: list[Problem] = []
    marks: Marks = {}
    try:
        node = loader.get_single_node()
        if node is None:
            return None, marks, problems
        data = _build(loader, node, (), marks, problems, path)
    except TooLarge as error:
        line, col = _mark(error.node)
        problems.append(
            Problem(
                path,
                line,
                col,
                f"the fact file expands to more than {MAX_VALUES:,} values",
                "aliases (*name) repeat what they name: use fewer of them",
                Code.YAML,
            )
        )
        return None, marks, problems
    except TooDeep as error:
        problems.append(_too_deep(path, error.line, error.col))
        return None, marks, problems
    except (yaml.YAMLError, RecursionError) as error:
        # Whoever stopped (PyYAML's nesting limit, Python's recursion, a syntax error found
        # deep inside), a document nested past MAX_DEPTH gets the nesting message.
        deep = _first_too_deep(text)
        if deep is not None:
            problems.append(_too_deep(path, *deep))
            return None, marks, problems
        if isinstance(error, RecursionError):
            raise
        problems.append(_malformed(error, path, text))
        return None, marks, problems
    finally:
        loader.dispose()
    return data, marks, problems


def _too_deep(path: Path, line: int, col: int) -> Problem:
    return Problem(
        path,
        line,
        col,
        f"the fact file nests too deeply (lists or mappings more than {MAX_DEPTH} "
        "levels inside each other)",
        "a fact file needs a few levels of indentation; look for a run of "
        "opening brackets or a runaway indentation here",
        Code.YAML,
    )


def _first_too_deep(text: str) -> tuple[int, int] | None:
    """Where the document first opens a collection deeper than MAX_DEPTH, if it does
    (read again event by event, only after loading failed, by PyYAML's Python parser:
    libyaml scans a run of brackets ahead and stops at its own limit before telling)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH and event.start_mark is not None:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None


def _malformed(error: yaml.YAMLError, path: Path, text: str = "") -> Problem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        lines = text.splitlines()
        if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
            tabbed = lines[mark.line]
            return Problem(
                path,
                mark.line + 1,
                tabbed.index("\t") + 1,
                "a tab character: YAML indents with spaces only",
                "replace the tab with spaces",
                Code.YAML,
            )
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = (error.problem or "malformed YAML").strip()
        context = f" ({error.context})" if error.context else ""
        return Problem(
            path,
            line,
            col,
            f"malformed YAML: {problem}{context}",
            "check indentation, colons and quotes on this line",
            Code.YAML,
        )
    return Problem(path, 0, 0, f"malformed YAML: {error}", "", Code.YAML)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    pointer: Pointer,
    marks: Marks,
    problems: list[Problem],
    path: Path,
) -> Any:
    marks[pointer] = _mark(node)
    if len(marks) > MAX_VALUES:
        raise TooLarge(node)
    if len(pointer) >= MAX_DEPTH and isinstance(node, yaml.CollectionNode):
        raise TooDeep(*_mark(node))  # the root is the first level
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = _plain(key)
            if not isinstance(key, str):
                key = str(key)
            if key in first_seen:
                line, col = _mark(key_node)
                seen_line = first_seen[key][0]
                problems.append(
                    Problem(
                        path,
                        line,
                        col,
                        f"duplicate key {key!r} (first defined on line {seen_line})",
                        "YAML keeps only one of them; rename or merge the two entries",
                        Code.DUPLICATE_KEY,
                    )
                )
                continue
            first_seen[key] = _mark(key_node)
            marks[(*pointer, key, "<key>")] = _mark(key_node)
            result[key] = _build(loader, value_node, (*pointer, key), marks, problems, path)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, item, (*pointer, index), marks, problems, path)
            for index, item in enumerate(node.value)
        ]
    return _plain(loader.construct_object(node, deep=True))


def _plain(value: Any) -> Any:
    """Dates become ISO strings: the fact file's schema speaks JSON."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def mark_for(marks: Marks, pointer: Pointer) -> tuple[int, int]:
    """The mark of ``pointer``, or of its nearest ancestor that has one."""
    for end in range(len(pointer), -1, -1):
        if pointer[:end] in marks:
            return marks[pointer[:end]]
    return (0, 0)


# Characters YAML refuses in a document (PyYAML's Reader.NON_PRINTABLE), and those an
# escape such as "\e" or "\ud83d" can still put into a string: controls and lone surrogates.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def unprintable(text: str, path: Path) -> list[Problem]:
    """Each character the YAML reader would stop on, located (the reader gives no line)."""
    problems = []
    for match in _NOT_YAML.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(
            Problem(
                path,
                line,
                col,
                f"control character U+{ord(match.group()):04X} in the fact file",
                "delete it; the fact file holds plain text",
                Code.YAML,
            )
        )
        if len(problems) == 5:
            break
    return problems


def control_strings(data: Any, marks: Marks, path: Path, pointer: Pointer = ()) -> list[Problem]:
    """Strings that YAML escapes (``\\e``, ``\\x00``, ``\\ud83d``) made unprintable."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in control_strings(v, marks, path, (*pointer, k))]
    if isinstance(data, list):
        return [
            p for i, v in enumerate(data) for p in control_strings(v, marks, path, (*pointer, i))
        ]
    found = NOT_TEXT.search(data) if isinstance(data, str) else None
    if found is None:
        return []
    where = "/".join(map(str, pointer))
    return [
        Problem(
            path,
            *mark_for(marks, pointer),
            f"{where}: the text holds control character U+{ord(found.group()):04X}",
            "remove the escape that produces it (\\e, \\x.., \\u....)",
            Code.SCHEMA,
        )
    ]
