"""Derive what the editor did not type: verdicts per version, the scorecard, mentions.

A correction says what is wrong and what is right; this module finds which version
prints which, where. A version is *wrong* when it prints a wrong form, *right* when it
prints a right form where the error stands in the other versions (the aligned
sentences), and *absent* when it does not have that passage or words it differently.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from briefing import parallel
from briefing.align import Alignment, align_versions
from briefing.discrepancies import Discrepancy, entity_names, find_discrepancies, near_misses_in
from briefing.matching import Joined
from briefing.model import Correction, Entity, Project, Source
from briefing.segment import Document

VERDICTS = ("right", "wrong", "absent")
NAME_KINDS = ("name", "institution")
NAMING_KINDS = ("name", "institution", "title", "spelling")


@dataclass(frozen=True, slots=True)  # slots: a large brief holds 100,000s of these
class Place:
    """A span of a version's text, with the paragraph and sentence that hold it."""

    source: str
    paragraph: str  # "p3"
    sentence: str  # "p3s2"
    sentence_index: int  # position among the version's sentences
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Verdict:
    source: str
    verdict: str  # one of VERDICTS
    places: tuple[Place, ...]  # where the wrong (or, if right, the right) form stands


@dataclass(frozen=True)
class CorrectionResult:
    correction: Correction
    verdicts: dict[str, Verdict]


@dataclass(frozen=True, slots=True)
class Mention:
    place: Place
    form: str
    quality: str  # "exact", "alias", "former name", "garbled", "near miss"
    correction: str | None = None


@dataclass
class Analysis:
    alignment: Alignment
    corrections: dict[str, CorrectionResult]
    scorecard: dict[str, dict[str, Counter[str]]]  # version -> kind -> Counter(right, wrong)
    mentions: dict[str, dict[str, list[Mention]]]  # entity -> version -> mentions
    errors: dict[str, list[tuple[Place, str]]] = field(default_factory=dict)  # version -> (place, correction)
    discrepancies: list[Discrepancy] = field(default_factory=list)  # found by comparing versions

    def names_and_institutions(self, version: str) -> Counter[str]:
        total: Counter[str] = Counter()
        for kind in NAME_KINDS:
            total.update(self.scorecard[version].get(kind, Counter()))
        return total


class Located:
    """A version's sentences, to place what a search of all the versions finds in it."""

    def __init__(self, source: Source) -> None:
        assert source.document is not None
        self.source = source
        self.document: Document = source.document
        self.sentences = self.document.sentences()
        self._index = {s.anchor: n for n, s in enumerate(self.sentences)}
        # Where each sentence starts, and its paragraph's anchor: one bisection per place.
        self._starts = [s.start for s in self.sentences]
        self._paragraph_of = [s.anchor.split("s")[0] for s in self.sentences]
        self._paragraph_end = [p.end for p in self.document.paragraphs for _ in p.sentences]

    def place(self, start: int, end: int) -> Place | None:
        """The place of [start, end) of the text, if it stands in a paragraph."""
        # The sentence that starts last at or before the place: sentences cover their
        # paragraph (from its start) but for the spaces between them, where no form starts.
        index = bisect_right(self._starts, start) - 1
        if index < 0 or start >= self._paragraph_end[index]:
            return None  # before the first paragraph, or between two
        sentence = self.sentences[index]
        return Place(self.source.id, self._paragraph_of[index], sentence.anchor,
                     index, start, end, self.document.text[start:end])


class _Forms:
    """Where each form stands in every version: one search of all the versions together
    per form (verdicts and mentions ask for the same names), kept until released."""

    def __init__(self, joined: Joined, located: dict[str, Located]) -> None:
        self.joined = joined
        self.located = located
        self._found: dict[str, dict[str, tuple[Place, ...]]] = {}

    def places(self, form: str) -> dict[str, tuple[Place, ...]]:
        found = self._found.get(form)
        if found is None:
            by_version: dict[str, list[Place]] = {}
            for version, start, end in self.joined.find(form):
                place = self.located[version].place(start, end)
                if place is not None:
                    by_version.setdefault(version, []).append(place)
            found = self._found[form] = {k: tuple(v) for k, v in by_version.items()}
        return found

    def release(self) -> None:
        """Drop the memo, before the analysis's most memory-hungry phase."""
        self._found.clear()


