"""Discrepancies found on the real stories, against what reading marked: precision and recall
per story and overall, whether each true suggestion names the expected form, and the kind.

    .venv/bin/python benchmarks/discovery_bench.py [--heldout] [--show]

Each story is built as an editor would start it: its versions in seeds/, a fact file that
names them (URL, publisher, what each derives from, which is the original) and nothing
else: no entity, fact or correction. How a suggestion is matched with an annotation is
written in tests/fixtures/real/README.md (decided before the tool first ran on them).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from realstories import Story, stories  # noqa: E402

from briefing import pipeline  # noqa: E402
from briefing.render.suggest import suggestions  # noqa: E402

EXTRA_WORDS = 4  # an expected form may hold this many words more than the annotation's


def version_id(file: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", Path(file).stem.lower()).strip("-") or "version"


def write_project(story: Story, folder: Path) -> None:
    """The story as a brief project: its versions and a fact file naming them."""
    (folder / "seeds").mkdir(parents=True)
    sources: dict[str, Any] = {}
    for version in story.meta["versions"]:
        key = version_id(version["file"])
        (folder / "seeds" / f"{key}.txt").write_text(story.texts[version["file"]], "utf-8")
        entry: dict[str, Any] = {
            "kind": "version",
            "file": f"{key}.txt",
            "title": version.get("publisher") or key,
            "label": version.get("publisher") or key,
        }
        for name in ("publisher", "url"):
            if version.get(name):
                entry[name] = version[name]
        if version.get("derived_from") in story.texts:
            entry["derived_from"] = version_id(version["derived_from"])
        if version["file"] == story.reference:
            entry["reference"] = True
        if version.get("truncated"):
            entry["partial"] = True  # the store kept only the page's start
        sources[key] = entry
    facts = {
        "brief": {
            "title": story.meta["title"],
            # (A story its reader could date to the month only starts on its first day.)
            "date": f"{story.meta['date']}-01"[:10],
            "summary": story.meta["title"],
        },
        "sources": sources,
    }
    (folder / "facts.yaml").write_text(
        yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), "utf-8"
    )


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"\w+", folded)


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    found, at = [], text.find(needle)
    while at >= 0 and needle:
        found.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return found


@dataclass
class Score:
    suggestions: int = 0
    annotations: int = 0
    matched: int = 0  # suggestions that match an annotation (each annotation once)
    expected_right: int = 0
    pasted_right: int = 0  # its forms, pasted into the annotated passage, give the expected
    kind_agrees: int = 0
    likely: int = 0  # suggestions of confidence LIKELY or more
    likely_matched: int = 0
    out_of_scope: int = 0  # annotations on versions in another language
    misses: list[str] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    hits: list[str] = field(default_factory=list)  # true suggestions, with their annotation

    def add(self, other: Score) -> None:
        for name in (
            "suggestions",
            "annotations",
            "matched",
            "expected_right",
            "pasted_right",
            "kind_agrees",
            "likely",
            "likely_matched",
            "out_of_scope",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.noise += other.noise
        self.hits += other.hits

    @property
    def precision(self) -> float:
        return self.matched / self.suggestions if self.suggestions else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.annotations if self.annotations else 1.0


def _expected_right(annotation: dict[str, str], suggestion: dict[str, Any]) -> bool:
    if annotation["kind"] == "addition":
        return not suggestion.get("expected")
    wanted = _words(annotation["expected"])
    given = _words(suggestion.get("right_form") or suggestion.get("expected") or "")
    plain = _words(suggestion.get("expected") or "")
    return any(
        set(wanted) <= set(form) and len(form) <= len(wanted) + EXTRA_WORDS
        for form in (given, plain)
        if form
    )


def _replaced(words: list[str], old: list[str], new: list[str]) -> list[str] | None:
    for k in range(len(words) - len(old) + 1):
        if old and words[k : k + len(old)] == old:
            return words[:k] + new + words[k + len(old) :]
    return None


def _pasted_right(annotation: dict[str, str], suggestion: dict[str, Any]) -> bool:
    """Whether the suggestion's correction, pasted, gives the annotation's expected text:
    its wrong form replaced by its right form inside the annotated passage (or the
    annotation's inside the suggestion's, where the suggestion's is the longer)."""
    if annotation["kind"] == "addition":
        return not suggestion.get("expected")
    found, expected = _words(annotation["found"]), _words(annotation["expected"])
    for wrong, right in (
        (suggestion.get("wrong_form"), suggestion.get("right_form")),
        (suggestion.get("found"), suggestion.get("expected")),
    ):
        mine, theirs = _words(wrong or ""), _words(right or "")
        if not mine or not theirs:
            continue
        if _replaced(found, mine, theirs) == expected or _replaced(mine, found, expected) == theirs:
            return True
    return False


LIKELY = 0.8  # the confidence an editor short of time might read from (--min-confidence)


def score(story: Story) -> Score:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_project(story, folder)
        result = pipeline.check(folder / "facts.yaml", folder / "seeds")
        found = suggestions(result.project, result.analysis, everything=True)
        other_language = set(result.analysis.other_language)
    reference = version_id(story.reference)
    by_file = {version_id(f): f for f in story.texts}
    s = Score()
    annotations = [a for a in story.annotations]
    in_scope = [a for a in annotations if version_id(a["file"]) not in other_language]
    s.out_of_scope = len(annotations) - len(in_scope)
    s.annotations = len(in_scope)
    taken: set[int] = set()
    for item in found:
        if item["source"] == reference:
            continue
        s.suggestions += 1
        likely = item["confidence"] >= LIKELY
        s.likely += likely
        text = story.texts[by_file[item["source"]]]
        places = [(p["start"], max(p["end"], p["start"] + 1)) for p in item["places"]]
        match = None
        for n, annotation in enumerate(in_scope):
            if n in taken or version_id(annotation["file"]) != item["source"]:
                continue
            marked = _spans(text, annotation["found"])
            if any(a < end and start < b for a, b in marked for start, end in places):
                match = n
                break
        if match is None:
            s.noise.append(
                f"{story.name}/{item['source']}: {item['kind']} "
                f"{item['found']!r} -> {item['expected']!r}"
            )
            continue
        taken.add(match)
        s.matched += 1
        s.likely_matched += likely
        annotation = in_scope[match]
        expected_right = _expected_right(annotation, item)
        pasted_right = _pasted_right(annotation, item)
        s.expected_right += expected_right
        s.pasted_right += pasted_right
        s.kind_agrees += item["kind"] == annotation["kind"]
        s.hits.append(
            f"{'E' if expected_right else '-'}{'P' if pasted_right else '-'} "
            f"{story.name}/{item['source']}: {item['kind']} {item['found']!r} -> "
            f"{item['expected']!r} (marked {annotation['kind']} {annotation['found']!r} -> "
            f"{annotation['expected']!r})"
        )
    for n, annotation in enumerate(in_scope):
        if n not in taken:
            s.misses.append(
                f"{story.name}/{version_id(annotation['file'])}: "
                f"{annotation['kind']} {annotation['found']!r} -> "
                f"{annotation['expected']!r}"
            )
    return s


PLANTED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "planted"


def planted() -> Score:
    """The planted fixture (errors the team wrote into versions of its own text), scored
    the same way: each planted error an annotation at the one place its text occurs."""
    listed = yaml.safe_load((PLANTED / "planted.yaml").read_text("utf-8"))["errors"]
    result = pipeline.check(PLANTED / "facts.yaml", PLANTED / "seeds")
    found = suggestions(result.project, result.analysis)
    s = Score(suggestions=len(found), annotations=len(listed))
    taken: set[int] = set()
    for error in listed:
        text = (PLANTED / "seeds" / f"{error['version']}.txt").read_text("utf-8")
        start = text.index(error["found"])
        end = start + len(error["found"])
        hits = [
            k
            for k, item in enumerate(found)
            if item["source"] == error["version"]
            and any(
                p["start"] <= end and start <= max(p["end"], p["start"] + 1) for p in item["places"]
            )
        ]
        if not hits:
            s.misses.append(f"planted/{error['version']}: {error['kind']} {error['found']!r}")
            continue
        s.matched += 1
        taken.update(hits)
        item = found[hits[0]]
        s.expected_right += " ".join(_words(error["expected"])) in " ".join(
            _words(item["expected"] or "")
        )
        s.kind_agrees += item["kind"] == error["kind"]
    # A suggestion on a planted error is true, however many there are on it.
    s.suggestions = len(found) - (len(taken) - s.matched)
    s.noise = [
        f"planted/{found[k]['source']}: {found[k]['found']!r}"
        for k in range(len(found))
        if k not in taken
    ]
    return s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heldout", action="store_true")
    parser.add_argument("--show", action="store_true", help="list every miss and noise")
    parser.add_argument("--hits", action="store_true", help="list every true suggestion")
    args = parser.parse_args()
    total = Score()
    for story in stories(args.heldout):
        s = score(story)
        total.add(s)
        print(
            f"{story.name:36} precision {s.precision:.2f} recall {s.recall:.2f} "
            f"({s.matched} of {s.suggestions} suggestions, of {s.annotations} marked; "
            f"expected form right {s.expected_right} (pasted {s.pasted_right}), "
            f"kind {s.kind_agrees}"
            + (f"; {s.out_of_scope} in another language" if s.out_of_scope else "")
            + ")"
        )
        if args.show:
            for line in s.misses:
                print(f"    missed  {line}")
            for line in s.noise:
                print(f"    noise   {line}")
        if args.hits:
            for line in s.hits:
                print(f"    found   {line}")
    fixture = planted()
    print(
        f"{'planted (written by the team)':36} {fixture.matched} of {fixture.annotations} found, "
        f"{len(fixture.noise)} other suggestions; expected form named "
        f"{fixture.expected_right}, kind {fixture.kind_agrees}"
    )
    print(
        f"{'overall':36} precision {total.precision:.2f} recall {total.recall:.2f} "
        f"({total.matched} of {total.suggestions}, of {total.annotations}; expected form "
        f"right {total.expected_right} of {total.matched}, pasted right "
        f"{total.pasted_right}; kind {total.kind_agrees})"
    )
    print(
        f"{'at confidence ' + str(LIKELY) + ' or more':36} precision "
        f"{total.likely_matched / max(total.likely, 1):.2f} "
        f"({total.likely_matched} of {total.likely})"
    )


if __name__ == "__main__":
    main()
