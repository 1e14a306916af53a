"""A detail one click away: ``:::{brief-details} Summary`` folds its content in the HTML.

In HTML it is a ``<details>`` element (it opens without a script, by keyboard too, and
the page's search finds text inside it). The PDF leaves it out: it is the side-by-side
view that the PDF's comparison chapter gives in full.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator


class brief_details(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """Folded content; ``summary`` is the line that opens it."""


def visit_html(self: HTML5Translator, node: brief_details) -> None:
    self.body.append(self.starttag(node, "details", CLASS="brief-details"))
    self.body.append(f"<summary>{self.encode(node['summary'])}</summary>\n")


def depart_html(self: HTML5Translator, node: brief_details) -> None:
    self.body.append("</details>\n")


def skip(self: object, node: brief_details) -> None:
    raise nodes.SkipNode


def visit_text(self: object, node: brief_details) -> None:
    pass


def depart_text(self: object, node: brief_details) -> None:
    pass


class DetailsDirective(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        node = brief_details(summary=self.arguments[0])
        self.set_source_info(node)
        node += self.parse_content_to_nodes(allow_section_headings=False)
        return [node]


def setup_details(app: Sphinx) -> None:
    app.add_node(
        brief_details,
        html=(visit_html, depart_html),
        latex=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
        text=(visit_text, depart_text),
    )
    app.add_directive("brief-details", DetailsDirective)
