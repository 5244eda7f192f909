"""Recording a coordination meeting's decisions (issue 16), for supervisors (``coordinate_practices``).

**Practices > Record meeting decisions…** opens this window: it reads the meeting list (open practices waiting at
least the chosen working days, :meth:`~desk_app.core.practices.PracticeService.meeting_list`) and shows one row
per practice with a decision (default "noted"), a note, and the new due date the "new due date" decision needs.
**Record decisions** saves the meeting and every row's decision in one
:meth:`~desk_app.core.practices.PracticeService.record_meeting` call: all or nothing, so a refusal (a missing due
date, a note too long, a practice closed meanwhile) stores none and is said in place, the rows kept as typed.

Every database call is an :class:`~desk_app.gui.operations.Operation`; nothing is read on the GUI thread.
Keyboard: Alt+letter reaches the days, the meeting note and the buttons; Tab walks the rows' fields.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import DeskError
from desk_app.gui.operations import Operation
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.practices import Decision, MeetingLine, MeetingList, MeetingView, PracticeView
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.session import DeskSession

_REFUSED = "color: #b00020;"
_DONE = "color: #0a6b2d;"
#: The list's choices of "waiting at least" (working days), as the meeting-list document offers.
MEETING_DAYS = (5, 10, 15, 20, 30)
#: The decisions in the order offered; "noted" (discussed, nothing to do) first, the default.
DECISION_ORDER = ("noted", "remind", "new_due_date", "ask_documents", "escalate", "close")
#: Columns of the decisions table.
COL_NUMBER, COL_PROCEDURE, COL_WAITING, COL_DAYS, COL_LAST, COL_DECISION, COL_NOTE, COL_DUE = range(8)


def _practice_text(source: str) -> str:
    return QCoreApplication.translate("Practice", source)


class MeetingDecisionsWindow(QDialog):
    """The meeting list with one decision per practice, saved as one meeting.

    Signals:
        loaded(): the list shows a fresh read (tests wait on it).
        recorded(object): the :class:`MeetingView` just saved.

    Attributes:
        practices: the practices listed, in row order.
    """

    loaded = Signal()
    recorded = Signal(object)

    def __init__(self, session: DeskSession, runtime: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runtime = session, runtime
        self.practices: list[PracticeView] = []
        self._min_days = MEETING_DAYS[1]
        self._busy = False
        self.setWindowTitle(self.tr("Coordination meeting decisions"))
        self.decision_labels = {
            "noted": self.tr("noted, nothing to do"), "remind": self.tr("remind the other office"),
            "new_due_date": self.tr("new due date"), "ask_documents": self.tr("ask for documents"),
            "escalate": self.tr("escalate"), "close": self.tr("close"),
        }

        self.days_combo = QComboBox()
        for days in MEETING_DAYS:
            self.days_combo.addItem(self.tr("%n working day(s)", "", days), days)
        self.days_combo.setCurrentIndex(1)
        days_label = QLabel(self.tr("Practices waiting &at least:"))
        days_label.setBuddy(self.days_combo)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(days_label)
        top.addWidget(self.days_combo)
        top.addWidget(self.count_label, 1)

        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Practice"), self.tr("Procedure"), self.tr("Waiting on"), self.tr("Working days"),
            self.tr("Last decision"), self.tr("Decision"), self.tr("Note"), self.tr("New due date")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)

        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(10 * 1000)  # a longer paste stays whole: the check says too long
        note_label = QLabel(self.tr("Meeting &note:"))
        note_label.setBuddy(self.note_edit)
        self.record_button = QPushButton(self.tr("&Record decisions"))
        self.record_button.setDefault(False)
        self.record_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Clo&se"))
        self.close_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(note_label)
        bottom.addWidget(self.note_edit, 1)
        bottom.addWidget(self.record_button)
        bottom.addWidget(self.close_button)
        self.message = QLabel()
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)

        self.days_combo.currentIndexChanged.connect(self.load)
        self.record_button.clicked.connect(self.record)
        self.close_button.clicked.connect(self.reject)
        runtime.online_changed.connect(lambda _online: self._update_actions())
        self.resize(1150, 600)
        self._update_actions()

    # -- loading -------------------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the meeting list for the chosen days (coalesced: changing the days twice reads once)."""
        days = int(self.days_combo.currentData())
        practices, actor = self.session.core.practices, self.session.actor

        def show(result: MeetingList) -> None:
            self._min_days = result.min_days
            self._fill([line for group in result.groups for line in group.lines])
            self.count_label.setText(self.tr("%n practice(s)", "", result.total))
            self.loaded.emit()

        def failed(exc: DeskError) -> None:
            self._refused(exc)
            self.loaded.emit()

        Operation(self, lambda: practices.meeting_list(actor, days), self.runtime.operations) \
            .coalesce("meeting").success(show).failure(failed).run()

    def _fill(self, lines: list[MeetingLine]) -> None:
        from desk_app.core.practices import SIDE_NAMES

        today = self._today()
        self.practices = [line.practice for line in lines]
        self.table.setRowCount(0)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            p = line.practice
            cells = (p.practice_number or "—", p.procedure_code,
                     _practice_text(SIDE_NAMES[p.waiting_on]) if p.waiting_on else "—", str(p.days_waiting),
                     self.decision_labels.get(line.last_decision or "", ""))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            decision = QComboBox()
            for code in DECISION_ORDER:
                decision.addItem(self.decision_labels[code], code)
            note = QLineEdit()
            note.setMaxLength(10 * 1000)  # a longer paste stays whole: the check says too long
            due = QDateEdit()
            due.setCalendarPopup(True)
            due.setDisplayFormat("dd/MM/yyyy")
            due.setMinimumDate(QDate(today.year, today.month, today.day))
            ahead = today + timedelta(days=30)
            due.setDate(QDate(ahead.year, ahead.month, ahead.day))
            due.setEnabled(False)
            decision.currentIndexChanged.connect(
                lambda _i, d=decision, e=due: e.setEnabled(d.currentData() == "new_due_date"))
            self.table.setCellWidget(row, COL_DECISION, decision)
            self.table.setCellWidget(row, COL_NOTE, note)
            self.table.setCellWidget(row, COL_DUE, due)
        self.table.resizeColumnsToContents()
        # the note takes the room left (set again after the resize, which fixes every column's width)
        self.table.horizontalHeader().setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self._update_actions()

    def _today(self) -> date:
        from desk_app.clock import local_day

        return local_day(self.session.core.clock.now(), self.session.office.timezone)

    # -- the row widgets (tests drive them too) ------------------------------------------------------------------
    def decision_box(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, COL_DECISION)
        assert isinstance(widget, QComboBox)
        return widget

    def note_box(self, row: int) -> QLineEdit:
        widget = self.table.cellWidget(row, COL_NOTE)
        assert isinstance(widget, QLineEdit)
        return widget

    def due_box(self, row: int) -> QDateEdit:
        widget = self.table.cellWidget(row, COL_DUE)
        assert isinstance(widget, QDateEdit)
        return widget

    def set_decision(self, row: int, code: str) -> None:
        box = self.decision_box(row)
        box.setCurrentIndex(box.findData(code))

    # -- saving --------------------------------------------------------------------------------------------------
    def decisions(self) -> list[Decision]:
        """The rows as :class:`~desk_app.core.practices.Decision` values (the due date only where it counts)."""
        from desk_app.core.practices import Decision

        result: list[Decision] = []
        for row, practice in enumerate(self.practices):
            code = str(self.decision_box(row).currentData())
            qdate = self.due_box(row).date()
            due = date(qdate.year(), qdate.month(), qdate.day()) if code == "new_due_date" else None
            result.append(Decision(practice.id, code, self.note_box(row).text(), due))
        return result

    def record(self) -> None:
        """Save the meeting with every row's decision: one core call, all or nothing; a refusal said here."""
        if self._busy or not self.practices:
            return
        practices, actor = self.session.core.practices, self.session.actor
        days, decisions, note = self._min_days, self.decisions(), self.note_edit.text()

        def done(meeting: MeetingView) -> None:
            self._say(self.tr("Meeting recorded: %n decision(s).", "", len(meeting.decisions)), _DONE)
            self.note_edit.clear()
            self.recorded.emit(meeting)
            self.load()  # the "last decision" column now shows this meeting's

        Operation(self, lambda: practices.record_meeting(actor, days, decisions, note), self.runtime.operations) \
            .success(done).failure(self._refused).busy(self._set_busy).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    def _update_actions(self) -> None:
        self.record_button.setEnabled(self.runtime.online and not self._busy and bool(self.practices))

    def _refused(self, exc: DeskError) -> None:
        if not is_connection_error(exc):
            self._say(exc.message(self.session.language), _REFUSED)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
