"""Page layout of the sheets: Urdu length, items kept with their detail, running header; dates, notes, emoji."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from desk_app.core.queue import LANGUAGES
from desk_app.core.sheets import SheetBuilder, format_date, plain_text, strip_emoji

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")




def _pages(sheet: Any, tmp_path: Path) -> tuple[int, Any]:
    from PySide6.QtGui import QPdfWriter

    from desk_app.documents.pdf import build_document, print_document

    doc = build_document(sheet)
    writer = QPdfWriter(str(tmp_path / f"{sheet.kind}-{sheet.lang}.pdf"))
    writer.setResolution(300)
    pages = print_document(doc, writer, sheet)
    del writer
    return pages, doc


def test_urdu_is_at_most_half_again_as_long_and_items_stay_whole(builder: SheetBuilder, tmp_path: Path) -> None:
    from desk_app.documents.pdf import KEEP_STATE

    for make in (lambda lang: builder.instructions("RF-NO", lang),
                 lambda lang: builder.instructions("RF-NO", lang, bilingual=True),
                 lambda lang: builder.exploitation(lang)):
        italian, _ = _pages(make("it"), tmp_path)
        for lang in LANGUAGES:
            pages, doc = _pages(make(lang), tmp_path)
            assert pages <= max(italian * 1.5, italian + 1), (lang, pages, italian)
            height = doc.pageSize().height()
            block = doc.begin()
            while block.isValid():  # an item and its detail line never part across a page break
                rect = doc.documentLayout().blockBoundingRect(block)
                assert rect.height() > 0, (lang, block.text()[:30])  # laid out (and so painted)
                if block.userState() == KEEP_STATE:
                    assert int((rect.top() + 1) // height) == int((rect.bottom() - 1) // height), (lang, block.text())
                block = block.next()
    urdu, _ = _pages(builder.instructions("RF-NO", "ur"), tmp_path)
    arabic, _ = _pages(builder.instructions("RF-NO", "ar"), tmp_path)
    # Was 4 (Arabic 2) with 160% line height on Nastaliq's metrics. Since each rule names its own source (13 on
    # this sheet) the last two Urdu notes move to a third page: Nastaliq's taller lines, nothing more.
    assert urdu <= arabic + 1 and arabic <= 2


def test_pages_after_the_first_carry_the_running_header(builder: SheetBuilder, tmp_path: Path) -> None:
    from desk_app.documents.pdf import write_pdf

    for lang in ("it", "ar", "zh"):
        sheet = builder.instructions("RF-NO", lang)
        pdf = write_pdf(sheet, tmp_path / f"{lang}.pdf")
        pages = [plain_text(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], check=True,
                                           capture_output=True, text=True).stdout) for n in (1, 2)]
        assert "RF-NO" in pages[1] and "2/2" in pages[1], (lang, pages[1][:200])
        assert "RF-NO · 1/2" not in pages[0] and "1/2" in pages[0]  # page 1: its number, no header


def test_missing_sheet_dates_notes_and_emoji(services: Any, builder: SheetBuilder, staff: Any) -> None:
    clerk = staff["clerk"]
    case = services.cases.open_case(clerk, "RF-NO", "ar", practice_number="LO-1")
    services.cases.mark_item(clerk, case.id, "housing_cert", "missing", note="scaduto 👍🏽 ✅ da rifare")
    for lang, label in (("en", "Officer's note"), ("it", "Nota dell'operatore")):
        sheet = builder.missing(services.cases.get(clerk, case.id), lang, today=date(2026, 12, 1))
        texts = [plain_text(line.text) for line in sheet.lines()]
        assert any(t.endswith(": 01/12/2026") for t in texts), texts
        assert not any("2026-12-01" in t for t in texts)
        detail = next(t for t in texts if "scaduto" in t)
        assert f"{label}: scaduto da rifare" in detail, detail
    arabic = builder.missing(services.cases.get(clerk, case.id), "ar", today=date(2026, 12, 1))
    detail = next(line for line in arabic.lines() if "scaduto" in line.text)
    assert detail.lang == "ar" and "\u2066scaduto da rifare\u2069" in detail.text  # isolated Italian in RTL
    assert format_date(date(2026, 1, 9)) == "09/01/2026"
    assert strip_emoji("ok 👍 🇮🇹 fine ❤️") == "ok fine"


def test_the_sources_are_one_left_to_right_italian_paragraph_each_date_said_once(builder: SheetBuilder) -> None:
    """The sources of a sheet: numbered titles, then the days they were checked and which are to verify, each
    once; under a right-to-left sheet they are a left-to-right paragraph of their own (they are Italian)."""
    from PySide6.QtCore import Qt

    from desk_app.core.catalogue import Catalogue
    from desk_app.core.sheets import sources_paragraph
    from desk_app.documents.pdf import build_document

    table = Catalogue.read().source_table
    picked = [table["tu-29"], table["l187-2024"], table["dpr394-6"], table["hague"]]
    text = sources_paragraph([s.label() for s in picked])
    assert text.startswith("[1] D.Lgs. 286/1998 (Testo unico immigrazione), art. 29; [2] D.L. 11 ottobre 2024")
    days = sorted({s.checked_on for s in picked}, reverse=True)
    assert text.count("Verificate il") == 1 and all(text.count(day) == 1 for day in days)
    doubtful = [str(n) for n, s in enumerate(picked, start=1) if s.verify]
    assert doubtful and text.endswith(f"Da verificare: {', '.join(doubtful)}.")
    assert sources_paragraph(["una fonte scritta a mano"]) == "[1] una fonte scritta a mano."
    for lang, direction in (("ur", Qt.LayoutDirection.LeftToRight), ("it", Qt.LayoutDirection.LeftToRight)):
        doc = build_document(builder.instructions("RF-NO", lang))
        block = doc.begin()
        while block.isValid() and "[1] D.Lgs." not in block.text():  # Italian: under its label, in its block
            block = block.next()
        assert block.isValid() and block.blockFormat().layoutDirection() == direction, lang
        assert "Verificate il" in block.text() and block.text().count("verificata il") == 0


def test_the_sources_of_an_urdu_word_sheet_are_a_left_to_right_paragraph(builder: SheetBuilder) -> None:
    """DOCX as the PDF: the Italian sources under the Urdu label are a paragraph of their own without
    ``w:bidi``; the label's paragraph keeps it."""
    from docx.oxml.ns import qn

    from desk_app.documents.docx import build_docx

    document = build_docx(builder.instructions("RF-NO", "ur"))
    paragraphs = document.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text.startswith("[1] D.Lgs."))
    assert paragraphs[index]._p.pPr.find(qn("w:bidi")) is None
    assert paragraphs[index - 1]._p.pPr.find(qn("w:bidi")) is not None  # the Urdu label above it


