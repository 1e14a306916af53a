"""Which language a text is in, by its commonest words: enough to tell that a version is a
translation into another language than the reference's, which the word-by-word comparison
cannot read."""

from __future__ import annotations

import re
from collections import Counter

# The commonest words of each language that are not also common in the others.
_WORDS = {
    "en": "the and of to in is that for it with as was on are be by this have from at "
    "which has said not but were they their been would will",
    "es": "el la los las de del que y en un una por con para es se su al lo como más "
    "pero sus fue este ha muy dijo",
    "fr": "le la les des du de et un une est que qui dans pour pas sur au avec ce son sont "
    "ont été il elle",
    "it": "il lo la gli le di del della che e un una per con non sono è nel alla dei anche "
    "ha stato ma",
    "de": "der die das und ist den dem des nicht ein eine zu mit sich auf für von im auch "
    "wurde sind",
    "pt": "o os as de do da que e em um uma para com não por mais foi ao na no dos das pelo ele",
    # Danish and Norwegian (Bokmål) share their commonest words: one list reads both.
    "da": "og er som af av til det på med ikke har var sig seg fra blev ble siger sier efter "
    "etter også hvor skal eller være kan vil",
    "sv": "och är som av till det på med inte har var sig från blev säger efter också där "
    "ska eller vara kan vill",
    "nl": "het een van en is dat op te zijn niet met voor werd heeft ook naar bij maar door "
    "deze wordt zegt",
}
_SETS = {code: frozenset(words.split()) for code, words in _WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
SURE = 0.08  # the share of a text's words that must be a language's common words
# A long text with under half that share of any known language's common words is in a
# language the lists do not know ("Światowa Organizacja Zdrowia oficjalnie uznała ...":
# 3 % of its words Portuguese-looking "do" and "na"); of the development corpus's 700
# versions, every other one reaches 8 % of one language.
LONG = 60
OTHER = "other"  # a language none of the lists knows


def language_of(text: str) -> str | None:
    """The language most of the text's common words belong to, when it is clear; "other"
    for a long text in none of the known languages."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < 20:
        return None
    counts = Counter(words)
    shares = {code: sum(counts[w] for w in common) / len(words) for code, common in _SETS.items()}
    best = max(shares, key=lambda code: shares[code])
    if shares[best] >= SURE:
        return best
    return OTHER if len(words) >= LONG and shares[best] < SURE / 2 else None
