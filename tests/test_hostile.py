"""Hostile and broken text in the versions and the fact file is shown as text, never as markup.

Versions are scraped web text and editors make mistakes. Whatever they hold (HTML and
scripts, MyST and reST syntax, Jinja2 tags, TeX specials, control, zero-width and
right-to-left characters, very long lines), the brief shows it as text in HTML and PDF,
builds without a warning, and loses none of it.

Three levels: property tests of the escaping (MyST parsed by docutils in-process, many
examples), of the generated pages (the core's templates, parsed with stand-ins for the
``brief`` domain), a few full Sphinx builds of generated inputs, and one fixed hostile
project built to HTML and PDF through the command line.
"""

from __future__ import annotations

import io
import json
import logging
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives, roles
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from myst_parser.parsers.docutils_ import Parser as MystParser
from sphinx.util.docutils import docutils_namespace

from briefing.analysis import analyse
from briefing.load import load_project
from briefing.problems import ProblemsFound
from briefing.render import render_pages
from briefing.render.myst import Myst, escape, marked

from .briefs import CLI, needs_tex

ROOT = Path(__file__).parent / "roots" / "test-basic"
EXAMPLES: Counter[str] = Counter()  # examples run per property, printed at the end


@pytest.fixture(scope="module", autouse=True)
def report_examples() -> Iterator[None]:
    yield
    if EXAMPLES:
        print("\nhypothesis examples run: " + ", ".join(f"{k} {v}" for k, v in EXAMPLES.items()))


# --- what the reader must see -------------------------------------------------------------

# Controls are shown as their Control Pictures (C0, DEL) or U+FFFD (C1, noncharacters);
# directional overrides and isolates are dropped; every run of white space is one space.
_PICTURES = {
    **{chr(c): chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n\v\f\r"},
    "\x7f": "\u2421",
    **{chr(c): "\ufffd" for c in range(0x80, 0xA0) if c != 0x85},
    **{chr(c): "\ufffd" for c in range(0xFDD0, 0xFDF0)},
    "\ufffe": "\ufffd",
    "\uffff": "\ufffd",
}
_DROPPED = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def shown(text: str) -> str:
    """The text a reader sees for ``text``."""
    kept = "".join(_PICTURES.get(c, c) for c in text if c not in _DROPPED)
    return " ".join(kept.split())


# --- generated input ----------------------------------------------------------------------

SNIPPETS = [
    "<script>alert(1)</script>",
    "<b onclick='PWNED()'>b</b>",
    "<img src=x onerror=PWNED()>",
    "<!-- c -->",
    "&amp;",
    "&#60;",
    "&lt;",
    "`",
    "``",
    "```",
    "```{raw} html",
    "$",
    "$$",
    "\\(",
    "{",
    "}",
    "{{ 7*7 }}",
    "{% if %}",
    "{# c #}",
    "[",
    "]",
    "](",
    ")",
    "[x](javascript:PWNED)",
    "<javascript:PWNED>",
    "[^1]",
    "[^n]: note",
    ":::",
    ":::{note}",
    "{eval-rst}",
    ".. raw:: html",
    ":ref:`x`",
    "{brief:fact}`met-tuesday`",
    "*",
    "**",
    "_",
    "~~",
    "#",
    "# ",
    "> ",
    "- ",
    "+ ",
    "1. ",
    "2)",
    "|",
    "---",
    "===",
    "\\",
    "%",
    "^",
    "~",
    "\\input{x}",
    "\\end{document}",
    "\r\n",
    "\n",
    "\r",
    "\t",
    "  ",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u2069",
    "\ufeff",
    "\x00",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u00a0",
    "\ufffe",
    "שלום",
    "مرحبا",
    "中文",
    "\U0001f600",
    "\U0001d400",
    "e\u0301",
    "A" * 40,
    "https://example.org/" + "a/" * 20,
    "Port Authority",
    "Anna Kovach",
]
piece = st.one_of(
    st.sampled_from(SNIPPETS), st.text(st.characters(exclude_categories=("Cs",)), max_size=10)
)
hostile_text = st.lists(piece, max_size=10).map("".join)
one_line = hostile_text.map(lambda s: re.sub(r"[\r\n\x85\u2028\u2029\v\f\x1c-\x1e]", " ", s))


def parse_myst(source: str) -> nodes.document:
    settings = {
        "myst_enable_extensions": ["attrs_inline", "colon_fence", "deflist"],
        "myst_all_links_external": True,
        "report_level": 2,
        "halt_level": 5,
        "warning_stream": io.StringIO(),
        "myst_suppress_warnings": [],
    }
    return publish_doctree(source, parser=MystParser(), settings_overrides=settings)


def node_types(document: nodes.Node) -> set[str]:
    return {type(n).__name__ for n in document.findall()}


# --- 1. the escaping, many examples -------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(text=hostile_text)
@example(text="<script>alert(1)</script> {{ 7*7 }} $x$ [a](javascript:b) \\end{document}")
def test_escaped_text_renders_as_exactly_itself(text: str) -> None:
    EXAMPLES["escape"] += 1
    document = parse_myst(escape(text))
    assert node_types(document) <= {"document", "paragraph", "Text"}
    assert document.astext() == shown(text)


@st.composite
def text_with_spans(
    draw: st.DrawFn,
) -> tuple[str, list[tuple[int, int, Myst | None, tuple[str, ...]]]]:
    text = draw(one_line)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True)))
    spans = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if shown(text[start:end]):  # a span that shows nothing is not drawn at all
            target = draw(st.sampled_from([None, Myst("https://example.org/c")]))
            spans.append((start, end, target, ("brief-wrong",)))
    return text, spans


