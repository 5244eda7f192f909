"""Issue 12 item 3: the first-run wizard's services and desks are the administration window's row editors, used by
keyboard: a wrong ticket letter is refused in place with Next disabled, and Finish sets the office up with the rows
typed (both backends, through the ``db_url`` fixture behind ``open_desk``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableWidget, QWizard
from pytestqt.qtbot import QtBot

from desk_app.gui.admin.office_editor import OfficeEditor
from desk_app.gui.wizard import FirstRunWizard, RowEditor

from .conftest import WAIT_MS


def _wizard(qtbot: QtBot, open_desk: Any) -> tuple[Any, FirstRunWizard]:
    desk = open_desk("D1", wait_ready=False)
    qtbot.waitUntil(lambda: desk.window.wizard is not None and desk.window.wizard.isVisible(), timeout=WAIT_MS)
    wizard = desk.window.wizard
    wizard.activateWindow()
    press(qtbot, wizard.button(QWizard.WizardButton.NextButton))  # "new office" is the choice already made
    assert wizard.currentPage() is wizard.ui.officePage
    return desk, wizard


def press(qtbot: QtBot, button: QPushButton) -> None:
    """Press a button the way the keyboard does: focus on it, then Space."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def type_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Go to a cell, open it with F2, type over what it holds and commit with Return."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, editors  # F2 opened the cell's editor
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text, timeout=WAIT_MS)  # the delegate commits queued


def add_row(qtbot: QtBot, editor: RowEditor, values: list[str]) -> None:
    """"Add a row" by keyboard, then type each cell of the new row."""
    press(qtbot, editor.addButton)
    row = editor.table.rowCount() - 1
    assert editor.table.currentRow() == row  # the new row is where typing goes
    for column, text in enumerate(values):
        type_cell(qtbot, editor.table, row, column, text)


def test_the_wizard_and_the_admin_window_share_the_editors(qtbot: QtBot, open_desk: Any) -> None:
    """No text lines are left on the page: the tables are the ones the office editor is built of."""
    _desk, wizard = _wizard(qtbot, open_desk)
    assert not hasattr(wizard.ui, "servicesEdit") and not hasattr(wizard.ui, "desksEdit")
    assert ";" not in wizard.ui.officePage.subTitle()
    assert type(wizard.services) is RowEditor and type(wizard.desks) is RowEditor
    assert "service_editor" in OfficeEditor.__init__.__code__.co_names  # the admin builds the same tables
    assert wizard.ui.servicesLabel.buddy() is wizard.services.table  # Alt+S reaches the table
    assert [r["code"] for r in wizard.desks.rows()] == ["D1", "D2", "D3"]


def test_a_wrong_letter_is_refused_in_place_and_next_is_disabled(qtbot: QtBot, open_desk: Any,
                                                                   services: Any) -> None:
    _desk, wizard = _wizard(qtbot, open_desk)
    table, next_button = wizard.services.table, wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    type_cell(qtbot, table, 1, 1, "NN")  # LAV's letter: one letter only
    message = wizard.services.messageLabel.text()
    assert message.startswith("Riga 2, Lettera") and "NN" in message
    assert table.item(1, 1).background().color().name() == "#f8d7da"  # the cell itself is marked
    assert table.item(1, 0).background().style() == Qt.BrushStyle.NoBrush  # not the others
    assert not next_button.isEnabled()
    wizard.next()  # even asked directly, the page is not left
    assert wizard.currentPage() is wizard.ui.officePage
    type_cell(qtbot, table, 1, 1, "4")  # a digit is no ticket letter either
    assert wizard.services.messageLabel.text().startswith("Riga 2, Lettera") and not next_button.isEnabled()
    type_cell(qtbot, table, 1, 1, "N")
    assert wizard.services.messageLabel.text() == "" and next_button.isEnabled()
    # A desk naming a service that is not above keeps Next disabled too, said on the desk's line.
    type_cell(qtbot, wizard.desks.table, 2, 2, "LEG,XYZ")
    assert wizard.desks.messageLabel.text().startswith("Riga 3, ") and "XYZ" in wizard.desks.messageLabel.text()
    assert not next_button.isEnabled()
    type_cell(qtbot, wizard.desks.table, 2, 2, "LEG")
    assert next_button.isEnabled()
    assert services.offices.offices() == []  # nothing stored while typing


def test_finish_creates_the_office_with_the_rows_typed(qtbot: QtBot, open_desk: Any, services: Any) -> None:
    desk, wizard = _wizard(qtbot, open_desk)
    add_row(qtbot, wizard.services, ["CIT", "C", "Cittadinanza", "30"])
    add_row(qtbot, wizard.desks, ["D4", "Sportello 4", "CIT, RF"])
    type_cell(qtbot, wizard.services.table, 0, 3, "25")  # RF's target wait changed
    assert wizard.services.messageLabel.text() == "" and wizard.desks.messageLabel.text() == ""
    press(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.ui.adminPage
    for edit, text in ((wizard.ui.adminNameEdit, "Anna Admin"), (wizard.ui.adminPasswordEdit, "first-admin-pass"),
                       (wizard.ui.adminRepeatEdit, "first-admin-pass")):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    with qtbot.waitSignal(desk.window.ready, timeout=WAIT_MS):
        press(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    office = services.offices.view()
    assert sorted((s.code, s.prefix, s.target_wait_minutes) for s in office.services) == [
        ("CIT", "C", 30), ("LAV", "N", 20), ("LEG", "L", 15), ("RF", "R", 25)]
    assert sorted(d.code for d in office.desks) == ["D1", "D2", "D3", "D4"]
    d4 = next(d for d in office.desks if d.code == "D4")
    assert (d4.name, sorted(d4.service_codes)) == ("Sportello 4", ["CIT", "RF"])
