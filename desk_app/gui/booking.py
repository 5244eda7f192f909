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
from desk_app.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desk_app.core.appointments import AppointmentView, DaySlots
    from desk_app.core.catalogue import ProcedureView
    from desk_app.core.mediators import MediatorBookingView, MediatorFreeView, MediatorView, WaitingForMediator
    from desk_app.core.queue import TicketView
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
        preview: who could come for the chosen slot, language and mode, as last read (before saving).
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
        self.preview: list[MediatorFreeView] = []
        self._slot_ends: dict[str, datetime] = {}
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
        # A convocation is booked here too: the office summons the person for a procedure (practice number needed).
        from PySide6.QtWidgets import QComboBox, QLabel

        self.convocationCombo = QComboBox()
        self.convocationCombo.setObjectName("convocationCombo")
        self.convocationCombo.addItem(self.tr("No: an appointment the person asked for"), None)
        convocation_label = QLabel(self.tr("&Convocation for procedure:"))
        convocation_label.setBuddy(self.convocationCombo)
        self.ui.personLayout.addRow(convocation_label, self.convocationCombo)
        if session.actor.can("work_cases"):
            content = session.core.content
            Operation(self, content.procedures, runtime.operations).success(self._procedures_loaded) \
                .failure(lambda exc: log.info("procedures for convocations: %s", exc)).run()
        # Who can come, shown before saving: the mediator's refusal must not appear only after the booking.
        self.mediatorPreviewLabel = QLabel()
        self.mediatorPreviewLabel.setObjectName("mediatorPreviewLabel")
        self.mediatorPreviewLabel.setWordWrap(True)
        self.ui.mediatorLayout.addRow(self.mediatorPreviewLabel)
        for signal in (self.ui.mediatorBox.toggled, self.ui.slotCombo.currentIndexChanged,
                       self.ui.modeCombo.currentIndexChanged, self.ui.languageCombo.currentIndexChanged,
                       self.ui.mediatorCombo.currentIndexChanged):
            signal.connect(lambda *_: self.preview_mediators())
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

    def _procedures_loaded(self, procedures: list[ProcedureView]) -> None:
        for procedure in procedures:
            self.convocationCombo.addItem(f"{procedure.code} · {procedure.name}", procedure.code)

    def preview_mediators(self) -> None:
        """Read who could come for the chosen slot, language and mode, and say it (nothing is booked)."""
        language, starts_at = self.language(), self.chosen_start()
        if not self.ui.mediatorBox.isChecked() or language is None or starts_at is None \
                or not self.session.actor.can("book_mediators"):
            self.mediatorPreviewLabel.clear()
            return
        slot = self.ui.slotCombo.currentIndex()
        ends_at = self._slot_ends.get(starts_at.isoformat()) if slot >= 0 else None
        if ends_at is None:
            self.mediatorPreviewLabel.clear()
            return
        mode = self.ui.modeCombo.currentData() or "in_person"
        mediators, actor = self.session.core.mediators, self.session.actor
        Operation(self, lambda: mediators.who_is_free(actor, language, starts_at, ends_at, mode),
                  self.runtime.operations).coalesce("preview").success(self._show_preview) \
            .failure(lambda exc: self.mediatorPreviewLabel.setText(exc.message(self.session.language))).run()

    def _show_preview(self, found: list[MediatorFreeView]) -> None:
        if self.runtime.operations.waiting(self, "preview"):
            return  # the choice changed meanwhile: the newer read says it
        wanted = self.ui.mediatorCombo.currentData()
        shown = [m for m in found if wanted is None or m.code == wanted]
        free = [m for m in shown if m.free]
        self.preview = found
        if free:
            self.mediatorPreviewLabel.setStyleSheet(_DONE)
            self.mediatorPreviewLabel.setText(self.tr("Free then: %1.").replace(
                "%1", ", ".join(f"{m.display_name} ({m.code})" for m in free)))
        else:
            reasons = " ".join(m.refusal.message(self.session.language) for m in shown if m.refusal is not None)
            self.mediatorPreviewLabel.setStyleSheet(_REFUSED)
            self.mediatorPreviewLabel.setText(self.tr("No mediator can come then. %1").replace(
                "%1", reasons or self.tr("Nobody on the roster speaks this language.")))

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
        self._slot_ends = {slot.starts_at.isoformat(): slot.ends_at for slot in day_slots.slots}
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
        procedure = self.convocationCombo.currentData()
        convocations = self.session.core.convocations

        def work() -> BookingOutcome:
            if procedure:  # the office summons the person: a convocation, its first attempt "sent"
                convocation = convocations.convoke(actor, service_code, starts_at, procedure_code=procedure,
                                                   practice_number=practice, person_name=name, language=language,
                                                   needs_mediator=needs)
                appointment = appointments.get(actor, convocation.appointment_id)
            else:
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
        self.convocationCombo.setCurrentIndex(0)
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


