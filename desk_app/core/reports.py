"""Counts for supervisors: per day, service and desk, aggregated in the database. Counts only, never names.

Figures per (day, service, desk):

* ``issued``: tickets issued (queue level: desk empty);
* ``served`` / ``no_show``: tickets whose final state is done / no-show, at the desk that had them;
* ``cancelled``: tickets withdrawn (queue level);
* ``transferred``: transfers out of the service (at the desk that transferred, if any);
* ``wait``: from entering the queue (issue, transfer, resume, reactivate) to each call;
* ``service``: from start of service to finish.

Average and 90th percentile (nearest rank) are in minutes.

How (issue 11): the database does the work, with ``GROUP BY`` and window functions, and hands back one tuple per
(day, service, desk): no ticket or event is ever loaded as an object, so time and memory do not grow with the
number of tickets on the Python side (measured in benchmarks/reports_bench.py, docs/benchmarks.md). The queue
engine's state machine makes each wait and service time a pair of consecutive events of one ticket: a ``call``
is only possible from ``waiting``, which only an issue, transfer, resume or reactivate enter, and a ``finish``
only from ``serving``, which only ``serve`` enters; so ``LAG()`` over the ticket's events (in id order, the
order they were written under the ticket's row lock) finds the start of every interval. The 90th percentile is
nearest rank: ``percentile_disc`` on PostgreSQL (which computes the rank as ``ceil(0.9 * n)`` in double
precision, as :func:`percentile` does), ``row_number()`` against ``count()`` over the group on SQLite.

A day that is over and has no open ticket left can no longer change (the queue engine refuses to reactivate,
resume or transfer a ticket of another day; every other transition starts from an open status), so its rows are
stored as a summary (``report_day``) the first time a report counts it, and every later report reads them instead
of its events: a year is then about 4,500 summary rows plus the days still open.

The day close at every start (:meth:`ReportService.summarize_closed_days`, called by
``CoreServices.close_previous_days``) stores the summaries of the days just closed, so even the first report over
a range reads them (the whole history once, in chunks, at the first start after the upgrade).

Besides the counts: the nine breakdowns of the reports window (:data:`DIMENSIONS`, :meth:`ReportService.breakdowns`,
with medians: merged from per-day parts that keep every wait, see :mod:`desk_app.core.breakdown_days`) and the
project's anonymous monitoring indicators (:meth:`ReportService.indicators`, with the print records of
:meth:`ReportService.record_print`).

Every report runs in a read transaction (on SQLite a deferred ``BEGIN`` in WAL mode: a snapshot that never takes
the write lock, so the desks keep issuing and calling while a year is counted); the audit row is written after
it, in a short write transaction of its own (with the new summaries).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Float, Integer, and_, case, cast, delete, func, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk_app.clock import day_start_utc, local_day, local_time
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.validation import clean_choice, parse_date_range
from desk_app.db.engine import Database, table_of
from desk_app.db.models import Desk, Service, Ticket, TicketEvent
from desk_app.db.models_reports import ReportDay
from desk_app.errors import ValidationError

#: Events that put a ticket (back) in a queue: waiting time starts again from them.
_QUEUE_ENTRIES = ("issue", "transfer", "resume", "reactivate")

CSV_HEADER = (
    "giorno", "servizio", "sportello", "emessi", "serviti", "assenti", "annullati", "trasferiti",
    "attesa_media_min", "attesa_p90_min", "servizio_medio_min", "servizio_p90_min",
)
#: ``progress(step, steps)``, called inside the report's read transaction after each step; it may raise
#: (:class:`ReportCancelled`, for a cancel button) to stop the report: nothing is written then, not even the audit.
Progress = Callable[[int, int], None]


class ReportCancelled(Exception):  # noqa: N818 - a request, not an error
    """Raised by a :data:`Progress` callback to stop a report."""


def percentile(values: Iterable[float], share: float) -> float | None:
    """Nearest-rank percentile (``share`` in 0..1) of ``values``; ``None`` when empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


@dataclass
class CountRow:
    """Counts of one (day, service, desk); times in minutes, ``None`` where nothing was measured."""

    day: date
    service: str
    desk: str
    issued: int = 0
    served: int = 0
    no_show: int = 0
    cancelled: int = 0
    transferred: int = 0
    wait_count: int = 0
    wait_avg: float | None = None
    wait_p90: float | None = None
    service_count: int = 0
    service_avg: float | None = None
    service_p90: float | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(), "service": self.service, "desk": self.desk, "issued": self.issued,
            "served": self.served, "no_show": self.no_show, "cancelled": self.cancelled,
            "transferred": self.transferred, "wait_avg_min": _round(self.wait_avg),
            "wait_p90_min": _round(self.wait_p90), "service_avg_min": _round(self.service_avg),
            "service_p90_min": _round(self.service_p90),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# -- periods for scheduled exports ---------------------------------------------------------------------------------
#: ``--period`` names, for cron or the Windows Task Scheduler: always the last complete period before today.
PERIODS = ("yesterday", "last-week", "last-month", "last-quarter")


