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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desk_app.gui.fonts import BASE_FAMILY
from desk_app.gui.operations import Operation
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.office import OfficeView
    from desk_app.core.queue import QueueService
    from desk_app.db.feed import Change
    from desk_app.errors import DeskError
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Chime

log = logging.getLogger(__name__)

HISTORY = 6
HISTORY_COLUMNS = 2
_HEAD_NUMBER = "Numero · Number"
_HEAD_DESK = "Sportello · Desk"
_HEAD_HISTORY = "Chiamate precedenti · Previous calls"
_RECALL = "Richiamo · Called again"
_OFFLINE = "Non in linea: le chiamate potrebbero mancare · Offline: calls may be missing"
#: How long a recall blinks on the board, ms, and the blink period (a deaf user must not miss it).
RECALL_BLINK_MS = 8_000
_BLINK_PERIOD_MS = 500
_STYLE = """
DisplayBoard { background: #000000; }
QLabel { color: #ffffff; }
QLabel#number { color: #ffd400; }
QLabel#desk { color: #ffffff; }
QLabel#heading, QLabel#office, QLabel#clock { color: #b0b0b0; }
QLabel#historyItem { color: #e0e0e0; }
QLabel#recall { color: #000000; background: #ffd400; font-weight: bold; }
QLabel#offline { color: #ffffff; background: #b00020; font-weight: bold; }
QLabel#training { color: #000000; background: #ff8c00; font-weight: bold; }
QLabel#notice { color: #000000; background: #ffffff; }
QWidget#current { border-bottom: 4px solid #ffd400; }
"""


@dataclass(frozen=True)
class Call:
    """A ticket called to a desk, as the board shows it."""

    number: str
    desk_code: str


