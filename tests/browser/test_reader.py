"""The brief as a reader meets it in a browser: cards, footnotes, small screens, print, axe.

Screenshots land in tests/_screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AXE = Path(str(resources.files("axe_playwright_python") / "axe.min.js"))
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BRIEF = "index.html"  # the brief is the front page
ERRATA = "brief/errata.html"
COMPARISON = "brief/comparison.html"
SOURCE = "brief/sources/translation.html"
BADGES = {
    "verified": "✓ verified",
    "disputed": "⚠ disputed",
    "unverified": "? unverified",
    "false": "✗ false",
}
OpenPage = Callable[..., Any]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def data(site: Path) -> dict[str, Any]:
    """briefing.json of the built site: what the cards must say."""
    return json.loads((site / "briefing.json").read_text("utf-8"))  # type: ignore[no-any-return]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(  # type: ignore[no-any-return]
        """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags},
                                                     resultTypes: ["violations"]}))
             .violations.map(v => ({id: v.id, help: v.help,
                                    nodes: v.nodes.map(n => n.target.join(" "))}))""",
        WCAG_21_AA,
    )


def tab_to(page: Any, selector: str, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{limit} presses of Tab never reached {selector}")


def active_href(page: Any) -> str:
    return page.evaluate("document.activeElement.getAttribute('href')")  # type: ignore[no-any-return]


def fragment(href: str) -> str:
    return href.partition("#")[2]


# -- accessibility -----------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", [BRIEF, ERRATA, COMPARISON, SOURCE])
def test_no_wcag_21_aa_violations(open_page: OpenPage, path: str, width: int) -> None:
    page = open_page(path, width=width)
    assert axe_violations(page) == []
    assert page.js_errors == []


@pytest.mark.parametrize("path", [BRIEF, ERRATA, SOURCE])
def test_no_wcag_21_aa_violations_in_the_dark_theme(open_page: OpenPage, path: str) -> None:
    page = open_page(path, dark=True)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"  # the reader's dark setting is followed
    assert axe_violations(page) == []


def test_no_violations_with_a_card_open(open_page: OpenPage) -> None:
    page = open_page(BRIEF)
    tab_to(page, "a.brief-ref-fact")
    page.locator("#brief-card").wait_for(state="visible")
    assert axe_violations(page) == []


# -- hover cards ---------------------------------------------------------------------------


def test_keyboard_opens_a_fact_card_and_escape_dismisses_it(
    open_page: OpenPage, data: dict[str, Any], screenshots: Path
) -> None:
    page = open_page(BRIEF)
    card = page.locator("#brief-card")
    tab_to(page, "a.brief-ref-fact")
    href = active_href(page)
    fact = next(f for f in data["facts"] if f"fact-{f['id']}" == fragment(href))
    card.wait_for(state="visible")
    text = words(card.inner_text())
    assert words(fact["claim"]) in text
    assert BADGES[fact["status"]] in text
    assert "Read more: Fact register" in text
    assert card.get_attribute("role") == "tooltip"
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "brief-card"
    page.screenshot(path=str(screenshots / "brief-card-1280.png"))

    page.keyboard.press("Escape")
    card.wait_for(state="hidden")
    assert active_href(page) == href  # dismissed without moving focus
    page.wait_for_timeout(400)
    assert card.is_hidden()

    tab_to(page, "a.brief-ref-fact")  # the next fact shows its own card
    card.wait_for(state="visible")
    assert active_href(page) != href
    other = next(f for f in data["facts"] if f"fact-{f['id']}" == fragment(active_href(page)))
    assert words(other["claim"]) in words(card.inner_text())
    assert page.js_errors == []


def test_hover_card_can_be_hovered_and_dismissed(open_page: OpenPage, data: dict[str, Any]) -> None:
    page = open_page(ERRATA)
    card = page.locator("#brief-card")
    link = page.locator("a.brief-ref-entity").first
    entity = next(
        e for e in data["entities"] if f"entity-{e['id']}" == fragment(link.get_attribute("href"))
    )
    link.scroll_into_view_if_needed()
    link.hover()
    card.wait_for(state="visible")
    assert entity["name"] in card.inner_text() and words(entity["role"]) in words(card.inner_text())
    assert link.get_attribute("title") is None  # no native tooltip over the card

    box = card.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(700)
    assert card.is_visible()  # the pointer can rest on the card

    page.mouse.move(5, 5)
    card.wait_for(state="hidden")
    assert link.get_attribute("title")  # the link's own tooltip text is back

    link.hover()
    card.wait_for(state="visible")
    page.keyboard.press("Escape")  # dismissed without moving the pointer
    card.wait_for(state="hidden")
    page.mouse.move(*_inside(link), steps=2)
    page.wait_for_timeout(500)
    assert card.is_hidden()


def _inside(locator: Any) -> tuple[float, float]:
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2 + 1


def test_correction_card_on_a_source_page(
    open_page: OpenPage, data: dict[str, Any], screenshots: Path
) -> None:
    page = open_page(SOURCE)
    link = page.locator("a.brief-ref-correction").first
    correction = next(
        c
        for c in data["corrections"]
        if f"correction-{c['id']}" == fragment(link.get_attribute("href"))
    )
    link.scroll_into_view_if_needed()
    link.hover()
    card = page.locator("#brief-card")
    card.wait_for(state="visible")
    text = words(card.inner_text())
    assert f"should read “{correction['right']}”" in text
    assert "✗ wrong" in text  # each version's verdict, in words and symbols
    page.screenshot(path=str(screenshots / "source-card-1280.png"))


def test_tap_opens_cards_on_a_phone(
    open_page: OpenPage, data: dict[str, Any], screenshots: Path
) -> None:
    page = open_page(BRIEF, width=375, height=800, touch=True)
    card = page.locator("#brief-card")
    note_ref = page.locator("article a.footnote-reference").first
    note_id = fragment(note_ref.get_attribute("href"))
    note_text = words(page.locator(f"[id='{note_id}'] > p").first.inner_text())
    note_ref.scroll_into_view_if_needed()
    note_ref.tap()
    card.wait_for(state="visible")
    assert note_text in words(card.inner_text())
    assert card.get_attribute("role") == "dialog"
    assert page.evaluate("location.hash") == ""  # the tap opened the card, not the note
    page.locator(".brief-card-close").tap()
    card.wait_for(state="hidden")

    fact_ref = page.locator("a.brief-ref-fact").first
    fact_ref.scroll_into_view_if_needed()
    fact_ref.tap()
    card.wait_for(state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.screenshot(path=str(screenshots / "brief-card-375.png"))
    target = fragment(fact_ref.get_attribute("href"))
    fact_ref.tap()  # a second tap follows the link
    page.wait_for_url(re.compile(rf"facts\.html#{re.escape(target)}$"))


# -- footnotes -----------------------------------------------------------------------------


def test_footnote_reference_leads_to_its_note(open_page: OpenPage) -> None:
    page = open_page(BRIEF, width=375)
    ref = page.locator("article a.footnote-reference").first
    note_id = fragment(ref.get_attribute("href"))
    ref.scroll_into_view_if_needed()
    ref.click()
    page.wait_for_function("(id) => location.hash === '#' + id", arg=note_id)
    note = page.locator(f"[id='{note_id}']")
    box = note.bounding_box()
    assert note.is_visible() and 0 <= box["y"] < 800
    # and back: the note's backlink returns to the reference
    note.locator("a[role='doc-backlink']").click()
    page.wait_for_function("() => document.querySelector(location.hash) !== null")


def test_footnotes_become_sidenotes_on_wide_screens(open_page: OpenPage, screenshots: Path) -> None:
    page = open_page(BRIEF, width=1280)
    refs = page.locator("article a.footnote-reference")
    sides = page.locator(".brief-sidenote")
    assert sides.count() == refs.count() > 0
    ref, side = refs.first, sides.first
    note_id = fragment(ref.get_attribute("href"))
    original = page.locator(f"[id='{note_id}']")
    assert words(original.locator("p").first.inner_text()) in words(side.text_content())
    assert side.get_attribute("aria-hidden") == "true"
    assert side.locator("a").first.get_attribute("tabindex") == "-1"

    ref.scroll_into_view_if_needed()
    ref_box, side_box = ref.bounding_box(), side.bounding_box()
    article = page.locator("article.brief-article").bounding_box()
    assert side_box["x"] >= article["x"] + article["width"] - 32  # in the margin
    assert side_box["x"] + side_box["width"] <= 1280
    assert abs(side_box["y"] - ref_box["y"]) < 40  # beside its reference
    assert original.is_visible()  # the real notes stay at the end of the page
    # the page's own search (Ctrl-F) finds a note's words
    snippet = words(original.locator("p").first.inner_text())[-40:]
    assert page.evaluate("(s) => window.find(s)", snippet)
    page.screenshot(path=str(screenshots / "brief-sidenotes-1280.png"))

    narrow = open_page(BRIEF, width=1100)
    assert narrow.locator(".brief-sidenote").first.is_hidden()
    note_ref = narrow.locator("article a.footnote-reference").first
    note_ref.scroll_into_view_if_needed()
    note_ref.hover()  # below the breakpoint the note shows as a card
    narrow.locator("#brief-card").wait_for(state="visible")


# -- small screens, colour, print --------------------------------------------------------------


@pytest.mark.parametrize("path", [ERRATA, COMPARISON, BRIEF, SOURCE])
def test_readable_at_375_pixels(open_page: OpenPage, path: str, screenshots: Path) -> None:
    page = open_page(path, width=375, height=812)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    wide = page.evaluate("""() => [...document.querySelectorAll("article *")]
        .filter(e => e.getBoundingClientRect().right > innerWidth + 1
                     && !e.closest(".brief-table"))
        .map(e => e.tagName + "." + e.className)""")
    assert wide == []  # only tables may scroll, inside their own box
    name = Path(path).stem
    page.screenshot(path=str(screenshots / f"{name}-375.png"), full_page=name == "errata")


def test_differences_never_rely_on_colour_alone(open_page: OpenPage) -> None:
    page = open_page(ERRATA)
    verdicts = page.locator(".brief-verdict").all_text_contents()  # folded, still there
    assert verdicts and all(v.strip()[0] in "✓✗–" for v in verdicts)
    style = page.evaluate(
        """(sel) => { const s = getComputedStyle(document.querySelector(sel));
        return [s.textDecorationLine, s.textDecorationStyle]; }""",
        "span.brief-wrong",
    )
    assert style == ["underline", "wavy"]
    style = page.evaluate(
        """(sel) => { const s = getComputedStyle(document.querySelector(sel));
        return [s.textDecorationLine, s.textDecorationStyle]; }""",
        "span.brief-right",
    )
    assert style == ["underline", "solid"]


def test_print_stylesheet(open_page: OpenPage) -> None:
    page = open_page(BRIEF)
    tab_to(page, "a.brief-ref-fact")
    page.locator("#brief-card").wait_for(state="visible")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ["#brief-card", ".brief-sidenote"].map(
        s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none", "none"]
    assert page.locator("aside.footnote").first.is_visible()  # notes print at the end
    assert page.locator(".brief-masthead nav").first.is_hidden()
