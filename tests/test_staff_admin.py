"""Staff administration in the core (issue 12): role, office, unlock, password reset, and the last administrator;
then the audit viewer's reads and export. Real SQLite file and PostgreSQL."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app.clock import local_day
from desk_app.core.audit_view import AuditFilter, AuditViewService
from desk_app.core.auth import MAX_FAILED_LOGINS, Actor
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.errors import AuthError, ConflictError, PermissionDeniedError, ValidationError

BBB = {"office": {"code": "BBB", "name": "Prefettura di B"},
       "service": [{"code": "RF", "name": "Ricongiungimento", "prefix": "R"}]}


def _actions(core: CoreServices) -> list[str]:
    return core.db.read(lambda s: list(s.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars()))


def test_the_last_admin_cannot_be_demoted_or_disabled(services: CoreServices, staff: dict[str, Actor]) -> None:
    admin = staff["admin"]
    with pytest.raises(ConflictError) as refused:
        services.staff.set_role(admin, "admin", "supervisor")
    assert refused.value.code == "last_admin"
    with pytest.raises(ConflictError):
        services.staff.set_active(admin, "admin", False)
    assert {s.username: (s.role, s.active) for s in services.staff.list_staff(admin)}["admin"] == ("admin", True)
    # With a second administrator, the first may step down.
    services.staff.set_role(admin, "supervisor", "admin")
    services.staff.set_role(admin, "admin", "clerk")
    new_admin = services.staff.login("supervisor", "supervisor-password")  # the role is read at login
    roles = {s.username: s.role for s in services.staff.list_staff(new_admin)}
    assert roles["admin"] == "clerk" and roles["supervisor"] == "admin"
    with pytest.raises(ConflictError):  # and now the new one is the last
        services.staff.set_active(new_admin, "supervisor", False)
    with pytest.raises(ValidationError):
        services.staff.set_role(new_admin, "clerk", "boss")
    assert _actions(services).count("staff.role") == 2


def test_reset_password_and_unlock(services: CoreServices, staff: dict[str, Actor]) -> None:
    admin = staff["admin"]
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            services.staff.login("clerk", "wrong-password")
    with pytest.raises(AuthError) as locked:
        services.staff.login("clerk", "clerk-password")
    assert locked.value.code == "account_locked"
    services.staff.unlock(admin, "clerk")
    assert services.staff.login("clerk", "clerk-password").username == "clerk"
    new = services.staff.reset_password(admin, "clerk")
    assert len(new) >= 12 and new != services.staff.reset_password(admin, "clerk2")
    assert services.staff.login("clerk", new).username == "clerk"
    with pytest.raises(AuthError):
        services.staff.login("clerk", "clerk-password")
    stored = services.db.read(lambda s: str(s.execute(select(AuditEvent.detail).where(
        AuditEvent.action == "staff.reset_password")).first()))
    assert new not in stored  # the password is shown once, never logged
    with pytest.raises(PermissionDeniedError):
        services.staff.reset_password(staff["supervisor"], "clerk")


def test_moving_staff_between_offices(services: CoreServices, staff: dict[str, Actor],
                                      system_actor: Actor) -> None:
    services.offices.apply(system_actor, BBB)
    services.staff.set_office(system_actor, "clerk2", "BBB")
    assert {s.username for s in services.staff.list_staff(staff["admin"])} >= {"clerk"}
    assert "clerk2" not in {s.username for s in services.staff.list_staff(staff["admin"])}
    with pytest.raises(PermissionDeniedError) as refused:  # LODI's admin cannot reach into BBB
        services.staff.set_office(staff["admin"], "clerk", "BBB")
    assert refused.value.code == "other_office"


def test_the_audit_viewer_filters_and_exports(services: CoreServices, staff: dict[str, Actor],
                                              tmp_path: Path) -> None:
    admin = staff["admin"]
    services.staff.unlock(admin, "clerk")
    services.office_settings.change(admin, {"board_title": "Benvenuti"})
    rows = services.audit_view.events(admin, AuditFilter(action="staff."))
    assert rows and {r.action[:6] for r in rows} == {"staff."}
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    assert {r.action for r in services.audit_view.events(admin, AuditFilter(person="supervis"))} == {"login"}
    assert services.audit_view.events(admin, AuditFilter(action="staff_")) == []  # "_" is no wildcard
    today = local_day(services.clock.now())
    assert services.audit_view.events(admin, AuditFilter(object_type="office", action="office.settings",
                                                         since=today, until=today))
    assert services.audit_view.events(admin, AuditFilter(since=today + timedelta(days=1))) == []
    with pytest.raises(ValidationError):
        services.audit_view.events(admin, AuditFilter(since=today, until=today - timedelta(days=1)))
    with pytest.raises(PermissionDeniedError):
        services.audit_view.events(staff["supervisor"])
    out = tmp_path / "audit.csv"
    written = services.audit_view.export_csv(admin, out, AuditFilter(action="login"))
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0] == ["id", "at", "actor", "action", "object_type", "object_id", "outcome"]
    assert len(lines) - 1 == written == 5 and {line[3] for line in lines[1:]} == {"login"}
    counted = services.audit_view.export_csv(admin, out, counts_only=True)
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert ["login", "ok", "5"] in lines and len(lines) - 1 == counted
    assert not any("clerk" in cell for line in lines for cell in line)  # counts: no account names
    assert {"audit.view", "audit.export"} <= set(_actions(services))


def test_the_viewer_keeps_to_the_office(services: CoreServices, staff: dict[str, Actor],
                                        system_actor: Actor) -> None:
    services.offices.apply(system_actor, BBB)
    services.staff.add_staff(system_actor, "bbb-admin", "B", "admin", "bbb-admin-pw", "BBB")
    bbb_admin = services.staff.login("bbb-admin", "bbb-admin-pw")
    lodi_desk = AuditViewService(services.db, services.authorizer, services.clock, "LODI")
    with pytest.raises(PermissionDeniedError) as refused:  # a PC of LODI: BBB's administrator reads nothing
        lodi_desk.events(bbb_admin)
    assert refused.value.code == "other_office"
    lodi_rows = lodi_desk.events(staff["admin"])
    assert lodi_rows and "bbb-admin" not in {r.actor for r in lodi_rows}
    assert "bbb-admin" in {r.actor for r in AuditViewService(services.db, services.authorizer, services.clock,
                                                             "BBB").events(bbb_admin)}
