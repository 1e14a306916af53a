"""Deciding what each site should read, and which readings are discrepancies.

Each discrepancy names the form it expects: the correction's right form or the verified
entity where the fact file has one, otherwise the form most versions print (or, for two
versions that disagree, the form the fact file's record uses).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from briefing.analysis.discrepancies.forms import AROUND, agreeing_groups, widen
from briefing.analysis.discrepancies.items import MentionSpan
from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.respellings import ReferenceNames
from briefing.analysis.discrepancies.reviews import Record, Reviews
from briefing.analysis.discrepancies.sites import Site, SiteReading
from briefing.analysis.results import Basis, CorrectionResult, Discrepancy, Review
from briefing.model import CorrectionKind, Project
from briefing.text.lexicon import BODY_KINDS, BODY_WORDS
from briefing.text.names import NEAR_MISS_THRESHOLD, fold_name, name_similarity
from briefing.text.words import normalise


class Decider:
    """Decides, site by site, what each version should read there."""

    def __init__(
        self,
        project: Project,
        corrections: dict[str, CorrectionResult],
        versions: VersionTexts,
        reference: str | None = None,
        voices: dict[str, str] | None = None,
    ) -> None:
        self.project = project
        self.reference = reference
        self.voices = voices or {}
        self.versions = versions
        self.record = Record(project)
        self.reviews = Reviews(project, corrections)
        self.order = {v.id: n for n, v in enumerate(project.versions)}
        self.joined = project.joined_versions
        self._forms: dict[tuple[object, ...], tuple[str, tuple[int, int]]] = {}
        document = versions.documents.get(reference or "")
        self.reference_names = ReferenceNames(document.text if document else "")

    def form(
        self,
        version: str,
        start: int,
        end: int,
        minimum: int = 1,
        fixed: tuple[int, int] | None = None,
        shared: int = 0,
        around: tuple[int, int] = (0, 0),
    ) -> tuple[str, tuple[int, int]]:
        """The text at [start, end) with ``around`` words on each side, and then enough
        words more to be found only there (or with ``fixed`` words around it), and how many
        words were added each side.

        With ``shared``, the form may occur that many times in all the versions (once in
        each version that prints it at this place); otherwise once in its own version."""
        document = self.versions.documents[version]
        sentence = document.sentence_at(start) or document.sentence_at(max(0, start - 1))
        bounds = (sentence.start, sentence.end) if sentence else (0, len(document.text))
        # Versions that print the sentence alike get the same form of it: read it once.
        # (Counted in all the versions, it is the same wherever the sentence stands.)
        lo = bounds[0]
        key = (
            document.text[lo : bounds[1]],
            start - lo,
            end - lo,
            minimum,
            fixed,
            shared,
            around,
            None if shared or fixed is not None else version,
        )
        known = self._forms.get(key)
        if known is None:
            known = self._forms[key] = self._form(
                document.text, start, end, bounds, minimum, fixed, shared, around, version
            )
        return known

    def _form(
        self,
        text: str,
        start: int,
        end: int,
        bounds: tuple[int, int],
        minimum: int,
        fixed: tuple[int, int] | None,
        shared: int,
        around: tuple[int, int],
        version: str,
    ) -> tuple[str, tuple[int, int]]:
        limit = max(1, shared)
        reader = self.versions.reader

        def count(piece: str) -> int:
            return self.joined.occurrences(piece, limit + 1, None if shared else version)

        if fixed is not None:
            a, b, added = widen(reader, text, start, end, bounds, minimum, None, fixed, limit)
            return text[a:b], added
        first = (0, 0)
        if around != (0, 0):
            # An omission (an empty span) stands between two words: those, and around them.
            span = around if start < end else (around[0] + 1, around[1] + 1)
            start, end, first = widen(reader, text, start, end, bounds, 1, None, span, limit)
        a, b, added = widen(reader, text, start, end, bounds, minimum, count, None, limit)
        return text[a:b], (first[0] + added[0], first[1] + added[1])

    def decide(self, site: Site) -> list[Discrepancy]:
        readings = site.readings
        if len(readings) < 2:
            return []
        minimum = 1 if site.family in ("name", "title", "date") else 2
        if site.family == "spelling":
            minimum = 3  # "told the commission": the word alone is any commission
        groups = agreeing_groups(
            sorted(readings.values(), key=lambda r: self.order.get(r.version, 0))
        )
        if len(groups) < 2:
            return []
        wrong = {
            r.version: c
            for r in readings.values()
            if (c := self.reviews.wrong_at(r.version, r.start, r.end))
        }
        right = {
            r.version for r in readings.values() if self.reviews.right_at(r.version, r.start, r.end)
        }
        expected_key: str | None = None
        expected_text: str | None = None
        basis: Basis | None = None
        ranked = sorted(groups.items(), key=lambda g: -self._votes(g[1]))
        if wrong or right:
            basis = "correction"
            good = [k for k, g in groups.items() if any(r.version in right for r in g)] or [
                k for k, g in groups.items() if not any(r.version in wrong for r in g)
            ]
            if len(good) == 1:
                expected_key = good[0]
            expected_text = (
                self.project.corrections[next(iter(wrong.values()))].expected if wrong else None
            )
        elif self.reference in readings:
            # The reference's words are what the others should read.
            expected_key = next(
                k for k, g in groups.items() if any(r.version == self.reference for r in g)
            )
            basis = "reference"
        elif self._votes(ranked[0][1]) > self._votes(ranked[1][1]):
            expected_key, basis = ranked[0][0], "majority"
        else:
            in_record = [k for k, g in groups.items() if self._in_record(site.family, g[0])]
            if len(in_record) == 1:
                expected_key, basis = in_record[0], "record"
            elif self.reference is not None:
                # Copies that disagree where the reference says nothing: no form to
                # propose, and the comparison page shows them side by side.
                return []
        site_id = ""
        found: list[Discrepancy] = []
        context: dict[str, tuple[int, int]] = {}
        for key, group in groups.items():
            if key == expected_key:
                continue
            if expected_key is not None and group[0].text == groups[expected_key][0].text:
                continue  # the same words: nothing a reader could correct
            if (
                basis == "reference"
                and expected_key is not None
                and self.reference_names.agree(
                    site.family, group[0].text, groups[expected_key][0].text
                )
            ):
                continue
            # What the other versions read here: one tuple for every reading of the group.
            others = tuple(
                (r.version, r.text or self.form(r.version, r.start, r.end, fixed=(1, 1))[0])
                for k, g in groups.items()
                if k != key
                for r in g
            )
            for reading in group:
                if reading.version in right and basis == "correction":
                    continue
                # Only the forms of what will be listed: a brief of many versions has
                # many readings at each place.
                reading.form, context[reading.version] = self.form(
                    reading.version,
                    reading.start,
                    reading.end,
                    minimum,
                    shared=len(group),
                    around=AROUND.get(site.family, (0, 0)),
                )
                found.append(
                    self._discrepancy(
                        site,
                        reading,
                        groups,
                        key,
                        expected_key,
                        expected_text,
                        basis,
                        wrong,
                        context,
                        site_id,
                        others,
                    )
                )
                site_id = found[-1].site  # the place's first discrepancy names the site
        return found

    def _discrepancy(
        self,
        site: Site,
        reading: SiteReading,
        groups: dict[str, list[SiteReading]],
        key: str,
        expected_key: str | None,
        expected_text: str | None,
        basis: Basis | None,
        wrong: dict[str, str],
        context: dict[str, tuple[int, int]],
        site_id: str,
        others: tuple[tuple[str, str], ...],
    ) -> Discrepancy:
        found_text, form = reading.text, reading.form
        expected_reading: SiteReading | None = None
        expected_form = expected_text
        evidence: tuple[str, str] | None = None
        start, end = reading.start, reading.end
        if reading.version in wrong:
            # The correction says what it should read: its wrong form, as this version
            # prints it, against its right form.
            correction = self.project.corrections[wrong[reading.version]]
            expected_text = expected_form = correction.expected
            span = self.reviews.wrong_span(reading.version, reading.start, reading.end)
            if span is not None:
                start, end = span
                found_text = form = self.versions.documents[reading.version].text[start:end]
            if expected_key is not None:
                expected_reading = groups[expected_key][0]
        elif expected_key is not None:
            # Of the versions that print the expected form, the one whose words around it
            # are most like this version's; the reference's own words where they are the
            # measure (other copies may print the figure without its "%").
            printing = groups[expected_key]
            if basis == "reference":
                printing = [r for r in printing if r.version == self.reference] or printing
            options = [
                (self.form(r.version, r.start, r.end, fixed=context[reading.version])[0], r)
                for r in printing[:12]
            ]
            expected_form, expected_reading = max(
                options, key=lambda o: fuzz.ratio(o[0].casefold(), form.casefold())
            )
            expected_text = expected_reading.text or expected_form
            evidence = (expected_reading.version, expected_form)
            if not reading.text or not expected_reading.text:
                # Words left out or added: say it with the words around them.
                found_text, expected_text = form, expected_form
        paragraph, anchor = self.versions.anchor(reading.version, start)
        return Discrepancy(
            id="",
            source=reading.version,
            paragraph=paragraph,
            anchor=anchor,
            kind=self._kind(site, reading, expected_reading),
            found=found_text or form,
            start=start,
            end=end if found_text else start,
            expected=expected_text,
            basis=basis,
            form=form,
            expected_form=expected_form,
            entity=self._entity(reading, expected_reading),
            others=others,
            evidence=evidence,
            site=site_id or f"{reading.version}-{anchor}-{start}",
            row=site.row,
            reviewed=self._reviewed(reading, wrong),
        )

    def _votes(self, group: list[SiteReading]) -> int:
        """How many voices read this: copies of one text are one voice."""
        return len({self.voices.get(r.version, r.version) for r in group})

    def _in_record(self, family: str, reading: SiteReading) -> bool:
        """Whether the fact file's record prints this reading, with enough words around it
        to say the same thing (a bare "now" or "70" is everywhere)."""
        around = {"name": (0, 0), "title": (0, 0), "date": (0, 0), "number": (0, 1)}
        form = self.form(
            reading.version, reading.start, reading.end, fixed=around.get(family, (2, 2))
        )[0]
        return self.record.has(form)

    def _reviewed(self, reading: SiteReading, wrong: dict[str, str]) -> Review | None:
        if reading.version in wrong:
            return ("correction", wrong[reading.version])
        accepted = self.reviews.accepted_at(reading.version, reading.start, reading.end)
        return ("accepted", accepted) if accepted else None

    def _entity(self, reading: SiteReading, expected: SiteReading | None) -> str | None:
        for item in (expected.item if expected else None, reading.item):
            if item is not None and item.entity:
                return item.entity
        return None

    def _kind(self, site: Site, found: SiteReading, expected: SiteReading | None) -> CorrectionKind:
        if site.family != "name":
            return site.family
        target = expected.item if expected else None
        mine = found.item
        entity = self._entity(found, expected)
        kind = self.project.entities[entity].kind if entity in self.project.entities else None
        words = {normalise(w) for item in (target, mine) if item for w in item.text.split()}
        body = kind in BODY_KINDS if kind is not None else bool(words & BODY_WORDS)
        if expected is not None and (
            fold_name(found.text) == fold_name(expected.text)
            or name_similarity(found.text, expected.text) >= NEAR_MISS_THRESHOLD
        ):
            # A misspelt body is an institution got wrong; a misspelt place or thing is
            # a spelling.
            return "name" if kind == "person" else ("institution" if body else "spelling")
        return "institution" if body else "name"

    def near_miss(self, version: str, mention: MentionSpan) -> bool:
        """Whether a form that a correction names is also a near miss of the entity's name
        (so the comparison finds it even without the correction)."""
        text = self.versions.documents[version].text[mention.start : mention.end]
        entity = self.project.entities[mention.entity]
        return any(name_similarity(text, name) >= NEAR_MISS_THRESHOLD for name in entity.names)

    def from_mention(self, version: str, mention: MentionSpan) -> Discrepancy | None:
        """A near miss or a former name: the record says what it should be."""
        entity = self.project.entities[mention.entity]
        if self.reviews.right_at(version, mention.start, mention.end):
            return None
        text = self.versions.documents[version].text
        found = text[mention.start : mention.end]
        expected = entity.name if mention.quality == "former name" else mention.form
        if mention.quality == "garbled":
            correction = self.project.corrections.get(
                self.reviews.wrong_at(version, mention.start, mention.end) or ""
            )
            expected = (correction.expected if correction else None) or entity.name
        kind: CorrectionKind = (
            "name"
            if entity.kind == "person"
            else ("institution" if mention.quality == "former name" else "spelling")
        )
        reading = SiteReading(version, found, mention.start, mention.end, found)
        wrong = self.reviews.wrong_at(version, mention.start, mention.end)
        reviewed = self._reviewed(reading, {version: wrong} if wrong else {})
        paragraph, anchor = self.versions.anchor(version, mention.start)
        form = self.form(version, mention.start, mention.end)[0]
        expected_form = form.replace(found, expected, 1) if found in form else expected
        return Discrepancy(
            id="",
            source=version,
            paragraph=paragraph,
            anchor=anchor,
            kind=kind,
            found=found,
            start=mention.start,
            end=mention.end,
            expected=expected,
            basis="entity",
            form=form,
            expected_form=expected_form,
            entity=entity.id,
            site=f"{version}-{anchor}-{mention.start}",
            reviewed=reviewed,
        )
