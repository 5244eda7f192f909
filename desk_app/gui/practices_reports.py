"""The handling times of shared practices (issue 16) in the supervisor's Reports window: one row of export buttons.

For the days chosen at the top of the window: median and p90 handling time per procedure and office, the monthly
trend and the share of time spent waiting on the other office, as XLSX or PDF
(:func:`desk_app.documents.practices.write_handling`). Counts only; the core audits nothing personal here because
it returns nothing personal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from desk_app.core.training import export_mark, export_path
from desk_app.gui.operations import Operation
from desk_app.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desk_app.gui.reports import ReportsWindow


_ROW = QT_TRANSLATE_NOOP("PracticeReports", "Handling times of shared practices (counts):")
_TITLE = QT_TRANSLATE_NOOP("PracticeReports", "Export handling times")
_EXPORTED = QT_TRANSLATE_NOOP("PracticeReports", "Exported: %1")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PracticeReports", text)


def handling_times_row(window: ReportsWindow) -> QHBoxLayout:
    """The row "Handling times of shared practices: XLSX PDF" for ``window``; its buttons are kept on
    ``window.handling_buttons`` (tests press them)."""
    row = QHBoxLayout()
    row.addWidget(QLabel(_tr(_ROW), window))
    window.handling_buttons = {}
    for fmt in ("xlsx", "pdf"):
        button = QPushButton(fmt.upper(), window)
        button.clicked.connect(lambda _checked=False, f=fmt: export_handling_times(window, f))
        row.addWidget(button)
        window.handling_buttons[fmt] = button
    row.addStretch(1)
    return row


def export_handling_times(window: ReportsWindow, fmt: str) -> None:
    """Ask where, then read and write the handling times of the chosen days as ``fmt`` in the background."""
    first, last = window.chosen_range()
    training = window.session.core.training  # a training office's export is marked (desk_app.core.training)
    name = export_path(f"tempi-pratiche-condivise_{first.isoformat()}_{last.isoformat()}.{fmt}", training).name
    path = window.seams.dialogs.save_file(window, _tr(_TITLE), name, f"{fmt.upper()} (*.{fmt})")
    if path is None:
        return
    practices, actor, mark = window.session.core.practices, window.session.actor, export_mark(training)

    def work() -> Path:
        from desk_app.core.validation import write_atomically
        from desk_app.documents.practices import write_handling

        result = practices.handling_times(actor, first, last)
        return write_atomically(export_path(path, training),
                                lambda temporary: write_handling(result, temporary, fmt, mark=mark))

    def done(written: Path) -> None:
        window.status.setText(_tr(_EXPORTED).replace("%1", str(written)))
        window.exported.emit(written)

    Operation(window, work, window.runtime.operations).success(done).failure(window._refused) \
        .busy(*window.handling_buttons.values()).run()
