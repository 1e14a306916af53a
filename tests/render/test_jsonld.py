"""schema.org JSON-LD: the mapping from the core data, and the script tags in built pages."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import pytest
from sphinx.testing.util import SphinxTestApp

from briefing import pipeline
from briefing.render.jsonld import BEST_RATING, WORST_RATING, page_graph, script_json

from ..conftest import ROOTS

ROOT = ROOTS / "test-basic"

# The schema.org properties this mapping may use, per type (from schema.org's definitions of
# these types and their parents): a misspelt or invented property fails here.
THING = {"@type", "@id", "name", "url", "description"}
CREATIVE_WORK = THING | {
    "author",
    "publisher",
    "datePublished",
    "citation",
    "correction",
    "about",
    "text",
}
ALLOWED = {
    "ClaimReview": CREATIVE_WORK | {"claimReviewed", "reviewRating", "itemReviewed"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance"},
    "Rating": THING | {"ratingValue", "bestRating", "worstRating", "alternateName"},
    "CreativeWork": CREATIVE_WORK,
    "CorrectionComment": CREATIVE_WORK,
    "Organization": THING,
    "Person": THING,
    "Thing": THING,
}
REQUIRED = {
    "ClaimReview": {"@type", "url", "claimReviewed", "reviewRating", "author", "itemReviewed"},
    "Rating": {"ratingValue", "bestRating", "worstRating", "alternateName"},
    "Claim": {"@type", "text"},
    "CorrectionComment": {"@type", "@id", "url", "text"},
}

MORE_FACTS = """
  plan-cost:
    claim: The plan costs 12 million euros (as a {status} claim).
    status: "{status}"
    evidence:
      - source: wire
        quote: The plan costs 12 million euros.
"""


def check_node(node: Any) -> None:
    """Every typed node uses only its type's properties and has the required ones."""
    if isinstance(node, list):
        for item in node:
            check_node(item)
        return
    if not isinstance(node, dict):
        return
    if "@type" in node:
        kind = node["@type"]
        assert kind in ALLOWED, f"unexpected type {kind}"
        assert set(node) <= ALLOWED[kind], f"{kind}: {set(node) - ALLOWED[kind]}"
        assert REQUIRED.get(kind, set()) <= set(node), f"{kind} lacks {REQUIRED[kind] - set(node)}"
    for value in node.values():
        check_node(value)


def project_with(tmp_path: Path, statuses: list[str]) -> pipeline.Result:
    """The basic test project plus one fact per status given."""
    shutil.copytree(ROOT, tmp_path / "p")
    facts = tmp_path / "p" / "facts.yaml"
    text = facts.read_text("utf-8")
    extra = "".join(MORE_FACTS.replace("plan-cost", f"plan-{s}").format(status=s) for s in statuses)
    facts.write_text(text.replace("\ncorrections:", extra.rstrip("\n") + "\ncorrections:"), "utf-8")
    return pipeline.check(facts, tmp_path / "p" / "seeds")


def locate(objtype: str, name: str) -> str:
    return f"https://brief.example/{objtype}.html#{objtype}-{name}"


def test_rating_scale_orders_the_statuses(tmp_path: Path) -> None:
    statuses = ["disputed", "unverified", "false"]
    result = project_with(tmp_path, statuses)
    graph = page_graph(result.project, result.analysis, result.project.facts, [], locate, "Desk")
    assert graph is not None
    check_node(graph)
    ratings = {n["claimReviewed"]: n["reviewRating"] for n in graph["@graph"]}
    by_status = {f.status: ratings[f.claim] for f in result.project.facts.values()}
    assert set(by_status) == {"verified", *statuses}
    values = [by_status[s]["ratingValue"] for s in ("verified", "disputed", "unverified", "false")]
    assert values == sorted(values, reverse=True) and len(set(values)) == 4
    assert values[0] == BEST_RATING and values[-1] == WORST_RATING
    for status, rating in by_status.items():
        assert rating["alternateName"] == status.capitalize()
        assert rating["bestRating"] == BEST_RATING and rating["worstRating"] == WORST_RATING


def test_claim_review_names_claim_appearance_and_evidence(tmp_path: Path) -> None:
    result = project_with(tmp_path, [])
    graph = page_graph(result.project, result.analysis, ["met-tuesday"], [], locate, "Desk")
    assert graph is not None and graph["@context"] == "https://schema.org"
    [review] = graph["@graph"]
    assert review["@type"] == "ClaimReview"
    assert review["url"] == review["@id"] == locate("fact", "met-tuesday")
    assert review["claimReviewed"] == result.project.facts["met-tuesday"].claim
    assert review["author"] == {"@type": "Organization", "name": "Desk"}
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert [w["@id"] for w in claim["appearance"]] == [locate("source", "wire")]
    assert [w["url"] for w in review["citation"]] == ["https://example.org/minutes"]


