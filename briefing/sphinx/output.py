"""What HTML and LaTeX need to show the brief's marks: a stylesheet, a script, macros;
and what LaTeX needs to typeset any text a version holds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

STATIC = Path(__file__).parent / "static"

# \DUrole{<class>}{text} is how Sphinx's LaTeX writer emits a classed inline span.
LATEX_MACROS = r"""
\usepackage[normalem]{ulem}
% Symbols and scripts that TeX Gyre lacks come from FreeSerif (Debian: fonts-freefont-otf);
% control pictures (how the brief shows control characters) and U+FFFD too. Mathematical
% letters, CJK and emoji use fonts that a TeX Live install usually brings, when present.
\newfontfamily\brieffallback{FreeSerif}
\IfFontExistsTF{TeX Gyre Pagella Math}{\newfontfamily\briefmathletters{TeX Gyre Pagella Math}}{\let\briefmathletters\brieffallback}
\IfFontExistsTF{Droid Sans Fallback}{\newfontfamily\briefcjk{Droid Sans Fallback}}{\let\briefcjk\brieffallback}
\IfFontExistsTF{DejaVu Sans}{\newfontfamily\briefemoji{DejaVu Sans}}{\let\briefemoji\brieffallback}
\usepackage[Dingbats,MiscellaneousSymbols,MiscellaneousTechnical,GeometricShapes,Arrows,Cyrillic,Hebrew,Arabic,Armenian,Georgian,Thai,ControlPictures,MathematicalAlphanumericSymbols,CJKUnifiedIdeographs,CJKSymbolsAndPunctuation,Hiragana,Katakana,HangulSyllables,HalfwidthAndFullwidthForms,Emoticons,MiscellaneousSymbolsAndPictographs]{ucharclasses}
% ucharclasses sets transitions between the classes it loads; those from and to class 0
% (Latin, left unassigned) are set here, so a letter inside a Latin word switches too.
\def\brieffrom#1#2{\setTransitionsFor{#1}{\begingroup#2\upshape\mdseries}{\endgroup}%
  \XeTeXinterchartoks 0 \csname #1Class\endcsname={\begingroup#2\upshape\mdseries}%
  \XeTeXinterchartoks \csname #1Class\endcsname 0 ={\endgroup}}
\brieffrom{Dingbats}{\brieffallback}
\brieffrom{MiscellaneousSymbols}{\brieffallback}
\brieffrom{MiscellaneousTechnical}{\brieffallback}
\brieffrom{GeometricShapes}{\brieffallback}
\brieffrom{Arrows}{\brieffallback}
\brieffrom{Cyrillic}{\brieffallback}
\brieffrom{Hebrew}{\brieffallback}
\brieffrom{Arabic}{\brieffallback}
\brieffrom{Armenian}{\brieffallback}
\brieffrom{Georgian}{\brieffallback}
\brieffrom{Thai}{\brieffallback}
\brieffrom{ControlPictures}{\brieffallback}
\brieffrom{MathematicalAlphanumericSymbols}{\briefmathletters}
\brieffrom{CJKUnifiedIdeographs}{\briefcjk}
\brieffrom{CJKSymbolsAndPunctuation}{\briefcjk}
\brieffrom{Hiragana}{\briefcjk}
\brieffrom{Katakana}{\briefcjk}
\brieffrom{HangulSyllables}{\briefcjk}
\brieffrom{HalfwidthAndFullwidthForms}{\briefcjk}
\brieffrom{Emoticons}{\briefemoji}
\brieffrom{MiscellaneousSymbolsAndPictographs}{\briefemoji}
% Scripts that ucharclasses splits into several blocks (Devanagari: letters apart from
% their vowel signs, which would break every syllable) get one class for the whole range.
\makeatletter
\def\briefblock#1#2#3{\newXeTeXintercharclass#1%
  \count@=#2 \loop\XeTeXcharclass\count@=#1\ifnum\count@<#3 \advance\count@\@ne\repeat
  \XeTeXinterchartoks 0 #1={\begingroup\brieffallback\upshape\mdseries}%
  \XeTeXinterchartoks #1 0 ={\endgroup}%
  \XeTeXinterchartoks \@ucharclass@boundary #1={\begingroup\brieffallback\upshape\mdseries}%
  \XeTeXinterchartoks #1 \@ucharclass@boundary={\endgroup}}
