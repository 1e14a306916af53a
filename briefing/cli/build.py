"""``briefing build``: check, then HTML and PDF, published together or not at all.

One build of a project runs at a time (:mod:`briefing.cli.lock`). The inputs are read
once, into a snapshot that the check reads and that each Sphinx process is handed, so
what is published is what was checked. Everything is built in ``_build/.staging``: the
HTML into a copy of the published site (so Sphinx stays incremental), the LaTeX into a
fresh folder (so no stale ``.tex`` is compiled); only when all of it succeeded does it
replace what is published (:mod:`briefing.cli.publish`). A failed build, a full disk,
a read-only folder leave the published site and PDF as they were, with a line saying
what happened and what to do.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.cli.lock import BuildLock, Busy
from briefing.cli.project import ProjectPaths, project_paths
from briefing.cli.publish import publish, recover
from briefing.cli.report import Progress, display_path, load
from briefing.problems import os_error_message
from briefing.snapshot import ENVIRONMENT, Snapshot

TEX_PACKAGES = (
    "latexmk texlive-xetex texlive-latex-recommended texlive-latex-extra "
    "texlive-fonts-recommended fonts-freefont-otf lmodern fonts-texgyre"
)
RUNNER = [sys.executable, "-m", "briefing.sphinx.run"]


def say(line: str) -> None:
    print(f"briefing: {line}", file=sys.stderr, flush=True)


@dataclass
class Build:
    """One build's folders and options; ``doing`` names the step under way, for the
    message when the system refuses a write."""

    paths: ProjectPaths
    out: Path
    args: argparse.Namespace
    doing: str = "preparing the build"
    env: dict[str, str] = field(default_factory=dict)

    @property
    def staging(self) -> Path:
        return self.out / ".staging"

    def sphinx(self, options: list[str], capture: bool = False) -> tuple[int, str]:
        command = [*RUNNER, *options, *(["-v"] if self.args.verbose else ["-q"])]
        if capture and not self.args.verbose:
            run = subprocess.run(
                command, stdout=subprocess.PIPE, text=True, errors="replace", env=self.env
            )
            return run.returncode, run.stdout
        return subprocess.call(command, env=self.env), ""


def command_build(args: argparse.Namespace) -> int:
    paths = project_paths(args.project, args.source)
    build = Build(paths, args.project / args.output, args)
    try:
        with BuildLock(
            args.project,
            "`briefing build`",
            wait=not args.no_wait,
            say=lambda line: say(line + " (--no-wait stops instead)"),
        ):
            return _run(build)
    except Busy as busy:
        say(f"{busy.holder} is building this brief; nothing was built (--no-wait)")
        return 1
    except OSError as error:
        say(os_error_message(error, build.doing))
        say(f"nothing was published; {display_path(build.out)} was left as it was")
        _discard(build.staging)
        return 1


def _run(build: Build) -> int:
    args, out = build.args, build.out
    progress = Progress(args.quiet)
    build.doing = f"preparing {display_path(out)}"
    out.mkdir(parents=True, exist_ok=True)
    recover(out)
    _discard(build.staging)  # left by a build that was stopped
    build.staging.mkdir()
    snapshot = Snapshot()
    build.doing = "reading the inputs"
    with progress.stage("checking the inputs") as done:
        result = load(build.paths, snapshot)
        if result is not None:
            project = result.project
            done.append(
                f"check: {len(project.versions)} versions, {len(project.facts)} facts, "
                f"{len(project.corrections)} corrections"
            )
    if result is None:
        _discard(build.staging)
        return 1
    build.doing = "writing the inputs' snapshot"
    snapshot.dump(build.staging / "snapshot.json")
    build.env = {**os.environ, ENVIRONMENT: str(build.staging / "snapshot.json")}
    if not args.no_pdf and (shutil.which("xelatex") is None or shutil.which("latexmk") is None):
        say("no PDF: xelatex and latexmk are missing. Install them with")
        print(f"  apt-get install {TEX_PACKAGES}", file=sys.stderr)
        _discard(build.staging)
        return 1
    moves: list[tuple[Path, Path]] = []
    if not args.no_html:
        with progress.stage("building the HTML") as done:
            if not _build_html(build):
                return _failed(build, "the HTML build failed")
            moves += [(build.staging / n, out / n) for n in ("html", "doctrees")]
            if args.no_pdf:
                _publish(build, moves)
                done.append(f"HTML in {display_path(out / 'html' / 'index.html')}")
            else:
                done.append("HTML built")
    if not args.no_pdf:
        with progress.stage("building the PDF") as done:
            pdfs = _build_pdf(build)
            if not pdfs:
                return _failed(build, "the PDF build failed", keep_latex=True)
            moves.append((build.staging / "latex", out / "latex"))
            moves += [(pdf, out / "pdf" / pdf.name) for pdf in pdfs]
            _beside_the_site(pdfs, build.staging / "html")
            _publish(build, moves)
            if args.no_html:
                _beside_the_site([out / "pdf" / p.name for p in pdfs], out / "html")
            shown = ", ".join(display_path(out / "pdf" / pdf.name) for pdf in pdfs)
            html = "" if args.no_html else f", with the HTML in {display_path(out / 'html')}"
            done.append(f"PDF in {shown}{html}")
    _discard(build.staging)
    return 0


def _beside_the_site(pdfs: list[Path], html: Path) -> None:
    """A copy of each PDF in the site, where its masthead's "PDF" link points; each copy
    written aside, then renamed into place."""
    if not html.is_dir():
        return
    for pdf in pdfs:
        aside = html / f".{pdf.name}.tmp"
        shutil.copy2(pdf, aside)
        aside.replace(html / pdf.name)


def _publish(build: Build, moves: list[tuple[Path, Path]]) -> None:
    build.doing = f"publishing into {display_path(build.out)}"
    publish(build.out, moves)


def _failed(build: Build, what: str, keep_latex: bool = False) -> int:
    """Nothing is published; LaTeX's folder is kept where its logs can be read."""
    if keep_latex and (build.staging / "latex").is_dir():
        try:
            publish(build.out, [(build.staging / "latex", build.out / "latex")])
        except OSError:
            pass
    _discard(build.staging)
    kept = [display_path(build.out / n) for n in ("html", "pdf") if (build.out / n).exists()]
    if len(kept) == 2:
        say(f"{what}; {kept[0]} and {kept[1]} were left as they were")
    else:
        say(f"{what}; {kept[0]} was left as it was" if kept else f"{what}; nothing was published")
    return 1


