"""The walk-in ticket printout: one ``QTextDocument`` laid out for a printer or a PDF file, 80 mm receipt or A4.

The ticket carries the office, the large number, the service, date (dd/mm/yyyy) and
time, the Italian "wait for your number" line and the same line in the person's
language (``resources/ticket_lines.toml``, or the office's own line where it wrote one:
:attr:`PrintableTicket.office_lines`, read from the database by the caller), set in the
shipped font of its script and shaped by Qt: Arabic and Urdu right to left, Nastaliq,
Indic conjuncts. The GUI's ticket printers (:mod:`desk_app.gui.printing`) and
``desk-admin print ticket`` both call :func:`render_ticket` / :func:`write_ticket_pdf`,
so a PDF shows what the receipt printer gets.

The document is built block by block with ``QTextCursor`` (no HTML), as the sheets are.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
)

from desk_app.documents.fonts import families, register_fonts
from desk_app.resources import resource_path

# desk_app.documents.pdf and desk_app.core.sheets are imported where they are used: they bring in the core and
# SQLAlchemy (~1 s), and this module is on the desk window's start-up path (the ticket printer seam).

if TYPE_CHECKING:
    from desk_app.core.queue import TicketView

#: Ticket paper sizes (setting ``ticket_paper``).
PAPERS = ("receipt80", "a4")
RECEIPT_WIDTH_MM = 80
RECEIPT_HEIGHT_MM = 120
#: Page margin in mm, per paper.
MARGINS_MM = {"receipt80": 4, "a4": 15}
#: Point sizes on the receipt; A4 doubles them.
SIZES = {"mark": 12, "office": 9, "number": 54, "service": 12, "when": 9, "line": 11}
#: Space above each part, in points on the receipt (doubled on A4).
_SPACE_ABOVE = {"mark": 0, "office": 0, "number": 2, "service": 0, "when": 2, "rule": 3, "line": 3}


@dataclass(frozen=True)
class TicketLine:
    """One language of the public ticket text (``resources/ticket_lines.toml``).

    Attributes:
        code: ISO 639-1 code.
        name: the language's name in its own script (العربية, বাংলা ...).
        wait: "wait until your number appears on the screen" in that language.
        rtl: written right to left.
        verified: checked by a native speaker (unverified lines are still printed; the office is told in the file).
        office: ``wait`` is the office's own text (:func:`office_ticket_lines`), not the shipped one; such a line
            is the office's and counts as not verified by the project.
    """

    code: str
    name: str
    wait: str
    rtl: bool
    verified: bool
    office: bool = False


@cache
def ticket_lines() -> dict[str, TicketLine]:
    """The public ticket lines, by language code, in the order of the file (Italian first)."""
    raw = tomllib.loads(resource_path("ticket_lines.toml").read_text(encoding="utf-8"))
    return {
        code: TicketLine(code, entry["name"], entry["wait"], bool(entry.get("rtl", False)),
                         bool(entry.get("verified", False)))
        for code, entry in raw.items()
    }


def office_ticket_lines(office_lines: Mapping[str, str] | None = None) -> dict[str, TicketLine]:
    """The shipped lines with the office's own ``wait`` texts (language -> text, as
    :meth:`~desk_app.core.office_settings.OfficeSettings.ticket_texts` gives them) in place of theirs.

    A language with no (or an empty) office text keeps its shipped line; a code the file does not know is ignored.
    """
    shipped = ticket_lines()
    if not office_lines:
        return dict(shipped)
    return {code: replace(line, wait=office_lines[code], verified=False, office=True) if office_lines.get(code)
            else line for code, line in shipped.items()}


@dataclass(frozen=True)
class PrintableTicket:
    """What a ticket printout shows (no personal data: walk-in tickets have none).

    Attributes:
        number: as called on the board (``R012``).
        service_name: the queue's name.
        office_name: printed on top.
        issued_at: local time of issue.
        language: the person's language code (``None`` or ``it``: Italian only).
        mark: printed in bold above everything when set: the training office's "ESERCITAZIONE" (issue 12).
        office_lines: the office's own ticket lines as ``(language, text)`` pairs, printed in place of the shipped
            ones (see :func:`office_ticket_lines`); the caller reads them from the office's settings.
    """

    number: str
    service_name: str
    office_name: str
    issued_at: datetime
    language: str | None
    mark: str = ""
    office_lines: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, ticket: TicketView, office_name: str, timezone: str, *, service_name: str | None = None,
           language: str | None = None, office_lines: Mapping[str, str] | None = None) -> PrintableTicket:
        """The printout of a queue ticket, in the office's local time.

        ``language`` is used only when the ticket has none; ``service_name`` overrides the ticket's;
        ``office_lines``: the office's own ticket lines (language -> text).
        """
        from desk_app.clock import local_time

        return cls(ticket.number, service_name or ticket.service_name, office_name,
                   local_time(ticket.issued_at, timezone), ticket.language or language,
                   office_lines=office_line_pairs(office_lines))

    def lines(self) -> dict[str, TicketLine]:
        """The lines this ticket prints from: the shipped ones with the office's own in place of theirs."""
        return office_ticket_lines(dict(self.office_lines))


