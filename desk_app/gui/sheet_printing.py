"""Where the user sheets (instructions, "bring next time") go from the desk window: a printer or a PDF file.

The sheet itself is built by the core (:class:`~desk_app.core.sheets.SheetBuilder`, on
the background worker) and laid out by :mod:`desk_app.documents.pdf` through Qt's text
engine, on the UI thread (a ``QTextDocument`` belongs to the GUI thread). The printer
modules load on the first sheet, not at start-up.

:class:`SheetPrinter` is the seam: :class:`QtSheetPrinter` asks with Qt's print and
file dialogs; :class:`PdfSheetPrinter` writes files to a folder (tests, screenshots).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from desk_app.core.sheets import Sheet

log = logging.getLogger(__name__)


def record_print(parent: QWidget | None, kind: str, language: str | None) -> None:
    """Count a sheet or ticket just printed or saved for a user, for the project's indicators (issue 11): office,
    day, kind and language only (:meth:`~desk_app.core.reports.ReportService.record_print`), on the worker.

    The printers are seams made before anyone logs in; the widget that prints (``parent``, or one of its
    parents) holds the logged-in ``session`` and the app's ``runtime``. With neither (a bare printer in a test)
    nothing is counted. A count that cannot be stored is logged, never shown: the print itself went well.
    """
    from desk_app.gui.operations import Operation

    widget = parent
    while widget is not None and not (hasattr(widget, "session") and hasattr(widget, "runtime")):
        widget = widget.parentWidget()
    if widget is None:
        return
    session, runtime = getattr(widget, "session", None), getattr(widget, "runtime", None)  # found just above
    if session is None or runtime is None:
        return
    reports, actor = session.core.reports, session.actor
    Operation(widget, lambda: reports.record_print(actor, kind, language or "it"), runtime.operations) \
        .failure(lambda exc: log.warning("print not counted: %s", exc)).run()


def sheet_file_name(sheet: Sheet) -> str:
    """A file name that says what the sheet is: ``istruzioni-RF-NO-ar.pdf``, ``da-portare-caso-12-ar.pdf``,
    ``invio-servizio-6f1c2a8e-ar.pdf``."""
    if sheet.kind == "missing":
        return f"da-portare-caso-{sheet.meta.get('case', '')}-{sheet.lang}.pdf"
    if sheet.kind == "referral":  # issue 15: which entry of the directory it is (the start of its id)
        return f"invio-servizio-{sheet.meta.get('service', '')[:8]}-{sheet.lang}.pdf"
    return f"istruzioni-{sheet.meta.get('procedure', sheet.kind)}-{sheet.lang}.pdf"


class SheetPrinter(Protocol):
    """Prints or saves a user sheet."""

    def print_sheet(self, parent: QWidget | None, sheet: Sheet) -> bool:
        """Send ``sheet`` to a printer; ``False`` if the user cancelled."""
        ...

    def save_pdf(self, parent: QWidget | None, sheet: Sheet) -> Path | None:
        """Write ``sheet`` as a PDF file; its path, or ``None`` if the user cancelled."""
        ...


class QtSheetPrinter:
    """Qt's print dialog for paper, a save dialog for PDF (starting in the user's Documents folder)."""

    def print_sheet(self, parent: QWidget | None, sheet: Sheet) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desk_app.documents.pdf import print_sheet

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(sheet.title)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        print_sheet(sheet, printer)
        record_print(parent, sheet.kind, sheet.lang)
        return True

    def save_pdf(self, parent: QWidget | None, sheet: Sheet) -> Path | None:
        from desk_app.documents.pdf import write_pdf

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("SheetPrinter", "Save the sheet as PDF"),
            str(Path(folder) / sheet_file_name(sheet)), QCoreApplication.translate("SheetPrinter", "PDF (*.pdf)"))
        if not chosen:
            return None
        written = write_pdf(sheet, Path(chosen))
        record_print(parent, sheet.kind, sheet.lang)  # a PDF saved for the user: printed elsewhere, or mailed
        return written


class PdfSheetPrinter:
    """Writes every sheet, printed or saved, as a PDF in ``folder`` and remembers it.

    Attributes:
        written: ``(how, path, sheet)`` for each sheet, ``how`` being ``print`` or ``pdf``.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: list[tuple[str, Path, Sheet]] = []

    def _write(self, how: str, sheet: Sheet) -> Path:
        from desk_app.documents.pdf import write_pdf

        path = self.folder / f"{how}-{len(self.written) + 1}-{sheet_file_name(sheet)}"
        write_pdf(sheet, path)
        self.written.append((how, path, sheet))
        return path

    def print_sheet(self, parent: QWidget | None, sheet: Sheet) -> bool:
        self._write("print", sheet)
        record_print(parent, sheet.kind, sheet.lang)
        return True

    def save_pdf(self, parent: QWidget | None, sheet: Sheet) -> Path | None:
        written = self._write("pdf", sheet)
        record_print(parent, sheet.kind, sheet.lang)
        return written
