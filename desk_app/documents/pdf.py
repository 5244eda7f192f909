"""Lays a :class:`~desk_app.core.sheets.Sheet` out with Qt's text engine, to PDF or straight to a printer.

One ``QTextDocument`` per sheet, built block by block with ``QTextCursor`` (no HTML,
so nothing in a text can be taken for markup). Each paragraph gets the direction of
the language its line is actually in, so an Arabic sheet is right to left while an
Italian fallback line in it stays left to right; Qt's bidi algorithm keeps codes
such as "A012" or "€ 16" readable inside right-to-left text. Printing to paper uses
the same document through ``QPrinter``: what the PDF shows is what the printer gets.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
)

from desk_app.core.sheets import LRI, PDI, Block, Line, Sheet, plain_text, protect_tokens, split_isolates
from desk_app.documents.fonts import families, register_fonts

BODY_PT = 10.5
#: Proportional line height of Urdu paragraphs, in percent of Nastaliq's own (already tall) line.
URDU_LINE_HEIGHT = 85
HEADER_PT = 8
MARGIN_MM = 18
#: Height of the header band above the body and of the page-number band below it.
HEADER_MM = 7
#: ``QTextBlock.userState`` of headings (kept with the next block), of blocks kept on one page, and of the
#: closing notes (sources, "to verify", translation status, disclaimer: tightened by :func:`_fit_notes`).
HEADING_STATE, KEEP_STATE, NOTE_STATE, NOTE_HEAD_STATE = 1, 2, 3, 4
#: How :func:`_fit_notes` tightens the closing notes, step by step: (gap above each note in points, proportional
#: line height in percent, or 0 to leave it). Kept only if it saves the last page.
NOTE_FIT_STEPS = ((1.0, 0), (0.0, 92), (0.0, 85))
GREY = QColor(90, 90, 90)
ACCENT = QColor(0, 70, 140)


def ensure_gui() -> QGuiApplication:
    """The running ``QGuiApplication``, or a new one (offscreen when there is no display, e.g. ``desk-admin``)."""
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:  # pragma: no cover - a QCoreApplication cannot lay out text; a caller bug
        raise RuntimeError("documents need a QGuiApplication, not a QCoreApplication")
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    # A QApplication, not a bare QGuiApplication: a process that later opens a window (the GUI tests after the
    # document tests, a print dialog) cannot replace the application object, and Qt aborts on the first widget.
    return QApplication(["sportello-documents"])


def _font(lang: str, size: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(families(lang))
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _char_format(lang: str, size: float = BODY_PT, *, bold: bool = False, italic: bool = False,
                 color: QColor | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(_font(lang, size, bold, italic))
    if color is not None:
        fmt.setForeground(color)
    return fmt


#: Per block kind: (point size, bold, colour, space above in points).
STYLES: dict[str, tuple[float, bool, QColor | None, float]] = {
    "title": (17, True, ACCENT, 0),
    "subtitle": (12, False, GREY, 2),
    "heading": (12.5, True, ACCENT, 10),
    "text": (BODY_PT, False, None, 3),
    "step": (BODY_PT, False, None, 2),
    "item": (BODY_PT, False, None, 2),
    "bullet": (BODY_PT, False, None, 2),
    "callout": (14, True, QColor(150, 0, 0), 8),
    "note": (8.5, False, GREY, 6),
    "qr": (8.5, False, GREY, 6),
}


class SheetDocument:
    """Builds the ``QTextDocument`` of a sheet. Use :func:`build_document`."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.doc = QTextDocument()
        self.doc.setDefaultFont(_font(sheet.lang, BODY_PT))
        self.doc.setDocumentMargin(0)
        self.doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, sheet.title)
        self.cursor = QTextCursor(self.doc)
        self._first = True
        self._lists: dict[str, object] = {}

    def build(self) -> QTextDocument:
        previous = ""
        code = next((b for b in self.sheet.blocks if b.kind == "qr"), None)
        for index, block in enumerate(self.sheet.blocks):
            if block.kind not in ("step", "item", "bullet") or previous != block.kind:
                self._lists.pop(block.kind, None)
            self._block(block)
            if index == 0 and code is not None:
                self._qr_float(code)  # beside the first paragraphs, so a referral sheet keeps to one page
            previous = block.kind
        return self.doc

    def _new_block(self, line: Line, top: float, indent: int = 0) -> None:
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if line.rtl else Qt.LayoutDirection.LeftToRight)
        fmt.setTopMargin(top)
        fmt.setIndent(indent)
        if line.lang == "ur":
            # Nastaliq's own line metrics (ascent 1.9 em, descent 0.6 em) already leave room for its stacked
            # letters; the 160% once added on top made RF-NO four pages where every other language needs two.
            fmt.setLineHeight(URDU_LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self._first = False
        else:
            self.cursor.insertBlock(fmt)

    def _block(self, block: Block) -> None:
        if block.kind == "qr":
            self._qr(block)
            return
        size, bold, color, top = STYLES[block.kind]
        line = block.line
        self._new_block(line, top)
        # List numbers and bullets take the block's character format: without this the first item inherits
        # the bold heading above it. They are set in the Latin font: Qt sizes a bullet or square from the
        # font's ascent, and Nastaliq's (1.9 em) made the Urdu markers large enough to cover the first letter.
        self.cursor.setBlockCharFormat(_char_format("it", size, color=color if block.kind == "callout" else None))
        if block.kind in ("step", "item", "bullet"):
            current = self._lists.get(block.kind)
            if current is None:
                list_format = QTextListFormat()
                list_format.setStyle({"step": QTextListFormat.Style.ListDecimal,
                                      "item": QTextListFormat.Style.ListSquare,
                                      "bullet": QTextListFormat.Style.ListDisc}[block.kind])
                list_format.setIndent(1)
                list_format.setNumberSuffix(".")
                self._lists[block.kind] = self.cursor.createList(list_format)
            else:
                current.add(self.cursor.block())  # type: ignore[attr-defined]
        if block.kind == "callout":
            fmt = self.cursor.blockFormat()
            fmt.setBackground(QColor(255, 240, 230))
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.cursor.setBlockFormat(fmt)
        if block.kind == "heading":
            self.cursor.block().setUserState(HEADING_STATE)
        elif block.kind == "note":
            self.cursor.block().setUserState(NOTE_STATE)
        elif block.kind in ("item", "step", "bullet", "callout"):
            # A checklist item and its detail line (one block, lines split by U+2028) stay on one page.
            self.cursor.block().setUserState(KEEP_STATE)
        self._text(line, size, bold, color)
        if block.detail is not None:
            detail_size = size if block.kind == "callout" else size - 1.5
            if block.kind == "note" and block.detail.rtl != line.rtl:
                # The sources under a translated label are Italian citations: a paragraph of their own, in their
                # own direction. Inside the label's right-to-left paragraph "[1] D.Lgs. ..." came out with its
                # numbers at the wrong end of each line.
                # The label keeps with it (NOTE_HEAD_STATE: a note that the page break treats as a heading).
                self.cursor.block().setUserState(NOTE_HEAD_STATE)
                self._new_block(block.detail, 0)
                self.cursor.block().setUserState(NOTE_STATE)
            else:
                self.cursor.insertText("\u2028")
            self._text(block.detail, detail_size, False, GREY if block.kind != "callout" else None)

    def _qr_float(self, block: Block) -> None:
        """The QR code of the address in ``detail``, in a frame floating at the end side of the lines (right, or
        left in a right-to-left sheet) next to the paragraphs after the title; its caption and address follow
        where the block stands (:meth:`_qr`)."""
        from desk_app.documents.qr import QR_MM, qr_png

        assert block.detail is not None  # a qr block always carries its address
        address = plain_text(block.detail.text)
        name = f"qr:{address}"
        self.doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name),
                             QImage.fromData(qr_png(address)))
        frame = QTextFrameFormat()
        frame.setPosition(QTextFrameFormat.Position.FloatLeft if self.sheet.rtl
                          else QTextFrameFormat.Position.FloatRight)
        frame.setBorder(0)
        frame.setPadding(0)
        frame.setMargin(0)
        frame.setLeftMargin(0 if self.sheet.rtl else 12)
        frame.setRightMargin(12 if self.sheet.rtl else 0)
        # Share of the text width (34 mm of A4's 174): the same on paper and in the desk's preview.
        frame.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100 * (QR_MM + 2) / 174))
        inner = self.cursor.insertFrame(frame)
        picture = QTextImageFormat()
        picture.setName(name)
        # Qt sizes images in pixels of 1/96 inch and scales them to the paint device (300 dpi for PDF).
        side = QR_MM / 25.4 * 96
        picture.setWidth(side)
        picture.setHeight(side)
        QTextCursor(inner.firstCursorPosition()).insertImage(picture)
        # Back in the main flow: the empty paragraph after the frame takes the next block's format.
        self.cursor = self.doc.rootFrame().lastCursorPosition()
        self._first = True

    def _qr(self, block: Block) -> None:
        """Where the QR block stands: its caption and, under it, the address the code at the top encodes, as the
        first of the closing notes (small print, tightened with them to keep the sheet on its page)."""
        assert block.detail is not None  # a qr block always carries its address
        size, bold, color, top = STYLES["qr"]
        self._new_block(block.line, top)
        self.cursor.setBlockCharFormat(_char_format("it", size))
        self.cursor.block().setUserState(NOTE_STATE)
        self._text(block.line, size, bold, color)
        self.cursor.insertText("\u2028")
        self.cursor.insertText(block.detail.text, _char_format("it", size))

    def _text(self, line: Line, size: float, bold: bool, color: QColor | None) -> None:
        text = f"{line.text} *" if line.verify else line.text
        for segment, isolated in split_isolates(text):
            # A code or number isolated left to right is set in the Latin font: Nastaliq's own hyphen and
            # digits sit low and small beside Latin letters ("RF_PI").
            self.cursor.insertText(segment, _char_format("it" if isolated else line.lang, size, bold=bold,
                                                         color=color))
        if self.sheet.bilingual and line.italian:
            # The Italian under the user's words, so clerk and user read the same sheet. Under a right-to-left
            # line it is isolated left to right: in the paragraph's RTL direction its final full stop and
            # brackets would move to the wrong end (".questo foglio").
            italian = f"{LRI}{line.italian}{PDI}" if line.rtl else line.italian
            self.cursor.insertText("\u2028")
            self.cursor.insertText(italian, _char_format("it", max(size - 2, 7.5), italic=True, color=GREY))