def period_range(name: str, today: date) -> tuple[date, date, str]:
    """First day, last day and file label of the period ``name`` (one of :data:`PERIODS`) before ``today``.

    Labels sort and say what they hold: ``2026-12-01`` (a day), ``2026-W48`` (ISO week, Monday to Sunday),
    ``2026-11`` (a month), ``2026-Q3`` (a quarter).
    """
    name = clean_choice(name, "period", PERIODS)
    if name == "yesterday":
        day = today - timedelta(days=1)
        return day, day, day.isoformat()
    if name == "last-week":
        monday = today - timedelta(days=today.weekday() + 7)
        year, week, _ = monday.isocalendar()
        return monday, monday + timedelta(days=6), f"{year}-W{week:02d}"
    if name == "last-month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last, f"{last:%Y-%m}"
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last = quarter_start - timedelta(days=1)
    first = date(last.year, 3 * ((last.month - 1) // 3) + 1, 1)
    return first, last, f"{last.year}-Q{(last.month - 1) // 3 + 1}"


# -- the statements --------------------------------------------------------------------------------------------------
_T = table_of(Ticket).c
_E = table_of(TicketEvent)


def _minutes(dialect: str, end: Any, start: Any) -> Any:
    """``end - start`` in minutes, as a double (SQLite: julianday, milliseconds kept)."""
    if dialect == "postgresql":
        return cast(func.extract("epoch", end - start), Float) / 60.0
    return (func.julianday(end) - func.julianday(start)) * 1440.0


def _intervals(dialect: str, tickets: Any, with_ticket: bool = False) -> Any:
    """One row per wait (``kind`` 'w': queue entry to call) and service time ('s': serve to finish); with
    ``with_ticket`` a last column names the ticket (the breakdowns join its attributes)."""
    events = (
        select(_T.day, _E.c.service_id, _E.c.desk_id, _E.c.action, _E.c.at, _E.c.ticket_id,
               func.lag(_E.c.at).over(partition_by=_E.c.ticket_id, order_by=_E.c.id).label("prev_at"),
               func.lag(_E.c.action).over(partition_by=_E.c.ticket_id, order_by=_E.c.id).label("prev_action"))
        .select_from(_E.join(table_of(Ticket), _T.id == _E.c.ticket_id))
        .where(tickets)
        .cte("events")
    )
    e = events.c
    return (
        select(e.day, e.service_id, e.desk_id,
               case((e.action == "call", literal("w")), else_=literal("s")).label("kind"),
               _minutes(dialect, e.at, e.prev_at).label("minutes"), *([e.ticket_id] if with_ticket else []))
        .where(or_(and_(e.action == "call", e.prev_action.in_(_QUEUE_ENTRIES)),
                   and_(e.action == "finish", e.prev_action == "serve")))
        .cte("intervals")
    )


def _distributions(dialect: str, tickets: Any) -> Any:
    """Per (day, service, desk, kind) of the tickets matching ``tickets``: how many, sum, nearest-rank 90th
    percentile."""
    iv = _intervals(dialect, tickets)
    keys = (iv.c.day, iv.c.service_id, iv.c.desk_id, iv.c.kind)
    if dialect == "postgresql":
        return select(*keys, func.count(), func.sum(iv.c.minutes),
                      func.percentile_disc(0.9).within_group(iv.c.minutes)).group_by(*keys)
    ranked = select(
        *keys, iv.c.minutes,
        func.row_number().over(partition_by=keys, order_by=iv.c.minutes).label("rank"),
        func.count().over(partition_by=keys).label("n"),
    ).subquery("ranked")
    r = ranked.c
    share = r.n * 0.9  # ceil() without SQLite's optional math functions, in the same double arithmetic
    p90_rank = cast(share, Integer) + case((share > cast(share, Integer), 1), else_=0)
    return (select(r.day, r.service_id, r.desk_id, r.kind, func.count(), func.sum(r.minutes),
                   func.max(case((r.rank == p90_rank, r.minutes))))
            .group_by(r.day, r.service_id, r.desk_id, r.kind))


#: Statuses a ticket can still leave: a day with none of them left (and over) can no longer change.
_OPEN = ("waiting", "called", "serving", "parked")


def _days_condition(days: list[tuple[date, date]]) -> Any:
    return or_(*[_T.day.between(a, b) for a, b in days]) if days else literal(False)


def _runs(live: set[date], summarized: set[date], first: date, last: date) -> list[tuple[date, date]]:
    """The ``live`` days between ``first`` and ``last`` as (first, last) runs; a run goes on over days that are
    neither live nor ``summarized`` (no tickets: nothing to count), so a range with no summary is one run and one
    ``BETWEEN`` the ``(office_id, day)`` index answers."""
    runs: list[tuple[date, date]] = []
    open_run: tuple[date, date] | None = None
    day = first
    while day <= last:
        if day in live:
            open_run = (open_run[0] if open_run else day, day)
        elif day in summarized and open_run:
            runs.append(open_run)
            open_run = None
        day += timedelta(days=1)
    if open_run:
        runs.append(open_run)
    return runs


@dataclass
class _Counted:
    """What a report read: its rows, and the summaries of the closed days it counted live (to store)."""

    rows: list[CountRow]
    summaries: list[dict[str, Any]]
    stale: set[date]
    office_id: int = 0


def _live_rows(session: Session, office_id: int, days: Any, row: Callable[[date, int, int | None], CountRow],
               step: Callable[[], None]) -> None:
    """Count the tickets and events of the days matching ``days`` (a condition on ``ticket.day``) into ``row``."""
    dialect = session.get_bind().dialect.name
    in_range = and_(_T.office_id == office_id, days)
    for day, service_id, n in session.execute(
            select(_T.day, _T.origin_service_id, func.count()).where(in_range)
            .group_by(_T.day, _T.origin_service_id)):
        row(day, service_id, None).issued += n
    step()
    for day, service_id, desk_id, status, n in session.execute(
            select(_T.day, _T.service_id, _T.desk_id, _T.status, func.count())
            .where(in_range, _T.status.in_(("done", "no_show", "cancelled")))
            .group_by(_T.day, _T.service_id, _T.desk_id, _T.status)):
        target = row(day, service_id, None if status == "cancelled" else desk_id)  # a cancel is the queue's
        if status == "done":
            target.served += n
        elif status == "no_show":
            target.no_show += n
        else:
            target.cancelled += n
    step()
    for day, service_id, desk_id, n in session.execute(
            select(_T.day, _E.c.service_id, _E.c.desk_id, func.count())
            .select_from(_E.join(table_of(Ticket), _T.id == _E.c.ticket_id))
            .where(in_range, _E.c.action == "transfer")
            .group_by(_T.day, _E.c.service_id, _E.c.desk_id)):
        row(day, service_id, desk_id).transferred += n
    step()
    for day, service_id, desk_id, kind, n, total, p90 in session.execute(_distributions(dialect, in_range)):
        target = row(day, service_id, desk_id)
        if kind == "w":
            target.wait_count, target.wait_avg, target.wait_p90 = n, float(total) / n, float(p90)
        else:
            target.service_count, target.service_avg, target.service_p90 = n, float(total) / n, float(p90)
    step()


def count_rows(session: Session, office_id: int, first: date, last: date, today: date,
               progress: Progress | None = None) -> _Counted:
    """The rows of :meth:`ReportService.counts`, read with ``session`` (no permission check: the caller's).

    Days with a stored summary are read from it; the others are counted live, and those of them that are over
    (before ``today``) with no open ticket come back as summaries to store.
    """
    steps, done = 6, 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, steps)

    services: dict[int, str] = dict(
        session.execute(select(Service.id, Service.code).where(Service.office_id == office_id)).all())
    desks: dict[int, str] = dict(session.execute(select(Desk.id, Desk.code).where(Desk.office_id == office_id)).all())
    rows: dict[tuple[date, str, str], CountRow] = {}
    ids: dict[tuple[date, str, str], tuple[int, int]] = {}

    def row(day: date, service_id: int, desk_id: int | None) -> CountRow:
        key = (day, services.get(service_id, "?"), desks.get(desk_id, "") if desk_id else "")
        if key not in rows:
            rows[key] = CountRow(*key)
            ids[key] = (service_id, desk_id or 0)
        return rows[key]

    summarized: set[date] = set()
    for s in session.execute(select(ReportDay).where(ReportDay.office_id == office_id,
                                                     ReportDay.day.between(first, last))).scalars():
        summarized.add(s.day)
        target = row(s.day, s.service_id, s.desk_id)
        target.issued, target.served, target.no_show = s.issued, s.served, s.no_show
        target.cancelled, target.transferred = s.cancelled, s.transferred
        target.wait_count, target.wait_p90 = s.wait_count, s.wait_p90
        target.wait_avg = s.wait_sum / s.wait_count if s.wait_count else None
        target.service_count, target.service_p90 = s.service_count, s.service_p90
        target.service_avg = s.service_sum / s.service_count if s.service_count else None
    step()
    # tickets per day, from the (office_id, day) index alone: the days to count live, and a check that no
    # ticket was added to a summarized day since (only a simulation writes past days: desk-admin demo --date)
    issued: dict[date, int] = dict(session.execute(select(_T.day, func.count()).where(
        _T.office_id == office_id, _T.day.between(first, last)).group_by(_T.day)).all())
    summarized_issued: dict[date, int] = {}
    for r in rows.values():
        summarized_issued[r.day] = summarized_issued.get(r.day, 0) + r.issued
    stale = {day for day in summarized if issued.get(day, 0) != summarized_issued.get(day, 0)}
    for key in [key for key in rows if key[0] in stale]:
        del rows[key], ids[key]
    summarized -= stale
    runs = _runs(set(issued) - summarized, summarized, first, last)
    closed: set[date] = set()
    if runs:
        live = _days_condition(runs)
        _live_rows(session, office_id, live, row, step)
        closed = set(session.execute(
            select(_T.day).where(_T.office_id == office_id, live, _T.day < today).group_by(_T.day)
            .having(func.sum(case((_T.status.in_(_OPEN), 1), else_=0)) == 0)).scalars())
    else:
        for _ in range(4):
            step()
    step()
    summaries = [
        {"office_id": office_id, "day": r.day, "service_id": ids[key][0], "desk_id": ids[key][1],
         "issued": r.issued, "served": r.served, "no_show": r.no_show, "cancelled": r.cancelled,
         "transferred": r.transferred, "wait_count": r.wait_count, "wait_sum": (r.wait_avg or 0.0) * r.wait_count,
         "wait_p90": r.wait_p90, "service_count": r.service_count,
         "service_sum": (r.service_avg or 0.0) * r.service_count, "service_p90": r.service_p90}
        for key, r in rows.items() if r.day in closed
    ]
    return _Counted(sorted(rows.values(), key=lambda r: (r.day, r.service, r.desk)), summaries, stale)


def _store_summaries(session: Session, summaries: list[dict[str, Any]], office_id: int | None = None,
                     stale: Iterable[date] = ()) -> None:
    """Insert summaries, after deleting those of the ``stale`` days of ``office_id``; one already stored (by a
    report that ran at the same time) is left as it is."""
    stale = list(stale)
    if stale and office_id is not None:
        session.execute(delete(ReportDay).where(ReportDay.office_id == office_id, ReportDay.day.in_(stale)))
    if not summaries:
        return
    dialect_insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(dialect_insert(table_of(ReportDay)).on_conflict_do_nothing(), summaries)


# -- breakdowns of a period (the reports window, issue 11 item 2) -------------------------------------------------
#: The breakdowns, in the order the reports window and every export show them.
DIMENSIONS = ("day", "week", "month", "service", "desk", "hour", "language", "procedure", "priority")
#: Breakdowns an appointment belongs to (it has a day, an hour, a service and a language; no desk, no procedure
#: of its own, no priority class): elsewhere the appointment columns are empty.
_APPOINTMENT_DIMENSIONS = ("day", "week", "month", "service", "hour", "language")


@dataclass
class BreakdownRow:
    """The figures of one value of one breakdown (``key``: a day, ``2026-W48``, ``2026-11``, a service or desk
    code, ``09`` for 9:00-9:59, a language code, a procedure code, a priority class; ``""``: none recorded, or
    the queue level for desks). Times in minutes: average, median and 90th percentile (nearest rank, as
    :func:`percentile`); ``within_target_pct``: waits no longer than the service's target, in %.
    ``appointments_kept`` / ``appointments_missed``: ``None`` where the breakdown does not apply to appointments.

    Attribution, so that day, week, month, service and desk add up to exactly the counts of
    :meth:`ReportService.counts`: a ticket is issued at its first service and no desk; served, no-show and
    cancelled (no desk) at its last service and desk; a transfer, a wait and a service time where they happened.
    Hour, language, procedure (of the counter check opened on the ticket, if any) and priority are the ticket's.
    """

    key: str
    issued: int = 0
    served: int = 0
    no_show: int = 0
    cancelled: int = 0
    transferred: int = 0
    recalls: int = 0
    wait_count: int = 0
    wait_avg: float | None = None
    wait_median: float | None = None
    wait_p90: float | None = None
    within_target_pct: float | None = None
    service_count: int = 0
    service_avg: float | None = None
    service_median: float | None = None
    service_p90: float | None = None
    appointments_kept: int | None = None
    appointments_missed: int | None = None


#: A wait of exactly the target is within it: SQLite's julianday arithmetic leaves a whole 20 minutes as
#: 20.000000001 or so; a millionth of a minute (60 microseconds) absorbs that and nothing a clock measures.
_EPSILON_MIN = 1e-6
#: Italian names of the breakdowns, in files (sheet names, the CSV's first column, headings).
DIMENSION_LABELS = {"day": "giorno", "week": "settimana", "month": "mese", "service": "servizio",
                    "desk": "sportello", "hour": "ora", "language": "lingua", "procedure": "procedimento",
                    "priority": "priorita"}

BREAKDOWN_HEADER = (
    "valore", "emessi", "serviti", "assenti", "annullati", "trasferiti", "richiami", "attese",
    "attesa_media_min", "attesa_mediana_min", "attesa_p90_min", "entro_obiettivo_pct", "servizi",
    "servizio_medio_min", "servizio_mediano_min", "servizio_p90_min", "appuntamenti_rispettati",
    "appuntamenti_mancati",
)


def breakdown_cells(row: BreakdownRow) -> list[object]:
    """The values of ``row`` in :data:`BREAKDOWN_HEADER` order (times to 0.1 minute)."""
    return [row.key, row.issued, row.served, row.no_show, row.cancelled, row.transferred, row.recalls,
            row.wait_count, _round(row.wait_avg), _round(row.wait_median), _round(row.wait_p90),
            _round(row.within_target_pct), row.service_count, _round(row.service_avg), _round(row.service_median),
            _round(row.service_p90), row.appointments_kept, row.appointments_missed]


@dataclass
class Breakdowns:
    """Every breakdown of one period of one office: ``tables[dimension]`` rows sorted by key."""

    office: str
    first: date
    last: date
    tables: dict[str, list[BreakdownRow]]


def breakdown_tables(session: Session, office_id: int, timezone: str, first: date, last: date,
                     progress: Progress | None = None) -> dict[str, list[BreakdownRow]]:
    """Every breakdown of ``office_id`` from ``first`` to ``last``, read with ``session`` (no permission check:
    the caller's). Counts only: the statements read no name, no practice number.

    Merged from the per-day parts stored at the day close, the days without them counted from the events
    (:func:`desk_app.core.breakdown_days.period_breakdowns`; the parts it counts are not stored from here).
    """
    from desk_app.core.breakdown_days import period_breakdowns

    tables = period_breakdowns(session, office_id, timezone, first, last, progress=progress).tables
    assert tables is not None  # asked for
    return tables


# -- the project's monitoring indicators (issue 11 item 3) ---------------------------------------------------------
#: The whole project period (FAMI 2021-2027 programme), for ``--period project``.
PROJECT_PERIOD = (date(2021, 1, 1), date(2027, 12, 31))
#: Kinds of print record: the three user sheets and the queue ticket.
PRINT_KINDS = ("instructions", "missing", "exploitation", "referral", "ticket")


def indicator_period(name: str, today: date) -> tuple[date, date, str]:
    """First day, last day and label of an indicators period: ``2026-Q3`` (a quarter), ``project`` (the whole
    FAMI 2021-2027 period) or one of :data:`PERIODS` (``last-quarter`` for a scheduler)."""
    text = (name or "").strip()
    if text == "project":
        return PROJECT_PERIOD[0], PROJECT_PERIOD[1], "FAMI-2021-2027"
    if text in PERIODS:
        return period_range(text, today)
    year, _, quarter = text.upper().partition("-Q")
    if year.isdigit() and len(year) == 4 and quarter in ("1", "2", "3", "4") and 2000 <= int(year) <= 2100:
        first = date(int(year), 3 * (int(quarter) - 1) + 1, 1)
        after = date(first.year + (first.month == 10), 1 if first.month == 10 else first.month + 3, 1)
        return first, after - timedelta(days=1), f"{year}-Q{quarter}"
    raise ValidationError("bad_choice", field="--period", value=text[:40],
                          allowed="YYYY-Q1 … YYYY-Q4, project, " + ", ".join(PERIODS))


@dataclass
class Indicators:
    """The project's monitoring indicators of one period; anonymous counts only.

    ``served``: (month ``YYYY-MM``, procedure code or ``""``, language or ``""``, people served: tickets done);
    ``mediator_hours``: (language, hours booked, hours with the mediator present) from the mediator bookings
    that held the mediator's time; ``prints``: (kind, language, sheets) from the print records;
    ``referrals``: referrals made to other services in the period, counted from the directory's referral records
    (:func:`desk_app.core.directory.referral_counts_in`; ``None`` only where no count was made); the
    exploitation-information sheets printed are in ``prints`` and :attr:`exploitation_sheets`.
    """

    office: str
    first: date
    last: date
    label: str
    served: list[tuple[str, str, str, int]]
    mediator_hours: list[tuple[str, float, float]]
    prints: list[tuple[str, str, int]]
    exploitation_sheets: int
    referrals: int | None = None


def indicator_figures(session: Session, office_id: int, timezone: str, first: date,
                      last: date) -> tuple[list[tuple[str, str, str, int]], list[tuple[str, float, float]],
                                           list[tuple[str, str, int]]]:
    """The three tables of :class:`Indicators`, aggregated in the database (no permission check: the caller's)."""
    from desk_app.db.models_booking import ACTIVE_MEDIATOR_BOOKING, MediatorBooking
    from desk_app.db.models_content import Case, Procedure, ProcedureVersion
    from desk_app.db.models_reports import PrintRecord

    dialect = session.get_bind().dialect.name
    month = func.to_char(_T.day, "YYYY-MM") if dialect == "postgresql" else func.strftime("%Y-%m", _T.day)
    procedure = (select(Case.ticket_id, func.min(Procedure.code).label("code"))
                 .join(ProcedureVersion, ProcedureVersion.id == Case.procedure_version_id)
                 .join(Procedure, Procedure.id == ProcedureVersion.procedure_id)
                 .where(Case.office_id == office_id, Case.ticket_id.is_not(None))
                 .group_by(Case.ticket_id).subquery("ticket_procedure"))
    keys = (month.label("month"), func.coalesce(procedure.c.code, "").label("procedure"),
            func.coalesce(_T.language, "").label("language"))
    served = [(str(m), str(p), str(lang), int(n)) for m, p, lang, n in session.execute(
        select(*keys, func.count())
        .select_from(table_of(Ticket).outerjoin(procedure, procedure.c.ticket_id == _T.id))
        .where(_T.office_id == office_id, _T.day.between(first, last), _T.status == "done")
        .group_by(*keys).order_by(*keys))]
    start, end = day_start_utc(first, timezone), day_start_utc(last + timedelta(days=1), timezone)
    hours: dict[str, list[float]] = {}
    for language, starts_at, ends_at, present_at in session.execute(
            select(MediatorBooking.language, MediatorBooking.starts_at, MediatorBooking.ends_at,
                   MediatorBooking.present_at)
            .where(MediatorBooking.office_id == office_id, MediatorBooking.starts_at >= start,
                   MediatorBooking.starts_at < end, MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING))):
        length = (ends_at - starts_at).total_seconds() / 3600
        figures = hours.setdefault(language, [0.0, 0.0])
        figures[0] += length
        figures[1] += length if present_at is not None else 0.0
    mediators = [(language, booked, present) for language, (booked, present) in sorted(hours.items())]
    prints = [(str(kind), str(language), int(n)) for kind, language, n in session.execute(
        select(PrintRecord.kind, PrintRecord.language, func.sum(PrintRecord.copies))
        .where(PrintRecord.office_id == office_id, PrintRecord.day.between(first, last))
        .group_by(PrintRecord.kind, PrintRecord.language).order_by(PrintRecord.kind, PrintRecord.language))]
    return served, mediators, prints


