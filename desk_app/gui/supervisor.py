"""The supervisor's console: today's office at a glance, live (issue 11).

What a supervisor sees after logging in, with no desk to choose: per service the queue now and today's waits,
per desk its state and work, arrivals against served per hour (a QtCharts bar chart), mediators booked and
present by language, and today's appointments. Counts only: no name is read
(:meth:`~desk_app.core.reports.ReportService.today` returns none).

Live: every batch of the change feed (:attr:`~desk_app.gui.runtime.Runtime.changed`) asks for a fresh read on
the worker, coalesced (a burst of calls is one read after the running one); a timer moves the waits on between
changes. The UI thread only puts the figures in place (:meth:`SupervisorConsole.show_dashboard`, measured in
benchmarks/supervisor_bench.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.clock import local_time
from desk_app.errors import DeskError
from desk_app.gui.appointments import bring_forward
from desk_app.gui.labels import language_choice
from desk_app.gui.operations import Operation
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.reports import Dashboard
    from desk_app.db.feed import Change
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)
#: Between changes the waits still grow: read again after this long without one, ms.
TICK_MS = 30_000
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def minutes_text(value: float | None) -> str:
    """Minutes as the console shows them: whole minutes, a dash when nothing was measured."""
    return "–" if value is None else f"{value:.0f}′"


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} %"


def _table(parent: QWidget, headers: list[str], text_columns: int = 1) -> QTableWidget:
    """A read-only table; the first ``text_columns`` columns hold text, the others numbers (right-aligned)."""
    table = QTableWidget(0, len(headers), parent)
    table.setProperty("text_columns", text_columns)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    """Put ``rows`` in ``table``, reusing its items (no widget churn on every change); numbers right-aligned."""
    table.setUpdatesEnabled(False)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = table.item(r, c)
            if item is None:
                item = QTableWidgetItem()
                if c >= int(table.property("text_columns") or 1):
                    item.setTextAlignment(_RIGHT)
                table.setItem(r, c, item)
            if item.text() != text:
                item.setText(text)
    table.setUpdatesEnabled(True)


class SupervisorConsole(QWidget):
    """Today's office, for a supervisor (needs ``export_reports``; works at no desk).

    Args:
        session: the logged-in supervisor (``desk_code`` empty).
        runtime: the app's runtime (operations, change feed, online state).
        seams: dialogs (the reports window uses them).

    Signals:
        refreshed(): the console shows a fresh read (tests wait on it).

    Attributes:
        dashboard: the figures shown last, or ``None`` before the first read.
        services_table, desks_table, mediators_table: the tables; chart: the hourly chart.
    """

    refreshed = Signal()

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorConsole")
        self.session, self.runtime, self.seams = session, runtime, seams
        self.dashboard: Dashboard | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(self.tr("Today's office"), self)
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.title.setFont(font)
        self.updated = QLabel(self)
        self.reports_button = QPushButton(self.tr("&Reports…"), self)
        self.reports_button.clicked.connect(self.open_reports)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.updated)
        top.addWidget(self.reports_button)
        layout.addLayout(top)

        grid = QGridLayout()
        services_box = QGroupBox(self.tr("Services"), self)
        self.services_table = _table(services_box, [
            self.tr("Service"), self.tr("Waiting now"), self.tr("Longest wait"), self.tr("Average wait"),
            self.tr("90% waited up to"), self.tr("Served"), self.tr("No-shows"), self.tr("Within target")])
        rows_shown = max(3, len(session.office.services))  # every service at once, no scrolling
        self.services_table.setMinimumHeight(self.services_table.horizontalHeader().sizeHint().height()
                                             + rows_shown * self.services_table.verticalHeader().defaultSectionSize()
                                             + 4)
        QVBoxLayout(services_box).addWidget(self.services_table)
        desks_box = QGroupBox(self.tr("Desks"), self)
        self.desks_table = _table(desks_box, [
            self.tr("Desk"), self.tr("State"), self.tr("Ticket"), self.tr("Served"), self.tr("Average service"),
            self.tr("Idle for")], text_columns=3)
        QVBoxLayout(desks_box).addWidget(self.desks_table)
        chart_box = QGroupBox(self.tr("Arrivals and served per hour"), self)
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.arrivals_set = QBarSet(self.tr("Arrivals"))
        self.served_set = QBarSet(self.tr("Served"))
        self.arrivals_set.setColor(Qt.GlobalColor.darkCyan)
        self.served_set.setColor(Qt.GlobalColor.darkGreen)
        self.series = QBarSeries()
        self.series.append([self.arrivals_set, self.served_set])
        self.chart.addSeries(self.series)
        self.hour_axis = QBarCategoryAxis()
        self.count_axis = QValueAxis()
        self.count_axis.setLabelFormat("%d")
        self.chart.addAxis(self.hour_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.count_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.hour_axis)
        self.series.attachAxis(self.count_axis)
        self.chart_view = QChartView(self.chart, chart_box)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        QVBoxLayout(chart_box).addWidget(self.chart_view)
        side = QVBoxLayout()
        mediators_box = QGroupBox(self.tr("Mediators today"), self)
        self.mediators_table = _table(mediators_box, [self.tr("Language"), self.tr("Booked"), self.tr("Present")])
        QVBoxLayout(mediators_box).addWidget(self.mediators_table)
        appointments_box = QGroupBox(self.tr("Appointments today"), self)
        self.appointments_label = QLabel(appointments_box)
        self.appointments_label.setWordWrap(True)
        QVBoxLayout(appointments_box).addWidget(self.appointments_label)
        side.addWidget(mediators_box)
        side.addWidget(appointments_box)
        grid.addWidget(services_box, 0, 0, 1, 2)
        grid.addWidget(desks_box, 1, 0)
        grid.addLayout(side, 1, 1)
        grid.addWidget(chart_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid, 1)
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self.schedule_refresh)
        self.tick.start()
        runtime.changed.connect(self.on_changes)

    # -- reading ---------------------------------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        """Read today's figures in the background (coalesced with a read already running)."""
        reports, actor = self.session.core.reports, self.session.actor
        Operation(self, lambda: reports.today(actor), self.runtime.operations).coalesce("today") \
            .success(self._apply).failure(self._read_failed).run()

    def on_changes(self, changes: list[Change]) -> None:
        """Slot for :attr:`Runtime.changed`: any ticket, appointment or mediator change moves some figure."""
        if changes:
            self.schedule_refresh()

    def _apply(self, board: Dashboard) -> None:
        self.show_dashboard(board)
        if not self.runtime.operations.waiting(self, "today"):  # else the read asked for meanwhile follows
            self.refreshed.emit()

    def _read_failed(self, exc: DeskError) -> None:
        if not is_connection_error(exc):
            self.updated.setText(exc.message(self.session.language))
        self.refreshed.emit()

    # -- showing ---------------------------------------------------------------------------------------------------
    def show_dashboard(self, board: Dashboard) -> None:
        """Put ``board`` on screen (UI thread only: no database work here)."""
        self.dashboard = board
        self.updated.setText(self.tr("Updated at %1").replace(
            "%1", local_time(board.at, board.timezone).strftime("%H:%M:%S")))
        _fill(self.services_table, [
            [f"{s.code} · {s.name}", str(s.waiting), minutes_text(s.longest_wait), minutes_text(s.wait_avg),
             minutes_text(s.wait_p90), str(s.served), percent_text(s.no_show_pct), percent_text(s.within_target_pct)]
            for s in board.services])
        states = {"free": self.tr("free"), "called": self.tr("calling"), "serving": self.tr("serving")}
        _fill(self.desks_table, [
            [f"{d.code} · {d.name}", states.get(d.state, d.state), d.ticket or "", str(d.served),
             minutes_text(d.service_avg), minutes_text(d.idle_minutes)]
            for d in board.desks])
        _fill(self.mediators_table, [[language_choice(language), str(booked), str(present)]
                                     for language, booked, present in board.mediators])
        expected, arrived, late, missed = board.appointments
        self.appointments_label.setText(
            self.tr("Expected %1 · arrived %2 (late %3) · missed %4")
            .replace("%1", str(expected)).replace("%2", str(arrived)).replace("%3", str(late))
            .replace("%4", str(missed)))
        self._show_hours(board.hours)

    def _show_hours(self, hours: tuple[tuple[int, int, int], ...]) -> None:
        categories = [f"{hour:02d}" for hour, _, _ in hours]
        if categories != self.hour_axis.categories():
            self.hour_axis.clear()
            self.hour_axis.append(categories)
        arrivals = [float(a) for _, a, _ in hours]
        served = [float(s) for _, _, s in hours]
        for bar_set, values in ((self.arrivals_set, arrivals), (self.served_set, served)):
            if bar_set.count() != len(values):
                bar_set.remove(0, bar_set.count())
                bar_set.append(values)
            else:
                for i, value in enumerate(values):
                    if bar_set.at(i) != value:
                        bar_set.replace(i, value)
        self.count_axis.setRange(0, max([*arrivals, *served, 1.0]) * 1.1)
        self.count_axis.applyNiceNumbers()

    # -- reports ---------------------------------------------------------------------------------------------------
    def open_reports(self) -> None:
        """The reports window for any period (kept while the console lives)."""
        from desk_app.gui.reports import ReportsWindow

        window = getattr(self, "_reports_window", None)
        if window is None:
            window = ReportsWindow(self.session, self.runtime, self.seams, self)
            self._reports_window = window
        bring_forward(window)

