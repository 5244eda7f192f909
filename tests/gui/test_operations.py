"""The one operation helper and the runtime under it, driven directly: threads, dead widgets, failures, busy state,
coalescing, shutdown.

The work of these operations is plain Python (held on a gate where the timing matters), so what is checked is the
helper's own contract, not a screen's.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desk_app.core.settings import Settings
from desk_app.errors import ConflictError, DatabaseError
from desk_app.gui.crash import CrashHandler
from desk_app.gui.operations import Operation
from desk_app.gui.runtime import Runtime
from desk_app.gui.seams import RecordingDialogs
from desk_app.gui.worker import DbWorker

from .conftest import WAIT_MS


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    """A runtime that never connects (nothing here needs a database): its worker, operations and online state."""
    settings = Settings.load(home=tmp_path / "home", environ={})
    worker = DbWorker()
    rt = Runtime(settings, worker, RecordingDialogs(), connect=lambda: pytest.fail("no database here"))
    worker.setParent(rt)
    yield rt
    rt.shutdown()


@pytest.fixture
def widget(qtbot: QtBot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    return w


class Gate:
    """Work that waits until the test opens the gate, then returns (or raises) what it was given."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self.runs: list[str] = []
        self.threads: list[threading.Thread] = []

    def work(self, value: Any = "done") -> Callable[[], Any]:
        def run() -> Any:
            self.threads.append(threading.current_thread())
            self.opened.wait(WAIT_MS / 1000)
            self.runs.append(str(value))
            if isinstance(value, BaseException):
                raise value
            return value

        return run


def dialogs_of(runtime: Runtime) -> RecordingDialogs:
    assert isinstance(runtime.dialogs, RecordingDialogs)
    return runtime.dialogs


def drain(qtbot: QtBot, runtime: Runtime) -> None:
    qtbot.waitUntil(lambda: runtime.worker.pending == 0, timeout=WAIT_MS)


def test_work_runs_in_the_background_and_callbacks_on_the_ui_thread(qtbot: QtBot, runtime: Runtime,
                                                                    widget: QWidget) -> None:
    gate, seen = Gate(), []
    gate.opened.set()
    Operation(widget, gate.work(42), runtime.operations) \
        .success(lambda value: seen.append(("success", value, threading.current_thread()))) \
        .finished(lambda: seen.append(("finished", None, threading.current_thread()))).run()
    drain(qtbot, runtime)
    main = threading.main_thread()
    assert seen == [("success", 42, main), ("finished", None, main)]
    assert gate.threads and gate.threads[0] is not main


@pytest.mark.parametrize("how", ["deleteLater", "closed"])
def test_callbacks_of_a_widget_gone_meanwhile_are_dropped(qtbot: QtBot, runtime: Runtime, how: str) -> None:
    """The answer comes back after the widget that asked was deleted (deleteLater, or closed with
    WA_DeleteOnClose): no callback runs, no busy callback is told, and nothing raises in the Qt loop."""
    dialog = QDialog()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    gate, seen = Gate(), []

    def busy(on: bool) -> None:
        seen.append(f"busy {on}")

    for value in ("done", ConflictError("ticket_taken", number="R001", desk="D2")):
        Operation(dialog, gate.work(value), runtime.operations) \
            .success(lambda _: seen.append("success")).failure(lambda _: seen.append("failure")) \
            .finished(lambda: seen.append("finished")).busy(busy).run()
    assert seen == ["busy True"]  # one callback shared by both operations: told once
    if how == "deleteLater":
        dialog.deleteLater()
    else:
        dialog.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT_MS)
    gate.opened.set()
    drain(qtbot, runtime)
    assert len(gate.runs) == 2  # the work itself ran (it may have written): only its answer is moot
    assert seen == ["busy True"]
    assert dialogs_of(runtime).shown == []  # not even the default failure dialog


def test_callbacks_of_an_object_deleted_outright_are_dropped(qtbot: QtBot, runtime: Runtime) -> None:
    owner = QObject()
    gate, seen = Gate(), []
    Operation(owner, gate.work(), runtime.operations).success(seen.append).run()
    shiboken6.delete(owner)  # its destructor runs now, inside this call
    gate.opened.set()
    drain(qtbot, runtime)
    assert seen == []