# -- today's office at a glance (the supervisor's dashboard) ------------------------------------------------------
@dataclass(frozen=True)
class ServiceToday:
    """One queue today; times in minutes, ``None`` where nothing was measured yet."""

    code: str
    name: str
    target_minutes: int
    waiting: int
    longest_wait: float | None
    wait_avg: float | None
    wait_p90: float | None
    served: int
    no_show: int
    no_show_pct: float | None
    within_target_pct: float | None


@dataclass(frozen=True)
class DeskToday:
    """One desk today: ``state`` is ``called``, ``serving`` or ``free``; ``idle_minutes`` since its last action
    when free (``None`` if it did nothing today or is busy)."""

    code: str
    name: str
    state: str
    ticket: str | None
    served: int
    service_avg: float | None
    idle_minutes: float | None


@dataclass(frozen=True)
class Dashboard:
    """Today's office, counts only. ``hours``: (local hour, arrivals, served); ``mediators``: (language, booked,
    present); ``appointments``: expected, arrived, late, missed."""

    day: date
    at: datetime
    timezone: str
    services: tuple[ServiceToday, ...]
    desks: tuple[DeskToday, ...]
    hours: tuple[tuple[int, int, int], ...]
    mediators: tuple[tuple[str, int, int], ...]
    appointments: tuple[int, int, int, int]


