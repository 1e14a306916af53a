"""What XeLaTeX needs to typeset any text a version holds, and lose none of it.

* Fonts: every character is drawn by the font of its place or by a fallback, or is
  printed as ``[U+1F642]`` and named in a warning (:mod:`briefing.sphinx.glyphs`): XeTeX
  itself would drop it, logging only "Missing character".
* Right-to-left runs are set right to left (:mod:`briefing.sphinx.bidi`).
* Long unbroken runs (URLs, scraped junk) get break points, or they would run off the
  page; long paragraphs are written on lines TeX can read (it stops at 200,000 bytes).
* Text for LaTeX from ``conf.py`` (the title in ``latex_documents``) is escaped with
  :func:`latex_escape`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from briefing.problems import Code
from briefing.sphinx import bidi, glyphs
from briefing.sphinx.glyphs import Role
from briefing.sphinx.warnings import warn

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "[": "{[}",
    "]": "{]}",
}


def latex_escape(text: str) -> str:
    """``text`` as LaTeX that prints it, for conf.py: ``latex_documents`` takes markup."""
    return "".join(_SPECIALS.get(c, c) for c in " ".join(text.split()))


def latex_fonts() -> str:
    """The preamble: fallback fonts, their switching, right-to-left runs."""
    return "\n".join(
        [
            glyphs.latex_fonts(),
            bidi.LATEX,
            "% Direction marks have no glyph; the runs they would mark are set by \\briefrtl.",
            r'\catcode"200E=9 \catcode"200F=9',
            "",
        ]
    )


# --- which text is typeset, and in which font ------------------------------------------

_VERBATIM = (
    nodes.FixedTextElement,
    nodes.literal,
    nodes.raw,
    nodes.math,
    nodes.comment,
    nodes.target,
)
_CODE = (nodes.FixedTextElement, nodes.raw, nodes.math, nodes.comment, nodes.target)
_HEADINGS = (nodes.title, nodes.subtitle, nodes.rubric)


def _texts(document: nodes.document, skip: tuple[type, ...] = _VERBATIM) -> list[nodes.Text]:
    """Text nodes LaTeX typesets as running text (not code, not raw)."""
    found = []
    for text in document.findall(nodes.Text):
        node: nodes.Node | None = text.parent
        while node is not None and not isinstance(node, skip):
            node = node.parent
        if node is None and text.parent is not None:
            found.append(text)
    return found


def _role(text: nodes.Text, headings: Role) -> Role:
    node: nodes.Node | None = text.parent
    while node is not None:
        if isinstance(node, nodes.literal):
            return "mono"
        if isinstance(node, (*_HEADINGS, nodes.thead)):
            return headings
        node = node.parent
    return "main"


_HEADER_FAMILY = re.compile(r"HeaderFamily[}=\s{]*\\(rm|sf|tt)family")


def heading_role(latex_elements: dict[str, Any]) -> Role:
    """The font of headings: Sphinx's ``HeaderFamily``, sans unless conf.py changes it."""
    settings = f"{latex_elements.get('sphinxsetup', '')} {latex_elements.get('preamble', '')}"
    found = _HEADER_FAMILY.search(settings)
    roles: dict[str, Role] = {"rm": "main", "sf": "sans", "tt": "mono"}
    return roles[found.group(1)] if found else "sans"


class SetRightToLeft(SphinxPostTransform):
    """Right-to-left runs inside ``\\briefrtl{...}``."""

    default_priority = 880
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for text in _texts(self.document):
            value = text.astext()
            if not bidi.has_rtl(value):
                continue
            replacement: list[nodes.Node] = []
            for piece, rtl in bidi.runs(value):
                if rtl:
                    replacement += [_latex(r"\briefrtl{"), nodes.Text(piece), _latex("}")]
                else:
                    replacement.append(nodes.Text(piece))
            text.parent.replace(text, replacement)


