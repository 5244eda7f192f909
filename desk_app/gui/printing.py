"""Where walk-in tickets go: the configured ticket printer (or the print dialog), or PDF files.

The ticket itself (content and layout: office, number, service, dd/mm/yyyy time, the
Italian line and the person's language line, right to left where it must be) is
built by :mod:`desk_app.documents.tickets`, the same code ``desk-admin print ticket``
uses; its names are re-exported here for the GUI. Paper is an 80 mm receipt roll or
A4 (setting ``ticket_paper``).

:class:`TicketPrinter` is the seam: :class:`SystemTicketPrinter` prints to the
configured printer (or asks with the print dialog), :class:`PdfTicketPrinter`
writes PDF files (tests, screenshots, "save as PDF").
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from desk_app.documents.tickets import (
    RECEIPT_HEIGHT_MM,
    RECEIPT_WIDTH_MM,
    PrintableTicket,
    page_size,
    render_ticket,
    ticket_document,
    write_ticket_pdf,
)

log = logging.getLogger(__name__)

__all__ = ["RECEIPT_HEIGHT_MM", "RECEIPT_WIDTH_MM", "PdfTicketPrinter", "PrintableTicket", "SystemTicketPrinter",
           "TicketPrinter", "page_size", "render_ticket", "ticket_document", "write_ticket_pdf"]


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
