"""The audit log cannot be rewritten unseen: the database refuses, and what the owner does anyway is detected.

The attacker of these tests holds the database owner's rights: they drop (SQLite) or disable (PostgreSQL,
restored after the test for the others sharing the server) the append-only triggers with raw SQL, then edit,
delete, truncate, recompute the chain. They do not hold the key in the PC's config folder, and
:meth:`AuditLog.verify` in the core must report each of those. Real SQLite files and the real PostgreSQL server.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import multiprocessing
import os
import secrets
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, delete, select, text, update
from sqlalchemy.exc import DBAPIError

from desk_app.core import audit as audit_module
from desk_app.core.audit import GENESIS, KEY_START_ACTION, AuditActor, AuditLog, key_id_of
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db import migrate
from desk_app.db.engine import Database
from desk_app.db.models import AuditEvent
from desk_app.errors import AuditChainError, PermissionDeniedError

COLUMNS = ("office_id", "actor", "staff_id", "action", "object_type", "object_id", "outcome", "detail")


# -- the attacker's tools ------------------------------------------------------------------------------------------
@contextmanager
def owner_rights(core: CoreServices) -> Iterator[Connection]:
    """A connection of the database owner with the append-only triggers out of the way, committed at the end."""
    with core.db.engine.begin() as conn:
        if core.db.is_sqlite:
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_event_no_update")
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_event_no_delete")
        else:
            conn.exec_driver_sql("ALTER TABLE audit_event DISABLE TRIGGER USER")
        try:
            yield conn
        finally:
            if not core.db.is_sqlite:  # the server is shared by the tests of this run: put them back
                conn.exec_driver_sql("ALTER TABLE audit_event ENABLE TRIGGER USER")


def rows(core: CoreServices) -> list[AuditEvent]:
    return core.db.read(lambda s: list(s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()))


def content(event: AuditEvent) -> dict[str, Any]:
    return {name: getattr(event, name) for name in COLUMNS}


def public_sha256(at: datetime, prev_hash: str, row: dict[str, Any]) -> str:
    """The first releases' unkeyed chain, which anyone can recompute."""
    return hashlib.sha256(audit_module._canonical(at, prev_hash, row)).hexdigest()


def rechain(conn: Connection, events: list[AuditEvent], start: int,
            digest: Callable[[AuditEvent, str, dict[str, Any]], tuple[str | None, str]]) -> None:
    """Rewrite ``prev_hash``/``hash`` (and ``key_id``) of ``events[start:]`` so the links are whole again."""
    prev = events[start - 1].hash if start else GENESIS
    # prev_hash and hash are unique: park the old values first so the rewrite never collides with itself
    for n, event in enumerate(events[start:]):
        conn.execute(update(AuditEvent).where(AuditEvent.id == event.id)
                     .values(prev_hash=f"parked-p-{n}", hash=f"parked-h-{n}"))
    for event in events[start:]:
        key_id, new = digest(event, prev, content(event))
        conn.execute(update(AuditEvent).where(AuditEvent.id == event.id)
                     .values(prev_hash=prev, hash=new, key_id=key_id))
        prev = new


def audit_error(core: CoreServices, actor: Any) -> AuditChainError:
    with pytest.raises(AuditChainError) as err:
        core.audit.verify(actor)
    return err.value


@pytest.fixture
def chain(services: CoreServices, staff: dict[str, Any], system_actor: Any) -> list[AuditEvent]:
    """An office with staff who logged in: a keyed chain of a dozen events, verified once (checkpoint at the head)."""
    for n in range(4):
        services.audit.record_now(AuditActor("cli:test"), "test.event", "test", n, detail={"n": n})
    result = services.audit.verify(system_actor)
    events = rows(services)
    assert result.count == len(events) >= 12 and result.legacy == 0 and result.checkpoint == events[-1].id
    assert {e.key_id for e in events} == {key_id_of(services.audit.keys.own(create=False)[1])}  # type: ignore[index]
    return events


# -- 1. the database refuses ---------------------------------------------------------------------------------------
def test_the_database_refuses_update_delete_and_truncate(services, chain, system_actor):
    target = chain[3].id
    attempts = [
        lambda s: s.execute(update(AuditEvent).where(AuditEvent.id == target).values(actor="someone-else")),
        lambda s: s.execute(delete(AuditEvent).where(AuditEvent.id == target)),
        lambda s: s.execute(delete(AuditEvent)),
    ]
    if not services.db.is_sqlite:
        attempts.append(lambda s: s.execute(text("TRUNCATE audit_event")))
    for attempt in attempts:
        with pytest.raises(DBAPIError) as err:
            services.db.write(attempt)
        assert "append-only" in str(err.value)
    assert [(e.id, e.actor, e.hash) for e in rows(services)] == [(e.id, e.actor, e.hash) for e in chain]
    assert services.audit.verify(system_actor).count == len(chain)


