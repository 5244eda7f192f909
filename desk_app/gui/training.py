"""The training office in the desk app (issue 12, item 5): ``desk-app --training`` and **File > Training office**.

The training run is the ordinary desk app over other parts (:mod:`desk_app.core.training` says why it cannot
reach the real database):

* :func:`build_training_runtime` connects to the training folder's SQLite file only, and loads the demo office
  into it when it is empty (on the worker, like every start-up);
* :func:`training_seams`: tickets and sheets are written as PDF files in the training folder (never a printer),
  each marked "ESERCITAZIONE" (:class:`TrainingTicketPrinter`, :class:`TrainingSheetPrinter`);
* :class:`TrainingMarker` marks every window of the process: "ESERCITAZIONE —" before its title, and an orange
  band on top of the desk window, the dialogs and the display board;
* :class:`TrainingMenu` puts **File > Open the training office…** in the real desk window (another process, the
  real one keeps running) and, in the training window, **File > Reset the training office…** (one step: this
  window closes, the practice database is emptied, a fresh training window opens on a new demo office).
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QProcess
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QLabel, QMainWindow, QMenu, QWidget

from desk_app.core.training import TRAINING_MARK, TRAINING_MARK_BILINGUAL, printouts_folder
from desk_app.gui.printing import PrintableTicket, SystemTicketPrinter
from desk_app.gui.sheet_printing import PdfSheetPrinter

if TYPE_CHECKING:
    from desk_app.clock import Clock
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings
    from desk_app.core.sheets import Sheet
    from desk_app.gui.main_window import MainWindow
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Chime, Seams, UserDialogs

log = logging.getLogger(__name__)
#: The orange band of the training office (the display board has its own, in :mod:`desk_app.gui.board`).
BAND_STYLE = "background: #ff8c00; color: #000000; font-weight: bold; padding: 6px;"
_TITLE_PREFIX = f"{TRAINING_MARK} — "
_MARKED = "trainingMarked"
#: Starts a program with arguments, detached from this one; ``True`` if it started.
Launcher = Callable[[str, list[str]], bool]


def connect_training(settings: Settings, clock: Clock | None = None) -> CoreServices:
    """Open the training database (never another: :func:`~desk_app.core.training.check_training_database`),
    migrate it and load the demo office into it when empty. Runs on the worker."""
    from desk_app.core.training import check_training_database, prepare_training_office
    from desk_app.gui.app import connect_core

    check_training_database(settings)
    core = connect_core(settings, clock)
    try:
        if prepare_training_office(core):
            log.info("training office: demo office loaded into %s", core.db.describe())
    except BaseException:
        core.close()
        raise
    return core


def build_training_runtime(settings: Settings, seams: Seams, clock: Clock | None = None) -> Runtime:
    """The runtime of a training run (``settings`` from :func:`~desk_app.core.training.training_settings`)."""
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.worker import DbWorker

    worker = DbWorker()
    runtime = Runtime(settings, worker, seams.dialogs, lambda: connect_training(settings, clock))
    worker.setParent(runtime)
    return runtime


def build_training_window(settings: Settings, seams: Seams, clock: Clock | None = None) -> MainWindow:
    """The desk window of the training office, every window of the process marked; ``start()`` connects."""
    from PySide6.QtWidgets import QApplication

    from desk_app.gui.app import build_main_window

    window = build_main_window(settings, seams, clock)  # its runtime is the training one (settings.training)
    marker = TrainingMarker(window)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(marker)
        # Off on the way out: windows opened later in this process (tests) are not the training office's.
        window.runtime.closing.connect(lambda: app.removeEventFilter(marker))
    marker.mark(window)
    return window


def training_seams(settings: Settings, dialogs: UserDialogs | None = None, chime: Chime | None = None) -> Seams:
    """The seams of a training run: the usual dialogs and chime, PDF files for tickets and sheets."""
    from desk_app.gui.seams import QtDialogs, Seams, SoundEffectChime

    if chime is None:
        from desk_app.resources import resource_path

        chime = SoundEffectChime(resource_path("sounds", "chime.wav"))
    folder = printouts_folder(settings)
    return Seams(dialogs or QtDialogs(), chime, TrainingTicketPrinter(folder / "biglietti", settings.ticket_paper),
                 TrainingSheetPrinter(folder / "fogli"))


class TrainingTicketPrinter(SystemTicketPrinter):
    """Tickets of the training office: marked, written as PDF files in ``folder``, never sent to a printer
    (a printer chosen in the training window is ignored; only the paper is taken)."""

    def __init__(self, folder: Path, paper: str) -> None:
        super().__init__("", paper, folder)

    def configure(self, printer_name: str, paper: str) -> None:
        super().configure("", paper)

    def print_ticket(self, parent: QWidget | None, ticket: PrintableTicket) -> bool:
        return super().print_ticket(parent, dataclasses.replace(ticket, mark=TRAINING_MARK_BILINGUAL))


def mark_sheet(sheet: Sheet) -> Sheet:
    """``sheet`` as the training office prints it (:func:`desk_app.core.training.mark_sheet`: the CLI marks so too)."""
    from desk_app.core.training import mark_sheet as core_mark_sheet

    return core_mark_sheet(sheet)


class TrainingSheetPrinter(PdfSheetPrinter):
    """Sheets of the training office, printed or saved: marked (:func:`mark_sheet`), written as PDF files in
    ``folder``, never sent to a printer."""

    def _write(self, how: str, sheet: Sheet) -> Path:
        return super()._write(how, mark_sheet(sheet))


class TrainingMarker(QObject):
    """Marks every top-level window of the application as the training office's.

    An application-wide event filter: when a window shows, or its title changes, "ESERCITAZIONE —" goes before
    its title; the first time it shows, a window that has ``mark_training(text)`` (the display board) is asked to
    show the mark, and a desk window or dialog gets an orange band on top of its layout.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and watched.isWindow():
            if event.type() == QEvent.Type.Show:
                self.mark(watched)
            elif event.type() == QEvent.Type.WindowTitleChange:  # also while the window is being built
                self.mark_title(watched)
        return False

    @staticmethod
    def mark_title(window: QWidget) -> None:
        """"ESERCITAZIONE —" before ``window``'s title, once."""
        title = window.windowTitle()
        if not title.startswith(_TITLE_PREFIX):
            window.setWindowTitle(f"{_TITLE_PREFIX}{title}")

    def mark(self, window: QWidget) -> None:
        """Mark ``window`` now: its title, and its band the first time (a window fully built)."""
        self.mark_title(window)
        if window.property(_MARKED):
            return
        window.setProperty(_MARKED, True)
        mark_training = getattr(window, "mark_training", None)
        if callable(mark_training):
            mark_training(TRAINING_MARK_BILINGUAL)
            return
        band = QLabel(self.tr("TRAINING OFFICE — practice database with the demo office: nothing done here reaches "
                              "the real office, tickets and sheets are saved as PDF files."), window)
        band.setObjectName("trainingBand")
        band.setStyleSheet(BAND_STYLE)
        band.setWordWrap(True)
        holder = window.centralWidget() if isinstance(window, QMainWindow) else window
        layout = holder.layout() if holder is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, band)
        elif isinstance(layout, QFormLayout):
            layout.insertRow(0, band)
        else:  # a window laid out otherwise (a message box): its title says it
            band.deleteLater()


