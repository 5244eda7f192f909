"""The training office in the desk app (issue 12, item 5): ``desk-app --training`` and its menu entries.

The real office is set up on the test database (SQLite file or PostgreSQL); the training window opens beside it on
its own practice database with the demo office, marks every window, the board and each printout, and leaves the
real database as it was.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.clock import ManualClock, zone
from desk_app.core.demo import DEMO_OFFICE, DEMO_PASSWORD
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.core.training import TRAINING_MARK, printouts_folder, training_settings
from desk_app.db.models import AuditEvent, Office, Ticket
from desk_app.gui.app import parse_args
from desk_app.gui.main_window import MainWindow
from desk_app.gui.printing import PrintableTicket
from desk_app.gui.seams import CountingChime, RecordingDialogs
from desk_app.gui.training import TrainingSheetPrinter, build_training_window, mark_sheet, training_seams

from .conftest import WAIT_MS, Desk, press, settle

#: The training office's clock: a Tuesday morning in office hours, so the demo morning it loads is today's (loaded
#: before opening it would be yesterday's, and today's reports empty) on any machine, at any hour.
TRAINING_NOW = datetime.combine(date(2026, 12, 1), time(10, 30), tzinfo=zone("Europe/Rome"))


def _real_counts(core: CoreServices) -> tuple[int, int, int]:
    return core.db.read(lambda s: (s.execute(select(func.count()).select_from(Office)).scalar_one(),
                                   s.execute(select(func.count()).select_from(Ticket)).scalar_one(),
                                   s.execute(select(func.count()).select_from(AuditEvent)).scalar_one()))


@pytest.fixture
def training_desk(qtbot: QtBot, settings: Settings, sqlite_template: Path) -> Iterator[Desk]:
    """A training window started from the real office's settings (the test database), ready to log in."""
    settings.values["desk_code"] = "D1"
    training = training_settings(settings)
    training.paths.ensure()
    shutil.copyfile(sqlite_template, training.paths.default_sqlite)  # migrated already: the test skips that wait
    dialogs, chime = RecordingDialogs(), CountingChime()
    seams = training_seams(training, dialogs, chime)
    window = build_training_window(training, seams, ManualClock(TRAINING_NOW))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=WAIT_MS * 3):  # the demo morning is simulated first
        window.start()
    desk = Desk(window, dialogs, chime, seams.printer, training, seams.sheets)  # type: ignore[arg-type]
    yield desk
    window.shutdown()


def test_training_window_runs_the_demo_office_apart_from_the_real_one(
        qtbot: QtBot, training_desk: Desk, services: CoreServices, office: Any, log_in: Any) -> None:
    before = _real_counts(services)
    window = training_desk.window
    assert window.runtime.office is not None and window.runtime.office.name == DEMO_OFFICE["office"]["name"]
    assert window.windowTitle().startswith(f"{TRAINING_MARK} — ")
    band = window.findChild(QLabel, "trainingBand")
    assert band is not None and band.isVisible() and band.text().startswith("ESERCITAZIONE")  # Italian staff UI
    log_in(training_desk, "operatore1", DEMO_PASSWORD)
    assert window.windowTitle().startswith(f"{TRAINING_MARK} — ")  # the title set at login is marked again
    press(qtbot, training_desk, Qt.Key.Key_F2)
    dialog = window.walk_in
    assert dialog is not None and dialog.windowTitle().startswith(f"{TRAINING_MARK} — ")
    assert dialog.findChild(QLabel, "trainingBand") is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.ticket_issued, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_1)
    settle(qtbot, training_desk)
    printed = sorted((printouts_folder(training_desk.settings) / "biglietti").glob("ticket-*.pdf"))
    assert len(printed) == 1
    text = subprocess.run(["pdftotext", str(printed[0]), "-"], capture_output=True, text=True, check=True).stdout
    assert "ESERCITAZIONE" in text and "TRAINING" in text
    assert _real_counts(services) == before  # not a ticket, not an audit row in the office's database


def test_the_board_of_the_training_office_says_so(qtbot: QtBot, training_desk: Desk) -> None:
    board = training_desk.window.open_board()
    assert board is not None
    qtbot.waitUntil(board.isVisible, timeout=WAIT_MS)
    assert board.training_band.isVisible() and "ESERCITAZIONE" in board.training_band.text()
    assert board.windowTitle().startswith(f"{TRAINING_MARK} — ")


def test_a_printer_chosen_in_training_is_not_used(qtbot: QtBot, training_desk: Desk, tmp_path: Path) -> None:
    printer = training_desk.window.seams.printer
    printer.configure("Sala attesa", "a4")  # type: ignore[attr-defined]
    from datetime import datetime

    assert printer.print_ticket(None, PrintableTicket("R001", "RF", "Ufficio", datetime(2026, 12, 2, 9), "ar"))
    assert printer.printer_name == ""  # type: ignore[attr-defined]
    assert printer.last_pdf is not None and printer.last_pdf.parent == \
        printouts_folder(training_desk.settings) / "biglietti"  # type: ignore[attr-defined]