# -- the mediator of a ticket at the counter ---------------------------------------------------------------------
@dataclass(frozen=True)
class TicketMediatorState:
    """One read of the mediator dialog: the bookings that can serve the ticket, and who works in its language."""

    bookings: list[MediatorBookingView]
    roster: list[MediatorView]
    held: WaitingForMediator | None


class TicketMediatorDialog(QDialog):
    """Ctrl+M at the counter: a ticket that needs a mediator, why it is held, and the three ways on.

    * **Book** a mediator (in person, by phone or by video; a named one or the best free one) for the ticket
      from now; the core checks language, availability and double booking and says why not.
    * **Mark present** the booked mediator who has arrived (a remote one: when they are on the line).
    * **Override** the hold with a reason (the user brought someone, or needs no one after all); the core
      records who, when and why in the audit log.

    Whatever is done, the core publishes it on the change feed, so the ticket becomes callable on every
    desk at once; this dialog re-reads on each mediator change (:meth:`reload`). Every control has a key
    (Alt + the underlined letter); Esc closes.

    Signals:
        done_action(str): something was done; the sentence says what (the workspace shows it).
        reloaded(): the bookings list and the held state show a fresh read (tests wait on it).

    Attributes:
        ticket: the ticket shown.
        state: the last read.
    """

    done_action = Signal(str)
    reloaded = Signal()

    def __init__(self, session: DeskSession, runtime: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import (
            QComboBox,
            QFormLayout,
            QHBoxLayout,
            QLabel,
            QLineEdit,
            QListWidget,
            QPushButton,
            QVBoxLayout,
        )

        self.session, self.runtime = session, runtime
        self.ticket: TicketView | None = None
        self.state: TicketMediatorState | None = None
        self._busy = False
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.infoLabel = QLabel()
        self.infoLabel.setWordWrap(True)
        font = self.infoLabel.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.infoLabel.setFont(font)
        layout.addWidget(self.infoLabel)
        self.bookingsLabel = QLabel(self.tr("Booked &mediators for this ticket today:"))
        self.bookingsList = QListWidget()
        self.bookingsLabel.setBuddy(self.bookingsList)
        self.bookingsList.setMaximumHeight(110)
        layout.addWidget(self.bookingsLabel)
        layout.addWidget(self.bookingsList)
        self.presentButton = QPushButton(self.tr("Mark &present"))
        layout.addWidget(self.presentButton)

        form = QFormLayout()
        self.modeCombo = QComboBox()
        for code in MODE_LABELS:
            self.modeCombo.addItem(staff_label(MODE_LABELS, code), code)
        self.whoCombo = QComboBox()
        mode_label, who_label = QLabel(self.tr("Mo&de:")), QLabel(self.tr("&Who:"))
        mode_label.setBuddy(self.modeCombo)
        who_label.setBuddy(self.whoCombo)
        form.addRow(mode_label, self.modeCombo)
        form.addRow(who_label, self.whoCombo)
        layout.addLayout(form)
        self.bookButton = QPushButton(self.tr("&Book a mediator from now"))
        layout.addWidget(self.bookButton)

        reason_row = QHBoxLayout()
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setMaxLength(OVERRIDE_REASON_MAX)
        self.reasonEdit.setPlaceholderText(self.tr("e.g. the user came with a relative who translates"))
        reason_label = QLabel(self.tr("&Reason to call without a mediator:"))
        reason_label.setBuddy(self.reasonEdit)
        self.reasonCounter = QLabel()
        reason_row.addWidget(self.reasonEdit, 1)
        reason_row.addWidget(self.reasonCounter)
        layout.addWidget(reason_label)
        layout.addLayout(reason_row)
        self.overrideButton = QPushButton(self.tr("&Override the hold"))
        layout.addWidget(self.overrideButton)
        self.resultLabel = QLabel()
        self.resultLabel.setWordWrap(True)
        layout.addWidget(self.resultLabel)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        layout.addWidget(close)
        for button in (self.presentButton, self.bookButton, self.overrideButton, close):
            button.setAutoDefault(False)  # Enter in the reason field must not book or mark anyone

        self.presentButton.clicked.connect(self.mark_present)
        self.bookButton.clicked.connect(self.book)
        self.overrideButton.clicked.connect(self.override)
        self.reasonEdit.returnPressed.connect(self.override)
        self.reasonEdit.textChanged.connect(self._update_buttons)
        self.bookingsList.currentRowChanged.connect(lambda *_: self._update_buttons())
        runtime.online_changed.connect(lambda *_: self._update_buttons())

    # -- showing -------------------------------------------------------------------------------------------------
    def show_ticket(self, ticket: TicketView, held: WaitingForMediator | None) -> None:
        """Show ``ticket`` (with why the gate holds it, when it does) and read its bookings."""
        from desk_app.gui.appointments import bring_forward

        if self.ticket is None or self.ticket.id != ticket.id:
            self.reasonEdit.clear()
            self.resultLabel.clear()
            self.bookingsList.clear()
            self.state = None
        self.ticket = ticket
        self.setWindowTitle(self.tr("Mediator for ticket %1").replace("%1", ticket.number))
        self._show_info(held)
        self._update_buttons()
        bring_forward(self)
        self.modeCombo.setFocus()
        self.reload()

    def _show_info(self, held: WaitingForMediator | None) -> None:
        from desk_app.gui.labels import HELD_REASON_LABELS, LANGUAGE_LABELS

        ticket = self.ticket
        assert ticket is not None
        language = staff_label(LANGUAGE_LABELS, ticket.language) if ticket.language else self.tr("no language")
        parts = [ticket.number, ticket.service_name, self.tr("needs a mediator for %1").replace("%1", language)]
        if held is not None:
            why = staff_label(HELD_REASON_LABELS, held.reason)
            if held.next_booking_at is not None:
                why += " " + self.tr("(from %1)").replace("%1", wall_clock(held.next_booking_at,
                                                                           self.session.office.timezone))
            parts.append(self.tr("HELD: %1").replace("%1", why))
        else:
            parts.append(self.tr("callable"))
        self.infoLabel.setText(" · ".join(parts))

    def read_state(self, ticket_id: int, language: str | None) -> TicketMediatorState:
        """The ticket's bookings and the roster of its language (runs on the worker thread)."""
        mediators, actor = self.session.core.mediators, self.session.actor
        held = next((h for h in mediators.waiting_for_mediator(actor, self.session.desk_code or None)
                     if h.ticket_id == ticket_id), None)
        return TicketMediatorState(mediators.ticket_bookings(actor, ticket_id),
                                   mediators.roster(actor, language) if language else [], held)

    def reload(self) -> None:
        """Read the ticket's bookings again (after an action here, or a mediator change on the feed)."""
        if self.ticket is None or not self.isVisible():
            return
        ticket_id, language = self.ticket.id, self.ticket.language
        Operation(self, lambda: self.read_state(ticket_id, language), self.runtime.operations) \
            .coalesce("mediator").success(self._apply).failure(self._refused).run()

    def _apply(self, state: TicketMediatorState) -> None:
        self.state = state
        if self.ticket is not None:
            self._show_info(state.held)  # why it is held now (booked, present, overridden since)
        row = max(self.bookingsList.currentRow(), 0)
        self.bookingsList.clear()
        tz = self.session.office.timezone
        for view in state.bookings:
            entry = view.entry
            status = self.tr("present") if entry.present else staff_label(_BOOKING_STATUS, entry.status)
            kind = self.tr("for this ticket") if view.ticket_number else self.tr("shift")
            self.bookingsList.addItem(
                f"{wall_clock(entry.starts_at, tz)}-{wall_clock(entry.ends_at, tz)} · {view.mediator_name} · "
                f"{staff_label(MODE_LABELS, entry.mode)} · {kind} · {status}")
        if state.bookings:
            first_absent = next((i for i, v in enumerate(state.bookings) if not v.entry.present), row)
            self.bookingsList.setCurrentRow(min(first_absent, len(state.bookings) - 1))
        keep = self.whoCombo.currentData()
        self.whoCombo.clear()
        self.whoCombo.addItem(self.tr("The first free mediator (best level)"), None)
        language = self.ticket.language if self.ticket is not None else None
        for mediator in state.roster:
            level = dict(mediator.languages).get(language or "")
            self.whoCombo.addItem(self.tr("%1 · %2 (level %3)").replace("%1", mediator.code)
                                  .replace("%2", mediator.display_name).replace("%3", str(level)), mediator.code)
        index = self.whoCombo.findData(keep) if keep else 0
        self.whoCombo.setCurrentIndex(max(index, 0))
        self._update_buttons()
        self.reloaded.emit()

    # -- acting --------------------------------------------------------------------------------------------------
    def selected_booking(self) -> MediatorBookingView | None:
        row = self.bookingsList.currentRow()
        if self.state is None or not 0 <= row < len(self.state.bookings):
            return None
        return self.state.bookings[row]

    def _run(self, work: Callable[[], str]) -> None:
        if self._busy or self.ticket is None:
            return
        Operation(self, work, self.runtime.operations).success(self._done).failure(self._refused) \
            .busy(self._set_busy).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _done(self, text: str) -> None:
        self.resultLabel.setStyleSheet(_DONE)
        self.resultLabel.setText(text)
        self.done_action.emit(text)
        self.reload()

    def _refused(self, exc: DeskError) -> None:
        if not is_connection_error(exc):  # the banner says that one
            self.resultLabel.setStyleSheet(_REFUSED)
            self.resultLabel.setText(exc.message(self.session.language))

    def book(self) -> None:
        """Book a mediator for the ticket from now (the core's default length), in the chosen mode."""
        assert self.ticket is not None
        mediators, actor, desk = self.session.core.mediators, self.session.actor, self.session.desk_code or None
        ticket_id, number = self.ticket.id, self.ticket.number
        mode, who = self.modeCombo.currentData() or "in_person", self.whoCombo.currentData()

        def work() -> str:
            booking = mediators.book(actor, mode=mode, desk_code=desk, mediator_code=who, ticket=ticket_id)
            return self.tr("Mediator %1 booked for %2 (%3).").replace("%1", booking.mediator_name) \
                .replace("%2", number).replace("%3", staff_label(MODE_LABELS, booking.entry.mode))

        self._run(work)

    def mark_present(self) -> None:
        """The selected booked mediator is here (or on the line): the ticket becomes callable."""
        booking = self.selected_booking()
        if booking is None or self.ticket is None:
            return
        mediators, actor, number = self.session.core.mediators, self.session.actor, self.ticket.number

        def work() -> str:
            mediators.mark_present(actor, booking.entry.id)
            return self.tr("%1 is present: ticket %2 can be called.").replace("%1", booking.mediator_name) \
                .replace("%2", number)

        self._run(work)

    def override(self) -> None:
        """Call the ticket without a mediator, for the reason typed (the core audits who, when and why)."""
        if self.ticket is None:
            return
        reason = self.reasonEdit.text()
        if not reason.strip():
            self.resultLabel.setStyleSheet(_REFUSED)
            self.resultLabel.setText(self.tr("Write the reason to call without a mediator first."))
            self.reasonEdit.setFocus()
            return
        mediators, actor, ticket_id, number = self.session.core.mediators, self.session.actor, self.ticket.id, \
            self.ticket.number

        def work() -> str:
            mediators.override(actor, ticket_id, reason)
            return self.tr("Hold overridden: ticket %1 can be called without a mediator.").replace("%1", number)

        self._run(work)

    def _update_buttons(self) -> None:
        ready = self.runtime.online and not self._busy and self.ticket is not None
        booking = self.selected_booking()
        self.presentButton.setEnabled(ready and booking is not None and not booking.entry.present)
        self.bookButton.setEnabled(ready and bool(self.ticket and self.ticket.language))
        self.overrideButton.setEnabled(ready)
        self.reasonCounter.setText(f"{len(self.reasonEdit.text())}/{OVERRIDE_REASON_MAX}")


#: The longest override reason the core takes (:meth:`MediatorService.override`).
OVERRIDE_REASON_MAX = 200
_BOOKING_STATUS: dict[str, str] = {
    "booked": QT_TRANSLATE_NOOP("Labels", "booked"),
    "confirmed": QT_TRANSLATE_NOOP("Labels", "confirmed"),
}
