"""A Sphinx extension for the benchmarks: records which documents a build read and wrote.

Load it with ``-D extensions=myst_parser,briefing,probe`` and ``benchmarks/`` on
``PYTHONPATH``; it writes ``{"read": [...], "written": [...]}`` to the file named by
the ``BRIEFING_PROBE`` environment variable when the build ends.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

_read: list[str] = []
_written: list[str] = []


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _read.extend(docnames)


def _page(app: Sphinx, pagename: str, *args: Any) -> None:
    _written.append(pagename)


def _finished(app: Sphinx, exception: Exception | None) -> None:
    target = os.environ.get("BRIEFING_PROBE")
    if target:
        Path(target).write_text(json.dumps({"read": sorted(_read), "written": sorted(_written)}))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-before-read-docs", _before_read)
    app.connect("html-page-context", _page)
    app.connect("build-finished", _finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
