"""The administration window's ticket lines (issue 12), on real desk windows over SQLite and PostgreSQL: the 13
languages with the shipped and the office's line (right to left where the language is), the line checked as typed
with the core's rule and saved through the core, a direction mark pasted with an Arabic line removed, the office's
line printed by another desk's walk-in ticket, an empty line back to the shipped one; read-only for a clerk."""

from __future__ import annotations

import subprocess
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.core.office_settings import TICKET_LINE_MAX
from desk_app.core.queue import LANGUAGES
from desk_app.db.models import AuditEvent
from desk_app.documents.tickets import ticket_lines
from desk_app.gui.admin.ticket_lines_editor import OFFICE, RLE, SHIPPED, SOURCE

from .conftest import WAIT_MS, settle

ARABIC = "يرجى الانتظار حتى يظهر رقمك على شاشة القاعة."
ITALIAN = "Attenda il suo numero sul tabellone della sala, grazie."


def _editor(qtbot: QtBot, desk: Any) -> Any:
    desk.window.admin.action.trigger()
    settle(qtbot, desk)
    window = desk.window.admin.window
    assert window is not None and window.isVisible()
    editor = window.ticket_lines_editor
    window.tabs.setCurrentWidget(editor)
    qtbot.waitUntil(lambda: editor.current is not None, timeout=WAIT_MS)
    return editor


