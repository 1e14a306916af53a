"""Checks of a fact file: its form (the JSON Schema) and its meaning (ids, quotes, forms)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
from rapidfuzz import process

from briefing.problems import Code, Problem
from briefing.text.fold import closest_passage, find_all, find_with_gaps
from briefing.yamlmarks import Marks, Pointer, mark_for

if TYPE_CHECKING:
    from briefing.model import Evidence, Project


@cache
def schema() -> dict[str, Any]:
    """The fact file's JSON Schema, as shipped with the package."""
    text = resources.files("briefing").joinpath("schema/facts.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@cache
def _validator() -> jsonschema.protocols.Validator:
    """A validator of the schema with its ``$defs`` written in place: resolving a
    ``$ref`` for each of thousands of values was most of the time of validating a large
    fact file."""
    whole = schema()
    jsonschema.Draft202012Validator.check_schema(whole)
    return jsonschema.Draft202012Validator(_inline(whole, whole.get("$defs", {})))


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        rest = {k: v for k, v in node.items() if k != "$ref"}
        return {**_inline(defs[ref.removeprefix("#/$defs/")], defs), **_inline(rest, defs)}
    return {key: _inline(value, defs) if key != "$defs" else value for key, value in node.items()}


def check_schema(data: Any, marks: Marks, path: Path) -> list[Problem]:
    validator = _validator()
    problems = []
    for error in validator.iter_errors(data):
        pointer: Pointer = tuple(error.absolute_path)
        message, hint = _explain(error)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            extra = _extra_keys(error)
            if extra:
                pointer = (*pointer, extra[0], "<key>")
        line, col = mark_for(marks, pointer)
        where = "/".join(str(p) for p in error.absolute_path if p != "<key>") or "top level"
        problems.append(Problem(path, line, col, f"{where}: {message}", hint, Code.SCHEMA))
    return sorted(problems)


SECTIONS = ("sources", "entities", "facts", "corrections", "accepted")


def invalid_entries(data: Any) -> set[tuple[str, str]] | None:
    """The entries (section, id) that do not follow the schema, to be set aside so that the
    rest can still be checked; None when the brief itself, or the file's shape, is wrong."""
    found: set[tuple[str, str]] = set()
    for error in _validator().iter_errors(data):
        path = tuple(error.absolute_path)
        if len(path) >= 2 and path[0] in SECTIONS:
            found.add((str(path[0]), str(path[1])))
        else:
            return None
    return found


def _schema_of(error: jsonschema.ValidationError) -> dict[str, Any]:
    return dict(error.schema) if isinstance(error.schema, Mapping) else {}


def _extra_keys(error: jsonschema.ValidationError) -> list[str]:
    allowed = set(_schema_of(error).get("properties", {}))
    instance: Any = error.instance
    return [k for k in instance if k not in allowed]


def _explain(error: jsonschema.ValidationError) -> tuple[str, str]:
    """A message an editor can act on, for the validators editors meet."""
    kind = error.validator
    value: Any = error.validator_value
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(_schema_of(error).get("properties", {}))
        extra = _extra_keys(error)
        hint = f"allowed here: {', '.join(allowed)}" if allowed else ""
        if extra and allowed:
            match = process.extractOne(extra[0], allowed, score_cutoff=60)
            if match:
                hint = f"did you mean {match[0]!r}? " + hint
        return f"unknown key {extra[0]!r}" if extra else error.message, hint
    if kind == "required" and isinstance(error.instance, dict):
        missing = [key for key in value if key not in error.instance]
        return f"{(missing or value)[0]!r} is missing", "add it; see the schema for what it holds"
    if kind == "enum" and isinstance(error.instance, bool):
        word = "true" if error.instance else "false"
        return (
            f"{word} unquoted reads as a yes/no value, not as the word {word!r}",
            f'quote it: "{word}"',
        )
    if kind == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, value))}", ""
    if kind == "maxLength":
        return f"{error.instance!r} is longer than {value} characters", "shorten it"
    if kind == "pattern" and "a-z0-9" in str(value):
        return f"{error.instance!r} is not a valid id", "use lower-case letters, digits, - and _"
    if kind == "pattern" and "0-9]{4}" in str(value):
        return f"{error.instance!r} is not a date", "write dates as YYYY-MM-DD"
    if kind == "pattern" and "https?" in str(value):
        return f"{error.instance!r} is not a web address", "start it with https://"
    if kind == "type":
        return (
            f"expected {value}, found {type(error.instance).__name__}",
            "quote text that YAML would read as a number, date or yes/no",
        )
    return error.message, ""


