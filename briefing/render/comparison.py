"""The comparison page's view: the versions side by side, sentence by sentence.

Each row of the alignment becomes a row of cells, one per version. The first column is
the pivot of the alignment (the version with the most sentences); every other cell marks
its words against the first cell of its row: words it adds as insertions, words it lacks
as deletions, so that a change shows as text, not as colour alone. A discrepancy found in
a cell links to the errata entry that reviews it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from briefing.analysis.align import Row as AlignedRow
from briefing.analysis.results import BASIS_WORDS, Analysis, Discrepancy
from briefing.model import Project, Source
from briefing.render.changes import Mark, changes_marked
from briefing.render.myst import Myst, escape, link, role, span
from briefing.text.opcodes import word_changes
from briefing.text.segment import Sentence
from briefing.text.words import WordReader

# With more versions than this, a cell with the same words as its row's first says so
# instead of repeating them: a brief of twenty versions would otherwise print each
# sentence twenty times.
COMPACT_AFTER = 4


def label(discrepancy: Discrepancy) -> str:
    """The errata's label for a discrepancy (a Sphinx label: lower case)."""
    return f"brief-disc-{discrepancy.id}".lower()


def target(discrepancy: Discrepancy) -> str:
    """Where a mark of the discrepancy links: the correction, or the errata's entry."""
    return discrepancy.target or label(discrepancy)


@dataclass(frozen=True)
class ComparedCell:
    version: Source
    status: str  # "base" (the row's first cell), "same", "changed", "moved", "missing"
    where: Myst  # a link to the version's paragraph, or empty
    text: Myst  # the sentences with their marks, or a note that they are missing
    classes: str  # CSS classes of the cell

    @property
    def present(self) -> bool:
        return self.status != "missing"


@dataclass(frozen=True)
class ComparedRow:
    number: int
    paragraph: str  # "¶3" of the first version present, for the reader's bearings
    new_paragraph: bool  # the first row of that paragraph
    cells: list[ComparedCell]


@dataclass(frozen=True)
class Summary:
    version: Source
    sentences: int
    shared: int  # its sentences found in another version too
    moved: int  # of those, found out of order
    only: int  # its sentences no other version has
    missing: int  # rows of other versions it lacks
    found: int  # discrepancies
    unreviewed: int
    kinds: str  # "2 name, 1 quote"
    lacks: str = ""  # paragraphs of the first version it has none of ("¶9–¶15")
    moved_paragraphs: str = ""  # its paragraphs found out of order
    own: str = ""  # its paragraphs that no other version has


@dataclass(frozen=True)
class Entry:
    """A discrepancy as the errata list it."""

    discrepancy: Discrepancy
    label: str
    where: Myst
    found: Myst
    expected: Myst
    review: Myst
    reviewed: bool


@dataclass
class Comparison:
    versions: list[Source]  # in column order
    rows: list[ComparedRow]
    summaries: list[Summary]
    entries: list[Entry]
    reference_basis: str = ""  # why the first column is the reference
    copies: list[Myst] = field(default_factory=list)  # groups of versions that are copies

    def entries_of(self, version: str) -> list[Entry]:
        return [e for e in self.entries if e.discrepancy.source == version]

    @property
    def unreviewed(self) -> int:
        return sum(1 for e in self.entries if not e.reviewed)


