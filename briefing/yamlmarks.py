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
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from briefing.problems import Code, Problem

Pointer = tuple[str | int, ...]
Marks = dict[Pointer, tuple[int, int]]

# Aliases let a few lines of YAML expand to billions of values ("billion laughs"), and a
# few megabytes of "[a,a,a,..." compose to millions of nodes. Every node composed and
# every value and key built (an alias's each time it is used) is counted against this
# limit; the largest benchmark fact file (1,000 corrections) has about 30,000.
MAX_VALUES = 250_000
# The deepest a fact file needs is about six levels (sources → id → furniture → item);
# far below PyYAML's own limits (libyaml's flow depth, Python's recursion), so that this
# module's message, with its location, is the one an editor reads whoever would stop first.
MAX_DEPTH = 64

MAP, SEQ, MERGE = (f"tag:yaml.org,2002:{t}" for t in ("map", "seq", "merge"))
SCALAR_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null")} | {
    "tag:yaml.org,2002:timestamp"
}


class TooLarge(Exception):
    def __init__(self, line: int, col: int, expanded: bool = True) -> None:
        self.line, self.col, self.expanded = line, col, expanded


class TooDeep(Exception):
    def __init__(self, line: int, col: int) -> None:
        self.line, self.col = line, col


class _CountingComposer(Composer):
    """PyYAML's composer, counting the nodes it makes and how deep they nest, so that
    a document stops at the limits where it passes them, before it is all in memory."""

    def __init__(self) -> None:
        super().__init__()
        self.composed = 0
        self.depth = 0

    def peek_event(self) -> Any:
        raise NotImplementedError  # the parser's, in _Loader

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        self.composed += 1
        if self.composed > MAX_VALUES:
            raise TooLarge(*_event_mark(event), expanded=False)
        opens = isinstance(event, yaml.CollectionStartEvent)
        if opens:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise TooDeep(*_event_mark(event))
        try:
            return super().compose_node(parent, index)
        finally:
            if opens:
                self.depth -= 1


def _event_mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


# libyaml's parser when PyYAML was built with it (its events, our composer): several
# times faster than PyYAML's own, with the same events and marks.
_Parser: Any
try:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # PyYAML built without libyaml
    _Parser = yaml.SafeLoader


class _Loader(_CountingComposer, SafeConstructor, Resolver):
    """The composer and constructor of ``yaml.SafeLoader``, over a parser's events."""

    def __init__(self, text: str) -> None:
        self.parser = _Parser(text)
        _CountingComposer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    def check_event(self, *choices: Any) -> bool:
        return self.parser.check_event(*choices)  # type: ignore[no-any-return]

    def peek_event(self) -> Any:
        return self.parser.peek_event()

    def get_event(self) -> Any:
        return self.parser.get_event()

    def dispose(self) -> None:
        self.parser.dispose()


def load_yaml(text: str, path: Path) -> tuple[Any, Marks, list[Problem]]:
    """Parse ``text``; return the data, a mark (line, col; 1-based) per value, and problems.

    A mark is kept for every mapping value and sequence item; for a mapping key the mark
    is stored under the pointer with a trailing ``"<key>"`` element.
    """
    loader = _Loader(text)
    builder = _Builder(loader, path)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, builder.marks, builder.problems
        data = builder.build(node, ())
    except TooLarge as error:
        return None, builder.marks, [_too_large(path, error)]
    except TooDeep as error:
        return None, builder.marks, [_too_deep(path, error.line, error.col)]
    except (yaml.YAMLError, RecursionError) as error:
        # Whoever stopped (libyaml's nesting limit, Python's recursion, a syntax error
        # found deep inside), a document nested past MAX_DEPTH gets the nesting message.
        deep = _first_too_deep(text)
        if deep is not None:
            return None, builder.marks, [_too_deep(path, *deep)]
        if isinstance(error, RecursionError):
            raise
        return None, builder.marks, [_malformed(error, path, text)]
    finally:
        loader.dispose()
    return data, builder.marks, builder.problems


