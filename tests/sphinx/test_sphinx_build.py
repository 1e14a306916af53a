"""Sphinx builds of small test roots: pages, domain, footnotes, data, warnings."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp


class Links(HTMLParser):
    """Collects ids, links and footnote references of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append((str(found["href"]), found))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text("utf-8"))
    return parser


@pytest.mark.sphinx("html", testroot="basic")
def test_basic_build_has_no_warnings(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    for page in (
        "brief",
        "errata",
        "comparison",
        "facts",
        "entities",
        "references",
        "sources/index",
        "sources/wire",
        "sources/rewrite",
    ):
        assert (out / "_generated" / f"{page}.html").is_file(), page


@pytest.mark.sphinx("html", testroot="basic")
def test_roles_resolve_to_declared_objects(app: SphinxTestApp) -> None:
    app.build()
    index = parse(Path(app.outdir) / "index.html")
    hrefs = {href for href, _ in index.links}
    assert "_generated/entities.html#entity-anna-kovacs" in hrefs
    assert "_generated/facts.html#fact-met-tuesday" in hrefs
    assert "_generated/sources/wire.html#para-wire-p1" in hrefs
    assert "Anna Kovacs" in "".join(index.text)  # an entity link shows its canonical name
    assert parse(Path(app.outdir) / "_generated/sources/wire.html").ids >= {
        "para-wire-p1",
        "para-wire-p2",
        "source-wire",
    }


@pytest.mark.sphinx("html", testroot="basic")
def test_findings_are_footnoted_to_the_exact_paragraph(app: SphinxTestApp) -> None:
    app.build()
    brief = parse(Path(app.outdir) / "_generated/brief.html")
    footnote_refs = [a for href, a in brief.links if "footnote-reference" in (a.get("class") or "")]
    assert len(footnote_refs) == 1  # one note per finding, holding each piece of its evidence
    hrefs = {href for href, _ in brief.links}
    assert "sources/wire.html#para-wire-p1" in hrefs
    assert "https://example.org/minutes" in hrefs
    text = " ".join("".join(brief.text).split())
    assert "“The city council met the Port Authority on Tuesday.”" in text


@pytest.mark.sphinx("html", testroot="basic")
def test_errata_mark_each_reading(app: SphinxTestApp) -> None:
    app.build()
    errata = (Path(app.outdir) / "_generated/errata.html").read_text("utf-8")
    assert '<span class="brief-wrong">Anna Kovach</span>' in errata
    assert '<span class="brief-right">Anna Kovacs</span>' in errata
    source = (Path(app.outdir) / "_generated/sources/rewrite.html").read_text("utf-8")
    assert 'href="../errata.html#correction-kovacs-name"' in source


@pytest.mark.sphinx("html", testroot="basic")
def test_briefing_json_agrees_with_the_versions(app: SphinxTestApp) -> None:
    app.build()
    data = json.loads((Path(app.outdir) / "briefing.json").read_text("utf-8"))
    assert {s["id"]: s.get("file") for s in data["sources"]} == {
        "wire": "wire.txt",
        "rewrite": "rewrite.txt",
        "gazette": None,
    }
    corrections = {c["id"]: c for c in data["corrections"]}
    assert corrections["kovacs-name"]["verdicts"] == {"wire": "right", "rewrite": "wrong"}
    assert corrections["kovacs-name"]["wrong"] == "Anna Kovach"
    assert data["scorecard"]["rewrite"]["name"] == {"right": 0, "wrong": 1}
    assert data["scorecard"]["wire"]["total"] == {"right": 2, "wrong": 0}
    assert [f["id"] for f in data["facts"]] == ["met-tuesday"]


@pytest.mark.sphinx("html", testroot="basic")
def test_unknown_id_in_a_role_is_a_located_warning(app: SphinxTestApp) -> None:
    index = Path(app.srcdir) / "index.md"
    index.write_text(index.read_text("utf-8") + "\nAlso {brief:fact}`met-tusday`.\n", "utf-8")
    app.build()
    warnings = app.warning.getvalue()
    assert re.search(
        r"index\.md:16:.* unknown fact id 'met-tusday'; did you mean "
        r"'met-tuesday'\?",
        warnings,
    ), warnings


@pytest.mark.sphinx(
    "html", testroot="basic", confoverrides={"suppress_warnings": ["briefing.reference"]}
)
def test_one_kind_of_warning_can_be_silenced(app: SphinxTestApp) -> None:
    index = Path(app.srcdir) / "index.md"
    index.write_text(index.read_text("utf-8") + "\nAlso {brief:fact}`met-tusday`.\n", "utf-8")
    app.build()
    assert "met-tusday" not in app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="basic")
def test_editing_a_correction_changes_errata_and_scorecard(
    app: SphinxTestApp, make_app, sphinx_test_tempdir
) -> None:
    app.build()
    facts = Path(app.srcdir) / "facts.yaml"
    facts.write_text(
        facts.read_text("utf-8").replace("    right: Anna Kovacs\n", "    right: Anna Kovacz\n"),
        "utf-8",
    )
    again = make_app("html", srcdir=app.srcdir)
    again.build()
    data = json.loads((Path(again.outdir) / "briefing.json").read_text("utf-8"))
    corrections = {c["id"]: c for c in data["corrections"]}
    assert corrections["kovacs-name"]["right"] == "Anna Kovacz"
    assert corrections["kovacs-name"]["verdicts"]["wire"] == "absent"
    assert data["scorecard"]["wire"]["name"] == {"right": 0, "wrong": 0}
    errata = (Path(again.outdir) / "_generated/errata.html").read_text("utf-8")
    assert "Anna Kovacz" in errata


def test_broken_fact_file_stops_the_build_with_its_location(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    import shutil
    from io import StringIO

    from sphinx.errors import ExtensionError

    srcdir = tmp_path / "basic"
    shutil.copytree(rootdir / "test-basic", srcdir)
    facts = srcdir / "facts.yaml"
    facts.write_text(facts.read_text("utf-8").replace("  summary: The", "  summary: [The"), "utf-8")
    warnings = StringIO()
    with pytest.raises(ExtensionError, match="stop the build"):
        make_app("html", srcdir=srcdir, warning=warnings)
    assert "facts.yaml:5:" in warnings.getvalue()
    assert "malformed YAML" in warnings.getvalue()
