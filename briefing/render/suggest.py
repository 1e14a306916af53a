"""What ``briefing suggest`` and ``briefing check`` say about discrepancies not yet reviewed.

A suggestion is a fact-file entry ready to paste: a correction when the expected form is
known (from a correction, an entity, the record or most versions), an accepted wording
when the versions merely disagree. Every quote in it is copied from a source, so the
pasted entry passes ``briefing check``.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from briefing.analysis.results import BASIS_WORDS, Analysis, Discrepancy
from briefing.model import Project
from briefing.problems import Code, Problem, shorten
from briefing.text.fold import find_all
from briefing.text.slug import slug
from briefing.text.spans import line_col


def problems(project: Project, analysis: Analysis) -> list[Problem]:
    """Each unreviewed discrepancy as a problem located in its version's file."""
    found = []
    for item in analysis.discrepancies:
        if item.reviewed is not None:
            continue
        source = project.sources[item.source]
        assert source.document is not None and source.file is not None
        line, col = line_col(source.document.text, item.start)
        expected = (
            f"; expected “{item.expected}” ({BASIS_WORDS[item.basis]})"
            if item.expected and item.basis
            else "; the reference does not say it"
            if item.kind == "addition"
            else "; the versions disagree"
        )
        found.append(
            Problem(
                project.seeds_dir / source.file,
                line,
                col,
                # (The words shortened, not what is said of them: a long added claim
                # must not cut off the message's "the reference does not say it".)
                f"unreviewed {item.kind} discrepancy: “{shorten(item.found, FOUND)}”{expected}",
                "add a correction or an accepted wording to the fact file "
                "(`briefing suggest` writes them)",
                Code.UNREVIEWED,
            )
        )
    return found


FOUND = 120  # characters of a discrepancy's words that a problem line quotes


def items(
    project: Project, analysis: Analysis, everything: bool = False, min_confidence: float = 0.0
) -> list[dict[str, Any]]:
    """Discrepancies as plain data: those not yet reviewed, or all of them."""
    result = []
    for item in analysis.discrepancies:
        if (item.reviewed is not None and not everything) or item.confidence < min_confidence:
            continue
        source = project.sources[item.source]
        assert source.document is not None
        line, col = line_col(source.document.text, item.start)
        result.append(
            {
                "id": item.id,
                "source": item.source,
                "file": source.file,
                "line": line,
                "col": col,
                "start": item.start,
                "end": item.end,
                "paragraph": item.paragraph,
                "anchor": item.anchor,
                "kind": item.kind,
                "found": item.found,
                "expected": item.expected,
                "basis": item.basis,
                "entity": item.entity,
                "others": dict(item.others),
                "wrong_form": item.form,
                "right_form": item.expected_form,
                "reviewed": (
                    {"by": item.reviewed[0], "id": item.reviewed[1]} if item.reviewed else None
                ),
                "confidence": item.confidence,
            }
        )
    return result


def suggestions(
    project: Project, analysis: Analysis, everything: bool = False, min_confidence: float = 0.0
) -> list[dict[str, Any]]:
    """What ``suggest --json`` lists: one item per version and wording, with ``places``
    (id, line, column, offsets) for every place it stands. One fact-file entry settles
    them all: a correction's wrong form and an accepted wording hold wherever the words
    stand."""
    grouped: dict[tuple[object, ...], dict[str, Any]] = {}
    for item in items(project, analysis, everything):
        key = (
            item["source"],
            item["reviewed"] is None,
            *same_entry(item["kind"], item["wrong_form"], item["right_form"]),
        )
        first = grouped.setdefault(key, {**item, "places": []})
        first["places"].append({k: item[k] for k in ("id", "line", "col", "start", "end")})
        first["confidence"] = max(first["confidence"], item["confidence"])
    return [item for item in grouped.values() if item["confidence"] >= min_confidence]


def same_entry(kind: str, form: str, expected_form: str | None) -> tuple[str, str, str]:
    """What one fact-file entry decides, wherever it stands: a kind of error and its words
    (with the expected form a correction would give them)."""
    return (kind, form, expected_form or "")


def _slug(text: str, taken: set[str]) -> str:
    base = slug(text, fallback="wording")
    if not base[0].isalnum():
        base = "d-" + base
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


def _evidence(project: Project, item: Discrepancy) -> dict[str, str]:
    """A source that prints the expected form, with the passage copied from it."""
    assert item.expected_form is not None
    if item.basis == "correction" and item.reviewed is None:
        correction = next(
            (c for c in project.corrections.values() if item.expected in c.right), None
        )
        if correction is not None and correction.evidence:
            first = correction.evidence[0]
            return {
                k: v for k, v in (("source", first.source), ("quote", first.quote)) if v is not None
            }
    if item.basis == "majority" and item.evidence is not None:
        return {"source": item.evidence[0], "quote": item.evidence[1]}
    if item.entity in project.entities:
        for evidence in project.entities[item.entity].evidence:
            if evidence.quote and find_all(item.expected_form, evidence.quote):
                return {"source": evidence.source, "quote": evidence.quote}
    if item.evidence is not None:
        return {"source": item.evidence[0], "quote": item.evidence[1]}
    for source in project.sources.values():
        if source.document is not None and find_all(
            item.expected_form, source.document.text, folded=source.document.folded
        ):
            return {"source": source.id, "quote": item.expected_form}
    return {"source": item.source, "note": "no source prints the expected form: cite one that does"}


