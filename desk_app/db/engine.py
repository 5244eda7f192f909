"""Engines, sessions and transactions for SQLite and PostgreSQL.

SQLite rules (measured, see DESIGN.md): WAL journal, ``foreign_keys=ON``,
busy timeout 10 s, and ``BEGIN IMMEDIATE`` for every write transaction, so that
two processes never both read-then-write on a snapshot (the deferred BEGIN of
pysqlite handed 854 of 8,100 tickets to two desks). SQLite's lock waits are not
first come, first served: a write that still fails "database is locked" is
retried with bounded backoff instead of being shown to the user.

PostgreSQL: psycopg 3 with ``pool_pre_ping`` so a restarted server is noticed
and the connection replaced; serialization failures and deadlocks are retried.

:class:`Database` is the only way the rest of the app talks to a database:
``db.write(fn)`` runs ``fn(session)`` in one write transaction and commits,
``db.read(fn)`` in a read transaction. Known connection failures become
:class:`~desk_app.errors.DatabaseError` with one clear sentence.
"""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from desk_app.errors import DatabaseError

log = logging.getLogger(__name__)
T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 10_000
#: Attempts for a write that hits a transient lock/serialization failure.
WRITE_ATTEMPTS = 8

#: File systems on which SQLite locking is unreliable (network and FUSE shares).
NETWORK_FSTYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs", "ncpfs",
     "glusterfs", "ceph", "fuse.rclone", "davfs", "fuse.davfs2", "fuse.gvfsd-fuse", "fuse.s3fs", "lustre"}
)


def network_filesystem(path: Path, mounts: Iterable[tuple[str, str]] | None = None) -> str | None:
    """Return the file-system type if ``path`` lies on a network share, else ``None``.

    Args:
        path: file or folder to check (need not exist yet; its nearest existing parent is used).
        mounts: ``(mount point, fs type)`` pairs; default read from ``/proc/mounts``.
            On Windows a UNC path (``\\\\server\\share``) or a mapped network drive counts.
    """
    path = Path(path).absolute()
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        text = str(path)
        if text.startswith("\\\\"):
            return "unc"
        import ctypes

        drive_remote = 4
        if ctypes.windll.kernel32.GetDriveTypeW(text[:3]) == drive_remote:  # type: ignore[attr-defined]  # win32 only
            return "remote drive"
        return None
    if mounts is None:
        try:
            with open("/proc/mounts", encoding="utf-8") as fh:
                mounts = [(line.split()[1].replace("\\040", " "), line.split()[2]) for line in fh if line.strip()]
        except OSError:
            return None
    best: tuple[int, str] | None = None
    text = str(path)
    for mount_point, fstype in mounts:
        prefix = mount_point.rstrip("/") + "/"
        covers = (text + "/").startswith(prefix) or mount_point == "/"
        if covers and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fstype)
    if best and best[1].lower() in NETWORK_FSTYPES:
        return best[1]
    return None


