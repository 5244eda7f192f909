"""Staff, roles, permissions and login.

Every service call takes the acting :class:`Actor`; :func:`Authorizer.require`
checks the role's permissions here in the core, below any UI, and a refusal is
audited and raised as :class:`~desk_app.errors.PermissionDeniedError`.

Passwords are argon2id hashes (argon2-cffi defaults, RFC 9106 low-memory
profile). Five failed logins lock the account for five minutes; each attempt is
counted before its password is checked, in a write transaction holding the staff
row, so concurrent guesses never get more than five checks (:meth:`StaffService.login`).
Every login path costs one argon2 verification (a dummy hash when there is no account
to check), so the delay does not tell which usernames exist.
"""

from __future__ import annotations

import getpass
import math
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
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
#: Length of a password made by :meth:`StaffService.reset_password` (about 70 bits from :data:`_READABLE`).
RESET_PASSWORD_LENGTH = 14
#: Letters and digits that cannot be mistaken for one another when read out or copied by hand (no 0/O, 1/l/I).
_READABLE = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789"

#: Counter work on the live queue; ``view_calls`` is what the waiting-room board shows (numbers and desks).
_QUEUE_WORK = frozenset({"issue", "serve_queue", "view_queue", "view_calls"})
#: Counter work on a procedure: attach a case, tick its checklist, print sheets for the user.
_CASE_WORK = frozenset({"work_cases"})
#: Appointments, convocations and mediator bookings (names and practice numbers: every read is audited).
_BOOKING_WORK = frozenset({"book_appointments", "book_mediators"})
#: Calendars, the mediator roster and the retention purge of booking data.
_BOOKING_ADMIN = frozenset({"manage_calendar", "manage_mediators", "purge_personal_data"})
#: Awareness sessions in the reception centres (issue 16): plan, book their mediator, record counts, cancel.
_AWARENESS_WORK = frozenset({"run_awareness"})
#: Practices shared with the Questura (issue 16): send, answer, send back, close, see what waits on whom.
_PRACTICE_WORK = frozenset({"share_practices"})
#: The coordination meeting's list and the decisions it takes (issue 16).
_PRACTICE_COORDINATION = frozenset({"coordinate_practices"})
#: The territorial services directory (issue 15): search it and record a referral at the counter.
_DIRECTORY_REFERRAL = frozenset({"refer"})
#: The office's review of the directory: write any entry, publish, withdraw, link partner accounts.
_DIRECTORY_ADMIN = frozenset({"manage_directory"})
#: What each role may do. Actions are the keys of ``desk_app.core.names.ACTION_NAMES``.
#: ``display`` is the waiting-room board (:meth:`Actor.display_board`): no staff account has it (it is not in
#: ``ROLES``, whose CHECK guards the staff table), and it reads the calls and nothing else.
PERMISSIONS: dict[str, frozenset[str]] = {
    "display": frozenset({"view_calls"}),
    "clerk": _QUEUE_WORK | _CASE_WORK | _BOOKING_WORK | _PRACTICE_WORK | _DIRECTORY_REFERRAL,
    "mediator": frozenset({"own_bookings"}),
    "supervisor": _QUEUE_WORK
    | _CASE_WORK
    | _BOOKING_WORK
    | _BOOKING_ADMIN
    | _AWARENESS_WORK
    | _PRACTICE_WORK
    | _PRACTICE_COORDINATION
    | _DIRECTORY_REFERRAL
    | _DIRECTORY_ADMIN
    | {"export_reports", "close_day", "manage_setup", "view_cases", "edit_content"},
    "admin": _QUEUE_WORK
    | _CASE_WORK
    | _BOOKING_WORK
    | _BOOKING_ADMIN
    | _AWARENESS_WORK
    | _PRACTICE_WORK
    | _PRACTICE_COORDINATION
    | _DIRECTORY_REFERRAL
    | _DIRECTORY_ADMIN
    | {"export_reports", "close_day", "manage_setup", "manage_staff", "verify_audit", "manage_db", "view_cases",
       "edit_content"},
    # Outside bodies (issues 15 and 16): each helper fills its own set; empty until then, so such an account can
    # log in and do nothing.
    # Issue 15: a person of an organisation of the services directory edits only that organisation's entries
    # (desk_app.core.directory checks which organisation the account is linked to).
    "partner": frozenset({"edit_own_directory"}),
    # Issue 16: the Questura's Immigration Office sees and answers only the practices sent to it, with the minimum
    # personal data (desk_app.core.practices enforces what it sees).
    "questura": frozenset({"share_practices"}),
    # The machine owner's own jobs on the command line (``desk-admin --system``), acting for no person: the
    # schema, the first set-up of an empty database, the day close and the retention purge a scheduler runs,
    # the audit check. Everything done for a person (tickets, staff, exports) needs that person's login.
    "system": frozenset({"manage_db", "first_setup", "close_day", "purge_personal_data", "verify_audit"}),
}

