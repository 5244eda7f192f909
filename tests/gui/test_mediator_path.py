"""The mediator path at the counter, by keyboard alone (issue 10, item 1), on SQLite and PostgreSQL.

A person booked with an Arabic mediator checks in; their ticket is shown as held (why, for which
language) on every desk; the clerk books a mediator for it, marks them present, and the ticket becomes
callable on every desk at once; it is called, served and finished. The other way on, an override with a
reason, is audited by the core. The clock is Tuesday 1 December 2026, 09:30 in Lodi.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.schedule import at_local
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.gui.models import TicketTableModel

from .conftest import WAIT_MS, press, settle

TZ = "Europe/Rome"
ANIMATED_CLICK_MS = 200
TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.combine(TODAY, time(9, 30), tzinfo=zone(TZ)))


@pytest.fixture
def booked(services: CoreServices, staff: dict[str, Actor]) -> None:
    """RF takes appointments; Amina Haddad is booked at 09:40 needing an Arabic mediator (none booked yet);
    AR1 works in person 09:00-13:00."""
    supervisor = staff["supervisor"]
    services.appointments.set_calendar(supervisor, "RF", hours="mon-fri 09:00-12:00", slot_minutes=20,
                                       capacity=2, early_minutes=15, late_minutes=15)
    services.mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4})
    services.mediators.set_availability(supervisor, "AR1", "mon-fri 09:00-13:00 in_person")
    services.appointments.book(staff["clerk2"], "RF", at_local(TODAY, time(9, 40), TZ), person_name="Amina Haddad",
                               language="ar", needs_mediator=True)


def _mediator_cell(workspace: Any, number: str) -> str:
    model = workspace.tickets_model
    row = next(r for r in range(model.rowCount()) if model.index(r, TicketTableModel.NUMBER).data() == number)
    return str(model.index(row, TicketTableModel.MEDIATOR).data())


def _key(qtbot: QtBot, desk: Any, window: Any, key: Qt.Key,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key on ``window`` (made the active window first, as the clerk's focus would be).

    A button's mnemonic (Alt + letter) "animates" the click: Qt presses it for 100 ms before it clicks.
    """
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, key, modifier)
    if modifier == Qt.KeyboardModifier.AltModifier:
        qtbot.wait(ANIMATED_CLICK_MS)
    settle(qtbot, desk)


