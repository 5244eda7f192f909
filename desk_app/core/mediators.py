"""Mediators: roster, availability, bookings, the mediator's own agenda, and mediator-gated calling.

* **Roster**: each mediator has languages with a level 1-4, a weekly availability
  pattern in which every period has a mode (in person, phone, video), and
  exceptions (absences, extra periods) on single days.
* **Bookings** hold time, language, mode and desk, for an appointment, a walk-in
  ticket, or a shift (neither: the mediator serves any ticket in that language
  while present). Availability is checked with a clear reason; the *no double
  booking* rule is the database's (exclusion constraint on PostgreSQL, triggers on
  SQLite, see :mod:`desk_app.db.models_booking`): two desks booking the same
  mediator for overlapping times cannot both succeed, and the loser is told who
  holds the time. Without a named mediator the best free one (highest level) is
  chosen.
* **Own view**: a mediator sees only their bookings and only time, language,
  mode, desk and status (:class:`AgendaEntry`), confirms or declines them and
  exports them as iCalendar. A decline is published on the change feed for the
  desk that booked.
* **Queue gate**: :data:`mediator_call_filter` is a
  :data:`~desk_app.core.queue.CallFilter`: a ticket that needs a mediator is
  callable only while a booking in its language (its own or a shift) is under way
  and the mediator is present (in person: marked present; phone/video:
  confirmed), or after a desk's explicit override. :meth:`MediatorService.waiting_for_mediator`
  lists the held-back tickets with the reason, so desks never see a silent skip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, exists, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, local_day, zone
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.queue import LANGUAGES
from desk_app.core.schedule import WeeklyPeriod, at_local, hhmm, local_label, parse_time, parse_weekly
from desk_app.core.validation import clean_choice, clean_code, clean_text, clean_username, parse_date
from desk_app.db.base import UTCDateTime
from desk_app.db.engine import Database
from desk_app.db.feed import Change, notify
from desk_app.db.models import Desk, DeskService, Office, Service, Staff, Ticket
from desk_app.db.models_awareness import AwarenessSession, ReceptionCentre
from desk_app.db.models_booking import (
    ACTIVE_MEDIATOR_BOOKING,
    MEDIATOR_MODES,
    MEDIATOR_OVERLAP_MESSAGE,
    Appointment,
    Mediator,
    MediatorAvailability,
    MediatorBooking,
    MediatorException,
    MediatorLanguage,
    MediatorOverride,
)
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError

#: A booking counts for the queue gate from this long before its start (the mediator arrives a little early).
PRESENT_LEAD = timedelta(minutes=15)
#: Length of a booking for a walk-in ticket when none is given.
DEFAULT_TICKET_MINUTES = 30
#: Statuses of a ticket a mediator may still be booked for.
_OPEN_TICKET = ("waiting", "called", "serving", "parked")


@dataclass(frozen=True)
class MediatorView:
    """A mediator of the roster, for supervisors and booking desks."""

    code: str
    display_name: str
    organisation: str
    username: str | None
    active: bool
    languages: tuple[tuple[str, int], ...]
    availability: tuple[WeeklyPeriod, ...]


@dataclass(frozen=True)
class AgendaEntry:
    """A booking as its mediator sees it: time, language, mode, desk and status, nothing about the user."""

    id: int
    starts_at: datetime
    ends_at: datetime
    language: str
    mode: str
    desk_code: str | None
    status: str
    present: bool
    #: Where the mediator goes when it is not the office: the reception centre of an awareness session.
    place: str | None = None


@dataclass(frozen=True)
class MediatorBookingView:
    """A booking as the booking desk sees it: the agenda entry plus who and what it is for."""

    entry: AgendaEntry
    mediator_code: str
    mediator_name: str
    appointment_id: int | None
    ticket_number: str | None
    decline_reason: str | None


@dataclass(frozen=True)
class MediatorFreeView:
    """Whether one mediator could take a booking, before anything is booked: ``refusal`` says why not."""

    code: str
    display_name: str
    level: int
    refusal: ConflictError | None

    @property
    def free(self) -> bool:
        return self.refusal is None


@dataclass(frozen=True)
class WaitingForMediator:
    """A waiting ticket held back by the gate, and why.

    ``reason``: ``no_language`` (the ticket names none), ``no_booking`` (no mediator booked for it or a
    shift in its language today), ``booked_later`` (from ``next_booking_at``), ``not_present`` (booked now,
    not yet marked present / confirmed).
    """

    ticket_number: str
    service_code: str
    language: str | None
    issued_at: datetime
    reason: str
    next_booking_at: datetime | None
    ticket_id: int | None = None


def clean_levels(languages: Mapping[str, int]) -> dict[str, int]:
    """A mediator's languages (codes the office serves) and levels (1-4), checked; at least one language."""
    if not languages:
        raise ValidationError("required", field="languages")
    levels = {clean_choice(str(lang).strip().lower(), "language", LANGUAGES): level
              for lang, level in languages.items()}
    for level in levels.values():
        if isinstance(level, bool) or level not in (1, 2, 3, 4):
            raise ValidationError("bad_choice", field="level", value=str(level)[:8], allowed="1, 2, 3, 4")
    return levels


# -- the queue gate --------------------------------------------------------------------------------------------
def _shift() -> Any:
    """SQL condition: the booking is a shift at the counter (for no appointment, no ticket, no awareness session).

    A mediator booked for an awareness session in a reception centre (issue 16) is away from the office: that
    booking must never let a ticket in the same language through the gate.
    """
    return and_(MediatorBooking.ticket_id.is_(None), MediatorBooking.appointment_id.is_(None),
                ~exists().where(AwarenessSession.mediator_booking_id == MediatorBooking.id))


