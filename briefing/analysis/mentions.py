"""Mentions: where each entity stands in each version, under its name, an alias, a former
name, a correction's wrong form (garbled) or a near miss of its name."""

from __future__ import annotations

from briefing.analysis.locate import FormIndex, Located
from briefing.analysis.near_misses import NearMisses, entity_names
from briefing.analysis.results import NAMING_KINDS, Mention, Quality
from briefing.model import Entity, Project
from briefing.text.spans import overlaps


def all_mentions(
    project: Project, located: dict[str, Located], forms: FormIndex, near_misses: NearMisses
) -> dict[str, dict[str, list[Mention]]]:
    """entity -> version -> its mentions there, in order."""
    # What every entity's search shares: every entity's own names, and the wrong forms of
    # the corrections of how each is named.
    own_names = entity_names(project.entities.values())
    garbles: dict[str, list[tuple[str, str]]] = {}
    for c in project.corrections.values():
        if c.entity and c.kind in NAMING_KINDS:  # a misquote is not a mention
            garbles.setdefault(c.entity, []).extend((form, c.id) for form in c.wrong)
    return {
        key: _mentions_of(entity, located, forms, near_misses, own_names, garbles.get(key, []))
        for key, entity in project.entities.items()
    }


def _mentions_of(
    entity: Entity,
    located: dict[str, Located],
    forms: FormIndex,
    near_misses: NearMisses,
    own_names: set[str],
    garbles: list[tuple[str, str]],
) -> dict[str, list[Mention]]:
    names: list[tuple[str, Quality]] = [(entity.name, "exact")]
    names += [(a, "alias") for a in entity.aliases]
    names += [(f, "former name") for f in entity.former_names]
    misses = dict(zip(located, near_misses.of(entity.names, own_names), strict=True))
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
                if not any(
                    overlaps(place.start, place.end, m.place.start, m.place.end) for m in mentions
                ):
                    mentions.append(Mention(place, form, quality))
        # Near misses (misspellings, transliterations) of the entity's names; no entity's
        # own name is a near miss of another's.
        for start, end, form, _ in misses[version]:
            near = loc.place_in_sentence(start, end)
            if near is None or any(
                overlaps(start, end, m.place.start, m.place.end) for m in mentions
            ):
                continue
            mentions.append(Mention(near, form, "near miss"))
        found[version] = sorted(mentions, key=lambda m: m.place.start)
    return found
