"""The noise and misses listed in ``real-cases.yaml``, held on the real texts they were
seen on: what an editor must not be shown, and what must be found."""

from __future__ import annotations

import re
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing import pipeline
from briefing.render.suggest import items

from ...conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from discovery_bench import version_id, write_project  # noqa: E402
from realstories import Story, stories  # noqa: E402

CASES = yaml.safe_load((Path(__file__).parent / "real-cases.yaml").read_text("utf-8"))
STORIES = {story.name: story for story in stories()}


@cache
def suggestions(name: str) -> tuple[dict[str, Any], ...]:
    """Every suggestion on a real story, started as an editor starts it."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_project(STORIES[name], folder)
        result = pipeline.check(folder / "facts.yaml", folder / "seeds")
        assert result.problems == []
        return tuple(items(result.project, result.analysis, everything=True))


def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def furniture_spans(story: Story, file: str) -> list[tuple[int, int]]:
    text = story.texts[file]
    return [
        span
        for row in story.furniture
        if row["file"] == file
        for span in spans_of(text, row["text"])
    ]


def words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", (text or "").casefold()))


CONDITIONS = frozenset(
    {"found", "found_contains", "expected_contains", "kind", "drops", "overlaps", "furniture"}
)


def meets(story: Story, item: dict[str, Any], condition: dict[str, Any]) -> bool:
    file = next(f for f in story.texts if version_id(f) == item["source"])
    start, end = item["start"], max(item["end"], item["start"] + 1)
    found, expected = item["found"] or "", item["expected"] or ""
    for name, value in condition.items():
        if name == "found" and found != value:
            return False
        if name == "found_contains" and value not in found:
            return False
        if name == "expected_contains" and value not in expected:
            return False
        if name == "kind" and item["kind"] != value:
            return False
        if name == "drops" and not (
            value in words(item["wrong_form"] or found)
            and value not in words(item["right_form"] or expected)
        ):
            return False
        if name == "overlaps" and not any(
            a < end and start < b for a, b in spans_of(story.texts[file], value)
        ):
            return False
        if name == "furniture" and not any(
            a < end and start < b for a, b in furniture_spans(story, file)
        ):
            return False
    return True


def test_every_case_says_what_it_looks_for_in_known_terms() -> None:
    # ("{found: nearly 5,900}" is "nearly 5" and a key "900": a flow mapping's comma)
    for case in CASES:
        for condition in (case.get("find"), case.get("not")):
            if isinstance(condition, dict):
                assert set(condition) <= CONDITIONS, (case_id(case), condition)
            else:
                assert condition in (None, "any"), (case_id(case), condition)


def case_id(case: dict[str, Any]) -> str:
    return f"{case['story']}: {case['what']}"


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            marks=pytest.mark.xfail(strict=True, reason=case["known_miss"])
            if "known_miss" in case
            else (),
        )
        for case in CASES
    ],
    ids=case_id,
)
def test_real_case(case: dict[str, Any]) -> None:
    story = STORIES[case["story"]]
    reference = version_id(story.reference)
    looked_at = set(case.get("versions") or {version_id(f) for f in story.texts} - {reference})
    here = [i for i in suggestions(case["story"]) if i["source"] in looked_at]
    shown = [(i["source"], i["kind"], i["found"], i["expected"]) for i in here]
    if "find" in case:
        assert any(meets(story, i, case["find"]) for i in here), shown
    elif case["not"] == "any":
        assert here == [], shown
    else:
        assert not [i for i in here if meets(story, i, case["not"])], shown


@pytest.mark.parametrize("name", sorted(STORIES))
def test_every_real_story_is_read_without_a_fault(name: str) -> None:
    # Real texts brought two faults the written cases did not: readings lost when two
    # figures looked like one name spelt two ways, and words left out at a text's end.
    assert isinstance(suggestions(name), tuple)