def _booking_serves_ticket() -> Any:
    """SQL condition: a mediator booking usable for the correlated ticket (its own booking or a shift)."""
    return or_(MediatorBooking.ticket_id == Ticket.id, _shift())


def _mediator_present() -> Any:
    """SQL condition: the booked mediator is there (in person: marked present; remote: confirmed)."""
    return or_(
        MediatorBooking.present_at.is_not(None),
        and_(MediatorBooking.mode != "in_person", MediatorBooking.status == "confirmed"),
    )


def _mediator_ready(now: Any, present_from: Any) -> Any:
    """SQL condition on ``Ticket``: it needs no mediator, was overridden, or its mediator is there now.

    ``now`` and ``present_from`` (= now + :data:`PRESENT_LEAD`) are values or bind parameters.
    """
    return or_(
        Ticket.needs_mediator.is_(False),
        exists().where(MediatorOverride.ticket_id == Ticket.id),
        exists().where(
            MediatorBooking.office_id == Ticket.office_id,
            MediatorBooking.language == Ticket.language,
            MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING),
            MediatorBooking.starts_at <= present_from,
            MediatorBooking.ends_at > now,
            _booking_serves_ticket(),
            _mediator_present(),
        ),
    )


def mediator_ready(now: datetime) -> Any:
    """SQL condition on ``Ticket``: it needs no mediator, was overridden, or its mediator is there at ``now``."""
    return _mediator_ready(now, now + PRESENT_LEAD)


class MediatorCallFilter:
    """:class:`~desk_app.core.queue.CallFilter` holding back tickets whose mediator is not there yet.

    The condition is built once with bind parameters (call-next's statement is
    built once per queue service); :meth:`params` fills them for each call.
    """

    def condition(self) -> Any:
        return _mediator_ready(bindparam("mediator_now", type_=UTCDateTime()),
                               bindparam("mediator_present_from", type_=UTCDateTime()))

    def params(self, now: datetime) -> dict[str, Any]:
        return {"mediator_now": now, "mediator_present_from": now + PRESENT_LEAD}


mediator_call_filter = MediatorCallFilter()


def _overlap(exc: IntegrityError) -> bool:
    """True when the database refused a booking because the mediator is already booked then."""
    orig = exc.orig
    return getattr(orig, "sqlstate", None) == "23P01" or MEDIATOR_OVERLAP_MESSAGE in str(orig)


