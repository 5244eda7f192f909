"""Office-wide settings applied live on a running desk (issue 12).

At start and whenever the change feed says ``office_settings`` changed (any desk, any PC), the desk re-reads the
office's settings and applies them: the idle lock's countdown takes the office's minutes at once. Until the first
read (and if it fails) the desk keeps what it had (this PC's settings-file value). :class:`BoardTexts` does the same
for a display board's title, notice and desk names, :class:`OfficeFollower` for the office's set-up (services and
desks changed in the administration window) and :class:`ServiceLevelMarks` for the supervisor console's target.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox

from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.office import OfficeView
    from desk_app.core.office_settings import OfficeSettings
    from desk_app.gui.board import DisplayBoard
    from desk_app.gui.main_window import MainWindow
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.session import IdleWatcher
    from desk_app.gui.supervisor import SupervisorConsole

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
        """Use ``settings`` now: the idle lock's interval (a running countdown restarts with it); the runtime keeps
        them for what the desk prints (the office's own ticket lines)."""
        self.current = settings
        self.runtime.office_settings = settings
        timer = self.idle_watcher.timer
        interval = int(settings["idle_lock_minutes"]) * 60_000
        if timer.interval() != interval:
            running = timer.isActive()
            timer.setInterval(interval)
            if running:
                timer.start()
        self.updated.emit(settings)


def _concerns(changes: list[Any], *kinds: str) -> bool:
    """Whether a batch of the change feed holds one of ``kinds`` (or a ``resync``: changes may have been missed)."""
    return any(getattr(c, "kind", "") in (*kinds, "resync") for c in changes)


class BoardTexts(QObject):
    """Keeps a display board's title, notice and desk names on the office's settings and set-up.

    A child of the board (it goes with it): reads the settings (``board_title``, ``board_message``) and the office's
    desks at once, and again whenever the change feed says they changed (``office_settings``, ``office``) or may
    have been missed (``resync``); a failed read leaves the board as it was. The board needs no login: the settings
    are public texts (:meth:`OfficeSettingsService.current`) and so are the desks' names.

    Signals:
        applied(object): the :class:`OfficeSettings` just shown.
    """

    applied = Signal(object)

    def __init__(self, runtime: Runtime, board: DisplayBoard) -> None:
        super().__init__(board)
        self.runtime, self.board = runtime, board
        runtime.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: list[Any]) -> None:
        if _concerns(changes, "office_settings", "office"):
            self.refresh()

    def refresh(self) -> None:
        core, office = self.runtime.core, self.runtime.office
        if core is None or office is None:
            return
        settings, offices, code = core.office_settings, core.offices, office.code

        def read() -> tuple[OfficeSettings, OfficeView]:
            return settings.current(code), offices.view(code)

        Operation(self.board, read, self.runtime.operations).coalesce("board-texts") \
            .success(self.apply).failure(lambda exc: log.info("board texts not read: %s", exc)).run()

    def apply(self, read: tuple[OfficeSettings, OfficeView]) -> None:
        settings, office = read
        self.board.set_office_texts(str(settings["board_title"]), str(settings["board_message"]))
        self.board.set_desk_names({d.code: d.name for d in office.desks})
        self.applied.emit(settings)


class OfficeFollower(QObject):
    """Brings a desk window onto the office's set-up when it changes on any PC (services, letters, desks, names):
    no restart.

    On the feed's ``office`` notice (or a ``resync``) it re-reads the office on the worker and hands the new view to
    the runtime and the session; the workspace re-reads its queue (a desk may serve other services now), the
    walk-in dialog is built again with the services as they are (reopened if it was open), the board takes the new
    desk names and the title the new desk name.

    Signals:
        updated(object): the :class:`OfficeView` now in use.
    """

    updated = Signal(object)

    def __init__(self, desk: MainWindow) -> None:
        super().__init__(desk)
        self.desk = desk
        desk.runtime.changed.connect(self._changed)

    def _changed(self, changes: list[Any]) -> None:
        if _concerns(changes, "office"):
            self.refresh()

    def refresh(self) -> None:
        runtime = self.desk.runtime
        core, office = runtime.core, runtime.office
        if core is None or office is None:
            return
        offices, code = core.offices, office.code
        Operation(self, lambda: offices.view(code), runtime.operations).coalesce("office-setup") \
            .success(self.apply).failure(lambda exc: log.info("office set-up not read: %s", exc)).run()

    def apply(self, office: OfficeView) -> None:
        import dataclasses

        desk = self.desk
        if office == desk.runtime.office:
            return
        desk.runtime.office = office
        sessions = desk.sessions
        if sessions.session is not None:
            sessions.session = dataclasses.replace(sessions.session, office=office)
            for page in (desk.workspace, desk.console, desk.agenda):
                if page is not None:
                    page.session = sessions.session
                    page.schedule_refresh()
        walk_in = desk.walk_in
        if walk_in is not None:  # its service buttons are built once: built again with the services as they are
            was_open = walk_in.isVisible()
            walk_in.close()
            walk_in.deleteLater()
            desk.walk_in = None
            if was_open:
                desk.open_walk_in()
        desk._update_title()  # the desk's own name may have changed (a one-line view method, no copy of it here)
        self.updated.emit(office)


#: The column of the supervisor console's services table that gives the share of tickets called within target.
WITHIN_TARGET_COLUMN = 7
_BELOW_TARGET = QColor("#f8d0d0")


class ServiceLevelMarks(QObject):
    """Marks, on a supervisor's console, the services below the office's service-level target
    (``service_level_percent``: the share of tickets to be called within their service's target wait).

    A child of the console: the services' box names the target in its title, and each service whose share today is
    below it gets a red cell with a tooltip saying so. The target is read at once and again when the feed says the
    settings changed; the marks are laid after each refresh of the console.

    Attributes:
        target: the office's target in percent, once read.
    """

    def __init__(self, runtime: Runtime, console: SupervisorConsole) -> None:
        super().__init__(console)
        self.runtime, self.console = runtime, console
        self.target: int | None = None
        console.refreshed.connect(self.paint)
        runtime.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: list[Any]) -> None:
        if _concerns(changes, "office_settings"):
            self.refresh()

    def refresh(self) -> None:
        core = self.runtime.core
        if core is None:
            return
        Operation(self.console, core.office_settings.current, self.runtime.operations).coalesce("service-level") \
            .success(self.apply).failure(lambda exc: log.info("service-level target not read: %s", exc)).run()

    def apply(self, settings: OfficeSettings) -> None:
        self.target = int(settings["service_level_percent"])
        self.paint()

    def paint(self) -> None:
        """Lay the marks on the table as it is now (UI thread; no database work)."""
        board, target, table = self.console.dashboard, self.target, self.console.services_table
        if target is None:
            return
        # The target in the title of the services' box: the column header has no room for a sentence.
        box = table.parentWidget()
        if isinstance(box, QGroupBox):
            box.setTitle(self.tr("Services — office target: %1 % of tickets called within the target wait")
                         .replace("%1", str(target)))
        rows = board.services if board is not None else ()
        for row, service in enumerate(rows):
            item = table.item(row, WITHIN_TARGET_COLUMN)
            if item is None:
                continue
            below = service.within_target_pct is not None and service.within_target_pct < target
            item.setBackground(_BELOW_TARGET if below else QBrush())
            item.setToolTip(self.tr("Below the office's target of %1 %").replace("%1", str(target)) if below else "")


__all__ = ["BoardTexts", "OfficeFollower", "OfficeSettingsWatcher", "ServiceLevelMarks"]
