"""The queue list follows the change feed ticket by ticket and stays equal to a full reload."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractItemModel
from pytestqt.qtbot import QtBot

from desk_app.core.queue import TicketView
from desk_app.gui.models import TicketTableModel, call_order

from .conftest import WAIT_MS

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def _ticket(ticket_id: int, minutes_ago: int, status: str = "waiting") -> TicketView:
    issued = NOW - timedelta(minutes=minutes_ago)
    return TicketView(ticket_id, f"R{ticket_id:03d}", date(2026, 11, 24), status, "RF", "Ricongiungimento",
                      "ordinary", None, False, None, issued, None, None, None, 0, 0, None, None, issued)


def test_model_applies_changes_like_a_full_reload(qtmodeltester: Any) -> None:
    """Random batches of changes, each checked against the list rebuilt from scratch, under the model tester."""
    rng = random.Random(7)
    truth = {i: _ticket(i, rng.randrange(0, 300)) for i in range(1, 60)}
    model = TicketTableModel()
    model.set_tickets(sorted(truth.values(), key=call_order), NOW)
    qtmodeltester.check(model, force_py=True)  # stays connected: every later signal is checked too
    next_id = 60
    for _ in range(200):
        changed: set[int] = set()
        for _ in range(rng.randrange(1, 5)):
            kind = rng.choice(("issue", "leave", "update", "move", "come_back"))
            if kind == "issue":
                truth[next_id] = _ticket(next_id, rng.randrange(0, 300))
                changed.add(next_id)
                next_id += 1
            elif kind == "leave" and truth:
                gone = rng.choice(list(truth))
                del truth[gone]
                changed.add(gone)
            elif kind == "update" and truth:
                ticket_id = rng.choice(list(truth))
                truth[ticket_id] = replace(truth[ticket_id], recall_count=truth[ticket_id].recall_count + 1)
                changed.add(ticket_id)
            elif kind == "move" and truth:  # same ticket, new place (e.g. a head start)
                ticket_id = rng.choice(list(truth))
                truth[ticket_id] = replace(truth[ticket_id], sort_key=NOW - timedelta(minutes=rng.randrange(300)))
                changed.add(ticket_id)
            elif kind == "come_back":  # a ticket the list never had, or had and lost, appears
                ticket_id = rng.randrange(1, next_id)
                truth.setdefault(ticket_id, _ticket(ticket_id, rng.randrange(0, 300)))
                changed.add(ticket_id)
        fresh = sorted((truth[i] for i in changed if i in truth), key=call_order)
        model.apply_changes(changed, fresh, NOW)
        assert model.tickets() == sorted(truth.values(), key=call_order)


def _listed(model: QAbstractItemModel) -> list[TicketView]:
    assert isinstance(model, TicketTableModel)
    return model.tickets()


def test_desk_list_stays_exact_without_full_reloads(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                    services: Any) -> None:
    """Other desks issue, call, transfer, park, cancel ...; this desk's list follows by partial reads only and
    equals the core's own full list after every step (SQLite and PostgreSQL)."""
    queue = services.queue
    for service in ("RF", "LAV", "LEG", "RF", "LAV", "RF"):
        queue.issue_ticket(staff["clerk2"], service)
    desk = open_desk("D1")  # serves RF and LAV
    log_in(desk, "clerk")
    workspace = desk.workspace
    full_reads: list[tuple[str, ...]] = []
    original = workspace.load_snapshot

    def counting(statuses: tuple[str, ...]) -> Any:
        full_reads.append(statuses)
        return original(statuses)

    workspace.load_snapshot = counting

    def truth() -> list[TicketView]:
        return queue.tickets(staff["clerk"], desk_code="D1")

    def same_as_full_reload() -> None:
        expected = truth()
        qtbot.waitUntil(lambda: _listed(workspace.tickets_model) == expected, timeout=WAIT_MS)
        waiting = sum(workspace.summary_model.queue(r).waiting for r in range(workspace.summary_model.rowCount()))
        assert waiting == len(expected)

    same_as_full_reload()
    other = staff["clerk2"]
    steps = [
        lambda: queue.issue_ticket(other, "RF", priority="disability", language="ar"),
        lambda: queue.issue_ticket(other, "LEG"),  # not a service of D1: the list must not change
        lambda: queue.call_next(other, "D2"),
        lambda: queue.park(other, "D2"),
        lambda: queue.resume(other, next(t.id for t in queue.tickets(other, statuses=("parked",)))),
        lambda: queue.transfer(other, truth()[-1].id, "LEG"),  # leaves D1's list
        lambda: queue.transfer(other, queue.tickets(other, desk_code="D3")[0].id, "LAV"),  # joins it
        lambda: queue.cancel(other, truth()[0].id),
        lambda: queue.call_next(other, "D2"),
        lambda: queue.no_show(other, "D2"),
        lambda: queue.reactivate(other, queue.tickets(other, statuses=("no_show",))[0].id),
    ]
    for step in steps:
        step()
        same_as_full_reload()
    assert full_reads == []  # every step above was followed by partial reads only
    # A filter change reads the whole list once, then follows partially again.
    workspace.ui.statusFilter.setCurrentIndex(3)  # at the desks
    qtbot.waitUntil(lambda: len(full_reads) == 1, timeout=WAIT_MS)
    queue.call_next(other, "D2")
    expected = queue.tickets(staff["clerk"], desk_code="D1", statuses=("called", "serving"))
    qtbot.waitUntil(lambda: _listed(workspace.tickets_model) == expected, timeout=WAIT_MS)
    assert len(full_reads) == 1
