"""The retention purge (issue 17, item 1): everything personal past ``retention_days`` goes, counts stay.

On both databases: appointments, convocations, cases, ticket notes and mediator
bookings lose their personal data once older than the retention period; the
counts (reports, statuses) do not change; the purge is idempotent; once a day it
runs from exactly one of several desks starting at once (real processes); old
backup copies are deleted. On SQLite the purged bytes are gone from the file and
its WAL; the same UPDATE without ``secure_delete`` leaves them (the control).
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from booking_support import TODAY, at, book
from retention_support import DailyJob, run_daily
from sqlalchemy import func, select, update

from desk_app.cli import main
from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent, Ticket
from desk_app.db.models_booking import Appointment, MediatorBooking
from desk_app.db.models_content import Case
from desk_app.db.models_maintenance import MaintenanceRun
from desk_app.errors import PermissionDeniedError

pytestmark = pytest.mark.usefixtures("calendar")
NAMES = ("Amina Haddad", "Li Wei", "Karim Benali")


def seed(services: CoreServices, staff: dict[str, Actor], system_actor: Actor) -> dict[str, Any]:
    """Today's personal data of every kind: two appointments (one cancelled with a reason), a convocation,
    a closed case with a practice number and a note, a finished ticket with a note, a declined mediator booking."""
    clerk, supervisor = staff["clerk"], staff["supervisor"]
    kept = book(services, clerk, at(TODAY, "09:00"), NAMES[0], "RF/2026/1")
    cancelled = book(services, clerk, at(TODAY, "09:40"), NAMES[2], "RF/2026/3")
    services.appointments.cancel(clerk, cancelled.id, "rinviato su richiesta del fratello")
    services.content.load(system_actor)
    convocation = services.convocations.convoke(clerk, "RF", at(TODAY, "09:20"), procedure_code="RF-NO",
                                                practice_number="RF/2026/2", person_name=NAMES[1])
    case = services.cases.open_case(clerk, "RF-NO", "it", practice_number="LO/RF/2026/0187")
    services.cases.set_note(clerk, case.id, f"telefono di {NAMES[0]}: 333 1234567")
    services.cases.close(clerk, case.id, "complete")
    services.queue.issue_ticket(clerk, "RF")
    services.queue.call_next(clerk, "D1")
    services.queue.start_serving(clerk, "D1")
    services.queue.finish(clerk, "D1", note=f"{NAMES[1]} tornerà con il passaporto")
    services.mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4}, username="mediator")
    services.mediators.set_availability(supervisor, "AR1", "mon-fri 09:00-13:00 in_person")
    booking = services.mediators.book(clerk, "ar", appointment_id=kept.id)
    services.mediators.decline(staff["mediator"], booking.entry.id, "malata")
    return {"appointments": (kept.id, cancelled.id, convocation.appointment_id), "case": case.id}


def personal(services: CoreServices) -> dict[str, list[Any]]:
    """Every personal column the purge must clear, as stored."""
    def work(session: Any) -> dict[str, list[Any]]:
        return {
            "appointment": [tuple(r) for r in session.execute(select(
                Appointment.person_name, Appointment.practice_number, Appointment.person_key,
                Appointment.cancel_reason).order_by(Appointment.id))],
            "case": [tuple(r) for r in session.execute(select(Case.practice_number, Case.note).order_by(Case.id))],
            "ticket": list(session.execute(select(Ticket.note).order_by(Ticket.id)).scalars()),
            "booking": list(session.execute(select(MediatorBooking.decline_reason)).scalars()),
        }
    return services.db.read(work)


def counts(services: CoreServices, supervisor: Actor) -> Any:
    """What reports and statistics count: the report rows, and appointments per status."""
    rows = services.reports.counts(supervisor, TODAY - timedelta(days=1), TODAY + timedelta(days=1))
    statuses = services.db.read(lambda s: sorted(tuple(r) for r in s.execute(
        select(Appointment.status, func.count()).group_by(Appointment.status))))
    return [(r.day, r.service, r.desk, r.issued, r.served, r.no_show) for r in rows], statuses


def test_the_purge_removes_every_kind_of_personal_data_and_keeps_the_counts(
        services: CoreServices, staff: dict[str, Actor], system_actor: Actor, clock: ManualClock) -> None:
    admin, supervisor = staff["admin"], staff["supervisor"]
    seed(services, staff, system_actor)
    before = personal(services)
    assert sum(1 for row in before["appointment"] if row[0]) == 3 and before["ticket"][0] and before["booking"][0]
    counted = counts(services, supervisor)
    clock.advance(timedelta(days=89))  # within the retention period of 90 days: nothing goes
    assert services.retention.purge(admin).total == 0
    assert personal(services) == before

    clock.advance(timedelta(days=2))
    preview = services.retention.purge(supervisor, dry_run=True)
    assert (preview.appointments, preview.convocations, preview.cases, preview.ticket_notes,
            preview.mediator_bookings) == (3, 1, 1, 1, 1)
    assert personal(services) == before  # a dry run changes nothing
    done = services.retention.purge(admin)
    assert (done.appointments, done.convocations, done.cases, done.ticket_notes, done.mediator_bookings) \
        == (3, 1, 1, 1, 1) and not done.dry_run
    after = personal(services)
    assert after == {"appointment": [(None, None, None, None)] * 3, "case": [(None, "")], "ticket": [None],
                     "booking": [None]}
    assert counts(services, supervisor) == counted  # reports still count every ticket and appointment
    assert services.retention.purge(admin).total == 0  # idempotent
    audit = services.db.read(lambda s: [e.detail for e in s.execute(
        select(AuditEvent).where(AuditEvent.action == "retention.purge").order_by(AuditEvent.id)).scalars()])
    assert [d["appointments"] for d in audit] == [0, 3, 0]
    assert not any(name in json.dumps(audit) for name in NAMES)  # the log of the purge holds counts only


def test_only_who_may_purge_purges(services: CoreServices, staff: dict[str, Actor]) -> None:
    for role in ("clerk", "mediator"):
        with pytest.raises(PermissionDeniedError):
            services.retention.purge(staff[role])
        with pytest.raises(PermissionDeniedError):
            services.retention.run_daily(staff[role])
    assert services.db.read(lambda s: s.execute(select(func.count()).select_from(MaintenanceRun)).scalar_one()) == 0


def test_the_daily_purge_runs_once_a_day(services: CoreServices, staff: dict[str, Actor], system_actor: Actor,
                                         clock: ManualClock) -> None:
    seed(services, staff, system_actor)
    first = services.retention.run_daily(system_actor)
    assert first is not None and first.total == 0
    assert services.retention.run_daily(system_actor) is None  # today's is done
    clock.advance(timedelta(days=91))
    later = services.retention.run_daily(system_actor)
    assert later is not None and later.appointments == 3
    assert services.retention.run_daily(system_actor) is None
    runs = services.retention.last_runs(staff["admin"])
    assert [outcome for _, outcome, _ in runs] == ["ok", "ok"] and runs[0][0] > runs[1][0]


def test_backups_older_than_the_retention_period_are_deleted(services: CoreServices, staff: dict[str, Actor],
                                                             system_actor: Actor, clock: ManualClock) -> None:
    if not services.db.is_sqlite and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump not installed")
    seed(services, staff, system_actor)
    old = services.backups.backup(system_actor).copy
    clock.advance(timedelta(days=60))
    recent = services.backups.backup(system_actor).copy
    clock.advance(timedelta(days=31))  # the first copy is 91 days old, the second 31
    preview = services.retention.purge(staff["admin"], dry_run=True)
    assert preview.backups == 1 and preview.backups_cleaned == (1 if services.db.is_sqlite else 0)
    assert old.path.exists()
    done = services.retention.purge(staff["admin"])
    assert done.backups == 1 and not old.path.exists() and recent.path.exists()
    if services.db.is_sqlite:  # the younger copy holds the same expired names: purged in it too, bytes and all
        assert done.backups_cleaned == 1
        with sqlite3.connect(recent.path) as conn:
            assert conn.execute("SELECT count(*) FROM appointment WHERE person_name IS NOT NULL").fetchone() == (0,)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert not any(name.encode() in recent.path.read_bytes() for name in NAMES)
        assert services.retention.purge(staff["admin"]).backups_cleaned == 0  # nothing left in it


def _race(db_url: str, home: Path, now: Any, desks: int) -> list[tuple[bool, bool, list[str]]]:
    start_at = time.time() + 3.0  # every process connected before any starts
    jobs = [DailyJob(db_url, str(home), now, start_at, f"D{i}") for i in range(desks)]
    with multiprocessing.get_context("spawn").Pool(desks) as pool:
        return pool.map(run_daily, jobs)


@pytest.mark.waits_on_children
def test_desks_starting_together_purge_and_back_up_once(services: CoreServices, staff: dict[str, Actor],
                                                        system_actor: Actor, clock: ManualClock, db_url: str,
                                                        home: Path) -> None:
    if not services.db.is_sqlite and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump not installed")
    seed(services, staff, system_actor)
    clock.advance(timedelta(days=91))
    results = _race(db_url, home, clock.now(), 6)
    assert [failed for _, _, failed in results] == [[]] * 6
    assert sum(purged for purged, _, _ in results) == 1
    assert sum(backed for _, backed, _ in results) == 1
    assert personal(services)["appointment"] == [(None, None, None, None)] * 3
    assert services.db.read(lambda s: s.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "retention.purge")).scalar_one()) == 1
    assert [c.kind for c in services.backups.copies(system_actor)] == ["daily"]
    runs = services.db.read(lambda s: [(r.job, r.outcome) for r in s.execute(
        select(MaintenanceRun).order_by(MaintenanceRun.job)).scalars()])
    assert runs == [("backup", "ok"), ("purge", "ok")]
    again = _race(db_url, home, clock.now(), 2)  # later the same day: nothing to do
    assert [(p, b) for p, b, _ in again] == [(False, False)] * 2


def _marker_hits(path: Path, markers: tuple[bytes, ...]) -> dict[bytes, int]:
    blobs = [p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists()]
    return {m: sum(b.count(m) for b in blobs) for m in markers}


def test_purged_names_are_gone_from_the_sqlite_file_and_its_wal(services: CoreServices, staff: dict[str, Actor],
                                                                 system_actor: Actor, clock: ManualClock,
                                                                 tmp_path: Path) -> None:
    if not services.db.is_sqlite:
        pytest.skip("the bytes of a SQLite file")
    path = services.db.sqlite_path
    assert path is not None
    seed(services, staff, system_actor)
    markers = (*(n.encode() for n in NAMES), b"RF/2026/1", b"LO/RF/2026/0187", b"333 1234567", b"malata")
    with services.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert all(_marker_hits(path, markers).values())  # the test can see them before
    control = tmp_path / "control.sqlite3"
    shutil.copyfile(path, control)

    clock.advance(timedelta(days=91))
    assert services.retention.purge(staff["admin"]).total == 6
    assert _marker_hits(path, markers) == dict.fromkeys(markers, 0)  # desks still connected: file and WAL
    assert Path(f"{path}-wal").stat().st_size == 0  # the purge checkpointed and truncated the WAL itself
    services.close()
    assert _marker_hits(path, markers) == dict.fromkeys(markers, 0)

    # The control: the same values cleared by a plain UPDATE, secure_delete off, leave the bytes behind.
    conn = sqlite3.connect(control)
    conn.execute("PRAGMA secure_delete = OFF")
    conn.execute("UPDATE appointment SET person_name = NULL, practice_number = NULL, person_key = NULL, "
                 "cancel_reason = NULL")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert _marker_hits(control, markers)[NAMES[0].encode()] > 0


def test_the_audit_log_holds_no_free_text_a_purge_cannot_reach(services: CoreServices,
                                                               staff: dict[str, Actor]) -> None:
    appointment = book(services, staff["clerk"], at(TODAY, "09:00"), NAMES[0], "RF/2026/1")
    services.appointments.cancel(staff["clerk"], appointment.id, f"telefonato il fratello di {NAMES[0]}")
    details = services.db.read(lambda s: json.dumps([e.detail for e in s.execute(select(AuditEvent)).scalars()]))
    assert NAMES[0] not in details


def test_desk_admin_retention_purge_and_the_old_appointments_purge(
        services: CoreServices, staff: dict[str, Actor], system_actor: Actor, home: Path, db_url: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    def cli(*args: str) -> tuple[int, str, str]:
        code = main(["--home", str(home), "--db", db_url, "--lang", "en", "--system", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    seed(services, staff, system_actor)
    long_ago = datetime.now(UTC) - timedelta(days=400)  # the command line runs on the real clock: age the data
    services.db.write(lambda s: s.execute(update(Appointment).values(starts_at=long_ago, ends_at=long_ago)))
    code, out, _ = cli("retention", "purge", "--dry-run")
    assert code == 0 and "appointments: 3 (of which convocations: 1)" in out and "Would remove" in out
    assert sum(1 for row in personal(services)["appointment"] if row[0]) == 3
    code, out, _ = cli("--json", "retention", "purge")
    assert code == 0 and json.loads(out)["appointments"] == 3 and json.loads(out)["dry_run"] is False
    code, out, err = cli("appointments", "purge")  # the command the issue found broken
    assert code == 3 and "appointments: 0 (of which convocations: 0)" in out and not err
    assert personal(services)["appointment"] == [(None, None, None, None)] * 3
