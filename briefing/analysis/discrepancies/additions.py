"""Claims a copy adds: sentences the reference does not have, saying what the reference
does not say.

A copy's sentence with no counterpart in the reference is an addition when most of its
content words occur nowhere in the reference, its page furniture included (a rewording
of the reference's own content is no addition, nor a sentence made of its signature or
byline: "in a statement signed by ... Willie Bassey"). Past the last passage a copy shares
with a whole reference, what the copy goes on to tell is its own (a later wire take's
paragraphs), up to a teaser of another story; where the store kept only the reference's
start, the copy may be telling the rest of it, and nothing past that passage can be said.
Where the reference's own text stops mid-sentence, only a copy that prints the reference
nearly word for word is read so: a rewrite may bring forward, in its own words, what the
reference said after the cut.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from briefing.analysis.align import Alignment
from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import placed_discrepancy
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.results import Discrepancy
from briefing.text.lexicon import COMMON_WORDS

NEW = 0.5  # of a sentence's content words, the share the reference never uses
WORDS = 6  # a claim has at least this many content words
_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)
_FUNCTION = COMMON_WORDS | frozenset(
    "said says told added noted stated explained like said. also its it's has have had "
    "will would can could may might must should being been".split()
)


def content_words(text: str) -> list[str]:
    """A text's content words by their stems: "operations" says the reference's
    "operate", "investments" its "invest"."""
    return [
        w[:STEM]
        for w in (m.casefold() for m in _WORD.findall(text))
        if w not in _FUNCTION and len(w) > 2
    ]


STEM = 5  # letters of a word that stand for its stem (4 joined other words; 6 did no better)


def find_additions(
    alignment: Alignment, versions: VersionTexts, reference: str | None, reviews: Reviews
) -> list[Discrepancy]:
    """Each sentence, or clause, of each copy that adds a claim to the reference."""
    if reference is None or reference not in versions.documents:
        return []
    ref_document = versions.documents[reference]
    known = set(content_words(ref_document.text))
    # A copy's sentences after the last passage it shares with a reference the store cut
    # may continue the reference's own telling: they are shown on the comparison page.
    last_shared = {version: -1 for version in versions.documents}
    verbatim = {version: 0 for version in versions.documents}
    shared = {version: 0 for version in versions.documents}
    for n, row in enumerate(alignment.rows):
        if row.cells.get(reference):
            for version, cell in row.cells.items():
                if cell and version in last_shared:
                    last_shared[version] = n
                    shared[version] += 1
                    verbatim[version] += row.scores.get(version, 100.0) >= VERBATIM
    if reference in versions.cut_at or reference in versions.partial:
        # The store kept only the reference's start. A rewrite's claim may come from the
        # rest, told earlier and in other words; a copy keeps the reference's order.
        for version in versions.documents:
            if verbatim[version] < COPY * shared[version]:
                last_shared[version] = -1
    whole = not (reference in versions.cut_at or reference in versions.partial)
    teasers: set[str] = set()  # versions whose tail has reached a teaser's cut-off words
    ref_cut = versions.cut_at.get(reference)
    found: list[Discrepancy] = []
    for index, row in enumerate(alignment.rows):
        if any(
            versions.sentences[reference][i].end == ref_cut for i in row.cells.get(reference, ())
        ):
            continue  # the reference's sentence the store cut off: the rest is unread
        for version, cell in row.cells.items():
            if version == reference or version not in versions.documents:
                continue
            if index > last_shared[version]:
                # Past the last passage a copy shares with a whole reference, what it
                # tells is its own, up to a teaser of another story ("... Some…").
                if not whole or version in teasers:
                    continue
                if any(_teaser(versions, version, i) for i in cell):
                    teasers.add(version)
                    continue
            weak = row.scores.get(version, 100.0) < ALIGNED
            for sentence_index in cell:
                sentence = versions.sentences[version][sentence_index]
                if version in versions.cut_at and sentence.end == versions.cut_at[version]:
                    continue  # a sentence the store cut off says too little to judge
                if not row.cells.get(reference) or weak:
                    span = _new_sentence(sentence.text, known)
                else:
                    span = _new_clause(
                        versions, sentence.text, row.cells[reference], reference, known
                    )
                if span is not None and not _ADDRESS.search(sentence.text[span[0] : span[1]]):
                    # (Words with a web address are a scraper's credit, not a claim.)
                    start, end = sentence.start + span[0], sentence.start + span[1]
                    found.append(
                        placed_discrepancy(
                            versions,
                            reviews,
                            version,
                            (start, end),
                            "addition",
                            None,
                            f"{sentence.anchor}-addition",
                            index,
                        )
                    )
    return found


# A version of a cut-off reference is a copy, whose added sentences can be told, when at
# least half (COPY) of the sentences it shares with the reference align at 85 (VERBATIM,
# the aligner's score, 0-100) or more: printed nearly word for word.
COPY = 0.5
VERBATIM = 85.0
# A copy's sentence aligned with the reference's at less than this (the aligner's score,
# 0-100) may be a sentence of its own that happens to share words.
ALIGNED = 60.0


def _teaser(versions: VersionTexts, version: str, sentence_index: int) -> bool:
    """Whether a copy's sentence stands in a paragraph that ends cut off ("… Upbit,…")."""
    sentence = versions.sentences[version][sentence_index]
    paragraph = versions.documents[version].paragraph_at(sentence.start)
    return paragraph is not None and paragraph.text.rstrip().endswith(("…", "..."))


def _new_sentence(text: str, known: set[str]) -> tuple[int, int] | None:
    words = content_words(text)
    new = [w for w in words if w not in known]
    if len(words) < WORDS or len(new) < NEW * len(words):
        return None
    return 0, len(text)


def _new_clause(
    versions: VersionTexts, text: str, cell: tuple[int, ...], reference: str, known: set[str]
) -> tuple[int, int] | None:
    """A run of words a copy inserts into a sentence it shares with the reference,
    saying what the reference does not (where it inserts one)."""
    mine = versions.reader.sentence(text)
    ref_text = " ".join(versions.sentences[reference][i].text for i in cell)
    theirs = versions.reader.sentence(ref_text)
    ops = Levenshtein.opcodes([t.key for t in mine], [t.key for t in theirs])
    for op in ops:  # "delete": words the copy has and the reference lacks
        if op.tag not in ("delete", "replace"):
            continue
        if op.tag == "replace" and op.src_end - op.src_start < 3 * (op.dest_end - op.dest_start):
            continue
        inserted = mine[op.src_start : op.src_end]
        if not inserted:
            continue
        words = content_words(" ".join(t.text for t in inserted))
        new = [w for w in words if w not in known]
        if len(words) >= CLAUSE and len(new) >= NEW * len(words):
            return inserted[0].start, inserted[-1].end
    return None


# An inserted clause that adds a claim has at least this many content words, as a sentence
# does: with four, inserted clauses were twice as often rewordings readers left unmarked
# ("ongoing anti-corruption crackdown") as claims (3 found and 15 noise fewer with six).
CLAUSE = 6
