"""Backups and restore of the whole database: on demand, once a day with rotation, each copy checked.

* SQLite: SQLite's online backup API (:func:`desk_app.db.migrate.copy_sqlite`, the
  same copy taken before a migration): consistent while desks write, one file,
  ``PRAGMA integrity_check`` on the copy.
* PostgreSQL: ``pg_dump --format=custom`` when the PostgreSQL client tools are
  installed (a clear sentence when they are not); the copy is checked by reading
  its table of contents back (``pg_restore --list``) and finding the schema
  version table in it. The password goes to the tools in their environment
  (``PGPASSWORD``), never on their command line where ``ps`` shows it.

Every copy is created 0600 in a 0700 folder (the settings' backups folder; on
Windows the user profile's ACL keeps it private). Names carry the kind and the
time from the clock seam: ``<db>-<kind>-YYYYmmdd-HHMMSS-ffffff.sqlite3|.dump``, so the
folder sorts by age and the rotation and the retention purge read the age from
the name. Kinds: ``daily`` (the scheduled copy, rotated: the newest of each of the
last 7 days and of each of the last 4 ISO weeks are kept), ``manual``
(``desk-admin db backup``), ``pre-restore`` and ``pre-upgrade`` (the newest
``backups_kept`` of each). The retention purge deletes every copy older than the
retention period (:func:`backups_before`).

The daily backup is claimed like the daily purge: a ``maintenance_run`` row
``("backup", "*", day)`` inserted with ``ON CONFLICT DO NOTHING`` (the database is
backed up once a day, whichever desk or ``cron`` job gets there first). The row is
committed before the copy (a copy is no transaction); a failed copy deletes its
claim so the next desk retries, and a claim left ``running`` by a desk that died
is taken over after :data:`STALE_CLAIM`.

A restore replaces the whole database, so it needs ``force`` (the operator has
closed the desks; on PostgreSQL the other open connections are counted and
named in the refusal), takes a ``pre-restore`` copy of the current database
first, and brings the restored schema up to date afterwards.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, local_day
from desk_app.core.auth import Actor, Authorizer
from desk_app.db import migrate
from desk_app.db.engine import Database, table_of
from desk_app.db.models import Office
from desk_app.db.models_maintenance import MaintenanceRun
from desk_app.errors import ConflictError, DatabaseError, DeskError, NotFoundError, ValidationError

log = logging.getLogger(__name__)

#: Kinds of copy, as they appear in the file names.
BACKUP_KINDS = ("daily", "manual", "pre-restore", "pre-upgrade")
#: Rotation of the daily copies: the newest of each of this many days, and of this many ISO weeks.
DAILY_KEPT = 7
WEEKLY_KEPT = 4
#: A daily backup claim still ``running`` after this long belongs to a desk that died: another takes it over.
STALE_CLAIM = timedelta(hours=1)
#: Seconds a ``pg_dump``/``pg_restore`` may take before it is given up.
TOOL_TIMEOUT_S = 3600

_NAME = re.compile(r"^(?P<prefix>.+)-(?P<kind>daily|manual|pre-restore|pre-upgrade)-"
                   r"(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<ext>sqlite3|dump)$")
_STAMP = "%Y%m%d-%H%M%S-%f"
#: libpq settings a URL's query may carry, and the environment variable each goes to.
_LIBPQ_ENV = {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY",
              "sslcrl": "PGSSLCRL", "passfile": "PGPASSFILE", "service": "PGSERVICE",
              "target_session_attrs": "PGTARGETSESSIONATTRS", "connect_timeout": "PGCONNECT_TIMEOUT"}


@dataclass(frozen=True)
class BackupCopy:
    """One copy in the backups folder.

    Attributes:
        kind: one of :data:`BACKUP_KINDS`.
        taken_at: when it was taken (from its name).
        size: bytes.
    """

    path: Path
    kind: str
    taken_at: datetime
    size: int

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class BackupResult:
    """A backup taken: the copy, its check's verdict (``"ok"``), and the older copies the rotation removed."""

    copy: BackupCopy
    check: str
    rotated: tuple[str, ...]


