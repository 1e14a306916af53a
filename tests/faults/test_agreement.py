"""`check` and a build agree, for whole fact files built from the schema with hostile
strings: both pass, or both refuse with a location; never a traceback.

The fact files are drawn by walking ``facts.schema.json`` itself (its types, required
and optional keys, enums, patterns, lengths, the ``if``/``then`` of a source's kind), so
a field the lead adds to the schema is generated too. What ties one part to another
(an id cited, a quote, a version's file, a correction's forms) is drawn from what the
brief holds most of the time and from hostile text the rest, so that about half the
files pass the check and the other half fail it in many ways.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from briefing.cli.commands import main
from briefing.validate import schema

from ..briefs import BASIC, CLI, assert_no_traceback
from .conftest import FIGURES, SCALE

SEEDS = {name: (BASIC / "seeds" / name).read_text("utf-8") for name in ("wire.txt", "rewrite.txt")}
EXCERPTS = {"minutes.txt": (BASIC / "minutes.txt").read_text("utf-8")}
WORDS = sorted({w.strip(".,") for text in SEEDS.values() for w in text.split() if len(w) > 3})
HOSTILE = [
    "<script>alert(1)</script>",
    "{{ 7*7 }} {% raw %}",
    "[x](javascript:alert(1))",
    "```{raw} html\n<b>x</b>\n```",
    "\\input{/etc/passwd} % # & $ _ ^ ~",
    ":::{note}\nnot a note\n:::",
    "שלום עולם مرحبا",
    "₽ ₿ ∀ ∈ ℏ ϰ ∅",
    "{brief:fact}`nothing`",
    "\u202eright-to-left\u202c",
    "x" * 300,
]
PAGES = ["brief", "errata", "comparison", "facts", "entities", "sources/index", "references"]
INDEX = "# Brief\n\n```{toctree}\n" + "".join(f"_generated/{p}\n" for p in PAGES) + "```\n"
CONF = 'extensions = ["myst_parser", "briefing"]\nbriefing_facts = "facts.yaml"\n'
CONF += 'briefing_seeds = "seeds"\nexclude_patterns = ["_build", "seeds"]\n'
CONF += 'myst_enable_extensions = ["attrs_inline", "colon_fence"]\n'
DEFS = schema()["$defs"]
SECTIONS = ("sources", "entities", "facts", "corrections", "accepted")


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        rest = {k: v for k, v in node.items() if k != "$ref"}
        node = {**DEFS[node["$ref"].removeprefix("#/$defs/")], **rest}
    return node


texts = st.one_of(
    st.sampled_from(WORDS).map(str.capitalize),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(" ".join),
    st.sampled_from(HOSTILE),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40),
)
# Ids as the schema's pattern allows them, and ones that used to pass the check and
# break the build: two that make one anchor, a generated page's name, a line break at
# the end, a name too long for a file.
id_strings = st.from_regex(r"\A[a-z0-9][a-z0-9_-]{0,20}\Z")
hostile_ids = st.one_of(
    id_strings,
    st.sampled_from(["met-tuesday", "met_tuesday", "met-tuesday-", "index", "v" * 250]),
    st.sampled_from(["met-tuesday\n", "x" * 65]),
)


def often(twentieths: int) -> st.SearchStrategy[bool]:
    """True ``twentieths`` times in twenty (integers lean to their bounds; a list does not)."""
    return st.sampled_from([True] * twentieths + [False] * (20 - twentieths))


def passages(draw: st.DrawFn, texts_: list[str], brief: Brief) -> str:
    """A piece of one of ``texts_`` (mostly a whole sentence), else hostile text."""
    if brief.sound(draw):
        sentences = [s.strip() for t in texts_ for s in re.split(r"(?<=\.)\s+", t) if s.strip()]
        sentence = draw(st.sampled_from(sentences))
        words = sentence.split()
        start = draw(st.integers(0, len(words) - 1))
        return " ".join(words[start : draw(st.integers(start + 1, len(words)))])
    return draw(texts)


class Brief:
    """What has been drawn so far, for the parts that refer to it. A clean brief's parts
    all hold together; another's fail one time in five, each."""

    def __init__(self, ids: dict[str, list[str]], clean: bool) -> None:
        self.ids, self.clean = ids, clean
        self.files = list(SEEDS)  # each version's own file, in a clean brief
        self.texts: dict[str, str] = {}  # each source's text, to quote from
        self.citing: str | None = None  # the source of the evidence being drawn

    def sound(self, draw: st.DrawFn) -> bool:
        return self.clean or draw(often(16))

    def known(self, draw: st.DrawFn, section: str) -> str:
        choices = self.ids[section]
        if section == "sources" and self.clean and self.texts:
            choices = sorted(self.texts)  # a source with a text, so that quotes hold
        if choices and self.sound(draw):
            return draw(st.sampled_from(choices))
        return draw(id_strings)

    def note_source(self, key: str, source: dict[str, Any]) -> None:
        if source.get("kind") == "version" and source.get("file") in SEEDS:
            self.texts[key] = SEEDS[source["file"]]
        elif source.get("kind") == "reference" and source.get("excerpt") in EXCERPTS:
            self.texts[key] = EXCERPTS[source["excerpt"]]


