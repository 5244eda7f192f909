"""The document checklist in the desk window: attach, tick, notes, outcome, reopen, sheets with their status."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.core.sheets import SheetBuilder
from desk_app.gui.checklist import CaseItemsModel, ChecklistPanel

from .conftest import WAIT_MS, press, settle


@pytest.fixture
def catalogue(services: Any, system_actor: Any, office: Any) -> None:
    """The shipped procedure catalogue and translations, loaded into the test office."""
    services.content.load(system_actor)


def _panel(desk: Any) -> ChecklistPanel:
    return desk.workspace.checklist


def _row(panel: ChecklistPanel, key: str) -> int:
    return next(r for r in range(panel.model.rowCount()) if panel.model.item(r).key == key)


def _cell(panel: ChecklistPanel, key: str, column: int) -> str:
    return panel.model.index(_row(panel, key), column).data()


def _mark(qtbot: QtBot, desk: Any, key: str, shortcut: Qt.Key, note: str = "") -> None:
    """Select the document, type its note, press the state's shortcut (Ctrl+digit) on the checklist."""
    panel = _panel(desk)
    panel.ui.itemsView.selectRow(_row(panel, key))
    if note:
        panel.ui.itemNoteEdit.setText(note)
    panel.ui.itemsView.setFocus()
    with qtbot.waitSignal(panel.case_changed, timeout=WAIT_MS):
        qtbot.keyClick(panel.ui.itemsView, shortcut, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desk)


