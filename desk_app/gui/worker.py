"""The one background helper for database work (Anki's ``CollectionOp``/``QueryOp`` pattern).

Every database call of the GUI goes through :meth:`DbWorker.submit`: the work
runs on a single background thread, one job at a time and in submission order
(so "start the change feed, then load" keeps its order), and the result or the
error comes back on the UI thread through a queued signal. The UI thread never
waits for the database.

The worker also owns the app's idea of whether the database answers: a job
failing with :class:`~desk_app.errors.DatabaseError` (unreachable) or the change
feed losing its connection marks it offline; while offline it pings every
:attr:`DbWorker.retry_interval_ms` and goes back online on the first success.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from desk_app.errors import DatabaseError, DeskError

log = logging.getLogger(__name__)
T = TypeVar("T")


def is_connection_error(exc: BaseException) -> bool:
    """True when ``exc`` means "the database does not answer" (not a rule refusing an action)."""
    return isinstance(exc, DatabaseError) and exc.code in {"db_unreachable", "db_busy"}


@dataclass
class _Job:
    work: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[DeskError], None] | None


class _Relay(QObject):
    """Lives on the UI thread; signals emitted on the worker thread reach it queued."""

    finished = Signal(int, bool, object)  # job id, ok, result or exception


class _Runnable(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.job_id, self.work, self.relay = job_id, work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the UI thread, bugs included
            if not isinstance(exc, DeskError):
                exc.gui_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.finished.emit(self.job_id, False, exc)
        else:
            self.relay.finished.emit(self.job_id, True, result)


class DbWorker(QObject):
    """Runs database work on one background thread and hands results back to the UI thread.

    Args:
        ping: the cheapest call that proves the database answers (e.g. ``db.ping``);
            may be set later with :meth:`set_ping` once the database is built.
        parent: Qt parent.

    Signals:
        connection_changed(bool): ``False`` when the database stopped answering, ``True`` when it is back.
        error(object): a :class:`DeskError` of a job submitted without ``on_error`` (other than "unreachable",
            which the banner reports).
        crashed(str): a job hit a bug (not a :class:`DeskError`); carries the traceback.
        idle(): the queue of jobs ran empty.

    Attributes:
        online: the last known state of the connection.
        retry_interval_ms: ping period while offline.
    """

    connection_changed = Signal(bool)
    error = Signal(object)
    crashed = Signal(str)
    idle = Signal()

    def __init__(self, ping: Callable[[], None] | None = None, parent: QObject | None = None,
                 retry_interval_ms: int = 2000) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one connection's worth of work at a time, in order
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._jobs: dict[int, _Job] = {}
        self._ids = count(1)
        self._ping = ping
        self.online = True
        self.retry_interval_ms = retry_interval_ms
        self._retry = QTimer(self)
        self._retry.setInterval(retry_interval_ms)
        self._retry.timeout.connect(self.check_connection)
        self._checking = False

    def set_ping(self, ping: Callable[[], None]) -> None:
        self._ping = ping

    @property
    def pending(self) -> int:
        """Jobs submitted and not yet delivered."""
        return len(self._jobs)

    def submit(self, work: Callable[[], T], on_done: Callable[[T], None] | None = None,
               on_error: Callable[[DeskError], None] | None = None) -> int:
        """Run ``work()`` in the background; call ``on_done(result)`` or ``on_error(exc)`` on the UI thread.

        ``on_error`` gets every :class:`DeskError` (including "unreachable", so a caller can restore
        its widgets); without it the error goes to :attr:`error`. Bugs go to :attr:`crashed`.
        Returns the job id.
        """
        job_id = next(self._ids)
        self._jobs[job_id] = _Job(work, on_done, on_error)
        self._pool.start(_Runnable(job_id, work, self._relay))
        return job_id

    def _deliver(self, job_id: int, ok: bool, value: Any) -> None:
        job = self._jobs.pop(job_id)
        try:
            if ok:
                self._set_online(True)  # any answer from the database proves it is back
                if job.on_done is not None:
                    job.on_done(value)
            elif isinstance(value, DeskError):
                if is_connection_error(value):
                    self._set_online(False)
                if job.on_error is not None:
                    job.on_error(value)
                elif not is_connection_error(value):
                    self.error.emit(value)
            else:
                trace = getattr(value, "gui_traceback", repr(value))
                log.error("background job failed:\n%s", trace)
                self.crashed.emit(trace)
        finally:
            if not self._jobs:
                self.idle.emit()

    # -- connection state ------------------------------------------------------------------------------------------
    def mark_offline(self) -> None:
        """Another component (the change feed) saw the connection drop."""
        self._set_online(False)

    def check_connection(self) -> None:
        """Ping now (in the background); go online if it answers."""
        if self._ping is None or self._checking:
            return
        self._checking = True

        def answered(_: object) -> None:
            self._checking = False
            self._set_online(True)

        def failed(exc: DeskError) -> None:
            self._checking = False
            log.info("database still unreachable: %s", exc)

        self.submit(self._ping, answered, failed)

    def _set_online(self, online: bool) -> None:
        if online == self.online:
            return
        self.online = online
        if online:
            self._retry.stop()
        else:
            self._retry.start()
        log.warning("database %s", "reachable again" if online else "unreachable")
        self.connection_changed.emit(online)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop retrying and wait for the running job; True if everything finished in time."""
        self._retry.stop()
        self._pool.clear()
        return self._pool.waitForDone(timeout_ms)
