"""Discrepancies between versions and with the record: what is found, how it is classed,
what is expected, and what reviews it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import pipeline
from briefing.discrepancies import (Discrepancy, _Candidates, name_similarity, near_misses,
                                    quote_spans)

FACTS = """\
brief: {title: Harbour talks, date: "2026-01-15", summary: The port authority met.}
sources:
  wire: {kind: version, file: wire.txt, title: Wire, label: Wire copy}
entities:
  anna-kovacs: {name: Anna Kovacs, kind: person, role: Chair., aliases: [Kovacs]}
  port-authority:
    name: Port Authority
    kind: institution
    role: Runs the harbour.
    former_names: [Harbour Board]
  city-council: {name: City Council, kind: institution, role: The city's council.}
  gazette: {name: City Gazette, kind: publication, role: Newspaper.}
"""
WIRE = """\
Anna Kovacs, who chairs the Port Authority, met the City Council on Tuesday, the City \
Gazette reported.
She said 40 ships a day use the harbour. "We will not raise the fees this year," Kovacs said.
The council approved the plan in March.
"""


def project(tmp_path: Path, versions: dict[str, str], extra: str = "") -> pipeline.Result:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "facts.yaml").write_text(FACTS + textwrap.dedent(extra), "utf-8")
    for name, text in {"wire": WIRE, **versions}.items():
        (tmp_path / "seeds" / f"{name}.txt").write_text(text, "utf-8")
    return pipeline.check(tmp_path / "facts.yaml", tmp_path / "seeds")


def of(result: pipeline.Result, version: str) -> list[Discrepancy]:
    return [d for d in result.analysis.discrepancies if d.source == version]


def edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_each_kind_is_found_with_its_expected_form(tmp_path: Path) -> None:
    copy = WIRE.replace("She said", "She told reporters")  # a rewording, not an error
    result = project(tmp_path, {
        "copy": copy,
        "bad": edit(copy, ("Anna Kovacs", "Anna Kovach"),
                    ("the Port Authority", "the Harbour Board"),
                    ("the City Council", "the City Gazette"), ("Tuesday", "Monday"),
                    ("40 ships", "14 ships"), ("will not raise", "will raise"),
                    ("this year", "next year"),
                    ("City Gazette reported", "Harbour Times reported")),
    })
    found = {(d.kind, d.found, d.expected) for d in of(result, "bad")}
    assert ("name", "Anna Kovach", "Anna Kovacs") in found  # a near miss of the entity
    assert ("institution", "Harbour Board", "Port Authority") in found  # a former name
    assert ("institution", "City Gazette", "City Council") in found  # a real but wrong body
    assert ("date", "Monday", "Tuesday") in found
    assert ("number", "14", "40") in found
    assert ("institution", "Harbour Times", "City Gazette") in found  # another outlet
    kinds = {d.kind for d in of(result, "bad")}
    assert {"meaning", "quote"} <= kinds  # the negation dropped, "next year" in the quote
    assert of(result, "copy") == [] and of(result, "wire") == []


def test_majority_decides_and_names_the_majority_form(tmp_path: Path) -> None:
    result = project(tmp_path, {"a": WIRE, "b": WIRE.replace("in March", "in April")})
    (item,) = of(result, "b")
    assert (item.kind, item.found, item.expected, item.basis) == ("date", "April", "March",
                                                                  "majority")
    assert dict(item.others) == {"wire": "March", "a": "March"}
    assert item.anchor == "p3s1" and item.paragraph == "p3"


def test_two_versions_that_disagree_are_both_listed(tmp_path: Path) -> None:
    result = project(tmp_path, {"b": WIRE.replace("in March", "in April")})
    listed = result.analysis.discrepancies
    assert {(d.source, d.found) for d in listed} == {("wire", "March"), ("b", "April")}
    assert all(d.expected is None and d.basis is None for d in listed)
    assert len({d.site for d in listed}) == 1  # one place, two readings


def test_the_record_breaks_a_tie(tmp_path: Path) -> None:
    fact = """
    facts:
      plan-march:
        claim: The council approved the plan in March.
        status: verified
        evidence: [{source: wire, quote: The council approved the plan in March.}]
    """
    result = project(tmp_path, {"b": WIRE.replace("in March", "in April")}, fact)
    (item,) = result.analysis.discrepancies
    assert (item.source, item.expected, item.basis) == ("b", "March", "record")


def test_corrections_and_accepted_wordings_review_discrepancies(tmp_path: Path) -> None:
    reviews = """
    corrections:
      april:
        kind: date
        wrong: plan in April
        right: plan in March
        evidence: [{source: wire, quote: approved the plan in March}]
    accepted:
      fourteen:
        kind: number
        forms: [14 ships, 40 ships]
        note: Both figures were given at the meeting.
    """
    result = project(tmp_path, {"a": WIRE, "b": edit(WIRE, ("in March", "in April"),
                                                     ("40 ships", "14 ships"))}, reviews)
    by_kind = {d.kind: d for d in of(result, "b")}
    assert by_kind["date"].reviewed == ("correction", "april")
    assert by_kind["date"].expected == "plan in March"  # the correction's right form
    assert by_kind["number"].reviewed == ("accepted", "fourteen")


def test_near_misses_are_names_not_words() -> None:
    assert name_similarity("Thomas Renier", "Thomas Regnier") >= 80
    assert name_similarity("Pyotr Vasilevsky", "Piotr Wasilewski") >= 70
    assert name_similarity("Commissioner", "Commission") == 0  # another word
    assert name_similarity("Thomas Renard", "Thomas Regnier") < 50  # another person
    text = "The Commissioner met Thomas Renier and the Nordic ministers at Antropic."
    found = {text[a:b]: form for a, b, form, _ in near_misses(
        ["Commission", "Thomas Regnier", "Anthropic", "Nordgrid"], text, set())}
    assert found == {"Thomas Renier": "Thomas Regnier", "Antropic": "Anthropic"}


def test_quotations_span_sentences_and_skip_apostrophes() -> None:
    text = "He said “We won’t. Not now.” Then 'yes' it's done.\n“Open quote runs on"
    spans = [text[a:b] for a, b in quote_spans(text)]
    assert spans == ["We won’t. Not now.", "yes", "Open quote runs on"]


def test_unreviewed_discrepancies_fail_only_a_strict_check(tmp_path: Path) -> None:
    from briefing import cli

    project(tmp_path, {"a": WIRE, "b": WIRE.replace("in March", "in April")})
    (tmp_path / "conf.py").write_text('briefing_facts = "facts.yaml"\n', "utf-8")
    assert cli.main(["check", "--project", str(tmp_path)]) == 0
    assert cli.main(["check", "--strict", "--project", str(tmp_path)]) == 1


def _runs_word_by_word(text: str) -> tuple[tuple[int, int], ...]:
    """Capitalised runs as the definition reads: every word of the whole text in turn."""
    from briefing.discrepancies import _POSSESSIVE, _TOKEN

    words: list[tuple[int, int]] = []
    runs: list[list[tuple[int, int]]] = []
    for match in _TOKEN.finditer(text):
        word = _POSSESSIVE.sub("", match.group().rstrip("."))
        if not next((c for c in word if c.isalpha()), "").isupper():
            words = []
            continue
        if words and text[words[-1][1]:match.start()].strip(".'’") != " ":
            words = []
        if not words:
            runs.append(words)
        words.append((match.start(), match.start() + len(word)))
    return tuple((run[i][0], run[j][1]) for run in runs for i in range(len(run))
                 for j in range(i, min(len(run), i + 4)))


def _runs_piecewise(text: str, *others: str) -> list[tuple[int, int]]:
    """Capitalised runs of ``text`` as the near-miss search reads them, with ``others``
    read before it: each distinct piece once."""
    candidates = _Candidates((*others, text))
    spans = []
    for i, name in enumerate(candidates.names):
        for start, end in candidates.places(i).get(len(others), []):
            assert text[start:end] == name
            spans.append((start, end))
    return sorted(spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("Ab. c'’sD\n\tE.FU.S.12,3“Q”‘x’É-Ł/ñ "), max_size=60))
def test_capitalised_runs_read_piecewise_are_those_of_the_whole_text(text: str) -> None:
    # Runs go on across sentences ("the Agency. The Board"); pieces are read once each.
    assert _runs_piecewise(text) == sorted(_runs_word_by_word(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["The Harbour Agency.", "Board", "met", "U.S. Senate.",
                                 "A. B. C.", "Ed", "it.", "\n"]), max_size=25))
def test_capitalised_runs_of_repeated_pieces_are_placed_at_each(words: list[str]) -> None:
    # Pieces repeat within and across texts: each occurrence gets its own places.
    text, other = " ".join(words), " ".join(reversed(words))
    assert _runs_piecewise(text, other) == sorted(_runs_word_by_word(text))
    assert _runs_piecewise(other, text) == sorted(_runs_word_by_word(other))


def test_capitalised_runs_cross_sentences_as_the_text_does() -> None:
    text = "He met the Harbour Agency. The Board agreed.\nNew Line here."
    spans = {text[a:b] for a, b in _runs_piecewise(text)}
    assert "Harbour Agency. The Board" in spans
    assert "Agency. The Board agreed" not in spans  # "agreed" is no capital
    assert not any("\n" in span for span in spans)
