"""First run: ``set_up_office`` (office, first admin and catalogue in one transaction) and ``load_demo``."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from db_support import DEMO_SETUP, fresh_sqlite
from sqlalchemy import func, select

from desk_app.clock import ManualClock, local_day, local_time, zone
from desk_app.core.auth import Actor
from desk_app.core.firstrun import DEMO_OPENING, AdminAccount, load_demo, recent_morning, set_up_office
from desk_app.core.queue import OPEN_STATUSES
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.schema import Base
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError

#: A Tuesday, mid-morning in Lodi.
NOW = datetime(2026, 11, 24, 10, 15, tzinfo=zone())
WIZARD = Actor.system("gui:first-run")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


def row_counts(core: CoreServices) -> dict[str, int]:
    """Rows in every table: "the database as it was" means all of these unchanged."""
    return core.db.read(lambda s: {t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                                   for t in Base.metadata.sorted_tables})


def test_set_up_office_writes_office_admin_and_catalogue(services: CoreServices) -> None:
    office = set_up_office(services, WIZARD, DEMO_SETUP, AdminAccount("Anna", "Anna Admin", "first-admin-pass"))
    assert (office.code, [s.code for s in office.services], [d.code for d in office.desks]) == (
        "LODI", ["LAV", "LEG", "RF"], ["D1", "D2", "D3"])
    assert office == services.offices.view()
    admin = services.staff.login("anna", "first-admin-pass")
    assert (admin.role, admin.office_id, admin.display_name) == ("admin", office.id, "Anna Admin")
    assert services.content.procedures()  # the checklist at the counter works from the first login
    assert services.audit.verify(admin).count == 4  # set-up, account, catalogue, login: one chain


def test_display_name_defaults_to_the_username(services: CoreServices) -> None:
    set_up_office(services, WIZARD, DEMO_SETUP, AdminAccount("capo", "  ", "first-admin-pass"))
    assert services.staff.login("capo", "first-admin-pass").display_name == "capo"


@pytest.mark.parametrize(("admin", "code"), [
    (AdminAccount("anna", "Anna", "short"), "weak_password"),
    (AdminAccount("a", "Anna", "first-admin-pass"), "bad_username"),
    (AdminAccount("anna maria", "Anna", "first-admin-pass"), "bad_username"),
    (AdminAccount("anna", "Anna\u202e", "first-admin-pass"), "bidi_controls"),
])
def test_a_bad_admin_account_leaves_no_office(services: CoreServices, admin: AdminAccount, code: str) -> None:
    before = row_counts(services)
    with pytest.raises(ValidationError) as refused:
        set_up_office(services, WIZARD, DEMO_SETUP, admin)
    assert refused.value.code == code
    assert services.offices.offices() == []
    assert row_counts(services) == before


def test_a_bad_set_up_leaves_nothing(services: CoreServices) -> None:
    setup: dict[str, Any] = {**DEMO_SETUP, "desk": [{"code": "D1", "services": ["RF", "XX"]}]}
    before = row_counts(services)
    with pytest.raises(ValidationError):  # refused while validating: a prefix used twice
        set_up_office(services, WIZARD, {**DEMO_SETUP, "service": DEMO_SETUP["service"] * 2},
                      AdminAccount("anna", "Anna", "first-admin-pass"))
    assert row_counts(services) == before
    with pytest.raises(NotFoundError) as refused:  # refused while writing (a desk names an unknown service)
        set_up_office(services, WIZARD, setup, AdminAccount("anna", "Anna", "first-admin-pass"))
    assert refused.value.code == "unknown_service"
    assert row_counts(services) == before


def test_a_username_taken_rolls_back_the_office_already_written(services: CoreServices) -> None:
    """The office is written before the account: the one transaction takes it back."""
    services.staff.add_staff(WIZARD, "anna", "Anna (another)", "clerk", "someone-else-pw")
    before = row_counts(services)
    with pytest.raises(ConflictError) as refused:
        set_up_office(services, WIZARD, DEMO_SETUP, AdminAccount("Anna", "Anna", "first-admin-pass"))
    assert refused.value.code == "duplicate"
    # what the admin reads names the field as the screen does, not the code «username»
    assert refused.value.message("it") == "Nome utente «anna»: già presente."
    assert refused.value.message("en") == "User name “anna” already exists."
    assert services.offices.offices() == []
    assert row_counts(services) == before


def test_set_up_needs_setup_and_staff_permissions(services: CoreServices, staff: dict[str, Actor]) -> None:
    before = row_counts(services)
    for who in ("clerk", "supervisor"):  # a supervisor may set up desks but not create an admin
        with pytest.raises(PermissionDeniedError):
            set_up_office(services, staff[who], {**DEMO_SETUP, "office": {"code": "BBB", "name": "B"}},
                          AdminAccount("anna", "Anna", "first-admin-pass"))
    after = row_counts(services)
    assert after.pop("audit_event") == before.pop("audit_event") + 2  # only the refusals
    assert after == before
    with pytest.raises(PermissionDeniedError) as refused:  # an admin of LODI cannot create another office
        set_up_office(services, staff["admin"], {**DEMO_SETUP, "office": {"code": "BBB", "name": "B"}},
                      AdminAccount("anna", "Anna", "first-admin-pass"), first_run=False)
    assert refused.value.code == "other_office"
    assert services.offices.offices() == ["LODI"]


# -- the demo --------------------------------------------------------------------------------------------------
def _tickets(core: CoreServices) -> list[tuple[Any, ...]]:
    views = core.queue.tickets(Actor.system("t"), statuses=(*OPEN_STATUSES, "done", "no_show", "cancelled"),
                               day=NOW.date())
    return [(t.number, t.status, t.service_code, t.desk_code, t.issued_at, t.called_at, t.finished_at)
            for t in views]


def test_wizard_demo_does_what_the_first_run_window_did(services: CoreServices, sqlite_template: Path,
                                                        tmp_path: Path) -> None:
    """``load_demo(core, actor)`` against ``MainWindow._apply_first_run``'s own sequence, on another database."""
    from desk_app.core.demo import create_demo_office, simulate_day

    old_url = fresh_sqlite(sqlite_template, tmp_path / "old")
    old = CoreServices.build(Settings.load(home=tmp_path / "old", overrides={"db_url": old_url}, environ={}),
                             clock=ManualClock(NOW))
    try:
        create_demo_office(old, WIZARD)
        old.content.load(WIZARD)
        now = old.clock.now()
        simulate_day(old, local_day(now), stop_at=now)
        old_office = old.offices.view(old.settings.office_code or None)

        demo = load_demo(services, WIZARD)
        assert demo.office.code == old_office.code == "LODI"
        assert [(s.code, s.name) for s in demo.office.services] == [(s.code, s.name) for s in old_office.services]
        assert _tickets(services) == _tickets(old)
        assert [(s.username, s.role) for s in services.staff.list_staff(WIZARD)] == \
            [(s.username, s.role) for s in old.staff.list_staff(WIZARD)]
        assert len(services.content.procedures()) == len(old.content.procedures()) > 0
    finally:
        old.close()
    tickets = _tickets(services)
    assert tickets and all(t[4] <= NOW for t in tickets)  # nothing after the clock's now
    assert {t[1] for t in tickets} & {"waiting", "called", "serving"}  # a live queue, left as it is
    assert demo.day.day == NOW.date() and demo.day.issued == len(tickets)
    assert "operatore1" in demo.setup.staff_created


