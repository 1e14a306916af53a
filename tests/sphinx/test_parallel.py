"""A parallel build (``-j 2``) gives the same brief as a serial one, with no warnings."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from ..conftest import ROOTS

ROOT = ROOTS / "test-basic"

MakeApp = Callable[..., SphinxTestApp]


class Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.add(str(found["href"]))


def parsed(path: Path) -> Ids:
    parser = Ids()
    parser.feed(path.read_text("utf-8"))
    return parser


def build(make_app: MakeApp, folder: Path, jobs: int) -> SphinxTestApp:
    shutil.copytree(ROOT, folder)
    app = make_app("html", srcdir=folder, parallel=jobs)
    try:
        app.build()
    finally:
        app.cleanup()  # lets the next build of this test register its nodes afresh
    return app


def test_parallel_build_matches_serial_build(make_app: MakeApp, tmp_path: Path) -> None:
    serial = build(make_app, tmp_path / "serial", 1)
    parallel = build(make_app, tmp_path / "parallel", 2)
    assert parallel.parallel == 2
    assert serial.warning.getvalue() == ""
    assert parallel.warning.getvalue() == ""

    serial_out, parallel_out = Path(serial.outdir), Path(parallel.outdir)
    assert (parallel_out / "briefing.json").read_bytes() == (
        serial_out / "briefing.json"
    ).read_bytes()
    # Objects declared in pages read by different processes are all merged into the domain.
    serial_objects = serial.env.domains["brief"].data["objects"]
    parallel_objects = parallel.env.domains["brief"].data["objects"]
    assert parallel_objects == serial_objects
    assert ("fact", "met-tuesday") in parallel_objects
    assert ("para", "wire:p1") in parallel_objects
    # Cross-references between those pages resolve the same way.
    for page in (
        "index.html",
        "_generated/brief.html",
        "_generated/errata.html",
        "_generated/facts.html",
        "_generated/sources/wire.html",
    ):
        a, b = parsed(serial_out / page), parsed(parallel_out / page)
        assert b.ids == a.ids, page
        assert b.hrefs == a.hrefs, page
