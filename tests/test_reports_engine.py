"""The report engine of issue 11: aggregated in the database, equal to the old engine, never holding the write lock,
and the periods of scheduled exports."""

from __future__ import annotations

import dataclasses
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from report_data import generate
from report_reference import reference_counts
from sqlalchemy import delete, func, select, update

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.reports import PERIODS, ReportCancelled, percentile, period_range
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent, Ticket
from desk_app.db.models_reports import ReportDay
from desk_app.errors import ValidationError

MONTH_START = date(2026, 10, 1)


@pytest.fixture
def clock() -> ManualClock:
    """The office's now: mid November 2026, after the generated October (the ``services`` fixture uses it)."""
    return ManualClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))


def _summary_days(core: CoreServices) -> set[date]:
    return set(core.db.read(lambda s: s.execute(select(ReportDay.day).distinct()).scalars().all()))


def _supervisor(core: CoreServices) -> Actor:
    core.staff.add_staff(Actor.system("cli:test"), "capo", "Capo", "supervisor", "capo-password", "LODI")
    return core.staff.login("capo", "capo-password")


def test_database_engine_equals_the_old_engine_on_a_generated_month(services):
    data = generate(services, MONTH_START, days=26, per_day=70, seed=3)
    boss = _supervisor(services)
    expected = services.db.read(lambda s: reference_counts(s, data.office_id, data.first, data.last))
    live = services.reports.counts(boss, data.first, data.last)  # counted from the events, summaries stored
    assert len(_summary_days(services)) == 26
    stored = services.reports.counts(boss, data.first, data.last)  # read from the summaries
    assert data.tickets > 1500 and len(live) == len(stored) == len(expected) > 26 * 6
    for row in live + stored:
        old = expected[(row.day, row.service, row.desk)]
        assert (row.issued, row.served, row.no_show, row.cancelled, row.transferred) == (
            old["issued"], old["served"], old["no_show"], old["cancelled"], old["transferred"]), row
        for count, avg, p90, values in ((row.wait_count, row.wait_avg, row.wait_p90, old["waits"]),
                                        (row.service_count, row.service_avg, row.service_p90, old["service_times"])):
            assert count == len(values)
            if values:
                assert avg == pytest.approx(sum(values) / len(values), abs=1e-6)
                assert p90 == pytest.approx(percentile(values, 0.9), abs=1e-6)
            else:
                assert avg is None and p90 is None
    # the generated paths reach every figure (else equality would prove little)
    assert all(sum(getattr(r, f) for r in live) > 0 for f in ("served", "no_show", "cancelled", "transferred"))
    # and a part of the range is the same part of the whole
    week = services.reports.counts(boss, data.first, data.first + timedelta(days=6))
    same_days = [r for r in live if r.day <= data.first + timedelta(days=6)]
    assert [dataclasses.astuple(r) for r in week] == [
        pytest.approx(dataclasses.astuple(r), abs=1e-9) for r in same_days]  # sums in another order: last bits


def test_only_days_that_are_over_with_no_open_ticket_are_summarized(services, clock):
    data = generate(services, MONTH_START, days=3, per_day=30)
    boss = _supervisor(services)
    second = data.first + timedelta(days=1)
    services.db.write(lambda s: s.execute(update(Ticket).where(Ticket.id == select(func.min(Ticket.id)).where(
        Ticket.day == second).scalar_subquery()).values(status="parked")))
    today = clock.now().date()
    services.queue.issue_ticket(boss, "RF")  # today's queue is open
    before = services.reports.counts(boss, data.first, today)
    assert _summary_days(services) == {data.first, data.last}
    services.db.write(lambda s: s.execute(update(Ticket).where(Ticket.status == "parked").values(status="closed")))
    after = services.reports.counts(boss, data.first, today)
    assert _summary_days(services) == {data.first, second, data.last}  # closed now; today never
    assert [r.issued for r in after] == [r.issued for r in before] and after[-1].day == today


