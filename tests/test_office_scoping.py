"""Permission AND office, for the gaps found: staff administration, the case retention purge, the audit check,
PO export and the in-transaction building blocks (each written as a test first and seen to fail)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_support import DEMO_PASSWORD, Cli
from sqlalchemy import select, update

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.models import AuditEvent, Staff
from desk_app.db.models_content import Case
from desk_app.errors import AuthError, PermissionDeniedError

BBB_SETUP: dict[str, Any] = {
    "office": {"code": "BBB", "name": "Prefettura di B"},
    "service": [{"code": "RF", "name": "Ricongiungimento", "prefix": "R"}],
    "desk": [{"code": "D1", "name": "Sportello 1", "services": ["RF"]}],
}
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def two_offices(services: CoreServices, staff: dict[str, Actor], system_actor: Actor) -> dict[str, Actor]:
    """LODI (the ``staff`` fixture's office) and BBB, with an admin and a clerk of BBB and an office-less admin."""
    services.offices.apply(system_actor, BBB_SETUP)
    services.staff.add_staff(system_actor, "admin-bbb", "Admin B", "admin", "admin-bbb-password", "BBB")
    services.staff.add_staff(system_actor, "clerk-bbb", "Clerk B", "clerk", "clerk-bbb-password", "BBB")
    services.staff.add_staff(system_actor, "root", "Root", "admin", "root-password")  # no office: every office
    return {**staff, "admin_bbb": services.staff.login("admin-bbb", "admin-bbb-password"),
            "root": services.staff.login("root", "root-password")}


def office_core(home: Path, settings: Settings, clock: ManualClock, code: str) -> CoreServices:
    """Services of one office of a database holding several (the ``office_code`` setting of a desk PC)."""
    return CoreServices.build(Settings.load(home=home, overrides={
        "db_url": settings.database_url, "office_code": code}, environ={}), clock=clock)


def last_audit(core: CoreServices) -> tuple[str, str, str]:
    row = core.db.read(lambda s: s.execute(select(AuditEvent.actor, AuditEvent.action, AuditEvent.outcome)
                                           .order_by(AuditEvent.id.desc()).limit(1)).one())
    return (row.actor, row.action, row.outcome)


# -- staff of another office ---------------------------------------------------------------------------------------
def test_an_office_admin_cannot_reset_another_offices_password(services: CoreServices,
                                                               two_offices: dict[str, Actor]) -> None:
    with pytest.raises(PermissionDeniedError) as refused:
        services.staff.set_password(two_offices["admin_bbb"], "clerk", "taken-over-pw")
    assert refused.value.code == "other_office"
    assert last_audit(services) == ("admin-bbb", "denied:other_office", "denied")
    assert services.staff.login("clerk", "clerk-password").username == "clerk"  # unchanged
    with pytest.raises(AuthError):
        services.staff.login("clerk", "taken-over-pw")
    with pytest.raises(PermissionDeniedError):  # nor the office-less administrator's
        services.staff.set_password(two_offices["admin_bbb"], "root", "taken-over-pw")
    services.staff.set_password(two_offices["admin_bbb"], "clerk-bbb", "new-clerk-b-pw")  # their own office: yes
    assert services.staff.login("clerk-bbb", "new-clerk-b-pw").username == "clerk-bbb"
    services.staff.set_password(two_offices["root"], "clerk", "root-set-this")  # an office-less admin: anywhere
    assert services.staff.login("clerk", "root-set-this").username == "clerk"


def test_an_office_admin_cannot_disable_or_enable_another_offices_staff(services: CoreServices,
                                                                        two_offices: dict[str, Actor]) -> None:
    admin_bbb = two_offices["admin_bbb"]
    for active in (False, True):
        with pytest.raises(PermissionDeniedError) as refused:
            services.staff.set_active(admin_bbb, "clerk", active)
        assert refused.value.code == "other_office"
    assert services.staff.login("clerk", "clerk-password").username == "clerk"  # still active
    services.staff.set_active(two_offices["admin"], "clerk2", False)  # LODI's admin, LODI's clerk
    with pytest.raises(AuthError):
        services.staff.login("clerk2", "clerk2-password")


def test_an_office_admin_lists_and_creates_only_their_offices_staff(services: CoreServices,
                                                                    two_offices: dict[str, Actor]) -> None:
    admin_bbb = two_offices["admin_bbb"]
    assert [s.username for s in services.staff.list_staff(admin_bbb)] == ["admin-bbb", "clerk-bbb"]
    assert {s.office_code for s in services.staff.list_staff(two_offices["admin"])} == {"LODI"}
    everyone = {s.username for s in services.staff.list_staff(two_offices["root"])}
    assert {"clerk", "admin-bbb", "root"} <= everyone
    with pytest.raises(PermissionDeniedError) as refused:
        services.staff.add_staff(admin_bbb, "mole", "Mole", "clerk", "long-enough-pw", "LODI")
    assert refused.value.code == "other_office"
    assert services.staff.add_staff(admin_bbb, "clerk-b2", "Clerk B2", "clerk", "long-enough-pw").office_code == "BBB"
    assert "mole" not in {s.username for s in services.staff.list_staff(two_offices["root"])}


def test_own_password_means_own_account_not_a_matching_name(services: CoreServices, staff: dict[str, Actor],
                                                             system_actor: Actor) -> None:
    """The board's actor is called ``display-board``: an account of that name is not "its own"."""
    services.staff.add_staff(system_actor, "display-board", "Named like the board", "clerk", "board-named-pw")
    board = Actor.display_board(services.offices.view().id)
    with pytest.raises(PermissionDeniedError):
        services.staff.set_password(board, "display-board", "hijacked-password")
    services.staff.set_password(staff["clerk"], "clerk", "my-own-new-pw")  # a clerk changes their own
    assert services.staff.login("clerk", "my-own-new-pw").username == "clerk"


# -- the case retention purge ----------------------------------------------------------------------------------------
@pytest.fixture
def closed_cases(home: Path, settings: Settings, clock: ManualClock, two_offices: dict[str, Actor],
                 system_actor: Actor) -> Iterator[dict[str, CoreServices]]:
    """A closed case with a practice number in each office, then the clock 91 days later (retention: 90)."""
    cores = {code: office_core(home, settings, clock, code) for code in ("LODI", "BBB")}
    try:
        for code, core in cores.items():
            core.content.load(system_actor, office_code=code)
            case = core.cases.open_case(system_actor, "RF-NO", "it", practice_number=f"{code}/1")
            core.cases.close(system_actor, case.id, "complete")
        clock.advance(timedelta(days=91))
        yield cores
    finally:
        for core in cores.values():
            core.close()


def practice_numbers(core: CoreServices) -> list[str | None]:
    return core.db.read(lambda s: list(s.execute(select(Case.practice_number).order_by(Case.id)).scalars()))


def test_purging_practice_numbers_needs_the_retention_permission(closed_cases: dict[str, CoreServices],
                                                                 two_offices: dict[str, Actor]) -> None:
    lodi = closed_cases["LODI"]
    with pytest.raises(PermissionDeniedError) as refused:
        lodi.cases.purge_practice_numbers(two_offices["clerk"], 90)
    assert refused.value.params["action"] == "purge_personal_data"
    assert lodi.cases.purge_practice_numbers(two_offices["supervisor"], 90) == 1  # who purges appointments too
    assert practice_numbers(lodi) == [None, "BBB/1"]


def test_purging_practice_numbers_stays_in_the_office(closed_cases: dict[str, CoreServices],
                                                      two_offices: dict[str, Actor]) -> None:
    lodi = closed_cases["LODI"]
    assert lodi.cases.purge_practice_numbers(two_offices["root"], 90) == 1
    assert practice_numbers(lodi) == [None, "BBB/1"]  # the other office's case is its own office's business
    with pytest.raises(PermissionDeniedError) as refused:
        lodi.cases.purge_practice_numbers(two_offices["admin_bbb"], 90)
    assert refused.value.code == "other_office"
    assert lodi.cases.purge_practice_numbers(two_offices["admin"], 90) == 0  # done already


def test_the_retention_purge_clears_appointments_and_cases(closed_cases: dict[str, CoreServices],
                                                           two_offices: dict[str, Actor], clock: ManualClock) -> None:
    lodi = closed_cases["LODI"]
    assert lodi.settings.retention_days == 90
    result = lodi.purge_expired_personal_data(two_offices["admin"])
    assert (result.appointments, result.cases, result.total) == (0, 1, 1)
    assert practice_numbers(lodi) == [None, "BBB/1"]
    case = lodi.cases.open_case(two_offices["clerk"], "RF-NO", "it", practice_number="LODI/2")
    lodi.cases.close(two_offices["clerk"], case.id, "complete")
    clock.advance(timedelta(days=89))  # within retention: kept
    assert lodi.purge_expired_personal_data(two_offices["admin"]).cases == 0
    assert practice_numbers(lodi)[-1] == "LODI/2"


def test_desk_admin_appointments_purge_clears_case_practice_numbers(home: Path, db_url: str,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    desk_admin = Cli(home, db_url, capsys)

    def cli(*args: str) -> tuple[int, str]:  # the demo's clerk at desk D1, with the demo password
        return desk_admin.as_user("operatore1", DEMO_PASSWORD)(*args)[:2]

    def scheduler(*args: str) -> tuple[int, str]:  # the purge as cron runs it: the machine owner, for no one
        return desk_admin.system(*args)[:2]

    assert scheduler("demo", "--date", "2026-11-23", "--tickets", "5")[0] == 0
    assert cli("case", "open", "--procedure", "RF-NO", "--practice", "LO/RF/1")[0] == 0
    code, out = cli("--json", "case", "find", "--practice", "LO/RF/1")
    case_id = json.loads(out)[0]["id"]
    assert cli("case", "close", str(case_id), "--outcome", "complete")[0] == 0
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": db_url}, environ={}))
    try:  # closed 100 days ago (the command line runs on the real clock)
        core.db.write(lambda s: s.execute(update(Case).where(Case.id == case_id)
                                          .values(closed_at=datetime.now(UTC) - timedelta(days=100))))
        code, out = scheduler("--json", "appointments", "purge")
        assert code == 0 and json.loads(out) == {"purged": 0, "cases": 1}
        assert practice_numbers(core) == [None]
        code, out = scheduler("appointments", "purge")
        assert code == 3 and "pratiche: 0" in out  # nothing left to do
    finally:
        core.close()


# -- the audit check -----------------------------------------------------------------------------------------------
def test_audit_verify_checks_its_own_permission(services: CoreServices, staff: dict[str, Actor]) -> None:
    for role in ("clerk", "supervisor", "mediator"):
        with pytest.raises(PermissionDeniedError) as refused:
            services.audit.verify(staff[role])
        assert refused.value.params["action"] == "verify_audit"
    assert last_audit(services) == ("mediator", "denied:verify_audit", "denied")
    assert services.audit.verify(staff["admin"]).count > 0


def test_desk_admin_audit_verify_as_a_clerk_is_refused(home: Path, db_url: str, services: CoreServices,
                                                       staff: dict[str, Actor],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    cli = Cli(home, db_url, capsys)
    code, _, err = cli.as_user("clerk", "clerk-password")("audit", "verify")
    assert code == 2 and "verificare il registro di audit" in err
    code, out, _ = cli.as_user("admin", "admin-password")("audit", "verify")
    assert code == 0 and "integro" in out


# -- other gaps the enumerating test found -------------------------------------------------------------------------
def test_po_export_stays_in_the_office(home: Path, settings: Settings, clock: ManualClock,
                                       two_offices: dict[str, Actor], system_actor: Actor, tmp_path: Path) -> None:
    lodi = office_core(home, settings, clock, "LODI")
    try:
        lodi.content.load(system_actor)
        with pytest.raises(PermissionDeniedError) as refused:
            lodi.translations.export_po(two_offices["admin_bbb"], "en", tmp_path / "en.po")
        assert refused.value.code == "other_office"
        assert not (tmp_path / "en.po").exists()
        assert lodi.translations.export_po(two_offices["admin"], "en", tmp_path / "en.po") > 0
    finally:
        lodi.close()


def test_in_transaction_building_blocks_check_permission(services: CoreServices, staff: dict[str, Actor]) -> None:
    """``issue_ticket_in``, ``book_in``, ``cancel_in``, ``add_staff_in``: public, so they check too."""
    from desk_app.core.auth import new_account

    mediator = staff["mediator"]
    attempts = {
        "issue": lambda s: services.queue.issue_ticket_in(s, mediator, "RF"),
        "book_appointments": lambda s: services.appointments.book_in(
            s, mediator, "RF", datetime(2026, 12, 1, 9, tzinfo=UTC), person_name="Mario Rossi",
            practice_number=None, language=None, needs_mediator=False),
        "manage_staff": lambda s: services.staff.add_staff_in(
            s, staff["clerk"], new_account("mole", "Mole", "admin", "long-enough-pw")),
    }
    for action, attempt in attempts.items():
        with pytest.raises(PermissionDeniedError) as refused:
            services.db.write(attempt)
        assert refused.value.params["action"] == action
        assert last_audit(services)[1] == f"denied:{action}"  # audited after the rollback
    with pytest.raises(PermissionDeniedError):
        services.db.write(lambda s: services.appointments.cancel_in(s, mediator, 1, "no"))
    assert services.db.read(lambda s: s.execute(select(Staff.id).where(Staff.username == "mole")).first()) is None
