"""The simulated demo day looks like a working office (issue 11): after whole past days (which leave no desk holding
a ticket overnight), today's live demo has every desk at work and people waiting, on the supervisor's console."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.demo import create_demo_office, simulate_day

DAY = datetime(2026, 11, 24, tzinfo=UTC).date()  # a Tuesday
NOW = datetime.combine(DAY, time(11, 30), zone())


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


def test_every_desk_is_at_work_on_the_live_demo_after_whole_days(services, clock):
    create_demo_office(services, Actor.system("cli:test"))
    for back in (2, 1):  # whole past days first, as the screenshot script and `desk-admin demo --date` do
        simulate_day(services, DAY - timedelta(days=back), tickets=170, seed=back)
        held = services.db.read(lambda s: s.execute(__import__("sqlalchemy").text(
            "SELECT count(*) FROM ticket WHERE status IN ('called', 'serving')")).scalar_one())
        assert held == 0  # no desk keeps a ticket overnight (it could not call the next day)
    result = simulate_day(services, DAY, tickets=170, stop_at=NOW, waiting=8)
    board = services.reports.today(Actor.system("cli:test"))
    assert [d.state for d in board.desks].count("free") == 0, board.desks
    assert {d.code for d in board.desks} == {f"D{i}" for i in range(1, 7)}
    assert all(d.served > 5 for d in board.desks), [(d.code, d.served) for d in board.desks]
    assert all(s.served > 0 for s in board.services), [(s.code, s.served) for s in board.services]
    assert result.waiting_left >= 8 and sum(s.waiting for s in board.services) == result.waiting_left
