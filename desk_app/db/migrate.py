"""Schema migrations (Alembic) and the SQLite safety copy taken before them.

``upgrade`` is idempotent: on a database already at the newest revision it does
nothing and says so. Before upgrading an existing SQLite file the app copies it
(SQLite's online backup API, consistent even while other desks write) into the
backups folder and keeps the newest ``keep`` copies.
"""

from __future__ import annotations

import logging
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


def backup_sqlite(db: Database, backup_dir: Path, keep: int = 10, label: str = "pre-upgrade",
                  clock: Clock | None = None) -> Path | None:
    """Copy the SQLite file into ``backup_dir`` with the online backup API; prune to ``keep`` copies.

    The copy's name carries the time from ``clock`` (the system clock by default), so copies sort by age.
    """
    source = db.sqlite_path
    if source is None or not source.exists() or source.stat().st_size == 0:
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = (clock or SystemClock()).now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{source.stem}-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        target.unlink(missing_ok=True)
        raise DatabaseError("db_not_sqlite", path=str(source)) from exc
    finally:
        src.close()
    copies = sorted(backup_dir.glob(f"{source.stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime)
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
