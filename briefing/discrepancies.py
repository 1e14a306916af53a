"""Discrepancies: where a version disagrees with the verified record or with the others.

Two kinds of evidence are used:

* the record: a mention of an entity under an institution's former name, or under a
  near miss of its name (a misspelling, a transliteration), disagrees with the fact file;
* the other versions: in every row of the alignment, the proper nouns, numbers, dates
  and titles of each version are compared with those of the others (as bags, so word
  order does not matter), and quoted passages and negations are compared word by word.

Each discrepancy names the form it expects: the correction's right form or the verified
entity where the fact file has one, otherwise the form most versions print (or, for two
versions that disagree, the form the fact file's record uses). A discrepancy is
*reviewed* when a correction or an ``accepted`` wording of the fact file covers it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein, Opcode

from briefing import parallel
from briefing.matching import find_all
from briefing.model import Entity, Project
from briefing.segment import Document

if TYPE_CHECKING:
    from briefing.align import Row
    from briefing.analyse import Analysis

# A near miss of an entity's name (a misspelling, a transliteration): every word of the
# candidate at least this alike to the name's word (``name_similarity``, 0-100). Chosen on
# benchmarks/align_bench.py's name measurement (benchmarks/results/align.md): at 70,
# misspellings and transliterations of one word of a name are found with recall 0.977
# and precision 0.996 against other real names sharing a first name or surname, and every
# misspelling in the repository's versions is found with no other near miss there; 75 and
# 80 lose transliterations ("Pyotr Vasilevsky", 70), while at 65 real words come close
# ("Nordic" scores 62 against "Nordgrid").
NEAR_MISS_THRESHOLD = 70.0
NEAR_MISS_MIN_LENGTH = 5  # shorter words ("EU", "WSJ", "Bush") are too short to misspell safely

KIND_ORDER = ("name", "institution", "title", "quote", "number", "date", "meaning", "spelling")

# Entity kinds that name bodies (an outlet, a company, an agency), not people or things.
_BODIES = frozenset({"institution", "organisation", "organization", "company", "publication",
                     "agency", "body", "outlet", "party", "court", "government"})
_BODY_WORDS = frozenset((
    "agency authority office council board commission institute directorate ministry "
    "department committee parliament court bank journal times news post press service "
    "bureau fund organisation organization centre center union association corporation "
    "inc ltd group university secretariat assembly senate congress cabinet tribunal "
    "reuters bloomberg guardian telegraph herald tribune gazette chronicle network "
    "foundation institution administration government house"
).split())
# Job titles and forms of address; variants that mean the same title share a key.
_TITLES = {
    "mr": "mr", "mrs": "mrs", "ms": "ms", "dr": "dr", "prof": "professor",
    "professor": "professor", "secretary": "secretary", "minister": "minister",
    "president": "president", "spokesperson": "spokesperson", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "ceo": "chief executive", "chief": "chief",
    "executive": "executive", "chairman": "chair", "chairwoman": "chair",
    "chairperson": "chair", "director": "director", "commissioner": "commissioner",
    "senator": "senator", "governor": "governor", "ambassador": "ambassador",
    "chancellor": "chancellor", "premier": "premier", "mayor": "mayor",
    "deputy": "deputy", "vice": "vice", "undersecretary": "undersecretary",
    "envoy": "envoy", "spokespeople": "spokesperson", "founder": "founder",
}
_NATIONALITY = re.compile(r"(?:ian|ean|ese|ish|an|ch|i)$")  # Norwegian, Polish, Dutch, Israeli
_CONNECTORS = frozenset("of for the and de du des von van der den del la le di da on".split())
_NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot".split())
_MONTHS = {m[:3]: m for m in ("january february march april may june july august september "
                               "october november december").split()}
_MONTHS["sept"] = "september"
_WEEKDAYS = {d[:3]: d for d in "monday tuesday wednesday thursday friday saturday sunday".split()}
_RELATIVE_DAYS = frozenset("yesterday today tomorrow tonight spring summer autumn fall "
                           "winter".split())
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({w: str(10 * n) for n, w in enumerate(
    "thirty forty fifty sixty seventy eighty ninety".split(), 3)})
_NUMBER_WORDS.update({"hundred": "hundred", "thousand": "thousand", "million": "million",
                      "billion": "billion", "trillion": "trillion", "dozen": "12",
                      "hundreds": "hundreds", "thousands": "thousands",
                      "millions": "millions", "billions": "billions"})
# Words that open sentences in capitals without being names.
_COMMON = frozenset((
    "a an the and but or so yet if then when while whereas after before since until as at "
    "by for from in into of on to with without about against among between during under "
    "over through this that these those it its he she they we i you his her their our my "
    "your there here what which who whom whose why how where also however meanwhile "
    "according last earlier later still some many most all both each every no not one "
    "such other another more less several few asked speaking despite although though "
    "because once only even just now today yesterday instead indeed further moreover "
    "finally first second third nor neither either do does did is are was were be been "
    "has have had will would could should may might must can key read skip why tech "
    "back more".split()))

# Numbers keep their separators ("1,400", "4.2", "6-12"); words keep inner dots,
# apostrophes and hyphens ("U.S.", "They’re", "Mythos-class").
_TOKEN = re.compile(r"\$?\d+(?:[,.]\d+)*(?:[-–/]\d+(?:[,.]\d+)*)?%?|\w+(?:[.'’\-/]\w+)*\.?")
_OPENERS = "“‘\"'(«[—–:"
_POSSESSIVE = re.compile(r"['’]s$")


# -- words -----------------------------------------------------------------------------

def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def _spelling(word: str) -> str:
    """British and American spellings of a word become one."""
    word = re.sub(r"isation", "ization", word)
    word = re.sub(r"is(e|ed|es|ing)$", r"iz\1", word)
    word = re.sub(r"yse(d|s)?$", r"yze\1", word)
    word = re.sub(r"([^aeiou])our(s|ed)?$", r"\1or\2", word) if len(word) > 4 else word
    word = re.sub(r"([^aeiou])tre(s)?$", r"\1ter\2", word)
    return re.sub(r"([aeiou])ll(ed|ing)$", r"\1l\2", word)


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """The comparison key of a word: case, accents, dots, possessive and spelling folded."""
    word = _POSSESSIVE.sub("", _strip_accents(word).casefold().replace("’", "'"))
    word = word.replace(".", "").replace(",", "").rstrip("%")
    word = word.lstrip("$")
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    return _spelling(word)


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """A name as compared for near misses: lower case, no accents, no dots or possessive."""
    words = [_POSSESSIVE.sub("", w) for w in _strip_accents(text).casefold()
             .replace("’", "'").split()]
    return " ".join(w.replace(".", "") for w in words if w)


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


_LINE = re.compile(r"[^\n]+")
_QUOTE_MARK = re.compile("[“”«»„‘’'\"]")
_SENTENCE_END = re.compile(r"[.!?]\s")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, paragraph by paragraph.

    Curly quotes pair by shape; straight double quotes alternate; a single quote opens
    only after a space (otherwise it is an apostrophe). A quote still open at the end of
    a paragraph closes there, as newspapers continue quotations across paragraphs.
    """
    spans: list[tuple[int, int]] = []
    for paragraph in _LINE.finditer(text):
        opened: int | None = None
        closer = ""
        line = paragraph.group()
        for mark in _QUOTE_MARK.finditer(line):  # other characters neither open nor close
            offset, char = mark.start(), mark.group()
            at = paragraph.start() + offset
            before = line[offset - 1] if offset else " "
            after = line[offset + 1] if offset + 1 < len(line) else " "
            if opened is None:
                if char in "“«„":
                    opened, closer = at + 1, {"“": "”", "«": "»", "„": "“"}[char]
                elif char == '"':
                    opened, closer = at + 1, '"'
                elif char in "‘'" and (before.isspace() or before in "([—–") and \
                        after.isalnum():
                    opened, closer = at + 1, "’'"
            elif char in closer or (closer == "”" and char == '"'):
                if char in "’'" and after.isalnum():
                    continue  # an apostrophe inside the quotation
                spans.append((opened, at))
                opened = None
        if opened is not None:
            spans.append((opened, paragraph.end()))
    return spans


