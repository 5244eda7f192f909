"""The desk window's way into the awareness sessions (issue 16): **Sensibilizzazione > Incontri di
sensibilizzazione…** (Ctrl+Shift+A), for supervisors and admins (``run_awareness``).

Kept apart from the window it opens so the desk window builds without the core's modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

if TYPE_CHECKING:
    from desk_app.gui.awareness import AwarenessWindow
    from desk_app.gui.main_window import MainWindow

OPEN_KEY = "Ctrl+Shift+A"


class AwarenessMenu(QObject):
    """The menu action opening :class:`~desk_app.gui.awareness.AwarenessWindow` (closed at lock and logout)."""

    def __init__(self, desk: MainWindow, menu_bar: QMenuBar) -> None:
        super().__init__(desk)
        self.desk = desk
        self.window: AwarenessWindow | None = None
        menu = menu_bar.addMenu(self.tr("A&wareness"))
        self.action = QAction(self.tr("Awareness &sessions in the reception centres…"), desk)
        self.action.setShortcut(QKeySequence(OPEN_KEY))
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)
        desk.sessions.started.connect(lambda *_: self._update())
        desk.sessions.ended.connect(self.close)
        self._update()

    def _update(self) -> None:
        session = self.desk.sessions.session
        self.action.setEnabled(session is not None and session.actor.can("run_awareness"))

    def open(self) -> AwarenessWindow | None:
        from desk_app.gui.appointments import bring_forward
        from desk_app.gui.awareness import AwarenessWindow

        session = self.desk.sessions.session
        if session is None or not session.actor.can("run_awareness"):
            return None
        if self.window is not None and self.window.session is not session:
            self.close()
        if self.window is None:
            self.window = AwarenessWindow(session, self.desk.runtime, self.desk.seams, self.desk)
        bring_forward(self.window)
        return self.window

    def close(self, *_: object) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self._update()