\makeatother
\briefblock\briefdevanagari{"0900}{"097F}
\usepackage{newunicodechar}
\newunicodechar{^^^^fffd}{{\brieffallback\symbol{"FFFD}}}% U+FFFD, the replacement character
% Left-to-right and right-to-left marks have no glyph and no effect without bidi
% typesetting; they are dropped rather than reported as missing characters.
\catcode"200E=9 \catcode"200F=9
\expandafter\def\csname DUrolebrief-wrong\endcsname#1{\uwave{#1}}
\expandafter\def\csname DUrolebrief-right\endcsname#1{\uline{#1}}
\expandafter\def\csname DUrolebrief-absent\endcsname#1{#1}
\expandafter\def\csname DUrolebrief-del\endcsname#1{[−\sout{#1}]}
\expandafter\def\csname DUrolebrief-ins\endcsname#1{[+\uline{#1}]}
\expandafter\def\csname DUrolebrief-pilcrow\endcsname#1{\textbf{#1}}
"""


LONG_RUN = 30  # characters without a space after which LaTeX is offered break points
_RUN = re.compile(r"(\S{%d,})" % LONG_RUN)
_BREAK_AFTER = frozenset("/.-_?&=,;:)]}|\\")
_CHUNK = 12  # at most this many characters between break points inside a long run
_VERBATIM = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.math, nodes.comment,
             nodes.target)


def break_points(run: str) -> list[str]:
    """``run`` cut after punctuation, and every few characters where there is none."""
    pieces, current = [], ""
    for char in run:
        current += char
        if char in _BREAK_AFTER or len(current) >= _CHUNK:
            pieces.append(current)
            current = ""
    return pieces + [current] if current else pieces


class BreakLongRuns(SphinxPostTransform):
    """Long unbroken strings (URLs, identifiers, scraped junk) may break anywhere in LaTeX.

    TeX only breaks lines at spaces and hyphens, so a 300-character URL in a version would
    run off the page and its end be lost; ``\\allowbreak`` points let it wrap without
    adding a character to the text.
    """

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or not _RUN.search(text.astext()) or \
                    any(isinstance(a, _VERBATIM) for a in _ancestors(parent)):
                continue
            replacement: list[nodes.Node] = []
            for part in _RUN.split(text.astext()):
                if not part:
                    continue
                pieces = break_points(part) if _RUN.fullmatch(part) else [part]
                for n, piece in enumerate(pieces):
                    if n:
                        replacement.append(nodes.raw("", r"\allowbreak{}", format="latex"))
                    replacement.append(nodes.Text(piece))
            parent.replace(text, replacement)


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node is not None:
        found.append(node)
        node = node.parent
    return found


def escape_theme_titles(app: Sphinx, pagename: str, templatename: str,
                        context: dict[str, Any], doctree: nodes.document | None) -> None:
    """sphinx-book-theme puts the page's and the root page's titles into the page as plain
    text (``title.astext()``); a title from the fact file or a file name would be markup."""
    for key in ("pagetitle", "root_title"):
        value = context.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            context[key] = Markup.escape(value)


def add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))
    preamble = config.latex_elements.get("preamble", "")
    if "DUrolebrief" not in preamble:
        config.latex_elements["preamble"] = preamble + LATEX_MACROS


def setup_output(app: Sphinx) -> None:
    app.connect("config-inited", add_static, priority=600)
    app.add_post_transform(BreakLongRuns)
    app.connect("html-page-context", escape_theme_titles, priority=900)  # after the theme's
    app.add_css_file("briefing.css")
    app.add_js_file("briefing.js", loading_method="defer")
