"""`briefing new --empty` starts a brief from the editor's own seeds; `briefing
remove-sample` clears the sample story from a project `new` made, and only if untouched."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from ..conftest import REPO, tree_digest
from .test_new_and_serve import page, run

# Real published versions of one story, as saved (page furniture included).
STORY = REPO / "tests" / "fixtures" / "real" / "pope-surrogacy-ban"
# The original, a close copy and a rewrite that adds sentences of its own.
FIRST_SEEDS = ["dailyexcelsior.txt", "newser.txt", "worldreportnow.txt"]


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def add_seeds(project: Path) -> None:
    for name in FIRST_SEEDS:
        shutil.copy(STORY / name, project / "seeds" / name)


def test_an_empty_brief_has_no_sample_in_it(tmp_path: Path) -> None:
    result = run("new", "mine", "--empty", "--title", "Surrogacy: what the Pope said", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "mine"
    assert not any(
        name.startswith("seeds/") and name != "seeds/.gitkeep" for name in files_of(project)
    )
    facts = yaml.safe_load((project / "docs" / "facts.yaml").read_text("utf-8"))
    assert facts["brief"]["title"] == "Surrogacy: what the Pope said"
    assert not any(
        facts.get(section) for section in ("sources", "entities", "facts", "corrections")
    )
    index = (project / "docs" / "index.md").read_text("utf-8")
    assert "{brief:" not in index, "the front page cites nothing the record lacks"
    check = run("check", cwd=project)
    assert check.returncode == 1
    assert "no versions" in check.stderr and "seeds" in check.stderr
    assert "Traceback" not in check.stderr


def test_suggest_check_and_build_pass_on_the_first_seeds(tmp_path: Path) -> None:
    assert run("new", "mine", "--empty", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    add_seeds(project)
    facts_before = (project / "docs" / "facts.yaml").read_bytes()
    suggest = run("suggest", cwd=project)
    assert suggest.returncode == 0, suggest.stderr
    suggested = yaml.safe_load(suggest.stdout)
    assert suggested.get("corrections") or suggested.get("accepted"), "the versions differ"
    check = run("check", cwd=project)
    assert check.returncode == 0, check.stderr
    assert f"{len(FIRST_SEEDS)} versions" in check.stdout
    build = run("build", "--no-pdf", cwd=project)
    assert build.returncode == 0, build.stderr
    assert build.stderr == "", "an empty brief builds without a warning"
    assert (project / "_build" / "html" / "_generated" / "comparison.html").is_file()
    assert (project / "docs" / "facts.yaml").read_bytes() == facts_before


def test_remove_sample_leaves_an_empty_brief_with_the_title(tmp_path: Path) -> None:
    assert run("new", "mine", "--title", "Harbour bridge", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    add_seeds(project)  # the editor's first seeds, beside the sample's
    result = run("remove-sample", cwd=project)
    assert result.returncode == 0, result.stderr
    names = files_of(project)
    assert "seeds/wire.txt" not in names and "docs/excerpts/minutes.txt" not in names
    assert {f"seeds/{name}" for name in FIRST_SEEDS} <= names, "the editor's seeds stay"
    facts = yaml.safe_load((project / "docs" / "facts.yaml").read_text("utf-8"))
    assert facts["brief"]["title"] == "Harbour bridge"
    assert not facts["entities"] and not facts["corrections"]
    check = run("check", cwd=project)
    assert check.returncode == 0, check.stderr


def test_remove_sample_keeps_a_sample_the_editor_changed(tmp_path: Path) -> None:
    assert run("new", "mine", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    facts = project / "docs" / "facts.yaml"
    facts.write_text(facts.read_text("utf-8") + "\n# my own note\n", "utf-8")
    before = tree_digest(project)
    result = run("remove-sample", cwd=project)
    assert result.returncode == 1
    assert "docs/facts.yaml" in result.stderr and "nothing removed" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(project) == before


def test_an_addition_accepted_as_a_correction_builds_into_the_errata(tmp_path: Path) -> None:
    assert run("new", "mine", "--empty", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    add_seeds(project)
    suggested = json.loads(run("suggest", "--json", cwd=project).stdout)
    addition = next(s for s in suggested if s["kind"] == "addition" and '"' not in s["found"])
    review = run("review", "--accept", addition["id"], cwd=project)
    assert review.returncode == 0, review.stderr
    assert run("check", cwd=project).returncode == 0
    build = run("build", "--no-pdf", cwd=project)
    assert build.returncode == 0, build.stderr
    errata = page((project / "_build" / "html" / "_generated" / "errata.html").read_text("utf-8"))
    assert addition["found"][:60] in errata.text
    assert "not in the original" in errata.text


def test_an_unreviewed_addition_says_the_reference_lacks_it(tmp_path: Path) -> None:
    assert run("new", "mine", "--empty", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    add_seeds(project)
    strict = run("check", "--strict", cwd=project)
    assert strict.returncode == 1
    additions = [line for line in strict.stderr.splitlines() if "unreviewed addition" in line]
    assert additions, strict.stderr
    assert all("the reference does not say it" in line for line in additions)
    assert not any("versions disagree" in line for line in additions)
    assert run("build", "--no-pdf", cwd=project).returncode == 0
    errata = page((project / "_build" / "html" / "_generated" / "errata.html").read_text("utf-8"))
    assert "none: the reference does not say it" in errata.text


def test_suggestions_come_likeliest_first_and_min_confidence_filters(tmp_path: Path) -> None:
    assert run("new", "mine", "--empty", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    for version in sorted(STORY.glob("*.txt")):  # all seven: suggestions of several kinds
        shutil.copy(version, project / "seeds" / version.name)
    every = json.loads(run("suggest", "--json", cwd=project).stdout)
    assert every and all(0 < s["confidence"] <= 1 for s in every)
    levels = sorted({s["confidence"] for s in every})
    assert len(levels) > 1, "the suggestions differ in confidence"
    threshold = levels[len(levels) // 2]
    kept = json.loads(
        run("suggest", "--json", "--min-confidence", str(threshold), cwd=project).stdout
    )
    assert [s["id"] for s in kept] == [s["id"] for s in every if s["confidence"] >= threshold]
    assert len(kept) < len(every)
    # The text output lists corrections to make, then wordings to accept: each likeliest
    # first.
    listed = run("suggest", cwd=project).stdout
    for section in listed.split("\naccepted:"):
        shown = [float(c) for c in re.findall(r"confidence (\d\.\d\d)", section)]
        assert shown and shown == sorted(shown, reverse=True)


def test_suggest_says_which_version_it_read_against_and_how_to_name_the_original(
    tmp_path: Path,
) -> None:
    assert run("new", "mine", "--empty", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    add_seeds(project)
    header = run("suggest", cwd=project).stdout.split("\ncorrections:")[0]
    taken = re.search(r"# Expected forms are (\S+)'s, the version most like the others", header)
    assert taken, header
    # The line it gives for another version, pasted under `sources:`, makes that one the
    # original.
    line = re.search(r"#   (\S+): (\{.*\})", header)
    assert line and line.group(1) == taken.group(1), header
    original = "dailyexcelsior" if taken.group(1) != "dailyexcelsior" else "newser"
    entry = json.loads(line.group(2)) | {"file": f"{original}.txt", "title": original}
    facts = project / "docs" / "facts.yaml"
    text = facts.read_text("utf-8").replace(
        "sources: {}", f"sources:\n  {original}: {json.dumps(entry)}"
    )
    facts.write_text(text, "utf-8")
    assert run("check", cwd=project).returncode == 0
    header = run("suggest", cwd=project).stdout.split("\ncorrections:")[0]
    assert f"# Expected forms are {original}'s: the original the fact file names." in header


def test_a_rewrite_s_own_claims_are_offered_as_added(tmp_path: Path) -> None:
    assert run("new", "mine", "--empty", cwd=tmp_path).returncode == 0
    project = tmp_path / "mine"
    add_seeds(project)
    suggest = run("suggest", cwd=project)
    assert suggest.returncode == 0, suggest.stderr
    accepted = yaml.safe_load(suggest.stdout).get("accepted") or {}
    added = [entry for entry in accepted.values() if entry["kind"] == "addition"]
    assert added, "the rewrite adds sentences of its own"
    # Said as what it is: a claim only these versions make, not two wordings of one.
    assert all(re.match(r"Added by [\w, -]+; \S+ does not say it\.$", e["note"]) for e in added)
