"""The hover cards' data that each page carries (no browser needed: parsed HTML only)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp


class CardPage(HTMLParser):
    """The page's card data and the fragments its brief references point at."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[str] = []
        self.fragments: set[str] = set()
        self._in = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("id") == "brief-cards":
            assert found.get("type") == "application/json"
            self._in = True
            self.cards.append("")
        classes = (found.get("class") or "").split()
        if tag == "a" and any(c.startswith("brief-ref-") for c in classes):
            self.fragments.add(str(found.get("href")).partition("#")[2])

    def handle_data(self, data: str) -> None:
        if self._in:
            self.cards[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._in = False if tag == "script" else self._in


def cards_of(app: SphinxTestApp, name: str) -> tuple[dict[str, Any], CardPage]:
    parsed = CardPage()
    parsed.feed((Path(app.outdir) / name).read_text("utf-8"))
    assert len(parsed.cards) == 1, f"{name}: {len(parsed.cards)} card scripts"
    return json.loads(parsed.cards[0]), parsed


@pytest.mark.sphinx("html", testroot="basic", srcdir="readers-cards")
def test_every_reference_on_a_page_has_its_card(app: SphinxTestApp) -> None:
    app.build()
    for name in (
        "index.html",
        "_generated/brief.html",
        "_generated/errata.html",
        "_generated/entities.html",
    ):
        cards, page = cards_of(app, name)
        assert page.fragments and set(cards) == page.fragments, name
        for card in cards.values():
            assert card["title"] and card["where"] and card["kind"]


@pytest.mark.sphinx("html", testroot="basic", srcdir="readers-cards")
def test_cards_say_status_role_verdicts_and_text(app: SphinxTestApp) -> None:
    app.build()
    cards, _ = cards_of(app, "index.html")
    fact = cards["fact-met-tuesday"]
    assert fact["title"] == "The council and the port authority met on Tuesday."
    assert (fact["status"], fact["badge"]) == ("verified", "✓ verified")
    assert fact["where"] == "Fact register"
    entity = cards["entity-anna-kovacs"]
    assert (entity["kind"], entity["title"], entity["text"]) == (
        "Person",
        "Anna Kovacs",
        "Chair of the port authority.",
    )
    assert "Also: Kovacs" in entity["details"]
    para = cards["para-wire-p1"]
    assert para["title"] == "Wire copy ¶1"
    assert para["text"].startswith("The city council met the Port Authority on Tuesday.")

    rewrite, _ = cards_of(app, "_generated/sources/rewrite.html")
    [correction] = [
        c for c in rewrite.values() if c["type"] == "correction" and "Anna Kovach" in c["title"]
    ]
    assert correction["title"] == "“Anna Kovach” should read “Anna Kovacs”"
    assert sorted(correction["details"]) == ["Rewrite: ✗ wrong", "Wire copy: ✓ right"]


@pytest.mark.sphinx("html", testroot="basic", srcdir="readers-cards")
def test_card_data_cannot_break_out_of_its_script(app: SphinxTestApp) -> None:
    app.build()
    html = (Path(app.outdir) / "index.html").read_text("utf-8")
    start = html.index('id="brief-cards">') + len('id="brief-cards">')
    body = html[start : html.index("</script>", start)]
    assert "<" not in body and ">" not in body  # escaped as \\u003c, \\u003e
    json.loads(body)
