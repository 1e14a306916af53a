"""What XeLaTeX needs to typeset any text a version holds, and lose none of it.

* Fonts: scripts and symbols the main font lacks are drawn from fallback fonts, switched
  per Unicode block (one table, :data:`ROUTES`, gives both the LaTeX and the check below).
* A character that no configured font draws would silently vanish from the PDF (XeTeX
  only logs "Missing character"); it is printed as ``[U+1F642]`` instead.
* Long unbroken runs (URLs, scraped junk) get break points, or they would run off the page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from functools import cache
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

# LaTeX font command -> (font family, family used when it is not installed)
FONTS = {
    r"\brieffallback": "FreeSerif",  # Debian: fonts-freefont-otf
    r"\briefmathletters": "TeX Gyre Pagella Math",  # fonts-texgyre-math
    r"\briefcjk": "Droid Sans Fallback",  # fonts-droid-fallback
    r"\briefemoji": "DejaVu Sans",  # fonts-dejavu-core
}


class Route(NamedTuple):
    block: str  # ucharclasses' name of the Unicode block
    first: int
    last: int
    font: str  # a key of FONTS


ROUTES = [
    Route(*r)
    for r in [
        ("Cyrillic", 0x0400, 0x04FF, r"\brieffallback"),
        ("Armenian", 0x0530, 0x058F, r"\brieffallback"),
        ("Hebrew", 0x0590, 0x05FF, r"\brieffallback"),
        ("Arabic", 0x0600, 0x06FF, r"\brieffallback"),
        ("Thai", 0x0E00, 0x0E7F, r"\brieffallback"),
        ("Georgian", 0x10A0, 0x10FF, r"\brieffallback"),
        ("Arrows", 0x2190, 0x21FF, r"\brieffallback"),
        ("MiscellaneousTechnical", 0x2300, 0x23FF, r"\brieffallback"),
        ("ControlPictures", 0x2400, 0x243F, r"\brieffallback"),
        ("GeometricShapes", 0x25A0, 0x25FF, r"\brieffallback"),
        ("MiscellaneousSymbols", 0x2600, 0x26FF, r"\brieffallback"),
        ("Dingbats", 0x2700, 0x27BF, r"\brieffallback"),
        ("CJKSymbolsAndPunctuation", 0x3000, 0x303F, r"\briefcjk"),
        ("Hiragana", 0x3040, 0x309F, r"\briefcjk"),
        ("Katakana", 0x30A0, 0x30FF, r"\briefcjk"),
        ("CJKUnifiedIdeographs", 0x4E00, 0x9FFF, r"\briefcjk"),
        ("HangulSyllables", 0xAC00, 0xD7AF, r"\briefcjk"),
        ("HalfwidthAndFullwidthForms", 0xFF00, 0xFFEF, r"\briefcjk"),
        ("MathematicalAlphanumericSymbols", 0x1D400, 0x1D7FF, r"\briefmathletters"),
        ("MiscellaneousSymbolsAndPictographs", 0x1F300, 0x1F5FF, r"\briefemoji"),
        ("Emoticons", 0x1F600, 0x1F64F, r"\briefemoji"),
    ]
]
# ucharclasses splits Devanagari into letters and vowel signs, which would break every
# syllable in two fonts' runs: it gets one class of its own for the whole block.
WHOLE_BLOCKS = [Route("Devanagari", 0x0900, 0x097F, r"\brieffallback")]
SINGLE = {0xFFFD: r"\brieffallback"}  # the replacement character, wherever it stands


def latex_fonts() -> str:
    """The preamble that declares the fallback fonts and switches to them by block."""
    lines = [
        "% Scripts and symbols that the main font lacks, from fallback fonts by Unicode block.",
        r"\newfontfamily\brieffallback{FreeSerif}",
        *(
            rf"\IfFontExistsTF{{{family}}}{{\newfontfamily{command}{{{family}}}}}"
            rf"{{\let{command}\brieffallback}}"
            for command, family in FONTS.items()
            if command != r"\brieffallback"
        ),
        rf"\usepackage[{','.join(r.block for r in ROUTES)}]{{ucharclasses}}",
        "% ucharclasses sets transitions between the classes it loads; those from and to",
        "% class 0 (Latin, left unassigned) are set here, so a letter inside a word switches.",
        r"\def\brieffrom#1#2{\setTransitionsFor{#1}{\begingroup#2\upshape\mdseries}{\endgroup}%",
        r"  \XeTeXinterchartoks 0 \csname #1Class\endcsname={\begingroup#2\upshape\mdseries}%",
        r"  \XeTeXinterchartoks \csname #1Class\endcsname 0 ={\endgroup}}",
        *(rf"\brieffrom{{{r.block}}}{{{r.font}}}" for r in ROUTES),
        r"\makeatletter",
        r"\def\briefblock#1#2#3#4{\newXeTeXintercharclass#1%",
        r"  \count@=#2 \loop\XeTeXcharclass\count@=#1\ifnum\count@<#3 \advance\count@\@ne\repeat",
        r"  \XeTeXinterchartoks 0 #1={\begingroup#4\upshape\mdseries}%",
        r"  \XeTeXinterchartoks #1 0 ={\endgroup}%",
        r"  \XeTeXinterchartoks \@ucharclass@boundary #1={\begingroup#4\upshape\mdseries}%",
        r"  \XeTeXinterchartoks #1 \@ucharclass@boundary={\endgroup}}",
        r"\makeatother",
        *(
            rf'\briefblock\brief{r.block.lower()}class{{"{r.first:04X}}}{{"{r.last:04X}}}{{{r.font}}}'
            for r in WHOLE_BLOCKS
        ),
        r"\usepackage{newunicodechar}",
        *(
            rf'\newunicodechar{{^^^^{code:04x}}}{{{{{font}\symbol{{"{code:04X}}}}}}}'
            for code, font in SINGLE.items()
        ),
        "% Direction marks have no glyph and no effect without bidi typesetting.",
        r'\catcode"200E=9 \catcode"200F=9',
        "",
    ]
    return "\n".join(lines)


# --- characters no font draws -----------------------------------------------------------


@cache
def coverage(family: str) -> frozenset[int] | None:
    """The code points ``family`` draws, from fontconfig; None when it cannot be known."""
    if shutil.which("fc-match") is None:
        return None
    try:  # fc-match falls back to another font when the family is absent: check its name
        found = subprocess.run(
            ["fc-match", "--format", "%{family}|%{charset}", family],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    names, _, charset = found.stdout.partition("|")
    ranges = charset.split()
    if family not in names.split(",") or not ranges:
        return None
    points: set[int] = set()
    for item in ranges:
        first, _, last = item.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


def _font_for(code: int, main: str) -> str:
    for route in (*ROUTES, *WHOLE_BLOCKS):
        if route.first <= code <= route.last:
            family = FONTS[route.font]
            return family if coverage(family) is not None else FONTS[r"\brieffallback"]
    if code in SINGLE:
        return FONTS[SINGLE[code]]
    return main


def undrawable(text: str, main: str) -> set[str]:
    """Characters of ``text`` that the font chosen for them does not have."""
    if coverage(main) is None:
        return set()  # fontconfig does not know the main font: nothing can be said
    missing = set()
    for char in set(text):
        code = ord(char)
        if (
            code < 0x80
            or char.isspace()
            or unicodedata.category(char) == "Cf"
            or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF
        ):  # variation selectors
            continue
        drawn_by = coverage(_font_for(code, main))
        if drawn_by is not None and code not in drawn_by:
            missing.add(char)
    return missing


_MAIN_FONT = re.compile(r"\\setmainfont(?:\[[^\]]*\])?\{([^}]+)\}")


def main_font(app: Sphinx) -> str | None:
    found = _MAIN_FONT.search(str(app.config.latex_elements.get("fontpkg", "")))
    return found.group(1).strip() if found else None


# --- the post-transforms -----------------------------------------------------------------

_VERBATIM = (
    nodes.FixedTextElement,
    nodes.literal,
    nodes.raw,
    nodes.math,
    nodes.comment,
    nodes.target,
)


def _texts(document: nodes.document) -> list[nodes.Text]:
    """Text nodes LaTeX typesets as running text (not code, not raw)."""
    found = []
    for text in document.findall(nodes.Text):
        node: nodes.Node | None = text.parent
        while node is not None and not isinstance(node, _VERBATIM):
            node = node.parent
        if node is None and text.parent is not None:
            found.append(text)
    return found


class ShowMissingCharacters(SphinxPostTransform):
    """A character no configured font draws becomes ``[U+XXXX]`` in the PDF."""

    default_priority = 890
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        main = main_font(self.app)
        if main is None:
            return
        for text in _texts(self.document):
            value = text.astext()
            missing = undrawable(value, main)
            if missing:
                shown = "".join(f"[U+{ord(c):04X}]" if c in missing else c for c in value)
                text.parent.replace(text, nodes.Text(shown))


LONG_RUN = 30  # characters without a space after which LaTeX is offered break points
_RUN = re.compile(rf"(\S{{{LONG_RUN},}})")
_BREAK_AFTER = frozenset("/.-_?&=,;:)]}|\\")
_CHUNK = 12  # at most this many characters between break points inside a long run


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
    """Long unbroken strings may break anywhere in LaTeX.

    TeX only breaks lines at spaces and hyphens, so a 300-character URL in a version would
    run off the page and its end be lost; ``\\allowbreak`` points let it wrap without
    adding a character to the text.
    """

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for text in _texts(self.document):
            if not _RUN.search(text.astext()):
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
            text.parent.replace(text, replacement)


def setup_latex_text(app: Sphinx) -> None:
    app.add_post_transform(ShowMissingCharacters)
    app.add_post_transform(BreakLongRuns)
