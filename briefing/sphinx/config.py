"""The extension's configuration, declared once; registered as ``briefing_*`` values."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError


@dataclass(frozen=True)
class BriefingConfig:
    """Paths are relative to the folder of ``conf.py`` and may not leave it."""

    facts: str = "docs/facts.yaml"  # the editor's fact file
    seeds: str = "seeds"  # every file in it is a version of the story
    templates: str = "templates"  # project templates that override the packaged ones
    output: str = "_generated"  # where generated pages go, inside the source folder
    strict: bool = False  # unreviewed discrepancies fail the build, not just warn
    json: bool = True  # write briefing.json into the HTML output
    generate: bool = True  # False: build the pages already in the output folder as they are
    jobs: int = 1  # 2: a large brief's analysis may fork a second process inside Sphinx

    @classmethod
    def from_sphinx(cls, config: Config) -> BriefingConfig:
        return cls(
            **{f.name: getattr(config, f"briefing_{f.name}") for f in dataclasses.fields(cls)}
        )


def setup_config(app: Sphinx) -> None:
    for field in dataclasses.fields(BriefingConfig):
        kind = {"bool": bool, "int": int}.get(str(field.type), str)
        app.add_config_value(f"briefing_{field.name}", field.default, "env", types=[kind])
    app.connect("config-inited", check_config)


def check_config(app: Sphinx, config: Config) -> None:
    """Unknown ``briefing_*`` names and paths leaving the project fail at once."""
    known = {f"briefing_{f.name}" for f in dataclasses.fields(BriefingConfig)}
    for name in config._raw_config:
        if name.startswith("briefing_") and name not in known:
            match = process.extractOne(name, sorted(known), score_cutoff=60)
            hint = f"; did you mean {match[0]!r}?" if match else ""
            raise ConfigError(f"unknown setting {name!r} in conf.py{hint}")
    settings = BriefingConfig.from_sphinx(config)
    confdir = Path(app.confdir).resolve()
    for name in ("facts", "seeds", "templates"):
        path = (confdir / getattr(settings, name)).resolve()
        if not path.is_relative_to(confdir):
            raise ConfigError(
                f"briefing_{name} = {getattr(settings, name)!r} points outside "
                f"the project ({confdir}); keep inputs inside it"
            )
    output = (Path(app.srcdir) / settings.output).resolve()
    if (
        not output.is_relative_to(Path(app.srcdir).resolve())
        or output == Path(app.srcdir).resolve()
    ):
        raise ConfigError(
            f"briefing_output = {settings.output!r} must be a folder inside the source folder"
        )
