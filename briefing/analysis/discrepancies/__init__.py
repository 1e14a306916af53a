"""Discrepancies: where a version disagrees with the verified record or with the others.

Two kinds of evidence are used:

* the record: a mention of an entity under an institution's former name, or under a
  near miss of its name (a misspelling, a transliteration), disagrees with the fact file;
* the other versions: in every row of the alignment, the proper nouns, numbers, dates
  and titles of each version are compared with those of the others (as bags, so word
  order does not matter), and quoted passages and negations are compared word by word.

A discrepancy is *reviewed* when a correction or an ``accepted`` wording of the fact file
covers it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace

from briefing.analysis import parallel
from briefing.analysis.align import Alignment
from briefing.analysis.discrepancies.acronyms import find_acronym_names
from briefing.analysis.discrepancies.additions import find_additions
from briefing.analysis.discrepancies.ages import find_age_changes
from briefing.analysis.discrepancies.confidence import confidence
from briefing.analysis.discrepancies.credits import find_credits
from briefing.analysis.discrepancies.decision import Decider
from briefing.analysis.discrepancies.offices import find_office_changes
from briefing.analysis.discrepancies.passages import VersionTexts, passages_of_group
from briefing.analysis.discrepancies.qualifiers import find_qualifier_changes
from briefing.analysis.discrepancies.quoted_words import find_quoted_words
from briefing.analysis.discrepancies.respellings import find_respellings
from briefing.analysis.discrepancies.sites import row_groups, sites_of_row
from briefing.analysis.near_misses import Respellings
from briefing.analysis.results import CorrectionResult, Discrepancy, Mention
from briefing.model import Project


def find_discrepancies(
    project: Project,
    alignment: Alignment,
    mentions: dict[str, dict[str, list[Mention]]],
    corrections: dict[str, CorrectionResult],
    voices: dict[str, str] | None = None,
    jobs: int = 1,
    foreign: set[str] | None = None,
    respelt: Respellings | None = None,
) -> list[Discrepancy]:
    """Every discrepancy of every version, in version order, then by place, from the
    alignment of the versions, the entities' mentions and the corrections' verdicts."""
    versions = VersionTexts(project, mentions, foreign or set())
    decider = Decider(project, corrections, versions, alignment.pivot, voices)
    groups = row_groups(alignment.rows)

    def from_rows(part: list[tuple[int, dict[str, tuple[int, ...]]]]) -> list[Discrepancy]:
        found: list[Discrepancy] = []
        for index, group in part:
            passages = passages_of_group(group, versions)
            if len(passages) > 1:
                for site in sites_of_row(index, passages, alignment.pivot, voices):
                    found += decider.decide(site)
        return found

    def from_mentions() -> list[Discrepancy]:
        found: list[Discrepancy] = []
        for version, spans in versions.mentions.items():
            for mention in spans:
                if mention.quality in ("near miss", "former name") or (
                    mention.quality == "garbled" and decider.near_miss(version, mention)
                ):
                    item = decider.from_mention(version, mention)
                    if item is not None:
                        found.append(item)
        return found

    # The later rows in a second process; the earlier ones and the mentions here (the
    # mentions cost about as much as a third of the rows).
    split = split_at_share(groups, share=ROWS_HERE)
    (first, mentioned), rest = parallel.both(
        lambda: (from_rows(groups[:split]), from_mentions()),
        lambda: from_rows(groups[split:]),
        sum(map(len, versions.sentences.values())),
        jobs,
    )
    added = find_additions(alignment, versions, alignment.pivot, decider.reviews)
    added += find_credits(versions, alignment.pivot, decider.reviews)
    added += find_acronym_names(versions, alignment.pivot, decider.reviews)
    added += find_age_changes(versions, alignment.pivot, decider.reviews)
    added += find_office_changes(versions, alignment.pivot, decider.reviews)
    added += find_qualifier_changes(versions, alignment.pivot, decider.reviews)
    added += find_quoted_words(versions, alignment.pivot, decider.reviews)
    added += find_respellings(versions, alignment.pivot, respelt or {}, decider.reviews)
    return number_them(deduplicate(first + rest + mentioned + added), decider.order, alignment)


ROWS_HERE = 0.35  # of the rows' work, by passages, done in the first process


def split_at_share(groups: list[tuple[int, dict[str, tuple[int, ...]]]], share: float) -> int:
    """Where the first ``share`` of the rows' passages end."""
    total = sum(len(cells) for _, cells in groups)
    done = 0
    for at, (_, cells) in enumerate(groups):
        if done >= share * total:
            return at
        done += len(cells)
    return len(groups)


_BASIS_RANK = {"correction": 0, "entity": 1, "reference": 2, "majority": 3, "record": 4, None: 5}


def deduplicate(found: list[Discrepancy]) -> list[Discrepancy]:
    """One discrepancy per place of a version: the best-founded, the most specific."""
    specific = {"quote": 2, "meaning": 1}
    found = sorted(found, key=lambda d: (_BASIS_RANK[d.basis], specific.get(d.kind, 0), d.start))
    kept: dict[str, list[Discrepancy]] = {}
    taken: dict[str, TakenSpans] = {}
    for item in found:
        if taken.setdefault(item.source, TakenSpans()).add(item.start, item.end):
            kept.setdefault(item.source, []).append(item)
    return [item for items in kept.values() for item in items]


class TakenSpans:
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


def number_them(
    found: list[Discrepancy], order: dict[str, int], alignment: Alignment
) -> list[Discrepancy]:
    """The discrepancies in version order, then by place, each with its id (the version,
    the sentence, and its rank in the sentence) and its confidence."""
    found.sort(key=lambda d: (order.get(d.source, 0), d.start, d.end))
    counts: Counter[tuple[str, str]] = Counter()
    numbered = []
    for item in found:
        counts[(item.source, item.anchor)] += 1
        number = counts[(item.source, item.anchor)]
        numbered.append(
            replace(
                item,
                id=f"{item.source}-{item.anchor}-{number}",
                confidence=confidence(item, alignment),
            )
        )
    return numbered
