"""Items of a passage and of its row's reference paired: which say the same thing in
other words ("Feb 27, 2024" and "February 2024", "$2.89 trillion" and "$2.9 trillion",
"the Nigerian team" and "the Super Eagles"), and which the version replaced.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Opcode

from briefing.analysis.discrepancies.dates import date_sort, date_words
from briefing.analysis.discrepancies.figures import FIGURE, hedged, rounded_alike, within_bound
from briefing.analysis.discrepancies.items import TITLE_QUALIFIERS, Item
from briefing.analysis.discrepancies.passages import Passage
from briefing.analysis.discrepancies.same_items import same_keys
from briefing.text.lexicon import (
    COMMON_WORDS,
    CONNECTORS,
    DIMENSIONS,
    NATIONALITY,
    NEWS_AGENCIES,
    TIME_UNITS,
    TITLES,
    UNITS,
    unit_of,
)
from briefing.text.names import respelt_name, spelt_alike, unjoined
from briefing.text.opcodes import changed_blocks, token_ranges

_WORD = re.compile(r"\w+")


def figures_in_order(
    passage: Passage, ref: Passage, mine: list[Item], theirs: list[Item], taken: set[int]
) -> list[tuple[Item, Item]]:
    """Figures of one unit the version and the reference each print in a passage, as many
    on each side and neither side's found on the other: the first for the first ("the S&P
    500 down 1.8% and the Nasdaq by 3.4%" for "fell 1.5% ... dropped 3.1%", "by 18
    seconds" for "taking 34 seconds off"), however the words around them were changed."""

    def unit(p: Passage, x: Item) -> str:
        return _unit(x) or measure(p, x) if x.family == "number" else ""

    pairs: list[tuple[Item, Item]] = []
    units = {unit(passage, x) for x in mine} - {""}
    for counted in sorted(units):
        xs = [x for x in mine if unit(passage, x) == counted]
        ys = [y for y in theirs if unit(ref, y) == counted]
        if xs and len(xs) == len(ys):
            pairs += list(zip(xs, ys, strict=True))
            taken.update(id(y) for y in ys)
    return pairs


def _unit(item: Item) -> str:
    """What a figure counts: "%", or the word after it ("billion", "people"), if any."""
    if item.family != "number":
        return ""
    if _multiple(item):
        return "times"  # "twice", "double"
    words = _words_of(item.text)
    if item.text.rstrip().endswith("%"):
        return "%"
    return words[-1] if words and not words[-1].isdigit() else ""


# Words after which a figure names a thing rather than counts it ("type 2 diabetes",
# "Article 10", "phase 3"): such a figure is paired only with one of the same label.
NUMBER_LABELS = frozenset(
    "type phase stage level category grade class article section chapter no tier".split()
)


def counted_alike(passage: Passage, x: Item, ref: Passage, y: Item) -> bool:
    """Whether two figures may state one quantity: of one label, and both shares or
    both not ("17,000 jobs" and "10% of its workforce" are two facts, not one misstated)."""
    if x.family != "number" or y.family != "number":
        return True
    if label_of(passage, x) != label_of(ref, y) or (_unit(x) == "%") != (_unit(y) == "%"):
        return False
    if _multiple(x) != _multiple(y):
        return False  # "double the number" is no count ("the 37-year-old")
    mine, theirs = measure(passage, x), measure(ref, y)
    if mine and theirs and DIMENSIONS.get(mine, mine) != DIMENSIONS.get(theirs, theirs):
        return False  # "19.46 seconds" is no "200m"; "100m" may be "100 yards" misstated
    if is_age(passage, x) != is_age(ref, y):
        return False  # "the 62-year-old" is no "seven other defendants"
    mine, theirs = _compounded(passage, x), _compounded(ref, y)
    return not (mine and theirs and mine != theirs)  # "three-time" is no "23-year-old"


def is_age(passage: Passage, item: Item) -> bool:
    """Whether a figure is someone's age: "the 62-year-old", or set off by commas after a
    name ("Adani, 62, ...")."""
    if _compounded(passage, item) == "year":
        # "the 62-year-old", a spinner's "62-year- vintage"; not "a 10-year sentence"
        following = passage.tokens[item.last + 1]
        return "old" in following.key or passage.text[following.end : following.end + 1] == "-"
    before, after = passage.text[: item.start].rstrip(), passage.text[item.end :].lstrip()
    if _YEARS_OLD.match(after) or before.casefold().endswith("aged"):
        return True  # "is 62 years old", "aged 62"
    after_a_word = before.endswith(",") and before[-2:-1].isalpha()
    return after_a_word and after[:1] in (",", ")")


