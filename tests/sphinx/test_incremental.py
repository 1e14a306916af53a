"""Incremental builds: a rebuild with nothing changed reads and rewrites nothing; editing one
fact re-reads only the pages that show or cite it."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from ..conftest import ROOTS

ROOT = ROOTS / "test-basic"
FACT = "met-tuesday"
OLD_CLAIM = "claim: The council and the port authority met on Tuesday."
NEW_CLAIM = "claim: The council and the port authority met on a stormy Tuesday."

MakeApp = Callable[..., SphinxTestApp]


def state(folder: Path, pattern: str) -> dict[str, tuple[int, str]]:
    """Modification time and content hash of each file under ``folder``."""
    return {
        str(p.relative_to(folder)): (
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(folder.rglob(pattern))
        if p.is_file()
    }


class Build:
    """One build of the project, recording what Sphinx read and what changed on disk."""

    def __init__(self, make_app: MakeApp, project: Path) -> None:
        generated, html = project / "_generated", project / "_build" / "html"
        sources_before = state(generated, "*.md") if generated.exists() else {}
        pages_before = state(html, "*.html") if html.exists() else {}
        self.read: list[str] = []
        # The generator runs while the app starts (builder-inited), so take the
        # snapshot above before creating it.
        app = make_app("html", srcdir=project)
        app.connect("env-before-read-docs", lambda _app, _env, names: self.read.extend(names))
        try:
            app.build()
            self.warnings = app.warning.getvalue()
        finally:
            app.cleanup()  # lets the next build of this test register its nodes afresh
        sources_after = state(generated, "*.md")
        pages_after = state(html, "*.html")
        self.rewritten_sources = sorted(
            k for k, v in sources_after.items() if sources_before.get(k) != v
        )
        self.changed_pages = sorted(k for k, v in pages_after.items() if pages_before.get(k) != v)
        self.html = html


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "brief"
    shutil.copytree(ROOT, folder)
    return folder


def citing(project: Path, fact: str) -> set[str]:
    """Documents whose source names the fact: those that show it or cite it."""
    name = re.compile(rf"(?<![\w-]){re.escape(fact)}(?![\w-])")
    return {
        str(p.relative_to(project).with_suffix(""))
        for p in project.rglob("*.md")
        if "_build" not in p.parts and name.search(p.read_text("utf-8"))
    }


def test_rebuild_with_nothing_changed_reads_and_rewrites_nothing(
    make_app: MakeApp, project: Path
) -> None:
    first = Build(make_app, project)
    assert first.warnings == ""
    assert "_generated/facts" in first.read and "index" in first.read
    assert "facts.md" in first.rewritten_sources

    second = Build(make_app, project)
    assert second.warnings == ""
    assert second.read == []
    assert second.rewritten_sources == []
    # No document's page is written again (Sphinx's own genindex and search always are).
    assert [p for p in second.changed_pages if p not in ("genindex.html", "search.html")] == []


def test_editing_one_fact_rereads_only_the_pages_that_show_or_cite_it(
    make_app: MakeApp, project: Path
) -> None:
    Build(make_app, project)
    facts = project / "facts.yaml"
    text = facts.read_text("utf-8")
    assert OLD_CLAIM in text
    facts.write_text(text.replace(OLD_CLAIM, NEW_CLAIM), "utf-8")

    rebuild = Build(make_app, project)
    assert rebuild.warnings == ""
    assert "_generated/facts" in rebuild.read
    assert set(rebuild.read) <= citing(project, FACT)
    # The versions' pages, the errata and the entities do not name the fact.
    assert not {
        "_generated/errata",
        "_generated/entities",
        "_generated/sources/wire",
        "_generated/sources/rewrite",
    } & set(rebuild.read)
    assert rebuild.rewritten_sources == ["facts.md"]
    register = (rebuild.html / "_generated" / "facts.html").read_text("utf-8")
    assert "met on a stormy Tuesday" in register
    # The hand-written index cites the fact by its claim; it is written again, not re-read,
    # and shows the new claim.
    assert "index" not in rebuild.read
    assert "met on a stormy Tuesday" in (rebuild.html / "index.html").read_text("utf-8")


def test_a_page_citing_an_edited_fact_shows_its_new_claim(make_app: MakeApp, project: Path) -> None:
    (project / "other.md").write_text("# Other\n\nSee {brief:fact}`met-tuesday`.\n", "utf-8")
    index = project / "index.md"
    index.write_text(
        index.read_text("utf-8").replace("_generated/references", "_generated/references\nother"),
        "utf-8",
    )
    Build(make_app, project)
    facts = project / "facts.yaml"
    facts.write_text(facts.read_text("utf-8").replace(OLD_CLAIM, NEW_CLAIM), "utf-8")

    rebuild = Build(make_app, project)
    assert rebuild.warnings == ""
    assert "met on a stormy Tuesday" in (rebuild.html / "other.html").read_text("utf-8")
    assert "other" not in rebuild.read  # written again, not re-read
