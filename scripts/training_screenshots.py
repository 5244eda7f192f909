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
import sys

from screenshot_support import OUT, demo_settings, grab, log_in, render_first_page, settle, wait_until


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from desk_app.core.sheets import SheetBuilder
    from desk_app.core.training import training_settings
    from desk_app.gui.app import prepare_application
    from desk_app.gui.seams import CountingChime, RecordingDialogs
    from desk_app.gui.training import build_training_window, training_seams

    home, real = demo_settings("sportello-training-shots-")
    settings = training_settings(real)
    settings.paths.ensure()

    # the training window has seams of its own (a practice database, PDFs in its data folder): not desk_window
    app = QApplication([sys.argv[0]])
    prepare_application(app, settings)
    seams = training_seams(settings, RecordingDialogs(save_folder=home), CountingChime())
    window = build_training_window(settings, seams)
    window.show()
    window.start()
    wait_until(lambda: window.runtime.office is not None, timeout=120)
    log_in(window, "operatore1")
    grab(window, "training-desk.png")

    window.open_walk_in()
    dialog = window.walk_in
    assert dialog is not None
    settle(window)
    dialog.language_buttons["ar"].click()
    grab(dialog, "training-walkin.png")
    dialog.issue("RF")
    settle(window)
    tickets = sorted((settings.paths.data / "stampe" / "biglietti").glob("ticket-*.pdf"))
    if tickets:
        render_first_page(tickets[0], OUT / "training-ticket.png", 200)

    core = window.runtime.core
    assert core is not None
    sheet = SheetBuilder(core.content).instructions("RF-NO", "ar")
    written = seams.sheets.save_pdf(window, sheet)
    assert written is not None
    render_first_page(written, OUT / "training-sheet.png", 110)

    board = window.open_board()
    assert board is not None
    board.resize(1280, 720)
    settle(window)
    grab(board, "training-board.png")
    window.shutdown()
    shutil.rmtree(home, ignore_errors=True)
    print("saved", *(OUT / n for n in ("training-desk.png", "training-walkin.png", "training-board.png",
                                       "training-ticket.png", "training-sheet.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
