"""Booking tables: appointment calendars and slots, appointments, convocations, mediators and their bookings.

The rules that must hold under concurrency are the database's, not the services':

* **Slot capacity**: :class:`AppointmentSlot` is a counter row per (service,
  start) with ``CHECK (booked <= capacity)``; a booking takes a place with a
  conditional ``UPDATE ... SET booked = booked + 1 WHERE booked < capacity``,
  so two desks booking the last place cannot both succeed.
* **One person, one slot at a time**: a partial unique index lets a person
  (normalised name + practice number, :attr:`Appointment.person_key`) hold at
  most one *booked* appointment per office; moving changes that appointment,
  never adds a second one.
* **No mediator booked twice**: on PostgreSQL an exclusion constraint
  (``btree_gist``: same mediator ``=`` and overlapping ``tsrange`` ``&&``) over
  the active bookings; on SQLite, where writes are serialised by ``BEGIN
  IMMEDIATE``, triggers refuse an overlapping insert or update with
  ``RAISE(ABORT)``. Both surface as an ``IntegrityError``.

Names and practice numbers live only on :class:`Appointment` and are purged
after the retention period (``purged_at`` set, the row and its counts kept).
Mediator bookings hold time, language, mode and desk, never the user's case.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    DDL,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Time,
    UniqueConstraint,
    column,
    event,
    func,
    literal_column,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base, UTCDateTime

APPOINTMENT_STATUSES = ("booked", "checked_in", "no_show", "cancelled")
#: How an appointment came about: booked on request, or set by the office in a convocation.
APPOINTMENT_KINDS = ("booking", "convocation")
#: How an arrival stood against the check-in window: on time keeps appointment priority, the others do not.
ARRIVALS = ("on_time", "early", "late")
CONVOCATION_STATUSES = ("sent", "confirmed", "attended", "no_show", "rebooked", "cancelled")
MEDIATOR_MODES = ("in_person", "phone", "video")
MEDIATOR_BOOKING_STATUSES = ("booked", "confirmed", "declined", "cancelled")
#: Bookings that hold the mediator's time (the no-overlap rule applies to these only).
ACTIVE_MEDIATOR_BOOKING = ("booked", "confirmed")
#: Mediator language levels: 1 basic ... 4 native or equivalent.
MEDIATOR_LEVELS = (1, 2, 3, 4)


def _in(column_name: str, values: tuple[str, ...]) -> str:
    return f"{column_name} IN ({', '.join(repr(v) for v in values)})"


class AppointmentCalendar(Base):
    """How one service takes appointments: slot length, places per slot and the check-in window.

    Attributes:
        slot_minutes: length of a slot; slots start at each opening time and every ``slot_minutes`` after it.
        capacity: places per slot (people booked at the same time, served by different desks).
        early_minutes: how long before the slot an arrival still counts as on time.
        late_minutes: how long after the slot start an arrival still counts as on time; after it the
            appointment may be marked a no-show.
        horizon_days: how far ahead bookings are taken.
    """

    __tablename__ = "appointment_calendar"
    __table_args__ = (
        CheckConstraint("slot_minutes > 0", name="slot_positive"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("early_minutes >= 0 AND late_minutes >= 0", name="window_positive"),
        CheckConstraint("horizon_days > 0", name="horizon_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), unique=True)
    slot_minutes: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    early_minutes: Mapped[int] = mapped_column(Integer)
    late_minutes: Mapped[int] = mapped_column(Integer)
    horizon_days: Mapped[int] = mapped_column(Integer)


class AppointmentHours(Base):
    """One opening period of a calendar on a weekday (0 = Monday), in the office's local time."""

    __tablename__ = "appointment_hours"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_valid"),
        CheckConstraint("opens < closes", name="opens_before_closes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("appointment_calendar.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(SmallInteger)
    opens: Mapped[time] = mapped_column(Time)
    closes: Mapped[time] = mapped_column(Time)


class AppointmentClosure(Base):
    """A day without appointments: for one service, or for the whole office when ``service_id`` is null."""

    __tablename__ = "appointment_closure"
    __table_args__ = (Index("ix_appointment_closure_office_day", "office_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))


class AppointmentSlot(Base):
    """The counter of one slot, created on first booking. ``booked`` never exceeds ``capacity`` (a CHECK)."""

    __tablename__ = "appointment_slot"
    __table_args__ = (
        UniqueConstraint("service_id", "starts_at"),
        CheckConstraint("booked >= 0", name="booked_positive"),
        CheckConstraint("booked <= capacity", name="within_capacity"),
        CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    capacity: Mapped[int] = mapped_column(Integer)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class Appointment(Base):
    """A person's place in a slot.

    Attributes:
        person_name, practice_number: personal data, ``None`` once purged (``purged_at``).
        person_key: normalised name and practice number; one *booked* appointment per key and office
            (a partial unique index). ``None`` once purged.
        ticket_id: the queue ticket issued at check-in.
        arrival: how the check-in stood against the window (one of :data:`ARRIVALS`).
    """

    __tablename__ = "appointment"
    __table_args__ = (
        CheckConstraint(_in("status", APPOINTMENT_STATUSES), name="status_known"),
        CheckConstraint(_in("kind", APPOINTMENT_KINDS), name="kind_known"),
        CheckConstraint(f"arrival IS NULL OR {_in('arrival', ARRIVALS)}", name="arrival_known"),
        Index("ix_appointment_office_starts", "office_id", "starts_at"),
        Index("ix_appointment_slot", "slot_id"),
        Index("ix_appointment_practice", "office_id", "practice_number"),
        Index(
            "uq_appointment_person_booked",
            "office_id",
            "person_key",
            unique=True,
            sqlite_where=text("status = 'booked'"),
            postgresql_where=text("status = 'booked'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    slot_id: Mapped[int] = mapped_column(ForeignKey("appointment_slot.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(12), default="booked")
    kind: Mapped[str] = mapped_column(String(12), default="booking")
    person_name: Mapped[str | None] = mapped_column(String(120))
    practice_number: Mapped[str | None] = mapped_column(String(40))
    person_key: Mapped[str | None] = mapped_column(String(170))
    language: Mapped[str | None] = mapped_column(String(8))
    needs_mediator: Mapped[bool] = mapped_column(Boolean, default=False)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="SET NULL"))
    arrival: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    no_show_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Convocation(Base):
    """The office summons a person for a practice; each attempt is one row with its own appointment.

    A rebooking closes this attempt (``rebooked``, or it stays ``no_show``) and
    opens the next one with ``previous_id`` pointing back and ``attempt + 1``.
    """

    __tablename__ = "convocation"
    __table_args__ = (
        CheckConstraint(_in("status", CONVOCATION_STATUSES), name="status_known"),
        CheckConstraint("attempt >= 1", name="attempt_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointment.id", ondelete="CASCADE"), unique=True)
    procedure_code: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12), default="sent")
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("convocation.id", ondelete="SET NULL"), unique=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))