class MediatorService:
    """Roster, bookings and agendas of the mediators of one office."""

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None = None,
                 office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code

    # -- helpers -----------------------------------------------------------------------------------------------
    def _office(self, session: Session, actor: Actor) -> Office:
        return self.auth.office_for(session, actor, self.office_code)

    @staticmethod
    def _mediator(session: Session, office: Office, code: str) -> Mediator:
        mediator = session.execute(
            select(Mediator).where(Mediator.office_id == office.id, Mediator.code == clean_code(code, "mediator"))
        ).scalar()
        if mediator is None:
            raise NotFoundError("unknown_mediator", value=code)
        return mediator

    @staticmethod
    def _own_mediator(session: Session, office: Office, actor: Actor) -> Mediator:
        mediator = session.execute(
            select(Mediator).where(Mediator.office_id == office.id, Mediator.staff_id == actor.staff_id,
                                   Mediator.staff_id.is_not(None))
        ).scalar()
        if mediator is None:
            raise NotFoundError("not_a_mediator", value=actor.username)
        return mediator

    @staticmethod
    def _booking(session: Session, office: Office, booking_id: int) -> MediatorBooking:
        booking = session.get(MediatorBooking, booking_id)
        if booking is None or booking.office_id != office.id:
            raise NotFoundError("unknown_mediator_booking", value=str(booking_id))
        return booking

    @staticmethod
    def _ticket(session: Session, office: Office, ref: int | str, now: datetime) -> Ticket:
        if isinstance(ref, int):
            ticket = session.get(Ticket, ref)
        else:
            ticket = session.execute(
                select(Ticket).where(Ticket.office_id == office.id, Ticket.day == local_day(now, office.timezone),
                                     Ticket.number == clean_text(ref, "ticket", 8).upper())
                .order_by(Ticket.id.desc()).limit(1)
            ).scalar()
        if ticket is None or ticket.office_id != office.id:
            raise NotFoundError("unknown_ticket", value=str(ref))
        return ticket

    @staticmethod
    def _entry(session: Session, booking: MediatorBooking) -> AgendaEntry:
        desk_code = session.execute(select(Desk.code).where(Desk.id == booking.desk_id)).scalar() \
            if booking.desk_id else None
        place = session.execute(
            select(ReceptionCentre.name).join(AwarenessSession, AwarenessSession.centre_id == ReceptionCentre.id)
            .where(AwarenessSession.mediator_booking_id == booking.id)).scalar() if desk_code is None else None
        return AgendaEntry(booking.id, booking.starts_at, booking.ends_at, booking.language, booking.mode, desk_code,
                           booking.status, booking.present_at is not None, place)

    def _booking_view(self, session: Session, booking: MediatorBooking) -> MediatorBookingView:
        mediator = session.get(Mediator, booking.mediator_id)
        assert mediator is not None
        ticket_number = session.execute(select(Ticket.number).where(Ticket.id == booking.ticket_id)).scalar() \
            if booking.ticket_id else None
        return MediatorBookingView(self._entry(session, booking), mediator.code, mediator.display_name,
                                   booking.appointment_id, ticket_number, booking.decline_reason)

    @staticmethod
    def _mediator_view(session: Session, mediator: Mediator) -> MediatorView:
        languages = session.execute(
            select(MediatorLanguage.language, MediatorLanguage.level)
            .where(MediatorLanguage.mediator_id == mediator.id).order_by(MediatorLanguage.language)
        ).all()
        periods = session.execute(
            select(MediatorAvailability).where(MediatorAvailability.mediator_id == mediator.id)
            .order_by(MediatorAvailability.weekday, MediatorAvailability.starts)
        ).scalars()
        username = session.execute(select(Staff.username).where(Staff.id == mediator.staff_id)).scalar() \
            if mediator.staff_id else None
        return MediatorView(mediator.code, mediator.display_name, mediator.organisation, username, mediator.active,
                            tuple((lang, level) for lang, level in languages),
                            tuple(WeeklyPeriod(p.weekday, p.starts, p.ends, p.mode) for p in periods))

    # -- roster ------------------------------------------------------------------------------------------------
    def add_mediator(self, actor: Actor, code: str, display_name: str, languages: Mapping[str, int], *,
                     organisation: str = "", username: str | None = None) -> MediatorView:
        """Put a mediator on the roster with their languages and levels (1-4). Needs ``manage_mediators``.

        ``username``: their login (role ``mediator``), so they can see their own agenda.
        """
        self.auth.require(actor, "manage_mediators", "mediator", code)
        mediator_code = clean_code(code, "mediator")
        name = clean_text(display_name, "display_name", 80)
        org = clean_text(organisation, "organisation", 120, required=False)
        levels = clean_levels(languages)
        login = clean_username(username) if username else None

        def work(session: Session) -> MediatorView:
            office = self._office(session, actor)
            staff_id = None
            if login is not None:
                staff = session.execute(select(Staff).where(Staff.username == login)).scalar()
                if staff is None or staff.role != "mediator":
                    raise NotFoundError("not_a_mediator", value=login)
                staff_id = staff.id
            mediator = Mediator(office_id=office.id, code=mediator_code, display_name=name, organisation=org,
                                staff_id=staff_id, active=True)
            try:
                with session.begin_nested():
                    session.add(mediator)
                    session.flush()
            except IntegrityError as exc:
                raise ConflictError("duplicate", kind="mediator", value=mediator_code) from exc
            session.add_all(MediatorLanguage(mediator_id=mediator.id, language=lang, level=level)
                            for lang, level in levels.items())
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "mediator.add", "mediator", mediator_code,
                                       detail={"languages": levels, "username": login})
            return self._mediator_view(session, mediator)

        return self.db.write(work)

    def set_availability(self, actor: Actor, code: str, pattern: str) -> MediatorView:
        """Replace the weekly pattern, e.g. ``"mon-fri 09:00-13:00 in_person; tue 14:00-16:00 phone"``."""
        self.auth.require(actor, "manage_mediators", "mediator", code)
        periods = parse_weekly(pattern, MEDIATOR_MODES)

        def work(session: Session) -> MediatorView:
            mediator = self._mediator(session, self._office(session, actor), code)
            session.execute(delete(MediatorAvailability).where(MediatorAvailability.mediator_id == mediator.id))
            session.add_all(MediatorAvailability(mediator_id=mediator.id, weekday=p.weekday, starts=p.start,
                                                 ends=p.end, mode=p.mode) for p in periods)
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "mediator.availability", "mediator", mediator.code,
                                       detail={"pattern": [p.describe() for p in periods]})
            return self._mediator_view(session, mediator)

        return self.db.write(work)

    def set_languages(self, actor: Actor, code: str, languages: Mapping[str, int]) -> MediatorView:
        """Replace the mediator's languages and levels (1-4), e.g. ``{"ar": 4, "fr": 2}`` (issue 12). Needs
        ``manage_mediators``.

        Checked first (:func:`clean_levels`), then replaced in one transaction with one audit event listing the
        languages before and after. Bookings already made stay as they are; new bookings follow the new list.
        """
        self.auth.require(actor, "manage_mediators", "mediator", code)
        levels = clean_levels(languages)

        def work(session: Session) -> MediatorView:
            mediator = self._mediator(session, self._office(session, actor), code)
            before = {lang: level for lang, level in session.execute(
                select(MediatorLanguage.language, MediatorLanguage.level)
                .where(MediatorLanguage.mediator_id == mediator.id))}
            session.execute(delete(MediatorLanguage).where(MediatorLanguage.mediator_id == mediator.id))
            session.add_all(MediatorLanguage(mediator_id=mediator.id, language=lang, level=level)
                            for lang, level in levels.items())
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "mediator.languages", "mediator", mediator.code,
                                       detail={"before": before, "languages": levels})
            return self._mediator_view(session, mediator)

        return self.db.write(work)

    def add_exception(self, actor: Actor, code: str, day: date | str, *, available: bool,
                      starts: str | time | None = None, ends: str | time | None = None, mode: str | None = None,
                      reason: str = "") -> None:
        """An absence (``available=False``; whole day without times) or an extra period (with times and mode)."""
        self.auth.require(actor, "manage_mediators", "mediator", code)
        when = parse_date(day)
        start = parse_time(starts) if starts is not None else None
        end = parse_time(ends) if ends is not None else None
        if (start is None) != (end is None) or (available and start is None):
            raise ValidationError("required", field="starts/ends")
        if start is not None and end is not None and end <= start:
            raise ValidationError("bad_period", start=hhmm(start), end=hhmm(end))
        how = clean_choice(mode, "mode", MEDIATOR_MODES) if available or mode else None
        why = clean_text(reason, "reason", 200, required=False)

        def work(session: Session) -> None:
            mediator = self._mediator(session, self._office(session, actor), code)
            session.add(MediatorException(mediator_id=mediator.id, day=when, available=available, starts=start,
                                          ends=end, mode=how, reason=why))
            self.auth.audit_log.record(session, actor.audit, "mediator.exception", "mediator", mediator.code,
                                       detail={"day": when.isoformat(), "available": available})

        self.db.write(work)

    def roster(self, actor: Actor, language: str | None = None) -> list[MediatorView]:
        """Active mediators (those working in ``language`` when given), best level first."""
        self.auth.require(actor, "book_mediators", "mediator")

        def work(session: Session) -> list[MediatorView]:
            office = self._office(session, actor)
            query = select(Mediator).where(Mediator.office_id == office.id, Mediator.active.is_(True))
            if language:
                query = query.join(MediatorLanguage, MediatorLanguage.mediator_id == Mediator.id).where(
                    MediatorLanguage.language == language).order_by(MediatorLanguage.level.desc())
            return [self._mediator_view(session, m) for m in session.execute(query.order_by(Mediator.code)).scalars()]

        return self.db.read(work)

    # -- availability ------------------------------------------------------------------------------------------
    @staticmethod
    def _windows_on(session: Session, mediator: Mediator, day: date) -> tuple[list[WeeklyPeriod], str | None]:
        """The periods the mediator works on ``day`` after exceptions, and the reason of a whole-day absence."""
        exceptions = session.execute(
            select(MediatorException).where(MediatorException.mediator_id == mediator.id,
                                            MediatorException.day == day).order_by(MediatorException.id)
        ).scalars().all()
        for absence in exceptions:
            if not absence.available and absence.starts is None:
                return [], absence.reason or "-"
        periods = [WeeklyPeriod(day.weekday(), a.starts, a.ends, a.mode) for a in session.execute(
            select(MediatorAvailability).where(MediatorAvailability.mediator_id == mediator.id,
                                               MediatorAvailability.weekday == day.weekday())
        ).scalars()]
        periods += [WeeklyPeriod(day.weekday(), e.starts, e.ends, e.mode)  # type: ignore[arg-type]
                    for e in exceptions if e.available]
        for absence in (e for e in exceptions if not e.available):
            assert absence.starts is not None and absence.ends is not None
            cut: list[WeeklyPeriod] = []
            for p in periods:  # keep what lies outside the absence
                if p.start < absence.starts:
                    cut.append(WeeklyPeriod(p.weekday, p.start, min(p.end, absence.starts), p.mode))
                if p.end > absence.ends:
                    cut.append(WeeklyPeriod(p.weekday, max(p.start, absence.ends), p.end, p.mode))
            periods = cut
        return sorted(periods, key=lambda p: p.start), None

    def _refusal(self, session: Session, office: Office, mediator: Mediator, language: str, mode: str,
                 starts_at: datetime, ends_at: datetime) -> ConflictError | None:
        """Why ``mediator`` cannot take this booking (language, absence, outside availability), or ``None``."""
        level = session.execute(
            select(MediatorLanguage.level).where(MediatorLanguage.mediator_id == mediator.id,
                                                 MediatorLanguage.language == language)
        ).scalar()
        if level is None or not mediator.active:
            return ConflictError("mediator_no_language", mediator=mediator.code, language=language)
        local_start, local_end = starts_at.astimezone(zone(office.timezone)), ends_at.astimezone(zone(office.timezone))
        day = local_start.date()
        periods, absent = self._windows_on(session, mediator, day)
        if absent is not None:
            return ConflictError("mediator_absent", mediator=mediator.code, day=day.isoformat(), reason=absent)
        fits = any(p.mode == mode and p.start <= local_start.time() and local_end.time() <= p.end
                   and local_end.date() == day for p in periods)
        if fits:
            return None
        return ConflictError("mediator_unavailable", mediator=mediator.code, day=day.isoformat(),
                             start=hhmm(local_start), end=hhmm(local_end), mode=mode,
                             windows=tuple((hhmm(p.start), hhmm(p.end), p.mode) for p in periods))

    def _busy(self, session: Session, office: Office, mediator: Mediator, starts_at: datetime,
              ends_at: datetime) -> ConflictError:
        """The refusal after the database said the mediator is already booked, naming the booking in the way."""
        other = session.execute(
            select(MediatorBooking.starts_at, MediatorBooking.ends_at).where(
                MediatorBooking.mediator_id == mediator.id, MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING),
                MediatorBooking.starts_at < ends_at, MediatorBooking.ends_at > starts_at,
            ).order_by(MediatorBooking.starts_at).limit(1)
        ).first()
        first, last = other if other is not None else (starts_at, ends_at)
        return ConflictError("mediator_busy", mediator=mediator.code, day=local_label(first, office.timezone)[0],
                             start=local_label(first, office.timezone)[1], end=local_label(last, office.timezone)[1])

    def who_is_free(self, actor: Actor, language: str, starts_at: datetime, ends_at: datetime,
                    mode: str = "in_person") -> list[MediatorFreeView]:
        """Each mediator of ``language`` and whether they could be booked then in ``mode`` (best level first).

        A preview that writes nothing, so a desk can show who can come before saving an appointment;
        :meth:`book` checks again (and the database decides a race). Needs ``book_mediators``.
        """
        self.auth.require(actor, "book_mediators", "mediator", language)
        how = clean_choice(mode, "mode", MEDIATOR_MODES)
        lang = clean_choice((language or "").strip().lower(), "language", LANGUAGES)
        for moment in (starts_at, ends_at):
            if moment.tzinfo is None:
                raise ValidationError("bad_date", value=moment.isoformat())

        def work(session: Session) -> list[MediatorFreeView]:
            office = self._office(session, actor)
            rows = session.execute(
                select(Mediator, MediatorLanguage.level).join(MediatorLanguage,
                                                              MediatorLanguage.mediator_id == Mediator.id)
                .where(Mediator.office_id == office.id, Mediator.active.is_(True), MediatorLanguage.language == lang)
                .order_by(MediatorLanguage.level.desc(), Mediator.code)
            ).all()
            busy = set(session.execute(
                select(MediatorBooking.mediator_id).where(
                    MediatorBooking.mediator_id.in_([m.id for m, _ in rows]),
                    MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING),
                    MediatorBooking.starts_at < ends_at, MediatorBooking.ends_at > starts_at)
            ).scalars())
            return [MediatorFreeView(
                mediator.code, mediator.display_name, level,
                self._busy(session, office, mediator, starts_at, ends_at) if mediator.id in busy
                else self._refusal(session, office, mediator, lang, how, starts_at, ends_at))
                for mediator, level in rows]

        return self.db.read(work)

    # -- booking -----------------------------------------------------------------------------------------------
    def book(self, actor: Actor, language: str | None = None, starts_at: datetime | None = None,
             ends_at: datetime | None = None, *, mode: str = "in_person", desk_code: str | None = None,
             mediator_code: str | None = None, appointment_id: int | None = None,
             ticket: int | str | None = None) -> MediatorBookingView:
        """Book a mediator for an appointment, a walk-in ticket, or a shift (neither given).

        Times default to the appointment's slot, or for a ticket to now and
        :data:`DEFAULT_TICKET_MINUTES`; the language defaults to theirs. With
        ``mediator_code`` that mediator or a clear refusal (``mediator_no_language``,
        ``mediator_absent``, ``mediator_unavailable``, ``mediator_busy``); without it
        the free mediator with the best level, or ``no_mediator_free`` listing why
        each one could not. Needs ``book_mediators``.
        """
        return self.db.write(lambda session: self.book_in(
            session, actor, language, starts_at, ends_at, mode=mode, desk_code=desk_code,
            mediator_code=mediator_code, appointment_id=appointment_id, ticket=ticket))

    def book_in(self, session: Session, actor: Actor, language: str | None = None,
                starts_at: datetime | None = None, ends_at: datetime | None = None, *, mode: str = "in_person",
                desk_code: str | None = None, mediator_code: str | None = None,
                appointment_id: int | None = None, ticket: int | str | None = None) -> MediatorBookingView:
        """:meth:`book` inside the caller's write transaction: an awareness session books its mediator in the
        same transaction that plans it (:mod:`desk_app.core.awareness`), so both or neither are stored."""
        self.auth.require(actor, "book_mediators", "mediator", mediator_code or "", session=session)
        how = clean_choice(mode, "mode", MEDIATOR_MODES)
        if appointment_id is not None and ticket is not None:
            raise ValidationError("bad_choice", field="appointment/ticket", value="both", allowed="one")
        for moment in (starts_at, ends_at):
            if moment is not None and moment.tzinfo is None:
                raise ValidationError("bad_date", value=moment.isoformat())
        office = self._office(session, actor)
        now = self.clock.now()
        start, end, lang = starts_at, ends_at, language
        ticket_row = None
        if appointment_id is not None:
            appointment = session.get(Appointment, appointment_id)
            if appointment is None or appointment.office_id != office.id:
                raise NotFoundError("unknown_appointment", value=str(appointment_id))
            if appointment.status not in ("booked", "checked_in"):
                raise ConflictError("appointment_wrong_state", id=appointment.id, status=appointment.status,
                                    action="book_mediators")
            start, end = start or appointment.starts_at, end or appointment.ends_at
            lang = lang or appointment.language
        elif ticket is not None:
            ticket_row = self._ticket(session, office, ticket, now)
            if ticket_row.status not in _OPEN_TICKET:
                raise ConflictError("ticket_wrong_state", number=ticket_row.number, status=ticket_row.status,
                                    action="book_mediators")
            start = start or now
            end = end or start + timedelta(minutes=DEFAULT_TICKET_MINUTES)
            lang = lang or ticket_row.language
        if start is None or end is None:
            raise ValidationError("required", field="starts/ends")
        if lang is None:
            raise ValidationError("required", field="language")
        lang = clean_choice(lang.strip().lower(), "language", LANGUAGES)
        if end <= start:
            raise ValidationError("bad_period", start=local_label(start, office.timezone)[1],
                                  end=local_label(end, office.timezone)[1])
        desk = None
        if desk_code:
            desk = session.execute(select(Desk).where(Desk.office_id == office.id,
                                                      Desk.code == clean_code(desk_code, "desk"))).scalar()
            if desk is None:
                raise NotFoundError("unknown_desk", value=desk_code)
        if mediator_code:
            candidates = [self._mediator(session, office, mediator_code)]
        else:
            candidates = list(session.execute(
                select(Mediator).join(MediatorLanguage, MediatorLanguage.mediator_id == Mediator.id)
                .where(Mediator.office_id == office.id, Mediator.active.is_(True),
                       MediatorLanguage.language == lang)
                .order_by(MediatorLanguage.level.desc(), Mediator.code)
            ).scalars())
        # Skips the mediators already booked then without trying an insert each (a busy day would try
        # them all); the exclusion constraint / trigger still decides any race with a concurrent booking.
        busy = set(session.execute(
            select(MediatorBooking.mediator_id).where(
                MediatorBooking.mediator_id.in_([m.id for m in candidates]),
                MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING),
                MediatorBooking.starts_at < end, MediatorBooking.ends_at > start)
        ).scalars())
        refusals: list[tuple[Mediator, ConflictError]] = []
        for mediator in candidates:
            refusal = self._busy(session, office, mediator, start, end) if mediator.id in busy else \
                self._refusal(session, office, mediator, lang, how, start, end)
            if refusal is None:
                booking = MediatorBooking(
                    office_id=office.id, mediator_id=mediator.id, language=lang, mode=how, starts_at=start,
                    ends_at=end, status="booked", desk_id=desk.id if desk else None,
                    appointment_id=appointment_id, ticket_id=ticket_row.id if ticket_row else None,
                    booked_by=actor.staff_id, booked_at=now,
                )
                try:
                    with session.begin_nested():
                        # WORKAROUND: two transactions inserting overlapping rows under a PostgreSQL exclusion
                        # constraint can each wait for the other's uncommitted row while checking it and
                        # deadlock (40P01; measured here: 8 clients exhausted the write retries), where a
                        # unique index would wait and then report the violation. Locking the mediator's row
                        # first makes them queue: the second then sees the first's booking and gets a clean
                        # exclusion violation. The lock goes with the savepoint if this mediator is busy.
                        session.execute(select(Mediator.id).where(Mediator.id == mediator.id).with_for_update())
                        session.add(booking)
                        session.flush()
                except IntegrityError as exc:
                    if not _overlap(exc):
                        raise
                    refusal = self._busy(session, office, mediator, start, end)
                else:
                    self.auth.audit_log.record(session, actor.audit, "mediator.book", "mediator_booking",
                                               booking.id, detail={"mediator": mediator.code})
                    notify(session, Change("mediator_booking", "booked", office.id, now,
                                           {"booking": booking.id, "mediator": mediator.code}))
                    return self._booking_view(session, booking)
            refusals.append((mediator, refusal))
        if mediator_code:
            raise refusals[0][1]
        day, first = local_label(start, office.timezone)
        raise ConflictError("no_mediator_free", language=lang, day=day, start=first,
                            end=local_label(end, office.timezone)[1], mode=how,
                            reasons=tuple((m.code, r) for m, r in refusals))

    def cancel_booking(self, actor: Actor, booking_id: int) -> MediatorBookingView:
        """The office no longer needs the mediator; the change feed tells the desks. Needs ``book_mediators``."""
        self.auth.require(actor, "book_mediators", "mediator_booking", booking_id)
        return self._respond(actor, booking_id, "cancel", ACTIVE_MEDIATOR_BOOKING, {"status": "cancelled"},
                             own=False)

    # -- the mediator's own bookings ---------------------------------------------------------------------------
    def _respond(self, actor: Actor, booking_id: int, action: str, from_statuses: Sequence[str],
                 values: dict[str, Any], *, own: bool, reason: str | None = None) -> MediatorBookingView:
        """Move a booking from ``from_statuses`` with a conditional UPDATE; ``own``: only its mediator may.

        A mediator touching another mediator's booking is refused and the attempt is audited.
        """

        def work(session: Session) -> MediatorBookingView:
            office = self._office(session, actor)
            booking = self._booking(session, office, booking_id)
            if own and booking.mediator_id != self._own_mediator(session, office, actor).id:
                raise PermissionDeniedError("not_own_booking", id=booking_id)
            now = self.clock.now()
            changed = session.execute(
                update(MediatorBooking)
                .where(MediatorBooking.id == booking.id, MediatorBooking.status.in_(tuple(from_statuses)))
                .values(responded_at=now, **values)
                .returning(MediatorBooking.id).execution_options(synchronize_session=False)
            ).scalar()
            session.refresh(booking)
            if changed is None:
                raise ConflictError("mediator_booking_wrong_state", id=booking.id, status=booking.status,
                                    action=action)
            self.auth.audit_log.record(session, actor.audit, f"mediator.{action}", "mediator_booking", booking.id)
            entry = self._entry(session, booking)
            booked_by = session.execute(select(Staff.username).where(Staff.id == booking.booked_by)).scalar() \
                if booking.booked_by else None
            notify(session, Change("mediator_booking", "present" if action == "mark_present" else booking.status,
                                   office.id, now, {
                                       "booking": booking.id, "desk": entry.desk_code, "language": entry.language,
                                       "starts_at": entry.starts_at.isoformat(), "booked_by": booked_by,
                                       "reason": reason,
                                   }))
            return self._booking_view(session, booking)

        try:
            return self.db.write(work)
        except PermissionDeniedError:
            self.auth.audit_log.record_now(actor.audit, f"denied:mediator.{action}", "mediator_booking", booking_id,
                                           outcome="denied")
            raise

    def confirm(self, actor: Actor, booking_id: int) -> AgendaEntry:
        """The mediator confirms one of their bookings. Needs ``own_bookings``; only their own."""
        self.auth.require(actor, "own_bookings", "mediator_booking", booking_id)
        return self._respond(actor, booking_id, "confirm", ("booked",), {"status": "confirmed"}, own=True).entry

    def decline(self, actor: Actor, booking_id: int, reason: str) -> AgendaEntry:
        """The mediator declines one of their bookings with a reason; the booking desk is told on the change feed."""
        self.auth.require(actor, "own_bookings", "mediator_booking", booking_id)
        why = clean_text(reason, "reason", 200)
        return self._respond(actor, booking_id, "decline", ACTIVE_MEDIATOR_BOOKING,
                             {"status": "declined", "decline_reason": why}, own=True, reason=why).entry

    def mark_present(self, actor: Actor, booking_id: int) -> AgendaEntry:
        """The mediator has arrived (the mediator themselves, or a desk that books mediators)."""
        own = not actor.can("book_mediators")
        self.auth.require(actor, "own_bookings" if own else "book_mediators", "mediator_booking", booking_id)
        return self._respond(actor, booking_id, "mark_present", ACTIVE_MEDIATOR_BOOKING,
                             {"present_at": self.clock.now()}, own=own).entry

    def _range(self, office: Office, start: date | str, end: date | str) -> tuple[datetime, datetime]:
        first, last = parse_date(start), parse_date(end)
        if first > last:
            raise ValidationError("bad_range", start=first.isoformat(), end=last.isoformat())
        return at_local(first, time(0), office.timezone), at_local(last + timedelta(days=1), time(0), office.timezone)

    def my_agenda(self, actor: Actor, start: date | str, end: date | str) -> list[AgendaEntry]:
        """The acting mediator's bookings from ``start`` to ``end`` (local days, inclusive), in time order.

        Only time, language, mode, desk and status: never the user or the case.
        Needs ``own_bookings``.
        """
        self.auth.require(actor, "own_bookings", "mediator_booking", "agenda")

        def work(session: Session) -> list[AgendaEntry]:
            office = self._office(session, actor)
            mediator = self._own_mediator(session, office, actor)
            return [self._entry(session, b) for b in self._bookings(session, office, mediator, start, end)]

        return self.db.read(work)

    def agenda(self, actor: Actor, mediator_code: str, start: date | str, end: date | str
               ) -> list[MediatorBookingView]:
        """A mediator's bookings as the booking desks see them. Needs ``book_mediators``."""
        self.auth.require(actor, "book_mediators", "mediator", mediator_code)

        def work(session: Session) -> list[MediatorBookingView]:
            office = self._office(session, actor)
            mediator = self._mediator(session, office, mediator_code)
            return [self._booking_view(session, b) for b in self._bookings(session, office, mediator, start, end)]

        return self.db.read(work)

    def _bookings(self, session: Session, office: Office, mediator: Mediator, start: date | str, end: date | str
                  ) -> Sequence[MediatorBooking]:
        first, last = self._range(office, start, end)
        return session.execute(
            select(MediatorBooking).where(MediatorBooking.mediator_id == mediator.id,
                                          MediatorBooking.starts_at < last, MediatorBooking.ends_at > first)
            .order_by(MediatorBooking.starts_at, MediatorBooking.id)
        ).scalars().all()

    def my_agenda_ics(self, actor: Actor, start: date | str, end: date | str) -> bytes:
        """The acting mediator's bookings as an iCalendar file (see :func:`agenda_to_ics`)."""
        entries = self.my_agenda(actor, start, end)
        return self._ics(actor, entries)

    def agenda_ics(self, actor: Actor, mediator_code: str, start: date | str, end: date | str) -> bytes:
        """A mediator's bookings as an iCalendar file, for the desk that sends it to them."""
        entries = [view.entry for view in self.agenda(actor, mediator_code, start, end)]
        return self._ics(actor, entries)

    def _ics(self, actor: Actor, entries: Sequence[AgendaEntry]) -> bytes:
        office = self.db.read(lambda session: self._office(session, actor))
        return agenda_to_ics(entries, office_code=office.code, office_name=office.name, tz=office.timezone,
                             stamp=self.clock.now())

    # -- the queue ---------------------------------------------------------------------------------------------
    def override(self, actor: Actor, ticket: int | str, reason: str) -> None:
        """A desk decides to call a ticket that needs a mediator without one (e.g. the user brought someone).

        Needs ``serve_queue``; audited; the queue views refresh through the change feed.
        """
        self.auth.require(actor, "serve_queue", "ticket", str(ticket))
        why = clean_text(reason, "reason", 200)

        def work(session: Session) -> None:
            office = self._office(session, actor)
            now = self.clock.now()
            row = self._ticket(session, office, ticket, now)
            if not row.needs_mediator:
                raise ConflictError("ticket_no_mediator", number=row.number)
            if session.get(MediatorOverride, row.id) is None:
                session.add(MediatorOverride(ticket_id=row.id, office_id=office.id, staff_id=actor.staff_id, at=now,
                                             reason=why))
                session.flush()
            self.auth.audit_log.record(session, actor.audit, "mediator.override", "ticket", row.number,
                                       detail={"reason": why})
            notify(session, Change("ticket", "mediator_override", office.id, now,
                                   {"ticket": row.id, "number": row.number}))

        self.db.write(work)

    def ticket_bookings(self, actor: Actor, ticket: int | str) -> list[MediatorBookingView]:
        """The active bookings that can serve ``ticket`` today: its own and the shifts in its language.

        What a desk needs to mark the mediator present for a held ticket, in time order. Needs
        ``book_mediators``.
        """
        self.auth.require(actor, "book_mediators", "ticket", str(ticket))

        def work(session: Session) -> list[MediatorBookingView]:
            office = self._office(session, actor)
            now = self.clock.now()
            row = self._ticket(session, office, ticket, now)
            if row.language is None:
                return []
            day_end = at_local(local_day(now, office.timezone) + timedelta(days=1), time(0), office.timezone)
            bookings = session.execute(
                select(MediatorBooking).where(
                    MediatorBooking.office_id == office.id, MediatorBooking.language == row.language,
                    MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING), MediatorBooking.ends_at > now,
                    MediatorBooking.starts_at < day_end,
                    or_(MediatorBooking.ticket_id == row.id, _shift()),
                ).order_by(MediatorBooking.starts_at, MediatorBooking.id)
            ).scalars().all()
            return [self._booking_view(session, b) for b in bookings]

        return self.db.read(work)

    def waiting_for_mediator(self, actor: Actor, desk_code: str | None = None) -> list[WaitingForMediator]:
        """Today's waiting tickets the gate holds back, oldest first, each with the reason.

        One statement however many tickets are held (the reason's booking is a correlated subquery), plus the
        desk's lookup when ``desk_code`` is given: the desks re-read it on every change of the queue.
        """
        self.auth.require(actor, "view_queue", "desk", desk_code or "")

        def work(session: Session) -> list[WaitingForMediator]:
            office = self._office(session, actor)
            now = self.clock.now()
            today = local_day(now, office.timezone)
            # The first booking that could serve each ticket (its own, or one for nobody in particular, of its
            # language, not over, today), as a correlated subquery: one statement for every held ticket.
            first_booking = (
                select(MediatorBooking.starts_at).where(
                    MediatorBooking.office_id == office.id, MediatorBooking.language == Ticket.language,
                    MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING), MediatorBooking.ends_at > now,
                    MediatorBooking.starts_at < at_local(today + timedelta(days=1), time(0), office.timezone),
                    or_(MediatorBooking.ticket_id == Ticket.id, _shift()),
                ).order_by(MediatorBooking.starts_at).limit(1).correlate(Ticket).scalar_subquery()
            )
            query = (
                select(Ticket.id, Ticket.number, Ticket.language, Ticket.issued_at, Service.code, first_booking)
                .join(Service, Service.id == Ticket.service_id)
                .where(Ticket.office_id == office.id, Ticket.day == today,
                       Ticket.status == "waiting", ~mediator_ready(now))
            )
            if desk_code:
                desk = session.execute(select(Desk).where(Desk.office_id == office.id,
                                                          Desk.code == clean_code(desk_code, "desk"))).scalar()
                if desk is None:
                    raise NotFoundError("unknown_desk", value=desk_code)
                query = query.where(Ticket.service_id.in_(
                    select(DeskService.service_id).where(DeskService.desk_id == desk.id)))
            result = []
            for ticket_id, number, language, issued_at, service_code, starts_at in session.execute(
                    query.order_by(Ticket.sort_key, Ticket.id)).all():
                reason, next_at = "no_language", None
                if language is not None:
                    if starts_at is None:
                        reason = "no_booking"
                    elif starts_at > now + PRESENT_LEAD:
                        reason, next_at = "booked_later", starts_at
                    else:
                        reason, next_at = "not_present", starts_at
                result.append(WaitingForMediator(number, service_code, language, issued_at, reason, next_at,
                                                 ticket_id))
            return result

        return self.db.read(work)


