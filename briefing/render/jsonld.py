"""The brief as schema.org JSON-LD: a ``ClaimReview`` per fact, a ``CorrectionComment`` per
correction.

Rating scale of a ``ClaimReview`` (``reviewRating``, ``worstRating`` 1, ``bestRating`` 4):
how far the sources read support the claim.

=====  ============  =====================================================
value  status        meaning
=====  ============  =====================================================
4      Verified      confirmed by the sources cited
3      Disputed      some sources support it, others contradict it
2      Unverified    no source read confirms it (nor contradicts it)
1      False         contradicted by the sources
=====  ============  =====================================================

``alternateName`` carries the status as a word, which is what readers and search
engines show; the number only orders the scale.

A correction is a ``CorrectionComment`` attached, through ``correction``, to every
version (a ``CreativeWork``) that prints the wrong form.

URLs come from a caller-supplied function, so the same graph serves absolute URLs (a
site with a known base URL) and page-relative ones, which JSON-LD resolves against the
page. This module imports no Sphinx.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from briefing.analysis.results import Analysis
from briefing.model import Fact, Project, Source

CONTEXT = "https://schema.org"
RATINGS = {
    "verified": (4, "Verified"),
    "disputed": (3, "Disputed"),
    "unverified": (2, "Unverified"),
    "false": (1, "False"),
}
BEST_RATING, WORST_RATING = 4, 1

Node = dict[str, Any]
# (object type, id) -> URL of the object's anchor:
# ("fact", "eu-intensify") -> "facts.html#fact-eu-intensify"
Locate = Callable[[str, str], str]


def _organisation(name: str) -> Node:
    return {"@type": "Organization", "name": name}


def source_work(source: Source, locate: Locate) -> Node:
    """A version or reference as a ``CreativeWork``; its @id is its page in the brief."""
    node: Node = {"@type": "CreativeWork", "@id": locate("source", source.id), "name": source.title}
    if source.url:
        node["url"] = source.url
    if source.publisher:
        node["publisher"] = _organisation(source.publisher)
    if source.author:
        node["author"] = {"@type": "Person", "name": source.author}
    if source.date:
        node["datePublished"] = source.date
    return node


def _cited(project: Project, fact: Fact) -> list[Source]:
    return list(
        {
            e.source: project.sources[e.source]
            for e in fact.evidence
            if e.source in project.sources
        }.values()
    )


def claim_review(project: Project, fact: Fact, locate: Locate, author: str) -> Node:
    value, word = RATINGS[fact.status]
    url = locate("fact", fact.id)
    cited = _cited(project, fact)
    versions = [s for s in cited if s.is_version]
    claim: Node = {"@type": "Claim", "text": fact.claim}
    if versions:
        claim["appearance"] = [source_work(s, locate) for s in versions]
        origins = {s.derived_from for s in versions if s.derived_from in project.sources}
        if len(origins) == 1:
            claim["firstAppearance"] = source_work(project.sources[origins.pop()], locate)
    review: Node = {
        "@type": "ClaimReview",
        "@id": url,
        "url": url,
        "claimReviewed": fact.claim,
        "author": _organisation(author),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": word,
        },
        "itemReviewed": claim,
    }
    references = [source_work(s, locate) for s in cited if not s.is_version]
    if references:
        review["citation"] = references
    return review


def correction_text(wrong: Iterable[str], right: str | None) -> str:
    if right is None:
        return f"“{' / '.join(wrong)}” is not in the original: a version added it."
    return f"“{' / '.join(wrong)}” should read “{right}”."


def correction_graph(
    project: Project, analysis: Analysis, ids: Iterable[str], locate: Locate
) -> list[Node]:
    """``CorrectionComment`` nodes for the corrections named, and the versions they correct."""
    comments: list[Node] = []
    corrected: dict[str, list[Node]] = {}
    for key in dict.fromkeys(ids):
        result = analysis.corrections.get(key)
        if result is None:
            continue
        c = result.correction
        url = locate("correction", c.id)
        comment: Node = {
            "@type": "CorrectionComment",
            "@id": url,
            "url": url,
            "name": f"Correction ({c.kind})",
            "text": correction_text(c.wrong, c.expected) + (f" {c.note}" if c.note else ""),
        }
        if c.entity and c.entity in project.entities:
            entity = project.entities[c.entity]
            comment["about"] = {"@type": "Thing", "name": entity.name, "description": entity.role}
        comments.append(comment)
        for version, verdict in result.verdicts.items():
            if verdict.verdict == "wrong":
                corrected.setdefault(version, []).append({"@id": url})
    works = []
    for version, refs in corrected.items():
        work = source_work(project.sources[version], locate)
        work["correction"] = refs
        works.append(work)
    return works + comments


def page_graph(
    project: Project,
    analysis: Analysis,
    facts: Iterable[str],
    corrections: Iterable[str],
    locate: Locate,
    author: str,
) -> Node | None:
    """One page's JSON-LD document, or None when the page shows no fact or correction."""
    graph = [
        claim_review(project, project.facts[f], locate, author)
        for f in dict.fromkeys(facts)
        if f in project.facts
    ]
    graph += correction_graph(project, analysis, corrections, locate)
    if not graph:
        return None
    return {"@context": CONTEXT, "@graph": graph}


def script_json(data: Any) -> str:
    """JSON safe inside an HTML ``<script>``: ``</script>``, ``<!--`` and ``]]>`` cannot form.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, which every JSON parser reads back.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
