"""Walk-in ticket issue and printout; the display board following calls from other desks."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.gui.printing import PrintableTicket, ticket_document, write_ticket_pdf

from .conftest import WAIT_MS, press, settle


def _media_box_mm(pdf: Path) -> tuple[float, float]:
    width, height = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes()).groups()  # type: ignore[union-attr]
    return float(width) * 25.4 / 72, float(height) * 25.4 / 72


def test_walk_in_ticket_is_issued_and_printed(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                              services: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_F2)
    dialog = desk.window.walk_in
    assert dialog is not None and dialog.isVisible()
    assert any("العربية" in b.text() for b in dialog.language_buttons.values())  # own name, own script
    dialog.language_buttons["ar"].click()
    dialog.ui.priorityCombo.setCurrentIndex(dialog.ui.priorityCombo.findData("pregnancy"))
    dialog.ui.mediatorCheck.setChecked(True)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.ticket_issued, timeout=WAIT_MS) as issued:
        qtbot.keyClick(dialog, Qt.Key.Key_2)  # key 2 = second service (LAV, LEG, RF: LEG)
    ticket = issued.args[0]
    assert (ticket.number, ticket.language, ticket.priority, ticket.needs_mediator) == ("L001", "ar", "pregnancy",
                                                                                       True)
    stored = services.queue.tickets(staff["clerk"])
    assert [(t.number, t.language) for t in stored] == [("L001", "ar")]
    assert [p.name for p in desk.printer.written] == ["ticket-L001.pdf"]
    assert round(_media_box_mm(desk.printer.written[0])[0]) == 80  # the 80 mm receipt
    # no ticket printer: the clerk is told the ticket is a file, and which
    assert dialog.ui.lastIssuedLabel.text().endswith("— salvato in PDF: ticket-L001.pdf")
    assert dialog.chosen_language() == "it" and not dialog.ui.mediatorCheck.isChecked()  # ready for the next
    dialog.ui.reprintButton.click()
    assert [p.name for p in desk.printer.written] == ["ticket-L001.pdf", "ticket-L001-2.pdf"]
    desk.window.reprint_action.trigger()
    assert len(desk.printer.written) == 3


def test_ticket_document_italian_plus_rtl_line(tmp_path: Path) -> None:
    ticket = PrintableTicket("R012", "Ricongiungimento familiare", "Prefettura di Lodi",
                             datetime(2026, 11, 24, 9, 41), "ar")
    document = ticket_document(ticket)
    blocks = []
    block = document.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    texts = [b.text() for b in blocks]
    assert "R012" in texts and "24/11/2026 09:41" in texts
    assert any(t.startswith("Attenda") for t in texts)
    arabic = next(b for b in blocks if "الانتظار" in b.text())
    assert arabic.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "Naskh" in arabic.charFormat().fontFamilies()[0]
    a4 = write_ticket_pdf(ticket, tmp_path / "a4.pdf", "a4")
    width, height = _media_box_mm(a4)
    assert round(width) == 210 and round(height) == 297


def test_board_shows_calls_from_other_desks_and_chimes(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                       services: Any) -> None:
    queue = services.queue
    for _ in range(3):
        queue.issue_ticket(staff["clerk2"], "RF")
    queue.call_next(staff["clerk2"], "D2")  # before the board opens: history, no chime
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_F12)
    board = desk.window.board
    assert board is not None and board.isVisible()
    settle(qtbot, desk)
    assert board.number.text() == "R001" and board.desk.text() == "Sportello 2"
    assert desk.chime.played == 0
    queue.call_next(staff["clerk"], "D1")  # as another PC of the office would, straight through the core
    qtbot.waitUntil(lambda: board.number.text() == "R002", timeout=WAIT_MS)
    assert board.desk.text() == "Sportello 1"
    assert board.history_items[0].text().startswith("R001")
    assert desk.chime.played == 1
    queue.recall(staff["clerk2"], "D2")
    qtbot.waitUntil(lambda: board.number.text() == "R001", timeout=WAIT_MS)
    assert desk.chime.played == 2
    assert board.history_items[0].text().startswith("R002")
