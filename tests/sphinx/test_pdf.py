"""The flagship's PDF: footnotes stand on the page where they are cited, and it reads like a
publication (one numbering of notes, marks set apart, no heading left at a page's foot, the
brief's own title and date)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from ..briefs import needs_tex
from ..conftest import REPO, tree_digest
from .pdftext import Chunk, body_lines, body_size, chunks, note_marks, note_texts

GENERATED = "brief/"  # the flagship's generated pages (conf.py: briefing_output)
BRIEF = yaml.safe_load((REPO / "docs" / "facts.yaml").read_text("utf-8"))["brief"]

pytestmark = pytest.mark.pdf


def squash(text: str) -> str:
    """Page text without line breaks, hyphenation or spaces (PDF text extraction varies)."""
    folded = unicodedata.normalize("NFKC", text).replace("-", "").replace("\u00ad", "")
    return "".join(folded.split())


@pytest.fixture(scope="module")
def flagship_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The flagship built by ``briefing build`` (HTML, then PDF); its project folder."""
    from ..conftest import copy_flagship

    project = copy_flagship(tmp_path_factory.mktemp("pdf") / "flagship")
    before = tree_digest(project / "seeds") | tree_digest(project / "docs")
    result = subprocess.run(
        [sys.executable, "-m", "briefing.cli", "build", "-q", "--project", str(project)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    after = {
        k: v
        for k, v in (tree_digest(project / "seeds") | tree_digest(project / "docs")).items()
        if not k.startswith(GENERATED)
    }
    assert after == before, "the build wrote into the inputs"
    return project


@pytest.fixture(scope="module")
def pdf(flagship_build: Path) -> PdfReader:
    return PdfReader(flagship_build / "_build" / "pdf" / "brief.pdf")


@pytest.fixture(scope="module")
def pdf_pages(pdf: PdfReader) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def page_of(pages: list[str], text: str) -> int:
    found = [n for n, page in enumerate(pages) if squash(text) in squash(page)]
    assert found, f"{text!r} is on no page"
    return found[0]


@needs_tex
@pytest.mark.parametrize(
    ("cited", "footnote"),
    [
        ("The EU is seeking to intensify talks", "Aggregator copy ¶1"),
        ("Treasury Secretary Scott Bessent described", "They’ve been excellent partners"),
        ("Mythos found the vulnerabilities in other software", "Re-translation ¶14"),
    ],
)
def test_footnote_is_on_the_page_that_cites_it(
    pdf_pages: list[str], cited: str, footnote: str
) -> None:
    page = page_of(pdf_pages, cited)
    assert squash(footnote) in squash(pdf_pages[page])


@needs_tex
def test_cross_references_carry_page_numbers(pdf_pages: list[str]) -> None:
    first_pages = squash(" ".join(pdf_pages[:4]))
    assert "✓verified(page" in first_pages
    assert "Thomas Regnier (page" in " ".join(pdf_pages[:6]).replace("\n", " ")


@needs_tex
def test_source_text_is_reproduced_exactly(pdf_pages: list[str]) -> None:

    # A marked error links to its correction; the PDF adds that page number after it.
    # Each page's own number, printed in its footer, is not part of the text either.
    pages = [re.sub(rf"(\A{n}(?=\s)|\n{n}\s*\Z)", "", page) for n, page in enumerate(pdf_pages, 1)]
    text = squash(re.sub(r"\(page\s*\d+\)", "", " ".join(pages)))
    for seed in (REPO / "seeds").iterdir():
        for line in seed.read_text("utf-8").splitlines():
            if line.strip():
                assert squash(line) in text, line


@needs_tex
def test_errata_table_fits_the_page(pdf_pages: list[str]) -> None:
    errata = page_of(pdf_pages, "Each cell of the scorecard counts")
    assert "Wrong" in pdf_pages[errata] and "Re-translation" in pdf_pages[errata]


# -- a publication ---------------------------------------------------------------------


@needs_tex
def test_metadata_and_title_block_are_the_briefs(pdf: PdfReader, pdf_pages: list[str]) -> None:
    info = pdf.metadata
    assert info is not None
    assert info.title == BRIEF["title"]
    assert info.subject and info.author
    assert "Regnier" in (info.get("/Keywords") or "")
    first = " ".join(pdf_pages[0].split())
    assert " ".join(BRIEF["title"].split()) in first
    assert "29 May 2026" in first  # the story's date, not the day of the build
    assert date.today().strftime("%-d %B %Y") not in first or date.today() == date(2026, 5, 29)


@needs_tex
def test_the_verdict_and_the_scorecard_open_the_pdf(pdf_pages: list[str]) -> None:
    first = squash(pdf_pages[0])
    assert squash("is the more reliable version") in first
    assert squash("not in its text") in first  # the scorecard figure's legend
    assert first.index(squash("more reliable")) < first.index(squash("Contents"))


@pytest.fixture(scope="module")
def layer(pdf: PdfReader) -> tuple[list[list[Chunk]], float]:
    """Each page's text runs, and the body text's size."""
    pages = [chunks(page) for page in pdf.pages]
    return pages, body_size(pages)


@needs_tex
def test_note_numbers_run_once_through_the_document(
    layer: tuple[list[list[Chunk]], float],
) -> None:
    pages, body = layer
    marks = [n for page in pages for run in note_marks(page, body) for n in run]
    notes = [n for page in pages for n in note_texts(page, body)]
    assert notes == list(range(1, len(notes) + 1)) and len(notes) >= 8
    # each note's mark, in the order of the notes: no chapter starts again at 1
    assert marks == notes


@needs_tex
def test_no_two_note_marks_stand_fused(layer: tuple[list[list[Chunk]], float]) -> None:
    pages, body = layer
    notes = sum(len(note_texts(page, body)) for page in pages)
    for number, page in enumerate(pages, 1):
        for run in note_marks(page, body):
            # marks standing together are set apart ("1,2"); fused they would read as one
            # number beyond the notes there are ("12" in a brief of eight notes)
            assert all(1 <= n <= notes for n in run), (number, run)
            assert run == list(range(run[0], run[0] + len(run))), (number, run)


@needs_tex
def test_no_heading_is_the_last_line_of_a_page(layer: tuple[list[list[Chunk]], float]) -> None:
    pages, body = layer
    for number, page in enumerate(pages[:-1], 1):
        lines = body_lines(page, body)
        assert lines, number
        last = lines[-1]
        assert not all(c.heading for c in last), (number, "".join(c.text for c in last))


@needs_tex
def test_the_errata_take_few_pages(pdf_pages: list[str]) -> None:
    start = page_of(pdf_pages, "Each cell of the scorecard counts")
    end = page_of(pdf_pages, "The 2 versions side by side")
    assert end - start <= 3  # twenty corrections, one or two lines each


@needs_tex
def test_errors_are_marked_as_the_legend_shows(flagship_build: Path) -> None:
    tex = (flagship_build / "_build" / "latex" / "brief.tex").read_text("utf-8")
    # a marked error is a link that carries its mark (a double underline in print)
    assert re.search(
        r"\\hyperref\[[^]]*correction-[^]]*\]\{\\sphinxcrossref\{\\DUrole\{brief-wrong\}", tex
    )
    assert "https:\\allowbreak{}/\\allowbreak{}/" not in tex  # "https://" never split


@needs_tex
def test_the_site_links_the_pdf_it_publishes(flagship_build: Path) -> None:
    html = flagship_build / "_build" / "html"
    assert (html / "brief.pdf").read_bytes() == (
        flagship_build / "_build" / "pdf" / "brief.pdf"
    ).read_bytes()
    assert 'href="brief.pdf"' in (html / "index.html").read_text("utf-8")
    assert 'href="../brief.pdf"' in (html / "brief" / "errata.html").read_text("utf-8")


@needs_tex
def test_adjacent_notes_are_set_apart(tmp_path: Path) -> None:
    """Two notes cited at one place print as "1,2", never as "12"."""
    project = tmp_path / "notes"
    shutil.copytree(REPO / "tests" / "roots" / "test-basic", project)
    (project / "index.md").write_text(
        "# Notes\n\nThe council met on Tuesday.[^a][^b] The port agreed.[^c]\n\n"
        "[^a]: The minutes.\n\n[^b]: The wire copy.\n\n[^c]: The gazette.\n\n"
        "```{toctree}\n:hidden:\n\n_generated/errata\n_generated/brief\n_generated/comparison\n"
        "_generated/facts\n_generated/entities\n_generated/sources/index\n"
        "_generated/references\n```\n",
        "utf-8",
    )
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            '\nlatex_engine = "xelatex"\nlatex_use_xindy = False\n'
            'latex_documents = [("index", "notes.tex", "Notes", "", "howto")]\n'
        )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-M",
            "latexpdf",
            str(project),
            str(project / "_build"),
            "-q",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    page = chunks(PdfReader(project / "_build" / "latex" / "notes.pdf").pages[0])
    assert note_marks(page, body_size([page]))[:2] == [[1, 2], [3]]
