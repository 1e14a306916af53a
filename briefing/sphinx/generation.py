"""Generate the brief's pages when the builder starts, and its data when it ends.

The inputs are read once per build: from the snapshot that ``briefing build`` took and
checked, when it names one (so its HTML and its PDF are built from the very bytes it
checked), else from the files, once, at the builder's start.
"""

from __future__ import annotations

import os
from pathlib import Path
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from briefing import pipeline
from briefing.problems import ProblemsFound
from briefing.render import render_pages, suggest
from briefing.render.export import to_json
from briefing.render.files import write_pages
from briefing.snapshot import ENVIRONMENT, DamagedSnapshot, Snapshot
from briefing.sphinx.config import BriefingConfig
from briefing.sphinx.warnings import logger, warn_problem

_results: WeakKeyDictionary[Sphinx, pipeline.Result] = WeakKeyDictionary()


def result_of(app: Sphinx) -> pipeline.Result | None:
    """The analysed brief of this build, once the builder has started."""
    return _results.get(app)


def generate(app: Sphinx) -> None:
    settings = BriefingConfig.from_sphinx(app.config)
    if not settings.generate:
        return
    confdir = Path(app.confdir)
    try:
        result = pipeline.check(
            confdir / settings.facts,
            confdir / settings.seeds,
            jobs=settings.jobs,
            snapshot=_snapshot(),
        )
    except ProblemsFound as error:
        for problem in error.problems:
            warn_problem(problem)
        raise ExtensionError(
            f"briefing: {len(error.problems)} problem(s) in the fact file "
            f"or the versions stop the build (listed above)"
        ) from None
    for problem in result.problems:
        warn_problem(problem)
    # Discrepancies nobody has reviewed: warnings (so errors under -W) only when the brief
    # asks for it with briefing_strict; otherwise a count.
    pending = suggest.problems(result.project, result.analysis)
    if settings.strict:
        for problem in pending:
            warn_problem(problem)
    elif pending:
        logger.info(
            "briefing: %d of %d discrepancies not yet reviewed (`briefing suggest` lists them)",
            len(pending),
            len(result.analysis.discrepancies),
        )
    pages = render_pages(result.project, result.analysis, confdir / settings.templates)
    try:
        report = write_pages(Path(app.srcdir) / settings.output, pages)
    except FileExistsError as error:
        raise ExtensionError(f"briefing: {error}") from None
    logger.info(
        "briefing: %d pages generated (%d written, %d unchanged, %d removed)",
        len(pages),
        len(report.written),
        len(report.unchanged),
        len(report.removed),
    )
    _results[app] = result


def _snapshot() -> Snapshot:
    dumped = os.environ.get(ENVIRONMENT)
    if not dumped:
        return Snapshot()
    try:
        return Snapshot.load(Path(dumped))
    except DamagedSnapshot as error:
        raise ExtensionError(f"briefing: the inputs' snapshot is damaged: {error}") from None


def write_data(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    settings = BriefingConfig.from_sphinx(app.config)
    result = _results.get(app)
    if not settings.json or result is None:
        return
    path = Path(app.outdir) / "briefing.json"
    text = to_json(result.project, result.analysis)
    if not path.is_file() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")


def setup_generation(app: Sphinx) -> None:
    app.connect("builder-inited", generate)
    app.connect("build-finished", write_data)
