"""briefing: annotated policy briefs from versions of a story and a fact file.

Loading ``briefing`` as a Sphinx extension registers it; the rest of the package never
imports Sphinx, so the CLI and tests run the same core without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    from briefing.sphinx import setup as setup_extension

    return setup_extension(app)
