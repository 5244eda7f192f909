"""GUI fixtures: real desk windows over the real test databases, offscreen.

Each window gets its own core services, worker and change feed (as a desk PC
would), recording dialogs, a counting chime and a PDF ticket printer, so tests
see what would have been shown, played or printed. The Italian staff
translation is installed once per session (Italian is the default language).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.core.settings import Settings
from desk_app.gui.app import build_main_window, prepare_application
from desk_app.gui.main_window import MainWindow
from desk_app.gui.printing import PdfTicketPrinter
from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams
from desk_app.gui.sheet_printing import PdfSheetPrinter

WAIT_MS = 10_000


@pytest.fixture(scope="session", autouse=True)
def _italian_app(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Translations (Italian, the default) and the bundled fonts, once per session."""
    prepare_application(qapp, Settings.load(home=tmp_path_factory.mktemp("i18n-home"), environ={}))


@dataclass
class Desk:
    """A desk window under test and what its seams recorded."""

    window: MainWindow
    dialogs: RecordingDialogs
    chime: CountingChime
    printer: PdfTicketPrinter
    settings: Settings
    sheets: PdfSheetPrinter

    @property
    def workspace(self) -> Any:
        assert self.window.workspace is not None, "nobody is logged in"
        return self.window.workspace

    def warnings(self) -> list[str]:
        return [text for kind, _, text in self.dialogs.shown if kind in ("warning", "info")]


@pytest.fixture
def open_desk(qtbot: QtBot, db_url: str, tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    """Factory: ``open_desk("D1", url=None)`` starts a window for that desk and waits until it can log in.

    ``clock``: the core's clock for that window (default: the system clock).
    """
    desks: list[Desk] = []

    def factory(desk_code: str = "D1", url: str | None = None, wait_ready: bool = True, clock: Any = None,
                **overrides: Any) -> Desk:
        home = tmp_path / f"desk-{desk_code}-{len(desks)}"
        settings = Settings.load(home=home, overrides={"db_url": url or db_url, "desk_code": desk_code,
                                                       **overrides}, environ={})
        dialogs, chime = RecordingDialogs(), CountingChime()
        printer = PdfTicketPrinter(home / "tickets", settings.ticket_paper)
        sheets = PdfSheetPrinter(home / "sheets")
        window = build_main_window(settings, Seams(dialogs, chime, printer, sheets), clock)
        qtbot.addWidget(window)
        desk = Desk(window, dialogs, chime, printer, settings, sheets)
        desks.append(desk)
        window.show()
        if wait_ready:
            with qtbot.waitSignal(window.ready, timeout=WAIT_MS):
                window.start()
        else:
            window.start()
        return desk

    yield factory
    for desk in desks:
        desk.window.shutdown()


@pytest.fixture
def log_in(qtbot: QtBot) -> Callable[[Desk, str, str], None]:
    """Type the credentials like a clerk and wait for the workspace's first load."""

    def do(desk: Desk, username: str, password: str | None = None) -> None:
        page = desk.window.login_page
        qtbot.keyClicks(page.ui.usernameEdit, username)
        qtbot.keyClicks(page.ui.passwordEdit, password if password is not None else f"{username}-password")
        with qtbot.waitSignal(desk.window.logged_in, timeout=WAIT_MS):
            qtbot.keyClick(page.ui.passwordEdit, Qt.Key.Key_Return)
        settle(qtbot, desk)

    return do


def settle(qtbot: QtBot, desk: Desk) -> None:
    """Wait until every background job of the window (action, reload) has been delivered."""
    qtbot.waitUntil(lambda: desk.window.runtime.worker.pending == 0, timeout=WAIT_MS)


def press(qtbot: QtBot, desk: Desk, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          ) -> None:
    """Press a key on the desk window (its shortcuts are window-wide) and wait for the action and the reload."""
    if not desk.window.isActiveWindow():  # shortcuts go to the active window only
        desk.window.activateWindow()
        qtbot.waitUntil(desk.window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(desk.window, key, modifier)
    settle(qtbot, desk)
