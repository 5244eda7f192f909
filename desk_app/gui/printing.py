"""Walk-in ticket printout through Qt's text engine: ``QTextDocument`` -> ``QPrinter`` or ``QPdfWriter``.

The ticket carries the office, the large number, the service, date and time,
the Italian "wait for your number" line and the same line in the person's
language, shaped by Qt (Arabic and Urdu right to left, Indic conjuncts). Paper
is an 80 mm receipt roll or A4 (setting ``ticket_paper``).

:class:`TicketPrinter` is the seam: :class:`SystemTicketPrinter` prints to the
configured printer (or asks with the print dialog), :class:`PdfTicketPrinter`
writes PDF files (tests, screenshots, "save as PDF").
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from desk_app.gui.fonts import BASE_FAMILY, families_for
from desk_app.gui.labels import ticket_lines

log = logging.getLogger(__name__)

RECEIPT_WIDTH_MM = 80
RECEIPT_HEIGHT_MM = 120
#: Point sizes on the receipt; A4 doubles them.
_SIZES = {"office": 9, "number": 54, "service": 12, "when": 9, "line": 11}


@dataclass(frozen=True)
class PrintableTicket:
    """What a ticket printout shows (no personal data: walk-in tickets have none).

    Attributes:
        number: as called on the board (``R012``).
        service_name: the queue's name.
        office_name: printed on top.
        issued_at: local time of issue.
        language: the person's language code (``None`` or ``it``: Italian only).
    """

    number: str
    service_name: str
    office_name: str
    issued_at: datetime
    language: str | None


def page_size(paper: str) -> QPageSize:
    """``receipt80`` (80 x 120 mm) or ``a4``."""
    if paper == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(QSizeF(RECEIPT_WIDTH_MM, RECEIPT_HEIGHT_MM), QPageSize.Unit.Millimeter, "Receipt 80 mm")


def ticket_html(ticket: PrintableTicket, paper: str = "receipt80") -> str:
    """The ticket as Qt rich text; sizes in points, doubled on A4."""
    scale = 2 if paper == "a4" else 1
    size = {key: value * scale for key, value in _SIZES.items()}
    lines = ticket_lines()
    italian = lines["it"]
    parts = [
        f'<p align="center" style="font-size:{size["office"]}pt">{html.escape(ticket.office_name)}</p>',
        f'<p align="center" style="font-size:{size["number"]}pt; font-weight:bold">{html.escape(ticket.number)}</p>',
        f'<p align="center" style="font-size:{size["service"]}pt">{html.escape(ticket.service_name)}</p>',
        f'<p align="center" style="font-size:{size["when"]}pt">{ticket.issued_at:%d/%m/%Y %H:%M}</p>',
        "<hr/>",
        f'<p align="center" style="font-size:{size["line"]}pt">{html.escape(italian.wait)}</p>',
    ]
    own = lines.get(ticket.language or "it")
    if own is not None and own.code != "it":
        families = ", ".join(f"'{f}'" for f in families_for(own.code))
        direction = ' dir="rtl"' if own.rtl else ""
        parts.append(f'<p align="center"{direction} style="font-family:{families}; font-size:{size["line"]}pt">'
                     f"{html.escape(own.wait)}</p>")
    return "\n".join(parts)


def ticket_document(ticket: PrintableTicket, paper: str = "receipt80") -> QTextDocument:
    """The ticket as a :class:`QTextDocument` (laid out for the screen until :func:`render_ticket` targets a device)."""
    document = QTextDocument()
    document.setDefaultFont(QFont(BASE_FAMILY, 10))
    document.setDocumentMargin(0)
    document.setHtml(ticket_html(ticket, paper))
    return document


def render_ticket(ticket: PrintableTicket, device: QPagedPaintDevice, paper: str = "receipt80") -> None:
    """Paint the ticket on one page of ``device`` (a printer or PDF writer).

    The document is laid out in the device's own pixels (so point sizes mean points on paper) and painted
    once: ``QTextDocument.print_`` would paginate at screen resolution and add page numbers.
    """
    margin = 4 if paper == "receipt80" else 15
    device.setPageLayout(QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait,
                                     QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter))
    area = device.pageLayout().paintRectPixels(device.logicalDpiX())
    document = ticket_document(ticket, paper)
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(area.width(), area.height()))
    painter = QPainter(device)
    try:
        document.drawContents(painter, QRectF(0, 0, area.width(), area.height()))
    finally:
        painter.end()


def write_ticket_pdf(ticket: PrintableTicket, path: Path, paper: str = "receipt80") -> Path:
    """Render the ticket to a one-page PDF file; return ``path``."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(f"{ticket.office_name} - {ticket.number}")
    render_ticket(ticket, writer, paper)
    return path


class TicketPrinter(Protocol):
    """Where issued tickets go."""

    def print_ticket(self, parent: QWidget | None, ticket: PrintableTicket) -> bool:
        """Print ``ticket``; ``False`` if the user cancelled or the printer refused."""
        ...


class SystemTicketPrinter:
    """Prints on the configured ticket printer, or asks with Qt's print dialog when none is set.

    Args:
        printer_name: setting ``ticket_printer`` ("" = ask every time).
        paper: setting ``ticket_paper``.
    """

    def __init__(self, printer_name: str, paper: str) -> None:
        self.printer_name = printer_name
        self.paper = paper

    def print_ticket(self, parent: QWidget | None, ticket: PrintableTicket) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded on the first print, not at start-up

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_name:
            printer.setPrinterName(self.printer_name)
        if not self.printer_name or not printer.isValid():
            if self.printer_name:
                log.warning("ticket printer %r not found: asking", self.printer_name)
            printer.setPageSize(page_size(self.paper))
            dialog = QPrintDialog(printer, parent)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        render_ticket(ticket, printer, self.paper)
        return True


class PdfTicketPrinter:
    """Writes each ticket to ``folder/ticket-<number>.pdf`` (a reprint gets ``-2``, ``-3`` ...).

    Attributes:
        written: the files written, in order.
    """

    def __init__(self, folder: Path, paper: str = "receipt80") -> None:
        self.folder = folder
        self.paper = paper
        self.written: list[Path] = []

    def print_ticket(self, parent: QWidget | None, ticket: PrintableTicket) -> bool:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"ticket-{ticket.number}.pdf"
        copy = 1
        while path.exists():
            copy += 1
            path = self.folder / f"ticket-{ticket.number}-{copy}.pdf"
        self.written.append(write_ticket_pdf(ticket, path, self.paper))
        return True