def test_a_widget_being_deleted_already_counts_as_gone(qtbot: QtBot) -> None:
    """What lets the helper rely on shiboken alone: inside the destructor (where ``destroyed`` is emitted, for the
    widget and for its children deleted with it) the wrappers are invalid already."""
    from desk_app.gui.operations import is_alive

    window = QWidget()
    child = QPushButton(window)
    seen: list[tuple[str, bool]] = []
    window.destroyed.connect(lambda *_: seen.append(("window", is_alive(window))))
    child.destroyed.connect(lambda *_: seen.append(("child", is_alive(child) or is_alive(window))))
    shiboken6.delete(window)
    assert sorted(seen) == [("child", False), ("window", False)]


def test_nothing_is_asked_for_a_widget_already_gone(qtbot: QtBot, runtime: Runtime) -> None:
    owner = QObject()
    shiboken6.delete(owner)
    gate = Gate()
    gate.opened.set()
    Operation(owner, gate.work(), runtime.operations).run()
    drain(qtbot, runtime)
    assert gate.runs == []


def test_default_failures_refusal_is_one_sentence_connection_is_the_banner(qtbot: QtBot, runtime: Runtime,
                                                                          widget: QWidget) -> None:
    gate = Gate()
    gate.opened.set()
    refusal = ConflictError("ticket_taken", number="R001", desk="D2")
    Operation(widget, gate.work(refusal), runtime.operations).failure(title="Non fatto").run()
    drain(qtbot, runtime)
    assert dialogs_of(runtime).shown == [("warning", "Non fatto", refusal.message("it"))]  # the staff language

    with qtbot.waitSignal(runtime.online_changed, timeout=WAIT_MS) as offline:
        Operation(widget, gate.work(DatabaseError("db_unreachable", target="pg", reason="refused")),
                  runtime.operations).run()
    drain(qtbot, runtime)
    assert offline.args == [False] and runtime.online is False
    assert len(dialogs_of(runtime).shown) == 1  # no dialog: the banner says it
    with qtbot.waitSignal(runtime.online_changed, timeout=WAIT_MS) as back:
        Operation(widget, gate.work(), runtime.operations).run()  # any answer proves the database is back
    assert back.args == [True]


def test_a_handler_gets_every_known_error_the_connection_one_included(qtbot: QtBot, runtime: Runtime,
                                                                     widget: QWidget) -> None:
    gate, seen = Gate(), []
    gate.opened.set()
    unreachable = DatabaseError("db_unreachable", target="pg", reason="refused")
    Operation(widget, gate.work(unreachable), runtime.operations) \
        .failure(lambda exc: seen.append((exc, runtime.online))).run()
    drain(qtbot, runtime)
    assert seen == [(unreachable, False)]  # already offline when the handler runs
    assert dialogs_of(runtime).shown == []


def test_a_bug_takes_the_crash_path_with_its_traceback_even_with_a_handler(qtbot: QtBot, runtime: Runtime,
                                                                          widget: QWidget, tmp_path: Path,
                                                                          caplog: Any, monkeypatch: Any) -> None:
    crash_dialogs = RecordingDialogs()
    handler = CrashHandler(crash_dialogs, tmp_path / "desk-app.log")
    monkeypatch.setattr(sys, "excepthook", handler.excepthook)  # what the composition root installs
    button, seen = QPushButton(widget), []

    def broken() -> None:
        raise ValueError("a bug in the work")

    with caplog.at_level(logging.CRITICAL, logger="desk_app.crash"):
        Operation(widget, broken, runtime.operations).failure(lambda exc: seen.append(exc)) \
            .finished(lambda: seen.append("finished")).busy(button).run()
        assert not button.isEnabled()
        drain(qtbot, runtime)
    assert seen == ["finished"]  # the known-error handler never sees a bug
    assert button.isEnabled()  # usable again before the crash dialog
    assert handler.crashes == 1 and "uncaught error" in caplog.text
    assert "Traceback" in caplog.text and "in broken" in caplog.text and "a bug in the work" in caplog.text
    [(kind, _title, text)] = crash_dialogs.shown
    assert kind == "warning" and "ValueError" in text


def test_busy_widgets_and_actions_are_restored_after_success_and_failure(qtbot: QtBot, runtime: Runtime,
                                                                        widget: QWidget) -> None:
    button, already_off, action, states = QPushButton(widget), QPushButton(widget), QAction(widget), []
    already_off.setEnabled(False)
    for value in ("done", ConflictError("ticket_taken", number="R001", desk="D2")):
        gate = Gate()
        Operation(widget, gate.work(value), runtime.operations).failure(lambda _: None) \
            .busy(button, already_off, action, states.append).run()
        assert (button.isEnabled(), already_off.isEnabled(), action.isEnabled()) == (False, False, False)
        gate.opened.set()
        drain(qtbot, runtime)
        assert (button.isEnabled(), already_off.isEnabled(), action.isEnabled()) == (True, False, True)
    assert states == [True, False, True, False]


