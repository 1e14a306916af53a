"""3. The PDF dropped characters silently: the coverage check looked at the body font only,
and the heading font lacks 529 code points the body font has; Hebrew and Arabic came out
in left-to-right word order. Now every place is checked against its own font, with
fallbacks; a character no font has is a located warning naming it; right-to-left runs
read right to left."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ..briefs import basic_project, needs_tex, run

SYMBOLS = "₽ ₿ ∀ ∈ ′ ″ ℏ ϰ ∅"
HEBREW = "שלום עולם רב"  # three words, first to last
ARABIC = "مرحبا بالعالم"


@pytest.fixture(scope="module")
def symbols_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = basic_project(tmp_path_factory.mktemp("glyphs") / "brief", pdf=True)
    facts = project / "facts.yaml"
    text = facts.read_text("utf-8").replace(
        "  title: Harbour talks\n", f'  title: "Talks {SYMBOLS}"\n'
    )
    facts.write_text(text.replace("    label: Wire copy", f'    label: "Wire {SYMBOLS}"'))
    with (project / "seeds" / "wire.txt").open("a", encoding="utf-8") as wire:
        wire.write(f"\nThe mayor said {HEBREW} and {ARABIC} today, smiling \U0001f642.\n")
    result = run(project, "build", "--no-html", "--no-strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "_build" / "pdf" / "brief.pdf", result.stderr


@pytest.mark.pdf
@needs_tex
def test_headings_and_table_heads_keep_every_symbol(symbols_pdf: tuple[Path, str]) -> None:
    pdf, _ = symbols_pdf
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "\ufffd" not in text
    lines = [line for line in text.splitlines() if "Talks" in line or "Wire" in line]
    assert sum(SYMBOLS in line for line in lines) >= 7, lines  # headings, table heads, text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Heros" in fonts  # the headings are in the heading font; the symbols fall back


@pytest.mark.pdf
@needs_tex
def test_a_character_no_font_has_is_named_with_its_place(symbols_pdf: tuple[Path, str]) -> None:
    pdf, warnings = symbols_pdf
    found = re.findall(r"^(\S+?):(\d+): WARNING: no font of the PDF has U\+1F642", warnings, re.M)
    assert found, warnings[-3000:]
    assert found[0][0].endswith(".md"), found  # its first place in the brief
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "smiling [U+1F642]" in text


@pytest.mark.pdf
@needs_tex
def test_hebrew_and_arabic_read_right_to_left(symbols_pdf: tuple[Path, str]) -> None:
    pdf, _ = symbols_pdf
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for phrase in (HEBREW, ARABIC):
        words = phrase.split()
        placed: dict[str, float] = {}
        for word in BeautifulSoup(boxes, "html.parser").find_all("word"):
            shown = word.get_text()
            for w in words:  # pdftotext gives a right-to-left word in either order
                if w not in placed and shown in (w, w[::-1]):
                    placed[w] = float(word["xmin"])
        assert set(placed) == set(words), (phrase, placed)
        xs = [placed[w] for w in words]
        assert xs == sorted(xs, reverse=True), (phrase, xs)  # the first word rightmost
