"""``briefing add``: a version from a saved page or an address, its provenance recorded,
the editor's fact file otherwise untouched; and what a check says of a changed text."""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from briefing.cli.factfile import add_entry
from briefing.cli.pages import PageError, read_page

from ..briefs import CLI
from ..conftest import FIXTURES, ROOTS, tree_digest

PAGES = FIXTURES / "pages"
COMMENT = "# The editor's own note, kept by every edit.\n"

# What each saved page's article says, and furniture of the page that must not reach it.
EXPECTED = {
    "legit-ng-nuc.html": (
        "legit-ng",
        "Ridwan Adeola Yusuf",
        "2024-01-08",
        "Chris Maiyaki, the NUC's acting executive secretary, told Premium Times on Sunday",
    ),
    "quicktellnews-dangote.html": (
        "quicktell-news",
        "Kingsley Oyema",
        "2024-07-27",
        "The Dangote Group has firmly denied allegations that its subsidiary",
    ),
    "swissinfo-thunberg.html": (
        "swi-swissinfo-ch",
        "Jacob Gronholt-Pedersen",
        "2024-09-04",
        "Danish police on Wednesday apprehended activist Greta Thunberg",
    ),
}
FURNITURE = [
    "cookies",
    "Accept",
    "Related Posts",
    "Share on",
    "All rights reserved",
    "Markets",
    "NGX ASI",
    "Brent crude",
    "Home",
    "About us",
    "Celebrity Gist",
]


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args, "--project", str(project), "--source", "."],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "brief"
    shutil.copytree(ROOTS / "test-basic", folder)
    facts = folder / "facts.yaml"
    text = facts.read_text("utf-8").replace("sources:\n", "sources:\n" + COMMENT, 1)
    facts.write_text(COMMENT + text, "utf-8")
    return folder


def lines_kept(before: str, after: str) -> bool:
    """Every line of ``before`` is in ``after``, in order, nothing between them changed."""
    remaining = iter(after.splitlines())
    return all(any(line == other for other in remaining) for line in before.splitlines())


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_a_saved_page_becomes_a_version_with_its_provenance(project: Path, page: str) -> None:
    key, author, date, first_words = EXPECTED[page]
    facts = project / "facts.yaml"
    before = facts.read_text("utf-8")
    result = run(project, "add", str(PAGES / page))
    assert result.returncode == 0, result.stderr
    text = (project / "seeds" / f"{key}.txt").read_text("utf-8")
    assert first_words in text
    assert not [word for word in FURNITURE if word in text]
    after = facts.read_text("utf-8")
    assert lines_kept(before, after) and after.count(COMMENT) == 2
    entry = yaml.safe_load(after)["sources"][key]
    assert (entry["kind"], entry["file"], entry["author"], entry["date"]) == (
        "version",
        f"{key}.txt",
        author,
        date,
    )
    assert entry["title"] and entry["publisher"] and entry["url"].startswith("https://")
    assert entry["retrieved"] and len(entry["sha256"]) == 64
    check = run(project, "check")
    assert check.returncode == 0, check.stderr


SAVED = PAGES / "saved"
SAVED_EXPECTED = yaml.safe_load((SAVED / "expected.yaml").read_text("utf-8"))


@pytest.mark.parametrize("page", sorted(SAVED_EXPECTED))
def test_a_real_saved_page_gives_its_article_and_nothing_around_it(
    project: Path, page: str
) -> None:
    expected = SAVED_EXPECTED[page]
    result = run(project, "add", str(SAVED / page), "--id", "saved")
    assert result.returncode == 0, result.stderr
    text = " ".join((project / "seeds" / "saved.txt").read_text("utf-8").split())
    assert expected["opens"] in text[:400], text[:400]
    assert expected["ends"] in text
    assert [f for f in expected["furniture"] if f in text] == []
    entry = yaml.safe_load((project / "facts.yaml").read_text("utf-8"))["sources"]["saved"]
    found = {name: entry.get(name) for name in ("title", "author", "date", "url")}
    assert found == {name: expected[name] for name in found}
    assert run(project, "check").returncode == 0


@pytest.fixture
def server() -> Iterator[str]:
    """The saved pages, served on 127.0.0.1 (nothing leaves this machine)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(PAGES), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_an_address_is_fetched_the_same(project: Path, server: str) -> None:
    result = run(
        project,
        "add",
        f"{server}/swissinfo-thunberg.html",
        "--id",
        "swissinfo",
        "--label",
        "Swissinfo",
        "--derived-from",
        "wire",
        "--partial",
    )
    assert result.returncode == 0, result.stderr
    entry = yaml.safe_load((project / "facts.yaml").read_text("utf-8"))["sources"]["swissinfo"]
    assert (entry["label"], entry["derived_from"], entry["partial"]) == ("Swissinfo", "wire", True)
    assert run(project, "check").returncode == 0
    # The page's own canonical address, not the one it was fetched from.
    assert entry["url"].startswith("https://www.swissinfo.ch/")
    assert "apprehended activist Greta Thunberg" in (project / "seeds" / "swissinfo.txt").read_text(
        "utf-8"
    )


def test_an_address_that_cannot_be_reached_is_a_message(project: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = tree_digest(project)
    result = run(project, "add", f"http://127.0.0.1:{port}/story.html")
    assert result.returncode == 1
    assert "cannot be fetched" in result.stderr and "Traceback" not in result.stderr
    assert tree_digest(project) == before


def test_a_page_over_the_size_limit_is_refused(server: str) -> None:
    with pytest.raises(PageError, match="larger than"):
        read_page(f"{server}/legit-ng-nuc.html", limit=1024 * 1024 // 1024)
    with pytest.raises(PageError, match="only http"):
        read_page("file:///etc/passwd")


def test_a_web_page_dropped_into_seeds_names_briefing_add(project: Path) -> None:
    shutil.copy2(PAGES / "legit-ng-nuc.html", project / "seeds" / "legit.html")
    result = run(project, "check")
    assert result.returncode == 1
    assert "seeds/legit.html" in result.stderr and "briefing add" in result.stderr


def test_a_changed_text_is_a_warning_until_refreshed(project: Path) -> None:
    assert run(project, "add", str(PAGES / "legit-ng-nuc.html")).returncode == 0
    version = project / "seeds" / "legit-ng.txt"
    version.write_text(version.read_text("utf-8") + "\nA paragraph added later.\n", "utf-8")
    changed = run(project, "check")
    assert changed.returncode == 0  # a warning: the brief still builds
    assert "changed since it was recorded" in changed.stderr
    assert run(project, "check", "--strict").returncode == 1
    assert "briefing add --refresh legit-ng" in changed.stderr
    refreshed = run(project, "add", "--refresh", "legit-ng")
    assert refreshed.returncode == 0, refreshed.stderr
    assert run(project, "check").returncode == 0


def test_an_entry_goes_at_the_end_of_its_section_and_nothing_else_moves() -> None:
    text = (
        "brief: {title: T}\n\n# Sources, in the order I read them.\nsources:\n  a:\n"
        "    kind: version  # the first\n\n  b:\n    kind: version\n\n# People.\n"
        "entities: {}\n"
    )
    edited = add_entry(text, "sources", "c", {"kind": "version", "file": "c.txt"})
    assert edited == text.replace(
        "    kind: version\n\n# People.",
        "    kind: version\n\n  c:\n    kind: version\n    file: c.txt\n\n# People.",
    )
