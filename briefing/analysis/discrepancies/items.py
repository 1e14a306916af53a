"""Items: the names, titles, numbers and dates of a passage, as the versions are compared
on them (as bags: word order does not matter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from briefing.analysis.results import Quality
from briefing.text.lexicon import COMMON_WORDS, CONNECTORS, NATIONALITY, NUMBER_QUALIFIERS, TITLES
from briefing.text.words import DIGITS, POSSESSIVE, YEAR, Token

ItemFamily = Literal["name", "title", "number", "date"]


@dataclass(frozen=True)
class Item:
    family: ItemFamily
    keys: frozenset[str]
    start: int
    end: int
    text: str
    first: int  # token indices in the passage
    last: int
    entity: str | None = None
    quality: Quality | None = None  # the mention's quality, for entities


@dataclass(frozen=True)
class MentionSpan:
    start: int
    end: int
    entity: str
    quality: Quality
    form: str


def extract_items(
    text: str, toks: list[Token], mentions: list[MentionSpan], proper_initial: set[str]
) -> list[Item]:
    """The items of a passage (``text``, and its words ``toks``), from its words and the
    entity mentions in it."""
    covered: dict[int, MentionSpan] = {}
    for mention in mentions:
        inside = [k for k, t in enumerate(toks) if t.start < mention.end and mention.start < t.end]
        if mention.quality == "garbled" and any(toks[k].cap for k in inside):
            # A correction's wrong form may carry words of context ("executive Elena
            # Moreau"): the name is its capitalised words.
            inside = [k for k in inside if toks[k].cap]
        for index in inside:
            covered.setdefault(index, mention)
    items: list[Item] = []
    index = 0
    while index < len(toks):
        token = toks[index]
        here = covered.get(index)
        if here is not None:
            mention = here
            last = index
            while last + 1 < len(toks) and covered.get(last + 1) is mention:
                last += 1
            end = end_without_possessive(toks[last])
            items.append(
                Item(
                    "name",
                    frozenset({f"E:{mention.entity}"}),
                    toks[index].start,
                    end,
                    text[toks[index].start : end],
                    index,
                    last,
                    mention.entity,
                    mention.quality,
                )
            )
            index = last + 1
            continue
        if token.date or (token.number and next_is_date(toks, index)):
            last = index
            while (
                last + 1 < len(toks)
                and (
                    toks[last + 1].date
                    or (
                        # a day or a year ("November 6, 2024"), not a count ("November
                        # 2024, six months after")
                        toks[last + 1].number
                        and len(toks[last + 1].key) <= 4
                        and toks[last + 1].text[:1].isdigit()
                    )
                )
                and last + 1 not in covered
            ) or _years_to_year(toks, last):
                last += 1 if last + 1 < len(toks) and toks[last + 1].key != "to" else 2
            parts = [t.date or t.key for t in toks[index : last + 1]]
            items.append(item_of("date", "D:" + " ".join(sorted(parts)), text, toks, index, last))
            index = last + 1
            continue
        if token.number and not _multiplier_adjective(toks, index) and not _pronoun(toks, index):
            last = index
            while (
                last + 1 < len(toks)
                and (toks[last + 1].number or _scaled(text, toks[last], toks[last + 1]))
                and last + 1 not in covered
                and (
                    not ASIDE.search(text, toks[last].end, toks[last + 1].start)
                    or _scaled(text, toks[last], toks[last + 1])
                )
            ):
                last += 1  # "1.5 million", but not "$870,000 (£650,000)": two figures
            # A number with what qualifies it: "more than 100" is not "100".
            first, qualifier = number_qualifier(toks, index, covered)
            if first < index and items and items[-1].last >= first:
                first, qualifier = index, ""
            items.append(
                item_of(
                    "number",
                    "N:" + qualifier + " ".join(_figure_key(t) for t in toks[index : last + 1]),
                    text,
                    toks,
                    first,
                    last,
                )
            )
            index = last + 1
            continue
        if token.key in TITLE_QUALIFIERS and _title_follows(toks, index, covered):
            # "acting Executive Secretary": the qualifier is part of the title, in any case.
            last = index
            while last + 1 < len(toks) and toks[last + 1].key in TITLE_QUALIFIERS:
                last += 1
            title = _title_run(toks, last + 1, covered)
            words = [t.key for t in toks[index : title + 1]]
            items.append(
                item_of(
                    "title",
                    "T:" + " ".join(_TITLE_KEYS.get(w, w) for w in words),
                    text,
                    toks,
                    index,
                    title,
                )
            )
            index = title + 1
            continue
        # ("prime minister" in lower case is one title, as "PM" is.)
        prime = token.key == "prime" and index + 1 < len(toks) and toks[index + 1].key == "minister"
        if token.key in TITLES or prime or is_proper(toks, index, proper_initial):
            last = index
            while (
                last + 1 < len(toks)
                and last + 1 not in covered
                and not POSSESSIVE.search(toks[last].text)
                and not ASIDE.search(text, toks[last].end, toks[last + 1].start)
                and (
                    toks[last + 1].key in TITLES
                    or is_proper(toks, last + 1, proper_initial)
                    or (
                        toks[last + 1].key in CONNECTORS
                        and last + 2 < len(toks)
                        and last + 2 not in covered
                        and is_proper(toks, last + 2, proper_initial)
                        and toks[last + 1].key != "and"
                    )
                )
            ):
                last += 1
            titles = [k for k in range(index, last + 1) if toks[k].key in TITLES]
            if titles:
                # A title with the words before it that qualify it ("Treasury Secretary");
                # a name after it is a name of its own ("minister Piotr Wasilewski").
                end = titles[-1]
                words = [TITLES.get(t.key, t.key) for t in toks[index : end + 1]]
                item = item_of("title", "T:" + " ".join(words), text, toks, index, end)
                # "Norwegian Energy Minister" is Norway's Energy Minister: a nationality
                # does not change the title.
                plain = [w for w in words if not NATIONALITY.search(w) or w in TITLES.values()]
                items.append(replace(item, keys=item.keys | {"T:" + " ".join(plain)}))
                if end < last:
                    # "president of Botswana": the name is "Botswana".
                    start = end + 1
                    while start < last and toks[start].key in CONNECTORS:
                        start += 1
                    items.append(name_item(text, toks, start, last))
            else:
                items.append(name_item(text, toks, index, last))
            index = last + 1
            continue
        index += 1
    return items


# "only 3.5 years", "just 100", "exactly 40" say the same figure as "3.5 years", "100",
# "40", with emphasis: they are no qualifier (and "only 100" is still not "about 100").
# The qualifiers by their last word, longest first: "no fewer than" before "fewer than".
_BY_LAST_WORD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _sense in sorted(NUMBER_QUALIFIERS.items(), key=lambda q: -len(q[0])):
    _BY_LAST_WORD.setdefault(_words[-1], []).append((_words, _sense))
TITLE_QUALIFIERS = frozenset(
    "acting former interim outgoing incoming deputy vice assistant associate senior chief "
    "caretaker elect".split()  # "President-elect"
)
_TITLE_KEYS = dict(TITLES)
LEANINGS = frozenset(
    "leftist rightist left-wing right-wing conservative liberal socialist populist "
    "centrist nationalist".split()
)


def number_qualifier(
    toks: list[Token], index: int, covered: dict[int, MentionSpan]
) -> tuple[int, str]:
    """Where a number's qualifier starts, and the qualifier's sense ("more than ")."""
    if index == 0:
        return index, ""
    for words, sense in _BY_LAST_WORD.get(toks[index - 1].key, ()):
        first = index - len(words)
        if (
            first >= 0
            and not any(k in covered for k in range(first, index))
            and tuple(t.key for t in toks[first:index]) == words
        ):
            return first, sense + " "
    return index, ""


def _title_follows(toks: list[Token], index: int, covered: dict[int, MentionSpan]) -> bool:
    """Whether title words follow the qualifiers from ``index`` on."""
    k = index
    while k < len(toks) and toks[k].key in TITLE_QUALIFIERS and k not in covered:
        k += 1
    # ("former US President": a capitalised word or two of whose office it is between,
    # or of what politics: "former leftist President")
    start = k
    while (
        k < start + 2
        and k < len(toks)
        and k not in covered
        and ((toks[k].cap and not toks[k].initial) or toks[k].key in LEANINGS)
        and toks[k].key not in TITLES
    ):
        k += 1
    if k >= len(toks) or k in covered:
        return False
    # "former prime minister": the one title whose first word is no title alone
    prime = toks[k].key == "prime" and k + 1 < len(toks) and toks[k + 1].key == "minister"
    return toks[k].key in TITLES or prime


def _title_run(toks: list[Token], index: int, covered: dict[int, MentionSpan]) -> int:
    """The last word of the title words and their capitalised qualifiers from ``index``."""
    last = index
    while (
        last + 1 < len(toks)
        and last + 1 not in covered
        and (
            toks[last + 1].key in TITLES
            or (
                toks[last + 1].cap
                and not toks[last + 1].initial
                and toks[last + 1].key not in CONNECTORS
            )
        )
    ):
        if toks[last + 1].key not in TITLES and not any(
            t.key in TITLES for t in toks[last + 2 : last + 4]
        ):
            break
        last += 1
    return last


# Punctuation between two capitalised words that ends a name: a bracket opens an aside
# ("Commission (NUC)"), a dash or colon ends a dateline ("Abuja – The Commission").
ASIDE = re.compile(r"[(),\[\]–—:;-]")


def _scaled(text: str, figure: Token, following: Token) -> bool:
    """Whether a figure is joined by a hyphen to its scale ("10-million years",
    "304-trillion-dong"), or its scale by a hyphen to what it counts ("the 34
    million-person country")."""
    gap = text[figure.end : following.start]
    joined = gap == "-" or (gap == " " and "-" in following.key)
    return joined and following.key.split("-")[0] in _SCALE_WORDS


_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})


