"""A generated office history for the report tests and benchmarks/reports_bench.py: tickets and their events
written straight into the tables (a year through the queue engine would take hours), following the queue
engine's state machine (issue, call, recall, serve, finish, no-show, reactivate, park, resume, transfer, cancel,
close), so every figure the engine can produce occurs. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text

from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.db.engine import table_of
from desk_app.db.models import Ticket, TicketCounter, TicketEvent

#: Six desks and the three services of the Lodi office (like the demo).
BIG_OFFICE: dict[str, Any] = {
    "office": {"code": "LODI", "name": "Prefettura di Lodi", "address": "Corso Umberto I 40, 26900 Lodi"},
    "service": [
        {"code": "RF", "name": "Ricongiungimento familiare", "prefix": "R", "target_wait_minutes": 20},
        {"code": "LAV", "name": "Lavoro e flussi", "prefix": "N", "target_wait_minutes": 20},
        {"code": "LEG", "name": "Legalizzazioni", "prefix": "L", "target_wait_minutes": 15},
    ],
    "desk": [{"code": f"D{i}", "name": f"Sportello {i}", "services": ["RF", "LAV", "LEG"] if i in (2, 5)
              else ["RF", "LAV"] if i < 4 else ["LEG"]} for i in range(1, 7)],
}
LANGUAGES = (None, "it", "ar", "ur", "bn", "pa", "hi", "zh", "en", "fr", "es", "ro", "sq", "uk")
PRIORITIES = ("ordinary",) * 17 + ("pregnant", "disabled", "elderly")
#: (weight, path): each path is the actions after "issue"; "call*" is a call in another service (a transfer).
PATHS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (68, ("call", "serve", "finish")),
    (8, ("call", "recall", "serve", "finish")),
    (7, ("call", "no_show")),
    (3, ("call", "no_show", "reactivate", "call", "serve", "finish")),
    (5, ("call", "serve", "transfer", "call", "serve", "finish")),
    (2, ("transfer", "call", "serve", "finish")),
    (3, ("cancel",)),
    (2, ("call", "park", "resume", "call", "serve", "finish")),
    (2, ("close",)),
)
_TO_STATUS = {"issue": "waiting", "call": "called", "recall": "called", "serve": "serving", "finish": "done",
              "no_show": "no_show", "reactivate": "waiting", "park": "parked", "resume": "waiting",
              "transfer": "waiting", "cancel": "cancelled", "close": "closed"}


@dataclass(frozen=True)
class Generated:
    office_id: int
    first: date
    last: date
    days: int
    tickets: int
    events: int


def _event(events: list[dict[str, Any]], office_id: int, ticket_id: int, at: datetime, action: str, status: str,
           service_id: int, desk_id: int | None) -> str:
    """Append the event row of ``action``; return the status it moves the ticket to."""
    to = _TO_STATUS[action]
    events.append({"office_id": office_id, "ticket_id": ticket_id, "at": at, "action": action,
                   "from_status": None if action == "issue" else status, "to_status": to, "service_id": service_id,
                   "desk_id": desk_id, "staff_id": None})
    return to


def working_days(first: date, count: int) -> Iterator[date]:
    """``count`` days from ``first`` on, Monday to Saturday (about 300 a year)."""
    day = first
    while count:
        if day.weekday() < 6:
            yield day
            count -= 1
        day += timedelta(days=1)


def generate(core: CoreServices, first: date, days: int, per_day: int, seed: int = 11,
             setup: dict[str, Any] | None = None) -> Generated:
    """Set up the office (if needed) and write ``per_day`` tickets (±20 %) on ``days`` working days from ``first``."""
    view = core.offices.apply(Actor.system("cli:report-data"), setup or BIG_OFFICE)
    rng = random.Random(seed)
    services = {s.code: s.id for s in view.services}
    prefixes = {s.id: s.prefix for s in view.services}
    desks_of: dict[int, list[int]] = {sid: [] for sid in services.values()}
    for desk in view.desks:
        for code in desk.service_codes:
            desks_of[services[code]].append(desk.id)
    service_ids = list(services.values())
    weights = [w for w, _ in PATHS]
    tickets_t, events_t = table_of(Ticket), table_of(TicketEvent)
    next_id = core.db.read(lambda s: s.execute(select(func.coalesce(func.max(Ticket.id), 0))).scalar_one()) + 1
    total_tickets = total_events = 0
    last_day = first
    for day in working_days(first, days):
        last_day = day
        tickets: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        seq = dict.fromkeys(service_ids, 0)
        opening = datetime.combine(day, time(7, 30), tzinfo=UTC)
        for _ in range(int(per_day * rng.uniform(0.8, 1.2))):
            origin = rng.choice(service_ids)
            seq[origin] += 1
            issued = opening + timedelta(seconds=rng.randrange(0, 5 * 3600))
            ticket: dict[str, Any] = {
                "id": next_id, "office_id": view.id, "origin_service_id": origin, "service_id": origin,
                "day": day, "seq": seq[origin], "number": f"{prefixes[origin]}{seq[origin]:03d}",
                "priority": rng.choice(PRIORITIES), "language": rng.choice(LANGUAGES),
                "needs_mediator": rng.random() < 0.1, "sort_key": issued, "issued_at": issued, "called_at": None,
                "serving_at": None, "finished_at": None, "recall_count": 0, "transfer_count": 0,
                "transferred_from_service_id": None, "outcome": None, "desk_id": None, "status": "waiting",
                "previous_status": None, "staff_id": None, "note": None,
            }
            at, status, desk = issued, "waiting", None
            service = origin

            status = _event(events, view.id, next_id, at, "issue", status, service, None)
            for action in rng.choices(PATHS, weights)[0][1]:
                at += timedelta(seconds=rng.randrange(20, 2400 if action == "call" else 900))
                if action == "call":
                    desk = rng.choice(desks_of[service])
                    ticket["called_at"] = at
                elif action == "transfer":
                    target = rng.choice([s for s in service_ids if s != service])
                    status = _event(events, view.id, next_id, at, action, status, service, desk)
                    ticket.update(transferred_from_service_id=service, service_id=target,
                                  transfer_count=ticket["transfer_count"] + 1, called_at=None, serving_at=None)
                    service, desk = target, None
                    continue
                elif action in ("resume", "reactivate", "cancel", "close"):
                    desk = None
                elif action == "recall":
                    ticket["recall_count"] += 1
                elif action == "serve":
                    ticket["serving_at"] = at
                status = _event(events, view.id, next_id, at, action, status, service, desk)
            ticket.update(status=status, desk_id=desk if status in ("done", "no_show") else None,
                          finished_at=at if status in ("done", "no_show", "cancelled") else None,
                          outcome={"done": "completed", "no_show": "no_show", "cancelled": "cancelled"}.get(status))
            tickets.append(ticket)
            next_id += 1

        counters = [{"office_id": view.id, "service_id": sid, "day": day, "last": last}
                    for sid, last in seq.items() if last]  # the queue engine numbers on from these

        def write(session: Any, tickets: list[dict[str, Any]] = tickets, events: list[dict[str, Any]] = events,
                  counters: list[dict[str, Any]] = counters) -> None:
            session.execute(insert(tickets_t), tickets)
            session.execute(insert(events_t), events)
            session.execute(insert(table_of(TicketCounter)), counters)

        core.db.write(write)
        total_tickets += len(tickets)
        total_events += len(events)
    if core.db.dialect == "postgresql":  # the ids were given: move the sequence past them
        core.db.write(lambda s: s.execute(text("SELECT setval(pg_get_serial_sequence('ticket', 'id'), :last)"),
                                          {"last": next_id - 1}))
    return Generated(view.id, first, last_day, days, total_tickets, total_events)
