"""The report engine as it was before issue 11 (ORM objects, aggregated in Python): the reference the database
engine of :mod:`desk_app.core.reports` must equal on the same data (tests/test_reports_engine.py), and the
"before" column of benchmarks/reports_bench.py. Kept out of the package: no one should ship it again.

Returns, per (day, service code, desk code or ""), a dict of the counts and the lists of waits and service times
in minutes, exactly as the old ``ReportService.counts`` built them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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
