"""The defects a clerk met in a day at the counter (issue 10, item 3), each with the test that shows it fixed.

Privacy on finish, the procedure offered for this ticket's service, one outcome for ticket and case, a
"complete" case with documents missing, the selection after a ticket leaves the list, F8 with an empty
desk, feedback lines, the notes counter, field names in messages, invisible direction marks in names,
mnemonic clashes, language keys in the walk-in dialog, the board (window on one monitor, Esc, recall,
offline), the live language change, silent printing with PDF files named by number.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desk_app.errors import ConflictError, ValidationError
from desk_app.gui.checklist import ChecklistPanel
from desk_app.gui.printing import PrintableTicket, SystemTicketPrinter

from .conftest import WAIT_MS, press, settle


@pytest.fixture
def catalogue(services: Any, system_actor: Any, office: Any) -> None:
    services.content.load(system_actor)


def _panel(desk: Any) -> ChecklistPanel:
    return desk.workspace.checklist


def _attach(qtbot: QtBot, desk: Any, procedure: str, practice: str = "") -> None:
    panel = _panel(desk)
    panel.ui.procedureCombo.setCurrentIndex(panel.ui.procedureCombo.findData(procedure))
    panel.ui.practiceEdit.setText(practice)
    with qtbot.waitSignal(panel.case_changed, timeout=WAIT_MS):
        panel.ui.attachButton.click()
    settle(qtbot, desk)


def _mark(qtbot: QtBot, desk: Any, key: str, state_key: Qt.Key) -> None:
    panel = _panel(desk)
    if desk.workspace.ui.workTabs.currentWidget() is not desk.workspace.ui.checklistTab:
        press(qtbot, desk, Qt.Key.Key_F10)
    row = next(r for r in range(panel.model.rowCount()) if panel.model.item(r).key == key)
    panel.ui.itemsView.selectRow(row)
    panel.ui.itemsView.setFocus()
    with qtbot.waitSignal(panel.case_changed, timeout=WAIT_MS):
        qtbot.keyClick(panel.ui.itemsView, state_key, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desk)


# -- the case at the desk --------------------------------------------------------------------------------------
def test_finish_clears_the_previous_persons_case_and_offers_this_tickets_service(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any, catalogue: None) -> None:
    services.queue.issue_ticket(staff["clerk2"], "RF", language="ar")
    services.queue.issue_ticket(staff["clerk2"], "LAV")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    panel = _panel(desk)
    press(qtbot, desk, Qt.Key.Key_F5)  # R001 (RF)
    assert desk.workspace.current.number == "R001"
    _attach(qtbot, desk, "LEG", "rf/2026/77")  # another service's procedure, chosen by hand
    panel.ui.noteEdit.setPlainText("torna con il passaporto del coniuge")
    press(qtbot, desk, Qt.Key.Key_F4)
    desk.workspace.ui.outcomeCombo.setCurrentIndex(desk.workspace.ui.outcomeCombo.findData("redirected"))
    press(qtbot, desk, Qt.Key.Key_F9)
    assert desk.workspace.current is None
    # Nothing of R001's person is left on screen: case, practice number, notes, checklist.
    assert panel.case is None and panel.model.rowCount() == 0
    assert panel.ui.practiceEdit.text() == "" and panel.ui.noteEdit.toPlainText() == ""
    assert "RF/2026/77" not in panel.ui.caseLabel.text()

    press(qtbot, desk, Qt.Key.Key_F5)  # N001 (LAV)
    assert desk.workspace.current.number == "N001"
    lav = [p.code for p in services.content.procedures() if p.service_code == "LAV"]
    assert panel.ui.procedureCombo.currentData() == lav[0]  # this ticket's service, not R001's choice


def test_one_outcome_for_ticket_and_case_and_a_complete_case_with_missing_documents_asks(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any, catalogue: None) -> None:
    services.queue.issue_ticket(staff["clerk2"], "RF", language="ar")
    services.queue.issue_ticket(staff["clerk2"], "RF")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    panel, workspace = _panel(desk), desk.workspace
    press(qtbot, desk, Qt.Key.Key_F5)
    _attach(qtbot, desk, "RF-NO")
    case_id = panel.case.id
    _mark(qtbot, desk, "income", Qt.Key.Key_2)  # missing
    press(qtbot, desk, Qt.Key.Key_F4)
    # F9 "completed" with a document missing: asked; "go back" leaves both open.
    desk.dialogs.answers = [2]
    press(qtbot, desk, Qt.Key.Key_F9)
    assert ("choose", "La pratica non è completa") in [(k, t) for k, t, _ in desk.dialogs.shown]
    assert panel.case.status == "open" and workspace.current is not None
    # Again, choosing "incomplete + bring next time": the case closes incomplete, the sheet prints, the ticket
    # is finished with the matching outcome.
    desk.dialogs.answers = [0]
    press(qtbot, desk, Qt.Key.Key_F9)
    settle(qtbot, desk)
    qtbot.waitUntil(lambda: workspace.current is None, timeout=WAIT_MS)
    case = services.cases.get(staff["clerk"], case_id)
    assert (case.status, case.outcome) == ("closed", "incomplete")
    assert [sheet.kind for _, _, sheet in desk.sheets.written] == ["missing"]
    done = services.queue.tickets(staff["clerk"], statuses=("done",))
    assert [(t.number, t.outcome) for t in done] == [("R001", "missing_documents")]

    # The core refuses "complete" with a document missing, whoever asks.
    case2 = services.cases.open_case(staff["clerk"], "RF-NO", "it")
    services.cases.mark_item(staff["clerk"], case2.id, "income", "missing")
    with pytest.raises(ConflictError) as refused:
        services.cases.close(staff["clerk"], case2.id, "complete")
    assert refused.value.code == "case_documents_open"

    # Closing a case from the checklist sets the ticket's outcome to match.
    press(qtbot, desk, Qt.Key.Key_F5)  # R002
    _attach(qtbot, desk, "LEG")
    panel.ui.caseOutcomeCombo.setCurrentIndex(panel.ui.caseOutcomeCombo.findData("withdrawn"))
    with qtbot.waitSignal(panel.case_closed, timeout=WAIT_MS):
        panel.ui.closeCaseButton.click()
    settle(qtbot, desk)
    assert workspace.ui.outcomeCombo.currentData() == "other"


def test_notes_counter_before_saving(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any,
                                     catalogue: None) -> None:
    services.queue.issue_ticket(staff["clerk2"], "RF")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_F5)
    _attach(qtbot, desk, "RF-NO")
    panel = _panel(desk)
    panel.ui.noteEdit.setPlainText("x" * 999)
    assert panel.noteCounter.text() == "999/1000" and panel.ui.saveNoteButton.isEnabled()
    panel.ui.noteEdit.setPlainText("x" * 1001)
    assert panel.noteCounter.text() == "1001/1000"
    assert not panel.ui.saveNoteButton.isEnabled() and not panel.ui.closeCaseButton.isEnabled()
    panel.ui.noteEdit.setPlainText("breve")
    panel.ui.saveNoteButton.click()
    settle(qtbot, desk)
    assert desk.workspace.message == "Note salvate."


# -- the queue list ----------------------------------------------------------------------------------------------
def test_selection_does_not_jump_to_another_person(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                   services: Any) -> None:
    queue = services.queue
    for _ in range(2):
        queue.issue_ticket(staff["clerk2"], "RF")
    queue.call_next(staff["clerk2"], "D1")
    queue.no_show(staff["clerk2"], "D1")
    queue.call_next(staff["clerk2"], "D1")
    queue.no_show(staff["clerk2"], "D1")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    workspace = desk.workspace
    workspace.ui.statusFilter.setCurrentIndex(2)  # no-show
    settle(qtbot, desk)
    assert [t.number for t in workspace.tickets_model.tickets()] == ["R001", "R002"]
    workspace.ui.ticketsView.selectRow(0)
    press(qtbot, desk, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: [t.number for t in workspace.tickets_model.tickets()] == ["R002"], timeout=WAIT_MS)
    assert workspace._selected_ticket() is None  # not R002, another person's ticket
    assert "R001" in workspace.message
    press(qtbot, desk, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [t.number for t in queue.tickets(staff["clerk"], statuses=("no_show",))] == ["R002"]  # untouched


def test_f8_with_an_empty_desk_asks_and_actions_say_what_they_did(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                                   staff: Any, services: Any) -> None:
    queue = services.queue
    queue.issue_ticket(staff["clerk2"], "RF")
    queue.issue_ticket(staff["clerk2"], "RF")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    workspace = desk.workspace
    workspace.ui.ticketsView.selectRow(0)
    desk.dialogs.agree = False
    press(qtbot, desk, Qt.Key.Key_F8)
    assert desk.dialogs.shown[-1][0] == "confirm" and "R001" in desk.dialogs.shown[-1][2]
    assert [t.service_code for t in queue.tickets(staff["clerk"])] == ["RF", "RF"]  # nothing moved
    desk.dialogs.agree = True
    workspace.ui.ticketsView.selectRow(0)
    press(qtbot, desk, Qt.Key.Key_F8)  # asked again, agreed; the transfer dialog: Enter takes the first service
    qtbot.waitUntil(lambda: workspace.transfer_dialog is not None and workspace.transfer_dialog.isVisible(),
                    timeout=WAIT_MS)
    qtbot.keyClick(workspace.transfer_dialog.targetList, Qt.Key.Key_Return)
    settle(qtbot, desk)
    assert "R001" in workspace.message and "LAV" in workspace.message
    press(qtbot, desk, Qt.Key.Key_F5)
    called = workspace.current.number
    assert called in workspace.message
    press(qtbot, desk, Qt.Key.Key_F7)
    assert called in workspace.message and "assente" in workspace.message
    assert [kind for kind, _, _ in desk.dialogs.shown if kind in ("info", "warning")] == []


# -- messages and names ------------------------------------------------------------------------------------------
def test_messages_name_fields_as_the_clerk_sees_them() -> None:
    assert ValidationError("required", field="person_name").message("it") == \
        "Il campo «Nome e cognome» è obbligatorio."
    assert "«Note»" in ValidationError("too_long", field="note", max=1000).message("it")
    assert "“Target wait (minutes)”" in ValidationError("too_long", field="target_wait_minutes", max=3).message("en")


def test_direction_marks_are_removed_from_names_not_refused(services: Any, staff: Any) -> None:
    from desk_app.core.validation import clean_name

    assert clean_name("\u200fأمينة حداد\u200f", "person_name", 120) == "أمينة حداد"
    assert clean_name("\u202bOmar\u202c \u061cSaid\u200e", "person_name", 120) == "Omar Said"
    with pytest.raises(ValidationError) as caught:
        clean_name("\u200f\u200e", "person_name", 120)  # nothing left: required, said as such
    assert caught.value.code == "required"


# -- keys --------------------------------------------------------------------------------------------------------
def _mnemonics(widgets: list[QWidget]) -> list[str]:
    """The Alt letters of the visible buttons, buddy labels and checkable group boxes among ``widgets``."""
    letters = []
    for widget in widgets:
        if not widget.isVisibleTo(widget.window()):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None) \
                or (isinstance(widget, QGroupBox) and widget.isCheckable()):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            found = re.search(r"&([^&\s])", text.replace("&&", ""))
            if found:
                letters.append(found.group(1).lower())
    return letters


def _no_clash(window: QWidget) -> None:
    letters = _mnemonics(window.findChildren(QWidget))
    clashes = sorted({x for x in letters if letters.count(x) > 1})
    assert clashes == [], f"{window.objectName() or type(window).__name__}: Alt+{clashes} used twice"


def test_no_mnemonic_clashes_in_the_counter_windows(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                    services: Any) -> None:
    ticket = services.queue.issue_ticket(staff["clerk2"], "RF", language="ar", needs_mediator=True)
    desk = open_desk("D1")
    log_in(desk, "clerk")
    view = desk.window.open_appointments()
    settle(qtbot, desk)
    _no_clash(view)
    booking = view.open_booking()
    settle(qtbot, desk)
    booking.ui.mediatorBox.setChecked(True)
    _no_clash(booking)
    desk.window.open_walk_in()
    _no_clash(desk.window.walk_in)
    dialog = desk.workspace.open_mediator()
    assert dialog is not None and dialog.ticket.id == ticket.id
    _no_clash(dialog)
    for window in (dialog, desk.window.walk_in, booking, view):
        window.close()
    desk.workspace.ui.ticketsView.selectRow(0)
    desk.workspace.counter_actions["transfer"].trigger()  # F8 (after "your desk holds no ticket", agreed)
    qtbot.waitUntil(lambda: desk.workspace.transfer_dialog is not None
                    and desk.workspace.transfer_dialog.isVisible(), timeout=WAIT_MS)
    _no_clash(desk.workspace.transfer_dialog)
    assert {b.text() for b in desk.workspace.transfer_dialog.kindButtons.values()} == {
        "la coda di un &servizio", "uno s&portello", "un &collega"}


def test_no_mnemonic_clashes_in_the_first_run_wizard(qtbot: QtBot, open_desk: Any) -> None:
    desk = open_desk("D1", wait_ready=False)
    qtbot.waitUntil(lambda: desk.window.wizard is not None and desk.window.wizard.isVisible(), timeout=WAIT_MS)
    wizard = desk.window.wizard
    wizard.ui.newOfficeRadio.setChecked(True)
    for _ in range(3):
        page = wizard.currentPage()
        buttons = [b for b in wizard.findChildren(QAbstractButton) if b.parent() is not None
                   and not page.isAncestorOf(b) and b.isVisible()]
        letters = _mnemonics(page.findChildren(QWidget)) + _mnemonics(buttons)
        assert sorted({x for x in letters if letters.count(x) > 1}) == [], page.objectName()
        if wizard.nextId() == -1:
            break
        wizard.next()


def test_walk_in_languages_have_keys(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    desk.window.open_walk_in()
    dialog = desk.window.walk_in
    arabic = dialog.language_buttons["ar"]
    key = arabic.shortcut()
    assert not key.isEmpty() and key.toString() in arabic.text()  # written on the button
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    qtbot.wait(200)  # a shortcut "animates" the click
    assert dialog.chosen_language() == "ar"
    assert len({b.shortcut().toString() for b in dialog.language_buttons.values()}) == len(dialog.language_buttons)


# -- the board ---------------------------------------------------------------------------------------------------
def test_board_on_one_monitor_is_a_window_closed_by_esc_and_shows_recalls_and_offline(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any) -> None:
    services.queue.issue_ticket(staff["clerk2"], "RF")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_F12)
    board = desk.window.board
    assert board is not None and board.isVisible() and not board.isFullScreen()  # offscreen: one screen
    press(qtbot, desk, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: board.number.text() == "R001", timeout=WAIT_MS)
    assert not board.recall_band.isVisibleTo(board) and not board.recalled
    press(qtbot, desk, Qt.Key.Key_F6)  # recall: seen, not only heard
    qtbot.waitUntil(lambda: board.recalled, timeout=WAIT_MS)
    assert board.recall_band.isVisibleTo(board)
    board.set_online(False)
    assert board.offline_band.isVisibleTo(board)
    board.set_online(True)
    assert not board.offline_band.isVisibleTo(board)
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(board, Qt.Key.Key_Escape)
    assert not board.isVisible()


# -- language and printing ---------------------------------------------------------------------------------------
def test_language_changes_without_a_restart(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    assert "F5" in desk.workspace.ui.callNextButton.text() and "Chiama" in desk.workspace.ui.callNextButton.text()
    desk.window._choose_language("en")
    settle(qtbot, desk)
    assert desk.window.workspace is not None
    assert "Call next" in desk.window.workspace.ui.callNextButton.text()
    assert desk.dialogs.shown == []  # no "applies at the next start" box
    desk.window._choose_language("it")
    settle(qtbot, desk)
    assert "Chiama" in desk.window.workspace.ui.callNextButton.text()


def test_without_a_printer_tickets_are_pdf_files_named_by_number(tmp_path: Path) -> None:
    from datetime import datetime

    printer = SystemTicketPrinter("", "receipt80", tmp_path / "out")
    ticket = PrintableTicket("R007", "Ricongiungimento familiare", "Prefettura di Lodi",
                             datetime(2026, 12, 1, 9, 30), "ar")
    assert printer.print_ticket(None, ticket) and printer.print_ticket(None, ticket)  # no dialog, no question
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ticket-R007-2.pdf", "ticket-R007.pdf"]
    assert printer.last_pdf is not None and printer.last_pdf.read_bytes().startswith(b"%PDF")
    missing = SystemTicketPrinter("No Such Printer 42", "receipt80", tmp_path / "fallback")
    assert missing.print_ticket(None, ticket)
    assert [p.name for p in (tmp_path / "fallback").iterdir()] == ["ticket-R007.pdf"]


def test_printer_settings_dialog_saves_per_pc(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any) -> None:
    import tomllib

    desk = open_desk("D1")
    dialog = desk.window.open_printer_settings()
    dialog.paperCombo.setCurrentIndex(dialog.paperCombo.findData("a4"))
    dialog.accept()
    stored = tomllib.loads(desk.settings.paths.settings_file.read_text(encoding="utf-8"))
    assert stored.get("ticket_paper") == "a4" and desk.settings.ticket_paper == "a4"
    assert desk.window.seams.printer.paper == "a4"  # the next ticket uses it, without a restart


def test_the_ticket_printer_setting_says_what_happens_without_a_printer(tmp_path: Path) -> None:
    """Its description said "empty means ask with the print dialog"; tickets now go to PDF files by number."""
    from desk_app.core.settings import SETTINGS
    from desk_app.gui.printing import default_pdf_folder, ticket_pdf_path

    described = next(s.description for s in SETTINGS if s.name == "ticket_printer")
    assert "dialog" in described and "no dialog" in described and "ask" not in described
    assert ticket_pdf_path(tmp_path, "<number>").name in described
    assert "/".join(default_pdf_folder().parts[-2:]) in described


def test_the_role_is_not_said_twice_in_the_status_bar(qtbot: QtBot, open_desk: Any, log_in: Any, services: Any,
                                                      system_actor: Any, staff: Any) -> None:
    """The demo supervisor is «Giulia Ferrari (responsabile)»: the bar said «… (responsabile) (responsabile)»."""
    services.staff.add_staff(system_actor, "giulia", "Giulia Ferrari (responsabile)", "supervisor",
                             "giulia-password", "LODI")
    desk = open_desk("D1")
    log_in(desk, "giulia")
    assert desk.window.who_label.text().startswith("Giulia Ferrari (responsabile)")
    assert "(responsabile) (responsabile)" not in desk.window.who_label.text()
    assert desk.window.who_label.text().count("responsabile") == 1
    other = open_desk("D2")
    log_in(other, "clerk")
    assert other.window.who_label.text() == "Clerk (operatore) a Sportello 2"  # a plain name still gets its role


@pytest.mark.parametrize("role", ["clerk", "supervisor", "admin"])
def test_no_two_shortcuts_of_the_desk_window_share_a_key(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                         role: str) -> None:
    """Every menu entry and counter key of the window answers one key sequence of its own: a menu that took F9
    silently stole the counter's Finish (Qt calls an ambiguous shortcut neither's action)."""
    from PySide6.QtGui import QAction, QShortcut

    desk = open_desk("D1")
    log_in(desk, role)
    settle(qtbot, desk)
    seen: dict[str, str] = {}
    clashes = []
    owners = [(a.text() or a.objectName(), a.shortcuts()) for a in desk.window.findChildren(QAction)]
    owners += [(s.objectName() or repr(s), [s.key()]) for s in desk.window.findChildren(QShortcut)
               if s.isEnabled()]
    for name, keys in owners:
        for key in keys:
            text = key.toString()
            if not text:
                continue
            if text in seen and seen[text] != name:
                clashes.append((text, seen[text], name))
            seen.setdefault(text, name)
    assert len(seen) >= 5  # the counter's F-keys and the menus' keys were found at all
    assert clashes == []
