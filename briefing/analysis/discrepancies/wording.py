"""Changes of wording inside a sentence that the comparison reports: words changed in a
quotation (not merely spelt another way), a paraphrase put in quotation marks, and a
source named where the reference leaves it unnamed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Opcode

from briefing.analysis.discrepancies.passages import Passage
from briefing.text.lexicon import COMMON_WORDS, unit_of
from briefing.text.words import Token

SMALL = 3  # a small change: at most this many words a side


QUOTED_ALIKE = 0.5  # of the longer quotation's words, the share both hold
PART = 0.6  # of a shorter quotation's words, the share that makes it a part of the longer


def _quotation(passage: Passage, k: int) -> set[str]:
    """The words of the quotation that holds token ``k`` (a run of quoted words)."""
    k = min(max(k, 0), len(passage.tokens) - 1)
    if k < 0 or not passage.tokens[k].quoted:
        return set()
    lo = hi = k
    while lo > 0 and passage.tokens[lo - 1].quoted:
        lo -= 1
    while hi + 1 < len(passage.tokens) and passage.tokens[hi + 1].quoted:
        hi += 1
    return {t.key for t in passage.tokens[lo : hi + 1]}


def _runs(passage: Passage) -> list[tuple[int, int]]:
    """The quotations of a passage, as token ranges."""
    runs: list[tuple[int, int]] = []
    for k, token in enumerate(passage.tokens):
        if token.quoted:
            if runs and runs[-1][1] == k:
                runs[-1] = (runs[-1][0], k + 1)
            else:
                runs.append((k, k + 1))
    return runs


REWORDED = 0.25  # a quotation sharing this share of its content words is the same one


def unmarked_quotation(passage: Passage, ref: Passage) -> Passage:
    """The passage with the speaker's words read as quoted where the version prints the
    reference's quotation without its marks, in the speaker's person ("Bayer Rosmarin
    stated, I had the chance to testify" for "“On Friday I had the opportunity to appear
    ...,” Bayer Rosmarin said"): from its first word in the first person to its end."""
    if any(t.quoted for t in passage.tokens) or sum(
        t.quoted for t in ref.tokens
    ) < QUOTED_ALIKE * len(ref.tokens):
        return passage
    first = next((k for k, t in enumerate(passage.tokens) if t.key in _FIRST_PERSON), None)
    if first is None:
        return passage
    tokens = passage.tokens[:first] + [t._replace(quoted=True) for t in passage.tokens[first:]]
    return replace(passage, tokens=tokens)


_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})


def reworded_quotations(passage: Passage, ref: Passage) -> list[tuple[int, int]]:
    """The reference's quotations that the version quotes in other words: the same
    quotation, by a quarter to a half of its content words, put otherwise ("we calculate
    fuel based on our destination" for "we calculate the fuel to our destination")."""

    def words(p: Passage, lo: int, hi: int) -> set[str]:
        return {t.key for t in p.tokens[lo:hi] if t.key not in COMMON_WORDS and len(t.key) > 2}

    # A quotation the store cut off is shorter, not reworded.
    theirs = [(run, words(ref, *run)) for run in _runs(ref) if not _cut(ref, run)]
    found = []
    for lo, hi in (run for run in _runs(passage) if not _cut(passage, run)):
        mine = words(passage, lo, hi)
        for run, held in theirs:
            longer = max(len(mine), len(held))
            if min(len(mine), len(held)) >= WORDS and REWORDED * longer <= len(mine & held):
                if len(mine & held) < QUOTED_ALIKE * longer:
                    found.append(run)
    return found


def _cut(passage: Passage, run: tuple[int, int]) -> bool:
    return passage.cut and run[1] == len(passage.tokens)


WORDS = 4  # content words a quotation needs for a rewording of it to be told apart


