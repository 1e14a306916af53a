"""The scorecard as a picture: one bar per version, drawn as SVG for the HTML and as TikZ
for the PDF from the same geometry, so both show the same figure.

Each bar splits the brief's corrections into right (solid), wrong (hatched) and not in the
version's text (outlined, dashed). Fill patterns, symbols and words carry the meaning, so
the figure reads in grey print; the SVG carries a title and a description in words for
screen readers, and runs no script.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape as xml

from briefing.render.tally import Tally, name_of

WIDTH = 400  # units of the drawing; the SVG scales to its box, TikZ to the line width
LEFT, BAR, GAP = 0, 20, 2
ROW = 62  # label line, counts line, bar
LEGEND = 26
RIGHT_COLOUR, WRONG_COLOUR, ABSENT_COLOUR = "#1e6b35", "#b3261e", "#6b6b6b"


@dataclass(frozen=True)
class Segment:
    kind: str  # "right", "wrong", "absent"
    x: float
    width: float
    count: int


@dataclass(frozen=True)
class Bar:
    label: str
    counts: str
    y: float
    segments: list[Segment]


def counts_line(t: Tally) -> str:
    return f"✓ {len(t.right)} right · ✗ {t.errors} wrong · – {len(t.absent)} not in its text"


def layout(tallies: list[Tally]) -> tuple[list[Bar], float]:
    """The bars and the drawing's height."""
    bars = []
    for n, t in enumerate(tallies):
        y = n * ROW
        segments, x = [], float(LEFT)
        total = t.total or 1
        for kind, count in (
            ("right", len(t.right)),
            ("wrong", t.errors),
            ("absent", len(t.absent)),
        ):
            if count:
                width = (WIDTH - LEFT) * count / total
                segments.append(Segment(kind, x, max(width - GAP, 1), count))
                x += width
        bars.append(Bar(name_of(t.version), counts_line(t), y, segments))
    return bars, len(tallies) * ROW + LEGEND


SYMBOL = {"right": "✓", "wrong": "✗", "absent": "–"}
WORD = {"right": "right", "wrong": "wrong", "absent": "not in its text"}


def svg(tallies: list[Tally], description: str, ident: str = "brief-scorecard") -> str:
    bars, height = layout(tallies)
    out = [
        f'<svg class="brief-scorecard-figure" viewBox="0 0 {WIDTH} {height:g}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">Scorecard: how each version does on the corrections</title>',
        f'<desc id="{ident}-desc">{xml(description)}</desc>',
        "<defs>"
        f'<pattern id="{ident}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#fff"/>'
        f'<rect width="3" height="6" fill="{WRONG_COLOUR}"/>'
        "</pattern></defs>",
    ]
    for bar in bars:
        out.append(f'<text x="0" y="{bar.y + 13:g}" class="brief-sc-label">{xml(bar.label)}</text>')
        out.append(
            f'<text x="0" y="{bar.y + 30:g}" class="brief-sc-counts">{xml(bar.counts)}</text>'
        )
        top = bar.y + 37
        for s in bar.segments:
            out.append(_svg_segment(s, top, ident))
    y = len(bars) * ROW + 8
    x = 0.0
    for kind in ("right", "wrong", "absent"):
        out.append(_svg_segment(Segment(kind, x, 14, 0), y, ident, height=12))
        out.append(
            f'<text x="{x + 19:g}" y="{y + 10:g}" class="brief-sc-counts">'
            f"{SYMBOL[kind]} {WORD[kind]}</text>"
        )
        x += 19 + 9 * len(WORD[kind]) + 30
    out.append("</svg>")
    return "".join(out)


