"""Who works where: the session of a logged-in person, and the one object that starts and ends it.

:class:`DeskSession` is what a logged-in window needs, built at login and dropped at logout.
:class:`SessionController` owns login, the choice of this PC's desk, locking (on demand, at
logout and after the idle minutes) and the logout when the app closes; the window only
shows the views it announces.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desk_app.errors import DeskError
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.office import OfficeView
    from desk_app.core.services import CoreServices
    from desk_app.gui.login import LoginPage
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import UserDialogs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeskSession:
    """A staff member logged in at a desk.

    Attributes:
        core: the core services (used only from the background worker).
        actor: the logged-in staff member.
        office: the office set-up (services, desks), read at start.
        desk_code: this PC's desk; empty for a mediator or a supervisor, who work at no desk.
        language: staff-interface language (``it``/``en``), for the core's messages.
    """

    core: CoreServices
    actor: Actor
    office: OfficeView
    desk_code: str
    language: str

    @property
    def desk_name(self) -> str:
        return next((d.name for d in self.office.desks if d.code == self.desk_code), self.desk_code)

    @property
    def desk_services(self) -> tuple[str, ...]:
        """Codes of the services this desk calls."""
        return next((d.service_codes for d in self.office.desks if d.code == self.desk_code), ())


class IdleWatcher(QObject):
    """Emits :attr:`idle` after ``minutes`` without keyboard or mouse input anywhere in the application.

    Signals:
        idle(): the time ran out (the watcher then stops until :meth:`start`).

    Attributes:
        timer: the countdown (single shot).
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


