"""Appointment calendars, booking, check-in into the queue, no-shows and the retention purge.

Concurrency: capacity and "one person, one slot at a time" are the database's
rules (see :mod:`desk_app.db.models_booking`). Booking upserts the slot's
counter row, takes a place with ``UPDATE ... SET booked = booked + 1 WHERE
booked < capacity RETURNING`` (no row back: the slot is full), then inserts the
appointment inside a savepoint so that a person who already holds a booked
appointment is refused with the details of that appointment. Nothing is checked
in Python and then trusted.

Check-in issues the queue ticket in the same transaction that marks the
appointment checked in: an arrival within ``[start - early, start + late]``
keeps appointment priority, any other arrival joins the ordinary queue. After
the window :meth:`AppointmentService.mark_no_shows` marks who did not come.

Personal data: names and practice numbers are returned only by the methods that
need them (:meth:`~AppointmentService.search`, :meth:`~AppointmentService.get`,
:meth:`~AppointmentService.day` with ``with_names``), and each such read is
audited. :meth:`~AppointmentService.purge_personal_data` blanks them after the
retention period and keeps the rows, so counts survive.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import CursorResult, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, local_day
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.office import find_service
from desk_app.core.queue import LANGUAGES, QueueService, TicketView
from desk_app.core.schedule import WeeklyPeriod, at_local, local_label, parse_weekly
from desk_app.core.validation import clean_choice, clean_name, clean_text, parse_date
from desk_app.db.engine import Database
from desk_app.db.feed import Change, notify
from desk_app.db.models import Office, Service, Ticket
from desk_app.db.models_booking import (
    ACTIVE_MEDIATOR_BOOKING,
    Appointment,
    AppointmentCalendar,
    AppointmentClosure,
    AppointmentHours,
    AppointmentSlot,
    Convocation,
    MediatorBooking,
)
from desk_app.errors import ConflictError, NotFoundError, ValidationError


@dataclass(frozen=True)
class CalendarView:
    """A service's appointment calendar."""

    service_code: str
    slot_minutes: int
    capacity: int
    early_minutes: int
    late_minutes: int
    horizon_days: int
    hours: tuple[WeeklyPeriod, ...]


@dataclass(frozen=True)
class SlotView:
    """One slot of a day: UTC times, places and how many are taken."""

    starts_at: datetime
    ends_at: datetime
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked)


@dataclass(frozen=True)
class DaySlots:
    """The slots a service offers on a day; none, with the reason, when the day is closed."""

    service_code: str
    day: date
    closed_reason: str | None
    slots: tuple[SlotView, ...]


@dataclass(frozen=True)
class AppointmentView:
    """An appointment. ``person_name`` and ``practice_number`` are ``None`` unless the caller asked for them
    (an audited read) or once they have been purged."""

    id: int
    service_code: str
    starts_at: datetime
    ends_at: datetime
    status: str
    kind: str
    person_name: str | None
    practice_number: str | None
    language: str | None
    needs_mediator: bool
    mediator_booked: bool
    ticket_number: str | None
    arrival: str | None
    cancel_reason: str | None
    purged: bool


@dataclass(frozen=True)
class CheckIn:
    """What check-in did: the ticket issued and whether the arrival kept appointment priority."""

    appointment: AppointmentView
    ticket: TicketView
    arrival: str

    @property
    def keeps_priority(self) -> bool:
        return self.arrival == "on_time"


