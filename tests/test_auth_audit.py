"""Login, lockout, permissions per role (enforced in the core) and the hash-chained audit log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from desk_app.clock import ManualClock
from desk_app.core.auth import PERMISSIONS, Actor
from desk_app.core.queue import QueueService
from desk_app.core.services import CoreServices
from desk_app.db.models import ROLES, AuditEvent, Staff, Ticket
from desk_app.errors import AuthError, ConflictError, PermissionDeniedError, ValidationError


def audit_rows(core: CoreServices) -> list[tuple[str, str, str]]:
    return core.db.read(lambda s: [(e.actor, e.action, e.outcome) for e in
                                   s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()])


def test_login_returns_actor_with_role_and_office(services, staff):
    actor = services.staff.login("Clerk", "clerk-password")  # usernames are case-insensitive
    assert (actor.username, actor.role) == ("clerk", "clerk")
    assert actor.office_id == services.offices.view().id
    assert ("clerk", "login", "ok") in audit_rows(services)


def test_wrong_password_and_unknown_user_get_the_same_message(services, staff):
    with pytest.raises(AuthError) as wrong:
        services.staff.login("clerk", "nope")
    with pytest.raises(AuthError) as unknown:
        services.staff.login("nobody", "nope")
    assert wrong.value.message("it") == unknown.value.message("it") == "Nome utente o password errati."
    rows = audit_rows(services)
    assert ("clerk", "login", "failed") in rows and ("login:nobody", "login", "unknown") in rows


def test_lockout_after_five_failures_for_five_minutes(settings, staff):
    clock = ManualClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    core = CoreServices.build(settings, clock=clock)
    try:
        for _ in range(4):
            with pytest.raises(AuthError) as err:
                core.staff.login("clerk", "wrong")
            assert err.value.code == "bad_credentials"
        with pytest.raises(AuthError) as err:
            core.staff.login("clerk", "wrong")
        assert err.value.code == "account_locked"
        with pytest.raises(AuthError) as err:  # even the right password is refused while locked
            core.staff.login("clerk", "clerk-password")
        assert err.value.code == "account_locked" and "5 minuti" in err.value.message("it")
        clock.advance(timedelta(minutes=5, seconds=1))
        assert core.staff.login("clerk", "clerk-password").username == "clerk"
        failed = core.db.read(lambda s: s.execute(select(Staff.failed_logins).where(Staff.username == "clerk"))
                              .scalar())
        assert failed == 0
    finally:
        core.close()


def test_disabled_account_cannot_log_in(services, staff):
    services.staff.set_active(staff["admin"], "clerk2", False)
    with pytest.raises(AuthError) as err:
        services.staff.login("clerk2", "clerk2-password")
    # the sentence of a wrong password (saying "disabled" would tell that the name exists); the audit says why
    assert err.value.code == "bad_credentials"
    assert audit_rows(services)[-1] == ("clerk2", "login", "disabled")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("clerk", True), ("supervisor", True), ("admin", True), ("mediator", False)],
)
def test_queue_work_permission_per_role(services, staff, role, allowed):
    actor = staff[role]
    if allowed:
        ticket = services.queue.issue_ticket(actor, "RF")
        assert services.queue.call_next(actor, "D1").number == ticket.number
    else:
        for attempt in (lambda: services.queue.issue_ticket(actor, "RF"),
                        lambda: services.queue.call_next(actor, "D1"),
                        lambda: services.queue.tickets(actor),
                        lambda: services.queue.cancel(actor, "R001")):
            with pytest.raises(PermissionDeniedError) as err:
                attempt()
            assert "mediator" in err.value.message("it")
        assert services.db.read(lambda s: s.execute(select(Ticket.id)).first()) is None
        assert next(r for r in audit_rows(services) if r[2] == "denied")[:2] == ("mediator", "denied:issue")


@pytest.mark.parametrize("role", ["clerk", "mediator", "supervisor"])
def test_only_admins_manage_staff(services, staff, role):
    with pytest.raises(PermissionDeniedError):
        services.staff.add_staff(staff[role], "newbie", "New", "clerk", "long-enough-pw")
    with pytest.raises(PermissionDeniedError):
        services.staff.list_staff(staff[role])
    with pytest.raises(PermissionDeniedError):
        services.staff.set_password(staff[role], "admin", "taken-over-123")
    assert (role, "denied:manage_staff", "denied") in audit_rows(services)


def test_everyone_may_change_their_own_password(services, staff):
    services.staff.set_password(staff["clerk"], "clerk", "a-new-password")
    assert services.staff.login("clerk", "a-new-password").role == "clerk"


@pytest.mark.parametrize(("role", "allowed"), [("clerk", False), ("supervisor", True), ("admin", True)])
def test_reports_and_day_close_permissions(services, staff, role, allowed):
    if allowed:
        assert services.reports.counts(staff[role], "2026-01-01", "2026-01-31") == []
        assert services.queue.close_day(staff[role]) == 0
    else:
        with pytest.raises(PermissionDeniedError):
            services.reports.counts(staff[role], "2026-01-01", "2026-01-31")
        with pytest.raises(PermissionDeniedError):
            services.queue.close_day(staff[role])


def test_setup_needs_manage_setup(services, staff):
    with pytest.raises(PermissionDeniedError):
        services.offices.apply(staff["clerk"], {"office": {"code": "X", "name": "X"}})
    assert services.offices.offices() == ["LODI"]


def test_actor_of_another_office_is_refused(services, staff, system_actor):
    services.offices.apply(system_actor, {"office": {"code": "MI", "name": "Milano"},
                                          "service": [{"code": "RF", "prefix": "R", "name": "RF"}]})
    other = Actor("stranger", "clerk", staff_id=None, office_id=services.offices.view("MI").id)
    lodi_queue = QueueService(services.db, services.authorizer, office_code="LODI")
    with pytest.raises(PermissionDeniedError) as err:
        lodi_queue.issue_ticket(other, "RF")
    assert err.value.code == "other_office"
    assert ("stranger", "denied:other_office", "denied") in audit_rows(services)
    assert services.db.read(lambda s: s.execute(select(Ticket.id)).first()) is None


def test_staff_input_is_validated(services, staff):
    admin = staff["admin"]
    with pytest.raises(ValidationError):
        services.staff.add_staff(admin, "x", "Short name user", "clerk", "long-enough-pw")
    with pytest.raises(ValidationError):
        services.staff.add_staff(admin, "newclerk", "Name", "king", "long-enough-pw")
    with pytest.raises(ValidationError):
        services.staff.add_staff(admin, "newclerk", "Name", "clerk", "short")
    with pytest.raises(ValidationError):
        services.staff.add_staff(admin, "newclerk", "Evil\u202ename", "clerk", "long-enough-pw")
    with pytest.raises(ValidationError):
        services.staff.add_staff(admin, "newclerk", "N" * 81, "clerk", "long-enough-pw")
    with pytest.raises(ConflictError):
        services.staff.add_staff(admin, "clerk", "Dup", "clerk", "long-enough-pw")
    assert [s.username for s in services.staff.list_staff(admin)].count("newclerk") == 0


def test_permissions_table_covers_every_role():
    assert set(PERMISSIONS) == {"display", "clerk", "mediator", "supervisor", "admin", "partner", "questura",
                                "system"}
    assert set(PERMISSIONS) == set(ROLES) | {"display", "system"}
    assert PERMISSIONS["clerk"] < PERMISSIONS["admin"]
    assert "serve_queue" not in PERMISSIONS["mediator"]
    # The outside bodies touch no queue, no case and no one's personal data of the office.
    for outside in ("partner", "questura"):
        assert not PERMISSIONS[outside] & {"serve_queue", "view_queue", "work_cases", "view_cases", "manage_staff",
                                           "export_reports", "book_appointments"}


# -- audit chain ---------------------------------------------------------------------------------------------------
def test_audit_chain_verifies_and_the_database_refuses_edits_and_deletions(services, staff, system_actor):
    """What someone with the database owner's rights can still do, and how verify sees it: test_audit_tamper."""
    result = services.audit.verify(system_actor)
    assert result.count >= 6 and result.legacy == 0  # staff creation and logins, every one keyed
    ids = services.db.read(lambda s: list(s.execute(select(AuditEvent.id).order_by(AuditEvent.id)).scalars()))
    with pytest.raises(DBAPIError):
        services.db.write(lambda s: s.execute(update(AuditEvent).where(AuditEvent.id == ids[2])
                                              .values(actor="someone-else")))
    with pytest.raises(DBAPIError):
        services.db.write(lambda s: s.execute(delete(AuditEvent).where(AuditEvent.id == ids[1])))
    assert services.audit.verify(system_actor) == result