_YEARS_OLD = re.compile(r"years?[ -]old\b|years? of age\b", re.I)


def _compounded(passage: Passage, item: Item) -> str:
    """The word a figure is joined to by a hyphen ("time" of "three-time", "year" of
    "23-year-old"): what it counts, said in the one word."""
    if item.last + 1 >= len(passage.tokens):
        return ""
    following = passage.tokens[item.last + 1]
    if passage.text[item.end : following.start] != "-":
        return ""
    return unit_of(following.key.split("-")[0], {})


def _multiple(item: Item) -> bool:
    return any(k.endswith("x") for k in item.keys)


_GLUED = re.compile(r"\d([a-z]+)$")


def measure(passage: Passage, item: Item) -> str:
    """The unit of measure a figure is given in, glued to it ("200m") or after it ("200
    metres", "19.46 seconds"), if any."""
    glued = _GLUED.search(item.text.casefold())
    if glued:
        word = glued.group(1)
    elif item.last + 1 < len(passage.tokens):
        word = passage.tokens[item.last + 1].key.split("-")[0]
    else:
        return ""
    unit = unit_of(word, UNITS | TIME_UNITS)
    return unit if unit in _MEASURES else ""


_MEASURES = frozenset(UNITS.values()) | frozenset(TIME_UNITS.values())


def same_measure(passage: Passage, x: Item, ref: Passage, y: Item) -> bool:
    """Whether two figures state one quantity in one unit, written otherwise ("the
    200-meter sprint" for "the 200m title")."""
    if not (_BARE.fullmatch(x.text.casefold()) and _BARE.fullmatch(y.text.casefold())):
        return False  # a qualifier of its own ("around 44"): another statement
    unit = measure(passage, x)
    return bool(unit) and unit == measure(ref, y) and _value(x) == _value(y)


_BARE = re.compile(r"[\d.,]+[a-z]*")


def _value(item: Item) -> str:
    found = FIGURE.search(item.text.replace(",", ""))
    return found.group() if found else ""


def label_of(passage: Passage, item: Item) -> str:
    """The label a figure of a passage names a thing by ("type" of "type 2"), if any."""
    if item.family != "number" or item.first < 1:
        return ""
    word = passage.tokens[item.first - 1].key
    return word if word in NUMBER_LABELS else ""


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
    if reordered(x, y):
        return True
    mine, theirs = set(_words_of(x.text)), set(_words_of(y.text))
    if x.family == "date":  # "Feb 27, 2024" and "February 2024": the month read as one
        mine, theirs = date_words(mine), date_words(theirs)
    if x.family == "name" and unjoined(x.text, y.text):
        return True  # "Reserve Bank Zimbabwe" for "Reserve Bank of Zimbabwe": garbled
    if x.family in ("name", "date") and (mine <= theirs or theirs <= mine):
        return False
    if x.family == "name" and spelt_alike(x.text, y.text):
        return False  # "C4" for "C-4": the same letters, a house style
    if x.family == "title" and bool(mine <= HONORIFICS) != bool(theirs <= HONORIFICS):
        return False  # "Mr." for "the governor": a form of address says no office
    if x.family == "title" and (mine <= theirs or theirs <= mine):
        # "Boeing CEO" for "CEO": the title with whose it is; but "Secretary" for
        # "acting Secretary" or "Executive Secretary" is another title.
        if not (mine ^ theirs) - ADDRESS & (TITLES.keys() | TITLE_QUALIFIERS):
            return False  # ("governor" for "RBZ Governor Dr": the form of address dropped)
    if x.family == "name" and len(mine) == len(theirs) == 1:
        a, b = sorted((*mine, *theirs), key=len)
        if (len(a) >= 4 and b.startswith(a)) or b in (a + "s", a + "es"):
            return False  # "Australia" and "Australian" name one country; "GPU", "GPUs"
    if x.family == "name" and (x.text in NEWS_AGENCIES) != (y.text in NEWS_AGENCIES):
        return False  # "per the AP": a credit the copy adds, no name changed
    if x.family == "name" and _demonym(x.text) != _demonym(y.text):
        return False  # "the Nigerian team" for "the Super Eagles": said another way
    if x.family == "date" and ((sort := date_sort(x, y)) != date_sort(y, x) or sort == "relative"):
        return False  # "today" for "tomorrow": a copy published a day later says the same
    return not rounded_alike(x, y) and not hedged(x, y) and not within_bound(x, y)


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx"})
ADDRESS = HONORIFICS | {"dr", "prof", "sir", "dame"}  # said before a name, not an office


