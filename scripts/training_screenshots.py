"""Screenshots of the training office (issue 12, item 5) for the README.

A throw-away PC profile (``--home`` in a temp folder) opens its training office as ``desk-app --training`` would:
the demo office is loaded into the practice database, ``operatore1`` logs in at D1, issues a walk-in ticket and
saves an instruction sheet; the desk window, the walk-in dialog and the display board are grabbed, and the ticket
and the sheet's first page are rendered with ``pdftoppm``, all to ``docs/screenshots/`` (``training-desk.png``,
``training-walkin.png``, ``training-board.png``, ``training-ticket.png``, ``training-sheet.png``)::

    QT_QPA_PLATFORM=offscreen python scripts/training_screenshots.py   # or under xvfb-run -a
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


def render_first_page(pdf: Path, target: Path, dpi: int = 110) -> None:
    """``pdf``'s first page as the PNG ``target`` (pdftoppm)."""
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True)


def main() -> int:
    from PySide6.QtWidgets import QApplication
    from take_screenshots import settle, wait_until

    from desk_app.core.demo import DEMO_PASSWORD
    from desk_app.core.settings import Settings
    from desk_app.core.sheets import SheetBuilder
    from desk_app.core.training import training_settings
    from desk_app.gui.app import prepare_application
    from desk_app.gui.seams import CountingChime, RecordingDialogs
    from desk_app.gui.training import build_training_window, training_seams

    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="sportello-training-shots-"))
    real = Settings.load(home=home, overrides={"language": "it", "desk_code": "D1"}, environ={})
    settings = training_settings(real)
    settings.paths.ensure()

    app = QApplication([sys.argv[0]])
    prepare_application(app, settings)
    seams = training_seams(settings, RecordingDialogs(save_folder=home), CountingChime())
    window = build_training_window(settings, seams)
    window.show()
    window.start()
    wait_until(lambda: window.runtime.office is not None, timeout=120)
    page = window.login_page
    page.ui.usernameEdit.setText("operatore1")
    page.ui.passwordEdit.setText(DEMO_PASSWORD)
    page.ui.loginButton.click()
    wait_until(lambda: window.sessions.session is not None)
    settle(window)
    window.grab().save(str(OUT / "training-desk.png"))

    window.open_walk_in()
    dialog = window.walk_in
    assert dialog is not None
    settle(window)
    dialog.language_buttons["ar"].click()
    dialog.grab().save(str(OUT / "training-walkin.png"))
    dialog.issue("RF")
    settle(window)
    tickets = sorted((settings.paths.data / "stampe" / "biglietti").glob("ticket-*.pdf"))
    if tickets:
        render_first_page(tickets[0], OUT / "training-ticket.png", dpi=200)

    core = window.runtime.core
    assert core is not None
    sheet = SheetBuilder(core.content).instructions("RF-NO", "ar")
    written = seams.sheets.save_pdf(window, sheet)
    assert written is not None
    render_first_page(written, OUT / "training-sheet.png")

    board = window.open_board()
    assert board is not None
    board.resize(1280, 720)
    settle(window)
    board.grab().save(str(OUT / "training-board.png"))
    window.shutdown()
    shutil.rmtree(home, ignore_errors=True)
    print("saved", *(OUT / n for n in ("training-desk.png", "training-walkin.png", "training-board.png",
                                       "training-ticket.png", "training-sheet.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
