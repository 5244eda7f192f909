"""Appointment day view, booking dialog and the mediator's own agenda, on SQLite and PostgreSQL.

The windows and the core share a manual clock set to Tuesday 1 December 2026, 08:50 in Lodi; RF takes
appointments Monday to Friday 09:00-12:00 in 20-minute slots of 2 places, on time 15 minutes either side.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.schedule import at_local
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.errors import ConflictError, ValidationError
from desk_app.gui.booking_models import AgendaTableModel, AppointmentTableModel, SlotTableModel

from .conftest import WAIT_MS, settle

TZ = "Europe/Rome"
TODAY = date(2026, 12, 1)  # a Tuesday
WEDNESDAY = TODAY + timedelta(days=1)


def at(day: date, hh_mm: str) -> datetime:
    hour, minute = hh_mm.split(":")
    return at_local(day, time(int(hour), int(minute)), TZ)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.combine(TODAY, time(8, 50), tzinfo=zone(TZ)))


@pytest.fixture
def calendar(services: CoreServices, staff: dict[str, Actor]) -> None:
    services.appointments.set_calendar(staff["supervisor"], "RF", hours="mon-fri 09:00-12:00", slot_minutes=20,
                                       capacity=2, early_minutes=15, late_minutes=15)


@pytest.fixture
def roster(services: CoreServices, staff: dict[str, Actor], calendar: None) -> None:
    """AR1 (Arabic, login ``mediator``): in person Mon-Fri 09:00-13:00, by phone Tue 14:00-16:00. AR2: no login."""
    supervisor = staff["supervisor"]
    services.mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4}, username="mediator")
    services.mediators.set_availability(supervisor, "AR1", "mon-fri 09:00-13:00 in_person; tue 14:00-16:00 phone")
    services.mediators.add_mediator(supervisor, "AR2", "Youssef", {"ar": 2})
    services.mediators.set_availability(supervisor, "AR2", "mon-fri 09:00-13:00 in_person")


def _audited(services: CoreServices, action: str) -> int:
    return services.db.read(lambda s: s.execute(
        select(func.count(AuditEvent.id)).where(AuditEvent.action == action)).scalar_one())


def _column(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _open_day_view(qtbot: QtBot, desk: Any) -> Any:
    desk.window.appointments_action.trigger()
    view = desk.window.appointments
    assert view is not None and view.isVisible()
    settle(qtbot, desk)
    return view


def _select(view: Any, name: str) -> None:
    row = _column(view.appointments_model, AppointmentTableModel.NAME).index(name)
    view.ui.appointmentsView.selectRow(row)


# -- the day view ------------------------------------------------------------------------------------------------
def test_day_view_shows_slots_and_names_and_follows_the_feed(qtbot: QtBot, qtmodeltester: Any, open_desk: Any,
                                                            log_in: Any, clock: ManualClock,
                                                            services: CoreServices, staff: dict[str, Actor],
                                                            calendar: None) -> None:
    book = services.appointments.book
    amina = book(staff["clerk2"], "RF", at(TODAY, "09:00"), person_name="Amina Haddad",
                 practice_number="LO/RF/2026/0187", language="ar", needs_mediator=True)
    book(staff["clerk2"], "RF", at(TODAY, "09:00"), person_name="Mario Rossi")
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    before = _audited(services, "appointment.day")
    view = _open_day_view(qtbot, desk)

    slots, appointments = view.slots_model, view.appointments_model
    qtmodeltester.check(slots)
    qtmodeltester.check(appointments)
    assert slots.rowCount() == 9  # 09:00-12:00 in 20 minutes
    assert [slots.index(0, c).data() for c in range(4)] == ["09:00-09:20", 2, 2, 0]
    assert slots.index(0, SlotTableModel.FREE).data(Qt.ItemDataRole.BackgroundRole) is not None  # full: red
    assert _column(appointments, AppointmentTableModel.NAME) == ["Amina Haddad", "Mario Rossi"]
    assert appointments.index(0, AppointmentTableModel.PRACTICE).data() == "LO/RF/2026/0187"
    assert appointments.index(0, AppointmentTableModel.STATUS).data() == "prenotato"
    assert appointments.index(0, AppointmentTableModel.MEDIATOR).data() == "Arabo · da prenotare"
    assert appointments.index(1, AppointmentTableModel.MEDIATOR).data() == ""
    assert _audited(services, "appointment.day") == before + 1  # the names were read once, audited

    # Another desk books: the feed brings it in, and only then are names read again.
    with qtbot.waitSignal(view.refreshed, timeout=WAIT_MS):
        book(staff["clerk2"], "RF", at(TODAY, "10:20"), person_name="Li Wei", language="zh")
    qtbot.waitUntil(lambda: appointments.rowCount() == 3, timeout=WAIT_MS)
    settle(qtbot, desk)
    assert _column(appointments, AppointmentTableModel.NAME)[-1] == "Li Wei"
    assert _audited(services, "appointment.day") == before + 2
    # A change of status only: the refresh reads no names.
    with qtbot.waitSignal(view.refreshed, timeout=WAIT_MS):
        services.appointments.cancel(staff["clerk2"], _appointment_id(services, staff, "Li Wei"), "rinuncia")
    settle(qtbot, desk)
    assert appointments.index(2, AppointmentTableModel.STATUS).data() == "annullato"
    assert _column(appointments, AppointmentTableModel.NAME)[2] == "Li Wei"  # kept from the first read
    assert _audited(services, "appointment.day") == before + 2
    assert view.ui.dayInfoLabel.text() == "2 appuntamenti, 16 posti liberi"  # 9 slots x 2, 2 taken

    # Check-in at 08:50 for 09:00: within the 15 minutes, so the ticket keeps appointment priority.
    _select(view, "Amina Haddad")
    assert view.ui.checkInButton.isEnabled()
    with qtbot.waitSignal(view.checked_in, timeout=WAIT_MS) as checked:
        view.ui.checkInButton.click()
    settle(qtbot, desk)
    assert checked.args[0].appointment.id == amina.id
    # the test desk has no ticket printer: the ticket went to a PDF file, and the clerk is told which
    assert view.ui.resultLabel.text() == ("Biglietto R001: in orario, priorità appuntamento. — salvato in PDF: "
                                          "ticket-R001.pdf")
    assert [p.name for p in desk.printer.written] == ["ticket-R001.pdf"]
    tickets = services.queue.tickets(staff["clerk"])
    assert [(t.number, t.priority, t.language, t.needs_mediator) for t in tickets] == [
        ("R001", "appointment", "ar", True)]
    assert appointments.index(0, AppointmentTableModel.STATUS).data() == "arrivato (in orario)"
    assert appointments.index(0, AppointmentTableModel.TICKET).data() == "R001"
    assert not view.ui.checkInButton.isEnabled()  # already checked in

    # 09:40: Mario Rossi's window (09:00 + 15) has passed.
    clock.set(at(TODAY, "09:40"))
    view.ui.noShowButton.click()
    settle(qtbot, desk)
    assert view.ui.resultLabel.text() == "1 appuntamento segnato come assente."
    assert appointments.index(1, AppointmentTableModel.STATUS).data() == "assente"
    qtmodeltester.check(appointments)

    # Locking hides the names: the window is gone.
    desk.window.lock_action.trigger()
    assert desk.window.appointments is None


def _appointment_id(services: CoreServices, staff: dict[str, Actor], name: str) -> int:
    return next(a.id for a in services.appointments.search(staff["supervisor"], name))


def test_check_in_refusal_and_late_arrival(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                           services: CoreServices, staff: dict[str, Actor],
                                           calendar: None) -> None:
    services.appointments.book(staff["clerk2"], "RF", at(TODAY, "09:00"), person_name="Amina Haddad")
    omar = services.appointments.book(staff["clerk2"], "RF", at(TODAY, "09:40"), person_name="Omar Said")
    services.appointments.book(staff["clerk2"], "RF", at(WEDNESDAY, "09:00"), person_name="Ion Popescu")
    clock.set(at(TODAY, "09:25"))  # ten minutes past the on-time window
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    view = _open_day_view(qtbot, desk)
    _select(view, "Amina Haddad")
    view.ui.checkInButton.click()
    settle(qtbot, desk)
    assert view.ui.resultLabel.text() == ("Biglietto R001: arrivato in ritardo, coda ordinaria. — salvato in PDF: "
                                          "ticket-R001.pdf")
    assert services.queue.tickets(staff["clerk"])[0].priority == "ordinary"

    # Another desk checks Omar in while this view still shows him booked: the core refuses, and says why.
    _select(view, "Omar Said")
    services.appointments.check_in(staff["clerk2"], omar.id)
    view.ui.checkInButton.click()
    settle(qtbot, desk)
    assert desk.warnings() == [ConflictError("appointment_wrong_state", id=omar.id, status="checked_in",
                                             action="check_in").message("it")]
    assert [p.name for p in desk.printer.written] == ["ticket-R001.pdf"]  # nothing printed for the refusal

    view.ui.nextDayButton.click()
    settle(qtbot, desk)
    assert _column(view.appointments_model, AppointmentTableModel.NAME) == ["Ion Popescu"]
    _select(view, "Ion Popescu")
    assert not view.ui.checkInButton.isEnabled()  # not today's


def test_service_without_calendar_says_so(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                          staff: dict[str, Actor], calendar: None) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    view = _open_day_view(qtbot, desk)
    view.set_service("LAV")
    settle(qtbot, desk)
    assert view.ui.dayInfoLabel.text() == "Il servizio LAV non ha un calendario appuntamenti."
    assert view.slots_model.rowCount() == 0


# -- the booking dialog ------------------------------------------------------------------------------------------
def _open_booking(qtbot: QtBot, desk: Any) -> Any:
    desk.window.booking_action.trigger()
    dialog = desk.window.appointments.booking
    assert dialog is not None and dialog.isVisible()
    settle(qtbot, desk)
    return dialog


def _choose_slot(dialog: Any, hh_mm: str) -> None:
    index = dialog.slot_index(at(TODAY, hh_mm))
    assert index >= 0, f"{hh_mm} is not offered"
    dialog.ui.slotCombo.setCurrentIndex(index)


def _fill(dialog: Any, name: str, practice: str = "", language: str | None = None) -> None:
    dialog.ui.nameEdit.setText(name)
    dialog.ui.practiceEdit.setText(practice)
    dialog.set_language(language)


def test_booking_dialog_books_and_explains_each_conflict(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                         clock: ManualClock, services: CoreServices,
                                                         staff: dict[str, Actor], calendar: None) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    dialog = _open_booking(qtbot, desk)
    assert dialog.service_code() == "RF"  # only the services that take appointments are offered
    assert dialog.ui.serviceCombo.count() == 1
    assert dialog.ui.slotCombo.count() == 9
    assert dialog.ui.slotCombo.itemText(0) == "09:00-09:20 · 2 liberi su 2"

    _choose_slot(dialog, "09:20")
    _fill(dialog, "Fatima Zahra", "lo/rf/2026/0200", "ar")
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert dialog.ui.messageLabel.text() == "Prenotato: RF il 01/12/2026 alle 09:20."
    booked = services.appointments.search(staff["supervisor"], "Fatima")
    assert [(a.practice_number, a.language, a.starts_at) for a in booked] == [
        ("LO/RF/2026/0200", "ar", at(TODAY, "09:20"))]
    assert dialog.ui.nameEdit.text() == ""  # ready for the next person
    assert dialog.ui.slotCombo.itemText(1) == "09:20-09:40 · 1 libero su 2"
    qtbot.waitUntil(lambda: desk.window.appointments.appointments_model.rowCount() == 1, timeout=WAIT_MS)

    # The same person again: the core names the appointment she already holds.
    _choose_slot(dialog, "10:00")
    _fill(dialog, "fatima  ZAHRA", "LO/RF/2026/0200")
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert dialog.ui.messageLabel.text() == ConflictError(
        "person_has_appointment", service="RF", day="2026-12-01", time="09:20").message("it")
    assert dialog.ui.nameEdit.text() == "fatima  ZAHRA"  # nothing typed is lost

    # The slot fills up at another desk after the list was read.
    _choose_slot(dialog, "10:00")
    for name in ("Uno", "Due"):
        services.appointments.book(staff["clerk2"], "RF", at(TODAY, "10:00"), person_name=name)
    _fill(dialog, "Karim Benali")
    dialog.ui.bookButton.click()  # before the change feed reaches this window: the click races the other desk
    settle(qtbot, desk)
    assert dialog.ui.messageLabel.text() == ConflictError("slot_full", service="RF", day="2026-12-01",
                                                          time="10:00", capacity=2).message("it")
    qtbot.waitUntil(lambda: dialog.slot_index(at(TODAY, "10:00")) < 0, timeout=WAIT_MS)

    # Bad input: the core's sentence.
    _choose_slot(dialog, "10:20")
    _fill(dialog, "   ")
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert dialog.ui.messageLabel.text() == ValidationError("required", field="person_name").message("it")
    # A pasted practice number longer than the limit is kept whole and refused, never cut to 40 and booked.
    _fill(dialog, "Karim Benali", "LO/RF/2026/" + "9" * 44)
    assert len(dialog.ui.practiceEdit.text()) == 55
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert dialog.ui.messageLabel.text() == ValidationError("too_long", field="practice_number",
                                                            max=40).message("it")
    assert services.appointments.search(staff["supervisor"], "Karim") == []
    _fill(dialog, "K" * 500)  # a name likewise (its limit is 120)
    assert len(dialog.ui.nameEdit.text()) == 500
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert dialog.ui.messageLabel.text() == ValidationError("too_long", field="person_name", max=120).message("it")

    # A closure decided after the list was read.
    services.appointments.add_closure(staff["supervisor"], TODAY, "assemblea sindacale", "RF")
    _fill(dialog, "Karim Benali")
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert dialog.ui.messageLabel.text() == "RF è chiuso il 01/12/2026: assemblea sindacale"  # as screens write days
    qtbot.waitUntil(lambda: dialog.ui.slotCombo.count() == 0, timeout=WAIT_MS)
    assert dialog.ui.slotsInfoLabel.text() == "Chiuso agli appuntamenti: assemblea sindacale"
    assert not dialog.ui.bookButton.isEnabled()


def test_booking_with_a_mediator_and_why_one_cannot_come(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                         clock: ManualClock, services: CoreServices,
                                                         staff: dict[str, Actor], roster: None) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    dialog = _open_booking(qtbot, desk)

    _choose_slot(dialog, "09:20")
    _fill(dialog, "Amina Haddad", language="ar")
    dialog.ui.mediatorBox.setChecked(True)
    settle(qtbot, desk)
    assert dialog.ui.needsMediatorCheck.isChecked()
    assert [dialog.ui.mediatorCombo.itemData(i) for i in range(dialog.ui.mediatorCombo.count())] == [
        None, "AR1", "AR2"]  # the first free, then by level
    dialog.ui.mediatorCombo.setCurrentIndex(1)
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert dialog.ui.mediatorMessageLabel.text() == "Mediatore Samira prenotato (In presenza)."
    agenda = services.mediators.agenda(staff["clerk"], "AR1", TODAY, TODAY)
    assert [(b.entry.language, b.entry.mode, b.entry.desk_code, b.entry.starts_at) for b in agenda] == [
        ("ar", "in_person", "D1", at(TODAY, "09:20"))]

    # Same slot, same mediator: busy. The appointment is booked all the same; the dialog says why not the mediator.
    _choose_slot(dialog, "09:20")
    _fill(dialog, "Omar Said", language="ar")
    dialog.ui.mediatorBox.setChecked(True)
    settle(qtbot, desk)
    dialog.ui.mediatorCombo.setCurrentIndex(dialog.ui.mediatorCombo.findData("AR1"))
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    busy = ConflictError("mediator_busy", mediator="AR1", day="2026-12-01", start="09:20", end="09:40").message("it")
    assert busy in dialog.ui.mediatorMessageLabel.text()
    assert dialog.pending is not None and dialog.pending.needs_mediator
    assert dialog.ui.bookButton.text() == "Prenota il &mediatore"
    assert not dialog.ui.personBox.isEnabled()
    assert [a.person_name for a in services.appointments.search(staff["supervisor"], "Omar")] == ["Omar Said"]

    # Whoever is free, in person: AR2.
    dialog.ui.mediatorCombo.setCurrentIndex(0)
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert dialog.ui.mediatorMessageLabel.text() == "Mediatore Youssef prenotato (In presenza)."
    assert dialog.pending is None and dialog.ui.personBox.isEnabled()
    view = desk.window.appointments
    qtbot.waitUntil(lambda: _column(view.appointments_model, AppointmentTableModel.MEDIATOR) == [
        "Arabo · prenotato", "Arabo · prenotato"], timeout=WAIT_MS)

    # By video at 10:00: outside AR1's availability, and the message lists that day's windows.
    _choose_slot(dialog, "10:00")
    _fill(dialog, "Nour Khalil", language="ar")
    dialog.ui.mediatorBox.setChecked(True)
    settle(qtbot, desk)
    dialog.ui.mediatorCombo.setCurrentIndex(dialog.ui.mediatorCombo.findData("AR1"))
    dialog.ui.modeCombo.setCurrentIndex(dialog.ui.modeCombo.findData("video"))
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    assert ConflictError("mediator_unavailable", mediator="AR1", day="2026-12-01", start="10:00", end="10:20",
                         mode="video", windows=(("09:00", "13:00", "in_person"), ("14:00", "16:00", "phone"))
                         ).message("it") \
        in dialog.ui.mediatorMessageLabel.text()
    said = dialog.ui.mediatorMessageLabel.text()  # the modes as the clerk reads them (issue 10)
    assert "09:00-13:00 in presenza, 14:00-16:00 per telefono" in said and "(in video)" in said
    assert "in_person" not in said
    assert dialog.ui.newButton.isVisible()
    dialog.ui.newButton.click()  # leave it: the appointment stays booked, flagged "to book" in the day view
    assert dialog.pending is None and dialog.ui.nameEdit.text() == "" and not dialog.ui.mediatorBox.isChecked()
    qtbot.waitUntil(lambda: _column(view.appointments_model, AppointmentTableModel.MEDIATOR)[-1]
                    == "Arabo · da prenotare", timeout=WAIT_MS)


# -- the mediator's agenda ---------------------------------------------------------------------------------------
def test_mediator_agenda_confirm_decline_export(qtbot: QtBot, qtmodeltester: Any, open_desk: Any, log_in: Any,
                                                clock: ManualClock, services: CoreServices,
                                                staff: dict[str, Actor], roster: None, tmp_path: Path) -> None:
    clerk = staff["clerk"]
    appointment = services.appointments.book(clerk, "RF", at(TODAY, "09:20"), person_name="Amina Haddad",
                                             practice_number="LO/RF/2026/0187", language="ar", needs_mediator=True)
    first = services.mediators.book(clerk, mode="in_person", desk_code="D2", mediator_code="AR1",
                                    appointment_id=appointment.id)
    second = services.mediators.book(clerk, "ar", at(WEDNESDAY, "10:00"), at(WEDNESDAY, "11:00"),
                                     mediator_code="AR1", desk_code="D1")
    services.mediators.book(clerk, "ar", at(TODAY, "10:00"), at(TODAY, "11:00"), mediator_code="AR2")  # not theirs

    desk = open_desk("D1", clock=clock)
    desk.dialogs.save_folder = tmp_path
    log_in(desk, "mediator")
    agenda = desk.window.agenda
    assert desk.window.workspace is None and agenda is not None
    model = agenda.model
    qtmodeltester.check(model)
    assert agenda.date_range() == (date(2026, 11, 30), date(2026, 12, 6))  # the week, Monday to Sunday
    assert _column(model, AgendaTableModel.TIME) == ["09:20-09:40", "10:00-11:00"]
    assert [model.index(0, c).data() for c in range(6)] == [
        "01/12/2026", "09:20-09:40", "Arabo", "In presenza", "Sportello 2", "prenotato"]
    cells = " ".join(str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(6))
    assert "Amina" not in cells and "0187" not in cells  # never the user or the case
    assert desk.window.who_label.text() == "Mediator (mediatore)"  # no desk

    agenda.set_span(1)
    settle(qtbot, desk)
    assert model.rowCount() == 1

    agenda.ui.agendaView.selectRow(0)
    assert agenda.ui.confirmButton.isEnabled() and not agenda.ui.declineButton.isEnabled()  # no reason yet
    agenda.ui.confirmButton.click()
    settle(qtbot, desk)
    assert model.index(0, AgendaTableModel.STATUS).data() == "confermato"
    assert services.mediators.agenda(clerk, "AR1", TODAY, TODAY)[0].entry.status == "confirmed"
    assert agenda.ui.messageLabel.text() == "Prenotazione confermata."

    agenda.ui.nextButton.click()  # Wednesday
    settle(qtbot, desk)
    agenda.ui.agendaView.selectRow(0)
    agenda.ui.reasonEdit.setText("visita medica")
    with qtbot.waitSignal(agenda.answered, timeout=WAIT_MS):
        agenda.ui.declineButton.click()
    settle(qtbot, desk)
    declined = services.mediators.agenda(clerk, "AR1", WEDNESDAY, WEDNESDAY)[0]
    assert (declined.entry.id, declined.entry.status, declined.decline_reason) == (second.entry.id, "declined",
                                                                                   "visita medica")
    assert model.index(0, AgendaTableModel.STATUS).data() == "rifiutato"
    assert agenda.ui.reasonEdit.text() == ""

    # A desk books the mediator meanwhile: the agenda follows the change feed.
    with qtbot.waitSignal(agenda.refreshed, timeout=WAIT_MS):
        services.mediators.book(clerk, "ar", at(WEDNESDAY, "12:00"), at(WEDNESDAY, "12:30"), mediator_code="AR1")
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=WAIT_MS)

    agenda.set_span(7)
    settle(qtbot, desk)
    with qtbot.waitSignal(agenda.exported, timeout=WAIT_MS) as exported:
        agenda.ui.exportButton.click()
    settle(qtbot, desk)
    path = exported.args[0].path
    assert path == tmp_path / "mediazione-2026-11-30-2026-12-06.ics"
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events) == 3
    starts = sorted(event.decoded("dtstart") for event in events)
    assert starts[0] == at(TODAY, "09:20") and starts[0].astimezone(zone(TZ)).hour == 9
    assert str(starts[0].tzinfo) == TZ
    assert {str(event.get("status")) for event in events} == {"CONFIRMED", "CANCELLED", "TENTATIVE"}
    assert b"Amina" not in path.read_bytes()
    assert agenda.ui.messageLabel.text() == f"3 prenotazioni salvate in {path}"
    assert first.entry.id in {model.row_object(r).id for r in range(model.rowCount())}


def test_mediator_without_roster_entry_is_told(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                               staff: dict[str, Actor]) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "mediator")
    assert desk.window.agenda is not None
    assert desk.window.agenda.ui.messageLabel.text() == \
        "L'utente «mediator» non è collegato a un mediatore dell'elenco."
    assert desk.window.agenda.model.rowCount() == 0
