"""Verdicts per version and the scorecard.

A correction says what is wrong and what is right; this module finds which version
prints which, where. A version is *wrong* when it prints a wrong form, *right* when it
prints a right form where the error stands in the other versions (the aligned
sentences), and *absent* when it does not have that passage or words it differently.
"""

from __future__ import annotations

from collections import Counter

from briefing.analysis.align import Alignment
from briefing.analysis.locate import FormIndex, Located
from briefing.analysis.results import CorrectionResult, Place, Scorecard, Verdict
from briefing.model import Correction
from briefing.text.fold import find_with_gaps
from briefing.text.spans import overlaps


def verdicts_of(
    correction: Correction,
    located: dict[str, Located],
    forms: FormIndex,
    alignment: Alignment,
    absent: dict[str, Verdict],
) -> CorrectionResult:
    # Most versions print none of a correction's forms: only those that do are looked at.
    wrong: dict[str, list[Place]] = {}
    for form in correction.wrong:
        for version, places in forms.places(form).items():
            wrong.setdefault(version, []).extend(places)
    right: dict[str, list[Place]] = {}
    for form in correction.right:
        for version, places in forms.places(form).items():
            right.setdefault(version, []).extend(
                p
                for p in places
                if not any(overlaps(p.start, p.end, w.start, w.end) for w in wrong.get(version, ()))
            )
    anchor_rows = {
        id(row)
        for v, places in wrong.items()
        for p in places
        if (row := alignment.row_of(v, p.sentence_index)) is not None
    }
    # A version the evidence quotes for the right form prints it: it is right there.
    quoted: dict[str, list[Place]] = {}
    for evidence in correction.evidence:
        loc = located.get(evidence.source)
        if loc is None or not evidence.quote or evidence.source in wrong:
            continue
        span = find_with_gaps(evidence.quote, loc.document.text, loc.document.folded)
        place = loc.place(*span) if span else None
        if place is not None:
            quoted.setdefault(evidence.source, []).append(place)
    verdicts = {}
    for version in located:
        if version in wrong:
            verdicts[version] = Verdict(version, "wrong", tuple(wrong[version]))
            continue
        if version in quoted:
            verdicts[version] = Verdict(version, "right", tuple(quoted[version]))
            continue
        candidates = right.get(version)
        if candidates and anchor_rows:
            candidates = [
                p
                for p in candidates
                if id(alignment.row_of(version, p.sentence_index)) in anchor_rows
            ]
        verdicts[version] = (
            Verdict(version, "right", tuple(candidates)) if candidates else absent[version]
        )
    return CorrectionResult(correction, verdicts)


def scorecard(
    results: dict[str, CorrectionResult], versions: list[str]
) -> tuple[Scorecard, dict[str, list[tuple[Place, str]]]]:
    """Right and wrong per version and kind, and where each version prints a wrong form."""
    kinds = {result.correction.kind for result in results.values()}
    card: Scorecard = {v: {kind: Counter[str]() for kind in sorted(kinds)} for v in versions}
    wrong_places: dict[str, list[tuple[Place, str]]] = {v: [] for v in versions}
    for key, result in results.items():
        for version, verdict in result.verdicts.items():
            if verdict.verdict != "absent":
                card[version][result.correction.kind][verdict.verdict] += 1
            if verdict.verdict == "wrong":
                wrong_places[version].extend((place, key) for place in verdict.places)
    for places in wrong_places.values():
        places.sort(key=lambda pair: (pair[0].start, -pair[0].end))
    return card, wrong_places
