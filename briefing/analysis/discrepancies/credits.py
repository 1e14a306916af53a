"""Sources a copy names where the reference leaves them unnamed: "a report by Bloomberg"
for "a report from a news outlet".

A rewrite that credits a report to an outlet the reference never names says something the
reference does not, whether the outlet is right or not: an editor has to check it. It is
found sentence by sentence over the whole copy, as rewrites move the credit into
sentences of their own ("According to Bloomberg's report, these sources alleged" for "It
further alleged"), and only where the reference tells of a source it does not name.
"""

from __future__ import annotations

import re

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import copies_sentences, in_sentence
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy

# A name of one to four capitalised words ("Bloomberg", "the Associated Press").
_NAME = r"((?:[A-Z][\w&.-]*)(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.-]*){0,3})"
_WORK = r"(?:report|reports|article|story|investigation|analysis)"
# The ways a copy credits what it tells to a named source.
CREDITED = [
    re.compile(rf"\b[Aa]ccording to (?:the |an? )?{_NAME}"),
    re.compile(rf"\b{_NAME}['’]s {_WORK}\b"),
    re.compile(rf"\b{_WORK} (?:by|from|in) (?:the )?{_NAME}"),
    re.compile(rf"\b(?:[Aa]n?|[Tt]he) {_NAME} {_WORK}\b"),
    re.compile(rf"\b{_NAME} (?:reported|reports|first reported)\b"),
]
# How a report leaves its source unnamed ("a report from a news outlet", "a foreign
# newspaper", "media reports").
UNNAMED = re.compile(
    r"\b(?:an?|one|some|several) (?:(?:news|media|foreign|international|local|online) )?"
    r"(?:outlet|newspaper|publication|news agency|media house|media reports?)"
    r"|\b(?:an?|one) (?:news )?report (?:from|by|in) (?:an?|one) (?:[a-z]+ ){0,2}"
    r"(?:outlet|newspaper|publication|agency)"
    r"|\bmedia reports\b"
)


def find_credits(
    versions: VersionTexts, reference: str | None, reviews: Reviews
) -> list[Discrepancy]:
    """Each place where a copy names a source of the story that the reference, telling of
    an unnamed one, never names."""
    if reference is None or reference not in versions.documents:
        return []
    ref_document = versions.documents[reference]
    ref_text = "\n".join(p.text for p in ref_document.paragraphs)
    unnamed = UNNAMED.search(ref_text)
    if unnamed is None:
        return []
    named_in_reference = f" {_plain(ref_document.text)} "
    expected = unnamed.group()
    return [
        in_sentence(
            versions,
            reviews,
            version,
            sentence,
            span,
            "attribution",
            (reference, expected),
            "credit",
        )
        for version, sentence in copies_sentences(versions, reference)
        for span in _credits(sentence.text, named_in_reference)
    ]


def _credits(text: str, named_in_reference: str) -> list[tuple[int, int]]:
    """The spans of a sentence that credit a source the reference never names."""
    spans: list[tuple[int, int]] = []
    for pattern in CREDITED:
        for match in pattern.finditer(text):
            name = match.group(1)
            if f" {_plain(name)} " in named_in_reference or any(
                a < match.end() and match.start() < b for a, b in spans
            ):
                continue
            spans.append((match.start(), match.end()))
    return sorted(spans)


def _plain(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


_WORDS = re.compile(r"\w+")