_ICS_STATUS = {"booked": "TENTATIVE", "confirmed": "CONFIRMED", "declined": "CANCELLED", "cancelled": "CANCELLED"}


def agenda_to_ics(entries: Sequence[AgendaEntry], *, office_code: str, office_name: str, tz: str,
                  stamp: datetime) -> bytes:
    """An iCalendar feed with one event per booking, in the office's time zone (with its VTIMEZONE).

    UIDs are stable per booking, so importing a newer file updates the events;
    declined and cancelled bookings stay in as ``STATUS:CANCELLED`` for the same
    reason. Nothing about the user is written: language, mode and desk only.
    """
    from icalendar import Calendar, Event  # only needed when exporting

    calendar = Calendar()
    calendar.add("prodid", "-//Sportello//Mediator agenda//IT")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Sportello {office_code} - mediazione")
    calendar.add("x-wr-timezone", tz)
    local = zone(tz)
    from desk_app.core.names import language_name, mode_name

    for entry in entries:
        # the mediator reads the language and the mode by name («Arabo», «in presenza»), not as codes
        language, mode = language_name(entry.language, "it"), mode_name(entry.mode, "it")
        event = Event()
        event.add("uid", f"mediator-booking-{entry.id}@{office_code.lower()}.sportello")
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", entry.starts_at.astimezone(local))
        event.add("dtend", entry.ends_at.astimezone(local))
        desk = f" - sportello {entry.desk_code}" if entry.desk_code else ""
        if entry.place:  # an awareness session in a reception centre, not the counter
            event.add("summary", f"Incontro di sensibilizzazione ({language}) - {entry.place}")
            event.add("location", entry.place)
        else:
            event.add("summary", f"Mediazione ({language}){desk}")
            event.add("location", office_name + (f", sportello {entry.desk_code}" if entry.desk_code else ""))
        event.add("description", f"lingua: {language}; modalità: {mode}")
        event.add("status", _ICS_STATUS[entry.status])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    for timezone in calendar.walk("VTIMEZONE"):  # icalendar's English note on its range: not for the mediator
        timezone.pop("COMMENT", None)
    return calendar.to_ical()


__all__ = [
    "DEFAULT_TICKET_MINUTES",
    "PRESENT_LEAD",
    "AgendaEntry",
    "MediatorBookingView",
    "MediatorFreeView",
    "MediatorService",
    "MediatorView",
    "WaitingForMediator",
    "agenda_to_ics",
    "mediator_call_filter",
    "mediator_ready",
]
