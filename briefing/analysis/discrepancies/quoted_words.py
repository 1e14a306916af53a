"""Words a copy puts in quotation marks that the reference prints as its own: due to her
“more limited involvement” for "due to her more limited involvement".

Quotation marks say that someone spoke the words. Where the reference tells them as its
reporter's, or reports the speech indirectly ("..., he added."), a copy that quotes them
makes a claim the reference does not: an editor checks it. Not read so: a title of a work
or a name in quotation marks ("‘Twice As Tall’"); the words of a statement the reference
reprints (a sentence of its in the first person, or a whole sentence of it with nobody
said to speak it): there the reference is the speaker's text, and quoting it is faithful.
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import placed_discrepancy
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy
from briefing.text.segment import Sentence

WORDS = 3  # a quotation of fewer words is a term set apart, not words put in a mouth
WHOLE = 0.8  # of the reference's sentence, the share of its words that is all of it
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_][\w’'-]*")
_MARK = re.compile(r"[\"“”‘’'«»„]\s*$")  # a quotation mark, at a text's end
_MARKS = re.compile(r"[\"“”‘«»„]")
_SPEECH = re.compile(
    r"\b(?:said|says|say|added|adds|noted|stated|told|explained|according|wrote|insisted)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|me|us)\b")


def find_quoted_words(
    versions: VersionTexts, reference: str | None, reviews: Reviews
) -> list[Discrepancy]:
    """Each quotation of a copy whose words the reference prints unquoted."""
    if reference is None or reference not in versions.documents:
        return []
    ref_text = versions.documents[reference].text
    words: list[tuple[str, int, int, Sentence]] = [  # each word, where it stands, its sentence
        (m.group().casefold(), sentence.start + m.start(), sentence.start + m.end(), sentence)
        for sentence in versions.sentences[reference]
        for m in _WORD.finditer(sentence.text)
    ]
    at: defaultdict[str, list[int]] = defaultdict(list)
    for k, (word, *_) in enumerate(words):
        at[word].append(k)
    ref_quotes = versions.quotes[reference]
    found: list[Discrepancy] = []
    for version, document in versions.documents.items():
        if version == reference:
            continue
        for start, end in versions.quotes[version]:
            quoted = [m.group().casefold() for m in _WORD.finditer(document.text, start, end)]
            if len(quoted) < WORDS or _titled(document.text[start:end]):
                continue
            if document.sentence_at(start) is None:
                continue  # a quotation of the page's furniture
            places = [
                k for k in at[quoted[0]] if [w[0] for w in words[k : k + len(quoted)]] == quoted
            ]
            if not places or any(_quoted_there(ref_text, ref_quotes, words[k][1]) for k in places):
                continue
            sentence = words[places[0]][3]
            if _statement(sentence, len(quoted)):
                continue
            closed = end < len(document.text) and _MARK.match(document.text[end])
            span = (start - 1, end + 1 if closed else end)  # the marks with the words
            upto = words[places[0] + len(quoted) - 1][2]
            expected = ref_text[words[places[0]][1] : upto]
            if len(_MARKS.findall(expected)) % 2 and _MARK.match(ref_text[upto : upto + 1]):
                expected += ref_text[upto]  # (a quotation the reference opens in them, closed)
            found.append(
                placed_discrepancy(
                    versions,
                    reviews,
                    version,
                    span,
                    "quote",
                    (reference, expected),
                    f"{versions.anchor(version, start)[1]}-quoted-{start}",
                )
            )
    return found


def _titled(text: str) -> bool:
    """Whether most words of a quotation are capitalised: a title or a name."""
    letters = [w for w in _LETTERS.findall(text) if len(w) > 3]
    return bool(letters) and sum(w[0].isupper() for w in letters) * 2 >= len(letters)


def _quoted_there(text: str, quotes: list[tuple[int, int]], offset: int) -> bool:
    """Whether the reference's word at ``offset`` stands in a quotation (marks it doubles,
    "''", included)."""
    before = text[max(0, offset - 3) : offset]
    return any(a <= offset < b for a, b in quotes) or bool(_MARK.search(before))


def _statement(sentence: Sentence, quoted: int) -> bool:
    """Whether the reference's sentence is a statement's own words: in the first person,
    or quoted whole where no one is said to speak."""
    if _FIRST_PERSON.search(sentence.text):
        return True
    whole = quoted >= WHOLE * len(_WORD.findall(sentence.text))
    return whole and not _SPEECH.search(sentence.text)
