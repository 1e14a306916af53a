"""The benchmark harness: ``.venv/bin/python benchmarks/run.py`` (or ``make bench``).

Measures, in one run on this machine, and writes ``benchmarks/RESULTS.md`` with a plot
(``benchmarks/results/check.svg``) and the raw figures (``benchmarks/results/results.json``):

1. ``briefing check`` (``briefing.pipeline.check`` in a fresh process per run, the least
   of three runs per point): time, the share of sentence alignment, and peak memory, over
   versions, paragraphs and corrections; the fitted exponent of time against text size.
2. The generator's overhead: a full HTML build against a build of the same generated
   pages with ``briefing_generate = False``.
3. Incremental builds: what a rebuild with nothing changed, and one after editing one
   fact's claim, re-reads and rewrites.
4. ``-j 2`` against ``-j 1``.
5. The flagship's PDF build: time and pages.

Corpora are written by :mod:`corpus` under ``benchmarks/_work/`` (git-ignored).
``--quick`` runs a smaller grid (a few minutes, most of them Sphinx builds) to try the
harness out; ``--report-only`` writes RESULTS.md again from ``results/results.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "_work"
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from realreport import measure_real, real_report  # noqa: E402
from svgplot import loglog  # noqa: E402

PYTHON = sys.executable

# (versions, paragraphs, corrections) per series; the target point is measured alone.
# Each sweep doubles (about) one dimension. "text" grows the versions with the fact file
# fixed; "paragraphs" grows the fact file with them (4 corrections per paragraph, and
# entities alike), as a longer story names more people.
FULL_GRID = {
    "versions": [(n, 20, 80) for n in (2, 5, 10, 20, 50, 100, 200)],
    "text": [(3, m, 100) for m in (25, 50, 100, 200, 500)],
    "paragraphs": [(3, m, 4 * m) for m in (25, 50, 100, 200, 500)],
    "corrections": [(3, 200, k) for k in (250, 500, 1000, 2000)],
    "target": [(100, 100, 1000)],
}
QUICK_GRID = {
    "versions": [(n, 20, 80) for n in (2, 5, 10)],
    "text": [(2, m, 40) for m in (20, 40)],
    "paragraphs": [(2, m, 4 * m) for m in (20, 40)],
    "corrections": [(2, 40, k) for k in (40, 160)],
    "target": [(10, 50, 200)],
}
SPHINX_CORPUS = {"versions": 6, "paragraphs": 25, "corrections": 100}
TARGET = {"seconds": 2.0, "megabytes": 500.0, "overhead": 0.10}
CHECK_REPEATS = 3  # runs of each check point; the least is reported


# -- 1. briefing check ---------------------------------------------------------------

CHILD = r"""
import json, os, resource, sys, tempfile, time
from pathlib import Path
from briefing import analysis, pipeline
from briefing.analysis import parallel
root = Path(sys.argv[1])
spent = {}
def timed(name, function):
    spent[name] = 0.0
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start
    return wrapper
jobs = parallel.jobs_from_environment()  # as the command line runs the check
if jobs < 2 or not parallel.available():
    # The phases, timed by wrapping the functions that analyse() looks up at call time
    # (in one process only: in two, some run in the other).
    pipeline.load_project = timed("load", pipeline.load_project)
    for phase, name in (("align", "align_versions"), ("verdicts", "verdicts_of"),
                        ("mentions", "all_mentions"), ("discrepancies", "find_discrepancies")):
        setattr(analysis, name, timed(phase, getattr(analysis, name)))
# A second process's own memory (pages it no longer shares with this one), when its work
# is done: the most the two hold together is this process's peak plus that.
private = tempfile.NamedTemporaryFile("r", suffix=".txt")
run_there = parallel._run
def measured(work, sender):
    def work_and_measure():
        found = work()
        fields = dict(line.split(":")[0:2] for line in open("/proc/self/smaps_rollup")
                      if line.count(":") == 1)
        kb = sum(int(fields[k].split()[0]) for k in ("Private_Clean", "Private_Dirty"))
        with open(private.name, "a") as out:
            out.write(f"{kb / 1024}\n")
        return found
    run_there(work_and_measure, sender)
parallel._run = measured
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, cpu_start = time.perf_counter(), time.process_time()
result = pipeline.check(root / "docs" / "facts.yaml", root / "seeds", jobs=jobs, pause_gc=True)
total, cpu = time.perf_counter() - start, time.process_time() - cpu_start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN)
others = [float(line) for line in open(private.name)]
print(json.dumps({"seconds": total, "cpu": cpu + children.ru_utime + children.ru_stime,
                  "processes": 1 + bool(others), **spent, "peak_mb": peak / 1024,
                  "other_mb": max(others, default=0.0), "base_mb": base / 1024,
                  "entities": len(result.project.entities), "problems": len(result.problems),
                  "sentences": sum(len(v.document.sentences()) for v in result.project.versions)}))