def build_document(sheet: Sheet) -> QTextDocument:
    """The laid-out-ready ``QTextDocument`` of ``sheet`` (fonts registered, a QGuiApplication running)."""
    ensure_gui()
    register_fonts()
    return SheetDocument(sheet).build()


def _header_document(text: str, lang: str, rtl: bool, device: QPagedPaintDevice, width: float,
                     align: Qt.AlignmentFlag) -> QTextDocument:
    """A one-line document (the running header or the page number) laid out for ``device``."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(device)
    cursor = QTextCursor(doc)
    fmt = QTextBlockFormat()
    fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    fmt.setAlignment(align)
    if lang == "ur":
        fmt.setLineHeight(URDU_LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.setBlockFormat(fmt)
    for segment, isolated in split_isolates(text):
        cursor.insertText(segment, _char_format("it" if isolated else lang, HEADER_PT, color=GREY))
    doc.setTextWidth(width)
    return doc


def header_text(sheet: Sheet, page: int, pages: int) -> str:
    """The running header of pages 2..n: the sheet's title, its procedure (and case) and "page/pages"."""
    parts = [sheet.title]
    if sheet.meta.get("procedure"):
        parts.append(sheet.meta["procedure"])
    if sheet.meta.get("case"):
        parts.append(f"#{sheet.meta['case']}")
    parts.append(f"{page}/{pages}")
    return protect_tokens(" · ".join(parts), sheet.rtl)