def _discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _strict(build: Build) -> list[str]:
    return [] if build.args.no_strict else ["-W"]


def _build_html(build: Build) -> bool:
    """Into a copy of the published site and its doctrees (copy2 keeps the mtimes Sphinx
    compares, so the build stays incremental)."""
    staging, out = build.staging, build.out
    for name in ("html", "doctrees"):
        if (out / name).is_dir():
            build.doing = f"copying {display_path(out / name)} to build on"
            _copy_tree(out / name, staging / name)
    build.doing = "building the HTML"
    jobs = ["-j", str(build.args.jobs)] if build.args.jobs != 1 else []
    status, _ = build.sphinx(
        [
            "-b",
            "html",
            "-c",
            str(build.paths.root),
            "-d",
            str(staging / "doctrees"),
            *_strict(build),
            *jobs,
            str(build.paths.source),
            str(staging / "html"),
        ]
    )
    return status == 0 and (staging / "html" / "index.html").is_file()


def _copy_tree(source: Path, target: Path) -> None:
    """``shutil.copytree``, but the first error is raised as it is (copytree gathers
    them into one whose errno is lost, and goes on writing to a full disk)."""
    for folder, names, files in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in files + [n for n in names if (Path(folder) / n).is_symlink()]:
            shutil.copy2(Path(folder) / name, here / name, follow_symlinks=False)


def _build_pdf(build: Build) -> list[Path]:
    """LaTeX into a fresh folder, then latexmk through Sphinx's Makefile; the PDFs made."""
    latex = build.staging / "latex"
    build.doing = "building the PDF"
    status, chatter = build.sphinx(
        [
            "-b",
            "latex",
            "-c",
            str(build.paths.root),
            "-d",
            str(build.out / "doctrees-latex"),
            *_strict(build),
            str(build.paths.source),
            str(latex),
        ],
        capture=True,
    )
    if status == 0:
        quiet = [] if build.args.verbose else ["LATEXMKOPTS=-silent"]
        make = _run_quietly if not build.args.verbose else _run_loudly
        status, chatter = make(["make", "-C", str(latex), "all-pdf", *quiet], build.env)
        pdfs = sorted(latex.glob("*.pdf"))
        if status == 0 and pdfs:
            (build.staging / "pdf").mkdir()
            for pdf in pdfs:
                pdf.rename(build.staging / "pdf" / pdf.name)
            return sorted((build.staging / "pdf").glob("*.pdf"))
        print(_latex_errors(latex, build.out / "latex", chatter), file=sys.stderr, end="")
    elif chatter:
        print(chatter, file=sys.stderr, end="")
    return []


def _run_quietly(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    run = subprocess.run(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        env=env,
    )
    return run.returncode, run.stdout


def _run_loudly(command: list[str], env: dict[str, str]) -> tuple[int, str]:
    return subprocess.call(command, env=env), ""


def _latex_errors(latex: Path, kept: Path, chatter: str) -> str:
    """The ``!`` lines of LaTeX, with the input line that follows each; from the logs, or
    from LaTeX's output when it stopped before its log said (a line too long to read).
    ``kept`` is where the LaTeX folder is kept for reading."""
    lines = []
    logs = [
        (display_path(kept / log.name), log.read_text("utf-8", errors="replace"))
        for log in sorted(latex.glob("*.log"))
    ]
    for name, text in [*logs, ("LaTeX", chatter)]:
        rows = text.splitlines()
        for n, line in enumerate(rows):
            if line.startswith("! "):
                context = next((t for t in rows[n + 1 : n + 8] if t.startswith("l.")), "")
                lines.append(f"{name}: {line[2:]} {context}".rstrip())
        if lines:
            break
    if not lines:
        lines = [line for line in chatter.splitlines() if line.strip()][-15:]
    shown = "".join(f"{line}\n" for line in lines[:10])
    return shown + f"briefing: LaTeX's files and logs are in {display_path(kept)}\n"
