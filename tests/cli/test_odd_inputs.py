"""4. Two ids, one anchor, and 5. check passes, build crashes: ids are checked as the
build uses them (in anchors, in page names: a pattern anchored at both ends, a length),
and odd files (a FIFO, a socket, a folder, a file too large) are refused by name. Each
case: `check` and `build` both refuse, located, never a traceback, and promptly."""

from __future__ import annotations

import os
import re
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from ..briefs import assert_no_traceback, basic_project, run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return basic_project(tmp_path / "brief")


LOCATED = re.compile(r"^[^\s:]*[./][^\s:]*(:\d+){0,2}: ", re.MULTILINE)  # a file, a place


def facts_of(project: Path) -> dict[str, Any]:
    return yaml.safe_load((project / "facts.yaml").read_text("utf-8"))  # type: ignore[no-any-return]


def write_facts(project: Path, data: dict[str, Any]) -> None:
    (project / "facts.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")


def both_refuse(project: Path) -> tuple[str, str]:
    """`check` and `build --no-pdf` both exit 1 with a located message; their stderr."""
    check = run(project, "check", timeout=30)
    build = run(project, "build", "--no-pdf", timeout=120)
    for result in (check, build):
        assert result.returncode == 1, result.stderr[-2000:]
        assert_no_traceback(result)
        assert "Extension error" not in result.stderr
        assert LOCATED.search(result.stderr), result.stderr[-2000:]
    assert not (project / "_build" / "html").exists()
    return check.stderr, build.stderr


def colliding_facts(project: Path) -> None:
    data = facts_of(project)
    data["facts"]["met_tuesday"] = {**data["facts"]["met-tuesday"], "claim": "Another claim."}
    write_facts(project, data)


def colliding_entities(project: Path) -> None:
    data = facts_of(project)
    data["entities"]["port-authority-"] = dict(data["entities"]["port-authority"])
    write_facts(project, data)


def colliding_seed_names(project: Path) -> None:
    (project / "seeds" / "wire_copy.txt").write_text("The mayor spoke.\n", "utf-8")
    (project / "seeds" / "wire-copy.txt").write_text("The mayor spoke again.\n", "utf-8")


def id_with_a_line_break(project: Path) -> None:
    text = (project / "facts.yaml").read_text("utf-8")
    text = text.replace("  met-tuesday:\n", '  "met-tuesday\\n":\n')
    text = text.replace("facts: [met-tuesday]", 'facts: ["met-tuesday\\n"]')
    (project / "facts.yaml").write_text(text, "utf-8")


def long_version_id(project: Path) -> None:
    data = facts_of(project)
    data["sources"] = {("v" * 248 if k == "wire" else k): v for k, v in data["sources"].items()}
    for fact in data["facts"].values():
        for item in fact["evidence"]:
            item["source"] = "v" * 248 if item["source"] == "wire" else item["source"]
    for correction in data["corrections"].values():
        for item in correction["evidence"]:
            item["source"] = "v" * 248 if item["source"] == "wire" else item["source"]
    write_facts(project, data)


def seed_named_index(project: Path) -> None:
    (project / "seeds" / "index.txt").write_text("The mayor spoke.\n", "utf-8")


def declared_fifo(project: Path) -> None:
    (project / "seeds" / "wire.txt").unlink()
    os.mkfifo(project / "seeds" / "wire.txt")


def undeclared_fifo(project: Path) -> None:
    os.mkfifo(project / "seeds" / "pipe.txt")


def socket_in_seeds(project: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(project / "seeds" / "sock.txt"))
    server.close()  # the socket file stays


def folder_declared(project: Path) -> None:
    (project / "seeds" / "wire.txt").unlink()
    (project / "seeds" / "wire.txt").mkdir()


def device_linked(project: Path) -> None:
    (project / "seeds" / "zero.txt").symlink_to("/dev/zero")


def version_too_large(project: Path) -> None:
    (project / "seeds" / "big.txt").write_text("The harbour. " * 400_000, "utf-8")


def fact_file_too_large(project: Path) -> None:
    with (project / "facts.yaml").open("a", encoding="utf-8") as facts:
        facts.write("# " + "x" * (9 * 1024 * 1024) + "\n")


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "two facts, one anchor": (colliding_facts, r"fact id 'met_tuesday' makes the same anchor"),
    "two entities, one anchor": (colliding_entities, r"entity id 'port-authority-' makes"),
    "two seeds, one anchor": (
        colliding_seed_names,
        r"source id 'wire_copy' makes the same anchor as 'wire-copy'",
    ),
    "an id ending in a line break": (id_with_a_line_break, r"is not a valid id"),
    "a version id of 248 characters": (long_version_id, r"is longer than 64 characters"),
    "a seed named index.txt": (seed_named_index, r"'index' is the name of a generated page"),
    "a FIFO declared as a version": (declared_fifo, r"is a named pipe \(FIFO\), not a file"),
    "a FIFO in seeds/": (undeclared_fifo, r"is a named pipe \(FIFO\), not a file"),
    "a socket in seeds/": (socket_in_seeds, r"is a socket, not a file"),
    "a folder as a version": (folder_declared, r"is a folder, not a file"),
    "a device in seeds/": (device_linked, r"links outside the seeds folder|is a device"),
    "a version of 5 MB": (version_too_large, r"is 5\.\d MB, more than the 4 MB"),
    "a fact file of 9 MB": (fact_file_too_large, r"is 9\.\d MB, more than the 8 MB"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_check_and_build_both_refuse(case: str, project: Path) -> None:
    make, expected = CASES[case]
    make(project)
    check, build = both_refuse(project)
    assert re.search(expected, check), check[-2000:]
    assert re.search(expected, build), build[-2000:]


def test_colliding_ids_name_both_places(project: Path) -> None:
    colliding_facts(project)
    check = run(project, "check", timeout=30)
    found = re.search(r"facts\.yaml:(\d+):\d+: .*'met-tuesday' \(line (\d+)\)", check.stderr)
    assert found, check.stderr
    lines = (project / "facts.yaml").read_text("utf-8").splitlines()
    assert lines[int(found.group(1)) - 1].strip() == "met_tuesday:"
    assert lines[int(found.group(2)) - 1].strip() == "met-tuesday:"


def test_a_long_seed_file_name_still_builds(project: Path) -> None:
    (project / "seeds" / ("a-very-long-name-" * 14 + ".txt")).write_text(
        "The city council met the Port Authority on Tuesday.\n", "utf-8"
    )
    result = run(project, "build", "--no-pdf", "-q", timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    pages = [p.stem for p in (project / "_build/html/_generated/sources").glob("*.html")]
    assert max(len(p) for p in pages) <= 64


def test_a_fifo_never_blocks_the_check(project: Path) -> None:
    declared_fifo(project)
    try:
        result = run(project, "check", timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("check waited on a named pipe")
    assert result.returncode == 1
    assert re.search(r"facts\.yaml:\d+:\d+: version is a named pipe", result.stderr)
