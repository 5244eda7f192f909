"""A slide deck per language for an awareness session, as PDF: the exploitation sheet's texts on big slides.

The deck is cut from the same :class:`~desk_app.core.sheets.Sheet` the handout prints
(:meth:`AwarenessService.handout <desk_app.core.awareness.AwarenessService.handout>`), so both say the same
thing in the same words and carry the same translation status, sources and "to verify" marks. It goes
through the sheets' text engine and fonts (Qt's ``QTextDocument``, :mod:`desk_app.documents.pdf`), which
shapes Arabic, Nastaliq Urdu, the Indic scripts and Chinese and lays right-to-left paragraphs out right to
left: reportlab cannot (see DESIGN.md).

Slides are 16:9 landscape pages (254 x 142.9 mm, what projectors and PowerPoint use), one
``QTextDocument`` each: the title slide (title, centre and date, the free number), one slide per section
(its heading and at most :data:`BULLETS_PER_SLIDE` points; more go on a continuation slide) and a closing
slide with the number again and the sheet's notes (sources, translation status, disclaimer). A slide whose
text would overflow is set smaller, step by step, never cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)

from desk_app.core.sheets import LRI, PDI, Block, Line, Sheet, split_isolates
from desk_app.documents.fonts import register_fonts
from desk_app.documents.pdf import ACCENT, GREY, URDU_LINE_HEIGHT, _char_format, ensure_gui

#: The slide page: 16:9, 10 x 5.625 inches.
SLIDE_MM = (254.0, 142.875)
MARGIN_MM = 12.0
BULLETS_PER_SLIDE = 4
#: About what a slide holds at full size in the body type (more and the slide is set smaller).
CHARACTERS_PER_SLIDE = 320
#: Per role on a slide: (point size, bold, colour, space above in points).
SLIDE_STYLES: dict[str, tuple[float, bool, QColor | None, float]] = {
    "title": (34, True, ACCENT, 0),
    "subtitle": (20, False, GREY, 6),
    "text": (24, False, None, 12),
    "bullet": (24, False, None, 10),
    "callout": (28, True, QColor(150, 0, 0), 16),
    "note": (10, False, GREY, 4),
}
#: Smallest share of the sizes above a crowded slide is set in before it is left to overflow.
MIN_SCALE = 0.55


@dataclass(frozen=True)
class Slide:
    """One slide: its title and what follows it (sheet blocks: subtitle, text, bullet, callout, note)."""

    title: Line
    blocks: tuple[Block, ...]


def build_slides(sheet: Sheet) -> list[Slide]:
    """Cut the exploitation sheet ``sheet`` into slides (see the module docstring)."""
    title = next((b.line for b in sheet.blocks if b.kind == "title"), Line(sheet.title, sheet.lang))
    head = [b for b in _before_first(sheet.blocks, "heading") if b.kind in ("subtitle", "callout")]
    intro = [b for b in _before_first(sheet.blocks, "heading") if b.kind == "text"]
    callouts = [b for b in sheet.blocks if b.kind == "callout"]
    slides = [Slide(title, tuple(head))]
    if intro:
        slides.append(Slide(title, tuple(intro)))
    section: Line | None = None
    points: list[Block] = []

    def close_section() -> None:
        if section is None:
            return
        # balanced: five points make slides of 3 and 2, not 4 and a lonely 1; long points (the rights, with their
        # articles of law) get more slides rather than smaller type
        characters = sum(len(p.line.text) for p in points)
        count = max(1, -(-len(points) // BULLETS_PER_SLIDE), -(-characters // CHARACTERS_PER_SLIDE))
        size = max(1, -(-len(points) // count))
        chunks = [points[n:n + size] for n in range(0, len(points), size)] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            shown = section if number == 1 else Line(f"{section.text} ({number}/{len(chunks)})", section.lang,
                                                     section.status, section.italian, section.verify)
            slides.append(Slide(shown, tuple(chunk)))

    for block in sheet.blocks:
        if block.kind == "heading":
            close_section()
            section, points = block.line, []
        elif section is not None and block.kind in ("bullet", "text", "step", "item"):
            points.append(Block("bullet", block.line, block.detail))
    close_section()
    notes = [b for b in sheet.blocks if b.kind == "note"]
    slides.append(Slide(title, tuple(callouts + notes)))
    return slides


def _before_first(blocks: tuple[Block, ...], kind: str) -> list[Block]:
    result = []
    for block in blocks:
        if block.kind == kind:
            break
        result.append(block)
    return result


def _paragraph(cursor: QTextCursor, line: Line, role: str, scale: float, first: bool,
               bullets: dict[str, object]) -> None:
    size, bold, color, top = SLIDE_STYLES[role]
    size *= scale
    fmt = QTextBlockFormat()
    fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if line.rtl else Qt.LayoutDirection.LeftToRight)
    fmt.setTopMargin(top * scale)
    if role in ("callout", "subtitle") or (role == "title" and not bullets.get("left_title")):
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    if line.lang == "ur":
        fmt.setLineHeight(URDU_LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if first:
        cursor.setBlockFormat(fmt)
    else:
        cursor.insertBlock(fmt)
    cursor.setBlockCharFormat(_char_format("it", size, color=color))
    if role == "bullet":
        current = bullets.get("list")
        if current is None:
            list_format = QTextListFormat()
            list_format.setStyle(QTextListFormat.Style.ListDisc)
            list_format.setIndent(1)
            bullets["list"] = cursor.createList(list_format)
        else:
            current.add(cursor.block())  # type: ignore[attr-defined]
    text = f"{line.text} *" if line.verify else line.text
    for segment, isolated in split_isolates(text):
        # codes and numbers isolated left to right are set in the Latin font, as on the sheets
        cursor.insertText(segment, _char_format("it" if isolated else line.lang, size, bold=bold, color=color))


def slide_document(slide: Slide, width: float, scale: float = 1.0, *, first: bool = False) -> QTextDocument:
    """The ``QTextDocument`` of one slide at ``scale`` of :data:`SLIDE_STYLES`, ``width`` device pixels wide."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    cursor = QTextCursor(doc)
    state: dict[str, object] = {"left_title": not first}
    _paragraph(cursor, slide.title, "title", scale * (1.15 if first else 1.0), True, state)
    for block in slide.blocks:
        role = block.kind if block.kind in SLIDE_STYLES else "text"
        line = block.line
        if block.kind == "callout" and block.detail is not None:  # "free number" + the number, one paragraph
            line = Line(f"{block.line.text}: {block.detail.text}", block.line.lang, block.line.status,
                        verify=block.line.verify or block.detail.verify)
        elif block.kind == "note" and block.detail is not None:  # the list of sources under its label
            detail = f"{LRI}{block.detail.text}{PDI}" if block.line.rtl else block.detail.text
            line = Line(f"{block.line.text} {detail}", block.line.lang, block.line.status)
        _paragraph(cursor, line, role, scale, False, state)
    doc.setTextWidth(width)
    return doc


