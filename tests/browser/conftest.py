"""A built flagship brief served on 127.0.0.1, and Debian's Chromium driven by Playwright.

Nothing here downloads: Chromium is the system's (``make test`` installs Debian's package),
axe-core is the copy bundled in the ``axe-playwright-python`` wheel, and every request
that leaves 127.0.0.1 is aborted.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ..conftest import copy_flagship

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "tests" / "_screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--disable-domain-reliability",
    "--metrics-recording-only",
    "--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions",
]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship brief, copied and built to HTML once per test session."""
    project = copy_flagship(tmp_path_factory.mktemp("site") / "flagship")
    out = project / "_build" / "html"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-c",
            str(project),
            str(project / "docs"),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    return out


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (`make test` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _local_only(route: Any) -> None:
    if urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def open_page(browser: Any, server: str) -> Iterator[Callable[..., Any]]:
    """``open_page("brief/errata.html", width=375, touch=False, dark=False)``: a page,
    loaded, with the errors its script raised (``js_errors``), the console's errors
    (``console_errors``) and the bytes of every response (``weights``: URL -> bytes)."""
    contexts: list[Any] = []

    def opener(
        path: str, width: int = 1280, height: int = 900, touch: bool = False, dark: bool = False
    ) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            has_touch=touch,
            reduced_motion="reduce",
            color_scheme="dark" if dark else "light",
        )
        context.route("**/*", _local_only)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        console: list[str] = []
        weights: dict[str, bytes] = {}
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.on("response", lambda r: weights.__setitem__(r.url, _body(r)))
        page.goto(server + path, wait_until="load")
        page.js_errors = errors
        page.console_errors = console
        page.weights = weights
        return page

    yield opener
    for context in contexts:
        context.close()


def _body(response: Any) -> bytes:
    try:
        return response.body()  # type: ignore[no-any-return]
    except Exception:  # a redirect or an aborted request has no body
        return b""


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
