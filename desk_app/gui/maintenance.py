"""The retention purge from the desk window, and the daily jobs of a running desk.

* **Settings > Purge expired personal data…** (enabled for a role that may purge:
  administrator, supervisor): counts what would go (a dry run), asks to confirm
  with those counts, purges, and shows what went. Counts only, never a name.
* **Daily jobs**: once the office is known and then every half hour, the desk asks
  the core for today's retention purge (and, on a SQLite database, today's backup);
  the core's once-a-day claim makes every desk but the first a no-op. On a shared
  PostgreSQL server the backup is the scheduled ``desk-admin daily`` of its
  administrator instead (see :meth:`~desk_app.core.services.CoreServices.run_daily_jobs`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.retention import RetentionResult
    from desk_app.core.services import DailyRuns
    from desk_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)
#: How often a running desk retries the daily jobs (the first desk of the day does them; the rest find them done).
DAILY_INTERVAL_MS = 30 * 60 * 1000


class Maintenance(QObject):
    """The purge action in ``menu`` and the daily-jobs timer of ``window``.

    Attributes:
        action: the menu action (disabled unless the logged-in role may purge).
        timer: the daily-jobs timer (started once the office is known).
        last_daily: what the latest daily run did (``None`` before the first).
    """

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.runtime = window.runtime
        self.action = QAction(self.tr("&Purge expired personal data…"), window)
        self.action.triggered.connect(self.open_purge)
        menu.addAction(self.action)
        self.timer = QTimer(self)
        self.timer.setInterval(DAILY_INTERVAL_MS)
        self.timer.timeout.connect(self.run_daily)
        self.last_daily: DailyRuns | None = None
        window.sessions.started.connect(lambda *_: self._update())
        window.sessions.ended.connect(lambda *_: self._update())
        self.runtime.office_ready.connect(self._office_ready)
        self._update()

    def _update(self) -> None:
        session = self.window.sessions.session
        self.action.setEnabled(session is not None and session.actor.can("purge_personal_data")
                               and self.runtime.core is not None)

    def _office_ready(self, *_: object) -> None:
        self._update()
        if not self.timer.isActive():  # the desk has started: today's jobs now, then every half hour
            self.timer.start()
            self.run_daily()

    # -- the daily jobs ----------------------------------------------------------------------------------------
    def run_daily(self) -> None:
        """Today's purge (and SQLite backup) unless another desk did them; runs on the worker."""
        core = self.runtime.core
        if core is None:
            return
        from desk_app.core.auth import Actor

        desk = self.runtime.settings.desk_code or "-"
        Operation(self, lambda: core.run_daily_jobs(Actor.system(f"app:{desk}"), backup=core.db.is_sqlite),
                  self.runtime.operations).coalesce("daily").success(self._daily_done) \
            .failure(lambda exc: log.warning("daily jobs not run: %s", exc)).run()

    def _daily_done(self, runs: DailyRuns) -> None:
        self.last_daily = runs

    # -- the admin's purge -------------------------------------------------------------------------------------
    def open_purge(self) -> None:
        """Count, confirm with the counts, purge, show what went."""
        session, core = self.window.sessions.session, self.runtime.core
        if session is None or core is None:
            return
        actor = session.actor
        Operation(self.window, lambda: core.retention.purge(actor, dry_run=True), self.runtime.operations) \
            .busy(self.action).success(self._confirm).failure(title=self.tr("Retention purge")).run()

    def describe(self, result: RetentionResult) -> str:
        """The counts of a purge (or of a dry run), one per line."""
        lines = [
            self.tr("Appointments: %1 (convocations among them: %2)").replace("%1", str(result.appointments))
            .replace("%2", str(result.convocations)),
            self.tr("Cases: %1").replace("%1", str(result.cases)),
            self.tr("Ticket notes: %1").replace("%1", str(result.ticket_notes)),
            self.tr("Mediator bookings: %1").replace("%1", str(result.mediator_bookings)),
            self.tr("Backup copies: %1").replace("%1", str(result.backups)),
            self.tr("Backup copies cleaned: %1").replace("%1", str(result.backups_cleaned)),
        ]
        return "\n".join(lines)

    def _confirm(self, preview: RetentionResult) -> None:
        title = self.tr("Retention purge")
        head = self.tr("Personal data older than %1 days (before %2) will be removed; the counts are kept.") \
            .replace("%1", str(preview.retention_days)).replace("%2", preview.cutoff.date().isoformat())
        if not (preview.total or preview.backups or preview.backups_cleaned):
            self.window.seams.dialogs.inform(self.window, title, head + "\n\n" + self.tr("Nothing to remove."))
            return
        question = head + "\n\n" + self.describe(preview) + "\n\n" + self.tr("Remove it now?")
        if not self.window.seams.dialogs.confirm(self.window, title, question):
            return
        session, core = self.window.sessions.session, self.runtime.core
        if session is None or core is None:
            return
        actor = session.actor
        Operation(self.window, lambda: core.retention.purge(actor), self.runtime.operations) \
            .busy(self.action).success(self._done).failure(title=title).run()

    def _done(self, result: RetentionResult) -> None:
        self.window.seams.dialogs.inform(self.window, self.tr("Retention purge"),
                                         self.tr("Removed:") + "\n\n" + self.describe(result))


__all__ = ["DAILY_INTERVAL_MS", "Maintenance"]