def test_export_is_audited_after_its_read_and_a_cancel_writes_nothing(services):
    data = generate(services, MONTH_START, days=3, per_day=40)
    boss = _supervisor(services)

    def audits() -> list[dict[str, object]]:
        return services.db.read(lambda s: [e.detail for e in s.execute(
            select(AuditEvent).where(AuditEvent.action == "export.counts")).scalars()])

    steps: list[tuple[int, int]] = []
    rows = services.reports.counts(boss, data.first, data.last, progress=lambda i, n: steps.append((i, n)))
    assert steps == [(i, 6) for i in range(1, 7)]
    assert audits() == [{"from": data.first.isoformat(), "to": data.last.isoformat(), "rows": len(rows)}]

    def cancel(step: int, steps: int) -> None:
        raise ReportCancelled

    with pytest.raises(ReportCancelled):
        services.reports.counts(boss, data.first, data.last, progress=cancel)
    assert len(audits()) == 1


def test_a_desk_issues_a_ticket_while_a_large_export_reads_on_sqlite(settings, clock):
    """The export's read transaction is open (its progress callback runs inside it) while another desk's process
    issues a ticket: before issue 11 the export held SQLite's write lock and the desk waited for the whole export
    (28.5 s behind a year). The bound is far below the 10 s busy timeout a held lock would cost, and generous
    for a loaded machine; the latency itself is measured in benchmarks/reports_bench.py."""
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock; PostgreSQL readers never block writers")
    export_side = CoreServices.build(settings, clock=clock)
    desk_side = CoreServices.build(settings, clock=clock)
    try:
        data = generate(export_side, MONTH_START, days=26, per_day=150)
        boss = _supervisor(export_side)
        clerk_actor = Actor.system("cli:desk")
        issued: list[tuple[int, float, str]] = []

        def during_export(step: int, steps: int) -> None:
            if step in (1, 4):  # after the first statement and before the heaviest one: inside the read
                started = time.perf_counter()
                ticket = desk_side.queue.issue_ticket(clerk_actor, "RF")
                issued.append((step, time.perf_counter() - started, ticket.number))

        rows = export_side.reports.counts(boss, data.first, data.last, progress=during_export)
        assert [step for step, _, _ in issued] == [1, 4]
        assert all(seconds < 1.0 for _, seconds, _ in issued), issued
        # the tickets are stored, and the export (a snapshot of the month) did not count them
        numbers = export_side.db.read(lambda s: set(s.execute(select(Ticket.number).where(
            Ticket.day == clock.now().date())).scalars()))
        assert {number for _, _, number in issued} <= numbers
        assert sum(r.issued for r in rows) == data.tickets
    finally:
        desk_side.close()
        export_side.close()


@pytest.mark.parametrize(("today", "period", "expected"), [
    (date(2026, 1, 1), "yesterday", (date(2025, 12, 31), date(2025, 12, 31), "2025-12-31")),
    (date(2026, 1, 1), "last-week", (date(2025, 12, 22), date(2025, 12, 28), "2025-W52")),
    (date(2026, 1, 5), "last-week", (date(2025, 12, 29), date(2026, 1, 4), "2026-W01")),
    (date(2026, 1, 1), "last-month", (date(2025, 12, 1), date(2025, 12, 31), "2025-12")),
    (date(2024, 3, 15), "last-month", (date(2024, 2, 1), date(2024, 2, 29), "2024-02")),
    (date(2026, 1, 1), "last-quarter", (date(2025, 10, 1), date(2025, 12, 31), "2025-Q4")),
    (date(2026, 12, 2), "last-quarter", (date(2026, 7, 1), date(2026, 9, 30), "2026-Q3")),
    (date(2026, 4, 1), "last-quarter", (date(2026, 1, 1), date(2026, 3, 31), "2026-Q1")),
])
def test_period_ranges(today, period, expected):
    assert period_range(period, today) == expected


def test_every_period_is_the_last_complete_one_before_today():
    for offset in range(0, 800, 7):
        today = date(2025, 1, 1) + timedelta(days=offset)
        for period in PERIODS:
            first, last, label = period_range(period, today)
            assert first <= last < today
            # complete: the next period would reach today
            assert period_range(period, last + timedelta(days=1))[:2] == (first, last) or period == "yesterday"
            assert label[:4] in (str(first.year), str(first.isocalendar()[0]))
    with pytest.raises(ValidationError):
        period_range("last-year", date(2026, 1, 1))


