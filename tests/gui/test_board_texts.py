"""The display board's title and notice come from the office's settings and follow their changes live (issue 12)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.core.settings import Settings
from desk_app.gui.admin.live import BoardTexts
from desk_app.gui.app import build_board_app
from desk_app.gui.printing import PdfTicketPrinter
from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams

from .conftest import WAIT_MS, press, settle


def test_board_of_a_desk_follows_the_settings_changed_on_another_pc(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                                    staff: Any, services: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_F12)
    board = desk.window.board
    assert board is not None
    follower = board.findChild(BoardTexts)
    assert follower is not None
    settle(qtbot, desk)
    assert board.office.text() == "Prefettura di Lodi" and not board.notice.isVisible()  # no setting: the name
    # The administrator changes them elsewhere (another PC, straight through the core): the feed brings them here.
    services.office_settings.change(staff["admin"], {"board_title": "Sportello Unico Immigrazione",
                                                     "board_message": "Oggi lo sportello chiude alle 12:00"})
    qtbot.waitUntil(lambda: board.office.text() == "Sportello Unico Immigrazione", timeout=WAIT_MS)
    assert board.notice.isVisible() and board.notice.text() == "Oggi lo sportello chiude alle 12:00"
    services.office_settings.change(staff["admin"], {"board_title": "", "board_message": ""})
    qtbot.waitUntil(lambda: board.office.text() == "Prefettura di Lodi", timeout=WAIT_MS)
    assert not board.notice.isVisible()


def test_board_pc_shows_the_office_texts_from_the_start(qtbot: QtBot, db_url: str, tmp_path: Path, staff: Any,
                                                        services: Any) -> None:
    services.office_settings.change(staff["supervisor"], {"board_message": "Chiusura straordinaria venerdì"})
    settings = Settings.load(home=tmp_path / "board-pc", overrides={"db_url": db_url}, environ={})
    board_app = build_board_app(settings, Seams(RecordingDialogs(), CountingChime(), PdfTicketPrinter(tmp_path)))
    try:
        with qtbot.waitSignal(board_app.ready, timeout=WAIT_MS):
            board_app.start()
        board = board_app.board
        assert board is not None
        qtbot.waitUntil(lambda: board.notice.text() == "Chiusura straordinaria venerdì", timeout=WAIT_MS)
        assert board.notice.isVisible() and board.office.text() == "Prefettura di Lodi"
    finally:
        board_app.shutdown()


def test_the_longest_title_the_editor_takes_is_shown_whole_on_a_small_board(qtbot: QtBot) -> None:
    """80 characters (board_title's limit) on a 1024 x 768 screen: wrapped onto more lines, never cut at the
    sides (a tester saw "o Unico per l'Immigrazione ... Cors")."""
    from datetime import UTC, datetime

    from desk_app.core.office_settings import BY_NAME
    from desk_app.gui.board import DisplayBoard

    limit = BY_NAME["board_title"].max_length
    title = ("Sportello Unico per l'Immigrazione della Prefettura di Lodi, sede di Corso Umberto")[:limit]
    assert len(title) == limit == 80
    board = DisplayBoard("Lodi", {"D1": "Sportello 1"}, CountingChime(), lambda: datetime(2026, 12, 1, 9, tzinfo=UTC))
    qtbot.addWidget(board)
    board.set_office_texts(title, "")
    board.resize(1024, 768)
    board.show()
    qtbot.waitExposed(board)
    settle_size = board.office.fontMetrics()
    qtbot.waitUntil(lambda: board.office.height() >= 2 * settle_size.height(), timeout=WAIT_MS)
    assert board.office.wordWrap()
    # every line of the wrapped title fits the label's width
    lines = settle_size.boundingRect(board.office.contentsRect(), int(Qt.TextFlag.TextWordWrap), title)
    assert lines.width() <= board.office.contentsRect().width()
    assert lines.height() <= board.office.height()