def test_corrections_attach_to_the_versions_that_print_them(tmp_path: Path) -> None:
    result = project_with(tmp_path, [])
    graph = page_graph(
        result.project, result.analysis, [], result.project.corrections, locate, "Desk"
    )
    assert graph is not None
    check_node(graph)
    comments = {n["@id"]: n for n in graph["@graph"] if n["@type"] == "CorrectionComment"}
    works = {n["@id"]: n for n in graph["@graph"] if n["@type"] == "CreativeWork"}
    assert set(comments) == {locate("correction", c) for c in result.project.corrections}
    assert (
        comments[locate("correction", "kovacs-name")]["text"]
        == "“Anna Kovach” should read “Anna Kovacs”."
    )
    # The rewrite prints both wrong forms; the wire copy none, so it carries no correction.
    assert set(works) == {locate("source", "rewrite")}
    assert {ref["@id"] for ref in works[locate("source", "rewrite")]["correction"]} == set(comments)


def test_a_page_without_facts_or_corrections_has_no_graph(tmp_path: Path) -> None:
    result = project_with(tmp_path, [])
    assert page_graph(result.project, result.analysis, [], [], locate, "Desk") is None


@pytest.mark.parametrize(
    "hostile", ["</script><script>alert(1)</script>", "<!-- x", "]]>", "a\u2028b & c"]
)
def test_script_json_cannot_end_its_script(hostile: str) -> None:
    data = {"text": hostile, "list": [hostile]}
    text = script_json(data)
    assert "</" not in text and "<!--" not in text and "]]>" not in text and "<" not in text
    assert json.loads(text) == data


# -- in the built pages ------------------------------------------------------------------


class Scripts(HTMLParser):
    """The JSON-LD scripts and the element ids of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.jsonld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "script" and found.get("type") == "application/ld+json":
            self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._in += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in is not None:
            self.jsonld.append(self._in)
            self._in = None


def page(outdir: Path, name: str) -> Scripts:
    parser = Scripts()
    parser.feed((outdir / name).read_text("utf-8"))
    return parser


def graph_of(outdir: Path, name: str) -> list[dict[str, Any]]:
    scripts = page(outdir, name).jsonld
    assert len(scripts) == 1, f"{name}: {len(scripts)} JSON-LD scripts"
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    check_node(data)
    return data["@graph"]  # type: ignore[no-any-return]


def resolves(outdir: Path, pagename: str, url: str) -> bool:
    """A page-relative URL in a page points at an element that exists."""
    target, fragment = urldefrag(urljoin(f"http://x/{pagename}", url))
    path = outdir / target.removeprefix("http://x/")
    return path.is_file() and fragment in page(outdir, str(path.relative_to(outdir))).ids


@pytest.mark.sphinx("html", testroot="basic", srcdir="readers-jsonld")
def test_brief_page_reviews_the_facts_it_states(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    graph = graph_of(out, "_generated/brief.html")
    reviews = [n for n in graph if n["@type"] == "ClaimReview"]
    assert [r["claimReviewed"] for r in reviews] == [
        "The council and the port authority met on Tuesday."
    ]
    assert reviews[0]["reviewRating"]["alternateName"] == "Verified"
    assert resolves(out, "_generated/brief.html", reviews[0]["url"])
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx("html", testroot="basic", srcdir="readers-jsonld")
def test_errata_page_carries_every_correction(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    graph = graph_of(out, "_generated/errata.html")
    comments = [n for n in graph if n["@type"] == "CorrectionComment"]
    assert len(comments) == 2
    for comment in comments:
        assert resolves(out, "_generated/errata.html", comment["url"])
    [rewrite] = [n for n in graph if n["@type"] == "CreativeWork"]
    assert rewrite["name"] == "Harbour talks (rewrite)"
    assert {c["@id"] for c in rewrite["correction"]} == {c["@id"] for c in comments}


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    srcdir="readers-jsonld-baseurl",
    confoverrides={"html_baseurl": "https://brief.example/harbour/"},
)
def test_urls_are_absolute_with_a_base_url(app: SphinxTestApp) -> None:
    app.build()
    [review] = [
        n
        for n in graph_of(Path(app.outdir), "_generated/brief.html")
        if n["@type"] == "ClaimReview"
    ]
    assert review["url"] == "https://brief.example/harbour/_generated/facts.html#fact-met-tuesday"


@pytest.mark.sphinx("html", testroot="basic", srcdir="readers-jsonld")
def test_pages_without_facts_or_corrections_have_no_jsonld(app: SphinxTestApp) -> None:
    app.build()
    assert page(Path(app.outdir), "_generated/references.html").jsonld == []