def test_the_triggers_are_in_the_migrated_schema(services):
    if services.db.is_sqlite:
        names = services.db.read(lambda s: set(s.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'")).scalars()))
        assert names == {"audit_event_no_update", "audit_event_no_delete"}
    else:
        names = services.db.read(lambda s: set(s.execute(text(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass AND NOT tgisinternal")).scalars()))
        assert names == {"audit_event_no_change", "audit_event_no_truncate"}


# -- 2. edits and recomputed chains --------------------------------------------------------------------------------
def test_an_edited_row_is_detected(services, chain, system_actor):
    with owner_rights(services) as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.id == chain[2].id).values(actor="someone-else"))
    err = audit_error(services, system_actor)
    assert (err.code, err.params["id"]) == ("audit_row_changed", chain[2].id)
    assert "alterato" in err.message("it")


def test_an_edited_row_with_the_public_chain_recomputed_is_detected(services, chain, system_actor):
    """The attack that passed before: edit a row, recompute SHA-256 from there on (as the first releases did)."""
    with owner_rights(services) as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.id == chain[5].id).values(outcome="ok", actor="innocent"))
    with owner_rights(services) as conn:
        rechain(conn, rows(services), 5, lambda e, prev, row: (None, public_sha256(e.at, prev, row)))
    err = audit_error(services, system_actor)
    assert (err.code, err.params["id"]) == ("audit_unkeyed", chain[5].id)


def test_the_whole_chain_recomputed_without_the_key_is_detected(services, chain, system_actor):
    """Every row rewritten as an unkeyed chain (a database that looks like the first releases'): the checkpoint
    outside the database still names the old head's hash."""
    with owner_rights(services) as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.id == chain[1].id).values(actor="innocent"))
    with owner_rights(services) as conn:
        rechain(conn, rows(services), 0, lambda e, prev, row: (None, public_sha256(e.at, prev, row)))
    err = audit_error(services, system_actor)
    assert (err.code, err.params["id"]) == ("audit_row_changed", chain[-1].id)


def test_a_chain_recomputed_with_a_guessed_key_is_detected(services, chain, system_actor):
    guessed = secrets.token_bytes(32)

    def forge(event: AuditEvent, prev: str, row: dict[str, Any]) -> tuple[str | None, str]:
        kid = str(event.key_id)  # keeps the real key id: the HMAC does not match
        return kid, audit_module._row_hash(kid, guessed, event.at, prev, row)

    with owner_rights(services) as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.id == chain[4].id).values(actor="innocent"))
    with owner_rights(services) as conn:
        rechain(conn, rows(services), 4, forge)
    err = audit_error(services, system_actor)
    assert (err.code, err.params["id"]) == ("audit_row_changed", chain[4].id)


def test_rows_signed_with_an_invented_key_are_detected(services, chain, system_actor):
    own = secrets.token_bytes(32)
    with owner_rights(services) as conn:
        rechain(conn, rows(services), 6, lambda e, prev, row: (
            key_id_of(own), audit_module._row_hash(key_id_of(own), own, e.at, prev, row)))
    err = audit_error(services, system_actor)
    assert (err.code, err.params["id"], err.params["key_id"]) == ("audit_unknown_key", chain[6].id, key_id_of(own))


# -- 3. deletions, truncation --------------------------------------------------------------------------------------
def test_a_deleted_row_in_the_middle_is_detected(services, chain, system_actor):
    with owner_rights(services) as conn:
        conn.execute(delete(AuditEvent).where(AuditEvent.id == chain[1].id))
    err = audit_error(services, system_actor)
    assert (err.code, err.params["id"]) == ("audit_row_missing", chain[2].id)


def test_the_last_five_rows_deleted_are_detected(services, chain, system_actor):
    with owner_rights(services) as conn:
        conn.execute(delete(AuditEvent).where(AuditEvent.id.in_([e.id for e in chain[-5:]])))
    err = audit_error(services, system_actor)
    assert err.code == "audit_truncated"
    assert (err.params["id"], err.params["last"]) == (chain[-1].id, chain[-6].id)
    assert "troncato" in err.message("it")