def comparison(project: Project, analysis: Analysis) -> Comparison:
    alignment = analysis.alignment
    by_id = {v.id: v for v in project.versions if v.document is not None}
    order = [alignment.pivot] if alignment.pivot in by_id else []
    order += [v for v in by_id if v not in order]
    versions = [by_id[v] for v in order]
    marks: dict[str, list[Mark]] = {}
    for item in analysis.discrepancies:
        if item.end > item.start:
            marks.setdefault(item.source, []).append(
                (
                    item.start,
                    item.end,
                    target(item),
                    ("brief-discrepancy", f"brief-discrepancy-{item.kind}"),
                )
            )
    # The errors that corrections mark, where no discrepancy stands already.
    for version, errors in analysis.wrong_places.items():
        taken = marks.setdefault(version, [])
        for place, correction in errors:
            if not any(a < place.end and place.start < b for a, b, _, _ in taken):
                taken.append(
                    (
                        place.start,
                        place.end,
                        f"correction:{correction}",
                        ("brief-discrepancy", "brief-discrepancy-correction"),
                    )
                )
    rows: list[ComparedRow] = []
    reader = WordReader()
    previous = ""
    shown: set[tuple[str, int]] = set()
    for number, row in enumerate(alignment.rows, 1):
        present = [v for v in order if row.cells.get(v)]
        if not present:
            continue
        # A sentence that merges two of another version's stands in both their rows: it
        # is shown in the first.
        fresh = {v: tuple(i for i in row.cells[v] if (v, i) not in shown) for v in present}
        joined = {v for v in present if not fresh[v]}
        shown |= {(v, i) for v in present for i in row.cells[v]}
        base = next((v for v in present if v not in joined), present[0])
        base_cell = fresh[base] or row.cells[base]
        base_sentences = _sentences(by_id[base], base_cell)
        paragraph = f"{base}:{base_sentences[0].paragraph}"
        cells = [
            _joined(by_id[v])
            if v in joined
            else _cell(
                reader,
                by_id[v],
                fresh.get(v, ()),
                by_id[base],
                base_cell,
                v == base,
                v in row.moved,
                marks.get(v, []),
            )
            for v in order
        ]
        if len(order) > COMPACT_AFTER:
            cells = [
                _same(c) if c.status == "same" and not c.text.count("](") else c for c in cells
            ]
        rows.append(
            ComparedRow(number, "¶" + paragraph.split(":p")[1], paragraph != previous, cells)
        )
        previous = paragraph
    summaries = []
    for summary in _summaries(versions, rows, analysis):
        lacks, moved, own = _paragraphs(summary.version, versions[0], alignment.rows)
        summaries.append(replace(summary, lacks=lacks, moved_paragraphs=moved, own=own))
    return Comparison(
        versions,
        rows,
        summaries,
        [_entry(project, d) for d in analysis.discrepancies],
        _reference_basis(project, analysis),
        _copies(project, analysis),
    )


def _reference_basis(project: Project, analysis: Analysis) -> str:
    """Why the reference is the reference, in a clause."""
    declared = project.reference_version
    if analysis.reference is not None and analysis.reference == declared:
        return "the original, as the fact file names it"
    return "the version most like all the others (the fact file names no original)"


def _copies(project: Project, analysis: Analysis) -> list[Myst]:
    """A sentence for each group of versions that are one voice (copies of one text)."""
    groups: dict[str, list[str]] = {}
    for version, voice in analysis.voices.items():
        groups.setdefault(voice, []).append(version)
    lines = []
    for members in groups.values():
        if len(members) > 1:
            names = [role("brief:source", m) for m in members]
            lines.append(
                Myst(
                    ", ".join(names[:-1])
                    + " and "
                    + names[-1]
                    + " are copies of one text: they count as one voice where "
                    "the versions' majority decides."
                )
            )
    return lines


def _paragraphs(version: Source, first: Source, rows: list[AlignedRow]) -> tuple[str, str, str]:
    """Which paragraphs a version lacks (of the first version), moved, or alone has."""
    assert version.document is not None and first.document is not None
    mine = version.document.sentences()
    theirs = first.document.sentences()
    seen: dict[str, set[str]] = {}  # first version's paragraph -> versions beside it
    moved: set[int] = set()
    alone: dict[int, bool] = {}
    for row in rows:
        for i in row.cells.get(first.id, ()):
            seen.setdefault(theirs[i].paragraph, set()).update(row.cells)
        for j in row.cells.get(version.id, ()):
            number = int(mine[j].paragraph[1:])
            if version.id in row.moved:
                moved.add(number)
            alone[number] = alone.get(number, True) and len(row.cells) == 1
    lacks = [int(p[1:]) for p, where in seen.items() if version.id not in where]
    return (
        _spans(lacks) if version.id != first.id else "",
        _spans(moved),
        _spans(n for n, only in alone.items() if only),
    )


def _spans(numbers: Iterable[int]) -> str:
    """Paragraph numbers as ranges: "¶3, ¶9–¶15"."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and runs[-1][1] == n - 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(f"¶{a}" if a == b else f"¶{a}–¶{b}" for a, b in runs)


def _sentences(version: Source, cell: tuple[int, ...]) -> list[Sentence]:
    assert version.document is not None
    sentences = version.document.sentences()
    return [sentences[i] for i in cell]


def _same(cell: ComparedCell) -> ComparedCell:
    """A cell with the same words as its row's first: said, not repeated."""
    return replace(
        cell,
        text=Myst("*(the same words as the first)*"),
        classes=cell.classes + " brief-compare-same",
    )


