"""Sphinx configuration of the flagship brief: the EU-US talks on cyber-capable AI models.

Build with ``make brief`` (HTML and PDF), or ``sphinx-build -c . docs _build/html``.
"""

from briefing.sphinx.latextext import latex_escape

project = "EU-US talks on cyber-capable AI models"
today = "29 May 2026"  # the story's date, printed under the PDF's title
author = "The briefing team"
copyright = "2026, the briefing authors"
language = "en"

extensions = ["myst_parser", "briefing"]

# The brief's inputs, relative to this file.
briefing_facts = "docs/facts.yaml"
briefing_seeds = "seeds"
briefing_templates = "templates"
briefing_output = "brief"  # the pages' URLs: brief/errata.html, brief/sources/...

root_doc = "index"
# The brief itself is the front page: index.md includes it, so it is not a page of its own.
exclude_patterns = ["excerpts", "facts.yaml", "_build", "brief/brief.md"]
myst_enable_extensions = ["attrs_inline", "colon_fence", "deflist"]
myst_footnote_transition = False  # otherwise a rule closes every PDF page with footnotes
suppress_warnings: list[str] = []

# HTML: briefing's own theme (a reading column, sidenotes in the margin, the PDF linked).
html_theme = "briefing"
html_title = project
html_copy_source = False
html_show_sourcelink = False

# PDF: XeLaTeX, the howto class (no title page, no blank pages), page footnotes.
latex_engine = "xelatex"
latex_theme = "howto"
latex_show_pagerefs = True
latex_show_urls = "inline"  # a citation is a footnote already: its URL goes inside it
latex_use_xindy = False
# The title and author reach LaTeX as markup: escaped, they print as they are written.
latex_documents = [("index", "brief.tex", latex_escape(project), latex_escape(author), "howto")]
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "fontpkg": r"""
\setmainfont{TeX Gyre Pagella}
\setsansfont{TeX Gyre Heros}
\setmonofont{FreeMono}
""",
    # Chapters of the brief in the contents, not every fact (Sphinx sets the depth from the toctree).
    "preamble": r"\AtBeginDocument{\setcounter{tocdepth}{1}}",
    "printindex": "",
    "sphinxsetup": "verbatimwithframe=false",
}
