"""Screenshots of the supervisor's console and reports window (issue 11) for the README.

A throw-away demo office (``--home`` in a temp folder): ten earlier working days and this morning simulated up to
11:30 on the clock seam, with eight walk-ins waiting and every desk at work as the live demo leaves it, then
``responsabile`` logs in (no desk) and the console and the reports window of the last two weeks are grabbed to
``docs/screenshots/``, with the first page of the PDF export. Offscreen Qt is enough::

    QT_QPA_PLATFORM=offscreen python scripts/supervisor_screenshots.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication
    from take_screenshots import settle, wait_until

    from desk_app.clock import ManualClock, local_day, zone
    from desk_app.core.auth import Actor
    from desk_app.core.demo import DEMO_PASSWORD, create_demo_office, simulate_day
    from desk_app.core.settings import Settings
    from desk_app.gui.app import build_main_window, connect_core, prepare_application
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams
    from desk_app.gui.sheet_printing import PdfSheetPrinter

    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="sportello-console-shots-"))
    settings = Settings.load(home=home, overrides={"language": "it", "desk_code": ""}, environ={})
    today = local_day(datetime.now(zone()))
    morning = datetime.combine(today, clock_time(11, 30), zone())
    core = connect_core(settings, ManualClock(morning))  # the walk-ins of the live demo arrive at 11:30 too
    create_demo_office(core, Actor.system("screenshots"))
    day, done = today, 0
    while done < 10:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            simulate_day(core, day, tickets=140 + 7 * done, seed=done)
            done += 1
    simulate_day(core, today, tickets=170, stop_at=morning, waiting=8)  # as the live demo: every desk at work
    core.close()

    app = QApplication([sys.argv[0]])
    prepare_application(app, settings)
    dialogs = RecordingDialogs(save_folder=home)
    seams = Seams(dialogs, CountingChime(), PdfTicketPrinter(home / "tickets", "receipt80"),
                  PdfSheetPrinter(home / "sheets"))
    window = build_main_window(settings, seams, ManualClock(morning))
    window.resize(1400, 900)
    window.show()
    window.start()
    wait_until(lambda: window.runtime.office is not None)
    page = window.login_page
    page.ui.usernameEdit.setText("responsabile")
    page.ui.passwordEdit.setText(DEMO_PASSWORD)
    page.ui.loginButton.click()
    wait_until(lambda: window.console is not None and window.console.dashboard is not None)
    settle(window)
    window.grab().save(str(OUT / "supervisor-console.png"))

    console = window.console
    console.open_reports()
    reports = console._reports_window
    reports.period_combo.setCurrentIndex(0)
    start = today - timedelta(days=14)
    reports.from_edit.setDate(QDate(start.year, start.month, start.day))
    reports.to_edit.setDate(QDate(today.year, today.month, today.day))
    reports.load()
    wait_until(lambda: bool(reports.rows))
    settle(window)
    reports.grab().save(str(OUT / "reports.png"))
    reports.export("pdf")
    settle(window)
    pdf = next(home.glob("conteggi_*.pdf"))
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(OUT / "counts-pdf")], check=True)
    reports.by_combo.setCurrentIndex(reports.by_combo.findData("hour"))  # a breakdown of the reports window
    settle(window)
    reports.grab().save(str(OUT / "reports-by-hour.png"))
    reports.export_breakdowns("pdf")
    settle(window)
    wait_until(lambda: any(home.glob("prospetti_*.pdf")))
    breakdowns = next(home.glob("prospetti_*.pdf"))
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(breakdowns),
                    str(OUT / "breakdowns-pdf")], check=True)
    window.shutdown()
    print("saved", *(OUT / n for n in ("supervisor-console.png", "reports.png", "counts-pdf.png",
                                       "reports-by-hour.png", "breakdowns-pdf.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