def _figure_key(token: Token) -> str:
    """A word of a figure as compared: a multiplier by what it multiplies by ("twice",
    "double": "2x"), any other word by its key."""
    if token.number and token.number.endswith("x"):
        return token.number
    return token.key if token.number else token.key.split("-")[0]  # "trillion-dong"


def _multiplier_adjective(toks: list[Token], index: int) -> bool:
    """Whether "double" or "triple" qualifies a noun ("a double amputee") rather than
    multiplying a figure ("double the number", "more than doubling")."""
    token = toks[index]
    if token.key not in ("double", "triple"):
        return False
    following = toks[index + 1].key if index + 1 < len(toks) else ""
    return following not in _MULTIPLIED


def _pronoun(toks: list[Token], index: int) -> bool:
    """Whether "one" says no figure ("split from one another")."""
    following = toks[index + 1].key if index + 1 < len(toks) else ""
    return toks[index].text.casefold() == "one" and following == "another"


_MULTIPLIED = frozenset("the that this its their his her our what from to in".split())


def _years_to_year(toks: list[Token], index: int) -> bool:
    """Whether a year is followed by "to" and another year: one span of time ("from 2017
    to 2020"), told as one date."""
    return (
        index + 2 < len(toks)
        and toks[index + 1].key == "to"
        and all(YEAR.fullmatch(t.key) for t in (toks[index], toks[index + 2]))
    )


