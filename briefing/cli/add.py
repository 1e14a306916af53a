"""``briefing add PAGE``: a version from a web page, with where it came from.

The article's text goes to ``seeds/<id>.txt``; a ``sources:`` entry records its title,
publisher, author, date, URL, the day it was saved and its text's sha256, so that every
later check knows whether the editor reviewed this text or another. ``--refresh ID``
records the version's text as it now stands (after the editor reviewed a change), or, with
a PAGE, takes its text again from the page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from briefing.cli.factfile import EditError, add_entry, set_value, write_atomically
from briefing.cli.pages import Article, PageError, extract, read_page
from briefing.cli.project import project_paths
from briefing.text.slug import slug
from briefing.versions import sha256_of

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def command_add(args: argparse.Namespace) -> int:
    paths = project_paths(args.project, args.source)
    facts, seeds = paths.facts, paths.seeds
    if not facts.is_file():
        return _fail(f"{facts}: no fact file; start a brief with `briefing new`")
    text = facts.read_text("utf-8")
    sources = _sources(text)
    try:
        if args.refresh:
            edited = _refresh(args, text, sources, seeds)
        elif not args.page:
            return _fail("give a saved page or an address (or --refresh ID)")
        else:
            edited = _add(args, text, sources, seeds)
    except (PageError, EditError) as error:
        return _fail(str(error))
    write_atomically(facts, edited)
    return 0


def _add(args: argparse.Namespace, text: str, sources: dict[str, Any], seeds: Path) -> str:
    page, url = read_page(args.page)
    article = extract(page, url)
    key = args.id or _free(slug(article.site or Path(args.page).stem, 30, "version"), sources)
    if not _ID.match(key):
        raise EditError(f"{key!r} is not a usable id: lower-case letters, digits, - and _")
    if key in sources:
        raise EditError(
            f"the fact file already has a source {key!r}; choose another --id, "
            f"or `briefing add {args.page} --refresh {key}`"
        )
    if args.derived_from and args.derived_from not in sources:
        raise EditError(f"--derived-from {args.derived_from!r}: no such source")
    file = seeds / f"{key}.txt"
    if file.exists():
        raise EditError(f"{file} exists already; choose another --id")
    seeds.mkdir(parents=True, exist_ok=True)
    edited = add_entry(text, "sources", key, _entry(args, article, file.name))
    write_atomically(file, article.text)
    print(
        f"briefing add: {key}: {len(article.text.split())} words from "
        f"{article.site or args.page} into {file}; its source entry is in the fact file"
    )
    return edited


def _refresh(args: argparse.Namespace, text: str, sources: dict[str, Any], seeds: Path) -> str:
    key = args.refresh
    entry = sources.get(key)
    if not isinstance(entry, dict) or entry.get("kind") != "version":
        raise EditError(f"--refresh {key!r}: the fact file has no version of that id")
    file = seeds / str(entry["file"])
    if args.page:
        page, url = read_page(args.page)
        article = extract(page, url or entry.get("url"))
        write_atomically(file, article.text)
        text = set_value(text, "sources", key, "retrieved", dt.date.today().isoformat())
    if not file.is_file():
        raise EditError(f"{file}: no such version file")
    digest = sha256_of(file.read_text("utf-8"))
    print(
        f"briefing add: {key}: recorded the text of {file.name} as reviewed (sha256 {digest[:12]}…)"
    )
    return set_value(text, "sources", key, "sha256", digest)


def _entry(args: argparse.Namespace, article: Article, file: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kind": "version",
        "file": file,
        "title": article.title or Path(file).stem,
    }
    fields = {
        "label": args.label,
        "publisher": article.site,
        "author": article.author,
        "date": article.date,
        "url": article.url,
        "retrieved": dt.date.today().isoformat(),
        "derived_from": args.derived_from,
        "sha256": sha256_of(article.text),
    }
    entry.update({k: v for k, v in fields.items() if v})
    if args.reference:
        entry["reference"] = True
    if args.partial:
        entry["partial"] = True
    return entry


def _sources(text: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        raise EditError(
            "the fact file cannot be read; run `briefing check` and fix it first"
        ) from None
    sources = data.get("sources") if isinstance(data, dict) else None
    return sources if isinstance(sources, dict) else {}


def _free(base: str, taken: dict[str, Any]) -> str:
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def _fail(message: str) -> int:
    print(f"briefing add: {message}", file=sys.stderr)
    return 1


def add_parser(sub: Any, project_options: Any) -> None:
    add = sub.add_parser("add", help="a version from a saved web page or an address")
    project_options(add)
    add.add_argument("page", nargs="?", help="a saved .html file, or an http(s) address")
    add.add_argument("--id", help="the version's id (default: from the site's name)")
    add.add_argument("--label", help="its short name in tables")
    add.add_argument("--derived-from", help="the id of the source it copies or rewrites")
    add.add_argument(
        "--reference",
        action="store_true",
        help="it is the original, which the others are read against",
    )
    add.add_argument(
        "--partial",
        action="store_true",
        help="the page shows only the start of the article (a paywall, a teaser)",
    )
    add.add_argument(
        "--refresh",
        metavar="ID",
        help="record the version's text as it now stands (with PAGE: take it again from the page)",
    )
    add.set_defaults(run=command_add)
