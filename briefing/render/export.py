"""The brief as data: ``briefing.json``, for other tools and for the tests."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from briefing import __version__
from briefing.analysis.results import Analysis, Place
from briefing.model import Evidence, Project
from briefing.render import suggest


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [
        {
            k: v
            for k, v in (("source", e.source), ("quote", e.quote), ("note", e.note))
            if v is not None
        }
        for e in items
    ]


def _place(place: Place) -> dict[str, Any]:
    return {
        "paragraph": place.paragraph,
        "sentence": place.sentence,
        "start": place.start,
        "end": place.end,
        "text": place.text,
    }


def brief_data(project: Project, analysis: Analysis) -> dict[str, Any]:
    brief = project.brief
    return {
        "briefing": __version__,
        "brief": {
            "title": brief.title,
            "subtitle": brief.subtitle,
            "date": brief.date,
            "summary": brief.summary,
            "findings": [{"text": f.text, "facts": list(f.facts)} for f in brief.findings],
        },
        "sources": [
            {
                k: v
                for k, v in {
                    "id": s.id,
                    "kind": s.kind,
                    "title": s.title,
                    "label": s.label,
                    "publisher": s.publisher,
                    "date": s.date,
                    "url": s.url,
                    "file": s.file,
                    "declared": s.declared if s.is_version else None,
                    "paragraphs": len(s.document.paragraphs)
                    if s.is_version and s.document
                    else None,
                    "author": s.author,
                    "retrieved": s.retrieved,
                    "sha256": s.sha256,
                    "derived_from": s.derived_from,
                    "reference": s.id == analysis.reference if s.is_version else None,
                    "partial": True if s.partial else None,
                    "voice": analysis.voices.get(s.id) if s.is_version else None,
                    "furniture": [
                        {"line": a.line, "text": a.text, "kind": a.kind, "reason": a.reason}
                        for a in s.document.aside
                    ]
                    if s.is_version and s.document
                    else None,
                }.items()
                if v is not None
            }
            for s in project.sources.values()
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "role": e.role,
                "aliases": list(e.aliases),
                "former_names": list(e.former_names),
                "mentions": {
                    version: [
                        _place(m.place) | {"form": m.form, "quality": m.quality} for m in mentions
                    ]
                    for version, mentions in analysis.mentions[e.id].items()
                },
            }
            for e in project.entities.values()
        ],
        "facts": [
            {
                "id": f.id,
                "claim": f.claim,
                "status": f.status,
                "entities": list(f.entities),
                "evidence": _evidence(f.evidence),
            }
            for f in project.facts.values()
        ],
        "corrections": [
            {
                "id": c.id,
                "kind": c.kind,
                "wrong": c.wrong[0],
                "right": c.expected,
                "wrong_forms": list(c.wrong),
                "right_forms": list(c.right),
                "entity": c.entity,
                "evidence": _evidence(c.evidence),
                "verdicts": {v: r.verdict for v, r in analysis.corrections[c.id].verdicts.items()},
                "places": {
                    v: [_place(p) for p in r.places]
                    for v, r in analysis.corrections[c.id].verdicts.items()
                },
            }
            for c in project.corrections.values()
        ],
        "scorecard": {
            version: {
                kind: {"right": counts["right"], "wrong": counts["wrong"]}
                for kind, counts in sorted(card.items())
            }
            | {"total": _total(card)}
            for version, card in analysis.scorecard.items()
        },
        "discrepancies": suggest.items(project, analysis, everything=True),
    }


def _total(card: dict[str, Counter[str]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for counts in card.values():
        total.update(counts)
    return {"right": total["right"], "wrong": total["wrong"]}


def to_json(project: Project, analysis: Analysis) -> str:
    return json.dumps(brief_data(project, analysis), ensure_ascii=False, indent=2) + "\n"