@dataclass(frozen=True)
class RestoreResult:
    """A restore done: from which copy, the copy of the replaced database taken first, the schema after."""

    source: Path
    safety_copy: Path | None
    revisions: tuple[str, ...]


# -- the folder (no database, no actor: also used by the retention purge) ----------------------------------------
def parse_copy(path: Path) -> BackupCopy | None:
    """The copy ``path`` names, or ``None`` for a file that is not one of ours."""
    match = _NAME.match(path.name)
    if match is None or not path.is_file():
        return None
    try:
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        return BackupCopy(path, match["kind"], taken, path.stat().st_size)
    except (ValueError, OSError):
        return None


def list_copies(folder: Path) -> list[BackupCopy]:
    """Every copy in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    copies = [c for c in (parse_copy(p) for p in folder.iterdir()) if c is not None]
    return sorted(copies, key=lambda c: (c.taken_at, c.name))


def backups_before(folder: Path, cutoff: datetime) -> list[BackupCopy]:
    """Copies taken before ``cutoff``: they hold personal data past its retention period."""
    return [c for c in list_copies(folder) if c.taken_at < cutoff]


def delete_backups(copies: Iterable[BackupCopy]) -> int:
    """Delete these copies; returns how many went."""
    gone = 0
    for copy in copies:
        try:
            copy.path.unlink()
            gone += 1
        except FileNotFoundError:  # another desk's purge or rotation got there first
            continue
    return gone


def rotation_keeps(copies: Sequence[BackupCopy], *, days: int = DAILY_KEPT, weeks: int = WEEKLY_KEPT,
                   kept: int = 10) -> set[Path]:
    """Which copies the rotation keeps.

    ``daily`` copies: the newest of each of the ``days`` most recent days that have one, and the
    newest of each of the ``weeks`` most recent ISO weeks. Other kinds: the newest ``kept`` of each.
    """
    keep: set[Path] = set()
    newest_first = sorted(copies, key=lambda c: (c.taken_at, c.name), reverse=True)
    daily = [c for c in newest_first if c.kind == "daily"]
    for key, limit in ((lambda c: c.taken_at.date(), days),
                       (lambda c: tuple(c.taken_at.isocalendar())[:2], weeks)):
        seen: set[object] = set()
        for copy in daily:
            period = key(copy)
            if period not in seen and len(seen) < limit:
                seen.add(period)
                keep.add(copy.path)
    for kind in BACKUP_KINDS[1:]:
        keep.update(c.path for c in [c for c in newest_first if c.kind == kind][:kept])
    return keep


def rotate(folder: Path, *, kept: int = 10) -> list[str]:
    """Apply :func:`rotation_keeps` to ``folder``; returns the names of the copies removed."""
    copies = list_copies(folder)
    keep = rotation_keeps(copies, kept=kept)
    removed = [c for c in copies if c.path not in keep]
    delete_backups(removed)
    return [c.name for c in removed]


# -- PostgreSQL tools ------------------------------------------------------------------------------------------
def pg_tool(name: str) -> str:
    """The path of ``pg_dump``/``pg_restore``; :class:`DatabaseError` with a clear sentence when not installed."""
    found = shutil.which(name)
    if found is None:
        raise DatabaseError("backup_tool_missing", tool=name)
    return found


def pg_environment(url: URL) -> dict[str, str]:
    """The libpq environment for ``url``: host, port, user, database, password and TLS settings.

    Passed to the tools' environment so no secret appears on a command line.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    values = {"PGHOST": url.host, "PGPORT": str(url.port) if url.port else None, "PGUSER": url.username,
              "PGPASSWORD": url.password, "PGDATABASE": url.database}
    for key, value in url.query.items():
        if key in _LIBPQ_ENV:
            values[_LIBPQ_ENV[key]] = value if isinstance(value, str) else value[-1]
    env.update({k: str(v) for k, v in values.items() if v})
    env["PGAPPNAME"] = "sportello-backup"
    return env