def test_training_sheets_are_marked_and_kept_as_files(tmp_path: Path, services: CoreServices, office: Any,
                                                      system_actor: Any) -> None:
    from desk_app.core.sheets import SheetBuilder

    services.content.load(system_actor, office_code="LODI")
    sheet = SheetBuilder(services.content).instructions("RF-NO", "ar", office_code="LODI")
    marked = mark_sheet(sheet)
    assert marked.title.startswith(f"{TRAINING_MARK} — ") and marked.blocks[1:] == sheet.blocks
    assert "TRAINING" in marked.blocks[0].line.text
    printer = TrainingSheetPrinter(tmp_path / "fogli")
    path = printer.save_pdf(None, sheet)
    assert path is not None and path.parent == tmp_path / "fogli"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "ESERCITAZIONE" in text


def test_menu_opens_the_training_office_with_this_pcs_folders(open_desk: Any, office: Any) -> None:
    desk = open_desk("D1")
    window: MainWindow = desk.window
    menu = window.training
    assert menu.open_action is not None and menu.reset_action is None
    started: list[tuple[str, list[str]]] = []
    menu.launch = lambda program, arguments: started.append((program, arguments)) or True
    menu.open_action.trigger()
    assert len(started) == 1
    arguments = started[0][1]
    assert "--training" in arguments and arguments[arguments.index("--home") + 1] == \
        str(desk.settings.paths.data.parent)
    assert not window.windowTitle().startswith(TRAINING_MARK)  # the real window is not marked
    menu.launch = lambda program, arguments: False
    assert not menu.open_training()
    assert any("avviare l'ufficio di esercitazione" in text for text in desk.warnings())


def test_reset_empties_the_practice_database_and_opens_a_fresh_one(qtbot: QtBot, training_desk: Desk,
                                                                   settings: Settings) -> None:
    menu = training_desk.window.training
    assert menu.reset_action is not None and menu.open_action is None
    started: list[list[str]] = []
    menu.launch = lambda program, arguments: started.append(arguments) or True
    training_desk.dialogs.agree = False
    assert not menu.reset()
    assert training_desk.settings.paths.default_sqlite.exists() and started == []
    training_desk.dialogs.agree = True
    assert menu.reset()
    assert not training_desk.window.isVisible()
    assert not training_desk.settings.paths.default_sqlite.exists()
    assert started and "--training" in started[0]
    assert started[0][started[0].index("--home") + 1] == str(settings.paths.data.parent)


def test_command_line_knows_the_training_office() -> None:
    args, _ = parse_args(["--training", "--reset-training", "--home", "/tmp/x"])
    assert args.training and args.reset_training and args.home == "/tmp/x"


def test_a_board_pc_in_training_shows_the_practice_office_marked(qtbot: QtBot, settings: Settings,
                                                                 sqlite_template: Path, office: Any) -> None:
    """``desk-app --training --board``: the practice database (not the office's, set up on the test database)."""
    from PySide6.QtWidgets import QApplication

    from desk_app.gui.app import build_board_app
    from desk_app.gui.training import TrainingMarker

    training = training_settings(settings)
    training.paths.ensure()
    shutil.copyfile(sqlite_template, training.paths.default_sqlite)
    board_app = build_board_app(training, training_seams(training, RecordingDialogs(), CountingChime()))
    marker = TrainingMarker(board_app)
    QApplication.instance().installEventFilter(marker)  # type: ignore[union-attr]
    try:
        with qtbot.waitSignal(board_app.ready, timeout=WAIT_MS * 3):
            board_app.start()
        board = board_app.board
        assert board is not None and board.training_band.isVisible()
        assert board_app.runtime.office is not None
        assert board_app.runtime.office.name == DEMO_OFFICE["office"]["name"]  # not "Prefettura di Lodi"
    finally:
        QApplication.instance().removeEventFilter(marker)  # type: ignore[union-attr]
        board_app.shutdown()


def test_reports_exported_from_the_training_window_are_marked(qtbot: QtBot, training_desk: Desk, log_in: Any,
                                                              tmp_path: Path) -> None:
    """The reports window of the training office writes "-ESERCITAZIONE" files, marked inside (but a CSV)."""
    from openpyxl import load_workbook

    from desk_app.core.training import EXPORT_MARK, EXPORT_SUFFIX
    from desk_app.gui.reports import ReportsWindow

    log_in(training_desk, "responsabile", DEMO_PASSWORD)
    session = training_desk.window.sessions.session
    assert session is not None and session.core.training
    training_desk.dialogs.save_folder = tmp_path
    window = ReportsWindow(session, training_desk.window.runtime, training_desk.window.seams)
    qtbot.addWidget(window)
    today = session.core.queue.today()
    window.period_combo.setCurrentIndex(0)
    window.from_edit.setDate(window.from_edit.date().fromString(today.isoformat(), "yyyy-MM-dd"))
    window.to_edit.setDate(window.to_edit.date().fromString(today.isoformat(), "yyyy-MM-dd"))
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.show_button.click()
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as written:
        window.export_buttons["csv"].click()
    csv_file = written.args[0]
    assert csv_file.stem.endswith(EXPORT_SUFFIX) and csv_file.parent == tmp_path
    assert csv_file.read_text(encoding="utf-8-sig").startswith("giorno;")  # a spreadsheet reads it as usual
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as written:
        window.breakdown_buttons["xlsx"].click()
    assert written.args[0].stem.endswith(EXPORT_SUFFIX)
    assert all(EXPORT_MARK in str(sheet["A1"].value) for sheet in load_workbook(written.args[0]).worksheets)
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as written:
        window.indicators_buttons["pdf"].click()
    text = subprocess.run(["pdftotext", str(written.args[0]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert written.args[0].stem.endswith(EXPORT_SUFFIX) and EXPORT_MARK in text