def test_frozen_and_older_item_labels_print_in_the_sheets_form_once(builder: SheetBuilder) -> None:
    """A checklist version freezes each line's sources whole (address, what is unconfirmed: the office reads them
    so); the sheet prints them by title, once each, whether frozen now or in an older shape."""
    from desk_app.core.catalogue import Catalogue, sheet_label

    table = Catalogue.read().source_table
    sheet = builder.instructions("RF-NO", "it")
    sources = next(b.detail.text for b in sheet.blocks if b.detail is not None and b.detail.text.startswith("[1] "))
    assert "http" not in sources and "verificata il" not in sources
    titles = [part.split("] ", 1)[1] for part in sources.split(". Verificate il")[0].split("; [")]
    assert len(titles) == len(set(titles)) >= 10  # a step's and a line's shared source once
    tu29 = table["tu-29-c3bbis"]
    known = {tu29.full_label(): tu29.label()}
    older = f"{tu29.citation} – {tu29.url} (verificata il 2026-11-20) – da verificare: {tu29.verify}"
    assert sheet_label(tu29.full_label(), known) == tu29.label()
    assert sheet_label(older, known) == tu29.title() + " (verificata il 2026-11-20) – da verificare"
    assert sheet_label("Nota dell'ufficio", known) == "Nota dell'ufficio"  # another shape: as it is
