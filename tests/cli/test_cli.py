"""The command line as an editor meets it: quiet when all is well, one line per stage,
and for broken input a `file:line:col` message, exit status 1 and never a traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ..briefs import CLI
from ..conftest import ROOTS, tree_digest

ROOT = ROOTS / "test-basic"


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args, "--source", "."], cwd=project, capture_output=True, text=True, timeout=600
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the small test brief (its conf.py beside its pages: source folder ".")."""
    folder = tmp_path / "brief"
    shutil.copytree(ROOT, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), "utf-8")


# --- quiet when nothing is wrong -----------------------------------------------------------


def test_check_prints_one_line_when_ok(project: Path) -> None:
    result = run(project, "check")
    assert result.returncode == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing check: ok (2 versions")


def test_build_prints_one_line_per_stage_with_its_time(project: Path) -> None:
    result = run(project, "build", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert [line.split(":")[1].split()[0] for line in lines] == ["check", "HTML"], lines
    assert all(re.search(r"\(\d+\.\d s\)$", line) for line in lines), lines
    assert "_build/html/index.html" in lines[1]


def test_build_quiet_prints_nothing_and_verbose_prints_sphinx(project: Path) -> None:
    quiet = run(project, "build", "--no-pdf", "-q")
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == "" and quiet.stderr == ""
    plain = run(project, "build", "--no-pdf")
    verbose = run(project, "build", "--no-pdf", "-v")
    assert verbose.returncode == 0, verbose.stderr
    # Sphinx's own lines (whatever their wording) come on top of the stage lines.
    assert len(verbose.stdout.splitlines()) > len(plain.stdout.splitlines()) + 5


def test_build_quiet_still_reports_problems(project: Path) -> None:
    edit(project / "index.md", "{brief:fact}`met-tuesday`", "{brief:fact}`met-tusday`")
    result = run(project, "build", "--no-pdf", "-q")
    assert result.returncode == 1
    assert result.stdout == ""
    assert re.search(
        r"index\.md:\d+:.* unknown fact id 'met-tusday'; did you mean "
        r"'met-tuesday'\?",
        result.stderr,
    ), result.stderr


# --- "did you mean" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    claim: The council",
            "    claimm: The council",
            r"facts\.yaml:\d+:\d+: facts/met-tuesday: unknown key 'claimm' — "
            r"did you mean 'claim'\?",
        ),
        (
            "  title: Harbour talks\n",
            "  titel: Harbour talks\n",
            r"facts\.yaml:\d+:\d+: brief: unknown key 'titel' — did you mean 'title'\?",
        ),
        (
            "      - source: wire\n",
            "      - source: wirre\n",
            r"facts\.yaml:\d+:\d+: unknown source id 'wirre' — did you mean 'wire'\?",
        ),
        (
            "entities: [anna-kovacs, port-authority]",
            "entities: [anna-kovac, port-authority]",
            r"facts\.yaml:\d+:\d+: unknown entity id 'anna-kovac' — did you mean 'anna-kovacs'\?",
        ),
        (
            "      facts: [met-tuesday]",
            "      facts: [met-tuesdy]",
            r"facts\.yaml:\d+:\d+: unknown fact id 'met-tuesdy' — did you mean 'met-tuesday'\?",
        ),
    ],
)
def test_check_suggests_the_closest_key_or_id(
    project: Path, old: str, new: str, expected: str
) -> None:
    edit(project / "facts.yaml", old, new)
    result = run(project, "check")
    assert result.returncode == 1
    assert re.search(expected, result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_id_in_a_page_role_suggests_the_closest(project: Path) -> None:
    edit(project / "index.md", "{brief:entity}`anna-kovacs`", "{brief:entity}`ana-kovacs`")
    result = run(project, "build", "--no-pdf")
    assert result.returncode == 1
    assert re.search(
        r"index\.md:3:.* unknown entity id 'ana-kovacs'; did you mean "
        r"'anna-kovacs'\?",
        result.stderr,
    ), result.stderr


# --- broken input: located, exit 1, no traceback -------------------------------------------


def _non_utf8(p: Path) -> None:
    (p / "seeds" / "wire.txt").write_bytes(b"The city council met the Port Authority.\nCaf\xe9\n")


def _utf16(p: Path) -> None:
    (p / "seeds" / "wire.txt").write_bytes("The council met.".encode("utf-16"))


def _empty(p: Path) -> None:
    (p / "seeds" / "wire.txt").write_bytes(b"")


def _blank(p: Path) -> None:
    (p / "seeds" / "wire.txt").write_bytes("\ufeff  \r\n\t\r\n".encode())


def _facts_outside(p: Path) -> None:
    (p.parent / "stolen.yaml").write_text("brief: {}\n", "utf-8")
    with (p / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('briefing_facts = "../../stolen.yaml"\n')


def _seeds_outside(p: Path) -> None:
    with (p / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('briefing_seeds = "/etc"\n')


def _symlink_out(p: Path) -> None:
    outside = p.parent / "elsewhere.txt"
    outside.write_text("A version kept elsewhere.\n", "utf-8")
    os.symlink(outside, p / "seeds" / "linked.txt")


def _declared_outside(p: Path) -> None:
    edit(p / "facts.yaml", "    file: rewrite.txt", "    file: ../conf.py")


def _facts_not_utf8(p: Path) -> None:
    facts = p / "facts.yaml"
    facts.write_bytes(facts.read_bytes().replace(b"Harbour talks\n", b"Harbour t\xe2lks\n", 1))


def _facts_control(p: Path) -> None:
    edit(p / "facts.yaml", "  title: Harbour talks\n", "  title: Harbour\x1b talks\n")


def _facts_escape(p: Path) -> None:
    edit(p / "facts.yaml", "  title: Harbour talks\n", '  title: "Harbour\\e talks"\n')


def _facts_surrogate(p: Path) -> None:
    edit(p / "facts.yaml", "  title: Harbour talks\n", '  title: "Harbour talks\\ud83d"\n')


def _facts_deep(p: Path) -> None:
    with (p / "facts.yaml").open("a", encoding="utf-8") as facts:
        facts.write("extra: " + "[" * 5000 + "]" * 5000 + "\n")


def _facts_deep_below_limits(p: Path) -> None:
    with (p / "facts.yaml").open("a", encoding="utf-8") as facts:
        facts.write("extra: " + "[" * 80 + "]" * 80 + "\n")


def _facts_empty(p: Path) -> None:
    (p / "facts.yaml").write_text("# nothing yet\n", "utf-8")


def _conf_syntax(p: Path) -> None:
    with (p / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("briefing_seeds = 'seeds\n")


def _name_not_utf8(p: Path) -> None:
    (p / "seeds").joinpath(os.fsdecode(b"caf\xe9.txt")).write_text("A version.\n", "utf-8")


BROKEN: dict[str, tuple[Callable[[Path], None], str]] = {
    "non-UTF-8 version": (_non_utf8, r"^seeds/wire\.txt:2:4: version is not UTF-8 \(byte 0xe9\)"),
    "UTF-16 version": (_utf16, r"^seeds/wire\.txt:1:1: version is UTF-16, not UTF-8"),
    "empty version": (_empty, r"^seeds/wire\.txt:1:1: version has no text"),
    "blank version": (_blank, r"^seeds/wire\.txt:1:1: version has no text"),
    "fact file outside": (
        _facts_outside,
        r"^conf\.py:7:18: briefing_facts = "
        r"'\.\./\.\./stolen\.yaml' points outside the project",
    ),
    "seeds outside": (_seeds_outside, r"^conf\.py:7:18: briefing_seeds = '/etc' points outside"),
    "symlink out of seeds": (_symlink_out, r"^seeds/linked\.txt: links outside the seeds folder"),
    "declared file outside": (
        _declared_outside,
        r"^facts\.yaml:16:11: version file "
        r"'\.\./conf\.py' is not a file inside",
    ),
    "non-UTF-8 fact file": (
        _facts_not_utf8,
        r"^facts\.yaml:2:19: fact file is not UTF-8 \(byte 0xe2\)",
    ),
    "control character": (_facts_control, r"^facts\.yaml:2:17: control character U\+001B"),
    "escaped control": (
        _facts_escape,
        r"^facts\.yaml:2:10: brief/title: the text holds "
        r"control character U\+001B",
    ),
    # libyaml refuses a lone surrogate while parsing (in its own words); PyYAML's Python
    # parser lets it through to the check of the strings. Either way: located, on line 2.
    "escaped surrogate": (
        _facts_surrogate,
        r"^facts\.yaml:2:\d+: (malformed YAML: |"
        r"brief/title: the text holds control character U\+D83D)",
    ),
    "deep nesting": (_facts_deep, r"^facts\.yaml:\d+:\d+: the fact file nests too deeply"),
    "deep nesting, below the parser's limit": (
        _facts_deep_below_limits,
        r"^facts\.yaml:\d+:\d+: the fact file nests too deeply",
    ),
    "empty fact file": (_facts_empty, r"^facts\.yaml:1:1: the fact file is empty"),
    "conf.py syntax": (_conf_syntax, r"^conf\.py:7:18: conf\.py cannot be read"),
    "non-UTF-8 file name": (
        _name_not_utf8,
        r"^seeds/caf\\xe9\.txt|^seeds/caf.\.txt: the file "
        r"name is not UTF-8",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_input_is_located_without_traceback(project: Path, case: str) -> None:
    breaks, expected = BROKEN[case]
    breaks(project)
    before = tree_digest(project)
    result = run(project, "check")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert re.search(expected, result.stderr, re.MULTILINE), result.stderr
    assert tree_digest(project) == before, "check wrote into the project"
    if "nesting" in case:  # one message, whose hint is about nesting, not about syntax
        assert result.stderr.count("nests too deeply") == 1, result.stderr
        assert "check indentation, colons and quotes" not in result.stderr


@pytest.mark.parametrize("case", ["fact file outside", "symlink out of seeds", "empty version"])
def test_build_refuses_broken_input_too(project: Path, case: str) -> None:
    breaks, expected = BROKEN[case]
    breaks(project)
    result = run(project, "build", "--no-pdf")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(expected, result.stderr, re.MULTILINE), result.stderr
    assert not (project / "_build" / "html").exists()


def test_sphinx_build_refuses_a_fact_file_outside_the_project(
    project: Path, tmp_path: Path
) -> None:
    _facts_outside(project)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "build",
            "-b",
            "html",
            str(project),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # Sphinx 9 reports every error with its own short report; the message leads it.
    assert result.returncode != 0
    assert "briefing_facts = '../../stolen.yaml' points outside the project" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_new_refuses_a_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x", "utf-8")
    result = subprocess.run(
        [*CLI, "new", "taken"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "taken is not empty" in result.stderr and "Traceback" not in result.stderr


def test_unreviewed_discrepancies_fail_only_a_strict_check(project: Path) -> None:
    seeds = project / "seeds"
    (seeds / "late.txt").write_text(
        (seeds / "wire.txt").read_text("utf-8").replace("Tuesday", "Monday"), "utf-8"
    )
    assert run(project, "check").returncode == 0
    strict = run(project, "check", "--strict")
    assert strict.returncode == 1 and "not reviewed" in strict.stderr
