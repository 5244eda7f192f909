"""Uncaught errors reach the log with their traceback and a dialog naming the log; Qt's messages reach the log."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from pytestqt.qtbot import QtBot

from desk_app.core.settings import Settings
from desk_app.gui.app import log_file, setup_logging
from desk_app.gui.crash import CrashHandler, install_crash_handlers, qt_message_to_log
from desk_app.gui.seams import RecordingDialogs


@pytest.fixture
def app_log(tmp_path: Path) -> Any:
    """The app's own logging set-up (rotating file under --home), removed again after the test."""
    root = logging.getLogger()
    before = list(root.handlers)
    settings = Settings.load(home=tmp_path / "home", environ={})
    setup_logging(settings)
    yield log_file(settings)
    for handler in root.handlers[:]:
        if handler not in before:
            handler.close()
            root.removeHandler(handler)


def _raise_in_a_slot() -> None:
    raise ValueError("slot went wrong")


def test_an_uncaught_error_reaches_the_log_and_a_dialog_names_it(app_log: Path) -> None:
    dialogs = RecordingDialogs()
    handler = CrashHandler(dialogs, app_log)
    try:
        _raise_in_a_slot()
    except ValueError:
        handler.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    logged = app_log.read_text(encoding="utf-8")
    assert "CRITICAL desk_app.crash: uncaught error" in logged
    assert "Traceback (most recent call last)" in logged and "slot went wrong" in logged
    assert "_raise_in_a_slot" in logged  # the traceback, not just the message
    [(kind, _title, text)] = dialogs.shown
    assert kind == "warning" and str(app_log) in text and "ValueError" in text
    assert handler.crashes == 1


def test_an_error_that_ends_a_thread_is_logged(app_log: Path) -> None:
    dialogs = RecordingDialogs()
    handler = CrashHandler(dialogs, app_log)
    previous = threading.excepthook
    threading.excepthook = handler.thread_excepthook
    try:
        thread = threading.Thread(target=_raise_in_a_slot, name="db-worker")
        thread.start()
        thread.join()
    finally:
        threading.excepthook = previous
    logged = app_log.read_text(encoding="utf-8")
    assert "uncaught error in thread db-worker" in logged and "slot went wrong" in logged
    assert dialogs.shown == []  # no dialog off the UI thread


def test_a_dialog_that_fails_does_not_hide_the_error(app_log: Path) -> None:
    class BrokenDialogs(RecordingDialogs):
        def warn(self, parent: Any, title: str, text: str) -> None:
            raise RuntimeError("no screen")

    handler = CrashHandler(BrokenDialogs(), app_log)
    handler.excepthook(ValueError, ValueError("first"), None)
    logged = app_log.read_text(encoding="utf-8")
    assert "first" in logged and "could not show the crash dialog" in logged


def test_qt_messages_go_to_the_log(app_log: Path) -> None:
    qt_message_to_log(QtMsgType.QtWarningMsg, QMessageLogContext(), "QPainter::begin: Paint device returned engine")
    qt_message_to_log(QtMsgType.QtCriticalMsg, QMessageLogContext(), "something critical")
    logged = app_log.read_text(encoding="utf-8")
    assert "WARNING qt: QPainter::begin" in logged and "ERROR qt: something critical" in logged


def test_install_hooks_everything_and_a_qt_warning_lands_in_the_log(qtbot: QtBot, app_log: Path,
                                                                     monkeypatch: Any) -> None:
    from PySide6.QtCore import qWarning

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    dialogs = RecordingDialogs()
    handler = install_crash_handlers(dialogs, app_log)
    try:
        assert sys.excepthook == handler.excepthook and threading.excepthook == handler.thread_excepthook
        qWarning("a warning from Qt code")
    finally:
        qInstallMessageHandler(handler.previous_qt_handler)  # pytest-qt's, for the rest of the test
    assert "WARNING qt: a warning from Qt code" in app_log.read_text(encoding="utf-8")