def test_every_row_deleted_is_detected(services, chain, system_actor):
    with owner_rights(services) as conn:
        if services.db.is_sqlite:
            conn.execute(delete(AuditEvent))
        else:
            conn.exec_driver_sql("TRUNCATE audit_event RESTART IDENTITY")
    err = audit_error(services, system_actor)
    assert (err.code, err.params["id"], err.params["last"]) == ("audit_truncated", chain[-1].id, 0)


def test_every_row_deleted_then_regrown_past_the_checkpoint_is_detected(services, chain, system_actor):
    """Ids start again from 1 and the app appends new rows: the checkpoint's id exists, with another hash."""
    with owner_rights(services) as conn:
        if services.db.is_sqlite:
            conn.execute(delete(AuditEvent))
        else:
            conn.exec_driver_sql("TRUNCATE audit_event RESTART IDENTITY")
    for n in range(len(chain) + 2):
        services.audit.record_now(AuditActor("cli:test"), "test.after", "test", n)
    err = audit_error(services, system_actor)
    assert (err.code, err.params["id"]) == ("audit_row_changed", chain[-1].id)


def test_an_altered_checkpoint_is_detected(services, chain, system_actor):
    """The checkpoint is signed: pointing it back at an earlier row (to hide deleted last rows) needs the key."""
    path = services.audit.checkpoint.path
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(id=chain[-6].id, hash=chain[-6].hash)
    path.write_text(json.dumps(data), encoding="utf-8")
    err = audit_error(services, system_actor)
    assert err.code == "audit_checkpoint_bad" and str(path) in err.message("en")


# -- the key and the checkpoint on disk ----------------------------------------------------------------------------
def test_the_key_is_the_owners_alone_and_not_in_the_database(services, chain, settings):
    key_file = settings.paths.config / "audit.key"
    assert services.audit.keys.key_file == key_file
    key = bytes.fromhex(key_file.read_text(encoding="ascii").strip())
    assert len(key) == 32
    checkpoint = services.audit.checkpoint.path
    assert checkpoint.parent == settings.paths.config
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(checkpoint.stat().st_mode) == 0o600
    assert json.loads(checkpoint.read_text(encoding="utf-8"))["id"] == chain[-1].id
    if services.db.is_sqlite:  # the database file (and its journal) hold the key id, never the key
        services.close()
        files = [Path(f"{services.db.sqlite_path}{suffix}") for suffix in ("", "-wal")]
        raw = b"".join(f.read_bytes() for f in files if f.exists())
        assert key_id_of(key).encode() in raw
        assert key.hex().encode() not in raw and key not in raw


def test_the_checkpoint_moves_only_forward_and_not_for_rolled_back_events(services, chain, system_actor):
    checkpoint = services.audit.checkpoint
    key_id, key = services.audit.keys.own(create=False)  # type: ignore[misc]
    checkpoint.advance(key_id, key, chain[2].id, chain[2].hash)  # a late writer of an older head
    assert checkpoint.read({key_id: key}).id == chain[-1].id  # type: ignore[union-attr]

    class BoomError(Exception):
        pass

    def fails(session: Any) -> None:
        services.audit.record(session, AuditActor("cli:test"), "test.rolled_back")
        raise BoomError

    with pytest.raises(BoomError):
        services.db.write(fails)
    assert checkpoint.read({key_id: key}).id == chain[-1].id  # type: ignore[union-attr]
    assert services.audit.verify(system_actor).count == len(chain)


# -- several PCs and several processes -----------------------------------------------------------------------------
def test_rows_of_another_pc_verify_once_its_key_is_here(services, chain, system_actor, tmp_path):
    """A shared database: a PC with a key of its own appends; this PC verifies once it holds that key too."""
    other = AuditLog(services.db, key_folder=tmp_path / "other-pc" / "config")
    other.record_now(AuditActor("other-pc"), "test.other")
    err = audit_error(services, system_actor)
    assert err.code == "audit_unknown_key" and err.params["id"] == rows(services)[-1].id
    keyring = services.audit.keys.keyring
    keyring.mkdir()
    (keyring / "other-pc.key").write_text(other.keys.key_file.read_text(encoding="ascii"), encoding="ascii")
    result = services.audit.verify(system_actor)
    assert result.count == len(chain) + 1 and len(result.key_ids) == 2