def start_detached(program: str, arguments: list[str]) -> bool:
    """Start ``program`` with ``arguments`` as a process of its own (it outlives this one)."""
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


def desk_app_command(arguments: list[str]) -> tuple[str, list[str]]:
    """The program and arguments that start the desk app with ``arguments`` (frozen bundle or source)."""
    if getattr(sys, "frozen", False):
        return sys.executable, arguments
    return sys.executable, ["-m", "desk_app.gui.app", *arguments]


class TrainingMenu(QObject):
    """**File > Open the training office…** in a real desk window; **File > Reset the training office…** in a
    training one.

    Attributes:
        open_action: starts ``desk-app --training`` (real window only, else ``None``).
        reset_action: resets the training office (training window only, else ``None``).
        launch: how another desk app is started (tests pass a fake).
    """

    def __init__(self, desk: MainWindow, menu: QMenu) -> None:
        super().__init__(desk)
        self.desk = desk
        self.launch: Launcher = start_detached
        self.open_action: QAction | None = None
        self.reset_action: QAction | None = None
        if desk.settings.training:
            self.reset_action = QAction(self.tr("&Reset the training office…"), desk)
            self.reset_action.triggered.connect(self.reset)
            menu.addAction(self.reset_action)
        else:
            self.open_action = QAction(self.tr("Open the &training office…"), desk)
            self.open_action.triggered.connect(self.open_training)
            menu.addAction(self.open_action)

    def _real_home(self) -> list[str]:
        """``--home DIR`` of the real office's folders when they are not the platform's (``--home`` was given)."""
        from desk_app.core.settings import AppPaths

        data = self.desk.settings.paths.data
        if self.desk.settings.training:
            data = data.parent.parent  # <real data>/training/data
        return [] if data == AppPaths.resolve(None).data else ["--home", str(data.parent)]

    def open_training(self) -> bool:
        """Start the training office in a window of its own; this desk goes on as it is."""
        program, arguments = desk_app_command(["--training", *self._real_home()])
        started = self.launch(program, arguments)
        if not started:
            self.desk.seams.dialogs.warn(self.desk, self.tr("Training office"),
                                         self.tr("The training office could not be started."))
        return started

    def reset(self) -> bool:
        """After asking: close this window, empty the practice database, open a fresh training office."""
        from desk_app.core.training import reset_training

        if not self.desk.seams.dialogs.confirm(
                self.desk, self.tr("Reset the training office"),
                self.tr("Everything done in the training office is removed and the demo office is loaded again. "
                        "This window closes and a new one opens. Go on?")):
            return False
        settings = self.desk.settings
        self.desk.close()  # the one way out: the practice database is closed before its files go
        result = reset_training(settings)
        log.info("training office reset: %s removed", ", ".join(result.removed) or "nothing")
        program, arguments = desk_app_command(["--training", *self._real_home()])
        return self.launch(program, arguments)


__all__ = ["TrainingMarker", "TrainingMenu", "TrainingSheetPrinter", "TrainingTicketPrinter",
           "build_training_runtime", "build_training_window", "connect_training", "desk_app_command",
           "mark_sheet", "start_detached", "training_seams"]
