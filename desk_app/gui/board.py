"""The waiting-room display board: a full-screen window on a second screen.

Large, high-contrast text readable from six metres: the newest called ticket and
its desk on top, the six calls before it below, a chime on every call and
recall. It follows the change feed (no database read per call); after a
reconnection it asks for a reload through :attr:`DisplayBoard.resync_requested`.

The headings are public text, always Italian and English whatever the staff
language, so they are constants here rather than staff-UI translations.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desk_app.gui.fonts import BASE_FAMILY

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.office import OfficeView
    from desk_app.core.queue import QueueService, TicketView
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings
    from desk_app.db.feed import Change
    from desk_app.errors import DeskError
    from desk_app.gui.feed import LiveFeed
    from desk_app.gui.seams import Chime
    from desk_app.gui.worker import DbWorker

log = logging.getLogger(__name__)

HISTORY = 6
HISTORY_COLUMNS = 2
_HEAD_NUMBER = "Numero · Number"
_HEAD_DESK = "Sportello · Desk"
_HEAD_HISTORY = "Chiamate precedenti · Previous calls"
_STYLE = """
DisplayBoard { background: #000000; }
QLabel { color: #ffffff; }
QLabel#number { color: #ffd400; }
QLabel#desk { color: #ffffff; }
QLabel#heading, QLabel#office, QLabel#clock { color: #b0b0b0; }
QLabel#historyItem { color: #e0e0e0; }
QWidget#current { border-bottom: 4px solid #ffd400; }
"""


@dataclass(frozen=True)
class Call:
    """A ticket called to a desk, as the board shows it."""

    number: str
    desk_code: str


def recent_calls(tickets: Iterable[TicketView], limit: int = HISTORY + 1) -> list[Call]:
    """The ``limit`` most recent calls among ``tickets`` (any status that has been called to a desk), newest first."""
    called = [t for t in tickets if t.called_at is not None and t.desk_code]
    called.sort(key=lambda t: t.called_at, reverse=True)  # type: ignore[arg-type, return-value]
    return [Call(t.number, t.desk_code or "") for t in called[:limit]]


def read_recent_calls(queue: QueueService, actor: Actor) -> list[Call]:
    """Today's most recent calls, from the database (runs on the worker thread)."""
    return recent_calls(queue.tickets(actor, statuses=("called", "serving", "done", "no_show", "parked")))


class DisplayBoard(QWidget):
    """The board window.

    Args:
        office_name: shown small on top.
        desk_names: desk code -> name shown ("Sportello 2").
        chime: played on every call and recall.
        now: local time for the clock in the corner.

    Signals:
        resync_requested(): changes may have been missed; the owner reloads with :meth:`set_calls`.

    Attributes:
        calls: what the board shows, newest first (at most ``HISTORY + 1``).
    """

    resync_requested = Signal()

    def __init__(self, office_name: str, desk_names: Mapping[str, str], chime: Chime,
                 now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("DisplayBoard")
        self.setWindowTitle(f"{office_name} — {_HEAD_NUMBER}")
        self.setStyleSheet(_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.desk_names = dict(desk_names)
        self.chime = chime
        self._now = now
        self.calls: list[Call] = []

        self.office = self._label(office_name, "office")
        self.clock = self._label("", "clock", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.clock.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # always room for it
        top = QHBoxLayout()
        top.addWidget(self.office, 1)
        top.addWidget(self.clock)

        current = QWidget(self)
        current.setObjectName("current")
        grid = QGridLayout(current)
        grid.addWidget(self._label(_HEAD_NUMBER, "heading"), 0, 0)
        grid.addWidget(self._label(_HEAD_DESK, "heading"), 0, 1)
        self.number = self._label("—", "number")
        self.desk = self._label("", "desk")
        grid.addWidget(self.number, 1, 0)
        grid.addWidget(self.desk, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.history_items = [self._label("", "historyItem") for _ in range(HISTORY)]
        history = QGridLayout()
        history.setHorizontalSpacing(48)
        for i, item in enumerate(self.history_items):
            history.addWidget(item, i // HISTORY_COLUMNS, i % HISTORY_COLUMNS)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(current, 3)
        layout.addWidget(self._label(_HEAD_HISTORY, "heading"))
        layout.addLayout(history, 2)

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(10_000)
        self._clock_timer.timeout.connect(self._update_clock)
        self._clock_timer.start()
        self._update_clock()
        self._render()
        self.resize(1280, 720)

    def _label(self, text: str, name: str,
               align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setAlignment(align)
        # The window size sets the text size (resizeEvent), never the other way round.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    # -- content -------------------------------------------------------------------------------------------------
    def desk_name(self, code: str) -> str:
        return self.desk_names.get(code, code)

    def set_calls(self, calls: Sequence[Call]) -> None:
        """Show ``calls`` (newest first) without a chime: the initial load and reloads after a resync."""
        self.calls = list(calls)[: HISTORY + 1]
        self._render()

    def show_call(self, number: str, desk_code: str) -> None:
        """A ticket was called or recalled: put it on top and chime.

        The call is on screen before the chime sounds, and a chime that fails is
        logged and passed over: the next call of the same batch must still show.
        """
        call = Call(number, desk_code)
        self.calls = [call, *[c for c in self.calls if c != call]][: HISTORY + 1]
        self._render()
        try:
            self.chime.play()
        except Exception:
            log.exception("the call chime failed for %s at %s", number, desk_code)

    def on_changes(self, changes: list[Change]) -> None:
        """Slot for :attr:`LiveFeed.changed`."""
        for change in changes:
            if change.kind == "resync":
                self.resync_requested.emit()
            elif change.kind == "ticket" and change.action in ("call", "recall") and change.data.get("desk"):
                self.show_call(str(change.data["number"]), str(change.data["desk"]))

    def _render(self) -> None:
        newest = self.calls[0] if self.calls else None
        self.number.setText(newest.number if newest else "—")
        self.desk.setText(self.desk_name(newest.desk_code) if newest else "")
        for item, call in zip(self.history_items, [*self.calls[1:], *[None] * HISTORY], strict=False):
            item.setText(f"{call.number}  →  {self.desk_name(call.desk_code)}" if call else "")

    def _update_clock(self) -> None:
        self.clock.setText(f"{self._now():%H:%M}")

    # -- screen and scale ----------------------------------------------------------------------------------------
    def show_on_screen(self, index: int) -> None:
        """Full screen on screen ``index`` (the last one if there are fewer screens)."""
        screens = QGuiApplication.screens()
        screen = screens[min(max(index, 0), len(screens) - 1)]
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale the text with the window: the number takes about a fifth of the height."""
        super().resizeEvent(event)
        height = max(event.size().height(), 200)
        for label, share, bold in (
            (self.number, 0.20, True), (self.desk, 0.11, True), (self.office, 0.035, False),
            (self.clock, 0.05, True), *((item, 0.055, True) for item in self.history_items),
        ):
            font = QFont(BASE_FAMILY)
            font.setPixelSize(int(height * share))
            font.setBold(bold)
            label.setFont(font)
        for heading in self.findChildren(QLabel, "heading"):
            font = QFont(BASE_FAMILY)
            font.setPixelSize(int(height * 0.035))
            heading.setFont(font)


#: Wait before trying again to reach a database that did not answer, ms.
BOARD_RETRY_MS = 3000


class BoardApp(QObject):
    """``desk-app --board``: the display board alone, on a PC of its own, with no clerk login.

    Boot: connect to the database on the worker (retrying while it does not answer), read
    the office, open the board full screen on the ``display_screen`` setting's screen, listen
    to the change feed and fill the history. What the board shows (numbers and desks) is
    public, so it reads the calls as a built-in, read-only "display-board" actor of the office
    rather than as a logged-in person; it never writes.

    Args:
        settings: resolved settings (database, display screen).
        worker: the background database helper.
        chime: the call sound.
        connect: builds the core services and brings the schema up to date; runs on the worker.

    Signals:
        ready(): the board is on screen with its history.

    Attributes:
        board: the board window once the office is known.
    """

    ready = Signal()

    def __init__(self, settings: Settings, worker: DbWorker, chime: Chime, connect: Callable[[], CoreServices],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.worker = worker
        self.chime = chime
        self._connect = connect
        self.core: CoreServices | None = None
        self.board: DisplayBoard | None = None
        self.feed: LiveFeed | None = None
        self._actor: Actor | None = None

    def start(self) -> None:
        """Connect and read the office in the background; the board opens when that is done."""

        def boot() -> tuple[CoreServices, OfficeView]:
            core = self.core or self._connect()
            try:
                return core, core.offices.view(core.settings.office_code or None)
            except BaseException:
                if self.core is None:
                    core.close()
                raise

        self.worker.submit(boot, self._booted, self._boot_failed)

    def _boot_failed(self, exc: DeskError) -> None:
        log.warning("display board: %s; trying again", exc.message("en"))
        QTimer.singleShot(BOARD_RETRY_MS, self.start)

    def _booted(self, result: tuple[CoreServices, OfficeView]) -> None:
        from desk_app.clock import local_time
        from desk_app.core.auth import Actor
        from desk_app.gui.feed import LiveFeed

        core, office = result
        self.core = core
        self.worker.set_ping(core.db.ping)
        self._actor = Actor("display-board", "clerk", office_id=office.id, display_name="Display board")
        clock, timezone = core.clock, office.timezone
        self.board = DisplayBoard(office.name, {d.code: d.name for d in office.desks}, self.chime,
                                  lambda: local_time(clock.now(), timezone))
        self.board.resync_requested.connect(self.reload)
        quit_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self.board)
        quit_key.activated.connect(self.board.close)
        self.feed = LiveFeed(core.db, office.id, parent=self, clock=core.clock)
        self.feed.changed.connect(self.board.on_changes)
        self.feed.connection_changed.connect(self._feed_status)
        self.feed.start(self.worker)  # listening before the history is read: no call falls in between
        self.board.show_on_screen(int(self.settings.display_screen))
        log.info("display board of %s on screen %s", office.code, self.settings.display_screen)
        self.reload(emit_ready=True)

    def reload(self, emit_ready: bool = False) -> None:
        """Fill the history from the database (at start and after the feed missed changes)."""
        if self.core is None or self.board is None or self._actor is None:
            return
        queue, actor, board = self.core.queue, self._actor, self.board

        def shown(calls: list[Call]) -> None:
            board.set_calls(calls)
            if emit_ready:
                self.ready.emit()

        self.worker.submit(lambda: read_recent_calls(queue, actor), shown,
                           lambda exc: log.warning("board reload: %s", exc))

    def _feed_status(self, ok: bool) -> None:
        if ok:
            self.worker.check_connection()
        else:
            self.worker.mark_offline()

    def shutdown(self) -> None:
        """Close the board, drain the worker, stop listening, close the database. Safe to call twice."""
        if self.board is not None:
            self.board.close()
        self.worker.shutdown()
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        if self.core is not None:
            self.core.close()
            self.core = None