def test_installing_the_office_key_on_a_pc_that_made_its_own(services, chain, system_actor):
    """The README's way: the PC's earlier key goes into audit-keys/, the office's shared key becomes audit.key."""
    keys = services.audit.keys
    earlier = keys.key_file.read_text(encoding="ascii")
    keys.keyring.mkdir()
    (keys.keyring / "earlier.key").write_text(earlier, encoding="ascii")
    shared = secrets.token_bytes(32)
    keys.key_file.write_text(shared.hex() + "\n", encoding="ascii")
    restarted = CoreServices.build(services.settings)  # the desk application started again
    try:
        restarted.audit.record_now(AuditActor("cli:test"), "test.shared_key")
        events = rows(restarted)
        assert events[-1].key_id == key_id_of(shared)
        result = restarted.audit.verify(system_actor)
        assert result.checkpoint == events[-1].id  # the checkpoint followed, though signed before with the old key
        assert result.key_ids == (key_id_of(bytes.fromhex(earlier.strip())), key_id_of(shared))
    finally:
        restarted.close()


def appending_desk(url: str, home: str, n: int, start: Any) -> int:
    """One desk process of a PC appending ``n`` events; returns the id of its last one."""
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}))
    try:
        core.db.ping()
        start.wait()
        last = 0
        for i in range(n):
            last = core.db.write(lambda s, i=i: core.audit.record(s, AuditActor(f"desk-{os.getpid()}"), "test.append",
                                                                  "test", i)).id
        return last
    finally:
        core.close()


@pytest.mark.slow
def test_desk_processes_of_one_pc_share_the_key_and_keep_the_checkpoint_at_the_head(services, chain, system_actor,
                                                                                     db_url, home):
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Event()
    with ctx.Pool(4) as pool:
        jobs = [pool.apply_async(appending_desk, (db_url, str(home), 25, start)) for _ in range(4)]
        start.set()
        lasts = [job.get(timeout=300) for job in jobs]
    events = rows(services)
    assert len(events) == len(chain) + 100 and max(lasts) == events[-1].id
    key_id, key = services.audit.keys.own(create=False)  # type: ignore[misc]
    assert services.audit.checkpoint.read({key_id: key}).id == events[-1].id  # type: ignore[union-attr]
    assert not list(services.audit.keys.folder.glob("*.tmp"))
    result = services.audit.verify(system_actor)
    assert result.count == len(events) and result.key_ids == (key_id,)


@pytest.mark.slow
def test_a_pc_creating_its_key_at_the_same_time_as_another_process_uses_one_key(tmp_path):
    from desk_app.core.audit import AuditKeys

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        ids = pool.map(_own_key_id, [str(tmp_path / "config")] * 8)
    assert len(set(ids)) == 1
    assert AuditKeys(tmp_path / "config").own(create=False)[0] == ids[0]  # type: ignore[index]


def _own_key_id(folder: str) -> str:
    from desk_app.core.audit import AuditKeys

    found = AuditKeys(Path(folder)).own(create=True)
    assert found is not None
    return found[0]


# -- databases written by the first releases -----------------------------------------------------------------------
def _legacy_rows(conn: Any, count: int, placeholder: str) -> list[str]:
    """Insert ``count`` events as the first releases wrote them (unkeyed SHA-256 chain); return their hashes."""
    prev, hashes = GENESIS, []
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    for n in range(count):
        at = start + timedelta(minutes=n)
        row = {"office_id": None, "actor": "cli:root", "staff_id": None, "action": "staff.add",
               "object_type": "staff", "object_id": str(n), "outcome": "ok", "detail": {"n": n}}
        digest = public_sha256(at, prev, row)
        values = (at.strftime("%Y-%m-%d %H:%M:%S.%f"), row["actor"], row["action"], row["object_type"],
                  row["object_id"], row["outcome"], json.dumps(row["detail"]), prev, digest)
        conn.execute("INSERT INTO audit_event (at, actor, action, object_type, object_id, outcome, detail, "
                     f"prev_hash, hash) VALUES ({', '.join([placeholder] * 9)})", values)
        prev = digest
        hashes.append(digest)
    return hashes