def person_key(name: str, practice_number: str | None) -> str:
    """The identity "one person, one slot" is about: name folded (case, accents, spaces) plus practice number.

    Folding means "José  Pérez" and "jose perez" are the same person; the
    practice number keeps two different people of the same name apart.
    """
    return f"{_fold(name)}|{_fold(practice_number or '')}"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _insert_for(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def sync_convocation(session: Session, appointment_id: int, status: str, now: datetime) -> None:
    """Carry an appointment outcome (attended, no-show, cancelled) to its convocation, if it has an open one."""
    session.execute(
        update(Convocation)
        .where(Convocation.appointment_id == appointment_id, Convocation.status.in_(("sent", "confirmed")))
        .values(status=status, closed_at=now)
        .execution_options(synchronize_session=False)
    )


class AppointmentService:
    """Calendars and appointments of one office.

    Args:
        db: the database.
        authorizer: permission checks and auditing.
        queue: the queue engine, for the ticket issued at check-in.
        clock: time source.
        office_code: the office; ``None`` means the only office in the database.
        retention_days: how long names and practice numbers are kept after the appointment.
    """

    def __init__(self, db: Database, authorizer: Authorizer, queue: QueueService, clock: Clock | None = None,
                 office_code: str | None = None, retention_days: int = 90) -> None:
        self.db = db
        self.auth = authorizer
        self.queue = queue
        self.clock = clock or SystemClock()
        self.office_code = office_code
        self.retention_days = retention_days

    # -- helpers -----------------------------------------------------------------------------------------------
    def _office(self, session: Session, actor: Actor) -> Office:
        return self.auth.office_for(session, actor, self.office_code)

    @staticmethod
    def _service(session: Session, office: Office, code: str) -> Service:
        return find_service(session, office.id, code)

    @staticmethod
    def _calendar(session: Session, service: Service) -> AppointmentCalendar:
        calendar = session.execute(
            select(AppointmentCalendar).where(AppointmentCalendar.service_id == service.id)
        ).scalar()
        if calendar is None:
            raise NotFoundError("no_calendar", service=service.code)
        return calendar

    @staticmethod
    def _appointment(session: Session, office: Office, appointment_id: int) -> Appointment:
        appointment = session.get(Appointment, appointment_id)
        if appointment is None or appointment.office_id != office.id:
            raise NotFoundError("unknown_appointment", value=str(appointment_id))
        return appointment

    @staticmethod
    def _closure(session: Session, office: Office, service: Service, day: date) -> str | None:
        return session.execute(
            select(AppointmentClosure.reason).where(
                AppointmentClosure.office_id == office.id,
                AppointmentClosure.day == day,
                or_(AppointmentClosure.service_id.is_(None), AppointmentClosure.service_id == service.id),
            ).limit(1)
        ).scalar()

    @staticmethod
    def _slot_starts(session: Session, office: Office, calendar: AppointmentCalendar, day: date
                     ) -> list[tuple[datetime, datetime]]:
        """Start and end (UTC) of every slot the opening hours give on ``day``; a slot never runs past closing."""
        step = timedelta(minutes=calendar.slot_minutes)
        result = []
        for hours in session.execute(
            select(AppointmentHours)
            .where(AppointmentHours.calendar_id == calendar.id, AppointmentHours.weekday == day.weekday())
            .order_by(AppointmentHours.opens)
        ).scalars():
            start = datetime.combine(day, hours.opens)
            closes = datetime.combine(day, hours.closes)
            while start + step <= closes:
                result.append((at_local(day, start.time(), office.timezone),
                               at_local(day, (start + step).time(), office.timezone)))
                start += step
        return result

    def _view(self, session: Session, appointment: Appointment, *, with_names: bool) -> AppointmentView:
        service_code = session.get(Service, appointment.service_id).code  # type: ignore[union-attr]
        ticket_number = (
            session.execute(select(Ticket.number).where(Ticket.id == appointment.ticket_id)).scalar()
            if appointment.ticket_id else None
        )
        mediator_booked = session.execute(
            select(func.count(MediatorBooking.id)).where(
                MediatorBooking.appointment_id == appointment.id,
                MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING),
            )
        ).scalar_one() > 0
        return AppointmentView(
            appointment.id, service_code, appointment.starts_at, appointment.ends_at, appointment.status,
            appointment.kind, appointment.person_name if with_names else None,
            appointment.practice_number if with_names else None, appointment.language, appointment.needs_mediator,
            mediator_booked, ticket_number, appointment.arrival, appointment.cancel_reason,
            appointment.purged_at is not None,
        )

    def _audit_names(self, session: Session, actor: Actor, action: str, ids: Sequence[int]) -> None:
        """Log that ``actor`` saw the names of these appointments (ids only: the log itself holds no names)."""
        self.auth.audit_log.record(session, actor.audit, action, "appointment",
                                   str(ids[0]) if len(ids) == 1 else f"{len(ids)} rows",
                                   detail={"ids": list(ids[:200])})

    def _notify(self, session: Session, appointment: Appointment, action: str, now: datetime) -> None:
        service_code = session.get(Service, appointment.service_id).code  # type: ignore[union-attr]
        notify(session, Change("appointment", action, appointment.office_id, now,
                               {"appointment": appointment.id, "service": service_code,
                                "starts_at": appointment.starts_at.isoformat(), "status": appointment.status}))

    # -- calendar set-up ---------------------------------------------------------------------------------------
    def set_calendar(self, actor: Actor, service_code: str, *, hours: str, slot_minutes: int, capacity: int,
                     early_minutes: int = 15, late_minutes: int = 15, horizon_days: int = 60) -> CalendarView:
        """Create or replace the calendar of ``service_code``. Needs ``manage_calendar``.

        ``hours`` is a weekly pattern such as ``"mon-fri 09:00-12:30, mon-thu 14:00-16:00"``. Future slots
        already holding bookings take the new capacity only if their bookings fit in it; nobody is dropped.
        """
        self.auth.require(actor, "manage_calendar", "service", service_code)
        periods = parse_weekly(hours)
        numbers = {"slot_minutes": slot_minutes, "capacity": capacity, "early_minutes": early_minutes,
                   "late_minutes": late_minutes, "horizon_days": horizon_days}
        for name, value in numbers.items():
            lowest = 0 if name in ("early_minutes", "late_minutes") else 1
            if not isinstance(value, int) or isinstance(value, bool) or not lowest <= value <= 10_000:
                raise ValidationError("bad_number", field=name, value=str(value)[:20])

        def work(session: Session) -> CalendarView:
            office = self._office(session, actor)
            service = self._service(session, office, service_code)
            calendar = session.execute(
                select(AppointmentCalendar).where(AppointmentCalendar.service_id == service.id)
            ).scalar()
            if calendar is None:
                calendar = AppointmentCalendar(office_id=office.id, service_id=service.id, **numbers)
                session.add(calendar)
                session.flush()
            else:
                for name, value in numbers.items():
                    setattr(calendar, name, value)
                session.execute(delete(AppointmentHours).where(AppointmentHours.calendar_id == calendar.id))
            session.add_all(AppointmentHours(calendar_id=calendar.id, weekday=p.weekday, opens=p.start, closes=p.end)
                            for p in periods)
            session.execute(
                update(AppointmentSlot)
                .where(AppointmentSlot.service_id == service.id, AppointmentSlot.starts_at > self.clock.now(),
                       AppointmentSlot.booked <= capacity)
                .values(capacity=capacity)
                .execution_options(synchronize_session=False)
            )
            self.auth.audit_log.record(session, actor.audit, "calendar.set", "service", service.code,
                                       detail={**numbers, "hours": [p.describe() for p in periods]})
            return self._calendar_view(session, service, calendar)

        return self.db.write(work)

    @staticmethod
    def _calendar_view(session: Session, service: Service, calendar: AppointmentCalendar) -> CalendarView:
        hours = session.execute(
            select(AppointmentHours).where(AppointmentHours.calendar_id == calendar.id)
            .order_by(AppointmentHours.weekday, AppointmentHours.opens)
        ).scalars()
        return CalendarView(service.code, calendar.slot_minutes, calendar.capacity, calendar.early_minutes,
                            calendar.late_minutes, calendar.horizon_days,
                            tuple(WeeklyPeriod(h.weekday, h.opens, h.closes) for h in hours))

    def calendar(self, actor: Actor, service_code: str) -> CalendarView:
        """The calendar of ``service_code``. Needs ``book_appointments``."""
        self.auth.require(actor, "book_appointments", "service", service_code)

        def work(session: Session) -> CalendarView:
            service = self._service(session, self._office(session, actor), service_code)
            return self._calendar_view(session, service, self._calendar(session, service))

        return self.db.read(work)

    def add_closure(self, actor: Actor, day: date | str, reason: str, service_code: str | None = None) -> int:
        """Close ``day`` to new appointments (one service, or the whole office). Needs ``manage_calendar``.

        Returns how many booked appointments fall on that day: they stay booked and the office must move them.
        A day already closed for the same service or for the whole office is refused (``closure_exists``, with
        the reason it was closed for): the same closure is never stored twice.
        """
        self.auth.require(actor, "manage_calendar", "office", service_code or "")
        when = parse_date(day)
        why = clean_text(reason, "reason", 200)

        def work(session: Session) -> int:
            office = self._office(session, actor)
            service = self._service(session, office, service_code) if service_code else None
            covering = select(AppointmentClosure.reason).where(
                AppointmentClosure.office_id == office.id, AppointmentClosure.day == when,
                AppointmentClosure.service_id.is_(None) if service is None
                else or_(AppointmentClosure.service_id.is_(None), AppointmentClosure.service_id == service.id))
            existing = session.execute(covering.limit(1)).scalar()
            if existing is not None:
                raise ConflictError("closure_exists", day=when.strftime("%d/%m/%Y"), reason=existing or "—")
            session.add(AppointmentClosure(office_id=office.id, service_id=service.id if service else None,
                                           day=when, reason=why))
            start = at_local(when, time(0), office.timezone)
            affected = select(func.count(Appointment.id)).where(
                Appointment.office_id == office.id, Appointment.status == "booked",
                Appointment.starts_at >= start, Appointment.starts_at < at_local(when + timedelta(days=1), time(0),
                                                                                 office.timezone),
            )
            if service is not None:
                affected = affected.where(Appointment.service_id == service.id)
            self.auth.audit_log.record(session, actor.audit, "calendar.close", "office", office.code,
                                       detail={"day": when.isoformat(), "service": service_code})
            return int(session.execute(affected).scalar_one())

        return self.db.write(work)

    # -- slots and booking -------------------------------------------------------------------------------------
    def slots(self, actor: Actor, service_code: str, day: date | str) -> DaySlots:
        """Every slot ``service_code`` offers on ``day`` with its free places. Needs ``book_appointments``."""
        self.auth.require(actor, "book_appointments", "service", service_code)
        when = parse_date(day)

        def work(session: Session) -> DaySlots:
            office = self._office(session, actor)
            service = self._service(session, office, service_code)
            calendar = self._calendar(session, service)
            closed = self._closure(session, office, service, when)
            if closed is not None:
                return DaySlots(service.code, when, closed, ())
            grid = self._slot_starts(session, office, calendar, when)
            if not grid:
                return DaySlots(service.code, when, None, ())
            taken = {
                row.starts_at: row
                for row in session.execute(
                    select(AppointmentSlot).where(AppointmentSlot.service_id == service.id,
                                                  AppointmentSlot.starts_at >= grid[0][0],
                                                  AppointmentSlot.starts_at <= grid[-1][0])
                ).scalars()
            }
            return DaySlots(service.code, when, None, tuple(
                SlotView(start, end, taken[start].capacity if start in taken else calendar.capacity,
                         taken[start].booked if start in taken else 0)
                for start, end in grid
            ))

        return self.db.read(work)

    def _take_place(self, session: Session, office: Office, service: Service, starts_at: datetime,
                    now: datetime) -> AppointmentSlot:
        """Check ``starts_at`` is a slot on offer and take one place in it; raise a clear refusal otherwise."""
        calendar = self._calendar(session, service)
        day = local_day(starts_at, office.timezone)
        label_day, label_time = local_label(starts_at, office.timezone)
        closed = self._closure(session, office, service, day)
        if closed is not None:
            raise ConflictError("slot_closed", service=service.code, day=label_day, reason=closed)
        ends_at = dict(self._slot_starts(session, office, calendar, day)).get(starts_at)
        if ends_at is None:
            raise ValidationError("slot_not_offered", service=service.code, day=label_day, time=label_time)
        if starts_at <= now:
            raise ConflictError("slot_past", day=label_day, time=label_time)
        if day > local_day(now, office.timezone) + timedelta(days=calendar.horizon_days):
            raise ValidationError("slot_beyond_horizon", days=calendar.horizon_days)
        session.execute(
            _insert_for(session)(AppointmentSlot)
            .values(office_id=office.id, service_id=service.id, starts_at=starts_at, ends_at=ends_at,
                    capacity=calendar.capacity, booked=0)
            .on_conflict_do_nothing(index_elements=["service_id", "starts_at"])
        )
        slot_id = session.execute(
            update(AppointmentSlot)
            .where(AppointmentSlot.service_id == service.id, AppointmentSlot.starts_at == starts_at,
                   AppointmentSlot.booked < AppointmentSlot.capacity)
            .values(booked=AppointmentSlot.booked + 1)
            .returning(AppointmentSlot.id)
            .execution_options(synchronize_session=False)
        ).scalar()
        if slot_id is None:
            capacity = session.execute(
                select(AppointmentSlot.capacity).where(AppointmentSlot.service_id == service.id,
                                                       AppointmentSlot.starts_at == starts_at)
            ).scalar()
            raise ConflictError("slot_full", service=service.code, day=label_day, time=label_time, capacity=capacity)
        slot = session.get(AppointmentSlot, slot_id)
        assert slot is not None
        session.refresh(slot)
        return slot

    @staticmethod
    def _release_place(session: Session, slot_id: int) -> None:
        session.execute(
            update(AppointmentSlot).where(AppointmentSlot.id == slot_id, AppointmentSlot.booked > 0)
            .values(booked=AppointmentSlot.booked - 1).execution_options(synchronize_session=False)
        )

    def book_in(self, session: Session, actor: Actor, service_code: str, starts_at: datetime, *, person_name: str,
                practice_number: str | None, language: str | None, needs_mediator: bool,
                kind: str = "booking") -> Appointment:
        """Book inside the caller's write transaction (convocations use this). Inputs are already clean.

        Needs ``book_appointments`` in the office."""
        self.auth.require(actor, "book_appointments", "service", service_code, session=session)
        office = self._office(session, actor)
        service = self._service(session, office, service_code)
        now = self.clock.now()
        slot = self._take_place(session, office, service, starts_at, now)
        key = person_key(person_name, practice_number)
        appointment = Appointment(
            office_id=office.id, service_id=service.id, slot_id=slot.id, starts_at=slot.starts_at,
            ends_at=slot.ends_at, status="booked", kind=kind, person_name=person_name,
            practice_number=practice_number, person_key=key, language=language, needs_mediator=needs_mediator,
            created_at=now, created_by=actor.staff_id,
        )
        try:
            with session.begin_nested():
                session.add(appointment)
                session.flush()
        except IntegrityError as exc:
            raise self._person_conflict(session, office, key) from exc
        self._notify(session, appointment, "book", now)
        return appointment

    def _person_conflict(self, session: Session, office: Office, key: str) -> ConflictError:
        """The refusal for a person who already holds a booked appointment, naming it."""
        row = session.execute(
            select(Appointment.starts_at, Service.code).join(Service, Service.id == Appointment.service_id)
            .where(Appointment.office_id == office.id, Appointment.person_key == key, Appointment.status == "booked")
        ).first()
        if row is None:  # pragma: no cover - the unique index only fails while such a row exists
            return ConflictError("person_has_appointment", service="?", day="?", time="?")
        day, at = local_label(row[0], office.timezone)
        return ConflictError("person_has_appointment", service=row[1], day=day, time=at)

    @staticmethod
    def clean_person(person_name: str, practice_number: str | None, language: str | None
                     ) -> tuple[str, str | None, str | None]:
        """Validated name, practice number (upper case) and language."""
        name = clean_name(person_name, "person_name", 120)  # pasted direction marks removed, not refused
        practice = clean_text(practice_number, "practice_number", 40, required=False).upper() or None
        lang = clean_choice(language.strip().lower(), "language", LANGUAGES) if language else None
        return name, practice, lang

    def book(self, actor: Actor, service_code: str, starts_at: datetime, *, person_name: str,
             practice_number: str | None = None, language: str | None = None,
             needs_mediator: bool = False) -> AppointmentView:
        """Book ``person_name`` into the slot of ``service_code`` starting at ``starts_at`` (aware).

        Needs ``book_appointments``. Refusals: ``slot_not_offered``, ``slot_closed``,
        ``slot_past``, ``slot_beyond_horizon``, ``slot_full``, ``person_has_appointment``.
        """
        self.auth.require(actor, "book_appointments", "service", service_code)
        name, practice, lang = self.clean_person(person_name, practice_number, language)

        def work(session: Session) -> AppointmentView:
            appointment = self.book_in(session, actor, service_code, starts_at, person_name=name,
                                       practice_number=practice, language=lang, needs_mediator=needs_mediator)
            self.auth.audit_log.record(session, actor.audit, "appointment.book", "appointment", appointment.id)
            return self._view(session, appointment, with_names=True)

        return self.db.write(work)

    def move(self, actor: Actor, appointment_id: int, starts_at: datetime) -> AppointmentView:
        """Move a booked appointment to another slot of its service (the new place is taken first).

        A mediator booked for it is released (the change feed tells the desks):
        ``mediator_booked`` in the result says whether one must be booked again.
        """
        self.auth.require(actor, "book_appointments", "appointment", appointment_id)

        def work(session: Session) -> AppointmentView:
            office = self._office(session, actor)
            appointment = self._appointment(session, office, appointment_id)
            if appointment.status != "booked":
                raise ConflictError("appointment_wrong_state", id=appointment.id, status=appointment.status,
                                    action="move")
            if starts_at == appointment.starts_at:
                return self._view(session, appointment, with_names=False)
            service = session.get(Service, appointment.service_id)
            assert service is not None
            now = self.clock.now()
            slot = self._take_place(session, office, service, starts_at, now)
            old_slot = appointment.slot_id
            moved = session.execute(
                update(Appointment).where(Appointment.id == appointment.id, Appointment.status == "booked",
                                          Appointment.slot_id == old_slot)
                .values(slot_id=slot.id, starts_at=slot.starts_at, ends_at=slot.ends_at)
                .returning(Appointment.id).execution_options(synchronize_session=False)
            ).scalar()
            if moved is None:
                session.expire_all()
                fresh = self._appointment(session, office, appointment_id)
                raise ConflictError("appointment_wrong_state", id=fresh.id, status=fresh.status, action="move")
            self._release_place(session, old_slot)
            self._release_mediators(session, appointment.id, now)
            session.refresh(appointment)
            self.auth.audit_log.record(session, actor.audit, "appointment.move", "appointment", appointment.id)
            self._notify(session, appointment, "move", now)
            return self._view(session, appointment, with_names=False)

        return self.db.write(work)

    @staticmethod
    def _release_mediators(session: Session, appointment_id: int, now: datetime) -> None:
        """Cancel the active mediator bookings of an appointment that moved or was cancelled, telling the desks."""
        released = session.execute(
            update(MediatorBooking)
            .where(MediatorBooking.appointment_id == appointment_id,
                   MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING))
            .values(status="cancelled", responded_at=now)
            .returning(MediatorBooking.id, MediatorBooking.office_id)
            .execution_options(synchronize_session=False)
        ).all()
        for booking_id, office_id in released:
            notify(session, Change("mediator_booking", "cancelled", office_id, now, {"booking": booking_id}))

    def cancel(self, actor: Actor, appointment_id: int, reason: str) -> AppointmentView:
        """Cancel a booked appointment with a reason; its place is freed. Needs ``book_appointments``."""
        self.auth.require(actor, "book_appointments", "appointment", appointment_id)
        why = clean_text(reason, "reason", 200)
        return self.db.write(lambda session: self._view(
            session, self.cancel_in(session, actor, appointment_id, why), with_names=False))

    def cancel_in(self, session: Session, actor: Actor, appointment_id: int, reason: str) -> Appointment:
        """Cancel inside the caller's transaction (convocation rebooking uses this). Needs ``book_appointments``."""
        self.auth.require(actor, "book_appointments", "appointment", appointment_id, session=session)
        office = self._office(session, actor)
        appointment = self._appointment(session, office, appointment_id)
        now = self.clock.now()
        cancelled = session.execute(
            update(Appointment).where(Appointment.id == appointment.id, Appointment.status == "booked")
            .values(status="cancelled", cancelled_at=now, cancel_reason=reason)
            .returning(Appointment.id).execution_options(synchronize_session=False)
        ).scalar()
        if cancelled is None:
            session.refresh(appointment)
            raise ConflictError("appointment_wrong_state", id=appointment.id, status=appointment.status,
                                action="cancel")
        self._release_place(session, appointment.slot_id)
        self._release_mediators(session, appointment.id, now)
        sync_convocation(session, appointment.id, "cancelled", now)
        session.refresh(appointment)
        # The reason is free text that may name people: it stays on the appointment, where the retention purge
        # reaches it, and never goes into the append-only audit log, where nothing can.
        self.auth.audit_log.record(session, actor.audit, "appointment.cancel", "appointment", appointment.id,
                                   detail={"reason_given": bool(reason)})
        self._notify(session, appointment, "cancel", now)
        return appointment

    # -- reading (names are audited) ---------------------------------------------------------------------------
    def get(self, actor: Actor, appointment_id: int) -> AppointmentView:
        """One appointment with name and practice number; the read is audited. Needs ``book_appointments``."""
        self.auth.require(actor, "book_appointments", "appointment", appointment_id)

        def work(session: Session) -> AppointmentView:
            appointment = self._appointment(session, self._office(session, actor), appointment_id)
            self._audit_names(session, actor, "appointment.read", [appointment.id])
            return self._view(session, appointment, with_names=True)

        return self.db.write(work)

    def search(self, actor: Actor, text: str, *, limit: int = 50) -> list[AppointmentView]:
        """Appointments whose person's name or practice number contains ``text`` (case and accents ignored),
        newest first. The read is audited. Needs ``book_appointments``."""
        self.auth.require(actor, "book_appointments", "appointment", "search")
        needle = _fold(clean_name(text, "search", 120))
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"

        def work(session: Session) -> list[AppointmentView]:
            office = self._office(session, actor)
            found = session.execute(
                select(Appointment).where(Appointment.office_id == office.id,
                                          Appointment.person_key.like(pattern, escape="\\"))
                .order_by(Appointment.starts_at.desc()).limit(limit)
            ).scalars().all()
            if found:
                self._audit_names(session, actor, "appointment.search", [a.id for a in found])
            return [self._view(session, a, with_names=True) for a in found]

        return self.db.write(work)

    def day(self, actor: Actor, day: date | str, service_code: str | None = None, *,
            with_names: bool = False) -> list[AppointmentView]:
        """The appointments of ``day`` in time order; names only ``with_names`` (then audited)."""
        self.auth.require(actor, "book_appointments", "office", service_code or "")
        when = parse_date(day)

        def work(session: Session) -> list[AppointmentView]:
            office = self._office(session, actor)
            query = select(Appointment).where(
                Appointment.office_id == office.id,
                Appointment.starts_at >= at_local(when, time(0), office.timezone),
                Appointment.starts_at < at_local(when + timedelta(days=1), time(0), office.timezone),
            )
            if service_code:
                query = query.where(Appointment.service_id == self._service(session, office, service_code).id)
            found = session.execute(query.order_by(Appointment.starts_at, Appointment.id)).scalars().all()
            if with_names and found:
                self._audit_names(session, actor, "appointment.day", [a.id for a in found])
            return [self._view(session, a, with_names=with_names) for a in found]

        return self.db.write(work) if with_names else self.db.read(work)

    # -- arrival -----------------------------------------------------------------------------------------------
    def check_in(self, actor: Actor, appointment_id: int) -> CheckIn:
        """The person has arrived: issue their ticket now, in the same transaction.

        On time (``start - early <= now <= start + late``) the ticket has appointment
        priority; early or late it joins the ordinary queue. Only today's booked
        appointments check in. Needs ``book_appointments`` and ``issue``.
        """
        self.auth.require(actor, "book_appointments", "appointment", appointment_id)
        self.auth.require(actor, "issue", "appointment", appointment_id)

        def work(session: Session) -> CheckIn:
            office = self._office(session, actor)
            appointment = self._appointment(session, office, appointment_id)
            now = self.clock.now()
            if appointment.status != "booked":
                raise ConflictError("appointment_wrong_state", id=appointment.id, status=appointment.status,
                                    action="check_in")
            if local_day(appointment.starts_at, office.timezone) != local_day(now, office.timezone):
                raise ConflictError("appointment_other_day", id=appointment.id,
                                    day=local_label(appointment.starts_at, office.timezone)[0])
            service = session.get(Service, appointment.service_id)
            assert service is not None
            calendar = self._calendar(session, service)
            if now < appointment.starts_at - timedelta(minutes=calendar.early_minutes):
                arrival = "early"
            elif now > appointment.starts_at + timedelta(minutes=calendar.late_minutes):
                arrival = "late"
            else:
                arrival = "on_time"
            claimed = session.execute(
                update(Appointment).where(Appointment.id == appointment.id, Appointment.status == "booked")
                .values(status="checked_in", checked_in_at=now, arrival=arrival)
                .returning(Appointment.id).execution_options(synchronize_session=False)
            ).scalar()
            if claimed is None:  # another desk checked the same person in a moment ago
                session.refresh(appointment)
                raise ConflictError("appointment_wrong_state", id=appointment.id, status=appointment.status,
                                    action="check_in")
            ticket = self.queue.issue_ticket_in(
                session, actor, service.code, priority="appointment" if arrival == "on_time" else "ordinary",
                language=appointment.language, needs_mediator=appointment.needs_mediator,
            )
            session.execute(update(Appointment).where(Appointment.id == appointment.id).values(ticket_id=ticket.id)
                            .execution_options(synchronize_session=False))
            session.execute(
                update(MediatorBooking).where(MediatorBooking.appointment_id == appointment.id)
                .values(ticket_id=ticket.id).execution_options(synchronize_session=False)
            )
            sync_convocation(session, appointment.id, "attended", now)
            session.refresh(appointment)
            self.auth.audit_log.record(session, actor.audit, "appointment.checkin", "appointment", appointment.id,
                                       detail={"arrival": arrival, "ticket": ticket.number})
            self._notify(session, appointment, "checkin", now)
            return CheckIn(self._view(session, appointment, with_names=False), ticket, arrival)

        return self.db.write(work)

    def no_show(self, actor: Actor, appointment_id: int) -> AppointmentView:
        """The person of one booked appointment did not come: mark it a no-show now, without waiting for the
        late window that :meth:`mark_no_shows` waits out (the clerk knows). Only once its start time has come
        (``appointment_not_due``: before that, cancel it). Its convocation becomes a no-show too and the
        place stays used, as with :meth:`mark_no_shows`; counted in the reports like those (by status).
        Needs ``book_appointments``; audited (``appointment.no_show``, the id, no names).
        """
        self.auth.require(actor, "book_appointments", "appointment", appointment_id)

        def work(session: Session) -> AppointmentView:
            office = self._office(session, actor)
            appointment = self._appointment(session, office, appointment_id)
            now = self.clock.now()
            if appointment.status == "booked" and appointment.starts_at > now:
                day, at = local_label(appointment.starts_at, office.timezone)
                raise ConflictError("appointment_not_due", id=appointment.id, day=day, time=at)
            done = session.execute(
                update(Appointment).where(Appointment.id == appointment.id, Appointment.status == "booked",
                                          Appointment.starts_at <= now)
                .values(status="no_show", no_show_at=now)
                .returning(Appointment.id).execution_options(synchronize_session=False)
            ).scalar()
            if done is None:
                session.refresh(appointment)
                raise ConflictError("appointment_wrong_state", id=appointment.id, status=appointment.status,
                                    action="no_show")
            sync_convocation(session, appointment.id, "no_show", now)
            session.refresh(appointment)
            self.auth.audit_log.record(session, actor.audit, "appointment.no_show", "appointment", appointment.id,
                                       detail={"count": 1})
            self._notify(session, appointment, "no_show", now)
            return self._view(session, appointment, with_names=False)

        return self.db.write(work)

    def mark_no_shows(self, actor: Actor) -> list[int]:
        """Mark every booked appointment whose window (start + late minutes) has passed as a no-show.

        Their convocations become no-shows too. The slot place stays used (the time
        has gone). Returns the ids marked; safe to run at any time, as often as wanted.
        """
        self.auth.require(actor, "book_appointments", "office", "no_show")

        def work(session: Session) -> list[int]:
            office = self._office(session, actor)
            now = self.clock.now()
            overdue = session.execute(
                select(Appointment.id, Appointment.starts_at, AppointmentCalendar.late_minutes)
                .join(AppointmentCalendar, AppointmentCalendar.service_id == Appointment.service_id)
                .where(Appointment.office_id == office.id, Appointment.status == "booked",
                       Appointment.starts_at < now)
            ).all()
            marked = []
            for appointment_id, starts_at, late in overdue:
                if starts_at + timedelta(minutes=late) >= now:
                    continue
                done = session.execute(
                    update(Appointment).where(Appointment.id == appointment_id, Appointment.status == "booked")
                    .values(status="no_show", no_show_at=now)
                    .returning(Appointment.id).execution_options(synchronize_session=False)
                ).scalar()
                if done is not None:
                    sync_convocation(session, appointment_id, "no_show", now)
                    marked.append(appointment_id)
            if marked:
                self.auth.audit_log.record(session, actor.audit, "appointment.no_show", "office", office.code,
                                           detail={"ids": marked[:200], "count": len(marked)})
                notify(session, Change("appointment", "no_show", office.id, now, {"count": len(marked)}))
            return marked

        return self.db.write(work)

    # -- retention ---------------------------------------------------------------------------------------------
    def purge_personal_data(self, actor: Actor) -> int:
        """Blank names and practice numbers of appointments that ended more than ``retention_days`` ago.

        The rows stay (status, service, times, convocation outcome), so daily and
        no-show counts are kept. Returns how many appointments were purged. Needs
        ``purge_personal_data``; audited.
        """
        self.auth.require(actor, "purge_personal_data", "appointment", "purge")

        def work(session: Session) -> int:
            office = self._office(session, actor)
            now = self.clock.now()
            limit = now - timedelta(days=self.retention_days)
            result = session.execute(
                update(Appointment)
                .where(Appointment.office_id == office.id, Appointment.purged_at.is_(None),
                       Appointment.ends_at < limit)
                .values(person_name=None, practice_number=None, person_key=None, purged_at=now)
                .execution_options(synchronize_session=False)
            )
            # An UPDATE without RETURNING gives a CursorResult; only that one has a row count.
            if not isinstance(result, CursorResult):
                raise TypeError(f"an UPDATE returned {type(result).__name__}, not a CursorResult")
            purged = result.rowcount
            self.auth.audit_log.record(session, actor.audit, "appointment.purge", "office", office.code,
                                       detail={"before": limit.isoformat(), "count": purged,
                                               "retention_days": self.retention_days})
            return int(purged)

        return self.db.write(work)


def hours_text(calendar: CalendarView) -> str:
    """A calendar's weekly hours as one line (``mon 09:00-12:30, tue ...``)."""
    return ", ".join(p.describe() for p in calendar.hours)


def slot_label(slot: SlotView, tz: str) -> str:
    """``HH:MM-HH:MM`` of a slot on the office's wall clock."""
    return f"{local_label(slot.starts_at, tz)[1]}-{local_label(slot.ends_at, tz)[1]}"


__all__ = [
    "AppointmentService",
    "AppointmentView",
    "CalendarView",
    "CheckIn",
    "DaySlots",
    "SlotView",
    "hours_text",
    "person_key",
    "slot_label",
    "sync_convocation",
]