def instance(draw: st.DrawFn, node: dict[str, Any], path: tuple[str, ...], brief: Brief) -> Any:
    """A value of the schema ``node`` found at ``path`` in the fact file."""
    node = resolve(node)
    hook = _hooked(draw, path, brief)
    if hook is not None:
        return hook
    if "enum" in node:
        return draw(st.sampled_from(node["enum"]))
    if "oneOf" in node:
        return instance(draw, draw(st.sampled_from(node["oneOf"])), path, brief)
    kind = node.get("type")
    if isinstance(kind, list):  # a section that may be left empty ("sources:")
        kind = draw(st.sampled_from([k for k in kind if k != "null"] * 9 + ["null"]))
        if kind == "null":
            return None
    if kind == "object" and "propertyNames" in node:
        section = path[-1]
        found = {}
        for key in brief.ids[section]:
            found[key] = instance(draw, node["additionalProperties"], (*path, key), brief)
            if section == "sources":
                brief.note_source(key, found[key])
        return found
    if kind == "object":
        return _object(draw, node, path, brief)
    if kind == "array":
        size = draw(st.integers(node.get("minItems", 0), max(node.get("minItems", 0), 3)))
        return [instance(draw, node["items"], (*path, str(n)), brief) for n in range(size)]
    if kind == "boolean":
        return draw(st.booleans())
    if kind == "string":
        pattern = node.get("pattern", "")
        if "0-9]{4}" in pattern:
            return _mostly(draw, brief, ["2026-01-15", "2026-05-29"], ["15 January", "2026-1-5"])
        if "https?" in pattern:
            return _mostly(draw, brief, ["https://example.org/a?b=<c>"], ["javascript:alert(1)"])
        return draw(id_strings) if pattern else draw(texts)
    return draw(texts)


def _object(
    draw: st.DrawFn, node: dict[str, Any], path: tuple[str, ...], brief: Brief
) -> dict[str, Any]:
    properties = node.get("properties", {})
    required = list(node.get("required", []))
    chosen: dict[str, Any] = {}
    if "kind" in properties:  # first, for the if/then that depends on it
        chosen["kind"] = instance(draw, properties["kind"], (*path, "kind"), brief)
    for rule in [*node.get("allOf", []), *([node] if "if" in node else [])]:
        condition = rule.get("if", {}).get("properties", {}).get("kind", {})
        if "not" in condition:  # required unless the kind is this one
            holds = condition["not"].get("const") != chosen.get("kind")
        else:
            holds = condition.get("const") == chosen.get("kind")
        if holds:
            required += rule.get("then", {}).get("required", [])
    if brief.clean and chosen.get("kind") == "reference":
        required.append("excerpt")  # a quote from a reference is checked against it
    for key, value in properties.items():
        if key in chosen or (key not in required and not draw(st.booleans())):
            continue
        if brief.clean and key in ("sha256", "furniture", "story"):
            continue  # a clean brief leaves the hash to `add`, the lines to be found
        brief.citing = chosen.get("source")
        chosen[key] = instance(draw, value, (*path, key), brief)
    return chosen


