"""The reference version, and which versions are one voice.

The versions are read against one of them: the original where the fact file names it
(``reference: true``, or the version the others are ``derived_from``), else the version
most like all the others (the medoid), never merely the longest: on real pages the
longest is the one with the most furniture.

Copies of one text are one voice: a verbatim copy of a copy repeats its source, and
counting it again would let a copying site outvote the original. Versions are one voice
when the fact file says one is ``derived_from`` the other (neither the reference), or
when most of the shorter one's sentences stand word for word in the other.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from briefing.model import Project

# Of the shorter version's sentences, the share printed word for word in the other that
# makes two versions one voice. Syndicated copies print nearly all; rewrites almost none.
COPY = 0.8

_WORD = re.compile(r"\w+")


def reference_of(project: Project, sentences: dict[str, list[str]]) -> str | None:
    """The version the others are read against."""
    declared = project.reference_version
    if declared in sentences:
        return declared
    return medoid(sentences)


def medoid(sentences: dict[str, list[str]]) -> str | None:
    """The version most like all the others: the greatest sum of cosine similarities of
    its words' counts with each other's. The sum is the dot product with the sum of the
    others' normalised counts, so it costs one pass per version, not one per pair. On a
    tie, the first version."""
    if not sentences:
        return None
    unit: dict[str, dict[str, float]] = {}
    for version, texts in sentences.items():
        counts = Counter(w for text in texts for w in _WORD.findall(text.casefold()))
        norm = math.sqrt(sum(n * n for n in counts.values())) or 1.0
        unit[version] = {w: n / norm for w, n in counts.items()}
    total: Counter[str] = Counter()
    for vector in unit.values():
        total.update(vector)

    def closeness(version: str) -> float:
        vector = unit[version]
        return sum(weight * total[w] for w, weight in vector.items()) - 1.0

    order = list(sentences)
    return max(order, key=lambda v: (round(closeness(v), 9), -order.index(v)))


def voices(
    project: Project, sentences: dict[str, list[str]], reference: str | None
) -> dict[str, str]:
    """Each version's voice: the first version, in the fact file's order, of the copies
    it is one with."""
    order = list(sentences)
    parent = {v: v for v in order}

    def root(v: str) -> str:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=order.index)
            parent[second] = first

    for version in project.versions:
        source = version.derived_from
        if version.id in parent and source in parent and reference not in (source, version.id):
            join(version.id, source)
    folded = {
        v: {" ".join(_WORD.findall(s.casefold())) for s in texts} for v, texts in sentences.items()
    }
    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            shorter = min(len(folded[a]), len(folded[b]))
            if shorter and len(folded[a] & folded[b]) >= COPY * shorter:
                join(a, b)
    return {v: root(v) for v in order}
