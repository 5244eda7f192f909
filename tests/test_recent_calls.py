"""``QueueService.recent_calls``: the board's list of calls from one bounded read, on both databases.

The board used to read the whole day's called tickets and sort them in the GUI by ``called_at``
(``desk_app/gui/board.py`` ``recent_calls``/``read_recent_calls``). That set of tickets is kept; the
order now also follows recalls (the live board already put a recalled ticket on top, a reload did not,
because a recall leaves ``called_at`` alone). The reference here recomputes the list from the whole day.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.queue import CALLED_STATUSES, Call, TicketView
from desk_app.core.services import CoreServices
from desk_app.db.models import TicketEvent
from desk_app.errors import PermissionDeniedError, ValidationError

DAY = datetime(2026, 11, 24, tzinfo=UTC).date()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.combine(DAY, time(8, 30), zone()))


def old_board_calls(tickets: list[TicketView], limit: int) -> list[tuple[str, str]]:
    """What ``desk_app/gui/board.py`` computed from the whole day (copied: the behaviour to keep)."""
    called = [t for t in tickets if t.called_at is not None and t.desk_code]
    called.sort(key=lambda t: t.called_at, reverse=True)  # type: ignore[arg-type, return-value]
    return [(t.number, t.desk_code or "") for t in called[:limit]]


def whole_day_reference(core: CoreServices, actor: Actor, limit: int) -> list[Call]:
    """The same tickets, ordered by their last announcement (call or recall) since their current call."""
    tickets = core.queue.tickets(actor, statuses=CALLED_STATUSES)
    events = core.db.read(lambda s: s.execute(
        select(TicketEvent.ticket_id, TicketEvent.at).where(TicketEvent.action.in_(("call", "recall")))).all())
    calls = []
    for t in tickets:
        if t.called_at is None or not t.desk_code:
            continue
        announced = max(at for ticket_id, at in events if ticket_id == t.id and at >= t.called_at)
        calls.append(Call(t.number, t.desk_code, announced))
    calls.sort(key=lambda c: c.called_at, reverse=True)
    return calls[:limit]


def tick(clock: ManualClock, minutes: float = 1) -> None:
    clock.advance(timedelta(minutes=minutes))


def test_same_list_as_the_whole_day_then_recalls_move_to_the_top(services: CoreServices, staff: dict[str, Actor],
                                                                 clock: ManualClock) -> None:
    q, clerk, board = services.queue, staff["clerk"], Actor.display_board(services.offices.view().id)
    tickets = []
    for n in range(40):
        tickets.append(q.issue_ticket(clerk, ("RF", "LAV", "LEG")[n % 3]))
        tick(clock, 0.5)
    # a morning at three desks: finished, no-shows, parked and resumed, transferred, cancelled, reactivated
    for round_ in range(9):
        for desk in ("D1", "D2", "D3"):
            held = q.current_ticket(clerk, desk)
            if held is not None:
                if round_ % 4 == 1 and held.status == "called":
                    q.no_show(clerk, desk, held.id)
                elif round_ % 4 == 2:
                    q.park(clerk, desk, held.id)
                elif round_ % 4 == 3 and held.service_code != "LEG":
                    q.transfer(clerk, held.id, "LEG", desk_code=desk)
                else:
                    if held.status == "called":
                        q.start_serving(clerk, desk, held.id)
                    q.finish(clerk, desk, ticket=held.id)
            tick(clock)
            q.call_next(clerk, desk)
            tick(clock)
    parked = q.tickets(clerk, statuses=("parked",))
    q.resume(clerk, parked[0].id)  # waiting again: off the board
    absent = q.tickets(clerk, statuses=("no_show",))
    q.reactivate(clerk, absent[0].id)
    q.cancel(clerk, q.tickets(clerk)[-1].id)
    day_tickets = q.tickets(clerk, statuses=CALLED_STATUSES)
    assert len([t for t in day_tickets if t.called_at]) > 14  # more calls than the board shows

    for limit in (1, 3, 7, 12, 100):  # no recall yet: exactly what the board computed from the whole day
        calls = q.recent_calls(board, limit)
        assert [(c.number, c.desk_code) for c in calls] == old_board_calls(day_tickets, limit)
        assert calls == whole_day_reference(services, clerk, limit)

    # recalls: an older call at D2 comes back to the top; the list still names each ticket once
    held = {desk: q.current_ticket(clerk, desk) for desk in ("D1", "D2", "D3")}
    assert all(t is not None and t.status == "called" for t in held.values())
    tick(clock)
    q.recall(clerk, "D2", held["D2"].id)  # type: ignore[union-attr]
    tick(clock)
    q.recall(clerk, "D1", held["D1"].id)  # type: ignore[union-attr]
    tick(clock)
    q.recall(clerk, "D2", held["D2"].id)  # type: ignore[union-attr]
    calls = q.recent_calls(board)
    assert [c.number for c in calls[:2]] == [held["D2"].number, held["D1"].number]  # type: ignore[union-attr]
    assert calls[0].called_at == clock.now()
    assert len({c.number for c in calls}) == len(calls) == 7
    assert calls == whole_day_reference(services, clerk, 7)
    for limit in (1, 5, 100):
        assert q.recent_calls(board, limit) == whole_day_reference(services, clerk, limit)

    # the next day's board starts empty: calls are today's
    clock.set(datetime.combine(DAY + timedelta(days=1), time(8, 0), zone()))
    assert q.recent_calls(board) == []


def test_simulated_day_matches_the_whole_day_computation(services: CoreServices, clock: ManualClock,
                                                         system_actor: Actor) -> None:
    """A demo morning (150 tickets, six desks, recalls, no-shows, transfers), stopped at 10:40 with desks busy."""
    from desk_app.core.demo import create_demo_office, simulate_day

    create_demo_office(services, system_actor)
    stop = datetime.combine(DAY, time(10, 40), zone())
    simulate_day(services, DAY, tickets=150, seed=13, stop_at=stop)  # a seed with recalls by 10:40 (demo mix)
    clock.set(stop)
    recalls = services.db.read(lambda s: s.execute(select(TicketEvent.id).where(TicketEvent.action == "recall"))
                               .all())
    assert recalls  # the seed gives recalls
    board = Actor.display_board(services.offices.view().id)
    for limit in (1, 7, 30):
        assert services.queue.recent_calls(board, limit) == whole_day_reference(services, system_actor, limit)


def test_the_read_is_bounded_by_an_index(services: CoreServices, staff: dict[str, Actor], clock: ManualClock,
                                         backend: str) -> None:
    """One statement, ``ORDER BY`` the event time ``DESC LIMIT``; on SQLite served by the (office, at) index."""
    q, clerk = services.queue, staff["clerk"]
    for _ in range(12):
        q.issue_ticket(clerk, "RF")
    for _ in range(10):
        tick(clock)
        q.call_next(clerk, "D1")
        q.start_serving(clerk, "D1")
        q.finish(clerk, "D1")
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool) -> None:
        seen.append((statement, params))

    event.listen(services.db.engine, "before_cursor_execute", capture)
    try:
        calls = q.recent_calls(staff["clerk"], 3)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", capture)
    assert len(calls) == 3
    reads = [(sql, params) for sql, params in seen if "ticket_event" in sql]
    assert len(reads) == 1
    sql, params = reads[0]
    assert "ORDER BY event.at DESC" in sql and "LIMIT" in sql
    if backend == "sqlite":
        with services.db.engine.connect() as conn:
            plan = " | ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
        assert "ix_ticket_event_office_at" in plan and "TEMP B-TREE" not in plan, plan


def test_who_may_read_the_calls(services: CoreServices, staff: dict[str, Actor]) -> None:
    q = services.queue
    q.issue_ticket(staff["clerk"], "RF")
    q.call_next(staff["clerk"], "D1")
    office_id = services.offices.view().id
    for actor in (staff["clerk"], staff["supervisor"], staff["admin"], Actor.display_board(office_id)):
        assert [c.desk_code for c in q.recent_calls(actor)] == ["D1"]
    with pytest.raises(PermissionDeniedError) as refused:
        q.recent_calls(staff["mediator"])
    assert refused.value.message("it") == "Permesso negato: il ruolo «mediatore» non può vedere le chiamate del " \
                                          "tabellone."
    with pytest.raises(PermissionDeniedError) as refused:  # another office's board
        q.recent_calls(Actor.display_board(office_id + 1))
    assert refused.value.code == "other_office"
    with pytest.raises(ValidationError):
        q.recent_calls(staff["clerk"], 0)
