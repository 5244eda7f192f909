"""The shared-practices page (issue 16): practices sent between the Prefettura and the Questura.

What the Questura's account (role ``questura``) lands on after login, and what clerks and supervisors open from
**Counter > Shared practices…** (Ctrl+Shift+Q). The list shows open practices oldest first with their working
days waiting; overdue ones are marked (red and "overdue"). The buttons act on the selected practice: answer, send
back with a reason, send again, close; the lower form sends a new practice (a bare practice number, or the case
open at the desk when the workspace gives one). Everything goes through
:class:`~desk_app.core.practices.PracticeService`, which decides what each account may see: the Questura gets the
practice number, procedure, dates, reasons and messages, never the Prefettura's case. Every database call is an
:class:`~desk_app.gui.operations.Operation`; the page follows the change feed.

Keyboard: the list has the focus first; Alt+letter reaches each button and field (their mnemonics), Ctrl+Enter
sends the new practice, F5 reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import DeskError
from desk_app.gui.appointments import setup_table
from desk_app.gui.combo_fit import follow_tooltip, show_names_whole
from desk_app.gui.operations import Operation
from desk_app.gui.worker import is_connection_error

if TYPE_CHECKING:
    from desk_app.core.practices import PracticeView
    from desk_app.db.feed import Change
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

_REFUSED = "color: #b00020;"
_DONE = "color: #0a6b2d;"
_OVERDUE = QColor("#b00020")
#: Item data role of the row's :class:`PracticeView`.
RowRole = Qt.ItemDataRole.UserRole + 1


def _practice_text(source: str) -> str:
    return QCoreApplication.translate("Practice", source)


class PracticeTableModel(QAbstractTableModel):
    """Shared practices as rows: number, procedure, status, office waited on, reason, sent, due, days waiting."""

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.rows: list[PracticeView] = []
        self.headers = [self.tr("Practice"), self.tr("Procedure"), self.tr("Status"), self.tr("Waiting on"),
                        self.tr("Reason"), self.tr("Sent on"), self.tr("Due"), self.tr("Working days"),
                        self.tr("Overdue")]
        self.statuses = {"waiting": self.tr("sent, awaiting answer"), "answered": self.tr("answered"),
                         "returned": self.tr("sent back"), "closed": self.tr("closed")}

    def set_rows(self, rows: list[PracticeView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, practice_id: int) -> int:
        return next((i for i, p in enumerate(self.rows) if p.id == practice_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        practice = self.rows[index.row()]
        if role == RowRole:
            return practice
        if role == Qt.ItemDataRole.ForegroundRole and practice.overdue:
            return QBrush(_OVERDUE)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._cell(practice, index.column())

    def _cell(self, p: PracticeView, column: int) -> str:
        from desk_app.clock import local_day
        from desk_app.core.practices import REASONS, SIDE_NAMES

        if column == 0:
            return p.practice_number or "—"
        if column == 1:
            return p.procedure_code
        if column == 2:
            return self.statuses.get(p.status, p.status)
        if column == 3:
            return _practice_text(SIDE_NAMES[p.waiting_on]) if p.waiting_on else "—"
        if column == 4:
            reason = REASONS.get(p.reason)
            return _practice_text(reason.label) if reason else p.reason
        if column == 5:
            return local_day(p.sent_at, self.timezone).strftime("%d/%m/%Y")
        if column == 6:
            return p.due_date.strftime("%d/%m/%Y") if p.due_date else ""
        if column == 7:
            return str(p.days_waiting)
        return self.tr("overdue") if p.overdue else ""


class PracticesPage(QWidget):
    """Open shared practices and the actions on them (needs ``share_practices``).

    Args:
        session: the logged-in clerk, supervisor or Questura user.
        runtime: operations, change feed, online state.
        seams: the dialogs seam (unused for now: every answer is on the page).
        case_source: gives the counter case open at the desk (id) to send, or ``None``.

    Signals:
        refreshed(): the list shows a fresh read (tests wait on it).
        acted(object): the :class:`PracticeView` an action just returned.

    Attributes:
        model: the practices shown.
    """

    refreshed = Signal()
    acted = Signal(object)

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams,
                 case_source: Callable[[], int | None] | None = None, parent: QWidget | None = None) -> None:
        from desk_app.core.practices import SIDE_NAMES, other_side, reasons_for, side_of

        super().__init__(parent)
        self.session, self.runtime, self.seams = session, runtime, seams
        self.case_source = case_source
        self.side = side_of(session.actor)
        self.other = other_side(self.side)
        self._online = runtime.online
        self._busy = False

        self.title = QLabel(self.tr("Practices shared with the Questura") if self.side == "prefettura"
                            else self.tr("Practices sent to the Questura's Immigration Office"))
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.title.setFont(font)
        self.filter_combo = QComboBox()
        self.filter_combo.addItem(self.tr("Waiting on my office"), ("mine", False))
        self.filter_combo.addItem(self.tr("Waiting on the other office"), ("other", False))
        self.filter_combo.addItem(self.tr("All open"), ("all", False))
        self.filter_combo.addItem(self.tr("Overdue only"), ("all", True))
        filter_label = QLabel(self.tr("&Show:"))
        filter_label.setBuddy(self.filter_combo)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(filter_label)
        top.addWidget(self.filter_combo)
        top.addWidget(self.count_label)

        self.model = PracticeTableModel(session.office.timezone, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the buttons
        setup_table(self.table)
        self.steps_view = QPlainTextEdit()
        self.steps_view.setReadOnly(True)
        self.steps_view.setMaximumHeight(110)
        self.steps_view.setPlaceholderText(self.tr("The steps of the selected practice."))

        # -- acting on the selected practice
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(10 * 1000)  # a longer paste stays whole: the check says too long
        self.note_edit.setPlaceholderText(self.tr("Answer or note for the other office (no personal details "
                                                  "beyond the practice)"))
        self.return_reason = QComboBox()
        for reason in reasons_for("return", self.other):  # what we may send back to the other office
            self.return_reason.addItem(_practice_text(reason.label), reason.code)
        self.answer_button = QPushButton(self.tr("&Answer"))
        self.return_button = QPushButton(self.tr("Send &back"))
        self.close_button = QPushButton(self.tr("C&lose"))
        # Send again: an answered practice of ours goes back with the reason and due date of the form below.
        self.again_button = QPushButton(self.tr("Send a&gain"))
        act_box = QGroupBox(self.tr("Selected practice"))
        act = QFormLayout(act_box)
        note_label = QLabel(self.tr("&Note:"))
        note_label.setBuddy(self.note_edit)
        act.addRow(note_label, self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_button)
        back_label = QLabel(self.tr("Rea&son to send back:"))
        back_label.setBuddy(self.return_reason)
        buttons.addWidget(back_label)
        buttons.addWidget(self.return_reason)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.close_button)
        act.addRow(buttons)

        # -- sending a new practice
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(40)
        self.procedure_combo = QComboBox()
        self.procedure_combo.setEditable(False)
        # "... (decreto flussi)": names up to 100 characters, not cut at "(decre". The combo as wide as its form
        # lets it (its row below the label, the send box as wide as the other), at least 36 characters; the open
        # list and the tooltip show the whole name.
        self.procedure_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.procedure_combo.setMinimumContentsLength(36)
        follow_tooltip(self.procedure_combo)
        self.send_reason = QComboBox()
        for reason in reasons_for("send", self.other):
            self.send_reason.addItem(_practice_text(reason.label), reason.code)
        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("dd/MM/yyyy")
        self.send_button = QPushButton(self.tr("Sen&d to %1 (Ctrl+Enter)").replace(
            "%1", _practice_text(SIDE_NAMES[self.other])))
        # Every letter of the Italian label is taken by a field or a menu: the key is Ctrl+Enter.
        self.send_button.setShortcut(QKeySequence("Ctrl+Return"))
        send_box = QGroupBox(self.tr("Send a practice to the other office"))
        send = QFormLayout(send_box)
        send.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long procedure below its label
        send.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in ((self.tr("Practice &number:"), self.number_edit),
                             (self.tr("&Procedure:"), self.procedure_combo),
                             (self.tr("&Reason:"), self.send_reason), (self.tr("D&ue by:"), self.due_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            send.addRow(label, widget)
        send.addRow(self.send_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.steps_view)
        lower = QHBoxLayout()
        lower.addWidget(act_box, 1)
        lower.addWidget(send_box, 1)
        layout.addLayout(lower)
        layout.addWidget(self.message)

        self.filter_combo.currentIndexChanged.connect(self.schedule_refresh)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected_changed())
        self.answer_button.clicked.connect(self.answer)
        self.return_button.clicked.connect(self.send_back)
        self.close_button.clicked.connect(self.close_practice)
        self.again_button.clicked.connect(self.send_again)
        self.send_button.clicked.connect(self.send)
        self.number_edit.textChanged.connect(self._update_actions)
        QShortcut(QKeySequence("F5"), self, self.schedule_refresh)
        runtime.changed.connect(self.on_changes)
        runtime.online_changed.connect(self.set_online)
        self._load_procedures()
        self._set_due_default()
        self._update_actions()

    # -- loading -------------------------------------------------------------------------------------------------
    def _load_procedures(self) -> None:
        """Fill the procedure list from the catalogue (a pure read, on the worker like every other)."""
        content = self.session.core.content

        def fill(procedures: list[Any]) -> None:
            for procedure in procedures:
                self.procedure_combo.addItem(f"{procedure.code} · {procedure.name}", procedure.code)
            show_names_whole(self.procedure_combo)

        Operation(self, content.procedures, self.runtime.operations).success(fill).run()

    def _set_due_default(self) -> None:
        from datetime import timedelta

        from desk_app.clock import local_day

        today = local_day(self.session.core.clock.now(), self.session.office.timezone)
        self.due_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        due = today + timedelta(days=30)
        self.due_edit.setDate(QDate(due.year, due.month, due.day))

    def schedule_refresh(self) -> None:
        """Reload in the background (coalesced with a read already running)."""
        which, overdue = self.filter_combo.currentData()
        on = {"mine": self.side, "other": self.other}.get(which)
        practices, actor = self.session.core.practices, self.session.actor
        Operation(self, lambda: practices.waiting(actor, on, overdue_only=overdue), self.runtime.operations) \
            .coalesce("practices").success(self._apply).failure(self._read_failed).run()

    def on_changes(self, changes: list[Change]) -> None:
        """Slot for :attr:`Runtime.changed`: a practice change of our office (any desk's, ours included) or a
        resync reloads, once per batch; :meth:`schedule_refresh` coalesces it with a read already running."""
        office_id = self.session.office.id
        if any(change.kind == "resync" or (change.kind == "practice" and change.office_id == office_id)
               for change in changes):
            self.schedule_refresh()

    def _apply(self, rows: list[PracticeView]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None and (row := self.model.row_of(selected.id)) >= 0:
            self.table.selectRow(row)
        elif rows:
            self.table.selectRow(0)
        overdue = sum(p.overdue for p in rows)
        self.count_label.setText(self.tr("%n practice(s)", "", len(rows))
                                 + (" · " + self.tr("%n overdue", "", overdue) if overdue else ""))
        self._selected_changed()
        if not self.runtime.operations.waiting(self, "practices"):
            self.refreshed.emit()

    def _read_failed(self, exc: DeskError) -> None:
        if not is_connection_error(exc):
            self._say(exc.message(self.session.language), _REFUSED)
        self.refreshed.emit()

    # -- selection -----------------------------------------------------------------------------------------------
    def selected(self) -> PracticeView | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def _selected_changed(self) -> None:
        """Show the selected practice's steps (read with :meth:`PracticeService.get`: an audited look)."""
        practice = self.selected()
        self._update_actions()
        if practice is None:
            self.steps_view.setPlainText("")
            return
        practices, actor, pid = self.session.core.practices, self.session.actor, practice.id

        def show(full: PracticeView) -> None:
            current = self.selected()
            if current is not None and current.id == full.id:
                self.steps_view.setPlainText(self._steps_text(full))

        Operation(self, lambda: practices.get(actor, pid), self.runtime.operations).coalesce("steps") \
            .success(show).failure(self._refused).run()

    def _steps_text(self, practice: PracticeView) -> str:
        from desk_app.clock import local_time
        from desk_app.core.practices import REASONS, SIDE_NAMES

        kinds = {"send": self.tr("sent"), "answer": self.tr("answered"), "return": self.tr("sent back"),
                 "close": self.tr("closed")}
        lines = []
        for step in practice.steps:
            reason = REASONS.get(step.reason or "")
            why = f" ({_practice_text(reason.label)})" if reason else ""
            route = _practice_text(SIDE_NAMES[step.from_side]) + (
                f" → {_practice_text(SIDE_NAMES[step.to_side])}" if step.to_side else "")
            lines.append(f"{local_time(step.at):%d/%m/%Y %H:%M} · {kinds.get(step.kind, step.kind)} · {route}{why} · "
                         f"{step.actor}" + (f": {step.note}" if step.note else ""))
        return "\n".join(lines)

    def _update_actions(self) -> None:
        ready = self._online and not self._busy
        p = self.selected()
        mine = ready and p is not None and p.waiting_on == self.side
        self.answer_button.setEnabled(mine and p is not None and p.status in ("waiting", "returned"))
        self.return_button.setEnabled(mine and p is not None and p.status == "waiting")
        self.close_button.setEnabled(mine and p is not None and p.owner == self.side)
        self.again_button.setEnabled(mine and p is not None and p.owner == self.side and p.status == "answered")
        self.send_button.setEnabled(ready and bool(self.number_edit.text().strip()))

    def set_online(self, online: bool) -> None:
        """Slot for :attr:`Runtime.online_changed`: a reload follows the database's return."""
        self._online = online
        self._update_actions()
        if online:
            self.schedule_refresh()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    # -- actions -------------------------------------------------------------------------------------------------
    def _run(self, work: Callable[[], PracticeView], said: str, then: Callable[[], None] | None = None) -> None:
        def done(view: PracticeView) -> None:
            self.note_edit.clear()
            if then is not None:
                then()
            self._say(said, _DONE)
            self.acted.emit(view)

        Operation(self, work, self.runtime.operations).success(done).failure(self._refused) \
            .finished(self.schedule_refresh).busy(self._set_busy).run()

    def _refused(self, exc: DeskError) -> None:
        if not is_connection_error(exc):
            self._say(exc.message(self.session.language), _REFUSED)

    def answer(self) -> None:
        """Answer the selected practice (sent to us, or sent back to us): it goes to the other office."""
        p = self.selected()
        if self._busy or p is None:
            return
        practices, actor, note, pid = self.session.core.practices, self.session.actor, self.note_edit.text(), p.id
        self._run(lambda: practices.answer(actor, pid, note), self.tr("Answer sent to the other office."))

    def send_back(self) -> None:
        """Send the selected practice back to the office that sent it, with the reason chosen."""
        p = self.selected()
        if self._busy or p is None:
            return
        practices, actor, note, pid = self.session.core.practices, self.session.actor, self.note_edit.text(), p.id
        reason = str(self.return_reason.currentData())
        self._run(lambda: practices.send_back(actor, pid, reason, note), self.tr("Practice sent back."))

    def close_practice(self) -> None:
        """Close the selected practice (our own, back with us)."""
        p = self.selected()
        if self._busy or p is None:
            return
        practices, actor, note, pid = self.session.core.practices, self.session.actor, self.note_edit.text(), p.id
        self._run(lambda: practices.close(actor, pid, "done", note), self.tr("Practice closed."))

    def send_again(self) -> None:
        """Send the selected answered practice (ours) to the other office again, with the reason and due date
        chosen in the send form and the note."""
        p = self.selected()
        if self._busy or p is None:
            return
        practices, actor, note, pid = self.session.core.practices, self.session.actor, self.note_edit.text(), p.id
        reason = str(self.send_reason.currentData())
        qdate = self.due_edit.date()
        due = date(qdate.year(), qdate.month(), qdate.day())
        self._run(lambda: practices.send_again(actor, pid, reason, due, note),
                  self.tr("Practice sent to the other office again."))

    def send(self) -> None:
        """Send a new practice: the number typed (or the desk's open case), procedure, reason, due date."""
        if self._busy:
            return
        practices, actor = self.session.core.practices, self.session.actor
        number, note = self.number_edit.text(), self.note_edit.text()
        procedure, reason = str(self.procedure_combo.currentData() or ""), str(self.send_reason.currentData())
        qdate = self.due_edit.date()
        due = date(qdate.year(), qdate.month(), qdate.day())
        case_id = self.case_source() if self.case_source is not None and self.side == "prefettura" else None

        self._run(lambda: practices.send(actor, procedure, reason, due, case_id=case_id, practice_number=number,
                                         note=note), self.tr("Practice sent."), self.number_edit.clear)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)


class PracticesWindow(QDialog):
    """The shared-practices page in a window of its own, for clerks and supervisors (Ctrl+Shift+Q)."""

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams,
                 case_source: Callable[[], int | None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Shared practices"))
        self.page = PracticesPage(session, runtime, seams, case_source, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.page)
        self.resize(1100, 700)
