"""The queue's hot path (issue 18): what makes it fast, checked without timing anything.

* SQLite finds the desk's ticket, the next waiting ticket and the day's leftovers through the partial indexes
  (EXPLAIN QUERY PLAN), so none of them reads the history;
* issue, call and the desk's transitions run on the bare driver connection, without SQLAlchemy's execution
  layer, and on PostgreSQL each is ONE statement in autocommit (one round trip);
* the numbers the SQL builds are the ones :func:`format_number` prints; the refusals still say why;
* a connection the server dropped is replaced (what ``pool_pre_ping`` used to do).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, func, select

from desk_app.clock import ManualClock
from desk_app.core import queue as queue_module
from desk_app.core.queue import _CLOSE_DAY, _CURRENT_TICKET, _DESK_STATE, _compiled, format_number
from desk_app.core.services import CoreServices
from desk_app.db.models import ChangeLog, Ticket, TicketEvent
from desk_app.errors import ConflictError, NotFoundError

MORNING = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 10:00 in Rome


@pytest.fixture
def clocked(settings, office, staff):
    clock = ManualClock(MORNING)
    core = CoreServices.build(settings, clock=clock)
    yield core, clock, staff["clerk"]
    core.close()


def sqlite_plan(path: str, sql: str, params: dict[str, Any]) -> str:
    with sqlite3.connect(path) as conn:
        return " | ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


@pytest.fixture
def sqlite_db(clocked):
    core, _, _ = clocked
    if not core.db.is_sqlite:
        pytest.skip("SQLite query plans")
    return str(core.db.sqlite_path)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_sqlite_finds_the_desks_ticket_through_the_partial_index(sqlite_db):
    for statement in (_CURRENT_TICKET, _DESK_STATE):
        sql, defaults = _compiled(statement, "sqlite")
        plan = sqlite_plan(sqlite_db, sql, {**defaults, "desk_id": 1})
        assert "uq_ticket_desk_active" in plan, plan
        assert "SCAN ticket" not in plan, plan
    # the control: with the statuses bound, as before, SQLite cannot prove the index's condition and scans
    plan = sqlite_plan(sqlite_db, "SELECT id FROM ticket WHERE desk_id = :d AND status IN (:a, :b)",
                       {"d": 1, "a": "called", "b": "serving"})
    assert "uq_ticket_desk_active" not in plan


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_sqlite_calls_in_order_from_the_waiting_index_and_closes_from_the_open_one(clocked, sqlite_db):
    core, _, _ = clocked
    call = core.queue._hot_call()
    values = {"b_office_id": 1, "b_today": "2026-11-24", "b_desk_id": 1, "b_staff_id": None, "now": "x",
              "mediator_now": "x", "mediator_present_from": "x"}
    plan = sqlite_plan(sqlite_db, call.sql, {**call.defaults, **values})
    assert "ix_ticket_waiting" in plan and "TEMP B-TREE" not in plan, plan  # no sort of every waiting ticket
    sql, defaults = _compiled(_CLOSE_DAY, "sqlite")
    plan = sqlite_plan(sqlite_db, sql, {**defaults, "b_office_id": 1, "before": "2026-11-24", "now": "x"})
    assert "ix_ticket_open" in plan and "SCAN ticket" not in plan, plan


class Counting:
    """A real driver connection that counts the statements sent through it."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.statements: list[str] = []

    def execute(self, sql: str, *args: Any) -> Any:
        self.statements.append(sql.split(None, 1)[0].upper())
        return self.conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def test_issue_call_and_no_show_skip_the_orm_and_send_one_statement_on_postgres(clocked):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")  # fills the office cache and opens the bare connection
    counting = Counting(core.db._bare_connection())
    core.db._bare_local.conn = counting
    orm_statements: list[str] = []
    event.listen(core.db.engine, "before_cursor_execute", lambda *a: orm_statements.append(a[2]))
    try:
        for step in (lambda: core.queue.issue_ticket(clerk, "LAV"), lambda: core.queue.call_next(clerk, "D1"),
                     lambda: core.queue.no_show(clerk, "D1")):
            counting.statements.clear()
            step()
            if core.db.is_sqlite:  # the change, its event and its change-feed row, in one write transaction
                assert counting.statements[0] == "BEGIN" and counting.statements[-1] == "COMMIT"
                assert counting.statements.count("INSERT") >= 2
            else:  # one data-modifying CTE in autocommit: update, event and NOTIFY in one round trip
                assert counting.statements == ["WITH"] and counting.conn.autocommit
        assert orm_statements == []  # no session, no SQLAlchemy execution on the hot path
    finally:
        core.db._bare_local.conn = counting.conn
    events = core.db.read(lambda s: s.execute(select(TicketEvent.action).order_by(TicketEvent.id)).scalars().all())
    assert events == ["issue", "issue", "call", "no_show"]  # the history is still written, one row per transition
    if core.db.is_sqlite:
        changes = core.db.read(lambda s: s.execute(select(func.count(ChangeLog.id))
                                                   .where(ChangeLog.kind == "ticket")).scalar())
        assert changes == 4  # the office's set-up announced itself too (kind "office"): not counted here


