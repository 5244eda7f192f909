"""Shared practices (issue 16), the GUI gaps closed after the first cut, on SQLite and PostgreSQL: the owner sends
an answered practice again from the page; a supervisor records a coordination meeting's decisions in one save
(all or nothing, the refusal said in place); another desk's practices page follows a change without a reload."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices

from .conftest import WAIT_MS, settle

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.combine(TODAY, time(9, 30), tzinfo=zone("Europe/Rome")))


@pytest.fixture
def shared(services: CoreServices, system_actor: Actor, staff: dict[str, Actor], clock: ManualClock) -> dict[str, int]:
    """The catalogue, a ``questura1`` account and two practices sent to the Questura (one waiting 21 days)."""
    services.content.load(system_actor)
    services.staff.add_staff(system_actor, "questura1", "Questura", "questura", "questura1-password", "LODI")
    clock.set(datetime(2026, 11, 2, 9, 0, tzinfo=zone("Europe/Rome")))
    old = services.practices.send(staff["clerk"], "RF-NO", "opinion_family", "2026-11-20",
                                  practice_number="P-LO/RF/2026/000117")
    clock.set(datetime(2026, 11, 20, 9, 0, tzinfo=zone("Europe/Rome")))  # 7 working days before today
    new = services.practices.send(staff["clerk"], "NO-LAV", "opinion_work", "2026-12-20",
                                  practice_number="P-LO/LAV/2026/000200")
    clock.set(datetime.combine(TODAY, time(9, 30), tzinfo=zone("Europe/Rome")))
    return {"old": old.id, "new": new.id}


def test_owner_sends_an_answered_practice_again(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                                shared: dict[str, int], services: CoreServices) -> None:
    questura = services.staff.login("questura1", "questura1-password")
    services.practices.answer(questura, shared["old"], "Serve il contratto di locazione aggiornato")
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    window = desk.window.practices.open()
    assert window is not None
    page = window.page
    qtbot.waitUntil(lambda: len(page.model.rows) == 1, timeout=WAIT_MS)
    settle(qtbot, desk)
    assert [p.id for p in page.model.rows] == [shared["old"]]
    assert page.again_button.isEnabled() and page.again_button.text() == "Invia &di nuovo"
    page.send_reason.setCurrentIndex(page.send_reason.findData("opinion_family"))
    page.due_edit.setDate(page.due_edit.date().addDays(5))
    qtbot.keyClicks(page.note_edit, "Contratto allegato")
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS) as acted:
        qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Invia &di nuovo
    settle(qtbot, desk)
    view = acted.args[0]
    assert (view.status, view.waiting_on, view.due_date) == ("waiting", "questura", date(2027, 1, 5))
    assert [s.kind for s in view.steps] == ["send", "answer", "send"] and view.steps[-1].note == "Contratto allegato"
    assert page.model.rows == []  # waiting on the Questura now, not on my office
    assert page.message.text() == "Pratica inviata di nuovo all'altro ufficio."


def test_supervisor_records_the_meeting_decisions_all_or_nothing(
        qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock, shared: dict[str, int],
        services: CoreServices, staff: dict[str, Actor]) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "supervisor")
    menu = desk.window.practices
    assert menu.decisions_action.isEnabled()
    window = menu.open_decisions()
    assert window is not None
    qtbot.waitUntil(lambda: len(window.practices) == 1, timeout=WAIT_MS)  # 10 working days: only the old one
    assert window.table.item(0, 0).text() == "P-LO/RF/2026/000117"
    assert window.decision_box(0).currentData() == "noted" and not window.due_box(0).isEnabled()
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.days_combo.setCurrentIndex(0)  # 5 working days: both
    # grouped by procedure (NO-LAV before RF-NO), as the meeting-list document
    assert [p.id for p in window.practices] == [shared["new"], shared["old"]]
    old, new = 1, 0
    window.set_decision(old, "new_due_date")
    assert window.due_box(old).isEnabled()
    window.due_box(old).setDate(window.due_box(old).date().addDays(-20))  # 11 December
    window.set_decision(new, "remind")
    window.note_box(new).setText("sollecito\x07")  # a control character: refused, nothing stored
    window.record_button.click()
    qtbot.waitUntil(lambda: window.message.text() != "", timeout=WAIT_MS)
    settle(qtbot, desk)
    assert "b00020" in window.message.styleSheet()
    assert services.practices.meetings(staff["supervisor"]) == []
    assert window.decision_box(old).currentData() == "new_due_date"  # the rows stay as typed
    window.note_box(new).setText("sollecito via PEC")
    with qtbot.waitSignal(window.recorded, timeout=WAIT_MS) as recorded:
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Registra le decisioni
    settle(qtbot, desk)
    meeting = recorded.args[0]
    assert [(pid, kind, note, due) for pid, _n, kind, note, due in meeting.decisions] == [
        (shared["new"], "remind", "sollecito via PEC", None), (shared["old"], "new_due_date", "", date(2026, 12, 11))]
    assert meeting.min_days == 5
    assert services.practices.get(staff["supervisor"], shared["old"]).due_date == date(2026, 12, 11)
    assert window.message.text() == "Riunione registrata: 2 decisioni."
    qtbot.waitUntil(lambda: window.table.item(old, 4) is not None and window.table.item(old, 4).text() != "",
                    timeout=WAIT_MS)
    assert window.table.item(old, 4).text() == "nuova scadenza"  # the last decision column shows this meeting
    desk.window.sessions.lock("test")
    assert menu.decisions_window is None  # practice numbers never stay open behind a lock


def test_another_desk_sees_a_practice_change_without_reloading(
        qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock, shared: dict[str, int],
        services: CoreServices) -> None:
    questura_desk = open_desk("D1", clock=clock)
    log_in(questura_desk, "questura1")
    inbox = questura_desk.window.questura_inbox
    assert inbox is not None
    settle(qtbot, questura_desk)
    clerk_desk = open_desk("D2", clock=clock)
    log_in(clerk_desk, "clerk")
    window = clerk_desk.window.practices.open()
    assert window is not None
    page = window.page
    page.filter_combo.setCurrentIndex(2)  # all open
    qtbot.waitUntil(lambda: len(page.model.rows) == 2, timeout=WAIT_MS)
    assert [p.id for p in inbox.model.rows] == [shared["old"], shared["new"]]
    # the Questura answers on its desk: the clerk's page shows it without F5
    inbox.table.selectRow(0)
    with qtbot.waitSignal(inbox.acted, timeout=WAIT_MS):
        inbox.answer_button.click()
    qtbot.waitUntil(lambda: next(p.status for p in page.model.rows if p.id == shared["old"]) == "answered",
                    timeout=WAIT_MS)
    # the clerk sends a new one: it appears in the Questura's inbox on its own
    qtbot.waitUntil(lambda: page.procedure_combo.count() > 0, timeout=WAIT_MS)
    page.procedure_combo.setCurrentIndex(page.procedure_combo.findData("RF-NO"))
    qtbot.keyClicks(page.number_edit, "P-LO/RF/2026/000300")
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS):
        page.send_button.click()
    qtbot.waitUntil(lambda: "P-LO/RF/2026/000300" in [p.practice_number for p in inbox.model.rows],
                    timeout=WAIT_MS)
    settle(qtbot, questura_desk)
    settle(qtbot, clerk_desk)
    ids = [p.id for p in inbox.model.rows]
    assert shared["old"] not in ids and shared["new"] in ids and len(ids) == 2  # the answered one left the inbox