def test_arabic_with_mediator_from_check_in_to_finish_by_keys(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                              clock: ManualClock, services: CoreServices,
                                                              staff: dict[str, Actor], booked: None) -> None:
    other = open_desk("D2", clock=clock)
    log_in(other, "clerk2")
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    workspace = desk.workspace

    # Ctrl+D: the appointments of the day; the first expected person is selected; Alt+A («&Accetta l'arrivo»)
    # checks her in (the keys are the Italian mnemonics: the staff interface is Italian).
    _key(qtbot, desk, desk.window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    view = desk.window.appointments
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: view.selected_appointment() is not None, timeout=WAIT_MS)
    _key(qtbot, desk, view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert view.last_check_in is not None
    number = view.last_check_in.ticket.number

    # Held, with why and for which language, on both desks; F5 calls nothing and says so on the line.
    held = "trattenuto: nessun mediatore prenotato"
    for clerk_desk in (desk, other):
        qtbot.waitUntil(lambda d=clerk_desk: number in [t.number for t in d.workspace.tickets_model.tickets()]
                        and _mediator_cell(d.workspace, number) == held, timeout=WAIT_MS)
    # F5 from the appointments window (the counter keys live there too): nothing callable.
    _key(qtbot, desk, view, Qt.Key.Key_F5)
    assert workspace.current is None
    assert "mediatore" in workspace.message

    # Ctrl+M: the mediator dialog of the held ticket; it says why and for whom.
    _key(qtbot, desk, desk.window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = workspace.mediator_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=WAIT_MS)
    assert number in dialog.infoLabel.text() and "Arabo" in dialog.infoLabel.text()
    assert "nessun mediatore prenotato" in dialog.infoLabel.text()
    assert not dialog.presentButton.isEnabled()  # nobody booked yet

    # Alt+N («Pre&nota»): book the best free mediator, in person, from now.
    with qtbot.waitSignal(dialog.reloaded, timeout=WAIT_MS):
        _key(qtbot, desk, dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert "Samira" in dialog.resultLabel.text()
    assert [(b.mediator_code, b.entry.mode, b.ticket_number) for b in dialog.state.bookings] == [
        ("AR1", "in_person", number)]
    assert "mediatore non ancora arrivato" in dialog.infoLabel.text()  # the dialog says why it is still held
    # Booked but not here yet: still held, on both desks (in person needs "present").
    for clerk_desk in (desk, other):
        qtbot.waitUntil(lambda d=clerk_desk: _mediator_cell(d.workspace, number)
                        == "trattenuto: mediatore non ancora arrivato", timeout=WAIT_MS)

    # Alt+P («Segna &presente»): the mediator has arrived. The ticket is callable on every desk at once
    # (the change feed).
    _key(qtbot, desk, dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert "presente" in dialog.resultLabel.text()
    qtbot.waitUntil(lambda: "si può chiamare" in dialog.infoLabel.text(), timeout=WAIT_MS)
    for clerk_desk in (desk, other):
        qtbot.waitUntil(lambda d=clerk_desk: _mediator_cell(d.workspace, number) == "sì", timeout=WAIT_MS)
    assert services.mediators.waiting_for_mediator(staff["clerk"], "D2") == []

    _key(qtbot, desk, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    press(qtbot, desk, Qt.Key.Key_F5)
    assert workspace.current is not None and workspace.current.number == number
    press(qtbot, desk, Qt.Key.Key_F4)
    assert workspace.current.status == "serving"
    press(qtbot, desk, Qt.Key.Key_F9)
    assert workspace.current is None
    done = services.queue.tickets(staff["clerk"], statuses=("done",))
    assert [(t.number, t.outcome) for t in done] == [(number, "completed")]


def test_override_the_hold_with_a_reason_is_audited(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                   clock: ManualClock, services: CoreServices,
                                                   staff: dict[str, Actor], booked: None) -> None:
    ticket = services.queue.issue_ticket(staff["clerk2"], "RF", language="ar", needs_mediator=True)
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    workspace = desk.workspace
    qtbot.waitUntil(lambda: _mediator_cell(workspace, ticket.number).startswith("trattenuto"), timeout=WAIT_MS)

    press(qtbot, desk, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = workspace.mediator_dialog
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=WAIT_MS)
    # Alt+S («&Sblocca») without a reason: said, nothing stored.
    _key(qtbot, desk, dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert "motivo" in dialog.resultLabel.text().lower()
    assert services.mediators.waiting_for_mediator(staff["clerk"], "D1") != []
    # Alt+V («Moti&vo») to the reason, type it (the counter follows), Enter overrides.
    _key(qtbot, desk, dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert dialog.reasonEdit.hasFocus()
    qtbot.keyClicks(dialog.reasonEdit, "viene con il figlio che traduce")
    assert dialog.reasonCounter.text() == f"{len('viene con il figlio che traduce')}/200"
    qtbot.keyClick(dialog.reasonEdit, Qt.Key.Key_Return)
    settle(qtbot, desk)
    assert services.mediators.waiting_for_mediator(staff["clerk"], "D1") == []
    events = services.db.read(lambda s: s.execute(
        select(AuditEvent.object_id, AuditEvent.detail).where(AuditEvent.action == "mediator.override")).all())
    assert [(target, detail["reason"]) for target, detail in events] == [
        (ticket.number, "viene con il figlio che traduce")]
    qtbot.waitUntil(lambda: _mediator_cell(workspace, ticket.number) == "sì", timeout=WAIT_MS)
    _key(qtbot, desk, dialog, Qt.Key.Key_Escape)
    press(qtbot, desk, Qt.Key.Key_F5)
    assert workspace.current is not None and workspace.current.number == ticket.number