def same_quotation(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether the change stands in what is one quotation on both sides: a rewrite that
    quotes other words of the speaker has not changed this quotation."""
    mine = _quotation(passage, op.src_start if op.src_end > op.src_start else op.src_start - 1)
    theirs = _quotation(ref, op.dest_start if op.dest_end > op.dest_start else op.dest_start - 1)
    if not mine or not theirs:
        return False
    if max(len(mine), len(theirs)) <= SMALL:
        return True  # a quoted word or two: "despicable" for "deplorable"
    shared = len(mine & theirs)
    shorter = min(len(mine), len(theirs))
    # A part of the quotation, quoted alone ("reinforce our sovereign control over the
    # electoral process" of "... on the electoral process and at the same time limit
    # foreign influences"), is that quotation.
    return shared >= QUOTED_ALIKE * max(len(mine), len(theirs)) or (
        shorter > SMALL and shared >= PART * shorter
    )


def quoted_anew(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether the version puts inside quotation marks words the reference tells as its
    own, in a sentence that is otherwise the reference's ("\"This marked an unusual
    break" for "It marked an unusual break"): a paraphrase made a quotation."""
    i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
    if op.tag != "replace" or not (0 < i1 - i0 <= SMALL and 0 < j1 - j0 <= SMALL):
        return False
    if not all(t.quoted for t in passage.tokens[i0:i1]) or any(t.quoted for t in ref.tokens[j0:j1]):
        return False
    mine = _quotation(passage, i0)
    unquoted = {t.key for t in ref.tokens if not t.quoted}
    return len(mine & unquoted) >= QUOTED_ALIKE * len(mine)


def statement_misquoted(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether the version quotes the reference's own words, a statement it prints as its
    text, with a word or two changed ("“... at the conclusion of the investigation”" for
    "... at the conclusion of investigation", the reference being the statement)."""
    i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
    if op.tag == "equal" or i1 - i0 > SMALL or j1 - j0 > SMALL:
        return False
    around = passage.tokens[max(0, i0 - 1) : i1 + 1] if i0 == i1 else passage.tokens[i0:i1]
    theirs = ref.tokens[max(0, j0 - 1) : j1 + 1] if j0 == j1 else ref.tokens[j0:j1]
    if not around or not all(t.quoted for t in around) or any(t.quoted for t in theirs):
        return False
    mine = _quotation(passage, i0 if i1 > i0 else i0 - 1)
    unquoted = {t.key for t in ref.tokens if not t.quoted}
    return len(mine) >= STATEMENT and len(mine & unquoted) >= SAME_WORDS * len(mine)


STATEMENT = 8  # words a quotation holds, at least, to be a statement's
SAME_WORDS = 0.8  # of its words, the share the reference prints as its own


def percent_spelt(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether a change only writes a percentage otherwise ("2%" for "2 per cent"): the
    words "per cent" or "percent" on one side, after a figure printed with "%" on the
    other."""
    if op.tag not in ("insert", "delete"):
        return False
    i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
    words, other, at = (
        (passage.tokens[i0:i1], ref, j0) if i1 > i0 else (ref.tokens[j0:j1], passage, i0)
    )
    if [t.key for t in words] not in (["per", "cent"], ["percent"]) or at == 0:
        return False
    figure = other.tokens[at - 1]
    return other.text[figure.start : figure.end].endswith("%")


def respelt(mine: list[Token], theirs: list[Token], op: Opcode) -> bool:
    """Whether a change only spells the same words another way ("Cirrcumstancial" for
    "circumstantial"): no change of what is quoted."""
    if op.tag != "replace" or len(mine) != len(theirs):
        return False
    return all(
        fuzz.ratio(a.key, b.key) >= RESPELT and not _inflected(a.key, b.key)
        for a, b in zip(mine, theirs, strict=True)
    )


def same_letters(mine: list[Token], theirs: list[Token]) -> bool:
    """Whether words differ only where they are joined or split ("light-bodied" for
    "light bodied", "expeditionexplored" for "expedition explored"): no change of what is
    quoted."""
    if not mine or not theirs:
        return False
    return _joined(mine) == _joined(theirs)


def _joined(tokens: list[Token]) -> str:
    """Words' letters run together, a figure's unit in one spelling ("200m", "200-metre"
    and "200 metres" all "200m")."""
    text = "".join(t.key for t in tokens).replace("-", "")
    return _FIGURE_UNIT.sub(lambda m: m.group(1) + unit_of(m.group(2)), text)


_FIGURE_UNIT = re.compile(r"(\d)([a-z]+)$")


def _inflected(a: str, b: str) -> bool:
    """Whether one word is the other with an ending ("charge", "charges"): another word
    of the quotation, not another spelling."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in ("s", "es", "d", "ed", "ing")


RESPELT = 80.0  # two spellings of one word are at least this alike (0-100)
# Nouns by which a report leaves its source unnamed.
# Words a report leaves its source unnamed with ("a news outlet", "sources close to"). Not
# "people", "officials" or "media": "the richest people", "official biographies" and
# "social media" name no source (6 noise on the real stories, none found).
UNNAMED = frozenset(
    "outlet outlets newspaper newspapers source sources publication insider insiders "
    "spokesperson".split()
)


def unnamed_source(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether the version names an actor where the reference leaves it unnamed ("a report
    by Bloomberg" for "a report from a news outlet"): it credits someone the reference
    does not."""
    if op.tag != "replace":
        return False
    i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
    named = [x for x in passage.items if x.family == "name" and i0 <= x.first and x.last < i1]
    in_reference = any(y.first < j1 and j0 <= y.last for y in ref.items)
    unnamed = any(t.key in UNNAMED for t in ref.tokens[j0:j1])
    return bool(named) and unnamed and not in_reference