def office_line_pairs(office_lines: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """``office_lines`` (language -> text) as :attr:`PrintableTicket.office_lines` holds them (empty texts left out)."""
    return tuple((code, text) for code, text in (office_lines or {}).items() if text)


def page_size(paper: str) -> QPageSize:
    """``receipt80`` (80 x 120 mm) or ``a4``."""
    if paper == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(QSizeF(RECEIPT_WIDTH_MM, RECEIPT_HEIGHT_MM), QPageSize.Unit.Millimeter, "Receipt 80 mm")


def page_layout(paper: str) -> QPageLayout:
    """Portrait page of ``paper`` with the ticket's margins."""
    margin = MARGINS_MM.get(paper, MARGINS_MM["receipt80"])
    return QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(margin, margin, margin, margin),
                       QPageLayout.Unit.Millimeter)


def _char_format(lang: str, size: float, bold: bool = False) -> QTextCharFormat:
    font = QFont()
    font.setFamilies(families(lang))
    font.setPointSizeF(size)
    font.setBold(bold)
    fmt = QTextCharFormat()
    fmt.setFont(font)
    return fmt


class _TicketDocument:
    def __init__(self, scale: int) -> None:
        self.scale = scale
        self.doc = QTextDocument()
        self.doc.setDefaultFont(_char_format("it", 10).font())
        self.doc.setDocumentMargin(0)
        self.cursor = QTextCursor(self.doc)
        self.first = True

    def block(self, part: str, text: str, lang: str = "it", *, rtl: bool = False, bold: bool = False) -> None:
        fmt = QTextBlockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        fmt.setTopMargin(_SPACE_ABOVE[part] * self.scale)
        if lang == "ur":  # Nastaliq's own line is already tall (see desk_app.documents.pdf)
            from desk_app.documents.pdf import URDU_LINE_HEIGHT

            fmt.setLineHeight(URDU_LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if part == "rule":
            fmt.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                            QTextLength(QTextLength.Type.PercentageLength, 100))
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            self.cursor.insertBlock(fmt)
        size = SIZES["line" if part == "rule" else part] * self.scale
        self.cursor.setBlockCharFormat(_char_format(lang, size, bold))
        from desk_app.core.sheets import split_isolates

        for segment, isolated in split_isolates(text):
            # A code isolated left to right inside right-to-left text is set in the Latin font, as on the sheets.
            self.cursor.insertText(segment, _char_format("it" if isolated else lang, size, bold))


def ticket_document(ticket: PrintableTicket, paper: str = "receipt80") -> QTextDocument:
    """The ticket as a :class:`QTextDocument` (laid out for the screen until :func:`render_ticket` targets a device).

    Blocks, in order: the mark (if any), office, number, service, ``dd/mm/yyyy HH:MM``, a rule, the Italian line,
    and the line in the person's language when it is not Italian and ``ticket_lines.toml`` has it; each line the
    office's own text when :attr:`PrintableTicket.office_lines` has one.
    """
    from desk_app.documents.pdf import ensure_gui

    ensure_gui()
    register_fonts()
    build = _TicketDocument(2 if paper == "a4" else 1)
    if ticket.mark:  # a practice ticket must not pass for a real one
        build.block("mark", ticket.mark, bold=True)
    build.block("office", ticket.office_name)
    build.block("number", ticket.number, bold=True)
    build.block("service", ticket.service_name)
    build.block("when", f"{ticket.issued_at:%d/%m/%Y %H:%M}")
    build.block("rule", "")
    lines = ticket.lines()
    build.block("line", lines["it"].wait)
    own = lines.get(ticket.language or "it")
    if own is not None and own.code != "it":
        build.block("line", own.wait, own.code, rtl=own.rtl)
    build.doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                 f"{ticket.office_name} - {ticket.number}")
    return build.doc


def laid_out(ticket: PrintableTicket, device: QPagedPaintDevice, paper: str = "receipt80") -> tuple[QTextDocument,
                                                                                                      QSizeF]:
    """Set ``device``'s page to ``paper`` and lay the ticket out in its pixels; return the document and the area.

    Point sizes then mean points on paper. The document's own height can be compared with the area's to check
    that the ticket fits on its one page.
    """
    device.setPageLayout(page_layout(paper))
    area = device.pageLayout().paintRectPixels(device.logicalDpiX())
    document = ticket_document(ticket, paper)
    document.documentLayout().setPaintDevice(device)
    size = QSizeF(area.width(), area.height())
    document.setPageSize(size)
    return document, size


def render_ticket(ticket: PrintableTicket, device: QPagedPaintDevice, paper: str = "receipt80") -> None:
    """Paint the ticket on one page of ``device`` (a ``QPrinter`` or a ``QPdfWriter``).

    Painted once: ``QTextDocument.print_`` would paginate at screen resolution and add page numbers.
    """
    document, area = laid_out(ticket, device, paper)
    painter = QPainter(device)
    try:
        document.drawContents(painter, QRectF(0, 0, area.width(), area.height()))
    finally:
        painter.end()


def write_ticket_pdf(ticket: PrintableTicket, path: Path, paper: str = "receipt80") -> Path:
    """Render the ticket to a one-page PDF file (fonts embedded as subsets); return ``path``."""
    from desk_app.documents.pdf import ensure_gui

    ensure_gui()
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(f"{ticket.office_name} - {ticket.number}")
    writer.setCreator("Sportello")
    render_ticket(ticket, writer, paper)
    del writer  # the file is finished when the writer goes away
    return path


__all__ = ["PAPERS", "PrintableTicket", "TicketLine", "laid_out", "office_line_pairs", "office_ticket_lines",
           "page_layout", "page_size", "render_ticket", "ticket_document", "ticket_lines", "write_ticket_pdf"]