"""


def measure_check(
    versions: int,
    paragraphs: int,
    corrections: int,
    timeout: float,
    repeats: int = CHECK_REPEATS,
    processes: int = 1,
) -> dict[str, Any]:
    """The least time of ``repeats`` checks, each in a fresh process (other work on the
    machine only ever adds time), with every run's time: CPU time in one process, wall
    time when the check may use a second (``processes=2``, what ``briefing`` does on a
    machine with two cores)."""
    folder = WORK / f"check-{versions}x{paragraphs}x{corrections}"
    write_corpus(folder, versions=versions, paragraphs=paragraphs, corrections=corrections)
    chars = sum(len(p.read_text("utf-8")) for p in (folder / "seeds").iterdir())
    row: dict[str, Any] = {
        "versions": versions,
        "paragraphs": paragraphs,
        "corrections": corrections,
        "chars": chars,
    }
    runs = []
    environment = dict(os.environ)
    environment.pop("BRIEFING_JOBS", None)
    if processes == 1:
        environment["BRIEFING_JOBS"] = "1"
    measure = "cpu" if processes == 1 else "seconds"
    for _ in range(repeats):
        try:
            done = subprocess.run(
                [PYTHON, "-c", CHILD, str(folder)],
                env=environment,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            row["timeout"] = timeout
            return row
        if done.returncode != 0:
            raise RuntimeError(f"check of {folder} failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    row.update(min(runs, key=lambda run: run[measure]))
    row["runs"] = [run[measure] for run in runs]
    row["measure"] = measure
    if row["problems"]:
        raise RuntimeError(f"the synthetic corpus {folder} has {row['problems']} problems")
    return row


def exponent(rows: list[dict[str, Any]], key: str = "cpu", size: str = "chars") -> float | None:
    """The least-squares slope of log(time) against log(size)."""
    points = [
        (math.log(r[size]), math.log(r[key]))
        for r in rows
        if r.get(key) and r[key] > 0 and "timeout" not in r
    ]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


# -- 2-4. Sphinx builds ---------------------------------------------------------------


class Timed:
    """Wall time and CPU time (user + system, of the child processes) of one command."""

    def __init__(self, args: list[str], env: dict[str, str] | None = None) -> None:
        before = os.times()
        start = time.perf_counter()
        self.done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
        self.wall = time.perf_counter() - start
        after = os.times()
        self.cpu = (
            after.children_user
            - before.children_user
            + after.children_system
            - before.children_system
        )


def sphinx(project: Path, out: Path, *extra: str, probe: Path | None = None) -> Timed:
    """One sphinx-build of ``project`` into ``out``, with the probe extension loaded (the
    same extensions in every build, so that none looks like a configuration change)."""
    env = dict(os.environ, PYTHONPATH=str(HERE))
    env.pop("BRIEFING_PROBE", None)
    if probe is not None:
        env["BRIEFING_PROBE"] = str(probe)
    args = [
        PYTHON,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-c",
        str(project),
        str(project / "docs"),
        str(out / "html"),
        "-d",
        str(out / "doctrees"),
        "-D",
        "extensions=myst_parser,briefing,probe",
        *extra,
    ]
    run = Timed(args, env)
    if run.done.returncode != 0 or run.done.stderr.strip():
        raise RuntimeError(f"sphinx-build {' '.join(extra)} on {project}:\n{run.done.stderr}")
    return run


def mtimes(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()
    }


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(k for k, v in after.items() if before.get(k) != v)


def citing(project: Path, fact: str) -> list[str]:
    """Documents whose source names ``fact``: the pages that show or cite it."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(fact)}(?![\w-])")
    docs = project / "docs"
    return sorted(
        str(p.relative_to(docs).with_suffix(""))
        for p in docs.rglob("*.md")
        if pattern.search(p.read_text("utf-8"))
    )


