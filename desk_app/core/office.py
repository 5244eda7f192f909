"""Office set-up: the office, its services (queues) and desks, and which desk serves what.

Set-up comes from flags or a TOML file (``desk-admin setup --file office.toml``)::

    [office]
    code = "LODI"
    name = "Prefettura di Lodi - Sportello Unico per l'Immigrazione"
    address = "Corso Umberto I 40, 26900 Lodi"

    [[service]]
    code = "RF"; name = "Ricongiungimento familiare"; prefix = "R"; target_wait_minutes = 20

    [[desk]]
    code = "D1"; name = "Sportello 1"; services = ["RF", "LAV"]

Applying the same file twice changes nothing (codes are the keys).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desk_app.clock import Clock, local_day
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.validation import clean_choice, clean_code, clean_text
from desk_app.db.engine import Database
from desk_app.db.feed import Change, notify
from desk_app.db.models import ACTIVE_AT_DESK, OPEN_AT_CLOSE, Desk, DeskService, Office, Service, Ticket
from desk_app.errors import ConflictError, NotFoundError, ValidationError


@dataclass(frozen=True)
class ServiceView:
    id: int
    code: str
    name: str
    prefix: str
    target_wait_minutes: int
    active: bool


@dataclass(frozen=True)
class DeskView:
    id: int
    code: str
    name: str
    service_codes: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class OfficeView:
    id: int
    code: str
    name: str
    address: str
    timezone: str
    services: tuple[ServiceView, ...]
    desks: tuple[DeskView, ...]

    def service(self, code: str) -> ServiceView:
        for service in self.services:
            if service.code == code:
                return service
        raise NotFoundError("unknown_service", value=code)


@dataclass(frozen=True)
class OfficeSetup:
    """A validated office set-up (see :func:`clean_setup`).

    Attributes:
        services: (code, name, prefix, target wait in minutes) per service.
        desks: (code, name, codes of the services it calls) per desk.
    """

    code: str
    name: str
    address: str
    services: tuple[tuple[str, str, str, int], ...]
    desks: tuple[tuple[str, str, tuple[str, ...]], ...]


def clean_setup(setup: Mapping[str, Any]) -> OfficeSetup:
    """Validate a set-up (``[office]``, ``[[service]]``, ``[[desk]]``, see the module docstring) without
    writing anything; raise :class:`ValidationError` at the first bad entry."""
    office_in = setup.get("office") or {}
    if not isinstance(office_in, Mapping):
        raise ValidationError("required", field="office")
    code = clean_code(office_in.get("code"), "office.code")
    name = clean_text(office_in.get("name"), "office.name", 120)
    address = clean_text(office_in.get("address"), "office.address", 240, required=False)
    services = tuple(
        (clean_code(s.get("code"), "service.code"), clean_text(s.get("name"), "service.name", 120),
         _clean_prefix(s.get("prefix", "")), _target(s.get("target_wait_minutes", 20)))
        for s in _entries(setup.get("service"), "service")
    )
    desks = tuple(
        (clean_code(d.get("code"), "desk.code"), clean_text(d.get("name") or d.get("code"), "desk.name", 60),
         tuple(clean_code(c, "desk.services") for c in d.get("services", ())))
        for d in _entries(setup.get("desk"), "desk")
    )
    _unique([s[0] for s in services], "service")
    _unique([s[2] for s in services], "prefix")
    _unique([d[0] for d in desks], "desk")
    return OfficeSetup(code, name, address, services, desks)


def read_setup_file(path: Path) -> dict[str, Any]:
    """The set-up in a TOML file (``[office]``, ``[[service]]``, ``[[desk]]``), not yet validated."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError("bad_setup_file", path=str(path), reason=str(exc).splitlines()[0]) from exc


def resolve_office(session: Session, office_code: str | None) -> Office:
    """The office named by ``office_code``, or the only office when none is named."""
    if office_code:
        office = session.execute(select(Office).where(Office.code == office_code.strip().upper())).scalar()
        if office is None:
            raise NotFoundError("unknown_office", value=office_code)
        return office
    offices = session.execute(select(Office).order_by(Office.id).limit(2)).scalars().all()
    if not offices:
        raise NotFoundError("no_office")
    if len(offices) > 1:
        raise ValidationError("required", field="office")
    return offices[0]


def find_service(session: Session, office_id: int, code: str) -> Service:
    """The office's service with ``code`` (any case), or :class:`NotFoundError` ``unknown_service``."""
    service = session.execute(
        select(Service).where(Service.office_id == office_id, Service.code == clean_code(code, "service"))
    ).scalar()
    if service is None:
        raise NotFoundError("unknown_service", value=code)
    return service


