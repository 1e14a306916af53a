"""Verdicts and the scorecard, derived from the texts."""

from __future__ import annotations

from briefing import pipeline
from briefing.text.fold import find_all

from ..conftest import REPO, ROOTS

BASIC = ROOTS / "test-basic"


def test_verdicts_and_scorecard_are_derived() -> None:
    result = pipeline.check(BASIC / "facts.yaml", BASIC / "seeds")
    verdicts = {
        key: {v: r.verdict for v, r in c.verdicts.items()}
        for key, c in result.analysis.corrections.items()
    }
    assert verdicts == {
        "kovacs-name": {"wire": "right", "rewrite": "wrong"},
        "authority-name": {"wire": "right", "rewrite": "wrong"},
    }
    place = result.analysis.corrections["kovacs-name"].verdicts["rewrite"].places[0]
    assert (place.paragraph, place.sentence, place.text) == ("p1", "p1s2", "Anna Kovach")
    card = result.analysis.scorecard
    assert card["wire"]["name"]["right"] == 1 and card["rewrite"]["name"]["wrong"] == 1


def test_flagship_verdicts_agree_with_the_version_texts() -> None:
    result = pipeline.check(REPO / "docs" / "facts.yaml", REPO / "seeds")
    assert result.problems == []
    texts = {v.id: v.document.text for v in result.project.versions}
    for key, correction in result.analysis.corrections.items():
        for version, verdict in correction.verdicts.items():
            wrong_found = any(find_all(f, texts[version]) for f in correction.correction.wrong)
            assert (verdict.verdict == "wrong") == wrong_found, (key, version)
            if verdict.verdict == "right":
                assert any(find_all(f, texts[version]) for f in correction.correction.right)
    names = result.analysis.names_and_institutions
    assert names("translation")["wrong"] >= 5 and names("translation")["right"] == 0
    assert names("aggregator")["wrong"] == 0 and names("aggregator")["right"] >= 3


def test_flagship_truncated_version_is_absent_not_right() -> None:
    result = pipeline.check(REPO / "docs" / "facts.yaml", REPO / "seeds")
    # "Mr. Anthropic" stands in a paragraph the aggregator copy never reached: even
    # though that copy prints "Anthropic" elsewhere, it neither got it right nor wrong.
    verdict = result.analysis.corrections["mr-anthropic"].verdicts["aggregator"]
    assert verdict.verdict == "absent"