def tokens(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Token]:
    """The words of ``text[start:end]`` (one sentence or several)."""
    found: list[Token] = []
    previous = start
    # The quotation spans are sorted and apart: the only one that can hold a word is the
    # last to open at or before it.
    opening = [a for a, _ in quotes]
    for match in _TOKEN.finditer(text, start, end):
        left, right = match.span()
        raw = match.group()
        word, cut, key, cap, date, number = _WORD_READINGS.get(raw) or _read_word(raw)
        right -= cut
        gap = text[previous:left]
        if not found or (gap != " " and any(c in _OPENERS for c in gap)):
            initial = True
        else:  # most words follow a plain space after a word: no full stop to look for
            before = text[max(start, left - 3):left]
            initial = ("." in before or "!" in before or "?" in before) and \
                _SENTENCE_END.search(text, max(start, left - 3), left) is not None
        quoted = False
        if opening:
            k = bisect_right(opening, left) - 1
            quoted = k >= 0 and left < quotes[k][1]
        found.append(Token(word, left, right, key, cap, initial, quoted, date, number))
        previous = right
    return found


# What a word says wherever it stands: a brief repeats most of its words many times.
_WORD_READINGS: dict[str, tuple[str, int, str, bool, str | None, str | None]] = {}


def _read_word(raw: str) -> tuple[str, int, str, bool, str | None, str | None]:
    """A word as :func:`tokens` reads it: without a final full stop that is not an
    abbreviation's (and how many characters that cut), its key, whether it is
    capitalised, and what it says as part of a date and as a number."""
    if len(_WORD_READINGS) >= 1 << 18:  # a long-lived process reads brief after brief
        _WORD_READINGS.clear()
    word, cut = raw, 0
    if raw.endswith(".") and "." not in raw[:-1] and normalise(raw[:-1]) not in _TITLES and \
            len(raw) > 2:
        word, cut = raw[:-1], 1  # a full stop, not an abbreviation
    letter = word[0] if word[0].isalpha() else next((c for c in word if c.isalpha()), "")
    key, cap = normalise(word), letter.isupper()
    reading = _WORD_READINGS[raw] = (word, cut, key, cap, _date_part(key, cap),
                                     _number(key, word))
    return reading


def _placed(words: list[tuple[int, list[Token]]],
            quotes: tuple[tuple[int, int], ...]) -> list[Token]:
    """The words of a cell's sentences (each at its offset from the cell's start), marked
    as quoted inside the quotation spans."""
    if len(words) == 1 and words[0][0] == 0 and not quotes:
        return words[0][1]  # one sentence and no quotation: its words as they are
    return [Token(t.text, t.start + offset, t.end + offset, t.key, t.cap, t.initial,
                  any(a <= t.start + offset < b for a, b in quotes), t.date, t.number)
            for offset, shape in words for t in shape]


def _is_negation(token: Token, following: Token | None) -> bool:
    key = token.key
    if key in _NEGATIONS or key.endswith("n't"):
        return True
    # "has yet to grant" says "has not granted"
    return key == "yet" and following is not None and following.key == "to"


# -- near misses of names ----------------------------------------------------------------

def name_similarity(candidate: str, form: str) -> float:
    """How alike a candidate and a name are: the least alike pair of their words, each
    pair scored 100 × (1 − edits / length of the longer), with a swap of two letters one
    edit (optimal string alignment).

    Names with different numbers of words are not compared. A single word that only
    extends the other ("Commission", "Commissioner") is another word, not a misspelling;
    so is a short single word ("Bush", "Rush"). In a name of several words, a word may be
    short or cut by a letter ("Alma Nagi", "Elena Regnie") when another word is the same.
    """
    a, b = fold_name(candidate).split(), fold_name(form).split()
    if len(a) != len(b) or not a or a == b:
        return 0.0 if a != b or not a else 100.0
    anchored = any(x == y and len(x) >= 3 for x, y in zip(a, b))
    worst = 100.0
    for x, y in zip(a, b):
        if x == y:
            continue
        longer = max(len(x), len(y))
        if x.startswith(y) or y.startswith(x):
            if not anchored or longer - min(len(x), len(y)) > 1:
                return 0.0
        if min(len(x), len(y)) < NEAR_MISS_MIN_LENGTH and not anchored:
            return 0.0
        worst = min(worst, 100.0 * (1 - OSA.distance(x, y) / longer))
    return worst


class _PieceRuns(NamedTuple):
    """The capitalised runs of one piece of a line (up to a ". "), read alone."""

    spans: tuple[tuple[int, int], ...]  # every part of up to four words of each run
    head: tuple[tuple[int, int], ...]  # the words of the run it opens with, if it does
    tail: tuple[tuple[int, int], ...]  # the words of the run it ends with, if it does
    has_words: bool  # a piece without words passes a run on to the next
    whole: bool  # one run from its first word to its last


@lru_cache(maxsize=1 << 17)
def _piece_runs(piece: str) -> _PieceRuns:
    """Runs of capitalised words (possible names) in a piece; every contiguous part of a
    run, up to four words, as a name may stand next to a title."""
    runs: list[list[tuple[int, int]]] = []
    words: list[tuple[int, int]] = []
    read = _capitals(piece)
    for word in read:
        if word is None:
            words = []
            continue
        if words and piece[words[-1][1]:word[0]].strip(".'’") != " ":
            words = []
        if not words:
            runs.append(words)
        words.append(word)
    return _PieceRuns(
        tuple(span for run in runs for span in _windows(run)), tuple(runs[0]) if read and read[0] is not None else (),
        tuple(runs[-1]) if read and read[-1] is not None else (), bool(read),
        len(runs) == 1 and None not in read)


def _windows(run: list[tuple[int, int]], across: int = 0) -> list[tuple[int, int]]:
    """The spans of every part of up to four words of a run; with ``across``, only the
    parts that hold both word ``across - 1`` and word ``across`` (those going on over a
    join there)."""
    return [(run[i][0], run[j][1]) for i in range(across or len(run))
            for j in range(max(i, across), min(len(run), i + 4))]


def _pieces_and_crossings(text: str) -> tuple[list[tuple[str, int]],
                                              list[tuple[int, int]]]:
    """The pieces of a text that hold capitalised runs, with their offsets, and the spans
    of the runs' parts that go on from one piece to the next ("the Agency. The Board").

    A run never goes on from one line to the next. Versions repeat most sentences: what
    each piece holds is read once per distinct piece, and only the joins are read here.
    """
    pieces: list[tuple[str, int]] = []
    crossing: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        at = line.start()
        chain: list[tuple[int, int]] = []  # the last three words of the run going on
        parts = line.group().split(". ")
        for number, part in enumerate(parts):
            # Each part ends where a word cannot go on: before the space of ". ".
            piece = part + "." if number + 1 < len(parts) else part
            runs = _piece_runs(piece)
            if runs.spans:
                pieces.append((piece, at))
            if runs.has_words:
                head = [(at + a, at + b) for a, b in runs.head]
                joined = bool(chain and head) and \
                    text[chain[-1][1]:head[0][0]].strip(".'’") == " "
                if joined:
                    run = chain + head
                    crossing += _windows(run, across=len(chain))
                chain = run[-3:] if joined and runs.whole else \
                    [(at + a, at + b) for a, b in runs.tail[-3:]]
            at += len(part) + 2
    return pieces, crossing


@lru_cache(maxsize=1 << 17)
def _capitals(piece: str) -> tuple[tuple[int, int] | None, ...]:
    """The words of a piece of text in order: (start, end) of a capitalised word without
    its possessive or full stop, None for a run of other words."""
    found: list[tuple[int, int] | None] = []
    for match in _TOKEN.finditer(piece):
        first = piece[match.start()]
        # Whether the word's first letter is a capital (most words answer at once).
        letter = first if first.isalpha() else next(
            (c for c in match.group() if c.isalpha()), "")
        if not letter.isupper():
            if found and found[-1] is None:
                continue
            found.append(None)
            continue
        word = _POSSESSIVE.sub("", match.group().rstrip("."))
        found.append((match.start(), match.start() + len(word)))
    return tuple(found)


