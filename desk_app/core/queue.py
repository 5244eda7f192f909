"""The queue engine: issuing, calling and moving tickets, safely under many desks at once.

Rules (see DESIGN.md, "Rules that are easy to get wrong"):

* Numbers come from a per (office, service, local day) counter row, upserted
  with ``INSERT ... ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last``;
  never ``MAX()+1``. A unique key on (origin service, day, seq) backs it up.
* Call next is one ``UPDATE ... WHERE id = (SELECT ... ORDER BY sort_key LIMIT 1
  FOR UPDATE SKIP LOCKED) AND status = 'waiting' RETURNING``; on SQLite the write
  transaction is ``BEGIN IMMEDIATE``, which serialises it.
* Every other transition is a conditional UPDATE from the expected status (and
  desk); when it matches no row the ticket is re-read to say why ("already
  called by desk 3"), and nothing is written.
* A desk holds at most one called/serving ticket (a partial unique index).
* Priority is a head start in minutes subtracted from the issue time
  (``sort_key``): priority first, but an ordinary ticket that has waited longer
  than the head start goes ahead, so nobody is starved. Transfers keep it.

Every transition writes a :class:`~desk_app.db.models.TicketEvent` and tells the
change feed in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desk_app.core.auth import Actor, Authorizer
from desk_app.core.clock import Clock, SystemClock, local_day
from desk_app.core.office import resolve_office
from desk_app.core.validation import clean_choice, clean_code, clean_text
from desk_app.db.engine import Database
from desk_app.db.feed import notify, ticket_change
from desk_app.db.models import (
    ACTIVE_AT_DESK,
    Desk,
    DeskService,
    Office,
    Service,
    Ticket,
    TicketCounter,
    TicketEvent,
)
from desk_app.errors import ConflictError, NotFoundError, QueueEmptyError, ValidationError

#: Priority classes and their head start in minutes over an ordinary ticket.
PRIORITY_HEAD_START: dict[str, int] = {
    "ordinary": 0,
    "appointment": 15,
    "elderly": 20,
    "pregnancy": 30,
    "disability": 30,
}
#: How a service ends. ``missing_documents`` is what the "bring next time" sheet follows up.
OUTCOMES = ("completed", "missing_documents", "redirected", "not_competent", "other")
#: Languages of the territory (ISO 639-1), for the ticket's language and printouts.
LANGUAGES = ("it", "en", "fr", "es", "ro", "sq", "uk", "ar", "ur", "bn", "pa", "hi", "zh")
OPEN_STATUSES = ("waiting", "called", "serving", "parked")

#: A ticket reference: database id, number as printed today ("A012"), or ``None`` for the desk's current ticket.
TicketRef = int | str | None
#: Extra conditions for call-next (e.g. mediator gating): ``(select_of_ticket_ids, session, office, now) -> select``.
CallFilter = Callable[[Select[Any], Session, Office, datetime], Select[Any]]


@dataclass(frozen=True)
class TicketView:
    """A ticket as the desks and the display board see it (no personal data: tickets have none)."""

    id: int
    number: str
    day: date
    status: str
    service_code: str
    service_name: str
    priority: str
    language: str | None
    needs_mediator: bool
    desk_code: str | None
    issued_at: datetime
    called_at: datetime | None
    serving_at: datetime | None
    finished_at: datetime | None
    recall_count: int
    transfer_count: int
    outcome: str | None
    transferred_from: str | None

    def waited(self, now: datetime) -> timedelta:
        """Time from issue to call (or to ``now`` while still waiting)."""
        return (self.called_at or now) - self.issued_at


@dataclass(frozen=True)
class ServiceQueue:
    """Waiting count and longest wait of one service, for the queue header."""

    service_code: str
    service_name: str
    waiting: int
    longest_wait: timedelta
    target_wait_minutes: int


@dataclass(frozen=True)
class _Spec:
    """How a transition moves a ticket."""

    action: str
    from_statuses: tuple[str, ...]
    to_status: str
    at_desk: bool  # the ticket must be held by the acting desk


_SPECS = {
    "recall": _Spec("recall", ("called",), "called", True),
    "serve": _Spec("serve", ("called",), "serving", True),
    "finish": _Spec("finish", ("serving",), "done", True),
    "no_show": _Spec("no_show", ("called",), "no_show", True),
    "park": _Spec("park", ("called", "serving"), "parked", True),
    "resume": _Spec("resume", ("parked",), "waiting", False),
    "transfer": _Spec("transfer", ("waiting", "called", "serving"), "waiting", False),
    "cancel": _Spec("cancel", ("waiting", "parked"), "cancelled", False),
    "reactivate": _Spec("reactivate", ("no_show",), "waiting", False),
}


def _insert_for(session: Session) -> Callable[..., Any]:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def format_number(prefix: str, seq: int) -> str:
    """The printed number: service prefix and at least three digits (``A007``)."""
    return f"{prefix}{seq:03d}"


class QueueService:
    """Use cases of the live queue, for one office.

    Args:
        db: the database.
        authorizer: permission checks and refusal auditing.
        clock: time source (a :class:`~desk_app.core.clock.ManualClock` in simulations).
        office_code: the office to work for; ``None`` means the only office in the database.
        call_filters: extra conditions call-next applies (features such as mediator gating add them).
    """

    def __init__(
        self,
        db: Database,
        authorizer: Authorizer,
        clock: Clock | None = None,
        office_code: str | None = None,
        call_filters: Sequence[CallFilter] = (),
    ) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code
        self.call_filters = list(call_filters)

    # -- helpers -----------------------------------------------------------------------------------------------
    def _office(self, session: Session, actor: Actor) -> Office:
        office = resolve_office(session, self.office_code)
        self.auth.require_office(actor, office.id, session)
        return office

    @staticmethod
    def _service(session: Session, office: Office, code: str) -> Service:
        service = session.execute(
            select(Service).where(Service.office_id == office.id, Service.code == clean_code(code, "service"))
        ).scalar()
        if service is None:
            raise NotFoundError("unknown_service", value=code)
        return service

    @staticmethod
    def _desk(session: Session, office: Office, code: str) -> Desk:
        desk = session.execute(
            select(Desk).where(Desk.office_id == office.id, Desk.code == clean_code(code, "desk"))
        ).scalar()
        if desk is None or not desk.active:
            raise NotFoundError("unknown_desk", value=code)
        return desk

    def today(self, office: Office | None = None) -> date:
        return local_day(self.clock.now(), office.timezone if office else "Europe/Rome")

    def _ticket(self, session: Session, office: Office, ref: TicketRef, desk: Desk | None) -> Ticket:
        if ref is None:
            if desk is None:
                raise ValidationError("required", field="ticket")
            ticket = session.execute(
                select(Ticket).where(Ticket.desk_id == desk.id, Ticket.status.in_(ACTIVE_AT_DESK))
            ).scalar()
            if ticket is None:
                raise ConflictError("desk_idle", desk=desk.code)
            return ticket
        if isinstance(ref, int):
            ticket = session.get(Ticket, ref)
            if ticket is None or ticket.office_id != office.id:
                raise NotFoundError("unknown_ticket", value=str(ref))
            return ticket
        number = clean_text(ref, "ticket", 8).upper()
        ticket = session.execute(
            select(Ticket).where(Ticket.office_id == office.id, Ticket.day == self.today(office),
                                 Ticket.number == number).order_by(Ticket.id.desc()).limit(1)
        ).scalar()
        if ticket is None:
            raise NotFoundError("unknown_ticket", value=number)
        return ticket

    def _event(self, session: Session, ticket: Ticket, action: str, from_status: str | None, desk: Desk | None,
               actor: Actor, now: datetime, service_id: int | None = None) -> None:
        event = TicketEvent(
            office_id=ticket.office_id, ticket_id=ticket.id, at=now, action=action, from_status=from_status,
            to_status=ticket.status, service_id=service_id or ticket.service_id,
            desk_id=desk.id if desk else None, staff_id=actor.staff_id,
        )
        session.add(event)
        session.flush()
        notify(session, ticket_change(event.id, ticket.office_id, ticket.id, ticket.number, action, ticket.status,
                                    desk.code if desk else None, now))

    def _view(self, session: Session, ticket_id: int) -> TicketView:
        return self._views(session, select(Ticket).where(Ticket.id == ticket_id))[0]

    @staticmethod
    def _views(session: Session, query: Select[Any]) -> list[TicketView]:
        current, origin = aliased(Service), aliased(Service)
        rows = session.execute(
            query.add_columns(current.code, current.name, Desk.code, origin.code)
            .join(current, current.id == Ticket.service_id)
            .outerjoin(Desk, Desk.id == Ticket.desk_id)
            .outerjoin(origin, origin.id == Ticket.transferred_from_service_id)
        ).all()
        return [
            TicketView(
                t.id, t.number, t.day, t.status, service_code, service_name, t.priority, t.language,
                t.needs_mediator, desk_code, t.issued_at, t.called_at, t.serving_at, t.finished_at,
                t.recall_count, t.transfer_count, t.outcome, from_code,
            )
            for t, service_code, service_name, desk_code, from_code in rows
        ]

    def _explain(self, session: Session, ticket_id: int, spec: _Spec, desk: Desk | None) -> ConflictError:
        """Why a conditional update matched nothing, from a fresh read."""
        session.expire_all()
        ticket = session.get(Ticket, ticket_id)
        assert ticket is not None
        holder = session.get(Desk, ticket.desk_id) if ticket.desk_id else None
        if ticket.status in ACTIVE_AT_DESK and holder is not None and (desk is None or holder.id != desk.id):
            return ConflictError("ticket_taken", number=ticket.number, desk=holder.code)
        return ConflictError("ticket_wrong_state", number=ticket.number, status=ticket.status, action=spec.action)

    # -- issuing -----------------------------------------------------------------------------------------------
    def issue_ticket(
        self,
        actor: Actor,
        service_code: str,
        *,
        priority: str = "ordinary",
        language: str | None = None,
        needs_mediator: bool = False,
    ) -> TicketView:
        """Issue the next number of ``service_code`` for today. Needs ``issue``."""
        self.auth.require(actor, "issue", "service", service_code)
        return self.db.write(lambda session: self.issue_ticket_in(
            session, actor, service_code, priority=priority, language=language, needs_mediator=needs_mediator))

    def issue_ticket_in(
        self,
        session: Session,
        actor: Actor,
        service_code: str,
        *,
        priority: str = "ordinary",
        language: str | None = None,
        needs_mediator: bool = False,
    ) -> TicketView:
        """Issue a ticket inside the caller's write transaction, for a feature that must issue it together with
        its own change (appointment check-in). The caller has checked the ``issue`` permission."""
        priority = clean_choice(priority, "priority", PRIORITY_HEAD_START)
        if language is not None:
            language = clean_choice(language.strip().lower(), "language", LANGUAGES)
        office = self._office(session, actor)
        service = self._service(session, office, service_code)
        if not service.active:
            raise ConflictError("service_inactive", value=service.code)
        now = self.clock.now()
        day = local_day(now, office.timezone)
        insert = _insert_for(session)
        seq = session.execute(
            insert(TicketCounter)
            .values(office_id=office.id, service_id=service.id, day=day, last=1)
            .on_conflict_do_update(
                index_elements=["office_id", "service_id", "day"],
                set_={"last": TicketCounter.last + 1},
            )
            .returning(TicketCounter.last)
        ).scalar_one()
        ticket = Ticket(
            office_id=office.id, service_id=service.id, origin_service_id=service.id, day=day, seq=seq,
            number=format_number(service.prefix, seq), status="waiting", priority=priority, language=language,
            needs_mediator=needs_mediator, sort_key=now - timedelta(minutes=PRIORITY_HEAD_START[priority]),
            issued_at=now, recall_count=0, transfer_count=0,
        )
        session.add(ticket)
        session.flush()
        self._event(session, ticket, "issue", None, None, actor, now)
        return self._view(session, ticket.id)

    # -- calling -----------------------------------------------------------------------------------------------
    def call_next(self, actor: Actor, desk_code: str) -> TicketView:
        """Give ``desk_code`` the first waiting ticket of the services it serves.

        Raises :class:`QueueEmptyError` when nothing is callable, :class:`ConflictError`
        ``desk_busy`` when the desk still holds a ticket.
        """
        self.auth.require(actor, "serve_queue", "desk", desk_code)

        def work(session: Session) -> TicketView:
            office = self._office(session, actor)
            desk = self._desk(session, office, desk_code)
            held = session.execute(
                select(Ticket.number).where(Ticket.desk_id == desk.id, Ticket.status.in_(ACTIVE_AT_DESK))
            ).scalar()
            if held is not None:
                raise ConflictError("desk_busy", desk=desk.code, number=held)
            now = self.clock.now()
            served = select(DeskService.service_id).where(DeskService.desk_id == desk.id)
            candidates = (
                select(Ticket.id)
                .join(Service, Service.id == Ticket.service_id)
                .where(
                    Ticket.office_id == office.id,
                    Ticket.day == local_day(now, office.timezone),
                    Ticket.status == "waiting",
                    Ticket.service_id.in_(served),
                    Service.active.is_(True),
                )
            )
            for extra in self.call_filters:
                candidates = extra(candidates, session, office, now)
            chosen = (
                candidates.order_by(Ticket.sort_key, Ticket.id)
                .limit(1)
                .with_for_update(of=Ticket, skip_locked=True)
                .scalar_subquery()
            )
            try:
                ticket_id = session.execute(
                    update(Ticket)
                    .where(Ticket.id == chosen, Ticket.status == "waiting")
                    .values(status="called", desk_id=desk.id, staff_id=actor.staff_id, called_at=now)
                    .returning(Ticket.id)
                    .execution_options(synchronize_session=False)
                ).scalar()
            except IntegrityError as exc:  # another window of this desk called at the same instant
                raise ConflictError("desk_busy", desk=desk.code, number="?") from exc
            if ticket_id is None:
                raise QueueEmptyError("queue_empty", desk=desk.code)
            ticket = session.get(Ticket, ticket_id)
            assert ticket is not None
            self._event(session, ticket, "call", "waiting", desk, actor, now)
            return self._view(session, ticket_id)

        return self.db.write(work)

    def _move(self, actor: Actor, spec: _Spec, ref: TicketRef, desk_code: str | None,
              values: Callable[[Ticket, datetime], dict[str, Any]], *, service_code: str | None = None,
              ) -> TicketView:
        def work(session: Session) -> TicketView:
            office = self._office(session, actor)
            desk = self._desk(session, office, desk_code) if desk_code else None
            if spec.at_desk and desk is None:
                raise ValidationError("required", field="desk")
            ticket = self._ticket(session, office, ref, desk)
            now = self.clock.now()
            if ticket.day != local_day(now, office.timezone) and spec.action in {"reactivate", "resume", "transfer"}:
                raise ConflictError("ticket_other_day", number=ticket.number, day=ticket.day.isoformat())
            new_values = values(ticket, now)
            old_service_id = ticket.service_id
            if service_code is not None:
                target = self._service(session, office, service_code)
                if target.id == ticket.service_id:
                    raise ConflictError("same_service", number=ticket.number, service=target.code)
                if not target.active:
                    raise ConflictError("service_inactive", value=target.code)
                new_values.update(service_id=target.id, transferred_from_service_id=ticket.service_id)
            condition = [Ticket.id == ticket.id, Ticket.status.in_(spec.from_statuses)]
            if spec.at_desk:
                condition.append(Ticket.desk_id == desk.id)  # type: ignore[union-attr]
            from_status = ticket.status
            moved = session.execute(
                update(Ticket).where(and_(*condition)).values(status=spec.to_status, **new_values)
                .returning(Ticket.id).execution_options(synchronize_session=False)
            ).scalar()
            if moved is None:
                raise self._explain(session, ticket.id, spec, desk)
            session.refresh(ticket)
            self._event(session, ticket, spec.action, from_status, desk, actor, now,
                        service_id=old_service_id if spec.action == "transfer" else None)
            return self._view(session, ticket.id)

        self.auth.require(actor, "serve_queue", "ticket", str(ref or desk_code or ""))
        return self.db.write(work)

    def recall(self, actor: Actor, desk_code: str, ticket: TicketRef = None) -> TicketView:
        """Announce the desk's called ticket again (the board chimes); counts recalls."""
        return self._move(actor, _SPECS["recall"], ticket, desk_code,
                          lambda t, now: {"recall_count": Ticket.recall_count + 1, "called_at": t.called_at})

    def start_serving(self, actor: Actor, desk_code: str, ticket: TicketRef = None) -> TicketView:
        """The called person has arrived at the desk."""
        return self._move(actor, _SPECS["serve"], ticket, desk_code, lambda t, now: {"serving_at": now})

    def finish(self, actor: Actor, desk_code: str, outcome: str = "completed", ticket: TicketRef = None,
               note: str | None = None) -> TicketView:
        """Close the desk's ticket with an outcome (one of :data:`OUTCOMES`) and an optional note."""
        outcome = clean_choice(outcome, "outcome", OUTCOMES)
        clean_note = clean_text(note, "note", 500, required=False, multiline=True) or None
        return self._move(actor, _SPECS["finish"], ticket, desk_code,
                          lambda t, now: {"finished_at": now, "outcome": outcome, "note": clean_note})

    def no_show(self, actor: Actor, desk_code: str, ticket: TicketRef = None) -> TicketView:
        """Nobody came to the desk after the call."""
        return self._move(actor, _SPECS["no_show"], ticket, desk_code,
                          lambda t, now: {"finished_at": now, "outcome": "no_show"})

    def park(self, actor: Actor, desk_code: str, ticket: TicketRef = None) -> TicketView:
        """Set the desk's ticket aside (e.g. the person went to fetch a document); frees the desk."""
        return self._move(actor, _SPECS["park"], ticket, desk_code, lambda t, now: {})

    def resume(self, actor: Actor, ticket: TicketRef, desk_code: str | None = None) -> TicketView:
        """Put a parked ticket back in the queue, in its original place."""
        return self._move(actor, _SPECS["resume"], ticket, desk_code,
                          lambda t, now: {"desk_id": None, "called_at": None, "serving_at": None})

    def transfer(self, actor: Actor, ticket: TicketRef, to_service: str, desk_code: str | None = None
                 ) -> TicketView:
        """Move a ticket to another service; it keeps its number and its place by original waiting time."""
        return self._move(
            actor, _SPECS["transfer"], ticket, desk_code,
            lambda t, now: {"desk_id": None, "called_at": None, "serving_at": None,
                            "transfer_count": Ticket.transfer_count + 1},
            service_code=to_service,
        )

    def cancel(self, actor: Actor, ticket: TicketRef, desk_code: str | None = None) -> TicketView:
        """The person left before being called (or asks to withdraw)."""
        return self._move(actor, _SPECS["cancel"], ticket, desk_code,
                          lambda t, now: {"finished_at": now, "outcome": "cancelled", "desk_id": None})

    def reactivate(self, actor: Actor, ticket: TicketRef, desk_code: str | None = None) -> TicketView:
        """A no-show person turned up later the same day: back to waiting, in their original place."""
        return self._move(
            actor, _SPECS["reactivate"], ticket, desk_code,
            lambda t, now: {"desk_id": None, "called_at": None, "finished_at": None, "outcome": None},
        )

    # -- reading -----------------------------------------------------------------------------------------------
    def current_ticket(self, actor: Actor, desk_code: str) -> TicketView | None:
        """The ticket the desk holds (called or serving), if any."""
        self.auth.require(actor, "view_queue", "desk", desk_code)

        def work(session: Session) -> TicketView | None:
            office = self._office(session, actor)
            desk = self._desk(session, office, desk_code)
            views = self._views(session, select(Ticket).where(Ticket.desk_id == desk.id,
                                                               Ticket.status.in_(ACTIVE_AT_DESK)))
            return views[0] if views else None

        return self.db.read(work)

    def tickets(self, actor: Actor, *, desk_code: str | None = None, statuses: Sequence[str] = ("waiting",),
                day: date | None = None) -> list[TicketView]:
        """Today's tickets in ``statuses``, in call order; only the desk's services when ``desk_code`` is given."""
        self.auth.require(actor, "view_queue", "desk", desk_code or "")

        def work(session: Session) -> list[TicketView]:
            office = self._office(session, actor)
            query = select(Ticket).where(Ticket.office_id == office.id, Ticket.day == (day or self.today(office)),
                                         Ticket.status.in_(tuple(statuses)))
            if desk_code:
                desk = self._desk(session, office, desk_code)
                query = query.where(
                    Ticket.service_id.in_(select(DeskService.service_id).where(DeskService.desk_id == desk.id))
                )
            return self._views(session, query.order_by(Ticket.sort_key, Ticket.id))

        return self.db.read(work)

    def summary(self, actor: Actor, desk_code: str | None = None) -> list[ServiceQueue]:
        """Per service: how many wait now and the longest current wait."""
        self.auth.require(actor, "view_queue", "desk", desk_code or "")

        def work(session: Session) -> list[ServiceQueue]:
            office = self._office(session, actor)
            now = self.clock.now()
            services = select(Service).where(Service.office_id == office.id, Service.active.is_(True))
            if desk_code:
                desk = self._desk(session, office, desk_code)
                services = services.where(
                    Service.id.in_(select(DeskService.service_id).where(DeskService.desk_id == desk.id))
                )
            stats = dict(
                (sid, (count, oldest))
                for sid, count, oldest in session.execute(
                    select(Ticket.service_id, func.count(Ticket.id), func.min(Ticket.issued_at))
                    .where(Ticket.office_id == office.id, Ticket.day == local_day(now, office.timezone),
                           Ticket.status == "waiting")
                    .group_by(Ticket.service_id)
                ).all()
            )
            result = []
            for service in session.execute(services.order_by(Service.code)).scalars():
                count, oldest = stats.get(service.id, (0, None))
                if oldest is not None and oldest.tzinfo is None:  # aggregate bypasses the column type on SQLite
                    oldest = datetime.fromisoformat(str(oldest)).replace(tzinfo=now.tzinfo)
                longest = now - oldest if oldest is not None else timedelta(0)
                result.append(ServiceQueue(service.code, service.name, count, longest, service.target_wait_minutes))
            return result

        return self.db.read(work)

    # -- end of day --------------------------------------------------------------------------------------------
    def close_day(self, actor: Actor, before: date | None = None) -> int:
        """Close every ticket still open from days before ``before`` (default: today). Numbers are never reused.

        Returns how many tickets were closed. Safe to run again (then it closes none).
        """
        self.auth.require(actor, "close_day", "office", self.office_code or "")

        def work(session: Session) -> int:
            office = self._office(session, actor)
            now = self.clock.now()
            limit = before or local_day(now, office.timezone)
            stale = session.execute(
                select(Ticket).where(Ticket.office_id == office.id, Ticket.day < limit,
                                     Ticket.status.in_(OPEN_STATUSES))
            ).scalars().all()
            for ticket in stale:
                from_status = ticket.status
                closed = session.execute(
                    update(Ticket).where(Ticket.id == ticket.id, Ticket.status == from_status)
                    .values(status="closed", finished_at=now, outcome="day_closed")
                    .returning(Ticket.id).execution_options(synchronize_session=False)
                ).scalar()
                if closed is not None:
                    session.refresh(ticket)
                    self._event(session, ticket, "close", from_status, None, actor, now)
            self.auth.audit_log.record(session, actor.audit, "day.close", "office", office.code,
                                       detail={"before": limit.isoformat(), "closed": len(stale)})
            return len(stale)

        return self.db.write(work)


__all__ = [
    "LANGUAGES",
    "OUTCOMES",
    "PRIORITY_HEAD_START",
    "CallFilter",
    "QueueService",
    "ServiceQueue",
    "TicketRef",
    "TicketView",
]