def measure_sphinx(repeats: int) -> dict[str, Any]:
    base = WORK / "sphinx"
    if base.exists():
        shutil.rmtree(base)
    project = write_corpus(base / "project", **SPHINX_CORPUS)
    pages = 7 + SPHINX_CORPUS["versions"]
    result: dict[str, Any] = {"corpus": SPHINX_CORPUS, "pages": pages}

    # Generation overhead: full builds with the generator, and of the same generated
    # pages with it switched off; the best of a few runs, since the machine is shared.
    # Each build also reports, through the probe, the CPU time of the extension's own
    # event handlers in it: the share that a plain build does not spend is measured
    # within one process, free of what else the machine does between two builds.
    full: list[Timed] = []
    plain: list[Timed] = []
    inside: list[float] = []  # per full build: the extension's extra CPU / the rest
    for n in range(repeats):
        full.append(sphinx(project, base / f"full-{n}", probe=base / "full.json"))
        copy = base / f"plain-{n}"
        if not copy.exists():
            shutil.copytree(project, copy)
        plain.append(
            sphinx(
                copy,
                base / f"plain-out-{n}",
                "-D",
                "briefing_generate=0",
                probe=base / "plain.json",
            )
        )
        mine, theirs = (json.loads((base / f"{k}.json").read_text()) for k in ("full", "plain"))
        extra = sum(mine["handlers"].values()) - sum(theirs["handlers"].values())
        inside.append(extra / (mine["cpu"] - extra))
    gen = _generation_seconds(project)
    # The least of each: what else runs on the machine only ever adds time.
    full_cpu, plain_cpu = min(r.cpu for r in full), min(r.cpu for r in plain)
    full_wall, plain_wall = min(r.wall for r in full), min(r.wall for r in plain)
    result["overhead"] = {
        "full_wall": [r.wall for r in full],
        "full_cpu": [r.cpu for r in full],
        "plain_wall": [r.wall for r in plain],
        "plain_cpu": [r.cpu for r in plain],
        "generation": gen,
        "ratio": (full_cpu - plain_cpu) / plain_cpu,
        "ratio_wall": (full_wall - plain_wall) / plain_wall,
        "ratio_alone": (gen["check"] + gen["render"]) / plain_cpu,
        "ratio_inside": inside,
    }

    # Incremental: rebuild the first full build with nothing changed, then edit facts.
    out = base / "full-0"
    generated = project / "docs" / "_generated"
    steps: list[dict[str, Any]] = []

    def step(name: str, fact: str | None) -> None:
        pages_before, html_before = mtimes(generated), mtimes(out / "html")
        probe = base / "probe.json"
        run = sphinx(project, out, probe=probe)
        seen = json.loads(probe.read_text())
        steps.append(
            {
                "step": name,
                "seconds": run.wall,
                "cpu": run.cpu,
                "read": seen["read"],
                "written": seen["written"],
                "generated_rewritten": changed(pages_before, mtimes(generated)),
                "html_files_changed": changed(html_before, mtimes(out / "html")),
                "citing": citing(project, fact) if fact else [],
            }
        )

    step("no change", None)
    facts = project / "docs" / "facts.yaml"
    for fact in ("fact-1", "fact-20"):
        number = fact.split("-")[1]
        text = facts.read_text("utf-8")
        facts.write_text(
            text.replace(f"Claim {number}: ", f"Claim {number} (edited): ", 1), "utf-8"
        )
        step(f"claim of {fact} edited", fact)
    step("no change again", None)
    result["incremental"] = steps

    # Parallel: fresh builds of one more copy, -j 1 and -j 2 alternately.
    serial: list[float] = []
    parallel: list[float] = []
    for n in range(repeats):
        for jobs, times in (("1", serial), ("2", parallel)):
            copy = base / f"jobs-{jobs}-{n}"
            shutil.copytree(project, copy, ignore=shutil.ignore_patterns("_generated"))
            times.append(sphinx(copy, copy / "_build", "-j", jobs).wall)
    same = _same_json(base / "jobs-1-0" / "_build", base / "jobs-2-0" / "_build")
    result["parallel"] = {
        "j1": serial,
        "j2": parallel,
        "ratio": min(parallel) / min(serial),
        "same_json": same,
        "read": _read_times(base / "jobs-1-0"),
    }
    return result


READ_TIMES = r"""
import io, json, sys, time
from sphinx.application import Sphinx
project, out = sys.argv[1], sys.argv[2]
spent, started = {}, {}
app = Sphinx(project + "/docs", project, out + "/html", out + "/doctrees", "html",
             status=io.StringIO(), warning=io.StringIO())
app.connect("source-read", lambda app, doc, text: started.__setitem__(doc, time.process_time()))
app.connect("doctree-read", lambda app, tree: spent.__setitem__(
    app.env.docname, time.process_time() - started[app.env.docname]))
app.build()
print(json.dumps(spent))
"""


