"""Names a copy spells otherwise than its reference: a near miss of a name the reference
prints, in a copy's story, where the reference never prints the copy's form ("Navidia"
for "Nvidia", "Professor Emmet" for "Professor Angus Emmott").

They are found over the whole copy, not row by row: a misspelt name at the start of a
sentence is not read as a name there, and a rewrite may move it into a sentence of its own.
"""

from __future__ import annotations

from briefing.analysis.discrepancies.passages import VersionTexts
from briefing.analysis.discrepancies.placed import placed_discrepancy
from briefing.analysis.discrepancies.reviews import Reviews
from briefing.analysis.near_misses import Respellings
from briefing.analysis.results import Discrepancy


def find_respellings(
    versions: VersionTexts, reference: str | None, respelt: Respellings, reviews: Reviews
) -> list[Discrepancy]:
    """A discrepancy for each near miss of a reference's name in a compared copy's story."""
    if reference is None or reference not in versions.documents:
        return []
    found: list[Discrepancy] = []
    for version, places in respelt.items():
        if version == reference or version not in versions.documents:
            continue
        document = versions.documents[version]
        for start, end, name, _ in places:
            paragraph = document.paragraph_at(start)
            if paragraph is None or end > paragraph.end:
                continue  # page furniture: not compared
            found.append(
                placed_discrepancy(
                    versions,
                    reviews,
                    version,
                    (start, end),
                    "name",
                    (reference, name),
                    f"respelt-{start}",
                )
            )
    return found