def _languages() -> tuple[str, ...]:
    from desk_app.core.queue import LANGUAGES

    return tuple(LANGUAGES)


def _pct(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def dashboard(session: Session, office_id: int, timezone: str, now: datetime) -> Dashboard:
    """Read today's figures of ``office_id`` with ``session`` (no permission check: the caller's).

    A few statements over today's tickets (a few thousand rows at most): the intervals come from the same
    ``LAG()`` statement as the reports, so the dashboard and tomorrow's report agree on every wait.
    """
    from desk_app.db.models_booking import Appointment, MediatorBooking

    today = local_day(now, timezone)
    start = day_start_utc(today, timezone)
    end = day_start_utc(today + timedelta(days=1), timezone)
    dialect = session.get_bind().dialect.name
    services = session.execute(select(Service.id, Service.code, Service.name, Service.target_wait_minutes)
                               .where(Service.office_id == office_id).order_by(Service.code)).all()
    desks = session.execute(select(Desk.id, Desk.code, Desk.name).where(Desk.office_id == office_id,
                                                                        Desk.active).order_by(Desk.code)).all()
    tickets = session.execute(select(_T.service_id, _T.status, _T.desk_id, _T.number, _T.issued_at,
                                     _T.finished_at).where(_T.office_id == office_id, _T.day == today)).all()
    waits: dict[int, list[float]] = {}
    service_times: dict[int, list[float]] = {}
    iv = _intervals(dialect, and_(_T.office_id == office_id, _T.day == today))
    for _day, service_id, desk_id, kind, minutes in session.execute(select(iv)):
        if kind == "w":
            waits.setdefault(service_id, []).append(float(minutes))
        elif desk_id is not None:
            service_times.setdefault(desk_id, []).append(float(minutes))
    # a waiting ticket has waited since it last entered the queue
    queued: dict[int, datetime] = {}
    for service_id, entered in session.execute(
            select(_T.service_id, select(func.max(_E.c.at)).where(
                _E.c.ticket_id == _T.id, _E.c.action.in_(_QUEUE_ENTRIES)).scalar_subquery())
            .where(_T.office_id == office_id, _T.day == today, _T.status == "waiting")):
        if entered is not None and (service_id not in queued or entered < queued[service_id]):
            queued[service_id] = entered
    last_action = dict(session.execute(
        select(_E.c.desk_id, func.max(_E.c.at)).where(_E.c.office_id == office_id, _E.c.at >= start,
                                                      _E.c.desk_id.is_not(None)).group_by(_E.c.desk_id)).all())
    service_rows = []
    for service_id, code, name, target in services:
        mine = [t for t in tickets if t.service_id == service_id]
        served = sum(t.status == "done" for t in mine)
        no_show = sum(t.status == "no_show" for t in mine)
        values = waits.get(service_id, [])
        oldest = queued.get(service_id)
        service_rows.append(ServiceToday(
            code, name, target, sum(t.status == "waiting" for t in mine),
            _minutes_since(oldest, now), sum(values) / len(values) if values else None, percentile(values, 0.9),
            served, no_show, _pct(no_show, served + no_show),
            _pct(sum(v <= target + _EPSILON_MIN for v in values), len(values))))
    desk_rows = []
    for desk_id, code, name in desks:
        held = next((t for t in tickets if t.desk_id == desk_id and t.status in ("called", "serving")), None)
        times = service_times.get(desk_id, [])
        desk_rows.append(DeskToday(
            code, name, held.status if held else "free", held.number if held else None,
            sum(t.desk_id == desk_id and t.status == "done" for t in tickets),
            sum(times) / len(times) if times else None,
            None if held else _minutes_since(last_action.get(desk_id), now)))
    arrivals = [0] * 24
    finished = [0] * 24
    for t in tickets:
        arrivals[local_time(t.issued_at, timezone).hour] += 1
        if t.status == "done" and t.finished_at is not None:
            finished[local_time(t.finished_at, timezone).hour] += 1
    busy = [h for h in range(24) if arrivals[h] or finished[h]]
    hours = tuple((h, arrivals[h], finished[h]) for h in range(min(busy), max(busy) + 1)) if busy else ()
    mediators = tuple((str(language), int(booked), int(present)) for language, booked, present in session.execute(
        select(MediatorBooking.language, func.count(), func.count(MediatorBooking.present_at))
        .where(MediatorBooking.office_id == office_id, MediatorBooking.starts_at >= start,
               MediatorBooking.starts_at < end, MediatorBooking.status.in_(("booked", "confirmed")))
        .group_by(MediatorBooking.language).order_by(MediatorBooking.language)).all())
    expected, arrived, late, missed = session.execute(
        select(func.count(), func.sum(case((Appointment.status == "checked_in", 1), else_=0)),
               func.sum(case((and_(Appointment.status == "checked_in", Appointment.arrival == "late"), 1), else_=0)),
               func.sum(case((Appointment.status == "no_show", 1), else_=0)))
        .where(Appointment.office_id == office_id, Appointment.starts_at >= start, Appointment.starts_at < end,
               Appointment.status != "cancelled")).one()
    return Dashboard(today, now, timezone, tuple(service_rows), tuple(desk_rows), hours, mediators,
                     (int(expected or 0), int(arrived or 0), int(late or 0), int(missed or 0)))


def _minutes_since(moment: datetime | None, now: datetime) -> float | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # an aggregate over a UTCDateTime column comes back as the driver's naive value
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (now - moment).total_seconds() / 60)


