"""Core tables: office, desks, services, tickets, counters, staff, audit.

Feature modules (content catalogue, appointments, mediators) add their own
tables to the same :class:`~desk_app.db.base.Base` in modules of their own and
are imported by :mod:`desk_app.db.schema` so Alembic sees one metadata.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.db.base import Base, UTCDateTime

#: Every ticket status; the life cycle is enforced by the queue engine, the list here by a CHECK.
TICKET_STATUSES = (
    "waiting",
    "called",
    "serving",
    "parked",
    "done",
    "no_show",
    "cancelled",
    "closed",
)
#: Statuses in which a ticket occupies a desk (at most one per desk, by a partial unique index).
ACTIVE_AT_DESK = ("called", "serving")
#: Statuses of a ticket still in the day's queue (the day close closes those of earlier days).
OPEN_AT_CLOSE = ("waiting", "called", "serving", "parked")
#: Staff roles: the office's own, least to most privileged, then the outside bodies' (``partner``: a person of an
#: organisation of the services directory, issue 15; ``questura``: the Questura's Immigration Office, issue 16).
ROLES = ("clerk", "mediator", "supervisor", "admin", "partner", "questura")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Office(Base):
    """A front office (e.g. the SUI of the Prefettura di Lodi); every row of every table carries its office."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(240), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Rome")


class Service(Base):
    """A queue: tickets of one service share a prefix and a numbering sequence per day."""

    __tablename__ = "service"
    __table_args__ = (
        UniqueConstraint("office_id", "code"),
        UniqueConstraint("office_id", "prefix"),
        CheckConstraint("target_wait_minutes > 0", name="target_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    prefix: Mapped[str] = mapped_column(String(2))
    target_wait_minutes: Mapped[int] = mapped_column(Integer, default=20)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Desk(Base):
    """A counter position; it serves one or more services."""

    __tablename__ = "desk"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    services: Mapped[list[Service]] = relationship(secondary="desk_service", order_by="Service.code")


class DeskService(Base):
    """Which services a desk calls from."""

    __tablename__ = "desk_service"

    desk_id: Mapped[int] = mapped_column(ForeignKey("desk.id", ondelete="CASCADE"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)


class Staff(Base):
    """A person who logs in. Passwords are argon2id hashes; ``locked_until`` implements the lockout."""

    __tablename__ = "staff"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("office.id", ondelete="SET NULL"), index=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TicketCounter(Base):
    """Last number issued per office, service and local day (upserted, never MAX()+1)."""

    __tablename__ = "ticket_counter"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    """A numbered place in a queue.

    ``origin_service_id`` + ``day`` + ``seq`` is the number as printed (it never
    changes, even on transfer); ``service_id`` is the queue the ticket is in now.
    ``sort_key`` is the issue time minus the priority head start: ordering by it
    puts priority tickets first while an ordinary ticket that has waited longer
    than the head start still goes ahead (aging), and a transfer keeps it.
    """

    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("origin_service_id", "day", "seq"),
        CheckConstraint(_in("status", TICKET_STATUSES), name="status_known"),
        CheckConstraint("recall_count >= 0", name="recall_count_positive"),
        Index("ix_ticket_queue", "office_id", "status", "service_id", "sort_key"),
        Index("ix_ticket_office_day", "office_id", "day"),
        # A desk holds at most one called/serving ticket: the database says so, not only the engine.
        Index(
            "uq_ticket_desk_active",
            "desk_id",
            unique=True,
            sqlite_where=text(_in("status", ACTIVE_AT_DESK)),
            postgresql_where=text(_in("status", ACTIVE_AT_DESK)),
        ),
        # Live tickets only, so they stay small however long the history (migration 0007): waiting tickets in
        # call order (call-next stops at the first it may take) and open tickets by day (the day close).
        Index("ix_ticket_waiting", "office_id", "day", "sort_key", "id",
              sqlite_where=text("status = 'waiting'"), postgresql_where=text("status = 'waiting'")),
        Index("ix_ticket_open", "office_id", "day",
              sqlite_where=text(_in("status", OPEN_AT_CLOSE)), postgresql_where=text(_in("status", OPEN_AT_CLOSE))),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    origin_service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    #: Set from ``status`` by each transition's UPDATE, so RETURNING tells the status it moved from.
    previous_status: Mapped[str | None] = mapped_column(String(12))
    priority: Mapped[str] = mapped_column(String(16), default="ordinary")
    language: Mapped[str | None] = mapped_column(String(8))
    needs_mediator: Mapped[bool] = mapped_column(Boolean, default=False)
    desk_id: Mapped[int | None] = mapped_column(ForeignKey("desk.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    sort_key: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    serving_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    transfer_count: Mapped[int] = mapped_column(Integer, default=0)
    transferred_from_service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"))
    #: A transfer to a desk or to a colleague (migration 0011): while waiting, only that desk, or that colleague
    #: at whatever desk, calls it. Both ``NULL``: any desk serving ``service_id`` may.
    target_desk_id: Mapped[int | None] = mapped_column(ForeignKey("desk.id", ondelete="SET NULL"))
    target_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(String(500))


class TicketEvent(Base):
    """One row per ticket transition: the history behind counts and the SQLite change feed."""

    __tablename__ = "ticket_event"
    __table_args__ = (Index("ix_ticket_event_office_at", "office_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    desk_id: Mapped[int | None] = mapped_column(ForeignKey("desk.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class AuditEvent(Base):
    """Append-only, hash-chained record of logins, admin changes and personal-data access.

    ``hash`` = HMAC-SHA256, under the key ``key_id`` names (kept outside the database), over the
    previous row's hash and this row's canonical content; rows of the first releases have ``key_id``
    NULL and a plain SHA-256. ``prev_hash`` is unique so the chain cannot fork. Triggers refuse
    UPDATE and DELETE (and TRUNCATE on PostgreSQL); editing or deleting rows all the same breaks the
    chain or misses the checkpoint, which ``desk-admin audit verify`` reports (``desk_app.core.audit``).
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    office_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(48))
    object_type: Mapped[str] = mapped_column(String(32), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(16), default="ok")
    detail: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: Fingerprint of the key that signed the row; NULL for the unkeyed rows of the first releases.
    key_id: Mapped[str | None] = mapped_column(String(16))




class ChangeLog(Base):
    """SQLite's change feed: one row per change, read by id by every desk's poller.

    PostgreSQL does not use it (LISTEN/NOTIFY carries the change itself); on
    SQLite writes are serialised, so ids grow in commit order and ``id > last
    seen`` never skips a change. Rows older than a day are pruned at day close.
    """

    __tablename__ = "change_log"
    # AUTOINCREMENT: ids must never be reused after the table is pruned empty, or an open listener
    # (waiting for ids above the last it saw) would miss every change until the ids caught up.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    office_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    action: Mapped[str] = mapped_column(String(24))
    data: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


__all__ = [
    "ACTIVE_AT_DESK",
    "OPEN_AT_CLOSE",
    "ROLES",
    "TICKET_STATUSES",
    "AuditEvent",
    "ChangeLog",
    "Desk",
    "DeskService",
    "Office",
    "Service",
    "Staff",
    "Ticket",
    "TicketCounter",
    "TicketEvent",
]
