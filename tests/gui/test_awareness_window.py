"""The awareness-sessions window (issue 16): a supervisor plans a session with a mediator from the roster, sees
the roster's conflicts before saving, gets the core's sentence for a refused plan or count, and cancels."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from desk_app.clock import zone
from desk_app.core.auth import Actor

from .conftest import WAIT_MS, settle


def _next_weekday() -> date:
    day = date.today() + timedelta(days=7)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def test_plan_with_the_roster_then_cancel(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                          services: Any, tmp_path: Path) -> None:
    supervisor = staff["supervisor"]
    services.content.load(Actor.system("test"))
    services.mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4}, username="mediator")
    services.mediators.set_availability(supervisor, "AR1", "mon-fri 09:00-17:00 in_person")
    services.awareness.save_centre(supervisor, "CAS-LODI", "CAS Via Defendente", managing_body="Coop. Accoglienza")
    desk = open_desk("")
    log_in(desk, "supervisor")
    menu = desk.window.awareness
    assert menu.action.isEnabled()
    window = menu.open()
    assert window is not None
    qtbot.waitUntil(lambda: window.centre_combo.count() == 1, timeout=WAIT_MS)
    day = _next_weekday()
    window.when_edit.setDateTime(QDateTime(datetime.combine(day, time(10, 0))))
    window.language_combo.setCurrentIndex(window.language_combo.findData("ar"))
    assert window.language_combo.currentText().startswith("Arabo")  # by name, not the bare code
    window.organisation_edit.setText("Numero Verde Antitratta")
    # the roster's answer before anything is saved
    window.check_button.click()
    qtbot.waitUntil(lambda: "AR1" in window.free_label.text(), timeout=WAIT_MS)
    assert window.free_label.text().startswith("✔")
    window.mediator_combo.setCurrentIndex(window.mediator_combo.findData("AR1"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # "&Pianifica" by keyboard
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    assert window.message.text() == window.tr("Session planned.")
    assert window.model.rows[0].mediator_code == "AR1"
    # the mediator declines from their agenda: the window follows the change feed
    booking_id = window.model.rows[0].mediator_booking_id
    services.mediators.decline(staff["mediator"], booking_id, "malata")
    qtbot.waitUntil(lambda: window.model.rows[0].mediator_status == "declined", timeout=WAIT_MS)
    rebooked = services.awareness.book_mediator(supervisor, window.model.rows[0].id, "AR1")
    qtbot.waitUntil(lambda: window.model.rows[0].mediator_status == "booked", timeout=WAIT_MS)
    assert rebooked.mediator_booking_id != booking_id
    # now the counter cannot have AR1 then, and the window says why
    starts = datetime.combine(day, time(10, 30), zone("Europe/Rome"))
    window.check_button.click()
    qtbot.waitUntil(lambda: window.free_label.text().startswith("✘"), timeout=WAIT_MS)
    assert "AR1" in window.free_label.text() and window.mediator_combo.findData("AR1") == -1
    assert services.mediators.who_is_free(staff["clerk"], "ar", starts, starts + timedelta(minutes=30))[0].refusal
    # counts of a session still to come: the core's sentence, nothing stored
    window.table.selectRow(0)
    window.counts[("m", "18-25")].setValue(4)
    window.record_button.click()
    qtbot.waitUntil(lambda: "{" not in window.message.text() and window.message.text() != window.tr(
        "Session planned."), timeout=WAIT_MS)
    assert window.model.rows[0].status == "planned"
    # a plan in the past is refused with one sentence
    window.when_edit.setDateTime(QDateTime(datetime.combine(date.today() - timedelta(days=2), time(10, 0))))
    window.mediator_combo.setCurrentIndex(0)
    window.plan_button.click()
    settle(qtbot, desk)
    assert window.model.rowCount() == 1 and window.message.text().strip()
    # the slides and the editable deck, in the group's language, through the save-file seam
    window.table.selectRow(0)
    desk.dialogs.save_folder = tmp_path
    window.slides_button.click()
    window.pptx_button.click()
    settle(qtbot, desk)
    saved = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("sensibilizzazione"))
    assert saved == [f"sensibilizzazione_{window.model.rows[0].id}_ar_slides.pdf",
                     f"sensibilizzazione_{window.model.rows[0].id}_ar_slides.pptx"]
    # cancel with a reason: the mediator is free again
    window.table.selectRow(0)
    window.reason_edit.setText("centro chiuso")
    window.cancel_button.click()
    qtbot.waitUntil(lambda: window.model.rows and window.model.rows[0].status == "cancelled", timeout=WAIT_MS)
    assert services.mediators.who_is_free(staff["clerk"], "ar", starts, starts + timedelta(minutes=30))[0].free


def test_a_clerk_has_no_awareness_window(open_desk: Any, log_in: Any, staff: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    assert not desk.window.awareness.action.isEnabled()
    assert desk.window.awareness.open() is None


def test_the_mediator_agenda_shows_the_centre_in_place_of_a_desk(qapp: Any) -> None:
    from desk_app.core.mediators import AgendaEntry
    from desk_app.gui.booking_models import AgendaTableModel

    model = AgendaTableModel("Europe/Rome", "it", {"D1": "Sportello 1"})
    starts = datetime(2026, 12, 3, 9, 0, tzinfo=zone("UTC"))
    model.set_entries([AgendaEntry(1, starts, starts + timedelta(hours=1), "ar", "in_person", None, "booked", False,
                                   "CAS Via Defendente"),
                       AgendaEntry(2, starts, starts + timedelta(hours=1), "ar", "in_person", "D1", "booked", False)])
    assert model.data(model.index(0, model.DESK)) == "CAS Via Defendente"
    assert model.data(model.index(1, model.DESK)) == "Sportello 1"


def test_planning_selects_the_new_session_and_speaks_the_clerks_words(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                                      staff: Any, services: Any) -> None:
    """Tester's findings: the empty language names the field as on screen, dates read dd/mm/yyyy, the session
    just planned is the selected one (its slides are the ones saved), a long centre name is readable."""
    supervisor = staff["supervisor"]
    long_name = "Centro di accoglienza straordinaria Via Defendente da Lodi 14 (ex caserma)"
    services.awareness.save_centre(supervisor, "CAS-LODI", long_name, managing_body="Coop. Accoglienza")
    desk = open_desk("")
    log_in(desk, "supervisor")
    window = desk.window.awareness.open()
    assert window is not None
    qtbot.waitUntil(lambda: window.centre_combo.count() == 1, timeout=WAIT_MS)
    assert window.centre_combo.toolTip().startswith(long_name)
    assert window.centre_combo.view().minimumWidth() >= window.centre_combo.fontMetrics().horizontalAdvance(long_name)
    day = _next_weekday()
    window.organisation_edit.setText("Numero Verde Antitratta")
    # no language chosen: the field as the clerk reads it, and what to do
    window.language_combo.setCurrentIndex(-1)
    window.when_edit.setDateTime(QDateTime(datetime.combine(day, time(10, 0))))
    window.plan_button.click()
    settle(qtbot, desk)
    assert window.model.rowCount() == 0
    assert window.message.text() == "Scegliere un valore dell'elenco per «Gruppo linguistico»."
    for hour in (10, 15):
        window.language_combo.setCurrentIndex(window.language_combo.findData("ar"))
        window.when_edit.setDateTime(QDateTime(datetime.combine(day, time(hour, 0))))
        window.plan_button.click()
        qtbot.waitUntil(lambda h=hour: any(r.starts_at.astimezone(zone("Europe/Rome")).hour == h
                                           for r in window.model.rows), timeout=WAIT_MS)
        settle(qtbot, desk)
        current = window.current
        assert current is not None and current.starts_at.astimezone(zone("Europe/Rome")).hour == hour
        assert window.table.selectionModel().isRowSelected(window.table.currentIndex().row())
    row = window.table.currentIndex().row()
    assert window.model.data(window.model.index(row, 0)) == f"{day:%d/%m/%Y} 15:00 (90')"
    assert window.model.data(window.model.index(row, 1), Qt.ItemDataRole.ToolTipRole) == long_name
    assert window.table.columnWidth(1) <= max(160, window.table.viewport().width() * 2 // 5)
    window.grab().save("/tmp/tester_polish_awareness.png")  # to look at (QT_QPA_PLATFORM=offscreen)
