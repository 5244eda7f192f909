"""Where walk-in tickets go: the configured ticket printer (or the print dialog), or PDF files.

The ticket itself (content and layout: office, number, service, dd/mm/yyyy time, the
Italian line and the person's language line, right to left where it must be) is
built by :mod:`desk_app.documents.tickets`, the same code ``desk-admin print ticket``
uses; its names are re-exported here for the GUI. Paper is an 80 mm receipt roll or
A4 (setting ``ticket_paper``).

:class:`TicketPrinter` is the seam: :class:`SystemTicketPrinter` prints silently to the
configured printer and, with none configured (or the one configured missing), writes the
ticket as a PDF file named by its number instead of asking every time;
:class:`PdfTicketPrinter` writes PDF files (tests, screenshots, "save as PDF").
:class:`PrinterSettingsDialog` chooses this PC's ticket printer and paper (settings
``ticket_printer``/``ticket_paper``, per PC).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from desk_app.documents.tickets import (
    RECEIPT_HEIGHT_MM,
    RECEIPT_WIDTH_MM,
    PrintableTicket,
    page_size,
    render_ticket,
    ticket_document,
    write_ticket_pdf,
)
from desk_app.gui.sheet_printing import record_print

log = logging.getLogger(__name__)

__all__ = [
    "RECEIPT_HEIGHT_MM",
    "RECEIPT_WIDTH_MM",
    "PdfTicketPrinter",
    "PrintableTicket",
    "PrinterSettingsDialog",
    "SystemTicketPrinter",
    "TicketPrinter",
    "available_printers",
    "default_pdf_folder",
    "page_size",
    "render_ticket",
    "saved_as",
    "ticket_document",
    "ticket_pdf_path",
    "write_ticket_pdf",
]


class TicketPrinter(Protocol):
    """Where issued tickets go.

    ``last_pdf``: the PDF file the last ticket went to instead of a printer (``None``: it was printed, or
    nothing was written), so the desk can say where a ticket is when no printer took it.
    """

    last_pdf: Path | None

    def print_ticket(self, parent: QWidget | None, ticket: PrintableTicket) -> bool:
        """Print ``ticket``; ``False`` if the user cancelled or the printer refused."""
        ...


def saved_as(printer: TicketPrinter) -> str:
    """`` — saved as PDF: ticket-L001.pdf`` when the last ticket went to a file, else ``""``: a clerk without a
    ticket printer must know the ticket is a file to hand over or print, not a slip coming out."""
    if printer.last_pdf is None:
        return ""
    return " — " + QCoreApplication.translate("TicketPrinter", "saved as PDF: %1").replace("%1", printer.last_pdf.name)


def ticket_pdf_path(folder: Path, number: str) -> Path:
    """``folder/ticket-<number>.pdf``, or ``-2``, ``-3`` … for a reprint: a file never overwrites another."""
    path = folder / f"ticket-{number}.pdf"
    copy = 1
    while path.exists():
        copy += 1
        path = folder / f"ticket-{number}-{copy}.pdf"
    return path


def default_pdf_folder() -> Path:
    """Where tickets go as PDF files when no printer is configured: ``<documents>/Sportello/biglietti``."""
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)) \
        / "Sportello" / "biglietti"


def available_printers() -> list[str]:
    """The printers this PC knows (QtPrintSupport loads on first use, not at start-up)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


