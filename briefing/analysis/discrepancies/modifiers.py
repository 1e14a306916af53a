"""Words that qualify what a sentence states, changed in place: a qualifier of fact
("alleged", "acting") one side alone gives a word both print, a quantifier that states
another extent ("most" for "all"), a pronoun of the other sex ("his" for "her"), another
word before the noun of a body ("the main bank" for "the central bank"), the unit of a
figure both print ("100 meters" for "100 yards"), and the direction a figure moved ("down
from 41" for "up from 41").
"""

from __future__ import annotations

from os.path import commonprefix

from rapidfuzz.distance import Opcode

from briefing.analysis.discrepancies.passages import Passage
from briefing.text.lexicon import BODY_WORDS, COMMON_WORDS, UNITS, unit_of
from briefing.text.words import Token

# Words that change what a noun states when one side has them and the other does not
# ("armed robbery" is another charge than "robbery", an "alleged" killer no killer).
FACT_QUALIFIERS = frozenset(
    "alleged allegedly suspected accused armed attempted former acting interim late ex "
    "self-styled so-called unconfirmed provisional preliminary".split()
)


# Words that say how much of a whole a claim holds for, or how sure it is, by the extent
# they state: "most Nigerian cities" is not "all states", "possibly" not "likely".
QUANTIFIERS = {
    **dict.fromkeys(("all", "every", "each"), "all"),
    "most": "most",
    **dict.fromkeys(("many", "numerous"), "many"),
    **dict.fromkeys(("some", "several"), "some"),
    "few": "few",
    "none": "none",
    # how sure a claim is: "possibly bringing output to a standstill" is not "likely"
    **dict.fromkeys(("certainly", "definitely"), "certain"),
    **dict.fromkeys(("likely", "probably"), "likely"),
    **dict.fromkeys(("possibly", "perhaps", "maybe"), "possibly"),
    "unlikely": "unlikely",
}


def body_modifier_changed(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether one word before the noun of a body both print is another word ("the main
    bank" for "the central bank", "personal banks" for "private banks"), or is glued to
    it ("the federalgovernment" for "the government"): another body."""
    i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
    if op.tag != "replace" or i1 - i0 != 1 or j1 - j0 != 1:
        return False
    glued, noun = passage.tokens[i0].key, ref.tokens[j0].key
    if _body_word(noun) and glued.endswith(noun) and len(glued) - len(noun) >= STEM:
        return True
    if i1 >= len(passage.tokens) or j1 >= len(ref.tokens):
        return False
    if i0 < 1 or j0 < 1 or not _determines(passage.tokens[i0 - 1]):
        return False  # a word after "and" may be a verb: "sent governments"
    head, mine, theirs = ref.tokens[j1], passage.tokens[i0], ref.tokens[j0]
    return (
        passage.tokens[i0 - 1].key == ref.tokens[j0 - 1].key
        and passage.tokens[i1].key == head.key
        and _body_word(head.key)
        and not any(t.cap or t.number or t.quoted or t.key in COMMON_WORDS for t in (mine, theirs))
        # (One word's stem: "appellate court" is the "appeal court".)
        and len(commonprefix([mine.key, theirs.key])) < STEM
    )


STEM = 4  # letters two words share at their start when they are one word's forms
# Words after which the next word qualifies a noun, and its possessive ("the", "of",
# "Bangladesh’s").
DETERMINERS = frozenset("the a an its their his her our of".split())


def _body_word(key: str) -> bool:
    return key in BODY_WORDS or key.removesuffix("s") in BODY_WORDS


def _determines(token: Token) -> bool:
    return token.key in DETERMINERS or token.text.endswith(("’s", "'s"))


def quantifier_changed(
    mine: list[Token], theirs: list[Token], before: tuple[str, str] = ("", "")
) -> bool:
    """Whether both sides state an extent, and not the same one (``before``: the word
    before each side's words)."""
    said, meant = _extents(mine, before[0]), _extents(theirs, before[1])
    return bool(said) and bool(meant) and said != meant


def _extents(tokens: list[Token], before: str) -> set[str]:
    """The extents words state; "a few" is some, where "few" alone is few."""
    keys = [before] + [t.key for t in tokens]
    return {
        "some" if key == "few" and keys[k] == "a" else QUANTIFIERS[key]
        for k, key in enumerate(keys[1:])
        if key in QUANTIFIERS
    }


def gender_changed(mine: list[Token], theirs: list[Token]) -> bool:
    """Whether one pronoun stands for another sex ("his appearance" for "her
    appearance"): the person the sentence speaks of changed."""
    if len(mine) != 1 or len(theirs) != 1:
        return False
    said, meant = _SEX.get(mine[0].key), _SEX.get(theirs[0].key)
    return said is not None and meant is not None and said != meant


_SEX = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}


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


def unit_changed(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether one unit stands for another after the figure both print ("within 100
    meters" for "within 100 yards"): the same figure measures something else."""
    i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
    if op.tag != "replace" or i1 - i0 != 1 or j1 - j0 != 1 or not (i0 and j0):
        return False
    figure, their_figure = passage.tokens[i0 - 1], ref.tokens[j0 - 1]
    if figure.number is None or figure.key != their_figure.key:
        return False
    mine, theirs = unit_of(passage.tokens[i0].key), unit_of(ref.tokens[j0].key)
    if mine in _SPANS and theirs in _SPANS:  # "five years" for "five decades"
        return _SPANS[mine] != _SPANS[theirs]
    return mine != theirs and mine in _UNITS and theirs in _UNITS


_UNITS = frozenset(UNITS.values())
# Spans of time a figure counts, by their one spelling.
_SPANS = {
    f"{word}{plural}": word
    for word in ("day", "week", "month", "year", "decade")
    for plural in ("", "s")
} | {"century": "century", "centuries": "century"}


def direction_changed(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether a figure is said to have moved the other way ("down from an official count
    of 41" for "up from an official tally of 41"): one word for its opposite, before
    "from", "to" or "by"."""
    i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
    if op.tag != "replace" or i1 - i0 != 1 or j1 - j0 != 1:
        return False
    mine, theirs = passage.tokens[i0].key, ref.tokens[j0].key
    if _OPPOSITE.get(mine) != theirs:
        return False
    after = passage.tokens[i1].key if i1 < len(passage.tokens) else ""
    their_after = ref.tokens[j1].key if j1 < len(ref.tokens) else ""
    return after == their_after and after in ("from", "to", "by")


def particle_reversed(passage: Passage, ref: Passage, op: Opcode) -> bool:
    """Whether a verb's particle is put for its opposite ("He had to stand up if he did
    not match the majority" for "He had to stand down as he fell short"): the first words
    the two sides change, after a word both print."""
    i0, j0 = op.src_start, op.dest_start
    if op.tag != "replace" or i0 == 0 or j0 == 0:
        return False
    if _PARTICLES.get(passage.tokens[i0].key) != ref.tokens[j0].key:
        return False
    before = passage.tokens[i0 - 1]
    return before.key == ref.tokens[j0 - 1].key and before.key.isalpha()


# A verb's particle and its opposite: "step down" and "step up" say opposite things.
_PARTICLES = {
    a: b for x, y in (("up", "down"), ("in", "out"), ("on", "off")) for a, b in ((x, y), (y, x))
}

_OPPOSITE = {
    a: b
    for x, y in (("up", "down"), ("rose", "fell"), ("higher", "lower"), ("increase", "decrease"))
    for a, b in ((x, y), (y, x))
}