def _sqlite_path(url: URL) -> Path | None:
    if url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _describe(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def table_of(model: type[DeclarativeBase]) -> Table:
    """The :class:`~sqlalchemy.Table` a model is mapped to, for Core ``insert()``/``update()`` statements.

    SQLAlchemy types ``Model.__table__`` as any ``FromClause`` (a class may be mapped to a join or a select);
    every model here has a table of its own, and this checks it.
    """
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a single table")
    return table


def _install_sqlite_listeners(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit deferred BEGIN is the measured bug).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode and str(mode[0]).lower() != "wal":
            log.warning("SQLite refused WAL (journal_mode=%s)", mode[0])
        cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; fsync at checkpoints
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _transient(exc: BaseException) -> bool:
    """True for failures that a retry of the whole transaction cures."""
    orig = getattr(exc, "orig", None)
    text = str(orig or exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return True
    sqlstate = getattr(orig, "sqlstate", None)
    return sqlstate in {"40001", "40P01"}  # serialization_failure, deadlock_detected


def _schema_mismatch(exc: BaseException) -> bool:
    """A table or column the code expects is missing: the database is older than the code."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in {"42703", "42P01"}:  # undefined_column, undefined_table
        return True
    text = str(orig or exc)
    return "no such column" in text or "no such table" in text


def _connection_failure(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None) or ""
    if sqlstate.startswith("08") or sqlstate in {"57P01", "57P02", "57P03"}:
        return True
    text = str(orig or exc).lower()
    return any(
        s in text
        for s in ("connection refused", "could not connect", "server closed the connection", "connection failed",
                  "terminating connection", "no such host", "could not translate host", "unable to open database",
                  "connection is closed", "the connection is lost", "consuming input failed")
    )


_ROLLBACK_HOOKS = "desk_app.after_rollback"


def on_rollback(session: Session, hook: Callable[[], object]) -> None:
    """Run ``hook()`` after ``session``'s transaction has been rolled back because of an exception.

    For work that must outlive a failed transaction, such as auditing a refusal
    (it cannot be written inside the transaction that is being rolled back, nor
    in a second write transaction while the first holds SQLite's write lock).
    """
    session.info.setdefault(_ROLLBACK_HOOKS, []).append(hook)


def _run_rollback_hooks(session: Session) -> None:
    for hook in session.info.pop(_ROLLBACK_HOOKS, []):
        try:
            hook()
        except Exception:
            log.exception("rollback hook failed")


class Database:
    """One database (SQLite file or PostgreSQL server) and how to run transactions on it.

    Attributes:
        url: the SQLAlchemy URL.
        engine: the engine for reads (deferred BEGIN on SQLite).
        dialect: ``"sqlite"`` or ``"postgresql"``.
    """

    def __init__(self, url: str | URL, *, echo: bool = False, pool_size: int = 5) -> None:
        try:
            self.url = make_url(url) if isinstance(url, str) else url
        except ArgumentError as exc:
            raise DatabaseError("db_bad_url", url=str(url)) from exc
        backend = self.url.get_backend_name()
        if backend == "postgres":
            backend = "postgresql"
        if backend not in {"sqlite", "postgresql"}:
            raise DatabaseError("db_bad_url", url=_describe(self.url))
        self.dialect = backend
        if backend == "postgresql" and self.url.get_driver_name() != "psycopg":
            self.url = self.url.set(drivername="postgresql+psycopg")
        if backend == "sqlite":
            path = _sqlite_path(self.url)
            if path is not None:
                fstype = network_filesystem(path.parent if not path.exists() else path)
                if fstype:
                    raise DatabaseError("db_network_share", path=str(path), fstype=fstype)
            self.engine = create_engine(self.url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
            _install_sqlite_listeners(self.engine)
            self._write_engine: Engine = self.engine.execution_options(sqlite_immediate=True)
        else:
            self.engine = create_engine(
                self.url,
                echo=echo,
                pool_pre_ping=True,
                pool_size=pool_size,
                max_overflow=2,
                connect_args={"connect_timeout": 5, "application_name": "sportello"},
            )
            self._write_engine = self.engine
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self._write_engine, expire_on_commit=False)

    # -- description -------------------------------------------------------------------------------------------
    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return _sqlite_path(self.url) if self.is_sqlite else None

    def describe(self) -> str:
        """URL without the password, for messages and logs."""
        return _describe(self.url)

    # -- transactions ------------------------------------------------------------------------------------------
    def write(self, work: Callable[[Session], T], *, attempts: int = WRITE_ATTEMPTS) -> T:
        """Run ``work(session)`` in one write transaction and commit; retry transient lock failures.

        ``work`` must be safe to run again (it is, when all it does is database work:
        a failed attempt is rolled back whole). Raises :class:`DatabaseError` when the
        database cannot be reached, and whatever ``work`` raises (after rolling back
        and running the hooks registered with :func:`on_rollback`).
        """
        delay = 0.005
        for attempt in range(1, attempts + 1):
            session = self._writer()
            try:
                with session.begin():
                    return work(session)
            except DBAPIError as exc:
                if _transient(exc) and attempt < attempts:
                    session.info.pop(_ROLLBACK_HOOKS, None)
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 0.5)
                    continue
                _run_rollback_hooks(session)
                if isinstance(exc, OperationalError) or _connection_failure(exc) or _schema_mismatch(exc):
                    raise self._translate(exc) from exc
                raise
            except BaseException:
                _run_rollback_hooks(session)
                raise
            finally:
                session.close()
        raise AssertionError("unreachable")  # pragma: no cover

    def read(self, work: Callable[[Session], T]) -> T:
        """Run ``work(session)`` in a read transaction (rolled back at the end, then the rollback hooks run)."""
        session = self._reader()
        try:
            return work(session)
        except DBAPIError as exc:
            session.rollback()
            _run_rollback_hooks(session)
            if (isinstance(exc, OperationalError) or _connection_failure(exc) or _schema_mismatch(exc)
                    or "not a database" in str(exc)):
                raise self._translate(exc) from exc
            raise
        except BaseException:
            session.rollback()
            _run_rollback_hooks(session)
            raise
        finally:
            session.close()

    def _translate(self, exc: BaseException) -> DatabaseError:
        text = str(getattr(exc, "orig", None) or exc)
        if self.is_sqlite and "file is not a database" in text:
            return DatabaseError("db_not_sqlite", path=str(self.sqlite_path))
        if _transient(exc):
            return DatabaseError("db_busy")
        if _schema_mismatch(exc):
            return DatabaseError("db_schema", reason=text.strip().splitlines()[0])
        reason = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        return DatabaseError("db_unreachable", target=self.describe(), reason=reason)

    def ping(self) -> None:
        """Open a connection and run ``SELECT 1``; raise :class:`DatabaseError` if that fails."""
        from sqlalchemy import text

        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
                if self.is_sqlite:
                    conn.exec_driver_sql("PRAGMA schema_version").fetchone()
        except DBAPIError as exc:
            raise self._translate(exc) from exc

    def dispose(self) -> None:
        self.engine.dispose()