def _clean_prefix(value: str) -> str:
    prefix = clean_text(value, "prefix", 2).upper()
    if not prefix.isascii() or not prefix.isalpha():
        raise ValidationError("bad_code", value=prefix, max=2)
    return prefix


def _target(value: Any) -> int:
    try:
        minutes = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError("bad_number", value=str(value)[:20], field="target_wait_minutes") from exc
    if not 1 <= minutes <= 600:
        raise ValidationError("bad_number", value=str(minutes), field="target_wait_minutes")
    return minutes


class OfficeService:
    """Creates and reads office set-up. Changes need ``manage_setup`` and are audited."""

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock

    def view(self, office_code: str | None = None) -> OfficeView:
        """The office with its services and desks (no permission needed: nothing personal)."""
        return self.db.read(lambda s: self._view(s, resolve_office(s, office_code)))

    def offices(self) -> list[str]:
        return self.db.read(lambda s: list(s.execute(select(Office.code).order_by(Office.code)).scalars()))

    def prefixes_in_use(self, office_code: str | None = None) -> dict[str, str]:
        """Ticket letters printed today in the office: letter -> code of the service that printed it.

        Such a letter cannot move to another service until tomorrow (:meth:`apply_in` refuses it with
        ``prefix_in_use``); the editors say so before saving. No permission needed: letters and service codes
        are printed on every ticket.
        """
        def work(session: Session) -> dict[str, str]:
            office = resolve_office(session, office_code)
            today = local_day(self.clock.now(), office.timezone)
            found: dict[str, str] = {}
            for code, number in session.execute(
                select(Service.code, Ticket.number).distinct().join(Service, Service.id == Ticket.origin_service_id)
                .where(Ticket.office_id == office.id, Ticket.day == today)
            ).all():
                found.setdefault(number.rstrip("0123456789"), code)
            return found

        return self.db.read(work)

    def apply(self, actor: Actor, setup: Mapping[str, Any]) -> OfficeView:
        """Create or update the office, services and desks described by ``setup`` (see module docstring).

        Everything is validated first, then written in one transaction: a bad
        entry anywhere leaves the database as it was. Needs ``manage_setup``.
        """
        self.auth.require(actor, "manage_setup", "office")
        clean = clean_setup(setup)
        return self.db.write(lambda session: self.apply_in(session, actor, clean))

    def apply_in(self, session: Session, actor: Actor, setup: OfficeSetup) -> OfficeView:
        """Apply a validated set-up inside the caller's write transaction (the first-run set-up writes the
        office, its administrator and its catalogue together). Needs ``manage_setup`` in that office."""
        self.auth.require(actor, "manage_setup", "office", setup.code, session=session)
        office = session.execute(select(Office).where(Office.code == setup.code)).scalar()
        if office is None:
            office = Office(code=setup.code, name=setup.name, address=setup.address, timezone="Europe/Rome")
            session.add(office)
        else:
            office.name, office.address = setup.name, setup.address or office.address
        session.flush()
        self.auth.require_office(actor, office.id, session)
        by_code = {s.code: s for s in session.execute(select(Service).where(Service.office_id == office.id))
                   .scalars()}
        # Numbers are prefix + sequence per day: a prefix another service printed today cannot move yet.
        today = local_day(self.clock.now(), office.timezone)
        used: dict[str, set[int]] = {}
        for origin, number in session.execute(
            select(Ticket.origin_service_id, Ticket.number).distinct()
            .where(Ticket.office_id == office.id, Ticket.day == today)
        ).all():
            used.setdefault(number.rstrip("0123456789"), set()).add(origin)
        for code, name, prefix, target in setup.services:
            service = by_code.get(code)
            if used.get(prefix, set()) - ({service.id} if service is not None else set()):
                raise ValidationError("prefix_in_use", prefix=prefix)
            if service is None:
                service = Service(office_id=office.id, code=code, name=name, prefix=prefix,
                                  target_wait_minutes=target, active=True)
                session.add(service)
                by_code[code] = service
            else:
                service.name, service.prefix, service.target_wait_minutes = name, prefix, target
        session.flush()
        desk_by_code = {d.code: d for d in session.execute(select(Desk).where(Desk.office_id == office.id))
                        .scalars()}
        for code, name, service_codes in setup.desks:
            unknown = [c for c in service_codes if c not in by_code]
            if unknown:
                raise NotFoundError("unknown_service", value=unknown[0])
            desk = desk_by_code.get(code)
            if desk is None:
                desk = Desk(office_id=office.id, code=code, name=name, active=True)
                session.add(desk)
                session.flush()
            else:
                desk.name = name
            session.execute(delete(DeskService).where(DeskService.desk_id == desk.id))
            session.add_all(DeskService(desk_id=desk.id, service_id=by_code[c].id) for c in service_codes)
        session.flush()
        self.auth.audit_log.record(session, actor.audit, "setup.apply", "office", office.code,
                                   detail={"services": len(setup.services), "desks": len(setup.desks)})
        # Every running desk and board re-reads the set-up (names, letters, which desk serves what; issue 12).
        notify(session, Change("office", "setup", office.id, self.clock.now(),
                               {"services": len(setup.services), "desks": len(setup.desks)}))
        return self._view(session, office)

    def set_active(self, actor: Actor, kind: str, code: str, active: bool,
                   office_code: str | None = None) -> OfficeView:
        """Take a service or a desk (``kind``) of the office (``office_code``, or the only one) out of use, or
        back (issue 12). Needs ``manage_setup`` in that office.

        Nothing is deleted: tickets, counts and reports keep referring to it. An inactive service is not offered
        for new tickets or appointments and is not called; an inactive desk calls nothing and is not offered as
        a PC's desk. A service with tickets still open today (waiting, called, serving, parked) stays active until
        they are done or transferred (``service_has_tickets``), and a desk with a ticket in progress until it is
        finished (``desk_busy``): nobody is left in a queue no desk calls. Audited; the change feed tells every
        desk.
        """
        kind = clean_choice(kind, "kind", ("service", "desk"))
        self.auth.require(actor, "manage_setup", kind, str(code)[:32])
        wanted = clean_code(code, kind)

        def work(session: Session) -> OfficeView:
            office = self.auth.office_for(session, actor, office_code)
            now = self.clock.now()
            row: Service | Desk | None
            if kind == "service":
                row = session.execute(select(Service).where(Service.office_id == office.id,
                                                            Service.code == wanted)).scalar()
                if row is None:
                    raise NotFoundError("unknown_service", value=wanted)
                if not active:
                    still_open = session.execute(select(func.count(Ticket.id)).where(
                        Ticket.service_id == row.id, Ticket.status.in_(OPEN_AT_CLOSE),
                        Ticket.day == local_day(now, office.timezone))).scalar_one()
                    if still_open:
                        raise ConflictError("service_has_tickets", value=wanted, count=still_open)
            else:
                row = session.execute(select(Desk).where(Desk.office_id == office.id, Desk.code == wanted)).scalar()
                if row is None:
                    raise NotFoundError("unknown_desk", value=wanted)
                if not active:
                    held = session.execute(select(Ticket.number).where(
                        Ticket.desk_id == row.id, Ticket.status.in_(ACTIVE_AT_DESK)).limit(1)).scalar()
                    if held is not None:
                        raise ConflictError("desk_busy", desk=wanted, number=held)
            if row.active != active:
                row.active = active
                session.flush()
                self.auth.audit_log.record(session, actor.audit, "setup.active", kind, wanted,
                                           detail={"active": active})
                notify(session, Change("office", "active", office.id, now, {"kind": kind, "code": wanted,
                                                                             "active": active}))
            return self._view(session, office)

        return self.db.write(work)

    def apply_file(self, actor: Actor, path: Path) -> OfficeView:
        """:meth:`apply` of a TOML set-up file (see :func:`read_setup_file`)."""
        return self.apply(actor, read_setup_file(path))

    @staticmethod
    def _view(session: Session, office: Office) -> OfficeView:
        services = session.execute(select(Service).where(Service.office_id == office.id).order_by(Service.code))
        desks = session.execute(select(Desk).where(Desk.office_id == office.id).order_by(Desk.code))
        return OfficeView(
            office.id, office.code, office.name, office.address, office.timezone,
            tuple(ServiceView(s.id, s.code, s.name, s.prefix, s.target_wait_minutes, s.active)
                  for s in services.scalars()),
            tuple(DeskView(d.id, d.code, d.name, tuple(s.code for s in d.services), d.active)
                  for d in desks.scalars()),
        )


def _entries(value: Any, field: str) -> Iterable[Mapping[str, Any]]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ValidationError("required", field=field)
    return value


def _unique(values: list[str], kind: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValidationError("duplicate", kind=kind, value=value)
        seen.add(value)
