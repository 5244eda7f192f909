"""Screenshots for the README: the clerk workspace, its document checklist, the walk-in dialog, the display board,
a printed ticket and a "bring next time" sheet.

Runs the real app on a throw-away demo office (``--home`` in a temp folder, the demo's simulated morning
stopped at 10:15) and saves PNGs to ``docs/screenshots/``. Needs a display: run it under Xvfb::

    xvfb-run -a -s "-screen 0 1600x900x24" python scripts/take_screenshots.py

The ticket and the sheet are the PDFs the app prints, rasterised with ``pdftoppm`` (poppler-utils) when available.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def settle(window: Any) -> None:
    wait_until(lambda: window.worker.pending == 0)
    pause(0.3)


def pause(seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def checklist_screenshots(window: Any, sheets: Any) -> None:
    """The checklist tab with a case half checked, in Arabic, and its "bring next time" sheet as printed."""
    workspace = window.workspace
    panel = workspace.checklist
    workspace.toggle_checklist()
    wait_until(lambda: panel.ui.procedureCombo.count() > 0)
    panel.ui.languageCombo.setCurrentIndex(panel.ui.languageCombo.findData("ar"))
    panel.ui.practiceEdit.setText("LO/RF/2026/0187")
    panel.ui.procedureCombo.setCurrentIndex(0)  # the first procedure of the ticket's service
    panel.attach()
    wait_until(lambda: panel.case is not None)
    settle(window)
    for row, state, note in ((0, "presented", ""), (1, "presented", ""), (2, "presented", ""),
                             (4, "missing", "portata una sola marca"), (5, "presented", ""),
                             (6, "missing", ""), (8, "not_applicable", "")):
        if row >= panel.model.rowCount():
            break
        panel.ui.itemsView.selectRow(row)
        panel.ui.itemNoteEdit.setText(note)
        panel.mark_selected(state)
        settle(window)
    panel.ui.noteEdit.setPlainText("Torna giovedì con la marca e il certificato di idoneità alloggiativa.")
    panel.ui.itemsView.selectRow(6)
    settle(window)
    window.grab().save(str(OUT / "checklist.png"))
    panel.ui.bilingualCheck.setChecked(True)
    panel.output_sheet("missing", "print")
    wait_until(lambda: bool(sheets.written))
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                        str(sheets.written[-1][1]), str(OUT / "missing-sheet-ar")], check=True)
    panel.ui.bilingualCheck.setChecked(False)
    workspace.toggle_checklist()  # back to the queue for the next screenshots
    settle(window)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from desk_app.core.auth import Actor
    from desk_app.core.clock import ManualClock, local_day, zone
    from desk_app.core.demo import DEMO_PASSWORD, create_demo_office, simulate_day
    from desk_app.core.settings import Settings
    from desk_app.gui.app import build_main_window, connect_core, prepare_application
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams
    from desk_app.gui.sheet_printing import PdfSheetPrinter

    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="sportello-shots-"))
    settings = Settings.load(home=home, overrides={"language": "it", "desk_code": "D1", "display_screen": 0},
                             environ={})
    today = local_day(datetime.now(zone()))
    morning = datetime.combine(today, clock_time(10, 15), zone())
    core = connect_core(settings)
    create_demo_office(core, Actor.system("screenshots"))
    core.content.load(Actor.system("screenshots"))
    simulate_day(core, today, stop_at=morning)
    core.close()

    app = QApplication([sys.argv[0]])
    prepare_application(app, settings)
    printer = PdfTicketPrinter(home / "tickets", "receipt80")
    sheets = PdfSheetPrinter(home / "sheets")
    window = build_main_window(settings, Seams(RecordingDialogs(), CountingChime(), printer, sheets),
                               ManualClock(morning))
    window.resize(1400, 820)
    window.show()
    window.start()
    wait_until(lambda: window.office is not None)
    page = window.login_page
    page.ui.usernameEdit.setText("operatore1")
    page.ui.passwordEdit.setText(DEMO_PASSWORD)
    page.ui.loginButton.click()
    wait_until(lambda: window.workspace is not None)
    settle(window)
    workspace = window.workspace
    if workspace.current is None:
        workspace.actions["call_next"].trigger()
        settle(window)
    workspace.ui.ticketsView.selectRow(0)
    window.grab().save(str(OUT / "workspace.png"))
    checklist_screenshots(window, sheets)

    window.open_walk_in()
    dialog = window.walk_in
    dialog.language_buttons["ar"].click()
    pause(0.3)
    dialog.grab().save(str(OUT / "walk-in.png"))
    dialog.issue("RF")
    wait_until(lambda: bool(printer.written))
    dialog.close()
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(printer.written[-1]),
                        str(OUT / "ticket-ar")], check=True)

    board = window.open_board()
    settle(window)
    if workspace.current is not None and workspace.current.status == "called":
        workspace.actions["recall"].trigger()  # the board chimes and shows this desk's call on top
    settle(window)
    pause(1.0)  # the feed delivers the recall to the board
    board.grab().save(str(OUT / "display-board.png"))
    window.close()
    print(f"screenshots in {OUT.relative_to(ROOT)}: " + ", ".join(sorted(p.name for p in OUT.glob("*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
