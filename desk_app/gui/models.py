"""Qt item models of the live queue (models, not item widgets: views stay fast with thousands of rows).

The ticket list is filled whole once (:meth:`TicketTableModel.set_tickets`: at login, on a
filter change, after a reconnection) and then follows the change feed ticket by ticket
(:meth:`TicketTableModel.apply_changes`): only the changed tickets are re-read, and each
is updated in place, inserted at its place in call order, or removed. The other rows,
the selection and the scroll position are left alone, and the view lays out only what
moved. The per-service summary is a handful of rows and is simply replaced.
Minutes waiting move with the clock through :meth:`set_now`, which repaints that column only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desk_app.gui.labels import HELD_REASON_LABELS, PRIORITY_LABELS, language_choice, staff_label

if TYPE_CHECKING:
    from desk_app.core.mediators import WaitingForMediator
    from desk_app.core.queue import ServiceQueue, TicketView

Index = QModelIndex | QPersistentModelIndex
#: Role returning the whole :class:`~desk_app.core.queue.TicketView` of a row.
TicketRole = Qt.ItemDataRole.UserRole + 1
_LATE = QBrush(QColor("#f8d7da"))
_PRIORITY = QBrush(QColor("#fff3cd"))
_HELD = QBrush(QColor("#ffe0b2"))


def minutes_between(start: datetime, end: datetime) -> int:
    """Whole minutes from ``start`` to ``end`` (never negative)."""
    return max(0, int((end - start).total_seconds() // 60))


def call_order(ticket: TicketView) -> tuple[datetime, int]:
    """The order the core lists and calls tickets in: ``(sort_key, id)``."""
    return ticket.sort_key, ticket.id


class HeaderedTableModel(QAbstractTableModel):
    """A flat table whose columns are ``self._headers``; subclasses say how many rows and what is in a cell.

    The row count, column count and header data every table of the app shares live here once.
    """

    _headers: tuple[str, ...] = ()

    def _row_count(self) -> int:  # pragma: no cover - overridden
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default argument
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class TicketTableModel(HeaderedTableModel):
    """Today's tickets of the desk's services in one status, in call order.

    Columns: number, service, priority, language, mediator, minutes waiting (since issue). A waiting
    ticket the mediator gate holds back (:meth:`set_held`) says so in the mediator column, with why; one a
    transfer reserved for a desk or a colleague says for whom in the service column.
    """

    NUMBER, SERVICE, PRIORITY, LANGUAGE, MEDIATOR, WAITED = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tickets: list[TicketView] = []
        self._now: datetime | None = None
        self._held: dict[int, WaitingForMediator] = {}
        self._headers = (self.tr("Number"), self.tr("Service"), self.tr("Priority"), self.tr("Language"),
                         self.tr("Mediator"), self.tr("Minutes"))

    # -- filling -------------------------------------------------------------------------------------------------
    def set_tickets(self, tickets: Sequence[TicketView], now: datetime) -> None:
        """Replace every row (the view keeps its selection through :meth:`row_of`)."""
        self.beginResetModel()
        self._tickets = list(tickets)
        self._now = now
        self.endResetModel()

    def set_held(self, held: Sequence[WaitingForMediator]) -> None:
        """The tickets the mediator gate holds back now, and why (repaints the mediator column only)."""
        self._held = {h.ticket_id: h for h in held if h.ticket_id is not None}
        if self._tickets:
            self.dataChanged.emit(self.index(0, self.MEDIATOR), self.index(len(self._tickets) - 1, self.MEDIATOR))

    def has_held(self) -> bool:
        """Whether the gate holds any ticket back, as last read."""
        return bool(self._held)

    def held(self, ticket_id: int) -> WaitingForMediator | None:
        """Why the gate holds ``ticket_id`` back, or ``None`` (callable, or no mediator needed)."""
        return self._held.get(ticket_id)

    def apply_changes(self, changed: Collection[int], fresh: Sequence[TicketView], now: datetime) -> None:
        """Bring the rows of the ``changed`` tickets up to date from a partial re-read.

        Args:
            changed: ids of the tickets the change feed reported.
            fresh: those of them that belong in this list now, as the core's list query narrowed to
                ``changed`` returns them. A changed ticket missing from ``fresh`` has left the list.
            now: time of the read, for the minutes column.

        Afterwards the model equals a full reload made at the time of the read, provided it was exact
        before for every ticket not in ``changed`` (the feed reports every change, so it is).
        """
        fresh_by_id = {ticket.id: ticket for ticket in fresh}
        for ticket_id in changed:
            row = self.row_of(ticket_id)
            if row < 0:
                continue
            new = fresh_by_id.get(ticket_id)
            if new is not None and call_order(new) == call_order(self._tickets[row]):
                self._tickets[row] = new  # same place in the list: repaint the row only
                del fresh_by_id[ticket_id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            else:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._tickets[row]
                self.endRemoveRows()
        for ticket in sorted(fresh_by_id.values(), key=call_order):
            row = bisect_left(self._tickets, call_order(ticket), key=call_order)
            self.beginInsertRows(QModelIndex(), row, row)
            self._tickets.insert(row, ticket)
            self.endInsertRows()
        self.set_now(now)

    def tickets(self) -> list[TicketView]:
        """The rows, in order (a copy)."""
        return list(self._tickets)

    def set_now(self, now: datetime) -> None:
        """Move the clock: repaint the minutes column."""
        self._now = now
        if self._tickets:
            self.dataChanged.emit(self.index(0, self.WAITED), self.index(len(self._tickets) - 1, self.WAITED),
                                  [Qt.ItemDataRole.DisplayRole])

    def ticket(self, row: int) -> TicketView | None:
        return self._tickets[row] if 0 <= row < len(self._tickets) else None

    def row_of(self, ticket_id: int) -> int:
        """Row of the ticket with database id ``ticket_id``, or -1."""
        return next((row for row, t in enumerate(self._tickets) if t.id == ticket_id), -1)

    # -- QAbstractTableModel -------------------------------------------------------------------------------------
    def _row_count(self) -> int:
        return len(self._tickets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._tickets):
            return None
        ticket, column = self._tickets[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(ticket, column)
        if role == TicketRole:
            return ticket
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SERVICE:
            return ticket.service_name + (f" · {self._reserved(ticket)}" if self._reserved(ticket) else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.MEDIATOR, self.WAITED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.PRIORITY and ticket.priority != "ordinary":
            return _PRIORITY
        if role == Qt.ItemDataRole.BackgroundRole and column == self.MEDIATOR and self._is_held(ticket):
            return _HELD
        return None

    def _reserved(self, ticket: TicketView) -> str:
        """Whom a transfer reserved the waiting ticket for ("for desk D3", "for Anna Bianchi"), or ""."""
        if ticket.status != "waiting":
            return ""
        if ticket.reserved_desk:
            return self.tr("for desk %1").replace("%1", ticket.reserved_desk)
        if ticket.reserved_staff:
            return self.tr("for %1").replace("%1", ticket.reserved_staff)
        return ""

    def _is_held(self, ticket: TicketView) -> bool:
        return ticket.status == "waiting" and ticket.id in self._held

    def _display(self, ticket: TicketView, column: int) -> str | int | None:
        if column == self.NUMBER:
            return ticket.number
        if column == self.SERVICE:
            reserved = self._reserved(ticket)
            return f"{ticket.service_code} · {reserved}" if reserved else ticket.service_code
        if column == self.PRIORITY:
            return staff_label(PRIORITY_LABELS, ticket.priority)
        if column == self.LANGUAGE:
            return language_choice(ticket.language) if ticket.language else ""
        if column == self.MEDIATOR:
            if not ticket.needs_mediator:
                return ""
            held = self._held.get(ticket.id) if ticket.status == "waiting" else None
            if held is None:
                return self.tr("yes")
            return self.tr("held: %1").replace("%1", staff_label(HELD_REASON_LABELS, held.reason))
        if column == self.WAITED:
            return minutes_between(ticket.issued_at, self._now) if self._now else None
        return None


class ServiceSummaryModel(HeaderedTableModel):
    """Per service of the desk: how many wait and the longest wait, red past the service's target."""

    SERVICE, WAITING, LONGEST = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._queues: list[ServiceQueue] = []
        self._headers = (self.tr("Service"), self.tr("Waiting"), self.tr("Longest wait (min)"))

    def set_queues(self, queues: Sequence[ServiceQueue]) -> None:
        self.beginResetModel()
        self._queues = list(queues)
        self.endResetModel()

    def queue(self, row: int) -> ServiceQueue | None:
        return self._queues[row] if 0 <= row < len(self._queues) else None

    def _row_count(self) -> int:
        return len(self._queues)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._queues):
            return None
        queue, column = self._queues[index.row()], index.column()
        longest = int(queue.longest_wait.total_seconds() // 60)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SERVICE:
                return f"{queue.service_code} · {queue.service_name}"
            if column == self.WAITING:
                return queue.waiting
            if column == self.LONGEST:
                return longest
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.SERVICE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.LONGEST and longest > queue.target_wait_minutes:
            return _LATE
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LONGEST:
            return self.tr("Target: %n minute(s)", "", queue.target_wait_minutes)
        return None