class ReportService:
    """Counts export. Needs ``export_reports``; every export is audited (after its read, in its own transaction)."""

    def __init__(self, db: Database, authorizer: Authorizer, office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.office_code = office_code

    def counts(self, actor: Actor, start: str | date, end: str | date, *,
               progress: Progress | None = None) -> list[CountRow]:
        """Rows for every (day, service, desk) with activity between ``start`` and ``end`` inclusive.

        Reads in one read transaction (a consistent snapshot, never the write lock), then audits the export in a
        short write transaction, which also stores the summaries of the closed days it counted live (see
        :mod:`desk_app.db.models_reports`). ``progress`` is told each step (see :data:`Progress`).
        """
        self.auth.require(actor, "export_reports", "report", "counts")
        first, last = parse_date_range(start, end)

        def work(session: Session) -> _Counted:
            office = self.auth.office_for(session, actor, self.office_code)
            today = local_day(self.auth.audit_log.clock.now(), office.timezone)
            counted = count_rows(session, office.id, first, last, today, progress)
            counted.office_id = office.id
            return counted

        counted = self.db.read(work)

        def audit(session: Session) -> None:
            _store_summaries(session, counted.summaries, counted.office_id, counted.stale)
            self.auth.audit_log.record(session, actor.audit, "export.counts", "report", "counts", detail={
                "from": first.isoformat(), "to": last.isoformat(), "rows": len(counted.rows)})

        self.db.write(audit)
        return counted.rows

    def breakdowns(self, actor: Actor, start: str | date, end: str | date, *,
                   progress: Progress | None = None) -> Breakdowns:
        """Every breakdown (:data:`DIMENSIONS`) of the period ``start`` to ``end`` inclusive; counts only.

        Needs ``export_reports``. Like :meth:`counts`: one read transaction (never the write lock), then the
        audit row (``export.breakdowns``) in a short write transaction of its own, which also stores the parts of
        the closed days it counted from their events (:mod:`desk_app.core.breakdown_days`); a
        :class:`ReportCancelled` raised by ``progress`` stops it with nothing written.
        """
        self.auth.require(actor, "export_reports", "report", "breakdowns")
        first, last = parse_date_range(start, end)

        from desk_app.core.breakdown_days import Counted, period_breakdowns, store_parts

        def work(session: Session) -> tuple[Breakdowns, Counted, int]:
            office = self.auth.office_for(session, actor, self.office_code)
            today = local_day(self.auth.audit_log.clock.now(), office.timezone)
            counted = period_breakdowns(session, office.id, office.timezone, first, last, today, progress)
            assert counted.tables is not None  # asked for
            return Breakdowns(office.name, first, last, counted.tables), counted, office.id

        result, counted, office_id = self.db.read(work)

        def audit(session: Session) -> None:
            store_parts(session, office_id, counted)  # the closed days it counted live (see breakdown_days)
            self.auth.audit_log.record(session, actor.audit, "export.breakdowns", "report", "breakdowns", detail={
                "from": first.isoformat(), "to": last.isoformat(),
                "rows": sum(len(rows) for rows in result.tables.values())})

        self.db.write(audit)
        return result

    @staticmethod
    def breakdowns_csv(result: Breakdowns) -> str:
        """Every breakdown in one CSV for Italian Excel (``;``, decimal comma): a first column names the
        breakdown (``giorno``, ``settimana``, ...); the caller writes it with a UTF-8 BOM."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(("prospetto", *BREAKDOWN_HEADER))

        def text(value: object) -> object:
            if value is None:
                return ""
            return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else value

        for dimension in DIMENSIONS:
            for row in result.tables[dimension]:
                writer.writerow([DIMENSION_LABELS[dimension], *(text(v) for v in breakdown_cells(row))])
        return out.getvalue()

    def indicators(self, actor: Actor, period: str) -> Indicators:
        """The project's monitoring indicators for ``period`` (see :func:`indicator_period`: a quarter such as
        ``2026-Q3``, ``project`` for FAMI 2021-2027, or a scheduler's ``last-quarter``). Needs ``export_reports``;
        read in one read transaction, audited (``export.indicators``) in its own short one. Anonymous."""
        self.auth.require(actor, "export_reports", "report", "indicators")

        def work(session: Session) -> Indicators:
            office = self.auth.office_for(session, actor, self.office_code)
            first, last, label = indicator_period(period, local_day(self.auth.audit_log.clock.now(),
                                                                    office.timezone))
            served, mediators, prints = indicator_figures(session, office.id, office.timezone, first, last)
            from desk_app.core.directory import referral_counts_in  # the directory's referral records (issue 15)

            return Indicators(office.name, first, last, label, served, mediators, prints,
                              sum(n for kind, _lang, n in prints if kind == "exploitation"),
                              referral_counts_in(session, office, first, last).total)

        result = self.db.read(work)
        self.db.write(lambda session: self.auth.audit_log.record(
            session, actor.audit, "export.indicators", "report", "indicators", detail={
                "from": result.first.isoformat(), "to": result.last.isoformat(), "period": result.label}))
        return result

    def record_print(self, actor: Actor, kind: str, language: str, copies: int = 1) -> None:
        """Count one sheet or ticket printed for a user (``kind`` one of :data:`PRINT_KINDS`, ``language`` the
        user's): office, today and those two, no name (:class:`~desk_app.db.models_reports.PrintRecord`).

        Needs ``issue`` for a ticket, ``work_cases`` for a sheet: whoever may print it. Not audited (nothing
        personal); one short write transaction.
        """
        from desk_app.core.validation import clean_int
        from desk_app.db.models_reports import PrintRecord

        kind = clean_choice(kind, "kind", PRINT_KINDS)
        self.auth.require(actor, "issue" if kind == "ticket" else "work_cases", "report", "print")
        language = clean_choice(language, "language", _languages())
        copies = clean_int(copies, "copies", 1, 100)

        def work(session: Session) -> None:
            office = self.auth.office_for(session, actor, self.office_code)
            session.add(PrintRecord(office_id=office.id, day=local_day(self.auth.audit_log.clock.now(),
                                                                        office.timezone),
                                    kind=kind, language=language, copies=copies))

        self.db.write(work)

    @staticmethod
    def indicators_csv(result: Indicators) -> str:
        """The indicators as one CSV for Italian Excel (``;``, decimal comma), a section per table; the caller
        writes it with a UTF-8 BOM."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(("indicatore", "mese", "procedimento", "lingua", "tipo", "valore"))
        for month, procedure, language, n in result.served:
            writer.writerow(("persone_servite", month, procedure, language, "", n))
        for language, booked, present in result.mediator_hours:
            writer.writerow(("ore_mediatori_prenotate", "", "", language, "", f"{booked:.2f}".replace(".", ",")))
            writer.writerow(("ore_mediatori_presenti", "", "", language, "", f"{present:.2f}".replace(".", ",")))
        for kind, language, n in result.prints:
            writer.writerow(("fogli_stampati", "", "", language, kind, n))
        writer.writerow(("invii", "", "", "", "", "" if result.referrals is None else result.referrals))
        return out.getvalue()

    def summarize_closed_days(self, actor: Actor, *, chunk_days: int = 31,
                              progress: Progress | None = None) -> int:
        """Store the per-day summaries of every day that is over, has tickets, none open, and no summary yet.

        Run at the end of the day close (:meth:`CoreServices.close_previous_days`, at every start), so the first
        report over any past range reads summaries instead of a million events (issue 11: a year under 2 s).
        Normally that is yesterday alone; after the upgrade that brought summaries it is the whole history, done in
        chunks of ``chunk_days`` days that have tickets, each counted in its own read transaction and stored in its
        own short write transaction, so no desk ever waits behind more than one chunk's insert. Needs
        ``close_day`` (it is part of closing the day; it exports nothing). Not audited: nothing leaves the
        database and the day close is. Returns how many days were summarized; safe to run again.
        """
        from desk_app.core.breakdown_days import Counted, period_breakdowns, store_parts
        from desk_app.db.models_breakdowns import ReportBreakdownDay

        self.auth.require(actor, "close_day", "report", "summaries")
        chunk_days = max(1, chunk_days)

        def pending(session: Session) -> tuple[int, str, date, list[date]]:
            office = self.auth.office_for(session, actor, self.office_code)
            today = local_day(self.auth.audit_log.clock.now(), office.timezone)
            done = select(ReportDay.day).where(ReportDay.office_id == office.id).distinct()
            # and the breakdowns' parts of each day (issue 11: a year's breakdowns merge them)
            parts_done = select(ReportBreakdownDay.day).where(ReportBreakdownDay.office_id == office.id)
            days = session.execute(select(_T.day).where(_T.office_id == office.id, _T.day < today,
                                                        or_(_T.day.not_in(done), _T.day.not_in(parts_done)))
                                   .group_by(_T.day).order_by(_T.day)).scalars().all()
            return office.id, office.timezone, today, list(days)

        office_id, timezone, today, days = self.db.read(pending)
        chunks = [days[i:i + chunk_days] for i in range(0, len(days), chunk_days)]
        stored = 0
        def count(chunk: list[date]) -> Callable[[Session], tuple[_Counted, Counted]]:
            return lambda session: (count_rows(session, office_id, chunk[0], chunk[-1], today),
                                    period_breakdowns(session, office_id, timezone, chunk[0], chunk[-1], today,
                                                      tables=False))

        def store(counted: _Counted, parts: Counted) -> Callable[[Session], None]:
            def work(session: Session) -> None:
                _store_summaries(session, counted.summaries, office_id, counted.stale)
                store_parts(session, office_id, parts)
            return work

        for number, chunk in enumerate(chunks, start=1):
            counted, parts = self.db.read(count(chunk))
            self.db.write(store(counted, parts))
            stored += len({row["day"] for row in counted.summaries} | set(parts.to_store))
            if progress:
                progress(number, len(chunks))
        return stored

    def today(self, actor: Actor) -> Dashboard:
        """Today's office for the supervisor's dashboard (needs ``export_reports``; counts only).

        Not audited: it is refreshed on every change of the queue, and shows what the display board and every
        desk show, counted. Runs in one read transaction.
        """
        self.auth.require(actor, "export_reports", "report", "today")

        def work(session: Session) -> Dashboard:
            office = self.auth.office_for(session, actor, self.office_code)
            return dashboard(session, office.id, office.timezone, self.auth.audit_log.clock.now())

        return self.db.read(work)

    @staticmethod
    def to_csv(rows: Iterable[CountRow]) -> str:
        """CSV for Italian Excel: ``;`` separated, decimal comma (the caller writes it with a UTF-8 BOM)."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(CSV_HEADER)

        def num(value: float | None) -> str:
            return "" if value is None else f"{value:.1f}".replace(".", ",")

        for r in rows:
            writer.writerow([r.day.isoformat(), r.service, r.desk, r.issued, r.served, r.no_show, r.cancelled,
                             r.transferred, num(r.wait_avg), num(r.wait_p90), num(r.service_avg),
                             num(r.service_p90)])
        return out.getvalue()

    @staticmethod
    def write_csv(rows: Iterable[CountRow], path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ReportService.to_csv(rows), encoding="utf-8-sig", newline="")
        return path
