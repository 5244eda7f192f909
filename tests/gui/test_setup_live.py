"""Services and desks changed in the administration window reach the other running desks without a restart
(issue 12): the set-up change goes out on the change feed and every desk re-reads the office."""

from __future__ import annotations

from typing import Any

from db_support import DEMO_SETUP
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.gui.admin.live import OfficeFollower

from .conftest import WAIT_MS, press, settle


def _open_office_editor(qtbot: QtBot, desk: Any) -> Any:
    """The administration window's "Services and desks" tab, for the logged-in administrator."""
    from desk_app.gui.admin.office_editor import OfficeEditor

    editor = OfficeEditor(desk.window.runtime, desk.window.sessions.session.actor, desk.dialogs)
    qtbot.addWidget(editor)
    editor.reload()
    qtbot.waitUntil(lambda: editor.office is not None, timeout=WAIT_MS)
    return editor


def test_a_change_saved_at_one_desk_shows_at_another(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                     services: Any) -> None:
    counter = open_desk("D2")
    log_in(counter, "clerk2")
    press(qtbot, counter, Qt.Key.Key_F2)
    walk_in = counter.window.walk_in
    assert walk_in is not None and walk_in.isVisible()
    assert walk_in.service_buttons["RF"].text().endswith("Ricongiungimento familiare")
    board = counter.window.open_board()
    assert board is not None
    admin_desk = open_desk("D1")
    log_in(admin_desk, "admin")
    editor = _open_office_editor(qtbot, admin_desk)
    services_table, desks_table = editor.services.table, editor.desks.table
    rf = [services_table.item(r, 0).text() for r in range(services_table.rowCount())].index("RF")
    services_table.item(rf, 2).setText("Ricongiungimento familiare (nulla osta)")
    d2 = [desks_table.item(r, 0).text() for r in range(desks_table.rowCount())].index("D2")
    desks_table.item(d2, 1).setText("Sportello Due")
    editor.save()
    settle(qtbot, admin_desk)
    assert services.offices.view().service("RF").name == "Ricongiungimento familiare (nulla osta)"

    follower = counter.window.findChild(OfficeFollower)
    assert follower is not None
    # The other desk: its walk-in dialog is built again (and stays open), the board and the title take the names.
    qtbot.waitUntil(lambda: counter.window.walk_in is not None and counter.window.walk_in is not walk_in,
                    timeout=WAIT_MS)
    rebuilt = counter.window.walk_in
    assert rebuilt.isVisible()
    assert rebuilt.service_buttons["RF"].text().endswith("Ricongiungimento familiare (nulla osta)")
    assert counter.window.sessions.session.office.service("RF").name == "Ricongiungimento familiare (nulla osta)"
    qtbot.waitUntil(lambda: board.desk_names.get("D2") == "Sportello Due", timeout=WAIT_MS)
    assert "Sportello Due" in counter.window.windowTitle()


def test_which_services_a_desk_calls_follows_the_set_up(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                        services: Any) -> None:
    queue = services.queue
    queue.issue_ticket(staff["clerk"], "LEG")
    counter = open_desk("D1")  # D1 serves RF and LAV: the LEG ticket is not its business
    log_in(counter, "clerk")
    model = counter.workspace.summary_model
    assert model.rowCount() == 2
    setup = {**DEMO_SETUP, "desk": [{**d, "services": ["RF", "LAV", "LEG"]} if d["code"] == "D1" else d
                                    for d in DEMO_SETUP["desk"]]}
    services.offices.apply(staff["admin"], setup)  # another PC's administration window, through the core
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=WAIT_MS)
    assert counter.window.sessions.session.desk_services == ("LAV", "LEG", "RF")
    settle(qtbot, counter)
    press(qtbot, counter, Qt.Key.Key_F5)  # the desk now calls the LEG ticket, no restart
    assert counter.workspace.current is not None and counter.workspace.current.number == "L001"


