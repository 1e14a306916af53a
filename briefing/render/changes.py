"""A passage of a version with its changes against the reference drawn in: words it adds
marked, words it lacks put back struck out, and discrepancies as links."""

from __future__ import annotations

import re

from briefing.render.myst import Myst, escape_keep_space, link, span

Mark = tuple[int, int, str, tuple[str, ...]]  # start, end, link target, classes


def changes_marked(
    text: str, start: int, end: int, edits: list[tuple[str, int, int, str]], spots: list[Mark]
) -> Myst:
    """The text of [start, end) with deletions put in, insertions and discrepancies marked.

    A discrepancy is one link, even where it spans several edits; the words the base had
    inside it are shown deleted just before it.
    """
    inserted = [(a, b) for kind, a, b, _ in edits if kind == "ins"]
    pieces: list[tuple[int, int, str, Mark | None]] = []
    for mark in sorted(spots):
        if pieces and mark[0] < pieces[-1][1]:
            continue
        pieces.append((mark[0], mark[1], "link", mark))
    for a, b in inserted:
        if not any(a < pb and pa < b for pa, pb, _, _ in pieces):
            pieces.append((a, b, "ins", None))
    # A deletion stands where the base's words were; one inside a link moves before it.
    events: list[tuple[int, int, str, str | Mark | None]] = []
    for at, _, _kind, gone in ((a, b, k, g) for k, a, b, g in edits if k == "del"):
        holder = next((p for p in pieces if p[2] == "link" and p[0] < at < p[1]), None)
        events.append((holder[0] if holder else at, 0, "del", gone))
    events += [(a, 1, kind, item) for a, _, kind, item in pieces]
    ends = {a: b for a, b, _, _ in pieces}
    out: list[str] = []
    position = start
    for at, _, kind, item in sorted(events, key=lambda e: (e[0], e[1])):
        if at < position:
            at = position  # inside a piece already written: just after it
        plain = text[position:at]
        out.append(escape_keep_space(plain) if plain.strip() else (" " if plain else ""))
        position = at
        if kind == "del":
            assert isinstance(item, str)
            out.append(str(span(item, "brief-del")) + " ")
            continue
        b = ends[at]
        piece = text[at:b]
        if kind == "link" and isinstance(item, tuple):
            classes = list(item[3])
            if any(at < ib and ia < b for ia, ib in inserted):
                classes.insert(0, "brief-ins")
            out.append(str(link(piece, item[2], classes)))
        else:
            out.append(str(span(piece, "brief-ins")))
        position = b
    tail = text[position:end]
    out.append(escape_keep_space(tail) if tail.strip() else "")
    return Myst(re.sub(r" {2,}", " ", "".join(out)).strip())
