"""Convocations: the office summons a person for a practice to an appointment slot.

Each attempt is a :class:`~desk_app.db.models_booking.Convocation` row with its
own appointment. Life cycle: ``sent -> confirmed``; the appointment's check-in
makes it ``attended``, the no-show marking ``no_show``, its cancellation
``cancelled`` (:func:`desk_app.core.appointments.sync_convocation`). Rebooking
opens the next attempt (``previous_id`` -> this one, ``attempt + 1``): an open
attempt becomes ``rebooked`` and frees its slot, a no-show stays ``no_show`` so
the practice's history keeps it. ``previous_id`` is unique, so two desks cannot
both rebook the same attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock
from desk_app.core.appointments import AppointmentService
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.validation import clean_code, clean_text
from desk_app.db.engine import Database
from desk_app.db.models import Office, Service
from desk_app.db.models_booking import Appointment, Convocation
from desk_app.errors import ConflictError, NotFoundError


@dataclass(frozen=True)
class ConvocationView:
    """One attempt of a convocation. ``person_name``/``practice_number`` are ``None`` once purged."""

    id: int
    attempt: int
    previous_id: int | None
    procedure_code: str
    status: str
    appointment_id: int
    service_code: str
    starts_at: datetime
    person_name: str | None
    practice_number: str | None
    sent_at: datetime
    confirmed_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True)
class PracticeHistory:
    """Every convocation attempt of a practice, oldest first, and how many were no-shows."""

    practice_number: str
    attempts: tuple[ConvocationView, ...]

    @property
    def no_shows(self) -> int:
        return sum(1 for a in self.attempts if a.status == "no_show")


class ConvocationService:
    """Convocations of one office, booked through the appointment calendar (same capacity rules)."""

    def __init__(self, db: Database, authorizer: Authorizer, appointments: AppointmentService,
                 clock: Clock | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.appointments = appointments
        self.clock = clock or SystemClock()

    def _office(self, session: Session, actor: Actor) -> Office:
        """The office of the appointment calendars, refusing an actor of another office."""
        return self.auth.office_for(session, actor, self.appointments.office_code)

    def _convocation(self, session: Session, actor: Actor, convocation_id: int) -> Convocation:
        office = self._office(session, actor)
        convocation = session.get(Convocation, convocation_id)
        if convocation is None or convocation.office_id != office.id:
            raise NotFoundError("unknown_convocation", value=str(convocation_id))
        return convocation

    @staticmethod
    def _view(session: Session, convocation: Convocation) -> ConvocationView:
        appointment = session.get(Appointment, convocation.appointment_id)
        assert appointment is not None
        service_code = session.get(Service, appointment.service_id).code  # type: ignore[union-attr]
        return ConvocationView(
            convocation.id, convocation.attempt, convocation.previous_id, convocation.procedure_code,
            convocation.status, appointment.id, service_code, appointment.starts_at, appointment.person_name,
            appointment.practice_number, convocation.sent_at, convocation.confirmed_at, convocation.closed_at,
        )

    def convoke(self, actor: Actor, service_code: str, starts_at: datetime, *, procedure_code: str,
                practice_number: str, person_name: str, language: str | None = None,
                needs_mediator: bool = False) -> ConvocationView:
        """Summon ``person_name`` for ``practice_number`` to the slot at ``starts_at``; the convocation is ``sent``.

        The slot's capacity and the one-appointment-per-person rule apply as for any booking.
        Needs ``book_appointments``.
        """
        self.auth.require(actor, "book_appointments", "convocation")
        procedure = clean_code(procedure_code, "procedure")
        name, practice, lang = self.appointments.clean_person(person_name, practice_number, language)
        if practice is None:
            practice = clean_text(practice_number, "practice_number", 40)

        def work(session: Session) -> ConvocationView:
            appointment = self.appointments.book_in(
                session, actor, service_code, starts_at, person_name=name, practice_number=practice,
                language=lang, needs_mediator=needs_mediator, kind="convocation",
            )
            convocation = Convocation(office_id=appointment.office_id, appointment_id=appointment.id,
                                      procedure_code=procedure, status="sent", attempt=1,
                                      sent_at=self.clock.now(), created_by=actor.staff_id)
            session.add(convocation)
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "convocation.send", "convocation", convocation.id)
            return self._view(session, convocation)

        return self.db.write(work)

    def confirm(self, actor: Actor, convocation_id: int) -> ConvocationView:
        """The person confirmed they will come (``sent -> confirmed``)."""
        self.auth.require(actor, "book_appointments", "convocation", convocation_id)

        def work(session: Session) -> ConvocationView:
            convocation = self._convocation(session, actor, convocation_id)
            done = session.execute(
                update(Convocation).where(Convocation.id == convocation.id, Convocation.status == "sent")
                .values(status="confirmed", confirmed_at=self.clock.now())
                .returning(Convocation.id).execution_options(synchronize_session=False)
            ).scalar()
            session.refresh(convocation)
            if done is None:
                raise ConflictError("convocation_wrong_state", id=convocation.id, status=convocation.status,
                                    action="confirm")
            self.auth.audit_log.record(session, actor.audit, "convocation.confirm", "convocation", convocation.id)
            return self._view(session, convocation)

        return self.db.write(work)

    def rebook(self, actor: Actor, convocation_id: int, starts_at: datetime) -> ConvocationView:
        """Open the next attempt at ``starts_at`` for the same person, practice and procedure.

        From ``sent``/``confirmed`` the old appointment is cancelled (its place freed)
        and the attempt becomes ``rebooked``; from ``no_show`` it stays a no-show.
        Attended, cancelled or already rebooked attempts cannot be rebooked.
        """
        self.auth.require(actor, "book_appointments", "convocation", convocation_id)

        def work(session: Session) -> ConvocationView:
            convocation = self._convocation(session, actor, convocation_id)
            old = session.get(Appointment, convocation.appointment_id)
            assert old is not None
            if convocation.status not in ("sent", "confirmed", "no_show") or old.purged_at is not None:
                raise ConflictError("convocation_wrong_state", id=convocation.id, status=convocation.status,
                                    action="rebook")
            if session.execute(select(Convocation.id).where(Convocation.previous_id == convocation.id)).first():
                raise ConflictError("convocation_wrong_state", id=convocation.id, status="rebooked", action="rebook")
            service_code = session.get(Service, old.service_id).code  # type: ignore[union-attr]
            person_name, practice = old.person_name, old.practice_number
            assert person_name is not None
            if convocation.status != "no_show":
                self.appointments.cancel_in(session, actor, old.id, "rebooked")
                session.execute(update(Convocation).where(Convocation.id == convocation.id)
                                .values(status="rebooked", closed_at=self.clock.now())
                                .execution_options(synchronize_session=False))
            appointment = self.appointments.book_in(
                session, actor, service_code, starts_at, person_name=person_name, practice_number=practice,
                language=old.language, needs_mediator=old.needs_mediator, kind="convocation",
            )
            attempt = Convocation(office_id=convocation.office_id, appointment_id=appointment.id,
                                  procedure_code=convocation.procedure_code, status="sent",
                                  attempt=convocation.attempt + 1, previous_id=convocation.id,
                                  sent_at=self.clock.now(), created_by=actor.staff_id)
            try:
                with session.begin_nested():
                    session.add(attempt)
                    session.flush()
            except IntegrityError as exc:  # another desk rebooked this attempt first
                raise ConflictError("convocation_wrong_state", id=convocation.id, status="rebooked",
                                    action="rebook") from exc
            self.auth.audit_log.record(session, actor.audit, "convocation.rebook", "convocation", attempt.id,
                                       detail={"previous": convocation.id})
            return self._view(session, attempt)

        return self.db.write(work)

    def for_appointment(self, actor: Actor, appointment_id: int) -> ConvocationView:
        """The convocation attempt whose appointment is ``appointment_id`` (the appointments window moves and
        confirms convocations from their row). ``unknown_convocation`` for an ordinary appointment. The read is
        audited (the view carries the name). Needs ``book_appointments``."""
        self.auth.require(actor, "book_appointments", "convocation", appointment_id)

        def work(session: Session) -> ConvocationView:
            office = self._office(session, actor)
            convocation = session.execute(
                select(Convocation).where(Convocation.office_id == office.id,
                                          Convocation.appointment_id == appointment_id)
            ).scalar()
            if convocation is None:
                raise NotFoundError("unknown_convocation", value=str(appointment_id))
            self.auth.audit_log.record(session, actor.audit, "convocation.read", "convocation", convocation.id)
            return self._view(session, convocation)

        return self.db.write(work)

    def history(self, actor: Actor, practice_number: str) -> PracticeHistory:
        """Every convocation of ``practice_number`` with its outcome, so the clerk sees earlier no-shows.

        The read is audited (it shows names). Needs ``book_appointments``.
        """
        self.auth.require(actor, "book_appointments", "convocation", "history")
        practice = clean_text(practice_number, "practice_number", 40).upper()

        def work(session: Session) -> PracticeHistory:
            office = self._office(session, actor)
            rows = session.execute(
                select(Convocation).join(Appointment, Appointment.id == Convocation.appointment_id)
                .where(Convocation.office_id == office.id, Appointment.practice_number == practice)
                .order_by(Convocation.sent_at, Convocation.id)
            ).scalars().all()
            if rows:
                # ids, not the practice number: the audit log is kept for years and must hold no personal data
                self.auth.audit_log.record(session, actor.audit, "convocation.history", "convocation",
                                           f"{len(rows)} rows", detail={"ids": [c.id for c in rows]})
            return PracticeHistory(practice, tuple(self._view(session, c) for c in rows))

        return self.db.write(work)


__all__ = ["ConvocationService", "ConvocationView", "PracticeHistory"]