class SessionController(QObject):
    """Login, this PC's desk, lock and idle lock, and the logout at exit, for one desk window.

    It also keeps the login page honest about the start-up: a login can be tried once the
    office is known; until then the page says what the runtime is doing or what went wrong.

    Args:
        runtime: the app's runtime (core services, office, operations).
        login_page: the page it drives (owned by the window).
        dialogs: asks for this PC's desk.
        window: the window the questions are asked over; the Qt parent.

    Signals:
        started(object): a :class:`DeskSession` begins, after a login or again when this PC's desk changed.
            Its ``desk_code`` is empty for a mediator, who gets their agenda instead of the counter.
        ended(): the session ended (lock, logout, idle); the login page says why.

    Attributes:
        session: the current session, or ``None``.
        idle_watcher: locks the screen after the ``idle_lock_minutes`` setting.
    """

    started = Signal(object)
    ended = Signal()

    def __init__(self, runtime: Runtime, login_page: LoginPage, dialogs: UserDialogs, window: QWidget) -> None:
        super().__init__(window)
        self.runtime = runtime
        self.login_page = login_page
        self.dialogs = dialogs
        self._window = window
        self.session: DeskSession | None = None
        self.idle_watcher = IdleWatcher(int(runtime.settings.idle_lock_minutes), self)
        self.idle_watcher.idle.connect(lambda: self.lock(self.tr("Screen locked after inactivity: log in again.")))
        login_page.login_requested.connect(self.log_in)
        runtime.connecting.connect(lambda: login_page.set_ready(False, self.tr("Connecting to the database…")))
        runtime.boot_failed.connect(lambda exc: login_page.set_ready(False, exc.message(runtime.language)))
        runtime.office_ready.connect(self._office_ready)
        runtime.closing.connect(self._log_out_now)

    def _office_ready(self, office: OfficeView) -> None:
        self.login_page.set_ready(True, office.name)
        desk = self.runtime.settings.desk_code
        self.login_page.set_desk_text(self.tr("This PC: desk %1").replace("%1", desk) if desk else "")

    # -- login -----------------------------------------------------------------------------------------------------
    def log_in(self, username: str, password: str) -> None:
        """Check the credentials in the background (the login page stays busy meanwhile)."""
        core = self.runtime.core
        if core is None:
            return
        staff, language = core.staff, self.runtime.language
        Operation(self, lambda: staff.login(username, password), self.runtime.operations) \
            .success(self._logged_in) \
            .failure(lambda exc: self.login_page.finish_attempt(exc.message(language))) \
            .busy(self.login_page.set_busy).run()

    def _logged_in(self, actor: Actor) -> None:
        core, office = self.runtime.core, self.runtime.office
        assert core is not None and office is not None
        if actor.can("own_bookings") and not actor.can("view_queue"):
            # A mediator works at no desk: their own agenda instead of the counter.
            self._start(DeskSession(core, actor, office, "", self.runtime.language))
            return
        if actor.role == "supervisor":
            # A supervisor oversees the office (issue 11): the live console, no desk to choose.
            self._start(DeskSession(core, actor, office, "", self.runtime.language))
            return
        if actor.role == "questura":
            # The Questura's Immigration Office (issue 16): its inbox of shared practices, at no desk.
            self._start(DeskSession(core, actor, office, "", self.runtime.language))
            return
        if actor.role == "partner":
            # A partner of the services directory (issue 15) edits its organisation's entries, at no desk.
            self._start(DeskSession(core, actor, office, "", self.runtime.language))
            return
        if not actor.can("view_queue"):
            staff = core.staff
            Operation(self._window, lambda: staff.logout(actor), self.runtime.operations).run()
            self.login_page.finish_attempt(self.tr("This account has no access to the counter workspace."))
            return
        desk = self._desk_for_this_pc()
        if desk is None:
            self.login_page.finish_attempt(self.tr("Choose this PC's desk to work at the counter."))
            return
        self._start(DeskSession(core, actor, office, desk, self.runtime.language))

    def _start(self, session: DeskSession) -> None:
        self.login_page.finish_attempt()
        self.login_page.reset()
        self.session = session
        self.idle_watcher.start()
        self.started.emit(session)

    def _desk_for_this_pc(self) -> str | None:
        """The desk setting if it names an active desk of the office; else ask (and save the answer)."""
        office = self.runtime.office
        assert office is not None
        codes = [d.code for d in office.desks if d.active]
        if self.runtime.settings.desk_code in codes:
            return str(self.runtime.settings.desk_code)
        return self.choose_desk()

    def choose_desk(self) -> str | None:
        """Ask which desk this PC stands at; save it as the ``desk_code`` setting (a session moves there)."""
        office = self.runtime.office
        if office is None:
            return None
        desks = [d for d in office.desks if d.active]
        choice = self.dialogs.choose(self._window, self.tr("This PC's desk"), self.tr("Desk:"),
                                     [f"{d.code} · {d.name}" for d in desks])
        if choice is None:
            return None
        code = desks[choice].code
        self.runtime.settings.save(desk_code=code)
        session = self.session
        # Only a counter session moves to the new desk: a mediator works at no desk (their own agenda).
        if session is not None and session.desk_code and session.actor.can("view_queue") \
                and session.desk_code != code:
            self.session = DeskSession(session.core, session.actor, session.office, code, session.language)
            self.started.emit(self.session)
        return code

    # -- lock, logout ----------------------------------------------------------------------------------------------
    def lock(self, message: str) -> None:
        """Hide everything personal: back to the login page with ``message``; the next person logs in again."""
        session = self.session
        if session is None:
            return
        self.idle_watcher.stop()
        staff, actor = session.core.staff, session.actor
        Operation(self._window, lambda: staff.logout(actor), self.runtime.operations).run()
        self.session = None
        self.ended.emit()
        self.login_page.reset(message)

    def _log_out_now(self) -> None:
        """At shutdown (:attr:`Runtime.closing`): the worker is drained, so the logout is written directly."""
        self.idle_watcher.stop()
        session, self.session = self.session, None
        if session is None or not self.runtime.drained:  # a job still holds the database: don't wait on it
            return
        try:
            session.core.staff.logout(session.actor)
        except DeskError as exc:  # the database may be gone at shutdown; the audit gap is logged
            log.warning("logout at shutdown not recorded: %s", exc)
