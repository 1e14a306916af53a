"""A merge key with an override was reported as three duplicate keys, and a tag on a
mapping was accepted silently (issue 15, item 10): merge keys are read as YAML defines
them, and tags other than the plain ones are refused where they stand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..briefs import assert_no_traceback, basic_project, run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return basic_project(tmp_path / "brief")


MERGED = """
corrections:
  kovacs-name: &name
    kind: name
    wrong: Anna Kovach
    right: Anna Kovacs
    entity: anna-kovacs
    evidence:
      - source: gazette
        quote: Anna Kovacs, chair
  kovacs-short:
    <<: *name
    wrong: Kovach
    right: Kovacs
    note: the surname alone
"""


def test_a_merge_key_with_overrides_is_read_as_yaml_defines_it(project: Path) -> None:
    facts = project / "facts.yaml"
    head = facts.read_text("utf-8").split("corrections:\n")[0]
    facts.write_text(head + MERGED.lstrip("\n"), "utf-8")
    result = run(project, "check")
    assert "duplicate key" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "2 corrections" in result.stdout


@pytest.mark.parametrize("tag", ["!!omap", "!!set", "!!python/object:os.system", "!custom"])
def test_a_tag_on_a_mapping_is_refused_where_it_stands(project: Path, tag: str) -> None:
    facts = project / "facts.yaml"
    text = facts.read_text("utf-8")
    facts.write_text(text.replace("entities:\n", f"entities: {tag}\n", 1), "utf-8")
    line = text.splitlines().index("entities:") + 1
    result = run(project, "check")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert re.search(rf"facts\.yaml:{line}:\d+: the tag {re.escape(tag)}", result.stderr), (
        result.stderr
    )
