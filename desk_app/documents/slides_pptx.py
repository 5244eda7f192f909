"""The same slide deck as :mod:`desk_app.documents.slides`, as an editable PowerPoint file (python-pptx).

The PDF is the reference (Qt's text engine, shipped fonts embedded); the PPTX is for the operator who adapts
the slides to a centre. Same cut (:func:`~desk_app.documents.slides.build_slides`), 16:9, big type.
Right-to-left paragraphs carry ``a:pPr rtl="1"`` and their runs the script font as ``a:cs`` (complex script)
with ``a:rtl``-aware language tags, Chinese runs as ``a:ea``; python-pptx has no API for these, so the run
properties are set on the XML.

Known limit: the file names the shipped Noto families and does not embed them (PowerPoint embeds fonts only
from its own UI); a PC without them shows a substitute (Urdu loses Nastaliq). Install the fonts from
``desk_app/resources/fonts`` on the PC that edits the deck, or use the PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desk_app.core.sheets import LRI, PDI, Line, Sheet
from desk_app.documents.fonts import LATIN, SCRIPT_FONTS
from desk_app.documents.slides import SLIDE_MM, SLIDE_STYLES, Slide, build_slides

#: BCP 47 tags of the languages, for ``a:rPr/@lang`` (spell checking) and ``@bidi`` hints.
_LANG_TAGS = {"it": "it-IT", "en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ro": "ro-RO", "sq": "sq-AL",
              "uk": "uk-UA", "ar": "ar-EG", "ur": "ur-PK", "bn": "bn-BD", "pa": "pa-IN", "hi": "hi-IN",
              "zh": "zh-CN"}
#: Sizes in the PPTX, as a share of the PDF slides' (SLIDE_STYLES).
_PPTX_SCALE = 1.0


def _run_fonts(run: Any, lang: str) -> None:
    """Name the script font as complex-script (``a:cs``) or East Asian (``a:ea``) font of ``run``."""
    from pptx.oxml.ns import qn

    r_pr = run._r.get_or_add_rPr()  # python-pptx exposes no cs/ea fonts: its XML element
    r_pr.set("lang", _LANG_TAGS.get(lang, "it-IT"))
    latin = r_pr.makeelement(qn("a:latin"), {"typeface": LATIN[0]})
    r_pr.append(latin)
    script = SCRIPT_FONTS.get(lang)
    if script is not None:
        tag = "a:ea" if lang == "zh" else "a:cs"
        r_pr.append(r_pr.makeelement(qn(tag), {"typeface": script[0]}))


def _paragraph(frame: Any, line: Line, role: str, first: bool) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    size, bold, color, top = SLIDE_STYLES[role]
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    if line.rtl:
        paragraph._p.get_or_add_pPr().set("rtl", "1")  # no API for rtl either
    if role in ("callout", "subtitle"):
        paragraph.alignment = PP_ALIGN.CENTER
    elif line.rtl:  # PowerPoint and Impress keep a right-to-left paragraph left-aligned unless told
        paragraph.alignment = PP_ALIGN.RIGHT
    paragraph.space_before = Pt(top * _PPTX_SCALE)
    bullet = "• " if role == "bullet" else ""
    # the invisible isolates of the sheets' text are kept: PowerPoint's bidi honours them like Qt's
    text = f"{line.text} *" if line.verify else line.text
    run = paragraph.add_run()
    run.text = bullet + text
    run.font.size = Pt(size * _PPTX_SCALE)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = RGBColor(color.red(), color.green(), color.blue())
    _run_fonts(run, line.lang)


def _slide(deck: Any, slide: Slide) -> None:
    from pptx.util import Mm

    page = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    margin = Mm(12)
    box = page.shapes.add_textbox(margin, margin, deck.slide_width - 2 * margin, deck.slide_height - 2 * margin)
    frame = box.text_frame
    frame.word_wrap = True
    _paragraph(frame, slide.title, "title", True)
    for block in slide.blocks:
        role = block.kind if block.kind in SLIDE_STYLES else "text"
        line = block.line
        if block.kind == "callout" and block.detail is not None:
            line = Line(f"{block.line.text}: {block.detail.text}", block.line.lang, block.line.status)
        elif block.kind == "note" and block.detail is not None:
            detail = f"{LRI}{block.detail.text}{PDI}" if block.line.rtl else block.detail.text
            line = Line(f"{block.line.text} {detail}", block.line.lang, block.line.status)
        _paragraph(frame, line, role, False)


def write_pptx(sheet: Sheet, path: Path) -> int:
    """Write the deck of ``sheet`` as a 16:9 PPTX at ``path``; returns the slide count."""
    from pptx import Presentation
    from pptx.util import Mm

    deck = Presentation()
    deck.slide_width, deck.slide_height = Mm(SLIDE_MM[0]), Mm(SLIDE_MM[1])
    deck.core_properties.title = sheet.title
    deck.core_properties.author = "Sportello"
    slides = build_slides(sheet)
    for slide in slides:
        _slide(deck, slide)
    deck.save(str(path))
    return len(slides)


__all__ = ["write_pptx"]
