"""Change feed: every desk learns of every change without polling the tables.

* PostgreSQL: the writer sends ``NOTIFY sportello_changes, '<json>'`` inside its
  own transaction (delivered only if it commits); each listener holds one
  connection with ``LISTEN`` and wakes as soon as a notification arrives.
* SQLite: the writer appends a row to ``change_log`` in its transaction; each
  listener polls ``PRAGMA data_version`` (a counter in shared memory that moves
  when another connection commits; no table read) every ``poll_interval``
  seconds, and reads ``change_log`` by id only when it moved.

:class:`ChangeFeed` is Qt-free: ``start(callback)`` runs a daemon thread that
calls ``callback(changes)`` from that thread (the GUI adapter re-emits them as a
Qt signal); ``wait(timeout)`` is the same loop step, blocking, for scripts and
tests. When the connection is lost the listener retries with backoff, reports
``on_status(False)`` then ``on_status(True)`` and delivers one ``resync`` change,
because changes made while it was away were not seen.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock
from desk_app.db.engine import Database, table_of
from desk_app.db.models import ChangeLog

log = logging.getLogger(__name__)
CHANNEL = "sportello_changes"
_CHANGE_LOG_INSERT = insert(table_of(ChangeLog))  # built once: it runs in every ticket transaction on SQLite


@dataclass(frozen=True)
class Change:
    """Something changed.

    Attributes:
        kind: what kind of object (``ticket``, ``booking``, ``resync`` ...).
        action: what happened (``issue``, ``call``, ``recall``, ``declined`` ...).
        office_id: the office concerned (listeners filter on it).
        at: when it was committed (writer's clock, UTC).
        data: small JSON-able details (ticket number, status, desk code); never personal data.
    """

    kind: str
    action: str
    office_id: int
    at: datetime
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"k": self.kind, "a": self.action, "o": self.office_id, "t": self.at.isoformat(),
                           "d": self.data}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, payload: str) -> Change:
        raw = json.loads(payload)
        return cls(raw["k"], raw["a"], int(raw["o"]), datetime.fromisoformat(raw["t"]), raw.get("d") or {})


def ticket_change(office_id: int, ticket_id: int, number: str, action: str, status: str, desk_code: str | None,
                  at: datetime) -> Change:
    """The change a ticket transition publishes."""
    return Change("ticket", action, office_id, at,
                  {"ticket": ticket_id, "number": number, "status": status, "desk": desk_code})


def notify(session: Session, change: Change) -> None:
    """Publish ``change`` inside the caller's transaction (it is seen only if that commits)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection().execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL,
                                                                         "payload": change.to_json()})
    else:
        session.connection().execute(_CHANGE_LOG_INSERT, {"at": change.at, "office_id": change.office_id,
                                                          "kind": change.kind, "action": change.action,
                                                          "data": change.data})


Callback = Callable[[list[Change]], None]


