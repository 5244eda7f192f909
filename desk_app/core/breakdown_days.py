"""The breakdowns of any period from per-day parts (issue 11: a year's nine breakdowns under 2 s, same figures).

The nine breakdowns (:data:`desk_app.core.reports.DIMENSIONS`) need medians and 90th percentiles of waits and
service times, which cannot be added up from daily figures. Counting them from the events pairs a million events
with ``LAG()`` and groups every wait nine ways in Python: 8-17 s for a year. Instead, a day that is over and has no
open ticket is counted once into *parts*, one per value of a day-level breakdown (:data:`DAY_DIMENSIONS`: the whole
day, a service, a desk, an hour, a language, a procedure, a priority class): its counts and every wait and service
time in minutes, sorted (:class:`~desk_app.db.models_breakdowns.ReportBreakdownPart`). A report over any period
merges the parts of its days: counts add up, the sorted runs of a group are merged (a merge of sorted runs, not a
sort from scratch) and the median and 90th percentile taken by nearest rank from the merged run. Day, week and month
are made of the days' ``all`` parts; service and desk keys are ids, looked up at report time.

Why the figures equal those counted from the events: the stored minutes are the very doubles the ``LAG()``
statement returned, and nearest rank picks an element of the sorted multiset, so merging the multisets gives the
same element; waits are kept per service, so "% within target" is counted (by bisection of each sorted run)
against the service's target *now*, as the live count does; averages use :func:`math.fsum` (the correctly rounded
sum, whatever the order the database returned the rows in). A stored day is recounted when what it was counted
from changed: the tickets issued that day (a simulation writing a past day), the cases on its tickets (a case
reopened on a later ticket takes its procedure along) or the office's time zone (hours of day are local).

Days without valid parts (today, open days, days never counted) are counted live, into the same parts, and the
closed ones among them come back to be stored (:meth:`ReportService.breakdowns` stores them in its audit
transaction, the day close in its own chunks). Tests: tests/test_reports_breakdown_days.py compares this engine
with the engine before it (tests/report_reference.py) on randomised data, on both databases.
"""

from __future__ import annotations

import math
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk_app.clock import day_start_utc, local_time
from desk_app.core.reports import (
    _APPOINTMENT_DIMENSIONS,
    _E,
    _EPSILON_MIN,
    _OPEN,
    _T,
    DIMENSIONS,
    BreakdownRow,
    Progress,
    _days_condition,
    _intervals,
    _pct,
    _runs,
)
from desk_app.db.engine import table_of
from desk_app.db.models import Desk, Service, Ticket
from desk_app.db.models_breakdowns import ReportBreakdownDay, ReportBreakdownPart

#: The breakdowns a day's parts are kept by; ``all`` is the whole day (day, week and month add days up).
DAY_DIMENSIONS = ("all", "service", "desk", "hour", "language", "procedure", "priority")
#: The day-level breakdowns whose key is the ticket's own (the others are where each event happened).
_OWN = ("all", "hour", "language", "procedure", "priority")


class Part:
    """The figures of one value of one day-level breakdown of one day: counts, the waits per service (the
    service whose target applies) and the service times, each run sorted once the day is counted."""

    __slots__ = ("cancelled", "issued", "no_show", "recalls", "served", "times", "transferred", "waits")

    def __init__(self) -> None:
        self.issued = self.served = self.no_show = self.cancelled = self.transferred = self.recalls = 0
        self.waits: dict[int, Sequence[float]] = {}
        self.times: Sequence[float] = []


DayParts = dict[tuple[str, str], Part]
#: What a day's parts were counted from: tickets issued, cases on its tickets, sum of their ids.
Fingerprint = tuple[int, int, int]


@dataclass
class Counted:
    """A breakdowns read: the tables (``None`` when not asked for), and the closed days counted live, to store."""

    tables: dict[str, list[BreakdownRow]] | None
    to_store: dict[date, DayParts] = field(default_factory=dict)
    fingerprints: dict[date, Fingerprint] = field(default_factory=dict)
    timezone: str = ""


