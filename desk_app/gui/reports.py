"""Reports for any period, from the supervisor's console (issue 11): on screen with a chart, and exported.

The counts of :meth:`~desk_app.core.reports.ReportService.counts` for the chosen days (or one of the scheduled
periods), by day, service or desk, with a bar chart of issued and served per day; exported as CSV (Italian
Excel), XLSX, PDF or DOCX through the same writers as ``desk-admin export counts``. Counts only, never names.

The read runs on the worker with a progress bar; Cancel stops it at its next step (the core's progress callback
raises :class:`~desk_app.core.reports.ReportCancelled`, nothing is written, not even the audit row). The
callback runs on the worker thread: it only emits a signal, which Qt delivers on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QMargins, QObject, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.clock import local_day
from desk_app.core.reports import (
    DIMENSIONS,
    PERIODS,
    BreakdownRow,
    Breakdowns,
    CountRow,
    ReportCancelled,
    indicator_period,
    period_range,
)
from desk_app.core.training import export_mark, export_path
from desk_app.errors import DeskError
from desk_app.gui.labels import LANGUAGE_LABELS, PRIORITY_LABELS, staff_label
from desk_app.gui.operations import Operation
from desk_app.gui.supervisor import minutes_text, percent_text

if TYPE_CHECKING:
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

#: Breakdowns of the window: the key of a row for each.
BREAKDOWNS = ("day", "service", "desk")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Total:
    """One line of a breakdown: counts summed, average wait weighted by the waits measured."""

    key: str
    issued: int
    served: int
    no_show: int
    cancelled: int
    transferred: int
    wait_avg: float | None
    service_avg: float | None


def breakdown(rows: Sequence[CountRow], by: str) -> list[Total]:
    """``rows`` summed per day, service or desk (``by``, one of :data:`BREAKDOWNS`), in key order.

    Percentiles do not add up across rows, so a breakdown shows averages only; the export keeps each row's p90.
    """
    groups: dict[str, list[CountRow]] = {}
    for row in rows:
        key = row.day.strftime("%d/%m/%Y") if by == "day" else row.service if by == "service" else row.desk or "–"
        groups.setdefault(key, []).append(row)

    def weighted(group: list[CountRow], avg: str, count: str) -> float | None:
        n = sum(getattr(r, count) for r in group)
        return sum((getattr(r, avg) or 0.0) * getattr(r, count) for r in group) / n if n else None

    ordered = sorted(groups.items(), key=lambda kv: (kv[1][0].day if by == "day" else date.min, kv[0]))
    return [Total(key, sum(r.issued for r in g), sum(r.served for r in g), sum(r.no_show for r in g),
                  sum(r.cancelled for r in g), sum(r.transferred for r in g),
                  weighted(g, "wait_avg", "wait_count"), weighted(g, "service_avg", "service_count"))
            for key, g in ordered]


class _Progress(QObject):
    """Carries the core's progress from the worker thread to the UI thread (a queued signal)."""

    step = Signal(int, int)


@dataclass(frozen=True)
class _Read:
    first: date
    last: date
    rows: list[CountRow] | None  # None: cancelled
    breakdowns: Breakdowns | None = None