def test_a_database_of_the_first_releases_upgrades_and_its_old_rows_verify_as_legacy(tmp_path, system_actor):
    path = tmp_path / "home" / "data" / "sportello.sqlite3"
    path.parent.mkdir(parents=True)
    db = Database(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007_queue_hot_path")
    db.dispose()
    with sqlite3.connect(path) as raw:
        old = _legacy_rows(raw, 3, "?")
    core = CoreServices.build(Settings.load(home=tmp_path / "home", overrides={"db_url": f"sqlite:///{path}"},
                                            environ={}))
    try:
        core.upgrade_schema()
        first = core.audit.verify(system_actor)
        assert (first.count, first.legacy, first.head, first.key_ids) == (3, 3, old[-1], ())
        core.audit.record_now(AuditActor("cli:test"), "test.after_upgrade")
        events = rows(core)
        assert [e.key_id is None for e in events] == [True, True, True, False, False]
        assert (events[3].action, events[3].prev_hash) == (KEY_START_ACTION, old[-1])  # where the key begins
        result = core.audit.verify(system_actor)
        assert (result.count, result.legacy, len(result.key_ids)) == (5, 3, 1)

        # the old segment is public, but rewriting it breaks the keyed row that follows it
        with owner_rights(core) as conn:
            conn.execute(update(AuditEvent).where(AuditEvent.id == events[1].id).values(actor="innocent"))
        with owner_rights(core) as conn:
            rechain(conn, rows(core)[:3], 1, lambda e, prev, row: (None, public_sha256(e.at, prev, row)))
        err = audit_error(core, system_actor)
        assert (err.code, err.params["id"]) == ("audit_row_missing", events[3].id)
    finally:
        core.close()


def test_keyed_hash_is_hmac_sha256_over_key_id_previous_hash_and_content():
    """The documented construction (so another tool can check a chain with the key)."""
    key, at = secrets.token_bytes(32), datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    row = {"office_id": 1, "actor": "clerk", "staff_id": 2, "action": "login", "object_type": "staff",
           "object_id": "2", "outcome": "ok", "detail": {}}
    kid = key_id_of(key)
    body = json.dumps({"at": at.isoformat(timespec="microseconds"), **row}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    expected = hmac.new(key, kid.encode() + b"\n" + (GENESIS + body).encode(), hashlib.sha256).hexdigest()
    assert audit_module._row_hash(kid, key, at, GENESIS, row) == expected
    assert audit_module._row_hash(kid, secrets.token_bytes(32), at, GENESIS, row) != expected


# -- after a restore: accepting the end of the log, on record ------------------------------------------------------
def test_reanchor_after_an_older_copy_is_restored_keeps_the_gap_on_record(services, chain, staff, system_actor):
    """A restored older database lacks the last events: verify says so until an admin accepts it, on record."""
    with owner_rights(services) as conn:  # what restoring a copy taken 3 events ago does to the log
        conn.execute(delete(AuditEvent).where(AuditEvent.id.in_([e.id for e in chain[-3:]])))
    services.audit.record_now(AuditActor("cli:test"), "test.after_restore")
    assert audit_error(services, system_actor).code == "audit_truncated"  # new events do not hide the gap
    with pytest.raises(PermissionDeniedError):
        services.audit.reanchor(staff["supervisor"])
    result = services.audit.reanchor(staff["admin"])
    events = rows(services)
    last = events[-1]
    assert (last.action, last.actor) == ("audit.reanchor", "admin")
    assert last.detail["replaced_checkpoint"]["id"] == chain[-1].id  # the gap stays in the log, signed
    assert result.count == len(events) and result.checkpoint == last.id
    assert services.audit.verify(system_actor).count == len(events)


def test_reanchor_refuses_a_chain_broken_inside(services, chain, system_actor):
    with owner_rights(services) as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.id == chain[3].id).values(actor="innocent"))
    with pytest.raises(AuditChainError) as err:
        services.audit.reanchor(system_actor)
    assert (err.value.code, err.value.params["id"]) == ("audit_row_changed", chain[3].id)
    assert rows(services)[-1].action != "audit.reanchor"


# -- desk-admin ----------------------------------------------------------------------------------------------------
def test_desk_admin_audit_verify_names_the_tampering_and_reanchor_accepts_a_restore(services, chain, home, db_url,
                                                                                    capsys, tmp_path):
    from cli_support import ADMIN, ADMIN_PASSWORD, Cli

    services.staff.add_staff(Actor.system("cli:test"), ADMIN + "2", "Admin", "admin", ADMIN_PASSWORD, "LODI")
    admin = Cli(home, db_url, capsys).as_user(ADMIN + "2", ADMIN_PASSWORD)
    code, out, _ = admin("audit", "verify")
    assert code == 0 and "integro" in out
    with owner_rights(services) as conn:
        conn.execute(delete(AuditEvent).where(AuditEvent.id.in_([e.id for e in rows(services)[-2:]])))
    code, out, err = admin("audit", "verify")
    assert code == 2 and "troncato" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    code, out, _ = admin("audit", "reanchor", json_output=True)
    assert code == 0 and json.loads(out)["count"] == len(rows(services))
    assert admin("audit", "verify")[0] == 0