def _cell(editor: Any, code: str, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    return editor.model.index(editor.model.codes.index(code), column).data(role)


def test_a_line_is_checked_as_typed_saved_and_printed_by_another_desk(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                                      staff: Any, services: Any) -> None:
    first, second = open_desk("D1"), open_desk("D2")
    log_in(first, "supervisor")
    editor = _editor(qtbot, first)
    shipped = ticket_lines()
    assert editor.model.codes == [code for code in shipped if code in LANGUAGES] and len(editor.model.codes) == 13
    # Each language by its staff name and its own; the shipped line; where the printed line comes from.
    assert "Arabo" in _cell(editor, "ar", 0) and "العربية" in _cell(editor, "ar", 0)
    assert _cell(editor, "ar", SHIPPED) == f"{RLE}{shipped['ar'].wait}\u202c"  # right to left in its cell
    assert _cell(editor, "ar", SHIPPED, Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    assert _cell(editor, "en", SHIPPED) == shipped["en"].wait and _cell(editor, "ar", OFFICE) == "—"
    assert "da verificare" in _cell(editor, "ar", SOURCE) and "madrelingua" in _cell(editor, "it", SOURCE)
    editor.choose("ar")
    assert editor.lineEdit.text() == shipped["ar"].wait and editor.lineEdit.layoutDirection() == \
        Qt.LayoutDirection.RightToLeft
    assert not editor.saveButton.isEnabled() and not editor.restoreButton.isEnabled()  # nothing changed yet
    editor.lineEdit.setText("x" * (TICKET_LINE_MAX + 1))
    assert "Riga del biglietto" in editor.messageLabel.text() and str(TICKET_LINE_MAX) in editor.messageLabel.text()
    assert not editor.saveButton.isEnabled()  # refused in place, before anything is sent
    editor.lineEdit.clear()
    QApplication.clipboard().setText("\u200f" + ARABIC)  # pasted with a right-to-left mark: removed, not refused
    editor.lineEdit.paste()
    assert editor.lineEdit.text().startswith("\u200f")
    assert editor.messageLabel.text() == "" and editor.saveButton.isEnabled()
    editor.saveButton.click()
    qtbot.waitUntil(lambda: editor.messageLabel.text().startswith("Salvato"), timeout=WAIT_MS)
    assert services.office_settings.current().ticket_texts() == {"ar": ARABIC}
    assert _cell(editor, "ar", OFFICE) == f"{RLE}{ARABIC}\u202c" and not editor.saveButton.isEnabled()
    qtbot.waitUntil(lambda: "(supervisor)" in _cell(editor, "ar", SOURCE), timeout=WAIT_MS)  # who, and when
    assert "dell'ufficio" in _cell(editor, "ar", SOURCE) and editor.restoreButton.isEnabled()
    # The Italian line, which every ticket prints.
    editor.choose("it")
    editor.lineEdit.setText(ITALIAN)
    editor.saveButton.click()
    qtbot.waitUntil(lambda: services.office_settings.current().ticket_texts().get("it") == ITALIAN, timeout=WAIT_MS)
    details = services.db.read(lambda s: list(s.execute(select(AuditEvent.detail).where(
        AuditEvent.action == "office.ticket_line").order_by(AuditEvent.id)).scalars()))
    assert details == [{"language": "ar", "text": ARABIC}, {"language": "it", "text": ITALIAN}]
    # The other desk heard of it on the change feed: its walk-in ticket prints the office's lines.
    qtbot.waitUntil(lambda: second.window.runtime.office_settings is not None
                    and second.window.runtime.office_settings.ticket_texts() == {"it": ITALIAN, "ar": ARABIC},
                    timeout=WAIT_MS)
    log_in(second, "clerk")
    second.window.open_walk_in()
    dialog = second.window.walk_in
    dialog.language_buttons["ar"].click()
    with qtbot.waitSignal(dialog.ticket_issued, timeout=WAIT_MS):
        dialog.service_buttons["RF"].click()
    assert dict(dialog.last_ticket.office_lines) == {"it": ITALIAN, "ar": ARABIC}
    printed = subprocess.run(["pdftotext", str(second.printer.written[-1]), "-"], check=True, capture_output=True,
                             text=True).stdout
    assert ITALIAN in " ".join(printed.split()) and "Attenda che il suo numero" not in printed
    # An empty line (or Restore): the shipped line again, on every desk.
    editor.choose("ar")
    editor.restoreButton.click()
    qtbot.waitUntil(lambda: editor.messageLabel.text().startswith("Salvato"), timeout=WAIT_MS)
    assert services.office_settings.current().ticket_texts() == {"it": ITALIAN}
    assert _cell(editor, "ar", OFFICE) == "—" and editor.lineEdit.text() == shipped["ar"].wait
    editor.choose("it")
    editor.lineEdit.clear()
    assert editor.saveButton.isEnabled()
    editor.saveButton.click()
    qtbot.waitUntil(lambda: services.office_settings.current().ticket_texts() == {}, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: second.window.runtime.office_settings.ticket_texts() == {}, timeout=WAIT_MS)


def test_a_clerk_reads_the_lines_but_cannot_change_them(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                        services: Any) -> None:
    services.office_settings.change_ticket_line(staff["admin"], "ur", "براہ کرم اپنے نمبر کا انتظار کریں۔")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    editor = _editor(qtbot, desk)
    assert "sola lettura" in editor.noteLabel.text().lower()
    qtbot.waitUntil(lambda: _cell(editor, "ur", OFFICE) != "—", timeout=WAIT_MS)
    assert "(admin)" not in _cell(editor, "ur", SOURCE)  # who changed it is for who may change it
    editor.choose("ur")
    assert editor.lineEdit.isReadOnly() and editor.lineEdit.text() == "براہ کرم اپنے نمبر کا انتظار کریں۔"
    assert editor.saveButton.isHidden() and editor.restoreButton.isHidden()
    assert not editor.saveButton.isEnabled()


def test_a_line_saved_meanwhile_is_not_overwritten_unseen(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                          services: Any) -> None:
    """A newcomer's finding: typing a Hindi line while an administrator saved another one, then saving, replaced
    the administrator's line with no word. Now the save is refused with who, when and what the line says, the
    typed line stays in the box, and a second save replaces it knowingly."""
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    editor = _editor(qtbot, desk)
    editor.choose("hi")
    mine = "कृपया स्क्रीन पर अपने नंबर की प्रतीक्षा करें, धन्यवाद।"
    theirs = "कृपया अपना नंबर आने तक प्रतीक्षा करें।"
    editor.lineEdit.setText(mine)
    services.office_settings.change_ticket_line(staff["admin"], "hi", theirs)
    editor.saveButton.click()
    qtbot.waitUntil(lambda: "nel frattempo" in editor.messageLabel.text(), timeout=WAIT_MS)
    settle(qtbot, desk)
    assert "admin" in editor.messageLabel.text() and theirs in editor.messageLabel.text()
    assert services.office_settings.current().ticket_texts() == {"hi": theirs}  # nothing stored over it
    assert editor.current_code() == "hi" and editor.lineEdit.text() == mine  # what was typed is kept
    assert editor.saveButton.isEnabled()
    editor.saveButton.click()
    qtbot.waitUntil(lambda: services.office_settings.current().ticket_texts() == {"hi": mine}, timeout=WAIT_MS)


def test_a_pasted_long_or_broken_line_stays_whole(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                  services: Any) -> None:
    """A pasted sentence over the limit is kept whole (not cut where Save would then store half of it) and said
    too long; a line pasted with a line break is one line: the break is a space."""
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    editor = _editor(qtbot, desk)
    editor.choose("es")
    long_line = "Espere hasta que su número aparezca en la pantalla de la sala; gracias por su paciencia y " \
                "por su comprensión."
    assert len(long_line) > TICKET_LINE_MAX
    editor.lineEdit.clear()
    QApplication.clipboard().setText(long_line)
    editor.lineEdit.paste()
    assert editor.lineEdit.text() == long_line and not editor.saveButton.isEnabled()
    assert str(TICKET_LINE_MAX) in editor.messageLabel.text()
    editor.lineEdit.clear()
    QApplication.clipboard().setText("Espere su número\nen la pantalla.")
    editor.lineEdit.paste()
    assert editor.saveButton.isEnabled() and editor.messageLabel.text() == ""
    editor.saveButton.click()
    qtbot.waitUntil(lambda: services.office_settings.current().ticket_texts() ==
                    {"es": "Espere su número en la pantalla."}, timeout=WAIT_MS)