def _hooked(draw: st.DrawFn, path: tuple[str, ...], brief: Brief) -> Any:
    """The parts that refer to others, drawn from what the brief holds."""
    if not path:
        return None
    last, parent = path[-1], (path[-2] if len(path) > 1 else "")
    if path[0] == "brief" and parent == "facts":
        return brief.known(draw, "facts")
    if last in ("source", "derived_from"):
        return brief.known(draw, "sources")
    if last == "entity" or (path[0] == "facts" and parent == "entities"):
        return brief.known(draw, "entities")
    if last == "file":
        if brief.clean and brief.files:
            return brief.files.pop(draw(st.integers(0, len(brief.files) - 1)))
        return _mostly(draw, brief, list(SEEDS), ["missing.txt", "../conf.py", "."])
    if last == "excerpt":
        return _mostly(draw, brief, ["minutes.txt"], ["nowhere.txt", "../../etc/passwd"])
    if last == "quote":
        cited = brief.texts.get(brief.citing or "")
        return passages(draw, [cited] if cited else [*SEEDS.values(), *EXCERPTS.values()], brief)
    if last in ("wrong", "right"):
        forms = [_form(draw, brief) for _ in range(draw(st.integers(1, 2)))]
        return forms[0] if len(forms) == 1 and draw(st.booleans()) else forms
    if parent == "forms":
        return _form(draw, brief)
    return None


def _mostly(draw: st.DrawFn, brief: Brief, good: list[str], bad: list[str]) -> str:
    return draw(st.sampled_from(good if brief.sound(draw) else bad))


def _form(draw: st.DrawFn, brief: Brief) -> str:
    return passages(draw, list(SEEDS.values()), brief).rstrip(".") or draw(texts)


@st.composite
def fact_files(draw: st.DrawFn) -> dict[str, Any]:
    clean = draw(often(10))
    keys = id_strings if clean else hostile_ids
    ids = {
        section: draw(st.lists(keys, min_size=1, max_size=3, unique=True)) for section in SECTIONS
    }
    brief = Brief(ids, clean)
    data = instance(draw, schema(), (), brief)
    for section in SECTIONS:
        if section in schema()["required"] or draw(often(16)):
            data.setdefault(
                section, instance(draw, schema()["properties"][section], (section,), brief)
            )
    return data  # type: ignore[no-any-return]


def check(project: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", "--project", str(project), "--source", "."])
    return code, err.getvalue()


def write_project(data: dict[str, Any], project: Path) -> Path:
    """A project of the two seeds, the excerpt and the drawn fact file."""
    (project / "seeds").mkdir(parents=True)
    for name, text in SEEDS.items():
        (project / "seeds" / name).write_text(text, "utf-8")
    (project / "minutes.txt").write_text(EXCERPTS["minutes.txt"], "utf-8")
    (project / "conf.py").write_text(CONF, "utf-8")
    (project / "index.md").write_text(INDEX, "utf-8")
    (project / "facts.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8"
    )
    return project


def test_the_drawn_fact_files_are_both_sound_and_broken(tmp_path: Path) -> None:
    """The agreement above means something only if some drawn files pass the check and
    others fail it (a schema change once left every one failing, unseen)."""
    passed: list[bool] = []

    @settings(
        max_examples=30,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=fact_files())
    def draw(data: dict[str, Any]) -> None:
        passed.append(check(write_project(data, tmp_path / f"drawn-{len(passed)}"))[0] == 0)

    draw()
    assert 0.1 <= sum(passed) / len(passed) <= 0.9, f"{sum(passed)} of {len(passed)} passed"


LOCATED = re.compile(r"^[^\s:]*[./][^\s:]*(:\d+){0,2}: ", re.MULTILINE)
COUNTER = iter(range(10**9))


@settings(
    max_examples=12 * SCALE,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: each example builds
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(data=fact_files())
def test_check_and_build_agree(data: dict[str, Any], tmp_path: Path) -> None:
    project = write_project(data, tmp_path / f"brief-{next(COUNTER)}")
    checked, said = check(project)
    build = subprocess.run(
        [*CLI, "build", "--no-pdf", "-q", "--source", "."],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    FIGURES["generated fact files"] += 1
    FIGURES["generated fact files the check passed"] += checked == 0
    assert_no_traceback(build)
    assert "Traceback" not in said
    assert (checked == 0) == (build.returncode == 0), (said[-2000:], build.stderr[-3000:])
    if checked:
        assert LOCATED.search(said), said[-2000:]
        assert LOCATED.search(build.stderr), build.stderr[-2000:]