def _too_large(path: Path, error: TooLarge) -> Problem:
    if error.expanded:
        message = f"the fact file expands to more than {MAX_VALUES:,} values"
        hint = "aliases (*name) repeat what they name: use fewer of them"
    else:
        message = f"the fact file holds more than {MAX_VALUES:,} values"
        hint = "is it the right file? a brief of thousands of facts holds far fewer"
    return Problem(path, error.line, error.col, message, hint, Code.YAML)


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


class _Builder:
    """Plain data from composed nodes, with a mark for each value, every value and key
    counted (aliases each time they are used), duplicate keys and tags refused, and
    merge keys (``<<: *base``) read as YAML defines them: the mapping's own keys win."""

    def __init__(self, loader: Any, path: Path) -> None:
        self.loader, self.path = loader, path
        self.marks: Marks = {}
        self.problems: list[Problem] = []
        self.built = 0

    def count(self, node: yaml.Node) -> None:
        self.built += 1
        if self.built > MAX_VALUES:
            raise TooLarge(*_mark(node))

    def problem(self, node: yaml.Node, message: str, hint: str, code: Code = Code.YAML) -> None:
        found = Problem(self.path, *_mark(node), message, hint, code)
        if found not in self.problems:  # a merged mapping is built once per use
            self.problems.append(found)

    def build(self, node: yaml.Node, pointer: Pointer) -> Any:
        self.count(node)
        self.marks[pointer] = _mark(node)
        if len(pointer) >= MAX_DEPTH and isinstance(node, yaml.CollectionNode):
            raise TooDeep(*_mark(node))  # the root is the first level
        if isinstance(node, yaml.MappingNode):
            self.tagged(node, MAP)
            return self.mapping(node, pointer)
        if isinstance(node, yaml.SequenceNode):
            self.tagged(node, SEQ)
            return [self.build(item, (*pointer, n)) for n, item in enumerate(node.value)]
        if not self.tagged(node, *SCALAR_TAGS):
            return node.value
        return _plain(self.loader.construct_object(node, deep=True))

    def tagged(self, node: yaml.Node, *allowed: str) -> bool:
        """False, with a problem, for a tag other than the plain ones (``!!set``,
        ``!!python/object``, ``!custom``): plain loading would build other things."""
        if node.tag in allowed:
            return True
        self.problem(
            node,
            f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not read in a fact file",
            "remove it: a fact file holds plain text, lists and mappings",
        )
        return False

    def mapping(self, node: yaml.MappingNode, pointer: Pointer) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        own: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            self.count(key_node)
            if key_node.tag == MERGE:
                merged = {**self.merge(value_node, pointer), **merged}  # earlier ones win
                self.marks[pointer] = _mark(node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(
                    key_node,
                    "a key here is a list or a mapping",
                    "a key is a name or an id: plain text before the colon",
                )
                continue
            key = _plain(self.loader.construct_object(key_node, deep=True))
            key = key if isinstance(key, str) else str(key)
            if key in first_seen:
                self.problem(
                    key_node,
                    f"duplicate key {key!r} (first defined on line {first_seen[key][0]})",
                    "YAML keeps only one of them; rename or merge the two entries",
                    Code.DUPLICATE_KEY,
                )
                continue
            first_seen[key] = _mark(key_node)
            self.marks[(*pointer, key, "<key>")] = _mark(key_node)
            own[key] = self.build(value_node, (*pointer, key))
        return {**merged, **own}

    def merge(self, node: yaml.Node, pointer: Pointer) -> dict[str, Any]:
        """The keys ``<<`` brings in: from one mapping, or from a list of them (where an
        earlier mapping's key wins over a later one's)."""
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        found: dict[str, Any] = {}
        for source in reversed(sources):
            if not isinstance(source, yaml.MappingNode):
                self.problem(source, "<< merges mappings only", "name a mapping (*anchor)")
                continue
            found.update(self.mapping(source, pointer))
        return found


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
