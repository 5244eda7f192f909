"""The Content tab's Italian texts editor and legalisation table (issue 12), on real desk windows over SQLite and
PostgreSQL: the Italian checked as typed with the core's rule, saved through the core, its translations then stale
in the editor and in the coverage table; read-only for a clerk; the legalisation table with source, date and
"to verify"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.core.catalogue import MAX_TEXT
from desk_app.core.translations import TARGET_LANGUAGES
from desk_app.db.models import AuditEvent

from .conftest import WAIT_MS, settle

NEW_NAME = "Ricongiungimento familiare: richiesta del nulla osta"


def _content(qtbot: QtBot, desk: Any) -> Any:
    desk.window.admin.action.trigger()
    settle(qtbot, desk)
    window = desk.window.admin.window
    assert window is not None
    content = window.content_view
    window.tabs.setCurrentWidget(content)
    qtbot.waitUntil(lambda: content.model.rowCount() > 0 and bool(content.editor.states), timeout=WAIT_MS)
    return content


def _choose(qtbot: QtBot, editor: Any, code: str, key: str) -> None:
    editor.procedureBox.setCurrentIndex(editor.procedureBox.findData(code))
    qtbot.waitUntil(lambda: bool(editor.states) and editor.states[0].key == f"proc.{code}.name", timeout=WAIT_MS)
    keys = [state.key for state in editor.states]
    editor.textList.setCurrentRow(keys.index(key))


def test_italian_edit_checked_as_typed_saved_and_translations_turn_stale(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any, system_actor: Any) -> None:
    services.content.load(system_actor)
    before = {state.key: state for state in services.translations.procedure_texts("RF-NO")}
    translated = [lang for lang in TARGET_LANGUAGES if before["proc.RF-NO.name"].statuses[lang] != "missing"]
    assert "en" in translated and not any(before["proc.RF-NO.name"].statuses[lang] == "stale" for lang in translated)
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    content = _content(qtbot, desk)
    editor = content.editor
    _choose(qtbot, editor, "RF-NO", "proc.RF-NO.name")
    # Each text shows its sources with their check date.
    assert "verificata il" in editor.sourcesLabel.text()
    assert not editor.saveButton.isEnabled()  # nothing changed yet
    editor.textEdit.setPlainText("Ricongiungimento \u202e familiare")  # a direction override: refused as typed
    assert editor.messageLabel.text() and not editor.saveButton.isEnabled()
    editor.textEdit.setPlainText("x" * (MAX_TEXT + 1))
    assert str(MAX_TEXT) in editor.messageLabel.text() and not editor.saveButton.isEnabled()
    editor.textEdit.clear()
    qtbot.keyClicks(editor.textEdit, NEW_NAME)
    assert editor.messageLabel.text() == "" and editor.saveButton.isEnabled()
    editor.saveButton.click()
    qtbot.waitUntil(lambda: editor.messageLabel.text().startswith("Salvat"), timeout=WAIT_MS)
    state = editor.current_state()
    assert state is not None and state.key == "proc.RF-NO.name" and state.text == NEW_NAME and state.edited
    assert all(state.statuses[lang] == "stale" for lang in translated)  # every translation of it needs work
    assert set(translated) <= set(state.needs_work)
    assert "en" in editor.workLabel.text()
    # Stored through the core, audited, and the coverage table follows.
    assert services.content.texts("it")["proc.RF-NO.name"].text == NEW_NAME
    edited = services.db.read(lambda s: list(s.execute(select(AuditEvent.object_id).where(
        AuditEvent.action == "content.edit")).scalars()))
    assert edited == ["proc.RF-NO.name/it"]
    row, column = content.model.documents.index("RF-NO"), TARGET_LANGUAGES.index("en")
    qtbot.waitUntil(lambda: content.model.cell(row, column).status == "stale", timeout=WAIT_MS)


def test_a_clerk_reads_the_texts_but_cannot_save(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                 services: Any, system_actor: Any) -> None:
    services.content.load(system_actor)
    desk = open_desk("D1")
    log_in(desk, "clerk")
    editor = _content(qtbot, desk).editor
    _choose(qtbot, editor, "RF-NO", "proc.RF-NO.summary")
    assert editor.textEdit.isReadOnly() and editor.textEdit.toPlainText()
    editor.textEdit.setPlainText("Un altro riassunto")
    assert not editor.saveButton.isEnabled()
    editor.save()  # even called directly: nothing is sent
    settle(qtbot, desk)
    assert services.content.texts("it")["proc.RF-NO.summary"].text != "Un altro riassunto"


def test_checklist_lines_show_their_to_verify_flag(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                   services: Any, system_actor: Any) -> None:
    services.content.load(system_actor)
    flagged = next((code, state) for code in [p.code for p in services.content.procedures()]
                   for state in services.translations.procedure_texts(code) if state.verify)
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    editor = _content(qtbot, desk).editor
    _choose(qtbot, editor, flagged[0], flagged[1].key)
    assert flagged[1].verify in editor.sourcesLabel.text()
    assert "⚠" in editor.textList.currentItem().text()


def test_legalisation_table_shows_requirement_source_date_and_to_verify(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                                        staff: Any, services: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    desk.window.admin.action.trigger()
    settle(qtbot, desk)
    view = desk.window.admin.window.content_view.legalisation
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=WAIT_MS)
    countries = services.legalisation.countries()
    assert view.table.rowCount() == len(countries)
    for row, country in enumerate(countries):
        assert view.table.item(row, 2).text() == country.source and country.source
        assert view.table.item(row, 3).text() == country.checked_on
        assert view.table.item(row, 0).text().startswith("⚠") == bool(country.verify)
    assert any(c.verify for c in countries)  # the shipped table has open doubts: they are marked
    assert view.table.editTriggers() == view.table.EditTrigger.NoEditTriggers


def test_a_checklist_line_edited_gives_a_new_checklist_version(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                               staff: Any, services: Any, system_actor: Any) -> None:
    services.content.load(system_actor)
    before = services.content.procedure("RF-NO")
    key = f"item.{before.items[0].key}"
    desk = open_desk("D1")
    log_in(desk, "admin")
    editor = _content(qtbot, desk).editor
    _choose(qtbot, editor, "RF-NO", key)
    assert editor.current_state().text == before.items[0].text_it
    assert "verificata il" in editor.sourcesLabel.text()  # the line's own frozen sources
    editor.textEdit.setPlainText("Passaporto valido, originale e fotocopia di tutte le pagine")
    qtbot.keyClick(editor.textEdit, Qt.Key.Key_Tab)  # keyboard: Tab moves on, it types no tab (refused)
    assert "\t" not in editor.textEdit.toPlainText() and editor.saveButton.isEnabled()
    qtbot.keyClick(editor.saveButton, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: editor.messageLabel.text().startswith("Salvat"), timeout=WAIT_MS)
    after = services.content.procedure("RF-NO")
    assert after.version == before.version + 1  # open cases keep the version they were checked against
    assert after.items[0].text_it == "Passaporto valido, originale e fotocopia di tutte le pagine"
    assert editor.current_state().key == key and "en" in editor.current_state().needs_work


def test_a_text_changed_meanwhile_is_not_overwritten_and_the_typed_text_stays(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any, system_actor: Any) -> None:
    services.content.load(system_actor)
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    editor = _content(qtbot, desk).editor
    _choose(qtbot, editor, "RF-NO", "proc.RF-NO.name")
    loaded = editor.current_state().text
    # Another administrator saves the same text after this editor read it.
    services.content.edit_text(staff["admin"], "proc.RF-NO.name", "it", "Nulla osta (testo dell'amministratore)",
                               expected=loaded)
    editor.textEdit.clear()
    qtbot.keyClicks(editor.textEdit, NEW_NAME)
    editor.saveButton.click()
    qtbot.waitUntil(lambda: "nel frattempo" in editor.messageLabel.text(), timeout=WAIT_MS)
    assert "admin" in editor.messageLabel.text()
    assert services.content.texts("it")["proc.RF-NO.name"].text == "Nulla osta (testo dell'amministratore)"
    # The list shows the new text, the box still holds what was typed, and saving again replaces it knowingly.
    state = editor.current_state()
    assert state is not None and state.key == "proc.RF-NO.name"
    assert state.text == "Nulla osta (testo dell'amministratore)"
    assert editor.textEdit.toPlainText() == NEW_NAME and editor.saveButton.isEnabled()
    editor.saveButton.click()
    qtbot.waitUntil(lambda: editor.messageLabel.text().startswith("Salvat"), timeout=WAIT_MS)
    assert services.content.texts("it")["proc.RF-NO.name"].text == NEW_NAME
    edited = services.db.read(lambda s: list(s.execute(select(AuditEvent.actor).where(
        AuditEvent.action == "content.edit").order_by(AuditEvent.id)).scalars()))
    assert edited == ["admin", "supervisor"]  # the refused save left no row
