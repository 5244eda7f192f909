"""Schema migrations (Alembic) and the SQLite safety copy taken before them.

``upgrade`` is idempotent: on a database already at the newest revision it does
nothing and says so. Before upgrading an existing SQLite file the app copies it
(SQLite's online backup API, consistent even while other desks write) into the
backups folder and keeps the newest ``keep`` copies. The copy itself
(:func:`copy_sqlite`: owner-only file, integrity-checked) is the one the
``desk-admin db backup`` command and the daily backup use too
(:mod:`desk_app.core.backup`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DBAPIError

from desk_app.clock import Clock, SystemClock
from desk_app.db.engine import Database
from desk_app.errors import DatabaseError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revisions() -> set[str]:
    """Revisions the code expects (one per feature branch until they are merged)."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(db: Database) -> set[str]:
    """Revisions the database is at (empty for a new database)."""
    try:
        with db.engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())
    except DBAPIError as exc:
        raise db._translate(exc) from exc


@dataclass(frozen=True)
class UpgradeResult:
    """What :func:`upgrade` did.

    Attributes:
        before: revisions before (empty: new database).
        after: revisions after.
        backup: the safety copy taken, if any.
    """

    before: frozenset[str]
    after: frozenset[str]
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


#: Owner-only permissions of backup copies and their folder (on Windows the profile folder's ACL applies).
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by its owner only; tighten it if it exists."""
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if os.name != "nt":
        os.chmod(folder, PRIVATE_DIR)
    return folder


def private_file(path: Path) -> Path:
    """Create the empty file ``path`` with owner-only permissions (refusing one that exists)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    return path


def integrity_check(path: Path) -> str:
    """``PRAGMA integrity_check`` of the SQLite file ``path``: ``"ok"`` or the first problem found."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def copy_sqlite(source: Path, target: Path) -> str:
    """Copy the SQLite file ``source`` to the new file ``target`` with SQLite's online backup API.

    Consistent even while other desks write (the API restarts on a concurrent change). The copy is
    created 0600, switched to a rollback journal so it is one self-contained file (no ``-wal``),
    then checked with ``PRAGMA integrity_check``; a copy that fails is deleted and the error raised.
    Returns the check's ``"ok"``.
    """
    private_file(target)
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        verdict = integrity_check(target)
        if verdict != "ok":
            raise DatabaseError("backup_corrupt", path=str(target), reason=verdict)
    except sqlite3.DatabaseError as exc:
        target.unlink(missing_ok=True)
        raise DatabaseError("db_not_sqlite", path=str(source)) from exc
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return verdict


def backup_sqlite(db: Database, backup_dir: Path, keep: int = 10, label: str = "pre-upgrade",
                  clock: Clock | None = None) -> Path | None:
    """Copy the SQLite file into ``backup_dir`` (see :func:`copy_sqlite`); prune that label's copies to ``keep``.

    The copy's name carries the time from ``clock`` (the system clock by default), so copies sort by age;
    only copies of the same ``label`` are pruned here (the daily copies have their own rotation).
    """
    source = db.sqlite_path
    if source is None or not source.exists() or source.stat().st_size == 0:
        return None
    private_dir(backup_dir)
    stamp = (clock or SystemClock()).now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{source.stem}-{label}-{stamp}.sqlite3"
    copy_sqlite(source, target)
    copies = sorted(backup_dir.glob(f"{source.stem}-{label}-*.sqlite3"))  # the stamp sorts them by age
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)
    log.info("SQLite backup written to %s", target)
    return target


def upgrade(db: Database, backup_dir: Path | None = None, keep: int = 10, clock: Clock | None = None) -> UpgradeResult:
    """Bring the schema to the newest revision; back up an existing SQLite file first.

    Raises :class:`DatabaseError` if the database cannot be reached or is not a database.
    """
    if db.sqlite_path is not None:  # a new SQLite file: its folder may not exist yet
        db.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    db.ping()
    before = current_revisions(db)
    heads = head_revisions()
    if before == heads:
        return UpgradeResult(frozenset(before), frozenset(before), None)
    backup = backup_sqlite(db, backup_dir, keep, clock=clock) if (backup_dir is not None and before) else None
    cfg = alembic_config()
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
    except DBAPIError as exc:
        raise db._translate(exc) from exc
    after = current_revisions(db)
    log.info("schema upgraded from %s to %s", sorted(before) or "empty", sorted(after))
    return UpgradeResult(frozenset(before), frozenset(after), backup)


def require_current(db: Database) -> None:
    """Raise :class:`DatabaseError` ``db_outdated`` unless the schema is at the code's revision."""
    current, heads = current_revisions(db), head_revisions()
    if current != heads:
        raise DatabaseError(
            "db_outdated", current=",".join(sorted(current)) or "-", head=",".join(sorted(heads))
        )
