"""Awareness sessions on labour exploitation in the reception centres (CAS) (issue 16, items 4-5).

A supervisor (or admin) keeps the list of reception centres, plans a session at one of them for one
language group with the anti-trafficking operator who holds it, and books a mediator for it **through the
mediator roster** (:meth:`MediatorService.book_in <desk_app.core.mediators.MediatorService.book_in>`, in the
same transaction): the roster's no-double-booking rule (the database's exclusion constraint or triggers)
then holds between counter bookings and sessions alike, and the mediator sees the session, with the
centre's name, in their own agenda. After the session the attendance is recorded **as counts** per sex and
age band, with the number of people referred to the anti-trafficking service: no guest is ever named.

Monthly and project-period counts (:meth:`AwarenessService.counts`) feed the project's reporting; the
handout is the labour-exploitation sheet of :mod:`desk_app.core.sheets` in the group's language with the
session's place and date (:meth:`AwarenessService.handout`), and the slide deck is made from the same
sheet (:mod:`desk_app.documents.slides`).

Permissions: ``run_awareness`` (supervisor, admin) for everything but the counts, which need
``export_reports``. Every change is audited and published on the change feed (``awareness_session``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, local_day, zone
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.catalogue import RTL_LANGUAGES, ContentService
from desk_app.core.mediators import MediatorService
from desk_app.core.queue import LANGUAGES
from desk_app.core.reports import indicator_period
from desk_app.core.schedule import at_local, local_label
from desk_app.core.sheets import LRI, PDI, Block, Line, Sheet, SheetBuilder, format_date
from desk_app.core.validation import check_date, clean_choice, clean_code, clean_id, clean_int, clean_name, clean_text
from desk_app.db.engine import Database
from desk_app.db.feed import Change, notify
from desk_app.db.models import Office
from desk_app.db.models_awareness import (
    AGE_BANDS,
    ATTENDANCE_SEXES,
    MAX_ATTENDANCE,
    AwarenessAttendance,
    AwarenessSession,
    ReceptionCentre,
)
from desk_app.db.models_booking import ACTIVE_MEDIATOR_BOOKING, MEDIATOR_MODES, Mediator, MediatorBooking
from desk_app.errors import ConflictError, NotFoundError, ValidationError

#: Shortest and longest session, in minutes.
MIN_MINUTES, MAX_MINUTES = 30, 480
#: How far ahead a session may be planned (a project year and a bit).
PLAN_HORIZON = timedelta(days=400)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class CentreView:
    """A reception centre as the supervisor sees it."""

    code: str
    name: str
    address: str
    managing_body: str
    active: bool


@dataclass(frozen=True)
class SessionView:
    """One session: where, when, for whom (a language group), who holds it, its mediator and its counts.

    Attributes:
        mediator_status: the mediator booking's status (``booked``, ``confirmed``, ``declined``, ``cancelled``)
            or ``None`` when no mediator is booked.
        attendance: ``(sex, age band, people)`` for the non-zero counts, in :data:`ATTENDANCE_SEXES` x
            :data:`AGE_BANDS` order. No names anywhere.
    """

    id: int
    centre_code: str
    centre_name: str
    centre_address: str
    managing_body: str
    starts_at: datetime
    ends_at: datetime
    language: str
    operator_organisation: str
    operator_name: str
    status: str
    mediator_code: str | None
    mediator_name: str | None
    mediator_status: str | None
    mediator_booking_id: int | None
    attendance: tuple[tuple[str, str, int], ...]
    referrals: int
    cancel_reason: str | None

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def attendees(self) -> int:
        return sum(n for _sex, _band, n in self.attendance)


@dataclass
class AwarenessCounts:
    """Counts of one period for the project's reporting; never a name.

    Attributes:
        sessions: ``(month YYYY-MM, language, sessions held, attendees, referrals)``.
        attendance: ``(month, language, sex, age band, people)`` of the sessions held.
        planned / cancelled: sessions of the period still planned, and cancelled.
    """

    office: str
    first: date
    last: date
    label: str
    sessions: list[tuple[str, str, int, int, int]]
    attendance: list[tuple[str, str, str, str, int]]
    planned: int
    cancelled: int

    @property
    def held(self) -> int:
        return sum(row[2] for row in self.sessions)

    @property
    def attendees(self) -> int:
        return sum(row[3] for row in self.sessions)

    @property
    def referrals(self) -> int:
        return sum(row[4] for row in self.sessions)

    def by_language(self) -> list[tuple[str, int, int, int]]:
        """``(language, sessions held, attendees, referrals)`` over the whole period."""
        totals: dict[str, list[int]] = {}
        for _month, language, held, people, referred in self.sessions:
            row = totals.setdefault(language, [0, 0, 0])
            row[0] += held
            row[1] += people
            row[2] += referred
        return [(language, *values) for language, values in sorted(totals.items())]  # type: ignore[misc]


def awareness_period(name: str, today: date) -> tuple[date, date, str]:
    """First day, last day and label of a counts period: a month ``2026-11``, or whatever
    :func:`~desk_app.core.reports.indicator_period` takes (``2026-Q3``, ``project`` = FAMI 2021-2027,
    ``last-month`` ...)."""
    text = (name or "").strip()
    found = _MONTH.match(text)
    if found and 2000 <= int(found.group(1)) <= 2100 and 1 <= int(found.group(2)) <= 12:
        first = date(int(found.group(1)), int(found.group(2)), 1)
        after = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first, after - timedelta(days=1), text
    return indicator_period(text, today)


def clean_attendance(attendance: Mapping[tuple[str, str], object]) -> dict[tuple[str, str], int]:
    """The attendance counts checked: known sex and age band, whole numbers 0..:data:`MAX_ATTENDANCE`, and no
    more than :data:`MAX_ATTENDANCE` people in all. Zero counts are dropped."""
    counts: dict[tuple[str, str], int] = {}
    for (sex, band), value in attendance.items():
        key = (clean_choice(sex, "sex", ATTENDANCE_SEXES), clean_choice(band, "age_band", AGE_BANDS))
        people = clean_int(value, "people", 0, MAX_ATTENDANCE)
        if people:
            counts[key] = counts.get(key, 0) + people
    total = sum(counts.values())
    if total > MAX_ATTENDANCE:
        raise ValidationError("out_of_range", field="people", value=str(total), min=0, max=MAX_ATTENDANCE)
    return counts


class AwarenessService:
    """Reception centres, awareness sessions, their counts and handouts, for one office."""

    def __init__(self, db: Database, authorizer: Authorizer, mediators: MediatorService, content: ContentService,
                 clock: Clock | None = None, office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.mediators = mediators
        self.content = content
        self.clock = clock or SystemClock()
        self.office_code = office_code

    # -- helpers -----------------------------------------------------------------------------------------------
    def _office(self, session: Session, actor: Actor) -> Office:
        return self.auth.office_for(session, actor, self.office_code)

    @staticmethod
    def _centre(session: Session, office: Office, code: str) -> ReceptionCentre:
        centre = session.execute(select(ReceptionCentre).where(
            ReceptionCentre.office_id == office.id, ReceptionCentre.code == clean_code(code, "centre"))).scalar()
        if centre is None:
            raise NotFoundError("unknown_centre", value=code)
        return centre

    @staticmethod
    def _session(session: Session, office: Office, session_id: int) -> AwarenessSession:
        row = session.get(AwarenessSession, clean_id(session_id, "session"))
        if row is None or row.office_id != office.id:
            raise NotFoundError("unknown_awareness_session", value=str(session_id))
        return row

    @staticmethod
    def _view(session: Session, row: AwarenessSession) -> SessionView:
        centre = session.get(ReceptionCentre, row.centre_id)
        assert centre is not None
        mediator = None
        booking = session.get(MediatorBooking, row.mediator_booking_id) if row.mediator_booking_id else None
        if booking is not None:
            mediator = session.get(Mediator, booking.mediator_id)
        order = {(s, b): n for n, (s, b) in enumerate((s, b) for s in ATTENDANCE_SEXES for b in AGE_BANDS)}
        counts = sorted(((a.sex, a.age_band, a.people) for a in session.execute(
            select(AwarenessAttendance).where(AwarenessAttendance.session_id == row.id)).scalars()),
            key=lambda c: order[(c[0], c[1])])
        return SessionView(
            row.id, centre.code, centre.name, centre.address, centre.managing_body, row.starts_at, row.ends_at,
            row.language, row.operator_organisation, row.operator_name, row.status,
            mediator.code if mediator else None, mediator.display_name if mediator else None,
            booking.status if booking else None, booking.id if booking else None, tuple(counts), row.referrals,
            row.cancel_reason)

    def _changed(self, session: Session, office: Office, row: AwarenessSession, action: str) -> None:
        notify(session, Change("awareness_session", action, office.id, self.clock.now(),
                               {"session": row.id, "status": row.status}))

    def _book(self, session: Session, actor: Actor, office: Office, row: AwarenessSession,
              mediator_code: str | None, mode: str) -> None:
        """Book the session's mediator on the roster, in this transaction (a refusal rolls back everything)."""
        view = self.mediators.book_in(session, actor, row.language, row.starts_at, row.ends_at, mode=mode,
                                      mediator_code=mediator_code or None)
        row.mediator_booking_id = view.entry.id
        session.flush()

    @staticmethod
    def _release(session: Session, row: AwarenessSession) -> None:
        """Cancel the session's active mediator booking, if any (the roster frees that time)."""
        if row.mediator_booking_id is not None:
            session.execute(update(MediatorBooking).where(
                MediatorBooking.id == row.mediator_booking_id,
                MediatorBooking.status.in_(ACTIVE_MEDIATOR_BOOKING)).values(status="cancelled")
                .execution_options(synchronize_session=False))

    # -- reception centres -------------------------------------------------------------------------------------
    def save_centre(self, actor: Actor, code: str, name: str, *, address: str = "", managing_body: str = "",
                    active: bool = True) -> CentreView:
        """Add a reception centre, or change the one with this code. Needs ``run_awareness``; audited."""
        self.auth.require(actor, "run_awareness", "reception_centre", code)
        centre_code = clean_code(code, "centre")
        values = {"name": clean_text(name, "name", 120), "address": clean_text(address, "address", 200,
                                                                              required=False),
                  "managing_body": clean_text(managing_body, "managing_body", 120, required=False),
                  "active": bool(active)}

        def work(session: Session) -> CentreView:
            office = self._office(session, actor)
            centre = session.execute(select(ReceptionCentre).where(
                ReceptionCentre.office_id == office.id, ReceptionCentre.code == centre_code)).scalar()
            if centre is None:
                centre = ReceptionCentre(office_id=office.id, code=centre_code, **values)
                try:
                    with session.begin_nested():
                        session.add(centre)
                        session.flush()
                except IntegrityError as exc:  # another desk added the same code a moment ago
                    raise ConflictError("duplicate", kind="centre", value=centre_code) from exc
            else:
                for key, value in values.items():
                    setattr(centre, key, value)
                session.flush()
            self.auth.audit_log.record(session, actor.audit, "awareness.centre", "reception_centre", centre_code,
                                       detail=values)
            return CentreView(centre.code, centre.name, centre.address, centre.managing_body, centre.active)

        return self.db.write(work)

    def centres(self, actor: Actor, *, include_inactive: bool = False) -> list[CentreView]:
        """The office's reception centres by name. Needs ``run_awareness``."""
        self.auth.require(actor, "run_awareness", "reception_centre")

        def work(session: Session) -> list[CentreView]:
            office = self._office(session, actor)
            query = select(ReceptionCentre).where(ReceptionCentre.office_id == office.id)
            if not include_inactive:
                query = query.where(ReceptionCentre.active.is_(True))
            return [CentreView(c.code, c.name, c.address, c.managing_body, c.active)
                    for c in session.execute(query.order_by(ReceptionCentre.name, ReceptionCentre.code)).scalars()]

        return self.db.read(work)

    # -- sessions ----------------------------------------------------------------------------------------------
    def plan(self, actor: Actor, centre_code: str, starts_at: datetime, minutes: int, language: str,
             operator_organisation: str, operator_name: str = "", *, mediator_code: str | None = None,
             any_mediator: bool = False, mode: str = "in_person") -> SessionView:
        """Plan a session at a centre for one language group, held by the anti-trafficking operator.

        ``starts_at`` (aware) must be in the future and at most :data:`PLAN_HORIZON` ahead; ``minutes``
        :data:`MIN_MINUTES`..:data:`MAX_MINUTES`. With ``mediator_code`` that mediator is booked on the
        roster, with ``any_mediator`` the best free one; a refusal of the roster (busy, absent, not in that
        language ...) stores nothing. Needs ``run_awareness`` (and the roster's ``book_mediators`` when a
        mediator is booked); audited.
        """
        self.auth.require(actor, "run_awareness", "awareness_session", centre_code)
        if starts_at.tzinfo is None:
            raise ValidationError("bad_date", value=starts_at.isoformat())
        check_date(starts_at.date())
        length = clean_int(minutes, "minutes", MIN_MINUTES, MAX_MINUTES)
        if not (language or "").strip():  # nothing chosen: say so, not "value '' not allowed"
            raise ValidationError("choose_one", field="group_language")
        lang = clean_choice((language or "").strip().lower(), "group_language", LANGUAGES)
        organisation = clean_text(operator_organisation, "operator_organisation", 120)
        operator = clean_name(operator_name, "operator_name", 80, required=False)
        how = clean_choice(mode, "mode", MEDIATOR_MODES)

        def work(session: Session) -> SessionView:
            office = self._office(session, actor)
            now = self.clock.now()
            if starts_at <= now:
                day, at = local_label(starts_at, office.timezone)
                raise ValidationError("awareness_in_past", day=day, time=at)
            if starts_at - now > PLAN_HORIZON:
                raise ValidationError("slot_beyond_horizon", days=PLAN_HORIZON.days)
            centre = self._centre(session, office, centre_code)
            if not centre.active:
                raise NotFoundError("unknown_centre", value=centre.code)
            row = AwarenessSession(office_id=office.id, centre_id=centre.id, starts_at=starts_at,
                                   ends_at=starts_at + timedelta(minutes=length), language=lang,
                                   operator_organisation=organisation, operator_name=operator, status="planned",
                                   referrals=0, planned_by=actor.staff_id, planned_at=now)
            session.add(row)
            session.flush()
            if mediator_code or any_mediator:
                self._book(session, actor, office, row, mediator_code, how)
            self.auth.audit_log.record(session, actor.audit, "awareness.plan", "awareness_session", row.id,
                                       detail={"centre": centre.code, "language": lang,
                                               "starts_at": starts_at.isoformat(), "minutes": length})
            self._changed(session, office, row, "planned")
            return self._view(session, row)

        return self.db.write(work)

    def book_mediator(self, actor: Actor, session_id: int, mediator_code: str | None = None, *,
                      mode: str = "in_person") -> SessionView:
        """Book (or re-book, after a decline) the mediator of a planned session through the roster.

        Without ``mediator_code`` the best free mediator of the session's language. A mediator still booked
        for it is released first, in the same transaction. Needs ``run_awareness`` and ``book_mediators``.
        """
        self.auth.require(actor, "run_awareness", "awareness_session", session_id)
        how = clean_choice(mode, "mode", MEDIATOR_MODES)

        def work(session: Session) -> SessionView:
            office = self._office(session, actor)
            row = self._session(session, office, session_id)
            if row.status != "planned":
                raise ConflictError("awareness_wrong_state", id=row.id, status=row.status, action="book_mediators")
            if row.starts_at <= self.clock.now():
                day, at = local_label(row.starts_at, office.timezone)
                raise ValidationError("awareness_in_past", day=day, time=at)
            self._release(session, row)
            row.mediator_booking_id = None
            session.flush()
            self._book(session, actor, office, row, mediator_code, how)
            self.auth.audit_log.record(session, actor.audit, "awareness.book_mediator", "awareness_session",
                                       row.id, detail={"booking": row.mediator_booking_id})
            self._changed(session, office, row, "mediator")
            return self._view(session, row)

        return self.db.write(work)

    def record(self, actor: Actor, session_id: int, attendance: Mapping[tuple[str, str], object],
               referrals: object = 0, *, mediator_present: bool | None = None) -> SessionView:
        """Record a session as held: people per (sex, age band) and referrals to the anti-trafficking service.

        Counts only (see :func:`clean_attendance`); ``referrals`` 0..attendees. A session is recorded once it
        has begun; recording a held session again corrects its counts (audited with the old and new totals).
        ``mediator_present`` marks the booked mediator as there (for the mediator hours of the indicators).
        Needs ``run_awareness``.
        """
        self.auth.require(actor, "run_awareness", "awareness_session", session_id)
        counts = clean_attendance(attendance)
        referred = clean_int(referrals, "referrals", 0, MAX_ATTENDANCE)
        total = sum(counts.values())
        if referred > total:
            raise ValidationError("referrals_over_attendees", referrals=referred, attendees=total)

        def work(session: Session) -> SessionView:
            office = self._office(session, actor)
            row = self._session(session, office, session_id)
            now = self.clock.now()
            if row.status not in ("planned", "held"):
                raise ConflictError("awareness_wrong_state", id=row.id, status=row.status, action="record")
            if row.starts_at > now:
                day, at = local_label(row.starts_at, office.timezone)
                raise ConflictError("awareness_not_started", day=day, time=at)
            before = sum(a.people for a in session.execute(
                select(AwarenessAttendance).where(AwarenessAttendance.session_id == row.id)).scalars())
            session.execute(delete(AwarenessAttendance).where(AwarenessAttendance.session_id == row.id))
            session.add_all(AwarenessAttendance(session_id=row.id, sex=sex, age_band=band, people=people)
                            for (sex, band), people in counts.items())
            corrected = row.status == "held"
            row.status, row.referrals, row.recorded_at = "held", referred, now
            if mediator_present is not None and row.mediator_booking_id is not None:
                session.execute(update(MediatorBooking).where(MediatorBooking.id == row.mediator_booking_id)
                                .values(present_at=row.starts_at if mediator_present else None)
                                .execution_options(synchronize_session=False))
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "awareness.correct" if corrected else "awareness.record",
                                       "awareness_session", row.id,
                                       detail={"attendees": total, "before": before, "referrals": referred})
            self._changed(session, office, row, "held")
            return self._view(session, row)

        return self.db.write(work)

    def cancel(self, actor: Actor, session_id: int, reason: str) -> SessionView:
        """Cancel a planned session with a reason; its mediator booking is cancelled too (the roster frees
        that time and the mediator's agenda shows it). Needs ``run_awareness``."""
        self.auth.require(actor, "run_awareness", "awareness_session", session_id)
        why = clean_text(reason, "reason", 200)

        def work(session: Session) -> SessionView:
            office = self._office(session, actor)
            row = self._session(session, office, session_id)
            if row.status != "planned":
                raise ConflictError("awareness_wrong_state", id=row.id, status=row.status, action="cancel")
            self._release(session, row)
            row.status, row.cancel_reason = "cancelled", why
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "awareness.cancel", "awareness_session", row.id,
                                       detail={"reason": why})
            self._changed(session, office, row, "cancelled")
            return self._view(session, row)

        return self.db.write(work)

    def get(self, actor: Actor, session_id: int) -> SessionView:
        """One session. Needs ``run_awareness``."""
        self.auth.require(actor, "run_awareness", "awareness_session", session_id)
        return self.db.read(lambda session: self._view(
            session, self._session(session, self._office(session, actor), session_id)))

    def sessions(self, actor: Actor, start: date, end: date, *, status: str | None = None) -> list[SessionView]:
        """The sessions starting from local day ``start`` to ``end`` (inclusive), in time order. Needs
        ``run_awareness``."""
        self.auth.require(actor, "run_awareness", "awareness_session")
        first, last = check_date(start), check_date(end)
        if first > last:
            raise ValidationError("bad_range", start=first.isoformat(), end=last.isoformat())
        wanted = clean_choice(status, "status", ("planned", "held", "cancelled")) if status else None

        def work(session: Session) -> list[SessionView]:
            office = self._office(session, actor)
            query = select(AwarenessSession).where(
                AwarenessSession.office_id == office.id,
                AwarenessSession.starts_at >= at_local(first, time(0), office.timezone),
                AwarenessSession.starts_at < at_local(last + timedelta(days=1), time(0), office.timezone))
            if wanted:
                query = query.where(AwarenessSession.status == wanted)
            return [self._view(session, row) for row in session.execute(
                query.order_by(AwarenessSession.starts_at, AwarenessSession.id)).scalars()]

        return self.db.read(work)

    # -- counts ------------------------------------------------------------------------------------------------
    def counts(self, actor: Actor, period: str) -> AwarenessCounts:
        """Sessions held, attendees by language, sex and age band, and referrals of ``period`` (a month
        ``2026-11``, a quarter ``2026-Q3``, ``project`` for FAMI 2021-2027, or ``last-month`` ...), by the
        month of the office's calendar. Needs ``export_reports``; audited (``export.awareness``). Counts only.
        """
        self.auth.require(actor, "export_reports", "report", "awareness")

        def work(session: Session) -> AwarenessCounts:
            office = self._office(session, actor)
            first, last, label = awareness_period(period, local_day(self.clock.now(), office.timezone))
            # Plain column tuples, not ORM objects: a project period holds thousands of rows (700 ms as
            # objects for 2,000 sessions, see docs/benchmarks.md); months are the office's, so grouped here.
            in_period = and_(
                AwarenessSession.office_id == office.id,
                AwarenessSession.starts_at >= at_local(first, time(0), office.timezone),
                AwarenessSession.starts_at < at_local(last + timedelta(days=1), time(0), office.timezone))
            statuses: dict[str, int] = {}
            held: dict[int, tuple[datetime, str, int]] = {}
            for session_id, starts_at, language, referrals, status in session.execute(select(
                    AwarenessSession.id, AwarenessSession.starts_at, AwarenessSession.language,
                    AwarenessSession.referrals, AwarenessSession.status).where(in_period)):
                statuses[status] = statuses.get(status, 0) + 1
                if status == "held":
                    held[session_id] = (starts_at, language, referrals)
            people = session.execute(
                select(AwarenessAttendance.session_id, AwarenessAttendance.sex, AwarenessAttendance.age_band,
                       AwarenessAttendance.people)
                .join(AwarenessSession, AwarenessSession.id == AwarenessAttendance.session_id)
                .where(in_period, AwarenessSession.status == "held")).all()
            tz = zone(office.timezone)
            months = {session_id: starts_at.astimezone(tz).strftime("%Y-%m")
                      for session_id, (starts_at, _lang, _ref) in held.items()}
            by_month: dict[tuple[str, str], list[int]] = {}
            for session_id, (_starts, language, referrals) in held.items():
                figures = by_month.setdefault((months[session_id], language), [0, 0, 0])
                figures[0] += 1
                figures[2] += referrals
            by_band: dict[tuple[str, str, str, str], int] = {}
            for session_id, sex, band, count in people:
                language = held[session_id][1]
                by_month[(months[session_id], language)][1] += count
                key = (months[session_id], language, sex, band)
                by_band[key] = by_band.get(key, 0) + count
            sex_order = {s: n for n, s in enumerate(ATTENDANCE_SEXES)}
            band_order = {b: n for n, b in enumerate(AGE_BANDS)}
            return AwarenessCounts(
                office.name, first, last, label,
                [(m, lang, *values) for (m, lang), values in sorted(by_month.items())],  # type: ignore[misc]
                [(*key, n) for key, n in sorted(by_band.items(), key=lambda item: (
                    item[0][0], item[0][1], sex_order[item[0][2]], band_order[item[0][3]]))],
                statuses.get("planned", 0), statuses.get("cancelled", 0))

        result = self.db.read(work)
        self.db.write(lambda session: self.auth.audit_log.record(
            session, actor.audit, "export.awareness", "report", "awareness", detail={
                "from": result.first.isoformat(), "to": result.last.isoformat(), "period": result.label}))
        return result

    @staticmethod
    def counts_csv(result: AwarenessCounts) -> str:
        """The counts as CSV (``;``-separated, as the other exports for Italian spreadsheets): one table of
        sessions by month and language, then attendance by sex and age band. Numbers only."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow(["periodo", result.label, result.first.isoformat(), result.last.isoformat()])
        writer.writerow(["mese", "lingua", "incontri", "partecipanti", "segnalazioni"])
        writer.writerows(result.sessions)
        writer.writerow([])
        writer.writerow(["mese", "lingua", "sesso", "fascia_eta", "partecipanti"])
        writer.writerows(result.attendance)
        writer.writerow([])
        writer.writerow(["pianificati", result.planned, "annullati", result.cancelled])
        return out.getvalue()

    # -- handouts ----------------------------------------------------------------------------------------------
    def handout(self, actor: Actor, session_id: int, lang: str | None = None, *, bilingual: bool = False) -> Sheet:
        """The labour-exploitation sheet in the group's language (or ``lang``), with the session's centre and
        date under its title: what is handed out and what the slides are made of. Needs ``run_awareness``."""
        view = self.get(actor, session_id)
        office = self.content.office(self.office_code)
        sheet = SheetBuilder(self.content).exploitation(lang or view.language, bilingual=bilingual,
                                                         office_code=self.office_code)
        local = view.starts_at.astimezone(zone(office.timezone))
        # The centre's name is Italian: isolated left to right inside a right-to-left line.
        place = f"{LRI}{view.centre_name}{PDI}" if sheet.lang in RTL_LANGUAGES else view.centre_name
        where = Line(f"{place} · {format_date(local.date())} {local:%H:%M}", sheet.lang)
        blocks = list(sheet.blocks)
        at = next((n + 1 for n, b in enumerate(blocks) if b.kind == "title"), 0)
        blocks.insert(at, Block("subtitle", where))
        return replace(sheet, blocks=tuple(blocks), meta={**sheet.meta, "centre": view.centre_name,
                                                          "session": str(view.id)})


__all__ = [
    "MAX_MINUTES",
    "MIN_MINUTES",
    "AwarenessCounts",
    "AwarenessService",
    "CentreView",
    "SessionView",
    "awareness_period",
    "clean_attendance",
]