#: Roles of the outside bodies (issues 15 and 16): they reach the application for their own entries or the practices
#: sent to them and nothing of the office's own screens (board, administration, this PC's desk and printer).
OUTSIDE_ROLES = frozenset({"partner", "questura"})

_hasher = PasswordHasher()
#: Dummy hashes per argon2 parameter set (see :func:`_dummy_hash`).
_dummy_hashes: dict[tuple[Any, ...], str] = {}


def _dummy_hash(hasher: PasswordHasher) -> str:
    """A hash of a random secret made with ``hasher``'s parameters, to verify against when there is no account.

    Verifying against it costs what verifying an account's hash made by the same hasher costs, so an unknown
    name answers as slowly as a known one. Made once per parameter set (the first unknown name pays one hash).
    """
    params = (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len, hasher.salt_len,
              hasher.type)
    found = _dummy_hashes.get(params)
    if found is None:
        found = _dummy_hashes[params] = hasher.hash(secrets.token_urlsafe(32))
    return found


@dataclass(frozen=True)
class _Attempt:
    """What the first transaction of a login decided: ``kind`` is ``unknown``, ``disabled``, ``locked``,
    ``throttled`` (the allowance is taken by attempts being checked) or ``check`` (counted: check the password)."""

    kind: str
    actor: Actor | None = None
    minutes: int = 0
    password_hash: str = field(default="", repr=False)


