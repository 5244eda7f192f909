"""Staff, roles, permissions and login.

Every service call takes the acting :class:`Actor`; :func:`Authorizer.require`
checks the role's permissions here in the core, below any UI, and a refusal is
audited and raised as :class:`~desk_app.errors.PermissionDeniedError`.

Passwords are argon2id hashes (argon2-cffi defaults, RFC 9106 low-memory
profile). Five failed logins lock the account for five minutes; the counter is
incremented with a conditional UPDATE so concurrent attempts all count.
"""

from __future__ import annotations

import getpass
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock
from desk_app.core.audit import AuditActor, AuditLog
from desk_app.core.validation import clean_choice, clean_text, clean_username
from desk_app.db.engine import Database, on_rollback
from desk_app.db.models import ROLES, Office, Staff
from desk_app.errors import AuthError, ConflictError, NotFoundError, PermissionDeniedError, ValidationError

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8

_QUEUE_WORK = frozenset({"issue", "serve_queue", "view_queue"})
#: Counter work on a procedure: attach a case, tick its checklist, print sheets for the user.
_CASE_WORK = frozenset({"work_cases"})
#: Appointments, convocations and mediator bookings (names and practice numbers: every read is audited).
_BOOKING_WORK = frozenset({"book_appointments", "book_mediators"})
#: Calendars, the mediator roster and the retention purge of booking data.
_BOOKING_ADMIN = frozenset({"manage_calendar", "manage_mediators", "purge_personal_data"})
#: What each role may do. Actions are the keys of ``desk_app.errors.ACTION_NAMES``.
PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": _QUEUE_WORK | _CASE_WORK | _BOOKING_WORK,
    "mediator": frozenset({"own_bookings"}),
    "supervisor": _QUEUE_WORK
    | _CASE_WORK
    | _BOOKING_WORK
    | _BOOKING_ADMIN
    | {"export_reports", "close_day", "manage_setup", "view_cases", "edit_content"},
    "admin": _QUEUE_WORK
    | _CASE_WORK
    | _BOOKING_WORK
    | _BOOKING_ADMIN
    | {"export_reports", "close_day", "manage_setup", "manage_staff", "verify_audit", "manage_db", "view_cases",
       "edit_content"},
}

_hasher = PasswordHasher()


@dataclass(frozen=True)
class Actor:
    """The staff member (or system job) on whose behalf a service acts.

    Attributes:
        username: login name, or ``cli:<os user>`` for the admin command line.
        role: one of :data:`~desk_app.db.models.ROLES`.
        staff_id: ``None`` for a system actor.
        office_id: the office the actor belongs to; ``None`` means every office (system, admin).
        display_name: for the window title and printouts.
    """

    username: str
    role: str
    staff_id: int | None = None
    office_id: int | None = None
    display_name: str = ""

    @classmethod
    def system(cls, name: str | None = None) -> Actor:
        """The actor of ``desk-admin`` run by someone who already holds the database credentials."""
        who = name or f"cli:{_os_user()}"
        return cls(username=who, role="admin", display_name=who)

    def can(self, action: str) -> bool:
        return action in PERMISSIONS.get(self.role, frozenset())

    @property
    def audit(self) -> AuditActor:
        return AuditActor(self.username, self.staff_id, self.office_id)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"


def _actor_of(staff: Staff) -> Actor:
    return Actor(staff.username, staff.role, staff.id, staff.office_id, staff.display_name)


