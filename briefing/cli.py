"""The ``briefing`` command: build a brief, check its inputs.

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
from collections.abc import Sequence
from pathlib import Path

from briefing import __version__, pipeline, suggest
from briefing.problems import Problem, ProblemsFound
from briefing.projectconf import ProjectPaths, project_paths


def _display(problem: Problem) -> str:
    try:
        path = problem.path.resolve().relative_to(Path.cwd())
    except ValueError:
        path = problem.path
    return str(type(problem)(path, problem.line, problem.col, problem.message, problem.hint,
                             problem.code))


def _load(paths: ProjectPaths) -> pipeline.Result | None:
    try:
        return pipeline.check(paths.facts, paths.seeds)
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
    summary = (f"{len(project.versions)} versions, {len(project.corrections)} corrections, "
               f"{len(project.facts)} facts, {len(project.entities)} entities")
    if result.problems:
        print(f"briefing check: {len(result.problems)} problem(s) ({summary})", file=sys.stderr)
        return 1
    pending = suggest.problems(project, result.analysis)
    found = len(result.analysis.discrepancies)
    if pending and args.strict:
        for problem in pending:
            print(_display(problem), file=sys.stderr)
        print(f"briefing check: {len(pending)} of {found} discrepancies not reviewed "
              f"({summary}); `briefing suggest` writes entries for them", file=sys.stderr)
        return 1
    reviewed = f"{found - len(pending)} of {found} discrepancies reviewed"
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
        items = suggest.items(result.project, result.analysis, everything=args.all)
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        print(suggest.to_yaml(result.project, result.analysis), end="")
    return 0


def _sphinx(args: list[str], quiet: bool) -> int:
    command = [sys.executable, "-m", "sphinx", *args, *(["-q"] if quiet else [])]
    return subprocess.call(command)


def command_build(args: argparse.Namespace) -> int:
    """HTML into a staging folder, published by renaming only when the build succeeded."""
    paths = project_paths(args.project, args.source)
    if _load(paths) is None:
        return 1
    out = args.project / args.output
    out.mkdir(parents=True, exist_ok=True)
    strict = [] if args.no_strict else ["-W", "--keep-going"]
    jobs = ["-j", str(args.jobs)] if args.jobs != 1 else []
    if not args.no_html:
        staging = out / ".html-staging"
        if (out / "html").is_dir() and not staging.exists():
            shutil.copytree(out / "html", staging)  # keeps the build incremental
        status = _sphinx(["-b", "html", "-c", str(paths.root), str(paths.source), str(staging),
                          "-d", str(out / "doctrees"), *strict, *jobs], args.quiet)
        if status != 0:
            print(f"briefing: the HTML build failed; {out / 'html'} was left as it was",
                  file=sys.stderr)
            return 1
        _publish(staging, out / "html")
        print(f"briefing: HTML in {out / 'html' / 'index.html'}")
    if not args.no_pdf:
        if shutil.which("xelatex") is None or shutil.which("latexmk") is None:
            print("briefing: no PDF: xelatex and latexmk are missing. Install them with\n"
                  "  apt-get install latexmk texlive-xetex texlive-latex-recommended "
                  "texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf lmodern "
                  "fonts-texgyre", file=sys.stderr)
            return 1
        latex = out / "latex"
        status = _sphinx(["-M", "latexpdf", str(paths.source), str(out), "-c", str(paths.root),
                          "-d", str(out / "doctrees-latex"), *strict], args.quiet)
        pdfs = sorted(latex.glob("*.pdf"))
        if status != 0 or not pdfs:
            print(f"briefing: the PDF build failed; see {latex}", file=sys.stderr)
            return 1
        (out / "pdf").mkdir(exist_ok=True)
        for pdf in pdfs:
            shutil.copy2(pdf, out / "pdf" / pdf.name)
            print(f"briefing: PDF in {out / 'pdf' / pdf.name}")
    return 0


def _publish(staging: Path, published: Path) -> None:
    """Swap the new site in with renames, so readers never see a half-written one."""
    old = published.with_name(published.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if published.exists():
        published.rename(old)
    staging.rename(published)
    if old.exists():
        shutil.rmtree(old)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    top.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def project_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--project", type=Path, default=Path("."),
                       help="the brief project's folder, where conf.py is (default: .)")
        p.add_argument("--source", default="docs", help="the Sphinx source folder (default: docs)")

    check = sub.add_parser("check", help="validate the fact file and the versions")
    project_options(check)
    check.add_argument("--strict", action="store_true",
                       help="fail when a discrepancy between versions is not yet reviewed")
    check.set_defaults(run=command_check)

    hint = sub.add_parser("suggest", help="fact-file entries for discrepancies not yet reviewed")
    project_options(hint)
    hint.add_argument("--json", action="store_true", help="a JSON array instead of YAML")
    hint.add_argument("--all", action="store_true", help="with --json: reviewed ones too")
    hint.set_defaults(run=command_suggest)

    build = sub.add_parser("build", help="build the brief to HTML and PDF")
    project_options(build)
    build.add_argument("--output", default="_build", help="output folder (default: _build)")
    build.add_argument("--no-pdf", action="store_true", help="HTML only")
    build.add_argument("--no-html", action="store_true", help="PDF only")
    build.add_argument("--no-strict", action="store_true",
                       help="do not treat warnings as errors")
    build.add_argument("-j", "--jobs", type=int, default=1, help="parallel Sphinx processes")
    build.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    build.set_defaults(run=command_build)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.project = args.project.resolve()
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
