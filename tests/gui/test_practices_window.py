"""The shared-practices page (issue 16), on SQLite and PostgreSQL: the Questura's account lands on its inbox
and answers by keyboard; a clerk opens the window with Ctrl+Shift+Q, sees the practice back and closes it; the
supervisor's meeting list is written through the dialogs seam."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices

from .conftest import WAIT_MS, press, settle

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.combine(TODAY, time(9, 30), tzinfo=zone("Europe/Rome")))


@pytest.fixture
def shared(services: CoreServices, system_actor: Actor, staff: dict[str, Actor], clock: ManualClock) -> dict[str, int]:
    """The catalogue, a ``questura1`` account and two practices sent to the Questura (one overdue)."""
    services.content.load(system_actor)
    services.staff.add_staff(system_actor, "questura1", "Questura", "questura", "questura1-password", "LODI")
    clock.set(datetime(2026, 11, 2, 9, 0, tzinfo=zone("Europe/Rome")))
    old = services.practices.send(staff["clerk"], "RF-NO", "opinion_family", "2026-11-20",
                                  practice_number="P-LO/RF/2026/000117")
    clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=zone("Europe/Rome")))
    new = services.practices.send(staff["clerk"], "NO-LAV", "opinion_work", "2026-12-20",
                                  practice_number="P-LO/LAV/2026/000200")
    clock.set(datetime.combine(TODAY, time(9, 30), tzinfo=zone("Europe/Rome")))
    return {"old": old.id, "new": new.id}


def test_questura_lands_on_its_inbox_and_answers_by_keyboard(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                            clock: ManualClock, shared: dict[str, int],
                                                            services: CoreServices) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "questura1")
    page = desk.window.questura_inbox
    assert page is not None and desk.window.workspace is None  # no counter for the Questura
    settle(qtbot, desk)
    assert [p.id for p in page.model.rows] == [shared["old"], shared["new"]]  # oldest first
    first = page.model.rows[0]
    assert first.overdue and first.case_id is None
    assert page.model.index(0, 8).data() == "scaduta"
    assert not page.close_button.isEnabled()  # not the Questura's own practice
    page.table.setFocus()
    qtbot.keyClicks(page.note_edit, "Nessun motivo ostativo")
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS) as acted:
        qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Rispondi
    settle(qtbot, desk)
    assert acted.args[0].status == "answered"
    assert [p.id for p in page.model.rows] == [shared["new"]]
    assert services.practices.get(Actor.system("test"), shared["old"]).waiting_on == "prefettura"
    # the Questura opens one for the Prefettura: number typed, Ctrl+Enter
    qtbot.waitUntil(lambda: page.procedure_combo.count() > 0, timeout=WAIT_MS)
    page.procedure_combo.setCurrentIndex(page.procedure_combo.findData("CONV-ST"))
    qtbot.keyClicks(page.number_edit, "q-lo/conv/9")
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS) as sent:
        qtbot.keyClick(page.number_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desk)
    assert (sent.args[0].owner, sent.args[0].waiting_on, sent.args[0].practice_number) == (
        "questura", "prefettura", "Q-LO/CONV/9")
    assert page.number_edit.text() == ""


def test_clerk_opens_the_window_with_f9_and_closes_an_answered_practice(
        qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock, shared: dict[str, int],
        services: CoreServices) -> None:
    questura = services.staff.login("questura1", "questura1-password")
    services.practices.answer(questura, shared["old"], "Parere reso")
    desk = open_desk("D1", clock=clock)
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window = desk.window.practices.window
    assert window is not None
    settle(qtbot, desk)
    page = window.page
    assert [p.id for p in page.model.rows] == [shared["old"]]  # waiting on my office: the answer is back
    assert page.close_button.isEnabled() and not page.return_button.isEnabled()
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS) as acted:
        page.close_button.click()
    settle(qtbot, desk)
    assert acted.args[0].status == "closed" and page.model.rows == []
    desk.window.sessions.lock("test")  # the window shows practice numbers: it closes with the lock
    assert desk.window.practices.window is None


def test_supervisor_writes_the_meeting_list(qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock,
                                            shared: dict[str, int], tmp_path: Any) -> None:
    desk = open_desk("D1", clock=clock)
    log_in(desk, "supervisor")
    desk.dialogs.answers.append(1)  # 10 working days
    desk.dialogs.save_folder = tmp_path
    menu = desk.window.practices
    assert menu.meeting_action.isEnabled() and menu.open_action.isEnabled()
    menu.export_meeting_list()
    qtbot.waitUntil(lambda: menu.last_written is not None, timeout=WAIT_MS)
    assert menu.last_written == tmp_path / "riunione-coordinamento.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(menu.last_written), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "P-LO/RF/2026/000117" in text and "in attesa della Questura" in text
    assert "P-LO/LAV/2026/000200" not in text  # waiting under 10 working days


def test_reports_window_exports_the_handling_times_of_the_chosen_days(
        qtbot: QtBot, open_desk: Any, log_in: Any, clock: ManualClock, shared: dict[str, int],
        services: CoreServices, tmp_path: Any) -> None:
    questura, clerk = services.staff.login("questura1", "questura1-password"), services.staff.login(
        "clerk", "clerk-password")
    clock.set(datetime(2026, 11, 9, 9, 0, tzinfo=zone("Europe/Rome")))
    services.practices.answer(questura, shared["old"])
    clock.set(datetime(2026, 11, 12, 9, 0, tzinfo=zone("Europe/Rome")))
    services.practices.close(clerk, shared["old"])
    clock.set(datetime.combine(TODAY, time(9, 30), tzinfo=zone("Europe/Rome")))
    desk = open_desk("D1", clock=clock)
    desk.dialogs.save_folder = tmp_path
    log_in(desk, "supervisor")
    desk.window.console.open_reports()
    window = desk.window.console._reports_window
    assert window.chosen_range() == (date(2026, 11, 1), date(2026, 11, 30))  # last month
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as exported:
        window.handling_buttons["xlsx"].click()
    from openpyxl import load_workbook

    sheet = load_workbook(exported.args[0])["Tempi"]
    # sent Mon 2 Nov, answered Mon 9, closed Thu 12 Nov: 8 working days; 7 of the 10 elapsed days with the Questura
    assert (sheet["A4"].value, sheet["C4"].value, sheet["D4"].value) == ("RF-NO", 1, 8.0)
    assert 60 < sheet["F4"].value < 80
