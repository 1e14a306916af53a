"""Words: how a version's text is cut into words, and what each word says.

A word's *key* folds case, accents, dots, possessives and British and American
spellings, so that versions are compared on what they say; a word also says whether
it is capitalised, opens a sentence or a quotation, stands inside quotation marks,
and what it gives as part of a date or as a number.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from briefing.text.lexicon import (
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    TITLES,
    WEEKDAYS,
)

# Numbers keep their separators ("1,400", "4.2", "6-12"); words keep inner dots,
# apostrophes and hyphens ("U.S.", "They’re", "Mythos-class").
# A currency sign stays with its figure, and a scale after it ("£190m", "$5bn"); a
# currency written in letters is a word of its own ("Rs50" reads as "Rs 50").
TOKEN = re.compile(
    r"(?:Rs|Ksh|Tk|Rp)(?=\d)"
    r"|[$£€₦₹¥]?\d+(?:[,.]\d+)*[½¼¾]?(?:[-–/]\d+(?:[,.]\d+)*)?(?:%|(?:bn|tn|trn|mn|m|k|b)(?!\w))?"
    r"|\w+(?:[.'’\-/]\w+)*\.?"
)
# A number in letters before a span of time stands apart, as a figure does ("two-year
# ban" as "2-year ban"): "two-year" and "up to two years" state one figure.
_COUNTED = "|".join(w for w, n in NUMBER_WORDS.items() if n.isdigit())
_COUNTED_SPAN = re.compile(
    rf"(?P<number>{_COUNTED})-(?:year|month|week|day|hour|minute|second|time)s?\b", re.I
)


def word_matches(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Where each word of ``text[start:end]`` stands, and the word as printed."""
    for match in TOKEN.finditer(text, start, end):
        left, right = match.span()
        raw = match.group()
        if raw == "Â":
            continue  # what a no-break space becomes, read in the wrong encoding
        counted = _COUNTED_SPAN.match(raw) if "-" in raw else None
        if counted is None:
            yield left, right, raw
        else:
            cut = counted.end("number")
            yield left, left + cut, raw[:cut]
            yield left + cut + 1, right, raw[cut + 1 :]


CURRENCY_SIGNS = "$£€₦₹¥"
# Scales written after a figure: "bn" and the like always, "m" and "k" after a currency
# sign only ("a 100m sprint" is metres).
SCALES = {"bn": "billion", "b": "billion", "tn": "trillion", "trn": "trillion"}
SCALES |= {"mn": "million", "m": "million", "k": "thousand"}
_SCALED = re.compile(r"(\d[\d.]*)(bn|tn|trn|mn|m|k|b)")


OPENERS = "“‘\"'(«[—–:"


POSSESSIVE = re.compile(r"['’]s$")


LINE = re.compile(r"[^\n]+")


_QUOTE_MARK = re.compile("[“”«»„‘’'\"]")


_SENTENCE_END = re.compile(r"[.!?]\s")


YEAR = re.compile(r"(1[89]|20)\d\d")


_FIGURE = re.compile(r"\d[\d,.]*(?:[-/–]\d[\d,.]*)?[kmb]?n?")
_DOT = re.compile(r"\.(?!(?<=\d\.)\d)")  # every dot but one between two digits


DIGITS = re.compile(r"\d+")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def one_spelling(word: str) -> str:
    """British and American spellings of a word become one."""
    word = re.sub(r"isation", "ization", word)
    word = re.sub(r"is(e|ed|es|ing)$", r"iz\1", word)
    word = re.sub(r"yse(d|s)?$", r"yze\1", word)
    word = (
        re.sub(r"([^aeiou])our(s|ed|ing|ite|ites|able|hood|ful)?$", r"\1or\2", word)
        if len(word) > 4
        else word
    )
    word = re.sub(r"([^aeiou])tre(s)?$", r"\1ter\2", word)
    word = re.sub(r"^(def|off|lic|pret)ence(s)?$", r"\1ense\2", word)  # "defence"
    return re.sub(r"([aeiou])ll(ed|ing)$", r"\1l\2", word)


_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75"}


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """The comparison key of a word: case, accents, dots, possessive and spelling folded."""
    if word[-1:] in _FRACTIONS and word[:-1].isdigit():
        word = word[:-1] + _FRACTIONS[word[-1]]  # "11½" says "11.5"
    word = POSSESSIVE.sub("", strip_accents(word).casefold().replace("’", "'"))
    # Dots go ("U.S."), but not a decimal point: "3.76" is not "37.6".
    word = _DOT.sub("", word).replace(",", "").rstrip("%")
    signed = word[:1] in CURRENCY_SIGNS
    word = word.lstrip(CURRENCY_SIGNS)
    scaled = _SCALED.fullmatch(word)
    if scaled and (signed or scaled.group(2) in ("bn", "tn", "trn", "mn")):
        return f"{scaled.group(1)} {SCALES[scaled.group(2)]}"  # "£190m" says "190 million"
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    return one_spelling(word)