def _read_times(project: Path) -> dict[str, float]:
    """CPU seconds Sphinx spends reading each document, in a fresh serial build."""
    out = project.parent / (project.name + "-read")
    done = subprocess.run(
        [PYTHON, "-c", READ_TIMES, str(project), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _chunks(names: list[str], parts: int) -> list[list[str]]:
    """How Sphinx (``sphinx.util.parallel.make_chunks``) shares documents among processes."""
    from sphinx.util.parallel import make_chunks

    return [list(chunk) for chunk in make_chunks(sorted(names), parts)]


def _generation_seconds(project: Path) -> dict[str, float]:
    """The generator alone, as builder-inited runs it: CPU seconds of check and render."""
    code = (
        "import sys, time; from pathlib import Path; from briefing import pipeline;"
        "from briefing.render import render_pages;"
        "p = Path(sys.argv[1]); s = time.process_time();"
        "r = pipeline.check(p / 'docs/facts.yaml', p / 'seeds'); c = time.process_time();"
        "render_pages(r.project, r.analysis, p / 'templates'); e = time.process_time();"
        "print(c - s, e - c)"
    )
    done = subprocess.run(
        [PYTHON, "-c", code, str(project)], capture_output=True, text=True, check=True
    )
    check, render = map(float, done.stdout.split())
    return {"check": check, "render": render}


def _same_json(a: Path, b: Path) -> bool:
    return (a / "html" / "briefing.json").read_bytes() == (
        b / "html" / "briefing.json"
    ).read_bytes()


# -- 5. the flagship PDF --------------------------------------------------------------


def measure_pdf() -> dict[str, Any]:
    if shutil.which("xelatex") is None or shutil.which("latexmk") is None:
        return {"skipped": "xelatex or latexmk is not installed"}
    copy = WORK / "flagship"
    if copy.exists():
        shutil.rmtree(copy)
    copy.mkdir(parents=True)
    shutil.copy2(REPO / "conf.py", copy / "conf.py")
    for folder in ("seeds", "templates"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, copy / folder)
    shutil.copytree(
        REPO / "docs", copy / "docs", ignore=shutil.ignore_patterns("_generated", "_build")
    )
    start = time.perf_counter()
    done = subprocess.run(
        [
            str(Path(PYTHON).parent / "briefing"),
            "build",
            "--no-html",
            "-q",
            "--project",
            str(copy),
            "--output",
            str(copy / "_build"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    pdfs = sorted((copy / "_build" / "pdf").glob("*.pdf"))
    if done.returncode != 0 or not pdfs:
        return {"failed": (done.stderr or done.stdout)[-2000:], "seconds": seconds}
    from pypdf import PdfReader

    return {
        "seconds": seconds,
        "pages": len(PdfReader(pdfs[0]).pages),
        "file": pdfs[0].name,
        "bytes": pdfs[0].stat().st_size,
    }


# -- the report -----------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small grid, to try it out")
    parser.add_argument(
        "--timeout",
        type=float,
        default=420.0,
        help="seconds allowed for one check point (default 420)",
    )
    parser.add_argument("--no-sphinx", action="store_true", help="skip the Sphinx builds")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF build")
    parser.add_argument(
        "--real-only",
        action="store_true",
        help="measure the real stories only, keeping the other figures of results.json",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=HERE,
        help="where RESULTS.md and results/ go (default: benchmarks/)",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="write RESULTS.md again from results/results.json",
    )
    args = parser.parse_args()
    results = args.output / "results"
    if args.report_only:
        _write(json.loads((results / "results.json").read_text("utf-8")), args.output)
        return
    if args.real_only:
        data = json.loads((results / "results.json").read_text("utf-8"))
        data["real"] = measure_real()
        (results / "results.json").write_text(json.dumps(data, indent=1) + "\n", "utf-8")
        _write(data, args.output)
        return
    grid = QUICK_GRID if args.quick else FULL_GRID
    WORK.mkdir(exist_ok=True)
    started = time.perf_counter()
    data: dict[str, Any] = {
        "machine": _machine(),
        "grid": "quick" if args.quick else "full",
        "check_repeats": CHECK_REPEATS,
    }

    data["check"] = {}
    for series, points in grid.items():
        data["check"][series] = []
        for versions, paragraphs, corrections in points:
            row = measure_check(versions, paragraphs, corrections, args.timeout)
            data["check"][series].append(row)
            print(
                f"check {series:11} N={versions:3} M={paragraphs:3} K={corrections:4}: "
                + (
                    f"{row['seconds']:.2f} s (align {row['align']:.2f} s), {row['peak_mb']:.0f} MB"
                    if "seconds" in row
                    else "timed out"
                ),
                flush=True,
            )
    target = grid["target"][0]
    data["check_two"] = measure_check(*target, args.timeout, processes=2)
    two = data["check_two"]
    print(
        f"check target, two processes: {two['seconds']:.2f} s wall, {two['cpu']:.2f} s CPU, "
        f"{two['peak_mb']:.0f} + {two['other_mb']:.0f} MB",
        flush=True,
    )
    if not args.no_sphinx:
        data["sphinx"] = measure_sphinx(repeats=5)
        print(
            "sphinx:",
            json.dumps({k: v for k, v in data["sphinx"].items() if k != "incremental"}),
            flush=True,
        )
    if not args.no_pdf:
        data["pdf"] = measure_pdf()
        print("pdf:", data["pdf"], flush=True)
    data["real"] = measure_real()
    print("real stories: measured", flush=True)
    data["machine"]["load_after"] = os.getloadavg()
    data["machine"]["harness_seconds"] = time.perf_counter() - started

    results.mkdir(parents=True, exist_ok=True)
    (results / "results.json").write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    _write(data, args.output)


def _write(data: dict[str, Any], output: Path) -> None:
    (output / "results" / "check.svg").write_text(_plot(data["check"]), "utf-8")
    (output / "RESULTS.md").write_text(_report(data), "utf-8")
    print(f"wrote {output / 'RESULTS.md'}")


def _machine() -> dict[str, Any]:
    import sphinx

    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": dt.datetime.now().isoformat(timespec="minutes"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sphinx": sphinx.__version__,
        "platform": platform.platform(),
        "commit": commit,
        "load_before": os.getloadavg(),
        "reference_loop": _reference_loop(),
    }


def _reference_loop() -> float:
    """CPU seconds of a fixed pure-Python loop, the least of three: the same machine can be
    several times slower on another day (shared hosts), so runs of different days compare
    by their times over this one, not by seconds."""
    times = []
    for _ in range(3):
        start, total = time.process_time(), 0
        for n in range(10_000_000):
            total += n
        times.append(time.process_time() - start)
    return min(times)


def _plot(check: dict[str, list[dict[str, Any]]]) -> str:
    def points(series: str, key: str) -> list[tuple[float, float]]:
        return [
            (r["chars"], r[key] if key != "rest" else r["cpu"] - r["align"])
            for r in check.get(series, [])
            if "cpu" in r
        ]

    first = {s: check[s][0] for s in ("versions", "paragraphs") if check.get(s)}
    label = {
        s: f"N={r['versions']}" if s == "paragraphs" else f"M={r['paragraphs']}"
        for s, r in first.items()
    }
    return loglog(
        [
            (f"versions N ({label.get('versions', '')})", "#1f77b4", points("versions", "cpu")),
            (
                f"paragraphs M ({label.get('paragraphs', '')}, 4 corrections each)",
                "#d62728",
                points("paragraphs", "cpu"),
            ),
            ("text M (K fixed)", "#9467bd", points("text", "cpu")),
            ("N, without alignment", "#6baed6", points("versions", "rest")),
            ("M, without alignment", "#fc9272", points("paragraphs", "rest")),
            ("target point", "#2ca02c", points("target", "cpu")),
        ],
        "briefing check: CPU time against text size",
        "characters in all versions",
        "CPU seconds",
    )


def _fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _report(data: dict[str, Any]) -> str:
    m = data["machine"]
    check = data["check"]
    lines = [
        "# Benchmark results",
        "",
        f"One run of `.venv/bin/python benchmarks/run.py` ({data['grid']} grid) on "
        f"{m['date']}: {m['cpus']} cores, Python {m['python']}, Sphinx {m['sphinx']}, commit "
        f"`{m['commit']}`, load average {m['load_before'][0]:.1f} before and "
        f"{m['load_after'][0]:.1f} after (other work shares this machine); the harness took "
        f"{m['harness_seconds'] / 60:.1f} minutes"
        + (
            f"; a fixed pure-Python loop (10 M additions) took {m['reference_loop']:.2f} s of "
            "CPU, to compare runs of different days by (a shared host can be several times "
            "slower on one day than another)"
            if "reference_loop" in m
            else ""
        )
        + ". Raw figures: "
        "[results/results.json](results/results.json). What the profile showed and what "
        "changed: [PROFILE.md](PROFILE.md). The aligner against hunalign: "
        "[results/align.md](results/align.md).",
        "",
        "Corpora come from `benchmarks/corpus.py`: N versions of M paragraphs (3-5 "
        "sentences each) derived from one base text with rewording, misspelt names, garbled "
        "institutions, changed numbers, dropped, moved and truncated paragraphs; K "
        "corrections (45 % names, 30 % institutions, 25 % numbers; one whose right form "
        "every derived copy dropped is left out, at most 1 % of K), K/2 facts quoting the "
        "base, about 3K/4 entities.",
        "",
        "## 1. `briefing check`",
        "",
        "`briefing.pipeline.check` in a fresh process per run, "
        f"{data.get('check_repeats', 1)} runs per point; the run with the least CPU time is "
        "shown (other work on the machine only ever adds time). The table's runs keep the "
        "check in one process (`BRIEFING_JOBS=1`), so CPU time measures the work and its "
        "growth (on an idle machine wall time is the same; here other work shares the cores "
        "and wall time varies more); the phases are CPU seconds. The target point is also "
        "measured as `briefing` runs it on a machine with two cores, with a second process "
        "(below the table). Peak memory is the process's maximum resident set (the "
        "interpreter and imports alone take the *base*).",
        "",
        "| series | N | M | K | characters | sentences | wall (s) | CPU (s) | load | align "
        "| verdicts | mentions | discrepancies | other | peak MB (base) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for series, rows in check.items():
        for r in rows:
            if "timeout" in r:
                lines.append(
                    f"| {series} | {r['versions']} | {r['paragraphs']} | "
                    f"{r['corrections']} | {r['chars']:,} | – | > {r['timeout']:.0f} "
                    f"(stopped) |" + " – |" * 8
                )
                continue
            phases = ("load", "align", "verdicts", "mentions", "discrepancies")
            other = r["cpu"] - sum(r.get(p, 0.0) for p in phases)
            cells = " | ".join(f"{r[p]:.2f}" if p in r else "–" for p in phases)
            lines.append(
                f"| {series} | {r['versions']} | {r['paragraphs']} | {r['corrections']} | "
                f"{r['chars']:,} | {r['sentences']:,} | {r['seconds']:.2f} | "
                f"{r['cpu']:.2f} | {cells} | "
                f"{other:.2f} | {r['peak_mb']:.0f} ({r['base_mb']:.0f}) |"
            )
    lines += [
        "",
        "Phases (seconds): *load* reads the fact file and versions, checks the schema, "
        "ids, quotes and forms; *align* aligns sentences to the pivot "
        "(`align_versions`); *verdicts* finds each correction's forms in every version; "
        "*mentions* finds entity mentions and near misses (`_mentions`); "
        "*discrepancies* compares the aligned rows (`find_discrepancies`); *other* is "
        "the rest (segmentation is in *load*).",
        "",
        "![time against text size](results/check.svg)",
        "",
    ]
    lines += [
        "Fitted exponents (slope of log CPU time against log characters, or against K "
        "for the corrections; 1 = linear, doubling the text doubles the time):",
        "",
        "| series | whole check | without alignment |",
        "|---|---:|---:|",
    ]
    for series in ("versions", "text", "paragraphs", "corrections"):
        rows = [dict(r, rest=r["cpu"] - r["align"]) for r in check.get(series, []) if "cpu" in r]
        size = "corrections" if series == "corrections" else "chars"
        lines.append(
            f"| {series}{' (against K)' if size == 'corrections' else ''} | "
            f"{_fmt(exponent(rows, 'cpu', size))} | "
            f"{_fmt(exponent(rows, 'rest', size))} |"
        )
    lines += [""] + _check_verdict(check, data.get("check_two"))
    if "sphinx" in data:
        lines += _sphinx_report(data["sphinx"])
    if "pdf" in data:
        lines += _pdf_report(data["pdf"])
    lines += [
        "## 6. The aligner against hunalign",
        "",
        "Measured separately: [results/align.md](results/align.md) (`benchmarks/align_bench.py`).",
        "",
    ]
    if "real" in data:
        lines += real_report(data["real"])
    return "\n".join(lines)


PHASES = {  # phase: where its code is
    "load": "`load.py`, `validate.py`, `yamlmarks.py`",
    "align": "`analysis/align.py`",
    "verdicts": "`analysis/verdicts.py`",
    "mentions": "`analysis/mentions.py`, `analysis/near_misses.py`",
    "discrepancies": "`analysis/discrepancies/`",
}


def _check_verdict(check: dict[str, list[dict[str, Any]]], two: dict[str, Any] | None) -> list[str]:
    target = next((r for r in check.get("target", []) if "cpu" in r), None)
    if target is None:
        return [
            "**Target** (100 versions × 100 paragraphs, 1,000 corrections, < 2 s, "
            "< 500 MB): not measured in this run.",
            "",
        ]
    met_time = target["cpu"] < TARGET["seconds"]
    met_memory = target["peak_mb"] < TARGET["megabytes"]
    shares = sorted(((target.get(p, 0.0), p) for p in PHASES), reverse=True)
    parts = "; ".join(
        f"{p} {t:.2f} s ({100 * t / target['cpu']:.0f} %, {PHASES[p]})" for t, p in shares
    )
    text = exponent([r for r in check.get("text", []) if "cpu" in r])
    growth = (
        ""
        if text is None
        else (
            f" Doubling the text with the fact file fixed multiplies the time by "
            f"{2**text:.2f} (exponent {text:.2f}: {'met' if text <= 1.0 else 'not met'})."
        )
    )
    lines = [
        f"**Target** ({target['versions']} versions × {target['paragraphs']} paragraphs, "
        f"{target['corrections']:,} corrections: under {TARGET['seconds']:.0f} s and "
        f"{TARGET['megabytes']:.0f} MB): {target['cpu']:.1f} s of CPU, the least of "
        f"{', '.join(f'{c:.1f}' for c in target.get('runs', [target['cpu']]))} s "
        f"({'met' if met_time else 'not met'}), {target['peak_mb']:.0f} MB peak "
        f"({'met' if met_memory else 'not met'}). By phase: {parts}.{growth}"
    ]
    if two is not None and "seconds" in two:
        together = two["peak_mb"] + two["other_mb"]
        met_time = two["seconds"] < TARGET["seconds"]
        lines.append(
            f"With a second process (the default on this machine: the alignment while the "
            f"entities are looked for, and part of the rows' comparison), the check takes "
            f"{two['seconds']:.1f} s of wall time, the least of "
            f"{', '.join(f'{c:.1f}' for c in two['runs'])} s "
            f"({'met' if met_time else 'not met'}), and {two['cpu']:.1f} s of CPU in both "
            f"processes; memory {two['peak_mb']:.0f} MB peak in the first process and "
            f"{two['other_mb']:.0f} MB of the second's own (pages it no longer shares), "
            f"{together:.0f} MB together at most "
            f"({'met' if together < TARGET['megabytes'] else 'not met'})."
        )
    if not met_time:
        mine = target.get("load", 0.0) + target.get("verdicts", 0.0)
        lines.append(
            f"Loading, checking and verdicts take {mine:.2f} s together; the limit is "
            f"the {shares[0][1]} phase, then the {shares[1][1]} phase. "
            "[PROFILE.md](PROFILE.md) gives the measured cause of each and what to "
            "change."
        )
    return [" ".join(lines), ""]


def _sphinx_report(s: dict[str, Any]) -> list[str]:
    o, p = s["overhead"], s["parallel"]
    c = s["corpus"]
    lines = [
        "## 2. Generation overhead",
        "",
        f"A corpus of {c['versions']} versions × {c['paragraphs']} paragraphs, "
        f"{c['corrections']} corrections ({s['pages']} generated pages plus the index). A "
        "fresh HTML build with the generator, against a fresh build of a copy holding the "
        "same generated pages with `briefing_generate = False`. CPU time (user + system "
        "of the build's processes) is compared, as it depends less than wall time on "
        f"what else runs on the machine; {len(o['full_cpu'])} runs of each, one of each in "
        "turn, and the least of each compared (other work on the machine only ever adds "
        "time):",
        "",
        "| build | CPU (s) | wall (s) | least CPU (s) |",
        "|---|---|---|---:|",
        f"| full (generate, then Sphinx) | {_list(o['full_cpu'])} | {_list(o['full_wall'])} | "
        f"{min(o['full_cpu']):.2f} |",
        f"| plain (same pages, no generation) | {_list(o['plain_cpu'])} | "
        f"{_list(o['plain_wall'])} | {min(o['plain_cpu']):.2f} |",
        "",
        *_overhead_lines(o),
        "",
        "## 3. Incremental builds",
        "",
        "Rebuilds of the first full build's output. *read* are the documents Sphinx re-read, "
        "*written* the pages it wrote (including Sphinx's own `genindex` and `search`, which "
        "every build writes), *generated* the generated sources rewritten, *citing* the "
        "documents whose source names the edited fact.",
        "",
        "| step | wall (s) | CPU (s) | read | written | generated rewritten | citing the fact |",
        "|---|---:|---:|---|---|---|---|",
    ]
    for st in s["incremental"]:
        lines.append(
            f"| {st['step']} | {st['seconds']:.2f} | {st['cpu']:.2f} | "
            f"{_names(st['read'])} | "
            f"{_names(st['written'])} | {_names(st['generated_rewritten'])} | "
            f"{_names(st['citing']) if st['citing'] else '–'} |"
        )
    quiet = [st for st in s["incremental"] if st["step"].startswith("no change")]
    edits = [st for st in s["incremental"] if st["citing"]]
    ok_quiet = all(not st["read"] and not st["generated_rewritten"] for st in quiet)
    ok_edits = all(set(st["read"]) <= set(st["citing"]) for st in edits)
    lines += [
        "",
        f"No-change rebuilds re-read nothing and rewrite no generated page: "
        f"**{'met' if ok_quiet else 'not met'}**. A one-fact edit re-reads only pages "
        f"that show or cite the fact: **{'met' if ok_edits else 'not met'}**. "
        "Every rebuild still re-runs the generator (check and render) before Sphinx "
        "decides what is outdated, so its time is the check's time plus Sphinx's "
        "fixed cost.",
        "",
        "## 4. Parallel builds",
        "",
        f"Fresh builds of the same corpus: `-j 1` {_list(p['j1'])} s, "
        f"`-j 2` {_list(p['j2'])} s; best `-j 2` / best `-j 1` = "
        f"**{p['ratio']:.2f}**. Same `briefing.json` from both: "
        f"{'yes' if p['same_json'] else 'NO'}. Generation runs once, in the main "
        "process, before Sphinx forks its readers.",
        "",
    ]
    if p.get("read"):
        read = p["read"]
        shares = [sum(read.get(d, 0.0) for d in chunk) for chunk in _chunks(list(read), 2)]
        heavy = sorted(read, key=read.get, reverse=True)[:4]
        lines += [
            f"Why: reading takes {sum(read.values()):.2f} s of CPU in a serial build, "
            f"and {', '.join(f'`{d}` {read[d]:.2f} s' for d in heavy)} are most of it. "
            "Sphinx gives each process an equal count of documents in name order, so "
            f"with `-j 2` one process reads {max(shares):.2f} s of it and the other "
            f"{min(shares):.2f} s; each then pickles its environment back to the main "
            "process. Writing is shared the same way, and with `-j 2` Sphinx writes with "
            "one worker beside the main process.",
            "",
        ]
    return lines


def _overhead_lines(o: dict[str, Any]) -> list[str]:
    met = o["ratio"] <= TARGET["overhead"]
    text = (
        f"Overhead, the difference of the two builds: **{100 * o['ratio']:.1f} %** of the "
        f"plain build's CPU time ({100 * o['ratio_wall']:.0f} % by least wall times; "
        f"target ≤ {100 * TARGET['overhead']:.0f} %: {'met' if met else 'not met'}). Runs "
        "of one build here differ by about as much (see the table), so one run of the "
        "harness cannot tell 8 % from 12 %."
    )
    inside = o.get("ratio_inside")
    if inside:
        share = sorted(inside)[len(inside) // 2]
        text += (
            " Within each pair of builds, the probe extension (`benchmarks/probe.py`) times "
            "the briefing extension's own event handlers: what they spend in the full build "
            "beyond what they spend in the plain one (checking, rendering and writing the "
            "pages, `briefing.json`, hover cards, JSON-LD) is "
            f"{', '.join(f'{100 * r:.1f}' for r in inside)} % of the rest of the full build "
            f"(median **{100 * share:.1f} %**). That part is measured within one process, "
            "free of the machine's noise. The rest of the difference is, by a profile of one "
            "pair of builds (PROFILE.md §4), mostly Sphinx and the theme writing the full "
            "build's larger pages, which carry the hover cards' data and JSON-LD."
        )
    text += (
        f" Measured alone, in a process of its own, the generator spends "
        f"{o['generation']['check']:.2f} s checking and {o['generation']['render']:.2f} s "
        f"rendering: {100 * o['ratio_alone']:.1f} % of the plain build. "
        "[PROFILE.md](PROFILE.md) says where the check and the rendering spend their "
        "time."
    )
    return [text]


def _list(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def _names(items: list[str]) -> str:
    if not items:
        return "none"
    shown = ", ".join(f"`{i}`" for i in items[:6])
    return f"{len(items)}: {shown}" + (" …" if len(items) > 6 else "")


def _pdf_report(pdf: dict[str, Any]) -> list[str]:
    lines = ["## 5. The flagship PDF", ""]
    if "pages" in pdf:
        lines.append(
            f"`briefing build --no-html` of a copy of the flagship (generation, "
            f"Sphinx's LaTeX builder, XeLaTeX runs through latexmk): "
            f"**{pdf['seconds']:.1f} s** for **{pdf['pages']} pages** "
            f"({pdf['bytes'] / 1024:.0f} KiB)."
        )
    else:
        lines.append(f"Not measured: {pdf.get('skipped') or 'the build failed'}.")
    return lines + [""]


if __name__ == "__main__":
    main()
