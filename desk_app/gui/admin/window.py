"""The administration window (issue 12): the office's settings, ticket lines, services and desks, calendars,
mediators, staff, content and audit log, in tabs.

Everyone logged in may open it; what each tab lets them do follows their role, decided by the core
(:data:`~desk_app.core.auth.PERMISSIONS`): an administrator changes everything, a supervisor the office's texts and
targets, anyone else reads the settings. It holds staff names, so it closes when the session ends (lock, logout,
idle lock).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from desk_app.core.names import role_name
from desk_app.gui.admin.audit_viewer import AuditViewer
from desk_app.gui.admin.calendar_editor import CalendarEditor
from desk_app.gui.admin.content_view import ContentView
from desk_app.gui.admin.directory_review import DirectoryReview
from desk_app.gui.admin.mediator_editor import MediatorEditor
from desk_app.gui.admin.office_editor import OfficeEditor
from desk_app.gui.admin.settings_editor import OfficeSettingsEditor
from desk_app.gui.admin.staff_editor import StaffEditor
from desk_app.gui.admin.ticket_lines_editor import TicketLinesEditor

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import UserDialogs


class AdminWindow(QDialog):
    """The tabs: Office (settings), Ticket lines, Services and desks, Calendars, Mediators, Staff, Content, Audit log.

    ``open_review`` opens the translation review window (the desk window's), linked from the Content tab.

    Attributes:
        settings_editor, ticket_lines_editor, office_editor, calendar_editor, mediator_editor, staff_editor,
        content_view, audit_viewer: the tabs.
    """

    def __init__(self, runtime: Runtime, actor: Actor, dialogs: UserDialogs, parent: QWidget | None = None,
                 open_review: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Administration"))
        self.actor = actor
        office = runtime.office.name if runtime.office is not None else ""
        who = QLabel(self.tr("%1 — you are: %2 (%3)").replace("%1", office).replace("%2", actor.display_name
                                                                                    or actor.username)
                     .replace("%3", role_name(actor.role, runtime.language)))
        self.tabs = QTabWidget()
        self.settings_editor = OfficeSettingsEditor(runtime, actor)
        self.ticket_lines_editor = TicketLinesEditor(runtime, actor)  # the public line printed on every ticket
        self.office_editor = OfficeEditor(runtime, actor, dialogs)
        self.calendar_editor = CalendarEditor(runtime, actor)
        self.mediator_editor = MediatorEditor(runtime, actor)
        self.staff_editor = StaffEditor(runtime, actor)
        self.content_view = ContentView(runtime, actor, open_review)
        self.audit_viewer = AuditViewer(runtime, actor, dialogs)
        self.directory_review = DirectoryReview(runtime, actor)  # issue 15: the services directory's review
        self.tabs.addTab(self.settings_editor, self.tr("&Office"))
        self.tabs.addTab(self.ticket_lines_editor, self.tr("Tic&ket lines"))
        self.tabs.addTab(self.office_editor, self.tr("Services and &desks"))
        self.tabs.addTab(self.calendar_editor, self.tr("&Calendars"))
        self.tabs.addTab(self.mediator_editor, self.tr("&Mediators"))
        self.tabs.addTab(self.staff_editor, self.tr("S&taff"))
        self.tabs.addTab(self.content_view, self.tr("Co&ntent"))
        self.tabs.addTab(self.audit_viewer, self.tr("A&udit log"))
        self.tabs.addTab(self.directory_review, self.tr("Services di&rectory"))
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(self.tabs, 1)
        self.resize(900, 640)

    def load(self) -> None:
        """Read what the tabs show (each on the worker)."""
        self.settings_editor.reload()
        self.ticket_lines_editor.reload()
        self.office_editor.reload()
        self.calendar_editor.reload()
        self.mediator_editor.reload()
        self.staff_editor.reload()
        self.content_view.reload()
        if self.actor.can("verify_audit"):
            self.audit_viewer.search()
        if self.actor.can("manage_directory"):
            self.directory_review.reload()


__all__ = ["AdminWindow"]
