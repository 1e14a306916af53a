"""Derive what the editor did not type: the alignment of the versions, where each entity
is mentioned, each correction's verdict per version, the scorecard, and the
discrepancies between the versions.

``analyse`` runs the stages in order, each on the finished results of the ones before,
and builds the :class:`~briefing.analysis.results.Analysis` once, at the end.
"""

from __future__ import annotations

from briefing.analysis import parallel
from briefing.analysis.align import Alignment, align_versions
from briefing.analysis.discrepancies import find_discrepancies
from briefing.analysis.locate import FormIndex, Located
from briefing.analysis.mentions import all_mentions
from briefing.analysis.near_misses import (
    NearMisses,
    Respellings,
    capitalised_runs,
    entity_names,
    names_of,
)
from briefing.analysis.reference import reference_of, voices
from briefing.analysis.results import Analysis, CorrectionResult, Mention, Verdict
from briefing.analysis.verdicts import scorecard, verdicts_of
from briefing.model import Project
from briefing.text.lexicon import TITLES
from briefing.text.names import NEAR_MISS_THRESHOLD, anchored, fold_name


def analyse(project: Project, jobs: int = 1) -> Analysis:
    """The analysis of a loaded brief. With ``jobs`` of 2 or more, the largest phases of a
    large brief run partly in a second process (forked); the result is the same."""
    sentences = {
        v.id: [s.text for s in v.document.sentences()] for v in project.versions if v.document
    }
    reference = reference_of(project, sentences)
    # A version in another language than the reference's is not compared word by word.
    language = project.sources[reference].language if reference else None
    foreign = tuple(
        v.id
        for v in project.versions
        if v.id in sentences and language and v.language not in (None, language)
    )
    compared = {k: texts for k, texts in sentences.items() if k not in foreign}
    same_voice = voices(project, compared, reference)
    alignment, mentions, results, respelt = _searches(project, compared, reference, jobs)
    card, wrong_places = scorecard(results, list(sentences))
    discrepancies = find_discrepancies(
        project, alignment, mentions, results, same_voice, jobs, set(foreign), respelt
    )
    return Analysis(
        alignment,
        results,
        card,
        mentions,
        wrong_places,
        discrepancies,
        reference,
        same_voice,
        foreign,
    )


def _searches(
    project: Project, compared: dict[str, list[str]], reference: str | None, jobs: int
) -> tuple[
    Alignment, dict[str, dict[str, list[Mention]]], dict[str, CorrectionResult], Respellings
]:
    """The alignment, the mentions, the verdicts and the near misses of the reference's
    names: what searching the versions finds (its indexes are freed on return, before the
    discrepancies, the most memory-hungry phase)."""
    located = {v.id: Located(v) for v in project.versions if v.document}
    forms = FormIndex(project.joined_versions, located)
    near_misses = NearMisses(tuple(loc.document.text for loc in located.values()))
    sentences = compared
    # The alignment (in a second process, where one can help) while the entities are
    # looked for: they do not need it; the verdicts do.
    mentions, alignment = parallel.both(
        lambda: all_mentions(project, located, forms, near_misses),
        lambda: align_versions(sentences, reference),
        sum(map(len, sentences.values())),
        jobs,
    )
    absent = {v: Verdict(v, "absent", ()) for v in located}  # immutable: shared
    results = {
        key: verdicts_of(c, located, forms, alignment, absent)
        for key, c in project.corrections.items()
    }
    return alignment, mentions, results, _respellings(project, located, near_misses, reference)


def _respellings(
    project: Project, located: dict[str, Located], near_misses: NearMisses, reference: str | None
) -> Respellings:
    """Where each version prints a near miss of a name its reference prints, and that the
    reference never prints ("Navidia" for "Nvidia"): with no entity in the fact file yet,
    the reference's names are the record. Names of the fact file's entities are looked
    for as mentions already."""
    document = project.sources[reference].document if reference else None
    if document is None:
        return {}
    names = names_of("\n".join(p.text for p in document.paragraphs))
    own = entity_names(project.entities.values())
    # (A title is no misspelt name: "Senator" for the reference's "Senate".)
    exclude = own | {fold_name(n) for n in capitalised_runs(document.text)} | set(TITLES)
    # (Nor is a title a name to misspell: "Presidency" for the reference's "President".)
    forms = sorted(
        n
        for n in names | addressed_surnames(names)
        if fold_name(n) not in own and fold_name(n) not in TITLES
    )
    found = near_misses.of(forms, exclude, ANCHORED_THRESHOLD)
    return {
        version: [
            (start, end, name, score)
            for start, end, name, score in places
            if score >= NEAR_MISS_THRESHOLD
            or anchored(located[version].document.text[start:end], name)
        ]
        for version, places in zip(located, found, strict=True)
    }


def addressed_surnames(names: set[str]) -> set[str]:
    """ "Professor Emmott" of the reference's "Professor Angus Emmott": a copy that
    addresses a person by title and surname is held to the surname the reference prints,
    though the reference itself may only shorten the title ("Prof Emmott")."""
    found = set()
    for name in names:
        words = name.split()
        if len(words) >= 3 and words[0].rstrip(".").casefold() in FORMS_OF_ADDRESS:
            found.add(f"{words[0]} {words[-1]}")
    return found


FORMS_OF_ADDRESS = frozenset({"mr", "mrs", "ms", "dr", "prof", "professor"})


# A misspelling of one word of a name whose other word is printed right ("Tang Zhenjiang"
# for "Tang Renjian", "Prof Emmet" for "Prof Emmott"): two or three edits in a word of
# six to nine letters. A single word so far off is as often another word ("Heart" for
# "Health").
ANCHORED_THRESHOLD = 66.0
