"""briefing: build, check, compare and preview briefs made from versions of a story.

Exit status: 0 when all is well, 1 when the inputs or the build have problems, 2 for a
wrong command line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from briefing import __version__, pipeline
from briefing.analysis.parallel import jobs_from_environment
from briefing.cli.add import add_parser
from briefing.cli.new import new_parsers
from briefing.cli.project import ProjectPaths, project_paths
from briefing.cli.review import review_parser
from briefing.problems import WARNINGS, Problem, ProblemsFound
from briefing.render import suggest


def _display(problem: Problem) -> str:
    try:  # abspath, not resolve: a link out of seeds/ is shown where it lies
        path = Path(os.path.abspath(problem.path)).relative_to(Path.cwd())
    except ValueError:
        path = problem.path
    return str(
        type(problem)(path, problem.line, problem.col, problem.message, problem.hint, problem.code)
    )


def _load(paths: ProjectPaths) -> pipeline.Result | None:
    try:
        return pipeline.check(paths.facts, paths.seeds, jobs=jobs_from_environment(), pause_gc=True)
    except ProblemsFound as error:
        for problem in error.problems:
            print(_display(problem), file=sys.stderr)
        print(f"briefing: {len(error.problems)} problem(s); nothing was built", file=sys.stderr)
        return None


def command_check(args: argparse.Namespace) -> int:
    paths = project_paths(args.project, args.source)
    result = _load(paths)
    if result is None:
        return 1
    for problem in result.problems:
        print(_display(problem), file=sys.stderr)
    project = result.project
    summary = (
        f"{len(project.versions)} versions, {len(project.corrections)} corrections, "
        f"{len(project.facts)} facts, {len(project.entities)} entities"
    )
    errors = [p for p in result.problems if p.code not in WARNINGS or args.strict]
    if errors:
        print(f"briefing check: {len(errors)} problem(s) ({summary})", file=sys.stderr)
        return 1
    pending = suggest.problems(project, result.analysis)
    found = len(result.analysis.discrepancies)
    if pending and args.strict:
        for problem in pending:
            print(_display(problem), file=sys.stderr)
        print(
            f"briefing check: {len(pending)} of {found} discrepancies not reviewed "
            f"({summary}); `briefing suggest` writes entries for them",
            file=sys.stderr,
        )
        return 1
    reviewed = f"{found - len(pending)} of {found} discrepancies reviewed"
    if result.problems:
        reviewed += f"; {len(result.problems)} warning(s) above"
    if pending:
        reviewed += f"; {len(pending)} not yet: `briefing suggest` lists them"
    print(f"briefing check: ok ({summary}; {reviewed})")
    return 0


def command_suggest(args: argparse.Namespace) -> int:
    """Entries for the fact file, one per discrepancy not yet reviewed."""
    result = _load(project_paths(args.project, args.source))
    if result is None:
        return 1
    if args.json:
        items = suggest.items(
            result.project, result.analysis, everything=args.all, min_confidence=args.min_confidence
        )
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        print(suggest.to_yaml(result.project, result.analysis, args.min_confidence), end="")
    return 0


def _sphinx(args: list[str], verbose: bool, capture: bool = False) -> tuple[int, str]:
    """Run sphinx; warnings always reach stderr. ``capture`` keeps stdout (LaTeX's chatter)
    to show only when the run fails."""
    command = [sys.executable, "-m", "sphinx", *args, *([] if verbose else ["-q"])]
    if capture and not verbose:
        run = subprocess.run(command, stdout=subprocess.PIPE, text=True, errors="replace")
        return run.returncode, run.stdout
    return subprocess.call(command), ""


class Progress:
    """One line per stage, with its time; nothing at all with ``-q``, except problems."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.live = not quiet and sys.stdout.isatty()

    @contextmanager
    def stage(self, doing: str) -> Iterator[list[str]]:
        """Yields a list; the stage's result line is what the block appends to it."""
        if self.live:
            print(f"briefing: {doing}…", end="\r", flush=True)
        start = time.monotonic()
        result: list[str] = []
        yield result
        width = len(doing) + 12
        if result and not self.quiet:
            line = f"briefing: {result[0]} ({time.monotonic() - start:.1f} s)"
            print(line.ljust(width) if self.live else line, flush=True)
        elif self.live:
            print(" " * width, end="\r", flush=True)  # the problems follow on a clean line


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def command_build(args: argparse.Namespace) -> int:
    """Check, then HTML and PDF; what is published is replaced only by a complete build."""
    paths = project_paths(args.project, args.source)
    progress = Progress(args.quiet)
    with progress.stage("checking the inputs") as done:
        result = _load(paths)
        if result is not None:
            project = result.project
            done.append(
                f"check: {len(project.versions)} versions, {len(project.facts)} facts, "
                f"{len(project.corrections)} corrections"
            )
    if result is None:
        return 1
    out = args.project / args.output
    out.mkdir(parents=True, exist_ok=True)
    strict = [] if args.no_strict else ["-W", "--keep-going"]
    jobs = ["-j", str(args.jobs)] if args.jobs != 1 else []
    if not args.no_html:
        with progress.stage("building the HTML") as done:
            if not _build_html(paths, out, [*strict, *jobs], args.verbose):
                return 1
            done.append(f"HTML in {_display_path(out / 'html' / 'index.html')}")
    if not args.no_pdf:
        if shutil.which("xelatex") is None or shutil.which("latexmk") is None:
            print(
                "briefing: no PDF: xelatex and latexmk are missing. Install them with\n"
                "  apt-get install latexmk texlive-xetex texlive-latex-recommended "
                "texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf lmodern "
                "fonts-texgyre",
                file=sys.stderr,
            )
            return 1
        with progress.stage("building the PDF") as done:
            pdfs = _build_pdf(paths, out, strict, args.verbose)
            if not pdfs:
                return 1
            done.append("PDF in " + ", ".join(_display_path(p) for p in pdfs))
    return 0


def _build_html(paths: ProjectPaths, out: Path, options: list[str], verbose: bool) -> bool:
    """Build into a staging copy of the published site and its doctrees; swap it in only
    when the build succeeded. A failed build's staging is dropped, so the next build starts
    again from the published pair and never publishes a page that an earlier failed build
    marked as written."""
    staging = out / ".staging"
    if staging.exists():
        shutil.rmtree(staging)  # left by an interrupted build
    staging.mkdir()
    for name in ("html", "doctrees"):
        if (out / name).is_dir():  # a copy keeps the build incremental (copy2 keeps mtimes)
            shutil.copytree(out / name, staging / name, symlinks=True)
    status, _ = _sphinx(
        [
            "-b",
            "html",
            "-c",
            str(paths.root),
            str(paths.source),
            str(staging / "html"),
            "-d",
            str(staging / "doctrees"),
            *options,
        ],
        verbose,
    )
    if status != 0 or not (staging / "html" / "index.html").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        print(
            f"briefing: the HTML build failed; {_display_path(out / 'html')} was left as it was",
            file=sys.stderr,
        )
        return False
    _publish(staging / "html", out / "html")
    _publish(staging / "doctrees", out / "doctrees")
    shutil.rmtree(staging, ignore_errors=True)
    return True


def _build_pdf(paths: ProjectPaths, out: Path, options: list[str], verbose: bool) -> list[Path]:
    """LaTeX in ``out/latex``; each PDF copied into ``out/pdf`` under a temporary name,
    then renamed over the published one."""
    latex = out / "latex"
    for old in latex.glob("*.pdf"):
        old.unlink()  # a PDF left from an earlier run must not pass for this one
    status, chatter = _sphinx(
        [
            "-M",
            "latexpdf",
            str(paths.source),
            str(out),
            "-c",
            str(paths.root),
            "-d",
            str(out / "doctrees-latex"),
            *options,
        ],
        verbose,
        capture=True,
    )
    pdfs = sorted(latex.glob("*.pdf"))
    if status != 0 or not pdfs:
        errors = _latex_errors(latex)
        print((chatter[-3000:] if not errors else "") + errors, file=sys.stderr, end="")
        print(f"briefing: the PDF build failed; see {_display_path(latex)}", file=sys.stderr)
        return []
    (out / "pdf").mkdir(exist_ok=True)
    published = []
    for pdf in pdfs:
        target = out / "pdf" / pdf.name
        tmp = target.with_name(f".{pdf.name}.tmp")
        shutil.copy2(pdf, tmp)
        tmp.replace(target)
        published.append(target)
        if (out / "html").is_dir():  # the site's "PDF" link points at its own copy
            beside = out / "html" / f".{pdf.name}.tmp"
            shutil.copy2(pdf, beside)
            beside.replace(out / "html" / pdf.name)
    return published


def _latex_errors(latex: Path) -> str:
    """The ``!`` lines of the LaTeX logs, with the input line that follows each."""
    lines = []
    for log in sorted(latex.glob("*.log")):
        text = log.read_text("utf-8", errors="replace").splitlines()
        for n, line in enumerate(text):
            if line.startswith("! "):
                context = next((t for t in text[n + 1 : n + 8] if t.startswith("l.")), "")
                lines.append(f"{_display_path(log)}: {line[2:]} {context}".rstrip())
    return "".join(f"{line}\n" for line in lines[:10])


def _publish(staging: Path, published: Path) -> None:
    """Swap the new folder in with two renames, so readers never see a half-written one;
    a folder left as ``.old`` by an interrupted swap is removed first."""
    old = published.with_name(published.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if published.exists():
        published.rename(old)
    staging.rename(published)
    if old.exists():
        shutil.rmtree(old)


def command_serve(args: argparse.Namespace) -> int:
    from briefing.cli.serve import serve

    paths = project_paths(args.project, args.source)
    return serve(paths, args.project / args.output, args.host, args.port)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    top.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def project_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--project",
            type=Path,
            default=Path("."),
            help="the brief project's folder, where conf.py is (default: .)",
        )
        p.add_argument("--source", default="docs", help="the Sphinx source folder (default: docs)")

    check = sub.add_parser("check", help="validate the fact file and the versions")
    project_options(check)
    check.add_argument(
        "--strict",
        action="store_true",
        help="fail when a discrepancy between versions is not yet reviewed",
    )
    check.set_defaults(run=command_check)

    hint = sub.add_parser("suggest", help="fact-file entries for discrepancies not yet reviewed")
    project_options(hint)
    hint.add_argument("--json", action="store_true", help="a JSON array instead of YAML")
    hint.add_argument("--all", action="store_true", help="with --json: reviewed ones too")
    hint.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="C",
        help="only suggestions at least this likely to be errors (0-1)",
    )
    hint.set_defaults(run=command_suggest)

    build = sub.add_parser("build", help="build the brief to HTML and PDF")
    project_options(build)
    build.add_argument("--output", default="_build", help="output folder (default: _build)")
    build.add_argument("--no-pdf", action="store_true", help="HTML only")
    build.add_argument("--no-html", action="store_true", help="PDF only")
    build.add_argument("--no-strict", action="store_true", help="do not treat warnings as errors")
    build.add_argument("-j", "--jobs", type=int, default=1, help="parallel Sphinx processes")
    build.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    build.add_argument("-v", "--verbose", action="store_true", help="all of Sphinx's output")
    build.set_defaults(run=command_build)

    add_parser(sub, project_options)
    review_parser(sub, project_options)
    new_parsers(sub)

    serve = sub.add_parser("serve", help="live preview: rebuild as the inputs change")
    project_options(serve)
    serve.add_argument(
        "--output", default="_build/serve", help="preview build folder (default: _build/serve)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)"
    )
    serve.set_defaults(run=command_serve)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.project = args.project.resolve()
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    try:
        return int(args.run(args))
    except ProblemsFound as error:  # raised before anything is built, e.g. by conf.py
        for problem in error.problems:
            print(_display(problem), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