def test_holidays_closed_twice_are_skipped_and_one_day_twice_refused_in_place(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any) -> None:
    from desk_app.gui.admin.calendar_editor import CalendarEditor

    desk = open_desk("D1")
    log_in(desk, "admin")
    editor = CalendarEditor(desk.window.runtime, desk.window.sessions.session.actor)
    qtbot.addWidget(editor)
    for row in range(editor.holidays.count()):  # the first two offered only
        if row >= 2:
            editor.holidays.item(row).setCheckState(Qt.CheckState.Unchecked)
    editor.holidaysButton.click()
    settle(qtbot, desk)
    assert editor.messageLabel.text().startswith("2 ")
    editor.holidays.item(2).setCheckState(Qt.CheckState.Checked)  # one more, with the two already closed
    editor.holidaysButton.click()
    settle(qtbot, desk)
    text = editor.messageLabel.text()
    assert text.startswith("1 ") and "2 " in text and "già" in text
    first = editor.offered[0].day
    editor.dayEdit.setDate(editor.dayEdit.date().fromString(first.isoformat(), "yyyy-MM-dd"))
    editor.reasonEdit.setText("di nuovo")
    editor.closeDayButton.click()
    settle(qtbot, desk)
    assert first.strftime("%d/%m/%Y") in editor.messageLabel.text() and editor.messageLabel.styleSheet()
    from sqlalchemy import func, select

    from desk_app.db.models_booking import AppointmentClosure

    assert services.db.read(lambda s: s.execute(select(func.count()).select_from(AppointmentClosure))
                            .scalar_one()) == 3


def test_a_mediators_languages_are_edited_as_typed(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                  services: Any) -> None:
    from desk_app.gui.admin.mediator_editor import MediatorEditor

    services.mediators.add_mediator(staff["supervisor"], "AR1", "Samira", {"ar": 4, "fr": 3})
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    editor = MediatorEditor(desk.window.runtime, desk.window.sessions.session.actor)
    qtbot.addWidget(editor)
    editor.reload()
    qtbot.waitUntil(lambda: editor.model.rowCount() == 1, timeout=WAIT_MS)
    editor.view.selectRow(0)
    assert editor.selectedLanguagesEdit.text() == "ar 4, fr 3"
    editor.selectedLanguagesEdit.setText("ar 4, fr 9")  # refused as typed, in place
    assert not editor.languagesButton.isEnabled() and "1, 2, 3, 4" in editor.messageLabel.text()
    editor.selectedLanguagesEdit.setText("ar 4, en 2")
    assert editor.languagesButton.isEnabled() and not editor.messageLabel.text()
    editor.languagesButton.click()
    settle(qtbot, desk)
    assert dict(services.mediators.roster(staff["supervisor"])[0].languages) == {"ar": 4, "en": 2}
    assert "AR1" in editor.messageLabel.text()


def test_a_service_taken_out_of_use_leaves_the_walk_in_dialog_of_another_desk(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any) -> None:
    counter = open_desk("D2")
    log_in(counter, "clerk2")
    press(qtbot, counter, Qt.Key.Key_F2)
    assert "LAV" in counter.window.walk_in.service_buttons
    admin_desk = open_desk("D1")
    log_in(admin_desk, "admin")
    editor = _open_office_editor(qtbot, admin_desk)
    table = editor.services.table
    lav = [table.item(r, 0).text() for r in range(table.rowCount())].index("LAV")
    assert not editor.serviceActiveButton.isEnabled()  # nothing selected yet
    table.setCurrentCell(lav, 1)
    assert editor.serviceActiveButton.isEnabled() and "LAV" in editor.serviceActiveButton.text()
    editor.serviceActiveButton.click()
    settle(qtbot, admin_desk)
    assert not services.offices.view().service("LAV").active
    qtbot.waitUntil(lambda: editor.office is not None and not editor.office.service("LAV").active, timeout=WAIT_MS)
    assert editor.services.table.item(lav, 2).toolTip() != ""  # greyed, said on hover
    assert "LAV" in editor.messageLabel.text()
    qtbot.waitUntil(lambda: counter.window.walk_in is not None
                    and "LAV" not in counter.window.walk_in.service_buttons, timeout=WAIT_MS)
    # Back in use: the same button, now saying so.
    editor.services.table.setCurrentCell(lav, 1)
    editor.serviceActiveButton.click()
    settle(qtbot, admin_desk)
    assert services.offices.view().service("LAV").active
    qtbot.waitUntil(lambda: "LAV" in counter.window.walk_in.service_buttons, timeout=WAIT_MS)
