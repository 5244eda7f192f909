"""Append-only, hash-chained audit log.

Each row's ``hash`` is SHA-256 over the previous row's hash and this row's
canonical JSON. Appends are serialised (PostgreSQL advisory transaction lock;
SQLite's ``BEGIN IMMEDIATE``) so the chain never forks, and ``prev_hash`` is
unique as a backstop. :meth:`AuditLog.verify` walks the chain and reports the
first row that was edited, inserted or deleted. Deleting rows from the very end
cannot be seen from inside the chain: :meth:`verify` returns the head hash and
count, which an admin can note (or a scheduled job can file) to anchor it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock
from desk_app.db.engine import Database
from desk_app.db.models import AuditEvent
from desk_app.errors import AuditChainError

if TYPE_CHECKING:
    from desk_app.core.auth import Actor

GENESIS = "0" * 64
#: Arbitrary constant naming the PostgreSQL advisory lock that serialises audit appends.
_PG_AUDIT_LOCK = 7_240_113


@dataclass(frozen=True)
class AuditActor:
    """Who did it: the staff member, or a named system actor (``cli:root``, ``scheduler``)."""

    name: str
    staff_id: int | None = None
    office_id: int | None = None


def _canonical(at: datetime, prev_hash: str, row: Mapping[str, Any]) -> bytes:
    payload = {
        "at": at.isoformat(timespec="microseconds"),
        "office_id": row["office_id"],
        "actor": row["actor"],
        "staff_id": row["staff_id"],
        "action": row["action"],
        "object_type": row["object_type"],
        "object_id": row["object_id"],
        "outcome": row["outcome"],
        "detail": row["detail"],
    }
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return (prev_hash + body).encode("utf-8")


@dataclass(frozen=True)
class VerifyResult:
    """A chain that verified: how many events, and the hash of the last one (note it to anchor the end)."""

    count: int
    head: str


class AuditLog:
    """Writes and verifies audit events."""

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock = clock or SystemClock()

    def record(
        self,
        session: Session,
        actor: AuditActor,
        action: str,
        object_type: str = "",
        object_id: str | int = "",
        *,
        outcome: str = "ok",
        detail: Mapping[str, Any] | None = None,
    ) -> AuditEvent:
        """Append an event inside the caller's write transaction (it commits or rolls back with it)."""
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
        prev = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
        prev_hash = prev or GENESIS
        at = self.clock.now()
        row: dict[str, Any] = {
            "office_id": actor.office_id,
            "actor": actor.name[:64],
            "staff_id": actor.staff_id,
            "action": action[:48],
            "object_type": object_type[:32],
            "object_id": str(object_id)[:64],
            "outcome": outcome[:16],
            "detail": json.loads(json.dumps(dict(detail or {}), default=str)),
        }
        digest = hashlib.sha256(_canonical(at, prev_hash, row)).hexdigest()
        event = AuditEvent(at=at, prev_hash=prev_hash, hash=digest, **row)
        session.add(event)
        session.flush()
        return event

    def record_now(self, actor: AuditActor, action: str, object_type: str = "", object_id: str | int = "",
                   *, outcome: str = "ok", detail: Mapping[str, Any] | None = None) -> None:
        """Append an event in a transaction of its own (for refusals, whose own transaction rolled back)."""
        self.db.write(lambda s: self.record(s, actor, action, object_type, object_id, outcome=outcome, detail=detail))

    def verify(self, actor: Actor) -> VerifyResult:
        """Walk the whole chain; raise :class:`AuditChainError` at the first row that does not verify.

        Needs ``verify_audit``. The chain is one for the whole database (every office appends to it),
        so there is no office to check: the result holds a count and a hash, nothing personal.
        """
        from desk_app.core.auth import Authorizer  # auth.py imports this module

        Authorizer(self).require(actor, "verify_audit", "audit")

        def work(session: Session) -> VerifyResult:
            expected_prev = GENESIS
            count = 0
            for event in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().yield_per(1000):
                if event.prev_hash != expected_prev:
                    raise AuditChainError(id=event.id, reason="previous row missing or changed")
                row = {
                    "office_id": event.office_id,
                    "actor": event.actor,
                    "staff_id": event.staff_id,
                    "action": event.action,
                    "object_type": event.object_type,
                    "object_id": event.object_id,
                    "outcome": event.outcome,
                    "detail": event.detail,
                }
                if hashlib.sha256(_canonical(event.at, event.prev_hash, row)).hexdigest() != event.hash:
                    raise AuditChainError(id=event.id, reason="row content changed")
                expected_prev = event.hash
                count += 1
            return VerifyResult(count, expected_prev)

        return self.db.read(work)
