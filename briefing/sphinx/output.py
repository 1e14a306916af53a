"""What HTML and LaTeX need to show the brief's marks: a stylesheet, a script, macros."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config

from briefing.sphinx.latextext import latex_fonts, setup_latex_text

STATIC = Path(__file__).parent / "static"

# \DUrole{<class>}{text} is how Sphinx's LaTeX writer emits a classed inline span. Errors
# are underlined twice, right readings once: rules, which print in grey and, unlike
# ulem's wave (drawn with a font's characters), add nothing to the PDF's text.
LATEX_MACROS = r"""
\usepackage[normalem]{ulem}
\expandafter\def\csname DUrolebrief-wrong\endcsname#1{\uuline{#1}}
\expandafter\def\csname DUrolebrief-discrepancy\endcsname#1{\uuline{#1}}
\expandafter\def\csname DUrolebrief-right\endcsname#1{\uline{#1}}
\expandafter\def\csname DUrolebrief-absent\endcsname#1{#1}
\expandafter\def\csname DUrolebrief-del\endcsname#1{[−\sout{#1}]}
\expandafter\def\csname DUrolebrief-ins\endcsname#1{[+\uline{#1}]}
\expandafter\def\csname DUrolebrief-pilcrow\endcsname#1{\textbf{#1}}
"""


def escape_theme_titles(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Under another theme than briefing's own (the extension in another project), themes
    such as sphinx-book-theme put the page's and the root page's titles into the page as
    plain text (``title.astext()``); a title from the fact file would be markup there."""
    for key in ("pagetitle", "root_title", "docstitle"):
        value = context.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            context[key] = Markup.escape(value)


def add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))
    preamble = config.latex_elements.get("preamble", "")
    if "DUrolebrief" not in preamble:
        config.latex_elements["preamble"] = preamble + latex_fonts() + LATEX_MACROS


def setup_output(app: Sphinx) -> None:
    app.connect("config-inited", add_static, priority=600)
    setup_latex_text(app)
    app.connect("html-page-context", escape_theme_titles, priority=900)  # after the theme's
    app.add_css_file("briefing.css")
    app.add_js_file("briefing.js", loading_method="defer")
