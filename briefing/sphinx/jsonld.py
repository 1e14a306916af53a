"""Put schema.org JSON-LD into each HTML page that shows facts or corrections.

A page carries a ``ClaimReview`` for every fact it declares or cites, and a
``CorrectionComment`` for every correction it declares or cites (see
:mod:`briefing.jsonld` for the mapping and the rating scale). URLs are absolute when
``html_baseurl`` is set, page-relative otherwise.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from briefing.render.jsonld import Locate, page_graph, script_json
from briefing.sphinx.cards import cited_anchors
from briefing.sphinx.domain import BriefDomain, anchor_for
from briefing.sphinx.generation import result_of

SHOWN = ("fact", "correction")


def _locator(app: Sphinx, domain: BriefDomain, pagename: str) -> Locate:
    base = (app.config.html_baseurl or "").rstrip("/")

    def locate(objtype: str, name: str) -> str:
        obj = domain.objects.get((objtype, name))
        if obj is None:
            return "#" + anchor_for(objtype, name)
        if base:
            return f"{base}/{app.builder.get_target_uri(obj.docname)}#{obj.anchor}"
        uri = app.builder.get_relative_uri(pagename, obj.docname)
        return f"{uri if obj.docname != pagename else ''}#{obj.anchor}"

    return locate


def shown_on(domain: BriefDomain, pagename: str, doctree: nodes.document) -> dict[str, list[str]]:
    """The facts and corrections a page declares or cites, in page order, by type."""
    by_anchor = {obj.anchor: key for key, obj in domain.objects.items() if key[0] in SHOWN}
    found: dict[str, list[str]] = {t: [] for t in SHOWN}
    for (objtype, name), obj in domain.objects.items():
        if objtype in SHOWN and obj.docname == pagename:
            found[objtype].append(name)
    for anchor in cited_anchors(doctree):
        if anchor in by_anchor:
            objtype, name = by_anchor[anchor]
            found[objtype].append(name)
    return found


def embed(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    result = result_of(app)
    if doctree is None or result is None:
        return
    domain: BriefDomain = app.env.domains["brief"]  # type: ignore[assignment]
    shown = shown_on(domain, pagename, doctree)
    author = (
        ", ".join(result.project.brief.authors) or app.config.author or result.project.brief.title
    )
    graph = page_graph(
        result.project,
        result.analysis,
        shown["fact"],
        shown["correction"],
        _locator(app, domain, pagename),
        author,
    )
    if graph is not None:
        context["metatags"] = context.get("metatags", "") + (
            f'\n<script type="application/ld+json">{script_json(graph)}</script>'
        )


def setup_jsonld(app: Sphinx) -> None:
    app.connect("html-page-context", embed)