_SINGULAR = {"sources": "source", "facts": "fact", "entities": "entity"}


def check_project(project: Project) -> list[Problem]:
    """Ids that name nothing, quotes not in their sources, corrections found nowhere."""
    problems: list[Problem] = []

    def unknown(kind: str, value: str, known: dict[str, Any], pointer: Pointer) -> None:
        if value in known:
            return
        match = process.extractOne(value, list(known), score_cutoff=50)
        hint = f"did you mean {match[0]!r}?" if match else f"define it under {kind}"
        problems.append(
            Problem(
                project.facts_path,
                *project.mark(pointer),
                f"unknown {_SINGULAR[kind]} id {value!r}",
                hint,
                Code.UNKNOWN_ID,
            )
        )

    for key, source in project.sources.items():
        if source.derived_from:
            unknown(
                "sources", source.derived_from, project.sources, ("sources", key, "derived_from")
            )
    for index, finding in enumerate(project.brief.findings):
        for n, cited in enumerate(finding.facts):
            unknown("facts", cited, project.facts, ("brief", "findings", index, "facts", n))
    for key, fact in project.facts.items():
        for n, entity in enumerate(fact.entities):
            unknown("entities", entity, project.entities, ("facts", key, "entities", n))
    for key, correction in project.corrections.items():
        if correction.entity:
            unknown("entities", correction.entity, project.entities, ("corrections", key, "entity"))
    for evidence in _all_evidence(project):
        if evidence.source not in project.sources:
            unknown("sources", evidence.source, project.sources, (*evidence.pointer, "source"))
        elif evidence.quote:
            problems += _check_quote(project, evidence)
    problems += _check_forms(project)
    return problems


def _all_evidence(project: Project) -> list[Evidence]:
    found: list[Evidence] = []
    for group in (project.entities, project.facts, project.corrections):
        for item in group.values():
            found.extend(item.evidence)
    return found


def _check_quote(project: Project, evidence: Evidence) -> list[Problem]:
    source = project.sources[evidence.source]
    assert evidence.quote is not None
    where = (project.facts_path, *project.mark((*evidence.pointer, "quote")))
    if source.document is None:
        return [
            Problem(
                *where,
                f"cannot check this quote: reference {source.id!r} has no excerpt",
                "add an `excerpt:` file of passages copied verbatim from it",
                Code.QUOTE_NOT_FOUND,
            )
        ]
    document = source.document
    if find_with_gaps(evidence.quote, document.text, document.folded) is not None:
        return []
    passage, score = closest_passage(evidence.quote, document.text, document.folded)
    passage = " ".join(passage.split())  # one problem, one line
    hint = (
        f"closest passage ({score:.0f}% alike): “{passage}”" if passage else "no passage is alike"
    )
    return [Problem(*where, f"quote not found in source {source.id!r}", hint, Code.QUOTE_NOT_FOUND)]


def _check_forms(project: Project) -> list[Problem]:
    """A correction whose wrong form occurs in no version corrects nothing (a warning: the
    editor may be ahead of the versions); evidence that quotes the wrong form, and not the
    right one, is no evidence for it (an error)."""
    problems = []
    versions = project.joined_versions
    for key, correction in project.corrections.items():
        if not any(versions.find(form, limit=1) for form in correction.wrong):
            problems.append(
                Problem(
                    project.facts_path,
                    *project.mark(("corrections", key, "wrong")),
                    f"correction {key!r}: its wrong form occurs in no version",
                    "check the spelling against the version's text",
                    Code.FORM_NOT_FOUND,
                )
            )
        for evidence in correction.evidence:
            quote = evidence.quote or ""
            if (
                quote
                and correction.right
                and any(find_all(w, quote) for w in correction.wrong)
                and not any(find_all(r, quote) for r in correction.right)
            ):
                problems.append(
                    Problem(
                        project.facts_path,
                        *project.mark((*evidence.pointer, "quote")),
                        f"correction {key!r}: the evidence quotes the wrong form",
                        "quote a source that prints the right form",
                        Code.EVIDENCE,
                    )
                )
    return problems
