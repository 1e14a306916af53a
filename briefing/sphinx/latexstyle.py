"""The PDF as a publication: note marks, one numbering of notes, headings kept with their
text, error marks that survive grey print, URLs broken at slashes, and the title, author,
date, subject and keywords of the brief rather than of the project.

(Fonts, missing characters and long unbroken runs are :mod:`briefing.sphinx.latextext`'s.)
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator

from briefing.render.myst import day, plain
from briefing.render.scorecard import TIKZ_PREAMBLE, tex
from briefing.sphinx.generation import result_of
from briefing.sphinx.glyphs import Role, document_fonts, font_for
from briefing.sphinx.latextext import heading_role

# Classes whose marks the PDF draws as the legend shows them (underlines, not colour).
MARKS = ("brief-wrong", "brief-right", "brief-discrepancy")

PREAMBLE = r"""
% -- briefing: the PDF as a publication ------------------------------------------------
\usepackage{needspace}
\raggedbottom
\makeatletter
% A heading is never the last line of a page: it goes over with the lines that follow
% (ten of them: a table under a heading does not break).
\pretocmd{\section}{\needspace{10\baselineskip}}{}{}
\pretocmd{\subsection}{\needspace{10\baselineskip}}{}{}
\pretocmd{\subsubsection}{\needspace{5\baselineskip}}{}{}
\pretocmd{\paragraph}{\needspace{4\baselineskip}}{}{}
% A note's own number on the line, not raised, with a full stop (defined before the
% document starts: Sphinx's footnote package reads this macro then).
\long\def\@makefntext#1{\raggedright\parindent 1em\noindent
  \hb@xt@1.6em{\normalfont\@thefnmark.\hss}#1}
% URLs break after a slash, a dot or a hyphen they hold (no hyphen is added).
\g@addto@macro\UrlBreaks{\do\-}
% Table heads are not hyphenated.
\protected\def\sphinxstyletheadfamily{\sffamily\bfseries\raggedright
  \hyphenpenalty\@M\exhyphenpenalty\@M}