class Mediator(Base):
    """A linguistic-cultural mediator on the office's roster; ``staff_id`` is their login, if they have one."""

    __tablename__ = "mediator"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(String(80))
    organisation: Mapped[str] = mapped_column(String(120), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MediatorLanguage(Base):
    """A language a mediator works in, with a level from 1 (basic) to 4 (native or equivalent)."""

    __tablename__ = "mediator_language"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 4", name="level_valid"),)

    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    level: Mapped[int] = mapped_column(SmallInteger)


class MediatorAvailability(Base):
    """A weekly period (0 = Monday, local time) in which the mediator works in ``mode``."""

    __tablename__ = "mediator_availability"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_valid"),
        CheckConstraint("starts < ends", name="starts_before_ends"),
        CheckConstraint(_in("mode", MEDIATOR_MODES), name="mode_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(SmallInteger)
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)
    mode: Mapped[str] = mapped_column(String(10))


class MediatorException(Base):
    """A change to the weekly pattern on one day.

    ``available`` false: absent (the whole day when ``starts``/``ends`` are null,
    else that period). ``available`` true: an extra period in ``mode``.
    """

    __tablename__ = "mediator_exception"
    __table_args__ = (
        CheckConstraint("(starts IS NULL AND ends IS NULL) OR (starts < ends)", name="period_valid"),
        CheckConstraint(f"mode IS NULL OR {_in('mode', MEDIATOR_MODES)}", name="mode_known"),
        CheckConstraint("available = false OR (starts IS NOT NULL AND mode IS NOT NULL)", name="extra_complete"),
        Index("ix_mediator_exception_day", "mediator_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    available: Mapped[bool] = mapped_column(Boolean)
    starts: Mapped[time | None] = mapped_column(Time)
    ends: Mapped[time | None] = mapped_column(Time)
    mode: Mapped[str | None] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(200), default="")


#: Exclusion constraint name; the migration creates it under the same name.
MEDIATOR_NO_OVERLAP = "ex_mediator_booking_no_overlap"
#: Message the SQLite triggers abort with (matched when translating the IntegrityError).
MEDIATOR_OVERLAP_MESSAGE = "mediator_booking_overlap"


class MediatorBooking(Base):
    """A mediator's time booked for an appointment, a walk-in ticket, or a shift at the counter.

    With neither ``appointment_id`` nor ``ticket_id`` it is a shift: the mediator
    serves any ticket in ``language`` while present. ``present_at`` is set when an
    in-person mediator arrives. No column says who the user is or what the case is.
    """

    __tablename__ = "mediator_booking"
    __table_args__ = (
        CheckConstraint(_in("status", MEDIATOR_BOOKING_STATUSES), name="status_known"),
        CheckConstraint(_in("mode", MEDIATOR_MODES), name="mode_known"),
        CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
        Index("ix_mediator_booking_mediator_starts", "mediator_id", "starts_at"),
        Index("ix_mediator_booking_office_starts", "office_id", "starts_at"),
        Index("ix_mediator_booking_ticket", "ticket_id"),
        Index("ix_mediator_booking_appointment", "appointment_id"),
        ExcludeConstraint(
            (column("mediator_id"), "="),
            (func.tsrange(column("starts_at"), column("ends_at"), literal_column("'[)'")), "&&"),
            name=MEDIATOR_NO_OVERLAP,
            using="gist",
            where=text(_in("status", ACTIVE_MEDIATOR_BOOKING)),
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    mode: Mapped[str] = mapped_column(String(10))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(10), default="booked")
    desk_id: Mapped[int | None] = mapped_column(ForeignKey("desk.id", ondelete="SET NULL"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointment.id", ondelete="SET NULL"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="SET NULL"))
    booked_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    booked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decline_reason: Mapped[str | None] = mapped_column(String(200))
    present_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MediatorOverride(Base):
    """A desk's explicit decision to call a ticket that needs a mediator without one."""

    __tablename__ = "mediator_override"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(200))


def _sqlite_overlap_trigger() -> str:
    """SQLite trigger body refusing an active booking that overlaps another active one of the same mediator."""
    active = _in("status", ACTIVE_MEDIATOR_BOOKING)
    return (
        f"WHEN NEW.{active} AND EXISTS (SELECT 1 FROM mediator_booking AS other "
        f"WHERE other.mediator_id = NEW.mediator_id AND other.id IS NOT NEW.id AND other.{active} "
        "AND other.starts_at < NEW.ends_at AND NEW.starts_at < other.ends_at) "
        f"BEGIN SELECT RAISE(ABORT, '{MEDIATOR_OVERLAP_MESSAGE}'); END"
    )


#: DDL of the SQLite no-overlap triggers, shared with the migration so both create the same thing.
SQLITE_MEDIATOR_TRIGGERS: dict[str, str] = {
    "trg_mediator_booking_no_overlap_insert": "BEFORE INSERT ON mediator_booking " + _sqlite_overlap_trigger(),
    "trg_mediator_booking_no_overlap_update": (
        "BEFORE UPDATE OF mediator_id, starts_at, ends_at, status ON mediator_booking "
        + _sqlite_overlap_trigger()
    ),
}

event.listen(
    MediatorBooking.__table__,
    "before_create",
    DDL("CREATE EXTENSION IF NOT EXISTS btree_gist").execute_if(dialect="postgresql"),
)
for _name, _body in SQLITE_MEDIATOR_TRIGGERS.items():
    event.listen(
        MediatorBooking.__table__, "after_create", DDL(f"CREATE TRIGGER {_name} {_body}").execute_if(dialect="sqlite")
    )


__all__ = [
    "ACTIVE_MEDIATOR_BOOKING",
    "APPOINTMENT_KINDS",
    "APPOINTMENT_STATUSES",
    "ARRIVALS",
    "CONVOCATION_STATUSES",
    "MEDIATOR_BOOKING_STATUSES",
    "MEDIATOR_LEVELS",
    "MEDIATOR_MODES",
    "MEDIATOR_NO_OVERLAP",
    "MEDIATOR_OVERLAP_MESSAGE",
    "SQLITE_MEDIATOR_TRIGGERS",
    "Appointment",
    "AppointmentCalendar",
    "AppointmentClosure",
    "AppointmentHours",
    "AppointmentSlot",
    "Convocation",
    "Mediator",
    "MediatorAvailability",
    "MediatorBooking",
    "MediatorException",
    "MediatorLanguage",
    "MediatorOverride",
]