# -- packing: little-endian doubles, whatever the machine ------------------------------------------------------------
def _pack(values: Sequence[float]) -> bytes:
    packed = array("d", values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack(blob: bytes) -> array[float]:
    values = array("d")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    return values


# -- counting days live ----------------------------------------------------------------------------------------------
def _procedures(session: Session, in_range: Any) -> dict[int, str]:
    """The procedure of each ticket with a counter check (the smallest code, if several), as the live count."""
    from desk_app.db.models_content import Case, Procedure, ProcedureVersion

    return {int(t or 0): str(code) for t, code in session.execute(
        select(Case.ticket_id, func.min(Procedure.code))
        .join(ProcedureVersion, ProcedureVersion.id == Case.procedure_version_id)
        .join(Procedure, Procedure.id == ProcedureVersion.procedure_id)
        .join(table_of(Ticket), _T.id == Case.ticket_id).where(in_range).group_by(Case.ticket_id))}


def count_days(session: Session, office_id: int, timezone: str, days: Any) -> dict[date, DayParts]:
    """The parts of the days matching ``days`` (a condition on ``ticket.day``), counted from tickets and events.

    Attribution as :class:`~desk_app.core.reports.BreakdownRow` says: issued at the first service and the queue
    level; served, no-show, cancelled (queue level) and recalls at the last service and desk; transfers, waits and
    service times where they happened; the ticket's own keys for the rest.
    """
    dialect = session.get_bind().dialect.name
    in_range = and_(_T.office_id == office_id, days)
    procedures = _procedures(session, in_range)
    parts: dict[date, DayParts] = {}

    def part(day: date, dimension: str, key: str) -> Part:
        of_day = parts.get(day)
        if of_day is None:
            of_day = parts[day] = {}
        found = of_day.get((dimension, key))
        if found is None:
            found = of_day[(dimension, key)] = Part()
        return found

    hours: dict[datetime, str] = {}
    own: dict[int, tuple[date, list[Part]]] = {}
    for (ticket_id, day, origin, service_id, desk_id, status, priority, language, issued_at,
         recalls) in session.execute(select(_T.id, _T.day, _T.origin_service_id, _T.service_id, _T.desk_id,
                                             _T.status, _T.priority, _T.language, _T.issued_at, _T.recall_count)
                                     .where(in_range)):
        hour_of = issued_at.replace(minute=0, second=0, microsecond=0)
        if hour_of not in hours:
            hours[hour_of] = f"{local_time(issued_at, timezone).hour:02d}"
        keys = ("", hours[hour_of], language or "", procedures.get(ticket_id, ""), priority)
        mine = [part(day, d, k) for d, k in zip(_OWN, keys, strict=True)]
        own[ticket_id] = (day, mine)
        for p in (*mine, part(day, "service", str(origin)), part(day, "desk", "")):
            p.issued += 1
        if status in ("done", "no_show", "cancelled") or recalls:
            last_desk = "" if status == "cancelled" or not desk_id else str(desk_id)
            for p in (*mine, part(day, "service", str(service_id)), part(day, "desk", last_desk)):
                p.recalls += recalls
                if status == "done":
                    p.served += 1
                elif status == "no_show":
                    p.no_show += 1
                elif status == "cancelled":
                    p.cancelled += 1

    def at_event(ticket_id: int, service_id: int, desk_id: int | None) -> list[Part]:
        day, mine = own[ticket_id]
        return [*mine, part(day, "service", str(service_id)), part(day, "desk", str(desk_id) if desk_id else "")]

    for ticket_id, service_id, desk_id in session.execute(
            select(_E.c.ticket_id, _E.c.service_id, _E.c.desk_id)
            .select_from(_E.join(table_of(Ticket), _T.id == _E.c.ticket_id))
            .where(in_range, _E.c.action == "transfer")):
        for p in at_event(ticket_id, service_id, desk_id):
            p.transferred += 1
    iv = _intervals(dialect, in_range, with_ticket=True)
    for _day, service_id, desk_id, kind, minutes, ticket_id in session.execute(select(iv)):
        value = float(minutes)
        if kind == "w":
            for p in at_event(ticket_id, service_id, desk_id):
                waits = p.waits.get(service_id)
                if waits is None:
                    p.waits[service_id] = waits = []
                waits.append(value)  # type: ignore[attr-defined]  # a list while counting
        else:
            for p in at_event(ticket_id, service_id, desk_id):
                p.times.append(value)  # type: ignore[attr-defined]
    for of_day in parts.values():
        for p in of_day.values():
            p.waits = {sid: sorted(run) for sid, run in sorted(p.waits.items())}
            p.times = sorted(p.times)
    return parts


def _fingerprints(session: Session, office_id: int, first: date, last: date) -> dict[date, Fingerprint]:
    """Per day with tickets from ``first`` to ``last``: tickets issued, cases on them and the sum of their ids."""
    from desk_app.db.models_content import Case

    issued: dict[date, int] = dict(session.execute(select(_T.day, func.count()).where(
        _T.office_id == office_id, _T.day.between(first, last)).group_by(_T.day)).all())
    cases = {day: (int(n), int(total or 0)) for day, n, total in session.execute(
        select(_T.day, func.count(Case.id), func.sum(Case.id)).select_from(Case)
        .join(table_of(Ticket), _T.id == Case.ticket_id)
        .where(_T.office_id == office_id, _T.day.between(first, last)).group_by(_T.day))}
    return {day: (int(n), *cases.get(day, (0, 0))) for day, n in issued.items()}


# -- merging parts into the breakdowns -------------------------------------------------------------------------------
class _Merged:
    """One value of one breakdown of the period, made of parts."""

    __slots__ = ("row", "time_runs", "wait_runs")

    def __init__(self, key: str) -> None:
        self.row = BreakdownRow(key)
        self.wait_runs: list[tuple[int, Sequence[float]]] = []
        self.time_runs: list[Sequence[float]] = []

    def add(self, p: Part) -> None:
        r = self.row
        r.issued += p.issued
        r.served += p.served
        r.no_show += p.no_show
        r.cancelled += p.cancelled
        r.transferred += p.transferred
        r.recalls += p.recalls
        self.wait_runs.extend(p.waits.items())
        if p.times:
            self.time_runs.append(p.times)

    def empty(self) -> bool:
        r = self.row
        return not (r.issued or r.served or r.no_show or r.cancelled or r.transferred or r.recalls
                    or any(run for _sid, run in self.wait_runs) or any(self.time_runs)
                    or r.appointments_kept is not None)

    def finish(self, targets: dict[int, float]) -> BreakdownRow:
        r = self.row
        for runs, prefix in (([run for _sid, run in self.wait_runs], "wait"), (self.time_runs, "service")):
            merged = array("d")
            for run in runs:
                merged.extend(run)
            if not merged:
                continue
            values = sorted(merged)  # runs already sorted: Timsort merges them
            n = len(values)
            setattr(r, f"{prefix}_count", n)
            setattr(r, f"{prefix}_avg", math.fsum(values) / n)
            setattr(r, f"{prefix}_median", values[max(1, math.ceil(0.5 * n)) - 1])
            setattr(r, f"{prefix}_p90", values[max(1, math.ceil(0.9 * n)) - 1])
        within = sum(bisect_right(run, targets.get(sid, 0.0)) for sid, run in self.wait_runs)
        r.within_target_pct = _pct(within, r.wait_count)
        return r


def _stored_parts(session: Session, office_id: int, first: date, last: date,
                  days: set[date]) -> Iterable[tuple[date, str, str, Part]]:
    """The stored parts of ``days`` (between ``first`` and ``last``), decoded."""
    p = table_of(ReportBreakdownPart).c
    for (day, dimension, key, issued, served, no_show, cancelled, transferred, recalls, wait_runs, waits,
         times) in session.execute(
            select(p.day, p.dimension, p.key, p.issued, p.served, p.no_show, p.cancelled, p.transferred,
                   p.recalls, p.wait_runs, p.waits, p.times)
            .where(p.office_id == office_id, p.day.between(first, last))):
        if day not in days:
            continue
        part = Part()
        part.issued, part.served, part.no_show = issued, served, no_show
        part.cancelled, part.transferred, part.recalls = cancelled, transferred, recalls
        if wait_runs:
            values = _unpack(bytes(waits))
            offset = 0
            for run in wait_runs.split():
                sid, _, n = run.partition(":")
                part.waits[int(sid)] = values[offset:offset + int(n)]
                offset += int(n)
        if times:
            part.times = _unpack(bytes(times))
        yield day, dimension, key, part


def period_breakdowns(session: Session, office_id: int, timezone: str, first: date, last: date,
                      today: date | None = None, progress: Progress | None = None, *,
                      tables: bool = True) -> Counted:
    """Every breakdown of ``office_id`` from ``first`` to ``last`` (no permission check: the caller's), from the
    stored parts of the days that have valid ones and from the events of the others; with ``tables=False`` only
    the parts to store. The closed days (before ``today``, no open ticket) counted live come back in
    :attr:`Counted.to_store`."""
    from desk_app.db.models_booking import Appointment

    steps, done = 5, 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, steps)

    fingerprints = _fingerprints(session, office_id, first, last)
    d = table_of(ReportBreakdownDay).c
    summarized = {day for day, zone, issued, cases, case_sum in session.execute(
        select(d.day, d.timezone, d.issued, d.cases, d.case_id_sum)
        .where(d.office_id == office_id, d.day.between(first, last)))
        if zone == timezone and fingerprints.get(day) == (issued, cases, case_sum)}
    step()
    runs = _runs(set(fingerprints) - summarized, summarized, first, last)
    live: dict[date, DayParts] = {}
    to_store: dict[date, DayParts] = {}
    if runs:
        condition = _days_condition(runs)
        live = count_days(session, office_id, timezone, condition)
        if today is not None:
            closed = set(session.execute(
                select(_T.day).where(_T.office_id == office_id, condition, _T.day < today).group_by(_T.day)
                .having(func.sum(case((_T.status.in_(_OPEN), 1), else_=0)) == 0)).scalars())
            to_store = {day: parts for day, parts in live.items() if day in closed}
    step()
    counted = Counted(None, to_store, {day: fingerprints[day] for day in to_store}, timezone)
    if not tables:
        return counted
    services = {i: (code, target) for i, code, target in session.execute(
        select(Service.id, Service.code, Service.target_wait_minutes).where(Service.office_id == office_id))}
    desks: dict[int, str] = dict(session.execute(select(Desk.id, Desk.code).where(Desk.office_id == office_id)).all())
    targets = {i: target + _EPSILON_MIN for i, (_code, target) in services.items()}
    groups: dict[str, dict[str, _Merged]] = {dim: {} for dim in DIMENSIONS}

    def group(dimension: str, key: str) -> _Merged:
        found = groups[dimension].get(key)
        if found is None:
            found = groups[dimension][key] = _Merged(key)
        return found

    calendar: dict[date, tuple[str, str, str]] = {}

    def add(day: date, dimension: str, key: str, part: Part) -> None:
        if dimension == "all":
            keys = calendar.get(day)
            if keys is None:
                year, week, _ = day.isocalendar()
                keys = calendar[day] = (day.isoformat(), f"{year}-W{week:02d}", f"{day:%Y-%m}")
            for dim, k in zip(("day", "week", "month"), keys, strict=True):
                group(dim, k).add(part)
        elif dimension == "service":
            group("service", services.get(int(key), ("?", 0))[0]).add(part)
        elif dimension == "desk":
            group("desk", desks.get(int(key), "") if key else "").add(part)
        else:
            group(dimension, key).add(part)

    for day, of_day in live.items():
        for (dimension, key), part in of_day.items():
            add(day, dimension, key, part)
    for day, dimension, key, part in _stored_parts(session, office_id, first, last, summarized):
        add(day, dimension, key, part)
    step()
    start, end = day_start_utc(first, timezone), day_start_utc(last + timedelta(days=1), timezone)
    for service_id, starts_at, language, status in session.execute(
            select(Appointment.service_id, Appointment.starts_at, Appointment.language, Appointment.status)
            .where(Appointment.office_id == office_id, Appointment.starts_at >= start, Appointment.starts_at < end,
                   Appointment.status.in_(("checked_in", "no_show")))):
        local = local_time(starts_at, timezone)
        day = local.date()
        year, week, _ = day.isocalendar()
        appointment_keys = (day.isoformat(), f"{year}-W{week:02d}", f"{day:%Y-%m}",
                            services.get(service_id, ("?", 0))[0], f"{local.hour:02d}", language or "")
        for dimension, key in zip(_APPOINTMENT_DIMENSIONS, appointment_keys, strict=True):
            target = group(dimension, key).row
            target.appointments_kept = (target.appointments_kept or 0) + (status == "checked_in")
            target.appointments_missed = (target.appointments_missed or 0) + (status == "no_show")
    step()
    result: dict[str, list[BreakdownRow]] = {}
    for dimension in DIMENSIONS:
        rows = [g.finish(targets) for _, g in sorted(groups[dimension].items()) if not g.empty()]
        if dimension in _APPOINTMENT_DIMENSIONS:
            for r in rows:
                r.appointments_kept = r.appointments_kept or 0
                r.appointments_missed = r.appointments_missed or 0
        result[dimension] = rows
    step()
    counted.tables = result
    return counted


