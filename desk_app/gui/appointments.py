"""The appointment day view of the counter: a service's slots and appointments of one day, check-in, no-shows.

Everything is read and done through the core on the background worker; the core
decides and explains (a refused check-in shows the core's own sentence). Names and
practice numbers are personal data: the core returns them only to roles allowed to
handle appointments and audits every such read. To keep those reads to what the
screen needs, names are read once per appointment while the window is open (an
audited read of the day whenever an appointment not seen yet appears) and the live
refreshes that follow (check-ins, mediator bookings, another desk's changes) read
statuses only. The window holds names in memory only while open; locking the screen
closes it.

The view follows the change feed: ``appointment`` and ``mediator_booking`` changes
(and ``resync``) reload the day, coalesced while a read is running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QWidget

from desk_app.errors import DeskError, NotFoundError
from desk_app.gui.booking_models import AppointmentTableModel, RowRole, SlotTableModel
from desk_app.gui.forms.ui_appointments import Ui_AppointmentDayView
from desk_app.gui.operations import Operation
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.appointments import AppointmentView, CheckIn, DaySlots
    from desk_app.db.feed import Change
    from desk_app.gui.booking import BookingDialog
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)
#: Change-feed kinds that can alter what the day view shows.
WATCHED_KINDS = frozenset({"appointment", "mediator_booking", "resync"})


@dataclass(frozen=True)
class DaySnapshot:
    """One read of the day view.

    Attributes:
        service_code, day: what was read.
        slots: the service's slots that day, or ``None`` when it has no calendar (``slots_error`` says so).
        slots_error: the core's sentence when the slots could not be read.
        appointments: the day's appointments of the service, in time order; names filled only for those
            in ``names_read``.
        names_read: ids whose names this read fetched (an audited read); the others keep the names the window
            already holds.
        today: the office's local day at the time of the read.
    """

    service_code: str
    day: date
    slots: DaySlots | None
    slots_error: str | None
    appointments: list[AppointmentView]
    names_read: frozenset[int]
    today: date


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def bring_forward(window: QWidget) -> None:
    """Show ``window``, or raise it if it is already open behind another."""
    if window.isVisible():
        window.raise_()
    else:
        window.show()
    window.activateWindow()


def setup_table(view: QTableView, stretch_column: int | None = None) -> None:
    """The look shared by the booking tables: no row numbers, columns sized to their content."""
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)


class AppointmentDayView(QDialog):
    """The appointments of one service and day, for clerks and supervisors (needs ``book_appointments``).

    Args:
        session: the logged-in clerk and desk.
        runtime: the app's runtime (operations, change feed, online state).
        seams: dialogs and the ticket printer.

    Signals:
        refreshed(): the tables show a fresh read (tests wait on it).
        checked_in(object): the :class:`~desk_app.core.appointments.CheckIn` just done (after printing).

    Attributes:
        slots_model, appointments_model: the two tables.
        booking: the booking dialog, once opened.
        last_check_in: the last check-in done here.
    """

    refreshed = Signal()
    checked_in = Signal(object)

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runtime, self.seams = session, runtime, seams
        self.booking: BookingDialog | None = None
        self.calendar_codes: list[str] | None = None  # services taking appointments, once read
        self.last_check_in: CheckIn | None = None
        self._online = runtime.online
        self._busy = False
        self._today: date | None = None
        self._names: dict[int, tuple[str | None, str | None]] = {}  # appointment id -> (name, practice number)
        self.ui = Ui_AppointmentDayView()
        self.ui.setupUi(self)

        tz, language = session.office.timezone, session.language
        self.slots_model = SlotTableModel(tz, language, self)
        self.appointments_model = AppointmentTableModel(tz, language, self)
        self.ui.slotsView.setModel(self.slots_model)
        self.ui.appointmentsView.setModel(self.appointments_model)
        setup_table(self.ui.slotsView)
        setup_table(self.ui.appointmentsView, AppointmentTableModel.NAME)
        self.ui.splitter.setSizes([300, 800])
        self._build_extra_controls()
        self.ui.appointmentsView.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.ui.appointmentsView.doubleClicked.connect(lambda _: self.check_in())

        # The desk's own services first, in the desk's order: the ones this clerk checks people in for.
        own = session.desk_services
        services = sorted((s for s in session.office.services if s.active),
                          key=lambda s: (own.index(s.code) if s.code in own else len(own), s.code))
        for service in services:
            self.ui.serviceCombo.addItem(f"{service.code} · {service.name}", service.code)
        self.set_day(session.core.clock.now())
        font = QFont(self.ui.resultLabel.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.ui.resultLabel.setFont(font)

        self.ui.serviceCombo.currentIndexChanged.connect(self.schedule_refresh)
        self.ui.dayEdit.dateChanged.connect(self.schedule_refresh)
        self.ui.previousDayButton.clicked.connect(lambda: self.ui.dayEdit.setDate(self.ui.dayEdit.date().addDays(-1)))
        self.ui.nextDayButton.clicked.connect(lambda: self.ui.dayEdit.setDate(self.ui.dayEdit.date().addDays(1)))
        self.ui.todayButton.clicked.connect(lambda: self.set_day(self.session.core.clock.now()))
        self.ui.checkInButton.clicked.connect(self.check_in)
        self.searchEdit.returnPressed.connect(self.search)
        self.searchButton.clicked.connect(self.search)
        self.dayViewButton.clicked.connect(self.show_day)
        self.moveButton.clicked.connect(self.move_appointment)
        self.cancelButton.clicked.connect(self.cancel_appointment)
        self.reasonEdit.returnPressed.connect(self.cancel_appointment)
        self.confirmButton.clicked.connect(self.confirm_convocation)
        self.noShowOneButton.clicked.connect(self.mark_no_show)
        self.ui.noShowButton.clicked.connect(self.mark_no_shows)
        self.ui.bookButton.clicked.connect(self.open_booking)
        self.finished.connect(self.forget_names)  # Close button, Esc, the window's X and lock all end here
        runtime.changed.connect(self.on_changes)
        runtime.online_changed.connect(self.set_online)
        self._update_actions()
        codes = [str(self.ui.serviceCombo.itemData(i)) for i in range(self.ui.serviceCombo.count())]
        Operation(self, lambda: self.calendar_services(codes), runtime.operations) \
            .success(self._start_on_calendar_service) \
            .failure(lambda exc: log.warning("appointment calendars: %s", exc)).run()

    def calendar_services(self, codes: list[str]) -> list[str]:
        """Those of ``codes`` that take appointments (runs on the worker thread)."""
        found = []
        for code in codes:
            try:
                self.session.core.appointments.calendar(self.session.actor, code)
            except NotFoundError:
                continue
            found.append(code)
        return found

    def _start_on_calendar_service(self, codes: list[str]) -> None:
        """Open on the first service (the desk's first) that takes appointments, unless one was chosen;
        the booking dialog offers only those."""
        self.calendar_codes = codes
        if codes and self.service_code() not in codes:
            self.set_service(codes[0])
        if self.booking is not None:
            self.booking.limit_services(codes)

    def _build_extra_controls(self) -> None:
        """Search, move and cancel: built here, beside the form's controls, each with its key."""
        from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton

        row = QHBoxLayout()
        label = QLabel(self.tr("&Find by name or practice number:"))
        self.searchEdit = QLineEdit()
        self.searchEdit.setObjectName("searchEdit")
        self.searchEdit.setMaxLength(120)
        label.setBuddy(self.searchEdit)
        self.searchButton = QPushButton(self.tr("Search"))
        self.dayViewButton = QPushButton(self.tr("Back to the day"))
        self.dayViewButton.hide()
        for widget in (label, self.searchEdit, self.searchButton, self.dayViewButton):
            row.addWidget(widget)
        self.ui.dayLayout.insertLayout(1, row)

        actions = QHBoxLayout()
        self.moveButton = QPushButton(self.tr("&Move to another slot…"))
        reason_label = QLabel(self.tr("&Reason to cancel:"))
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setMaxLength(10 * 200)  # a longer paste stays whole: the check says too long
        reason_label.setBuddy(self.reasonEdit)
        self.cancelButton = QPushButton(self.tr("Cance&l the appointment"))
        self.confirmButton = QPushButton(self.tr("Convocation &accepted by the person"))
        self.confirmButton.setToolTip(self.tr("The person summoned confirmed they will come"))
        self.noShowOneButton = QPushButton(self.tr("Did not come: mar&k this one"))
        self.noShowOneButton.setObjectName("noShowOneButton")
        self.noShowOneButton.setToolTip(self.tr("The selected person did not come (from their time on), without "
                                                "waiting for the end of the arrival window"))
        for widget in (self.moveButton, reason_label, self.reasonEdit, self.cancelButton, self.confirmButton,
                       self.noShowOneButton):
            actions.addWidget(widget)
        self.ui.dayLayout.insertLayout(self.ui.dayLayout.count() - 1, actions)
        for button in (self.searchButton, self.dayViewButton, self.moveButton, self.cancelButton, self.confirmButton,
                       self.noShowOneButton):
            button.setAutoDefault(False)
        #: The search shown instead of the day (its text), or ``None``.
        self.searching: str | None = None

    # -- choosing ------------------------------------------------------------------------------------------------
    def set_day(self, moment: datetime | date) -> None:
        """Show the office's local day of ``moment`` (a date is taken as is)."""
        if isinstance(moment, datetime):
            from desk_app.clock import local_day

            moment = local_day(moment, self.session.office.timezone)
        self.ui.dayEdit.setDate(to_qdate(moment))

    def set_service(self, service_code: str) -> None:
        index = self.ui.serviceCombo.findData(service_code)
        if index >= 0:
            self.ui.serviceCombo.setCurrentIndex(index)

    def service_code(self) -> str:
        return str(self.ui.serviceCombo.currentData() or "")

    def day(self) -> date:
        return from_qdate(self.ui.dayEdit.date())

    # -- loading -------------------------------------------------------------------------------------------------
    def load_day(self, service_code: str, day: date, known: frozenset[int]) -> DaySnapshot:
        """Read the slots and appointments (runs on the worker thread).

        Names are read (and audited by the core) only when the day holds an appointment not in ``known``.
        """
        from desk_app.clock import local_day

        core, actor = self.session.core, self.session.actor
        slots, slots_error = None, None
        try:
            slots = core.appointments.slots(actor, service_code, day)
        except NotFoundError as exc:  # the service takes no appointments: say so, still list any booked
            slots_error = exc.message(self.session.language)
        appointments = core.appointments.day(actor, day, service_code)
        names_read: frozenset[int] = frozenset()
        if any(a.id not in known for a in appointments):
            appointments = core.appointments.day(actor, day, service_code, with_names=True)
            names_read = frozenset(a.id for a in appointments)
        return DaySnapshot(service_code, day, slots, slots_error, appointments, names_read,
                           local_day(core.clock.now(), self.session.office.timezone))

    def schedule_refresh(self) -> None:
        """Reload in the background (coalesced with a read already running); a search shown is searched again."""
        if self.searching is not None:
            if self.isVisible():
                self._run_search(self.searching)
            return
        if self.service_code() and self.isVisible():  # a closed view reads nothing (it is read afresh when shown)
            Operation.prepared(self, self._take_read, self.runtime.operations).coalesce("day") \
                .success(self._apply).failure(self._read_failed).run()

    def _take_read(self) -> Callable[[], DaySnapshot] | None:
        """The read starting now: of the service and day chosen now, knowing the names held now (a read that
        waited for one reading names must not read them again)."""
        if not self.service_code() or not self.isVisible():
            return None
        service_code, day, known = self.service_code(), self.day(), frozenset(self._names)
        return lambda: self.load_day(service_code, day, known)

    def on_changes(self, changes: list[Change]) -> None:
        """Slot for :attr:`Runtime.changed`: reload when appointments or mediator bookings changed."""
        if any(change.kind in WATCHED_KINDS for change in changes):
            self.schedule_refresh()
            if self.booking is not None and self.booking.isVisible():
                self.booking.reload_slots()  # its free places may have changed too

    def _apply(self, snapshot: DaySnapshot) -> None:
        if not self.isVisible() or self.searching is not None:  # closed while reading: keep no names
            return
        if (snapshot.service_code, snapshot.day) != (self.service_code(), self.day()):
            self.schedule_refresh()  # the choice changed while reading: show the read it asked for instead
            return
        for appointment in snapshot.appointments:
            if appointment.id in snapshot.names_read:
                self._names[appointment.id] = (appointment.person_name, appointment.practice_number)
        rows = [replace(a, person_name=self._names.get(a.id, (None, None))[0],
                        practice_number=self._names.get(a.id, (None, None))[1]) for a in snapshot.appointments]
        selected = self.selected_appointment()
        self._today = snapshot.today
        self.slots_model.set_slots(snapshot.slots.slots if snapshot.slots else ())
        self.appointments_model.set_appointments(rows)
        if selected is not None and (row := self.appointments_model.row_of(selected.id)) >= 0:
            self.ui.appointmentsView.selectRow(row)
        elif selected is None and rows:
            # Keyboard first: the first person still expected is selected, so Alt+C checks them in at once.
            first = next((i for i, a in enumerate(rows) if a.status == "booked"), 0)
            self.ui.appointmentsView.selectRow(first)
        self.ui.dayInfoLabel.setText(self._day_info(snapshot))
        self._update_actions()
        if not self.runtime.operations.waiting(self, "day"):  # else the read asked for meanwhile follows
            self.refreshed.emit()

    def _day_info(self, snapshot: DaySnapshot) -> str:
        if snapshot.slots_error:
            return snapshot.slots_error
        assert snapshot.slots is not None
        if snapshot.slots.closed_reason is not None:
            return self.tr("Closed to appointments: %1").replace("%1", snapshot.slots.closed_reason)
        if not snapshot.slots.slots:
            return self.tr("No appointment hours on this day.")
        free = sum(slot.free for slot in snapshot.slots.slots)
        booked = sum(1 for a in snapshot.appointments if a.status in ("booked", "checked_in"))
        #: joins "2 appointments" and "16 free places"
        return self.tr("%1, %2").replace("%1", self.tr("%n appointment(s)", "", booked)) \
            .replace("%2", self.tr("%n free place(s)", "", free))

    def _read_failed(self, exc: DeskError) -> None:
        if not is_connection_error(exc):  # the banner already says the database is away
            self.ui.dayInfoLabel.setText(exc.message(self.session.language))
        self.refreshed.emit()

    # -- actions -------------------------------------------------------------------------------------------------
    def selected_appointment(self) -> AppointmentView | None:
        index: QModelIndex = self.ui.appointmentsView.selectionModel().currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def _update_actions(self) -> None:
        from desk_app.clock import local_day

        ready = self._online and not self._busy
        selected = self.selected_appointment()
        today = selected is not None and self._today is not None \
            and local_day(selected.starts_at, self.session.office.timezone) == self._today
        self.ui.checkInButton.setEnabled(ready and selected is not None and selected.status == "booked" and today)
        booked = ready and selected is not None and selected.status == "booked"
        self.moveButton.setEnabled(booked)
        self.cancelButton.setEnabled(booked)
        self.confirmButton.setEnabled(booked and selected is not None and selected.kind == "convocation")
        # from its start time on (the core says the same, in a sentence, if the clock moved meanwhile)
        self.noShowOneButton.setEnabled(booked and selected is not None
                                        and selected.starts_at <= self.session.core.clock.now())
        self.ui.noShowButton.setEnabled(ready)
        self.ui.bookButton.setEnabled(self._online)

    def set_online(self, online: bool) -> None:
        """Slot for :attr:`Runtime.online_changed`: actions wait for the database; a reload follows its return."""
        self._online = online
        self._update_actions()
        if online and self.isVisible():
            self.schedule_refresh()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """One action in the background; a refusal shows the core's sentence; reload either way."""
        Operation(self, work, self.runtime.operations).success(done).failure(self._refused) \
            .finished(self.schedule_refresh).busy(self._set_busy).run()

    def _refused(self, exc: DeskError) -> None:
        if not is_connection_error(exc):  # the banner says that one
            self.ui.resultLabel.setText("")
            self.seams.dialogs.warn(self, self.tr("Not done"), exc.message(self.session.language))

    def check_in(self) -> None:
        """The selected person has arrived: the core issues their ticket; print it and show its number."""
        selected = self.selected_appointment()
        if self._busy or selected is None or not self.ui.checkInButton.isEnabled():
            return
        appointments, actor, appointment_id = self.session.core.appointments, self.session.actor, selected.id
        self._run(lambda: appointments.check_in(actor, appointment_id), self._checked_in)

    def _checked_in(self, done: CheckIn) -> None:
        from desk_app.gui.printing import saved_as
        from desk_app.gui.walkin import office_lines, printable

        self.last_check_in = done
        if done.keeps_priority:
            text = self.tr("Ticket %1: on time, appointment priority.")
        elif done.arrival == "early":
            text = self.tr("Ticket %1: arrived early, ordinary queue.")
        else:
            text = self.tr("Ticket %1: arrived late, ordinary queue.")
        text = text.replace("%1", done.ticket.number)
        ticket = printable(self.session, done.ticket, office_lines(self.runtime))
        if not self.seams.printer.print_ticket(self, ticket):
            text += " " + self.tr("(not printed)")
        else:
            text += saved_as(self.seams.printer)
        self.ui.resultLabel.setText(text)
        self.checked_in.emit(done)

    # -- search, move, cancel ------------------------------------------------------------------------------------
    def search(self) -> None:
        """Find appointments by the person's name or practice number (any day; the core audits the read)."""
        text = self.searchEdit.text().strip()
        if not text:
            self.show_day()
            return
        self.searching = text
        self._run_search(text)

    def _run_search(self, text: str) -> None:
        appointments, actor = self.session.core.appointments, self.session.actor
        Operation(self, lambda: appointments.search(actor, text), self.runtime.operations).coalesce("day") \
            .success(self._found).failure(self._read_failed).run()

    def _found(self, found: list[AppointmentView]) -> None:
        if self.searching is None or not self.isVisible():
            return
        for appointment in found:
            self._names[appointment.id] = (appointment.person_name, appointment.practice_number)
        selected = self.selected_appointment()
        self.appointments_model.set_appointments(found)
        row = self.appointments_model.row_of(selected.id) if selected is not None else -1
        self.ui.appointmentsView.selectRow(row if row >= 0 else 0)
        self.ui.dayInfoLabel.setText(self.tr("%n appointment(s) found for “%1”.", "", len(found))
                                     .replace("%1", self.searching))
        self.dayViewButton.show()
        self._update_actions()
        self.refreshed.emit()

    def show_day(self) -> None:
        """Leave the search: the service and day chosen again."""
        self.searching = None
        self.searchEdit.clear()
        self.dayViewButton.hide()
        self.schedule_refresh()

    def move_appointment(self) -> None:
        """Move the selected appointment to a free slot of its service on the day shown (chosen from a list)."""
        selected = self.selected_appointment()
        if self._busy or selected is None or selected.status != "booked":
            return
        appointments, actor, day = self.session.core.appointments, self.session.actor, self.day()
        service = selected.service_code
        Operation(self, lambda: appointments.slots(actor, service, day), self.runtime.operations) \
            .success(lambda slots: self._choose_new_slot(selected, slots)).failure(self._refused).run()

    def _choose_new_slot(self, appointment: AppointmentView, slots: DaySlots) -> None:
        from desk_app.gui.booking_models import wall_clock

        tz = self.session.office.timezone
        now = self.session.core.clock.now()
        free = [slot for slot in slots.slots
                if slot.free > 0 and slot.starts_at != appointment.starts_at and slot.starts_at > now]
        if not free:
            self.ui.resultLabel.setText(self.tr("No free slot on %1: choose another day first.")
                                        .replace("%1", f"{slots.day:%d/%m/%Y}"))
            return
        choice = self.seams.dialogs.choose(
            self, self.tr("Move the appointment"),
            self.tr("Free slots of %1 on %2:").replace("%1", appointment.service_code)
            .replace("%2", f"{slots.day:%d/%m/%Y}"),
            [self.tr("%1 (%n free)", "", slot.free).replace("%1", wall_clock(slot.starts_at, tz)) for slot in free])
        if choice is None:
            return
        appointments, actor, target = self.session.core.appointments, self.session.actor, free[choice]
        convocations = self.session.core.convocations

        def moved(view: AppointmentView) -> None:
            text = self.tr("Moved to %1 at %2.").replace("%1", f"{slots.day:%d/%m/%Y}") \
                .replace("%2", wall_clock(target.starts_at, tz))
            if view.needs_mediator and not view.mediator_booked:
                text += " " + self.tr("Book the mediator again for the new time.")
            self.ui.resultLabel.setText(text)

        if appointment.kind == "convocation":
            # A convocation is moved as the core moves it: the next attempt, the history keeping this one.
            def rebook() -> AppointmentView:
                convocation = convocations.for_appointment(actor, appointment.id)
                attempt = convocations.rebook(actor, convocation.id, target.starts_at)
                return appointments.get(actor, attempt.appointment_id)

            self._run(rebook, moved)
            return
        self._run(lambda: appointments.move(actor, appointment.id, target.starts_at), moved)

    def cancel_appointment(self) -> None:
        """Cancel the selected appointment for the reason typed (asked before, the place is freed)."""
        selected = self.selected_appointment()
        if self._busy or selected is None or selected.status != "booked":
            return
        reason = self.reasonEdit.text()
        if not reason.strip():
            self.ui.resultLabel.setText(self.tr("Write the reason to cancel first."))
            self.reasonEdit.setFocus()
            return
        appointments, actor, appointment_id = self.session.core.appointments, self.session.actor, selected.id

        def cancelled(_: AppointmentView) -> None:
            self.reasonEdit.clear()
            self.ui.resultLabel.setText(self.tr("Appointment cancelled; its place is free again."))

        self._run(lambda: appointments.cancel(actor, appointment_id, reason), cancelled)

    def confirm_convocation(self) -> None:
        """The person summoned confirmed they will come: the convocation becomes ``confirmed``."""
        selected = self.selected_appointment()
        if self._busy or selected is None or selected.kind != "convocation":
            return
        convocations, actor, appointment_id = self.session.core.convocations, self.session.actor, selected.id

        def confirm() -> object:
            return convocations.confirm(actor, convocations.for_appointment(actor, appointment_id).id)

        self._run(confirm, lambda _: self.ui.resultLabel.setText(self.tr("Convocation confirmed.")))

    def mark_no_show(self) -> None:
        """The selected person did not come: this one appointment is marked a no-show now (audited by the core)."""
        selected = self.selected_appointment()
        if self._busy or selected is None or selected.status != "booked":
            return
        appointments, actor, appointment_id = self.session.core.appointments, self.session.actor, selected.id
        self._run(lambda: appointments.no_show(actor, appointment_id),
                  lambda _: self.ui.resultLabel.setText(self.tr("Marked as not come.")))

    def mark_no_shows(self) -> None:
        """Mark as no-show every booked appointment whose arrival window has passed (the core decides which)."""
        if self._busy:
            return
        appointments, actor = self.session.core.appointments, self.session.actor
        self._run(lambda: appointments.mark_no_shows(actor), self._no_shows_marked)

    def _no_shows_marked(self, marked: list[int]) -> None:
        self.ui.resultLabel.setText(self.tr("%n appointment(s) marked as no-show.", "", len(marked)))

    # -- booking -------------------------------------------------------------------------------------------------
    def open_booking(self) -> BookingDialog:
        """The booking dialog, on the service and day shown here."""
        from desk_app.gui.booking import BookingDialog

        if self.booking is None:
            self.booking = BookingDialog(self.session, self.runtime, self)
            self.booking.booked.connect(lambda _: self.schedule_refresh())
            if self.calendar_codes is not None:
                self.booking.limit_services(self.calendar_codes)
        self.booking.choose(self.service_code(), self.day())
        bring_forward(self.booking)
        return self.booking

    def forget_names(self) -> None:
        """Drop the names read while open (on closing): what is not held cannot be left on screen or in memory.

        Opening the view again reads them again, audited.
        """
        self._names.clear()
        self.appointments_model.set_appointments(())
        self.searching = None
        self.searchEdit.clear()
        self.dayViewButton.hide()
