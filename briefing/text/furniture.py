"""Page furniture: the lines of a saved page that are not its story.

A version copied from a web page keeps what the page printed around the story: the site's
navigation, the headline and standfirst, bylines and dates, photo captions, "Read also"
links and the teasers under them, share and comment prompts, boxes the site adds ("Key
Takeaways", "What you should know") and what they hold, legal notices. None of it may be
compared as story: an aggregator's "Skip to content" is no paragraph of the report.

A line is furniture when it

* says what it is: a known phrase ("Read also", "Leave a Comment", "Photo credit:"), a
  byline, a date or time and little else, a line of links ("Home » News");
* has no sentence: fewer than three words, or no sentence's end (a headline, a teaser, a
  crosshead), except the last line of a text the store cut off mid-sentence;
* stands in a box: after a box's title, until a line that another version's story has;
* is a bullet of the summary at the top of a page, or a standfirst: the story repeats
  it, or it stands under the headline with no sentence's end.

A bullet of a list that a line of the story introduces ("The five warmest summers are
now:") is story, figures and all.

A dateline at the head of a story paragraph ("ROME (AP) —") is set apart from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from briefing.text.furniture_phrases import (
    ANYWHERE,
    CREDIT,
    CREDIT_TAIL,
    GLUED_CREDIT,
    PHRASES,
    WIRE_NOTES,
)
from briefing.text.lexicon import NEWS_AGENCIES
from briefing.text.segment import SetApart, blocks

# A line another version's story has, this alike or more (rapidfuzz's ``ratio``, 0-100):
# what ends a box. Lines inside boxes are summaries in the site's own words: on the
# flagship, the aggregator's own blurb scores 44 against the nearest line of the other
# version, the story's first paragraph after "Key Takeaways" 78.
COUNTERPART = 60.0
SHORT = 3  # lines of fewer words hold no sentence
HEADLINE = 20  # a line without a sentence's end and more words than this is story, cut off
TOP = 10  # lines at the head of a page where a standfirst may stand
HEADING = 5  # a related line of no more words is a heading over the links below it
STANDFIRST = 25  # a line under the headline of no more words and no sentence's end

_AGENCIES = "|".join(NEWS_AGENCIES)
_DATELINE = re.compile(
    rf"""(?:\s*date\s\d{{4}}-\d{{2}}(?:-\d{{2}})?\s+   # the store's own date mark
        |\((?:{_AGENCIES})(?:-\s?[A-Z][\w ]{{1,30}})?\)\s*(?:(?:—|–|-{{1,2}})\s+)?
        # "(MENAFN)", "(MENAFN- Live Mint)", "(Reuters) -"
        |\([A-Z][A-Z.&| ]{{1,30}}[A-Z]\)\s*(?:—|–|-{{1,2}})\s+
        # "(AFRICAN EXAMINER) –", "(UTV|COLOMBO) –"
        |\d{{1,2}}\s\w+\s\d{{4}}:\s+               # "12 gennaio 2024:"
        |(?:[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+)*  # ROME, CORTINA D'AMPEZZO
           |[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s*(?:,|\())  # Nueva York, ... (EFE)
           |[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}}(?=\s*\((?:{_AGENCIES})\)))  # Nov 21 (Reuters)
         (?:\s*\((?:{_AGENCIES})\)(?=,))?          # Nairobi (AFP), Nov 4 –
         (?:,\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s\w+\.?(?:,?\s\d{{4}})?
                 |[A-Z][\w.]*(?:\s(?:and\s)?[A-Z][\w.]*){{0,2}}(?:\s\d{{1,2}})?))?
         # , Jan 8 / , 14 abr / , 10th September, 2023 / , Trinidad and Tobago
         (?:\s*(?:—|–)\s*(?=\())?                 # MAUMERE, Indonesia — (AP) —
         (?:\s*\((?:{_AGENCIES}|Agencies|(?:Web|News)\sDesk)\))?  # (AP), (Agencies), (Web Desk)
         (?:\s*(?:—|–|-{{1,2}}|:|\.-|•|>>)(?:\s+|(?=[A-Z“"]))  # the dash that ends it
            |(?:(?<=\(AP\))|(?<=\(AFP\)))\s+(?=[A-Z“"]))  # or none: "BEIRUT (AP) Ziad Rahbani"
        |[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s+(?=[A-Z“"])  # "Kozhikode: The boy ..."
        |[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s[-–—]\s+(?=[A-Z“"]\S*\s+\S))
        # "Philippines - A volcano ...", not "Source – BBC"
    """,
    re.VERBOSE,
)
_LINKS = re.compile(r"\s[»›|>→]\s|\s[»›|>→]$|^[»›|>→]")
_BULLET = re.compile(r"^\s*(?:[•·▪◦*]|-\s)")
_DATE_WORD = re.compile(
    r"^(\d[\d:/.,-]*|am|pm|gmt|utc|wat|cet|est|edt|bst|ist|jan\w*|feb\w*|mar\w*|apr\w*|may|"
    r"jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|"
    r"sat\w*|sun\w*|published|updated|posted|date|on|at|min|mins|minutes?|read|ago|hours?)$",
    re.I,
)
# A sentence ends with its mark after a word, perhaps inside a closing quote or bracket;
# a teaser's "..." is no end, nor are the "?? ??" a store leaves of a page's emoji.
_END = re.compile(r"""(?<!\.\.)(?<!…)(?<=[^\s!?])(?:[!?]+|[.:;])["”’'»)\]]*$""")


def _ends_sentence(line: str) -> bool:
    # (Looked for in the line's last characters only: a line's end is all it reads.)
    return _END.search(line, max(0, len(line) - 16)) is not None


_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?][\"”’']*(?=\s*[A-Z“\"]|$)")
PARAGRAPH = 2  # a line with this many sentence ends is a paragraph, not a caption
# One question, opened by a question word, alone on its line: a headline or crosshead
# ("What's Behind the Visa Cap?"); a quoted question is a speaker's.
_QUESTION = r"(?i:who|what|what['’]s|why|how|when|where|which|is|are|can|will|should|do|does)"
_QUESTION_HEAD = re.compile(_QUESTION + r"\b[^.!?“”\"]*\?$")


def find_furniture(
    texts: dict[str, str], sites: dict[str, str | None] | None = None
) -> dict[str, list[SetApart]]:
    """What each text (LF line ends) holds of page furniture. ``sites`` names each text's
    web site: a line that another page of the same site prints is the site's, not a sign
    of story."""
    units = {key: [(a, b, text[a:b]) for a, b in blocks(text)] for key, text in texts.items()}
    sites = sites or {}
    found: dict[str, list[SetApart]] = {}
    for key, text in texts.items():
        others = [
            u[2]
            for other, lines in units.items()
            if other != key and (sites.get(other) is None or sites.get(other) != sites.get(key))
            for u in lines
        ]
        found[key] = _furniture_of(text, units[key], others)
    return found


def _furniture_of(
    text: str, units: list[tuple[int, int, str]], others: list[str]
) -> list[SetApart]:
    found: list[SetApart] = []
    in_box = in_related = False
    story_seen = previous_story = story_list = False
    previous = ""
    later = [_fold(u[2]) for u in units]
    # A name and a colon heading one paragraph is its dateline ("Kozhikode: The boy ...");
    # heading several, the speakers of an exchange ("Jones: I did not."); but one name
    # heading a teaser and the story it repeats is one dateline.
    # A label's colon ("Read More: ...") is no speaker's.
    named_heads = len(
        {m.group() for u in units if (m := _NAMED_HEAD.match(u[2])) and not _label(m.group())}
    )
    story_paragraphs = 0
    for index, (start, end, line) in enumerate(units):
        number = text.count("\n", 0, start) + 1
        listed = story_list and _BULLET.match(line) is not None  # "- 2025: 16.10°C"
        kind, reason = (None, "") if listed else _says_what_it_is(line)
        if kind is None and in_box and not _has_counterpart(line, others):
            kind, reason = "box", "in a box the site adds, and no other version's story has it"
        if kind is None and in_related and not _has_counterpart(line, others):
            kind, reason = "related", "under a heading of related links, and in no other version"
        if kind is None and not listed:
            following = units[index + 1][2] if index + 1 < len(units) else ""
            # The text's last line, after story or as long as a sentence, may be one the
            # store cut off; after "Read also" it is a teaser.
            cut_off = index == len(units) - 1 and (
                previous_story or (len(_WORD.findall(line)) >= 6 and previous != "related")
            )
            kind, reason = _without_sentence(line, following, cut_off, previous_story)
        if (
            kind is None
            and not story_seen
            and index + 1 < len(units)
            and len(_WORD.findall(line)) <= HEADLINE
            and _says_what_it_is(units[index + 1][2])[0] == "byline"
        ):
            kind, reason = "headline", "the line above the byline, before the story"
        if kind is None and not story_seen and previous == "headline" and _standfirst(line):
            kind, reason = "headline", "a standfirst: under the headline, no sentence ends in it"
        if kind is None and not story_seen and _BULLET.match(line):
            kind, reason = "box", "a bullet of the summary above the story"
        if kind is None and not story_seen and _repeated_alone(later, index):
            kind, reason = "headline", "a standfirst: the story repeats it"
        if kind is not None:
            found.append(SetApart(start, end, number, line, kind, reason))
            in_box = kind == "box" or (in_box and kind != "headline")
            # "More on Capital News", "Related": the teasers below it, to the next story.
            in_related = in_related or (kind == "related" and len(_WORD.findall(line)) <= HEADING)
            previous_story, previous, story_list = False, kind, False
            continue
        in_box = in_related = False
        story_list = listed or line.rstrip().endswith(":")  # a list the story introduces
        story_paragraphs += 1
        story_seen = previous_story = True
        previous = ""
        at = 0  # a date mark and a dateline may stand one after the other: one head
        while (
            (dateline := _DATELINE.match(line, at))
            and dateline.end() < len(line)
            and not (
                _named(dateline.group())
                and (named_heads > 1 or story_paragraphs > HEAD or _label(dateline.group()))
            )
        ):
            at = dateline.end()
        if at:
            found.append(
                SetApart(
                    start,
                    start + at,
                    number,
                    line[:at].strip(),
                    "dateline",
                    "a dateline at the head of a paragraph",
                )
            )
    return _standfirsts(text, found, units)


def _standfirst(line: str) -> bool:
    return (
        not _ends_sentence(line)
        and _INTRODUCES.search(line.strip()) is None
        and len(_WORD.findall(line)) <= STANDFIRST
    )


def _repeated_alone(lines: list[str], index: int) -> bool:
    """Whether a line stands again further down, without the line after it: a standfirst
    the story repeats, not the start of a story the store kept twice."""
    try:
        again = lines.index(lines[index], index + 1)
    except ValueError:
        return False
    following = index + 1
    return not (again + 1 < len(lines) and lines[following] == lines[again + 1])


def _named(head: str) -> bool:
    return _NAMED_HEAD.fullmatch(head.strip() + " ") is not None


HEAD = 3  # a name and a colon may be a dateline in the story's first paragraphs only
_NAMED_HEAD = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s")


def _label(head: str) -> bool:
    """Whether a name-like head and its colon are a label ("Note:", "Watch Video:")."""
    words = head.strip().rstrip(":").casefold().split()
    return any(w in _LABELS for w in words)


_LABELS = frozenset(
    "note update updated editor correction clarification warning breaking developing "
    "watch video photo photos picture image read related source credit summary "
    "background context analysis opinion exclusive live also highlights recap transcript "
    "question answer listen advertisement disclaimer sponsored more see latest "
    "what why how".split()  # "What Happened:", Benzinga's crosshead
)


def _standfirsts(
    text: str, found: list[SetApart], units: list[tuple[int, int, str]]
) -> list[SetApart]:
    """Story-like lines above the story's dateline are the page's standfirst: a dateline
    opens the story it heads, not a teaser's ("PARIS — The movie ... title of best…")."""
    teasers = {a for a, _, line in units if not _ends_sentence(line)}
    heads = [a for a in found if a.kind == "dateline" and a.start not in teasers]
    if not heads:
        return found
    aside = {a.start for a in found}
    first = heads[0].start
    top = [u for u in units[:TOP] if u[0] < first and u[0] not in aside]
    extra = [
        SetApart(
            a,
            b,
            text.count("\n", 0, a) + 1,
            line,
            "headline",
            "a standfirst above the story's dateline",
        )
        for a, b, line in top
    ]
    return sorted(found + extra, key=lambda a: (a.start, -a.end))


# A newsletter's sign-up, however long its pitch ("Sign up for CNN's Wonder Theory science
# newsletter. Explore the universe with news on ...").
_NEWSLETTER = re.compile(r"^(sign up|subscribe)\b.{0,80}\bnewsletters?\b", re.IGNORECASE)


def _says_what_it_is(line: str) -> tuple[str | None, str]:
    stripped = line.strip()
    words = _WORD.findall(stripped)
    if stripped and not any(c.isalnum() for c in stripped):
        return "other", "a line of marks only"  # ":::", "* * *"
    # (A label may follow the full stop the story's last line left: ". Read more on ...",
    # or stand in a link's brackets: "[Read More]".)
    label = stripped.lstrip(".[(").lstrip()
    for kind, pattern in PHRASES:
        match = pattern.match(label)
        # A long line is furniture when its phrase heads it as a label ("Read also: ...").
        if match and (
            len(words) <= 12
            or kind in ("byline", "caption")
            or label[match.end() :].lstrip().startswith(":")
            or (kind == "prompt" and _NEWSLETTER.search(label) is not None)
        ):
            return kind, f"a {kind} line (\u201c{match.group().strip()}\u201d)"
    if GLUED_CREDIT.search(stripped, max(0, len(stripped) - CREDIT_TAIL)):
        # However many sentences it has: story text never runs into an agency's name.
        return "caption", "a caption with its credit glued on"
    for kind, pattern in ANYWHERE:
        # A paragraph of sentences is story, though a photo credit is glued to its first
        # word ("Getty ImagesThe first study ...").
        if pattern.search(stripped) and not (
            kind == "caption" and len(_SENTENCE_END.findall(stripped)) >= PARAGRAPH
        ):
            return kind, f"a {kind} line"
    if CREDIT.match(stripped):
        return "byline", "a credit: an outlet's name in brackets"
    if WIRE_NOTES.match(stripped):
        return "other", "a wire's notes in double brackets"
    if _LINKS.search(stripped) and not _ends_sentence(stripped):
        return "navigation", "a line of links"
    if (
        words
        and len(words) <= 10
        and sum(bool(_DATE_WORD.match(w)) for w in words) * 2 >= len(words) + 1
    ):
        return "date", "a date or time"
    return None, ""


def _without_sentence(
    line: str, following: str, cut_off: bool, after_story: bool
) -> tuple[str | None, str]:
    """Furniture by its shape: no sentence in it. ``cut_off``: the text's last line, after
    story (the store may have cut it off mid-sentence); ``after_story``: the line before
    was story."""
    stripped = line.strip()
    words = _WORD.findall(stripped)
    if cut_off and not _ends_sentence(stripped):
        return None, ""
    if stripped.endswith(":") and following.lstrip()[:1] in "“\"‘'«":
        return None, ""  # "He said:" before the quotation
    if len(words) < SHORT or (stripped.endswith(":") and len(words) <= 4):
        return "other", f"fewer than {SHORT} words, or a label"
    if _QUESTION_HEAD.match(stripped) and len(words) <= HEADLINE:
        return "headline", "a question alone on its line (a headline or a crosshead)"
    if _ends_sentence(stripped) or _INTRODUCES.search(stripped):
        return None, ""  # (or it introduces what follows: "... stated as follows")
    if _TEASER.search(stripped):
        return "related", "a teaser its site cut off with an ellipsis (\u201crevamp\u2026\u201d)"
    if after_story and len(words) >= RUN_ON and _run_on(stripped, words):
        return None, ""  # a story's sentence that lost its full stop
    if len(words) > HEADLINE and not _short_lines(stripped):
        return None, ""
    return "headline", "no sentence ends in it (a headline, a teaser or a crosshead)"


_TEASER = re.compile(r"\w[,;]?(?:…|\.\.\.)$")  # "... a sweeping revamp…", "leadership,…"
_INTRODUCES = re.compile(r"\b(as follows|thus)\s*[:,]?$", re.IGNORECASE)  # "reads thus"
RUN_ON = 15


def _run_on(line: str, words: list[str]) -> bool:
    """Whether a long line reads as a sentence (most words in lower case) and credits no
    photograph ("... in Queensland. Credit: James Cook University")."""
    return (
        line[:1].isupper()
        and sum(w[:1].islower() for w in words) >= LOWER * len(words)
        and _CREDITED.search(line) is None
    )


LOWER = 0.6
_CREDITED = re.compile(r"\b(credit|photo|image|picture)s?\s*:", re.IGNORECASE)


def _short_lines(block: str) -> bool:
    """Whether a block of several lines, none ending a sentence, is of headline-like lines
    (a caption printed twice): a line cut off by the store is long."""
    lines = block.splitlines()
    return len(lines) > 1 and all(
        len(_WORD.findall(line)) <= HEADLINE and not _ends_sentence(line.strip()) for line in lines
    )


def _has_counterpart(line: str, others: Iterable[str]) -> bool:
    pool = list(others)
    if not pool:
        return False
    best = process.extractOne(
        line, pool, scorer=fuzz.ratio, processor=str.casefold, score_cutoff=COUNTERPART
    )
    return best is not None


def _fold(line: str) -> str:
    return " ".join(_WORD.findall(line.casefold()))
