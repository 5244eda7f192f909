"""The awareness slide deck (issue 16): cut from the exploitation sheet, 16:9 landscape PDF pages through Qt's
text engine, right to left for Arabic and Urdu, the free number on the first and the last slide."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desk_app.core.sheets import SheetBuilder, plain_text
from desk_app.documents.slides import BULLETS_PER_SLIDE, SLIDE_MM, build_slides, slide_document, write_slides


@pytest.mark.parametrize("lang", ["it", "ar", "ur", "hi", "zh"])
def test_the_deck_is_the_sheet_cut_into_slides(builder: SheetBuilder, lang: str) -> None:
    sheet = builder.exploitation(lang)
    slides = build_slides(sheet)
    headings = [b.line.text for b in sheet.blocks if b.kind == "heading"]
    assert slides[0].title.text == sheet.title and any(b.kind == "callout" for b in slides[0].blocks)
    assert any(b.kind == "callout" for b in slides[-1].blocks)  # the number again at the end
    assert [b.kind for b in slides[-1].blocks].count("note") == sum(b.kind == "note" for b in sheet.blocks)
    for heading in headings:  # every section shows, its points at most BULLETS_PER_SLIDE per slide
        assert any(s.title.text.startswith(heading) for s in slides)
    assert all(len(s.blocks) <= BULLETS_PER_SLIDE for s in slides[1:-1])
    shown = {b.line.text for s in slides for b in s.blocks}
    assert {b.line.text for b in sheet.blocks if b.kind == "bullet"} <= shown  # nothing of the sheet is lost
    doc = slide_document(slides[2], 1000.0)
    direction = doc.begin().blockFormat().layoutDirection()
    expected = Qt.LayoutDirection.RightToLeft if sheet.rtl and slides[2].title.rtl else Qt.LayoutDirection.LeftToRight
    assert direction == expected


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_pdf_slides_are_landscape_and_carry_the_number(builder: SheetBuilder, tmp_path: Path) -> None:
    sheet = builder.exploitation("ar")
    path = tmp_path / "ar.pdf"
    count = write_slides(sheet, path)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    assert re.search(rf"^Pages:\s+{count}$", info, re.MULTILINE)
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert abs(width / height - SLIDE_MM[0] / SLIDE_MM[1]) < 0.01 and width > height
    text = plain_text(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                     text=True).stdout)
    assert text.count("800 290 290") >= 2
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    assert "NotoNaskhArabic" in fonts  # the sheets' shipped font, embedded


def test_pptx_deck_is_editable_and_right_to_left(builder: SheetBuilder, tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.oxml.ns import qn

    from desk_app.documents.slides_pptx import write_pptx

    sheet = builder.exploitation("ur")
    path = tmp_path / "ur.pptx"
    count = write_pptx(sheet, path)
    deck = Presentation(str(path))
    assert len(deck.slides) == count == len(build_slides(sheet))
    assert deck.slide_width > deck.slide_height
    paragraphs = [p for slide in deck.slides for shape in slide.shapes for p in shape.text_frame.paragraphs]
    urdu = [p for p in paragraphs if p.runs and p.runs[0]._r.get_or_add_rPr().get("lang") == "ur-PK"]
    assert urdu and all(p._p.get_or_add_pPr().get("rtl") == "1" for p in urdu)
    fonts = {e.get("typeface") for p in urdu for e in p.runs[0]._r.get_or_add_rPr().iter(qn("a:cs"))}
    assert fonts == {"Noto Nastaliq Urdu"}
    assert any("800 290 290" in plain_text(p.text) for p in paragraphs)
