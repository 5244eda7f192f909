"""The appointments window doing what the core does (issue 10, item 2): search, move, cancel, and the
mediator who can come shown before saving; window size and splitter remembered. SQLite and PostgreSQL.

The clock is Tuesday 1 December 2026, 08:50 in Lodi; RF takes appointments 09:00-12:00 in 20-minute slots
of 2 places.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.schedule import at_local
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.gui.booking_models import AppointmentTableModel

from .conftest import WAIT_MS, settle

TZ = "Europe/Rome"
TODAY = date(2026, 12, 1)


def at(hh_mm: str) -> datetime:
    hour, minute = hh_mm.split(":")
    return at_local(TODAY, time(int(hour), int(minute)), TZ)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.combine(TODAY, time(8, 50), tzinfo=zone(TZ)))


@pytest.fixture
def day(services: CoreServices, staff: dict[str, Actor]) -> None:
    supervisor = staff["supervisor"]
    services.appointments.set_calendar(supervisor, "RF", hours="mon-fri 09:00-12:00", slot_minutes=20,
                                       capacity=2, early_minutes=15, late_minutes=15)
    services.mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4})
    services.mediators.set_availability(supervisor, "AR1", "mon-fri 09:00-10:00 in_person")
    book = services.appointments.book
    book(staff["clerk2"], "RF", at("09:00"), person_name="Amina Haddad", practice_number="RF/2026/11", language="ar")
    book(staff["clerk2"], "RF", at("09:20"), person_name="Mario Rossi")
    book(staff["clerk2"], "RF", at("09:40"), person_name="Lucia Bianchi", practice_number="RF/2026/12")
    services.convocations.convoke(staff["clerk2"], "RF", at("10:00"), procedure_code="RF-NO",
                                  practice_number="RF/2026/20", person_name="Karim Mansour")


def _names(view: Any) -> list[str]:
    model = view.appointments_model
    return [model.index(r, AppointmentTableModel.NAME).data() for r in range(model.rowCount())]


def _open(qtbot: QtBot, desk: Any) -> Any:
    desk.window.appointments_action.trigger()
    view = desk.window.appointments
    qtbot.waitUntil(lambda: len(_names(view)) == 4, timeout=WAIT_MS)
    return view


def test_search_move_and_cancel(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                services: CoreServices, staff: dict[str, Actor], day: None) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    view = _open(qtbot, desk)

    # Search by practice number, then by a name (case and accents ignored), by keys: Ctrl+F-like buddy, Enter.
    qtbot.keyClicks(view.searchEdit, "rf/2026/12")
    with qtbot.waitSignal(view.refreshed, timeout=WAIT_MS):
        qtbot.keyClick(view.searchEdit, Qt.Key.Key_Return)
    assert _names(view) == ["Lucia Bianchi"] and view.dayViewButton.isVisible()
    view.searchEdit.clear()
    qtbot.keyClicks(view.searchEdit, "haddad")
    with qtbot.waitSignal(view.refreshed, timeout=WAIT_MS):
        qtbot.keyClick(view.searchEdit, Qt.Key.Key_Return)
    assert _names(view) == ["Amina Haddad"]
    searches = services.db.read(lambda s: s.execute(
        select(func.count(AuditEvent.id)).where(AuditEvent.action == "appointment.search")).scalar_one())
    assert searches == 2  # each search of names is audited by the core

    # Move the found appointment to a free slot of the day shown: the list of free slots is offered.
    desk.dialogs.answers = [1]  # the free slots other than its own: 09:20, 09:40, 10:00 …: the second
    view.moveButton.click()
    settle(qtbot, desk)
    assert desk.dialogs.shown[-1][0] == "choose"
    moved = services.appointments.search(staff["clerk"], "Haddad")[0]
    assert moved.starts_at == at("09:40")
    assert "09:40" in view.ui.resultLabel.text()

    # Cancel needs a reason; typed, the place is freed.
    view.cancelButton.click()
    settle(qtbot, desk)
    assert services.appointments.search(staff["clerk"], "Haddad")[0].status == "booked"
    assert "motivo" in view.ui.resultLabel.text().lower()
    qtbot.keyClicks(view.reasonEdit, "ha chiamato: non puo venire")
    qtbot.keyClick(view.reasonEdit, Qt.Key.Key_Return)
    settle(qtbot, desk)
    cancelled = services.appointments.search(staff["clerk"], "Haddad")[0]
    assert (cancelled.status, cancelled.cancel_reason) == ("cancelled", "ha chiamato: non puo venire")

    view.dayViewButton.click()
    qtbot.waitUntil(lambda: not view.dayViewButton.isVisible() and len(_names(view)) == 4, timeout=WAIT_MS)


def test_convocations_are_confirmed_and_moved_as_the_core_does(
        qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock, services: CoreServices,
        staff: dict[str, Actor], day: None) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    view = _open(qtbot, desk)
    view.ui.appointmentsView.selectRow(_names(view).index("Karim Mansour"))
    assert view.confirmButton.isEnabled()
    view.ui.appointmentsView.selectRow(_names(view).index("Mario Rossi"))
    assert not view.confirmButton.isEnabled()  # an ordinary appointment is no convocation
    view.ui.appointmentsView.selectRow(_names(view).index("Karim Mansour"))
    view.confirmButton.click()
    settle(qtbot, desk)
    history = services.convocations.history(staff["clerk"], "RF/2026/20")
    assert [a.status for a in history.attempts] == ["confirmed"]
    desk.dialogs.answers = [0]  # the first free slot other than its own
    qtbot.waitUntil(lambda: view.moveButton.isEnabled(), timeout=WAIT_MS)
    view.ui.appointmentsView.selectRow(_names(view).index("Karim Mansour"))
    view.moveButton.click()
    settle(qtbot, desk)
    history = services.convocations.history(staff["clerk"], "RF/2026/20")
    assert [(a.attempt, a.status) for a in history.attempts] == [(1, "rebooked"), (2, "sent")]
    assert history.attempts[1].starts_at == at("09:00")  # 09:00 had one place left


def test_a_convocation_is_booked_from_the_booking_dialog(
        qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock, services: CoreServices,
        staff: dict[str, Actor], system_actor: Actor, day: None) -> None:
    services.content.load(system_actor)
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    view = _open(qtbot, desk)
    dialog = view.open_booking()
    qtbot.waitUntil(lambda: dialog.ui.slotCombo.count() > 0 and dialog.convocationCombo.count() > 1,
                    timeout=WAIT_MS)
    dialog.ui.slotCombo.setCurrentIndex(dialog.slot_index(at("11:00")))
    dialog.ui.nameEdit.setText("Nour Khalil")
    dialog.ui.practiceEdit.setText("RF/2026/31")
    dialog.convocationCombo.setCurrentIndex(dialog.convocationCombo.findData("RF-NO"))
    dialog.ui.bookButton.click()
    settle(qtbot, desk)
    history = services.convocations.history(staff["clerk"], "RF/2026/31")
    assert [(a.procedure_code, a.status, a.starts_at) for a in history.attempts] == [("RF-NO", "sent", at("11:00"))]
    assert dialog.convocationCombo.currentIndex() == 0  # back to an ordinary booking for the next person


def test_booking_shows_who_can_come_before_saving(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                                  services: CoreServices, staff: dict[str, Actor], day: None) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    view = _open(qtbot, desk)
    dialog = view.open_booking()
    qtbot.waitUntil(lambda: dialog.ui.slotCombo.count() > 0, timeout=WAIT_MS)
    dialog.ui.slotCombo.setCurrentIndex(dialog.slot_index(at("09:20")))
    dialog.set_language("ar")
    dialog.ui.mediatorBox.setChecked(True)
    settle(qtbot, desk)
    qtbot.waitUntil(lambda: "Samira" in dialog.mediatorPreviewLabel.text(), timeout=WAIT_MS)
    assert [m.code for m in dialog.preview if m.free] == ["AR1"]
    # 10:00 is outside AR1's hours: said before anything is saved.
    dialog.ui.slotCombo.setCurrentIndex(dialog.slot_index(at("10:00")))
    settle(qtbot, desk)
    qtbot.waitUntil(lambda: dialog.preview and not dialog.preview[0].free, timeout=WAIT_MS)
    assert "AR1" in dialog.mediatorPreviewLabel.text()
    assert len(services.appointments.day(staff["clerk"], TODAY)) == 4  # nothing booked by looking


def test_window_size_and_splitter_are_remembered(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                                 day: None) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    window = desk.window
    window.resize(1000, 700)
    expected = window.size()  # the widest minimum may keep it wider than asked
    view = _open(qtbot, desk)
    view.ui.splitter.setSizes([150, 600])
    sizes = view.ui.splitter.sizes()
    view.reject()  # closed with Esc: remembered
    window.save_layout(window)
    window.resize(expected.width() + 100, expected.height() + 100)
    window.restore_layout(window)
    assert window.size() == expected
    window.appointments = None  # a new window, as after a lock
    view2 = _open(qtbot, desk)
    # The same share for the slots (the offscreen screen is small: Qt fits the window to it, the panes keep
    # their proportion); the form's default share is 300 of 1100.
    again = view2.ui.splitter.sizes()
    assert abs(again[0] / sum(again) - sizes[0] / sum(sizes)) < 0.02
    assert abs(again[0] / sum(again) - 300 / 1100) > 0.04


def test_one_no_show_from_the_window_by_keys(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                             services: CoreServices, staff: dict[str, Actor], day: None) -> None:
    """Issue 10: the clerk marks the one person who did not come (Alt+Q, «segna &questo»), from their time on,
    without waiting for the arrival window; the core audits it."""
    clock.set(at("09:05"))  # Amina's 09:00 has begun; 15 minutes of arrival window are left
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    view = _open(qtbot, desk)
    view.ui.appointmentsView.selectRow(_names(view).index("Mario Rossi"))  # 09:20: not yet
    assert not view.noShowOneButton.isEnabled()
    view.ui.appointmentsView.selectRow(_names(view).index("Amina Haddad"))
    assert view.noShowOneButton.isEnabled()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(view, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(200)  # a mnemonic animates the click
    settle(qtbot, desk)
    statuses = {a.person_name: a.status for a in services.appointments.day(staff["clerk"], TODAY, with_names=True)}
    assert statuses == {"Amina Haddad": "no_show", "Mario Rossi": "booked", "Lucia Bianchi": "booked",
                        "Karim Mansour": "booked"}
    assert view.ui.resultLabel.text() == "Segnato come non venuto."
    audited = services.db.read(lambda s: s.execute(select(AuditEvent.object_type).where(
        AuditEvent.action == "appointment.no_show")).scalars().all())
    assert audited == ["appointment"]
    qtbot.waitUntil(lambda: not view.noShowOneButton.isEnabled(), timeout=WAIT_MS)  # no longer booked