class _Candidates:
    """The capitalised runs of all the versions, each distinct run once, folded; placed
    in the texts only when asked, as most are no near miss of anything. Read once per
    brief: every entity is looked for in every version."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        self.names: list[str] = []
        self._index: dict[str, int] = {}
        self._inner: list[list[tuple[int, int, int]]] = []  # (piece, start, end) per name
        self._crossing: list[dict[int, list[tuple[int, int]]]] = []  # text -> spans
        self._piece_at: list[list[tuple[int, int]]] = []  # (text, offset) per piece
        pieces: dict[str, int] = {}
        for number, text in enumerate(texts):
            found, crossing = _pieces_and_crossings(text)
            for piece, at in found:
                k = pieces.get(piece)
                if k is None:
                    k = pieces[piece] = len(self._piece_at)
                    self._piece_at.append([])
                    for start, end in _piece_runs(piece).spans:
                        self._inner[self._name(piece[start:end])].append((k, start, end))
                self._piece_at[k].append((number, at))
            for start, end in crossing:
                self._crossing[self._name(text[start:end])].setdefault(number, []).append(
                    (start, end))
        self.folded = [fold_name(n) for n in self.names]

    def _name(self, name: str) -> int:
        i = self._index.get(name)
        if i is None:
            i = self._index[name] = len(self.names)
            self.names.append(name)
            self._inner.append([])
            self._crossing.append({})
        return i

    def places(self, i: int) -> dict[int, list[tuple[int, int]]]:
        """Where name ``i`` stands: text number -> (start, end) spans."""
        found: dict[int, list[tuple[int, int]]] = {}
        for k, start, end in self._inner[i]:
            for number, at in self._piece_at[k]:
                found.setdefault(number, []).append((at + start, at + end))
        for number, spans in self._crossing[i].items():
            found.setdefault(number, []).extend(spans)
        return found


@lru_cache(maxsize=8)
def _candidates(texts: tuple[str, ...]) -> _Candidates:
    return _Candidates(texts)


def near_misses_in(forms: Iterable[str], texts: tuple[str, ...],
                   exclude: set[str]) -> list[list[tuple[int, int, str, float]]]:
    """For each text, (start, end, form, similarity) of each near miss of one of
    ``forms`` in it. ``exclude`` holds folded names that are not misses (every entity's
    own names)."""
    names = [f for f in forms if len(fold_name(f).replace(" ", "")) >= NEAR_MISS_MIN_LENGTH]
    found: list[list[tuple[int, int, str, float]]] = [[] for _ in texts]
    if not names:
        return found
    candidates = _candidates(texts)
    folded = candidates.folded
    for name in names:
        # The whole-string ratio is in practice never below the least alike pair of
        # words: a fast first sieve, in C.
        for _, _, i in process.extract(fold_name(name), folded, scorer=fuzz.ratio, limit=None,
                                       score_cutoff=NEAR_MISS_THRESHOLD):
            candidate = candidates.names[i]
            if folded[i] in exclude or candidate == name:
                continue
            score = name_similarity(candidate, name)
            if score >= NEAR_MISS_THRESHOLD:
                for number, spans in candidates.places(i).items():
                    found[number] += [(start, end, name, score) for start, end in spans]
    return [_longest(spans) if spans else spans for spans in found]


def near_misses(forms: Iterable[str], text: str,
                exclude: set[str]) -> list[tuple[int, int, str, float]]:
    """Near misses of ``forms`` in one text (see :func:`near_misses_in`)."""
    return near_misses_in(forms, (text,), exclude)[0]


def _longest(found: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """The best name for each span, then the longest of overlapping spans."""
    found.sort(key=lambda f: (-(f[1] - f[0]), -f[3], f[0]))
    kept: list[tuple[int, int, str, float]] = []
    for item in found:
        if not any(item[0] < k[1] and k[0] < item[1] for k in kept):
            kept.append(item)
    return sorted(kept)


# -- items: what is compared between versions ---------------------------------------------

@dataclass(frozen=True)
class Item:
    family: str  # "name", "title", "number", "date"
    keys: frozenset[str]
    start: int
    end: int
    text: str
    first: int  # token indices in the cell
    last: int
    entity: str | None = None
    quality: str | None = None  # the mention's quality, for entities


@dataclass
class Cell:
    """Sentences of one row of the alignment as a version prints them, with offsets from
    the first one's start: the versions that print the same sentences share one cell."""

    text: str  # from the first sentence's start to the last one's end
    tokens: list[Token]
    items: list[Item] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {k for item in self.items for k in item.keys}


@dataclass(frozen=True)
class MentionSpan:
    start: int
    end: int
    entity: str
    quality: str
    form: str


_YEAR = re.compile(r"(1[89]|20)\d\d")
_FIGURE = re.compile(r"\d[\d,.]*(?:[-/–]\d[\d,.]*)?[kmb]?n?")
_DIGITS = re.compile(r"\d+")


def _date_part(key: str, cap: bool) -> str | None:
    """What a word (its key, and whether it is capitalised) says as part of a date."""
    if key in _RELATIVE_DAYS:
        return key
    head = key[:4] if key.startswith("sept") else key[:3]
    if head in _MONTHS and (key == _MONTHS[head] or key == head):
        if key == "may" and not cap:
            return None  # the verb
        if key in ("mar", "jun", "jul", "sep", "dec", "nov", "oct", "aug", "jan", "feb", "apr") \
                and not cap:
            return None
        return _MONTHS[head]
    if head in _WEEKDAYS and (key == _WEEKDAYS[head] or key == head) and cap:
        return _WEEKDAYS[head]
    if _YEAR.fullmatch(key):
        return key
    return None


def _number(key: str, word: str) -> str | None:
    """The number a word (its key, and as printed) gives, if it gives one."""
    if _FIGURE.fullmatch(key):
        return key.replace(",", "")
    if key in _NUMBER_WORDS.values() and word.casefold().strip(".") in _NUMBER_WORDS:
        return key
    return None


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in _CONNECTORS)


def extract(cell: Cell, mentions: list[MentionSpan], proper_initial: set[str]) -> None:
    """Fill the cell's items from its tokens and the entity mentions in it."""
    toks = cell.tokens
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
            end = _end(toks[last])
            items.append(Item("name", frozenset({f"E:{mention.entity}"}), toks[index].start,
                              end, cell.text[toks[index].start:end],
                              index, last, mention.entity, mention.quality))
            index = last + 1
            continue
        if token.date or (token.number and _next_is_date(toks, index)):
            last = index
            while last + 1 < len(toks) and (toks[last + 1].date or (
                    toks[last + 1].number and len(toks[last + 1].key) <= 4)) and \
                    last + 1 not in covered:
                last += 1
            parts = [t.date or t.key for t in toks[index:last + 1]]
            items.append(_item("date", "D:" + " ".join(sorted(parts)), cell, index, last))
            index = last + 1
            continue
        if token.number:
            last = index
            while last + 1 < len(toks) and toks[last + 1].number and last + 1 not in covered:
                last += 1
            items.append(_item("number", "N:" + " ".join(t.key for t in toks[index:last + 1]),
                               cell, index, last))
            index = last + 1
            continue
        if token.key in _TITLES or _is_proper(toks, index, proper_initial):
            last = index
            while last + 1 < len(toks) and last + 1 not in covered and \
                    not _POSSESSIVE.search(toks[last].text) and (
                    toks[last + 1].key in _TITLES or _is_proper(toks, last + 1, proper_initial)
                    or (toks[last + 1].key in _CONNECTORS and last + 2 < len(toks)
                        and last + 2 not in covered
                        and _is_proper(toks, last + 2, proper_initial)
                        and toks[last + 1].key != "and")):
                last += 1
            titles = [k for k in range(index, last + 1) if toks[k].key in _TITLES]
            if titles:
                # A title with the words before it that qualify it ("Treasury Secretary");
                # a name after it is a name of its own ("minister Piotr Wasilewski").
                end = titles[-1]
                words = [_TITLES.get(t.key, t.key) for t in toks[index:end + 1]]
                item = _item("title", "T:" + " ".join(words), cell, index, end)
                # "Norwegian Energy Minister" is Norway's Energy Minister: a nationality
                # does not change the title.
                plain = [w for w in words if not _NATIONALITY.search(w) or w in _TITLES.values()]
                items.append(replace(item, keys=item.keys | {"T:" + " ".join(plain)}))
                if end < last:
                    items.append(_name(cell, end + 1, last))
            else:
                items.append(_name(cell, index, last))
            index = last + 1
            continue
        index += 1
    cell.items = items


