"""What HTML and LaTeX need to show the brief's marks: a stylesheet, a script, macros."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

STATIC = Path(__file__).parent / "static"

# \DUrole{<class>}{text} is how Sphinx's LaTeX writer emits a classed inline span.
LATEX_MACROS = r"""
\usepackage[normalem]{ulem}
% Symbols and scripts that TeX Gyre lacks come from FreeSerif (Debian: fonts-freefont-otf).
\newfontfamily\brieffallback{FreeSerif}
\usepackage[Dingbats,MiscellaneousSymbols,MiscellaneousTechnical,GeometricShapes,Arrows,Cyrillic,Hebrew,Arabic]{ucharclasses}
\setTransitionsFor{Dingbats}{\begingroup\brieffallback\upshape\mdseries}{\endgroup}
\setTransitionsFor{MiscellaneousSymbols}{\begingroup\brieffallback\upshape\mdseries}{\endgroup}
\setTransitionsFor{MiscellaneousTechnical}{\begingroup\brieffallback\upshape\mdseries}{\endgroup}
\setTransitionsFor{GeometricShapes}{\begingroup\brieffallback\upshape\mdseries}{\endgroup}
\setTransitionsFor{Arrows}{\begingroup\brieffallback\upshape\mdseries}{\endgroup}
\setTransitionsFor{Cyrillic}{\begingroup\brieffallback\upshape\mdseries}{\endgroup}
\setTransitionsFor{Hebrew}{\begingroup\brieffallback\upshape\mdseries}{\endgroup}
\setTransitionsFor{Arabic}{\begingroup\brieffallback\upshape\mdseries}{\endgroup}
\expandafter\def\csname DUrolebrief-wrong\endcsname#1{\uwave{#1}}
\expandafter\def\csname DUrolebrief-right\endcsname#1{\uline{#1}}
\expandafter\def\csname DUrolebrief-absent\endcsname#1{#1}
\expandafter\def\csname DUrolebrief-del\endcsname#1{[−\sout{#1}]}
\expandafter\def\csname DUrolebrief-ins\endcsname#1{[+\uline{#1}]}
\expandafter\def\csname DUrolebrief-pilcrow\endcsname#1{\textbf{#1}}
"""


def add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))
    preamble = config.latex_elements.get("preamble", "")
    if "DUrolebrief" not in preamble:
        config.latex_elements["preamble"] = preamble + LATEX_MACROS


def setup_output(app: Sphinx) -> None:
    app.connect("config-inited", add_static, priority=600)
    app.add_css_file("briefing.css")
    app.add_js_file("briefing.js", loading_method="defer")
