"""The supervisor console marks the services below the office's service-level target (issue 12)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from desk_app.clock import ManualClock
from desk_app.gui.admin.live import WITHIN_TARGET_COLUMN, ServiceLevelMarks

from .conftest import WAIT_MS


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1))


def _row(table: Any, code: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith(f"{code} "))


def test_services_under_the_target_are_marked_and_the_target_follows_the_setting(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any, clock: ManualClock) -> None:
    queue = services.queue
    queue.issue_ticket(staff["clerk"], "RF")  # RF's target wait is 20 minutes
    queue.issue_ticket(staff["clerk"], "LEG")
    queue.call_next(staff["clerk2"], "D3")  # LEG at once: within its target
    clock.advance(timedelta(minutes=30))
    queue.call_next(staff["clerk"], "D1")  # RF after 30 minutes: 0 % within target
    desk = open_desk("", clock=clock)
    log_in(desk, "supervisor")
    console = desk.window.console
    assert console is not None
    marks = console.findChild(ServiceLevelMarks)
    assert marks is not None
    qtbot.waitUntil(lambda: marks.target == 80 and console.dashboard is not None, timeout=WAIT_MS)
    table = console.services_table
    qtbot.waitUntil(lambda: table.item(_row(table, "RF"), WITHIN_TARGET_COLUMN).toolTip() != "", timeout=WAIT_MS)
    rf, leg = table.item(_row(table, "RF"), WITHIN_TARGET_COLUMN), table.item(_row(table, "LEG"), WITHIN_TARGET_COLUMN)
    assert rf.text() == "0 %" and "80" in rf.toolTip() and rf.background() != QBrush()
    assert leg.text() == "100 %" and leg.toolTip() == "" and leg.background() == QBrush()
    assert "80 %" in table.parentWidget().title()
    # Another PC moves the goal: the console says the new one at once (change feed).
    services.office_settings.change(staff["supervisor"], {"service_level_percent": 95})
    qtbot.waitUntil(lambda: "95 %" in table.parentWidget().title(), timeout=WAIT_MS)
    assert "95" in table.item(_row(table, "RF"), WITHIN_TARGET_COLUMN).toolTip()
