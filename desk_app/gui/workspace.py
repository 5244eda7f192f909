"""The clerk workspace: the desk's live queues, the ticket at the desk and every counter action.

Every action is one key (shown on its button) and one background job; while a
job runs the actions are disabled so a double press cannot send it twice. A
refused action (another desk was quicker, no permission) shows the core's own
sentence; the core's conditional updates guarantee nothing was half-done, and
the views reload either way.

The views follow the change feed without re-reading the whole day: a batch of
ticket changes re-reads only those tickets (through the same list query, narrowed
to them), the per-service summary and, when this desk is concerned, its current
ticket, and the model puts each ticket in its place. A full reload happens at
login, on a filter change, after a reconnection (``resync``) and after a refused
action. Reads are coalesced (one :class:`~desk_app.gui.operations.Operation`
key): while one runs, further changes are gathered into the next one, which
decides what to read when it starts, instead of being queued one by one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import DeskError, QueueEmptyError
from desk_app.gui.checklist import ChecklistPanel
from desk_app.gui.forms.ui_workspace import Ui_Workspace
from desk_app.gui.labels import (
    LANGUAGE_LABELS,
    OUTCOME_LABELS,
    PRIORITY_LABELS,
    staff_label,
    status_label,
    ticket_lines,
)
from desk_app.gui.models import ServiceSummaryModel, TicketRole, TicketTableModel
from desk_app.gui.operations import Operation
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.mediators import WaitingForMediator
    from desk_app.core.queue import ServiceQueue, TicketView, TransferTargets
    from desk_app.db.feed import Change
    from desk_app.gui.booking import TicketMediatorDialog
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)

#: How often the minutes-waiting column moves on, ms.
TICK_MS = 30_000
#: The case outcome a ticket's outcome means (F9 closes the ticket's open case with it), and back.
TICKET_TO_CASE_OUTCOME = {"completed": "complete", "missing_documents": "incomplete", "redirected": "redirected",
                          "not_competent": "redirected", "other": "withdrawn"}
CASE_TO_TICKET_OUTCOME = {"complete": "completed", "incomplete": "missing_documents", "redirected": "redirected",
                          "withdrawn": "other"}


@dataclass(frozen=True)
class QueueSnapshot:
    """One consistent read of what the workspace shows."""

    queues: list[ServiceQueue]
    tickets: list[TicketView]
    current: TicketView | None
    now: datetime
    held: list[WaitingForMediator]


@dataclass(frozen=True)
class QueueChanges:
    """A re-read of the tickets the change feed reported, and of what depends on them.

    Attributes:
        ticket_ids: the changed tickets.
        statuses: the list filter the read was made for.
        tickets: those of ``ticket_ids`` that belong in the list now, in call order.
        queues: the per-service summary.
        current_read: whether ``current`` was re-read (only when this desk was concerned).
        current: the desk's ticket, if re-read.
        held: the desk's waiting tickets the mediator gate holds back now, with why.
    """

    ticket_ids: frozenset[int]
    statuses: tuple[str, ...]
    tickets: list[TicketView]
    queues: list[ServiceQueue]
    current_read: bool
    current: TicketView | None
    now: datetime
    held: list[WaitingForMediator]


class TransferDialog(QDialog):
    """F8: where the ticket goes: another service's queue, a desk, or a colleague (wherever they sit).

    Keys: Alt+S / Alt+P / Alt+C (Italian: «&Servizio», «S&portello», «&Collega») choose the kind and put the
    focus on its list; arrows pick; Enter transfers; Esc closes. :attr:`chosen` is ``(kind, code)`` once
    accepted (with the label the list showed), ``kind`` one of ``service``, ``desk``, ``staff``.
    """

    KINDS = ("service", "desk", "staff")

    def __init__(self, ticket: TicketView, targets: TransferTargets, own_desk: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer %1").replace("%1", ticket.number))
        self.chosen: tuple[str, str, str] | None = None
        self._options: dict[str, list[tuple[str, str]]] = {
            "service": [(c, f"{c} · {n}") for c, n in targets.services if c != ticket.service_code],
            "desk": [(c, f"{c} · {n}") for c, n in targets.desks if c != own_desk],
            "staff": [(u, f"{n} ({u})") for u, n in targets.colleagues],
        }
        layout = QVBoxLayout(self)
        self.infoLabel = QLabel(self.tr("Move ticket %1 (%2) to:").replace("%1", ticket.number)
                                .replace("%2", ticket.service_code), self)
        layout.addWidget(self.infoLabel)
        kinds = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.kindButtons: dict[str, QRadioButton] = {}
        labels = {"service": self.tr("the queue of a &service"), "desk": self.tr("a &desk"),
                  "staff": self.tr("a &colleague")}
        for index, kind in enumerate(self.KINDS):
            button = QRadioButton(labels[kind], self)
            button.setObjectName(f"{kind}Kind")
            button.setEnabled(bool(self._options[kind]))
            self.group.addButton(button, index)
            kinds.addWidget(button)
            self.kindButtons[kind] = button
        layout.addLayout(kinds)
        self.targetList = QListWidget(self)
        self.targetList.setObjectName("targetList")
        layout.addWidget(self.targetList)
        self.hintLabel = QLabel(self)
        self.hintLabel.setWordWrap(True)
        layout.addWidget(self.hintLabel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Transfer"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.group.idToggled.connect(self._kind_toggled)
        self.targetList.itemActivated.connect(lambda _item: self._accept())
        first = next((k for k in self.KINDS if self._options[k]), None)
        if first is not None:
            self.kindButtons[first].setChecked(True)
        self.resize(460, 360)

    def kind(self) -> str | None:
        """The kind of target chosen now."""
        index = self.group.checkedId()
        return self.KINDS[index] if index >= 0 else None

    def _kind_toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        kind = self.KINDS[index]
        self.targetList.clear()
        for code, label in self._options[kind]:
            item = QListWidgetItem(label, self.targetList)
            item.setData(Qt.ItemDataRole.UserRole, code)
        self.targetList.setCurrentRow(0)
        self.hintLabel.setText({
            "service": self.tr("It joins that queue in its place by waiting time."),
            "desk": self.tr("It keeps its place; only that desk calls it."),
            "staff": self.tr("It keeps its place; only that colleague calls it, at whatever desk."),
        }[kind])
        if self.isVisible():
            self.targetList.setFocus()

    def _accept(self) -> None:
        kind, item = self.kind(), self.targetList.currentItem()
        if kind is None or item is None:
            return
        self.chosen = (kind, str(item.data(Qt.ItemDataRole.UserRole)), item.text())
        self.accept()


class Workspace(QWidget):
    """The counter clerk's main screen.

    Args:
        session: the logged-in clerk and desk.
        runtime: the app's runtime: operations, change feed (:attr:`Runtime.changed`), online state.
        seams: dialogs, printer, chime.

    Signals:
        walk_in_requested(): the clerk asked for the walk-in ticket dialog (F2).
        refreshed(): the views show a fresh read (tests and the benchmark wait on it).
        mediator_changed(): the change feed reported a mediator booking change (the mediator dialog re-reads).

    Attributes:
        counter_actions: the counter actions by name (``call_next``, ``recall``, ``serve``, ``no_show``, ``park``,
            ``transfer``, ``finish``, ``resume``, ``reactivate``, ``cancel``, ``mediator``, ``walk_in``,
            ``checklist``); the main window puts them in its menu.
        mediator_dialog: the mediator dialog of a held ticket, once opened (Ctrl+M).
        transfer_dialog: the transfer dialog while open (F8).
        message: the last feedback line shown under the desk's ticket (what the last action did).
        current: the ticket held by this desk, as last read.
        checklist: the document checklist of the ticket at the desk (its own tab).
    """

    walk_in_requested = Signal()
    refreshed = Signal()
    mediator_changed = Signal()

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desk_app.core.queue import OUTCOMES  # core is loaded once someone is logged in

        self.session = session
        self.runtime = runtime
        self.seams = seams
        self.current: TicketView | None = None
        self.mediator_dialog: TicketMediatorDialog | None = None
        self.transfer_dialog: TransferDialog | None = None
        self.message = ""
        self._online = runtime.online
        self._busy = False  # a counter action runs
        self._allowed: dict[str, int | None] = {}  # the core's answer: allowed action -> the ticket it acts on
        self._want_full = False  # the next read must be a full reload
        self._want_ids: set[int] = set()  # tickets to re-read next
        self._want_current = False  # the next partial read must re-read this desk's ticket

        self.ui = Ui_Workspace()
        self.ui.setupUi(self)
        # Built here rather than in the form: the mediator button sits with the actions on the selected ticket,
        # the feedback line under the desk's ticket says what the last action did (no modal box for it).
        self.mediatorButton = QToolButton(self.ui.ticketsBox)
        self.ui.selectedActionsLayout.insertWidget(0, self.mediatorButton)
        self.messageLabel = QLabel(self.ui.currentBox)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setObjectName("messageLabel")
        self.ui.currentLayout.insertWidget(2, self.messageLabel)
        self.summary_model = ServiceSummaryModel(self)
        self.tickets_model = TicketTableModel(self)
        self._setup_views()
        self.checklist = ChecklistPanel(session, runtime, seams, self.ui.checklistTab)
        self.checklist.case_closed.connect(self._case_closed)
        self.checklist.said.connect(self.say)
        self.ui.checklistLayout.addWidget(self.checklist)
        for code in OUTCOMES:
            self.ui.outcomeCombo.addItem(staff_label(OUTCOME_LABELS, code), code)
        self._filters: list[tuple[str, tuple[str, ...]]] = [
            (self.tr("Waiting"), ("waiting",)),
            (self.tr("Parked"), ("parked",)),
            (self.tr("No-show"), ("no_show",)),
            (self.tr("At the desks"), ("called", "serving")),
        ]
        for label, statuses in self._filters:
            self.ui.statusFilter.addItem(label, statuses)
        self.ui.statusFilter.currentIndexChanged.connect(self.schedule_refresh)

        self.counter_actions: dict[str, QAction] = self._create_actions()
        font = self.ui.currentNumber.font()
        font.setPointSize(40)
        font.setBold(True)
        self.ui.currentNumber.setFont(font)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(lambda: self.tickets_model.set_now(self.session.core.clock.now()))
        self._tick.start()
        self._show_current(None)
        runtime.changed.connect(self.on_changes)
        runtime.online_changed.connect(self.set_online)

    # -- construction --------------------------------------------------------------------------------------------
    def _setup_views(self) -> None:
        self.ui.summaryView.setModel(self.summary_model)
        self.ui.ticketsView.setModel(self.tickets_model)
        for view in (self.ui.summaryView, self.ui.ticketsView):
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        self.ui.summaryView.horizontalHeader().setSectionResizeMode(
            ServiceSummaryModel.SERVICE, QHeaderView.ResizeMode.Stretch)
        # Size the columns from the visible rows only: by default Qt measures 1,000 rows on every change,
        # which took 100-200 ms of the UI thread per update with 2,000 tickets in the list.
        self.ui.ticketsView.horizontalHeader().setResizeContentsPrecision(0)
        self.ui.ticketsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ui.ticketsView.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

    def _create_actions(self) -> dict[str, QAction]:
        specs: list[tuple[str, str, str, Callable[[], None], QToolButton | None]] = [
            ("call_next", self.tr("Call next"), "F5", self.call_next, self.ui.callNextButton),
            ("recall", self.tr("Recall"), "F6", self.recall, self.ui.recallButton),
            ("serve", self.tr("Start serving"), "F4", self.start_serving, self.ui.serveButton),
            ("no_show", self.tr("Mark no-show"), "F7", self.no_show, self.ui.noShowButton),
            ("park", self.tr("Park"), "F3", self.park, self.ui.parkButton),
            ("transfer", self.tr("Transfer…"), "F8", self.transfer, self.ui.transferButton),
            ("finish", self.tr("Finish"), "F9", self.finish, self.ui.finishButton),
            ("resume", self.tr("Resume"), "Ctrl+R", self.resume, self.ui.resumeButton),
            ("reactivate", self.tr("Reactivate"), "Ctrl+Shift+R", self.reactivate, self.ui.reactivateButton),
            ("cancel", self.tr("Cancel ticket"), "Shift+Del", self.cancel, self.ui.cancelButton),
            ("mediator", self.tr("Mediator…"), "Ctrl+M", self._mediator_key, self.mediatorButton),
            ("walk_in", self.tr("Walk-in ticket…"), "F2", self.walk_in_requested.emit, self.ui.walkInButton),
            ("checklist", self.tr("Queue / checklist"), "F10", self.toggle_checklist, None),
        ]
        actions: dict[str, QAction] = {}
        for name, text, key, slot, button in specs:
            action = QAction(text, self)
            sequence = QKeySequence(key)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            # Buttons show the key under the label so clerks learn it; menus show it natively.
            action.setIconText(f"{text.rstrip('…')}\n{sequence.toString(QKeySequence.SequenceFormat.NativeText)}")
            action.triggered.connect(slot)
            self.addAction(action)
            actions[name] = action
            if button is not None:
                button.setDefaultAction(action)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.setMinimumHeight(56 if name != "call_next" else 72)
        big = QFont(self.ui.callNextButton.font())
        big.setPointSize(big.pointSize() + 4)
        big.setBold(True)
        self.ui.callNextButton.setFont(big)
        return actions

    # -- loading -------------------------------------------------------------------------------------------------
    def _selected_statuses(self) -> tuple[str, ...]:
        return tuple(self.ui.statusFilter.currentData() or ("waiting",))

    def load_snapshot(self, statuses: tuple[str, ...]) -> QueueSnapshot:
        """Read what the workspace shows (runs on the worker thread)."""
        queue, actor, desk = self.session.core.queue, self.session.actor, self.session.desk_code
        return QueueSnapshot(
            queue.summary(actor, desk),
            queue.tickets(actor, desk_code=desk, statuses=statuses),
            queue.current_ticket(actor, desk),
            queue.clock.now(),
            self.session.core.mediators.waiting_for_mediator(actor, desk),
        )

    def load_changes(self, statuses: tuple[str, ...], ticket_ids: frozenset[int], with_current: bool,
                     known_held: bool = True) -> QueueChanges:
        """Re-read the changed tickets, the summary and (if asked) the desk's ticket (runs on the worker thread).

        The held tickets are re-read only when some were held before (``known_held``) or a re-read ticket needs
        a mediator: most changes of a busy morning concern no mediator, and cost no extra query.
        """
        queue, actor, desk = self.session.core.queue, self.session.actor, self.session.desk_code
        tickets = queue.tickets(actor, desk_code=desk, statuses=statuses, ticket_ids=ticket_ids)
        held = self.session.core.mediators.waiting_for_mediator(actor, desk) \
            if known_held or any(t.needs_mediator for t in tickets) else []
        return QueueChanges(
            ticket_ids, statuses, tickets,
            queue.summary(actor, desk),
            with_current,
            queue.current_ticket(actor, desk) if with_current else None,
            queue.clock.now(),
            held,
        )

    def schedule_refresh(self) -> None:
        """Reload everything in the background (coalesced with any read already asked for)."""
        self._want_full = True
        self._next_read()

    def refresh_tickets(self, ticket_ids: set[int], with_current: bool) -> None:
        """Re-read only these tickets (and the desk's own ticket if ``with_current``) in the background."""
        self._want_ids |= ticket_ids
        self._want_current = self._want_current or with_current
        self._next_read()

    def on_changes(self, changes: list[Change]) -> None:
        """Slot for :attr:`Runtime.changed`: re-read the changed tickets; a resync reloads everything."""
        ticket_ids: set[int] = set()
        with_current = False
        for change in changes:
            if change.kind == "resync":
                self.schedule_refresh()
                return
            if change.kind == "mediator_booking":
                # A mediator booked, present, declined or cancelled: which tickets the gate holds back changed
                # (on every desk at once); the held marks and the mediator dialog are re-read.
                self.schedule_refresh()
                self.mediator_changed.emit()
                return
            if change.kind != "ticket":
                continue
            ticket_id = change.data.get("ticket")
            if not isinstance(ticket_id, int):  # a publisher that does not say which ticket: read it all
                self.schedule_refresh()
                return
            ticket_ids.add(ticket_id)
            if change.data.get("desk") == self.session.desk_code \
                    or (self.current is not None and self.current.id == ticket_id):
                with_current = True
        if ticket_ids:
            self.refresh_tickets(ticket_ids, with_current)

    def _next_read(self) -> None:
        """Ask for the read that is wanted; while one runs, one more follows it (not one per change)."""
        if not (self._want_full or self._want_ids):
            return
        Operation.prepared(self, self._take_read, self.runtime.operations).coalesce("queue") \
            .success(self._apply_read).failure(self._refresh_failed).run()

    def _take_read(self) -> Callable[[], QueueSnapshot | QueueChanges] | None:
        """What the read starting now reads: everything asked for since the last one started."""
        statuses = self._selected_statuses()
        if self._want_full:
            self._want_full, self._want_ids, self._want_current = False, set(), False
            return lambda: self.load_snapshot(statuses)
        if not self._want_ids:
            return None
        ids, with_current = frozenset(self._want_ids), self._want_current
        self._want_ids, self._want_current = set(), False
        known_held = self.tickets_model.has_held()
        return lambda: self.load_changes(statuses, ids, with_current, known_held)

    def _apply_read(self, read: QueueSnapshot | QueueChanges) -> None:
        if isinstance(read, QueueSnapshot):
            self._apply_snapshot(read)
        else:
            self._apply_changes(read)

    def _read_done(self) -> None:
        self.ui.countLabel.setText(self.tr("%n ticket(s)", "", self.tickets_model.rowCount()))
        if not (self._want_full or self._want_ids):  # else the read asked for meanwhile follows this one
            self.refreshed.emit()

    def _apply_snapshot(self, snapshot: QueueSnapshot) -> None:
        selected = self._selected_ticket()
        self.summary_model.set_queues(snapshot.queues)
        self.tickets_model.set_tickets(snapshot.tickets, snapshot.now)
        self.tickets_model.set_held(snapshot.held)
        if selected is not None and (row := self.tickets_model.row_of(selected.id)) >= 0:
            self.ui.ticketsView.selectRow(row)
        else:
            self.ui.ticketsView.selectionModel().clear()  # never another person's ticket in its place
        self._show_current(snapshot.current)
        self._read_done()

    def _apply_changes(self, changes: QueueChanges) -> None:
        self.summary_model.set_queues(changes.queues)
        if changes.statuses == self._selected_statuses():
            selected = self._selected_ticket()
            self.tickets_model.apply_changes(changes.ticket_ids, changes.tickets, changes.now)
            if selected is not None and self.tickets_model.row_of(selected.id) < 0:
                # The selected ticket left the list (reactivated, resumed, cancelled, called): Qt would move the
                # selection to the neighbouring row, another person's ticket, and a second key press would act
                # on them. Nothing is selected instead.
                self.ui.ticketsView.selectionModel().clear()
                self._update_actions()
        self.tickets_model.set_held(changes.held)
        # else the filter changed meanwhile, and the full reload it asked for follows
        if changes.current_read:
            self._show_current(changes.current)
        self._read_done()

    def _refresh_failed(self, exc: DeskError) -> None:
        if not is_connection_error(exc):  # the banner already says the database is away
            self.ui.countLabel.setText(exc.message(self.session.language))
        # The changes this read was for are unknown now: the next read, whatever triggers it (a change, the
        # connection coming back), reloads everything. Not retried at once, which could spin on a lasting error.
        self._want_full = True

    # -- current ticket ------------------------------------------------------------------------------------------
    def _show_current(self, ticket: TicketView | None) -> None:
        self.current = ticket
        self.checklist.set_ticket(ticket)
        if ticket is None:
            self.ui.currentNumber.setText("—")
            self.ui.currentDetails.setText(self.tr("No ticket at this desk. Press F5 to call the next one."))
        else:
            self.ui.currentNumber.setText(ticket.number)
            details = [ticket.service_name, status_label(ticket.status, self.session.language),
                       staff_label(PRIORITY_LABELS, ticket.priority)]
            if ticket.language:
                own, staff = ticket_lines().get(ticket.language), staff_label(LANGUAGE_LABELS, ticket.language)
                details.append(f"{staff} ({own.name})" if own and own.name != staff else staff)
            if ticket.needs_mediator:
                details.append(self.tr("needs a mediator"))
            if ticket.recall_count:
                details.append(self.tr("recalled %n time(s)", "", ticket.recall_count))
            if ticket.transferred_from:
                details.append(self.tr("transferred from %1").replace("%1", ticket.transferred_from))
            self.ui.currentDetails.setText(" · ".join(details))
        self._update_actions()

    def _selected_ticket(self) -> TicketView | None:
        index: QModelIndex = self.ui.ticketsView.selectionModel().currentIndex()
        return index.data(TicketRole) if index.isValid() else None

    #: Actions of the window that are not ticket transitions: always there while the window is usable.
    _WINDOW_ACTIONS = frozenset({"walk_in", "checklist", "mediator"})

    def _update_actions(self) -> None:
        """Enable what the core allows now on the desk's ticket and the selected one (the GUI re-derives nothing)."""
        ready = self._online and not self._busy
        self._allowed = self.session.core.queue.actions_for_desk(self.session.actor, self.session.desk_code,
                                                                 self.current, self._selected_ticket())
        for name, action in self.counter_actions.items():
            action.setEnabled(ready and (name in self._WINDOW_ACTIONS or name in self._allowed))
        self.ui.outcomeCombo.setEnabled(ready and "finish" in self._allowed)

    def say(self, text: str, refused: bool = False) -> None:
        """Show what the last action did (or why it was not done) on the feedback line, without a modal box."""
        self.message = text
        self.messageLabel.setStyleSheet("color: #b00020;" if refused else "color: #0a6b2d;")
        self.messageLabel.setText(text)

    # -- mediators -----------------------------------------------------------------------------------------------
    def mediator_ticket(self) -> TicketView | None:
        """The ticket Ctrl+M is about: the selected one if it needs a mediator, else the desk's own if it does,
        else the first ticket of the list the gate holds back (so the key alone reaches the oldest held)."""
        selected = self._selected_ticket()
        for ticket in (selected, self.current):
            if ticket is not None and ticket.needs_mediator and ticket.status in ("waiting", "called", "serving",
                                                                                   "parked"):
                return ticket
        return next((t for t in self.tickets_model.tickets() if self.tickets_model.held(t.id) is not None), None)

    def open_mediator(self) -> TicketMediatorDialog | None:
        """Ctrl+M: book a mediator for the held ticket, mark them present, or override the hold with a reason."""
        from desk_app.gui.booking import TicketMediatorDialog

        ticket = self.mediator_ticket()
        if ticket is None:
            self.say(self.tr("No ticket here needs a mediator."), refused=True)
            return None
        if self.mediator_dialog is None:
            self.mediator_dialog = TicketMediatorDialog(self.session, self.runtime, self)
            self.mediator_changed.connect(self.mediator_dialog.reload)
            self.mediator_dialog.done_action.connect(self._mediator_done)
        held = self.tickets_model.held(ticket.id)
        self.mediator_dialog.show_ticket(ticket, held)
        return self.mediator_dialog

    def _mediator_key(self) -> None:
        self.open_mediator()

    def _mediator_done(self, text: str) -> None:
        self.say(text)
        self.schedule_refresh()

    def toggle_checklist(self) -> None:
        """F10: between the queue and the checklist of the ticket at the desk."""
        tabs = self.ui.workTabs
        tabs.setCurrentWidget(self.ui.queueTab if tabs.currentWidget() is self.ui.checklistTab
                              else self.ui.checklistTab)

    def set_online(self, online: bool) -> None:
        """Slot for :attr:`Runtime.online_changed`: actions are disabled while the database is away; a reload
        follows its return."""
        self._online = online
        self._update_actions()
        if online:
            self.schedule_refresh()

    # -- actions -------------------------------------------------------------------------------------------------
    def _run(self, work: Callable[[], TicketView], done: str | None = None) -> None:
        """Run one counter action in the background (actions disabled meanwhile); show a refusal; reload either way.

        ``done``: the feedback line after it worked (``%1`` = the ticket's number).
        """
        if self._busy:
            return

        def acted(ticket: TicketView) -> None:
            self._acted(ticket)
            if done:
                self.say(done.replace("%1", ticket.number))

        Operation(self, work, self.runtime.operations).success(acted).failure(self._refused) \
            .busy(self._set_busy).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    def _acted(self, ticket: TicketView) -> None:
        if ticket.desk_code == self.session.desk_code and ticket.status in ("called", "serving"):
            self._show_current(ticket)
        elif self.current is not None and self.current.id == ticket.id:
            self._show_current(None)
        # The feed reports this change too; asking now shows it without waiting for the feed.
        self.refresh_tickets({ticket.id}, with_current=True)

    def _refused(self, exc: DeskError) -> None:
        if isinstance(exc, QueueEmptyError):
            # An empty queue is no error: said on the feedback line, never a box to dismiss each time.
            self.say(exc.message(self.session.language), refused=True)
        elif not is_connection_error(exc):  # the banner says that one
            self.say(exc.message(self.session.language), refused=True)
            self.seams.dialogs.warn(self, self.tr("Not done"), exc.message(self.session.language))
        self.schedule_refresh()

    def call_next(self) -> None:
        """F5: give this desk the first callable ticket of its services."""
        queue, actor, desk = self.session.core.queue, self.session.actor, self.session.desk_code
        self._run(lambda: queue.call_next(actor, desk), self.tr("Ticket %1 called."))

    def _act(self, name: str, act: Callable[..., TicketView], done: str | None = None) -> None:
        """Run counter action ``name`` on the ticket the core said it acts on (:meth:`QueueService.actions_for_desk`),
        by id: if that ticket moved meanwhile, the core refuses and says why, instead of acting on whatever the
        desk holds now. ``act(queue, actor, desk, ticket_id)``."""
        if name not in self._allowed:
            return
        ticket_id = self._allowed[name]
        queue, actor, desk = self.session.core.queue, self.session.actor, self.session.desk_code
        self._run(lambda: act(queue, actor, desk, ticket_id), done)

    def recall(self) -> None:
        """F6: announce the called ticket again."""
        self._act("recall", lambda queue, actor, desk, ticket_id: queue.recall(actor, desk, ticket_id))

    def start_serving(self) -> None:
        """F4: the called person is at the desk."""
        self._act("serve", lambda queue, actor, desk, ticket_id: queue.start_serving(actor, desk, ticket_id))

    def no_show(self) -> None:
        """F7: nobody came."""
        self._act("no_show", lambda queue, actor, desk, ticket_id: queue.no_show(actor, desk, ticket_id),
                  self.tr("Ticket %1 marked as no-show."))

    def park(self) -> None:
        """F3: set the ticket aside; the desk is free for the next one."""
        self._act("park", lambda queue, actor, desk, ticket_id: queue.park(actor, desk, ticket_id),
                  self.tr("Ticket %1 parked."))

    def finish(self) -> None:
        """F9: close the ticket with the outcome chosen in the combo box.

        One outcome for both: an open case of this ticket is closed first with the matching case outcome
        (asking, when "completed" meets missing documents), then the ticket.
        """
        if "finish" not in self._allowed:
            return
        outcome = self.ui.outcomeCombo.currentData() or "completed"
        ticket_id = self._allowed["finish"]

        def finish_ticket() -> None:
            # Read again: closing the case may have changed it (the clerk chose "incomplete" when asked).
            final = self.ui.outcomeCombo.currentData() or outcome
            self._act("finish", lambda queue, actor, desk, ticket: queue.finish(actor, desk, final, ticket),
                      self.tr("Ticket %1 finished."))
            self.ui.outcomeCombo.setCurrentIndex(0)

        if ticket_id is not None and self.checklist.open_case_of(ticket_id) is not None:
            self.checklist.close_case(TICKET_TO_CASE_OUTCOME.get(outcome, "complete"), then=finish_ticket)
            return
        finish_ticket()

    def _case_closed(self, case_outcome: str) -> None:
        """The case was closed from the checklist: the ticket's outcome follows it (one outcome drives both)."""
        index = self.ui.outcomeCombo.findData(CASE_TO_TICKET_OUTCOME.get(case_outcome, "completed"))
        if index >= 0:
            self.ui.outcomeCombo.setCurrentIndex(index)

    def transfer(self) -> None:
        """F8: move the desk's ticket (or the selected waiting one) to another service, or reserve it for a desk
        or a colleague (:class:`TransferDialog`)."""
        if "transfer" not in self._allowed:
            return
        # The core says which ticket a transfer moves: the desk's own, or the selected waiting one.
        ticket = next((t for t in (self.current, self._selected_ticket())
                       if t is not None and t.id == self._allowed["transfer"]), None)
        if ticket is None:
            return
        # F8 with nobody at the desk would move a waiting person chosen only by where the list's selection
        # happens to be: say which one, and move it only if the clerk agrees.
        not_at_desk = self.current is None or ticket.id != self.current.id
        if not_at_desk and not self.seams.dialogs.confirm(
                self, self.tr("Transfer %1").replace("%1", ticket.number),
                self.tr("Your desk holds no ticket. Transfer the waiting ticket %1?").replace("%1", ticket.number)):
            return
        queue, actor = self.session.core.queue, self.session.actor
        Operation(self, lambda: queue.transfer_targets(actor), self.runtime.operations) \
            .success(lambda targets: self._open_transfer(ticket, targets)).failure(self._refused).run()

    def _open_transfer(self, ticket: TicketView, targets: TransferTargets) -> None:
        if self.transfer_dialog is not None:
            self.transfer_dialog.close()
        dialog = self.transfer_dialog = TransferDialog(ticket, targets, self.session.desk_code, self)
        dialog.accepted.connect(lambda: self._transfer_chosen(ticket, dialog.chosen))
        dialog.open()
        dialog.targetList.setFocus()

    def _transfer_chosen(self, ticket: TicketView, chosen: tuple[str, str, str] | None) -> None:
        if chosen is None:
            return
        kind, target, label = chosen
        queue, actor, desk, ticket_id = self.session.core.queue, self.session.actor, self.session.desk_code, ticket.id
        if kind == "service":
            self._run(lambda: queue.transfer(actor, ticket_id, target, desk_code=desk),
                      self.tr("Ticket %1 moved to %2.").replace("%2", target))
        elif kind == "desk":
            self._run(lambda: queue.transfer(actor, ticket_id, desk_code=desk, to_desk=target),
                      self.tr("Ticket %1 reserved for desk %2.").replace("%2", target))
        else:
            self._run(lambda: queue.transfer(actor, ticket_id, desk_code=desk, to_staff=target),
                      self.tr("Ticket %1 reserved for %2.").replace("%2", label))

    def resume(self) -> None:
        """Ctrl+R: put the selected parked ticket back in the queue, in its original place."""
        self._act("resume", lambda queue, actor, desk, ticket_id: queue.resume(actor, ticket_id, desk),
                  self.tr("Ticket %1 is back in the queue."))

    def reactivate(self) -> None:
        """Ctrl+Shift+R: the selected no-show person came back: waiting again."""
        self._act("reactivate", lambda queue, actor, desk, ticket_id: queue.reactivate(actor, ticket_id, desk),
                  self.tr("Ticket %1 is waiting again."))

    def cancel(self) -> None:
        """Shift+Del: withdraw the selected waiting or parked ticket, after asking."""
        ticket = self._selected_ticket()
        if ticket is None or not self.seams.dialogs.confirm(
                self, self.tr("Cancel ticket"), self.tr("Cancel ticket %1? It cannot be called any more.")
                .replace("%1", ticket.number)):
            return
        self._act("cancel", lambda queue, actor, desk, ticket_id: queue.cancel(actor, ticket_id, desk),
                  self.tr("Ticket %1 cancelled."))