\makeatother
% Each object of the brief (a fact, a reference, a correction) starts a paragraph.
\newenvironment{sphinxclassbrief-fact}{\par\medskip}{\par}
\newenvironment{sphinxclassbrief-entity}{\par}{\par}
\newenvironment{sphinxclassbrief-correction}{\par\smallskip}{\par}
\newenvironment{sphinxclassbrief-source}{\par}{\par}
\newenvironment{sphinxclassbrief-para}{\par}{\par}
% References as a list: space between entries, the lines after the first indented.
\newenvironment{sphinxclassbrief-reference}{\par\smallskip\hangindent=1.5em\hangafter=1}{\par}
% What only the HTML has (a fold to open) is not said in print.
\expandafter\def\csname DUrolebrief-html-only\endcsname#1{}
% The title block: title, subtitle, the story's date and the authors; the contents come
% after the verdict (\briefcontents, placed by the brief's page).
\makeatletter
\newcommand{\briefsubtitle}{}
\newcommand{\briefpdftitle}{\@title}
\newcommand{\briefmaketitle}{%
  \begingroup\def\endgraf{ }\def\and{\& }\pdfstringdefDisableCommands{\def\\{, }}%
    \hypersetup{pdfauthor={\@author}, pdftitle={\briefpdftitle}}\endgroup
  \noindent\rule{\linewidth}{1pt}\par\medskip
  {\raggedright\py@HeaderFamily\huge\@title\par}%
  \ifx\briefsubtitle\@empty\else\medskip{\raggedright\large\itshape\briefsubtitle\par}\fi
  \medskip{\py@HeaderFamily\normalsize\@date
    \ifx\@author\@empty\else\quad\textperiodcentered\quad\@author\fi\par}%
  \smallskip\noindent\rule{\linewidth}{.4pt}\par\medskip}
% The contents, tight: one line a chapter.
\newcommand{\briefcontents}{\begingroup\small\let\brief@addvspace\addvspace
  \def\addvspace##1{\brief@addvspace{.15em}}\sphinxtableofcontents\endgroup}
\makeatother
"""

# Headings (and the title) in the sans family, never hyphenated, ragged right.
HEADER_FAMILY = (
    r"HeaderFamily=\sffamily\bfseries\raggedright"
    r"\hyphenpenalty 10000\relax\exhyphenpenalty 10000\relax"
)


def add_preamble(app: Sphinx, config: Config) -> None:
    elements = config.latex_elements
    preamble = elements.get("preamble", "")
    if "briefing: the PDF as a publication" not in preamble:
        elements["preamble"] = preamble + PREAMBLE + TIKZ_PREAMBLE
    elements.setdefault("maketitle", r"\briefmaketitle")
    elements.setdefault("tableofcontents", "")  # \briefcontents, after the verdict
    setup = elements.get("sphinxsetup", "")
    if "HeaderFamily" not in setup:
        elements["sphinxsetup"] = ",".join(p for p in (setup, HEADER_FAMILY) if p)


def title_tex(app: Sphinx, text: str, role: Role | None = None) -> str:
    """``text`` as LaTeX for the title block, set in the heading font unless ``role``
    says otherwise: a character that font lacks is drawn by the fallback that has it, and
    one no font draws is named ([U+1F642])."""
    elements = app.config.latex_elements
    fonts = document_fonts(elements.get("fontpkg"))
    role = role or heading_role(elements)
    parts = []
    for char in plain(text):
        choice = font_for(char, role, fonts)
        if choice is None:
            parts.append(tex(f"[U+{ord(char):04X}]"))
        elif choice:
            parts.append(rf"\briefglyph{{{choice}}}{{{tex(char)}}}")
        else:
            parts.append(tex(char))
    return "".join(parts)


def metadata(text: str) -> str:
    """``text`` for the PDF's information dictionary, where characters beyond the Basic
    Multilingual Plane are named: PDF readers and extractors mangle their surrogate pairs."""
    return tex("".join(c if ord(c) < 0x10000 else f"[U+{ord(c):04X}]" for c in plain(text)))


def brief_metadata(app: Sphinx) -> None:
    """The root document's title, author and date from the fact file's ``brief``."""
    result = result_of(app)
    if app.builder.format != "latex" or result is None:
        return
    brief = result.project.brief
    builder: Any = app.builder
    author = ", ".join(brief.authors) if brief.authors else None
    # latex_documents is read when the writing starts, and changes to it rebuild nothing.
    documents = []
    for entry in app.config.latex_documents:
        entry = list(entry)
        if entry and entry[0] == app.config.root_doc:
            entry[2] = title_tex(app, brief.title)
            if author:
                entry[3] = title_tex(app, author)
        documents.append(tuple(entry))
    app.config.latex_documents = documents
    builder.context["date"] = title_tex(app, day(brief.date))
    keywords = ", ".join(
        e.name
        for e in result.project.entities.values()
        if e.kind in ("person", "institution", "company", "product")
    )
    subject = brief.subtitle or brief.summary
    info = [f"pdfsubject={{{metadata(subject)}}}", f"pdfkeywords={{{metadata(keywords)}}}"]
    created = brief.date.replace("-", "")
    if created.isdigit() and len(created) == 8:
        info.append(f"pdfcreationdate={{D:{created}000000}}")
    builder.context["preamble"] = (
        builder.context.get("preamble", "")
        + "\n\\AtBeginDocument{\\hypersetup{"
        + ", ".join(info)
        + "}}\n"
        + f"\\renewcommand{{\\briefpdftitle}}{{{metadata(brief.title)}}}\n"
        + (
            f"\\renewcommand{{\\briefsubtitle}}{{{title_tex(app, brief.subtitle, 'main')}}}\n"
            if brief.subtitle
            else ""
        )
    )


class MarksSetApart(SphinxPostTransform):
    """Two note marks in a row get a raised comma between them ("Regnier¹,²"), or they
    would read as one number ("Regnier¹²")."""

    default_priority = 555  # before Sphinx moves the notes to their marks (600)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for ref in list(self.document.findall(nodes.footnote_reference)):
            after = ref.next_node(descend=False, siblings=True)
            if isinstance(after, nodes.footnote_reference):
                comma = nodes.raw("", r"\textsuperscript{,}", format="latex")
                ref.parent.insert(ref.parent.index(ref) + 1, comma)


class OneNumberingOfNotes(SphinxPostTransform):
    """Notes numbered 1, 2, 3 … through the whole PDF, in the order their marks stand.

    Each page numbers its notes from 1, and the LaTeX builder joins the pages into one
    document, so chapter two would start again at 1.
    """

    default_priority = 550  # before Sphinx moves the notes to their marks (600)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        footnotes = {f["ids"][0]: f for f in self.document.findall(nodes.footnote) if f["ids"]}
        numbers: dict[str, int] = {}
        for ref in self.document.findall(nodes.footnote_reference):
            target = ref.get("refid")
            if target not in footnotes:
                continue
            number = numbers.setdefault(target, len(numbers) + 1)
            ref.children = [nodes.Text(str(number))]
        for target, footnote in footnotes.items():
            number = numbers.setdefault(target, len(numbers) + 1)
            label = footnote.next_node(nodes.label)
            if label is not None:
                label.children = [nodes.Text(str(number))]


class ChaptersAtTheTop(SphinxPostTransform):
    """The pages of a toctree that closes the root page are chapters of their own, not
    subsections of the root page's last section.

    The front page ends with the brief's last section ("Not confirmed") and then its
    toctree; in the joined LaTeX document the errata would become "3.1 Errata".
    """

    default_priority = 100
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        top = self.document.next_node(nodes.section)
        if top is None:
            return
        for start in reversed(list(self.document.findall(addnodes.start_of_file))):
            node: nodes.Element = start
            # Climb while nothing follows: the toctree closes its section.
            while (
                node.parent is not None
                and node.parent is not top
                and node.parent.index(node) == len(node.parent) - 1
            ):
                node = node.parent
            if node is start or node.parent is not top:
                continue
            start.parent.remove(start)
            top.insert(top.index(node) + 1, start)


class MarksAsTheLegendShows(SphinxPostTransform):
    """A marked error that is a link is drawn with its mark (a wavy underline), not only as
    a link: Sphinx's LaTeX writer drops the classes of links."""

    default_priority = 560
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for ref in list(self.document.findall(nodes.reference)):
            own: list[str] = ref.get("classes", [])
            classes = [c for c in own if c in MARKS]
            if not classes:
                continue
            inner = nodes.inline("", "", *ref.children, classes=classes[:1])
            ref.children = []
            ref += inner


class brief_url(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils names nodes in lower case)
    """A URL printed in the text, which LaTeX breaks at its slashes."""


def visit_url_latex(self: LaTeXTranslator, node: brief_url) -> None:
    uri: str = node["uri"]
    scheme, sep, rest = uri.partition("://")
    if sep and rest:  # "https://" is never split across two lines
        self.body.append(rf"\mbox{{{self.encode(scheme + sep)}}}\allowbreak{{}}")
        uri = rest
    self.body.append(rf"\sphinxnolinkurl{{{self.encode_uri(uri)}}}")
    raise nodes.SkipNode


def visit_url_other(self: Any, node: brief_url) -> None:
    self.body.append(self.encode(node["uri"]) if hasattr(self, "encode") else node["uri"])
    raise nodes.SkipNode


class URLsBrokenAtSlashes(SphinxPostTransform):
    """The URL that ``latex_show_urls = "inline"`` prints after a link becomes a URL that
    LaTeX may break after a slash, a dot or a hyphen, adding no character."""

    default_priority = 850  # after Sphinx prints the URLs (400), before long runs break (900)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for ref in list(self.document.findall(nodes.reference)):
            uri = ref.get("refuri", "")
            after = ref.next_node(descend=False, siblings=True)
            if not uri or not isinstance(after, nodes.Text) or after.astext() != f" ({uri})":
                continue
            after.parent.replace(
                after, [nodes.Text(" ("), brief_url(uri, uri, uri=uri), nodes.Text(")")]
            )


def setup_latex_style(app: Sphinx) -> None:
    app.connect("config-inited", add_preamble, priority=650)
    app.connect("builder-inited", brief_metadata, priority=600)  # after the brief is read
    app.add_node(
        brief_url,
        latex=(visit_url_latex, None),
        html=(visit_url_other, None),
        text=(visit_url_other, None),
    )
    app.add_post_transform(ChaptersAtTheTop)
    app.add_post_transform(OneNumberingOfNotes)
    app.add_post_transform(MarksSetApart)
    app.add_post_transform(MarksAsTheLegendShows)
    app.add_post_transform(URLsBrokenAtSlashes)
