"""The discrepancy cases under ``cases/``: each file a brief (its fact file, its versions
written out or made from another by edits) and the discrepancies expected of it, side by
side. A new case is a new file.

Expectations, per version: a list is every discrepancy of that version, each matched by
the fields it gives (``[]``: none at all); ``contains:`` lists some that must be among them.
``sites: N`` is the number of distinct places the discrepancies stand at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing import pipeline
from briefing.analysis.results import Discrepancy

CASES = Path(__file__).parent / "cases"
TEXTS = CASES / "texts"


def write_case(case: dict[str, Any], folder: Path) -> None:
    (folder / "seeds").mkdir(parents=True)
    facts = (TEXTS / case["facts"]).read_text("utf-8") + case.get("extra", "")
    (folder / "facts.yaml").write_text(facts, "utf-8")
    texts: dict[str, str] = {}
    for version, spec in case["versions"].items():
        text = (TEXTS / spec["text"]).read_text("utf-8") if "text" in spec else texts[spec["from"]]
        for old, new in spec.get("edits", []):
            assert old in text, f"{version}: {old!r} is not in the text it edits"
            text = text.replace(old, new, 1)
        texts[version] = text
        (folder / "seeds" / f"{version}.txt").write_text(text, "utf-8")


def matches(found: Discrepancy, wanted: dict[str, Any]) -> bool:
    for field, value in wanted.items():
        actual = getattr(found, field)
        if field == "others":
            actual = dict(actual)
        elif field == "reviewed" and actual is not None:
            actual = list(actual)
        if actual != value:
            return False
    return True


def shown(found: list[Discrepancy]) -> list[tuple[str, str, str | None, str | None]]:
    return [(d.kind, d.found, d.expected, d.basis) for d in found]


@pytest.mark.parametrize("name", sorted(p.stem for p in CASES.glob("*.yaml")))
def test_case(name: str, tmp_path: Path) -> None:
    case = yaml.safe_load((CASES / f"{name}.yaml").read_text("utf-8"))
    write_case(case, tmp_path)
    result = pipeline.check(tmp_path / "facts.yaml", tmp_path / "seeds")
    assert result.problems == []
    every = result.analysis.discrepancies
    for version, expected in case["expect"].items():
        found = [d for d in every if d.source == version]
        wanted = expected["contains"] if isinstance(expected, dict) else expected
        for item in wanted:
            assert any(matches(d, item) for d in found), (version, item, shown(found))
        if isinstance(expected, list):
            assert len(found) == len(expected), (version, shown(found))
    if "sites" in case:
        assert len({d.site for d in every}) == case["sites"]
