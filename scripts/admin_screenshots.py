"""Screenshots of the administration window (issue 12) for the README: office settings, staff, audit log.

A throw-away demo office (``--home`` in a temp folder); ``admin`` logs in, changes a setting and resets a password,
and each tab is grabbed to ``docs/screenshots/`` (``admin-settings.png``, ``admin-services.png``,
``admin-calendar.png``, ``admin-mediators.png``, ``admin-content.png``, ``admin-staff.png``, ``admin-audit.png``),
plus the settings tab as the supervisor ``responsabile`` sees it (``admin-settings-supervisor.png``)::

    QT_QPA_PLATFORM=offscreen python scripts/admin_screenshots.py
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

    log_in("admin")
    window.admin.action.trigger()
    admin = window.admin.window
    assert admin is not None
    settle(window)
    editor = admin.settings_editor
    editor.fields["board_message"].setText("Martedì 24 dicembre lo sportello chiude alle 12:00")
    editor.fields["sheet_hours"].setPlainText("lunedì-venerdì 9:00-12:30\nmartedì e giovedì anche 14:30-16:00")
    editor.save()
    settle(window)
    editor.fields["service_level_percent"].setValue(85)
    editor.fields["board_title"].setText("x" * 81)  # a problem shown as typed
    admin.grab().save(str(OUT / "admin-settings.png"))
    editor.fields["board_title"].setText("")
    editor.fields["service_level_percent"].setValue(80)

    office = admin.office_editor
    admin.tabs.setCurrentWidget(office)
    wait_until(lambda: office.office is not None)
    table = office.services.table
    codes = [table.item(r, 0).text() for r in range(table.rowCount())]
    table.item(codes.index("LAV"), 3).setText("0")  # a problem shown as typed, with its line
    admin.grab().save(str(OUT / "admin-services.png"))
    table.item(codes.index("LAV"), 3).setText("30")

    calendar = admin.calendar_editor
    admin.tabs.setCurrentWidget(calendar)
    calendar.serviceBox.setCurrentIndex(calendar.serviceBox.findData("RF"))
    settle(window)
    admin.grab().save(str(OUT / "admin-calendar.png"))

    mediators = admin.mediator_editor
    admin.tabs.setCurrentWidget(mediators)
    wait_until(lambda: mediators.model.rowCount() > 0)
    mediators.view.selectRow(0)
    admin.grab().save(str(OUT / "admin-mediators.png"))

    content = admin.content_view
    admin.tabs.setCurrentWidget(content)
    wait_until(lambda: content.model.rowCount() > 0)
    admin.grab().save(str(OUT / "admin-content.png"))

    staff = admin.staff_editor
    admin.tabs.setCurrentWidget(staff)
    wait_until(lambda: staff.model.rowCount() > 0)
    staff.view.selectRow(next(i for i, s in enumerate(staff.model.rows) if s.username == "operatore1"))
    staff.reset_password()
    settle(window)
    admin.grab().save(str(OUT / "admin-staff.png"))

    audit = admin.audit_viewer
    admin.tabs.setCurrentWidget(audit)
    audit.actionEdit.setText("staff.")
    audit.search()
    settle(window)
    audit.actionEdit.setText("")
    audit.search()
    settle(window)
    audit.verify()
    settle(window)
    admin.grab().save(str(OUT / "admin-audit.png"))

    window.sessions.lock("")
    settle(window)
    log_in("responsabile")
    window.admin.action.trigger()
    supervisor = window.admin.window
    assert supervisor is not None
    settle(window)
    supervisor.grab().save(str(OUT / "admin-settings-supervisor.png"))
    window.shutdown()
    print("saved", *(OUT / n for n in ("admin-settings.png", "admin-services.png", "admin-calendar.png",
                                       "admin-mediators.png", "admin-content.png", "admin-staff.png",
                                       "admin-audit.png", "admin-settings-supervisor.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