def _next_is_date(toks: list[Token], index: int) -> bool:
    return any(toks[j].date and not _DIGITS.fullmatch(toks[j].key)
               for j in (index - 1, index + 1) if 0 <= j < len(toks))


def _item(family: str, key: str, cell: Cell, first: int, last: int) -> Item:
    start, end = cell.tokens[first].start, _end(cell.tokens[last])
    return Item(family, frozenset({key}), start, end, cell.text[start:end], first, last)


def _name(cell: Cell, first: int, last: int) -> Item:
    """A run of capitalised words that names no entity of the fact file."""
    run = cell.tokens[first:last + 1]
    words = [t.key for t in run]
    keys = {"P:" + " ".join(words), "P:" + "".join(words)}
    if len(words) > 1:
        keys.add("P:" + _acronym(words))
    # "Oslo-based" names Oslo.
    keys |= {"P:" + part for t in run for part in t.key.split("-")[:1] if "-" in t.key}
    end = _end(run[-1])
    return Item("name", frozenset(keys), run[0].start, end, cell.text[run[0].start:end],
                first, last)


def _end(token: Token) -> int:
    """Where a token ends, without its possessive ("China’s" is China)."""
    found = _POSSESSIVE.search(token.text)
    return token.end - (len(found.group()) if found else 0)


def _is_proper(toks: list[Token], index: int, proper_initial: set[str]) -> bool:
    token = toks[index]
    if not token.cap or not any(c.isalpha() for c in token.text):
        return False
    if not token.initial:
        return token.key not in _COMMON or token.text.isupper()
    if token.key in proper_initial:
        return True
    # A capitalised word opening a sentence names something when a name follows it
    # ("Politico Europe"), unless it is a common word ("The European Commission").
    following = toks[index + 1] if index + 1 < len(toks) else None
    return token.key not in _COMMON and following is not None and following.cap and \
        not following.initial and following.key not in _COMMON


# -- the discrepancy record --------------------------------------------------------------

@dataclass(frozen=True)
class Discrepancy:
    """One place where one version disagrees with the record or with the others."""

    id: str  # stable: version, sentence and rank in the sentence
    source: str  # the version
    paragraph: str  # "p3"
    anchor: str  # the sentence, "p3s2"
    kind: str  # one of model.CORRECTION_KINDS
    found: str  # the text as the version has it
    start: int  # offsets of ``found`` in the version's text
    end: int
    expected: str | None  # the verified or majority form, when known
    basis: str | None  # "correction", "entity", "majority", "record" or None
    form: str  # ``found`` with enough context to be a correction's wrong form
    expected_form: str | None  # ``expected`` in the same context
    entity: str | None = None
    others: tuple[tuple[str, str], ...] = ()  # (version, its reading at this place)
    evidence: tuple[str, str] | None = None  # (source, verbatim passage) for ``expected``
    site: str = ""  # shared by the discrepancies of one place, across versions
    row: int | None = None  # the alignment row
    reviewed: tuple[str, str] | None = None  # ("correction" | "accepted", id)

    @property
    def target(self) -> str | None:
        """The errata object that reviews it, as a MyST link target."""
        if self.reviewed and self.reviewed[0] == "correction":
            return f"correction:{self.reviewed[1]}"
        return None


@dataclass
class _Reading:
    version: str
    text: str
    start: int
    end: int
    key: str
    form: str = ""
    item: Item | None = None


@dataclass
class _Site:
    family: str  # "name", "title", "number", "date", "quote", "meaning"
    row: int | None
    readings: dict[str, _Reading] = field(default_factory=dict)


class _Versions:
    """Each version's text, sentences, quotation spans and mentions."""

    def __init__(self, project: Project, analysis: Analysis) -> None:
        self.documents: dict[str, Document] = {
            v.id: v.document for v in project.versions if v.document is not None}
        self.sentences = {k: d.sentences() for k, d in self.documents.items()}
        self.quotes = {k: quote_spans(d.text) for k, d in self.documents.items()}
        self._quote_starts = {k: [a for a, _ in spans] for k, spans in self.quotes.items()}
        self.mentions: dict[str, list[MentionSpan]] = {k: [] for k in self.documents}
        for entity, by_version in analysis.mentions.items():
            for version, mentions in by_version.items():
                if version in self.mentions:
                    self.mentions[version] += [
                        MentionSpan(m.place.start, m.place.end, entity, m.quality, m.form)
                        for m in mentions]
        for spans in self.mentions.values():
            spans.sort(key=lambda m: (m.start, -m.end))
        self._starts = {k: [m.start for m in v] for k, v in self.mentions.items()}
        self._longest = {k: max((m.end - m.start for m in v), default=0)
                         for k, v in self.mentions.items()}
        self._shapes: dict[str, list[Token]] = {}
        self.proper_initial = self._proper_initial()

    def _proper_initial(self) -> set[str]:
        """Words that are names even at the start of a sentence: never written in lower
        case, and written with a capital inside some sentence."""
        lower: set[str] = set()
        inner_caps: set[str] = set()
        for version, document in self.documents.items():
            for sentence in self.sentences[version]:
                self._shape(document.text[sentence.start:sentence.end])
        for shape in self._shapes.values():  # each distinct sentence once
            for token in shape:
                if not token.cap:
                    lower.add(token.key)
                elif not token.initial:
                    inner_caps.add(token.key)
        return {k for k in inner_caps - lower if k not in _COMMON}

    def _shape(self, sentence: str) -> list[Token]:
        """The words of a sentence wherever it stands: versions repeat most sentences."""
        shape = self._shapes.get(sentence)
        if shape is None:
            shape = self._shapes[sentence] = tokens(sentence, 0, len(sentence), [])
        return shape

    def cell(self, version: str, indices: tuple[int, ...],
             known: dict[tuple[object, ...], Cell]) -> tuple[Cell, int]:
        """A version's sentences of one row, and the offset where they start. ``known``
        holds the row's cells so far: a version that prints the same sentences, with the
        same mentions and quotation marks in them, gets the same cell."""
        text = self.documents[version].text
        sentences = [self.sentences[version][index] for index in indices]
        base = sentences[0].start
        pieces = tuple((s.start - base, text[s.start:s.end]) for s in sentences)
        words = [(offset, shape) for offset, piece in pieces if (shape := self._shape(piece))]
        mentions: tuple[MentionSpan, ...] = ()
        quotes: tuple[tuple[int, int], ...] = ()
        if words:
            lo, hi = base + words[0][0] + words[0][1][0].start, \
                base + words[-1][0] + words[-1][1][-1].end
            spans, starts, longest = self.mentions[version], self._starts[version], \
                self._longest[version]
            mentions = tuple(MentionSpan(m.start - base, m.end - base, m.entity, m.quality,
                                         m.form)
                             for m in spans[bisect_left(starts, lo - longest):
                                            bisect_left(starts, hi)] if lo < m.end)
            quotes = self._quotes_within(version, lo, hi, base)
        key = (pieces, mentions, quotes)
        cell = known.get(key)
        if cell is None:
            cell = known[key] = Cell(text[base:sentences[-1].end], _placed(words, quotes))
            extract(cell, list(mentions), self.proper_initial)
        return cell, base

    def _quotes_within(self, version: str, lo: int, hi: int,
                       base: int) -> tuple[tuple[int, int], ...]:
        """The quotation spans over [lo, hi), cut to it, from ``base``."""
        spans = self.quotes[version]
        k = max(0, bisect_right(self._quote_starts[version], lo) - 1)
        inside = []
        for a, b in spans[k:]:
            if a >= hi:
                break
            if b > lo:
                inside.append((max(a, lo) - base, min(b, hi) - base))
        return tuple(inside)

    def anchor(self, version: str, offset: int) -> tuple[str, str]:
        sentence = self.documents[version].sentence_at(offset)
        assert sentence is not None
        return sentence.anchor.split("s")[0], sentence.anchor


