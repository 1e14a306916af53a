"""Furniture found on the real stories, against what reading marked: precision and recall
over whole lines, per story and overall, and datelines apart.

    .venv/bin/python benchmarks/furniture_bench.py [--heldout] [--show]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from realstories import Story, stories  # noqa: E402

from briefing.text.furniture import find_furniture  # noqa: E402
from briefing.text.segment import blocks  # noqa: E402


@dataclass
class Score:
    found: int = 0  # lines the tool set apart
    marked: int = 0  # lines reading marked
    both: int = 0
    datelines: int = 0
    datelines_found: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.both / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.both / self.marked if self.marked else 1.0


def _lines(block: str) -> list[str]:
    return [line.strip() for line in block.split("\n") if line.strip()]


def _spans(text: str, heads: list[str]) -> list[tuple[int, int]]:
    """Where each head stands; a head marked twice is its first and its second place."""
    after: dict[str, int] = {}
    spans = []
    for head in (h.strip() for h in heads):
        at = text.find(head, after.get(head, 0))
        after[head] = at + 1
        spans.append((at, at + len(head)))
    return spans


def _heads(text: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """What is set apart at the head of each line, by where the line starts: a date mark
    and a dateline together, whether read as one head or two."""
    ends: dict[int, int] = {}
    for start, end in spans:
        line = text.rfind("\n", 0, start) + 1
        ends[line] = max(ends.get(line, end), end)
    return {line: text[line:end].strip() for line, end in ends.items()}


def _covered(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """The lines whose every character but spaces lies in one of the spans."""
    inside = set()
    for start, end in spans:
        inside.update(range(start, end))
    covered = set()
    for start in {text.rfind("\n", 0, a) + 1 for a, _ in spans}:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if all(i in inside or text[i].isspace() for i in range(start, end)):
            covered.add(text[start:end].strip())
    return covered


def score(story: Story, show: bool = False) -> Score:
    sites = {f: story.site(f) for f in story.texts}
    found = find_furniture(story.texts, sites)
    result = Score()
    for file, text in story.texts.items():
        # Lines as a reader marks them: a block the tool reads as one paragraph (its lines
        # hard-wrapped) is marked line by line.
        lines = {line for a, b in blocks(text) for line in _lines(text[a:b])}
        rows = [r for r in story.furniture if r["file"] == file]
        # A row that is no whole line but the head of one is a dateline (whatever its kind).
        marked = {r["text"].strip() for r in rows if r["text"].strip() in lines}
        head_rows = [r for r in rows if r["text"].strip() not in lines]
        spans = _spans(text, [r["text"] for r in head_rows])
        marked_heads = _heads(text, spans)
        # Pieces marked that make a whole line (a date mark, a date and a headline) mark it.
        marked |= _covered(text, spans) & lines
        aside = {line for a in found[file] if a.kind != "dateline" for line in _lines(a.text)}
        result.found += len(aside)
        result.marked += len(marked)
        result.both += len(aside & marked)
        heads = _heads(text, [(a.start, a.end) for a in found[file] if a.kind == "dateline"])
        for row, (at, _) in zip(head_rows, spans, strict=True):
            result.datelines += 1
            line = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", line)
            whole = text[line : line_end if line_end >= 0 else len(text)].strip()
            # Pieces marked that make the whole line (a date mark and a headline) are
            # found where the tool set the whole line apart.
            hit = (line in heads and heads[line] == marked_heads[line]) or (
                marked_heads[line] == whole and whole in aside
            )
            result.datelines_found += hit
            if show and not hit:
                print(f"  {story.name}/{file}: dateline missed: {row['text']!r}")
        if show:
            for line in sorted(aside - marked):
                print(f"  {story.name}/{file}: set apart, but story: {line[:100]!r}")
            for line in sorted(marked - aside):
                print(f"  {story.name}/{file}: missed: {line[:100]!r}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heldout", action="store_true")
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args()
    total = Score()
    for story in stories(args.heldout):
        s = score(story, args.show)
        total.add(s)
        print(
            f"{story.name:36} precision {s.precision:.2f} recall {s.recall:.2f} "
            f"({s.both}/{s.found} found, {s.both}/{s.marked} marked); datelines "
            f"{s.datelines_found}/{s.datelines}"
        )
    print(
        f"{'overall':36} precision {total.precision:.2f} recall {total.recall:.2f}; "
        f"datelines {total.datelines_found}/{total.datelines}"
    )


if __name__ == "__main__":
    main()
