"""Screenshots of the Content tab's Italian texts editor and legalisation table (issue 12).

A throw-away demo office; the supervisor ``responsabile`` changes the name of RF-NO (its translations turn stale),
types an overlong text (refused as typed), and the legalisation table is grabbed: ``admin-content-editor.png``,
``admin-content-editor-problem.png``, ``admin-content-stale.png``, ``admin-legalisation.png``::

    QT_QPA_PLATFORM=offscreen python scripts/content_editor_screenshots.py
"""

from __future__ import annotations

import sys

from screenshot_support import OUT, demo_home, desk_window, grab, log_in, open_admin, settle, wait_until


def main() -> int:
    home, settings = demo_home("sportello-admin-shots-")
    _app, window = desk_window(settings, home)
    log_in(window, "responsabile")
    admin = open_admin(window)
    content = admin.content_view
    admin.tabs.setCurrentWidget(content)
    editor = content.editor
    content.pages.setCurrentWidget(editor)
    wait_until(lambda: bool(editor.states) and editor.procedureBox.count() > 0)
    editor.procedureBox.setCurrentIndex(editor.procedureBox.findData("RF-NO"))
    wait_until(lambda: bool(editor.states) and editor.states[0].key == "proc.RF-NO.name")
    editor.textList.setCurrentRow(0)
    editor.textEdit.setPlainText("Ricongiungimento familiare: richiesta del nulla osta")
    editor.save()
    wait_until(lambda: editor.messageLabel.text().startswith("Salvat"))
    settle(window)
    grab(admin, "admin-content-editor.png")
    keys = [state.key for state in editor.states]
    flagged = next((k for k, s in zip(keys, editor.states, strict=True) if s.verify), keys[1])
    editor.textList.setCurrentRow(keys.index(flagged))
    editor.textEdit.setPlainText(editor.textEdit.toPlainText() + " " + "x" * 2000)
    settle(window)
    grab(admin, "admin-content-editor-problem.png")
    content.pages.setCurrentIndex(0)
    wait_until(lambda: content.model.rowCount() > 0)
    content.view.scrollTo(content.model.index(content.model.documents.index("RF-NO"), 0))  # the edited sheet
    settle(window)
    grab(admin, "admin-content-stale.png")
    content.pages.setCurrentWidget(content.legalisation)
    wait_until(lambda: content.legalisation.table.rowCount() > 0)
    settle(window)
    grab(admin, "admin-legalisation.png")
    window.shutdown()
    print("wrote", ", ".join(str(OUT / n) for n in ("admin-content-editor.png", "admin-content-editor-problem.png",
                                                     "admin-content-stale.png", "admin-legalisation.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
