"""DOCX that Word on a PC without Noto shows right: fonts embedded as Word embeds them, codes and Italian isolated."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from lxml import etree

from desk_app.core.sheets import LRI, PDI, SheetBuilder
from desk_app.documents.docx import build_docx, write_docx
from desk_app.documents.docx_fonts import obfuscate
from desk_app.documents.fonts import font_dir

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"




def _embedded(docx: Path) -> dict[str, list[TTFont]]:
    """Family name in fontTable.xml -> its embedded fonts, de-obfuscated with their w:fontKey."""
    import io

    with zipfile.ZipFile(docx) as archive:
        table = etree.fromstring(archive.read("word/fontTable.xml"))
        rels = etree.fromstring(archive.read("word/_rels/fontTable.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        assert b"odttf" in archive.read("[Content_Types].xml")
        assert b"embedTrueTypeFonts" in archive.read("word/settings.xml")
        found: dict[str, list[TTFont]] = {}
        for font in table.findall(f"{W}font"):
            for embed in [*font.findall(f"{W}embedRegular"), *font.findall(f"{W}embedBold")]:
                data = archive.read("word/" + targets[embed.get(f"{R}id")])
                assert data[:4] not in (b"\x00\x01\x00\x00", b"true")  # obfuscated, as Word requires
                plain = obfuscate(data, embed.get(f"{W}fontKey"))  # XOR twice gives the font back
                found.setdefault(font.get(f"{W}name"), []).append(TTFont(io.BytesIO(plain)))
    return found


def test_obfuscation_follows_ecma_376() -> None:
    key = "{00112233-4455-6677-8899-AABBCCDDEEFF}"
    data = bytes(range(40))
    out = obfuscate(data, key)
    # The key's bytes in reverse order (FF EE ... 00), repeated over the first 32 bytes; the rest untouched.
    assert out[0] == 0 ^ 0xFF and out[15] == 15 ^ 0x00 and out[16] == 16 ^ 0xFF and out[32:] == data[32:]


def test_script_fonts_are_embedded_and_cover_the_text(builder: SheetBuilder, tmp_path: Path) -> None:
    for lang, family in (("ur", "Noto Nastaliq Urdu"), ("ar", "Noto Naskh Arabic"), ("hi", "Noto Sans Devanagari"),
                         ("bn", "Noto Sans Bengali"), ("pa", "Noto Sans Gurmukhi"), ("it", "Noto Sans")):
        sheet = builder.instructions("RF-NO", lang)
        fonts = _embedded(write_docx(sheet, tmp_path / f"{lang}.docx"))
        assert len(fonts[family]) == 2 and len(fonts["Noto Sans"]) == 2, (lang, sorted(fonts))  # regular + bold
        cmap = set(fonts[family][0].getBestCmap()) | set(fonts["Noto Sans"][0].getBestCmap())
        text = {ord(c) for line in sheet.lines() for c in line.text if not c.isspace()} - {0x2066, 0x2069, 0x2060}
        assert text <= cmap, (lang, sorted(hex(c) for c in text - cmap)[:10])
        assert "GPOS" in fonts[family][0] and "GSUB" in fonts[family][0]  # shaping tables kept in the subset


def test_isolated_codes_and_italian_are_ltr_runs_in_rtl_docx(builder: SheetBuilder) -> None:
    document = build_docx(builder.exploitation("ar", bilingual=True))
    runs = [r for p in document.paragraphs for r in p.runs if r.text]
    code = next(r for r in runs if "800" in r.text)
    assert code.text.startswith(LRI) and code.text.endswith(PDI)
    assert code._r.rPr.find(qn("w:rtl")) is None  # a left-to-right run inside the right-to-left paragraph
    italian = next(r for r in runs if "Lavoro e sfruttamento" in r.text or r.text.startswith(LRI + "Lavoro"))
    assert italian.text.startswith(LRI) and italian.text.endswith(PDI)  # its full stop stays at its end


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_without_any_script_font_uses_the_embedded_ones(builder: SheetBuilder, tmp_path: Path) -> None:
    """fontconfig sees one Latin fallback only (a shipped file): the script fonts can come from the DOCX alone."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(font_dir() / "NotoSans-Regular.ttf", fonts / "Fallback.ttf")
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{fonts}</dir>'
                    f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    expected = {"ur": "NotoNastaliqUrdu", "ar": "NotoNaskhArabic", "hi": "NotoSansDevanagari"}
    sources = [write_docx(builder.instructions("RF-NO", lang), tmp_path / f"rf-{lang}.docx") for lang in expected]
    import os

    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "out"), *map(str, sources)],
        capture_output=True, text=True, timeout=240, check=False, env={**os.environ, "FONTCONFIG_FILE": str(conf)})
    assert result.returncode == 0, result.stderr
    for lang, family in expected.items():
        listing = subprocess.run(["pdffonts", str(tmp_path / "out" / f"rf-{lang}.pdf")], check=True,
                                 capture_output=True, text=True).stdout
        assert family in listing, (lang, listing)
