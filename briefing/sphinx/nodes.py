"""The one custom node: a declared object of the brief domain, which carries its anchor.

docutils hands an empty target's id to the next element, and Sphinx's LaTeX writer
labels no container, so the object's block labels itself in every output format.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator


class brief_object(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A fact, entity, correction, source or paragraph block, with its anchor in ``ids``."""


def visit_html(self: HTML5Translator, node: brief_object) -> None:
    self.body.append(self.starttag(node, "div"))


def depart_html(self: HTML5Translator, node: brief_object) -> None:
    self.body.append("</div>\n")


def visit_latex(self: LaTeXTranslator, node: brief_object) -> None:
    self.body.append("\n")
    for anchor in node["ids"]:
        self.body.append(self.hypertarget(anchor, anchor=True))
    for name in node["classes"]:
        self.body.append(f"\n\\begin{{sphinxuseclass}}{{{name}}}")


def depart_latex(self: LaTeXTranslator, node: brief_object) -> None:
    for _ in node["classes"]:
        self.body.append("\n\\end{sphinxuseclass}")
    self.body.append("\n")


def visit_text(self: TextTranslator, node: brief_object) -> None:
    pass


def depart_text(self: TextTranslator, node: brief_object) -> None:
    pass


def setup_nodes(app: Sphinx) -> None:
    app.add_node(
        brief_object,
        html=(visit_html, depart_html),
        latex=(visit_latex, depart_latex),
        text=(visit_text, depart_text),
    )
