"""briefing: build, check, compare and preview briefs made from versions of a story.

Exit status: 0 when all is well, 1 when the inputs or the build have problems, 2 for a
wrong command line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing import __version__
from briefing.cli.add import add_parser
from briefing.cli.build import command_build
from briefing.cli.new import new_parsers
from briefing.cli.project import project_paths
from briefing.cli.report import display, load
from briefing.cli.review import review_parser
from briefing.problems import WARNINGS, ProblemsFound
from briefing.render import suggest


def command_check(args: argparse.Namespace) -> int:
    paths = project_paths(args.project, args.source)
    result = load(paths)
    if result is None:
        return 1
    for problem in result.problems:
        print(display(problem), file=sys.stderr)
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
            print(display(problem), file=sys.stderr)
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
    result = load(project_paths(args.project, args.source))
    if result is None:
        return 1
    if args.json:
        items = suggest.suggestions(
            result.project, result.analysis, everything=args.all, min_confidence=args.min_confidence
        )
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        print(suggest.to_yaml(result.project, result.analysis, args.min_confidence), end="")
    return 0


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
    build.add_argument(
        "--no-wait",
        action="store_true",
        help="stop at once when another build of this brief is running (default: wait for it)",
    )
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
            print(display(problem), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