@dataclass(frozen=True)
class Actor:
    """The staff member (or system job) on whose behalf a service acts.

    Attributes:
        username: login name, or ``cli:<os user>`` for the admin command line.
        role: one of :data:`~desk_app.db.models.ROLES`, or ``display`` for the waiting-room board.
        staff_id: ``None`` for a system actor and the board.
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
        """An in-process job of the app itself, with an administrator's rights: the desk app's first-run wizard
        (before any account exists), the day close at start, the first set-up that ``--system`` may do.

        ``desk-admin`` never hands it out: a person logs in (``--user``), the machine owner is
        :meth:`machine_owner`.
        """
        who = name or f"cli:{_os_user()}"
        return cls(username=who, role="admin", display_name=who)

    @classmethod
    def machine_owner(cls, os_user: str | None = None) -> Actor:
        """``desk-admin --system``: the owner of this machine's installation, acting for no staff member.

        Audited as ``system (OS user NAME)``; its role ``system`` allows only the machine's own jobs
        (see :data:`PERMISSIONS`), and anything done for a person is refused with ``needs_person``.
        """
        who = f"system (OS user {(os_user or _os_user())[:40]})"
        return cls(username=who, role="system", display_name=who)

    @classmethod
    def display_board(cls, office_id: int) -> Actor:
        """The waiting-room board of ``office_id``: it reads the calls (numbers and desks) and nothing else.

        No login and no staff row: what the board shows is public. It is bound to its office, so
        it cannot read another office's calls either.
        """
        return cls(username="display-board", role="display", office_id=office_id, display_name="Display board")

    @property
    def outside(self) -> bool:
        """A person of an outside body (:data:`OUTSIDE_ROLES`), not of the office."""
        return self.role in OUTSIDE_ROLES

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

    def require(self, actor: Actor, action: str, object_type: str = "", object_id: str | int = "",
                session: Session | None = None) -> None:
        """Return if ``actor`` may do ``action``; else audit the refusal and raise :class:`PermissionDeniedError`.

        Inside a transaction pass its ``session``: the refusal is audited once it has rolled back.
        """
        if actor.can(action):
            return

        def audit() -> None:
            self.audit_log.record_now(actor.audit, f"denied:{action}", object_type, object_id, outcome="denied")

        if session is None:
            audit()
        else:
            on_rollback(session, audit)
        if actor.role == "system":  # the machine owner's mode acts for no one: say who may
            raise PermissionDeniedError("needs_person", action=action)
        raise PermissionDeniedError(role=actor.role, action=action)

    def office_for(self, session: Session, actor: Actor, office_code: str | None) -> Office:
        """The office a service works for (named, or the only one), refusing an actor of another office."""
        from desk_app.core.office import resolve_office  # office.py imports this module

        office = resolve_office(session, office_code)
        self.require_office(actor, office.id, session)
        return office

    def require_office(self, actor: Actor, office_id: int | None, session: Session | None = None) -> None:
        """Refuse acting on another office than the actor's own (an office-less actor may act anywhere).

        ``office_id`` ``None`` is something of no single office (an office-less account): only an
        office-less actor may touch it. Inside a transaction pass its ``session``: the refusal is then
        audited once it has rolled back (auditing inside it would be rolled back too, and a second write
        would wait on SQLite's lock).
        """
        if actor.office_id is not None and actor.office_id != office_id:
            def audit() -> None:
                self.audit_log.record_now(actor.audit, "denied:other_office", "office", office_id or "",
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


def new_password() -> str:
    """A random password to hand over once (a reset, a new account): :data:`RESET_PASSWORD_LENGTH` characters
    from :data:`_READABLE`, from the system's secure random source."""
    return "".join(secrets.choice(_READABLE) for _ in range(RESET_PASSWORD_LENGTH))


def check_password_strength(password: str) -> str:
    if password is None or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("weak_password", min=MIN_PASSWORD_LENGTH)
    if len(password) > 256:
        raise ValidationError("too_long", field="password", max=256)
    if any(ord(ch) < 32 for ch in password):
        raise ValidationError("control_chars", field="password")
    return password


@dataclass(frozen=True)
class NewAccount:
    """A validated staff account to create, its password already hashed (see :func:`new_account`)."""

    username: str
    display_name: str
    role: str
    password_hash: str = field(repr=False)


def new_account(username: str, display_name: str, role: str, password: str) -> NewAccount:
    """Validate an account (username, name, role, password strength) and hash its password.

    Raises :class:`ValidationError` before anything is written. The argon2 hash (~50 ms) is computed
    here, outside any transaction: on SQLite a write transaction holds the office-wide write lock.
    """
    return NewAccount(clean_username(username), clean_text(display_name, "display_name", 80),
                      clean_choice(role, "role", ROLES), _hasher.hash(check_password_strength(password)))


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

        Unknown, disabled and wrong get the same sentence (the audit log tells the admin which it was).
        Every attempt costs the same: one argon2 verification, against the account's hash or, for an
        unknown, malformed or disabled name and for a locked account, against a dummy hash made with the
        same parameters (:func:`_dummy_hash`), so the answer's delay does not tell which names exist.

        Counting happens in write transactions that hold the staff row (``FOR UPDATE`` on PostgreSQL,
        ``BEGIN IMMEDIATE`` on SQLite): an attempt is counted *before* its password is checked, and once
        :data:`MAX_FAILED_LOGINS` attempts are counted further ones are refused unchecked until they are
        settled; the one that settles the fifth failure locks the account. So any number of desks racing
        wrong guesses get at most five passwords checked before the lockout, and an attempt that dies
        half-way still counts as a failure. The argon2 check itself (~50-150 ms) runs between the two
        transactions, outside any of them: on SQLite a write transaction holds the office-wide write lock.
        """
        try:
            name: str | None = clean_username(username)
        except ValidationError:
            name = None
        now = self.clock.now()
        hasher = _hasher

        def reserve(session: Session) -> _Attempt:
            staff = session.execute(select(Staff).where(Staff.username == name).with_for_update()
                                    ).scalar_one_or_none() if name else None
            if staff is None:
                return _Attempt("unknown")
            actor = _actor_of(staff)
            if not staff.active:
                return _Attempt("disabled", actor)
            if staff.locked_until is not None and staff.locked_until > now:
                minutes = max(1, math.ceil((staff.locked_until - now).total_seconds() / 60))
                return _Attempt("locked", actor, minutes=minutes)
            if staff.failed_logins >= MAX_FAILED_LOGINS:  # the allowance is taken by attempts being checked
                return _Attempt("throttled", actor, minutes=int(LOCKOUT.total_seconds() // 60))
            session.execute(update(Staff).where(Staff.id == staff.id)
                            .values(failed_logins=Staff.failed_logins + 1))
            return _Attempt("check", actor, password_hash=staff.password_hash)

        attempt = self.db.write(reserve)
        checked = attempt.password_hash if attempt.kind == "check" else _dummy_hash(hasher)
        try:
            matches = hasher.verify(checked, password or "") and attempt.kind == "check"
        except (VerificationError, InvalidHashError):
            matches = False
        new_hash = hasher.hash(password) if matches and hasher.check_needs_rehash(checked) else None

        def settle(session: Session) -> tuple[AuthError | None, Actor | None]:
            if attempt.actor is None:
                self.audit_log.record(session, AuditActor(f"login:{(name or '?')[:40]}"), "login", outcome="unknown")
                return AuthError("bad_credentials"), None
            audit, staff_id = attempt.actor.audit, attempt.actor.staff_id
            if attempt.kind != "check":
                self.audit_log.record(session, audit, "login", "staff", staff_id or "", outcome=attempt.kind)
                if attempt.kind == "disabled":
                    return AuthError("bad_credentials"), None
                return AuthError("account_locked", minutes=attempt.minutes), None
            row = session.execute(select(Staff).where(Staff.id == staff_id).with_for_update()).scalar_one_or_none()
            locked = row is not None and row.locked_until is not None and row.locked_until > now
            if matches and row is not None and row.active and not locked and row.password_hash == checked:
                values: dict[str, Any] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
                if new_hash:
                    values["password_hash"] = new_hash
                session.execute(update(Staff).where(Staff.id == row.id).values(**values))
                self.audit_log.record(session, audit, "login", "staff", row.id, outcome="ok")
                return None, _actor_of(row)
            if matches and locked:  # the right password, but parallel wrong guesses locked the account meanwhile
                self.audit_log.record(session, audit, "login", "staff", staff_id or "", outcome="locked")
                return AuthError("account_locked", minutes=int(LOCKOUT.total_seconds() // 60)), None
            # A wrong password (or one that was right for a hash changed meanwhile): counted when reserved.
            if row is not None and not locked and row.failed_logins >= MAX_FAILED_LOGINS:
                session.execute(update(Staff).where(Staff.id == row.id)
                                .values(locked_until=now + LOCKOUT, failed_logins=0))
                self.audit_log.record(session, audit, "login", "staff", row.id, outcome="lockout")
                return AuthError("account_locked", minutes=int(LOCKOUT.total_seconds() // 60)), None
            self.audit_log.record(session, audit, "login", "staff", staff_id or "", outcome="failed")
            if locked:  # a parallel wrong guess locked it meanwhile
                return AuthError("account_locked", minutes=int(LOCKOUT.total_seconds() // 60)), None
            return AuthError("bad_credentials"), None

        # The attempt is committed (counter, audit) before any error is raised.
        error, actor = self.db.write(settle)
        if error is not None:
            raise error
        assert actor is not None
        return actor

    def logout(self, actor: Actor) -> None:
        self.audit_log.record_now(actor.audit, "logout", "staff", actor.staff_id or "")

    # -- administration ----------------------------------------------------------------------------------------
    # An office-bound admin sees and changes the staff of their own office only; an office-less admin
    # (the system actor of desk-admin, an admin created without an office) may act in every office.
    def add_staff(
        self,
        actor: Actor,
        username: str,
        display_name: str,
        role: str,
        password: str,
        office_code: str | None = None,
    ) -> StaffView:
        """Create an account in ``office_code`` (default: the actor's office, or the only one). Admins only."""
        self.auth.require(actor, "manage_staff", "staff", username)
        account = new_account(username, display_name, role, password)
        return self.db.write(lambda session: self.add_staff_in(session, actor, account, office_code))

    def add_staff_in(self, session: Session, actor: Actor, account: NewAccount,
                     office_code: str | None = None) -> StaffView:
        """Create ``account`` inside the caller's write transaction (the first-run set-up writes the office
        and its administrator together). Needs ``manage_staff`` in the account's office."""
        self.auth.require(actor, "manage_staff", "staff", account.username, session=session)
        office_id = None
        if office_code:
            office_id = session.execute(select(Office.id).where(Office.code == office_code.strip().upper())).scalar()
            if office_id is None:
                raise NotFoundError("unknown_office", value=office_code)
        elif actor.office_id is not None:
            office_id = actor.office_id
        else:
            office_ids = session.execute(select(Office.id)).scalars().all()
            office_id = office_ids[0] if len(office_ids) == 1 else None
            if office_id is None and len(office_ids) > 1 and account.role != "admin":
                # an office-less account may act in every office: only administrators get that
                raise ValidationError("required", field="office")
        self.auth.require_office(actor, office_id, session)
        staff = Staff(
            username=account.username, display_name=account.display_name, role=account.role,
            password_hash=account.password_hash, office_id=office_id, active=True, failed_logins=0,
            created_at=self.clock.now(),
        )
        session.add(staff)
        try:
            session.flush()
        except IntegrityError as exc:
            raise ConflictError("duplicate", kind="username", value=account.username) from exc
        self.audit_log.record(session, actor.audit, "staff.add", "staff", staff.id,
                              detail={"username": account.username, "role": account.role})
        return self._view(session, staff)

    def list_staff(self, actor: Actor) -> list[StaffView]:
        """Every account the actor administers (an office-bound admin: those of their office), by username."""
        self.auth.require(actor, "manage_staff", "staff")
        query = select(Staff).order_by(Staff.username)
        if actor.office_id is not None:
            query = query.where(Staff.office_id == actor.office_id)
        return self.db.read(lambda s: [self._view(s, st) for st in s.execute(query).scalars()])

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        """Admins set the password of their office's staff; everyone may change their own. Also clears a lockout."""
        name = clean_username(username)
        own = actor.staff_id is not None and actor.username == name
        if not own:
            self.auth.require(actor, "manage_staff", "staff", name)
        digest = _hasher.hash(check_password_strength(password))
        self._update(actor, name, "staff.passwd", own=own, password_hash=digest, failed_logins=0, locked_until=None)

    def set_active(self, actor: Actor, username: str, active: bool) -> None:
        """Enable or disable an account of the actor's office. Admins only; the last active administrator
        cannot be disabled (``last_admin``)."""
        self.auth.require(actor, "manage_staff", "staff", username)
        self._update(actor, clean_username(username), "staff.enable" if active else "staff.disable", own=False,
                     active=active)

    def set_role(self, actor: Actor, username: str, role: str) -> None:
        """Give an account of the actor's office another role. Admins only; the last active administrator
        cannot be demoted (``last_admin``). Audited with the old and new role."""
        self.auth.require(actor, "manage_staff", "staff", username)
        self._update(actor, clean_username(username), "staff.role", own=False, role=clean_choice(role, "role", ROLES))

    def set_office(self, actor: Actor, username: str, office_code: str) -> None:
        """Move an account to the office ``office_code``. Admins only, of both offices (an office-bound
        administrator cannot move staff out of, or into, another office)."""
        self.auth.require(actor, "manage_staff", "staff", username)
        code = clean_text(office_code, "office", 16).upper()

        def target(session: Session) -> dict[str, Any]:
            office_id = session.execute(select(Office.id).where(Office.code == code)).scalar()
            if office_id is None:
                raise NotFoundError("unknown_office", value=code)
            self.auth.require_office(actor, office_id, session)
            return {"office_id": office_id}

        self._update(actor, clean_username(username), "staff.office", own=False, computed=target)

    def unlock(self, actor: Actor, username: str) -> None:
        """End a lockout after failed logins now, password unchanged. Admins only, of the account's office."""
        self.auth.require(actor, "manage_staff", "staff", username)
        self._update(actor, clean_username(username), "staff.unlock", own=False, failed_logins=0, locked_until=None)

    def reset_password(self, actor: Actor, username: str) -> str:
        """Give the account a new random password and return it, to be shown once and handed over (it is
        stored only as its hash). Clears a lockout. Admins only, of the account's office."""
        self.auth.require(actor, "manage_staff", "staff", username)
        password = new_password()
        digest = _hasher.hash(password)
        self._update(actor, clean_username(username), "staff.reset_password", own=False, password_hash=digest,
                     failed_logins=0, locked_until=None)
        return password

    def _update(self, actor: Actor, name: str, action: str, *, own: bool,
                computed: Any = None, **values: Any) -> None:
        """Change the account ``name``: the actor's own (``own``), or one of an office the actor may act in.

        ``computed(session)`` adds values found inside the transaction. A change that would leave the database
        without an active administrator (role away from admin, or disabled) is refused with ``last_admin``;
        the active administrators' rows are locked first, so two administrators demoting each other at once
        cannot both succeed.
        """
        def work(session: Session) -> None:
            found = session.execute(select(Staff.id, Staff.office_id, Staff.role, Staff.active)
                                    .where(Staff.username == name)).first()
            if found is None:
                raise NotFoundError("unknown_staff", value=name)
            if not (own and found.id == actor.staff_id):
                self.auth.require_office(actor, found.office_id, session)
            changes = dict(values)
            if computed is not None:
                changes.update(computed(session))
            if found.role == "admin" and found.active and (changes.get("role", "admin") != "admin"
                                                            or changes.get("active", True) is False):
                admins = session.execute(select(Staff.id).where(Staff.role == "admin", Staff.active.is_(True))
                                         .with_for_update()).scalars().all()
                if set(admins) <= {found.id}:
                    raise ConflictError("last_admin")
            session.execute(update(Staff).where(Staff.id == found.id).values(**changes))
            detail: dict[str, Any] = {}
            if "role" in changes:
                detail = {"from": found.role, "to": changes["role"]}
            elif "office_id" in changes:
                detail = {"from": found.office_id, "to": changes["office_id"]}
            self.audit_log.record(session, actor.audit, action, "staff", found.id, detail=detail or None)

        self.db.write(work)

    def count(self) -> int:
        return self.db.read(lambda s: s.execute(select(func.count(Staff.id))).scalar_one())

    @staticmethod
    def _view(session: Session, staff: Staff) -> StaffView:
        office_code = session.get(Office, staff.office_id).code if staff.office_id else None  # type: ignore[union-attr]
        return StaffView(staff.id, staff.username, staff.display_name, staff.role, staff.active, office_code,
                         staff.locked_until, staff.last_login_at)
