"""Writing MyST safely: every string from the inputs is escaped unless built here.

Templates output through :func:`finalize`, which escapes anything that is not a
:class:`Myst` value, so a template that forgets a filter still cannot let source text
become markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from markupsafe import Markup

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation mark
_SPACE = re.compile(r"\s+")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Control characters that are not line ends or tabs, and noncharacters: XeTeX stops on
# them and HTML hides them, so they are shown as their Control Pictures (or U+FFFD).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef\ufffe\uffff]")


class Myst(str):
    """A string that is already MyST markup; templates print it as it is."""


def escape(text: object) -> Myst:
    """Text that MyST renders as exactly these characters, on one line.

    CommonMark lets a backslash escape any ASCII punctuation, which covers every
    construct MyST knows: roles, directives, math, links, footnotes, HTML, fences.
    Directional overrides are dropped so that a source cannot reorder the page around it;
    control characters are shown as visible stand-ins (see :func:`visible`).
    """
    flat = _SPACE.sub(" ", visible(_BIDI_CONTROLS.sub("", str(text)))).strip()
    return Myst(_PUNCTUATION.sub(r"\\\1", flat))


def plain(text: object) -> str:
    """Text as :func:`escape` shows it, unescaped: for output that is not MyST (the PDF's
    title block): one line, no direction overrides, control characters visible."""
    return _SPACE.sub(" ", visible(_BIDI_CONTROLS.sub("", str(text)))).strip()


def visible(text: str) -> str:
    """``text`` with each control character replaced by a visible stand-in (␛ for ESC)."""
    return _CONTROLS.sub(_stand_in, text)


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block mirrors C0
    return "\u2421" if code == 0x7F else "\ufffd"


def finalize(value: object) -> object:
    if isinstance(value, (Myst, Markup)):
        return value
    if value is None:
        raise ValueError("a template printed None; guard optional values with {% if %}")
    return escape(value)


def quoted(text: str) -> Myst:
    """The text in typographic quotes, unless it already opens with a quotation mark."""
    inner = escape(text)
    return inner if text.lstrip()[:1] in "\"“‘'«" else Myst(f"“{inner}”")


def day(iso: str) -> str:
    """``2026-05-29`` as ``29 May 2026``; anything else as it is."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(iso).strftime("%-d %B %Y")
    except ValueError:
        return iso


def url(target: str) -> Myst:
    """A link destination: angle-bracketed, with anything that could end it encoded."""
    return Myst("<" + quote(target, safe=":/?#[]@!$&'()*+,;=%~-._") + ">")


def link(text: str, target: str, classes: Iterable[str] = ()) -> Myst:
    """``[text](target){.class}``; ``target`` is a URL or a ``type:id`` of the domain."""
    destination = url(target) if target.startswith(("http://", "https://")) else target
    attrs = "{" + " ".join(f".{c}" for c in classes) + "}" if classes else ""
    return Myst(f"[{escape(text)}]({destination}){attrs}")


def span(text: str, *classes: str) -> Myst:
    return Myst(f"[{escape(text)}]{{{' '.join('.' + c for c in classes)}}}")


def ident(value: str) -> Myst:
    """An id of the fact file (checked by the schema), printed as it is."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_:-]*", value):
        raise ValueError(f"not an id: {value!r}")
    return Myst(value)


def role(name: str, target: str, title: str | None = None) -> Myst:
    """A role whose content is an id (ids are checked by the schema: no backticks),
    with an optional title of the package's own making (role content is not escaped)."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_:-]*", target):
        raise ValueError(f"not an id: {target!r}")
    if title is not None:
        if not re.fullmatch(r"[¶\w .,:()-]+", title):
            raise ValueError(f"not a safe role title: {title!r}")
        return Myst(f"{{{name}}}`{title} <{target}>`")
    return Myst(f"{{{name}}}`{target}`")


def marked(text: str, spans: Iterable[tuple[int, int, Myst | None, tuple[str, ...]]]) -> Myst:
    """``text`` with some spans turned into links or classed spans.

    Each span is (start, end, target or None, classes); overlapping spans after the
    first are skipped. White space at a span's edge stays outside it, so no space between
    words is lost.
    """
    out: list[str] = []
    position = 0
    for start, end, target, classes in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < position:
            continue
        out.append(escape_keep_space(text[position:start]))
        piece = text[start:end]
        if escape(piece):
            lead, tail = _edges(piece)
            out.append(
                lead + (link(piece, target, classes) if target else span(piece, *classes)) + tail
            )
        else:
            out.append(escape_keep_space(piece))
        position = end
    out.append(escape_keep_space(text[position:]))
    return Myst(_DOUBLE_SPACE.sub(" ", "".join(out)).strip())


_DOUBLE_SPACE = re.compile(" {2,}")  # escaped text holds single spaces only: safe to merge


def _edges(text: str) -> tuple[str, str]:
    """A space for white space at the start and at the end of ``text`` as it will show."""
    flat = _SPACE.sub(" ", visible(_BIDI_CONTROLS.sub("", text)))
    return (" " if flat.startswith(" ") else ""), (" " if flat.endswith(" ") else "")


def escape_keep_space(text: str) -> str:
    """Like :func:`escape`, but a leading or trailing space is kept (between spans)."""
    core = escape(text)
    lead, tail = _edges(text)
    if not core:
        return lead  # white space only: one space; nothing visible: nothing
    return f"{lead}{core}{tail}"
