"""``desk-app --board``: the display board alone on its own PC, without a clerk login, following the feed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desk_app.core.settings import Settings
from desk_app.gui.app import build_board_app, parse_args
from desk_app.gui.printing import PdfTicketPrinter
from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams

from .conftest import WAIT_MS


def test_board_option_is_parsed() -> None:
    args, _ = parse_args(["--board", "--home", "x"])
    assert args.board and not parse_args([])[0].board


def test_board_pc_shows_calls_without_login(qtbot: QtBot, db_url: str, tmp_path: Path, staff: Any,
                                            services: Any) -> None:
    queue = services.queue
    for _ in range(3):
        queue.issue_ticket(staff["clerk2"], "RF")
    queue.call_next(staff["clerk2"], "D2")  # before the board starts: history, no chime
    screens = QGuiApplication.screens()
    settings = Settings.load(home=tmp_path / "board-pc", overrides={"db_url": db_url, "display_screen": 7},
                             environ={})
    chime = CountingChime()
    board_app = build_board_app(settings, Seams(RecordingDialogs(), chime, PdfTicketPrinter(tmp_path / "t")))
    try:
        with qtbot.waitSignal(board_app.ready, timeout=WAIT_MS):
            board_app.start()
        board = board_app.board
        assert board is not None and board.isVisible() and board.isFullScreen()
        assert board.screen() is screens[-1]  # screen 7 does not exist here: the last one
        assert board.number.text() == "R001" and board.desk.text() == "Sportello 2"
        assert chime.played == 0
        # Desks call through the core, as other PCs of the office do: the board follows the change feed.
        queue.call_next(staff["clerk"], "D1")
        qtbot.waitUntil(lambda: board.number.text() == "R002", timeout=WAIT_MS)
        assert board.desk.text() == "Sportello 1" and board.history_items[0].text().startswith("R001")
        queue.recall(staff["clerk2"], "D2")
        qtbot.waitUntil(lambda: board.number.text() == "R001", timeout=WAIT_MS)
        assert chime.played == 2
    finally:
        board_app.shutdown()
