"""Writes a :class:`~desk_app.core.sheets.Sheet` as an editable DOCX (python-docx), right-to-left where it must be.

Word and LibreOffice choose fonts and direction from run and paragraph properties,
not from the text, so each paragraph and run says what it is (DESIGN.md, measured):

* right-to-left paragraphs get ``w:bidi``; their runs ``w:rtl``, the script font in
  ``w:rFonts w:cs`` and the language in ``w:lang w:bidi``. Alignment stays unset:
  an explicit RIGHT made LibreOffice left-align the paragraph;
* Indic runs are complex script too: ``w:cs`` font and ``w:lang w:bidi``, without ``w:rtl``;
* Chinese runs name the font in ``w:eastAsia`` (with ``w:hint="eastAsia"``) and the language in
  ``w:lang w:eastAsia``;
* codes and numbers isolated left to right (U+2066..U+2069, see ``protect_tokens``) are runs of their own,
  left to right and in the Latin font, and the Italian line under a right-to-left line is isolated too;
* fonts: Windows has no Noto fonts, so the TrueType ones are embedded (:mod:`desk_app.documents.docx_fonts`);
  Word cannot embed the CFF-based Noto Sans CJK, so Chinese runs name Microsoft YaHei, which every
  Windows 7-11 has, and LibreOffice elsewhere substitutes the Chinese font it has.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from desk_app.core.sheets import LRI, PDI, Block, Line, Sheet, split_isolates
from desk_app.documents.docx_fonts import EmbeddedFamily, embed_fonts
from desk_app.documents.fonts import LATIN, SCRIPT_FONTS, font_dir

#: BCP 47 tags written into ``w:lang``.
LANG_TAGS = {
    "it": "it-IT", "en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ro": "ro-RO", "sq": "sq-AL", "uk": "uk-UA",
    "ar": "ar-EG", "ur": "ur-PK", "bn": "bn-BD", "pa": "pa-IN", "hi": "hi-IN", "zh": "zh-CN",
}
COMPLEX_SCRIPT = frozenset({"ar", "ur", "bn", "pa", "hi"})
EAST_ASIAN = frozenset({"zh"})
RTL = frozenset({"ar", "ur"})
#: Per block kind: (point size, bold, colour, space before in points).
STYLES: dict[str, tuple[float, bool, RGBColor | None, float]] = {
    "title": (17, True, RGBColor(0, 70, 140), 0),
    "subtitle": (12, False, RGBColor(90, 90, 90), 2),
    "heading": (12.5, True, RGBColor(0, 70, 140), 10),
    "text": (10.5, False, None, 3),
    "step": (10.5, False, None, 2),
    "item": (10.5, False, None, 2),
    "bullet": (10.5, False, None, 2),
    "callout": (14, True, RGBColor(150, 0, 0), 8),
    "note": (8.5, False, RGBColor(90, 90, 90), 6),
    "qr": (10.5, True, RGBColor(0, 70, 140), 10),
}
PREFIX = {"item": "□ ", "bullet": "• "}
#: The East Asian font named in Chinese runs: installed on every Windows since Vista (Noto Sans CJK is CFF-based,
#: which Word cannot embed).
WINDOWS_EAST_ASIAN = "Microsoft YaHei"


def _set(parent: BaseOxmlElement, tag: str, **attrs: str) -> BaseOxmlElement:
    """Get or create child ``tag`` of ``parent`` and set its ``w:`` attributes."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _paragraph_direction(paragraph: Paragraph, lang: str) -> None:
    if lang in RTL:
        p_pr = paragraph._p.get_or_add_pPr()
        bidi = OxmlElement("w:bidi")
        p_pr.insert(0, bidi)  # w:bidi comes early in CT_PPr's sequence


def _add_run(paragraph: Paragraph, text: str, lang: str, size: float, *, bold: bool = False, italic: bool = False,
             color: RGBColor | None = None) -> None:
    run = paragraph.add_run(text.replace("\u2028", "\n"))  # python-docx writes a line break (w:br) for "\n"
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    if color is not None:
        run.font.color.rgb = color
    r_pr = run._r.get_or_add_rPr()
    script = SCRIPT_FONTS.get(lang, (LATIN[0], ()))[0]
    fonts = {"ascii": LATIN[0], "hAnsi": LATIN[0], "cs": script if lang in COMPLEX_SCRIPT else LATIN[0]}
    if lang in EAST_ASIAN:
        fonts["eastAsia"] = WINDOWS_EAST_ASIAN
        fonts["hint"] = "eastAsia"  # Word takes shared punctuation and digits from the East Asian font too
    r_fonts = _set(r_pr, "w:rFonts", **fonts)
    r_pr.remove(r_fonts)
    r_pr.insert(0, r_fonts)  # w:rFonts must come first in CT_RPr
    if lang in COMPLEX_SCRIPT:
        # Word sizes and emboldens complex-script runs from the cs twins of sz and b.
        _set(r_pr, "w:szCs", val=str(int(size * 2)))
        if bold:
            _set(r_pr, "w:bCs")
    if lang in RTL:
        _set(r_pr, "w:rtl")
    tag = LANG_TAGS[lang]
    lang_attrs = {"val": LANG_TAGS["it"] if lang in COMPLEX_SCRIPT | EAST_ASIAN else tag}
    if lang in COMPLEX_SCRIPT:
        lang_attrs["bidi"] = tag
    if lang in EAST_ASIAN:
        lang_attrs["eastAsia"] = tag
    _set(r_pr, "w:lang", **lang_attrs)


