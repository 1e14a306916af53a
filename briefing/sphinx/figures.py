"""The scorecard picture: ``:::{brief-scorecard}`` in a generated page becomes, when the page
is written, the SVG in the HTML and the same drawing in TikZ in the PDF.

The drawing is made from the analysis at write time (see :mod:`briefing.render.scorecard`),
so the generated MyST holds no raw markup at all.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from briefing.render.views import views
from briefing.sphinx.generation import result_of
from briefing.sphinx.latexstyle import title_tex


class brief_scorecard(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """Where the scorecard picture stands."""


def draw_pictures(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Draw each scorecard of a page about to be written (``doctree-resolved``, where
    Sphinx hands over its application; translators no longer reach it)."""
    result = result_of(app)
    for node in doctree.findall(brief_scorecard):
        node["svg"] = node["tikz"] = ""  # no analysis (generation switched off): no picture
        if result is not None:
            svg, tikz = views(result.project, result.analysis).scorecard_figure(
                lambda text: title_tex(app, text, "sans")  # the figure's font is the sans
            )
            node["svg"], node["tikz"] = str(svg), str(tikz)


def visit_html(self: HTML5Translator, node: brief_scorecard) -> None:
    if node["svg"]:
        self.body.append(f'<figure class="brief-scorecard">{node["svg"]}</figure>\n')
    raise nodes.SkipNode


def visit_latex(self: LaTeXTranslator, node: brief_scorecard) -> None:
    if node["tikz"]:
        self.body.append("\n" + node["tikz"] + "\n")
    # The contents follow the verdict and its picture (see latexstyle.py).
    self.body.append("\\ifdefined\\briefcontents\\briefcontents\\fi\n")
    raise nodes.SkipNode


def skip(self: object, node: brief_scorecard) -> None:
    raise nodes.SkipNode


class ScorecardDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = brief_scorecard()
        self.set_source_info(node)
        return [node]


def setup_figures(app: Sphinx) -> None:
    app.add_node(
        brief_scorecard,
        html=(visit_html, None),
        latex=(visit_latex, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_directive("brief-scorecard", ScorecardDirective)
    app.connect("doctree-resolved", draw_pictures)