def test_the_numbers_built_in_sql_are_the_printed_ones(clocked):
    core, _, clerk = clocked
    first = core.queue.issue_ticket(clerk, "RF")
    assert first.number == format_number("R", 1) == "R001"
    core.db.write(lambda s: s.connection().exec_driver_sql("UPDATE ticket_counter SET last = 998"))
    assert [core.queue.issue_ticket(clerk, "RF").number for _ in range(2)] == [format_number("R", 999),
                                                                               format_number("R", 1000)]
    # the appointment check-in issues inside its own transaction through the same statements
    inside = core.db.write(lambda s: core.queue.issue_ticket_in(s, clerk, "LAV", priority="elderly"))
    assert inside.number == "N001" and inside.sort_key == MORNING - timedelta(minutes=20)
    stored = core.db.read(lambda s: s.execute(select(Ticket).where(Ticket.id == inside.id)).scalar_one())
    assert (stored.issued_at, stored.sort_key, stored.day) == (MORNING, inside.sort_key, inside.day)


def test_refusals_still_say_why_after_the_one_statement_call(clocked, staff):
    core, _, clerk = clocked
    first = core.queue.issue_ticket(clerk, "RF")
    core.queue.issue_ticket(clerk, "RF")
    core.queue.call_next(clerk, "D1")
    with pytest.raises(ConflictError) as busy:
        core.queue.call_next(clerk, "D1")
    assert busy.value.code == "desk_busy" and "R001" in busy.value.message("en")
    core.db.write(lambda s: s.connection().exec_driver_sql("UPDATE desk SET active = false WHERE code = 'D2'"))
    with pytest.raises(NotFoundError) as inactive:
        core.queue.call_next(clerk, "D2")
    assert inactive.value.code == "unknown_desk"
    with pytest.raises(ConflictError) as taken:
        core.queue.no_show(staff["clerk2"], "D3", ticket=first.id)
    assert taken.value.code == "ticket_taken"
    numbers = core.db.read(lambda s: dict(s.execute(select(Ticket.number, Ticket.status)).all()))
    assert numbers == {"R001": "called", "R002": "waiting"}  # the refused calls wrote nothing
    assert core.db.read(lambda s: s.execute(select(func.count(TicketEvent.id))).scalar()) == 3


@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_a_connection_the_server_dropped_is_replaced(clocked, pg_url):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    assert core.queue.tickets(clerk)  # the pooled ORM connection and the bare one are both open now
    with psycopg.connect(pg_url.replace("+psycopg", ""), autocommit=True) as admin:
        killed = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                               "application_name = 'sportello' AND datname = current_database() "
                               "AND pid <> pg_backend_pid()").fetchone()[0]
    assert killed >= 2
    assert core.queue.issue_ticket(clerk, "RF").number == "R002"  # the bare connection, replaced
    assert [t.number for t in core.queue.tickets(clerk)] == ["R001", "R002"]  # a read on a replaced connection
    core.queue.call_next(clerk, "D1")


def test_the_hot_statements_write_status_constants_not_parameters():
    """SQLite matches a partial index by the text of its condition: the statuses must be in the SQL."""
    for spec in queue_module._SPECS.values():
        for kind in ("id", "desk"):
            sql, defaults = _compiled(queue_module._move_statement(spec, kind), "sqlite")
            assert not any(v in (*queue_module.OPEN_STATUSES, "done", "no_show") for v in defaults.values()), sql
    with pytest.raises(ValueError):
        queue_module._lit("x'; DROP TABLE ticket; --")


@given(ticket_id=st.integers(1, 2**31 - 1), number=st.text(max_size=12), status=st.sampled_from(
    ["waiting", "called", "serving", "no_show", "done"]), desk=st.one_of(st.none(), st.text(max_size=16)))
def test_the_change_text_is_what_json_writes(ticket_id: int, number: str, status: str, desk: str | None) -> None:
    """The hot path writes a ticket change's text without the JSON encoder: byte for byte what it would write,
    so the feed's readers (Change.from_json) and the change log read the same as before."""
    expected = json.dumps({"ticket": ticket_id, "number": number, "status": status, "desk": desk})
    assert queue_module._change_data(ticket_id, number, status, desk) == expected


@pytest.mark.parametrize("moment", [datetime(2026, 12, 1, 9, 5, 7, 123456, tzinfo=UTC),
                                    datetime(2026, 12, 1, 9, 5, tzinfo=UTC),
                                    datetime(2026, 3, 29, 3, 30, tzinfo=ZoneInfo("Europe/Rome")),
                                    datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Rome"))])
def test_a_sqlite_timestamp_is_naive_utc_with_microseconds_on_every_path(moment: datetime) -> None:
    """The UTC fast path of _sqlite_ts writes what the general one writes (and what SQLAlchemy stores)."""
    general = moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    assert queue_module._sqlite_ts(moment) == general
    assert queue_module._sqlite_ts(moment.astimezone(UTC)) == general
    assert len(general) == 26 and "+" not in general
