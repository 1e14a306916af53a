"""Ids made from text: lower-case words joined by hyphens."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str, limit: int = 40, fallback: str = "item") -> str:
    """``text`` as an id: its letters and digits, lower case, words joined by "-"."""
    return "-".join(_WORD.findall(text.casefold()))[:limit].strip("-") or fallback