def _joined(version: Source) -> ComparedCell:
    return ComparedCell(
        version,
        "joined",
        Myst(""),
        Myst("*(joined to its sentence above)*"),
        "brief-compare-cell brief-compare-joined",
    )


def _cell(
    reader: WordReader,
    version: Source,
    cell: tuple[int, ...],
    base: Source,
    base_cell: tuple[int, ...],
    is_base: bool,
    moved: bool,
    marks: list[Mark],
) -> ComparedCell:
    if not cell:
        return ComparedCell(
            version,
            "missing",
            Myst(""),
            Myst("*(not in this version)*"),
            "brief-compare-cell brief-compare-missing",
        )
    assert version.document is not None and base.document is not None
    sentences = _sentences(version, cell)
    paragraphs = sorted({s.paragraph for s in sentences}, key=lambda p: int(p[1:]))
    where = Myst(
        ", ".join(role("brief:para", f"{version.id}:{p}", f"¶{p[1:]}") for p in paragraphs)
    )
    start, end = sentences[0].start, sentences[-1].end
    text = version.document.text
    mine = [t for s in sentences for t in reader.tokens(text, s.start, s.end, [])]
    spots = [m for m in marks if start <= m[0] < end]
    if is_base:
        body = changes_marked(text, start, end, [], spots)
        status = "base"
    else:
        base_sentences = _sentences(base, base_cell)
        theirs = [
            t for s in base_sentences for t in reader.tokens(base.document.text, s.start, s.end, [])
        ]
        edits: list[tuple[str, int, int, str]] = []  # (kind, start, end, deleted text)
        for i0, i1, j0, j1 in word_changes(mine, theirs):
            if i1 > i0:
                edits.append(("ins", mine[i0].start, mine[i1 - 1].end, ""))
            if j1 > j0:
                gone = base.document.text[theirs[j0].start : theirs[j1 - 1].end]
                at = mine[i0].start if i0 < len(mine) else end
                edits.append(("del", at, at, gone))
        body = changes_marked(text, start, end, edits, spots)
        status = "moved" if moved else ("changed" if edits else "same")
    classes = "brief-compare-cell" + (f" brief-compare-{status}" if status != "same" else "")
    if moved:
        body = Myst(f"{span('↕ moved', 'brief-moved')} {body}")
    return ComparedCell(version, status, where, body, classes)


def _summaries(
    versions: list[Source], rows: list[ComparedRow], analysis: Analysis
) -> list[Summary]:
    result = []
    for column, version in enumerate(versions):
        assert version.document is not None
        mine = [r for r in rows if r.cells[column].present]
        shared = [r for r in mine if sum(c.present for c in r.cells) > 1]
        found = [d for d in analysis.discrepancies if d.source == version.id]
        kinds = Counter(d.kind for d in found)
        result.append(
            Summary(
                version,
                len(version.document.sentences()),
                len(shared),
                sum(1 for r in mine if r.cells[column].status == "moved"),
                len(mine) - len(shared),
                len(rows) - len(mine),
                len(found),
                sum(1 for d in found if d.reviewed is None),
                ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda x: (-x[1], x[0])))
                or "none",
            )
        )
    return result


def _entry(project: Project, item: Discrepancy) -> Entry:
    where = role(
        "brief:para",
        f"{item.source}:{item.paragraph}",
        f"¶{item.paragraph[1:]}, sentence {item.anchor.partition('s')[2]}",
    )
    expected = escape(
        "none: the reference does not say it"
        if item.kind == "addition"
        else "unknown: the versions disagree"
    )
    if item.expected is not None:
        expected = Myst(
            f"“{escape(item.expected)}”"
            + (f" ({escape(BASIS_WORDS[item.basis])})" if item.basis else "")
        )
    if item.reviewed is None:
        review, done = Myst("**not reviewed**"), False
    elif item.reviewed[0] == "correction":
        key = item.reviewed[1]
        review, done = link(f"correction {key}", f"correction:{key}"), True
    else:
        accepted = project.accepted[item.reviewed[1]]
        review, done = escape(f"accepted wording: {accepted.note}"), True
    return Entry(item, label(item), where, Myst(f"“{escape(item.found)}”"), expected, review, done)
