"""Names compared as names: folded, and how alike two names are (near misses:
misspellings and transliterations of a person's or a body's name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from briefing.text.words import POSSESSIVE, one_spelling, strip_accents

# A near miss of an entity's name (a misspelling, a transliteration): every word of the
# candidate at least this alike to the name's word (``name_similarity``, 0-100). Chosen on
# benchmarks/align_bench.py's name measurement (benchmarks/results/align.md): at 70,
# misspellings and transliterations of one word of a name are found with recall 0.977
# and precision 0.996 against other real names sharing a first name or surname, and every
# misspelling in the repository's versions is found with no other near miss there; 75 and
# 80 lose transliterations ("Pyotr Vasilevsky", 70), while at 65 real words come close
# ("Nordic" scores 62 against "Nordgrid").
NEAR_MISS_THRESHOLD = 70.0
LONG_WORD = 7  # a word of a name this long, lengthened beside a word printed right, is misspelt
# Endings that make another word of a word ("Commission", "Commissioner").
WORD_ENDINGS = frozenset(
    "er ers or ors ian ians ist ists al als ed ing ings es ship ment ness ity".split()
)
# Short words a text may glue to a name's last word ("Marakwetin western Kenya").
GLUED_WORDS = frozenset({"in", "on", "at", "of", "to"})
NEAR_MISS_MIN_LENGTH = 5  # shorter words ("EU", "WSJ", "Bush") are too short to misspell safely


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """A name as compared for near misses: lower case, no accents, no dots or possessive."""
    words = [
        POSSESSIVE.sub("", w) for w in strip_accents(text).casefold().replace("’", "'").split()
    ]
    return " ".join(w.replace(".", "") for w in words if w)


def name_similarity(candidate: str, form: str) -> float:
    """How alike a candidate and a name are: the least alike pair of their words, each
    pair scored 100 × (1 − edits / length of the longer), with a swap of two letters one
    edit (optimal string alignment).

    Names with different numbers of words are not compared. A single word that only
    extends the other ("Commission", "Commissioner") is another word, not a misspelling;
    so is a short single word ("Bush", "Rush"). In a name of several words, a word may be
    short or cut by a letter ("Alma Nagi", "Elena Regnie") when another word is the same;
    but a place and its adjective ("Africa Cup", "African Cup") name one thing. A long
    word cut by a letter ("Wickremesingh") or glued to a short word after it
    ("Marakwetin") is misspelt, alone too.
    """
    a, b = _unglued(fold_name(candidate).split()), _unglued(fold_name(form).split())
    if len(a) != len(b) or not a or a == b:
        return 0.0 if a != b or not a else 100.0
    held = _anchored(a, b)  # another word of the name is the same
    worst = 100.0
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        longer = max(len(x), len(y))
        short, long = sorted((x, y), key=len)
        if _demonym_of(short, long):
            return 0.0  # "Africa Cup", "African Cup": a place and its adjective, one name
        if x.startswith(y) or y.startswith(x):
            # Beside a word of the name printed right, a long word lengthened otherwise
            # than by a word's ending is the name's word misspelt ("Bayer Rosmarinus"
            # for "Bayer Rosmarin"; "Health Commissioner" is another office).
            ending = long[len(short) :]
            cut = len(short) >= LONG_WORD and (
                (len(ending) == 1 and ending != "s") or ending in GLUED_WORDS
            )
            if not cut and (
                not held or (len(ending) > 1 and (len(short) < LONG_WORD or ending in WORD_ENDINGS))
            ):
                return 0.0
        if min(len(x), len(y)) < NEAR_MISS_MIN_LENGTH and not held:
            return 0.0
        worst = min(worst, 100.0 * (1 - OSA.distance(x, y) / longer))
    return worst


@lru_cache(maxsize=65536)
def respelt_name(a: str, b: str) -> bool:
    """Whether two names of several words are one name spelt two ways ("National
    University Commission", "National Universities Commission"), not one name's long and
    short forms, nor the same letters in another case."""
    return (
        (
            len(a.split()) >= 2
            and not spelt_alike(a, b)
            and name_similarity(a, b) >= NEAR_MISS_THRESHOLD
        )
        or _reordered(a, b)
        or unjoined(a, b)
    )


def unjoined(a: str, b: str) -> bool:
    """Whether one name is the other with a word that joins its words dropped ("Reserve
    Bank Zimbabwe" for "Reserve Bank of Zimbabwe"): a long name's words are part of it."""
    x, y = sorted((fold_name(a).split(), fold_name(b).split()), key=len)
    return (
        len(x) >= 2
        and len(y) == len(x) + 1
        and any(y[k] in JOINING and y[:k] + y[k + 1 :] == x for k in range(1, len(y) - 1))
    )


JOINING = frozenset({"of", "for"})  # words that join a name's words


def _reordered(a: str, b: str) -> bool:
    """Whether a name of three or more words is the other's words in another order ("the
    Clarion-Clipperton Pacific Zone" for "the Pacific Clarion-Clipperton Zone"): a long
    name's order is part of it."""
    x, y = fold_name(a).split(), fold_name(b).split()
    return len(x) >= 3 and x != y and sorted(x) == sorted(y)


@lru_cache(maxsize=65536)
def spelt_alike(a: str, b: str) -> bool:
    """Whether two names are one, folded and each word in one spelling ("Africa
    Development Centre", "Africa Development Center"): a British or an American spelling
    is no misspelling, nor a compound written closed or with a hyphen ("South-east Asia",
    "Southeast Asia"), nor a romanisation's "ay" or "ou" for "ai" or "u"."""
    if _letters(a) == _letters(b):
        return True
    return [_transliterated(one_spelling(w)) for w in fold_name(a).split()] == [
        _transliterated(one_spelling(w)) for w in fold_name(b).split()
    ]


def _transliterated(word: str) -> str:
    """A name's word with the vowels that romanisations of one name write two ways made
    one ("Fayrouz", "Fairuz"; "Al-Muaysem", "Al-Muaisem")."""
    return word.replace("ay", "ai").replace("ou", "u")


def _letters(text: str) -> str:
    return "".join(c for c in fold_name(text) if c.isalnum())


def anchored(candidate: str, form: str) -> bool:
    """Whether two names of as many words, two or more, share one of them ("Tang
    Zhenjiang", "Tang Renjian"): a misspelling of the other word is of the same name."""
    a, b = fold_name(candidate).split(), fold_name(form).split()
    return len(a) == len(b) > 1 and _anchored(a, b)


def _anchored(a: list[str], b: list[str]) -> bool:
    return any(x == y and len(x) >= 3 for x, y in zip(a, b, strict=True))


_GLUED_FIGURE = re.compile(r"(?<=[a-z]{4})\d{1,4}$")


def _unglued(words: list[str]) -> list[str]:
    """A name's words without a figure the text glued to one ("Kiptum24" of "Kelvi
    Kiptum24 years old"): the name is "Kiptum"."""
    return [_GLUED_FIGURE.sub("", w) for w in words]


def _demonym_of(place: str, word: str) -> bool:
    """Whether a word is a place's adjective ("African" of "Africa", "Moroccan" of
    "Morocco", "Ghanaian" of "Ghana", "Chinese" of "China")."""
    if len(place) < 4:
        return False
    if place.endswith("a") and word == place + "n":
        return True  # Africa, Kenya, Nigeria (but "Kelvi" is a cut "Kelvin")
    if place[-1] in "aeoy" and any(word == place[:-1] + e for e in ("an", "ian", "ese")):
        return True  # Morocco, Italy, China
    return any(word == place + e for e in ("i", "ian", "ese", "ish"))  # Pakistan, Ghana