def _keep_together(doc: QTextDocument, page_height: float) -> None:
    """Page breaks Qt's layout does not make: an item never parts from its detail line, a heading never ends a page.

    Qt has no keep-together or keep-with-next (``nonBreakableLines`` means "do not wrap"), so after layout
    the first block that breaks a rule gets a page break before it, or before the headings just above it,
    and the document is laid out again; fixes only move text down, so earlier ones stay valid.
    """
    layout = doc.documentLayout()

    def page(y: float) -> int:
        return int(y // page_height)

    for _ in range(200):
        offender = None
        block = doc.begin()
        while block.isValid() and offender is None:
            rect = layout.blockBoundingRect(block)
            following = block.next()
            split = block.userState() == KEEP_STATE and page(rect.top() + 1) != page(rect.bottom() - 1)
            orphan = block.userState() == HEADING_STATE and following.isValid() \
                and page(rect.top() + 1) != page(layout.blockBoundingRect(following).bottom() - 1)
            # a note's label alone at the foot of a page, its text (the sources) starting on the next
            orphan = orphan or (block.userState() == NOTE_HEAD_STATE and following.isValid()
                                and page(rect.top() + 1) != page(layout.blockBoundingRect(following).top() + 1))
            # A note split by a page break keeps at least two lines on the first page: the list of sources
            # once left its label ("Sources of each rule ...") alone at the foot of page 1.
            widow = block.userState() == NOTE_STATE and page(rect.top() + 1) != page(rect.bottom() - 1) \
                and _lines_on_first_page(block, rect.top(), page_height) < 2
            if split or orphan or widow:
                offender = block
            block = following
        if offender is None:
            return
        candidate = offender
        while candidate.previous().isValid() and candidate.previous().userState() in (HEADING_STATE, NOTE_HEAD_STATE):
            candidate = candidate.previous()
        fmt = candidate.blockFormat()
        if candidate == doc.begin() or fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            return  # taller than a page, or already moved: let it break
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(candidate).setBlockFormat(fmt)
        _relayout(doc)


def _lines_on_first_page(block: QTextBlock, top: float, page_height: float) -> int:
    """How many lines of ``block`` (laid out from ``top``) end on the page where it starts."""
    end = (int((top + 1) // page_height) + 1) * page_height
    layout = block.layout()
    return sum(1 for n in range(layout.lineCount())
               if top + layout.lineAt(n).y() + layout.lineAt(n).height() <= end + 0.5)


def _fit_notes(doc: QTextDocument, page_height: float) -> None:
    """Keep the closing notes on the content's page when they overflow it by a little.

    A last page holding nothing but notes (an English CITT sheet once printed its disclaimer alone on page 2)
    gets the notes' gaps, then their line height, tightened (:data:`NOTE_FIT_STEPS`); a step is kept only if
    the page goes away, else the notes get their own layout back and run on to the next page as before.
    Urdu notes lose the same share of their own taller line height, which leaves Nastaliq's stacked letters room
    (a note whose text shares its label's Urdu block and line height at most 8% less; the list of sources under an
    Urdu label is a block of its own, Italian, at single height).
    """
    pages = doc.pageCount()
    layout = doc.documentLayout()
    notes, block, last_page_only_notes = [], doc.begin(), True
    while block.isValid():
        if block.userState() in (NOTE_STATE, NOTE_HEAD_STATE):
            notes.append(block)
        elif int((layout.blockBoundingRect(block).bottom() - 1) // page_height) >= pages - 1:
            last_page_only_notes = False  # content of the sheet itself runs onto the last page
        block = block.next()
    if pages < 2 or not notes or not last_page_only_notes:
        return
    originals = [QTextBlockFormat(b.blockFormat()) for b in notes]
    for gap, line_height in NOTE_FIT_STEPS:
        for note, original in zip(notes, originals, strict=True):
            fmt = QTextBlockFormat(original)
            fmt.setTopMargin(min(gap, original.topMargin()))
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)  # tightened, they may fit above
            proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            if line_height and original.lineHeightType() == QTextBlockFormat.LineHeightTypes.SingleHeight.value:
                fmt.setLineHeight(line_height, proportional)
            elif line_height and original.lineHeightType() == proportional:
                # Urdu: a share of its own 85%; at most 8% off a note whose Latin text shares the Urdu block
                # (its lines would touch each other below that).
                share = max(line_height, 92) if "\u2028" in note.text() else line_height
                fmt.setLineHeight(original.lineHeight() * share / 100, proportional)
            QTextCursor(note).setBlockFormat(fmt)
        _relayout(doc)
        if doc.pageCount() < pages:
            return
    for note, original in zip(notes, originals, strict=True):
        QTextCursor(note).setBlockFormat(original)
    _relayout(doc)


def _relayout(doc: QTextDocument) -> None:
    """Lay the whole document out now: after a format change Qt re-lays it out lazily, leaving the blocks
    below the change at height 0 (and unpainted) until something asks for them."""
    doc.setPageSize(QSizeF(doc.pageSize()))
    doc.documentLayout().documentSize()


def print_document(doc: QTextDocument, device: QPagedPaintDevice, sheet: Sheet | None = None) -> int:
    """Paginate ``doc`` onto ``device`` (a ``QPdfWriter`` or a ``QPrinter``), A4 with the sheet margins.

    The document is laid out in the device's own resolution (so point sizes are points on paper) in a body
    area below a header band; pages after the first carry the running header (:func:`header_text`), every
    page its number. Returns the number of pages.
    """
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(device.logicalDpiX())
    band = HEADER_MM / 25.4 * dpi
    width, body = float(area.width()), float(area.height()) - 2 * band
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(width, body))
    _keep_together(doc, body)
    _fit_notes(doc, body)
    _keep_together(doc, body)  # the tightened notes, if kept, follow the same rules
    pages = max(1, doc.pageCount())
    rtl = sheet.rtl if sheet is not None else False
    lang = sheet.lang if sheet is not None else "it"
    painter = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
                if sheet is not None:
                    header = _header_document(header_text(sheet, page + 1, pages), lang, rtl, device, width,
                                              Qt.AlignmentFlag.AlignLeading)
                    header_height = header.size().height()
                    painter.save()
                    painter.translate(0, max(0.0, band - header_height - band * 0.25))
                    header.drawContents(painter)
                    painter.restore()
                    painter.setPen(GREY)
                    painter.drawLine(QPointF(0, band * 0.85), QPointF(width, band * 0.85))
            painter.save()
            painter.translate(0, band - page * body)
            doc.drawContents(painter, QRectF(0, page * body, width, body))
            painter.restore()
            number = _header_document(f"{page + 1}/{pages}", "it", False, device, width,
                                      Qt.AlignmentFlag.AlignHCenter)
            painter.save()
            painter.translate(0, band + body + band * 0.3)
            number.drawContents(painter)
            painter.restore()
    finally:
        painter.end()
    return pages


def write_pdf(sheet: Sheet, path: Path) -> Path:
    """Render ``sheet`` to a PDF file at ``path`` (fonts embedded as subsets)."""
    doc = build_document(sheet)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(sheet.title)
    writer.setCreator("Sportello")
    writer.setResolution(300)
    print_document(doc, writer, sheet)
    del writer  # the file is finished when the writer goes away
    return path


def print_sheet(sheet: Sheet, printer: QPagedPaintDevice) -> None:
    """Send ``sheet`` to a printer (a configured ``QPrinter``, e.g. from the print dialog)."""
    print_document(build_document(sheet), printer, sheet)
