"""The errata as a newspaper's corrections column: one or two lines per correction.

Each line says what the versions printed, what is right, where each version stands (✗ and
✓ with the paragraph), and the sources; the side-by-side readings and the verbatim
evidence are one click away, in a detail the HTML folds.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.analysis.results import Analysis
from briefing.model import Correction, Project
from briefing.render.myst import Myst, escape, role

SYMBOL = {"right": "✓", "wrong": "✗", "absent": "–"}
SAID = {"right": "right", "wrong": "wrong", "absent": "not in its text"}


@dataclass(frozen=True)
class CorrectionLine:
    correction: Correction
    said: Myst  # what the versions printed, and what is right
    where: Myst  # each version's verdict, with a link to where it stands
    sources: Myst  # the evidence, by source


def _quoted(forms: tuple[str, ...]) -> str:
    return " or ".join(f"“{escape(f)}”" for f in forms)


def said(correction: Correction, entity_name: str | None) -> Myst:
    """“Thomas Renier” should read “Thomas Regnier” (the entity only when it adds a name)."""
    if correction.expected is None:
        text = f"**{_quoted(correction.wrong)}**: not in the original, added by a version"
    else:
        text = f"**{_quoted(correction.wrong)}** should read **“{escape(correction.expected)}”**"
    if len(correction.right) > 1:
        text += f" (or {_quoted(correction.right[1:])})"
    named = {f.casefold() for f in (*correction.wrong, *correction.right)}
    if correction.entity and entity_name and entity_name.casefold() not in named:
        who = role("brief:entity", correction.entity)
        text += f" (words of {who})" if correction.kind == "quote" else f" ({who})"
    return Myst(text)


def line(project: Project, analysis: Analysis, key: str) -> CorrectionLine:
    result = analysis.corrections[key]
    correction = result.correction
    entity = project.entities.get(correction.entity) if correction.entity else None
    verdicts = []
    for version in project.versions:
        verdict = result.verdicts.get(version.id)
        if verdict is None:
            continue
        mark = f"{SYMBOL[verdict.verdict]} {escape(version.label)}"
        paragraphs = sorted({p.paragraph for p in verdict.places}, key=lambda p: int(p[1:]))
        if paragraphs:
            spots = ", ".join(
                role("brief:para", f"{version.id}:{p}", f"¶{p[1:]}") for p in paragraphs
            )
            verdicts.append(f"{mark} {spots}")
        else:
            verdicts.append(f"{mark} ({SAID[verdict.verdict]})")
    sources = []
    for evidence in correction.evidence:
        source = project.sources.get(evidence.source)
        if source is None:
            continue
        sources.append(role("brief:source", source.id))
    return CorrectionLine(
        correction,
        said(correction, entity.name if entity else None),
        Myst(" · ".join(verdicts)),
        Myst(", ".join(dict.fromkeys(sources))),
    )