def write_slides(sheet: Sheet, path: Path) -> int:
    """Write the deck of ``sheet`` to a PDF at ``path`` (fonts embedded as subsets); returns the slide count."""
    ensure_gui()
    register_fonts()
    slides = build_slides(sheet)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(sheet.title)
    writer.setCreator("Sportello")
    writer.setResolution(150)
    # Defined upright and turned: Qt swaps the sides of a page size given wider than tall when it is turned.
    writer.setPageSize(QPageSize(QSizeF(SLIDE_MM[1], SLIDE_MM[0]), QPageSize.Unit.Millimeter, "16:9"))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    area = writer.pageLayout().paintRectPixels(writer.logicalDpiX())
    width, height = float(area.width()), float(area.height())
    painter = QPainter(writer)
    try:
        for number, slide in enumerate(slides):
            if number:
                writer.newPage()
            scale = 1.0
            while True:
                doc = slide_document(slide, width, scale, first=number == 0)
                doc.documentLayout().setPaintDevice(writer)
                # the list indent is in device pixels (40 by default, a sliver at 150 dpi): room for the bullet,
                # whose disc Qt otherwise draws half outside the text area of a right-to-left slide
                doc.setIndentWidth(0.45 * writer.logicalDpiX() * scale)
                doc.setTextWidth(width)
                if doc.size().height() <= height - 0.04 * height or scale <= MIN_SCALE:
                    break
                scale = max(MIN_SCALE, scale * 0.9)
            # the title slide is centred on the page; the others start at the top
            top = max(0.0, (height - doc.size().height()) / 2) if number == 0 else 0.0
            painter.save()
            painter.translate(0, top)
            doc.drawContents(painter, QRectF(0, 0, width, height - top))
            painter.restore()
            painter.setPen(GREY)
            painter.setFont(_char_format("it", 9).font())
            painter.drawText(QRectF(0, height - 0.04 * height, width, 0.04 * height),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             f"{number + 1}/{len(slides)}")
    finally:
        painter.end()
    del writer  # the file is finished when the writer goes away
    return len(slides)


__all__ = ["BULLETS_PER_SLIDE", "SLIDE_MM", "Slide", "build_slides", "slide_document", "write_slides"]
