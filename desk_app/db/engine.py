"""Engines, sessions and transactions for SQLite and PostgreSQL.

SQLite rules (measured, see DESIGN.md): WAL journal, ``foreign_keys=ON``,
busy timeout 10 s, and ``BEGIN IMMEDIATE`` for every write transaction, so that
two processes never both read-then-write on a snapshot (the deferred BEGIN of
pysqlite handed 854 of 8,100 tickets to two desks). SQLite's lock waits are not
first come, first served: a write that still fails "database is locked" is
retried with bounded backoff instead of being shown to the user.

PostgreSQL: psycopg 3; serialization failures and deadlocks are retried. A
connection found dead (a restarted server) is replaced and the transaction run
again, once, when it failed before its commit was sent: the same protection as
``pool_pre_ping`` without a ``SELECT 1`` round trip on every checkout (10% of the
CPU of a queue transition, measured in ``benchmarks/queue_bench.py``).

:class:`Database` is the only way the rest of the app talks to a database:
``db.write(fn)`` runs ``fn(session)`` in one write transaction and commits,
``db.read(fn)`` in a read transaction. Known connection failures become
:class:`~desk_app.errors.DatabaseError` with one clear sentence.
"""

from __future__ import annotations

import logging
import os
import random
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from desk_app.db import credentials
from desk_app.errors import DatabaseError, ValidationError
from desk_app.private_files import restrict

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
        # The file holds personal data: its owner's alone (SQLite gives -wal and -shm the file's mode).
        path = _sqlite_path(engine.url)
        if path is not None:
            for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                restrict(companion)
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
    orig = getattr(exc, "orig", None) or exc  # a bare driver error (Database.write_bare) is its own orig
    text = str(orig or exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return True
    sqlstate = getattr(orig, "sqlstate", None)
    return sqlstate in {"40001", "40P01"}  # serialization_failure, deadlock_detected


def _schema_mismatch(exc: BaseException) -> bool:
    """A table or column the code expects is missing: the database is older than the code."""
    orig = getattr(exc, "orig", None) or exc  # a bare driver error (Database.write_bare) is its own orig
    if getattr(orig, "sqlstate", None) in {"42703", "42P01"}:  # undefined_column, undefined_table
        return True
    text = str(orig or exc)
    return "no such column" in text or "no such table" in text


def _out_of_range(exc: BaseException) -> bool:
    """A number beyond what the column (PostgreSQL ``int4``) or the driver (SQLite, 64 bits) can hold."""
    if isinstance(exc, OverflowError):
        return "sqlite integer" in str(exc).lower()
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == "22003"  # numeric_value_out_of_range


def _number_too_large() -> ValidationError:
    """The sentence for :func:`_out_of_range`: validation missed the bound, the database must not show its SQL."""
    from desk_app.core.validation import DB_INT_MAX

    return ValidationError("number_too_large", max=DB_INT_MAX)


def _disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL, PostgreSQL's ``disk_full`` (53100) or the OS's ENOSPC under either."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) == "53100":
        return True
    text = str(orig or exc).lower()
    return "database or disk is full" in text or "no space left on device" in text


def _no_space(path: Path | None, margin: int = 1 << 20) -> bool:
    """True when the file system holding ``path`` has less than ``margin`` bytes free (1 MiB: a few pages)."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(path.parent).free < margin
    except OSError:
        return False


def _connection_failure(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    orig = getattr(exc, "orig", None) or exc  # a bare driver error (Database.write_bare) is its own orig
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


def _tls_refusal(text: str) -> bool:
    """libpq refused the server's certificate (``sslmode=verify-ca``/``verify-full``): wrong CA or name."""
    lowered = text.lower()
    return "certificate verify failed" in lowered or "does not match host name" in lowered or (
        "root certificate file" in lowered) or "certificate present, but not private key" in lowered


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

    def __init__(self, url: str | URL, *, echo: bool = False, pool_size: int = 5,
                 passfile: Path | None = None) -> None:
        """Args:
            url: the database; a PostgreSQL URL carries no password (see :mod:`desk_app.db.credentials`).
            passfile: the app's libpq password file, used when the keyring has no password for ``url``.
        """
        try:
            self.url = make_url(url) if isinstance(url, str) else url
        except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
            raise DatabaseError("db_bad_url", url=credentials.mask_url(str(url))) from exc
        backend = self.url.get_backend_name()
        if backend == "postgres":
            backend = "postgresql"
        if backend not in {"sqlite", "postgresql"}:
            raise DatabaseError("db_bad_url", url=_describe(self.url))
        self.dialect = backend
        if backend == "postgresql" and self.url.get_driver_name() != "psycopg":
            self.url = self.url.set(drivername="postgresql+psycopg")
        if backend == "postgresql":  # the password from the keyring (in memory only), or libpq's passfile
            self.url = credentials.resolve(self.url, passfile)
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
                pool_size=pool_size,
                max_overflow=2,
                connect_args={"connect_timeout": 5, "application_name": "sportello"},
            )
            self._write_engine = self.engine
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self._write_engine, expire_on_commit=False)
        #: The DB-API module (``sqlite3`` or ``psycopg``): callers of :meth:`write_bare` catch its errors.
        self.dbapi: Any = self.engine.dialect.dbapi
        self._bare_local = threading.local()
        self._bare_lock = threading.Lock()
        self._bare_all: list[Any] = []  # every thread's bare connection, closed by dispose()

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
        reconnected = False
        for attempt in range(1, attempts + 1):
            session = self._writer()
            committing = False
            try:
                with session.begin():
                    result = work(session)
                    committing = True
                return result
            except DBAPIError as exc:
                if _transient(exc) and attempt < attempts:
                    session.info.pop(_ROLLBACK_HOOKS, None)
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 0.5)
                    continue
                if exc.connection_invalidated and not committing and not reconnected:
                    # a pooled connection the server had dropped: nothing was committed, run it on a new one
                    reconnected = True
                    session.info.pop(_ROLLBACK_HOOKS, None)
                    continue
                _run_rollback_hooks(session)
                if _out_of_range(exc):
                    raise _number_too_large() from exc
                if isinstance(exc, OperationalError) or _connection_failure(exc) or _schema_mismatch(exc):
                    raise self._translate(exc) from exc
                raise
            except OverflowError as exc:
                _run_rollback_hooks(session)
                if _out_of_range(exc):
                    raise _number_too_large() from exc
                raise
            except BaseException:
                _run_rollback_hooks(session)
                raise
            finally:
                session.close()
        raise AssertionError("unreachable")  # pragma: no cover

    def read(self, work: Callable[[Session], T], *, retry_done: bool = False) -> T:
        """Run ``work(session)`` in a read transaction (rolled back at the end, then the rollback hooks run).

        A connection the server had dropped is replaced and ``work`` run again once (``retry_done`` marks
        that second run).
        """
        session = self._reader()
        try:
            return work(session)
        except DBAPIError as exc:
            session.rollback()
            if exc.connection_invalidated and not retry_done:
                # a pooled connection the server had dropped (pool_pre_ping's case): read again on a new one
                session.info.pop(_ROLLBACK_HOOKS, None)
                session.close()
                return self.read(work, retry_done=True)
            _run_rollback_hooks(session)
            if _out_of_range(exc):
                raise _number_too_large() from exc
            if (isinstance(exc, OperationalError) or _connection_failure(exc) or _schema_mismatch(exc)
                    or "not a database" in str(exc)):
                raise self._translate(exc) from exc
            raise
        except OverflowError as exc:
            session.rollback()
            _run_rollback_hooks(session)
            if _out_of_range(exc):
                raise _number_too_large() from exc
            raise
        except BaseException:
            session.rollback()
            _run_rollback_hooks(session)
            raise
        finally:
            session.close()

    # -- the hot path: a bare DB-API connection -----------------------------------------------------------------
    def _bare_connection(self) -> Any:
        """This thread's own driver connection for :meth:`write_bare`, made on first use.

        Taken from the engine (so it is opened with the engine's settings and hooks: SQLite pragmas, TLS,
        credentials) and detached from its pool: no checkout, check-in or reset per transition. On
        PostgreSQL it is switched to autocommit.
        """
        conn = getattr(self._bare_local, "conn", None)
        if conn is None:
            proxied = self.engine.raw_connection()
            conn = proxied.driver_connection
            if conn is None:  # pragma: no cover - a pooled connection always has its driver connection
                raise DatabaseError("db_unreachable", target=self.describe(), reason="no connection")
            proxied.detach()
            if not self.is_sqlite:
                conn.autocommit = True
            self._bare_local.conn = conn
            with self._bare_lock:
                self._bare_all.append(conn)
        return conn

    def _drop_bare_connection(self, conn: Any) -> None:
        self._bare_local.conn = None
        with self._bare_lock:
            if conn in self._bare_all:
                self._bare_all.remove(conn)
        try:
            conn.close()
        except Exception:  # it is being thrown away because it failed
            log.debug("closing a failed connection failed", exc_info=True)

    def write_bare(self, work: Callable[[Any], T], *, attempts: int = WRITE_ATTEMPTS) -> T:
        """Run ``work(conn)`` as one write on a bare DB-API connection: the queue's hottest paths.

        No ORM session and no SQLAlchemy execution layer: ``conn`` is the driver's own connection
        (``sqlite3.Connection`` or ``psycopg.Connection``, one per thread, see :meth:`_bare_connection`) and
        ``work`` runs pre-built statements on it.

        * SQLite: inside ``BEGIN IMMEDIATE`` ... ``COMMIT`` (rolled back on any exception), so ``work`` may run
          several statements; "database is locked" is retried with backoff, as in :meth:`write`.
        * PostgreSQL: in **autocommit**: every statement is its own transaction, so ``work`` must make its whole
          change in ONE statement (the queue's transitions are one data-modifying CTE each: the update, its
          event row and its NOTIFY), and may read after it. One round trip, no BEGIN/COMMIT. A connection
          found dead is replaced and ``work`` run again once (what ``pool_pre_ping`` guarded against: a
          connection the server dropped while it sat idle; the statement never reached a live server);
          serialization failures and deadlocks are retried.

        Errors that are neither transient nor a lost connection reach the caller as the driver's own
        exceptions (``self.dbapi.IntegrityError`` ...); a lost connection or a missing table becomes
        :class:`DatabaseError`.
        """
        delay = 0.001
        reconnected = False
        for attempt in range(1, attempts + 1):
            try:
                conn = self._bare_connection()
            except self.dbapi.Error as exc:
                raise self._translate(exc) from exc
            try:
                if not self.is_sqlite:
                    return work(conn)
                conn.execute("BEGIN IMMEDIATE")
                try:
                    result = work(conn)
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                return result
            except self.dbapi.Error as exc:
                if _transient(exc) and attempt < attempts:
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 0.5)
                    continue
                lost = not self.is_sqlite and (conn.closed or _connection_failure(exc))
                if lost:
                    self._drop_bare_connection(conn)
                    # the pool's idle connections went with the server too (the next one is taken from it)
                    self.engine.pool.dispose()
                    if not reconnected:
                        reconnected = True
                        continue
                if lost or isinstance(exc, self.dbapi.OperationalError) or _schema_mismatch(exc):
                    raise self._translate(exc) from exc
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _translate(self, exc: BaseException) -> DatabaseError:
        text = str(getattr(exc, "orig", None) or exc)
        if _disk_full(exc) or (self.is_sqlite and "disk i/o error" in text.lower() and _no_space(self.sqlite_path)):
            # not "unreachable": the server or the file is there, the disk under it is full (in WAL mode SQLite
            # often says "disk I/O error" when the -wal file cannot grow: the free space tells which it is)
            return DatabaseError("disk_full", path=str(self.sqlite_path) if self.is_sqlite else self.describe())
        if self.is_sqlite and "file is not a database" in text:
            return DatabaseError("db_not_sqlite", path=str(self.sqlite_path))
        if _transient(exc):
            return DatabaseError("db_busy")
        if _schema_mismatch(exc):
            return DatabaseError("db_schema", reason=text.strip().splitlines()[0])
        reason = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        if not self.is_sqlite and _tls_refusal(text):
            return DatabaseError("db_tls", target=self.describe(), reason=reason)
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
        with self._bare_lock:
            bare, self._bare_all = self._bare_all, []
        self._bare_local = threading.local()
        for conn in bare:
            try:
                conn.close()
            except Exception:  # closing at the end: report, do not fail
                log.debug("closing a bare connection failed", exc_info=True)
