"""A digest of everything the check derives, to show that a change kept results identical.

    .venv/bin/python benchmarks/digest.py            # the flagship, the planted fixtures,
                                                     # the test roots and four corpora

For each brief it prints one line: the brief and a SHA-256 over the alignment's rows, the
machine-readable brief (sources, verdicts, scorecard, mentions), every discrepancy as
`briefing suggest --json --all` lists it, the problems, and every generated page. Run it
before and after a change and compare the lines; ``--parts`` prints a digest per part, to
see which one moved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from corpus import write_corpus  # noqa: E402

from briefing import pipeline  # noqa: E402

CORPORA = {
    "corpus-3x20x10": (3, 20, 10),
    "corpus-10x30x40": (10, 30, 40),
    "corpus-30x40x100": (30, 40, 100),
    "corpus-100x100x1000": (100, 100, 1000),
}


def _suggestions(result: pipeline.Result) -> list[dict[str, Any]]:
    try:
        from briefing.render import suggest
    except ImportError:
        from briefing import suggest  # type: ignore[no-redef]
    return suggest.items(result.project, result.analysis, everything=True)


def _export(result: pipeline.Result) -> dict[str, Any]:
    try:
        from briefing.render.export import brief_data
    except ImportError:
        from briefing.export import brief_data  # type: ignore[no-redef]
    return brief_data(result.project, result.analysis)


def _pages(result: pipeline.Result) -> dict[str, str]:
    try:
        from briefing.render import render_pages
    except ImportError:
        return pipeline.pages(result, None)  # type: ignore[attr-defined]
    return render_pages(result.project, result.analysis, None)


def parts(facts: Path, seeds: Path) -> dict[str, str]:
    result = pipeline.check(facts, seeds)
    rows = [
        sorted((v, list(c)) for v, c in row.cells.items()) for row in result.analysis.alignment.rows
    ]
    found = {
        "rows": rows,
        "brief": _export(result),
        "discrepancies": _suggestions(result),
        "problems": [str(p) for p in result.problems],
        "pages": _pages(result),
    }
    return {
        key: hashlib.sha256(
            json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()
        ).hexdigest()[:16]
        for key, value in found.items()
    }


def briefs(work: Path, large: bool) -> dict[str, tuple[Path, Path]]:
    found = {
        "flagship": (ROOT / "docs" / "facts.yaml", ROOT / "seeds"),
        "planted": (
            ROOT / "tests" / "fixtures" / "planted" / "facts.yaml",
            ROOT / "tests" / "fixtures" / "planted" / "seeds",
        ),
    }
    for root in sorted((ROOT / "tests" / "roots").glob("test-*")):
        if (root / "facts.yaml").is_file():
            found[root.name] = (root / "facts.yaml", root / "seeds")
    for name, (versions, paragraphs, corrections) in CORPORA.items():
        if versions >= 100 and not large:
            continue
        folder = work / name
        if not folder.exists():
            write_corpus(folder, versions=versions, paragraphs=paragraphs, corrections=corrections)
        found[name] = (folder / "docs" / "facts.yaml", folder / "seeds")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", action="store_true", help="a digest per part")
    parser.add_argument("--no-large", action="store_true", help="skip the 100-version corpus")
    args = parser.parse_args()
    os.environ.setdefault("BRIEFING_JOBS", "1")
    work = ROOT / "benchmarks" / "_work" / "digest"
    for name, (facts, seeds) in briefs(work, not args.no_large).items():
        digests = parts(facts, seeds)
        whole = hashlib.sha256("".join(digests.values()).encode()).hexdigest()[:16]
        detail = "  " + " ".join(f"{k}={v}" for k, v in digests.items()) if args.parts else ""
        print(f"{name:24} {whole}{detail}", flush=True)


if __name__ == "__main__":
    main()