class Token(NamedTuple):
    """One word of a version (a tuple: a brief holds hundreds of thousands of them)."""

    text: str
    start: int  # offsets into the version's text
    end: int
    key: str
    cap: bool  # opens with a capital letter
    initial: bool  # opens a sentence or a quotation, where capitals say nothing
    quoted: bool  # stands inside quotation marks
    date: str | None = None  # what it says as part of a date ("march" for "Mar."), if it can
    number: str | None = None  # the number it gives ("1400" for "1,400"), if it is one


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, paragraph by paragraph.

    Curly quotes pair by shape, and with a straight one (a closing mark before a word
    opens one, an opening mark after a word and before none closes one); straight double
    quotes alternate; a single quote opens only after a space (otherwise it is an
    apostrophe). A quote still open at the end of a paragraph closes
    there, as newspapers continue quotations across paragraphs.
    """
    spans: list[tuple[int, int]] = []
    for paragraph in LINE.finditer(text):
        opened: int | None = None
        closer = ""
        line = paragraph.group()
        spans_here: list[tuple[int, int]] = []
        for mark in _QUOTE_MARK.finditer(line):  # other characters neither open nor close
            offset, char = mark.start(), mark.group()
            at = paragraph.start() + offset
            before = line[offset - 1] if offset else " "
            after = line[offset + 1] if offset + 1 < len(line) else " "
            if opened is None:
                if char in "“«„":
                    opened, closer = at + 1, {"“": "”", "«": "»", "„": "“"}[char]
                elif char == '"':
                    opened, closer = at + 1, '"”'  # a copy may mix the two marks
                elif char == "”" and before.isspace() and after.isalnum():
                    opened, closer = at + 1, '”"'  # a closing mark set to open one
                elif char in "‘'" and (before.isspace() or before in "([—–") and after.isalnum():
                    opened, closer = at + 1, "’'"
                elif char == "”" and not spans_here and not before.isspace():
                    # The paragraph's first mark closes: its opening mark was lost
                    # ("About 150 years ago, ... since that time,” Guadalupe said").
                    lead = len(line) - len(line.lstrip())
                    spans_here.append((paragraph.start() + lead, at))
            elif (
                char in closer
                or (closer == "”" and char == '"')
                or (closer == "”" and char == "“" and not before.isspace() and not after.isalnum())
            ):  # (an opening mark after a word and before none closes: "magistrate,“ the")
                if char in "’'" and after.isalnum():
                    continue  # an apostrophe inside the quotation
                spans_here.append((opened, at))
                opened = None
        if opened is not None:
            spans_here.append((opened, paragraph.end()))
        spans += spans_here
    return spans


WordReading = tuple[str, int, str, bool, str | None, str | None]


def read_word(raw: str) -> WordReading:
    """A word as :meth:`WordReader.tokens` reads it: without a final full stop that is not
    an abbreviation's (and how many characters that cut), its key, whether it is
    capitalised, and what it says as part of a date and as a number."""
    word, cut = raw, 0
    if (
        raw.endswith(".")
        and "." not in raw[:-1]
        and normalise(raw[:-1]) not in TITLES
        and len(raw) > 2
    ):
        word, cut = raw[:-1], 1  # a full stop, not an abbreviation
    letter = word[0] if word[0].isalpha() else next((c for c in word if c.isalpha()), "")
    key, cap = normalise(word), letter.isupper()
    return word, cut, key, cap, date_part(key, cap), number_of(key, word)


class WordReader:
    """Reads words, and remembers what each distinct word and sentence gave: a brief
    repeats most of its words and sentences many times. One reader per analysis, so that
    a long-lived process (``briefing serve``) keeps nothing of an old brief."""

    def __init__(self) -> None:
        self._readings: dict[str, WordReading] = {}
        self._sentences: dict[str, list[Token]] = {}
        self._spans: dict[str, tuple[tuple[int, int], ...]] = {}

    def tokens(self, text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Token]:
        """The words of ``text[start:end]`` (one sentence or several)."""
        found: list[Token] = []
        previous = start
        readings = self._readings
        # The quotation spans are sorted and apart: the only one that can hold a word is
        # the last to open at or before it.
        opening = [a for a, _ in quotes]
        for left, right, raw in word_matches(text, start, end):
            reading = readings.get(raw)
            if reading is None:
                reading = readings[raw] = read_word(raw)
            word, cut, key, cap, date, number = reading
            right -= cut
            gap = text[previous:left]
            if not found or (gap != " " and any(c in OPENERS for c in gap)):
                initial = True
            else:  # most words follow a plain space after a word: no full stop to look for
                before = text[max(start, left - 3) : left]
                initial = (
                    "." in before or "!" in before or "?" in before
                ) and _SENTENCE_END.search(text, max(start, left - 3), left) is not None
            quoted = False
            if opening:
                k = bisect_right(opening, left) - 1
                quoted = k >= 0 and left < quotes[k][1]
            found.append(Token(word, left, right, key, cap, initial, quoted, date, number))
            previous = right
        return found

    def sentence(self, sentence: str) -> list[Token]:
        """The words of a sentence read alone, wherever it stands."""
        shape = self._sentences.get(sentence)
        if shape is None:
            shape = self._sentences[sentence] = self.tokens(sentence, 0, len(sentence), [])
        return shape

    def distinct_sentences(self) -> list[list[Token]]:
        """The words of each distinct sentence read so far."""
        return list(self._sentences.values())

    def word_spans(self, sentence: str) -> tuple[tuple[int, int], ...]:
        """Where the words of a sentence stand in it (a final full stop left out)."""
        spans = self._spans.get(sentence)
        if spans is None:
            found = []
            for begin, end, _ in word_matches(sentence, 0, len(sentence)):
                if sentence[end - 1] == "." and "." not in sentence[begin : end - 1]:
                    end -= 1
                found.append((begin, end))
            spans = self._spans[sentence] = tuple(found)
        return spans


def placed_tokens(
    words: list[tuple[int, list[Token]]], quotes: tuple[tuple[int, int], ...]
) -> list[Token]:
    """The words of a cell's sentences (each at its offset from the cell's start), marked
    as quoted inside the quotation spans."""
    if len(words) == 1 and words[0][0] == 0 and not quotes:
        return words[0][1]  # one sentence and no quotation: its words as they are
    return [
        Token(
            t.text,
            t.start + offset,
            t.end + offset,
            t.key,
            t.cap,
            t.initial,
            any(a <= t.start + offset < b for a, b in quotes),
            t.date,
            t.number,
        )
        for offset, shape in words
        for t in shape
    ]


def is_negation(token: Token, following: Token | None) -> bool:
    key = token.key
    if key in NEGATIONS or key.endswith("n't") or key.startswith("not-"):
        return True  # ("not-guilty" says "not guilty")
    # "has yet to grant" says "has not granted"
    return key == "yet" and following is not None and following.key == "to"


def date_part(key: str, cap: bool) -> str | None:
    """What a word (its key, and whether it is capitalised) says as part of a date."""
    if key in RELATIVE_DAYS:
        return key
    head = key[:4] if key.startswith("sept") else key[:3]
    if head in MONTHS and (key == MONTHS[head] or key == head):
        if key == "may" and not cap:
            return None  # the verb
        if (
            key in ("mar", "jun", "jul", "sep", "dec", "nov", "oct", "aug", "jan", "feb", "apr")
            and not cap
        ):
            return None
        return MONTHS[head]
    if head in WEEKDAYS and (key == WEEKDAYS[head] or key == head) and cap:
        return WEEKDAYS[head]
    if YEAR.fullmatch(key):
        return key
    if "-" in key and cap:  # "January-June": a span of months is a date
        parts = [date_part(part, cap) for part in key.split("-")]
        if all(part in MONTHS.values() for part in parts):
            return "-".join(p for p in parts if p)
    return None


def number_of(key: str, word: str) -> str | None:
    """The number a word (its key, and as printed) gives, if it gives one."""
    if _FIGURE.fullmatch(key):
        return key.replace(",", "")
    figure, _, scale = key.partition(" ")
    if scale in SCALES.values() and _FIGURE.fullmatch(figure):
        return figure
    if key in NUMBER_WORDS.values() and word.casefold().strip(".") in NUMBER_WORDS:
        return key
    return MULTIPLIERS.get(key)


# Words that multiply a figure: "double the number", "twice as many", "more than doubling".
MULTIPLIERS = {
    "double": "2x",
    "doubled": "2x",
    "doubling": "2x",
    "twice": "2x",
    "triple": "3x",
    "tripled": "3x",
    "tripling": "3x",
    "threefold": "3x",
}
