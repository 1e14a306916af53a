"""A passage compared with its row's reference: the word edits, the items paired across
them, and the ranges where quotations, negations or capitals differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein, Opcode

from briefing.analysis.discrepancies.items import Item
from briefing.analysis.discrepancies.passages import Passage
from briefing.analysis.discrepancies.wording import (
    SMALL,
    quoted_anew,
    respelt,
    same_quotation,
    unnamed_source,
)
from briefing.text.lexicon import COMMON_WORDS, NATIONALITY
from briefing.text.names import NEAR_MISS_THRESHOLD, name_similarity, respelt_name
from briefing.text.opcodes import changed_blocks, token_ranges
from briefing.text.words import date_part, is_negation, normalise

_WORD = re.compile(r"\w+")


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
    # Where either text was cut off by the store, what follows the cut is not compared.
    mine_end = len(passage.tokens) if not passage.cut else _before_last_change(ops, True)
    ref_end = len(ref.tokens) if not ref.cut else _before_last_change(ops, False)
    ops = [
        op for op in ops if op.tag == "equal" or (op.src_end <= mine_end and op.dest_end <= ref_end)
    ]
    closeness = _closeness(ops, len(passage.tokens), len(ref.tokens))
    mapping = token_ranges(ops, len(passage.tokens))
    pairs = substitutions(passage, ref, ops)
    strong = len(pairs)
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
    if closeness >= OTHERWISE_MATCHING:
        # In a sentence that is otherwise the same, the one name it changes is a
        # substitution wherever it stands.
        for family in ("name", "title", "number", "date"):
            xs = [x for x in v_only if x.family == family and id(x) not in paired]
            ys = [y for y in r_only if y.family == family and id(y) not in taken]
            if len(xs) == 1 and len(ys) == 1:
                pairs.append((xs[0], ys[0]))
                taken.add(id(ys[0]))
    # A pair found by position only is no substitution where either side names the other's
    # item elsewhere in the sentence (the copy reorders, or names someone the reference
    # names too); and a name paired by position alone in a reworded sentence is more often
    # another name the rewrite brings in than a wrong one: it counts where the sentence is
    # otherwise the same, where it is a near miss of the reference's name, or where both
    # stand in one slot ("the Harbour Times reported" for "the City Gazette reported").
    substituted = {id(x) for x, _ in pairs[:strong]}
    loose = [
        (x, y)
        for x, y in pairs[strong:]
        if not any(x.keys & i.keys for i in ref.items)
        and not any(y.keys & i.keys for i in passage.items if id(i) not in substituted)
        and (
            x.family not in ("name", "title")
            or closeness >= OTHERWISE_MATCHING
            or name_similarity(x.text, y.text) >= NEAR_MISS_THRESHOLD
            or same_slot(x, y, passage, ref)
        )
    ]
    pairs = [(x, y) for x, y in pairs[:strong] + loose if differs(x, y)]
    pairs += respelt_names(passage, ref, mapping, {id(i) for pair in pairs for i in pair})
    # Quotations, negations and words changed in an otherwise matching sentence.
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
        small = i1 - i0 <= SMALL and j1 - j0 <= SMALL
        if (
            negations
            and small
            and closeness >= HALF
            and has_negation(passage, i0, i1) != has_negation(ref, j0, j1)
        ):
            ranges[("meaning", j0, j1)] = "meaning"
        elif (
            mine_t
            and ref_t
            and all(t.quoted for t in mine_t)
            and all(t.quoted for t in ref_t)
            and not respelt(mine_t, ref_t, op)
            and same_quotation(passage, ref, op)
        ):
            ranges[("quote", j0, j1)] = "quote"
        elif quoted_anew(passage, ref, op):
            ranges[("quote", j0, j1)] = "quote"
        elif unnamed_source(passage, ref, op):
            ranges[("attribution", j0, j1)] = "attribution"
        elif (
            closeness >= OTHERWISE_MATCHING
            and (head := qualifier_changed(passage, ref, op)) is not None
        ):
            # The word before an added qualifier too: the reference's range must hold a
            # word of each side for the version's reading to differ.
            lo = j0 if j1 > j0 else max(0, head - 1)
            ranges[("meaning", lo, head + 1)] = "meaning"
    return PassageDiff(ops, pairs, ranges)


# A sentence this close to the reference's (the share of its words unchanged) is the
# reference's sentence, changed in a few words: a change of a name or of a content word
# in it is a discrepancy, not a rewording.
OTHERWISE_MATCHING = 0.8
HALF = 0.5  # a negation changed counts in a sentence that keeps at least half its words


# Words that change what a noun states when one side has them and the other does not
# ("armed robbery" is another charge than "robbery", an "alleged" killer no killer).
FACT_QUALIFIERS = frozenset(
    "alleged allegedly suspected accused armed attempted former acting interim late ex "
    "self-styled so-called unconfirmed provisional preliminary".split()
)


def qualifier_changed(passage: Passage, ref: Passage, op: Opcode) -> int | None:
    """Where one side alone puts a qualifier of fact before a word both print: the index
    of that word in the reference, or None."""
    i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
    if op.tag == "insert" and j1 - j0 == 1 and ref.tokens[j0].key in FACT_QUALIFIERS:
        head = j1  # the version leaves it out
        ok = i0 < len(passage.tokens) and head < len(ref.tokens)
        return head if ok and passage.tokens[i0].key == ref.tokens[head].key else None
    if op.tag == "delete" and i1 - i0 == 1 and passage.tokens[i0].key in FACT_QUALIFIERS:
        head = j0  # the version adds it
        ok = i1 < len(passage.tokens) and head < len(ref.tokens)
        return head if ok and passage.tokens[i1].key == ref.tokens[head].key else None
    return None


def same_slot(x: Item, y: Item, passage: Passage, ref: Passage) -> bool:
    """Whether two items stand between the same words: the same content word right after
    both, or right before both."""

    def word(p: Passage, k: int) -> str | None:
        if 0 <= k < len(p.tokens) and p.tokens[k].key not in COMMON_WORDS:
            return p.tokens[k].key
        return None

    after = word(passage, x.last + 1)
    before = word(passage, x.first - 1)
    return (after is not None and after == word(ref, y.last + 1)) or (
        before is not None and before == word(ref, y.first - 1)
    )


def differs(x: Item, y: Item) -> bool:
    """Whether two paired items say different things: not when one only adds words to
    the other ("Umar Audu, on Wednesday", "Gulgong, New South Wales"), nor for dates of
    different sorts ("Sept 4" for "Wednesday", "today" for "Wednesday")."""
    mine, theirs = set(_words_of(x.text)), set(_words_of(y.text))
    if x.family == "date":  # "Feb 27, 2024" and "February 2024": the month read as one
        mine, theirs = _date_words(mine), _date_words(theirs)
    if x.family in ("name", "date") and (mine <= theirs or theirs <= mine):
        return False
    if x.family == "name" and len(mine) == len(theirs) == 1:
        a, b = sorted((*mine, *theirs), key=len)
        if (len(a) >= 4 and b.startswith(a)) or b in (a + "s", a + "es"):
            return False  # "Australia" and "Australian" name one country; "GPU", "GPUs"
    if x.family == "name" and _demonym(x.text) != _demonym(y.text):
        return False  # "the Nigerian team" for "the Super Eagles": said another way
    if x.family == "date" and _date_sort(x) != _date_sort(y):
        return False
    return True


def _demonym(text: str) -> bool:
    """Whether a name is one word of nationality ("Nigerian", "Chinese")."""
    word = text.strip().casefold()
    return " " not in word and NATIONALITY.search(word) is not None and not _PLACE.search(word)


# Places whose names end as demonyms do ("Pakistan", "Japan").
_PLACE = re.compile(r"(?:stan|iran|japan|sudan|oman|taiwan|jordan|bhutan|vatican|milan|tehran)$")


def _words_of(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _date_words(words: set[str]) -> set[str]:
    return {date_part(normalise(w), True) or w for w in words}


def _date_sort(item: Item) -> str:
    key = min(item.keys)
    if any(
        day in key
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    ):
        return "weekday"
    if any(day in key for day in ("today", "yesterday", "tomorrow", "tonight")):
        return "relative"
    return "calendar"


def _closeness(ops: list[Opcode], mine: int, theirs: int) -> float:
    same = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    return same / max(mine, theirs, 1)


def _before_last_change(ops: list[Opcode], mine: bool) -> int:
    """The end of the last stretch of words both sides print: where a cut-off text stops
    being comparable."""
    equal = [op for op in ops if op.tag == "equal"]
    if not equal:
        return 0
    return equal[-1].src_end if mine else equal[-1].dest_end


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
        # The version lacks the reference's item; and where the reference names the
        # version's item too, the two keep a word ("City"): "Audu", moved within the
        # sentence, is no substitute for "the Daily Nigerian".
        moved = _count(ref, x) >= _count(passage, x)
        if _count(passage, y) < _count(ref, y) and not (moved and not outside):
            pairs.append((x, y))
    return pairs


def respelt_names(
    passage: Passage, ref: Passage, mapping: list[tuple[int, int]], paired: set[int]
) -> list[tuple[Item, Item]]:
    """Long names the version spells another way, word for word, where the two still
    share a key ("National University Commission (NUC)" for "National Universities
    Commission (NUC)"): the short form both give hid the change. A name of the fact
    file in a form it records (an alias) is no misspelling."""
    found = []
    for x in passage.items:
        if x.family != "name" or id(x) in paired or x.quality == "alias":
            continue
        lo, hi = mapping[x.first][0], mapping[x.last][1]
        for y in ref.items:
            if (
                y.family == "name"
                and id(y) not in paired
                and x.keys & y.keys
                and y.first < hi
                and lo <= y.last
                and respelt_name(x.text, y.text)
            ):
                found.append((x, y))
                break
    return found


def _count(passage: Passage, item: Item) -> int:
    return sum(1 for i in passage.items if i.keys & item.keys)


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