def _line(paragraph: Paragraph, line: Line, size: float, bold: bool, color: RGBColor | None, bilingual: bool,
          prefix: str = "") -> None:
    text = f"{prefix}{line.text}{' *' if line.verify else ''}"
    for segment, isolated in split_isolates(text):
        # An isolated code is a left-to-right Latin run of its own (no w:rtl), its isolate marks kept: Word
        # orders runs by their properties, LibreOffice by the Unicode bidi algorithm; both then keep it whole.
        _add_run(paragraph, segment, "it" if isolated else line.lang, size, bold=bold, color=color)
    if bilingual and line.italian:
        paragraph.add_run().add_break()
        # Under a right-to-left line the Italian is isolated, as in the PDF: else its full stop jumps left.
        italian = f"{LRI}{line.italian}{PDI}" if line.rtl else line.italian
        _add_run(paragraph, italian, "it", max(size - 2, 7.5), italic=True, color=RGBColor(90, 90, 90))


def _qr(document: DocxDocument, block: Block, bilingual: bool) -> None:
    """The caption, then the QR code of the address in ``detail`` and the address, centred (as in the PDF)."""
    import io

    from desk_app.core.sheets import plain_text
    from desk_app.documents.qr import QR_MM, qr_png

    assert block.detail is not None  # a qr block always carries its address
    size, bold, color, before = STYLES["qr"]
    caption = document.add_paragraph()
    caption.paragraph_format.space_before = Pt(before)
    caption.paragraph_format.space_after = Pt(0)
    caption.paragraph_format.keep_with_next = True
    _paragraph_direction(caption, block.line.lang)
    _line(caption, block.line, size, bold, color, bilingual)
    address = plain_text(block.detail.text)
    picture = document.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.space_before = Pt(4)
    picture.paragraph_format.keep_together = True
    picture.add_run().add_picture(io.BytesIO(qr_png(address)), width=Mm(QR_MM), height=Mm(QR_MM))
    picture.add_run().add_break()
    _add_run(picture, address, "it", size - 1.5, color=RGBColor(90, 90, 90))


def _block(document: DocxDocument, block: Block, bilingual: bool) -> None:
    if block.kind == "qr":
        _qr(document, block, bilingual)
        return
    size, bold, color, before = STYLES[block.kind]
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(0)
    _paragraph_direction(paragraph, block.line.lang)
    if block.kind in PREFIX or block.kind == "step":
        paragraph.paragraph_format.first_line_indent = Mm(-5)
        paragraph.paragraph_format.left_indent = Mm(5)  # python-docx maps this to w:start, mirrored in RTL
    if block.kind == "callout":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    prefix = f"{block.number}. " if block.kind == "step" else PREFIX.get(block.kind, "")
    _line(paragraph, block.line, size, bold, color, bilingual, prefix)
    if block.detail is not None:
        if block.kind == "note" and block.detail.rtl != block.line.rtl:
            # Italian citations under a translated label: their own paragraph and direction, as in the PDF
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            _paragraph_direction(paragraph, block.detail.lang)
        else:
            paragraph.add_run().add_break()
        _line(paragraph, block.detail, size if block.kind == "callout" else size - 1.5, False,
              None if block.kind == "callout" else RGBColor(90, 90, 90), bilingual)


def build_docx(sheet: Sheet) -> DocxDocument:
    """The python-docx document of ``sheet`` (A4, 18 mm margins, like the PDF)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    if sheet.rtl:
        _set(section._sectPr, "w:bidi")  # page-level direction: columns and numbering run right to left
    document.core_properties.title = sheet.title
    document.core_properties.language = LANG_TAGS[sheet.lang]
    document.core_properties.author = "Sportello"
    for block in sheet.blocks:
        _block(document, block, sheet.bilingual)
    return document


def embedded_families(sheet: Sheet) -> list[EmbeddedFamily]:
    """The TrueType families a sheet's DOCX embeds: Noto Sans and the script font of its language (not CJK)."""
    chosen = [LATIN] + ([SCRIPT_FONTS[sheet.lang]] if sheet.lang in SCRIPT_FONTS else [])
    return [EmbeddedFamily(name, font_dir() / files[0], font_dir() / files[1] if len(files) > 1 else None,
                           latin_subset=name == LATIN[0])
            for name, files in chosen if files[0].endswith(".ttf")]


def write_docx(sheet: Sheet, path: Path, *, embed: bool = True) -> Path:
    """Write ``sheet`` as a DOCX file at ``path``, its fonts embedded (subset) unless ``embed`` is false."""
    path.parent.mkdir(parents=True, exist_ok=True)
    build_docx(sheet).save(str(path))
    if embed:
        embed_fonts(path, embedded_families(sheet))
    return path
