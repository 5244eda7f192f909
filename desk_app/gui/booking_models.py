"""Qt item models of appointments and mediator bookings: a service's slots of a day, the day's appointments,
and a mediator's own agenda.

Each model is filled whole from one background read (a day holds tens of rows, not
thousands, so a reset is cheaper than diffing) and keeps nothing but what the core
returned. Times are shown on the office's wall clock. The agenda model holds
:class:`~desk_app.core.mediators.AgendaEntry` rows only, which carry no name and no case:
a mediator's screen cannot show what it never receives.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desk_app.gui.labels import LANGUAGE_LABELS, staff_label, status_label
from desk_app.gui.models import HeaderedTableModel
from desk_app.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desk_app.core.appointments import AppointmentView, SlotView
    from desk_app.core.mediators import AgendaEntry

Index = QModelIndex | QPersistentModelIndex
#: Role returning the whole row object (:class:`SlotView`, :class:`AppointmentView` or :class:`AgendaEntry`).
RowRole = Qt.ItemDataRole.UserRole + 1
_FULL = QBrush(QColor("#f8d7da"))
_DONE = QBrush(QColor("#808080"))
_CHECKED_IN = QBrush(QColor("#d1e7dd"))
_TO_BOOK = QBrush(QColor("#fff3cd"))

#: How a mediator takes part (the core's ``MEDIATOR_MODES``).
MODE_LABELS: dict[str, str] = {
    "in_person": QT_TRANSLATE_NOOP("Labels", "In person"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "video": QT_TRANSLATE_NOOP("Labels", "Video"),
}

#: How an appointment arrived at check-in (the core's arrival codes).
ARRIVAL_LABELS: dict[str, str] = {
    "on_time": QT_TRANSLATE_NOOP("Labels", "on time"),
    "early": QT_TRANSLATE_NOOP("Labels", "early"),
    "late": QT_TRANSLATE_NOOP("Labels", "late"),
}


def wall_clock(moment: datetime, tz: str) -> str:
    """``HH:MM`` of ``moment`` on the office's wall clock."""
    from desk_app.core.schedule import local_label

    return local_label(moment, tz)[1]


class _RowsModel(HeaderedTableModel):
    """A read-only table of rows replaced whole; subclasses give the headers and the cells."""

    def __init__(self, headers: Sequence[str], tz: str, language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list[Any] = []
        self.tz = tz
        self.language = language

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        """The rows, in order (a copy)."""
        return list(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        """Row of the object whose ``id`` is ``row_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if getattr(r, "id", None) == row_id), -1)

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        return self._cell(row, index.column(), role)

    def _cell(self, row: Any, column: int, role: int) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError


class SlotTableModel(_RowsModel):
    """The slots a service offers on a day: time, places, booked, free (red when full)."""

    TIME, CAPACITY, BOOKED, FREE = range(4)

    def __init__(self, tz: str, language: str, parent: Any = None) -> None:
        super().__init__((self.tr("Time"), self.tr("Places"), self.tr("Booked"), self.tr("Free")), tz, language,
                         parent)

    def set_slots(self, slots: Sequence[SlotView]) -> None:
        self.set_rows(slots)

    def _cell(self, slot: SlotView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return f"{wall_clock(slot.starts_at, self.tz)}-{wall_clock(slot.ends_at, self.tz)}"
            return (None, slot.capacity, slot.booked, slot.free)[column] if column < 4 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.TIME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.FREE and slot.free == 0:
            return _FULL
        return None


class AppointmentTableModel(_RowsModel):
    """The appointments of a day in time order.

    Columns: time, person's name, practice number, status (with the arrival once checked in), mediator
    (language, booked or still to book), ticket issued at check-in. Names and practice numbers are shown as
    the core returned them: ``None`` (not read, or purged) shows empty.
    """

    TIME, NAME, PRACTICE, STATUS, MEDIATOR, TICKET = range(6)

    def __init__(self, tz: str, language: str, parent: Any = None) -> None:
        super().__init__((self.tr("Time"), self.tr("Name"), self.tr("Practice number"), self.tr("Status"),
                          self.tr("Mediator"), self.tr("Ticket")), tz, language, parent)

    def set_appointments(self, appointments: Sequence[AppointmentView]) -> None:
        self.set_rows(appointments)

    def mediator_text(self, appointment: AppointmentView) -> str:
        if not appointment.needs_mediator:
            return ""
        language = staff_label(LANGUAGE_LABELS, appointment.language) or self.tr("language not given")
        state = self.tr("booked") if appointment.mediator_booked else self.tr("to book")
        return f"{language} · {state}"

    def _cell(self, appointment: AppointmentView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return wall_clock(appointment.starts_at, self.tz)
            if column == self.NAME:
                return appointment.person_name or ""
            if column == self.PRACTICE:
                return appointment.practice_number or ""
            if column == self.STATUS:
                status = status_label(appointment.status, self.language)
                arrival = staff_label(ARRIVAL_LABELS, appointment.arrival)
                return f"{status} ({arrival})" if arrival else status
            if column == self.MEDIATOR:
                return self.mediator_text(appointment)
            if column == self.TICKET:
                return appointment.ticket_number or ""
            return None
        if role == Qt.ItemDataRole.ForegroundRole and appointment.status in ("cancelled", "no_show"):
            return _DONE
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == self.STATUS and appointment.status == "checked_in":
                return _CHECKED_IN
            if column == self.MEDIATOR and appointment.needs_mediator and not appointment.mediator_booked \
                    and appointment.status == "booked":
                return _TO_BOOK
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TIME, self.TICKET):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class AgendaTableModel(_RowsModel):
    """A mediator's own bookings: day, time, language, mode, desk, status. Nothing about the user."""

    DAY, TIME, LANGUAGE, MODE, DESK, STATUS = range(6)

    def __init__(self, tz: str, language: str, desk_names: dict[str, str], parent: Any = None) -> None:
        super().__init__((self.tr("Day"), self.tr("Time"), self.tr("Language"), self.tr("Mode"), self.tr("Desk"),
                          self.tr("Status")), tz, language, parent)
        self.desk_names = desk_names

    def set_entries(self, entries: Sequence[AgendaEntry]) -> None:
        self.set_rows(entries)

    def _cell(self, entry: AgendaEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DAY:
                from desk_app.clock import local_time

                return local_time(entry.starts_at, self.tz).strftime("%d/%m/%Y")
            if column == self.TIME:
                return f"{wall_clock(entry.starts_at, self.tz)}-{wall_clock(entry.ends_at, self.tz)}"
            if column == self.LANGUAGE:
                return staff_label(LANGUAGE_LABELS, entry.language)
            if column == self.MODE:
                return staff_label(MODE_LABELS, entry.mode)
            if column == self.DESK:
                if entry.desk_code:
                    return self.desk_names.get(entry.desk_code, entry.desk_code)
                return entry.place or ""  # an awareness session in a reception centre (issue 16)
            if column == self.STATUS:
                status = status_label(entry.status, self.language)
                return f"{status} · {self.tr('present')}" if entry.present else status
            return None
        if role == Qt.ItemDataRole.ForegroundRole and entry.status in ("declined", "cancelled"):
            return _DONE
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATUS and entry.status == "booked":
            return _TO_BOOK  # still waiting for the mediator's answer
        return None
