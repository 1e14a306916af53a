"""The Sphinx extension: the only part of briefing that imports Sphinx."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from briefing import __version__
from briefing.sphinx.cards import setup_cards
from briefing.sphinx.citations import setup_citations
from briefing.sphinx.config import setup_config
from briefing.sphinx.details import setup_details
from briefing.sphinx.domain import setup_domain
from briefing.sphinx.figures import setup_figures
from briefing.sphinx.generation import setup_generation
from briefing.sphinx.jsonld import setup_jsonld
from briefing.sphinx.latexstyle import setup_latex_style
from briefing.sphinx.output import setup_output
from briefing.sphinx.site import setup_site
from briefing.sphinx.transforms import setup_transforms


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")
    setup_config(app)
    setup_domain(app)
    setup_citations(app)
    setup_details(app)
    setup_figures(app)
    setup_generation(app)
    setup_output(app)
    setup_site(app)
    setup_latex_style(app)
    setup_cards(app)
    setup_jsonld(app)
    setup_transforms(app)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
