"""The user sheets: 13 languages x 3 kinds in PDF (Qt) and DOCX, no tofu, right-to-left where due, LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from desk_app.core.auth import Actor
from desk_app.core.catalogue import Catalogue
from desk_app.core.queue import LANGUAGES
from desk_app.core.services import CoreServices
from desk_app.core.sheets import Sheet, SheetBuilder, plain_text
from desk_app.core.translations import shipped
from desk_app.documents.fonts import font_dir, font_files

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
FONT_BUDGET = 15_000_000




@pytest.fixture
def builder_without_leg_ar(services: CoreServices, system_actor: Actor, office: Any) -> SheetBuilder:
    """Sheets of an office whose Arabic drafts lack the LEG procedure's own texts (labels stay translated)."""
    drafts = shipped()
    drafts["ar"] = [e for e in drafts["ar"] if not e[0].startswith("proc.LEG.")]
    services.content.load(system_actor, translations=drafts)
    return SheetBuilder(services.content)


@pytest.fixture
def case_with_missing(services: CoreServices, builder: SheetBuilder, staff: dict[str, Actor]) -> int:
    clerk = staff["clerk"]
    case = services.cases.open_case(clerk, "RF-NO", "ar", practice_number="LO-1")
    services.cases.mark_item(clerk, case.id, "passport", "presented")
    services.cases.mark_item(clerk, case.id, "housing_cert", "missing", note="scaduto")
    services.cases.mark_item(clerk, case.id, "marca_bollo", "missing")
    return case.id


def _sheets(builder: SheetBuilder, services: CoreServices, case_id: int, actor: Actor, lang: str) -> list[Sheet]:
    case = services.cases.get(actor, case_id)
    return [builder.instructions("RF-NO", lang), builder.missing(case, lang, bilingual=True),
            builder.exploitation(lang)]


def test_every_language_and_kind_renders_to_pdf_and_docx(builder: SheetBuilder, services: CoreServices,
                                                          case_with_missing: int, staff: dict[str, Actor],
                                                          tmp_path: Path) -> None:
    from desk_app.documents.docx import write_docx
    from desk_app.documents.pdf import write_pdf

    for lang in LANGUAGES:
        for sheet in _sheets(builder, services, case_with_missing, staff["clerk"], lang):
            pdf = write_pdf(sheet, tmp_path / f"{sheet.kind}-{lang}.pdf")
            docx = write_docx(sheet, tmp_path / f"{sheet.kind}-{lang}.docx")
            assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000, (lang, sheet.kind)
            assert zipfile.is_zipfile(docx), (lang, sheet.kind)
            # The shipped fonts are the ones embedded (a system fallback would mean tofu on a Windows PC).
            assert b"Noto" in pdf.read_bytes(), (lang, sheet.kind)


def test_missing_sheet_lists_only_missing_items(builder: SheetBuilder, services: CoreServices,
                                                case_with_missing: int, staff: dict[str, Actor]) -> None:
    sheet = builder.missing(services.cases.get(staff["clerk"], case_with_missing), "en")
    items = [b for b in sheet.blocks if b.kind == "item"]
    assert [b.line.text for b in items] == ["Revenue stamp (marca da bollo)",  # checklist order
                                            "Housing suitability certificate issued by the Comune"]
    assert items[0].detail is not None and "€16" in items[0].detail.text and items[0].line.verify
    assert "scaduto" in items[1].detail.text  # type: ignore[union-attr]
    assert "Corso Umberto I 40, 26900 Lodi" in [b.line.text for b in sheet.blocks]
    assert sheet.status == "draft" and sheet.blocks[-2].line.text.startswith("This translation has not been")


def test_untranslated_lines_fall_back_to_italian(builder_without_leg_ar: SheetBuilder) -> None:
    sheet = builder_without_leg_ar.instructions("LEG", "ar")
    assert sheet.status == "missing"
    assert sheet.blocks[0].line.lang == "it" and not sheet.blocks[0].line.rtl
    assert sheet.blocks[1].line.lang == "ar"  # the label is translated


def _shipped_characters() -> dict[str, set[str]]:
    """Per language, every character its sheets can print: the Italian source plus its translation."""
    italian = "".join(t.text for t in Catalogue.read().texts.values())
    chars = {lang: set(italian) for lang in LANGUAGES}
    for lang, entries in shipped().items():
        chars[lang] |= set("".join(msgstr for _, _, msgstr, _ in entries))
    for lang in LANGUAGES:  # printed by the renderers themselves
        chars[lang] |= set("0123456789.:/·×€* -\u00a0\u2011")  # no-break space and hyphen inside codes
    return chars


