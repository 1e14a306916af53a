"""Sites: the places of a row where the versions are read against each other, each with
every version's reading there.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz.distance import Opcode

from briefing.analysis.align import Row
from briefing.analysis.discrepancies.comparison import (
    PassageDiff,
    compare_passages,
    named_tokens,
    negation_count,
    reading_key,
    span_text,
)
from briefing.analysis.discrepancies.items import Item
from briefing.analysis.discrepancies.passages import Passage
from briefing.analysis.discrepancies.same_items import same_keys
from briefing.text.opcodes import source_range


@dataclass
class SiteReading:
    """What one version reads at a site: its words, where they stand, and the key they
    are compared on (with ``item``, the item it reads; its ``form``, once decided)."""

    version: str
    text: str
    start: int
    end: int
    key: str
    form: str = ""
    item: Item | None = None


SiteFamily = Literal[
    "name",
    "title",
    "number",
    "date",
    "quote",
    "meaning",
    "spelling",
    "attribution",
    "institution",
]


@dataclass
class Site:
    family: SiteFamily
    row: int | None
    readings: dict[str, SiteReading] = field(default_factory=dict)


def row_reference(passages: dict[str, tuple[Passage, int]]) -> str:
    """The version whose items most others share: the row's likeliest majority text."""
    keys = {id(passage): passage.keys for passage, _ in passages.values()}
    counts: Counter[str] = Counter()
    for passage, _ in passages.values():
        counts.update(keys[id(passage)])
    return max(passages, key=lambda v: sum(counts[k] for k in keys[id(passages[v][0])]))


# Where the reference lacks a passage, the copies are compared among themselves only when
# this many voices print it: then what most of them say means something.
VOICES = 3


def sites_of_row(
    row_index: int,
    passages: dict[str, tuple[Passage, int]],
    anchor: str | None = None,
    voices: dict[str, str] | None = None,
) -> list[Site]:
    """The sites of a row (a group of rows), each with the readings of the versions that
    print something there, compared with the reference version's passage (``anchor``),
    or where it has none, the passage whose items most others share."""
    if anchor is not None and anchor not in passages:
        heard = {(voices or {}).get(v, v) for v in passages}
        if len(heard) < VOICES:
            return []  # too few independent copies for a majority to mean anything
    reference = anchor if anchor in passages else row_reference(passages)
    ref, ref_base = passages[reference]
    item_sites: dict[int, Site] = {}  # keyed by the reference item's start
    loose: list[Site] = []
    ops_of: dict[str, list[Opcode]] = {}
    ref_negations, named_ref = negation_count(ref), named_tokens(ref)
    compared: dict[int, PassageDiff] = {}  # versions that print the same share a passage
    for version, (passage, base) in passages.items():
        if version == reference:
            continue
        comparison = compared.get(id(passage))
        if comparison is None:
            comparison = compared[id(passage)] = compare_passages(
                passage, ref, ref_negations, named_ref
            )
        ops_of[version] = comparison.ops
        for x, y in comparison.pairs:
            site = item_sites.setdefault(y.start, Site(y.family, row_index))
            site.readings[reference] = item_reading(reference, ref_base, y)
            site.readings[version] = item_reading(version, base, x)
    # Each passage's changed ranges, those of one family merged where they touch (and a
    # quotation's where they stand in one clause); a site per distinct range, read in the
    # versions that changed just that, and in those that changed nothing there.
    merged_of = {key: merge_ranges(diff.ranges, ref) for key, diff in compared.items()}
    distinct = sorted({r for spans in merged_of.values() for r in spans})
    for family, a, b in distinct:
        site = Site(family, row_index)
        text, start, end = span_text(ref, a, b)
        if family == "quote":
            text, start, end = _with_brackets(ref.text, text, start, end)
        # Spelling compares the letters as printed; the rest compares words.
        site.readings[reference] = SiteReading(
            reference,
            text,
            start + ref_base,
            end + ref_base,
            text if family == "spelling" else reading_key(ref, a, b),
        )
        for version, ops in ops_of.items():
            passage, base = passages[version]
            own = merged_of[id(passage)]
            if (family, a, b) not in own and any(
                f == family and x < b and a < y for f, x, y in own
            ):
                continue  # it changed this stretch otherwise: read at its own site
            i0, i1 = source_range(ops, a, b)
            text, start, end = span_text(passage, i0, i1)
            key = text if family == "spelling" else reading_key(passage, i0, i1)
            if (family, a, b) not in own and key != site.readings[reference].key:
                continue  # it words this otherwise, and its own reading found no change
            site.readings[version] = SiteReading(version, text, start + base, end + base, key)
        loose.append(site)
    # Versions that print the reference's item in its place agree with it.
    for site in item_sites.values():
        ref_item = site.readings[reference].item
        assert ref_item is not None
        agreeing: dict[int, Item | None] = {}
        for version, (passage, base) in passages.items():
            if version in site.readings:
                continue
            if id(passage) not in agreeing:
                lo, hi = source_range(ops_of[version], ref_item.first, ref_item.last + 1)
                same = [
                    i for i in passage.items if i.keys & ref_item.keys and same_keys(i, ref_item)
                ]
                near = [i for i in same if i.first < hi + 2 and lo - 2 <= i.last]
                agreeing[id(passage)] = (
                    (near or same)[0]
                    if near or len(same) >= sum(1 for i in ref.items if same_keys(i, ref_item))
                    else None
                )
            item = agreeing[id(passage)]
            if item is not None:
                site.readings[version] = item_reading(version, base, item)
    return list(item_sites.values()) + loose


