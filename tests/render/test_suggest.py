"""`briefing suggest` and `briefing check --strict` on versions with planted errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing import cli, pipeline
from briefing.render import render_pages
from briefing.render.comparison import comparison

from ..conftest import FIXTURES, REPO

PLANTED = FIXTURES / "planted"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def planted_spans() -> list[tuple[dict[str, Any], int, int]]:
    """Each planted error with its span in its version (its text occurs once there)."""
    listed = yaml.safe_load((PLANTED / "planted.yaml").read_text("utf-8"))
    spans = []
    for error in listed["errors"]:
        text = (PLANTED / "seeds" / f"{error['version']}.txt").read_text("utf-8")
        words = error["found"]
        pattern = (
            (r"(?<!\w)" if words[0].isalnum() else "")
            + re.escape(words)
            + (r"(?!\w)" if words[-1].isalnum() else "")
        )
        found = [m.start() for m in re.finditer(pattern, text)]
        assert len(found) == 1, error
        spans.append((error, found[0], found[0] + len(error["found"])))
    return spans


def fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def test_suggest_finds_the_planted_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "suggest", "--json", "--project", str(PLANTED))
    assert status == 0
    items = json.loads(out)
    planted = planted_spans()
    found, named, right_kind = 0, 0, 0
    matched_items: set[int] = set()
    for error, start, end in planted:
        hits = [
            k
            for k, item in enumerate(items)
            if item["source"] == error["version"]
            and item["start"] <= end
            and start <= max(item["end"], item["start"] + 1)
        ]
        if not hits:
            continue
        found += 1
        matched_items.update(hits)
        item = items[hits[0]]
        if item["expected"] and fold(error["expected"]) in fold(item["expected"]):
            named += 1
        right_kind += item["kind"] == error["kind"]
    recall = found / len(planted)
    precision = len(matched_items) / len(items)
    assert recall >= 0.9, (recall, [e for e, *_ in planted])
    assert precision >= 0.8, [i for k, i in enumerate(items) if k not in matched_items]
    assert named == found  # the expected form is named for every error found
    assert right_kind / found >= 0.8
    for item in items:  # every item says where, what and why
        assert {"source", "anchor", "kind", "found", "expected"} <= item.keys()
        assert re.fullmatch(r"p\d+s\d+", item["anchor"])


def test_structural_changes_show_in_the_comparison() -> None:
    result = pipeline.check(PLANTED / "facts.yaml", PLANTED / "seeds")
    view = comparison(result.project, result.analysis)
    column = {v.id: n for n, v in enumerate(view.versions)}
    base = result.project.sources["base"].document
    assert base is not None
    listed = yaml.safe_load((PLANTED / "planted.yaml").read_text("utf-8"))["structure"]
    for change in listed:
        sentences = {
            s.anchor for s in base.sentences() if s.anchor.startswith(change["paragraph"] + "s")
        }
        rows = [
            r
            for r in result.analysis.alignment.rows
            if any(base.sentences()[i].anchor in sentences for i in r.cells.get("base", ()))
        ]
        assert rows, change
        for row in rows:
            number = result.analysis.alignment.rows.index(row) + 1
            shown = next(r for r in view.rows if r.number == number)
            assert shown.cells[column[change["version"]]].status == change["kind"], change


def test_pasted_suggestions_review_every_discrepancy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "planted"
    shutil.copytree(PLANTED, project)
    status, _, err = run(capsys, "check", "--strict", "--project", str(project))
    assert status == 1
    located = [line for line in err.splitlines() if "unreviewed" in line]
    assert len(located) >= 20
    assert all(
        re.match(r".*seeds/\w+\.txt:\d+:\d+: unreviewed \w+ discrepancy", line) for line in located
    )
    status, out, _ = run(capsys, "check", "--project", str(project))
    assert status == 0 and "not yet" in out
    _, suggestions, _ = run(capsys, "suggest", "--project", str(project))
    entries = yaml.safe_load(suggestions)
    assert entries["corrections"]
    facts = project / "facts.yaml"
    facts.write_text(facts.read_text("utf-8") + "\n" + suggestions, "utf-8")
    status, out, err = run(capsys, "check", "--strict", "--project", str(project))
    assert status == 0, err  # every quote checked, every discrepancy covered
    assert "reviewed" in out and "not yet" not in out


def test_a_new_version_needs_no_yaml(flagship: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = flagship / "seeds"
    text = (seeds / "001_105bc14e22c7bc08.txt").read_text("utf-8")
    for old, new in (
        ("Thomas Regnier", "Thomas Reignier"),
        ("roughly 70", "roughly 80"),
        ("the Wall Street Journal reported", "the New York Times reported"),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    (seeds / "third-copy.txt").write_text(text, "utf-8")
    status, out, _ = run(capsys, "suggest", "--json", "--project", str(flagship))
    assert status == 0
    mine = {(i["found"], i["expected"]) for i in json.loads(out) if i["source"] == "third-copy"}
    assert {
        ("Thomas Reignier", "Thomas Regnier"),
        ("roughly 80", "roughly 70"),
        ("New York Times", "Wall Street Journal"),
    } <= mine
    status, _, _ = run(capsys, "check", "--strict", "--project", str(flagship))
    assert status == 1
    result = pipeline.check(flagship / "docs" / "facts.yaml", seeds)
    page = render_pages(result.project, result.analysis)["comparison.md"]
    assert "brief-compare brief-compare-3" in page
    assert "{brief:source}`third-copy`" in page
    assert "[Thomas Reignier](brief-disc-third-copy-" in page


def test_the_flagship_reviews_every_discrepancy(capsys: pytest.CaptureFixture[str]) -> None:
    repo = REPO
    status, out, _ = run(capsys, "check", "--strict", "--project", str(repo))
    assert status == 0, out
    status, out, _ = run(capsys, "suggest", "--json", "--all", "--project", str(repo))
    items = json.loads(out)
    assert items and all(i["reviewed"] for i in items)
    assert {i["reviewed"]["id"] for i in items} >= {"regnier-name", "shared-priority"}


class Page(HTMLParser):
    """The comparison grid of a built page: rows of cells, with their marks and links."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[dict[str, Any]]] = []
        self.depth = 0
        self.cell: dict[str, Any] | None = None
        self.cell_depth = 0
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "div":
            self.depth += 1
            if "brief-compare-row" in classes:
                self.rows.append([])
            elif "brief-compare-cell" in classes:
                self.cell = {"classes": classes, "ins": 0, "del": 0, "links": []}
                self.cell_depth = self.depth
                self.rows[-1].append(self.cell)
        if self.cell is not None:
            self.cell["ins"] += "brief-ins" in classes
            self.cell["del"] += "brief-del" in classes
            if tag == "a" and "brief-discrepancy" in classes:
                self.cell["links"].append(found.get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            if self.cell is not None and self.depth == self.cell_depth:
                self.cell = None
            self.depth -= 1


def test_the_comparison_page_builds_side_by_side(flagship: Path, tmp_path: Path) -> None:
    seeds = flagship / "seeds"
    text = (seeds / "001_105bc14e22c7bc08.txt").read_text("utf-8")
    (seeds / "third-copy.txt").write_text(text.replace("roughly 70", "roughly 80"), "utf-8")
    out = tmp_path / "html"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-W",
            "--keep-going",
            "-c",
            str(flagship),
            str(flagship / "docs"),
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    page = Page()
    page.feed((out / "brief" / "comparison.html").read_text("utf-8"))
    assert page.rows and all(len(row) == 3 for row in page.rows)
    missing = [c for row in page.rows for c in row if "brief-compare-missing" in c["classes"]]
    assert missing  # the copies lack the re-translation's second half
    assert sum(c["ins"] for row in page.rows for c in row) > 10
    assert sum(c["del"] for row in page.rows for c in row) > 10
    links = [href for row in page.rows for c in row for href in c["links"]]
    assert any("errata.html#brief-disc-third-copy-" in href for href in links)
    assert any("errata.html#correction-" in href for href in links)
    errata = Page()
    errata.feed((out / "brief" / "errata.html").read_text("utf-8"))
    for href in links:
        if href.startswith("errata.html#"):
            assert href.split("#")[1] in errata.ids
    data = json.loads((out / "briefing.json").read_text("utf-8"))
    mine = [d for d in data["discrepancies"] if d["source"] == "third-copy"]
    assert [(d["found"], d["expected"], d["reviewed"]) for d in mine] == [
        ("roughly 80", "roughly 70", None)
    ]


def test_sphinx_warns_of_unreviewed_discrepancies_only_when_strict(tmp_path: Path) -> None:
    project = tmp_path / "planted"
    shutil.copytree(PLANTED, project)

    def build(*options: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-b",
                "html",
                "-q",
                "-W",
                *options,
                str(project),
                str(tmp_path / "out"),
            ],
            capture_output=True,
            text=True,
        )

    relaxed = build()
    assert relaxed.returncode == 0, relaxed.stderr
    assert "unreviewed" not in relaxed.stderr
    strict = build("-D", "briefing_strict=1")
    assert strict.returncode != 0
    warned = [line for line in strict.stderr.splitlines() if "unreviewed" in line]
    assert warned and re.search(r"seeds/\w+\.txt:\d+:\d+:.* unreviewed", warned[0])
