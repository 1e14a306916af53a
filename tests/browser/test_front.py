"""What a reader meets first and on every page: the verdict and the scorecard at the top of
the front page, a phone menu that opens, sidenotes beside their marks at every wide width,
footnotes whose labels stand beside them, a light page with no console error, and the
tags that a search engine or a link preview reads.

Screenshots land in tests/_screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

OpenPage = Callable[..., Any]
FRONT = "index.html"
PAGES = [
    FRONT,
    "brief/errata.html",
    "brief/comparison.html",
    "brief/facts.html",
    "brief/entities.html",
    "brief/sources/translation.html",
    "brief/references.html",
]
WEIGHT_LIMIT = 300 * 1024  # bytes a page costs with everything it loads
MARK_DISTANCE = 40  # px between a sidenote's top and its mark's


@pytest.fixture(scope="module")
def data(site: Path) -> dict[str, Any]:
    return json.loads((site / "briefing.json").read_text("utf-8"))  # type: ignore[no-any-return]


def test_the_verdict_and_the_scorecard_open_the_front_page(
    open_page: OpenPage, data: dict[str, Any], screenshots: Path
) -> None:
    page = open_page(FRONT, width=1280, height=900)
    verdict = page.locator("article p", has_text="more reliable version").first
    figure = page.locator("figure.brief-scorecard svg")
    assert verdict.bounding_box()["y"] + verdict.bounding_box()["height"] <= 900
    assert figure.bounding_box()["y"] + figure.bounding_box()["height"] <= 900
    text = " ".join(verdict.inner_text().split())
    for source in data["sources"]:
        if source["kind"] == "version":
            assert source["label"] in text and source["publisher"] in text
            assert source["file"] not in text  # versions are named, never by file
    # every count of a version's errors is the same number: its corrections marked wrong
    for source in (s for s in data["sources"] if s["kind"] == "version"):
        wrong = sum(1 for c in data["corrections"] if c["verdicts"].get(source["id"]) == "wrong")
        assert data["scorecard"][source["id"]]["total"]["wrong"] == wrong
    # the picture is one a screen reader can read, and it runs no script
    assert figure.get_attribute("role") == "img"
    described = page.evaluate(
        "(svg) => svg.getAttribute('aria-labelledby').split(' ')"
        ".map(id => document.getElementById(id).textContent).join(' ')",
        figure.element_handle(),
    )
    assert "right" in described and "wrong" in described and "not in its text" in described
    assert figure.locator("script").count() == 0
    page.screenshot(path=str(screenshots / "front-1280.png"))


def test_the_versions_pages_count_errors_as_the_scorecard_does(
    open_page: OpenPage, data: dict[str, Any]
) -> None:
    page = open_page("brief/sources/translation.html")
    wrong = data["scorecard"]["translation"]["total"]["wrong"]
    assert f"{wrong} errors" in page.locator("article").inner_text()
    listing = open_page("brief/sources/index.html").locator("table").inner_text()
    assert str(wrong) in listing and "000_" not in listing  # no file names for readers


@pytest.mark.parametrize("width", [375, 800])
def test_the_phone_menu_opens_and_leads_to_a_page(
    open_page: OpenPage, width: int, screenshots: Path
) -> None:
    page = open_page(FRONT, width=width, height=800, touch=True)
    menu = page.locator("details.brief-menu")
    if menu.is_visible():  # folded on a phone: a tap opens it, without any script
        link = menu.locator("a", has_text="Errata")
        assert not link.is_visible()
        menu.locator("summary").tap()
        link.wait_for(state="visible")
    else:  # room for the pages in a row
        link = page.locator("nav.brief-nav-wide a", has_text="Errata")
        assert link.is_visible()
    page.screenshot(path=str(screenshots / f"menu-{width}.png"))
    link.tap()
    page.wait_for_url("**/brief/errata.html")


def sidenote_geometry(page: Any) -> list[dict[str, float]]:
    return page.evaluate(  # type: ignore[no-any-return]
        """() => [...document.querySelectorAll('.brief-sidenote')].map(side => {
            const mark = side.previousElementSibling.getBoundingClientRect();
            const box = side.getBoundingClientRect();
            return {mark: mark.top + scrollY, top: box.top + scrollY, bottom: box.bottom + scrollY,
                    left: box.left, right: box.right, text: side.textContent.length,
                    full: side.scrollHeight <= side.clientHeight + 1};
        })"""
    )


@pytest.mark.parametrize("width", [1200, 1280, 1600, 1920])
def test_sidenotes_stand_beside_their_marks_without_overlap(
    open_page: OpenPage, width: int, screenshots: Path
) -> None:
    page = open_page(FRONT, width=width, height=1000)
    page.wait_for_timeout(200)  # the layout runs again once the fonts are ready
    notes = sidenote_geometry(page)
    assert len(notes) == page.locator("aside.footnote").count() > 0
    article = page.locator("article.brief-article").bounding_box()
    for note in notes:
        assert abs(note["top"] - note["mark"]) <= MARK_DISTANCE, note
        assert note["left"] >= article["x"] + article["width"] and note["right"] <= width
        assert note["full"]  # never cut short: the quote is all there
    for above, below in zip(notes, notes[1:], strict=False):
        assert above["bottom"] <= below["top"], (above, below)
    page.screenshot(path=str(screenshots / f"front-sidenotes-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [375, 1200, 1280, 1600, 1920])
def test_footnote_labels_stand_beside_their_notes(open_page: OpenPage, width: int) -> None:
    page = open_page(FRONT, width=width)
    offsets = page.evaluate(
        """() => [...document.querySelectorAll('aside.footnote')].map(note => {
            const label = note.querySelector('.label').getBoundingClientRect();
            const text = note.querySelector('p').getBoundingClientRect();
            return [label.top - text.top, label.right <= text.left + 1];
        })"""
    )
    assert offsets
    for offset, beside in offsets:
        assert abs(offset) <= 4 and beside


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_light_and_quiet(open_page: OpenPage, path: str) -> None:
    page = open_page(path)
    page.wait_for_load_state("networkidle")
    raw = sum(len(body) for body in page.weights.values())
    compressed = sum(len(gzip.compress(body)) for body in page.weights.values())
    print(
        f"\n{path}: {len(page.weights)} requests, {raw / 1024:.0f} KB"
        f" ({compressed / 1024:.0f} KB gzipped)"
    )
    assert raw < WEIGHT_LIMIT  # even served without compression
    assert not any(url.endswith((".woff", ".woff2", ".ttf")) for url in page.weights)
    assert page.console_errors == [] and page.js_errors == []


def test_pages_carry_a_description_and_open_graph_tags(
    open_page: OpenPage, data: dict[str, Any]
) -> None:
    page = open_page("brief/errata.html")

    def meta(selector: str) -> str:
        return page.locator(f"meta[{selector}]").get_attribute("content")  # type: ignore[no-any-return]

    summary = " ".join(data["brief"]["summary"].split())
    assert summary.startswith(meta('name="description"').removesuffix(" …"))
    assert meta('property="og:site_name"') == data["brief"]["title"]
    assert meta('property="og:title"').startswith("Errata")
    assert meta('property="og:type"') == "article"
    assert "_generated" not in page.url


def test_the_download_button_links_the_typeset_pdf(open_page: OpenPage) -> None:
    page = open_page("brief/errata.html")
    button = page.locator("a.brief-pdf")
    assert button.get_attribute("href") == "../brief.pdf"
    assert button.get_attribute("onclick") is None  # a link, not window.print()
    footer = page.locator("footer").inner_text()
    assert "Last updated" not in footer and "By " not in footer
    assert "29 May 2026" in footer  # the story's date