@settings(max_examples=200, deadline=None)
@given(case=text_with_spans())
@example(
    case=(
        "Anna Kovach met the Port Commission",
        [(0, 11, None, ("brief-wrong",)), (20, 35, Myst("https://e.org/"), ())],
    )
)
def test_marked_text_renders_its_spans_and_every_character(
    case: tuple[str, list[tuple[int, int, Myst | None, tuple[str, ...]]]],
) -> None:
    EXAMPLES["marked"] += 1
    text, spans = case
    document = parse_myst(marked(text, spans))
    assert node_types(document) <= {"document", "paragraph", "Text", "reference", "inline"}
    assert document.astext() == shown(text)
    refs = [n["refuri"] for n in document.findall(nodes.reference)]
    assert refs == [str(t) for s, e, t, c in spans if t is not None]
    assert len(list(document.findall(nodes.inline))) == sum(1 for s in spans if s[2] is None)


# --- 2. the generated pages, in-process ---------------------------------------------------


class StandIn(Directive):
    """The ``brief`` domain's directives without Sphinx: a container of the parsed content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {
        "title": directives.unchanged,
        "summary": directives.unchanged,
        "class": directives.class_option,
        "maxdepth": directives.unchanged,
        "hidden": directives.flag,
        "caption": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        node = nodes.container(
            classes=["stand-in", self.name.replace(":", "-"), *self.options.get("class", [])]
        )
        node["title"] = self.options.get("title", "")
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def stand_in_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Any = None,
    content: Any = None,
) -> tuple[list[nodes.Node], list[Any]]:
    assert re.fullmatch(r"[^`]*", text), "a role's content is an id or a label, never input"
    return [nodes.inline(rawtext, text, classes=["stand-in-role"])], []


def parse_page(source: str) -> nodes.document:
    with docutils_namespace():
        for name in (
            "brief:source",
            "brief:para",
            "brief:fact",
            "brief:entity",
            "brief:correction",
            "brief-details",
            "brief-scorecard",
            "toctree",
            "only",
        ):
            directives.register_directive(name, StandIn)
        for name in (
            "brief:source",
            "brief:para",
            "brief:fact",
            "brief:entity",
            "brief:correction",
        ):
            roles.register_local_role(name, stand_in_role)
        return parse_myst(source)


def write_project(folder: Path, version: str, strings: dict[str, str]) -> None:
    """The small test brief with ``version`` as the wire copy and ``strings`` in its facts."""
    shutil.copytree(ROOT, folder)
    (folder / "seeds" / "wire.txt").write_text(
        "The city council met the Port Authority on Tuesday.\n" + version + "\n",
        "utf-8",
        newline="",
    )
    data = yaml.safe_load((ROOT / "facts.yaml").read_text("utf-8"))
    data["brief"]["title"] = strings["title"]
    data["brief"]["subtitle"] = strings["subtitle"]
    data["sources"]["wire"]["label"] = strings["label"]
    data["sources"]["wire"]["description"] = strings["description"]
    data["entities"]["port-authority"]["role"] = strings["role"]
    data["facts"]["met-tuesday"]["claim"] = strings["claim"]
    data["facts"]["met-tuesday"]["note"] = strings["note"]
    data["corrections"]["kovacs-name"]["note"] = strings["note"]
    data["entities"]["someone"] = {
        "name": strings["name"],
        "kind": "person",
        "role": strings["role"],
        "aliases": [strings["name"] + "s"],
    }
    data["facts"]["met-tuesday"]["entities"].append("someone")
    data["facts"]["met-tuesday"]["evidence"].append(
        {"source": "gazette", "quote": strings["quote"]}
    )
    (folder / "facts.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8"
    )


FIELDS = ["title", "subtitle", "label", "description", "role", "claim", "note", "name", "quote"]
# Fact-file text an editor can type: no control characters (those are refused with their
# line, see test_cli.py), and something to see.
_TYPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
typed_piece = st.one_of(
    st.sampled_from([s for s in SNIPPETS if not _TYPED.search(s)]),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=10),
)
typed_text = (
    st.lists(typed_piece, min_size=1, max_size=8)
    .map("".join)
    .map(lambda s: s if shown(s) else s + "x")
)
fact_strings = st.fixed_dictionaries({f: typed_text for f in FIELDS})


def assert_clear(error: ProblemsFound) -> None:
    """A refusal names the file (and a line for the fact file) and says what is wrong."""
    for problem in error.problems:
        assert problem.path.name in {"facts.yaml", "wire.txt", "seeds"}, problem
        assert problem.message
        if problem.path.name == "facts.yaml":
            assert problem.line > 0, problem


def para_texts(document: nodes.document) -> list[str]:
    return [n.astext() for n in document.findall(nodes.container) if "brief-para" in n["classes"]]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(version=hostile_text, strings=fact_strings)
def test_generated_pages_show_the_inputs_as_text(version: str, strings: dict[str, str]) -> None:
    EXAMPLES["pages"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "brief"
        write_project(folder, version, strings)
        try:
            project, _ = load_project(folder / "facts.yaml", folder / "seeds")
        except ProblemsFound as error:
            assert_clear(error)
            EXAMPLES["pages refused"] += 1
            return
        pages = render_pages(project, analyse(project))
    EXAMPLES["pages rendered"] += 1
    for name, source in pages.items():
        document = parse_page(source)
        errors = [m.astext() for m in document.findall(nodes.system_message) if m["level"] >= 2]
        assert not errors, (name, errors)
        assert "raw" not in node_types(document), name
        for ref in document.findall(nodes.reference):
            assert not ref.get("refuri", "").lower().startswith("javascript"), name
    wire = project.sources["wire"].document
    assert wire is not None
    paragraphs = para_texts(parse_page(pages["sources/wire.md"]))
    assert paragraphs == [f"¶{p.number} {shown(p.text)}".strip() for p in wire.paragraphs]
    brief = parse_page(pages["brief.md"]).astext()
    facts = parse_page(pages["facts.md"]).astext()
    entities = parse_page(pages["entities.md"]).astext()
    assert shown(strings["title"]) in " ".join(brief.split())
    assert shown(strings["claim"]) in " ".join(facts.split())
    assert shown(strings["note"]) in " ".join(facts.split())
    assert shown(strings["role"]) in " ".join(entities.split())
    assert shown(strings["name"]) in " ".join(entities.split())
    assert shown(strings["quote"]) in " ".join(facts.split())


# --- 3. full Sphinx builds of generated input, a handful ----------------------------------


class _Records(logging.Handler):
    """Sphinx's warnings as log records: their type, subtype and location, whatever words
    Sphinx's own formatter puts around them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def sphinx_build(folder: Path) -> tuple[Path, list[logging.LogRecord]]:
    from sphinx.application import Sphinx

    out = folder / "_build" / "html"
    records = _Records()
    with docutils_namespace():
        app = Sphinx(
            str(folder),
            str(folder),
            str(out),
            str(folder / "_build" / "doctrees"),
            "html",
            status=None,
            warning=io.StringIO(),
            freshenv=True,
        )
        logging.getLogger("sphinx").addHandler(records)
        try:
            app.build()
        finally:
            logging.getLogger("sphinx").removeHandler(records)
    return out, records.records


