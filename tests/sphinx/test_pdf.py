"""The flagship's PDF: footnotes stand on the page where they are cited."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from ..conftest import REPO, tree_digest

pytestmark = pytest.mark.pdf
needs_tex = pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("latexmk") is None,
    reason="TeX Live is not installed (make tex installs it)",
)


def squash(text: str) -> str:
    """Page text without line breaks, hyphenation or spaces (PDF text extraction varies)."""
    folded = unicodedata.normalize("NFKC", text).replace("-", "").replace("\u00ad", "")
    return "".join(folded.split())


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    from ..conftest import copy_flagship

    project = copy_flagship(tmp_path_factory.mktemp("pdf") / "flagship")
    before = tree_digest(project / "seeds") | tree_digest(project / "docs")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing.cli",
            "build",
            "--no-html",
            "-q",
            "--project",
            str(project),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    after = {
        k: v
        for k, v in (tree_digest(project / "seeds") | tree_digest(project / "docs")).items()
        if not k.startswith("_generated")
    }
    assert after == before, "the build wrote into the inputs"
    reader = PdfReader(project / "_build" / "pdf" / "brief.pdf")
    return [page.extract_text() for page in reader.pages]


def page_of(pages: list[str], text: str) -> int:
    found = [n for n, page in enumerate(pages) if squash(text) in squash(page)]
    assert found, f"{text!r} is on no page"
    return found[0]


@needs_tex
@pytest.mark.parametrize(
    ("cited", "footnote"),
    [
        ("The EU is seeking to intensify talks", "Aggregator copy ¶9"),
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
    assert "Thomas Regnier (page" in " ".join(pdf_pages[:3]).replace("\n", " ")


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
    errata = page_of(pdf_pages, "Each cell counts the corrections")
    assert "Wrong" in pdf_pages[errata] and "Re-translation" in pdf_pages[errata]
