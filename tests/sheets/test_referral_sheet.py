"""The referral sheet (issue 15): a directory service in the user's language, bilingual, 13 scripts, with a QR code
that reads back as the entry's address on the public site."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from datetime import time
from pathlib import Path

import pytest

from desk_app.core.directory_types import OpeningHours
from desk_app.core.queue import LANGUAGES
from desk_app.core.referral_sheet import hours_lines, weekday_names
from desk_app.core.sheets import LRI, PDI, SheetBuilder, plain_text
from tests.sheets.referral_sample import ENTRY_URL, ITALIAN, TRANSLATED, sample_service

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None


def _decode(png: bytes) -> list[str]:
    """The texts of every QR code zxing-cpp finds in a PNG."""
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp (test extra) decodes the QR code")
    from PIL import Image

    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_the_sheet_says_everything_a_user_needs_in_their_language(builder: SheetBuilder) -> None:
    sheet = builder.referral(sample_service(), "en", bilingual=True, entry_url=ENTRY_URL)
    text = "\n".join(plain_text(line.text) for line in sheet.lines())
    assert sheet.kind == "referral" and sheet.title == "Italian courses for foreign adults" and sheet.bilingual
    for wanted in ("CPIA di Lodi", "Via Fleming 12, 26900 Lodi (LO)", "Viale Resistenza 3, 26845 Codogno (LO)",
                   "Opening hours:", "Monday: 09:00-12:30", "Saturday: 09:00-12:00 (solo su appuntamento)",
                   "Phone: 0371 000 123",
                   "E-mail: iscrizioni@cpia-lodi.example.org", "Website: https://cpia-lodi.example.org",
                   "Identity document or passport", "Free of charge", "You only pay for the textbook (about €15).",
                   "Italian, English, and Arabic", "Who can go", ENTRY_URL):
        assert wanted in text, wanted
    # Two intervals on Tuesday (morning and the evening courses, with the partner's note in Italian).
    assert "Tuesday: 09:00-12:30, 18:00-20:00 (corsi serali)" in text
    # Bilingual: the Italian under the user's words (the clerk reads the same sheet).
    assert next(b for b in sheet.blocks if b.kind == "title").line.italian == ITALIAN["name"]
    qr = next(b for b in sheet.blocks if b.kind == "qr")
    assert qr.detail is not None and qr.detail.text == ENTRY_URL  # byte-exact: what the code encodes
    # The source is the organisation itself, with the day it confirmed the entry.
    assert "CPIA di Lodi: scheda del servizio, confermata dall'ente il 15/10/2026" in text
    assert sheet.meta["service"] == sample_service().uid


def test_weekday_and_language_names_come_from_cldr_in_every_script(builder: SheetBuilder) -> None:
    expected = {"it": "Lunedì", "ar": "الاثنين", "ur": "پیر", "hi": "सोमवार", "bn": "সোমবার", "pa": "ਸੋਮਵਾਰ",
                "zh": "星期一", "uk": "Понеділок", "sq": "E hënë"}
    for lang, monday in expected.items():
        assert weekday_names(lang)[0] == monday, lang
        sheet = builder.referral(sample_service(), lang)
        assert any(monday in line.text for line in sheet.lines()), lang
    arabic = "\n".join(line.text for line in builder.referral(sample_service(), "ar").lines())
    assert "الإيطالية" in arabic and "العربية" in arabic  # languages spoken, named in Arabic


def test_hours_of_consecutive_days_share_a_line() -> None:
    hours = [OpeningHours(day, time(9), time(12, 30)) for day in range(1, 6)] + [
        OpeningHours(6, time(9), time(12), "solo su appuntamento")]
    assert hours_lines(hours, "it") == [("Lunedì – Venerdì: 09:00-12:30", "Lunedì – Venerdì: 09:00-12:30"),
                                        ("Sabato: 09:00-12:00 (solo su appuntamento)",
                                         "Sabato: 09:00-12:00 (solo su appuntamento)")]
    arabic, italian = hours_lines(hours, "ar")[1]
    # In right-to-left text the partner's Italian note is isolated, so its brackets and words keep their order.
    assert f"({LRI}solo su appuntamento{PDI})" in arabic and italian.startswith("Sabato")


def test_untranslated_texts_fall_back_to_italian_and_the_sheet_says_so(builder: SheetBuilder) -> None:
    sheet = builder.referral(sample_service(), "fr")  # the sample has no French texts, the labels are drafted
    title = next(b for b in sheet.blocks if b.kind == "title").line
    assert title.text == ITALIAN["name"] and title.lang == "it" and title.status == "missing"
    assert sheet.status == "missing"
    notes = [plain_text(b.line.text) for b in sheet.blocks if b.kind == "note"]
    assert any("italien" in note.lower() for note in notes)  # the stale/missing note, in French
    assert any(b.line.text == "Horaires d'ouverture:" or b.line.text.startswith("Horaires d'ouverture")
               for b in sheet.blocks)


def test_an_entry_to_reconfirm_or_closed_warns_the_user(builder: SheetBuilder) -> None:
    sheet = builder.referral(sample_service(needs_reconfirmation=True, status="temporarily closed"), "en")
    texts = [plain_text(line.text) for line in sheet.lines()]
    assert "The service is temporarily closed: phone before you go." in texts
    warning = next(line for line in sheet.lines() if line.text.startswith("The organisation has not confirmed"))
    assert warning.verify  # printed with the asterisk, and the "to verify" note follows
    assert any(b.kind == "note" and "*" in b.line.text for b in sheet.blocks)
    never = builder.referral(sample_service(last_confirmed=None), "it")
    assert any("mai confermata dall'ente" in plain_text(line.text) for line in never.lines())
    assert not any(b.kind == "qr" for b in never.blocks)  # no public address given: no code


def test_rtl_sheet_keeps_names_and_contacts_on_its_right_edge(builder: SheetBuilder) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextFrameFormat

    from desk_app.documents.pdf import build_document

    for lang in ("ar", "ur"):
        sheet = builder.referral(sample_service(), lang, bilingual=True, entry_url=ENTRY_URL)
        assert sheet.rtl
        organisation = sheet.blocks[1].line
        # A proper noun stays as written, isolated left to right inside a right-to-left paragraph.
        assert organisation.lang == lang and organisation.text == f"{LRI}CPIA di Lodi{PDI}"
        doc = build_document(sheet)
        doc.setTextWidth(500)
        assert doc.size().height() > 0  # lays the document out (a line of an unlaid block is invalid)
        block = doc.firstBlock()
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert block.text().startswith(TRANSLATED[lang]["name"][:6])
        assert block.layout().lineCount() >= 1
        line = block.layout().lineAt(0)
        assert line.naturalTextRect().right() == pytest.approx(500, abs=2), lang
        second = block.next()
        while second.isValid() and "CPIA di Lodi" not in second.text():  # past the QR code's floating frame
            second = second.next()
        assert second.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft  # the organisation
        # The QR code floats at the left edge in right-to-left text (the lines start at the right).
        frames = [f for f in doc.rootFrame().childFrames()]
        assert len(frames) == 1
        assert frames[0].frameFormat().toFrameFormat().position() == QTextFrameFormat.Position.FloatLeft


@pytest.mark.skipif(not POPPLER and not IN_CI, reason="poppler-utils not installed")
def test_every_language_renders_to_pdf_and_docx_and_the_qr_reads_back(builder: SheetBuilder,
                                                                       tmp_path: Path) -> None:
    from desk_app.documents.docx import write_docx
    from desk_app.documents.pdf import write_pdf

    for lang in LANGUAGES:
        url = ENTRY_URL.replace("/ar/", f"/{lang}/")
        sheet = builder.referral(sample_service(), lang, bilingual=True, entry_url=url)
        pdf = write_pdf(sheet, tmp_path / f"referral-{lang}.pdf")
        docx = write_docx(sheet, tmp_path / f"referral-{lang}.docx")
        assert pdf.read_bytes().startswith(b"%PDF") and b"Noto" in pdf.read_bytes(), lang
        text = plain_text(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                         text=True).stdout)
        assert "0371 000 123" in text and url in text and "iscrizioni@cpia-lodi.example.org" in text, lang
        if lang in ("zh", "it", "en", "uk", "ro"):  # scripts pdftotext gives back in logical order (not Indic)
            assert weekday_names(lang)[0] in text, lang
        # The code printed on the page decodes to the entry's address (zxing-cpp on poppler's rendering).
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / f"page-{lang}")], check=True)
        decoded = [t for page in sorted(tmp_path.glob(f"page-{lang}-*.png")) for t in _decode(page.read_bytes())]
        assert decoded == [url], lang
        with zipfile.ZipFile(docx) as archive:
            images = [n for n in archive.namelist() if n.startswith("word/media/")]
            assert len(images) == 1, lang
            assert _decode(archive.read(images[0])) == [url], lang


def test_the_qr_matrix_is_segnos_code_of_the_address() -> None:
    """Without a decoder the code is checked module by module: the PNG's dark pixels are segno's matrix."""
    from PIL import Image

    from desk_app.documents.qr import QR_BORDER, qr_matrix, qr_png

    scale = 3
    image = Image.open(io.BytesIO(qr_png(ENTRY_URL, scale=scale))).convert("L")
    matrix = qr_matrix(ENTRY_URL)
    size = len(matrix)
    assert image.size == ((size + 2 * QR_BORDER) * scale,) * 2
    read = [[image.getpixel(((x + QR_BORDER) * scale + 1, (y + QR_BORDER) * scale + 1)) < 128 for x in range(size)]
            for y in range(size)]
    assert read == matrix and any(any(row) for row in matrix)
