"""Sentence alignment: beads, moved blocks, rows shared by versions, cost, quality."""

from __future__ import annotations

import sys

import pytest

from briefing.analysis import align
from briefing.analysis.align import Alignment, align_versions

from ..conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import align_bench  # noqa: E402

BASE = [
    "The European Commission and Norway agreed on Tuesday to study a power cable.",
    "The link would carry up to 700 megawatts of wind power to Germany.",
    "Its cost is put at 4.2 billion euros, officials said.",
    "Nordgrid, the operator that would build the cable, welcomed the decision.",
    "Its chief executive said construction could start in 2028.",
    "Analysts said the project could cut wholesale prices by 8 percent.",
    "Environmental groups warned that the route crosses protected areas.",
]


def pair(base: list[str], other: list[str]) -> Alignment:
    return align_versions({"base": base, "other": other})


def links(
    alignment: Alignment, moved: bool = False
) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(base sentences, other sentences) of each link: rows whose other sentences are the
    same (a merged sentence stands in several rows) are one link."""
    found: dict[tuple[int, ...], list[int]] = {}
    for row in alignment.rows:
        if "base" in row.cells and "other" in row.cells and (not moved or "other" in row.moved):
            found.setdefault(row.cells["other"], []).extend(row.cells["base"])
    return {(tuple(base), other) for other, base in found.items()}


def alone(alignment: Alignment, version: str) -> tuple[int, ...]:
    """The sentences of a version that share no row with the other."""
    return tuple(
        i for row in alignment.rows if list(row.cells) == [version] for i in row.cells[version]
    )


def test_reworded_merged_and_split_sentences_are_linked() -> None:
    other = [
        "Norway and the European Commission agreed on Tuesday to examine a power cable.",
        # merges BASE[1] and BASE[2]
        "The link could carry as much as 700 megawatts of wind power to Germany, and its "
        "cost is put at 4.2 billion euros, officials said.",
        "Nordgrid is the operator that would build the cable.",  # BASE[3] split in two
        "It welcomed the decision.",
        "Its chief executive said construction could start in 2028.",
        "Analysts said the project could cut wholesale prices by 8 percent.",
    ]
    result = pair(BASE, other)
    assert result.pivot == "base"
    found = links(result)
    assert ((0,), (0,)) in found
    assert ((1, 2), (1,)) in found
    assert ((3,), (2, 3)) in found
    assert alone(result, "base") == (6,)  # the dropped sentence
    assert alone(result, "other") == ()


def test_a_moved_paragraph_is_found_as_a_block() -> None:
    # The last two sentences moved to the front, each reworded a little.
    other = [
        "Analysts said the project might cut wholesale prices by 8 percent.",
        "Environmental groups warned that the cable route crosses protected areas.",
        *BASE[:5],
    ]
    result = pair(BASE, other)
    assert links(result, moved=True) == {((5,), (0,)), ((6,), (1,))}
    assert not alone(result, "base") and not alone(result, "other")


def test_unrelated_sentences_are_not_linked() -> None:
    other = [
        "Greenpeace held a protest in Oslo about whaling quotas last weekend.",
        "The football season opens in August with twelve teams.",
    ]
    assert links(align_versions({"base": BASE, "other": other})) == set()


def test_a_passage_the_pivot_lacks_shares_a_row_across_versions() -> None:
    extra = "A box titled Why This Matters summarises the story for readers in a hurry."
    versions = {
        "long": BASE + ["One more sentence that only the longest version has."],
        "copy1": BASE[:3] + [extra] + BASE[3:],
        "copy2": BASE[:3] + [extra] + BASE[3:5],
    }
    alignment = align_versions(versions)
    assert alignment.pivot == "long"
    row = alignment.row_of("copy1", 3)
    assert row is not None and row.cells.get("copy2") == (3,) and "long" not in row.cells
    order = [alignment.rows.index(alignment.row_of("long", i)) for i in range(8)]
    assert order == sorted(order)  # the extra row stands where the copies have it


def test_a_merged_sentence_does_not_join_the_others_sentences() -> None:
    merged = [BASE[0], BASE[1].rstrip(".") + ", and " + BASE[2][0].lower() + BASE[2][1:], *BASE[3:]]
    alignment = align_versions({"base": BASE, "merged": merged, "copy": list(BASE)})
    first, second = alignment.row_of("base", 1), alignment.row_of("base", 2)
    assert first is not second
    assert first is not None and second is not None
    assert first.cells["merged"] == second.cells["merged"] == (1,)
    assert first.cells["copy"] == (1,) and second.cells["copy"] == (2,)


def test_each_version_costs_one_alignment(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = align.align_sequences

    def counting(pivot: list[str], other: list[str]) -> align.PairAlignment:
        calls.append(len(other))
        return original(pivot, other)

    monkeypatch.setattr(align, "align_sequences", counting)
    versions = align_bench.corpus(5, 8, 10, align_bench.Noise())
    align_versions({f"v{n}": [s.text for s in v.sentences()] for n, v in enumerate(versions)})
    assert len(calls) == 7


def test_alignment_f1_on_synthetic_versions() -> None:
    """The benchmark's corpora, small: the figures of benchmarks/results/align.md hold."""
    score = align_bench.Score()
    for seed in (201, 202):
        versions = align_bench.corpus(seed, 4, 12, align_bench.Noise())
        gold, moved = align_bench.gold_pairs(versions)
        predicted, _ = align_bench.run_ours(versions)
        score.add(predicted, gold, moved)
    assert score.f1 >= 0.95
    assert score.moved_recall >= 0.85
