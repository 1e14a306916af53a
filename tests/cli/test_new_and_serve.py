"""`briefing new` makes a brief that builds at once; `briefing serve` previews it live."""

from __future__ import annotations

import ast
import http.client
import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml

from ..briefs import CLI, interrupt, needs_tex
from ..conftest import REPO, tree_digest


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(v for k, v in attrs if k == "id" and v)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def page(html: str) -> Text:
    parser = Text()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def new_brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("new") / "harbour-bridge"
    result = run(
        "new", str(folder), "--title", "Harbour bridge: what is verified", cwd=folder.parent
    )
    assert result.returncode == 0, result.stderr
    return folder


def test_new_writes_a_complete_project(new_brief: Path) -> None:
    files = {p.relative_to(new_brief).as_posix() for p in new_brief.rglob("*") if p.is_file()}
    assert files >= {
        "conf.py",
        "Makefile",
        ".gitignore",
        "docs/index.md",
        "docs/facts.yaml",
        "schema/facts.schema.json",
        "seeds/wire.txt",
        "templates/README.md",
    }
    facts = (new_brief / "docs" / "facts.yaml").read_text("utf-8")
    comment = re.match(r"# yaml-language-server: \$schema=(\S+)\n", facts)
    assert comment, "the fact file declares its schema for editors"
    schema_path = (new_brief / "docs" / comment.group(1)).resolve()
    assert schema_path == (new_brief / "schema" / "facts.schema.json").resolve()
    schema = json.loads(schema_path.read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(facts))
    assert yaml.safe_load(facts)["brief"]["title"] == "Harbour bridge: what is verified"
    index = (new_brief / "docs" / "index.md").read_text("utf-8")
    assert "_generated/brief" in index and "_generated/errata" in index
    assert "Makefile" not in (new_brief / ".gitignore").read_text("utf-8")
    assert "\tbriefing" not in (new_brief / "Makefile").read_text("utf-8")  # via $(BRIEFING)
    assert re.search(
        r"^\t\$\(BRIEFING\) build$", (new_brief / "Makefile").read_text("utf-8"), re.MULTILINE
    ), "make recipes start with a tab"


def test_new_project_checks_and_builds_with_warnings_as_errors(
    new_brief: Path, tmp_path: Path
) -> None:
    project = tmp_path / "copy"
    shutil.copytree(new_brief, project)
    check = run("check", cwd=project)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("briefing check: ok")
    assert check.stderr == ""
    build = run("build", "--no-pdf", cwd=project)  # strict is the default
    assert build.returncode == 0, build.stderr
    assert build.stderr == "", "a new brief builds without a single warning"
    html = project / "_build" / "html"
    brief = page((html / "_generated" / "brief.html").read_text("utf-8"))
    assert "Harbour bridge: what is verified" in brief.text
    errata = page((html / "_generated" / "errata.html").read_text("utf-8"))
    assert "Marta Olson" in errata.text and "Marta Olsen" in errata.text


