"""Screenshots of the Content tab's Italian texts editor and legalisation table (issue 12).

A throw-away demo office; the supervisor ``responsabile`` changes the name of RF-NO (its translations turn stale),
types an overlong text (refused as typed), and the legalisation table is grabbed: ``admin-content-editor.png``,
``admin-content-editor-problem.png``, ``admin-content-stale.png``, ``admin-legalisation.png``::

    QT_QPA_PLATFORM=offscreen python scripts/content_editor_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtWidgets import QApplication
    from take_screenshots import settle, wait_until

    from desk_app.core.auth import Actor
    from desk_app.core.demo import DEMO_PASSWORD, create_demo_office
    from desk_app.core.settings import Settings
    from desk_app.gui.app import build_main_window, connect_core, prepare_application
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams
    from desk_app.gui.sheet_printing import PdfSheetPrinter

    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="sportello-admin-shots-"))
    settings = Settings.load(home=home, overrides={"language": "it", "desk_code": "D1"}, environ={})
    core = connect_core(settings)
    create_demo_office(core, Actor.system("screenshots"))
    core.close()

    app = QApplication([sys.argv[0]])
    prepare_application(app, settings)
    seams = Seams(RecordingDialogs(save_folder=home), CountingChime(),
                  PdfTicketPrinter(home / "tickets", "receipt80"), PdfSheetPrinter(home / "sheets"))
    window = build_main_window(settings, seams, None)
    window.show()
    window.start()
    wait_until(lambda: window.runtime.office is not None)

    def log_in(username: str) -> None:
        page = window.login_page
        page.ui.usernameEdit.setText(username)
        page.ui.passwordEdit.setText(DEMO_PASSWORD)
        page.ui.loginButton.click()
        wait_until(lambda: window.sessions.session is not None)
        settle(window)

    log_in("responsabile")
    window.admin.action.trigger()
    admin = window.admin.window
    assert admin is not None
    settle(window)
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
    admin.grab().save(str(OUT / "admin-content-editor.png"))
    keys = [state.key for state in editor.states]
    flagged = next((k for k, s in zip(keys, editor.states, strict=True) if s.verify), keys[1])
    editor.textList.setCurrentRow(keys.index(flagged))
    editor.textEdit.setPlainText(editor.textEdit.toPlainText() + " " + "x" * 2000)
    settle(window)
    admin.grab().save(str(OUT / "admin-content-editor-problem.png"))
    content.pages.setCurrentIndex(0)
    wait_until(lambda: content.model.rowCount() > 0)
    content.view.scrollTo(content.model.index(content.model.documents.index("RF-NO"), 0))  # the edited sheet
    settle(window)
    admin.grab().save(str(OUT / "admin-content-stale.png"))
    content.pages.setCurrentWidget(content.legalisation)
    wait_until(lambda: content.legalisation.table.rowCount() > 0)
    settle(window)
    admin.grab().save(str(OUT / "admin-legalisation.png"))
    window.shutdown()
    print("wrote", ", ".join(str(OUT / n) for n in ("admin-content-editor.png", "admin-content-editor-problem.png",
                                                     "admin-content-stale.png", "admin-legalisation.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