class Authorizer:
    """Checks permissions and audits refusals."""

    def __init__(self, audit: AuditLog) -> None:
        self.audit_log = audit

    def require(self, actor: Actor, action: str, object_type: str = "", object_id: str | int = "") -> None:
        """Return if ``actor`` may do ``action``; else audit the refusal and raise :class:`PermissionDeniedError`."""
        if actor.can(action):
            return
        self.audit_log.record_now(actor.audit, f"denied:{action}", object_type, object_id, outcome="denied")
        raise PermissionDeniedError(role=actor.role, action=action)

    def office_for(self, session: Session, actor: Actor, office_code: str | None) -> Office:
        """The office a service works for (named, or the only one), refusing an actor of another office."""
        from desk_app.core.office import resolve_office  # office.py imports this module

        office = resolve_office(session, office_code)
        self.require_office(actor, office.id, session)
        return office

    def require_office(self, actor: Actor, office_id: int, session: Session | None = None) -> None:
        """Refuse acting on another office than the actor's own (an office-less actor may act anywhere).

        Inside a transaction pass its ``session``: the refusal is then audited once it has rolled back
        (auditing inside it would be rolled back too, and a second write would wait on SQLite's lock).
        """
        if actor.office_id is not None and actor.office_id != office_id:
            def audit() -> None:
                self.audit_log.record_now(actor.audit, "denied:other_office", "office", office_id,
                                          outcome="denied")

            if session is None:
                audit()
            else:
                on_rollback(session, audit)
            raise PermissionDeniedError("other_office")


@dataclass(frozen=True)
class StaffView:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    office_code: str | None
    locked_until: datetime | None
    last_login_at: datetime | None


def check_password_strength(password: str) -> str:
    if password is None or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("weak_password", min=MIN_PASSWORD_LENGTH)
    if len(password) > 256:
        raise ValidationError("too_long", field="password", max=256)
    if any(ord(ch) < 32 for ch in password):
        raise ValidationError("control_chars", field="password")
    return password


