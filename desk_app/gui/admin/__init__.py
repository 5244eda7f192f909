"""Running an office from the desk app (issue 12): the administration window and the live office settings.

:class:`AdminMenu` puts **Settings > Administration…** in the desk window's menu (enabled while someone is logged
in) and applies the office-wide settings live (:class:`~desk_app.gui.admin.live.OfficeSettingsWatcher`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desk_app.gui.admin.live import OfficeFollower, OfficeSettingsWatcher, ServiceLevelMarks

if TYPE_CHECKING:
    from desk_app.gui.admin.window import AdminWindow
    from desk_app.gui.main_window import MainWindow


class AdminMenu(QObject):
    """The menu action that opens the administration window of the logged-in person.

    Attributes:
        action: the menu action.
        window: the administration window while open.
        watcher: applies the office's settings to this desk (one per desk window, kept across re-translations).
        follower: brings this desk onto the office's set-up when services or desks change (one per desk window).
    """

    def __init__(self, desk: MainWindow, menu: QMenu) -> None:
        super().__init__(desk)
        self.desk = desk
        self.window: AdminWindow | None = None
        self.action = QAction(self.tr("&Administration…"), desk)
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)
        found = desk.findChild(OfficeSettingsWatcher)
        self.watcher = found if found is not None else OfficeSettingsWatcher(
            desk.runtime, desk.sessions.idle_watcher, desk)
        following = desk.findChild(OfficeFollower)
        self.follower = following if following is not None else OfficeFollower(desk)  # set-up changes, live
        desk.sessions.started.connect(lambda *_: self._update())
        desk.logged_in.connect(self._mark_service_level)  # also after a language change rebuilds the console
        desk.sessions.ended.connect(self.close)
        self._update()

    def _mark_service_level(self) -> None:
        """A supervisor's console just opened (the window builds it first): mark it with the office's target."""
        console = self.desk.console
        if console is not None and console.findChild(ServiceLevelMarks) is None:
            ServiceLevelMarks(self.desk.runtime, console)

    def _update(self) -> None:
        session = self.desk.sessions.session
        # Outside bodies (partner, Questura) see nothing of the office's set-up, not even read-only.
        self.action.setEnabled(session is not None and not session.actor.outside and self.desk.runtime.core is not None)

    def open(self) -> None:
        """Open (or raise) the window for the logged-in person."""
        # The editors need the core's modules: imported when first opened, not while the desk window is built.
        from desk_app.gui.admin.window import AdminWindow
        from desk_app.gui.appointments import bring_forward

        session = self.desk.sessions.session
        if session is None:
            return
        if self.window is not None and self.window.actor != session.actor:
            self.close()
        if self.window is None:
            review = getattr(self.desk, "translation_review", None)  # issue 14's window, where translations are done
            self.window = AdminWindow(self.desk.runtime, session.actor, self.desk.seams.dialogs, self.desk,
                                      open_review=review.open if review is not None else None)
            self.window.load()
        bring_forward(self.window)

    def close(self) -> None:
        """Close the window (it shows staff names): at lock, logout and idle lock."""
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self._update()


__all__ = ["AdminMenu", "OfficeFollower", "OfficeSettingsWatcher"]
