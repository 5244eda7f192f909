"""The desk window: a shell of views over the runtime and the session controller.

Start-up never waits for the database: the window shows the login page at once
while the :class:`~desk_app.gui.runtime.Runtime` connects in the background; the
:class:`~desk_app.gui.session.SessionController` enables the login when the office
is known and announces each session, for which the window shows the clerk
workspace or a mediator's agenda. An empty database opens the first-run wizard
instead. The views follow the runtime's change feed and online state themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desk_app import APP_NAME
from desk_app.gui.labels import role_label
from desk_app.gui.login import LoginPage
from desk_app.gui.operations import Operation
from desk_app.gui.session import SessionController

if TYPE_CHECKING:
    from desk_app.core.office import OfficeView
    from desk_app.errors import DeskError
    from desk_app.gui.agenda import MediatorAgenda
    from desk_app.gui.appointments import AppointmentDayView
    from desk_app.gui.board import DisplayBoard
    from desk_app.gui.booking import BookingDialog
    from desk_app.gui.partner import PartnerPage
    from desk_app.gui.practices import PracticesPage
    from desk_app.gui.printing import PrintableTicket, PrinterSettingsDialog
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession
    from desk_app.gui.supervisor import SupervisorConsole
    from desk_app.gui.walkin import WalkInDialog
    from desk_app.gui.wizard import FirstRunWizard
    from desk_app.gui.workspace import Workspace

log = logging.getLogger(__name__)
_BANNER_STYLE = "background: #b00020; color: white; font-weight: bold; padding: 8px;"


class MainWindow(QMainWindow):
    """The application window of one desk PC.

    Args:
        runtime: the connection, office, change feed and online state.
        seams: dialogs, printer, chime.

    Signals:
        ready(): the office is known and a login can be tried.
        logged_in(): a workspace (or a mediator's agenda) is showing.

    Attributes:
        runtime: as given.
        sessions: login, lock and idle lock.
        workspace: the clerk workspace while a clerk is logged in.
        agenda: the mediator's agenda while a mediator is logged in.
        appointments: the appointments of the day, once opened (closed at lock).
        walk_in: the walk-in dialog, once opened (closed at lock).
        board: the display board, once opened.
        wizard: the first-run wizard, once opened.
        banner: the "database not answering" bar.
    """

    ready = Signal()
    logged_in = Signal()

    def __init__(self, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.settings = runtime.settings
        self.seams = seams
        self.workspace: Workspace | None = None
        self.agenda: MediatorAgenda | None = None
        self.console: SupervisorConsole | None = None  # a supervisor's live console (issue 11)
        self.partner: PartnerPage | None = None  # a partner's own directory entries (issue 15)
        self.questura_inbox: PracticesPage | None = None  # the Questura's shared practices (issue 16)
        self.appointments: AppointmentDayView | None = None
        self.walk_in: WalkInDialog | None = None
        self.board: DisplayBoard | None = None
        self.wizard: FirstRunWizard | None = None
        self.last_ticket: PrintableTicket | None = None

        self.banner = QLabel(self.tr("The database is not answering. Counter actions are disabled; "
                                     "the application reconnects by itself."))
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.login_page = LoginPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.who_label = QLabel()
        self.statusBar().addPermanentWidget(self.who_label)

        self.sessions = SessionController(runtime, self.login_page, seams.dialogs, self)
        self.sessions.started.connect(self._show_session)
        self.sessions.ended.connect(self._session_ended)
        runtime.office_ready.connect(self._office_ready)
        runtime.first_run_needed.connect(self.open_first_run)
        runtime.online_changed.connect(self._show_online)
        runtime.closing.connect(self._close_board)
        self._create_menus()
        self._update_title()
        self.resize(1200, 760)
        self.restore_layout(self)

    # -- menus -----------------------------------------------------------------------------------------------------
    def _create_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        # Reopens the first-run wizard after it was closed without setting anything up (no dead end).
        self.first_run_action = self._action(file_menu, self.tr("&Set up the office…"), None, self.open_first_run)
        from desk_app.gui.training import TrainingMenu  # the training office, or its reset (issue 12)

        self.training = TrainingMenu(self, file_menu)
        self.lock_action = self._action(file_menu, self.tr("&Lock screen"), "Ctrl+L",
                                        lambda: self.sessions.lock(self.tr("Screen locked: log in again.")))
        self.logout_action = self._action(file_menu, self.tr("Log &out"), None,
                                          lambda: self.sessions.lock(self.tr("Logged out.")))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)

        self.counter_menu = menu.addMenu(self.tr("&Counter"))
        tickets = menu.addMenu(self.tr("&Tickets"))
        self.reprint_action = self._action(tickets, self.tr("&Reprint last ticket"), "Ctrl+Shift+P",
                                           self.reprint_last_ticket)
        appointments = menu.addMenu(self.tr("&Appointments"))
        self.appointments_action = self._action(appointments, self.tr("Appointments of the &day"), "Ctrl+D",
                                                self.open_appointments)
        self.booking_action = self._action(appointments, self.tr("&Book an appointment…"), "Ctrl+B",
                                           self.open_booking)
        from desk_app.gui.directory_menu import DirectoryMenu  # the services of the territory (issue 15)

        self.directory = DirectoryMenu(self, menu)
        from desk_app.gui.practices_menu import PracticesMenu  # shared practices with the Questura (issue 16)

        self.practices = PracticesMenu(self, menu)
        from desk_app.gui.awareness_menu import AwarenessMenu  # sessions in the reception centres (issue 16)

        self.awareness = AwarenessMenu(self, menu)
        view = menu.addMenu(self.tr("&View"))
        self.board_action = self._action(view, self.tr("&Display board"), "F12", self.open_board)
        screens = view.addMenu(self.tr("Display board &screen"))
        for index, screen in enumerate(QGuiApplication.screens()):
            action = screens.addAction(f"{index}: {screen.name()}")
            action.setCheckable(True)
            action.setChecked(index == int(self.settings.display_screen))
            action.triggered.connect(lambda _=False, i=index: self._choose_screen(i))
        settings_menu = menu.addMenu(self.tr("&Settings"))
        language = settings_menu.addMenu(self.tr("&Language"))
        for code, name in (("it", "Italiano"), ("en", "English")):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.settings.language)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
        self.desk_choice_action = self._action(settings_menu, self.tr("This PC's &desk…"), None,
                                               self.sessions.choose_desk)
        from desk_app.gui.maintenance import Maintenance  # the retention purge action, the daily jobs (issue 17)

        self.maintenance = Maintenance(self, settings_menu)
        from desk_app.gui.translation_review import TranslationReviewMenu  # reviewers of content (issue 14)

        self.translation_review = TranslationReviewMenu(self, settings_menu)
        self.printer_action = self._action(settings_menu, self.tr("Ticket &printer…"), None,
                                           self.open_printer_settings)
        from desk_app.gui.admin import AdminMenu  # staff, office settings, audit log (issue 12)

        settings_menu.addSeparator()
        self.admin = AdminMenu(self, settings_menu)
        self._update_menus()

    def _action(self, menu: QObject, text: str, key: str | QKeySequence.StandardKey | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _update_menus(self) -> None:
        session = self.sessions.session
        self.lock_action.setEnabled(session is not None)
        self.logout_action.setEnabled(session is not None)
        self.reprint_action.setEnabled(self.last_ticket is not None)
        # A partner's or the Questura's login reaches none of the office's own screens (the board's calls, this
        # PC's desk and ticket printer): they belong to the office's staff.
        outside = session is not None and session.actor.outside
        self.board_action.setEnabled(self.runtime.office is not None and not outside)
        self.desk_choice_action.setEnabled(not outside)
        self.printer_action.setEnabled(not outside)
        self.first_run_action.setEnabled(self.runtime.core is not None and self.runtime.office is None)
        books = self.workspace is not None and session is not None and session.actor.can("book_appointments")
        self.appointments_action.setEnabled(books)
        self.booking_action.setEnabled(books)

    def _update_title(self) -> None:
        session = self.sessions.session
        if session is None:
            self.setWindowTitle(APP_NAME)
            self.who_label.setText(self.tr("Not logged in"))
            return
        actor = session.actor
        name, role = actor.display_name or actor.username, role_label(actor.role)
        # A name that already says the role ("Giulia Ferrari (responsabile)") does not get it twice.
        says_role = name.casefold().endswith(f"({role})".casefold())
        if says_role:
            who = self.tr("%1 at %3") if session.desk_code else "%1"
        else:
            who = self.tr("%1 (%2) at %3") if session.desk_code else self.tr("%1 (%2)")
        who = who.replace("%1", name).replace("%2", role).replace("%3", session.desk_name)
        self.setWindowTitle(f"{APP_NAME} — {who}")
        self.who_label.setText(who)

    # -- start-up --------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Connect in the background (build services, migrate, read the office)."""
        self.runtime.start()

    def _office_ready(self, office: OfficeView) -> None:
        self._update_menus()
        self.ready.emit()

    def _show_online(self, online: bool) -> None:
        self.banner.setVisible(not online)

    # -- first run -------------------------------------------------------------------------------------------------
    def open_first_run(self) -> None:
        """The database has no office: set one up, or load the demo office."""
        from desk_app.core.demo import DEMO_PASSWORD
        from desk_app.gui.wizard import FirstRunWizard

        if self.wizard is None:
            hint = self.tr("The demo office has staff accounts operatore1 … operatore6, responsabile, admin and "
                           "the mediators mediatrice1 and mediatore2, all with the password %1.") \
                .replace("%1", DEMO_PASSWORD)
            self.wizard = FirstRunWizard(hint, self, str(self.settings.language))
            self.wizard.accepted.connect(self._apply_first_run)
        self.login_page.set_ready(False, self.tr("First start: set up the office (File > Set up the office…)."))
        self._update_menus()
        self.wizard.restart()
        self.wizard.open()

    def _apply_first_run(self) -> None:
        from desk_app.core.auth import Actor

        assert self.runtime.core is not None and self.wizard is not None
        core, actor = self.runtime.core, Actor.system("gui:first-run")
        # One use case of the core (desk_app.core.firstrun), the same the command line runs: everything is
        # checked before anything is written, so a refusal leaves the database empty.
        from desk_app.core.firstrun import AdminAccount, load_live_demo, set_up_office

        work: Callable[[], OfficeView]
        if self.wizard.wants_demo():
            def work() -> OfficeView:
                return load_live_demo(core, actor).office  # looks live at any hour, as `desk-admin demo` does
        else:
            setup = self.wizard.office_setup()
            admin = AdminAccount(*self.wizard.admin_account())

            def work() -> OfficeView:
                return set_up_office(core, actor, setup, admin)

        def failed(exc: DeskError) -> None:
            self.seams.dialogs.warn(self, self.tr("Set-up not saved"), exc.message(self.settings.language))
            if self.wizard is not None:
                self.wizard.open()  # with everything typed still there

        self.login_page.set_ready(False, self.tr("Saving the set-up…"))
        Operation(self, work, self.runtime.operations).success(self.runtime.set_office).failure(failed).run()

    # -- sessions --------------------------------------------------------------------------------------------------
    def _show_session(self, session: DeskSession) -> None:
        """A session began: the counter workspace at a desk, or a mediator's own agenda (no queue, no names)."""
        from desk_app.gui.agenda import MediatorAgenda
        from desk_app.gui.workspace import Workspace

        self._close_views()
        page: Workspace | MediatorAgenda | SupervisorConsole | PartnerPage | PracticesPage
        if session.desk_code:
            self.workspace = page = Workspace(session, self.runtime, self.seams)
            self.workspace.walk_in_requested.connect(self.open_walk_in)
            self.counter_menu.addActions(list(self.workspace.counter_actions.values()))
        elif session.actor.role == "supervisor":  # issue 11: the supervisor's live console, at no desk
            from desk_app.gui.supervisor import SupervisorConsole

            self.console = page = SupervisorConsole(session, self.runtime, self.seams)
        elif session.actor.role == "questura":  # issue 16: the Questura's inbox of shared practices, at no desk
            from desk_app.gui.practices import PracticesPage

            self.questura_inbox = page = PracticesPage(session, self.runtime, self.seams)
        elif session.actor.role == "partner":  # issue 15: its organisation's directory entries, at no desk
            from desk_app.gui.partner import PartnerPage

            self.partner = page = PartnerPage(session, self.runtime, self.seams)
        else:
            self.agenda = page = MediatorAgenda(session, self.runtime, self.seams)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.schedule_refresh()
        self._update_title()
        self._update_menus()
        if self.workspace is not None and self.board is not None:
            self._reload_board()
        self.logged_in.emit()

    def _session_ended(self) -> None:
        self._close_views()
        self.stack.setCurrentWidget(self.login_page)
        self._update_title()
        self._update_menus()

    def _close_views(self) -> None:
        """Close what showed the session (the walk-in dialog, the appointments with their names, the page)."""
        if self.walk_in is not None:
            self.walk_in.close()
            self.walk_in.deleteLater()
            self.walk_in = None
        if self.appointments is not None:  # it shows names: never left open behind a lock
            self.save_layout(self.appointments)
            self.appointments.close()
            self.appointments.deleteLater()
            self.appointments = None
        if self.console is not None:
            self.stack.removeWidget(self.console)
            self.console.deleteLater()
            self.console = None
        if self.questura_inbox is not None:
            self.stack.removeWidget(self.questura_inbox)
            self.questura_inbox.deleteLater()
            self.questura_inbox = None
        if self.partner is not None:
            self.stack.removeWidget(self.partner)
            self.partner.deleteLater()
            self.partner = None
        if self.agenda is not None:
            self.stack.removeWidget(self.agenda)
            self.agenda.deleteLater()
            self.agenda = None
        if self.workspace is not None:
            self.counter_menu.clear()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None

    # -- walk-in tickets -------------------------------------------------------------------------------------------
    def open_walk_in(self) -> None:
        """F2: the walk-in ticket dialog (kept open between people)."""
        from desk_app.gui.walkin import WalkInDialog

        session = self.sessions.session
        if session is None:
            return
        if self.walk_in is None:
            self.walk_in = WalkInDialog(session, self.runtime, self.seams, self)
            self.walk_in.ticket_issued.connect(self._ticket_issued)
        self.walk_in.open()

    def _ticket_issued(self) -> None:
        if self.walk_in is not None:
            self.last_ticket = self.walk_in.last_ticket
        self._update_menus()

    def _checked_in(self, done: object) -> None:
        """A check-in printed its ticket: that one is the last ticket to reprint."""
        if self.appointments is not None and self.appointments.last_check_in is not None:
            from desk_app.gui.walkin import office_lines, printable

            session = self.sessions.session
            if session is not None:
                self.last_ticket = printable(session, self.appointments.last_check_in.ticket,
                                             office_lines(self.runtime))
        self._update_menus()

    def open_printer_settings(self) -> PrinterSettingsDialog:
        """Settings > Ticket printer: choose this PC's printer and paper; saved in its settings, used at once."""
        from desk_app.gui.printing import PrinterSettingsDialog, available_printers

        dialog = PrinterSettingsDialog(available_printers(), str(self.settings.ticket_printer),
                                       str(self.settings.ticket_paper), self)

        def save() -> None:
            printer, paper = dialog.chosen()
            self.settings.save(ticket_printer=printer, ticket_paper=paper)
            configure = getattr(self.seams.printer, "configure", None)
            if configure is not None:
                configure(printer, paper)

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def reprint_last_ticket(self) -> None:
        if self.last_ticket is not None:
            self.seams.printer.print_ticket(self, self.last_ticket)

    # -- appointments ----------------------------------------------------------------------------------------------
    def open_appointments(self) -> AppointmentDayView | None:
        """Ctrl+D: the appointments of the day (a window of its own, kept until logout)."""
        from desk_app.gui.appointments import AppointmentDayView, bring_forward

        session = self.sessions.session
        if session is None or self.workspace is None or not session.actor.can("book_appointments"):
            return None
        if self.appointments is None:
            self.appointments = AppointmentDayView(session, self.runtime, self.seams, self)
            # The counter keys (F5, F9, Ctrl+M …) and the window's own (F12, Ctrl+B) stay alive while the
            # appointments window has the focus: an action works in every window it was added to.
            self.appointments.addActions(list(self.workspace.counter_actions.values()))
            self.appointments.addActions([self.board_action, self.booking_action, self.reprint_action])
            self.appointments.checked_in.connect(self._checked_in)
            view = self.appointments
            view.finished.connect(lambda _=0: self.save_layout(view))
            view.show()
            self.restore_layout(view)  # after showing: a dialog sizes itself when first shown
            view.activateWindow()
        else:
            bring_forward(self.appointments)
        self.appointments.schedule_refresh()
        return self.appointments

    def open_booking(self) -> BookingDialog | None:
        """Ctrl+B: the booking dialog, on the day view's service and day."""
        view = self.open_appointments()
        return view.open_booking() if view is not None else None

    # -- display board ---------------------------------------------------------------------------------------------
    def open_board(self) -> DisplayBoard | None:
        """F12: the display board on the configured screen (full screen only if the PC has a second one)."""
        from desk_app.gui.board import DisplayBoard

        office, core = self.runtime.office, self.runtime.core
        session = self.sessions.session
        if office is None or core is None or (session is not None and session.actor.outside):
            return None
        if self.board is None:
            clock, timezone = core.clock, office.timezone

            def local_now() -> datetime:
                from desk_app.clock import local_time

                return local_time(clock.now(), timezone)

            self.board = DisplayBoard(office.name, {d.code: d.name for d in office.desks}, self.seams.chime,
                                      local_now)
            self.runtime.changed.connect(self.board.on_changes)
            self.runtime.online_changed.connect(self.board.set_online)
            self.board.resync_requested.connect(self._reload_board)
            from desk_app.gui.admin.live import BoardTexts  # the office's title and notice, live (issue 12)

            BoardTexts(self.runtime, self.board)
            # Opened from a desk, Esc closes it again (a board PC of its own runs `desk-app --board`).
            QShortcut(QKeySequence(Qt.Key.Key_Escape), self.board).activated.connect(self.board.close)
            self._reload_board()
        # Full screen only on a screen of its own: on a one-monitor desk it would hide the clerk's window.
        self.board.show_on_screen(int(self.settings.display_screen), full_screen=len(QGuiApplication.screens()) > 1)
        return self.board

    def _reload_board(self) -> None:
        """Fill the board's history from the database, as the office's display-board actor (calls only)."""
        from desk_app.core.auth import Actor
        from desk_app.gui.board import read_recent_calls

        core, office = self.runtime.core, self.runtime.office
        if self.board is None or core is None or office is None:
            return
        queue, actor, board = core.queue, Actor.display_board(office.id), self.board
        Operation(board, lambda: read_recent_calls(queue, actor), self.runtime.operations) \
            .success(board.set_calls).failure(lambda exc: log.warning("board reload: %s", exc)).run()

    def _choose_screen(self, index: int) -> None:
        self.settings.save(display_screen=index)
        if self.board is not None and self.board.isVisible():
            self.board.show_on_screen(index)

    def _choose_language(self, code: str) -> None:
        if code == self.settings.language:
            return
        self.settings.save(language=code)
        self.retranslate(code)

    def retranslate(self, code: str) -> None:
        """Apply staff language ``code`` now, without a restart: translators, menus, login page, the session's view.

        The session's page (workspace or agenda) is built again in the new language, as at login (its data is
        re-read); the walk-in and appointments windows close and open in the new language when asked again.
        """
        import dataclasses

        from PySide6.QtCore import QCoreApplication, QTranslator

        from desk_app.gui.i18n import install_translators

        app = QCoreApplication.instance()
        assert app is not None
        for old in app.findChildren(QTranslator):
            app.removeTranslator(old)
            old.deleteLater()
        install_translators(app, code)
        self.menuBar().clear()
        self._create_menus()
        self.login_page.ui.retranslateUi(self.login_page)
        self.banner.setText(self.tr("The database is not answering. Counter actions are disabled; "
                                    "the application reconnects by itself."))
        session = self.sessions.session
        if session is not None:
            self.sessions.session = dataclasses.replace(session, language=code)
            self._show_session(self.sessions.session)
        self._update_title()

    # -- shutdown --------------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """The one way out (:meth:`Runtime.shutdown`): stop, drain, log out, close. Safe to call twice."""
        self.runtime.shutdown()

    def _close_board(self) -> None:
        """At shutdown: the board is a window of its own, so it neither closes nor goes with this one."""
        if self.board is not None:
            self.board.close()
            # Deleted here, on the UI thread: left to Python's garbage collector, its last reference could go
            # on the worker or feed thread, and a widget deleted there takes its timers with it wrongly.
            shiboken6.delete(self.board)
            self.board = None

    # -- window layout remembered per PC -------------------------------------------------------------------------------
    def _layout_store(self) -> QSettings:
        """``window-layout.ini`` beside this PC's settings: sizes and splitters, nothing personal."""
        return QSettings(str(self.settings.paths.config / "window-layout.ini"), QSettings.Format.IniFormat)

    def restore_layout(self, window: QWidget) -> None:
        """Give ``window`` (by object name) the size and splitter positions it had when last closed here."""
        store = self._layout_store()
        name = window.objectName() or type(window).__name__
        geometry = store.value(f"{name}/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        for splitter in window.findChildren(QSplitter):
            state = store.value(f"{name}/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def save_layout(self, window: QWidget) -> None:
        """Remember ``window``'s size and splitters for the next time it opens on this PC."""
        store = self._layout_store()
        name = window.objectName() or type(window).__name__
        store.setValue(f"{name}/geometry", window.saveGeometry())
        for splitter in window.findChildren(QSplitter):
            store.setValue(f"{name}/{splitter.objectName()}", splitter.saveState())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout(self)
        if self.appointments is not None:
            self.save_layout(self.appointments)
        self.shutdown()
        super().closeEvent(event)