@pytest.mark.pdf
@needs_tex
def test_new_project_builds_its_pdf(new_brief: Path, tmp_path: Path) -> None:
    project = tmp_path / "copy"
    shutil.copytree(new_brief, project)
    build = run("build", "--no-html", cwd=project)
    assert build.returncode == 0, build.stderr[-3000:]
    text = subprocess.run(
        ["pdftotext", str(project / "_build" / "pdf" / "brief.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Harbour bridge: what is verified" in " ".join(text.split())


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", "utf-8")
    result = run("new", "taken", cwd=tmp_path)
    assert result.returncode == 1
    assert "taken is not empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_new_title_is_escaped_in_every_file(tmp_path: Path) -> None:
    title = 'A "quoted" title {{ x }} `code` <b>\'s</b> \\ $m$'
    result = run("new", "odd", "--title", title, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "odd"
    assert (
        yaml.safe_load((project / "docs" / "facts.yaml").read_text("utf-8"))["brief"]["title"]
        == title
    )
    conf = ast.parse((project / "conf.py").read_text("utf-8"))
    assigned = {
        node.targets[0].id: node.value
        for node in conf.body  # type: ignore[attr-defined]
        if isinstance(node, ast.Assign)
    }
    assert ast.literal_eval(assigned["project"]) == title
    build = run("build", "--no-pdf", cwd=project)
    assert build.returncode == 0, build.stderr
    index = (project / "_build" / "html" / "index.html").read_text("utf-8")
    assert "<b>" not in index.split("<main", 1)[1]
    assert title in page(index).text


# --- serve -------------------------------------------------------------------------------


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def fetch_whole(url: str) -> str:
    """A page of the preview as a reader gets it: a read cut short while the rebuild
    rewrites the file is tried again, as a browser's reload would."""
    for _ in range(20):
        try:
            return fetch(url)
        except http.client.HTTPException:
            time.sleep(0.25)
    return fetch(url)


def fetch_or_nothing(url: str) -> str:
    try:
        return fetch(url)
    except OSError:  # not listening yet
        return ""


def wait_for(predicate, seconds: float, what: str) -> float:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.25)
    raise AssertionError(f"{what} did not happen within {seconds} s")


@pytest.fixture
def server(new_brief: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """`briefing serve` on a free loopback port, in a copy of a new brief."""
    project = tmp_path / "live"
    shutil.copytree(new_brief, project)
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    process = subprocess.Popen(
        [*CLI, "serve", "--port", "0"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )

    def output() -> str:
        log.flush()
        return (tmp_path / "serve.log").read_text("utf-8")

    try:
        wait_for(
            lambda: "http://127.0.0.1:" in output() or process.poll() is not None,
            90,
            "the first build",
        )
        found = re.search(r"http://127\.0\.0\.1:\d+/", output())
        assert found, output()
        wait_for(lambda: "<html" in fetch_or_nothing(found.group()), 30, "the first page")
        time.sleep(1)  # the file watcher starts with the server; edits before it are not seen
        yield project, found.group(), output
    finally:
        interrupt(process)
        log.close()


def test_serve_shows_an_edit_to_the_fact_file(server) -> None:  # type: ignore[no-untyped-def]
    project, url, output = server
    brief_url = url + "_generated/brief.html"
    assert "40-million-euro bridge across" in page(fetch_whole(brief_url)).text
    generated = project / "docs" / "_generated"
    doctrees = project / "_build" / "serve" / "doctrees" / "_generated"
    before = {
        p: p.stat().st_mtime_ns for p in [*generated.rglob("*.md"), *doctrees.rglob("*.doctree")]
    }
    inputs = tree_digest(project / "seeds")
    facts = project / "docs" / "facts.yaml"
    facts.write_text(
        facts.read_text("utf-8").replace(
            "40-million-euro bridge across the Wend on",
            "40-million-euro footbridge across the Wend on",
        ),
        "utf-8",
    )
    seconds = wait_for(
        lambda: "40-million-euro footbridge" in page(fetch_whole(brief_url)).text,
        60,
        "the edit showing in the preview",
    )
    print(f"\nserve: the edited fact file showed in the preview after {seconds:.1f} s")
    assert "The last build" not in fetch_whole(brief_url), "no problem banner after a good build"
    wait_for(lambda: "built in" in output().split("rebuilding", 1)[-1], 30, "the rebuild's report")
    changed = {
        p.relative_to(project).as_posix()
        for p, mtime in before.items()
        if p.stat().st_mtime_ns != mtime
    }
    # Only the page that prints the summary was rewritten and re-read; no rebuild loop ran.
    assert changed == {"docs/_generated/brief.md", "_build/serve/doctrees/_generated/brief.doctree"}
    assert output().count("rebuilding") == 1, output()
    assert tree_digest(project / "seeds") == inputs


def test_serve_follows_versions_and_templates(server) -> None:  # type: ignore[no-untyped-def]
    project, url, output = server
    with (project / "seeds" / "wire.txt").open("a", encoding="utf-8") as version:
        version.write("\nThe mayor cut a ribbon at the site on Tuesday.\n")
    wire_url = url + "_generated/sources/wire.html"
    wait_for(
        lambda: "The mayor cut a ribbon" in page(fetch_whole(wire_url)).text,
        60,
        "a new paragraph of a version showing",
    )
    packaged = REPO / "briefing" / "render" / "templates" / "brief.md.jinja"
    override = packaged.read_text("utf-8").replace("## The story", "## The story\n\nDesk copy.", 1)
    (project / "templates" / "brief.md.jinja").write_text(override, "utf-8")
    brief_url = url + "_generated/brief.html"
    wait_for(
        lambda: "Desk copy." in page(fetch_whole(brief_url)).text, 60, "a project template showing"
    )


def test_serve_shows_the_build_problems_on_the_page(server) -> None:  # type: ignore[no-untyped-def]
    project, url, output = server
    facts = project / "docs" / "facts.yaml"
    good = facts.read_text("utf-8")
    facts.write_text(good.replace("entity: marta-olsen", "entity: marta-olsn"), "utf-8")
    index_url = url + "index.html"
    wait_for(lambda: "briefing-serve-problems" in fetch_whole(index_url), 60, "the problem banner")
    banner = fetch_whole(index_url).split('id="briefing-serve-problems"', 1)[1]
    assert re.search(r"facts\.yaml:\d+:\d+", banner)
    assert "marta-olsn" in banner and "did you mean" in banner
    assert "council" in page(fetch_whole(index_url)).text  # the page itself is still there
    facts.write_text(good, "utf-8")
    wait_for(
        lambda: "briefing-serve-problems" not in fetch_whole(index_url),
        60,
        "the banner going away once the fact file is fixed",
    )
    assert "facts.yaml" in output()  # the terminal has the problem too