def test_todays_dashboard_counts_the_queue_the_desks_and_the_hours(services, clock, staff):
    clerk, boss, queue = staff["clerk"], staff["supervisor"], services.queue
    for _ in range(3):
        queue.issue_ticket(clerk, "RF")
    queue.issue_ticket(clerk, "LEG")
    clock.advance(timedelta(minutes=30))  # RF target 20: the first call waited too long
    queue.call_next(clerk, "D1")
    queue.start_serving(clerk, "D1")
    clock.advance(timedelta(minutes=10))
    queue.finish(clerk, "D1")
    clock.advance(timedelta(minutes=5))
    queue.call_next(clerk, "D2")
    queue.no_show(clerk, "D2")
    queue.call_next(clerk, "D1")
    clock.advance(timedelta(minutes=2))
    board = services.reports.today(boss)
    rf = next(s for s in board.services if s.code == "RF")
    assert (rf.waiting, rf.served, rf.no_show, rf.no_show_pct) == (0, 1, 1, 50.0)
    assert rf.wait_avg == pytest.approx((30 + 45 + 45) / 3) and rf.within_target_pct == 0.0
    leg = next(s for s in board.services if s.code == "LEG")
    assert leg.waiting == 1 and leg.longest_wait == pytest.approx(47.0) and leg.wait_avg is None
    desks = {d.code: d for d in board.desks}
    assert (desks["D1"].state, desks["D1"].served, desks["D1"].service_avg) == ("called", 1, pytest.approx(10.0))
    assert desks["D1"].ticket == "R003" and desks["D1"].idle_minutes is None
    assert desks["D2"].state == "free" and desks["D2"].idle_minutes == pytest.approx(2.0)
    assert desks["D3"].idle_minutes is None  # did nothing today
    assert sum(a for _, a, _ in board.hours) == 4 and sum(s for _, _, s in board.hours) == 1
    assert board.appointments == (0, 0, 0, 0) and board.mediators == ()


def test_a_ticket_added_to_a_summarized_day_is_counted(services, clock):
    """Only a simulation writes a past day (``desk-admin demo --date``): the summary is checked and redone."""
    data = generate(services, MONTH_START, days=2, per_day=20)
    boss = _supervisor(services)
    before = services.reports.counts(boss, data.first, data.last)
    assert _summary_days(services) == {data.first, data.last}
    now = clock.now()
    clock.set(datetime.combine(data.first, datetime.min.time(), tzinfo=UTC) + timedelta(hours=11))
    services.queue.issue_ticket(boss, "LEG")
    services.queue.call_next(boss, "D4")
    services.queue.no_show(boss, "D4")
    clock.set(now)
    after = services.reports.counts(boss, data.first, data.last)
    assert sum(r.issued for r in after if r.day == data.first) == sum(
        r.issued for r in before if r.day == data.first) + 1
    assert sum(r.no_show for r in after) == sum(r.no_show for r in before) + 1
    again = services.reports.counts(boss, data.first, data.last)  # the redone summary, read back
    assert [dataclasses.astuple(r) for r in again] == [pytest.approx(dataclasses.astuple(r), abs=1e-9) for r in after]


def test_the_day_close_at_start_stores_the_summaries_of_every_closed_day_in_chunks(services, clock):
    """The first report over days no report counted reads summaries: the day close stored them (issue 11)."""
    data = generate(services, MONTH_START, days=9, per_day=25, seed=5)
    boss = _supervisor(services)
    services.queue.issue_ticket(boss, "RF")  # today: never summarized
    expected = services.db.read(lambda s: reference_counts(s, data.office_id, data.first, data.last))
    chunks: list[tuple[int, int]] = []
    stored = services.reports.summarize_closed_days(Actor.system("app-start"), chunk_days=4,
                                                    progress=lambda i, n: chunks.append((i, n)))
    assert stored == 9 and chunks == [(1, 3), (2, 3), (3, 3)]
    assert _summary_days(services) == {d for d, _, _ in expected}
    assert services.reports.summarize_closed_days(Actor.system("app-start")) == 0  # nothing left
    services.db.write(lambda s: s.execute(delete(ReportDay).where(ReportDay.day == data.last)))
    assert services.close_previous_days() == 0 and _summary_days(services) == {d for d, _, _ in expected}
    rows = services.reports.counts(boss, data.first, data.last)
    assert {(r.day, r.service, r.desk) for r in rows} == set(expected)
    for row in rows:
        old = expected[(row.day, row.service, row.desk)]
        assert (row.issued, row.served, row.no_show, row.wait_count) == (
            old["issued"], old["served"], old["no_show"], len(old["waits"])), row
        if old["waits"]:
            assert row.wait_p90 == pytest.approx(percentile(old["waits"], 0.9), abs=1e-6)
