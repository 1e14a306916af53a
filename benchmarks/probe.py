"""A Sphinx extension for the benchmarks: what a build read and wrote, and what the
briefing extension's own event handlers cost in it.

Load it after briefing, with ``-D extensions=myst_parser,briefing,probe`` and
``benchmarks/`` on ``PYTHONPATH``; it writes ``{"read": [...], "written": [...],
"handlers": {name: CPU seconds}, "cpu": CPU seconds of the process}`` to the file named
by the ``BRIEFING_PROBE`` environment variable when the build ends.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

_read: list[str] = []
_written: list[str] = []
_handlers: dict[str, float] = {}


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _read.extend(docnames)


def _page(app: Sphinx, pagename: str, *args: Any) -> None:
    _written.append(pagename)


def _finished(app: Sphinx, exception: Exception | None) -> None:
    target = os.environ.get("BRIEFING_PROBE")
    if target:
        Path(target).write_text(
            json.dumps(
                {
                    "read": sorted(_read),
                    "written": sorted(_written),
                    "handlers": _handlers,
                    "cpu": time.process_time(),
                }
            )
        )


def _timed(name: str, handler: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return handler(*args, **kwargs)
        finally:
            _handlers[name] = _handlers.get(name, 0.0) + time.process_time() - start

    return run


def setup(app: Sphinx) -> dict[str, Any]:
    # Every handler the briefing extension connected (it is set up before this one).
    for listeners in app.events.listeners.values():
        for k, listener in enumerate(listeners):
            module = getattr(listener.handler, "__module__", "") or ""
            if module.startswith("briefing"):
                name = f"{module}.{listener.handler.__name__}"
                listeners[k] = listener._replace(handler=_timed(name, listener.handler))
    app.connect("env-before-read-docs", _before_read)
    app.connect("html-page-context", _page)
    app.connect("build-finished", _finished, priority=900)  # after briefing's
    return {"parallel_read_safe": True, "parallel_write_safe": True}