def injected(soup: BeautifulSoup) -> list[str]:
    """Elements and attributes in a page that input text could have produced."""
    found = []
    for tag in soup.find_all(True):
        assert isinstance(tag, Tag)
        if tag.name in {"img", "iframe", "object", "embed", "b"}:
            found.append(str(tag)[:80])
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") or (
                name in {"href", "src"} and text.strip().lower().startswith("javascript")
            ):
                found.append(f"{tag.name} {name}={text[:60]}")
            if "PWNED" in text and name not in {"title", "content", "aria-label"}:
                found.append(f"{tag.name} {name}={text[:60]}")
        if tag.name == "script":
            kind = tag.get("type", "")
            if tag.get("src"):
                continue
            if kind in ("application/json", "application/ld+json"):
                json.loads(tag.string or "null")  # data, and well-formed
            elif "PWNED" in (tag.string or "") or "alert(" in (tag.string or ""):
                found.append(f"script: {(tag.string or '')[:60]}")
    return found


# Each example is a whole Sphinx build: a few, and no shrinking (the example is printed).
@settings(
    max_examples=3,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(version=hostile_text, strings=fact_strings)
@example(
    version="<script>alert(1)</script> {{ 7*7 }} `x` $y$ [a](javascript:PWNED) \x1b "
    "\u202eevil\u202c \\end{document} " + "B" * 300,
    strings={
        "title": "<img src=x onerror=PWNED()>",
        "subtitle": "**x** {eval-rst}",
        "label": "Wire <b>copy</b> \U0001f600",
        "description": ":::{note} d",
        "role": "{{ config }} $$m$$",
        "claim": "[c](javascript:PWNED) <script>",
        "note": "[^1] \\ % # & ~",
        "name": "<b>Eve</b> {{ e }}",
        "quote": "met on Tuesday with the Port Authority",
    },
)
# A marked name glued to the next character ("Anna Kovach[") is shown glued.
@example(
    version="Anna Kovach[x]{eval-rst}",
    strings={
        "title": "&amp;",
        "subtitle": "s",
        "label": "l",
        "description": "$",
        "role": "r",
        "claim": "^",
        "note": "n",
        "name": "中文[^1]",
        "quote": "q",
    },
)
def test_sphinx_builds_show_the_inputs_as_text(version: str, strings: dict[str, str]) -> None:
    EXAMPLES["sphinx"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "brief"
        write_project(folder, version, strings)
        try:
            project, problems = load_project(folder / "facts.yaml", folder / "seeds")
        except ProblemsFound as error:
            assert_clear(error)
            return
        out, warnings = sphinx_build(folder)
        EXAMPLES["sphinx built"] += 1
        # The only warnings allowed are the check's own, each located in an input file.
        assert all(getattr(w, "type", None) == "briefing" for w in warnings), [
            w.getMessage() for w in warnings
        ]
        assert all(
            re.match(r"^\S*(facts\.yaml|wire\.txt)(:\d+)*$", str(w.location)) for w in warnings
        ), [w.location for w in warnings]
        for page in sorted(out.rglob("*.html")):
            soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
            assert not injected(soup), (page.name, injected(soup))
        wire = BeautifulSoup(
            (out / "_generated" / "sources" / "wire.html").read_text("utf-8"), "html.parser"
        )
        # (Joined as the page shows them: a marked name is an element of its own.)
        shown_paras = [
            " ".join(div.get_text().split()) for div in wire.select("div.brief-paragraph")
        ]
        document = project.sources["wire"].document
        assert document is not None
        assert [" ".join(t.split()) for t in shown_paras] == [
            " ".join(f"¶{p.number} {shown(p.text)}".split()) for p in document.paragraphs
        ]


# --- 4. a fixed hostile project, through the command line, to HTML and PDF ----------------

HOSTILE_LINES = [
    "The city council met the Port Authority on Tuesday.",
    "<script>alert('PWNED')</script> and <b onclick=\"PWNED()\">bold</b> <!-- c --> &amp; &lt;",
    "```{raw} html",
    "<img src=x onerror=PWNED()> <iframe src=javascript:PWNED></iframe>",
    "```",
    ".. raw:: html",
    "{eval-rst}`x` :ref:`y` {math}`a^2` {brief:fact}`met-tuesday` :::{note} hi",
    "{{ 7*7 }} {% for x in y %}{% endfor %} {# c #} {{ config.__class__ }}",
    "`code` ``double`` $x^2$ $$y$$ \\(z\\) \\[w\\]",
    "[click](javascript:PWNED(1)) [^1] [^note]: a footnote? <javascript:PWNED> ![i](x.png)",
    "# heading? 1. list - item * star > quote | table | --- ===",
    "A" * 3000,
    "https://example.org/" + "very-long-path/" * 30 + "end",
    "zero\u200bwidth\u200cjoin\u200d rtl \u202eoverride\u202c \u2067isolate\u2069 "
    "mark\u200f Hebrew שלום Arabic مرحبا",
    "TeX: \\ % # & $ _ ^ ~ { } \\input{/etc/passwd} \\def\\x{} \\\\ \\end{document}",
    "nul\x00here esc\x1b[31mred del\x7fx bell\x07 c1\x9bx nonchar\ufffex",
    "emoji \U0001f600 cjk 中文 math \U0001d400 combining e\u0301 greek αβγ "
    "devanagari नमस्ते thai สวัสดี cyrillic inside a word: Pаypal",
    "中" * 200,
    "Anna Kovach said: \"quotes\" 'single' -- --- ... (c)",
]
HOSTILE_STRINGS = {
    "title": "<script>PWNED()</script> Harbour {{ 7*7 }} $x$ `t` [^1]",
    "subtitle": ":::{note} \\ % # & ~ ^ _ { } \u202eright-to-left",
    "label": "Wire <i>copy</i> \U0001f600 \\textbf{x}",
    "description": "```{raw} html``` .. raw:: html <img src=x onerror=PWNED()>",
    "role": "{{ config }} {% raw %} $$m$$ [r](javascript:PWNED)",
    "claim": "The council met <b onclick='PWNED()'>on</b> Tuesday {eval-rst} % 100 #1",
    "note": "[^1]: not a footnote; ~~not struck~~ **not bold** \\input{x}",
    "name": "<b>Eve</b> {{ name }} $E$ \\textit{E} 🙂",
    "quote": "met on Tuesday with the Port Authority",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "brief"
    write_project(folder, "", HOSTILE_STRINGS)
    # The whole version: a byte-order mark, CRLF line ends, and a quote the fact file cites.
    (folder / "seeds" / "wire.txt").write_bytes(
        ("\ufeff" + "\r\n".join(HOSTILE_LINES) + "\r\n").encode("utf-8")
    )
    facts = yaml.safe_load((folder / "facts.yaml").read_text("utf-8"))
    facts["facts"]["met-tuesday"]["evidence"].append({"source": "wire", "quote": HOSTILE_LINES[1]})
    (folder / "facts.yaml").write_text(
        yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), "utf-8"
    )
    with (folder / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            '\nproject = "Harbour"\nauthor = "Desk"\nlatex_engine = "xelatex"\n'
            'latex_theme = "howto"\nlatex_use_xindy = False\n'
            'latex_documents = [("index", "brief.tex", project, author, "howto")]\n'
            'latex_elements = {"fontpkg": "\\\\setmainfont{TeX Gyre Pagella}\\n'
            '\\\\setmonofont{FreeMono}\\n", "printindex": ""}\n'
        )
    return folder


def test_hostile_inputs_pass_the_check_and_build_without_a_warning(hostile: Path) -> None:
    before = {p: p.read_bytes() for p in [hostile / "facts.yaml", hostile / "seeds" / "wire.txt"]}
    result = subprocess.run(
        [*CLI, "build", "--no-pdf", "--source", "."],
        cwd=hostile,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr  # strict: a single warning would fail it
    assert result.stderr == ""
    assert before == {p: p.read_bytes() for p in before}


def test_hostile_html_is_text_everywhere(hostile: Path) -> None:
    out = hostile / "_build" / "html"
    if not (out / "index.html").exists():
        test_hostile_inputs_pass_the_check_and_build_without_a_warning(hostile)
    for page in sorted(out.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert not injected(soup), (page.name, injected(soup))
    wire = BeautifulSoup((out / "_generated/sources/wire.html").read_text("utf-8"), "html.parser")
    paragraphs = [" ".join(div.get_text(" ").split()) for div in wire.select("div.brief-paragraph")]
    furniture = " ".join(
        " ".join(div.get_text(" ").split()) for div in wire.select("div.brief-furniture")
    )
    # Every line is on the page as text: a story paragraph, numbered in turn, or a line set
    # apart as furniture (hostile lines are mostly no sentences).
    story = [line for line in HOSTILE_LINES if " ".join(shown(line).split()) not in furniture]
    assert paragraphs == [
        " ".join(f"¶{n} {shown(line)}".split()) for n, line in enumerate(story, 1)
    ]
    assert story and len(story) < len(HOSTILE_LINES)
    assert wire.select_one("h1").get_text().startswith(shown(HOSTILE_STRINGS["label"]))
    pages = {
        name: " ".join(
            BeautifulSoup((out / "_generated" / f"{name}.html").read_text("utf-8"), "html.parser")
            .get_text(" ")
            .split()
        )
        for name in ("brief", "facts", "entities", "sources/index")
    }
    assert shown(HOSTILE_STRINGS["title"]) in pages["brief"]
    assert shown(HOSTILE_STRINGS["subtitle"]) in pages["brief"]
    assert shown(HOSTILE_STRINGS["claim"]) in pages["facts"]
    assert shown(HOSTILE_STRINGS["note"]) in pages["facts"]
    assert shown(HOSTILE_LINES[1]) in pages["facts"]  # the quote, in its footnote
    assert shown(HOSTILE_STRINGS["role"]) in pages["entities"]
    assert shown(HOSTILE_STRINGS["description"]) in pages["sources/index"] + " ".join(
        wire.get_text(" ").split()
    )
    data = json.loads((out / "briefing.json").read_text("utf-8"))
    assert data["facts"][0]["claim"] == HOSTILE_STRINGS["claim"]


def squash(text: str) -> str:
    """PDF text without line breaks, spaces, hyphens, invisible format characters."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(
        c
        for c in folded
        if not c.isspace() and c not in "-\u00ad" and unicodedata.category(c) != "Cf"
    )


def off_the_page(pdf: Path, tolerance: float = 20.0) -> list[str]:
    """Words whose box ends past the page's right edge less the margin's best part (read
    from the PDF's text layer, as a reader sees the page, not from TeX's log)."""
    from bs4 import BeautifulSoup as Soup

    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    soup = Soup(boxes, "html.parser")
    past = []
    for page in soup.find_all("page"):
        width = float(page["width"])
        for word in page.find_all("word"):
            if float(word["xmax"]) > width - 72 + tolerance:  # an inch of margin at least
                past.append(f"{word.get_text()} ({float(word['xmax']):.0f} of {width:.0f})")
    return past


@pytest.mark.pdf
@needs_tex
def test_hostile_pdf_builds_and_keeps_every_character(hostile: Path) -> None:
    """Every character is in the PDF's text, or named as [U+XXXX] when no font draws it
    (and in a warning, which makes a strict build fail: this one is not strict)."""
    result = subprocess.run(
        [*CLI, "build", "--no-html", "--no-strict", "--source", "."],
        cwd=hostile,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"\.md:\d+: WARNING: no font of the PDF has U\+1F642", result.stderr)
    pdf_path = hostile / "_build" / "pdf" / "brief.pdf"
    assert not off_the_page(pdf_path), "a long line runs off the page"
    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout

    # A paragraph that runs over a page break has the page's number in its way: on a line
    # of its own, or, where a full page's last line stands level with it, at that line's end.
    def without_number(n: int, page: str) -> str:
        lines = [line for line in page.splitlines() if line.strip() not in ("", str(n))]
        if lines and lines[-1].rstrip().endswith(str(n)) and page.rstrip().endswith(str(n)):
            lines[-1] = lines[-1].rstrip()[: -len(str(n))]
        return "\n".join(lines)

    pdf = squash("\n".join(without_number(n, page) for n, page in enumerate(text.split("\f"), 1)))
    named = set(re.findall(r"\[U\+([0-9A-F]{4,6})\]", pdf))
    assert "1F642" in named, "🙂 has no font in a standard TeX Live install: it is named"

    def in_pdf(value: str) -> str:
        return "".join(
            f"[U+{ord(c):04X}]" if f"{ord(c):04X}" in named else c for c in squash(shown(value))
        )

    for line in HOSTILE_LINES:
        assert in_pdf(line) in pdf, line[:60]
    for value in HOSTILE_STRINGS.values():
        assert in_pdf(value) in pdf, value


@settings(max_examples=100, deadline=None)
@given(run=st.text(st.characters(exclude_categories=("Cs", "Zs", "Cc")), min_size=30, max_size=400))
def test_long_runs_are_cut_without_losing_a_character(run: str) -> None:
    from briefing.sphinx.latextext import break_points

    EXAMPLES["long runs"] += 1
    pieces = break_points(run)
    assert "".join(pieces) == run
    assert all(0 < len(p) <= 12 for p in pieces)