# -- comparing the cells of one row ------------------------------------------------------

def _mapping(ops: list[Opcode], size: int) -> list[tuple[int, int]]:
    """For each token of the source side, the range of the other side it stands for."""
    ranges = [(0, 0)] * size
    for op in ops:
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                ranges[op.src_start + k] = (op.dest_start + k, op.dest_start + k + 1)
        elif op.tag in ("replace", "delete"):
            for k in range(op.src_start, op.src_end):
                ranges[k] = (op.dest_start, op.dest_end)
    return ranges


def _project(ops: list[Opcode], j0: int, j1: int) -> tuple[int, int]:
    """The range of the source side that stands for the other side's range [j0, j1)."""
    lo: int | None = None
    hi: int | None = None
    for op in ops:
        a, b, c, d = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "equal":
            s, e = max(c, j0), min(d, j1)
            if s < e:
                lo = a + s - c if lo is None else min(lo, a + s - c)
                hi = a + e - c if hi is None else max(hi, a + e - c)
        elif (c < j1 and j0 < d) or (c == d == j0 == j1) or (j0 == j1 and c <= j0 <= d and c < d) \
                or (c == d and j0 < c < j1):
            lo = a if lo is None else min(lo, a)
            hi = b if hi is None else max(hi, b)
    if lo is None or hi is None:
        # Nothing stands there: an empty range where the other side's range begins.
        at = 0
        for op in ops:
            if op.dest_start <= j0:
                at = op.src_start + (min(j0, op.dest_end) - op.dest_start
                                     if op.tag == "equal" else op.src_end - op.src_start)
        return at, at
    return lo, hi


def _span_text(cell: Cell, i0: int, i1: int) -> tuple[str, int, int]:
    if i0 >= i1:
        at = cell.tokens[i0].start if i0 < len(cell.tokens) else (
            cell.tokens[-1].end if cell.tokens else 0)
        return "", at, at
    start, end = cell.tokens[i0].start, cell.tokens[i1 - 1].end
    return cell.text[start:end], start, end


def _reference(cells: dict[str, tuple[Cell, int]]) -> str:
    """The version whose items most others share: the row's likeliest majority text."""
    keys = {id(cell): cell.keys for cell, _ in cells.values()}
    counts: Counter[str] = Counter()
    for cell, _ in cells.values():
        counts.update(keys[id(cell)])
    return max(cells, key=lambda v: sum(counts[k] for k in keys[id(cells[v][0])]))


@dataclass
class _Comparison:
    """A cell against the row's reference: the word edits, the items paired across them,
    and the ranges of the reference where quotations, negations or capitals differ."""

    ops: list[Opcode]
    pairs: list[tuple[Item, Item]]
    ranges: dict[tuple[str, int, int], str]


def _compare(cell: Cell, ref: Cell, ref_keys: list[str], ref_negations: int,
             named_ref: set[int]) -> _Comparison:
    ops = list(Levenshtein.opcodes([t.key for t in cell.tokens], ref_keys))
    mapping = _mapping(ops, len(cell.tokens))
    pairs = _substitutions(cell, ref, ops)
    done = {id(i) for pair in pairs for i in pair}
    v_only, r_only = _unshared([x for x in cell.items if id(x) not in done],
                               [y for y in ref.items if id(y) not in done], mapping)
    taken: set[int] = set()
    for x in v_only:
        lo = min(mapping[k][0] for k in range(x.first, x.last + 1)) - 1
        hi = max(mapping[k][1] for k in range(x.first, x.last + 1)) + 1
        options = [y for y in r_only if y.family == x.family and id(y) not in taken
                   and y.first < hi and lo <= y.last]
        if options:
            y = min(options, key=lambda y: abs(y.first - mapping[x.first][0]))
            taken.add(id(y))
            pairs.append((x, y))
    paired = {id(x) for x, _ in pairs}
    for family in ("name", "title", "number", "date"):
        xs = [x for x in v_only if x.family == family and id(x) not in paired]
        ys = [y for y in r_only if y.family == family and id(y) not in taken]
        if len(xs) == 1 and len(ys) == 1:
            pairs.append((xs[0], ys[0]))
            taken.add(id(ys[0]))
    # Quotations and negations, word by word.
    ranges: dict[tuple[str, int, int], str] = {}
    negations = _negation_count(cell) != ref_negations
    named_mine = _named(cell)
    for op in ops:
        i0, i1, j0, j1 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "equal":
            # The same word in another case, where one side names an entity with it
            # ("told the commission" for "told the Commission").
            for k in range(i1 - i0):
                mine_k, ref_k = cell.tokens[i0 + k], ref.tokens[j0 + k]
                # (Where both sides name it, the fact file knows both spellings.)
                if mine_k.text != ref_k.text and mine_k.cap != ref_k.cap and \
                        not (mine_k.initial or ref_k.initial) and \
                        (i0 + k in named_mine) != (j0 + k in named_ref):
                    ranges[("spelling", j0 + k, j0 + k + 1)] = "spelling"
            continue
        mine_t = cell.tokens[i0:i1] or cell.tokens[max(0, i0 - 1):i0 + 1]
        ref_t = ref.tokens[j0:j1] or ref.tokens[max(0, j0 - 1):j0 + 1]
        if negations and (_has_negation(cell, i0, i1) != _has_negation(ref, j0, j1)):
            ranges[("meaning", j0, j1)] = "meaning"
        elif mine_t and ref_t and all(t.quoted for t in mine_t) and \
                all(t.quoted for t in ref_t):
            ranges[("quote", j0, j1)] = "quote"
    return _Comparison(ops, pairs, ranges)


def _row_sites(row_index: int, cells: dict[str, tuple[Cell, int]]) -> list[_Site]:
    reference = _reference(cells)
    ref, ref_base = cells[reference]
    ref_keys = [t.key for t in ref.tokens]
    item_sites: dict[int, _Site] = {}  # keyed by the reference item's start
    loose: list[_Site] = []
    ranges: dict[tuple[str, int, int], str] = {}  # reference token range -> family
    ops_of: dict[str, list[Opcode]] = {}
    ref_negations, named_ref = _negation_count(ref), _named(ref)
    compared: dict[int, _Comparison] = {}  # versions that print the same share a cell
    for version, (cell, base) in cells.items():
        if version == reference:
            continue
        comparison = compared.get(id(cell))
        if comparison is None:
            comparison = compared[id(cell)] = _compare(cell, ref, ref_keys, ref_negations,
                                                       named_ref)
            ranges.update(comparison.ranges)
        ops_of[version] = comparison.ops
        for x, y in comparison.pairs:
            site = item_sites.setdefault(y.start, _Site(y.family, row_index))
            site.readings[reference] = _reading(reference, ref_base, y)
            site.readings[version] = _reading(version, base, x)
    # Merge touching ranges of one family, then read every version there.
    for family in ("meaning", "quote", "spelling"):
        spans = sorted((a, b) for (f, a, b) in ranges if f == family)
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        for a, b in merged:
            site = _Site(family, row_index)
            text, start, end = _span_text(ref, a, b)
            # Spelling compares the letters as printed; the rest compares words.
            site.readings[reference] = _Reading(
                reference, text, start + ref_base, end + ref_base,
                text if family == "spelling" else " ".join(ref_keys[a:b]))
            read: dict[int, tuple[str, int, int, str]] = {}
            for version, ops in ops_of.items():
                cell, base = cells[version]
                if id(cell) not in read:
                    i0, i1 = _project(ops, a, b)
                    text, start, end = _span_text(cell, i0, i1)
                    read[id(cell)] = (text, start, end, text if family == "spelling"
                                      else " ".join(t.key for t in cell.tokens[i0:i1]))
                text, start, end, key = read[id(cell)]
                site.readings[version] = _Reading(version, text, start + base, end + base, key)
            loose.append(site)
    # Versions that print the reference's item in its place agree with it.
    for site in item_sites.values():
        ref_item = site.readings[reference].item
        assert ref_item is not None
        agreeing: dict[int, Item | None] = {}
        for version, (cell, base) in cells.items():
            if version in site.readings:
                continue
            if id(cell) not in agreeing:
                lo, hi = _project(ops_of[version], ref_item.first, ref_item.last + 1)
                same = [i for i in cell.items if i.keys & ref_item.keys]
                near = [i for i in same if i.first < hi + 2 and lo - 2 <= i.last]
                agreeing[id(cell)] = (near or same)[0] if near or len(same) >= sum(
                    1 for i in ref.items if i.keys & ref_item.keys) else None
            item = agreeing[id(cell)]
            if item is not None:
                site.readings[version] = _reading(version, base, item)
    return list(item_sites.values()) + loose


