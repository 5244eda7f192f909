"""Daily counts for supervisors: per day, service and desk. Counts only, never names.

Figures per (day, service, desk):

* ``issued``: tickets issued (queue level: desk empty);
* ``served`` / ``no_show``: tickets whose final state is done / no-show, at the desk that had them;
* ``cancelled``: tickets withdrawn (queue level);
* ``transferred``: transfers out of the service (at the desk that transferred, if any);
* ``wait``: from entering the queue (issue, transfer, resume, reactivate) to each call;
* ``service``: from start of service to finish.

Average and 90th percentile (nearest rank) are in minutes.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.core.auth import Actor, Authorizer
from desk_app.core.validation import parse_date_range
from desk_app.db.engine import Database
from desk_app.db.models import Desk, Service, Ticket, TicketEvent

#: Events that put a ticket (back) in a queue: waiting time starts again from them.
_QUEUE_ENTRIES = frozenset({"issue", "transfer", "resume", "reactivate"})

CSV_HEADER = (
    "giorno", "servizio", "sportello", "emessi", "serviti", "assenti", "annullati", "trasferiti",
    "attesa_media_min", "attesa_p90_min", "servizio_medio_min", "servizio_p90_min",
)


def percentile(values: Iterable[float], share: float) -> float | None:
    """Nearest-rank percentile (``share`` in 0..1) of ``values``; ``None`` when empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


@dataclass
class CountRow:
    """Counts of one (day, service, desk)."""

    day: date
    service: str
    desk: str
    issued: int = 0
    served: int = 0
    no_show: int = 0
    cancelled: int = 0
    transferred: int = 0
    waits: list[float] = field(default_factory=list, repr=False)
    service_times: list[float] = field(default_factory=list, repr=False)

    @property
    def wait_avg(self) -> float | None:
        return sum(self.waits) / len(self.waits) if self.waits else None

    @property
    def wait_p90(self) -> float | None:
        return percentile(self.waits, 0.9)

    @property
    def service_avg(self) -> float | None:
        return sum(self.service_times) / len(self.service_times) if self.service_times else None

    @property
    def service_p90(self) -> float | None:
        return percentile(self.service_times, 0.9)

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


def _minutes(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 60


class ReportService:
    """Counts export. Needs ``export_reports``; every export is audited."""

    def __init__(self, db: Database, authorizer: Authorizer, office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.office_code = office_code

    def counts(self, actor: Actor, start: str | date, end: str | date) -> list[CountRow]:
        """Rows for every (day, service, desk) with activity between ``start`` and ``end`` inclusive."""
        self.auth.require(actor, "export_reports", "report", "counts")
        first, last = parse_date_range(start, end)

        def work(session: Session) -> list[CountRow]:
            office = self.auth.office_for(session, actor, self.office_code)
            services: dict[int, str] = dict(
                session.execute(select(Service.id, Service.code).where(Service.office_id == office.id)).all())
            desks: dict[int, str] = dict(
                session.execute(select(Desk.id, Desk.code).where(Desk.office_id == office.id)).all())
            rows: dict[tuple[date, str, str], CountRow] = {}

            def row(day: date, service_id: int, desk_id: int | None) -> CountRow:
                key = (day, services.get(service_id, "?"), desks.get(desk_id, "") if desk_id else "")
                if key not in rows:
                    rows[key] = CountRow(*key)
                return rows[key]

            tickets = {
                t.id: t for t in session.execute(
                    select(Ticket).where(Ticket.office_id == office.id, Ticket.day.between(first, last))
                ).scalars()
            }
            for ticket in tickets.values():
                row(ticket.day, ticket.origin_service_id, None).issued += 1
                if ticket.status == "done":
                    row(ticket.day, ticket.service_id, ticket.desk_id).served += 1
                elif ticket.status == "no_show":
                    row(ticket.day, ticket.service_id, ticket.desk_id).no_show += 1
                elif ticket.status == "cancelled":
                    row(ticket.day, ticket.service_id, None).cancelled += 1
            events: dict[int, list[TicketEvent]] = defaultdict(list)
            for event in session.execute(
                select(TicketEvent).where(TicketEvent.ticket_id.in_(select(Ticket.id).where(
                    Ticket.office_id == office.id, Ticket.day.between(first, last))))
                .order_by(TicketEvent.ticket_id, TicketEvent.id)
            ).scalars():
                events[event.ticket_id].append(event)
            for ticket_id, history in events.items():
                day = tickets[ticket_id].day
                queued_at: datetime | None = None
                serving_since: datetime | None = None
                for event in history:
                    if event.action == "transfer":
                        row(day, event.service_id, event.desk_id).transferred += 1
                    if event.action in _QUEUE_ENTRIES:
                        queued_at = event.at
                    elif event.action == "call" and queued_at is not None:
                        row(day, event.service_id, event.desk_id).waits.append(_minutes(queued_at, event.at))
                        queued_at = None
                    elif event.action == "serve":
                        serving_since = event.at
                    elif event.action == "finish" and serving_since is not None:
                        row(day, event.service_id, event.desk_id).service_times.append(
                            _minutes(serving_since, event.at))
                        serving_since = None
            self.auth.audit_log.record(session, actor.audit, "export.counts", "report", "counts",
                                       detail={"from": first.isoformat(), "to": last.isoformat()})
            return sorted(rows.values(), key=lambda r: (r.day, r.service, r.desk))

        return self.db.write(work)  # write: the export is audited in the same transaction

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
