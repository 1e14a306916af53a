"""The real stories' section of RESULTS.md: page furniture and discrepancies found on the
development corpus (tests/fixtures/real/), per story and overall, with the planted
fixture's figures beside them. The held-out stories are not measured here: they are read
once, for a release (``discovery_bench.py --heldout``, ``furniture_bench.py --heldout``).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import discovery_bench
import furniture_bench
from realstories import stories


def measure_real() -> dict[str, Any]:
    rows = []
    for story in stories():
        furniture = furniture_bench.score(story)
        found = discovery_bench.score(story)
        rows.append(
            {
                "story": story.name,
                "versions": len(story.texts),
                "furniture": {**vars(furniture), "P": furniture.precision, "R": furniture.recall},
                "discovery": {
                    **{k: v for k, v in vars(found).items() if k not in ("misses", "noise")},
                    "P": found.precision,
                    "R": found.recall,
                    "misses": found.misses,
                    "noise": found.noise,
                },
            }
        )
    fixture = discovery_bench.planted()
    planted = {k: v for k, v in vars(fixture).items()}
    commit = subprocess.run(
        ["git", "-C", str(Path(__file__).parent), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    when = dt.datetime.now().isoformat(timespec="minutes")
    return {"stories": rows, "planted": planted, "commit": commit, "date": when}


def _total(rows: list[dict[str, Any]], part: str, *names: str) -> dict[str, int]:
    return {n: sum(r[part][n] for r in rows) for n in names}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def real_report(real: dict[str, Any]) -> list[str]:
    rows = real["stories"]
    lines = [
        "## 7. Real stories",
        "",
        "The development corpus (`tests/fixtures/real/`): real published versions of "
        f"{len(rows)} stories, saved as published with their page furniture, their "
        "furniture and discrepancies marked by reading before the tool ran on them "
        "(`tests/fixtures/real/README.md` says how, and how a suggestion is matched). "
        "Each story is started as an editor starts one: its versions and a fact file "
        "naming them (`partial: true` on a version the store kept only the start of), "
        "nothing else. Annotations on versions in another language than the "
        "story's original are out of scope (not compared). Measured at commit "
        f"`{real.get('commit', '?')}` on {real.get('date', '?')}.",
        "",
        "| story | versions | furniture P | furniture R | datelines | suggestions | "
        "marked | true | discovery P | discovery R | expected form | pasted right |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        f, d = r["furniture"], r["discovery"]
        lines.append(
            f"| {r['story']} | {r['versions']} | {f['P']:.2f} | {f['R']:.2f} | "
            f"{f['datelines_found']}/{f['datelines']} | {d['suggestions']} | "
            f"{d['annotations']}"
            + (f" (+{d['out_of_scope']})" if d["out_of_scope"] else "")
            + f" | {d['matched']} | {d['P']:.2f} | {d['R']:.2f} | "
            f"{d['expected_right']} | {d['pasted_right']} |"
        )
    f = _total(rows, "furniture", "found", "marked", "both", "datelines", "datelines_found")
    d = _total(
        rows, "discovery", "suggestions", "annotations", "matched", "expected_right",
        "pasted_right", "out_of_scope", "likely", "likely_matched",
    )  # fmt: skip
    below = [
        r["story"]
        for r in rows
        if r["discovery"]["annotations"] and min(r["discovery"]["P"], r["discovery"]["R"]) < 0.6
    ]
    p = real["planted"]
    lines += [
        f"| **overall** | {sum(r['versions'] for r in rows)} | {_ratio(f['both'], f['found'])} "
        f"| {_ratio(f['both'], f['marked'])} | {f['datelines_found']}/{f['datelines']} | "
        f"{d['suggestions']} | {d['annotations']} (+{d['out_of_scope']}) | {d['matched']} | "
        f"{_ratio(d['matched'], d['suggestions'])} | {_ratio(d['matched'], d['annotations'])} "
        f"| {d['expected_right']} | {d['pasted_right']} |",
        "",
        "*true*: suggestions that match a marked discrepancy; *expected form*: of those, "
        "the ones whose expected form holds every word of the marked one (the measure "
        "decided before the first run); *pasted right*: the ones whose correction, pasted "
        "into the marked passage, gives the marked expected text.",
        "",
        f"At confidence {discovery_bench.LIKELY} or more (`suggest --min-confidence "
        f"{discovery_bench.LIKELY}`): {d['likely']} suggestions, {d['likely_matched']} true "
        f"(precision {_ratio(d['likely_matched'], d['likely'])}).",
        "",
        f"Planted fixture (errors the team wrote into its own text, for the mechanisms): "
        f"{p['matched']} of {p['annotations']} found, with the expected form named for "
        f"{p['expected_right']} and the kind agreeing for {p['kind_agrees']}; "
        f"{len(p['noise'])} other suggestion(s).",
        "",
        "Targets (issue 13): precision and recall of 0.8 overall and no story below 0.6 on "
        f"either. Overall precision {_ratio(d['matched'], d['suggestions'])} and recall "
        f"{_ratio(d['matched'], d['annotations'])}; stories below 0.6 on either: "
        + (", ".join(below) if below else "none")
        + ". What each story's misses and noise are: `results/results.json` (`real`), or "
        "`benchmarks/discovery_bench.py --show`.",
        "",
    ]
    return lines
