"""Hover cards: each HTML page carries, as JSON, a short card for every object it cites.

A card says what a reference points at without leaving the page: a fact's claim and
status, an entity's canonical name and role, a correction and each version's verdict, a
source, a source paragraph's text. ``briefing.js`` reads the cards from the page itself
(``<script type="application/json" id="brief-cards">``), keyed by the link's fragment
(the object's anchor), so nothing is fetched at run time and ``file://`` works.
Card text is data: the script puts it into the page with ``textContent``, never as HTML.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from briefing import pipeline
from briefing.render.jsonld import correction_text, script_json
from briefing.render.myst import day
from briefing.render.tally import errors_phrase, tally
from briefing.render.views import VERDICT_SYMBOL
from briefing.sphinx.domain import OBJECT_TYPES, BriefDomain, BriefObject
from briefing.sphinx.generation import result_of

Card = dict[str, Any]

STATUS_BADGE = {
    "verified": "✓ verified",
    "disputed": "⚠ disputed",
    "unverified": "? unverified",
    "false": "✗ false",
}
PARAGRAPH_CHARS = 320  # a card shows the start of a long paragraph; the link has the rest
SCRIPT_ID = "brief-cards"

_cards: WeakKeyDictionary[Sphinx, dict[str, Card]] = WeakKeyDictionary()


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + " …"


def _listing(names: list[str]) -> str:
    return ", ".join(dict.fromkeys(names))


def fact_card(result: pipeline.Result, name: str) -> Card | None:
    project = result.project
    fact = project.facts.get(name)
    if fact is None:
        return None
    details = []
    if fact.evidence:
        details.append(
            "Sources: "
            + _listing(
                [
                    project.sources[e.source].label
                    for e in fact.evidence
                    if e.source in project.sources
                ]
            )
        )
    if fact.entities:
        details.append(
            "About: "
            + _listing([project.entities[e].name for e in fact.entities if e in project.entities])
        )
    return {
        "type": "fact",
        "kind": "Fact",
        "status": fact.status,
        "badge": STATUS_BADGE.get(fact.status, fact.status),
        "title": fact.claim,
        "text": fact.note or "",
        "details": details,
    }


def entity_card(result: pipeline.Result, name: str) -> Card | None:
    entity = result.project.entities.get(name)
    if entity is None:
        return None
    details = []
    if entity.aliases:
        details.append("Also: " + ", ".join(entity.aliases))
    if entity.former_names:
        details.append("Formerly: " + ", ".join(entity.former_names))
    for version, mentions in result.analysis.mentions.get(name, {}).items():
        if mentions:
            garbled = sum(1 for m in mentions if m.quality == "garbled")
            label = result.project.sources[version].label
            details.append(
                f"{label}: {len(mentions)} mention{'s' if len(mentions) > 1 else ''}"
                + (f", {garbled} garbled" if garbled else "")
            )
    return {
        "type": "entity",
        "kind": entity.kind.capitalize(),
        "title": entity.name,
        "text": entity.role,
        "details": details,
    }


def correction_card(result: pipeline.Result, name: str) -> Card | None:
    found = result.analysis.corrections.get(name)
    if found is None:
        return None
    correction = found.correction
    sources = result.project.sources
    details = [
        f"{sources[v].label}: {VERDICT_SYMBOL[verdict.verdict]}"
        for v, verdict in found.verdicts.items()
    ]
    return {
        "type": "correction",
        "kind": f"Correction · {correction.kind}",
        "title": correction_text(correction.wrong, correction.expected).removesuffix("."),
        "text": correction.note or "",
        "details": details,
    }


def source_card(result: pipeline.Result, name: str) -> Card | None:
    source = result.project.sources.get(name)
    if source is None:
        return None
    details = [
        part
        for part in (
            source.publisher,
            source.author and f"by {source.author}",
            source.date and day(source.date),
        )
        if part
    ]
    if source.is_version and source.document is not None:
        errors = errors_phrase(tally(result.analysis, source))
        details.append(f"{len(source.document.paragraphs)} paragraphs, {errors}")
    return {
        "type": "source",
        "kind": "Version" if source.is_version else "Reference",
        "title": source.title,
        "text": source.description or "",
        "details": details,
    }


def para_card(result: pipeline.Result, name: str) -> Card | None:
    source_id, _, anchor = name.partition(":")
    source = result.project.sources.get(source_id)
    if source is None or source.document is None:
        return None
    paragraph = next((p for p in source.document.paragraphs if p.anchor == anchor), None)
    if paragraph is None:
        return None
    return {
        "type": "para",
        "kind": "Paragraph",
        "title": f"{source.label} ¶{paragraph.number}",
        "text": _shorten(paragraph.text, PARAGRAPH_CHARS),
        "details": [],
    }


BUILDERS = {
    "fact": fact_card,
    "entity": entity_card,
    "correction": correction_card,
    "source": source_card,
    "para": para_card,
}


def card_for(
    result: pipeline.Result | None, objtype: str, name: str, obj: BriefObject, where: str
) -> Card:
    """The card of one declared object; the domain's title and summary when data lacks it."""
    card = BUILDERS[objtype](result, name) if result is not None else None
    if card is None:
        card = {
            "type": objtype,
            "kind": OBJECT_TYPES[objtype].capitalize(),
            "title": obj.title,
            "text": obj.summary if obj.summary != obj.title else "",
            "details": [],
        }
    card["where"] = where
    return card


def all_cards(env: BuildEnvironment, result: pipeline.Result | None) -> dict[str, Card]:
    domain: BriefDomain = env.domains["brief"]  # type: ignore[assignment]
    cards = {}
    for (objtype, name), obj in domain.objects.items():
        title = env.titles.get(obj.docname)
        cards[obj.anchor] = card_for(
            result, objtype, name, obj, title.astext() if title else obj.docname
        )
    return cards


def cited_anchors(doctree: nodes.Node) -> list[str]:
    """The anchors that the page's references to brief objects point at, in page order."""
    anchors: dict[str, None] = {}
    for ref in doctree.findall(nodes.reference):
        classes: list[str] = ref.get("classes", [])
        if not any(c.startswith("brief-ref-") for c in classes):
            continue
        anchor = ref.get("refid") or ref.get("refuri", "").partition("#")[2]
        if anchor:
            anchors[anchor] = None
    return list(anchors)


def collect(app: Sphinx, env: BuildEnvironment) -> list[str]:
    _cards[app] = all_cards(env, result_of(app))
    return []


def embed(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if doctree is None:
        return
    cards = _cards.get(app) or {}
    page = {a: cards[a] for a in cited_anchors(doctree) if a in cards}
    if page:
        context["metatags"] = context.get("metatags", "") + (
            f'\n<script type="application/json" id="{SCRIPT_ID}">{script_json(page)}</script>'
        )


def setup_cards(app: Sphinx) -> None:
    app.connect("env-updated", collect)
    app.connect("html-page-context", embed)