class ReportsWindow(QDialog):
    """The counts of any period for a supervisor (needs ``export_reports``).

    Signals:
        loaded(): a read ended (shown, cancelled or refused); tests wait on it.
        exported(object): the :class:`~pathlib.Path` of a file just written.

    Attributes:
        rows: the rows of the last read; table, chart: what shows them.
    """

    loaded = Signal()
    exported = Signal(object)

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reports"))
        self.resize(980, 680)
        self.session, self.runtime, self.seams = session, runtime, seams
        self.rows: list[CountRow] = []
        self.breakdowns: Breakdowns | None = None
        self._key_axis: QBarCategoryAxis | None = None
        self._count_axis: QValueAxis | None = None
        self.period: tuple[date, date] | None = None
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.step.connect(self._show_step)
        layout = QVBoxLayout(self)
        choose = QHBoxLayout()
        self.period_combo = QComboBox(self)
        self.period_combo.addItem(self.tr("Chosen days"), "")
        names = {"yesterday": self.tr("Yesterday"), "last-week": self.tr("Last week"),
                 "last-month": self.tr("Last month"), "last-quarter": self.tr("Last quarter")}
        for period in PERIODS:
            self.period_combo.addItem(names[period], period)
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.by_combo = QComboBox(self)
        labels = (self.tr("by day"), self.tr("by week"), self.tr("by month"), self.tr("by service"),
                  self.tr("by desk"), self.tr("by hour of day"), self.tr("by language"), self.tr("by procedure"),
                  self.tr("by priority class"))
        for by, label in zip(DIMENSIONS, labels, strict=True):
            self.by_combo.addItem(label, by)
        self.by_combo.currentIndexChanged.connect(self._show_rows)
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        choose.addWidget(self.period_combo)
        choose.addWidget(QLabel(self.tr("from"), self))
        choose.addWidget(self.from_edit)
        choose.addWidget(QLabel(self.tr("to"), self))
        choose.addWidget(self.to_edit)
        choose.addWidget(self.by_combo)
        choose.addStretch(1)
        choose.addWidget(self.show_button)
        layout.addLayout(choose)
        busy = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(self)
        busy.addWidget(self.status, 1)
        busy.addWidget(self.progress)
        busy.addWidget(self.cancel_button)
        layout.addLayout(busy)
        self.table = QTableWidget(0, 15, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Value"), self.tr("Issued"), self.tr("Served"), self.tr("No-shows"), self.tr("Cancelled"),
            self.tr("Transferred"), self.tr("Recalls"), self.tr("Average wait"), self.tr("Median wait"),
            self.tr("90% waited up to"), self.tr("Within target"), self.tr("Average service"),
            self.tr("Median service"), self.tr("Appointments kept"), self.tr("Appointments missed")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        layout.addWidget(self.chart_view, 1)
        export = QHBoxLayout()
        export.addWidget(QLabel(self.tr("Export (counts, no names):"), self))
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt in ("csv", "xlsx", "pdf", "docx"):
            button = QPushButton(fmt.upper(), self)
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
            export.addWidget(button)
            self.export_buttons[fmt] = button
        export.addSpacing(16)
        export.addWidget(QLabel(self.tr("Breakdowns:"), self))
        self.breakdown_buttons: dict[str, QPushButton] = {}
        for fmt in ("csv", "xlsx", "pdf", "docx"):
            button = QPushButton(fmt.upper(), self)
            button.clicked.connect(lambda _checked=False, f=fmt: self.export_breakdowns(f))
            export.addWidget(button)
            self.breakdown_buttons[fmt] = button
        export.addStretch(1)
        layout.addLayout(export)
        indicators = QHBoxLayout()
        indicators.addWidget(QLabel(self.tr("Monitoring indicators (anonymous):"), self))
        self.indicators_combo = QComboBox(self)
        today = self._today()
        year, quarter = today.year, (today.month - 1) // 3 + 1
        for _ in range(8):  # this quarter and the seven before it
            self.indicators_combo.addItem(f"{year}-Q{quarter}", f"{year}-Q{quarter}")
            year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        self.indicators_combo.addItem(self.tr("Whole project (FAMI 2021-2027)"), "project")
        indicators.addWidget(self.indicators_combo)
        self.indicators_buttons: dict[str, QPushButton] = {}
        for fmt in ("csv", "xlsx", "pdf", "docx"):
            button = QPushButton(fmt.upper(), self)
            button.clicked.connect(lambda _checked=False, f=fmt: self.export_indicators(f))
            indicators.addWidget(button)
            self.indicators_buttons[fmt] = button
        self.indicators_button = self.indicators_buttons["xlsx"]  # the usual one
        indicators.addStretch(1)
        layout.addLayout(indicators)
        from desk_app.gui.practices_reports import handling_times_row  # shared practices (issue 16)

        self.handling_buttons: dict[str, QPushButton] = {}
        layout.addLayout(handling_times_row(self))
        self._set_busy(False)
        self.period_combo.setCurrentIndex(self.period_combo.findData("last-month"))
        self._period_chosen()

    # -- period ----------------------------------------------------------------------------------------------------
    def _today(self) -> date:
        return local_day(self.session.core.clock.now(), self.session.office.timezone)  # the clock seam; no database

    def _period_chosen(self) -> None:
        period = self.period_combo.currentData()
        if period:
            first, last, _label = period_range(period, self._today())
            self.from_edit.setDate(QDate(first.year, first.month, first.day))
            self.to_edit.setDate(QDate(last.year, last.month, last.day))
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(not period)

    def chosen_range(self) -> tuple[date, date]:
        return (date(*self.from_edit.date().getDate()), date(*self.to_edit.date().getDate()))

    # -- reading ---------------------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the chosen period in the background, with progress and cancel."""
        first, last = self.chosen_range()
        reports, actor, progress, cancel = self.session.core.reports, self.session.actor, self._progress, self._cancel
        cancel.clear()

        def step(done: int, steps: int) -> None:  # on the worker thread
            if cancel.is_set():
                raise ReportCancelled
            progress.step.emit(done, steps)

        def work() -> _Read:
            try:
                rows = reports.counts(actor, first, last, progress=lambda done, steps: step(done, steps + 5))
                return _Read(first, last, rows, reports.breakdowns(
                    actor, first, last, progress=lambda done, steps: step(done + 6, steps + 6)))
            except ReportCancelled:
                return _Read(first, last, None)

        self.status.setText(self.tr("Counting…"))
        Operation(self, work, self.runtime.operations).success(self._loaded) \
            .failure(self._refused).busy(self._set_busy).run()

    def cancel(self) -> None:
        self._cancel.set()
        self.status.setText(self.tr("Cancelling…"))

    def _show_step(self, done: int, steps: int) -> None:
        self.progress.setRange(0, steps)
        self.progress.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.show_button.setEnabled(not busy)
        for button in self.export_buttons.values():
            button.setEnabled(not busy and bool(self.rows))
        for button in self.breakdown_buttons.values():
            button.setEnabled(not busy and self.breakdowns is not None)
        if busy:
            self.progress.setRange(0, 0)

    def _loaded(self, read: _Read) -> None:
        if read.rows is None:
            self.status.setText(self.tr("Cancelled: nothing was counted."))
        else:
            self.rows, self.period, self.breakdowns = read.rows, (read.first, read.last), read.breakdowns
            # what the supervisor counts is tickets: the rows (day x service x desk) are the export's business
            issued = sum(row.issued for row in read.rows)
            self.status.setText(self.tr("%1 to %2: %n ticket(s) issued", "", issued)
                                .replace("%1", read.first.strftime("%d/%m/%Y"))
                                .replace("%2", read.last.strftime("%d/%m/%Y")))
            self._show_rows()
        for button in self.export_buttons.values():
            button.setEnabled(bool(self.rows))
        for button in self.breakdown_buttons.values():
            button.setEnabled(self.breakdowns is not None)
        self.loaded.emit()

    def _refused(self, exc: DeskError) -> None:
        self.status.setText(exc.message(self.session.language))
        self.loaded.emit()

    def _key_text(self, by: str, row: BreakdownRow) -> str:
        if by == "day":
            return date.fromisoformat(row.key).strftime("%d/%m/%Y")
        if by == "hour":
            return f"{row.key}:00"
        if by == "language" and row.key:  # «Arabo», as the walk-in offers it, not «ar»
            return staff_label(LANGUAGE_LABELS, row.key)
        if by == "priority" and row.key:
            return staff_label(PRIORITY_LABELS, row.key)
        return row.key or "–"

    def _show_rows(self) -> None:
        by = self.by_combo.currentData()
        rows = self.breakdowns.tables[by] if self.breakdowns is not None else []

        def count(value: int | None) -> str:
            return "–" if value is None else str(value)

        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [self._key_text(by, row), str(row.issued), str(row.served), str(row.no_show),
                      str(row.cancelled), str(row.transferred), str(row.recalls), minutes_text(row.wait_avg),
                      minutes_text(row.wait_median), minutes_text(row.wait_p90), percent_text(row.within_target_pct),
                      minutes_text(row.service_avg), minutes_text(row.service_median),
                      count(row.appointments_kept), count(row.appointments_missed)]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
        self._show_chart([Total(self._key_text(by, row), row.issued, row.served, row.no_show, row.cancelled,
                                row.transferred, row.wait_avg, row.service_avg) for row in rows])

    def _show_chart(self, totals: list[Total]) -> None:
        """Issued against served per value of the breakdown shown. The two axes are made once and refilled: axes
        removed from a QChart and replaced stayed drawn under the new ones (seen in the screenshots)."""
        self.chart.removeAllSeries()
        if self._key_axis is None or self._count_axis is None:
            self._key_axis, self._count_axis = QBarCategoryAxis(), QValueAxis()
            self._count_axis.setLabelFormat("%d")
            self.chart.addAxis(self._key_axis, Qt.AlignmentFlag.AlignBottom)
            self.chart.addAxis(self._count_axis, Qt.AlignmentFlag.AlignLeft)
        issued, served = QBarSet(self.tr("Issued")), QBarSet(self.tr("Served"))
        issued.setColor(Qt.GlobalColor.darkCyan)
        served.setColor(Qt.GlobalColor.darkGreen)
        issued.append([float(t.issued) for t in totals])
        served.append([float(t.served) for t in totals])
        series = QBarSeries()
        series.append([issued, served])
        self.chart.addSeries(series)
        self._key_axis.clear()
        self._key_axis.append([t.key[:5] if self.by_combo.currentData() == "day" else t.key for t in totals])
        self._count_axis.setRange(0, max([1.0, *(float(t.issued) for t in totals)]) * 1.1)
        self._count_axis.applyNiceNumbers()
        series.attachAxis(self._key_axis)
        series.attachAxis(self._count_axis)

    # -- export ----------------------------------------------------------------------------------------------------
    def export(self, fmt: str) -> None:
        """Ask where, then write the shown rows as ``fmt`` in the background (whole or not at all)."""
        if not self.rows or self.period is None:
            return
        first, last = self.period
        training = self.session.core.training  # a training office's export is marked (desk_app.core.training)
        name = export_path(f"conteggi_{first.isoformat()}_{last.isoformat()}.{fmt}", training).name
        path = self.seams.dialogs.save_file(self, self.tr("Export counts"), name, f"{fmt.upper()} (*.{fmt})")
        if path is None:
            return
        rows, office, mark = list(self.rows), self.session.office.name, export_mark(training)

        def work() -> Path:
            from desk_app.core.validation import write_atomically
            from desk_app.documents.counts import write_counts

            return write_atomically(export_path(path, training), lambda temporary: write_counts(
                rows, temporary, fmt, office, first, last, mark=mark))

        def done(written: Path) -> None:
            self.status.setText(self.tr("Exported: %1").replace("%1", str(written)))
            self.exported.emit(written)

        Operation(self, work, self.runtime.operations).success(done).failure(self._refused) \
            .busy(*self.export_buttons.values()).run()

    def export_breakdowns(self, fmt: str) -> None:
        """Ask where, then write every breakdown of the shown period as ``fmt`` in the background."""
        if self.breakdowns is None:
            return
        result = self.breakdowns
        training = self.session.core.training
        name = export_path(f"prospetti_{result.first.isoformat()}_{result.last.isoformat()}.{fmt}", training).name
        path = self.seams.dialogs.save_file(self, self.tr("Export breakdowns"), name, f"{fmt.upper()} (*.{fmt})")
        if path is None:
            return
        mark = export_mark(training)

        def work() -> Path:
            from desk_app.core.validation import write_atomically
            from desk_app.documents.breakdowns import write_breakdowns

            return write_atomically(export_path(path, training),
                                    lambda temporary: write_breakdowns(result, temporary, fmt, mark=mark))

        def done(written: Path) -> None:
            self.status.setText(self.tr("Exported: %1").replace("%1", str(written)))
            self.exported.emit(written)

        Operation(self, work, self.runtime.operations).success(done).failure(self._refused) \
            .busy(*self.breakdown_buttons.values()).run()

    def export_indicators(self, fmt: str = "xlsx") -> None:
        """Ask where, then read and write the monitoring indicators of the chosen quarter (or the whole project)
        as ``fmt`` (csv, xlsx, pdf, docx) in the background: anonymous counts (audited by the core)."""
        period = str(self.indicators_combo.currentData())
        label = indicator_period(period, self._today())[2]
        training = self.session.core.training
        path = self.seams.dialogs.save_file(self, self.tr("Export indicators"),
                                            export_path(f"indicatori_{label}.{fmt}", training).name,
                                            f"{fmt.upper()} (*.{fmt})")
        if path is None:
            return
        reports, actor, mark = self.session.core.reports, self.session.actor, export_mark(training)

        def work() -> Path:
            from desk_app.core.validation import write_atomically
            from desk_app.documents.indicators import write_indicators

            result = reports.indicators(actor, period)
            return write_atomically(export_path(path, training),
                                    lambda temporary: write_indicators(result, temporary, fmt, mark=mark))

        def done(written: Path) -> None:
            self.status.setText(self.tr("Exported: %1").replace("%1", str(written)))
            self.exported.emit(written)

        Operation(self, work, self.runtime.operations).success(done).failure(self._refused) \
            .busy(*self.indicators_buttons.values()).run()