def _demonym(text: str) -> bool:
    """Whether a name is one word of nationality ("Nigerian", "Chinese")."""
    word = text.strip().casefold()
    return " " not in word and NATIONALITY.search(word) is not None and not _PLACE.search(word)


# Places whose names end as demonyms do ("Pakistan", "Japan").
_PLACE = re.compile(r"(?:stan|iran|japan|sudan|oman|taiwan|jordan|bhutan|vatican|milan|tehran)$")


def reordered(x: Item, y: Item) -> bool:
    """Whether two names put the same words in another order around a connector: another
    body ("Washington University" for "the University of Washington")."""
    if x.family != "name" or y.family != "name":
        return False
    mine, theirs = _words_of(x.text), _words_of(y.text)
    bare_mine = [w for w in mine if w not in CONNECTORS]
    bare_theirs = [w for w in theirs if w not in CONNECTORS]
    return (
        len(bare_mine) >= 2
        and sorted(bare_mine) == sorted(bare_theirs)
        and bare_mine != bare_theirs
        and (len(mine) != len(bare_mine)) != (len(theirs) != len(bare_theirs))
    )


def _words_of(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def substitutions(passage: Passage, ref: Passage, ops: list[Opcode]) -> list[tuple[Item, Item]]:
    """Items replaced in place: a short run of changed words between unchanged ones holds
    one item on each side, of one family (and for figures, of one count), where the
    version lacks the reference's item ("met the City Gazette" for "met the City
    Council", though the Gazette is named elsewhere in the sentence)."""
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
        if x.family != y.family or same_keys(x, y) or not counted_alike(passage, x, ref, y):
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


def strong_pairs(passage: Passage, ref: Passage, ops: list[Opcode]) -> list[tuple[Item, Item]]:
    """Names printing the reference's words in another order, then the items the word
    alignment substitutes for the reference's among the rest."""
    pairs = reordered_names(passage, ref)
    held = {id(i) for pair in pairs for i in pair}
    return pairs + [
        (x, y)
        for x, y in substitutions(passage, ref, ops)
        if id(x) not in held and id(y) not in held
    ]


def reordered_names(passage: Passage, ref: Passage) -> list[tuple[Item, Item]]:
    """Names the version prints with the reference's words in another order ("the Council
    of State" for "the State Council"), wherever each stands in the sentence: a rewritten
    sentence moves them, and the nearest name of the reference is another."""
    # (Looked up by their words, sorted: every pair of names compared cost 3 % of a check.)
    by_words: dict[tuple[str, ...], list[Item]] = {}
    for y in ref.items:
        if y.family == "name":
            by_words.setdefault(_bare_words(y), []).append(y)
    pairs = []
    for x in passage.items:
        if x.family != "name" or not by_words:
            continue
        same = [y for y in by_words.get(_bare_words(x), ()) if reordered(x, y)]
        if len(same) == 1 and not any(x.keys & y.keys for y in ref.items):
            pairs.append((x, same[0]))
    return pairs


def _bare_words(item: Item) -> tuple[str, ...]:
    return _sorted_words(item.text)


@lru_cache(maxsize=8192)  # the reference's names, read against every version
def _sorted_words(text: str) -> tuple[str, ...]:
    return tuple(sorted(w for w in _words_of(text) if w not in CONNECTORS))


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
    return sum(1 for i in passage.items if i.keys & item.keys and same_keys(i, item))


def unshared(
    mine: list[Item], theirs: list[Item], mapping: list[tuple[int, int]]
) -> tuple[list[Item], list[Item]]:
    """The items of each side that the other side does not print, counted as multisets:
    a name printed twice by one and once by the other is missing once."""
    used: set[int] = set()
    alone: list[Item] = []
    for x in mine:
        centre = mapping[x.first][0]
        options = [
            k for k, y in enumerate(theirs) if k not in used and y.keys & x.keys and same_keys(x, y)
        ]
        if options:
            used.add(min(options, key=lambda k: abs(theirs[k].first - centre)))
        else:
            alone.append(x)
    return alone, [y for k, y in enumerate(theirs) if k not in used]
