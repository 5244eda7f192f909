"""The booking dialog: a person into a free slot of a service, optionally with a mediator.

The dialog lists the free slots it read, but the core decides: a slot that filled
meanwhile, a person who already holds an appointment, a day closed since, a bad
name: each refusal is shown as the core's own sentence in the staff language, with
what was typed left in place. Booking the mediator is a second step after the
appointment is booked (the booking refers to it): when no mediator can come (busy,
absent, outside their availability, nobody for the language) the appointment stays
booked, the dialog says why the mediator could not be booked and offers to try
again with another mode or mediator.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from desk_app.errors import DeskError
from desk_app.gui.appointments import from_qdate, to_qdate
from desk_app.gui.booking_models import MODE_LABELS, wall_clock
from desk_app.gui.forms.ui_booking import Ui_BookingDialog
from desk_app.gui.labels import language_choice, staff_label
from desk_app.gui.operations import Operation
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.appointments import AppointmentView, DaySlots
    from desk_app.core.mediators import MediatorBookingView, MediatorView
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)
_REFUSED = "color: #b00020;"
_DONE = "color: #0a6b2d;"


@dataclass(frozen=True)
class BookingOutcome:
    """What a press of *Book* achieved.

    Attributes:
        appointment: the appointment booked (now or in an earlier step).
        mediator: the mediator booking, when one was asked for and made.
        mediator_error: why the mediator asked for could not be booked (the appointment stays booked).
    """

    appointment: AppointmentView
    mediator: MediatorBookingView | None
    mediator_error: DeskError | None


@dataclass(frozen=True)
class MediatorRequest:
    """The mediator part of a booking: mode and, optionally, a named mediator (else the best free one)."""

    mode: str
    mediator_code: str | None


class BookingDialog(QDialog):
    """Books appointments (needs ``book_appointments``; the mediator part ``book_mediators``).

    Args:
        session: the logged-in clerk and desk.
        runtime: the app's runtime (operations, online state).

    Signals:
        booked(object): a :class:`BookingOutcome` (after each successful step).
        slots_loaded(): the free-slot list shows a fresh read (tests wait on it).

    Attributes:
        pending: an appointment booked whose mediator could not be booked yet; *Book* then retries the mediator.
        last_outcome: the last :class:`BookingOutcome`.
    """

    booked = Signal(object)
    slots_loaded = Signal()

    def __init__(self, session: DeskSession, runtime: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desk_app.core.queue import LANGUAGES

        self.session, self.runtime = session, runtime
        self.pending: AppointmentView | None = None
        self.last_outcome: BookingOutcome | None = None
        self._online = runtime.online
        self._busy = False
        self.ui = Ui_BookingDialog()
        self.ui.setupUi(self)
        for service in (s for s in session.office.services if s.active):
            self.ui.serviceCombo.addItem(f"{service.code} · {service.name}", service.code)
        self.ui.languageCombo.addItem(self.tr("not given"), None)
        for code in LANGUAGES:
            self.ui.languageCombo.addItem(language_choice(code), code)
        for code in MODE_LABELS:
            self.ui.modeCombo.addItem(staff_label(MODE_LABELS, code), code)
        self.ui.mediatorCombo.addItem(self.tr("The first free mediator (best level)"), None)
        self.ui.dayEdit.setDate(to_qdate(self._today()))

        self.ui.serviceCombo.currentIndexChanged.connect(self.reload_slots)
        self.ui.dayEdit.dateChanged.connect(self.reload_slots)
        self.ui.languageCombo.currentIndexChanged.connect(self._language_changed)
        self.ui.mediatorBox.toggled.connect(self._mediator_toggled)
        self.ui.bookButton.clicked.connect(self.book)
        self.ui.newButton.clicked.connect(self.new_booking)
        runtime.online_changed.connect(self.set_online)
        self._update_buttons()

    # -- choices -------------------------------------------------------------------------------------------------
    def _today(self) -> date:
        from desk_app.clock import local_day

        return local_day(self.session.core.clock.now(), self.session.office.timezone)

    def choose(self, service_code: str, day: date) -> None:
        """Start on ``service_code`` and ``day`` (the day view's); reads the free slots."""
        index = self.ui.serviceCombo.findData(service_code)
        if index >= 0:
            self.ui.serviceCombo.setCurrentIndex(index)
        self.ui.dayEdit.setDate(to_qdate(max(day, self._today())))
        self.reload_slots()

    def limit_services(self, codes: list[str]) -> None:
        """Offer only the services in ``codes`` (those with an appointment calendar); none left: keep all."""
        if not codes:
            return
        current = self.service_code()
        self.ui.serviceCombo.blockSignals(True)  # one slot read at the end, not one per removal
        for index in reversed(range(self.ui.serviceCombo.count())):
            if self.ui.serviceCombo.itemData(index) not in codes:
                self.ui.serviceCombo.removeItem(index)
        self.ui.serviceCombo.setCurrentIndex(max(0, self.ui.serviceCombo.findData(current)))
        self.ui.serviceCombo.blockSignals(False)
        if self.service_code() != current:
            self.reload_slots()

    def service_code(self) -> str:
        return str(self.ui.serviceCombo.currentData() or "")

    def language(self) -> str | None:
        return self.ui.languageCombo.currentData()

    def set_language(self, code: str | None) -> None:
        self.ui.languageCombo.setCurrentIndex(max(0, self.ui.languageCombo.findData(code)))

    def _mediator_toggled(self, on: bool) -> None:
        if on:
            self.ui.needsMediatorCheck.setChecked(True)  # a mediator booked means the person needs one
            self._load_roster()

    def _language_changed(self) -> None:
        if self.ui.mediatorBox.isChecked():
            self._load_roster()

    def _load_roster(self) -> None:
        """List the mediators working in the person's language, best level first."""
        language = self.language()
        while self.ui.mediatorCombo.count() > 1:
            self.ui.mediatorCombo.removeItem(1)
        if language is None or not self.session.actor.can("book_mediators"):
            return
        mediators, actor = self.session.core.mediators, self.session.actor
        Operation(self, lambda: (language, mediators.roster(actor, language)), self.runtime.operations) \
            .success(self._roster_loaded).failure(lambda exc: log.warning("mediator roster: %s", exc)).run()

    def _roster_loaded(self, result: tuple[str, list[MediatorView]]) -> None:
        language, roster = result
        if language != self.language():
            return  # the language changed meanwhile; its own read follows
        for mediator in roster:
            level = dict(mediator.languages).get(language)
            self.ui.mediatorCombo.addItem(
                self.tr("%1 · %2 (level %3)").replace("%1", mediator.code).replace("%2", mediator.display_name)
                .replace("%3", str(level)), mediator.code)

    # -- free slots ----------------------------------------------------------------------------------------------
    def reload_slots(self) -> None:
        """Read the chosen day's slots in the background (coalesced); keeps the chosen slot if still free.

        Not while an appointment waits for its mediator: the list then keeps showing that appointment's slot
        (read again once the booking is finished or left).
        """
        service_code, day = self.service_code(), from_qdate(self.ui.dayEdit.date())
        if self.pending is not None or not service_code:
            return
        appointments, actor, clock = self.session.core.appointments, self.session.actor, self.session.core.clock
        Operation(self, lambda: (appointments.slots(actor, service_code, day), clock.now()), self.runtime.operations) \
            .coalesce("slots").success(self._slots_read).failure(self._slots_failed).run()

    def _newer_read_follows(self) -> bool:
        return self.runtime.operations.waiting(self, "slots")  # the choice changed while reading: it decides

    def _slots_read(self, result: tuple[DaySlots, datetime]) -> None:
        day_slots, now = result
        if self._newer_read_follows():
            return
        if (day_slots.service_code, day_slots.day) != (self.service_code(), from_qdate(self.ui.dayEdit.date())):
            self.reload_slots()  # the choice changed without a read of its own (one was pending)
            return
        chosen = self.chosen_start()
        self.ui.slotCombo.clear()
        tz = self.session.office.timezone
        for slot in day_slots.slots:
            if slot.free > 0 and slot.starts_at > now:
                self.ui.slotCombo.addItem(
                    self.tr("%1-%2 · %n free of %3", "", slot.free).replace("%1", wall_clock(slot.starts_at, tz))
                    .replace("%2", wall_clock(slot.ends_at, tz)).replace("%3", str(slot.capacity)),
                    slot.starts_at.isoformat())
        if chosen is not None and (index := self.slot_index(chosen)) >= 0:
            self.ui.slotCombo.setCurrentIndex(index)
        if day_slots.closed_reason is not None:
            info = self.tr("Closed to appointments: %1").replace("%1", day_slots.closed_reason)
        elif not day_slots.slots:
            info = self.tr("No appointment hours on this day.")
        elif self.ui.slotCombo.count() == 0:
            info = self.tr("No free slot left on this day.")
        else:
            info = self.tr("%n free slot(s)", "", self.ui.slotCombo.count())
        self.ui.slotsInfoLabel.setText(info)
        self._update_buttons()
        self.slots_loaded.emit()

    def _slots_failed(self, exc: DeskError) -> None:
        if self._newer_read_follows():
            return
        self.ui.slotCombo.clear()
        self.ui.slotsInfoLabel.setText("" if is_connection_error(exc) else exc.message(self.session.language))
        self._update_buttons()
        self.slots_loaded.emit()

    # Slots are kept as ISO text in the combo box: a Python datetime would come back as a naive QDateTime.
    def chosen_start(self) -> datetime | None:
        """Start (aware, UTC) of the slot chosen, or ``None``."""
        value = self.ui.slotCombo.currentData()
        return datetime.fromisoformat(value) if value else None

    def slot_index(self, starts_at: datetime) -> int:
        """Index in the free-slot list of the slot starting at ``starts_at``, or -1."""
        return self.ui.slotCombo.findData(starts_at.isoformat())

    # -- booking -------------------------------------------------------------------------------------------------
    def _mediator_request(self) -> MediatorRequest | None:
        if not self.ui.mediatorBox.isChecked():
            return None
        return MediatorRequest(self.ui.modeCombo.currentData() or "in_person", self.ui.mediatorCombo.currentData())

    def book_mediator_in(self, appointment: AppointmentView, request: MediatorRequest) -> BookingOutcome:
        """Book the mediator for ``appointment`` (runs on the worker thread); a refusal is kept, not raised,
        because the appointment itself stays booked."""
        try:
            booking = self.session.core.mediators.book(
                self.session.actor, mode=request.mode, desk_code=self.session.desk_code or None,
                mediator_code=request.mediator_code, appointment_id=appointment.id)
        except DeskError as exc:
            return BookingOutcome(appointment, None, exc)
        return BookingOutcome(appointment, booking, None)

    def book(self) -> None:
        """*Book*: the appointment (and the mediator if asked), or only the mediator of the pending appointment."""
        if self._busy or not self._online:
            return
        request = self._mediator_request()
        if self.pending is not None:
            if request is None:
                self.new_booking()
                return
            appointment = self.pending
            self._submit(lambda: self.book_mediator_in(appointment, request))
            return
        starts_at = self.chosen_start()
        if starts_at is None:
            self._say(self.tr("Choose a free slot first."), _REFUSED)
            return
        appointments, actor = self.session.core.appointments, self.session.actor
        service_code, language = self.service_code(), self.language()
        name, practice = self.ui.nameEdit.text(), self.ui.practiceEdit.text()
        needs = self.ui.needsMediatorCheck.isChecked() or request is not None

        def work() -> BookingOutcome:
            appointment = appointments.book(actor, service_code, starts_at, person_name=name,
                                            practice_number=practice or None, language=language,
                                            needs_mediator=needs)
            if request is None:
                return BookingOutcome(appointment, None, None)
            return self.book_mediator_in(appointment, request)

        self._submit(work)

    def _submit(self, work: Callable[[], BookingOutcome]) -> None:
        """The booking in the background (*Book* disabled meanwhile); the slot list is read again either way."""
        Operation(self, work, self.runtime.operations).success(self._done).failure(self._refused) \
            .busy(self._set_busy).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _done(self, outcome: BookingOutcome) -> None:
        self.last_outcome = outcome
        appointment = outcome.appointment
        from desk_app.core.schedule import local_label

        day, at = local_label(appointment.starts_at, self.session.office.timezone)
        self._say(self.tr("Booked: %1 on %2 at %3.").replace("%1", appointment.service_code)
                  .replace("%2", f"{day[8:10]}/{day[5:7]}/{day[0:4]}").replace("%3", at), _DONE)
        if outcome.mediator_error is not None:
            self.pending = appointment
            self.ui.mediatorMessageLabel.setStyleSheet(_REFUSED)
            self.ui.mediatorMessageLabel.setText(
                self.tr("Mediator not booked: %1 Change the mode or the mediator and press "
                        "“Book the mediator”, or start a new booking.")
                .replace("%1", outcome.mediator_error.message(self.session.language)))
        else:
            self.pending = None
            if outcome.mediator is not None:
                self.ui.mediatorMessageLabel.setStyleSheet(_DONE)
                self.ui.mediatorMessageLabel.setText(
                    self.tr("Mediator %1 booked (%2).").replace("%1", outcome.mediator.mediator_name)
                    .replace("%2", staff_label(MODE_LABELS, outcome.mediator.entry.mode)))
            self._clear_person()
        self._update_buttons()
        self.reload_slots()
        self.booked.emit(outcome)

    def _refused(self, exc: DeskError) -> None:
        if not is_connection_error(exc):  # the banner says that one
            self._say(exc.message(self.session.language), _REFUSED)
        self.reload_slots()  # a slot that filled meanwhile leaves the list

    def _say(self, text: str, style: str) -> None:
        self.ui.messageLabel.setStyleSheet(style)
        self.ui.messageLabel.setText(text)

    def _clear_person(self) -> None:
        self.ui.nameEdit.clear()
        self.ui.practiceEdit.clear()
        self.set_language(None)
        self.ui.needsMediatorCheck.setChecked(False)
        self.ui.mediatorBox.setChecked(False)
        self.ui.nameEdit.setFocus()

    def new_booking(self) -> None:
        """Leave a pending mediator aside and start again with empty person fields."""
        self.pending = None
        self._clear_person()
        self._say("", _DONE)
        self.ui.mediatorMessageLabel.clear()
        self._update_buttons()
        self.reload_slots()

    def set_online(self, online: bool) -> None:
        """Slot for :attr:`Runtime.online_changed`."""
        self._online = online
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self._online and not self._busy
        pending = self.pending is not None
        self.ui.bookButton.setEnabled(ready and (pending or self.ui.slotCombo.count() > 0))
        self.ui.bookButton.setText(self.tr("Book the &mediator") if pending else self.tr("&Book"))
        self.ui.whenBox.setEnabled(not pending)
        self.ui.personBox.setEnabled(not pending)
        self.ui.newButton.setVisible(pending)
