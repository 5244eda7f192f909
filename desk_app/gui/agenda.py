"""The mediator's own agenda: what a mediator sees after logging in, instead of the counter workspace.

Only the mediator's own bookings, and of each only time, language, mode, desk and
status: the core's :meth:`~desk_app.core.mediators.MediatorService.my_agenda` returns
nothing else, so this page cannot show a user's name or case. The mediator
confirms or declines (with a reason, which the change feed carries to the desk
that booked) and exports the shown days to an iCalendar file chosen through the
dialogs seam. The page follows the change feed: a desk booking, moving or
cancelling shows up without a reload.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from desk_app.errors import DeskError
from desk_app.gui.appointments import from_qdate, setup_table, to_qdate
from desk_app.gui.booking_models import AgendaTableModel, RowRole
from desk_app.gui.forms.ui_agenda import Ui_MediatorAgenda
from desk_app.gui.operations import Operation
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.mediators import AgendaEntry
    from desk_app.db.feed import Change
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)
_REFUSED = "color: #b00020;"
_DONE = "color: #0a6b2d;"


@dataclass(frozen=True)
class AgendaRead:
    """One read of the agenda: the range asked for and the bookings in it."""

    first: date
    last: date
    entries: list[AgendaEntry]


@dataclass(frozen=True)
class IcsExport:
    """An export: where it went, how many bookings, or why the file could not be written."""

    path: Path
    count: int
    error: str | None


class MediatorAgenda(QWidget):
    """A mediator's bookings by day or week, with confirm, decline and export (needs ``own_bookings``).

    Args:
        session: the logged-in mediator.
        runtime: the app's runtime (operations, change feed, online state).
        seams: dialogs (the export's save dialog).

    Signals:
        refreshed(): the table shows a fresh read (tests wait on it).
        answered(object): the :class:`~desk_app.core.mediators.AgendaEntry` just confirmed or declined.
        exported(object): an :class:`IcsExport` done.

    Attributes:
        model: the bookings shown.
    """

    refreshed = Signal()
    answered = Signal(object)
    exported = Signal(object)

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runtime, self.seams = session, runtime, seams
        self._online = runtime.online
        self._busy = False
        self.ui = Ui_MediatorAgenda()
        self.ui.setupUi(self)
        self.model = AgendaTableModel(session.office.timezone, session.language,
                                      {d.code: d.name for d in session.office.desks}, self)
        self.ui.agendaView.setModel(self.model)
        setup_table(self.ui.agendaView)
        font = QFont(self.ui.titleLabel.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        name = session.actor.display_name or session.actor.username
        self.ui.titleLabel.setText(self.tr("My mediation bookings — %1").replace("%1", name))
        self.ui.spanCombo.addItem(self.tr("Day"), 1)
        self.ui.spanCombo.addItem(self.tr("Week"), 7)
        self.ui.spanCombo.setCurrentIndex(1)  # a mediator plans the week
        self.show_today()

        self.ui.spanCombo.currentIndexChanged.connect(self.schedule_refresh)
        self.ui.dayEdit.dateChanged.connect(self.schedule_refresh)
        self.ui.previousButton.clicked.connect(lambda: self._step(-1))
        self.ui.nextButton.clicked.connect(lambda: self._step(1))
        self.ui.todayButton.clicked.connect(self.show_today)
        self.ui.confirmButton.clicked.connect(self.confirm)
        self.ui.declineButton.clicked.connect(self.decline)
        self.ui.reasonEdit.textChanged.connect(self._update_actions)
        self.ui.exportButton.clicked.connect(self.export_ics)
        self.ui.agendaView.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        runtime.changed.connect(self.on_changes)
        runtime.online_changed.connect(self.set_online)
        self._update_actions()

    # -- range ---------------------------------------------------------------------------------------------------
    def show_today(self) -> None:
        from desk_app.clock import local_day

        self.ui.dayEdit.setDate(to_qdate(local_day(self.session.core.clock.now(), self.session.office.timezone)))

    def set_span(self, days: int) -> None:
        """1: the chosen day; 7: its week, Monday to Sunday."""
        self.ui.spanCombo.setCurrentIndex(max(0, self.ui.spanCombo.findData(days)))

    def date_range(self) -> tuple[date, date]:
        """First and last local day shown (inclusive)."""
        day = from_qdate(self.ui.dayEdit.date())
        if self.ui.spanCombo.currentData() == 7:
            monday = day - timedelta(days=day.weekday())
            return monday, monday + timedelta(days=6)
        return day, day

    def _step(self, direction: int) -> None:
        self.ui.dayEdit.setDate(self.ui.dayEdit.date().addDays(direction * int(self.ui.spanCombo.currentData() or 1)))

    # -- loading -------------------------------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        """Reload in the background (coalesced with a read already running)."""
        first, last = self.date_range()
        mediators, actor = self.session.core.mediators, self.session.actor
        Operation(self, lambda: AgendaRead(first, last, mediators.my_agenda(actor, first, last)),
                  self.runtime.operations).coalesce("agenda").success(self._apply).failure(self._read_failed).run()

    def on_changes(self, changes: list[Change]) -> None:
        """Slot for :attr:`Runtime.changed`: reload when a mediator booking changed."""
        if any(change.kind in ("mediator_booking", "resync") for change in changes):
            self.schedule_refresh()

    def _apply(self, read: AgendaRead) -> None:
        if (read.first, read.last) != self.date_range():
            self.schedule_refresh()  # the range changed while reading
            return
        selected = self.selected_entry()
        self.model.set_entries(read.entries)
        if selected is not None and (row := self.model.row_of(selected.id)) >= 0:
            self.ui.agendaView.selectRow(row)
        self.ui.rangeLabel.setText(self.tr("%n booking(s)", "", len(read.entries)))
        self._update_actions()
        if not self.runtime.operations.waiting(self, "agenda"):  # else the read asked for meanwhile follows
            self.refreshed.emit()

    def _read_failed(self, exc: DeskError) -> None:
        if not is_connection_error(exc):
            self._say(exc.message(self.session.language), _REFUSED)
        self.refreshed.emit()

    # -- answers -------------------------------------------------------------------------------------------------
    def selected_entry(self) -> AgendaEntry | None:
        index: QModelIndex = self.ui.agendaView.selectionModel().currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def _update_actions(self) -> None:
        ready = self._online and not self._busy
        entry = self.selected_entry()
        status = entry.status if entry is not None else None
        self.ui.confirmButton.setEnabled(ready and status == "booked")
        self.ui.declineButton.setEnabled(ready and status in ("booked", "confirmed")
                                         and bool(self.ui.reasonEdit.text().strip()))
        self.ui.exportButton.setEnabled(ready)

    def set_online(self, online: bool) -> None:
        """Slot for :attr:`Runtime.online_changed`: a reload follows the database's return."""
        self._online = online
        self._update_actions()
        if online:
            self.schedule_refresh()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """One action in the background; a refusal shows the core's sentence; reload either way."""
        Operation(self, work, self.runtime.operations).success(done).failure(self._refused) \
            .finished(self.schedule_refresh).busy(self._set_busy).run()

    def _refused(self, exc: DeskError) -> None:
        if not is_connection_error(exc):
            self._say(exc.message(self.session.language), _REFUSED)

    def confirm(self) -> None:
        """Confirm the selected booking: the desk can count on the mediator."""
        entry = self.selected_entry()
        if self._busy or entry is None:
            return
        mediators, actor, booking_id = self.session.core.mediators, self.session.actor, entry.id
        self._run(lambda: mediators.confirm(actor, booking_id),
                  lambda done: self._answered(done, self.tr("Booking confirmed.")))

    def decline(self) -> None:
        """Decline the selected booking with the reason typed; the desk that booked is told."""
        entry = self.selected_entry()
        reason = self.ui.reasonEdit.text().strip()
        if self._busy or entry is None or not reason:
            return
        mediators, actor, booking_id = self.session.core.mediators, self.session.actor, entry.id

        def done(answer: AgendaEntry) -> None:
            self.ui.reasonEdit.clear()
            self._answered(answer, self.tr("Booking declined: the desk that booked it has been told."))

        self._run(lambda: mediators.decline(actor, booking_id, reason), done)

    def _answered(self, entry: AgendaEntry, text: str) -> None:
        self._say(text, _DONE)
        self.answered.emit(entry)

    # -- export --------------------------------------------------------------------------------------------------
    def export_ics(self) -> None:
        """Save the bookings of the shown days as an iCalendar file the mediator imports in their calendar."""
        if self._busy:
            return
        first, last = self.date_range()
        suggested = f"mediazione-{first.isoformat()}.ics" if first == last else \
            f"mediazione-{first.isoformat()}-{last.isoformat()}.ics"
        path = self.seams.dialogs.save_file(self, self.tr("Export my bookings"), suggested,
                                            self.tr("iCalendar files (*.ics)"))
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        mediators, actor = self.session.core.mediators, self.session.actor

        def work() -> IcsExport:
            data = mediators.my_agenda_ics(actor, first, last)
            count = data.count(b"BEGIN:VEVENT")
            try:
                path.write_bytes(data)
            except OSError as exc:  # a full disk or a read-only folder is the user's to fix, not a crash
                return IcsExport(path, count, str(exc))
            return IcsExport(path, count, None)

        def done(export: IcsExport) -> None:
            if export.error is not None:
                self._say(self.tr("The file could not be written: %1").replace("%1", export.error), _REFUSED)
            else:
                self._say(self.tr("%n booking(s) saved to %1", "", export.count).replace("%1", str(export.path)),
                          _DONE)
            self.exported.emit(export)

        self._run(work, done)

    def _say(self, text: str, style: str) -> None:
        self.ui.messageLabel.setStyleSheet(style)
        self.ui.messageLabel.setText(text)