def _run_tool(argv: list[str], env: dict[str, str]) -> str:
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DatabaseError("backup_failed", tool=Path(argv[0]).name, reason=str(exc)) from exc
    if done.returncode != 0:
        lines = [line for line in (done.stderr or "").strip().splitlines() if line.strip()]
        raise DatabaseError("backup_failed", tool=Path(argv[0]).name,
                            reason=lines[-1] if lines else f"exit {done.returncode}")
    return done.stdout


def check_pg_dump(path: Path, env: dict[str, str]) -> str:
    """Read a custom-format dump's table of contents back; ``"ok"`` if it lists the schema version table."""
    listing = _run_tool([pg_tool("pg_restore"), "--list", str(path)], env)
    if "alembic_version" not in listing:
        raise DatabaseError("backup_corrupt", path=str(path), reason="alembic_version missing")
    return "ok"


def _insert_for(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


class BackupService:
    """Backups of the database this app works on, and restores into it.

    Args:
        backups_dir: the settings' backups folder.
        kept: how many copies of each non-daily kind to keep (the ``backups_kept`` setting).
    """

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None, office_code: str | None,
                 backups_dir: Path, kept: int = 10) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code or None
        self.backups_dir = backups_dir
        self.kept = kept

    # -- public -------------------------------------------------------------------------------------------------
    def backup(self, actor: Actor, *, kind: str = "manual") -> BackupResult:
        """Copy the whole database into the backups folder, check the copy, rotate; audited.

        Needs ``manage_db``; an actor bound to an office may back up a database that holds no other
        office. ``kind`` is ``manual`` or ``daily``. Raises :class:`DatabaseError` when the copy or its check
        fails (nothing is kept then) or ``pg_dump`` is not installed.
        """
        self.auth.require(actor, "manage_db", "database", self.db.describe()[:64])
        self._whole_database(actor)
        if kind not in ("manual", "daily"):
            raise ValidationError("bad_choice", field="kind", value=kind, allowed="manual, daily")
        return self._backup(actor, kind)

    def run_daily(self, actor: Actor) -> BackupResult | None:
        """Today's backup if no desk (or scheduled job) has taken it yet; ``None`` when one has or is taking it.

        Safe from every desk at once. Needs ``manage_db``.
        """
        self.auth.require(actor, "manage_db", "database", "daily")
        self._whole_database(actor)
        day = self._claim(actor)
        if day is None:
            return None
        try:
            result = self._backup(actor, "daily")
        except BaseException:
            self.db.write(lambda s: s.execute(delete(MaintenanceRun).where(
                MaintenanceRun.job == "backup", MaintenanceRun.scope == "*", MaintenanceRun.day == day)))
            raise
        self.db.write(lambda s: s.execute(
            update(MaintenanceRun)
            .where(MaintenanceRun.job == "backup", MaintenanceRun.scope == "*", MaintenanceRun.day == day)
            .values(outcome="ok", finished_at=self.clock.now(),
                    detail={"file": result.copy.name, "size": result.copy.size, "rotated": len(result.rotated)})
            .execution_options(synchronize_session=False)))
        return result

    def copies(self, actor: Actor) -> list[BackupCopy]:
        """The copies in the backups folder, oldest first. Needs ``manage_db``."""
        self.auth.require(actor, "manage_db", "database", "list")
        self._whole_database(actor)
        return list_copies(self.backups_dir)

    def other_connections(self, actor: Actor) -> int:
        """How many other connections the database has open now (PostgreSQL; 0 on SQLite, which cannot tell)."""
        self.auth.require(actor, "manage_db", "database", "connections")
        self._whole_database(actor)
        return self._other_connections()

    def restore(self, actor: Actor, source: str | os.PathLike[str], *, force: bool = False) -> RestoreResult:
        """Replace the whole database with the copy ``source``; audited in the restored database.

        Refused (:class:`ConflictError` ``restore_needs_force``) without ``force``: the desks must be
        closed first, every change since the copy is lost. Before replacing anything the copy is checked
        (integrity, and that it is a Sportello database of the same kind) and the current database is
        copied (``pre-restore``). The schema is brought up to date after. Needs ``manage_db``.
        """
        self.auth.require(actor, "manage_db", "database", "restore")
        self._whole_database(actor)
        path = Path(source).expanduser()
        if not path.is_file():
            raise NotFoundError("backup_missing", path=str(path))
        if not force:  # SQLite cannot tell who has the file open; PostgreSQL can count the connections
            if self.db.is_sqlite:
                raise ConflictError("restore_needs_force")
            raise ConflictError("restore_needs_force_pg", connected=self._other_connections())
        if self.db.is_sqlite:
            self._check_sqlite_copy(path)
        else:
            try:
                check_pg_dump(path, pg_environment(self.db.url))
            except DatabaseError as exc:
                if exc.code != "backup_failed":  # pg_restore could not read it: not a dump of ours
                    raise
                raise DatabaseError("backup_not_ours", path=str(path), reason=exc.params["reason"]) from exc
        safety = self._copy_now("pre-restore")
        if self.db.is_sqlite:
            self._restore_sqlite(path)
        else:
            self._restore_pg(path)
        upgraded = migrate.upgrade(self.db, self.backups_dir, keep=self.kept, clock=self.clock)
        self.auth.audit_log.record_now(actor.audit, "db.restore", "file", path.name[:64],
                                       detail={"safety_copy": safety.name if safety else None})
        # The copy lacks the events written after it was taken, so this PC's audit checkpoint names rows that
        # are gone: re-anchor on record (the replaced checkpoint stays in the signed log) so that `audit verify`
        # reports tampering from now on, not the restore itself. A chain broken inside the copy is left for
        # `audit verify` to name: the restore itself is done.
        try:
            self.auth.audit_log.reanchor(actor)
        except DeskError as exc:
            log.warning("audit log not re-anchored after the restore: %s", exc.code)
        log.info("database restored from %s (safety copy %s)", path, safety)
        return RestoreResult(path, safety, tuple(sorted(upgraded.after)))

    # -- the copy ------------------------------------------------------------------------------------------------
    def _prefix(self) -> str:
        if self.db.is_sqlite:
            return self.db.sqlite_path.stem if self.db.sqlite_path else "sportello"
        return re.sub(r"[^A-Za-z0-9_.]", "_", self.db.url.database or "sportello")

    def _target(self, kind: str) -> Path:
        migrate.private_dir(self.backups_dir)
        at = self.clock.now()
        while True:  # two copies in the same microsecond (a clock standing still): the later one a microsecond on
            name = f"{self._prefix()}-{kind}-{at.strftime(_STAMP)}.{'sqlite3' if self.db.is_sqlite else 'dump'}"
            if not (self.backups_dir / name).exists():
                return self.backups_dir / name
            at += timedelta(microseconds=1)

    def _copy_now(self, kind: str) -> Path | None:
        """Take one checked copy of kind ``kind``; ``None`` for a SQLite file that does not exist yet."""
        target = self._target(kind)
        if self.db.is_sqlite:
            source = self.db.sqlite_path
            if source is None or not source.exists() or source.stat().st_size == 0:
                return None
            migrate.copy_sqlite(source, target)
            return target
        env = pg_environment(self.db.url)
        dump = pg_tool("pg_dump")
        migrate.private_file(target)  # pg_dump truncates and writes it, keeping the owner-only mode
        try:
            _run_tool([dump, "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"], env)
            check_pg_dump(target, env)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target

    def _backup(self, actor: Actor, kind: str) -> BackupResult:
        target = self._copy_now(kind)
        if target is None:
            raise NotFoundError("db_missing", path=str(self.db.sqlite_path))
        try:
            copy = parse_copy(target)
            assert copy is not None
            self.auth.audit_log.record_now(actor.audit, f"db.backup.{kind}", "file", copy.name[:64],
                                           detail={"size": copy.size})
        except BaseException:  # a copy that is not recorded is not one: the next try makes it again
            target.unlink(missing_ok=True)
            raise
        rotated = rotate(self.backups_dir, kept=self.kept)
        log.info("backup %s written (%d bytes), rotation removed %d", target, copy.size, len(rotated))
        return BackupResult(copy, "ok", tuple(rotated))

    # -- the daily claim -----------------------------------------------------------------------------------------
    def _claim(self, actor: Actor) -> date | None:
        def work(session: Session) -> date | None:
            now = self.clock.now()
            tz = session.execute(select(Office.timezone).order_by(Office.id).limit(1)).scalar() or "Europe/Rome"
            day = local_day(now, tz)
            table = table_of(MaintenanceRun)
            won = session.execute(
                _insert_for(session)(table)
                .values(job="backup", scope="*", day=day, started_at=now, actor=actor.username[:64],
                        outcome="running", detail={})
                .on_conflict_do_nothing(index_elements=["job", "scope", "day"]).returning(table.c.job)).scalar()
            if won is not None:
                return day
            taken_over = session.execute(  # a desk that died while copying left its claim: take it over
                update(MaintenanceRun)
                .where(MaintenanceRun.job == "backup", MaintenanceRun.scope == "*", MaintenanceRun.day == day,
                       MaintenanceRun.outcome == "running", MaintenanceRun.started_at < now - STALE_CLAIM)
                .values(started_at=now, actor=actor.username[:64])
                .returning(MaintenanceRun.job).execution_options(synchronize_session=False)).scalar()
            return day if taken_over is not None else None

        return self.db.write(work)

    # -- checks ------------------------------------------------------------------------------------------------
    def _whole_database(self, actor: Actor) -> None:
        """A copy holds every office: an actor bound to one office may only handle a database of theirs alone."""
        if actor.office_id is None:
            return

        def work(session: Session) -> None:
            for office_id in session.execute(select(Office.id).order_by(Office.id)).scalars():
                self.auth.require_office(actor, office_id, session)

        self.db.read(work)

    def _other_connections(self) -> int:
        if self.db.is_sqlite:
            return 0
        self.db.dispose()  # our own pooled connections are not desks
        with self.db.engine.connect() as conn:
            return int(conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'").scalar_one())

    def _check_sqlite_copy(self, path: Path) -> None:
        try:
            verdict = migrate.integrity_check(path)
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                revisions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError("backup_not_ours", path=str(path), reason=str(exc)) from exc
        if verdict != "ok":
            raise DatabaseError("backup_corrupt", path=str(path), reason=verdict)
        known = {r.revision for r in migrate.ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}
        if not revisions or not revisions <= known:
            raise DatabaseError("backup_not_ours", path=str(path),
                                reason="schema " + (", ".join(sorted(revisions)) or "-"))

    # -- the restore -------------------------------------------------------------------------------------------
    def _restore_sqlite(self, path: Path) -> None:
        """Page by page into the live file with the backup API: other connections see old or new, never half."""
        live = self.db.sqlite_path
        assert live is not None
        self.db.dispose()
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(live, timeout=10)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = WAL")
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dst.close()
        finally:
            src.close()
        self.db.dispose()

    def _restore_pg(self, path: Path) -> None:
        self.db.dispose()
        _run_tool([pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
                   "--single-transaction", f"--dbname={self.db.url.database}", str(path)],
                  pg_environment(self.db.url))
        self.db.dispose()


__all__ = ["BACKUP_KINDS", "BackupCopy", "BackupResult", "BackupService", "RestoreResult", "backups_before",
           "delete_backups", "list_copies", "parse_copy", "pg_environment", "rotate", "rotation_keeps"]