class SystemTicketPrinter:
    """Prints silently on the configured ticket printer; without one, writes the ticket as a PDF file.

    No print dialog per ticket: a queue of people waits behind each one. A printer that is configured
    but missing (renamed, unplugged) is logged and the ticket goes to the PDF folder, named by its number.

    Args:
        printer_name: setting ``ticket_printer`` ("" = none: PDF files).
        paper: setting ``ticket_paper``.
        pdf_folder: where PDF tickets go (default :func:`default_pdf_folder`).

    Attributes:
        last_pdf: the last PDF file written instead of printing, if any.
    """

    def __init__(self, printer_name: str, paper: str, pdf_folder: Path | None = None) -> None:
        self.printer_name = printer_name
        self.paper = paper
        self.pdf_folder = pdf_folder
        self.last_pdf: Path | None = None

    def configure(self, printer_name: str, paper: str) -> None:
        """The settings dialog chose another printer or paper: the next ticket uses them."""
        self.printer_name, self.paper = printer_name, paper

    def print_ticket(self, parent: QWidget | None, ticket: PrintableTicket) -> bool:
        self.last_pdf = None
        if self.printer_name:
            from PySide6.QtPrintSupport import QPrinter, QPrinterInfo  # loaded on the first print, not at start-up

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPrinterName(self.printer_name)
            # QPrinter takes any name and falls back silently: ask the system whether the printer exists.
            if not QPrinterInfo.printerInfo(self.printer_name).isNull() and printer.isValid():
                render_ticket(ticket, printer, self.paper)
                record_print(parent, "ticket", ticket.language)
                return True
            log.warning("ticket printer %r not found: ticket %s saved as PDF", self.printer_name, ticket.number)
        folder = self.pdf_folder or default_pdf_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.last_pdf = write_ticket_pdf(ticket, ticket_pdf_path(folder, ticket.number), self.paper)
        except OSError as exc:
            log.error("ticket %s neither printed nor saved in %s: %s", ticket.number, folder, exc)
            return False
        record_print(parent, "ticket", ticket.language)
        return True


class PrinterSettingsDialog(QDialog):
    """Settings > Ticket printer: this PC's ticket printer and paper, saved in its settings file.

    Args:
        printers: the printer names to offer (:func:`available_printers`).
        current: the configured printer ("" = none, PDF files).
        paper: the configured paper (``receipt80`` or ``a4``).

    Attributes:
        printerCombo, paperCombo: the choices (data: printer name, paper code).
    """

    def __init__(self, printers: list[str], current: str, paper: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel

        self.setWindowTitle(self.tr("Ticket printer"))
        form = QFormLayout(self)
        self.printerCombo = QComboBox()
        self.printerCombo.addItem(self.tr("None: save each ticket as a PDF file"), "")
        for name in printers:
            self.printerCombo.addItem(name, name)
        if current and current not in printers:  # configured but not found here: keep it visible, say so
            self.printerCombo.addItem(self.tr("%1 (not found on this PC)").replace("%1", current), current)
        self.printerCombo.setCurrentIndex(max(self.printerCombo.findData(current), 0))
        self.paperCombo = QComboBox()
        self.paperCombo.addItem(self.tr("Receipt roll, 80 mm"), "receipt80")
        self.paperCombo.addItem(self.tr("A4 sheet"), "a4")
        self.paperCombo.setCurrentIndex(max(self.paperCombo.findData(paper), 0))
        printer_label, paper_label = QLabel(self.tr("&Printer:")), QLabel(self.tr("P&aper:"))
        printer_label.setBuddy(self.printerCombo)
        paper_label.setBuddy(self.paperCombo)
        form.addRow(printer_label, self.printerCombo)
        form.addRow(paper_label, self.paperCombo)
        note = QLabel(self.tr("Tickets print at once, without a dialog. Without a printer each ticket is saved "
                              "as a PDF file named by its number."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[str, str]:
        """``(printer name, paper)`` as chosen."""
        return str(self.printerCombo.currentData() or ""), str(self.paperCombo.currentData() or "receipt80")


class PdfTicketPrinter:
    """Writes each ticket to ``folder/ticket-<number>.pdf`` (a reprint gets ``-2``, ``-3`` ...).

    Attributes:
        written: the files written, in order.
    """

    def __init__(self, folder: Path, paper: str = "receipt80") -> None:
        self.folder = folder
        self.paper = paper
        self.written: list[Path] = []
        self.last_pdf: Path | None = None

    def configure(self, printer_name: str, paper: str) -> None:
        """As :meth:`SystemTicketPrinter.configure`: files have no printer, but take the paper chosen."""
        self.paper = paper

    def print_ticket(self, parent: QWidget | None, ticket: PrintableTicket) -> bool:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.last_pdf = write_ticket_pdf(ticket, ticket_pdf_path(self.folder, ticket.number), self.paper)
        self.written.append(self.last_pdf)
        record_print(parent, "ticket", ticket.language)
        return True