def test_no_tofu_every_shipped_character_has_a_shipped_glyph() -> None:
    cmaps: dict[Path, set[int]] = {}
    for lang, chars in _shipped_characters().items():
        covered: set[int] = set()
        for path in font_files(lang):
            if path not in cmaps:
                cmaps[path] = set(TTFont(path, fontNumber=0, lazy=True).getBestCmap())
            covered |= cmaps[path]
        printable = {c for c in chars if not c.isspace() and unicodedata.category(c) != "Cf"}
        missing = sorted(c for c in printable if ord(c) not in covered)
        assert not missing, f"{lang}: no glyph for {[f'U+{ord(c):04X} {c}' for c in missing]}"


def test_fonts_are_shipped_with_licences_under_budget() -> None:
    files = list(font_dir().iterdir())
    assert sum(p.stat().st_size for p in files) < FONT_BUDGET
    assert {"LICENSE-noto-core.txt", "LICENSE-noto-cjk.txt"} <= {p.name for p in files}
    assert "SIL Open Font License" in (font_dir() / "LICENSE-noto-core.txt").read_text(encoding="utf-8")


def test_rtl_layout_in_the_qt_document(builder: SheetBuilder) -> None:
    from PySide6.QtCore import Qt

    from desk_app.documents.pdf import build_document

    for lang, rtl in (("ar", True), ("ur", True), ("it", False), ("hi", False)):
        doc = build_document(builder.instructions("RF-NO", lang))
        doc.setTextWidth(500)
        assert doc.size().height() > 0  # lays the document out
        block = doc.firstBlock()
        direction = block.blockFormat().layoutDirection()
        assert direction == (Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight), lang
        assert block.text().startswith({"ar": "تصريح", "ur": "خاندانی", "it": "Nulla", "hi": "परिवार"}[lang])
        assert block.layout().lineCount() >= 1
        line = block.layout().lineAt(0)
        # Right to left: the title hugs the right edge; left to right: the left edge.
        if rtl:
            assert line.naturalTextRect().right() == pytest.approx(500, abs=2), lang
        else:
            assert line.naturalTextRect().left() == pytest.approx(0, abs=2), lang


@pytest.mark.skipif(shutil.which("pdftotext") is None and not IN_CI, reason="poppler-utils not installed")
def test_rtl_direction_in_the_pdf_and_codes_stay_whole(builder: SheetBuilder, tmp_path: Path) -> None:
    from desk_app.documents.pdf import write_pdf

    def words(lang: str) -> list[tuple[float, float, float, str]]:
        """(xMin, xMax, yMin, text) of every word on page 1, from poppler's bounding boxes."""
        pdf = write_pdf(builder.instructions("RF-NO", lang), tmp_path / f"{lang}.pdf")
        html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        found = []
        for row in html.splitlines():
            if "<word " in row:
                attrs = dict(part.split("=", 1) for part in row.strip().split(">")[0].split()[1:])
                text = row.split(">", 1)[1].rsplit("<", 1)[0]
                found.append((float(attrs["xMin"].strip('"')), float(attrs["xMax"].strip('"')),
                              float(attrs["yMin"].strip('"')), text))
        return found

    def title_line(found: list[tuple[float, float, float, str]]) -> tuple[float, float]:
        top = min(y for _, _, y, _ in found)
        line = [w for w in found if abs(w[2] - top) < 4]
        return min(w[0] for w in line), max(w[1] for w in line)

    arabic, italian = words("ar"), words("it")
    page_left, page_right = min(w[0] for w in italian), max(w[1] for w in italian)
    ar_left, ar_right = title_line(arabic)
    it_left, it_right = title_line(italian)
    # The (short) title hugs the right margin in Arabic and the left margin in Italian.
    assert ar_right == pytest.approx(page_right, abs=3) and ar_left > page_left + 50
    assert it_left == pytest.approx(page_left, abs=3) and it_right < page_right - 20
    texts = plain_text(" ".join(w[3] for w in arabic))  # codes carry no-break hyphens and spaces
    assert "RF-PI" in texts or "(RF-PI)." in texts
    every_page = plain_text(subprocess.run(["pdftotext", str(tmp_path / "ar.pdf"), "-"], check=True,
                                           capture_output=True, text=True).stdout)
    assert "€16" in every_page and "800 290 290" not in every_page  # the number is on the exploitation sheet
    exploitation = write_pdf(builder.exploitation("ar"), tmp_path / "ex-ar.pdf")
    phone = plain_text(subprocess.run(["pdftotext", str(exploitation), "-"], check=True, capture_output=True,
                                      text=True).stdout)
    assert "800 290 290" in phone  # digits in reading order, not "290 290 800"