def to_yaml(project: Project, analysis: Analysis, min_confidence: float = 0.0) -> str:
    """Unreviewed discrepancies as fact-file entries, one per place, the likeliest first."""
    pending = [
        d for d in analysis.discrepancies if d.reviewed is None and d.confidence >= min_confidence
    ]
    if not pending:
        return "# No discrepancy is left to review.\n"
    taken = set(project.corrections) | set(project.accepted)
    # One entry per correction to make (the same wrong form in several versions is one
    # correction), and one accepted wording per place where the versions merely disagree.
    by_site: dict[tuple[str, ...], list[Discrepancy]] = {}
    for item in pending:
        key = (
            same_entry(item.kind, item.form, item.expected_form)
            if item.expected_form and item.basis
            else (item.site,)
        )
        by_site.setdefault(key, []).append(item)
    corrections: list[str] = []
    accepted: list[str] = []
    ordered = sorted(by_site.values(), key=lambda g: -max(d.confidence for d in g))
    for group in ordered:
        first = group[0]
        where = "; ".join(f"{d.source} {d.anchor}: “{d.found}”" for d in group)
        where += f"; confidence {max(d.confidence for d in group):.2f}"
        if first.expected_form and first.basis:
            name = _slug(first.form, taken)
            entry: dict[str, Any] = {
                "kind": first.kind,
                "wrong": first.form,
                "right": first.expected_form,
            }
            if first.entity:
                entry["entity"] = first.entity
            entry["evidence"] = [_evidence(project, first)]
            comment = f"{where}; expected from {BASIS_WORDS[first.basis]}"
            corrections.append(_entry(name, entry, comment))
        else:
            # Two versions disagree and nothing settles which is right: each version's
            # wording, in context, so that the entry covers this place only.
            forms = list(dict.fromkeys(d.form for d in group))
            name = _slug(first.form, taken)
            entry = {"kind": first.kind, "forms": forms, "note": _note(group, analysis.reference)}
            settles = (
                "the reference does not say it"
                if first.kind == "addition"
                else "no version or record settles it"
            )
            accepted.append(_entry(name, entry, f"{where}; {settles}"))
    out = [
        f"# {len(pending)} discrepancies that no correction or accepted wording covers yet.",
        *reference_lines(project, analysis),
        "# Paste each entry under `corrections:` of the fact file if it is an error (and",
        "# check its evidence), or under `accepted:` (kind, forms, note) if the wording is",
        "# acceptable.",
    ]
    if corrections:
        out += ["corrections:", *corrections]
    if accepted:
        out += ["accepted:", *accepted]
    return "\n".join(out) + "\n"


def _note(group: list[Discrepancy], reference: str | None) -> str:
    """What an accepted wording records: a claim only some versions add, or wordings
    that differ where nothing says which is right."""
    sources = ", ".join(dict.fromkeys(d.source for d in group))
    if group[0].kind == "addition":
        return f"Added by {sources}; {reference or 'the reference'} does not say it."
    return (
        "The versions word this differently: "
        + ", ".join(f"{d.source} “{d.form}”" for d in group)
        + "."
    )


def reference_lines(project: Project, analysis: Analysis) -> list[str]:
    """What the expected forms were read from: the original the fact file names, or the
    version the tool took for it, and how to name another (every expected form follows)."""
    reference = analysis.reference
    if reference is None:
        return []
    if project.reference_version == reference:
        return [f"# Expected forms are {reference}'s: the original the fact file names."]
    lines = [
        f"# Expected forms are {reference}'s, the version most like the others: the fact",
        "# file names no original. If another version is the original, give it",
        "# `reference: true` under `sources:` and run again; for this one that would be",
    ]
    version = project.sources.get(reference)
    if version is not None and version.declared:
        return lines + [f"#   {reference}: ... reference: true (in its entry)"]
    entry = {
        "kind": "version",
        "file": version.file if version else None,
        "title": version.title if version else reference,
        "reference": True,
    }
    return lines + [f"#   {reference}: {json.dumps(entry, ensure_ascii=False)}"]


def entry_id(item: Discrepancy, taken: set[str]) -> str:
    """An id for the fact-file entry that reviews a discrepancy, not yet taken."""
    return _slug(item.form, taken)


def correction_entry(
    project: Project, item: Discrepancy, right: str | None = None
) -> dict[str, Any]:
    """A correction that reviews the discrepancy: its form as wrong, ``right`` (or the
    expected form) as right, with evidence that prints it."""
    entry: dict[str, Any] = {"kind": item.kind, "wrong": item.form}
    if item.kind == "addition":
        entry["evidence"] = [
            {"source": item.source, "note": "Added by this version: the original does not say it."}
        ]
        return entry
    entry["right"] = right or item.expected_form or item.expected
    if item.entity:
        entry["entity"] = item.entity
    if right and right != item.expected_form:
        entry["evidence"] = [{"source": item.source, "note": "Corrected by the editor."}]
    else:
        entry["evidence"] = [_evidence(project, item)]
    return entry


def accepted_entry(item: Discrepancy) -> dict[str, Any]:
    """An accepted wording that reviews the discrepancy: its form, not an error."""
    return {
        "kind": item.kind,
        "forms": [item.form],
        "note": f"Reviewed: {item.source}'s wording is not an error.",
    }


def _entry(key: str, entry: dict[str, Any], comment: str) -> str:
    body = yaml.safe_dump({key: entry}, allow_unicode=True, sort_keys=False, width=96)
    lines = [f"  # {comment}"] + ["  " + line for line in body.splitlines()]
    return "\n".join(lines)
