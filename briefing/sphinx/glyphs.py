"""Which font draws each character of the PDF, and the LaTeX that makes it so.

The PDF uses four faces of text: the body (the main font, upright, italic and bold), the
headings and table heads (the sans font, bold: Sphinx's ``\\py@HeaderFamily`` and
``\\sphinxstyletheadfamily``) and code (the mono font). Each lacks characters others have:
TeX Gyre Heros, the flagship's heading font, lacks 529 that its body font Pagella has,
and XeTeX drops a character its font lacks, logging it only. So every character is
checked against the font of the place it stands in:

* scripts and symbols that the main font lacks, switched per Unicode block
  (:data:`ROUTES`, by ``ucharclasses``), are checked against the block's font;
* any other character the place's font lacks is drawn by the first fallback font that
  has it (:data:`FALLBACKS`, chosen to match: sans for a heading);
* a character no font has is shown as ``[U+XXXX]`` and named in a located warning.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from functools import cache
from typing import Literal, NamedTuple, cast

Role = Literal["main", "sans", "mono"]

# LaTeX font command -> font family; a family that is not installed is FreeSerif.
FONTS = {
    r"\brieffallback": "FreeSerif",  # Debian: fonts-freefont-otf
    r"\briefmathletters": "TeX Gyre Pagella Math",  # fonts-texgyre-math
    r"\briefcjk": "Droid Sans Fallback",  # fonts-droid-fallback
    r"\briefemoji": "DejaVu Sans",  # fonts-dejavu-core
    r"\brieffreesans": "FreeSans",  # fonts-freefont-otf
    r"\brieffreemono": "FreeMono",  # fonts-freefont-otf
    r"\briefdejavuserif": "DejaVu Serif",  # fonts-dejavu-core
    r"\briefdejavumono": "DejaVu Sans Mono",  # fonts-dejavu-core
}
# The families fontspec gives a role that conf.py's fontpkg does not set, and Sphinx's
# own fontpkg for XeLaTeX when conf.py sets none.
FONTSPEC_DEFAULTS: dict[Role, str] = {
    "main": "Latin Modern Roman",
    "sans": "Latin Modern Sans",
    "mono": "Latin Modern Mono",
}
SPHINX_XELATEX: dict[Role, str] = {"main": "FreeSerif", "sans": "FreeSans", "mono": "FreeMono"}
# The faces each role is typeset in: a character must be in all of them.
FACES: dict[Role, tuple[str, ...]] = {
    "main": ("", ":bold", ":italic"),
    "sans": ("", ":bold"),
    "mono": ("",),
}
# What stands in for a role's font, in order; "main"/"sans"/"mono" are the document's own.
FALLBACKS: dict[Role, tuple[str, ...]] = {
    "main": (
        r"\brieffallback",
        r"\briefdejavuserif",
        r"\briefemoji",
        r"\briefmathletters",
        r"\briefcjk",
    ),
    "sans": (
        r"\brieffreesans",
        r"\briefemoji",
        "main",
        r"\brieffallback",
        r"\briefmathletters",
        r"\briefcjk",
    ),
    "mono": (
        r"\brieffreemono",
        r"\briefdejavumono",
        "main",
        r"\brieffallback",
        r"\briefemoji",
        r"\briefcjk",
    ),
}
SWITCH = {"main": r"\rmfamily", "sans": r"\sffamily", "mono": r"\ttfamily"}


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
        "% One character drawn by another font than its place's: #1 switches to it.",
        r"\DeclareRobustCommand\briefglyph[2]{\texorpdfstring{{#1\upshape\mdseries#2}}{#2}}",
        "",
    ]
    return "\n".join(lines)


# --- what each font draws ------------------------------------------------------------------


@cache
def coverage(pattern: str) -> frozenset[int] | None:
    """The code points the font ``pattern`` ("Family" or "Family:bold") draws, from
    fontconfig; None when it cannot be known."""
    if shutil.which("fc-match") is None:
        return None
    family = pattern.partition(":")[0]
    try:  # fc-match falls back to another font when the family is absent: check its name
        found = subprocess.run(
            ["fc-match", "--format", "%{family}|%{charset}", pattern],
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


@cache
def role_coverage(family: str, role: Role) -> frozenset[int] | None:
    """What ``family`` draws in every face the role is typeset in."""
    faces = [coverage(family + face) for face in FACES[role]]
    known = [face for face in faces if face is not None]
    return frozenset.intersection(*known) if known else None


_ROLE_FONT = {
    "main": re.compile(r"\\setmainfont(?:\[[^\]]*\])?\{([^}]+)\}"),
    "sans": re.compile(r"\\setsansfont(?:\[[^\]]*\])?\{([^}]+)\}"),
    "mono": re.compile(r"\\setmonofont(?:\[[^\]]*\])?\{([^}]+)\}"),
}


def document_fonts(fontpkg: str | None) -> dict[Role, str]:
    """The family of each role, as conf.py's ``latex_elements["fontpkg"]`` sets it."""
    if fontpkg is None:
        return dict(SPHINX_XELATEX)
    fonts: dict[Role, str] = {}
    for role in ("main", "sans", "mono"):
        found = _ROLE_FONT[role].search(fontpkg)
        fonts[role] = found.group(1).strip() if found else FONTSPEC_DEFAULTS[role]
    return fonts


def _routed(code: int) -> str | None:
    for route in (*ROUTES, *WHOLE_BLOCKS):
        if route.first <= code <= route.last:
            return route.font
    return SINGLE.get(code)


def _family(command: str) -> str:
    """The family a FONTS command draws with: its own, when it is installed."""
    family = FONTS[command]
    return family if coverage(family) is not None else FONTS[r"\brieffallback"]


def _ignored(char: str) -> bool:
    code = ord(char)
    return (
        code < 0x80
        or char.isspace()
        or unicodedata.category(char) in ("Cf", "Mn", "Me")
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0xE0100 <= code <= 0xE01EF
    )


Choice = str | None  # a LaTeX font switch for the character, or None: no font has it


def font_for(char: str, role: Role, fonts: dict[Role, str]) -> Choice:
    """``""`` when the place's own font (or its block's) draws ``char``; a font switch
    when a fallback must; None when no font does."""
    if _ignored(char):
        return ""
    code = ord(char)
    routed = _routed(code)
    if routed is not None:
        drawn = coverage(_family(routed))
        return "" if drawn is None or code in drawn else None
    own = role_coverage(fonts[role], role)
    if own is None or code in own:
        return ""  # fontconfig does not know the font: nothing can be said
    for fallback in FALLBACKS[role]:
        if fallback in SWITCH:
            other = cast(Role, fallback)
            drawn, command = role_coverage(fonts[other], other), SWITCH[other]
        else:
            drawn, command = coverage(_family(fallback)), fallback
        if drawn is not None and code in drawn:
            return command
    return None
