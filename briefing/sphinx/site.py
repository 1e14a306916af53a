"""The HTML site around the pages: briefing's theme, the page's description for search
engines and link previews, the link to the typeset PDF, and tables that scroll in their
own box on a phone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from briefing.render.myst import day
from briefing.sphinx.generation import result_of

THEME = Path(__file__).parent / "theme"
DESCRIPTION_CHARS = 200  # what search results and link previews show of a description


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + " …"


def pdf_name(app: Sphinx) -> str | None:
    """The PDF the LaTeX build makes of the root document (``brief.pdf``), if any."""
    for entry in app.config.latex_documents or []:
        if entry and entry[0] == app.config.root_doc and str(entry[1]).endswith(".tex"):
            return str(entry[1])[: -len(".tex")] + ".pdf"
    return None


def meta_tags(app: Sphinx, pagename: str, title: str) -> str:
    """``<meta>`` description and Open Graph tags from the brief."""
    result = result_of(app)
    if result is None:
        return ""
    brief = result.project.brief
    site = brief.title
    page_title = site if pagename == app.config.root_doc else f"{title} · {site}"
    tags = {
        "description": shorten(brief.summary),
        "og:type": "article",
        "og:site_name": site,
        "og:title": page_title,
        "og:description": shorten(brief.summary),
        "article:published_time": brief.date,
    }
    base = (app.config.html_baseurl or "").rstrip("/")
    if base:
        tags["og:url"] = f"{base}/{app.builder.get_target_uri(pagename)}"
    lines = []
    for name, value in tags.items():
        attribute = "name" if name == "description" else "property"
        lines.append(Markup('<meta {}="{}" content="{}" />').format(attribute, name, value))
    return "\n" + "\n".join(lines)


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    result = result_of(app)
    title = Markup(context.get("title") or "").striptags()
    context["metatags"] = context.get("metatags", "") + meta_tags(app, pagename, title)
    context["brief_pdf"] = pdf_name(app)
    context["brief_date"] = day(result.project.brief.date) if result is not None else None


class ScrollingTables(SphinxPostTransform):
    """Each table in a box of its own, which scrolls sideways when a phone is too narrow."""

    default_priority = 800
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            parent = table.parent
            if isinstance(parent, nodes.container) and "brief-table" in parent["classes"]:
                continue
            box = nodes.container(classes=["brief-table"])
            table.replace_self(box)
            box += table


def setup_site(app: Sphinx) -> None:
    app.add_html_theme("briefing", str(THEME))
    app.connect("html-page-context", page_context)
    app.add_post_transform(ScrollingTables)
