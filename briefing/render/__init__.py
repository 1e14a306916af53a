"""Render the generated pages from Jinja2 templates to MyST.

Templates run sandboxed with undefined names as errors; a project's own ``templates/``
folder overrides the packaged templates file by file.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from briefing.analysis.results import Analysis
from briefing.model import Project
from briefing.render import myst
from briefing.render.views import views

# page path (inside the output folder) -> template
PAGES = {
    "brief.md": "brief.md.jinja",
    "errata.md": "errata.md.jinja",
    "comparison.md": "comparison.md.jinja",
    "facts.md": "facts.md.jinja",
    "entities.md": "entities.md.jinja",
    "references.md": "references.md.jinja",
    "sources/index.md": "sources-index.md.jinja",
}
SOURCE_PAGE = "source.md.jinja"


def environment(project_templates: Path | None = None) -> SandboxedEnvironment:
    loaders: list[FileSystemLoader | PackageLoader] = []
    if project_templates is not None and project_templates.is_dir():
        loaders.append(FileSystemLoader(project_templates))
    loaders.append(PackageLoader("briefing.render", "templates"))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        finalize=myst.finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(
        md=myst.escape,
        link=myst.link,
        role=myst.role,
        raw=myst.Myst,
        ident=myst.ident,
        quoted=myst.quoted,
        day=myst.day,
        url=myst.url,
    )
    env.globals.update(raw=myst.Myst)
    # tojson writes directive options, which MyST reads back as YAML; YAML does not join
    # "\ud83d\ude00" escapes into one character, so characters outside the BMP stay as
    # they are rather than becoming surrogate pairs.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def render_pages(
    project: Project, analysis: Analysis, project_templates: Path | None = None
) -> dict[str, str]:
    """Every generated page: its path inside the output folder, and its MyST text."""
    env = environment(project_templates)
    context = {
        "brief": project.brief,
        "project": project,
        "v": views(project, analysis),
        "analysis": analysis,
    }
    pages = {path: env.get_template(name).render(context) for path, name in PAGES.items()}
    for version in project.versions:
        pages[f"sources/{version.id}.md"] = env.get_template(SOURCE_PAGE).render(
            context, version=version
        )
    return pages