def test_demo_of_a_past_day_with_walk_ins_waiting_today(services: CoreServices) -> None:
    past = NOW.date() - timedelta(days=1)
    demo = load_demo(services, WIZARD, day=past, tickets=40, seed=5, waiting=3)
    assert demo.day.issued == 40 and demo.day.waiting_left == 0  # a whole morning: nobody left waiting
    assert services.queue.tickets(WIZARD, day=NOW.date()) == []  # the walk-ins are only for a simulated today
    again = load_demo(services, WIZARD, day=NOW.date(), opening=time(8, 0), tickets=20, seed=5, waiting=3)
    assert again.setup.staff_created == []  # the office was there: nothing duplicated
    waiting = services.queue.tickets(WIZARD)
    assert len(waiting) >= 3 and again.day.waiting_left == len(waiting)
    with pytest.raises(ConflictError) as refused:
        load_demo(services, WIZARD, day=past, tickets=40)
    assert refused.value.code == "demo_day_done"


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"day": NOW.date() + timedelta(days=1)}, None),
    ({"tickets": 0}, "tickets"),
    ({"tickets": 2001}, "tickets"),
    ({"waiting": -1}, "waiting"),
])
def test_demo_refuses_bad_options_before_writing(services: CoreServices, kwargs: dict[str, Any],
                                                 field: str | None) -> None:
    before = row_counts(services)
    with pytest.raises(ValidationError) as refused:
        load_demo(services, WIZARD, **kwargs)
    assert refused.value.params.get("field") == field
    assert row_counts(services) == before