def _svg_segment(s: Segment, top: float, ident: str, height: float = BAR) -> str:
    if s.kind == "right":
        rect = f'fill="{RIGHT_COLOUR}"'
    elif s.kind == "wrong":
        rect = f'fill="url(#{ident}-hatch)" stroke="{WRONG_COLOUR}" stroke-width="1.5"'
    else:
        rect = f'fill="#fff" stroke="{ABSENT_COLOUR}" stroke-width="1.5" stroke-dasharray="4 3"'
    shape = f'<rect x="{s.x + 0.75:g}" y="{top + 0.75:g}" width="{max(s.width - 1.5, 1):g}" '
    shape += f'height="{height - 1.5:g}" {rect}/>'
    if s.count and s.width >= 30:
        colour = "#fff" if s.kind == "right" else "#1a1a1a"
        backing = (
            ""
            if s.kind == "right"
            else f'<rect x="{s.x + 4:g}" y="{top + 3:g}" width="{10 + 8 * len(str(s.count)):g}" '
            f'height="{height - 6:g}" fill="#fff"/>'
        )
        shape += backing + (
            f'<text x="{s.x + 6:g}" y="{top + height - 6:g}" fill="{colour}" '
            f'class="brief-sc-num">{SYMBOL[s.kind]}{s.count}</text>'
        )
    return shape


# -- the same figure in the PDF ------------------------------------------------------------

_TEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
}


def tex(text: str) -> str:
    """Text for LaTeX: every special character escaped."""
    return "".join(_TEX_SPECIAL.get(c, c) for c in text)


def tikz(tallies: list[Tally], text: Callable[[str], str] = tex) -> str:
    """The picture in TikZ; ``text`` makes the labels LaTeX (the PDF's own glyph routing,
    where a label holds characters the sans font lacks)."""
    bars, height = layout(tallies)
    lines = [
        r"\begin{center}\begin{tikzpicture}[x=\linewidth/"
        + f"{WIDTH + 2}"
        + r", y=-\linewidth/"
        + f"{WIDTH + 2}"
        + r", every node/.style={inner sep=0, anchor=base west, font=\sffamily\small}]",
    ]
    for bar in bars:
        lines.append(rf"\node at (0,{bar.y + 13:g}) {{\bfseries {text(bar.label)}}};")
        lines.append(rf"\node at (0,{bar.y + 30:g}) {{\footnotesize {text(bar.counts)}}};")
        for s in bar.segments:
            lines.append(_tikz_segment(s, bar.y + 37))
    y = len(bars) * ROW + 8
    x = 0.0
    for kind in ("right", "wrong", "absent"):
        lines.append(_tikz_segment(Segment(kind, x, 14, 0), y, height=12))
        lines.append(
            rf"\node at ({x + 19:g},{y + 10:g}) {{\footnotesize {SYMBOL[kind]} {WORD[kind]}}};"
        )
        x += 19 + 9 * len(WORD[kind]) + 30
    lines.append(r"\end{tikzpicture}\end{center}")
    return "\n".join(lines)


def _tikz_segment(s: Segment, top: float, height: float = BAR) -> str:
    right, bottom = s.x + s.width - 0.75, top + height - 0.75
    corner = f"({s.x + 0.75:g},{top + 0.75:g}) rectangle ({right:g},{bottom:g})"
    if s.kind == "right":
        shape = rf"\fill[briefright] {corner};"
    elif s.kind == "wrong":
        hatch = "pattern=north east lines, pattern color=briefwrong"
        shape = rf"\draw[briefwrong, line width=.8pt, {hatch}] {corner};"
    else:
        shape = rf"\draw[briefabsent, line width=.8pt, dashed] {corner};"
    if s.count and s.width >= 30:
        colour = "white" if s.kind == "right" else "black"
        fill = "" if s.kind == "right" else ", fill=white, inner sep=1pt"
        shape += (
            rf"\node[text={colour}{fill}] at ({s.x + 6:g},{top + height - 6:g}) "
            rf"{{\footnotesize\bfseries {SYMBOL[s.kind]}{s.count}}};"
        )
    return shape


TIKZ_PREAMBLE = r"""
\usepackage{tikz}
\usetikzlibrary{patterns}
\definecolor{briefright}{HTML}{1E6B35}
\definecolor{briefwrong}{HTML}{B3261E}
\definecolor{briefabsent}{HTML}{6B6B6B}
"""