def next_is_date(toks: list[Token], index: int) -> bool:
    """Whether a number stands by a month's or a day's name, as a day of the month or a
    year does ("October 17", "17 October"); a share or a decimal ("3.3% Monday") does not."""
    token = toks[index]
    if not DIGITS.fullmatch(token.key) or "%" in token.text:
        return False
    return any(
        toks[j].date and not DIGITS.fullmatch(toks[j].key)
        for j in (index - 1, index + 1)
        if 0 <= j < len(toks)
    )


def item_of(
    family: ItemFamily, key: str, text: str, toks: list[Token], first: int, last: int
) -> Item:
    start, end = toks[first].start, end_without_possessive(toks[last])
    return Item(family, frozenset({key}), start, end, text[start:end], first, last)


def name_item(text: str, toks: list[Token], first: int, last: int) -> Item:
    """A run of capitalised words that names no entity of the fact file."""
    run = toks[first : last + 1]
    words = [t.key for t in run]
    keys = {"P:" + " ".join(words), "P:" + "".join(words)}
    if len(words) > 1:
        keys.add("P:" + acronym(words))
    # "Oslo-based" names Oslo.
    keys |= {"P:" + part for t in run for part in t.key.split("-")[:1] if "-" in t.key}
    end = end_without_possessive(run[-1])
    return Item("name", frozenset(keys), run[0].start, end, text[run[0].start : end], first, last)


def acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in CONNECTORS)


def end_without_possessive(token: Token) -> int:
    """Where a token ends, without its possessive ("China’s" is China)."""
    found = POSSESSIVE.search(token.text)
    return token.end - (len(found.group()) if found else 0)


def is_proper(toks: list[Token], index: int, proper_initial: set[str]) -> bool:
    token = toks[index]
    if not token.cap or not any(c.isalpha() for c in token.text):
        return False
    if token.key in TEMPERATURE_SCALES and index and _after_figure(toks[index - 1]):
        return False  # "16.10°C", "16.10 degrees Celsius": a unit, not a name
    if not token.initial:
        return token.key not in COMMON_WORDS or token.text.isupper()
    if token.key in proper_initial:
        return True
    # A capitalised word opening a sentence names something when a name follows it
    # ("Politico Europe"), unless it is a common word ("The European Commission"); so does
    # one a relative clause of a person follows ("Pattly, who served from 2012").
    following = toks[index + 1] if index + 1 < len(toks) else None
    return (
        token.key not in COMMON_WORDS
        and following is not None
        and (
            (following.cap and not following.initial and following.key not in COMMON_WORDS)
            or (following.key in ("who", "whose") and following.start > token.end + 1)
        )
    )


TEMPERATURE_SCALES = frozenset({"c", "f", "celsius", "fahrenheit"})


def _after_figure(token: Token) -> bool:
    return token.number is not None or token.key in ("degree", "degrees")