def changed_blocks(ops: Iterable[Opcode]) -> list[list[int]]:
    """The ranges that differ, [src start, end, dest start, end], each run of adjacent
    changes merged into one."""
    blocks: list[list[int]] = []
    for op in ops:
        if op.tag == "equal":
            continue
        if blocks and blocks[-1][1] == op.src_start and blocks[-1][3] == op.dest_start:
            blocks[-1][1], blocks[-1][3] = op.src_end, op.dest_end
        else:
            blocks.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return blocks


def _substitutions(cell: Cell, ref: Cell, ops: list[Opcode]) -> list[tuple[Item, Item]]:
    """Items replaced in place: a short run of changed words between unchanged ones holds
    one item on each side, of one family, where the version lacks the reference's item
    ("met the City Gazette" for "met the City Council", though the Gazette is named
    elsewhere in the sentence)."""
    blocks = changed_blocks(ops)
    mapping = _mapping(ops, len(cell.tokens))
    pairs = []
    for i0, i1, j0, j1 in blocks:
        if not (0 < i1 - i0 <= 4 and 0 < j1 - j0 <= 4):
            continue
        xs = [x for x in cell.items if x.first < i1 and i0 <= x.last]
        ys = [y for y in ref.items if y.first < j1 and j0 <= y.last]
        if len(xs) != 1 or len(ys) != 1:
            continue
        x, y = xs[0], ys[0]
        if x.family != y.family or x.keys & y.keys:
            continue
        # Their words outside the change must be the same words ("City" in "City
        # Gazette" and "City Council"), or the two are not one name replaced by another.
        outside = [mapping[k][0] for k in range(x.first, x.last + 1) if not i0 <= k < i1]
        if any(not y.first <= j <= y.last for j in outside) or \
                len(outside) != (y.last - y.first + 1) - len(range(max(j0, y.first),
                                                                  min(j1, y.last + 1))):
            continue
        if sum(1 for i in cell.items if i.keys & y.keys) < \
                sum(1 for i in ref.items if i.keys & y.keys):
            pairs.append((x, y))
    return pairs


def _unshared(mine: list[Item], theirs: list[Item],
              mapping: list[tuple[int, int]]) -> tuple[list[Item], list[Item]]:
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


def _named(cell: Cell) -> set[int]:
    """Indices of the tokens that name an entity of the fact file."""
    return {k for item in cell.items if item.entity for k in range(item.first, item.last + 1)}


def _reading(version: str, base: int, item: Item) -> _Reading:
    """A version's reading of an item of its cell, which starts at ``base``."""
    return _Reading(version, item.text, item.start + base, item.end + base, min(item.keys),
                    item=item)


def _negation_count(cell: Cell) -> int:
    return sum(_is_negation(t, cell.tokens[i + 1] if i + 1 < len(cell.tokens) else None)
               for i, t in enumerate(cell.tokens))


def _has_negation(cell: Cell, i0: int, i1: int) -> bool:
    return any(_is_negation(cell.tokens[i], cell.tokens[i + 1] if i + 1 < len(cell.tokens)
                            else None) for i in range(i0, i1))


# -- deciding what each place should read ------------------------------------------------

class _Record:
    """The fact file's own wording: what breaks a tie between two versions."""

    def __init__(self, project: Project) -> None:
        parts: list[str] = []
        for entity in project.entities.values():
            parts += [entity.name, *entity.aliases]
        for fact in project.facts.values():
            if fact.status == "verified":
                parts.append(fact.claim)
                parts += [e.quote for e in fact.evidence if e.quote]
        for correction in project.corrections.values():
            parts += correction.right
        for source in project.references:
            if source.document is not None:
                parts.append(source.document.text)
        self.text = "\n".join(parts)

    def has(self, form: str) -> bool:
        return bool(form.strip()) and bool(find_all(form, self.text))


