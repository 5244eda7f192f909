"""Database work bound to the widget that asked for it (Anki's ``aqt/operations``: ``CollectionOp``/``QueryOp``).

Every database call of the GUI is an :class:`Operation`::

    Operation(self, lambda: queue.call_next(actor, desk), self.runtime.operations) \\
        .success(self._called).failure(title=self.tr("Not done")).busy(self._set_busy).run()

* The work runs on the one background worker (:class:`~desk_app.gui.worker.DbWorker`), in submission order.
* Its callbacks run on the UI thread, and only while ``parent`` (the object that asked) exists: an answer that
  comes back after its widget was deleted (``deleteLater``, closed with ``WA_DeleteOnClose``, its window gone),
  or while it is being deleted, is dropped. (A reload asked for just before the screen was locked used to reach
  a deleted table: ``RuntimeError: Internal C++ object already deleted``.)
* Failures: without a handler, "the database does not answer" is left to the banner (the worker has already
  taken the app offline), any other :class:`~desk_app.errors.DeskError` is shown as its one sentence in the
  staff language, and anything else is a bug: it takes the crash path (log with traceback, crash dialog), also
  when the widget is gone.
* Busy state: widgets and actions given to :meth:`Operation.busy` are disabled while the work runs and
  restored after it, on failure too, never touched once deleted; a callback gets ``True`` / ``False``.
* Coalescing: an operation with a key (:meth:`Operation.coalesce`) asked for while one with the same parent and
  key is running waits; of all those that waited, only the last one runs, once, after the running one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desk_app.errors import DeskError

if TYPE_CHECKING:
    from desk_app.gui.worker import DbWorker

T = TypeVar("T")
#: What :meth:`Operation.busy` accepts: a widget or an action to disable, or a callback told ``True``/``False``.
BusyTarget = QWidget | QAction | Callable[[bool], object]
#: The default failure handling: ``(parent or None when it is gone, error, dialog title)``.
FailureReporter = Callable[[QObject | None, BaseException, str], None]


def is_alive(obj: QObject) -> bool:
    """``obj``'s C++ side still exists: neither deleted nor in its destructor.

    Shiboken marks a wrapper invalid as the C++ destructor starts, before ``destroyed`` is emitted
    (checked on PySide 6.11 for widgets made in Python and their children), so a ``destroyed``
    connection per operation would add nothing to this check.
    """
    return shiboken6.isValid(obj)


@dataclass
class _Lane:
    """The operations of one (parent, key): the one running and the one asked for since."""

    running: Operation[Any]
    waiting: Operation[Any] | None = None


@dataclass
class _Hold:
    """A busy target held by running operations: how many, and its own enabled state before the first."""

    count: int
    was_enabled: bool


class OperationRunner:
    """What every :class:`Operation` runs through: the worker, the default failure handling, coalescing, busy holds.

    Built once by the :class:`~desk_app.gui.runtime.Runtime` (``runtime.operations``).

    Args:
        worker: the one background worker.
        report_failure: the default failure handling (see the module docstring).

    Attributes:
        worker: the background worker.
        report_failure: the default failure handling.
    """

    def __init__(self, worker: DbWorker, report_failure: FailureReporter) -> None:
        self.worker = worker
        self.report_failure = report_failure
        self._lanes: dict[tuple[QObject, Hashable], _Lane] = {}
        self._holds: dict[Any, _Hold] = {}

    # -- coalescing ------------------------------------------------------------------------------------------------
    def _run(self, operation: Operation[Any]) -> None:
        lane_key = operation._lane_key()
        if lane_key is None:
            operation._start()
            return
        lane = self._lanes.get(lane_key)
        if lane is None:
            self._lanes[lane_key] = _Lane(operation)
            operation._start()
        else:
            lane.waiting = operation  # replaces any that waited: the newest question is the one worth asking

    def _ended(self, operation: Operation[Any], parent_alive: bool) -> None:
        lane_key = operation._lane_key()
        lane = self._lanes.get(lane_key) if lane_key is not None else None
        if lane is None or lane.running is not operation:
            return
        if parent_alive and lane.waiting is not None:
            lane.running, lane.waiting = lane.waiting, None
            lane.running._start()
        else:
            del self._lanes[lane_key]  # type: ignore[arg-type]  # not None: the lane was found by it

    def waiting(self, parent: QObject, key: Hashable) -> bool:
        """Whether an operation of ``parent`` with ``key`` waits for the running one."""
        lane = self._lanes.get((parent, key))
        return lane is not None and lane.waiting is not None

    # -- busy state ------------------------------------------------------------------------------------------------
    # Counted per target, so two operations sharing a button neither re-enable it early nor leave it disabled.
    def _hold(self, target: BusyTarget) -> None:
        hold = self._holds.get(target)
        if hold is not None:
            hold.count += 1
            return
        if isinstance(target, (QWidget, QAction)) and not is_alive(target):
            return
        if isinstance(target, QWidget):
            # The widget's own flag, not isEnabled(): a child of a disabled box must not come back disabled.
            self._holds[target] = _Hold(1, not target.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled))
            target.setEnabled(False)
        elif isinstance(target, QAction):
            self._holds[target] = _Hold(1, target.isEnabled())
            target.setEnabled(False)
        else:
            self._holds[target] = _Hold(1, True)
            target(True)

    def _release(self, target: BusyTarget, parent_alive: bool) -> None:
        hold = self._holds.get(target)
        if hold is None:
            return
        hold.count -= 1
        if hold.count > 0:
            return
        del self._holds[target]
        if isinstance(target, (QWidget, QAction)):
            if is_alive(target):
                target.setEnabled(hold.was_enabled)
        elif parent_alive:  # a callback belongs to the widget that asked: not called once it is gone
            target(False)


class Operation(Generic[T]):
    """One piece of background work on behalf of ``parent``; configure it, then :meth:`run` it once.

    Args:
        parent: the object that asks (usually ``self`` of a widget): callbacks run only while it exists.
        work: what runs on the worker thread (no widget may be touched there); its result goes to
            :meth:`success`.
        runner: ``runtime.operations``.
    """

    def __init__(self, parent: QObject, work: Callable[[], T], runner: OperationRunner) -> None:
        self._setup(parent, lambda: work, runner)

    def _setup(self, parent: QObject, prepare: Callable[[], Callable[[], T] | None], runner: OperationRunner) -> None:
        self._parent = parent
        self._prepare = prepare
        self._runner = runner
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[DeskError], object] | None = None
        self._on_finished: Callable[[], object] | None = None
        self._title = ""
        self._busy: list[BusyTarget] = []
        self._key: Hashable | None = None

    @classmethod
    def prepared(cls, parent: QObject, prepare: Callable[[], Callable[[], T] | None],
                 runner: OperationRunner) -> Operation[T]:
        """An operation whose work is decided on the UI thread when it starts, not when it is asked for.

        Meant for coalesced reads: one that waited reads what is wanted by the time it runs. ``prepare``
        returning ``None`` means there is nothing to do any more (no callback runs).
        """
        operation: Operation[T] = cls.__new__(cls)
        operation._setup(parent, prepare, runner)
        return operation

    # -- configuration ---------------------------------------------------------------------------------------------
    def success(self, handler: Callable[[T], object]) -> Self:
        """``handler(result)`` on the UI thread when the work returned (only while the parent exists)."""
        self._on_success = handler
        return self

    def failure(self, handler: Callable[[DeskError], object] | None = None, *, title: str | None = None) -> Self:
        """Replace the default failure handling of known errors, or give its dialog a title.

        ``handler(error)`` gets every :class:`DeskError`, "database not answering" included (the app is
        already offline when it runs; :func:`~desk_app.gui.worker.is_connection_error` tells). Bugs never
        reach it: they always take the crash path. ``title`` (without ``handler``): the title of the default
        dialog (the application's name otherwise).
        """
        self._on_failure = handler
        if title is not None:
            self._title = title
        return self

    def finished(self, handler: Callable[[], object]) -> Self:
        """``handler()`` after the success or failure callback, whatever the outcome (only while the parent exists)."""
        self._on_finished = handler
        return self

    def busy(self, *targets: BusyTarget) -> Self:
        """Disable these widgets/actions (or call these with ``True``) while the work runs; restore them after."""
        self._busy.extend(targets)
        return self

    def coalesce(self, key: Hashable) -> Self:
        """While an operation of the same parent with ``key`` runs, wait; only the last one that waited runs."""
        self._key = key
        return self

    # -- running ---------------------------------------------------------------------------------------------------
    def run(self) -> None:
        """Start the work now, or after the running operation of the same key; never blocks.

        Nothing happens when the parent is already gone or the worker is shut down.
        """
        if self._parent_alive():
            self._runner._run(self)

    def _lane_key(self) -> tuple[QObject, Hashable] | None:
        return None if self._key is None else (self._parent, self._key)

    def _parent_alive(self) -> bool:
        return is_alive(self._parent)

    def _start(self) -> None:
        work = self._prepare()
        if work is None:
            self._runner._ended(self, self._parent_alive())
            return
        for target in self._busy:
            self._runner._hold(target)
        if self._runner.worker.submit(work, self._succeeded, self._failed) is None:
            for target in self._busy:  # shut down: nothing runs, nothing stays disabled
                self._runner._release(target, False)
            self._runner._ended(self, self._parent_alive())  # and its coalescing lane does not stay behind

    def _succeeded(self, result: T) -> None:
        handler = self._on_success
        self._deliver(lambda: handler(result) if handler is not None else None)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            handler = self._on_failure
            if handler is not None:
                self._deliver(lambda: handler(error))
            else:
                self._deliver(lambda: self._runner.report_failure(self._parent, error, self._title))
            return
        alive = self._parent_alive()
        self._deliver(lambda: None)  # widgets usable again before a crash dialog
        self._runner.report_failure(self._parent if alive else None, error, self._title)

    def _deliver(self, outcome: Callable[[], object]) -> None:
        alive = self._parent_alive()
        try:
            # Busy state first: a callback may start the next operation, which holds the same targets again.
            for target in self._busy:
                self._runner._release(target, alive)
            if alive:
                try:
                    outcome()
                finally:
                    if self._on_finished is not None and self._parent_alive():
                        self._on_finished()
        finally:
            self._runner._ended(self, self._parent_alive())

