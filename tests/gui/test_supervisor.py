"""The supervisor's console and reports window (issue 11): no desk, live figures, a period's counts exported."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

from pytestqt.qtbot import QtBot

from desk_app.core.reports import period_range

from .conftest import WAIT_MS, settle


def _cell(table: Any, first_column: str, column: int) -> str:
    for row in range(table.rowCount()):
        if table.item(row, 0).text().startswith(first_column):
            return str(table.item(row, column).text())
    raise AssertionError(f"no row {first_column}")


def test_supervisor_logs_in_without_a_desk_and_sees_the_office_live(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                                    staff: Any, services: Any) -> None:
    services.queue.issue_ticket(staff["clerk"], "RF", language="ar")
    desk = open_desk("")  # a PC that stands at no desk
    log_in(desk, "supervisor")
    console = desk.window.console
    assert console is not None and desk.window.workspace is None
    assert desk.window.stack.currentWidget() is console
    assert not [shown for shown in desk.dialogs.shown if shown[0] == "choose"]  # no desk asked for
    qtbot.waitUntil(lambda: console.dashboard is not None, timeout=WAIT_MS)
    assert _cell(console.services_table, "RF", 1) == "1"
    # another desk works: the console follows the change feed, no reload asked
    services.queue.issue_ticket(staff["clerk"], "RF")
    services.queue.call_next(staff["clerk"], "D1")
    qtbot.waitUntil(lambda: _cell(console.desks_table, "D1", 2) == "R001", timeout=WAIT_MS)
    assert _cell(console.services_table, "RF", 1) == "1"
    assert _cell(console.desks_table, "D2", 1) == console.tr("free")
    assert sum(console.arrivals_set.at(i) for i in range(console.arrivals_set.count())) == 2
    # counts only: nothing on the console is a name
    texts = [console.services_table.item(r, c).text() for r in range(console.services_table.rowCount())
             for c in range(console.services_table.columnCount())]
    assert not any("Clerk" in text for text in texts)


def test_reports_window_counts_a_period_and_exports_it(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                       services: Any, tmp_path: Any) -> None:
    for language in (None, None, "ar"):
        services.queue.issue_ticket(staff["clerk"], "RF", language=language)
    services.queue.call_next(staff["clerk"], "D1")
    services.queue.start_serving(staff["clerk"], "D1")
    services.queue.finish(staff["clerk"], "D1")
    desk = open_desk("")
    desk.dialogs.save_folder = tmp_path
    log_in(desk, "supervisor")
    console = desk.window.console
    console.open_reports()
    window = console._reports_window
    today = services.queue.today()
    # the scheduled periods fill the dates; "chosen days" lets them be typed
    first, last, _ = period_range("last-month", today)
    assert window.chosen_range() == (first, last)
    window.period_combo.setCurrentIndex(0)
    window.from_edit.setDate(window.from_edit.date().fromString((today - timedelta(days=2)).isoformat(), "yyyy-MM-dd"))
    window.to_edit.setDate(window.to_edit.date().fromString(today.isoformat(), "yyyy-MM-dd"))
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.show_button.click()
    assert window.table.rowCount() == 1 and window.table.item(0, 1).text() == "3"
    assert window.status.text().endswith(": 3 biglietti emessi")  # tickets, not the export's rows
    assert window.table.item(0, 2).text() == "1"
    window.by_combo.setCurrentIndex(window.by_combo.findData("desk"))
    assert {window.table.item(r, 0).text() for r in range(window.table.rowCount())} == {"–", "D1"}
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as written:
        window.export_buttons["csv"].click()
    rows = list(csv.reader(io.StringIO(written.args[0].read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["giorno", "servizio", "sportello", "emessi"] and sum(int(r[3]) for r in rows[1:]) == 3
    # every breakdown on screen: by hour of day, by language...
    window.by_combo.setCurrentIndex(window.by_combo.findData("language"))
    assert sum(int(window.table.item(r, 1).text()) for r in range(window.table.rowCount())) == 3
    assert {window.table.item(r, 0).text() for r in range(window.table.rowCount())} == {"–", "Arabo"}  # not «ar»
    window.by_combo.setCurrentIndex(window.by_combo.findData("hour"))
    assert all(window.table.item(r, 0).text().endswith(":00") for r in range(window.table.rowCount()))
    assert window.by_combo.count() == 9
    # ... and exported, one sheet per breakdown
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as written:
        window.breakdown_buttons["xlsx"].click()
    from openpyxl import load_workbook

    assert len(load_workbook(written.args[0]).sheetnames) == 9
    # the monitoring indicators of this quarter
    window.indicators_combo.setCurrentIndex(0)
    with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as written:
        window.indicators_button.click()
    assert load_workbook(written.args[0]).sheetnames == ["persone servite", "ore mediatori", "fogli stampati",
                                                         "invii"]
    for fmt, magic in (("pdf", b"%PDF"), ("docx", b"PK\x03\x04")):  # and as PDF and DOCX (issue 11)
        with qtbot.waitSignal(window.exported, timeout=WAIT_MS) as written:
            window.indicators_buttons[fmt].click()
        assert written.args[0].suffix == f".{fmt}" and written.args[0].read_bytes()[:4] == magic
    window.resize(1300, 760)
    settle(qtbot, desk)


def test_a_cancelled_report_shows_nothing_and_writes_no_audit(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                              staff: Any, services: Any) -> None:
    from sqlalchemy import func, select

    from desk_app.db.models import AuditEvent

    desk = open_desk("")
    log_in(desk, "supervisor")
    console = desk.window.console
    console.open_reports()
    window = console._reports_window
    window._cancel.set()  # as if Cancel was pressed before the first step came back
    window._cancel.clear = lambda: None  # keep it pressed through load()
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.load()
    assert window.rows == [] and window.table.rowCount() == 0
    exports = services.db.read(lambda s: s.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "export.counts")).scalar())
    assert exports == 0


def test_printed_tickets_leave_an_anonymous_print_record(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                         services: Any) -> None:
    """Issue 11 item 3: every ticket printed at the walk-in desk is counted (office, day, kind, language)."""
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from desk_app.db.models_reports import PrintRecord

    from .conftest import press

    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_F2)
    dialog = desk.window.walk_in
    dialog.language_buttons["ar"].click()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.ticket_issued, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_2)
    dialog.ui.reprintButton.click()

    def records() -> list[tuple[str, str, int]]:
        return services.db.read(lambda s: [(r.kind, r.language, r.copies) for r in s.execute(
            select(PrintRecord)).scalars()])

    qtbot.waitUntil(lambda: len(records()) == 2, timeout=WAIT_MS)
    assert records() == [("ticket", "ar", 1), ("ticket", "ar", 1)] and len(desk.printer.written) == 2
    settle(qtbot, desk)