def store_parts(session: Session, office_id: int, counted: Counted) -> None:
    """Store the parts of :attr:`Counted.to_store` (replacing what those days had: a stale day is redone)."""
    days = sorted(counted.to_store)
    if not days:
        return
    session.execute(delete(ReportBreakdownPart).where(ReportBreakdownPart.office_id == office_id,
                                                      ReportBreakdownPart.day.in_(days)))
    session.execute(delete(ReportBreakdownDay).where(ReportBreakdownDay.office_id == office_id,
                                                     ReportBreakdownDay.day.in_(days)))
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    markers = [{"office_id": office_id, "day": day, "timezone": counted.timezone,
                "issued": counted.fingerprints[day][0], "cases": counted.fingerprints[day][1],
                "case_id_sum": counted.fingerprints[day][2]} for day in days]
    rows = [{"office_id": office_id, "day": day, "dimension": dimension, "key": key, "issued": p.issued,
             "served": p.served, "no_show": p.no_show, "cancelled": p.cancelled, "transferred": p.transferred,
             "recalls": p.recalls, "wait_runs": " ".join(f"{sid}:{len(run)}" for sid, run in p.waits.items()),
             "waits": b"".join(_pack(run) for run in p.waits.values()), "times": _pack(p.times)}
            for day in days for (dimension, key), p in counted.to_store[day].items()]
    # a report that ran at the same time may have stored the same day: its parts are the same, keep them
    session.execute(insert(table_of(ReportBreakdownDay)).on_conflict_do_nothing(), markers)
    for start in range(0, len(rows), 1000):
        session.execute(insert(table_of(ReportBreakdownPart)).on_conflict_do_nothing(), rows[start:start + 1000])


__all__ = ["DAY_DIMENSIONS", "Counted", "Part", "count_days", "period_breakdowns", "store_parts"]
