"""The verdict: one paragraph saying which version can be relied on, and what each lacks.

Derived from the tallies (see :mod:`briefing.render.tally`) and from the comparison's
summaries (which paragraphs a version does not have); never typed by hand. Versions are
named by their label and publisher, never by file name.
"""

from __future__ import annotations

from briefing.render.comparison import Comparison, Summary
from briefing.render.myst import Myst, escape
from briefing.render.tally import Tally, name_of


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _subject(t: Tally) -> str:
    return f"**{escape(t.version.label)}**" + (
        f" ({escape(t.version.publisher)})"
        if t.version.publisher and t.version.publisher.casefold() != t.version.label.casefold()
        else ""
    )


def _score(t: Tally) -> str:
    """What the version does with the corrected passages it prints, and what it lacks."""
    if not t.printed:
        return f"has none of the {t.total} corrected passages"
    whole = t.printed == t.total
    which = f"all {t.total} corrections" if whole else f"the {t.printed} it prints"
    if t.printed == 1:
        which = "the one correction" if whole else "the one it prints"
    if not t.wrong:
        return f"gets {which} right"
    if not t.right:
        return f"gets {which} wrong"
    of = f"of the {t.total} corrections" if whole else f"of the {t.printed} it prints"
    return f"gets {len(t.right)} {of} right and {t.errors} wrong"


def _lacks(t: Tally, summary: Summary | None, first: Summary, rows: int) -> str:
    """The corrected passages the version does not have, and the story it lacks."""
    if not t.absent:
        return ""
    text = f"lacks the passages of the other {len(t.absent)}"
    if summary is not None and summary.lacks and rows:
        share = round(100 * summary.missing / rows)
        spans = " and ".join(summary.lacks.rsplit(", ", 1))
        text += f": it has none of {spans} of the {escape(first.version.label)}"
        text += f", about {share} % of the story" if share else ""
    return text


def _rank(t: Tally) -> tuple[float, int]:
    """Fewer errors among the passages it prints first, then more right."""
    return (t.errors / t.printed if t.printed else 1.0, -len(t.right))


def verdict(tallies: list[Tally], comparison: Comparison) -> Myst:
    """One paragraph: the more reliable version first, then each version's count."""
    if not tallies:
        return Myst("No version of the story is in the seeds yet.")
    if not tallies[0].total:
        return Myst(
            f"The fact file has no correction yet, so no version is scored "
            f"({_count(len(tallies), 'version')} compared)."
        )
    summaries = {s.version.id: s for s in comparison.summaries}
    first = comparison.summaries[0] if comparison.summaries else None
    ranked = sorted(tallies, key=_rank)
    clear = len(ranked) > 1 and _rank(ranked[0]) < _rank(ranked[1])
    sentences = [] if clear or len(ranked) == 1 else ["No version is more reliable than another."]
    for t in ranked:
        lacking = (
            _lacks(t, summaries.get(t.version.id), first, len(comparison.rows)) if first else ""
        )
        body = _score(t) + (f", and {lacking}" if lacking else "")
        if clear and t is ranked[0]:
            incomplete = ", but it is incomplete" if t.absent else ""
            sentences.append(
                f"{_subject(t)} is the more reliable version{incomplete}: "
                f"of the brief's {t.total} corrections, it {body}."
            )
            continue
        fullest = first is not None and t.version.id == first.version.id and len(ranked) > 1
        but = " has the fullest text but" if fullest and t.wrong else ""
        sentences.append(f"{_subject(t)}{but} {body}.")
    if len(ranked) > 1 and all(t.wrong or t.absent for t in ranked):
        sentences.append("No version can be quoted as it stands.")
    return Myst(" ".join(sentences))


def alt_text(tallies: list[Tally]) -> str:
    """The scorecard figure in words, for screen readers."""
    if not tallies or not tallies[0].total:
        return "No correction has been scored."
    parts = [
        f"{name_of(t.version)}: {len(t.right)} right, {t.errors} wrong, "
        f"{len(t.absent)} not in its text"
        for t in tallies
    ]
    return f"Of the brief's {tallies[0].total} corrections: " + "; ".join(parts) + "."
