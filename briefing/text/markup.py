"""HTML markup left in a version's text (a store that kept a page's ``<p>`` and ``<a>``
tags): blanked out, so that the words and sentences read as the page shows them. Only a
text laid out in paragraphs of markup is read so; a tag or two in a text are its words.

Each tag and character reference gives way to as many spaces as it took, so every line
and every offset of the text stays the file's; only the letters glued after a closing
inline tag ("China</a>'s") move up to close the gap, as they read on the page.
"""

from __future__ import annotations

import html
import re

_INLINE = r"a|em|strong|b|i|u|span|sup|sub|small|abbr|cite|mark"
_BLOCK = r"p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|img|section|article"
_TAG = re.compile(rf"</?(?:{_INLINE}|{_BLOCK})\b[^<>\n]*>", re.IGNORECASE)
# Closing inline tags, and what is glued after them: "</a>'s" reads "'s".
_CLOSING_RUN = re.compile(rf"((?:</(?:{_INLINE})\s*>)+)([^\s<]*)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});")
# A text the store kept with its page's markup closes its paragraphs with "</p>"; other
# tags in a text are its words, shown as text like any (a scraped "<script>" or "<b>").
_PARAGRAPH_END = re.compile(r"</p\s*>", re.IGNORECASE)
MARKED_UP = 2  # paragraphs closed so in a text laid out by markup


def without_markup(text: str) -> str:
    """The text with its HTML tags blanked and its character references read, each in
    as many characters as it took; a text without markup as it is."""
    if len(_PARAGRAPH_END.findall(text)) < MARKED_UP:
        return text
    joined = _CLOSING_RUN.sub(lambda m: m.group(2) + " " * len(m.group(1)), text)
    blanked = _TAG.sub(lambda m: " " * len(m.group()), joined)
    return _ENTITY.sub(_character, blanked)


def _character(match: re.Match[str]) -> str:
    character = html.unescape(match.group())
    if len(character) != 1:
        return match.group()  # not a reference HTML knows: left as printed
    return (" " if character == "\xa0" else character).ljust(len(match.group()))
