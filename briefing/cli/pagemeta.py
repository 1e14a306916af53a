"""What a page says of itself where its metadata falls short: the headline as the page
prints it (metadata titles often carry the site's name and a date: "… | DW |
19.01.2020"), and the byline it prints under a label ("Author", "By") where the metadata
names the site itself as the author ("Deutsche Welle" on dw.com).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = {"script", "style", "noscript", "template", "svg"}
_LABEL = re.compile(r"(?:by|author|written by|words by)\s*:?", re.IGNORECASE)
_NAME = re.compile(r"[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,3}")
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")


class _Texts(HTMLParser):
    """The page's text nodes in order, and the text of its first ``h1``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.h1: str | None = None
        self._skip = 0
        self._in_h1 = False
        self._h1_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "h1" and self.h1 is None:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skip:
            self._skip -= 1
        elif tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.h1 = " ".join(" ".join(self._h1_parts).split()) or None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        text = " ".join(data.split())
        if text:
            self.texts.append(text)
            if self._in_h1:
                self._h1_parts.append(text)


def _read(html: str) -> _Texts:
    parser = _Texts()
    parser.feed(html)
    parser.close()
    return parser


def headline(html: str, title: str | None) -> str | None:
    """The page's ``h1`` where the metadata title is it plus a suffix of the site's."""
    printed = _read(html).h1
    if not title or not printed or title == printed:
        return title
    for separator in _SEPARATORS:
        if title.startswith(printed + separator):
            return printed
    return title


def byline(html: str, author: str | None, site: str | None, host: str | None) -> str | None:
    """The metadata's author, unless it is missing or names the site: then the name the
    page prints after an "Author" or "By" label, if it prints one."""
    if author and not _names_the_site(author, site, host):
        return author
    texts = _read(html).texts
    for k, text in enumerate(texts):
        label = _LABEL.fullmatch(text)
        if label and k + 1 < len(texts) and _NAME.fullmatch(texts[k + 1]):
            return texts[k + 1]
        joined = re.fullmatch(r"(?:By|Author:)\s+(" + _NAME.pattern + ")", text)
        if joined:
            return joined.group(1)
    return author


def _names_the_site(author: str, site: str | None, host: str | None) -> bool:
    """Whether an author is the publication: its name, its initials ("Deutsche Welle"
    on "DW.COM"), or its host's ("dw")."""
    folded = author.casefold()
    roots = {
        r.casefold()
        for r in (site, (site or "").split(".")[0], (host or "").removeprefix("www.").split(".")[0])
        if r
    }
    initials = "".join(w[0] for w in author.split() if w[:1].isupper()).casefold()
    return folded in roots or initials in roots or any(r in folded for r in roots if len(r) > 3)