class ShowMissingCharacters(SphinxPostTransform):
    """A character its place's font lacks is drawn by a fallback font; one no font has
    becomes ``[U+XXXX]`` in the PDF, with a warning naming it."""

    default_priority = 890
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if self.config.latex_engine not in ("xelatex", "lualatex"):
            return
        fonts = glyphs.document_fonts(self.config.latex_elements.get("fontpkg"))
        headings = heading_role(self.config.latex_elements)
        warned: set[str] = set()
        for text in _texts(self.document, _CODE):
            value = text.astext()
            if value.isascii():
                continue
            role = _role(text, headings)
            choices = [(char, glyphs.font_for(char, role, fonts)) for char in value]
            if all(choice == "" for _, choice in choices):
                continue
            for char, choice in choices:
                if choice is None and char not in warned:
                    warned.add(char)
                    warn(_no_font(char), Code.MISSING_GLYPH, text.parent)
            text.parent.replace(text, _drawn(choices))


def _no_font(char: str) -> str:
    name = unicodedata.name(char, "unnamed")
    return (
        f"no font of the PDF has U+{ord(char):04X} ({name}); it is printed as "
        f"[U+{ord(char):04X}] — install a font that has it, or suppress "
        "briefing.missing_glyph to accept this"
    )


def _drawn(choices: list[tuple[str, str | None]]) -> list[nodes.Node]:
    """Runs of characters with one font each: as they are, switched, or named."""
    result: list[nodes.Node] = []
    run, font = "", ""
    for char, choice in [*choices, ("", "")]:
        if choice is None:
            char, choice = f"[U+{ord(char):04X}]", ""
        if choice == font and char:
            run += char
            continue
        if run:
            if font:
                result += [_latex(rf"\briefglyph{{{font}}}{{"), nodes.Text(run), _latex("}")]
            else:
                result.append(nodes.Text(run))
        run, font = char, choice
    return result


def _latex(code: str) -> nodes.raw:
    return nodes.raw("", code, format="latex")


# --- lines and runs ------------------------------------------------------------------------

LONG_RUN = 30  # characters without a space after which LaTeX is offered break points
_RUN = re.compile(rf"(\S{{{LONG_RUN},}})")
_BREAK_AFTER = frozenset("/.-_?&=,;:)]}|\\")
_CHUNK = 12  # at most this many characters between break points inside a long run
LINE = 1000  # characters of running text after which the LaTeX file takes a new line


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
    adding a character to the text. Every few of them ends a line of the LaTeX file
    (``%`` and a line break add nothing either).
    """

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for text in _texts(self.document):
            if not _RUN.search(text.astext()):
                continue
            replacement: list[nodes.Node] = []
            breaks = 0
            for part in _RUN.split(text.astext()):
                if not part:
                    continue
                pieces = break_points(part) if _RUN.fullmatch(part) else [part]
                for n, piece in enumerate(pieces):
                    if n:
                        breaks += 1
                        end = "%\n" if breaks % (LINE // _CHUNK) == 0 else ""
                        replacement.append(_latex(r"\allowbreak{}" + end))
                    replacement.append(nodes.Text(piece))
            text.parent.replace(text, replacement)


class WrapLongLines(SphinxPostTransform):
    """A space of running text every :data:`LINE` characters becomes a line break: the
    same space to TeX, but a paragraph of 300,000 characters is no longer one line of
    the LaTeX file, past what TeX reads at once. Only a space between two other
    characters is taken: a line break beside another would end the paragraph."""

    default_priority = 910
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        since = 0  # characters written since the last line break
        for text in _texts(self.document):
            value = text.astext()
            if since + len(value) < LINE and "\n" not in value:
                since += len(value)
                continue
            cuts = []
            for n, char in enumerate(value):
                since += 1
                if char == "\n":
                    since = 0
                elif since >= LINE and char == " " and 0 < n < len(value) - 1:
                    if not (value[n - 1].isspace() or value[n + 1].isspace()):
                        cuts.append(n)
                        since = 0
            if cuts:
                chars = list(value)
                for n in cuts:
                    chars[n] = "\n"
                text.parent.replace(text, nodes.Text("".join(chars)))


def setup_latex_text(app: Sphinx) -> None:
    app.add_post_transform(SetRightToLeft)
    app.add_post_transform(ShowMissingCharacters)
    app.add_post_transform(BreakLongRuns)
    app.add_post_transform(WrapLongLines)
