"""A web page, saved or fetched, and the article in it.

The article is extracted with trafilatura (the best-measured open-source extractor: it
drops navigation, cookie notices, teasers and footers), its metadata from the page's own
markup (Open Graph, JSON-LD, meta tags), its date by htmldate where trafilatura finds
none. Fetching is plain HTTP(S) with a timeout and a size limit; nothing else is ever
downloaded.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from briefing.cli.pagemeta import byline, headline
from briefing.text.furniture import find_furniture

MAX_BYTES = 8 * 1024 * 1024  # a news page is rarely a tenth of this
TIMEOUT = 20.0  # seconds, for the connection and for each read
_USER_AGENT = "briefing (saving a version of a story for a policy brief)"


class PageError(Exception):
    """Why a page could not be had, said to the editor."""


@dataclass(frozen=True)
class Article:
    text: str  # paragraphs, one per line, a blank line between
    title: str | None
    author: str | None
    date: str | None  # YYYY-MM-DD
    site: str | None  # the site's name, or its host
    url: str | None


def read_page(
    where: str, *, timeout: float = TIMEOUT, limit: int = MAX_BYTES
) -> tuple[bytes, str | None]:
    """The bytes of a saved page (a path) or of a URL, and the URL they came from."""
    if where.startswith(("http://", "https://")):
        return _fetch(where, timeout, limit), where
    if "://" in where:
        raise PageError(f"{where}: only http:// and https:// addresses can be fetched")
    path = Path(where)
    if not path.is_file():
        raise PageError(f"{where}: no such file (give a saved page, or an http(s) address)")
    if path.stat().st_size > limit:
        raise PageError(f"{where}: larger than {limit // (1024 * 1024)} MB; is it a page?")
    return path.read_bytes(), None


def _fetch(url: str, timeout: float, limit: int) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data: bytes = response.read(limit + 1)
    except urllib.error.HTTPError as error:
        raise PageError(f"{url}: the server answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PageError(
            f"{url}: cannot be fetched ({reason}); save the page from a browser "
            "and give its file instead"
        ) from None
    if len(data) > limit:
        raise PageError(f"{url}: larger than {limit // (1024 * 1024)} MB; not fetched")
    return data


NOT_ARTICLE = frozenset({"related", "navigation", "share", "prompt", "ad"})


def extract(page: bytes, url: str | None) -> Article:
    """The article of a page, with its metadata."""
    import htmldate
    import trafilatura

    html = page.decode("utf-8", errors="replace")
    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=True,
    )
    if not text or not text.strip():
        raise PageError("no article found in the page (is it the story's own page?)")
    meta = trafilatura.extract_metadata(html, default_url=url)
    date = meta.date if meta and meta.date else htmldate.find_date(html, original_date=True)
    page_url = (meta.url if meta and meta.url else None) or url
    site = (meta.sitename if meta else None) or (
        urlsplit(page_url).netloc.removeprefix("www.") if page_url else None
    )
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    # Lines the extractor keeps that say they are the page's, not the article's ("Read
    # more: ...", "Share on", "Sign up"): headlines, bylines and captions stay, for the
    # furniture pass to set apart and show.
    found = find_furniture({"page": "\n\n".join(paragraphs)}, {"page": site})["page"]
    dropped = {a.text.strip() for a in found if a.kind in NOT_ARTICLE}
    paragraphs = [line for line in paragraphs if line not in dropped]
    host = urlsplit(page_url).netloc if page_url else None
    return Article(
        "\n\n".join(paragraphs) + "\n",
        headline(html, meta.title if meta else None),
        byline(html, meta.author if meta else None, site, host),
        date or None,
        site or None,
        page_url,
    )
