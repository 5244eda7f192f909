"""The audit viewer of the administration window (issue 12).

Filters (person, action, object type and id, first and last day) over
:meth:`~desk_app.core.audit_view.AuditViewService.events`, shown in a table model; an export of the rows shown or of
their counts per action (CSV, no event detail); and the verification of the whole chain
(:meth:`~desk_app.core.audit.AuditLog.verify`), whose result or first broken row is said under the table. Reading,
exporting and verifying need ``verify_audit`` (administrators); anyone else gets one sentence saying so. Every
refusal of the core is said in the same place.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.clock import local_day
from desk_app.core.audit_view import MAX_ROWS, AuditFilter, AuditRow, clean_filter
from desk_app.errors import DeskError
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.audit import VerifyResult
    from desk_app.core.auth import Actor
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import UserDialogs

_Index = QModelIndex | QPersistentModelIndex
_ERROR_STYLE = "color: #b00020;"


class AuditModel(QAbstractTableModel):
    """Audit events, newest first: time, account, action, object, outcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Object"), self.tr("Outcome")][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        thing = f"{row.object_type} {row.object_id}".strip()
        return [row.at.strftime("%Y-%m-%d %H:%M:%S"), row.actor, row.action, thing, row.outcome][index.column()]


class AuditViewer(QWidget):
    """The office's audit events, filtered; export; chain verification.

    Attributes:
        model: the events shown.
        messageLabel: how many events, a problem with the filter, a refusal, the verification's result.
    """

    def __init__(self, runtime: Runtime, actor: Actor, dialogs: UserDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor, self.dialogs = runtime, actor, dialogs
        self.model = AuditModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.personEdit = QLineEdit()
        self.personEdit.setObjectName("personEdit")
        self.personEdit.setPlaceholderText(self.tr("account, or part of it"))
        self.actionEdit = QLineEdit()
        self.actionEdit.setObjectName("actionEdit")
        self.actionEdit.setPlaceholderText(self.tr("e.g. staff.  login  denied:"))
        self.objectTypeEdit = QLineEdit()
        self.objectTypeEdit.setPlaceholderText(self.tr("e.g. staff, office, appointment"))
        self.objectIdEdit = QLineEdit()
        today = local_day(runtime.core.clock.now()) if runtime.core is not None else date(2000, 1, 1)
        self.sinceCheck = QCheckBox(self.tr("From"))
        self.sinceEdit = QDateEdit(QDate(today.year, today.month, today.day).addDays(-30))
        self.untilCheck = QCheckBox(self.tr("To"))
        self.untilEdit = QDateEdit(QDate(today.year, today.month, today.day))
        for picker in (self.sinceEdit, self.untilEdit):
            picker.setCalendarPopup(True)
            picker.setDisplayFormat("yyyy-MM-dd")  # language-neutral, as the rest of the dates typed here
        self.searchButton = QPushButton(self.tr("&Search"))
        self.exportButton = QPushButton(self.tr("&Export rows…"))
        self.countsButton = QPushButton(self.tr("Export &counts…"))
        self.verifyButton = QPushButton(self.tr("&Verify the chain"))
        self.searchButton.clicked.connect(self.search)
        self.exportButton.clicked.connect(lambda: self.export(counts_only=False))
        self.countsButton.clicked.connect(lambda: self.export(counts_only=True))
        self.verifyButton.clicked.connect(self.verify)
        for line in (self.personEdit, self.actionEdit, self.objectTypeEdit, self.objectIdEdit):
            line.textChanged.connect(self.validate)
            line.returnPressed.connect(self.search)
        for check in (self.sinceCheck, self.untilCheck):
            check.toggled.connect(self.validate)
        for date_edit in (self.sinceEdit, self.untilEdit):
            date_edit.dateChanged.connect(self.validate)
        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Person")), 0, 0)
        filters.addWidget(self.personEdit, 0, 1)
        filters.addWidget(QLabel(self.tr("Action")), 0, 2)
        filters.addWidget(self.actionEdit, 0, 3)
        filters.addWidget(QLabel(self.tr("Object")), 1, 0)
        filters.addWidget(self.objectTypeEdit, 1, 1)
        filters.addWidget(QLabel(self.tr("Object id")), 1, 2)
        filters.addWidget(self.objectIdEdit, 1, 3)
        filters.addWidget(self.sinceCheck, 2, 0)
        filters.addWidget(self.sinceEdit, 2, 1)
        filters.addWidget(self.untilCheck, 2, 2)
        filters.addWidget(self.untilEdit, 2, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.searchButton)
        buttons.addStretch(1)
        buttons.addWidget(self.exportButton)
        buttons.addWidget(self.countsButton)
        buttons.addWidget(self.verifyButton)
        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.noteLabel = QLabel(self.tr("Only an administrator reads the audit log."))
        self.noteLabel.setWordWrap(True)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(filters)
        body.addLayout(buttons)
        body.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.noteLabel)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.messageLabel)
        allowed = actor.can("verify_audit")
        self.noteLabel.setVisible(not allowed)
        self.body.setVisible(allowed)

    # -- the filter ------------------------------------------------------------------------------------------------
    def wanted(self) -> AuditFilter:
        """The filter as typed (not yet checked)."""
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            picked = edit.date()
            return date(picked.year(), picked.month(), picked.day()) if check.isChecked() else None

        return AuditFilter(self.personEdit.text(), self.actionEdit.text(), self.objectTypeEdit.text(),
                           self.objectIdEdit.text(), day(self.sinceCheck, self.sinceEdit),
                           day(self.untilCheck, self.untilEdit))

    def validate(self) -> bool:
        """Check the filter as typed (the core's check); say the problem; enable the search and exports."""
        try:
            clean_filter(self.wanted())
            problem = ""
        except DeskError as exc:
            problem = exc.message(self.runtime.language)
        if problem or self.messageLabel.styleSheet():
            self._say(problem, error=True)
        for button in (self.searchButton, self.exportButton, self.countsButton):
            button.setEnabled(not problem)
        return not problem

    def _say(self, text: str, *, error: bool) -> None:
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error and text else "")
        self.messageLabel.setText(text)

    def _refused(self, exc: DeskError) -> None:
        self._say(exc.message(self.runtime.language), error=True)

    # -- database --------------------------------------------------------------------------------------------------
    def search(self) -> None:
        """The events matching the filter, on the worker."""
        core = self.runtime.core
        if core is None or not self.validate() or not self.actor.can("verify_audit"):
            return
        actor, service, wanted = self.actor, core.audit_view, self.wanted()
        Operation(self, lambda: service.events(actor, wanted), self.runtime.operations).coalesce("search") \
            .busy(self.searchButton).success(self._found).failure(self._refused).run()

    def _found(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        text = self.tr("%1 events.").replace("%1", str(len(rows)))
        if len(rows) >= MAX_ROWS:
            text += " " + self.tr("Only the newest %1 are shown: narrow the filter.").replace("%1", str(MAX_ROWS))
        self._say(text, error=False)

    def export(self, *, counts_only: bool) -> None:
        """Ask where, then write the matching rows (or their counts) as CSV."""
        core = self.runtime.core
        if core is None or not self.validate():
            return
        suggested = "audit-counts.csv" if counts_only else "audit.csv"
        path = self.dialogs.save_file(self, self.tr("Export the audit log"), suggested, "CSV (*.csv)")
        if path is None:
            return
        actor, service, wanted = self.actor, core.audit_view, self.wanted()
        Operation(self, lambda: service.export_csv(actor, path, wanted, counts_only=counts_only),
                  self.runtime.operations).busy(self.exportButton, self.countsButton) \
            .success(lambda n: self._say(self.tr("%1 lines written to %2.").replace("%1", str(n))
                                         .replace("%2", str(path)), error=False)) \
            .failure(self._refused).run()

    def verify(self) -> None:
        """Walk the whole chain (:meth:`AuditLog.verify`); say it holds, or the first row that does not."""
        core = self.runtime.core
        if core is None:
            return
        actor, audit = self.actor, core.audit
        Operation(self, lambda: audit.verify(actor), self.runtime.operations).busy(self.verifyButton) \
            .success(self._verified).failure(self._refused).run()

    def _verified(self, result: VerifyResult) -> None:
        text = self.tr("The audit chain is intact: %1 events checked.").replace("%1", str(result.count))
        if result.checkpoint is None:
            text += " " + self.tr("This PC had no checkpoint yet: a deleted end of the log could not be ruled out "
                                  "this time.")
        self._say(text, error=False)


__all__ = ["AuditModel", "AuditViewer"]