class StaffService:
    """Accounts and login."""

    def __init__(self, db: Database, audit: AuditLog, clock: Clock | None = None) -> None:
        self.db = db
        self.audit_log = audit
        self.auth = Authorizer(audit)
        self.clock = clock or SystemClock()

    # -- login -------------------------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> Actor:
        """Check the password; return the :class:`Actor` or raise :class:`AuthError`.

        Unknown users and wrong passwords get the same message. A locked account
        is refused without checking the password (so guessing does not continue).
        The argon2 check (~50-150 ms) runs outside any transaction: on SQLite a write
        transaction holds the office-wide write lock. The outcome is then written
        with conditional updates, so an attempt racing a lockout cannot clear it.
        """
        try:
            name = clean_username(username)
        except ValidationError:
            name = None
        now = self.clock.now()
        staff = self.db.read(
            lambda s: s.execute(select(Staff).where(Staff.username == name)).scalar_one_or_none()) if name else None
        error: AuthError | None = None
        outcome = "ok"
        if staff is None:
            error, outcome = AuthError("bad_credentials"), "unknown"
        elif not staff.active:
            error, outcome = AuthError("account_disabled"), "disabled"
        elif staff.locked_until is not None and staff.locked_until > now:
            minutes = max(1, math.ceil((staff.locked_until - now).total_seconds() / 60))
            error, outcome = AuthError("account_locked", minutes=minutes), "locked"
        else:
            try:
                _hasher.verify(staff.password_hash, password or "")
            except (VerificationError, InvalidHashError):
                error, outcome = AuthError("bad_credentials"), "failed"
        new_hash = _hasher.hash(password) if (
            error is None and staff is not None and _hasher.check_needs_rehash(staff.password_hash)) else None

        def record(session: Session) -> AuthError | None:
            if staff is None:
                self.audit_log.record(session, AuditActor(f"login:{(name or '?')[:40]}"), "login", outcome=outcome)
                return error
            audit = _actor_of(staff).audit
            not_locked = or_(Staff.locked_until.is_(None), Staff.locked_until <= now)
            if outcome == "failed":
                failed = session.execute(
                    update(Staff).where(Staff.id == staff.id).values(failed_logins=Staff.failed_logins + 1)
                    .returning(Staff.failed_logins)
                ).scalar_one()
                if failed >= MAX_FAILED_LOGINS:
                    session.execute(update(Staff).where(Staff.id == staff.id)
                                    .values(locked_until=now + LOCKOUT, failed_logins=0))
                    self.audit_log.record(session, audit, "login", "staff", staff.id, outcome="lockout")
                    return AuthError("account_locked", minutes=int(LOCKOUT.total_seconds() // 60))
            elif outcome == "ok":
                values: dict[str, Any] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
                if new_hash:
                    values["password_hash"] = new_hash
                # Only if no lockout was committed meanwhile by a parallel wrong guess.
                if session.execute(update(Staff).where(Staff.id == staff.id, Staff.active.is_(True), not_locked)
                                   .values(**values).returning(Staff.id)).scalar() is None:
                    self.audit_log.record(session, audit, "login", "staff", staff.id, outcome="locked")
                    return AuthError("account_locked", minutes=int(LOCKOUT.total_seconds() // 60))
            self.audit_log.record(session, audit, "login", "staff", staff.id, outcome=outcome)
            return error

        # The attempt is committed (counter, audit) before any error is raised.
        error = self.db.write(record)
        if error is not None:
            raise error
        assert staff is not None
        return _actor_of(staff)

    def logout(self, actor: Actor) -> None:
        self.audit_log.record_now(actor.audit, "logout", "staff", actor.staff_id or "")

    # -- administration ----------------------------------------------------------------------------------------
    def add_staff(
        self,
        actor: Actor,
        username: str,
        display_name: str,
        role: str,
        password: str,
        office_code: str | None = None,
    ) -> StaffView:
        """Create an account. Admins only."""
        self.auth.require(actor, "manage_staff", "staff", username)
        name = clean_username(username)
        shown = clean_text(display_name, "display_name", 80)
        role = clean_choice(role, "role", ROLES)
        digest = _hasher.hash(check_password_strength(password))

        def work(session: Session) -> StaffView:
            office_id = None
            if office_code:
                office_id = session.execute(select(Office.id).where(Office.code == office_code.upper())).scalar()
                if office_id is None:
                    raise NotFoundError("unknown_office", value=office_code)
            elif actor.office_id is not None:
                office_id = actor.office_id
            else:
                office_ids = session.execute(select(Office.id)).scalars().all()
                office_id = office_ids[0] if len(office_ids) == 1 else None
                if office_id is None and len(office_ids) > 1 and role != "admin":
                    # an office-less account may act in every office: only administrators get that
                    raise ValidationError("required", field="office")
            staff = Staff(
                username=name, display_name=shown, role=role, password_hash=digest, office_id=office_id,
                active=True, failed_logins=0, created_at=self.clock.now(),
            )
            session.add(staff)
            try:
                session.flush()
            except IntegrityError as exc:
                raise ConflictError("duplicate", kind="username", value=name) from exc
            self.audit_log.record(session, actor.audit, "staff.add", "staff", staff.id, detail={"username": name,
                                                                                                  "role": role})
            return self._view(session, staff)

        return self.db.write(work)

    def list_staff(self, actor: Actor) -> list[StaffView]:
        self.auth.require(actor, "manage_staff", "staff")
        return self.db.read(
            lambda s: [self._view(s, st) for st in s.execute(select(Staff).order_by(Staff.username)).scalars()]
        )

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        """Admins set anyone's password; everyone may change their own. Also clears a lockout."""
        name = clean_username(username)
        if actor.username != name:
            self.auth.require(actor, "manage_staff", "staff", name)
        digest = _hasher.hash(check_password_strength(password))
        self._update(actor, name, "staff.passwd", password_hash=digest, failed_logins=0, locked_until=None)

    def set_active(self, actor: Actor, username: str, active: bool) -> None:
        self.auth.require(actor, "manage_staff", "staff", username)
        self._update(actor, clean_username(username), "staff.enable" if active else "staff.disable", active=active)

    def _update(self, actor: Actor, name: str, action: str, **values: Any) -> None:
        def work(session: Session) -> None:
            staff_id = session.execute(
                update(Staff).where(Staff.username == name).values(**values).returning(Staff.id)
            ).scalar()
            if staff_id is None:
                raise NotFoundError("unknown_staff", value=name)
            self.audit_log.record(session, actor.audit, action, "staff", staff_id)

        self.db.write(work)

    def count(self) -> int:
        return self.db.read(lambda s: s.execute(select(func.count(Staff.id))).scalar_one())

    @staticmethod
    def _view(session: Session, staff: Staff) -> StaffView:
        office_code = session.get(Office, staff.office_id).code if staff.office_id else None  # type: ignore[union-attr]
        return StaffView(staff.id, staff.username, staff.display_name, staff.role, staff.active, office_code,
                         staff.locked_until, staff.last_login_at)