def test_refusals_are_audited_even_though_the_action_rolled_back(services, staff, system_actor):
    before = services.audit.verify(system_actor).count
    with pytest.raises(PermissionDeniedError):
        services.queue.call_next(staff["mediator"], "D1")
    assert services.audit.verify(system_actor).count == before + 1


def test_login_checks_the_password_outside_the_write_lock(sqlite_template, tmp_path, system_actor, monkeypatch):
    """argon2 takes ~100 ms: on SQLite, holding BEGIN IMMEDIATE meanwhile would stall every desk."""
    import sqlite3

    from argon2 import PasswordHasher
    from db_support import DEMO_SETUP, fresh_sqlite

    from desk_app.core import auth
    from desk_app.core.settings import Settings

    url = fresh_sqlite(sqlite_template, tmp_path / "data")
    core = CoreServices.build(Settings.load(home=tmp_path, overrides={"db_url": url}, environ={}))
    core.offices.apply(system_actor, DEMO_SETUP)
    core.staff.add_staff(system_actor, "clerk", "Clerk", "clerk", "clerk-password")
    observed: list[bool] = []

    class ProbingHasher(PasswordHasher):
        def verify(self, hash: str, password: str | bytes) -> bool:
            other = sqlite3.connect(core.db.sqlite_path, timeout=0.05, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                observed.append(True)
            except sqlite3.OperationalError:
                observed.append(False)
            finally:
                other.close()
            return super().verify(hash, password)

    monkeypatch.setattr(auth, "_hasher", ProbingHasher(time_cost=1, memory_cost=1024, parallelism=1))
    try:
        assert core.staff.login("clerk", "clerk-password").username == "clerk"
        with pytest.raises(AuthError):
            core.staff.login("clerk", "wrong")
    finally:
        core.close()
    assert observed == [True, True]  # another desk could write while the password was being checked


def test_clerks_need_an_office_when_there_are_several(services, staff, system_actor):
    services.offices.apply(system_actor, {"office": {"code": "MI", "name": "Milano"}})
    with pytest.raises(ValidationError):
        services.staff.add_staff(system_actor, "roaming", "Roaming clerk", "clerk", "long-enough-pw")
    assert services.staff.add_staff(system_actor, "root2", "Admin", "admin", "long-enough-pw").office_code is None
    assert services.staff.add_staff(system_actor, "mi1", "Clerk MI", "clerk", "long-enough-pw", "MI").office_code \
        == "MI"
