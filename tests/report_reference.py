"""The report engine as it was before issue 11 (ORM objects, aggregated in Python): the reference the database
engine of :mod:`desk_app.core.reports` must equal on the same data (tests/test_reports_engine.py), and the
"before" column of benchmarks/reports_bench.py. Kept out of the package: no one should ship it again.

:func:`reference_counts` returns, per (day, service code, desk code or ""), a dict of the counts and the lists of
waits and service times in minutes, exactly as the old ``ReportService.counts`` built them.

:func:`reference_breakdowns` is the breakdowns engine as it was before the per-day parts of
:mod:`desk_app.core.breakdown_days`: one pass over every ticket and ``LAG()`` interval of the period, grouped nine
ways in Python (tests/test_reports_breakdown_days.py, and the "before" line of benchmarks/reports_bench.py).
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desk_app.clock import day_start_utc, local_time
from desk_app.core.reports import (
    _APPOINTMENT_DIMENSIONS,
    _E,
    _EPSILON_MIN,
    _T,
    DIMENSIONS,
    BreakdownRow,
    Progress,
    _intervals,
    _pct,
)
from desk_app.db.engine import table_of
from desk_app.db.models import Desk, Service, Ticket, TicketEvent

_QUEUE_ENTRIES = frozenset({"issue", "transfer", "resume", "reactivate"})

Key = tuple[date, str, str]


def _minutes(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 60


def reference_counts(session: Session, office_id: int, first: date, last: date) -> dict[Key, dict[str, Any]]:
    """The old engine's figures for ``office_id`` between ``first`` and ``last`` inclusive."""
    services: dict[int, str] = dict(
        session.execute(select(Service.id, Service.code).where(Service.office_id == office_id)).all())
    desks: dict[int, str] = dict(session.execute(select(Desk.id, Desk.code).where(Desk.office_id == office_id)).all())
    rows: dict[Key, dict[str, Any]] = {}

    def row(day: date, service_id: int, desk_id: int | None) -> dict[str, Any]:
        key = (day, services.get(service_id, "?"), desks.get(desk_id, "") if desk_id else "")
        if key not in rows:
            rows[key] = {"issued": 0, "served": 0, "no_show": 0, "cancelled": 0, "transferred": 0,
                         "waits": [], "service_times": []}
        return rows[key]

    tickets = {t.id: t for t in session.execute(
        select(Ticket).where(Ticket.office_id == office_id, Ticket.day.between(first, last))).scalars()}
    for ticket in tickets.values():
        row(ticket.day, ticket.origin_service_id, None)["issued"] += 1
        if ticket.status == "done":
            row(ticket.day, ticket.service_id, ticket.desk_id)["served"] += 1
        elif ticket.status == "no_show":
            row(ticket.day, ticket.service_id, ticket.desk_id)["no_show"] += 1
        elif ticket.status == "cancelled":
            row(ticket.day, ticket.service_id, None)["cancelled"] += 1
    events: dict[int, list[TicketEvent]] = defaultdict(list)
    for event in session.execute(
        select(TicketEvent).where(TicketEvent.ticket_id.in_(select(Ticket.id).where(
            Ticket.office_id == office_id, Ticket.day.between(first, last))))
        .order_by(TicketEvent.ticket_id, TicketEvent.id)
    ).scalars():
        events[event.ticket_id].append(event)
    for ticket_id, history in events.items():
        day = tickets[ticket_id].day
        queued_at: datetime | None = None
        serving_since: datetime | None = None
        for event in history:
            if event.action == "transfer":
                row(day, event.service_id, event.desk_id)["transferred"] += 1
            if event.action in _QUEUE_ENTRIES:
                queued_at = event.at
            elif event.action == "call" and queued_at is not None:
                row(day, event.service_id, event.desk_id)["waits"].append(_minutes(queued_at, event.at))
                queued_at = None
            elif event.action == "serve":
                serving_since = event.at
            elif event.action == "finish" and serving_since is not None:
                row(day, event.service_id, event.desk_id)["service_times"].append(_minutes(serving_since, event.at))
                serving_since = None
    return rows


class _Group:
    """Accumulates one value of one breakdown."""

    __slots__ = ("row", "times", "waits", "within")

    def __init__(self, key: str) -> None:
        self.row = BreakdownRow(key)
        self.waits: list[float] = []
        self.times: list[float] = []
        self.within = 0

    def empty(self) -> bool:
        """Nothing counted (a service or desk looked up in advance and never used in the period)."""
        r = self.row
        return not (r.issued or r.served or r.no_show or r.cancelled or r.transferred or r.recalls or self.waits
                    or self.times or r.appointments_kept is not None)

    def finish(self) -> BreakdownRow:
        r = self.row
        for values, prefix in ((self.waits, "wait"), (self.times, "service")):
            if values:
                values.sort()
                setattr(r, f"{prefix}_count", len(values))
                setattr(r, f"{prefix}_avg", sum(values) / len(values))
                setattr(r, f"{prefix}_median", values[max(1, math.ceil(0.5 * len(values))) - 1])
                setattr(r, f"{prefix}_p90", values[max(1, math.ceil(0.9 * len(values))) - 1])
        r.within_target_pct = _pct(self.within, len(self.waits))
        return r