def test_docx_carries_bidi_and_complex_script_properties(builder_without_leg_ar: SheetBuilder) -> None:
    builder = builder_without_leg_ar  # every sheet translated except the Arabic LEG texts (the fallback below)
    from docx.oxml.ns import qn

    from desk_app.documents.docx import build_docx

    ar = build_docx(builder.instructions("RF-NO", "ar"))
    title = ar.paragraphs[0]
    assert title._p.pPr.find(qn("w:bidi")) is not None
    run = title.runs[0]._r.rPr
    assert run.find(qn("w:rtl")) is not None
    assert run.find(qn("w:rFonts")).get(qn("w:cs")) == "Noto Naskh Arabic"
    assert run.find(qn("w:lang")).get(qn("w:bidi")) == "ar-EG"
    assert title.alignment is None  # explicit RIGHT made LibreOffice left-align (DESIGN.md)
    italian_fallback = next(p for p in build_docx(builder.instructions("LEG", "ar")).paragraphs
                            if p.text.startswith("Legalizzazione"))
    assert italian_fallback._p.pPr is None or italian_fallback._p.pPr.find(qn("w:bidi")) is None

    hi = build_docx(builder.instructions("RF-NO", "hi")).paragraphs[0].runs[0]._r.rPr
    assert hi.find(qn("w:rFonts")).get(qn("w:cs")) == "Noto Sans Devanagari"
    assert hi.find(qn("w:lang")).get(qn("w:bidi")) == "hi-IN" and hi.find(qn("w:rtl")) is None
    zh = build_docx(builder.exploitation("zh")).paragraphs[0].runs[0]._r.rPr
    # Word cannot embed the CFF-based CJK font: a Windows font first, with the East Asian hint.
    assert zh.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "Microsoft YaHei"
    assert zh.find(qn("w:rFonts")).get(qn("w:hint")) == "eastAsia"
    assert zh.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def _soffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def only_shipped_fonts(tmp_path: Path) -> dict[str, str]:
    """An environment in which fontconfig (so LibreOffice) sees the shipped fonts and no font of the machine.

    What LibreOffice renders then depends on the product's fonts, not on which Noto packages a machine has:
    without this, a machine lacking them system-wide substituted another Arabic font and its text came out
    different.
    """
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{font_dir()}</dir>
  <cachedir>{tmp_path / "fontconfig-cache"}</cachedir>
</fontconfig>
""", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def pdf_fonts(pdf: Path) -> dict[str, bool]:
    """Font name (without the subset tag) -> embedded, as ``pdffonts`` lists them."""
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    fonts = {}
    for row in listing.splitlines()[2:]:
        name, *_, emb, _sub, _uni, _obj, _gen = row.split()
        fonts[name.split("+", 1)[-1]] = emb == "yes"
    return fonts


@pytest.mark.skipif(_soffice() is None and not IN_CI, reason="LibreOffice not installed")
def test_libreoffice_opens_the_docx_in_the_fonts_it_names(builder: SheetBuilder, tmp_path: Path) -> None:
    from desk_app.documents.docx import write_docx

    soffice = _soffice()
    assert soffice is not None, "CI must install libreoffice-writer-nogui"
    assert shutil.which("pdffonts") is not None, "CI must install poppler-utils"
    expected = {"ar": "NotoNaskhArabic", "ur": "NotoNastaliqUrdu", "hi": "NotoSansDevanagari",
                # The CJK subset keeps the collection's shared CFF name (NotoSansCJKjp-...); its cmap is the SC face's.
                "zh": "NotoSansCJK", "it": "NotoSans"}
    sources = [write_docx(builder.instructions("RF-NO", lang), tmp_path / f"rf-{lang}.docx") for lang in expected]
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "out"), *map(str, sources)],
        capture_output=True, text=True, timeout=240, check=False, env=only_shipped_fonts(tmp_path))
    assert result.returncode == 0, result.stderr
    for lang, family in expected.items():
        pdf = tmp_path / "out" / f"rf-{lang}.pdf"
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), (lang, result.stdout, result.stderr)
        fonts = pdf_fonts(pdf)
        # The script's text is set in the font the DOCX names for it, found among the shipped files, embedded.
        assert any(name.startswith(family) for name in fonts), (lang, sorted(fonts))
        assert all(fonts.values()), (lang, fonts)
