"""Reading the audit log (issue 12): the audit viewer's rows and its export, for administrators.

The log itself (writing, the keyed chain and its verification) is :mod:`desk_app.core.audit`; this module only
reads it. Rows are filtered by person (the account name the log holds), action, object and period (office days);
an office-bound administrator sees the events of their office, an office-less one also the events of no office.

The export holds what the viewer shows and no more: time, account, action, object, outcome. The ``detail`` of an
event (which may repeat an account name or a value) stays out of it; with ``counts_only`` the file has one line per
action and outcome, numbers only.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, day_start_utc, local_time
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.validation import clean_text, file_error, write_atomically
from desk_app.db.engine import Database
from desk_app.db.models import AuditEvent, Office
from desk_app.errors import ValidationError

#: The most rows one query returns (the viewer says when there are more: narrow the filter).
MAX_ROWS = 2000


@dataclass(frozen=True)
class AuditFilter:
    """What to look for; empty fields match everything.

    Attributes:
        person: part of the account name (``admin``, ``cli:``, ``login:``), case-insensitive.
        action: an action or its start (``staff.`` matches every staff change, ``denied:`` every refusal).
        object_type: the kind of object (``staff``, ``office``, ``appointment`` ...), exactly.
        object_id: the object's id, exactly.
        since: first office day included.
        until: last office day included.
    """

    person: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditRow:
    """One event as the viewer shows it (local office time)."""

    id: int
    at: datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    outcome: str


def clean_filter(raw: AuditFilter) -> AuditFilter:
    """``raw`` trimmed and checked (lengths, no control characters, ``since`` not after ``until``)."""
    if raw.since is not None and raw.until is not None and raw.since > raw.until:
        raise ValidationError("bad_range", start=raw.since.isoformat(), end=raw.until.isoformat())
    return AuditFilter(clean_text(raw.person, "person", 64, required=False),
                       clean_text(raw.action, "action", 48, required=False),
                       clean_text(raw.object_type, "object_type", 32, required=False),
                       clean_text(raw.object_id, "object_id", 64, required=False), raw.since, raw.until)


class AuditViewService:
    """The audit viewer's reads. Every method needs ``verify_audit`` (administrators) in the actor's office."""

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None = None,
                 office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code or None

    def events(self, actor: Actor, wanted: AuditFilter | None = None, limit: int = MAX_ROWS) -> list[AuditRow]:
        """The events matching ``wanted``, newest first, at most ``limit`` (capped at :data:`MAX_ROWS`).

        Reading the log is itself audited (``audit.view``, with the filter), since it names who did what.
        """
        self.auth.require(actor, "verify_audit", "audit")
        query = clean_filter(wanted or AuditFilter())

        def work(session: Session) -> list[AuditRow]:
            office = self.auth.office_for(session, actor, self.office_code)
            rows = self._select(session, actor, office, query, max(1, min(limit, MAX_ROWS)))
            self.auth.audit_log.record(session, actor.audit, "audit.view", "office", office.code,
                                       detail=_filter_detail(query))
            return rows

        return self.db.write(work)

    def export_csv(self, actor: Actor, path: Path, wanted: AuditFilter | None = None, *,
                   counts_only: bool = False) -> int:
        """Write the matching events (or, with ``counts_only``, their counts per action and outcome) to ``path``
        as CSV (UTF-8 with BOM, for spreadsheets); return the number of lines written. No event detail.
        Audited as ``audit.export``."""
        self.auth.require(actor, "verify_audit", "audit")
        query = clean_filter(wanted or AuditFilter())

        def work(session: Session) -> list[AuditRow]:
            office = self.auth.office_for(session, actor, self.office_code)
            rows = self._select(session, actor, office, query, MAX_ROWS * 50)
            self.auth.audit_log.record(session, actor.audit, "audit.export", "office", office.code,
                                       detail={**_filter_detail(query), "counts_only": counts_only,
                                               "rows": len(rows)})
            return rows

        rows = self.db.write(work)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        if counts_only:
            counts = Counter((r.action, r.outcome) for r in rows)
            writer.writerow(["action", "outcome", "count"])
            lines = sorted(counts.items())
            writer.writerows([action, outcome, n] for (action, outcome), n in lines)
            written = len(lines)
        else:
            writer.writerow(["id", "at", "actor", "action", "object_type", "object_id", "outcome"])
            writer.writerows([r.id, r.at.isoformat(timespec="seconds"), _cell(r.actor), r.action, r.object_type,
                              _cell(r.object_id), r.outcome] for r in rows)
            written = len(rows)
        text = out.getvalue()
        try:
            write_atomically(Path(path), lambda temporary: temporary.write_text(text, encoding="utf-8-sig",
                                                                                newline=""))
        except OSError as exc:
            raise file_error(exc, Path(path)) from exc
        return written

    def _select(self, session: Session, actor: Actor, office: Office, query: AuditFilter,
                limit: int) -> list[AuditRow]:
        statement = select(AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.action,
                           AuditEvent.object_type, AuditEvent.object_id, AuditEvent.outcome)
        if actor.office_id is None:  # an office-less administrator: this office's events and those of none
            statement = statement.where(or_(AuditEvent.office_id == office.id, AuditEvent.office_id.is_(None)))
        else:
            statement = statement.where(AuditEvent.office_id == office.id)
        if query.person:
            statement = statement.where(AuditEvent.actor.ilike(f"%{_like(query.person)}%", escape="\\"))
        if query.action:
            statement = statement.where(AuditEvent.action.like(f"{_like(query.action)}%", escape="\\"))
        if query.object_type:
            statement = statement.where(AuditEvent.object_type == query.object_type)
        if query.object_id:
            statement = statement.where(AuditEvent.object_id == query.object_id)
        if query.since is not None:
            statement = statement.where(AuditEvent.at >= day_start_utc(query.since, office.timezone))
        if query.until is not None:
            statement = statement.where(AuditEvent.at < day_start_utc(query.until + timedelta(days=1),
                                                                      office.timezone))
        statement = statement.order_by(AuditEvent.id.desc()).limit(limit)
        return [AuditRow(r.id, local_time(r.at, office.timezone), r.actor, r.action, r.object_type, r.object_id,
                         r.outcome) for r in session.execute(statement)]


def _like(value: str) -> str:
    """``value`` with the LIKE wildcards escaped: a ``_`` in ``staff_id`` is an underscore, not any letter."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (an account name could start with ``=``)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _filter_detail(query: AuditFilter) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in vars(query).items() if v}


__all__ = ["MAX_ROWS", "AuditFilter", "AuditRow", "AuditViewService", "clean_filter"]
