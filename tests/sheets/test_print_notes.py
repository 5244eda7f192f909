"""The closing notes of a sheet (sources, "to verify", translation status, disclaimer) stay with its content."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desk_app.core.catalogue import Catalogue
from desk_app.core.sheets import SheetBuilder, plain_text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _last_page_blocks(sheet: Any, tmp_path: Path) -> tuple[int, list[tuple[int, str]]]:
    """Pages of ``sheet`` printed to a PDF, and the (userState, text) of each block that ends on its last page.

    Also checks that a note split by a page break leaves at least two of its lines on the first page.
    """
    from PySide6.QtGui import QPdfWriter

    from desk_app.documents.pdf import NOTE_STATE, _lines_on_first_page, build_document, print_document

    doc = build_document(sheet)
    writer = QPdfWriter(str(tmp_path / f"{sheet.kind}-{sheet.lang}.pdf"))
    writer.setResolution(300)
    pages = print_document(doc, writer, sheet)
    del writer
    height, layout = doc.pageSize().height(), doc.documentLayout()
    last, block = [], doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if int((rect.bottom() - 1) // height) == pages - 1:
            last.append((block.userState(), block.text()))
        if block.userState() == NOTE_STATE and int((rect.top() + 1) // height) != int((rect.bottom() - 1) // height):
            assert _lines_on_first_page(block, rect.top(), height) >= 2, (sheet.lang, block.text()[:60])
        block = block.next()
    return pages, last


def test_the_english_citizenship_sheet_keeps_its_disclaimer_on_its_one_page(
        builder: SheetBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_app.documents import pdf

    sheet = builder.instructions("CITT", "en")
    disclaimer = next(b.line.text for b in sheet.blocks if b.kind == "note" and "Information sheet" in b.line.text)
    path = pdf.write_pdf(sheet, tmp_path / "citt-en.pdf")
    pages = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    assert "Pages:           1" in pages
    page_one = plain_text(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(path), "-"], check=True,
                                         capture_output=True, text=True).stdout)
    assert "Documents to bring" in page_one and " ".join(disclaimer.split()[:5]) in " ".join(page_one.split())
    # Without the tightening the notes overflow onto a second page holding the disclaimer alone (the bug).
    monkeypatch.setattr(pdf, "_fit_notes", lambda doc, height: None)
    untightened, last = _last_page_blocks(sheet, tmp_path)
    if untightened > 1:
        assert all(state == pdf.NOTE_STATE for state, _ in last)


def test_no_sheet_ends_on_a_page_holding_only_its_disclaimer(builder: SheetBuilder, tmp_path: Path) -> None:
    """Every procedure in four languages: never the disclaimer alone on the last page, never a note's label
    ("Sources of each rule ...") alone at the foot of a page (ASS-FAM in Italian once did that)."""
    from desk_app.documents.pdf import NOTE_STATE

    for procedure in Catalogue.read().procedures:
        for lang in ("en", "fr", "es", "it"):
            pages, last = _last_page_blocks(builder.instructions(procedure.code, lang), tmp_path)
            if pages > 1:
                assert not (len(last) == 1 and last[0][0] == NOTE_STATE), (procedure.code, lang, last)


def test_a_notes_label_never_ends_a_page_without_its_text(builder: SheetBuilder, tmp_path: Path) -> None:
    """Under an Arabic or Urdu label the Italian sources are a block of their own: the label moves with them
    (it could end a page while the sources began the next)."""
    from PySide6.QtGui import QPdfWriter

    from desk_app.documents.pdf import NOTE_HEAD_STATE, build_document, print_document

    checked = 0
    for procedure in Catalogue.read().procedures:
        for lang in ("ar", "ur"):
            sheet = builder.instructions(procedure.code, lang)
            doc = build_document(sheet)
            writer = QPdfWriter(str(tmp_path / f"{procedure.code}-{lang}.pdf"))
            writer.setResolution(300)
            print_document(doc, writer, sheet)
            del writer
            height, layout, block = doc.pageSize().height(), doc.documentLayout(), doc.begin()
            while block.isValid():
                if block.userState() == NOTE_HEAD_STATE:
                    checked += 1
                    page = int((layout.blockBoundingRect(block).top() + 1) // height)
                    assert page == int((layout.blockBoundingRect(block.next()).top() + 1) // height), (
                        procedure.code, lang)
                block = block.next()
    assert checked == 2 * len(Catalogue.read().procedures)