def _with_brackets(text: str, span: str, start: int, end: int) -> tuple[str, int, int]:
    """A reference's words with the brackets around them: an editor's words ("[He]") are
    what a copy that prints them bare should read."""
    if 0 < start and end < len(text) and text[start - 1] + text[end] in ("[]", "()"):
        return text[start - 1 : end + 1], start - 1, end + 1
    return span, start, end


_CLAUSE = re.compile(r"[,;:—–]|\.\s")
_QUOTE_MARK = re.compile('[“”"«»]')  # two quotations, though in one clause
CLOSE = 3  # changes of a quotation this few words apart are one, across a comma
APART = 8  # changes of a quotation more words apart than this are two, in one clause too


def merge_ranges(
    ranges: dict[tuple[str, int, int], str], ref: Passage
) -> list[tuple[SiteFamily, int, int]]:
    """A passage's changed ranges of the reference, merged within each family."""
    merged: list[tuple[SiteFamily, int, int]] = []
    families: tuple[SiteFamily, ...] = (
        "meaning",
        "quote",
        "spelling",
        "attribution",
        "institution",
    )
    last = len(ref.tokens)
    for family in families:
        spans: list[list[int]] = []
        for a, b in sorted((a, b) for (f, a, b) in ranges if f == family):
            if spans and (
                a <= spans[-1][1] or (family == "quote" and one_clause(ref, spans[-1][1], a))
            ):
                # Words put in where nothing stands (an empty range) are read with the
                # words around them once merged, or they fall outside the span.
                if spans[-1][0] == spans[-1][1]:
                    spans[-1] = [max(spans[-1][0] - 1, 0), min(spans[-1][1] + 1, last)]
                if a == b:
                    a, b = max(a - 1, 0), min(b + 1, last)
                spans[-1][1] = max(spans[-1][1], b)
            else:
                spans.append([a, b])
        merged += [(family, a, b) for a, b in spans]
    return merged


def one_clause(passage: Passage, end: int, start: int) -> bool:
    """Whether the words from token ``end`` to token ``start`` stand in one quotation and
    in one clause of it, or close together (no quotation mark between, and no comma,
    colon or sentence end, unless the words are a few): changes of a quotation so close
    are one ("more threatened, weakened and partly lost"). Changes a long clause apart
    are two ("on the funeral" and "with the boy's parents"): a reader corrects each."""
    if start <= end or end < 1:
        return start <= end
    # Words inserted at the passage's end stand after its last token.
    upto = passage.tokens[start].start if start < len(passage.tokens) else passage.tokens[-1].end
    between = passage.text[passage.tokens[end - 1].end : upto]
    if _QUOTE_MARK.search(between):
        return False
    return start - end <= CLOSE or (start - end <= APART and _CLAUSE.search(between) is None)


def item_reading(version: str, base: int, item: Item) -> SiteReading:
    """A version's reading of an item of its passage, which starts at ``base``."""
    return SiteReading(
        version, item.text, item.start + base, item.end + base, min(item.keys), item=item
    )


def row_groups(rows: list[Row]) -> list[tuple[int, dict[str, tuple[int, ...]]]]:
    """Rows joined where a sentence stands in more than one (a merged sentence): the
    versions are compared on whole passages. Each group keeps the index of its first row."""
    parent = list(range(len(rows)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    first: dict[tuple[str, int], int] = {}
    for index, row in enumerate(rows):
        for version, cell in row.cells.items():
            for sentence in cell:
                seen = first.setdefault((version, sentence), index)
                parent[root(index)] = root(seen)
    groups: dict[int, tuple[int, dict[str, set[int]]]] = {}
    for index, row in enumerate(rows):
        _, group = groups.setdefault(root(index), (index, {}))  # rows come in order
        for version, cell in row.cells.items():
            group.setdefault(version, set()).update(cell)
    return sorted(
        (index, {v: tuple(sorted(c)) for v, c in cells.items()}) for index, cells in groups.values()
    )