def analyse(project: Project) -> Analysis:
    located = {v.id: Located(v) for v in project.versions if v.document}
    forms = _Forms(project.joined_versions, located)
    absent = {v: Verdict(v, "absent", ()) for v in located}  # immutable: shared
    sentences = {k: [s.text for s in loc.sentences] for k, loc in located.items()}
    # The alignment (in a second process, where one can help) while the entities are
    # looked for: they do not need it; the verdicts do.
    mentions, alignment = parallel.both(lambda: _all_mentions(project, located, forms),
                                        lambda: align_versions(sentences),
                                        sum(map(len, sentences.values())))
    results = {key: _verdicts(c, located, forms, alignment, absent)
               for key, c in project.corrections.items()}
    kinds = {c.kind for c in project.corrections.values()}
    scorecard = {v: {kind: Counter[str]() for kind in sorted(kinds)} for v in located}
    errors: dict[str, list[tuple[Place, str]]] = {v: [] for v in located}
    for key, result in results.items():
        for version, verdict in result.verdicts.items():
            if verdict.verdict != "absent":
                scorecard[version][result.correction.kind][verdict.verdict] += 1
            if verdict.verdict == "wrong":
                errors[version].extend((place, key) for place in verdict.places)
    for version in errors:
        errors[version].sort(key=lambda pair: (pair[0].start, -pair[0].end))
    analysis = Analysis(alignment, results, scorecard, mentions, errors)
    forms.release()  # searching is done: free the memo
    del located, forms
    analysis.discrepancies = find_discrepancies(project, analysis)
    return analysis


def _all_mentions(project: Project, located: dict[str, Located],
                  forms: _Forms) -> dict[str, dict[str, list[Mention]]]:
    # What every entity's search shares: the texts, every entity's own names, and the
    # wrong forms of the corrections of how each is named.
    texts = tuple(loc.document.text for loc in located.values())
    own_names = entity_names(project.entities.values())
    garbles: dict[str, list[tuple[str, str]]] = {}
    for c in project.corrections.values():
        if c.entity and c.kind in NAMING_KINDS:  # a misquote is not a mention
            garbles.setdefault(c.entity, []).extend((form, c.id) for form in c.wrong)
    return {key: _mentions(entity, located, forms, texts, own_names, garbles.get(key, []))
            for key, entity in project.entities.items()}


def _verdicts(correction: Correction, located: dict[str, Located], forms: _Forms,
              alignment: Alignment, absent: dict[str, Verdict]) -> CorrectionResult:
    # Most versions print none of a correction's forms: only those that do are looked at.
    wrong: dict[str, list[Place]] = {}
    for form in correction.wrong:
        for version, places in forms.places(form).items():
            wrong.setdefault(version, []).extend(places)
    right: dict[str, list[Place]] = {}
    for form in correction.right:
        for version, places in forms.places(form).items():
            right.setdefault(version, []).extend(
                p for p in places if not any(_overlaps(p, w) for w in wrong.get(version, ())))
    anchor_rows = {id(row) for v, places in wrong.items() for p in places
                   if (row := alignment.row_of(v, p.sentence_index)) is not None}
    verdicts = {}
    for version in located:
        if version in wrong:
            verdicts[version] = Verdict(version, "wrong", tuple(wrong[version]))
            continue
        candidates = right.get(version)
        if candidates and anchor_rows:
            candidates = [p for p in candidates
                          if id(alignment.row_of(version, p.sentence_index)) in anchor_rows]
        verdicts[version] = Verdict(version, "right", tuple(candidates)) if candidates \
            else absent[version]
    return CorrectionResult(correction, verdicts)


def _overlaps(a: Place, b: Place) -> bool:
    return a.start < b.end and b.start < a.end


def _mentions(entity: Entity, located: dict[str, Located], forms: _Forms,
              texts: tuple[str, ...], own_names: set[str],
              garbles: list[tuple[str, str]]) -> dict[str, list[Mention]]:
    names = [(entity.name, "exact")] + [(a, "alias") for a in entity.aliases] + \
        [(f, "former name") for f in entity.former_names]
    misses = dict(zip(located, near_misses_in(entity.names, texts, own_names)))
    garbled = [(form, correction, forms.places(form)) for form, correction in garbles]
    named = [(form, quality, forms.places(form)) for form, quality in names]
    # Most entities stand in some versions only: the others have no mentions to sort out.
    involved = {version for _, _, places in (*garbled, *named) for version in places}
    found: dict[str, list[Mention]] = {}
    for version, loc in located.items():
        if version not in involved and not misses[version]:
            found[version] = []
            continue
        mentions: list[Mention] = []
        for form, correction, places in garbled:
            mentions += [Mention(p, form, "garbled", correction) for p in places.get(version, ())]
        for form, quality, places in named:
            for place in places.get(version, ()):
                if not any(_overlaps(place, m.place) for m in mentions):
                    mentions.append(Mention(place, form, quality))
        # Near misses (misspellings, transliterations) of the entity's names; no entity's
        # own name is a near miss of another's.
        for start, end, form, _ in misses[version]:
            sentence = loc.document.sentence_at(start)
            if sentence is None or any(m.place.start < end and start < m.place.end
                                       for m in mentions):
                continue
            place = Place(version, sentence.anchor.split("s")[0], sentence.anchor,
                          loc._index[sentence.anchor], start, end, loc.document.text[start:end])
            mentions.append(Mention(place, form, "near miss"))
        found[version] = sorted(mentions, key=lambda m: m.place.start)
    return found