def reference_breakdowns(session: Session, office_id: int, timezone: str, first: date, last: date,
                     progress: Progress | None = None) -> dict[str, list[BreakdownRow]]:
    """The breakdowns engine before the per-day parts (issue 11), verbatim: every breakdown of ``office_id`` from
    ``first`` to ``last``, read with ``session`` (no permission check: the caller's). Counts only: the statements
    read no name, no practice number.

    The database hands back plain tuples (one per ticket, per wait or service time, per transfer, per
    appointment: never an ORM object), the waits from the same ``LAG()`` statement as the counts; medians and
    percentiles need every value of a group, so the grouping of the nine breakdowns is done here in one pass.
    """
    from desk_app.db.models_booking import Appointment
    from desk_app.db.models_content import Case, Procedure, ProcedureVersion

    steps, done = 5, 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, steps)

    dialect = session.get_bind().dialect.name
    services = {i: (code, target) for i, code, target in session.execute(
        select(Service.id, Service.code, Service.target_wait_minutes).where(Service.office_id == office_id))}
    desks: dict[int, str] = dict(session.execute(select(Desk.id, Desk.code).where(Desk.office_id == office_id)).all())
    in_range = and_(_T.office_id == office_id, _T.day.between(first, last))
    procedures: dict[int | None, str] = dict(session.execute(
        select(Case.ticket_id, func.min(Procedure.code))
        .join(ProcedureVersion, ProcedureVersion.id == Case.procedure_version_id)
        .join(Procedure, Procedure.id == ProcedureVersion.procedure_id)
        .join(table_of(Ticket), _T.id == Case.ticket_id).where(in_range).group_by(Case.ticket_id)).all())
    groups: dict[str, dict[str, _Group]] = {d: {} for d in DIMENSIONS}

    def group(dimension: str, key: str) -> _Group:
        found = groups[dimension].get(key)
        if found is None:
            found = groups[dimension][key] = _Group(key)
        return found

    hours: dict[datetime, str] = {}
    own_dimensions = ("day", "week", "month", "hour", "language", "procedure", "priority")
    # per ticket: the groups of the keys that are its own (day, week, month, hour, language, procedure, priority),
    # looked up once: every wait, service time and transfer of the ticket goes to the same ones
    own: dict[int, list[_Group]] = {}
    service_groups = {i: group("service", code) for i, (code, _target) in services.items()}
    desk_groups = {i: group("desk", code) for i, code in desks.items()}
    queue_level = group("desk", "")
    unknown_service = group("service", "?")
    for (ticket_id, day, origin, service_id, desk_id, status, priority, language, issued_at,
         recalls) in session.execute(select(_T.id, _T.day, _T.origin_service_id, _T.service_id, _T.desk_id,
                                             _T.status, _T.priority, _T.language, _T.issued_at, _T.recall_count)
                                     .where(in_range)):
        hour_of = issued_at.replace(minute=0, second=0, microsecond=0)
        if hour_of not in hours:
            hours[hour_of] = f"{local_time(issued_at, timezone).hour:02d}"
        year, week, _ = day.isocalendar()
        keys = (day.isoformat(), f"{year}-W{week:02d}", f"{day:%Y-%m}", hours[hour_of], language or "",
                procedures.get(ticket_id, ""), priority)
        mine = own[ticket_id] = [group(d, k) for d, k in zip(own_dimensions, keys, strict=True)]
        for g in (*mine, service_groups.get(origin, unknown_service), queue_level):
            g.row.issued += 1
        if status in ("done", "no_show", "cancelled") or recalls:
            last_desk = queue_level if status == "cancelled" or not desk_id else desk_groups.get(desk_id,
                                                                                                  queue_level)
            for g in (*mine, service_groups.get(service_id, unknown_service), last_desk):
                target = g.row
                target.recalls += recalls
                if status == "done":
                    target.served += 1
                elif status == "no_show":
                    target.no_show += 1
                elif status == "cancelled":
                    target.cancelled += 1
    step()

    def at_event(ticket_id: int, service_id: int, desk_id: int | None) -> list[_Group]:
        return [*own[ticket_id], service_groups.get(service_id, unknown_service),
                desk_groups.get(desk_id, queue_level) if desk_id else queue_level]

    for ticket_id, service_id, desk_id in session.execute(
            select(_E.c.ticket_id, _E.c.service_id, _E.c.desk_id)
            .select_from(_E.join(table_of(Ticket), _T.id == _E.c.ticket_id))
            .where(in_range, _E.c.action == "transfer")):
        for g in at_event(ticket_id, service_id, desk_id):
            g.row.transferred += 1
    step()
    iv = _intervals(dialect, in_range, with_ticket=True)
    targets = {i: target + _EPSILON_MIN for i, (_code, target) in services.items()}
    for _day, service_id, desk_id, kind, minutes, ticket_id in session.execute(select(iv)):
        value = float(minutes)
        if kind == "w":
            within = value <= targets.get(service_id, 0.0)
            for g in at_event(ticket_id, service_id, desk_id):
                g.waits.append(value)
                g.within += within
        else:
            for g in at_event(ticket_id, service_id, desk_id):
                g.times.append(value)
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
    tables: dict[str, list[BreakdownRow]] = {}
    for dimension in DIMENSIONS:
        rows = [g.finish() for _, g in sorted(groups[dimension].items()) if not g.empty()]
        if dimension in _APPOINTMENT_DIMENSIONS:
            for r in rows:
                r.appointments_kept = r.appointments_kept or 0
                r.appointments_missed = r.appointments_missed or 0
        tables[dimension] = rows
    step()
    return tables