class ChangeFeed:
    """Listens for changes of one office (or all when ``office_id`` is ``None``).

    Args:
        db: the database to listen to.
        office_id: only changes of this office are delivered.
        poll_interval: SQLite ``data_version`` polling period, seconds.
        on_status: called with ``False`` when the connection is lost and ``True`` when it is back.
        clock: stamps the ``resync`` changes the feed makes itself (the clock seam; the system clock by default).
    """

    def __init__(self, db: Database, office_id: int | None = None, *, poll_interval: float = 0.1,
                 on_status: Callable[[bool], None] | None = None, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self.office_id = office_id
        self.poll_interval = poll_interval
        self.on_status = on_status
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: Any = None
        self._last_id = 0
        self._data_version: int | None = None
        self._lost = False

    # -- connection --------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        if self.db.is_sqlite:
            path = self.db.sqlite_path
            conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10, check_same_thread=False)
            conn.isolation_level = None
            row = conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()
            self._last_id = int(row[0]) if self._conn is None else self._last_id
            self._data_version = conn.execute("PRAGMA data_version").fetchone()[0]
            self._conn = conn
        else:
            import psycopg

            url = self.db.url
            # sslmode, sslrootcert, passfile ...: the listener connects as securely as the engine
            tls_and_secrets: dict[str, Any] = {k: v if isinstance(v, str) else v[-1] for k, v in url.query.items()}
            pg_conn = psycopg.connect(
                host=url.host or None, port=url.port or None, user=url.username or None,
                password=url.password or None, dbname=url.database or None, autocommit=True, connect_timeout=5,
                application_name="sportello-feed",
                **tls_and_secrets,
            )
            pg_conn.execute(f"LISTEN {CHANNEL}")
            self._conn = pg_conn

    def _close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:
                log.debug("closing feed connection failed", exc_info=True)
        self._conn = None

    def start_listening(self) -> None:
        """Open the listening connection now, so changes committed after this call are not missed."""
        if self._conn is None:
            self._connect()

    # -- one step ----------------------------------------------------------------------------------------------
    def wait(self, timeout: float) -> list[Change]:
        """Block up to ``timeout`` seconds; return the changes seen (maybe none).

        Connection failures are handled here: reported through ``on_status``,
        retried on the next call, and followed by a ``resync`` change.
        """
        try:
            if self._conn is None:
                self._connect()
                if self._lost:
                    self._lost = False
                    self._report(True)
                    return [Change("resync", "reconnected", self.office_id or 0, self.clock.now())]
            changes = self._wait_sqlite(timeout) if self.db.is_sqlite else self._wait_pg(timeout)
        except Exception as exc:  # noqa: BLE001 - any failure of the listening connection means "lost"
            log.warning("change feed connection lost: %s", exc)
            self._close()
            if not self._lost:
                self._lost = True
                self._report(False)
            self._stop.wait(min(timeout, 1.0))
            return []
        if self.office_id is not None:
            changes = [c for c in changes if c.office_id == self.office_id]
        return changes

    def _report(self, ok: bool) -> None:
        if self.on_status is not None:
            self.on_status(ok)

    def _wait_pg(self, timeout: float) -> list[Change]:
        changes = []
        for note in self._conn.notifies(timeout=timeout, stop_after=1):
            changes.append(Change.from_json(note.payload))
        # drain whatever else already arrived, without waiting
        for note in self._conn.notifies(timeout=0.0):
            changes.append(Change.from_json(note.payload))
        return changes

    def _wait_sqlite(self, timeout: float) -> list[Change]:
        deadline = time.monotonic() + timeout
        while True:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._data_version:
                self._data_version = version
                newest = self._conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]
                if newest < self._last_id:  # ids went back (a file restored from backup): start over
                    self._last_id = newest
                    return [Change("resync", "ids_reset", self.office_id or 0, self.clock.now())]
                rows = self._conn.execute(
                    "SELECT id, kind, action, office_id, at, data FROM change_log WHERE id > ? ORDER BY id",
                    (self._last_id,),
                ).fetchall()
                if rows:
                    self._last_id = rows[-1][0]
                    return [
                        Change(kind, action, office_id, datetime.fromisoformat(str(at)).replace(tzinfo=UTC),
                               json.loads(data) if isinstance(data, str) else (data or {}))
                        for _id, kind, action, office_id, at, data in rows
                    ]
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._stop.is_set():
                return []
            time.sleep(min(self.poll_interval, remaining))

    # -- background thread -------------------------------------------------------------------------------------
    def start(self, callback: Callback) -> None:
        """Listen on a daemon thread and call ``callback(changes)`` from it for each batch."""
        if self._thread is not None:
            raise RuntimeError("feed already started")
        self._stop.clear()
        try:
            self.start_listening()
        except Exception as exc:  # noqa: BLE001 - the loop retries; start must not fail because the DB is down
            log.warning("change feed could not connect yet: %s", exc)
            self._lost = True
            self._report(False)

        def loop() -> None:
            while not self._stop.is_set():
                changes = self.wait(0.5)
                if changes and not self._stop.is_set():
                    try:
                        callback(changes)
                    except Exception:
                        log.exception("change feed subscriber failed")
            self._close()

        self._thread = threading.Thread(target=loop, name="sportello-change-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the thread (if any) and close the connection."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        else:
            self._close()
