"""Screenshots of the shared practices with the Questura (issue 16) for the README.

A throw-away demo office (``--home`` in a temp folder, the demo's practices of realistic ages); ``questura1`` logs
in and lands on its inbox (``practices-questura.png``); the clerk ``operatore1`` opens the window with Ctrl+Shift+Q
and shows everything open (``practices-clerk.png``); the meeting list the supervisor ``responsabile`` writes is
rendered too (``practices-meeting.pdf`` in the temp folder, page 1 as ``practices-meeting.png`` when ``pdftoppm``
is there), and the window where the meeting's decisions are recorded (``practices-decisions.png``)::

    xvfb-run -a python scripts/practices_screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
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
    home = Path(tempfile.mkdtemp(prefix="sportello-practices-shots-"))
    settings = Settings.load(home=home, overrides={"language": "it", "desk_code": "D1"}, environ={})
    core = connect_core(settings)
    create_demo_office(core, Actor.system("screenshots"))
    core.close()

    app = QApplication([sys.argv[0]])
    prepare_application(app, settings)
    dialogs = RecordingDialogs(save_folder=home)
    seams = Seams(dialogs, CountingChime(), PdfTicketPrinter(home / "tickets", "receipt80"),
                  PdfSheetPrinter(home / "sheets"))
    window = build_main_window(settings, seams, None)
    window.resize(1280, 800)
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

    log_in("questura1")
    settle(window)
    window.grab().save(str(OUT / "practices-questura.png"))
    window.sessions.lock("")
    settle(window)

    log_in("operatore1")
    practices = window.practices.open()
    assert practices is not None
    settle(window)
    practices.page.filter_combo.setCurrentIndex(2)  # all open
    settle(window)
    practices.grab().save(str(OUT / "practices-clerk.png"))
    window.sessions.lock("")
    settle(window)

    log_in("responsabile")
    dialogs.answers.append(1)  # 10 working days
    window.practices.export_meeting_list()
    wait_until(lambda: window.practices.last_written is not None)
    written = window.practices.last_written
    assert written is not None
    decisions = window.practices.open_decisions()  # the meeting's decisions, one per practice listed
    assert decisions is not None
    decisions.days_combo.setCurrentIndex(0)  # 5 working days
    settle(window)
    wait_until(lambda: bool(decisions.practices))
    decisions.set_decision(0, "new_due_date")
    if len(decisions.practices) > 1:
        decisions.set_decision(1, "remind")
        decisions.note_box(1).setText("Sollecito via PEC")
    settle(window)
    decisions.grab().save(str(OUT / "practices-decisions.png"))
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(written), str(OUT / "practices-meeting")],
                       check=True)
    window.shutdown()
    print("saved", OUT / "practices-questura.png", OUT / "practices-clerk.png", OUT / "practices-meeting.png",
          OUT / "practices-decisions.png", written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
