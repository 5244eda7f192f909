"""What lives as long as the app (qutebrowser's ``app.py`` + ``misc/quitter.py``): one runtime, one way out.

The desk window and the display-board app are views of one :class:`Runtime`: it
boots (builds the core services on the worker, retrying while the database does not
answer), knows the office, owns the change feed, keeps the online state and shuts
everything down along one path. Views subscribe to :attr:`Runtime.changed` and
:attr:`Runtime.online_changed`; none of them owns a connection.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desk_app import APP_NAME
from desk_app.errors import DeskError, NotFoundError
from desk_app.gui.operations import Operation, OperationRunner
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.office import OfficeView
    from desk_app.core.office_settings import OfficeSettings
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings
    from desk_app.gui.feed import LiveFeed
    from desk_app.gui.seams import UserDialogs
    from desk_app.gui.worker import DbWorker

log = logging.getLogger(__name__)
#: Wait before trying again to start on a database that did not answer, ms.
BOOT_RETRY_MS = 3000
#: Ping period while the database does not answer, ms.
PING_INTERVAL_MS = 2000


@dataclass(frozen=True)
class Boot:
    """What the background start-up produced: the services, and the office (``None``: empty database)."""

    core: CoreServices
    office: OfficeView | None


def read_office(core: CoreServices) -> OfficeView | None:
    """The office this PC works for, or ``None`` when the database holds none yet (runs on the worker)."""
    try:
        return core.offices.view(core.settings.office_code or None)
    except NotFoundError as exc:
        if exc.code != "no_office":
            raise
        return None


class Runtime(QObject):
    """The connection, the office, the change feed, the online state and the shutdown of one app.

    Args:
        settings: resolved settings (language, office code).
        worker: the one background worker.
        dialogs: where the default failure handling shows a refusal.
        connect: builds the core services and brings the schema up to date; runs on the worker.

    Signals:
        connecting(): a start-up attempt begins (again after each failure).
        boot_failed(object): an attempt failed with this :class:`DeskError`; when the database did not answer,
            the runtime tries again by itself after :data:`BOOT_RETRY_MS`.
        first_run_needed(): the database holds no office yet: set one up, then call :meth:`set_office`.
        office_ready(object): the :class:`~desk_app.core.office.OfficeView` is known and the change feed was
            started; work submitted from now on runs after the feed listens.
        changed(list): a batch of :class:`~desk_app.db.feed.Change` from the feed (``resync``: reload).
        online_changed(bool): the database stopped answering (``False``) or answers again (``True``).
        closing(): :meth:`shutdown` drained the worker and stopped the feed; the last moment to use :attr:`core`
            directly (the session's logout), before it is closed.

    Attributes:
        settings: as given.
        worker: the background worker.
        operations: the runner every :class:`~desk_app.gui.operations.Operation` of the app goes through.
        core: the core services once booted, ``None`` before and after shutdown.
        office: the office once known.
        office_settings: the office's settings as last read by the desk's
            :class:`~desk_app.gui.admin.live.OfficeSettingsWatcher` (``None`` before): the tickets print its lines.
        feed: the change feed once the office is known.
        online: the last known state of the connection.
    """

    connecting = Signal()
    boot_failed = Signal(object)
    first_run_needed = Signal()
    office_ready = Signal(object)
    changed = Signal(list)
    online_changed = Signal(bool)
    closing = Signal()

    def __init__(self, settings: Settings, worker: DbWorker, dialogs: UserDialogs,
                 connect: Callable[[], CoreServices], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.worker = worker
        self.dialogs = dialogs
        self._connect = connect
        self.operations = OperationRunner(worker, self.report_failure)
        self.core: CoreServices | None = None
        self.office: OfficeView | None = None
        self.office_settings: OfficeSettings | None = None
        self.feed: LiveFeed | None = None
        self.online = True
        self._closed = False
        self.drained = True  # set by shutdown(): whether the worker finished its jobs in time
        worker.reached.connect(self._set_online)
        self._ping_timer = QTimer(self)
        self._ping_timer.setInterval(PING_INTERVAL_MS)
        self._ping_timer.timeout.connect(self.check_connection)
        self._boot_timer = QTimer(self)
        self._boot_timer.setSingleShot(True)
        self._boot_timer.setInterval(BOOT_RETRY_MS)
        self._boot_timer.timeout.connect(self.start)

    @property
    def language(self) -> str:
        """The staff-interface language, for the core's sentences."""
        return str(self.settings.language)

    @property
    def retry_interval_ms(self) -> int:
        """Ping period while offline."""
        return self._ping_timer.interval()

    @retry_interval_ms.setter
    def retry_interval_ms(self, value: int) -> None:
        self._ping_timer.setInterval(value)

    # -- start-up --------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Connect in the background (build the services, migrate, read the office); see the signals for how it went."""
        if self._closed:
            return
        self._boot_timer.stop()
        self.connecting.emit()
        connect, known = self._connect, self.core

        def boot() -> Boot:
            core = known or connect()
            try:
                return Boot(core, read_office(core))
            except BaseException:
                if core is not known:  # built by this attempt: not left open behind a failure
                    core.close()
                raise

        Operation(self, boot, self.operations).success(self._booted).failure(self._boot_failed).run()

    def retry_later(self) -> None:
        """Start again after :data:`BOOT_RETRY_MS` (the board waits so for an office to be set up)."""
        if not self._closed:
            self._boot_timer.start()

    def _booted(self, boot: Boot) -> None:
        self.core = boot.core
        if boot.office is None:
            self.first_run_needed.emit()
        else:
            self.set_office(boot.office)

    def _boot_failed(self, exc: DeskError) -> None:
        self.boot_failed.emit(exc)
        if is_connection_error(exc):
            self.retry_later()

    def set_office(self, office: OfficeView) -> None:
        """The office is known (read at start or just set up): start the change feed, then tell the views."""
        from desk_app.gui.feed import LiveFeed

        assert self.core is not None
        self.office = office
        if self.feed is None:
            self.feed = LiveFeed(self.core.db, office.id, parent=self, clock=self.core.clock)
            self.feed.changed.connect(self.changed.emit)
            self.feed.connection_changed.connect(self._feed_status)
            Operation(self, self.feed.listen, self.operations) \
                .failure(lambda exc: log.warning("feed: %s", exc)).run()
        self.office_ready.emit(office)

    # -- online state ----------------------------------------------------------------------------------------------
    def _feed_status(self, ok: bool) -> None:
        if ok:
            self.check_connection()
        else:
            self._set_online(False)

    def check_connection(self) -> None:
        """Ping now (in the background); any answer puts the app back online."""
        if self.core is None or self._closed:
            return
        Operation(self, self.core.db.ping, self.operations).coalesce("ping") \
            .failure(lambda exc: log.info("database still unreachable: %s", exc)).run()

    def _set_online(self, online: bool) -> None:
        if online == self.online:
            return
        self.online = online
        if online:
            self._ping_timer.stop()
        else:
            self._ping_timer.start()
        log.warning("database %s", "reachable again" if online else "unreachable")
        self.online_changed.emit(online)

    # -- failures --------------------------------------------------------------------------------------------------
    def report_failure(self, parent: QObject | None, error: BaseException, title: str) -> None:
        """The default failure handling of an operation.

        "The database does not answer": nothing here, the app is offline already and the banner says so.
        Another :class:`DeskError`: its sentence in the staff language, in a warning over the widget that
        asked (``title``, or the application's name). Anything else is a bug: the crash path, i.e.
        ``sys.excepthook``, which the composition root points at the crash handler (the log, with the
        traceback from the worker thread, and the crash dialog naming the log file).
        """
        if isinstance(error, DeskError):
            if not is_connection_error(error):
                widget = parent if isinstance(parent, QWidget) else None
                self.dialogs.warn(widget, title or APP_NAME, error.message(self.language))
            return
        sys.excepthook(type(error), error, error.__traceback__)

    # -- the way out -----------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop retrying, drain the worker, stop the feed, emit :attr:`closing`, close the database. Safe twice."""
        if self._closed:
            return
        self._closed = True
        self._ping_timer.stop()
        self._boot_timer.stop()
        # The worker first: the feed is started by a worker job, and stopping it while that job runs
        # (an app closed right after start-up) would race with its start.
        # If a job is still running after the wait, nothing more is written on this thread (it would wait on it).
        self.drained = self.worker.shutdown()
        if not self.drained:
            log.warning("shutdown: a database job was still running after the wait; the logout is not recorded")
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        self.closing.emit()
        if self.core is not None:
            self.core.close()
            self.core = None
