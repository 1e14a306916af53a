"""A passage compared with its row's reference: the word edits, the items paired across
them, and the ranges where quotations, negations or capitals differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Opcode

from briefing.analysis.discrepancies.conversions import one_measure
from briefing.analysis.discrepancies.dates import calendar_part
from briefing.analysis.discrepancies.figures import hedged, rounded_alike
from briefing.analysis.discrepancies.items import Item
from briefing.analysis.discrepancies.modifiers import (
    body_modifier_changed,
    direction_changed,
    gender_changed,
    particle_reversed,
    qualifier_changed,
    quantifier_changed,
    unit_changed,
)
from briefing.analysis.discrepancies.pairing import (
    counted_alike,
    differs,
    figures_in_order,
    is_age,
    reordered,
    respelt_names,
    same_slot,
    strong_pairs,
    unshared,
)
from briefing.analysis.discrepancies.passages import Passage
from briefing.analysis.discrepancies.wording import (
    SMALL,
    percent_spelt,
    quoted_anew,
    respelt,
    reworded_quotations,
    same_letters,
    same_quotation,
    statement_misquoted,
    unmarked_quotation,
    unnamed_source,
)
from briefing.text.names import NEAR_MISS_THRESHOLD, name_similarity
from briefing.text.opcodes import token_ranges, word_opcodes
from briefing.text.words import is_negation


@dataclass
class PassageDiff:
    """A passage against the row's reference: the word edits, the items paired across them,
    and the ranges of the reference where quotations, negations or capitals differ."""

    ops: list[Opcode]
    pairs: list[tuple[Item, Item]]
    ranges: dict[tuple[str, int, int], str]


def compare_passages(
    passage: Passage, ref: Passage, ref_negations: int, named_ref: set[int]
) -> PassageDiff:
    passage = unmarked_quotation(passage, ref)
    ops = word_opcodes(passage.tokens, ref.tokens)
    # Where either text was cut off by the store, what follows the cut is not compared.
    mine_end = len(passage.tokens) if not passage.cut else _before_last_change(ops, True)
    ref_end = len(ref.tokens) if not ref.cut else _before_last_change(ops, False)
    # (Words one side has after the other's last, where that other was cut, are the cut.)
    ops = [
        op
        for op in ops
        if op.tag == "equal"
        or (
            op.src_end <= mine_end
            and op.dest_end <= ref_end
            and not (passage.cut and op.src_start >= mine_end)
            and not (ref.cut and op.dest_start >= ref_end)
        )
    ]
    closeness = _closeness(ops, len(passage.tokens), len(ref.tokens))
    mapping = token_ranges(ops, len(passage.tokens))
    pairs = strong_pairs(passage, ref, ops)
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
            if y.family == x.family
            and id(y) not in taken
            and y.first < hi
            and lo <= y.last
            and counted_alike(passage, x, ref, y)
        ]
        if options:
            # A figure the reference also prints, rounded or not, is that figure.
            same = [y for y in options if rounded_alike(x, y)]
            y = same[0] if same else min(options, key=lambda y: abs(y.first - mapping[x.first][0]))
            taken.add(id(y))
            pairs.append((x, y))
    pairs += figures_in_order(
        passage,
        ref,
        [x for x in v_only if id(x) not in {id(a) for a, _ in pairs}],
        [y for y in r_only if id(y) not in taken],
        taken,
    )
    paired = {id(x) for x, _ in pairs}
    # Someone's age, said another way ("is 62 years old" for "The 67-year-old"), wherever
    # it stands: the one age on each side.
    ages = [x for x in v_only if id(x) not in paired and is_age(passage, x)]
    ref_ages = [y for y in r_only if id(y) not in taken and is_age(ref, y)]
    if len(ages) == 1 and len(ref_ages) == 1:
        pairs.append((ages[0], ref_ages[0]))
        paired.add(id(ages[0]))
        taken.add(id(ref_ages[0]))
    if closeness >= OTHERWISE_MATCHING:
        # In a sentence that is otherwise the same, the one name it changes is a
        # substitution wherever it stands.
        for family in ("name", "title", "number", "date"):
            xs = [x for x in v_only if x.family == family and id(x) not in paired]
            ys = [y for y in r_only if y.family == family and id(y) not in taken]
            if len(xs) == 1 and len(ys) == 1 and counted_alike(passage, xs[0], ref, ys[0]):
                pairs.append((xs[0], ys[0]))
                taken.add(id(ys[0]))
    # A pair found by position only is no substitution where either side names the other's
    # item elsewhere in the sentence (the copy reorders, or names someone the reference
    # names too); figures so paired in sentences that share almost no words are two
    # sentences' figures, not one changed; and a name paired by position alone in a
    # reworded sentence is more often another name the rewrite brings in than a wrong one:
    # it counts where the sentence is otherwise the same, where it is a near miss of the
    # reference's name, or where both stand in one slot ("the Harbour Times reported" for
    # "the City Gazette reported").
    substituted = {id(x) for x, _ in pairs[:strong]}
    loose = [
        (x, y)
        for x, y in pairs[strong:]
        if not any(x.keys & i.keys for i in ref.items)
        and not any(y.keys & i.keys for i in passage.items if id(i) not in substituted)
        and (
            (x.family not in ("name", "title") and closeness >= SOME_IN_COMMON)
            or closeness >= OTHERWISE_MATCHING
            or name_similarity(x.text, y.text) >= NEAR_MISS_THRESHOLD
            or same_slot(x, y, passage, ref)
            or reordered(x, y)
        )
    ]
    # A figure the reference prints elsewhere in the sentence, rounded or hedged ("nearly
    # 60 cm" for "nearly 2 feet (60 cm)"), is that figure, whatever it was paired with.
    pairs = [
        (x, calendar_part(y, x, ref))
        for x, y in pairs[:strong] + loose
        if differs(x, y)
        and not any(rounded_alike(x, z) or hedged(x, z) for z in ref.items)
        and not (
            y.family == "number"
            and any(z is not x and (rounded_alike(z, y) or hedged(y, z)) for z in passage.items)
        )
        and not one_measure(passage, x, ref, y)
    ]
    pairs += respelt_names(passage, ref, mapping, {id(i) for pair in pairs for i in pair})
    # Quotations, negations and words changed in an otherwise matching sentence.
    ranges: dict[tuple[str, int, int], str] = {}
    mine_negations = negation_count(passage)
    negations = mine_negations != ref_negations and mine_negations + _negated_words(
        passage, ref
    ) != ref_negations + _negated_words(ref, passage)
    named_mine = named_tokens(passage)
    editor_words = "[" in ref.text or "(" in ref.text
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
            if editor_words:
                # An editor's words in a quotation printed as the speaker's: the same
                # words, their brackets gone ("It wasn't even listed as" for "(listed as)").
                for k in range(i1 - i0):
                    if (
                        ref.tokens[j0 + k].quoted
                        and bracketed(ref, j0 + k, j0 + k + 1)
                        and not bracketed(passage, i0 + k, i0 + k + 1)
                    ):
                        ranges[("quote", j0 + k, j0 + k + 1)] = "quote"
            continue
        mine_t = passage.tokens[i0:i1] or passage.tokens[max(0, i0 - 1) : i0 + 1]
        ref_t = ref.tokens[j0:j1] or ref.tokens[max(0, j0 - 1) : j0 + 1]
        small = i1 - i0 <= SMALL and j1 - j0 <= SMALL
        if (
            mine_t
            and ref_t
            and not (i1 == i0 and bracketed(ref, j0, j1))
            and all(t.quoted for t in mine_t)
            and all(t.quoted for t in ref_t)
            and not respelt(mine_t, ref_t, op)
            and not percent_spelt(passage, ref, op)
            and not any(
                same_letters(passage.tokens[i0 - c : i1 + a], ref.tokens[j0 - d : j1 + b])
                for a, b, c, d in _JOINED
                if i0 >= c and j0 >= d
            )
            and same_quotation(passage, ref, op)
        ):
            # Inside a quotation any change is the quotation's, a negation's too.
            ranges[("quote", j0, j1)] = "quote"
        elif (
            negations
            and small
            and closeness >= HALF
            and has_negation(passage, i0, i1) != has_negation(ref, j0, j1)
        ):
            ranges[("meaning", j0, j1)] = "meaning"
        elif quoted_anew(passage, ref, op) or (
            closeness >= HALF and statement_misquoted(passage, ref, op)
        ):
            ranges[("quote", j0, j1)] = "quote"
        elif unnamed_source(passage, ref, op):
            ranges[("attribution", j0, j1)] = "attribution"
        elif body_modifier_changed(passage, ref, op):
            # The head word too: "the central bank" is what the version should read.
            ranges[("institution", j0, j1 + 1)] = "institution"
        elif (
            small
            and op.tag == "replace"
            and quantifier_changed(mine_t, ref_t, (_key_before(passage, i0), _key_before(ref, j0)))
        ):
            ranges[("meaning", j0, j1)] = "meaning"
        elif closeness >= HALF and unit_changed(passage, ref, op):
            ranges[("meaning", j0 - 1, j1)] = "meaning"  # the figure with its unit
        elif closeness >= HALF and direction_changed(passage, ref, op):
            ranges[("meaning", j0, j1 + 1)] = "meaning"  # "up from"
        elif closeness >= HALF and particle_reversed(passage, ref, op):
            ranges[("meaning", j0 - 1, j0 + 1)] = "meaning"  # "stand down"
        elif op.tag == "replace" and closeness >= HALF and gender_changed(mine_t, ref_t):
            ranges[("meaning", j0, j1)] = "meaning"
        elif (
            closeness >= OTHERWISE_MATCHING
            and (head := qualifier_changed(passage, ref, op)) is not None
        ):
            # The word before an added qualifier too: the reference's range must hold a
            # word of each side for the version's reading to differ.
            lo = j0 if j1 > j0 else max(0, head - 1)
            ranges[("meaning", lo, head + 1)] = "meaning"
    for a, b in reworded_quotations(passage, ref):
        if not any(f == "quote" and a <= x < b for f, x, _ in ranges):
            ranges[("quote", a, b)] = "quote"
    return PassageDiff(ops, pairs, ranges)


# A sentence this close to the reference's (the share of its words unchanged) is the
# reference's sentence, changed in a few words: a change of a name or of a content word
# in it is a discrepancy, not a rewording.
OTHERWISE_MATCHING = 0.8
SOME_IN_COMMON = 0.15  # a sentence sharing less of its words tells something else


HALF = 0.5  # a negation changed counts in a sentence that keeps at least half its words


def reading_key(passage: Passage, i0: int, i1: int) -> str:
    """What words of a passage say, as compared: their keys, an editor's bracketed words
    marked as such (a quotation's "(listed as)" is not the speaker's "listed as")."""
    tokens = passage.tokens[i0:i1]
    if tokens and all(t.date or t.number or _ordinal(passage, k) for k, t in enumerate(tokens, i0)):
        # A date's words in either order say one date ("5 April 2024", "April 5, 2024",
        # "24th October 2023").
        return " ".join(sorted(t.date or t.key for t in tokens if t.date or t.number))
    if "[" not in passage.text and "(" not in passage.text:
        return " ".join(t.key for t in tokens)  # most passages: nothing bracketed
    return " ".join(
        f"[{t.key}]" if t.quoted and bracketed(passage, k, k + 1) else t.key
        for k, t in enumerate(tokens, i0)
    )


def _ordinal(passage: Passage, k: int) -> bool:
    """Whether a word is the ending of the figure printed before it ("24th")."""
    tokens = passage.tokens
    return (
        k > 0
        and tokens[k].key in ORDINAL_ENDINGS
        and tokens[k - 1].number is not None
        and tokens[k - 1].end == tokens[k].start
    )


ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})


def _key_before(passage: Passage, index: int) -> str:
    return passage.tokens[index - 1].key if index else ""


def bracketed(passage: Passage, i0: int, i1: int) -> bool:
    """Whether words stand in brackets: in a quotation, an editor's words put into it
    ("out there [in the region]", "It wasn't even (listed as)"), which a copy may leave
    out but not print as the speaker's."""
    if i1 <= i0:
        return False
    text = passage.text
    start, end = passage.tokens[i0].start, passage.tokens[i1 - 1].end
    for opening, closing in ("[]", "()"):
        close, reopen = text.find(closing, end), text.find(opening, end)
        opened = text.rfind(opening, 0, start) > text.rfind(closing, 0, start)
        if opened and close != -1 and (reopen == -1 or close < reopen):
            # "[terming it a “bogus” case][18]": a link's words, not an editor's
            return not (opening == "[" and text[close + 1 : close + 2] in ("[", "("))
    return False


