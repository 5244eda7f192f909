"""Backups and restore (issue 17, item 7), on SQLite and on PostgreSQL (``pg_dump``/``pg_restore``).

A copy is checked (``integrity_check`` / the dump's table of contents), owner-only,
rotated (7 daily, 4 weekly); a restore needs ``--force``, copies the database it
replaces first and brings back exactly what the copy held.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from db_support import DEMO_SETUP
from sqlalchemy import func, select

from desk_app.cli import main
from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.backup import BackupCopy, list_copies, rotation_keeps
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.models import AuditEvent, Ticket
from desk_app.errors import ConflictError, DatabaseError, PermissionDeniedError

START = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def core(settings: Settings, clock: ManualClock, backend: str) -> Any:
    if backend == "postgresql" and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump not installed")  # CI installs postgresql-client
    services = CoreServices.build(settings, clock=clock)
    services.offices.apply(Actor.system("test"), DEMO_SETUP)
    try:
        yield services
    finally:
        services.close()


def tickets(core: CoreServices) -> int:
    return int(core.db.read(lambda s: s.execute(select(func.count()).select_from(Ticket)).scalar_one()))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_then_restore_brings_back_what_the_copy_held(core: CoreServices, system_actor: Actor) -> None:
    core.queue.issue_ticket(system_actor, "RF")
    taken = core.backups.backup(system_actor)
    assert taken.check == "ok" and taken.copy.kind == "manual" and taken.copy.size > 0
    assert mode(taken.copy.path) == 0o600 and mode(taken.copy.path.parent) == 0o700
    core.queue.issue_ticket(system_actor, "RF")
    core.queue.issue_ticket(system_actor, "LAV")
    assert tickets(core) == 3

    with pytest.raises(ConflictError) as refused:
        core.backups.restore(system_actor, taken.copy.path)
    assert refused.value.code.startswith("restore_needs_force") and "--force" in refused.value.message("en")
    assert tickets(core) == 3  # refused: nothing replaced

    done = core.backups.restore(system_actor, taken.copy.path, force=True)
    assert tickets(core) == 1
    assert done.safety_copy is not None and mode(done.safety_copy) == 0o600
    assert [c.kind for c in core.backups.copies(system_actor)] == ["manual", "pre-restore"]
    core.backups.restore(system_actor, done.safety_copy, force=True)  # and back again: nothing was lost
    assert tickets(core) == 3
    core.queue.issue_ticket(system_actor, "RF")  # the restored database works as before
    assert tickets(core) == 4
    # The restore re-anchored this PC's audit checkpoint on record: the log verifies, and says so.
    verified = core.audit.verify(system_actor)
    assert verified.checkpoint is not None
    actions = core.db.read(lambda s: list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.id))))
    assert actions.count("audit.reanchor") >= 1 and actions.index("db.restore") < len(actions) - 1


def test_a_damaged_or_foreign_copy_is_refused_and_nothing_replaced(core: CoreServices, system_actor: Actor,
                                                                   tmp_path: Path) -> None:
    core.queue.issue_ticket(system_actor, "RF")
    copy = core.backups.backup(system_actor).copy.path
    damaged = tmp_path / copy.name
    data = bytearray(copy.read_bytes())
    data[len(data) // 2:] = bytes(len(data) - len(data) // 2)  # the second half zeroed
    damaged.write_bytes(bytes(data[: len(data) * 3 // 4]))
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_text("not a database", encoding="utf-8")
    for bad in (damaged, foreign):
        with pytest.raises(DatabaseError) as refused:
            core.backups.restore(system_actor, bad, force=True)
        assert refused.value.code in {"backup_corrupt", "backup_not_ours", "backup_failed"}, refused.value.code
    assert tickets(core) == 1
    assert [c.kind for c in core.backups.copies(system_actor)] == ["manual"]  # no safety copy was needed


def test_only_an_administrator_backs_up_or_restores(core: CoreServices, system_actor: Actor) -> None:
    copy = core.backups.backup(system_actor).copy.path
    office_id = core.offices.view("LODI").id
    for role in ("clerk", "supervisor", "mediator"):
        actor = Actor(f"a-{role}", role, None, office_id)
        with pytest.raises(PermissionDeniedError):
            core.backups.backup(actor)
        with pytest.raises(PermissionDeniedError):
            core.backups.restore(actor, copy, force=True)
    assert len(core.backups.copies(system_actor)) == 1


def test_the_daily_backup_runs_once_a_day_and_rotates_to_7_daily_and_4_weekly(
        core: CoreServices, system_actor: Actor, clock: ManualClock) -> None:
    for _ in range(40):
        assert core.backups.run_daily(system_actor) is not None
        assert core.backups.run_daily(system_actor) is None  # the same day again: done already
        clock.advance(timedelta(days=1))
    days = sorted(c.taken_at.date() for c in core.backups.copies(system_actor))
    last = START.date() + timedelta(days=39)
    daily = {last - timedelta(days=n) for n in range(7)}
    # The newest copy of each of the 4 latest ISO weeks: this week's is today's, earlier ones their Sunday.
    sundays = {last - timedelta(days=last.weekday() + 1 + 7 * n) for n in range(3)}
    assert days == sorted(daily | sundays)
    assert all(c.kind == "daily" and mode(c.path) == 0o600 for c in core.backups.copies(system_actor))


def test_rotation_rule(tmp_path: Path) -> None:
    def copy(day: date, kind: str = "daily", n: int = 0) -> BackupCopy:
        return BackupCopy(tmp_path / f"{kind}-{day}-{n}", kind, datetime(day.year, day.month, day.day, 7, n,
                                                                           tzinfo=UTC), 1)
    monday = date(2026, 11, 30)
    copies = [copy(monday - timedelta(days=n)) for n in range(60)] + [copy(monday, n=1)]
    copies += [copy(monday - timedelta(days=n), "manual") for n in range(15)]
    kept = rotation_keeps(copies, kept=10)
    kept_daily = sorted(c.taken_at for c in copies if c.path in kept and c.kind == "daily")
    # 24-30 November (7 days); the weeks of 30 Nov (today), 23-29 Nov (its Sunday, within the 7 days),
    # 16-22 and 9-15 Nov (their Sundays).
    assert {t.date() for t in kept_daily} == {monday - timedelta(days=n) for n in range(7)} | {
        date(2026, 11, 22), date(2026, 11, 15)}
    assert len(kept_daily) == 9
    assert datetime(2026, 11, 30, 7, 1, tzinfo=UTC) in kept_daily  # the newer of the two of today
    assert datetime(2026, 11, 30, 7, 0, tzinfo=UTC) not in kept_daily
    assert sum(1 for c in copies if c.path in kept and c.kind == "manual") == 10


def test_pg_backup_without_the_postgresql_tools_says_so(core: CoreServices, system_actor: Actor,
                                                        monkeypatch: pytest.MonkeyPatch, backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("pg_dump is for PostgreSQL")
    monkeypatch.setenv("PATH", str(Path(os.devnull).parent / "no-such-folder"))
    with pytest.raises(DatabaseError) as missing:
        core.backups.backup(system_actor)
    assert missing.value.code == "backup_tool_missing"
    assert "pg_dump" in missing.value.message("en") and "postgresql-client" in missing.value.message("en")
    assert list_copies(core.settings.paths.backups) == []


def test_desk_admin_db_backup_backups_and_restore(core: CoreServices, system_actor: Actor, home: Path,
                                                  db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    def cli(*args: str) -> tuple[int, str, str]:
        code = main(["--home", str(home), "--db", db_url, "--lang", "en", "--system", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    core.queue.issue_ticket(system_actor, "RF")
    code, out, _ = cli("--json", "db", "backup")
    assert code == 0
    written = json.loads(out)
    path = Path(written["copy"]["path"])
    assert written["check"] == "ok" and path.is_file() and mode(path) == 0o600
    code, out, _ = cli("db", "backups")
    assert code == 0 and str(path) in out and "manual" in out
    core.queue.issue_ticket(system_actor, "RF")
    code, _, err = cli("db", "restore", str(path))
    assert code == 2 and "--force" in err and tickets(core) == 2
    code, out, err = cli("db", "restore", str(path), "--force")
    assert code == 0 and "restored" in out and not err
    core.db.dispose()
    assert tickets(core) == 1
    code, _, err = cli("db", "restore", str(path.with_name("missing.dump")), "--force")
    assert code == 2 and "does not exist" in err


def test_a_pg_restore_refusal_counts_the_desks_still_connected(core: CoreServices, system_actor: Actor,
                                                               backend: str, db_url: str) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite cannot tell who has its file open")
    import psycopg

    copy = core.backups.backup(system_actor).copy.path
    with psycopg.connect(db_url.replace("+psycopg", ""), application_name="sportello") as desk:
        desk.execute("SELECT 1")
        with pytest.raises(ConflictError) as refused:
            core.backups.restore(system_actor, copy)
        assert refused.value.code == "restore_needs_force_pg" and refused.value.params["connected"] >= 1
        assert core.backups.other_connections(system_actor) >= 1
    assert core.backups.other_connections(system_actor) == 0
