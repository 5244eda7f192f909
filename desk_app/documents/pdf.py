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

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)

from desk_app.core.sheets import LRI, PDI, Block, Line, Sheet
from desk_app.documents.fonts import families, register_fonts

BODY_PT = 10.5
MARGIN_MM = 18
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
    return QGuiApplication(["sportello-documents"])


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
        for block in self.sheet.blocks:
            if block.kind not in ("step", "item", "bullet") or previous != block.kind:
                self._lists.pop(block.kind, None)
            self._block(block)
            previous = block.kind
        return self.doc

    def _new_block(self, line: Line, top: float, indent: int = 0) -> None:
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if line.rtl else Qt.LayoutDirection.LeftToRight)
        fmt.setTopMargin(top)
        fmt.setIndent(indent)
        if line.lang == "ur":
            fmt.setLineHeight(160, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)  # Nastaliq is tall
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self._first = False
        else:
            self.cursor.insertBlock(fmt)

    def _block(self, block: Block) -> None:
        size, bold, color, top = STYLES[block.kind]
        line = block.line
        self._new_block(line, top)
        # List numbers and bullets take the block's character format: without this the first
        # item inherits the bold heading above it.
        self.cursor.setBlockCharFormat(_char_format(line.lang, size, bold=bold, color=color))
        if block.kind in ("step", "item", "bullet"):
            current = self._lists.get(block.kind)
            if current is None:
                list_format = QTextListFormat()
                list_format.setStyle({"step": QTextListFormat.Style.ListDecimal,
                                      "item": QTextListFormat.Style.ListSquare,
                                      "bullet": QTextListFormat.Style.ListDisc}[block.kind])
                list_format.setIndent(1)
                self._lists[block.kind] = self.cursor.createList(list_format)
            else:
                current.add(self.cursor.block())  # type: ignore[attr-defined]
        if block.kind == "callout":
            fmt = self.cursor.blockFormat()
            fmt.setBackground(QColor(255, 240, 230))
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.cursor.setBlockFormat(fmt)
        self._text(line, size, bold, color)
        if block.detail is not None:
            detail_size = size if block.kind == "callout" else size - 1.5
            self.cursor.insertText("\u2028")
            self._text(block.detail, detail_size, False, GREY if block.kind != "callout" else None)

    def _text(self, line: Line, size: float, bold: bool, color: QColor | None) -> None:
        text = f"{line.text} *" if line.verify else line.text
        self.cursor.insertText(text, _char_format(line.lang, size, bold=bold, color=color))
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


def print_document(doc: QTextDocument, device: QPagedPaintDevice) -> None:
    """Paginate ``doc`` onto ``device`` (a ``QPdfWriter`` or a ``QPrinter``) with the sheet margins, on A4."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    doc.print_(device)


def write_pdf(sheet: Sheet, path: Path) -> Path:
    """Render ``sheet`` to a PDF file at ``path`` (fonts embedded as subsets)."""
    doc = build_document(sheet)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(sheet.title)
    writer.setCreator("Sportello")
    writer.setResolution(300)
    print_document(doc, writer)
    del writer  # the file is finished when the writer goes away
    return path


def print_sheet(sheet: Sheet, printer: QPagedPaintDevice) -> None:
    """Send ``sheet`` to a printer (a configured ``QPrinter``, e.g. from the print dialog)."""
    print_document(build_document(sheet), printer)
