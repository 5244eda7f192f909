"""The desk window's way into the shared practices with the Questura (issue 16): **Practices** menu.

* **Shared practices…** (Ctrl+Shift+Q): the shared-practices window, for clerks and supervisors (the Questura's
  account lands on the same page instead of the counter, see :mod:`desk_app.gui.session`).
* **Coordination meeting list…**: the list of practices waiting over N working days, as PDF or XLSX (the file type
  from the name chosen), for supervisors (``coordinate_practices``).
* **Record meeting decisions…**: the meeting list with one decision per practice, saved as one meeting
  (:mod:`desk_app.gui.practices_meeting`), for supervisors (``coordinate_practices``).
* **Handling times…**: median, p90, monthly trend and the share of time waiting on the other office, over the last
  twelve months, as PDF or XLSX, for whoever exports reports (``export_reports``).

Kept apart from the windows it opens so the desk window builds without the core's modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

from desk_app.core.training import export_mark, export_path
from desk_app.errors import DeskError
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.gui.main_window import MainWindow
    from desk_app.gui.practices import PracticesWindow
    from desk_app.gui.practices_meeting import MeetingDecisionsWindow

#: The key of the shared-practices window.
PRACTICES_KEY = "Ctrl+Shift+Q"  # F9 is the counter's Finish
#: The meeting list's choices of "waiting at least" (working days).
MEETING_DAYS = (5, 10, 15, 20, 30)


class PracticesMenu(QObject):
    """The Practices menu and the window it opens.

    Attributes:
        window: the shared-practices window, once opened (closed at lock and logout: it shows practice numbers).
        last_written: the path of the last document written (tests read it).
    """

    def __init__(self, desk: MainWindow, menu_bar: QMenuBar) -> None:
        super().__init__(desk)
        self.desk = desk
        self.window: PracticesWindow | None = None
        self.decisions_window: MeetingDecisionsWindow | None = None
        self.last_written: Path | None = None
        menu = menu_bar.addMenu(self.tr("&Practices"))
        self.open_action = QAction(self.tr("&Shared practices…"), desk)
        self.open_action.setShortcut(QKeySequence(PRACTICES_KEY))
        self.open_action.triggered.connect(self.open)
        self.meeting_action = QAction(self.tr("Coordination &meeting list…"), desk)
        self.meeting_action.triggered.connect(self.export_meeting_list)
        self.decisions_action = QAction(self.tr("Record meeting &decisions…"), desk)
        self.decisions_action.triggered.connect(self.open_decisions)
        self.times_action = QAction(self.tr("&Handling times…"), desk)
        self.times_action.triggered.connect(self.export_handling_times)
        menu.addActions([self.open_action, self.meeting_action, self.decisions_action, self.times_action])
        desk.sessions.started.connect(lambda *_: self._update())
        desk.sessions.ended.connect(self.close)
        self._update()

    def _update(self) -> None:
        session = self.desk.sessions.session
        actor = session.actor if session is not None else None
        self.open_action.setEnabled(actor is not None and actor.can("share_practices") and actor.role != "questura")
        self.meeting_action.setEnabled(actor is not None and actor.can("coordinate_practices"))
        self.decisions_action.setEnabled(actor is not None and actor.can("coordinate_practices"))
        self.times_action.setEnabled(actor is not None and actor.can("export_reports"))

    def case_id(self) -> int | None:
        """The counter case open at the desk, to send with its practice number (``None`` away from a desk)."""
        workspace = self.desk.workspace
        case = workspace.checklist.case if workspace is not None else None
        return case.id if case is not None and case.status == "open" else None

    def open(self) -> PracticesWindow | None:
        """Ctrl+Shift+Q: the shared-practices window (one per session)."""
        from desk_app.gui.appointments import bring_forward
        from desk_app.gui.practices import PracticesWindow

        session = self.desk.sessions.session
        if session is None or not session.actor.can("share_practices") or session.actor.role == "questura":
            return None
        if self.window is not None and self.window.session is not session:
            self.close()
        if self.window is None:
            self.window = PracticesWindow(session, self.desk.runtime, self.desk.seams, self.case_id, self.desk)
            self.window.page.schedule_refresh()
            self.window.show()
        else:
            bring_forward(self.window)
        return self.window

    def open_decisions(self) -> MeetingDecisionsWindow | None:
        """The meeting's decisions window (one per session), its list read at once."""
        from desk_app.gui.appointments import bring_forward
        from desk_app.gui.practices_meeting import MeetingDecisionsWindow

        session = self.desk.sessions.session
        if session is None or not session.actor.can("coordinate_practices"):
            return None
        if self.decisions_window is not None and self.decisions_window.session is not session:
            self.close()
        if self.decisions_window is None:
            self.decisions_window = MeetingDecisionsWindow(session, self.desk.runtime, self.desk)
            self.decisions_window.load()
            self.decisions_window.show()
        else:
            bring_forward(self.decisions_window)
        return self.decisions_window

    def close(self) -> None:
        """Lock and logout: the windows show practice numbers, they never stay open behind a lock."""
        self._update()
        for window in (self.window, self.decisions_window):
            if window is not None:
                window.close()
                window.deleteLater()
        self.window = self.decisions_window = None

    # -- documents -----------------------------------------------------------------------------------------------
    def _target(self, title: str, suggested: str) -> tuple[Path, str] | None:
        path = self.desk.seams.dialogs.save_file(self.desk, title, suggested,
                                                 self.tr("PDF or Excel files (*.pdf *.xlsx)"))
        if path is None:
            return None
        fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "pdf"
        return (path if path.suffix.lower() in (".pdf", ".xlsx") else path.with_name(path.name + ".pdf")), fmt

    def _write(self, work: Any, title: str) -> None:
        language = self.desk.settings.language

        def done(path: Path) -> None:
            self.last_written = path
            self.desk.statusBar().showMessage(self.tr("Written: %1").replace("%1", str(path)), 8000)

        def failed(exc: DeskError) -> None:
            self.desk.seams.dialogs.warn(self.desk, title, exc.message(language))

        Operation(self.desk, work, self.desk.runtime.operations).success(done).failure(failed).run()

    def export_meeting_list(self) -> None:
        """Ask how many working days and where; write the meeting list there."""
        session = self.desk.sessions.session
        if session is None or not session.actor.can("coordinate_practices"):
            return
        title = self.tr("Coordination meeting list")
        choice = self.desk.seams.dialogs.choose(self.desk, title, self.tr("Practices waiting at least:"),
                                                [self.tr("%n working day(s)", "", n) for n in MEETING_DAYS])
        if choice is None:
            return
        training = session.core.training  # a training office's export is marked (desk_app.core.training)
        target = self._target(title, export_path("riunione-coordinamento.pdf", training).name)
        if target is None:
            return
        path, fmt = target
        practices, actor, days = session.core.practices, session.actor, MEETING_DAYS[choice]
        path, mark = export_path(path, training), export_mark(training)

        def work() -> Path:
            from desk_app.core.validation import output_file, write_atomically
            from desk_app.documents.practices import write_meeting

            result = practices.meeting_list(actor, days)
            return write_atomically(output_file(path),
                                    lambda temporary: write_meeting(result, temporary, fmt, mark=mark))

        self._write(work, title)

    def export_handling_times(self) -> None:
        """The handling times of the last twelve months, where the supervisor chooses."""
        session = self.desk.sessions.session
        if session is None or not session.actor.can("export_reports"):
            return
        title = self.tr("Handling times of shared practices")
        training = session.core.training
        target = self._target(title, export_path("tempi-pratiche-condivise.xlsx", training).name)
        if target is None:
            return
        path, fmt = target
        path, mark = export_path(path, training), export_mark(training)
        practices, actor, clock = session.core.practices, session.actor, session.core.clock
        timezone = session.office.timezone

        def work() -> Path:
            from datetime import timedelta

            from desk_app.clock import local_day
            from desk_app.core.validation import output_file, write_atomically
            from desk_app.documents.practices import write_handling

            today = local_day(clock.now(), timezone)
            result = practices.handling_times(actor, today - timedelta(days=365), today)
            return write_atomically(output_file(path),
                                    lambda temporary: write_handling(result, temporary, fmt, mark=mark))

        self._write(work, title)
