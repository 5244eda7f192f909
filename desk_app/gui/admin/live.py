"""Office-wide settings applied live on a running desk (issue 12).

At start and whenever the change feed says ``office_settings`` changed (any desk, any PC), the desk re-reads the
office's settings and applies them: the idle lock's countdown takes the office's minutes at once. Until the first
read (and if it fails) the desk keeps what it had (this PC's settings-file value).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.office_settings import OfficeSettings
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.session import IdleWatcher

log = logging.getLogger(__name__)


class OfficeSettingsWatcher(QObject):
    """Keeps ``current`` up to date with the database and applies it to ``idle_watcher``.

    Signals:
        updated(object): new :class:`OfficeSettings` were read.
    """

    updated = Signal(object)

    def __init__(self, runtime: Runtime, idle_watcher: IdleWatcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.idle_watcher = runtime, idle_watcher
        self.current: OfficeSettings | None = None
        runtime.office_ready.connect(lambda *_: self.refresh())
        runtime.changed.connect(self._changed)

    def _changed(self, changes: list[Any]) -> None:
        if any(getattr(c, "kind", "") in ("office_settings", "resync") for c in changes):
            self.refresh()

    def refresh(self) -> None:
        core = self.runtime.core
        if core is None:
            return
        service = core.office_settings
        Operation(self, service.current, self.runtime.operations).coalesce("office-settings") \
            .success(self.apply).failure(lambda exc: log.info("office settings not read: %s", exc)).run()

    def apply(self, settings: OfficeSettings) -> None:
        """Use ``settings`` now: the idle lock's interval (a running countdown restarts with it)."""
        self.current = settings
        timer = self.idle_watcher.timer
        interval = int(settings["idle_lock_minutes"]) * 60_000
        if timer.interval() != interval:
            running = timer.isActive()
            timer.setInterval(interval)
            if running:
                timer.start()
        self.updated.emit(settings)


__all__ = ["OfficeSettingsWatcher"]
