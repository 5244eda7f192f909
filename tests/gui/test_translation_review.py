"""The translations review window (issue 14): drafts marked reviewed by entry or by sheet, stale ones not markable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from .conftest import settle

SCREENSHOT = os.environ.get("DESK_APP_REVIEW_SCREENSHOT")  # a path: also save what the reviewer sees


def _row(window: Any, key: str) -> int:
    return next(r for r in range(window.table.rowCount()) if window.table.item(r, 1).text() == key)


def test_a_reviewer_marks_drafts_reviewed_and_stale_texts_stay_to_translate(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any, system_actor: Any,
        tmp_path: Path) -> None:
    services.content.load(system_actor)
    # A corrected Italian source: its French translation turns stale, as a changed law text would.
    services.content.edit_text(staff["admin"], "item.codice_fiscale", "it", "Codice fiscale (tessera sanitaria)")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    menu = desk.window.translation_review
    assert not menu.action.isEnabled()  # a clerk may not review translations
    desk.window.sessions.lock("")
    log_in(desk, "supervisor")
    assert menu.action.isEnabled() and menu.action.text() == "&Revisione delle traduzioni…"
    menu.action.trigger()
    settle(qtbot, desk)
    window = menu.window
    assert window is not None and window.isVisible()
    window.language.setCurrentIndex(window.language.findData("fr"))
    settle(qtbot, desk)
    window.sheet_list.setCurrentRow(next(n for n, s in enumerate(window.sheets) if s.code == "RF-NO"))
    sheet = window.current_sheet()
    assert sheet is not None and sheet.code == "RF-NO"
    shown = {window.table.item(r, 1).text(): window.table.item(r, 0).text() for r in range(window.table.rowCount())}
    assert shown["item.codice_fiscale"] == "da aggiornare: tradurre di nuovo"  # shown as needing work
    assert shown["proc.RF-NO.name"] == "bozza"
    italian = window.table.item(_row(window, "proc.RF-NO.name"), 2).text()
    assert italian == services.content.texts("it")["proc.RF-NO.name"].text  # the Italian source beside it
    stale = window.table.item(_row(window, "item.codice_fiscale"), 0)
    assert not stale.flags() & Qt.ItemFlag.ItemIsSelectable  # not markable

    # One entry: select its row and mark it.
    assert window.table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    selection = window.table.selectionModel()
    for key in ("proc.RF-NO.name", "item.codice_fiscale"):  # the stale row is not selected: not selectable
        selection.select(window.table.model().index(_row(window, key), 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert window.selected_keys() == ["proc.RF-NO.name"] and window.mark_button.isEnabled()
    qtbot.mouseClick(window.mark_button, Qt.MouseButton.LeftButton)
    settle(qtbot, desk)
    settle(qtbot, desk)
    statuses = services.translations.statuses("fr")
    assert statuses["proc.RF-NO.name"] == "reviewed" and statuses["proc.RF-NO.summary"] == "draft"
    assert "1 segnate come revisionate" in window.result_label.text()
    assert window.table.item(_row(window, "proc.RF-NO.name"), 0).text() == "revisionata"  # re-read

    # The whole sheet: every draft reviewed, the stale one counted and left stale.
    qtbot.mouseClick(window.sheet_button, Qt.MouseButton.LeftButton)
    settle(qtbot, desk)
    settle(qtbot, desk)
    statuses = services.translations.statuses("fr")
    keys = [e.key for e in window.current_sheet().entries]
    assert statuses["item.codice_fiscale"] == "stale"
    assert {statuses[k] for k in keys} <= {"reviewed", "stale", "missing"} and statuses["proc.RF-NO.summary"] \
        == "reviewed"
    assert "1 già revisionate" in window.result_label.text() and "da aggiornare" in window.result_label.text()
    assert not any(e.status == "draft" for e in window.current_sheet().entries)  # re-read after the marking
    assert not window.sheet_button.isEnabled()  # nothing left to mark on this sheet
    assert statuses["proc.NO-LAV.name"] == "draft"  # another sheet is untouched
    if SCREENSHOT:
        window.language.setCurrentIndex(window.language.findData("ar"))
        settle(qtbot, desk)
        window.sheet_list.setCurrentRow(next(n for n, s in enumerate(window.sheets) if s.code == "NO-LAV"))
        window.resize(1300, 760)
        qtbot.wait(50)
        window.grab().save(SCREENSHOT)

    # The window closes with the session; a locked desk cannot reopen it.
    desk.window.sessions.lock("")
    assert menu.window is None and not menu.action.isEnabled()


def test_a_translation_saved_meanwhile_is_not_overwritten_unseen(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any, system_actor: Any) -> None:
    services.content.load(system_actor)
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    desk.window.translation_review.action.trigger()
    settle(qtbot, desk)
    window = desk.window.translation_review.window
    window.language.setCurrentIndex(window.language.findData("fr"))
    settle(qtbot, desk)
    window.sheet_list.setCurrentRow(next(n for n, s in enumerate(window.sheets) if s.code == "RF-NO"))
    settle(qtbot, desk)
    window.table.setCurrentCell(_row(window, "proc.RF-NO.name"), 3)
    settle(qtbot, desk)
    # Another translator saves the same text after this window read it.
    services.content.edit_text(staff["admin"], "proc.RF-NO.name", "fr", "Autorisation de regroupement familial")
    window.editor.setPlainText("Nulla osta au regroupement familial")
    window.save_translation()
    settle(qtbot, desk)
    settle(qtbot, desk)
    assert services.content.texts("fr")["proc.RF-NO.name"].text == "Autorisation de regroupement familial"
    assert "nel frattempo" in window.result_label.text() and "admin" in window.result_label.text()
    assert window.current_entry().key == "proc.RF-NO.name"
    assert window.editor.toPlainText() == "Nulla osta au regroupement familial"  # what was typed is kept
    assert window.current_entry().translation == "Autorisation de regroupement familial"  # the new one, read
    window.save_translation()  # knowingly, now against the text just read
    settle(qtbot, desk)
    settle(qtbot, desk)
    assert services.content.texts("fr")["proc.RF-NO.name"].text == "Nulla osta au regroupement familial"
    desk.window.sessions.lock("")
