"""Screenshots of the office-wide changes that reach running desks (issue 12) for the README.

A throw-away demo office (``--home`` in a temp folder, a morning of tickets simulated): the board with the office's
title and notice (``admin-board-texts.png``), the supervisor console with the services below the office's
service-level target marked (``admin-service-level.png``), the "Services and desks" tab with a service out of use
(``admin-out-of-use.png``) and the mediators tab editing a mediator's languages (``admin-mediator-languages.png``),
all to ``docs/screenshots/``::

    QT_QPA_PLATFORM=offscreen python scripts/admin_live_screenshots.py   # or under xvfb-run -a
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
OUT = ROOT / "docs" / "screenshots"
NAMES = ("admin-board-texts.png", "admin-service-level.png", "admin-out-of-use.png", "admin-mediator-languages.png")


def main() -> int:
    from PySide6.QtWidgets import QApplication
    from take_screenshots import settle, wait_until

    from desk_app.core.auth import Actor
    from desk_app.core.demo import DEMO_PASSWORD
    from desk_app.core.firstrun import load_live_demo
    from desk_app.core.settings import Settings
    from desk_app.gui.admin.live import ServiceLevelMarks
    from desk_app.gui.app import build_main_window, connect_core, prepare_application
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams
    from desk_app.gui.sheet_printing import PdfSheetPrinter

    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="sportello-live-shots-"))
    settings = Settings.load(home=home, overrides={"language": "it", "desk_code": "D1"}, environ={})
    core = connect_core(settings)
    load_live_demo(core, Actor.system("screenshots"))
    admin = core.staff.login("admin", DEMO_PASSWORD)
    from desk_app.core.demo import DEMO_OFFICE

    # A spare desk, free (the simulated morning keeps the others serving): the one taken out of use below.
    core.offices.apply(admin, {**DEMO_OFFICE, "desk": [*DEMO_OFFICE["desk"],
                                                       {"code": "D7", "name": "Sportello 7", "services": ["INFO"]}]})
    core.office_settings.change(admin, {"board_title": "Sportello Unico per l'Immigrazione · Legalizzazioni",
                                        "board_message": "Martedì 24 dicembre lo sportello chiude alle 12:00 · "
                                                         "On 24 December the office closes at 12:00",
                                        "service_level_percent": 85})
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

    log_in("operatore1")
    board = window.open_board()
    assert board is not None
    board.resize(1280, 720)
    wait_until(lambda: board.notice.isVisible())
    settle(window)
    board.grab().save(str(OUT / NAMES[0]))
    board.close()

    window.sessions.lock("")
    settle(window)
    log_in("responsabile")
    console = window.console
    assert console is not None
    marks = console.findChild(ServiceLevelMarks)
    assert marks is not None
    wait_until(lambda: marks.target is not None and console.dashboard is not None)
    settle(window)
    marks.paint()
    window.grab().save(str(OUT / NAMES[1]))

    window.sessions.lock("")
    settle(window)
    log_in("admin")
    window.admin.action.trigger()
    admin_window = window.admin.window
    assert admin_window is not None
    settle(window)
    office = admin_window.office_editor
    admin_window.tabs.setCurrentWidget(office)
    wait_until(lambda: office.office is not None)
    table = office.desks.table
    d7 = [table.item(r, 0).text() for r in range(table.rowCount())].index("D7")
    table.setCurrentCell(d7, 1)
    office.toggle_active("desk")
    wait_until(lambda: office.office is not None and not office.office.desks[d7].active)
    settle(window)
    table.scrollToBottom()
    table.setCurrentCell(d7, 0)
    admin_window.grab().save(str(OUT / NAMES[2]))

    mediators = admin_window.mediator_editor
    admin_window.tabs.setCurrentWidget(mediators)
    wait_until(lambda: mediators.model.rowCount() > 0)
    mediators.view.selectRow(0)
    mediators.selectedLanguagesEdit.setText("ar 4, fr 3, en 5")  # a level the roster does not have, said as typed
    admin_window.grab().save(str(OUT / NAMES[3]))
    window.shutdown()
    shutil.rmtree(home, ignore_errors=True)
    print("saved", *(OUT / n for n in NAMES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
