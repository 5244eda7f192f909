"""The translations review window shows the services directory's texts as the sheet "Servizi del territorio"
(issue 15): each text's Italian, the draft, its state; drafts marked reviewed; a translation corrected and saved."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from desk_app.core.directory import COVERAGE_DOCUMENT
from desk_app.gui.translation_review import DIRECTORY_SHEET

from .conftest import settle

SCREENSHOT = os.environ.get("DESK_APP_DIRECTORY_REVIEW_SCREENSHOT")  # a path: also save what the reviewer sees


def _row(window: Any, key: str) -> int:
    return next(r for r in range(window.table.rowCount()) if window.table.item(r, 1).text() == key)


def test_a_translator_reviews_and_corrects_the_directory_texts(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any, system_actor: Any) -> None:
    assert DIRECTORY_SHEET == COVERAGE_DOCUMENT  # the window's copy of the core's code (not imported at start-up)
    services.content.load(system_actor)
    services.directory.load_file(staff["admin"])
    statuses = services.translations.statuses("en")
    drafts = sorted(k for k, v in statuses.items() if k.startswith("dir.") and v == "draft")
    assert len(drafts) >= 2
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    desk.window.translation_review.action.trigger()
    settle(qtbot, desk)
    window = desk.window.translation_review.window
    assert window is not None
    window.language.setCurrentIndex(window.language.findData("en"))
    settle(qtbot, desk)
    position = next(n for n, s in enumerate(window.sheets) if s.code == DIRECTORY_SHEET)
    assert "Servizi del territorio" in window.sheet_list.item(position).text()
    window.sheet_list.setCurrentRow(position)
    sheet = window.current_sheet()
    assert sheet is not None and {e.key for e in sheet.entries} >= set(drafts)
    italian = services.content.texts("it")
    first, second = drafts[0], drafts[1]
    row = _row(window, first)
    assert window.table.item(row, 2).text() == italian[first].text  # the Italian beside the draft
    assert window.table.item(row, 3).text() == services.content.texts("en")[first].text
    assert window.table.item(row, 0).text() == "bozza"

    # mark one draft reviewed
    window.table.selectionModel().select(window.table.model().index(row, 0),
                                         QItemSelectionModel.SelectionFlag.Select
                                         | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.mouseClick(window.mark_button, Qt.MouseButton.LeftButton)
    settle(qtbot, desk)
    settle(qtbot, desk)
    assert services.translations.statuses("en")[first] == "reviewed"
    assert window.table.item(_row(window, first), 0).text() == "revisionata"

    # correct another one: saved, as reviewed, with the current Italian as its source
    window.table.setCurrentCell(_row(window, second), 3)
    assert window.editor.toPlainText() == services.content.texts("en")[second].text
    window.editor.setPlainText("Corrected English text")
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, desk)
    settle(qtbot, desk)
    assert services.content.texts("en")[second].text == "Corrected English text"
    assert services.translations.statuses("en")[second] == "reviewed"
    assert window.table.item(_row(window, second), 3).text() == "Corrected English text"
    if SCREENSHOT:
        window.resize(1300, 760)
        qtbot.wait(50)
        window.grab().save(SCREENSHOT)
    desk.window.sessions.lock("")
    assert desk.window.translation_review.window is None
