"""The one background thread for database work: the executor under :mod:`desk_app.gui.operations`.

The work runs on a single background thread, one job at a time and in submission
order (so "start the change feed, then load" keeps its order), and the result or
the error comes back on the UI thread through a queued signal. The UI thread
never waits for the database.

Widgets do not call :meth:`DbWorker.submit` themselves: they run an
:class:`~desk_app.gui.operations.Operation`, which adds what every caller needs
(callbacks dropped once the widget is gone, busy state, default failure handling,
coalescing). The worker only reports what its jobs prove about the connection
(:attr:`DbWorker.reached`); the :class:`~desk_app.gui.runtime.Runtime` turns that
into the app's online state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desk_app.errors import DatabaseError

log = logging.getLogger(__name__)
T = TypeVar("T")


def is_connection_error(exc: BaseException) -> bool:
    """True when ``exc`` means "the database does not answer" (not a rule refusing an action)."""
    return isinstance(exc, DatabaseError) and exc.code in {"db_unreachable", "db_busy"}


@dataclass
class _Job:
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]


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
            self.relay.finished.emit(self.job_id, False, exc)  # the exception keeps its traceback
        else:
            self.relay.finished.emit(self.job_id, True, result)


class DbWorker(QObject):
    """Runs database work on one background thread and hands results back to the UI thread.

    Signals:
        reached(bool): what a job proved about the connection, just before its callback runs: ``True`` when it
            finished (the database answered), ``False`` when it failed because the database does not answer.
            Other failures prove nothing and are not reported here.
    """

    reached = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one connection's worth of work at a time, in order
        self._relay = _Relay(self)  # a child: deleted with the worker, on this thread
        self._relay.finished.connect(self._deliver)
        self._jobs: dict[int, _Job] = {}
        self._ids = count(1)
        self._closed = False

    @property
    def pending(self) -> int:
        """Jobs submitted and not yet delivered."""
        return len(self._jobs)

    @property
    def closed(self) -> bool:
        """:meth:`shutdown` was called: new work is refused, late answers are dropped."""
        return self._closed

    def submit(self, work: Callable[[], T], on_done: Callable[[T], None],
               on_error: Callable[[BaseException], None]) -> int | None:
        """Run ``work()`` in the background; call ``on_done(result)`` or ``on_error(exc)`` on the UI thread.

        ``on_error`` gets every exception, bugs included, with its traceback attached. After
        :meth:`shutdown` nothing runs and ``None`` is returned; otherwise the job id.
        """
        if self._closed:
            log.debug("worker shut down: job not run")
            return None
        job_id = next(self._ids)
        self._jobs[job_id] = _Job(on_done, on_error)
        self._pool.start(_Runnable(job_id, work, self._relay))
        return job_id

    def _deliver(self, job_id: int, ok: bool, value: Any) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:  # dropped by shutdown()
            return
        if ok:
            self.reached.emit(True)  # any answer from the database proves it is back
            job.on_done(value)
        else:
            if is_connection_error(value):
                self.reached.emit(False)
            job.on_error(value)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Refuse new work, drop jobs not started, wait for the running one; True if it finished in time.

        Answers still on their way are dropped: the app is closing and their widgets with it.
        """
        self._closed = True
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        self._jobs.clear()
        return done