# The words of a change, and a word after or before it (mine, the reference's): a word
# split or joined ("heat stroke" for "heatstroke") falls across two edits, and so does a
# figure's unit ("200m" for "200-metre": the figure changed, then the unit put in).
# (mine after, theirs after, mine before, theirs before)
_JOINED = (
    (0, 0, 0, 0),
    (0, 1, 0, 0),
    (1, 0, 0, 0),
    (1, 1, 0, 0),
    (0, 0, 1, 0),
    (0, 0, 0, 1),
    (0, 0, 1, 1),
)


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


def named_tokens(passage: Passage) -> set[int]:
    """Indices of the tokens that name an entity of the fact file."""
    return {k for item in passage.items if item.entity for k in range(item.first, item.last + 1)}


def negation_count(passage: Passage) -> int:
    return sum(
        is_negation(t, passage.tokens[i + 1] if i + 1 < len(passage.tokens) else None)
        for i, t in enumerate(passage.tokens)
    )


def _negated_words(passage: Passage, other: Passage) -> int:
    """Words that say "not" with a prefix, of a word the other passage prints ("unclear"
    for "not immediately clear"): one negation each."""
    keys = {t.key for t in other.tokens}
    return sum(
        t.key.startswith("un") and len(t.key) > 5 and t.key[2:] in keys for t in passage.tokens
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
