"""A passage compared with its row's reference: the word edits, the items paired across
them, and the ranges where quotations, negations or capitals differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein, Opcode

from briefing.analysis.discrepancies.items import Item
from briefing.analysis.discrepancies.passages import Passage
from briefing.text.opcodes import changed_blocks, token_ranges
from briefing.text.words import is_negation


@dataclass
class PassageDiff:
    """A passage against the row's reference: the word edits, the items paired across them,
    and the ranges of the reference where quotations, negations or capitals differ."""

    ops: list[Opcode]
    pairs: list[tuple[Item, Item]]
    ranges: dict[tuple[str, int, int], str]


def compare_passages(
    passage: Passage, ref: Passage, ref_keys: list[str], ref_negations: int, named_ref: set[int]
) -> PassageDiff:
    ops = list(Levenshtein.opcodes([t.key for t in passage.tokens], ref_keys))
    mapping = token_ranges(ops, len(passage.tokens))
    pairs = substitutions(passage, ref, ops)
    done = {id(i) for pair in pairs for i in pair}
    v_only, r_only = unshared(
        [x for x in passage.items if id(x) not in done],
        [y for y in ref.items if id(y) not in done],
        mapping,
    )
    taken: set[int] = set()
    for x in v_only:
        lo = min(mapping[k][0] for k in range(x.first, x.last + 1)) - 1
        hi = max(mapping[k][1] for k in range(x.first, x.last + 1)) + 1
        options = [
            y
            for y in r_only
            if y.family == x.family and id(y) not in taken and y.first < hi and lo <= y.last
        ]
        if options:
            y = min(options, key=lambda y: abs(y.first - mapping[x.first][0]))
            taken.add(id(y))
            pairs.append((x, y))
    paired = {id(x) for x, _ in pairs}
    for family in ("name", "title", "number", "date"):
        xs = [x for x in v_only if x.family == family and id(x) not in paired]
        ys = [y for y in r_only if y.family == family and id(y) not in taken]
        if len(xs) == 1 and len(ys) == 1:
            pairs.append((xs[0], ys[0]))
            taken.add(id(ys[0]))
    # Quotations and negations, word by word.
    ranges: dict[tuple[str, int, int], str] = {}
    negations = negation_count(passage) != ref_negations
    named_mine = named_tokens(passage)
    for op in ops:
        i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "equal":
            # The same word in another case, where one side names an entity with it
            # ("told the commission" for "told the Commission").
            for k in range(i1 - i0):
                mine_k, ref_k = passage.tokens[i0 + k], ref.tokens[j0 + k]
                # (Where both sides name it, the fact file knows both spellings.)
                if (
                    mine_k.text != ref_k.text
                    and mine_k.cap != ref_k.cap
                    and not (mine_k.initial or ref_k.initial)
                    and (i0 + k in named_mine) != (j0 + k in named_ref)
                ):
                    ranges[("spelling", j0 + k, j0 + k + 1)] = "spelling"
            continue
        mine_t = passage.tokens[i0:i1] or passage.tokens[max(0, i0 - 1) : i0 + 1]
        ref_t = ref.tokens[j0:j1] or ref.tokens[max(0, j0 - 1) : j0 + 1]
        if negations and (has_negation(passage, i0, i1) != has_negation(ref, j0, j1)):
            ranges[("meaning", j0, j1)] = "meaning"
        elif mine_t and ref_t and all(t.quoted for t in mine_t) and all(t.quoted for t in ref_t):
            ranges[("quote", j0, j1)] = "quote"
    return PassageDiff(ops, pairs, ranges)


def substitutions(passage: Passage, ref: Passage, ops: list[Opcode]) -> list[tuple[Item, Item]]:
    """Items replaced in place: a short run of changed words between unchanged ones holds
    one item on each side, of one family, where the version lacks the reference's item
    ("met the City Gazette" for "met the City Council", though the Gazette is named
    elsewhere in the sentence)."""
    blocks = changed_blocks(ops)
    mapping = token_ranges(ops, len(passage.tokens))
    pairs = []
    for i0, i1, j0, j1 in blocks:
        if not (0 < i1 - i0 <= 4 and 0 < j1 - j0 <= 4):
            continue
        xs = [x for x in passage.items if x.first < i1 and i0 <= x.last]
        ys = [y for y in ref.items if y.first < j1 and j0 <= y.last]
        if len(xs) != 1 or len(ys) != 1:
            continue
        x, y = xs[0], ys[0]
        if x.family != y.family or x.keys & y.keys:
            continue
        # Their words outside the change must be the same words ("City" in "City
        # Gazette" and "City Council"), or the two are not one name replaced by another.
        outside = [mapping[k][0] for k in range(x.first, x.last + 1) if not i0 <= k < i1]
        if any(not y.first <= j <= y.last for j in outside) or len(outside) != (
            y.last - y.first + 1
        ) - len(range(max(j0, y.first), min(j1, y.last + 1))):
            continue
        if sum(1 for i in passage.items if i.keys & y.keys) < sum(
            1 for i in ref.items if i.keys & y.keys
        ):
            pairs.append((x, y))
    return pairs


def unshared(
    mine: list[Item], theirs: list[Item], mapping: list[tuple[int, int]]
) -> tuple[list[Item], list[Item]]:
    """The items of each side that the other side does not print, counted as multisets:
    a name printed twice by one and once by the other is missing once."""
    used: set[int] = set()
    alone: list[Item] = []
    for x in mine:
        centre = mapping[x.first][0]
        options = [k for k, y in enumerate(theirs) if k not in used and y.keys & x.keys]
        if options:
            used.add(min(options, key=lambda k: abs(theirs[k].first - centre)))
        else:
            alone.append(x)
    return alone, [y for k, y in enumerate(theirs) if k not in used]


def named_tokens(passage: Passage) -> set[int]:
    """Indices of the tokens that name an entity of the fact file."""
    return {k for item in passage.items if item.entity for k in range(item.first, item.last + 1)}


def negation_count(passage: Passage) -> int:
    return sum(
        is_negation(t, passage.tokens[i + 1] if i + 1 < len(passage.tokens) else None)
        for i, t in enumerate(passage.tokens)
    )


def has_negation(passage: Passage, i0: int, i1: int) -> bool:
    return any(
        is_negation(
            passage.tokens[i], passage.tokens[i + 1] if i + 1 < len(passage.tokens) else None
        )
        for i in range(i0, i1)
    )


def span_text(passage: Passage, i0: int, i1: int) -> tuple[str, int, int]:
    if i0 >= i1:
        at = (
            passage.tokens[i0].start
            if i0 < len(passage.tokens)
            else (passage.tokens[-1].end if passage.tokens else 0)
        )
        return "", at, at
    start, end = passage.tokens[i0].start, passage.tokens[i1 - 1].end
    return passage.text[start:end], start, end
