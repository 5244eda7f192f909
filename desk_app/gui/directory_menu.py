"""The desk window's way into the services directory (issue 15): **Services > Search the services of the territory…**
(Ctrl+K) at the counter, and the page a ``partner`` account lands on.

Kept apart from the windows it opens so the desk window builds without the core's modules (they load with the
first search, once someone is logged in).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

if TYPE_CHECKING:
    from desk_app.gui.directory_search import DirectorySearchDialog, ReferralContext
    from desk_app.gui.main_window import MainWindow

#: The key of the directory search at the counter.
SEARCH_KEY = "Ctrl+K"


class DirectoryMenu(QObject):
    """The menu action that opens the directory search over the clerk's workspace.

    Attributes:
        action: Services > Search… (enabled while a counter session that may ``refer`` is open).
        dialog: the search dialog, once opened (closed at lock and logout: it shows the desk's context).
    """

    def __init__(self, desk: MainWindow, menu_bar: QMenuBar) -> None:
        super().__init__(desk)
        self.desk = desk
        self.dialog: DirectorySearchDialog | None = None
        menu = menu_bar.addMenu(self.tr("Ser&vices"))
        self.action = QAction(self.tr("&Search the services of the territory…"), desk)
        self.action.setShortcut(QKeySequence(SEARCH_KEY))
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)
        desk.sessions.started.connect(lambda *_: self._update())
        desk.sessions.ended.connect(self.close)
        self._update()

    def _update(self) -> None:
        session = self.desk.sessions.session
        self.action.setEnabled(session is not None and bool(session.desk_code) and session.actor.can("refer"))

    def context(self) -> ReferralContext:
        """The desk's ticket, its open case and the person's language, as the workspace shows them now."""
        from desk_app.gui.directory_search import ReferralContext

        workspace = self.desk.workspace
        if workspace is None:
            return ReferralContext()
        ticket = workspace.current
        case = workspace.checklist.case
        case_id = case.id if case is not None and case.status == "open" else None
        language = (ticket.language if ticket is not None else None) or (case.language if case is not None else None)
        return ReferralContext(ticket.id if ticket is not None else None, case_id, language)

    def open(self) -> DirectorySearchDialog | None:
        """Ctrl+K: the search, for the person at the desk (kept between people, reset to their language)."""
        from desk_app.gui.appointments import bring_forward
        from desk_app.gui.directory_search import DirectorySearchDialog

        session = self.desk.sessions.session
        if session is None or not session.desk_code or not session.actor.can("refer"):
            return None
        if self.dialog is not None and self.dialog.session is not session:
            self.close()
        if self.dialog is None:
            self.dialog = DirectorySearchDialog(session, self.desk.runtime, self.desk.seams, self.context, self.desk)
            if self.desk.workspace is not None:  # the counter keys keep working over the dialog
                self.dialog.addActions([a for name, a in self.desk.workspace.counter_actions.items()
                                        if name in ("call_next", "finish", "checklist")])
            self.dialog.finished.connect(lambda _=0: self.desk.save_layout(self.dialog) if self.dialog else None)
            self.dialog.show()
            self.desk.restore_layout(self.dialog)
        else:
            bring_forward(self.dialog)
        self.dialog.start()
        return self.dialog

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self._update()


__all__ = ["SEARCH_KEY", "DirectoryMenu"]