def test_checklist_at_the_counter(qtbot: QtBot, qtmodeltester: Any, open_desk: Any, log_in: Any, staff: Any,
                                  services: Any, catalogue: None) -> None:
    services.queue.issue_ticket(staff["clerk2"], "RF", language="ar")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_F5)  # R001 at the desk
    press(qtbot, desk, Qt.Key.Key_F10)  # to the checklist tab
    workspace = desk.workspace
    assert workspace.ui.workTabs.currentWidget() is workspace.ui.checklistTab
    panel = _panel(desk)
    combo = panel.ui.procedureCombo
    codes = [combo.itemData(i) for i in range(combo.count())]
    rf = [p.code for p in services.content.procedures() if p.service_code == "RF"]
    assert codes[:len(rf)] == rf and codes[len(rf)] is None  # the ticket's service first, then a separator
    assert "LEG" in codes[len(rf):]
    assert panel.ui.languageCombo.currentData() == "ar" == panel.ui.sheetLanguageCombo.currentData()
    assert not panel.ui.printMissingButton.isEnabled()  # no case yet

    combo.setCurrentIndex(codes.index("RF-NO"))
    panel.ui.practiceEdit.setText("rf/2026/0042")
    with qtbot.waitSignal(panel.case_changed, timeout=WAIT_MS):
        panel.ui.attachButton.click()
    settle(qtbot, desk)
    case = panel.case
    assert case is not None and (case.procedure_code, case.practice_number, case.language, case.ticket_number) \
        == ("RF-NO", "RF/2026/0042", "ar", "R001")
    procedure = services.content.procedure("RF-NO")
    assert panel.model.rowCount() == len(procedure.items)
    qtmodeltester.check(panel.model, force_py=True)
    # Required, optional and conditional (with its condition) items; "to verify" visible.
    assert _cell(panel, "passport", CaseItemsModel.NEED) == "Obbligatorio"
    insurance = next(i for i in procedure.items if i.key == "insurance_parent")
    assert _cell(panel, "insurance_parent", CaseItemsModel.NEED) == f"Condizionale: {insurance.condition_it}"
    assert "€16" in _cell(panel, "marca_bollo", CaseItemsModel.NEED)
    assert _cell(panel, "marca_bollo", CaseItemsModel.VERIFY) == "da verificare"
    verify_tip = panel.model.index(_row(panel, "marca_bollo"), CaseItemsModel.VERIFY).data(Qt.ItemDataRole.ToolTipRole)
    assert "forse una marca" in verify_tip
    assert _cell(panel, "passport", CaseItemsModel.STATE) == "Da controllare"

    _mark(qtbot, desk, "passport", Qt.Key.Key_1)
    _mark(qtbot, desk, "income", Qt.Key.Key_2, note="manca il CUD 2025")
    _mark(qtbot, desk, "insurance_parent", Qt.Key.Key_3)
    assert _cell(panel, "passport", CaseItemsModel.STATE) == "Presentato"
    assert _cell(panel, "income", CaseItemsModel.NOTE) == "manca il CUD 2025"
    stored = {i.key: (i.state, i.note) for i in services.cases.get(staff["clerk"], case.id).items}
    assert stored["passport"] == ("presented", "") and stored["income"] == ("missing", "manca il CUD 2025")
    assert stored["insurance_parent"] == ("not_applicable", "")

    # The translation status of both sheets is on screen before printing, as the core computes it.
    builder = SheetBuilder(services.content)
    expected = {"instructions": builder.instructions("RF-NO", "ar").status,
                "missing": builder.missing(services.cases.get(staff["clerk"], case.id), "ar").status}
    qtbot.waitUntil(lambda: panel.statuses == expected, timeout=WAIT_MS)
    assert "Traduzione in Arabo" in panel.ui.translationLabel.text()
    panel.ui.printMissingButton.click()
    settle(qtbot, desk)
    panel.ui.bilingualCheck.setChecked(True)
    panel.ui.pdfInstructionsButton.click()
    settle(qtbot, desk)
    (how1, path1, missing), (how2, path2, instructions) = desk.sheets.written
    assert (how1, missing.kind, missing.lang, missing.bilingual) == ("print", "missing", "ar", False)
    assert (how2, instructions.kind, instructions.lang, instructions.bilingual) == ("pdf", "instructions", "ar", True)
    assert path1.stat().st_size > 0 and path2.read_bytes().startswith(b"%PDF")
    listed = [b.line.italian or b.line.text for b in missing.blocks if b.kind == "item"]
    assert len(listed) == 1  # only the missing document is on the "bring next time" sheet

    panel.ui.noteEdit.setPlainText("Torna con il CUD.")
    panel.ui.caseOutcomeCombo.setCurrentIndex(panel.ui.caseOutcomeCombo.findData("incomplete"))
    with qtbot.waitSignal(panel.case_changed, timeout=WAIT_MS):
        panel.ui.closeCaseButton.click()
    settle(qtbot, desk)
    closed = services.cases.get(staff["clerk"], case.id)
    assert (closed.status, closed.outcome, closed.note) == ("closed", "incomplete", "Torna con il CUD.")
    assert not panel.item_actions["presented"].isEnabled()  # a closed case is read-only until reopened
    assert desk.warnings() == [str(path2)]  # only "sheet saved" with its path; nothing was refused

    # Next visit: a new ticket clears the screen; the practice number brings the case back.
    press(qtbot, desk, Qt.Key.Key_F4)
    press(qtbot, desk, Qt.Key.Key_F9)
    services.queue.issue_ticket(staff["clerk2"], "RF", language="ar")
    press(qtbot, desk, Qt.Key.Key_F5)
    assert workspace.current.number == "R002" and panel.case is None
    panel.ui.practiceEdit.setText("RF/2026/0042")
    with qtbot.waitSignal(panel.case_changed, timeout=WAIT_MS):
        panel.ui.reopenButton.click()
    settle(qtbot, desk)
    reopened = panel.case
    assert (reopened.id, reopened.status, reopened.visits, reopened.ticket_number) == (case.id, "open", 2, "R002")
    assert _cell(panel, "income", CaseItemsModel.STATE) == "Mancante"  # what was recorded last time is kept
    assert panel.item_actions["presented"].isEnabled()  # open again, first document selected


def test_reopen_unknown_practice_number_says_so(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                 services: Any, catalogue: None) -> None:
    desk = open_desk("D3")
    log_in(desk, "clerk")
    panel = _panel(desk)
    panel.ui.practiceEdit.setText("NONE-1")
    panel.ui.reopenButton.click()
    settle(qtbot, desk)
    assert desk.warnings() == ["Nessuna pratica ha il numero NONE-1."]
    assert panel.case is None and not panel.ui.attachButton.isEnabled()  # no ticket at the desk


def test_without_catalogue_the_panel_says_how_to_load_it(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                         staff: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    panel = _panel(desk)
    assert "desk-admin content load" in panel.ui.caseLabel.text()
    assert panel.ui.procedureCombo.count() == 0 and not panel.ui.printInstructionsButton.isEnabled()
