"""The desk window: login, the clerk workspace, the walk-in dialog, the display board, the database banner.

Start-up never waits for the database: the window shows the login page at once
while the ``connect`` callable (build the core services, migrate the schema)
runs on the background worker; the login button enables when the office is
known. An empty database opens the first-run wizard instead. If the database
does not answer at start, the window says so and tries again by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from desk_app import APP_NAME
from desk_app.errors import DeskError, NotFoundError
from desk_app.gui.labels import ROLE_LABELS, staff_label
from desk_app.gui.login import LoginPage
from desk_app.gui.session import DeskSession
from desk_app.gui.worker import DbWorker, is_connection_error

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.office import OfficeView
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings
    from desk_app.db.feed import Change
    from desk_app.gui.agenda import MediatorAgenda
    from desk_app.gui.appointments import AppointmentDayView
    from desk_app.gui.board import DisplayBoard
    from desk_app.gui.booking import BookingDialog
    from desk_app.gui.feed import LiveFeed
    from desk_app.gui.printing import PrintableTicket
    from desk_app.gui.seams import Seams
    from desk_app.gui.walkin import WalkInDialog
    from desk_app.gui.wizard import FirstRunWizard
    from desk_app.gui.workspace import Workspace

log = logging.getLogger(__name__)
#: Wait before trying again to reach a database that did not answer at start, ms.
BOOT_RETRY_MS = 3000
_BANNER_STYLE = "background: #b00020; color: white; font-weight: bold; padding: 8px;"


@dataclass(frozen=True)
class Boot:
    """What the background start-up produced: the services, and the office (``None``: empty database)."""

    core: CoreServices
    office: OfficeView | None


class IdleWatcher(QObject):
    """Emits :attr:`idle` after ``minutes`` without keyboard or mouse input anywhere in the application.

    Signals:
        idle(): the time ran out (the watcher then stops until :meth:`start`).
    """

    idle = Signal()
    _ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                           QEvent.Type.Wheel, QEvent.Type.TouchBegin})

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(self.idle.emit)

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart the countdown
        return False


class MainWindow(QMainWindow):
    """The application window of one desk PC.

    Args:
        settings: resolved settings (language, desk, idle lock, display screen ...).
        worker: the background database helper.
        seams: dialogs, printer, chime.
        connect: builds the core services and brings the schema up to date; runs on the worker.

    Signals:
        ready(): the office is known and a login can be tried.
        logged_in(): a workspace is showing.

    Attributes:
        session: the logged-in clerk and desk, or ``None``.
        workspace: the clerk workspace while someone is logged in.
        board: the display board, once opened.
        walk_in: the walk-in dialog, once opened.
        banner: the "database not answering" bar.
        idle_watcher: locks the screen after the configured idle minutes.
    """

    ready = Signal()
    logged_in = Signal()

    def __init__(self, settings: Settings, worker: DbWorker, seams: Seams,
                 connect: Callable[[], CoreServices], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.worker = worker
        self.seams = seams
        self._connect = connect
        self.core: CoreServices | None = None
        self.office: OfficeView | None = None
        self.feed: LiveFeed | None = None
        self.session: DeskSession | None = None
        self.workspace: Workspace | None = None
        self.board: DisplayBoard | None = None
        self.walk_in: WalkInDialog | None = None
        self.appointments: AppointmentDayView | None = None
        self.agenda: MediatorAgenda | None = None
        self.wizard: FirstRunWizard | None = None
        self.last_ticket: PrintableTicket | None = None

        self.banner = QLabel(self.tr("The database is not answering. Counter actions are disabled; "
                                     "the application reconnects by itself."))
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.login_page = LoginPage()
        self.login_page.login_requested.connect(self._log_in)
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

        self.idle_watcher = IdleWatcher(int(settings.idle_lock_minutes), self)
        self.idle_watcher.idle.connect(lambda: self.lock(self.tr("Screen locked after inactivity: log in again.")))
        worker.connection_changed.connect(self._connection_changed)
        worker.error.connect(self._show_error)
        worker.crashed.connect(self._show_crash)
        self._create_menus()
        self._update_title()
        self.resize(1200, 760)

    # -- menus ---------------------------------------------------------------------------------------------------
    def _create_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        # Reopens the first-run wizard after it was closed without setting anything up (no dead end).
        self.first_run_action = self._action(file_menu, self.tr("&Set up the office…"), None, self.open_first_run)
        self.lock_action = self._action(file_menu, self.tr("&Lock screen"), "Ctrl+L",
                                        lambda: self.lock(self.tr("Screen locked: log in again.")))
        self.logout_action = self._action(file_menu, self.tr("Log &out"), None,
                                          lambda: self.lock(self.tr("Logged out.")))
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
        self._action(settings_menu, self.tr("This PC's &desk…"), None, self.choose_desk)
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
        logged_in = self.session is not None
        self.lock_action.setEnabled(logged_in)
        self.logout_action.setEnabled(logged_in)
        self.reprint_action.setEnabled(self.last_ticket is not None)
        self.board_action.setEnabled(self.office is not None)
        self.first_run_action.setEnabled(self.core is not None and self.office is None)
        books = self.workspace is not None and self.session is not None \
            and self.session.actor.can("book_appointments")
        self.appointments_action.setEnabled(books)
        self.booking_action.setEnabled(books)

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_NAME)
            self.who_label.setText(self.tr("Not logged in"))
            return
        actor = self.session.actor
        who = (self.tr("%1 (%2) at %3") if self.session.desk_code else self.tr("%1 (%2)")) \
            .replace("%1", actor.display_name or actor.username) \
            .replace("%2", staff_label(ROLE_LABELS, actor.role)).replace("%3", self.session.desk_name)
        self.setWindowTitle(f"{APP_NAME} — {who}")
        self.who_label.setText(who)

    # -- start-up ------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Connect in the background (build services, migrate, read the office)."""
        self.login_page.set_ready(False, self.tr("Connecting to the database…"))

        def boot() -> Boot:
            core = self._connect()
            try:
                office = core.offices.view(core.settings.office_code or None)
            except NotFoundError as exc:
                if exc.code != "no_office":
                    raise
                office = None
            return Boot(core, office)

        self.worker.submit(boot, self._booted, self._boot_failed)

    def _booted(self, boot: Boot) -> None:
        self.core = boot.core
        self.worker.set_ping(boot.core.db.ping)
        if boot.office is None:
            self.open_first_run()
        else:
            self._office_ready(boot.office)

    def _boot_failed(self, exc: DeskError) -> None:
        self.login_page.set_ready(False, exc.message(self.settings.language))
        if is_connection_error(exc):
            QTimer.singleShot(BOOT_RETRY_MS, self.start)

    def _office_ready(self, office: OfficeView) -> None:
        from desk_app.gui.feed import LiveFeed

        assert self.core is not None
        self.office = office
        if self.feed is None:
            self.feed = LiveFeed(self.core.db, office.id, parent=self, clock=self.core.clock)
            self.feed.changed.connect(self._on_changes)
            self.feed.connection_changed.connect(self._feed_status)
            self.feed.start(self.worker)
        self.login_page.set_ready(True, office.name)
        desk = self.settings.desk_code
        self.login_page.set_desk_text(self.tr("This PC: desk %1").replace("%1", desk) if desk else "")
        self._update_menus()
        self.ready.emit()

    def _feed_status(self, ok: bool) -> None:
        if ok:
            self.worker.check_connection()
        else:
            self.worker.mark_offline()

    # -- first run -----------------------------------------------------------------------------------------------
    def open_first_run(self) -> None:
        """The database has no office: set one up, or load the demo office."""
        from desk_app.core.demo import DEMO_PASSWORD
        from desk_app.gui.wizard import FirstRunWizard

        if self.wizard is None:
            hint = self.tr("The demo office has staff accounts operatore1 … operatore6, responsabile, admin and "
                           "the mediators mediatrice1 and mediatore2, all with the password %1.") \
                .replace("%1", DEMO_PASSWORD)
            self.wizard = FirstRunWizard(hint, self)
            self.wizard.accepted.connect(self._apply_first_run)
        self.login_page.set_ready(False, self.tr("First start: set up the office (File > Set up the office…)."))
        self._update_menus()
        self.wizard.restart()
        self.wizard.open()

    def _apply_first_run(self) -> None:
        from desk_app.core.auth import Actor

        assert self.core is not None and self.wizard is not None
        core, actor = self.core, Actor.system("gui:first-run")
        if self.wizard.wants_demo():
            def work() -> OfficeView:
                from desk_app.clock import local_day
                from desk_app.core.demo import create_demo_office, simulate_day

                create_demo_office(core, actor)
                core.content.load(actor)  # the procedure catalogue, for the checklist at the counter
                now = core.clock.now()
                simulate_day(core, local_day(now), stop_at=now)  # today's morning so far, queues left as they are
                return core.offices.view(core.settings.office_code or None)
        else:
            setup = self.wizard.office_setup()
            username, name, password = self.wizard.admin_account()

            def work() -> OfficeView:
                from desk_app.core.auth import check_password_strength
                from desk_app.core.validation import clean_username

                # Check the account before the office is written, so a refusal leaves the database empty.
                clean_username(username)
                check_password_strength(password)
                office = core.offices.apply(actor, setup)
                core.staff.add_staff(actor, username, name, "admin", password, office.code)
                core.content.load(actor, office_code=office.code)  # the procedure catalogue
                return office

        def failed(exc: DeskError) -> None:
            self.seams.dialogs.warn(self, self.tr("Set-up not saved"), exc.message(self.settings.language))
            if self.wizard is not None:
                self.wizard.open()  # with everything typed still there

        self.login_page.set_ready(False, self.tr("Saving the set-up…"))
        self.worker.submit(work, self._office_ready, failed)

    # -- login, lock ---------------------------------------------------------------------------------------------
    def _log_in(self, username: str, password: str) -> None:
        assert self.core is not None
        staff = self.core.staff
        self.worker.submit(lambda: staff.login(username, password), self._logged_in,
                           lambda exc: self.login_page.finish_attempt(exc.message(self.settings.language)))

    def _logged_in(self, actor: Actor) -> None:
        assert self.core is not None and self.office is not None
        if actor.can("own_bookings") and not actor.can("view_queue"):
            # A mediator works at no desk: their own agenda instead of the counter.
            self.login_page.finish_attempt()
            self.login_page.reset()
            self.session = DeskSession(self.core, actor, self.office, "", self.settings.language)
            self._open_agenda()
            return
        if not actor.can("view_queue"):
            staff = self.core.staff
            self.worker.submit(lambda: staff.logout(actor))
            self.login_page.finish_attempt(self.tr("This account has no access to the counter workspace."))
            return
        desk = self._desk_for_this_pc()
        if desk is None:
            self.login_page.finish_attempt(self.tr("Choose this PC's desk to work at the counter."))
            return
        self.login_page.finish_attempt()
        self.login_page.reset()
        self.session = DeskSession(self.core, actor, self.office, desk, self.settings.language)
        self._open_workspace()

    def _desk_for_this_pc(self) -> str | None:
        """The desk setting if it names an active desk of the office; else ask (and save the answer)."""
        assert self.office is not None
        codes = [d.code for d in self.office.desks if d.active]
        if self.settings.desk_code in codes:
            return str(self.settings.desk_code)
        return self.choose_desk()

    def choose_desk(self) -> str | None:
        """Ask which desk this PC stands at; save it as the ``desk_code`` setting."""
        if self.office is None:
            return None
        desks = [d for d in self.office.desks if d.active]
        choice = self.seams.dialogs.choose(self, self.tr("This PC's desk"), self.tr("Desk:"),
                                           [f"{d.code} · {d.name}" for d in desks])
        if choice is None:
            return None
        code = desks[choice].code
        self.settings.save(desk_code=code)
        if self.session is not None and self.session.desk_code != code:
            self.session = DeskSession(self.session.core, self.session.actor, self.session.office, code,
                                       self.session.language)
            self._open_workspace()
        return code

    def _open_workspace(self) -> None:
        from desk_app.gui.workspace import Workspace

        assert self.session is not None
        self._close_workspace()
        workspace = Workspace(self.session, self.worker, self.seams)
        workspace.walk_in_requested.connect(self.open_walk_in)
        self.counter_menu.addActions(list(workspace.counter_actions.values()))
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        self.workspace = workspace
        workspace.schedule_refresh()
        self._update_title()
        self._update_menus()
        self.idle_watcher.start()
        if self.board is not None:
            self._reload_board()
        self.logged_in.emit()

    def _open_agenda(self) -> None:
        """A mediator's page: their own bookings only (no queue, no names, no cases)."""
        from desk_app.gui.agenda import MediatorAgenda

        assert self.session is not None
        self._close_workspace()
        self.agenda = MediatorAgenda(self.session, self.worker, self.seams)
        self.stack.addWidget(self.agenda)
        self.stack.setCurrentWidget(self.agenda)
        self.agenda.schedule_refresh()
        self._update_title()
        self._update_menus()
        self.idle_watcher.start()
        self.logged_in.emit()

    def _close_workspace(self) -> None:
        if self.walk_in is not None:
            self.walk_in.close()
            self.walk_in.deleteLater()
            self.walk_in = None
        if self.appointments is not None:  # it shows names: never left open behind a lock
            self.appointments.close()
            self.appointments.deleteLater()
            self.appointments = None
        if self.agenda is not None:
            self.stack.removeWidget(self.agenda)
            self.agenda.deleteLater()
            self.agenda = None
        if self.workspace is not None:
            self.counter_menu.clear()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None

    def lock(self, message: str) -> None:
        """Hide everything personal: back to the login page; the next person logs in again."""
        if self.session is None:
            return
        self.idle_watcher.stop()
        assert self.core is not None
        staff, actor = self.core.staff, self.session.actor
        self.worker.submit(lambda: staff.logout(actor))
        self.session = None
        self._close_workspace()
        self.stack.setCurrentWidget(self.login_page)
        self.login_page.reset(message)
        self._update_title()
        self._update_menus()

    # -- walk-in tickets -----------------------------------------------------------------------------------------
    def open_walk_in(self) -> None:
        """F2: the walk-in ticket dialog (kept open between people)."""
        from desk_app.gui.walkin import WalkInDialog

        if self.session is None:
            return
        if self.walk_in is None:
            self.walk_in = WalkInDialog(self.session, self.worker, self.seams, self)
            self.walk_in.ticket_issued.connect(self._ticket_issued)
        self.walk_in.set_online(self.worker.online)
        self.walk_in.open()

    # -- appointments --------------------------------------------------------------------------------------------
    def open_appointments(self) -> AppointmentDayView | None:
        """Ctrl+D: the appointments of the day (a window of its own, kept until logout)."""
        from desk_app.gui.appointments import AppointmentDayView, bring_forward

        if self.session is None or self.workspace is None or not self.session.actor.can("book_appointments"):
            return None
        if self.appointments is None:
            self.appointments = AppointmentDayView(self.session, self.worker, self.seams, self)
        self.appointments.set_online(self.worker.online)
        bring_forward(self.appointments)
        self.appointments.schedule_refresh()
        return self.appointments

    def open_booking(self) -> BookingDialog | None:
        """Ctrl+B: the booking dialog, on the day view's service and day."""
        view = self.open_appointments()
        return view.open_booking() if view is not None else None

    def _ticket_issued(self) -> None:
        if self.walk_in is not None:
            self.last_ticket = self.walk_in.last_ticket
        self._update_menus()

    def reprint_last_ticket(self) -> None:
        if self.last_ticket is not None:
            self.seams.printer.print_ticket(self, self.last_ticket)

    # -- display board -------------------------------------------------------------------------------------------
    def open_board(self) -> DisplayBoard | None:
        """F12: the display board on the configured screen, full screen."""
        from desk_app.gui.board import DisplayBoard

        if self.office is None or self.core is None:
            return None
        if self.board is None:
            clock, timezone = self.core.clock, self.office.timezone

            def local_now() -> datetime:
                from desk_app.clock import local_time

                return local_time(clock.now(), timezone)

            self.board = DisplayBoard(self.office.name, {d.code: d.name for d in self.office.desks},
                                      self.seams.chime, local_now)
            self.board.resync_requested.connect(self._reload_board)
            self._reload_board()
        self.board.show_on_screen(int(self.settings.display_screen))
        return self.board

    def _reload_board(self) -> None:
        """Fill the board's history from the database (needs someone logged in: tickets are office data)."""
        from desk_app.gui.board import read_recent_calls

        if self.board is None or self.session is None:
            return
        queue, actor, board = self.session.core.queue, self.session.actor, self.board
        self.worker.submit(lambda: read_recent_calls(queue, actor), board.set_calls,
                           lambda exc: log.warning("board reload: %s", exc))

    def _choose_screen(self, index: int) -> None:
        self.settings.save(display_screen=index)
        if self.board is not None and self.board.isVisible():
            self.board.show_on_screen(index)

    def _choose_language(self, code: str) -> None:
        if code == self.settings.language:
            return
        self.settings.save(language=code)
        self.seams.dialogs.inform(self, self.tr("Language"),
                                  self.tr("The new language applies at the next start of the application."))

    # -- live updates --------------------------------------------------------------------------------------------
    def _on_changes(self, changes: list[Change]) -> None:
        if self.workspace is not None:
            self.workspace.on_changes(changes)
        if self.appointments is not None:
            self.appointments.on_changes(changes)
        if self.agenda is not None:
            self.agenda.on_changes(changes)
        if self.board is not None:
            self.board.on_changes(changes)

    def _connection_changed(self, online: bool) -> None:
        self.banner.setVisible(not online)
        if self.workspace is not None:
            self.workspace.set_online(online)
        if self.walk_in is not None:
            self.walk_in.set_online(online)
        if self.appointments is not None:
            self.appointments.set_online(online)
        if self.agenda is not None:
            self.agenda.set_online(online)

    def _show_error(self, exc: DeskError) -> None:
        self.seams.dialogs.warn(self, APP_NAME, exc.message(self.settings.language))

    def _show_crash(self, trace: str) -> None:
        last = trace.strip().splitlines()[-1] if trace.strip() else ""
        self.seams.dialogs.warn(self, self.tr("Unexpected error"),
                                self.tr("Something went wrong; the details are in the log file.") + f"\n\n{last}")

    # -- shutdown ------------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop listening, finish the running job, close the database. Safe to call twice."""
        self.idle_watcher.stop()
        if self.board is not None:
            self.board.close()
        # The worker first: the feed is started by a worker job, and stopping it while that job runs
        # (a window closed right after start-up) would race with its start.
        self.worker.shutdown()
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        if self.session is not None and self.core is not None:
            try:
                self.core.staff.logout(self.session.actor)
            except DeskError as exc:  # the database may be gone at shutdown; the audit gap is logged
                log.warning("logout at shutdown not recorded: %s", exc)
            self.session = None
        if self.core is not None:
            self.core.close()
            self.core = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
