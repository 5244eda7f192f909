"""``desk-app --board``: the display board alone on its own PC, without a clerk login, following the feed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
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


class BrokenChime:
    """A sound card that fails on every call (as QtMultimedia without its system audio library does)."""

    def __init__(self) -> None:
        self.attempts = 0

    def play(self) -> None:
        self.attempts += 1
        raise RuntimeError("no audio device")


def test_a_failing_chime_never_loses_a_call_of_a_batch(qtbot: QtBot, caplog: Any) -> None:
    from datetime import UTC, datetime

    from desk_app.db.feed import ticket_change
    from desk_app.gui.board import DisplayBoard

    chime = BrokenChime()
    board = DisplayBoard("Lodi", {"D1": "Sportello 1", "D2": "Sportello 2"}, chime,
                         lambda: datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    qtbot.addWidget(board)
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    # Two calls back to back arrive in one batch of the change feed.
    board.on_changes([ticket_change(1, 1, "R001", "call", "called", "D1", at),
                      ticket_change(1, 2, "R002", "call", "called", "D2", at)])
    assert board.number.text() == "R002" and board.desk.text() == "Sportello 2"
    assert board.history_items[0].text().startswith("R001")
    assert chime.attempts == 2
    assert "the call chime failed" in caplog.text


def test_a_chime_that_cannot_load_is_logged_once_and_stays_silent(monkeypatch: Any, caplog: Any,
                                                                  tmp_path: Path) -> None:
    import sys

    from desk_app.gui.seams import SoundEffectChime
    from desk_app.resources import resource_path

    # What a machine without libpulse.so.0 does: importing QtMultimedia raises ImportError.
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    chime = SoundEffectChime(resource_path("sounds", "chime.wav"))
    chime.play()
    chime.play()
    assert isinstance(chime.failed, ImportError)
    assert caplog.text.count("the call chime is off") == 1
    missing = SoundEffectChime(tmp_path / "nothing.wav")
    missing.play()
    assert isinstance(missing.failed, FileNotFoundError)  # checked before QtMultimedia is even loaded


@pytest.mark.qt_log_ignore(".*")  # QtMultimedia says why it cannot decode; that is what is tested
def test_a_chime_that_fails_while_loading_is_logged_and_silenced(qtbot: QtBot, caplog: Any, tmp_path: Path) -> None:
    from desk_app.gui.seams import SoundEffectChime

    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot a sound at all" * 4)
    chime = SoundEffectChime(broken)
    chime.play()  # QSoundEffect decodes in the background: no exception here
    qtbot.waitUntil(lambda: chime.failed is not None, timeout=5000)
    assert "the call chime is off" in caplog.text
    chime.play()  # silent from now on, and no error
