"""An institution a copy names otherwise before the acronym the reference gives it: "the
throng of Eight (Go8)" for "the Group of Eight (Go8)".

The acronym in brackets says which body is meant, however the sentence around it is
rewritten, so the words before it are compared over the whole story: where the reference
spells out an acronym one way and a copy spells out the same acronym another way, the
copy misnames the body there.
"""

from __future__ import annotations

import re

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import copies_sentences, in_sentence
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy
from briefing.text.lexicon import NEWS_AGENCIES

# An acronym in brackets, after the words that spell it out: "Group of Eight (Go8)".
_SPELT_OUT = re.compile(r"((?:[^\s()]+\s+){1,8})\((?P<acronym>[A-Z][A-Za-z0-9&]{1,9})\)")
LONGEST = 8  # words an acronym's name may take
_JOINING = frozenset("of for and the on in de du la del des".split())
_POSSESSIVE = re.compile(r"['’]s$")


def find_acronym_names(
    versions: VersionTexts, reference: str | None, reviews: Reviews
) -> list[Discrepancy]:
    """Each place where a copy spells out one of the reference's acronyms otherwise."""
    if reference is None or reference not in versions.documents:
        return []
    names = _reference_names(versions, reference)
    if not names:
        return []
    found: list[Discrepancy] = []
    for version, sentence in copies_sentences(versions, reference):
        if "(" not in sentence.text:
            continue  # (the pattern's search through words costs; most sentences have none)
        for match in _SPELT_OUT.finditer(sentence.text):
            expected = names.get(match.group("acronym"))
            if expected is None:
                continue
            places = list(re.finditer(r"\S+", match.group(1)))
            words = [w.group() for w in places]
            start = _name_start(words, match.group("acronym"))
            if start is None:
                start = max(0, len(words) - len(expected.split()))
            mine = " ".join(words[start:])
            if len(words) - start < 2 or _folded(mine) == _folded(expected):
                continue
            # The copy's name, from its first word to the bracket.
            lo = match.start(1) + places[start].start()
            hi = match.start(1) + places[-1].end()
            found.append(
                in_sentence(
                    versions,
                    reviews,
                    version,
                    sentence,
                    (lo, hi),
                    "institution",
                    (reference, expected),
                    "acronym",
                )
            )
    return found


def _reference_names(versions: VersionTexts, reference: str) -> dict[str, str]:
    """The reference's acronyms, each with the one name it spells it out as."""
    spelt: dict[str, set[str]] = {}
    for sentence in versions.sentences[reference]:
        if "(" not in sentence.text:
            continue
        for match in _SPELT_OUT.finditer(sentence.text):
            acronym = match.group("acronym")
            if acronym in NEWS_AGENCIES or sum(c.isupper() or c.isdigit() for c in acronym) < 2:
                continue  # an agency's credit; a word in brackets
            words = match.group(1).split()
            start = _name_start(words, acronym)
            if start is not None and len(words) - start >= 2:
                spelt.setdefault(acronym, set()).add(" ".join(words[start:]))
    return {acronym: next(iter(s)) for acronym, s in spelt.items() if len(s) == 1}


def _name_start(words: list[str], acronym: str) -> int | None:
    """Where the name before an acronym starts: back through capitalised words and the
    small words that join them, to the one that opens with the acronym's first letter."""
    for k in range(len(words) - 1, max(-1, len(words) - 1 - LONGEST), -1):
        word = words[k]
        if word[:1] == acronym[0] and word[:1].isupper():
            return k
        if not (word[:1].isupper() or word.casefold() in _JOINING):
            return None
    return None


def _folded(name: str) -> str:
    """A name as compared: case, a possessive, punctuation and a leading "the" folded."""
    words = [_POSSESSIVE.sub("", w).casefold() for w in name.split()]
    if words and words[0] == "the":
        words = words[1:]
    return re.sub(r"\W", "", "".join(words))
