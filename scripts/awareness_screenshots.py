"""Screenshots of the awareness-sessions window (issue 16) for the README, and the slides rendered to PNG.

A throw-away demo office (``--home`` in a temp folder, its centres and sessions from the demo data); the supervisor
``responsabile`` opens the window, selects a held session (its counts), then prepares a new one and asks the roster
who can come (a mediator busy at the counter or at another session shows why). Saved to ``docs/screenshots/``::

    xvfb-run -a python scripts/awareness_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtCore import QDateTime
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
    home = Path(tempfile.mkdtemp(prefix="sportello-awareness-shots-"))
    settings = Settings.load(home=home, overrides={"language": "it", "desk_code": ""}, environ={})
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
    page = window.login_page
    page.ui.usernameEdit.setText("responsabile")
    page.ui.passwordEdit.setText(DEMO_PASSWORD)
    page.ui.loginButton.click()
    wait_until(lambda: window.sessions.session is not None)
    settle(window)
    window.awareness.action.trigger()
    dialog = window.awareness.window
    assert dialog is not None
    wait_until(lambda: dialog.model.rowCount() > 0)
    held = next(n for n, row in enumerate(dialog.model.rows) if row.status == "held")
    dialog.table.selectRow(held)
    settle(window)
    planned = next(row for row in dialog.model.rows if row.status == "planned" and row.mediator_code)
    # the same mediator, the same morning, another centre: the roster says she is busy
    start = planned.starts_at.astimezone() + timedelta(minutes=30)
    dialog.when_edit.setDateTime(QDateTime(datetime.combine(start.date(), time(start.hour, start.minute))))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(planned.language))
    dialog.organisation_edit.setText("Numero Verde Antitratta")
    dialog.check_mediators()
    settle(window)
    dialog.grab().save(str(OUT / "awareness-window.png"))
    window.shutdown()
    print("saved", OUT / "awareness-window.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
