"""Generated pages reproduce their sources' characters exactly.

Sphinx's smart quotes would turn a version's straight quotes into curly ones, and the
errata would then misquote the very text they correct.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from briefing.sphinx.config import BriefingConfig


class KeepSourceCharacters(SphinxTransform):
    default_priority = 700  # before SphinxSmartQuotes (750)

    def apply(self, **kwargs: object) -> None:
        output = Path(BriefingConfig.from_sphinx(self.config).output.strip("/")).parts

        def generated(docname: str) -> bool:
            return Path(docname).parts[: len(output)] == output

        # A page that includes a generated page (a front page showing the brief) quotes
        # the versions too.
        if generated(self.env.docname) or any(
            generated(d) for d in self.env.included.get(self.env.docname, ())
        ):
            self.document["support_smartquotes"] = False


def setup_transforms(app: Sphinx) -> None:
    app.add_transform(KeepSourceCharacters)
