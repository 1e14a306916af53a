"""The fact file: located errors for every kind of bad input, and the inputs left untouched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.load import load_project
from briefing.problems import Code, ProblemsFound
from briefing.yamlmarks import MAX_VALUES, load_yaml

from ..conftest import ROOTS, tree_digest

BASIC = ROOTS / "test-basic"


@pytest.fixture
def basic(tmp_path: Path) -> Path:
    project = tmp_path / "basic"
    shutil.copytree(BASIC, project)
    return project


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "check", "--project", str(project), "--source", "."],
        capture_output=True,
        text=True,
        cwd=project,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_marks_point_at_values() -> None:
    data, marks, problems = load_yaml("a:\n  b: [1, 2]\n  c: x\n", Path("f.yaml"))
    assert problems == []
    assert data == {"a": {"b": [1, 2], "c": "x"}}
    assert marks[("a", "c")] == (3, 6)
    assert marks[("a", "b", 1)] == (2, 10)


def test_duplicate_key_is_refused_with_both_lines() -> None:
    _, _, problems = load_yaml("facts:\n  x: 1\n  y: 2\n  x: 3\n", Path("f.yaml"))
    assert [(p.line, p.col, p.code) for p in problems] == [(4, 3, Code.DUPLICATE_KEY)]
    assert "first defined on line 2" in problems[0].message


def test_check_passes_on_a_good_project(basic: Path) -> None:
    result = run_check(basic)
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  title: Harbour talks\n",
            "  title: Harbour talks\n  title: Again\n",
            "facts.yaml:3:3: duplicate key 'title' (first defined on line 2)",
        ),
        ("  summary: The port", "  summary: [The port", "facts.yaml:5:"),
        (
            "      facts: [met-tuesday]",
            "      facts: [met-tusday]",
            "facts.yaml:7:15: unknown fact id 'met-tusday' — did you mean 'met-tuesday'?",
        ),
        (
            "    entity: anna-kovacs\n    evidence:\n      - source: gazette\n        quote: Anna",
            "    entity: ana-kovacs\n    evidence:\n      - source: gazette\n        quote: Anna",
            "facts.yaml:50:13: unknown entity id 'ana-kovacs' — did you mean 'anna-kovacs'?",
        ),
        ("    file: wire.txt", "    file: wired.txt", "facts.yaml:11:11: version not found"),
        (
            "    status: verified",
            "    status: confirmed",
            "facts.yaml:38:13: facts/met-tuesday/status: 'confirmed' is not one of",
        ),
        (
            "    claim: The council",
            "    clam: The council",
            "unknown key 'clam' — did you mean 'claim'?",
        ),
        (
            "        quote: The city council met the Port Authority on Tuesday.",
            "        quote: The city council met the harbour board on Tuesday.",
            "quote not found in source 'wire' — closest passage",
        ),
        ("    file: wire.txt", "    file: ../../etc/passwd", "is not a file inside"),
        ('  date: "2026-01-15"', "  date: 15 January", "is not a date"),
    ],
)
def test_bad_input_gets_a_located_message(basic: Path, old: str, new: str, expected: str) -> None:
    edit(basic / "facts.yaml", old, new)
    before = tree_digest(basic)
    result = run_check(basic)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(basic) == before  # inputs are never written


def test_non_utf8_version_is_located(basic: Path) -> None:
    (basic / "seeds" / "wire.txt").write_bytes(
        "Caf\u00e9 talks\nsecond line caf".encode() + b"\xe9 here\n"
    )
    result = run_check(basic)
    assert result.returncode == 1
    assert "seeds/wire.txt:2:16: version is not UTF-8 (byte 0xe9)" in result.stderr
    assert "Traceback" not in result.stderr


def test_non_utf8_fact_file_is_located(basic: Path) -> None:
    path = basic / "facts.yaml"
    path.write_bytes(path.read_bytes().replace(b"Harbour talks\n", b"Harbour t\xe4lks\n", 1))
    result = run_check(basic)
    assert result.returncode == 1
    assert "facts.yaml:2:19: fact file is not UTF-8" in result.stderr


def test_missing_fact_file(basic: Path) -> None:
    (basic / "facts.yaml").unlink()
    result = run_check(basic)
    assert result.returncode == 1
    assert "fact file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_quote_tolerates_typographic_quotes_and_spacing(basic: Path) -> None:
    edit(
        basic / "facts.yaml",
        "quote: The city council met the Port Authority on Tuesday.",
        'quote: "The city   council met the Port Authority on Tuesday."',
    )
    assert run_check(basic).returncode == 0


def test_empty_and_undeclared_versions(basic: Path) -> None:
    (basic / "seeds" / "late.txt").write_text("A late copy names Anna Kovach.\n", "utf-8")
    project, problems = load_project(basic / "facts.yaml", basic / "seeds")
    assert problems == []
    late = project.sources["late"]
    assert late.is_version and not late.declared and late.file == "late.txt"
    (basic / "seeds" / "empty.txt").write_text("\n\n", "utf-8")
    with pytest.raises(ProblemsFound) as caught:
        load_project(basic / "facts.yaml", basic / "seeds")
    assert [p.code for p in caught.value.problems] == [Code.EMPTY_SOURCE]


def test_alias_expansion_is_bounded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    data, _, problems = load_yaml("\n".join(lines) + "\n", Path("f.yaml"))
    assert data is None
    assert [p.code for p in problems] == [Code.YAML]
    assert f"more than {MAX_VALUES:,} values" in problems[0].message


@pytest.mark.parametrize("loader", ["libyaml", "python"])
@pytest.mark.parametrize("depth", [80, 5000])
def test_deep_nesting_is_one_located_message_whoever_stops_first(
    monkeypatch: pytest.MonkeyPatch, loader: str, depth: int
) -> None:
    """libyaml and Python's recursion stop at their own depths, in their own words; the
    editor reads one message about nesting, where the nesting passes the limit."""
    import yaml

    from briefing import yamlmarks

    if loader == "python":
        monkeypatch.setattr(yamlmarks, "_Loader", yaml.SafeLoader)
    text = "brief:\n  title: x\nextra: " + "[" * depth + "]" * depth + "\n"
    data, _, problems = load_yaml(text, Path("f.yaml"))
    assert data is None
    assert [(p.line, p.code) for p in problems] == [(3, Code.YAML)]
    assert "nests too deeply" in problems[0].message
    assert problems[0].col == 7 + yamlmarks.MAX_DEPTH  # the bracket one level too deep
    assert "quotes" not in problems[0].hint