@pytest.mark.parametrize(("local", "expected"), [
    (time(2, 0), (date(2026, 11, 23), DEMO_OPENING)),  # small hours: yesterday's whole morning
    (time(8, 20), (date(2026, 11, 23), DEMO_OPENING)),  # before opening: yesterday's, no ticket before the doors
    (time(10, 15), (None, DEMO_OPENING)),  # office hours: from opening (not 06:15) up to now
    (time(13, 45), (None, time(9, 45))),  # late: the four hours up to now
    (time(15, 0), (date(2026, 11, 24), DEMO_OPENING)),  # after closing: today's whole morning
])
def test_recent_morning_for_the_command_line(local: time, expected: tuple[date | None, time]) -> None:
    assert recent_morning(datetime.combine(NOW.date(), local, zone())) == expected


@pytest.mark.parametrize("rome_time", [time(8, 20), time(10, 15)])
def test_the_live_demo_issues_no_ticket_before_opening(services: CoreServices, clock: ManualClock,
                                                       rome_time: time) -> None:
    """Tester's finding: the supervisor's chart showed arrivals at 04:00-08:00 (the demo simulated the four hours
    up to now, from 04:20 at 08:20). Its hours are the office's wall clock: nothing before the opening."""
    from desk_app.core.firstrun import load_live_demo

    clock.set(datetime.combine(NOW.date(), rome_time, tzinfo=zone()))
    load_live_demo(services, WIZARD)
    every = (*OPEN_STATUSES, "done", "no_show", "cancelled")
    issued = [t.issued_at for day in (NOW.date() - timedelta(days=1), NOW.date())
              for t in services.queue.tickets(Actor.system("t"), statuses=every, day=day)]
    assert issued and min(local_time(t) for t in issued).time() >= DEMO_OPENING
    board = services.reports.today(Actor.system("test"))
    if rome_time < DEMO_OPENING:  # yesterday's morning: today's chart is empty
        assert board.hours == ()
    else:
        assert board.hours and board.hours[0][0] == DEMO_OPENING.hour and sum(a for _, a, _ in board.hours) > 0


def test_desk_admin_setup_with_the_first_admin(home: Path, db_url: str, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """``desk-admin --system setup ... --admin NAME --password-stdin``: the same use case as the wizard (the machine
    owner sets up an empty database with its first administrator)."""
    import io

    from desk_app.cli import main

    def setup(password: str, *extra: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        code = main(["--home", str(home), "--db", db_url, "--system", "setup", "--office", "LODI",
                     "--office-name", "Lodi", "--service", "RF:R:Ricongiungimento", "--desk", "D1:RF",
                     "--admin", "Capo",
                     "--admin-name", "Il capo", "--password-stdin", *extra])
        out, err = capsys.readouterr()
        return code, out + err

    code, text = setup("short")
    assert code == 2 and "almeno 8 caratteri" in text
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": db_url}, environ={}))
    try:
        assert core.offices.offices() == []  # refused before anything was written
        code, text = setup("first-admin-pass")
        assert code == 0 and "amministratore capo" in text
        admin = core.staff.login("capo", "first-admin-pass")
        assert (admin.display_name, admin.office_id) == ("Il capo", core.offices.view("LODI").id)
        assert core.content.procedures()
    finally:
        core.close()


@pytest.mark.parametrize("rome_time", [time(10, 0), time(20, 0)])
def test_the_live_demo_has_people_waiting_at_any_hour(services: CoreServices, clock: ManualClock,
                                                      rome_time: time) -> None:
    """The wizard's demo (``load_live_demo``): during office hours and after closing alike, a queue to call."""
    from desk_app.core.firstrun import DEMO_WAITING, load_live_demo

    clock.set(datetime.combine(NOW.date(), rome_time, tzinfo=zone()))
    demo = load_live_demo(services, WIZARD)
    waiting = [t for t in services.queue.tickets(WIZARD) if t.status == "waiting"]
    assert demo.day.day == NOW.date() and demo.day.issued > 0
    assert len(waiting) >= (DEMO_WAITING if rome_time >= time(14, 30) else 1)


def test_the_wizard_never_rewrites_an_office_set_up_meanwhile(services: CoreServices) -> None:
    """A wizard left open on one PC while another set the office up: refused, nothing changed, no new admin."""
    set_up_office(services, WIZARD, DEMO_SETUP, AdminAccount("primo", "Primo", "password-sicura"))
    before = row_counts(services)
    changed = {**DEMO_SETUP, "office": {**DEMO_SETUP["office"], "name": "Ufficio riscritto"}}
    with pytest.raises(ConflictError) as refused:
        set_up_office(services, WIZARD, changed, AdminAccount("intruso", "Intruso", "password-sicura"))
    assert refused.value.code == "office_exists"
    assert row_counts(services) == before
    assert services.offices.view().name != "Ufficio riscritto"