def test_busy_is_counted_per_target_and_never_touches_a_dead_one(qtbot: QtBot, runtime: Runtime,
                                                                 widget: QWidget) -> None:
    button, box = QPushButton(widget), QWidget(widget)
    child = QPushButton(box)
    first, second = Gate(), Gate()
    Operation(widget, first.work(), runtime.operations).busy(button, box).run()
    Operation(widget, second.work(), runtime.operations).busy(button).run()
    first.opened.set()
    qtbot.waitUntil(lambda: runtime.worker.pending == 1, timeout=WAIT_MS)
    assert not button.isEnabled()  # the second operation still holds it
    assert box.isEnabled() and child.isEnabled()  # the box is back, and its child was never touched itself
    second.opened.set()
    drain(qtbot, runtime)
    assert button.isEnabled()

    # The widget that asked is gone: a target that lives on comes back, a dead one is left alone.
    owner, survivor, told = QObject(), QPushButton(widget), []
    doomed = QPushButton(widget)
    gate = Gate()
    Operation(owner, gate.work(), runtime.operations).busy(survivor, doomed, told.append).run()
    shiboken6.delete(owner)
    shiboken6.delete(doomed)
    gate.opened.set()
    drain(qtbot, runtime)
    assert survivor.isEnabled() and told == [True]


def test_repeated_reads_are_coalesced_into_one_more(qtbot: QtBot, runtime: Runtime, widget: QWidget) -> None:
    gate, shown = Gate(), []
    for n in range(6):  # the first runs; the five asked for meanwhile become one read, the last
        Operation(widget, gate.work(n), runtime.operations).coalesce("reload").success(shown.append).run()
    assert runtime.operations.waiting(widget, "reload")
    other, elsewhere = QObject(widget), Gate()
    elsewhere.opened.set()
    Operation(other, elsewhere.work("other"), runtime.operations).coalesce("reload").run()  # another parent's key
    gate.opened.set()
    drain(qtbot, runtime)
    assert gate.runs == ["0", "5"] and shown == [0, 5]
    assert elsewhere.runs == ["other"]
    assert not runtime.operations.waiting(widget, "reload")
    Operation(widget, gate.work(6), runtime.operations).coalesce("reload").success(shown.append).run()
    drain(qtbot, runtime)
    assert shown == [0, 5, 6]  # the lane is free again: the next read runs at once


def test_a_prepared_read_decides_what_to_read_when_it_starts(qtbot: QtBot, runtime: Runtime,
                                                             widget: QWidget) -> None:
    wanted: set[int] = set()
    gate, read = Gate(), []

    def take() -> Callable[[], Any] | None:
        if not wanted:
            return None
        ids = frozenset(wanted)
        wanted.clear()
        return gate.work(sorted(ids))

    def ask(*ids: int) -> None:
        wanted.update(ids)
        Operation.prepared(widget, take, runtime.operations).coalesce("read").success(read.append).run()

    ask(1)
    ask(2)
    ask(3, 4)
    gate.opened.set()
    drain(qtbot, runtime)
    assert read == [[1], [2, 3, 4]]  # everything asked for while the first ran, in one read


def test_a_waiting_read_of_a_widget_gone_never_runs(qtbot: QtBot, runtime: Runtime) -> None:
    owner, gate = QObject(), Gate()
    Operation(owner, gate.work(1), runtime.operations).coalesce("read").run()
    Operation(owner, gate.work(2), runtime.operations).coalesce("read").run()
    shiboken6.delete(owner)
    gate.opened.set()
    drain(qtbot, runtime)
    assert gate.runs == ["1"]


def test_shutdown_is_one_path_safe_twice_and_refuses_later_work(qtbot: QtBot, runtime: Runtime,
                                                               widget: QWidget) -> None:
    closing: list[str] = []
    runtime.closing.connect(lambda: closing.append("closing"))
    gate, seen = Gate(), []
    gate.opened.set()
    Operation(widget, gate.work(), runtime.operations).success(seen.append).run()
    runtime.shutdown()
    runtime.shutdown()
    assert closing == ["closing"]
    Operation(widget, gate.work("late"), runtime.operations).success(seen.append).busy(widget).run()
    qtbot.wait(50)
    assert "late" not in gate.runs and seen == [] and widget.isEnabled()
    runtime.start()  # after the way out there is no way back in
    assert runtime.core is None