def read_recent_calls(queue: QueueService, actor: Actor) -> list[Call]:
    """Today's most recent calls, newest first, as the core answers them (runs on the worker thread).

    ``actor`` is the office's display-board actor (:meth:`Actor.display_board`): it may read the calls and
    nothing else, so a board PC holds no clerk's rights.
    """
    return [Call(c.number, c.desk_code) for c in queue.recent_calls(actor, HISTORY + 1)]


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
        recalled: the newest call on top is a recall (the "called again" band shows, and the number blinks).
        online: the last known state of the connection (offline: a red band says calls may be missing).
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
        self.recalled = False
        self.online = True
        self._dimmed = False

        self.office = self._label(office_name, "office")
        self.office.setWordWrap(True)  # a long board title (up to its 80 characters) takes two lines, never cut
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

        # A recall changes what is seen, not only what is heard: a band over the number, and the number blinks.
        self.recall_band = self._label(_RECALL, "recall")
        self.recall_band.hide()
        self.offline_band = self._label(_OFFLINE, "offline")
        self.offline_band.hide()
        # The training office (issue 12) says so over everything; the office's notice (board_message) below the
        # title: closures, delays.
        self.training_band = self._label("", "training")
        self.training_band.hide()
        self.notice = self._label("", "notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.office_name = office_name
        self._blink = QTimer(self)
        self._blink.setInterval(_BLINK_PERIOD_MS)
        self._blink.timeout.connect(self._toggle_blink)
        self._blink_stop = QTimer(self)
        self._blink_stop.setSingleShot(True)
        self._blink_stop.timeout.connect(self._stop_blink)

        layout = QVBoxLayout(self)
        layout.addWidget(self.training_band)
        layout.addWidget(self.offline_band)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.recall_band)
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

    def show_call(self, number: str, desk_code: str, recall: bool = False) -> None:
        """A ticket was called or recalled: put it on top and chime.

        A recall also shows the "called again" band and blinks the number for :data:`RECALL_BLINK_MS`.
        The call is on screen before the chime sounds, and a chime that fails is
        logged and passed over: the next call of the same batch must still show.
        """
        call = Call(number, desk_code)
        self.calls = [call, *[c for c in self.calls if c != call]][: HISTORY + 1]
        self._render()
        self.recalled = recall
        self.recall_band.setVisible(recall)
        if recall:
            self._blink.start()
            self._blink_stop.start(RECALL_BLINK_MS)
        else:
            self._stop_blink()
        log.info("board: %s called to %s", number, desk_code)  # a number and a desk: public, nothing personal
        try:
            self.chime.play()
        except Exception:
            log.exception("the call chime failed for %s at %s", number, desk_code)

    def on_changes(self, changes: list[Change]) -> None:
        """Slot for :attr:`Runtime.changed`."""
        for change in changes:
            if change.kind == "resync":
                self.resync_requested.emit()
            elif change.kind == "ticket" and change.action in ("call", "recall") and change.data.get("desk"):
                self.show_call(str(change.data["number"]), str(change.data["desk"]), change.action == "recall")

    def mark_training(self, text: str) -> None:
        """This board belongs to the training office: a band over everything says ``text``."""
        self.training_band.setText(text)
        self.training_band.show()

    def set_desk_names(self, desk_names: Mapping[str, str]) -> None:
        """The desks' names changed (the office's set-up): shown at once, on the calls already there too."""
        self.desk_names = dict(desk_names)
        self._render()

    def set_office_texts(self, title: str, message: str) -> None:
        """The office's board title (empty: the office name) and notice (empty: none), from its settings."""
        self.office.setText(title or self.office_name)
        self.notice.setText(message)
        self.notice.setVisible(bool(message))

    def set_online(self, online: bool) -> None:
        """Slot for :attr:`Runtime.online_changed`: offline, a red band says calls may be missing."""
        was_online, self.online = self.online, online
        self.offline_band.setVisible(not online)
        if online and not was_online:
            self.resync_requested.emit()  # what was called meanwhile

    def _toggle_blink(self) -> None:
        # The number fades to the background and back: hiding the label would make the layout jump.
        self._dimmed = not self._dimmed
        self.number.setStyleSheet("color: #000000;" if self._dimmed else "")

    def _stop_blink(self) -> None:
        self._blink.stop()
        self._dimmed = False
        self.number.setStyleSheet("")

    def _render(self) -> None:
        newest = self.calls[0] if self.calls else None
        self.number.setText(newest.number if newest else "—")
        self.desk.setText(self.desk_name(newest.desk_code) if newest else "")
        for item, call in zip(self.history_items, [*self.calls[1:], *[None] * HISTORY], strict=False):
            item.setText(f"{call.number}  →  {self.desk_name(call.desk_code)}" if call else "")

    def _update_clock(self) -> None:
        self.clock.setText(f"{self._now():%H:%M}")

    # -- screen and scale ----------------------------------------------------------------------------------------
    def show_on_screen(self, index: int, full_screen: bool = True) -> None:
        """On screen ``index`` (the last one if there are fewer screens): full screen, or a window on it.

        A desk PC with one monitor shows the board as an ordinary window (``full_screen=False``): full
        screen would cover the clerk's own window.
        """
        screens = QGuiApplication.screens()
        screen = screens[min(max(index, 0), len(screens) - 1)]
        self.setScreen(screen)
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
            return
        area = screen.availableGeometry()
        self.resize(min(960, area.width()), min(540, area.height()))
        self.move(area.center() - self.rect().center())
        self.showNormal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale the text with the window: the number takes about a fifth of the height."""
        super().resizeEvent(event)
        height = max(event.size().height(), 200)
        for label, share, bold in (
            (self.number, 0.20, True), (self.desk, 0.11, True), (self.office, 0.035, False),
            (self.recall_band, 0.06, True), (self.offline_band, 0.04, True), (self.training_band, 0.05, True),
            (self.notice, 0.04, False),
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


class BoardApp(QObject):
    """``desk-app --board``: the display board alone, on a PC of its own, with no clerk login.

    Boot (the runtime's): connect to the database on the worker (retrying while it does not
    answer), read the office, listen to the change feed; the board then opens full screen on the
    ``display_screen`` setting's screen and fills its history. An office not set up yet, or a
    start-up refused for another reason, is tried again after a while: a board has nobody to ask.
    What the board shows (numbers and desks) is public, so it reads the calls as a built-in,
    read-only "display-board" actor of the office rather than as a logged-in person; it never writes.

    Args:
        runtime: the app's runtime (connection, office, change feed).
        chime: the call sound.

    Signals:
        ready(): the board is on screen with its history.

    Attributes:
        runtime: as given.
        board: the board window once the office is known.
    """

    ready = Signal()

    def __init__(self, runtime: Runtime, chime: Chime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.chime = chime
        self.board: DisplayBoard | None = None
        self._actor: Actor | None = None
        runtime.boot_failed.connect(self._boot_failed)
        runtime.first_run_needed.connect(self._no_office)
        runtime.office_ready.connect(self._office_ready)
        runtime.closing.connect(self._close)

    def start(self) -> None:
        """Connect and read the office in the background; the board opens when that is done."""
        self.runtime.start()

    def _boot_failed(self, exc: DeskError) -> None:
        log.warning("display board: %s; trying again", exc.message("en"))
        if not is_connection_error(exc):  # the runtime retries those by itself
            self.runtime.retry_later()

    def _no_office(self) -> None:
        log.warning("display board: no office is set up yet; trying again")
        self.runtime.retry_later()

    def _office_ready(self, office: OfficeView) -> None:
        from desk_app.clock import local_time
        from desk_app.core.auth import Actor

        core = self.runtime.core
        assert core is not None
        self._actor = Actor.display_board(office.id)
        clock, timezone = core.clock, office.timezone
        self.board = DisplayBoard(office.name, {d.code: d.name for d in office.desks}, self.chime,
                                  lambda: local_time(clock.now(), timezone))
        self.board.resync_requested.connect(self.reload)
        quit_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self.board)
        quit_key.activated.connect(self.board.close)
        # The runtime listens before it announces the office: no call falls between the feed and the history.
        self.runtime.changed.connect(self.board.on_changes)
        self.runtime.online_changed.connect(self.board.set_online)
        from desk_app.gui.admin.live import BoardTexts  # the office's title and notice, live (issue 12)

        BoardTexts(self.runtime, self.board)
        self.board.show_on_screen(int(self.runtime.settings.display_screen))
        log.info("display board of %s on screen %s", office.code, self.runtime.settings.display_screen)
        self.reload(emit_ready=True)

    def reload(self, emit_ready: bool = False) -> None:
        """Fill the history from the database (at start and after the feed missed changes)."""
        core = self.runtime.core
        if core is None or self.board is None or self._actor is None:
            return
        queue, actor, board = core.queue, self._actor, self.board

        def shown(calls: list[Call]) -> None:
            board.set_calls(calls)
            if emit_ready:
                self.ready.emit()

        Operation(board, lambda: read_recent_calls(queue, actor), self.runtime.operations) \
            .success(shown).failure(lambda exc: log.warning("board reload: %s", exc)).run()

    def shutdown(self) -> None:
        """The one way out (:meth:`Runtime.shutdown`): the board closes, the database too. Safe twice."""
        self.runtime.shutdown()

    def _close(self) -> None:
        if self.board is not None:
            self.board.close()
            # Deleted here, on the UI thread, not whenever (and on whichever thread) its last reference goes.
            shiboken6.delete(self.board)
            self.board = None
