"""What happens to an error nobody caught (Vorta's ``__main__`` excepthook, qutebrowser's ``crashsignal``).

A windowed build has no console: an uncaught exception in a slot, a worker
thread or the start-up code would otherwise vanish, and Qt's own warnings too.
:func:`install_crash_handlers` sends all of them to the log file, and for a
Python error also shows the person a dialog that names the log file to send to
support. The application keeps running where it can (Qt carries on after a
slot raised); the dialog says so.

Known errors (database unreachable, permission refused, stale ticket) never get
here: they are :class:`~desk_app.errors.DeskError` and reach the user as one
sentence through the operation that failed.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler

if TYPE_CHECKING:
    from desk_app.gui.seams import UserDialogs

log = logging.getLogger("desk_app.crash")

# Qt message type -> logging level.
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


def qt_message_to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt message handler: every Qt message goes to the ``qt`` logger at its level."""
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    logging.getLogger("qt").log(QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


class CrashHandler:
    """Logs uncaught errors with their traceback and tells the person where the log is.

    Args:
        dialogs: shows the crash dialog (the composition root's seam; tests record it).
        log_file: the log the person is told to send.

    Attributes:
        crashes: how many uncaught errors were handled.
        previous_qt_handler: the Qt message handler installed before ours (``None``: Qt's default).
    """

    def __init__(self, dialogs: UserDialogs, log_file: Path) -> None:
        self.dialogs = dialogs
        self.log_file = log_file
        self.crashes = 0
        self.previous_qt_handler: QtMessageHandler | None = None
        self._showing = False

    def excepthook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        """``sys.excepthook``: an uncaught error on the UI thread (including one raised inside a Qt slot)."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        self.crashes += 1
        log.critical("uncaught error", exc_info=(kind, error, trace))
        self._tell_the_user(error)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: an error that ended a background thread is logged (no dialog off the UI thread)."""
        self.crashes += 1
        name = args.thread.name if args.thread is not None else "?"
        log.critical("uncaught error in thread %s", name,
                     exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))

    def _tell_the_user(self, error: BaseException) -> None:
        if self._showing:  # an error raised while the dialog is open is logged, not shown twice
            return
        self._showing = True
        try:
            #: Title of the dialog shown after an error the program did not expect (a bug).
            title = QCoreApplication.translate("CrashHandler", "Unexpected error")
            #: {error} is a programmer's error name (e.g. ValueError), {path} the log file's full path.
            text = QCoreApplication.translate(
                "CrashHandler",
                "An unexpected error occurred ({error}) and was written to the log. The program keeps running; "
                "if something looks wrong, close it and start it again.\n\n"
                "Please send this log file to support:\n{path}",
            ).format(error=type(error).__name__, path=self.log_file)
            self.dialogs.warn(None, title, text)
        except Exception:
            log.exception("could not show the crash dialog")
        finally:
            self._showing = False


def install_crash_handlers(dialogs: UserDialogs, log_file: Path) -> CrashHandler:
    """Route uncaught errors and Qt's messages to the log; show a crash dialog for Python errors.

    Returns the handler (its hooks stay installed for the life of the process).
    """
    handler = CrashHandler(dialogs, log_file)
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.thread_excepthook
    handler.previous_qt_handler = qInstallMessageHandler(qt_message_to_log)
    return handler