class _Reviews:
    """Where corrections and accepted wordings stand in each version."""

    def __init__(self, project: Project, analysis: Analysis) -> None:
        self.wrong: dict[str, list[tuple[int, int, str]]] = {}
        self.right: dict[str, list[tuple[int, int, str]]] = {}
        for key, result in analysis.corrections.items():
            for version, verdict in result.verdicts.items():
                target = self.wrong if verdict.verdict == "wrong" else self.right
                for place in verdict.places:
                    target.setdefault(version, []).append((place.start, place.end, key))
        self.accepted: dict[str, list[tuple[int, int, str]]] = {}
        for key, accepted in project.accepted.items():
            for form in accepted.forms:
                for version, start, end in project.joined_versions.find(form):
                    self.accepted.setdefault(version, []).append((start, end, key))
        self.corrections = project.corrections
        for spans in (*self.wrong.values(), *self.right.values(), *self.accepted.values()):
            spans.sort()
        self._longest = max((b - a for spans in (*self.wrong.values(), *self.right.values(),
                                                 *self.accepted.values())
                             for a, b, _ in spans), default=0)

    def _find(self, spans: list[tuple[int, int, str]], start: int,
              end: int) -> tuple[int, int, str] | None:
        """The first span that overlaps [start, end) (or holds ``start`` when empty)."""
        first = bisect_left(spans, (start - self._longest,))
        for a, b, key in spans[first:bisect_right(spans, (end + 1,))]:
            if (a < end and start < b) or (start == end and a <= start <= b):
                return a, b, key
        return None

    def _at(self, spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
        found = self._find(spans, start, end)
        return found[2] if found else None

    def wrong_span(self, version: str, start: int, end: int) -> tuple[int, int] | None:
        found = self._find(self.wrong.get(version, []), start, end)
        return (found[0], found[1]) if found else None

    def wrong_at(self, version: str, start: int, end: int) -> str | None:
        return self._at(self.wrong.get(version, []), start, end)

    def right_at(self, version: str, start: int, end: int) -> str | None:
        return self._at(self.right.get(version, []), start, end)

    def accepted_at(self, version: str, start: int, end: int) -> str | None:
        return self._at(self.accepted.get(version, []), start, end)


def _words(text: str, bounds: tuple[int, int]) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text`` within ``bounds`` (a sentence)."""
    lo, hi = bounds
    return [(start + lo, end + lo) for start, end in _words_of(text[lo:hi])]


@lru_cache(maxsize=1 << 14)
def _words_of(sentence: str) -> tuple[tuple[int, int], ...]:
    """The words of a sentence, read once wherever it stands: versions repeat it."""
    words = []
    for match in _TOKEN.finditer(sentence):
        end = match.end()
        if sentence[end - 1] == "." and "." not in sentence[match.start():end - 1]:
            end -= 1
        words.append((match.start(), end))
    return tuple(words)


def _context(text: str, start: int, end: int, bounds: tuple[int, int], minimum: int,
             count: Callable[[str], int] | None = None, fixed: tuple[int, int] | None = None,
             allowed: int = 1) -> tuple[int, int, tuple[int, int]]:
    """Widen [start, end) by whole words within ``bounds`` until it holds ``minimum``
    words and (if ``count`` is given) ``count`` finds it at most ``allowed`` times; or, with
    ``fixed``, by exactly that many words left and right. Returns the span and how many
    words were added on each side."""
    words = _words(text, bounds)
    if not words:
        return start, end, (0, 0)
    inside = [k for k, (a, b) in enumerate(words) if a < end and start < b]
    if inside:
        lo, hi = inside[0], inside[-1] + 1
    else:  # an omission: the gap between two words
        lo = hi = next((k for k, (a, _) in enumerate(words) if a >= start), len(words))
    first, last = lo, hi
    if fixed is not None:
        lo, hi = max(0, lo - fixed[0]), min(len(words), hi + fixed[1])
    else:
        if lo == hi:
            lo, hi = max(0, lo - 1), min(len(words), hi + 1)
        grow_left = True
        while lo > 0 or hi < len(words):
            piece = text[words[lo][0]:words[hi - 1][1]]
            if hi - lo >= minimum and (count is None or count(piece) <= allowed):
                break
            if (grow_left and lo > 0) or hi == len(words):
                lo -= 1
            else:
                hi += 1
            grow_left = not grow_left
    if lo >= hi:
        return start, end, (0, 0)
    return words[lo][0], words[hi - 1][1], (first - lo, hi - last)


class _Decider:
    def __init__(self, project: Project, analysis: Analysis, versions: _Versions) -> None:
        self.project = project
        self.versions = versions
        self.record = _Record(project)
        self.reviews = _Reviews(project, analysis)
        self.order = {v.id: n for n, v in enumerate(project.versions)}
        self.joined = project.joined_versions

    def form(self, version: str, start: int, end: int, minimum: int = 1,
             fixed: tuple[int, int] | None = None,
             shared: int = 0) -> tuple[str, tuple[int, int]]:
        """The text at [start, end) with enough words around it to be found only there
        (or with ``fixed`` words around it), and how many words were added each side.

        With ``shared``, the form may occur that many times in all the versions (once in
        each version that prints it at this place); otherwise once in its own version."""
        document = self.versions.documents[version]
        sentence = document.sentence_at(start) or document.sentence_at(max(0, start - 1))
        bounds = (sentence.start, sentence.end) if sentence else (0, len(document.text))
        limit = max(1, shared)

        def count(piece: str) -> int:
            return self.joined.occurrences(piece, limit + 1, None if shared else version)

        a, b, added = _context(document.text, start, end, bounds, minimum,
                               None if fixed else count, fixed, limit)
        return document.text[a:b], added

    def decide(self, site: _Site) -> list[Discrepancy]:
        readings = site.readings
        if len(readings) < 2:
            return []
        minimum = 1 if site.family in ("name", "title", "date") else 2
        if site.family == "spelling":
            minimum = 3  # "told the commission": the word alone is any commission
        groups: dict[str, list[_Reading]] = {}
        for reading in sorted(readings.values(), key=lambda r: self.order.get(r.version, 0)):
            groups.setdefault(reading.key, []).append(reading)
        if len(groups) < 2:
            return []
        wrong = {r.version: c for r in readings.values()
                 if (c := self.reviews.wrong_at(r.version, r.start, r.end))}
        right = {r.version for r in readings.values()
                 if self.reviews.right_at(r.version, r.start, r.end)}
        expected_key: str | None = None
        expected_text: str | None = None
        basis: str | None = None
        ranked = sorted(groups.items(), key=lambda g: -len(g[1]))
        if wrong or right:
            basis = "correction"
            good = [k for k, g in groups.items() if any(r.version in right for r in g)] or \
                [k for k, g in groups.items() if not any(r.version in wrong for r in g)]
            if len(good) == 1:
                expected_key = good[0]
            expected_text = self.project.corrections[
                next(iter(wrong.values()))].right[0] if wrong else None
        elif len(ranked[0][1]) > len(ranked[1][1]):
            expected_key, basis = ranked[0][0], "majority"
        else:
            in_record = [k for k, g in groups.items() if self._in_record(site.family, g[0])]
            if len(in_record) == 1:
                expected_key, basis = in_record[0], "record"
        site_id = ""
        found: list[Discrepancy] = []
        context: dict[str, tuple[int, int]] = {}
        for key, group in groups.items():
            if key == expected_key:
                continue
            # What the other versions read here: one tuple for every reading of the group.
            others = tuple((r.version, r.text or self.form(r.version, r.start, r.end,
                                                           fixed=(1, 1))[0])
                           for k, g in groups.items() if k != key for r in g)
            for reading in group:
                if reading.version in right and basis == "correction":
                    continue
                # Only the forms of what will be listed: a brief of many versions has
                # many readings at each place.
                reading.form, context[reading.version] = self.form(
                    reading.version, reading.start, reading.end, minimum, shared=len(group))
                found.append(self._discrepancy(site, reading, groups, key, expected_key,
                                               expected_text, basis, wrong, context, site_id,
                                               others))
                site_id = found[-1].site  # the place's first discrepancy names the site
        return found

    def _discrepancy(self, site: _Site, reading: _Reading, groups: dict[str, list[_Reading]],
                     key: str, expected_key: str | None, expected_text: str | None,
                     basis: str | None, wrong: dict[str, str],
                     context: dict[str, tuple[int, int]], site_id: str,
                     others: tuple[tuple[str, str], ...]) -> Discrepancy:
        found_text, form = reading.text, reading.form
        expected_reading: _Reading | None = None
        expected_form = expected_text
        evidence: tuple[str, str] | None = None
        start, end = reading.start, reading.end
        if reading.version in wrong:
            # The correction says what it should read: its wrong form, as this version
            # prints it, against its right form.
            correction = self.project.corrections[wrong[reading.version]]
            expected_text = expected_form = correction.right[0]
            span = self.reviews.wrong_span(reading.version, reading.start, reading.end)
            if span is not None:
                start, end = span
                found_text = form = self.versions.documents[reading.version].text[start:end]
            if expected_key is not None:
                expected_reading = groups[expected_key][0]
        elif expected_key is not None:
            # Of the versions that print the expected form, the one whose words around it
            # are most like this version's.
            options = [(self.form(r.version, r.start, r.end, fixed=context[reading.version])[0],
                        r) for r in groups[expected_key][:12]]
            expected_form, expected_reading = max(
                options, key=lambda o: fuzz.ratio(o[0].casefold(), form.casefold()))
            expected_text = expected_reading.text or expected_form
            evidence = (expected_reading.version, expected_form)
            if not reading.text or not expected_reading.text:
                # Words left out or added: say it with the words around them.
                found_text, expected_text = form, expected_form
        paragraph, anchor = self.versions.anchor(reading.version, start)
        return Discrepancy(
            id="", source=reading.version, paragraph=paragraph, anchor=anchor,
            kind=self._kind(site, reading, expected_reading), found=found_text or form,
            start=start, end=end if found_text else start,
            expected=expected_text, basis=basis, form=form, expected_form=expected_form,
            entity=self._entity(reading, expected_reading), others=others, evidence=evidence,
            site=site_id or f"{reading.version}-{anchor}-{start}", row=site.row,
            reviewed=self._reviewed(reading, wrong))

    def _in_record(self, family: str, reading: _Reading) -> bool:
        """Whether the fact file's record prints this reading, with enough words around it
        to say the same thing (a bare "now" or "70" is everywhere)."""
        around = {"name": (0, 0), "title": (0, 0), "date": (0, 0), "number": (0, 1)}
        form = self.form(reading.version, reading.start, reading.end,
                         fixed=around.get(family, (2, 2)))[0]
        return self.record.has(form)

    def _reviewed(self, reading: _Reading, wrong: dict[str, str]) -> tuple[str, str] | None:
        if reading.version in wrong:
            return ("correction", wrong[reading.version])
        accepted = self.reviews.accepted_at(reading.version, reading.start, reading.end)
        return ("accepted", accepted) if accepted else None

    def _entity(self, reading: _Reading, expected: _Reading | None) -> str | None:
        for item in (expected.item if expected else None, reading.item):
            if item is not None and item.entity:
                return item.entity
        return None

    def _kind(self, site: _Site, found: _Reading, expected: _Reading | None) -> str:
        if site.family in ("quote", "meaning", "number", "date", "title", "spelling"):
            return site.family
        target = expected.item if expected else None
        mine = found.item
        entity = self._entity(found, expected)
        kind = self.project.entities[entity].kind if entity in self.project.entities else None
        if expected is not None:
            if fold_name(found.text) == fold_name(expected.text) or \
                    name_similarity(found.text, expected.text) >= NEAR_MISS_THRESHOLD:
                return "name" if kind == "person" else "spelling"
        if kind is None:
            words = {normalise(w) for item in (target, mine) if item
                     for w in item.text.split()}
            return "institution" if words & _BODY_WORDS else "name"
        return "institution" if kind in _BODIES else "name"

    def near_miss(self, version: str, mention: MentionSpan) -> bool:
        """Whether a form that a correction names is also a near miss of the entity's name
        (so the comparison finds it even without the correction)."""
        text = self.versions.documents[version].text[mention.start:mention.end]
        entity = self.project.entities[mention.entity]
        return any(name_similarity(text, name) >= NEAR_MISS_THRESHOLD for name in entity.names)

    def from_mention(self, version: str, mention: MentionSpan) -> Discrepancy | None:
        """A near miss or a former name: the record says what it should be."""
        entity = self.project.entities[mention.entity]
        if self.reviews.right_at(version, mention.start, mention.end):
            return None
        text = self.versions.documents[version].text
        found = text[mention.start:mention.end]
        expected = entity.name if mention.quality == "former name" else mention.form
        if mention.quality == "garbled":
            correction = self.project.corrections.get(
                self.reviews.wrong_at(version, mention.start, mention.end) or "")
            expected = correction.right[0] if correction else entity.name
        if mention.quality == "former name":
            kind = "name" if entity.kind == "person" else "institution"
        else:
            kind = "name" if entity.kind == "person" else "spelling"
        reading = _Reading(version, found, mention.start, mention.end, found)
        wrong = self.reviews.wrong_at(version, mention.start, mention.end)
        reviewed = self._reviewed(reading, {version: wrong} if wrong else {})
        paragraph, anchor = self.versions.anchor(version, mention.start)
        form = self.form(version, mention.start, mention.end)[0]
        expected_form = form.replace(found, expected, 1) if found in form else expected
        return Discrepancy(
            id="", source=version, paragraph=paragraph, anchor=anchor, kind=kind, found=found,
            start=mention.start, end=mention.end, expected=expected, basis="entity",
            form=form, expected_form=expected_form, entity=entity.id,
            site=f"{version}-{anchor}-{mention.start}", reviewed=reviewed)


# -- the whole brief ------------------------------------------------------------------

def find_discrepancies(project: Project, analysis: Analysis) -> list[Discrepancy]:
    """Every discrepancy of every version, in version order, then by place."""
    versions = _Versions(project, analysis)
    decider = _Decider(project, analysis, versions)
    groups = _groups(analysis.alignment.rows)

    def from_rows(part: list[tuple[int, dict[str, tuple[int, ...]]]]) -> list[Discrepancy]:
        found: list[Discrepancy] = []
        for index, group in part:
            cells = _cells(group, versions)
            if len(cells) > 1:
                for site in _row_sites(index, cells):
                    found += decider.decide(site)
        return found

    def from_mentions() -> list[Discrepancy]:
        found: list[Discrepancy] = []
        for version, mentions in versions.mentions.items():
            for mention in mentions:
                if mention.quality in ("near miss", "former name") or (
                        mention.quality == "garbled" and decider.near_miss(version, mention)):
                    item = decider.from_mention(version, mention)
                    if item is not None:
                        found.append(item)
        return found

    # The later rows in a second process; the earlier ones and the mentions here (the
    # mentions cost about as much as a third of the rows).
    split = _split(groups, share=ROWS_HERE)
    (first, mentioned), rest = parallel.both(
        lambda: (from_rows(groups[:split]), from_mentions()),
        lambda: from_rows(groups[split:]), sum(map(len, versions.sentences.values())))
    return _number_them(_deduplicate(first + rest + mentioned), decider.order)


ROWS_HERE = 0.35  # of the rows' work, by cells, done in the first process


def _split(groups: list[tuple[int, dict[str, tuple[int, ...]]]], share: float) -> int:
    """Where the first ``share`` of the rows' cells end."""
    total = sum(len(cells) for _, cells in groups)
    done = 0
    for at, (_, cells) in enumerate(groups):
        if done >= share * total:
            return at
        done += len(cells)
    return len(groups)


def _groups(rows: list[Row]) -> list[tuple[int, dict[str, tuple[int, ...]]]]:
    """Rows joined where a sentence stands in more than one (a merged sentence): the
    versions are compared on whole passages. Each group keeps the index of its first row."""
    parent = list(range(len(rows)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    first: dict[tuple[str, int], int] = {}
    for index, row in enumerate(rows):
        for version, cell in row.cells.items():
            for sentence in cell:
                seen = first.setdefault((version, sentence), index)
                parent[root(index)] = root(seen)
    groups: dict[int, tuple[int, dict[str, set[int]]]] = {}
    for index, row in enumerate(rows):
        _, group = groups.setdefault(root(index), (index, {}))  # rows come in order
        for version, cell in row.cells.items():
            group.setdefault(version, set()).update(cell)
    return sorted((index, {v: tuple(sorted(c)) for v, c in cells.items()})
                  for index, cells in groups.values())


def _cells(group: dict[str, tuple[int, ...]],
           versions: _Versions) -> dict[str, tuple[Cell, int]]:
    known: dict[tuple[object, ...], Cell] = {}
    return {version: versions.cell(version, cell, known) for version, cell in group.items()
            if cell and version in versions.documents}


_BASIS_RANK = {"correction": 0, "entity": 1, "majority": 2, "record": 3, None: 4}


def _deduplicate(found: list[Discrepancy]) -> list[Discrepancy]:
    """One discrepancy per place of a version: the best-founded, the most specific."""
    specific = {"quote": 2, "meaning": 1}
    found = sorted(found, key=lambda d: (_BASIS_RANK[d.basis], specific.get(d.kind, 0),
                                         d.start))
    kept: dict[str, list[Discrepancy]] = {}
    taken: dict[str, _Taken] = {}
    for item in found:
        if taken.setdefault(item.source, _Taken()).add(item.start, item.end):
            kept.setdefault(item.source, []).append(item)
    return [item for items in kept.values() for item in items]


class _Taken:
    """The places of one version kept so far: a new place is refused when it overlaps one
    of them or starts where one starts. Kept spans never overlap each other, so sorted by
    start they are sorted by end too, and one look on each side answers."""

    def __init__(self) -> None:
        self.starts: list[int] = []  # of spans, sorted
        self.ends: list[int] = []
        self.points: list[int] = []  # empty places (an omission), sorted

    def add(self, start: int, end: int) -> bool:
        at = bisect_left(self.starts, end) if start < end else bisect_right(self.starts, start)
        if at and (self.ends[at - 1] > start or self.starts[at - 1] == start):
            return False
        near = bisect_left(self.points, start)
        if near < len(self.points) and (self.points[near] < end or self.points[near] == start):
            return False
        if start < end:
            self.starts.insert(at, start)
            self.ends.insert(at, end)
        else:
            self.points.insert(near, start)
        return True


def _number_them(found: list[Discrepancy], order: dict[str, int]) -> list[Discrepancy]:
    found.sort(key=lambda d: (order.get(d.source, 0), d.start, d.end))
    counts: Counter[tuple[str, str]] = Counter()
    numbered = []
    for item in found:
        counts[(item.source, item.anchor)] += 1
        number = counts[(item.source, item.anchor)]
        # Made here and not yet shared: numbered in place (replace() copies every field).
        object.__setattr__(item, "id", f"{item.source}-{item.anchor}-{number}")
        numbered.append(item)
    return numbered


def unreviewed(found: Iterable[Discrepancy]) -> list[Discrepancy]:
    return [d for d in found if d.reviewed is None]


def entity_names(entities: Iterable[Entity]) -> set[str]:
    """Every entity's own names, folded: none of them is a near miss of another."""
    return {fold_name(n) for e in entities for n in (*e.names, *e.former_names)}
