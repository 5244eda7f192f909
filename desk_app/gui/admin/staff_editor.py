"""The staff accounts editor of the administration window (issue 12).

A table of the accounts the actor administers (:class:`StaffModel` over
:meth:`~desk_app.core.auth.StaffService.list_staff`) and, for the selected one, its role, its office, a password
reset (the new password is shown once, here, and never stored in clear), unlock and disable/enable; a form adds an
account with a generated first password, shown once the same way. Username and name are checked as the user types,
with the core's checks. Each button is one audited core call; what the core refuses (the last administrator
demoted or disabled, another office, a duplicate name) is said under the table. Only administrators
(``manage_staff``) see the accounts; anyone else gets one sentence saying so.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.clock import local_time
from desk_app.core.auth import StaffView, new_password
from desk_app.core.names import role_name
from desk_app.core.validation import clean_text, clean_username
from desk_app.db.models import ROLES
from desk_app.errors import DeskError
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.gui.runtime import Runtime

_Index = QModelIndex | QPersistentModelIndex
_ERROR_STYLE = "color: #b00020;"


class StaffModel(QAbstractTableModel):
    """The accounts, one per row: username, name, role, office, state, last login."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.rows: list[StaffView] = []
        self.now: datetime | None = None  # a lockout in the past is over

    def headers(self) -> list[str]:
        return [self.tr("Username"), self.tr("Name"), self.tr("Role"), self.tr("Office"), self.tr("State"),
                self.tr("Last login")]

    def set_rows(self, rows: list[StaffView], now: datetime | None = None) -> None:
        self.beginResetModel()
        self.rows, self.now = list(rows), now
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def state(self, staff: StaffView) -> str:
        if not staff.active:
            return self.tr("disabled")
        if self.is_locked(staff) and staff.locked_until is not None:
            return self.tr("locked until %1").replace("%1", local_time(staff.locked_until).strftime("%H:%M"))
        return self.tr("active")

    def is_locked(self, staff: StaffView) -> bool:
        return staff.locked_until is not None and (self.now is None or staff.locked_until > self.now)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        staff = self.rows[index.row()]
        last = local_time(staff.last_login_at).strftime("%Y-%m-%d %H:%M") if staff.last_login_at else "—"
        return [staff.username, staff.display_name, role_name(staff.role, self.language), staff.office_code or "—",
                self.state(staff), last][index.column()]


class StaffEditor(QWidget):
    """Staff accounts of the actor's office (all offices for an office-less administrator).

    Signals:
        done(str): a change was stored; what was done, in one sentence.

    Attributes:
        model: the accounts.
        view: their table.
        messageLabel: the first problem with what is typed, a refusal of the core, or what was done.
        passwordLabel: a password just set, shown once (selectable), cleared by the next action.
    """

    done = Signal(str)

    def __init__(self, runtime: Runtime, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor = runtime, actor
        language = runtime.language
        self.model = StaffModel(language, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.roleBox = QComboBox()
        self.officeBox = QComboBox()
        for role in ROLES:
            self.roleBox.addItem(role_name(role, language), role)
        self.roleButton = QPushButton(self.tr("Change &role"))
        self.officeButton = QPushButton(self.tr("Move to &office"))
        self.resetButton = QPushButton(self.tr("Reset &password"))
        self.unlockButton = QPushButton(self.tr("&Unlock"))
        self.activeButton = QPushButton(self.tr("&Disable"))
        self.roleButton.clicked.connect(self.change_role)
        self.officeButton.clicked.connect(self.change_office)
        self.resetButton.clicked.connect(self.reset_password)
        self.unlockButton.clicked.connect(self.unlock)
        self.activeButton.clicked.connect(self.toggle_active)
        selected = QGroupBox(self.tr("Selected account"))
        row1 = QHBoxLayout()
        row1.addWidget(self.roleBox)
        row1.addWidget(self.roleButton)
        row1.addWidget(self.officeBox)
        row1.addWidget(self.officeButton)
        row1.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.resetButton)
        row2.addWidget(self.unlockButton)
        row2.addWidget(self.activeButton)
        row2.addStretch(1)
        selected_layout = QVBoxLayout(selected)
        selected_layout.addLayout(row1)
        selected_layout.addLayout(row2)

        self.usernameEdit = QLineEdit()
        self.usernameEdit.setObjectName("usernameEdit")
        self.nameEdit = QLineEdit()
        self.nameEdit.setObjectName("nameEdit")
        self.newRoleBox = QComboBox()
        for role in ROLES:
            self.newRoleBox.addItem(role_name(role, language), role)
        self.addButton = QPushButton(self.tr("&Add the account"))
        self.addButton.clicked.connect(self.add)
        self.usernameEdit.textChanged.connect(self.validate)
        self.nameEdit.textChanged.connect(self.validate)
        adding = QGroupBox(self.tr("New account"))
        form = QFormLayout(adding)
        form.addRow(self.tr("Username"), self.usernameEdit)
        form.addRow(self.tr("Name"), self.nameEdit)
        form.addRow(self.tr("Role"), self.newRoleBox)
        form.addRow("", self.addButton)

        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.passwordLabel = QLabel()
        self.passwordLabel.setObjectName("passwordLabel")
        self.passwordLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passwordLabel.setWordWrap(True)
        self.noteLabel = QLabel(self.tr("Only an administrator manages staff accounts."))
        self.noteLabel.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.noteLabel)
        layout.addWidget(self.view, 1)
        layout.addWidget(selected)
        layout.addWidget(adding)
        layout.addWidget(self.passwordLabel)
        layout.addWidget(self.messageLabel)
        allowed = actor.can("manage_staff")
        self.noteLabel.setVisible(not allowed)
        for widget in (self.view, selected, adding):
            widget.setVisible(allowed)
        self._selection_changed()
        self.validate()

    # -- what is typed ---------------------------------------------------------------------------------------------
    def selected(self) -> StaffView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def validate(self) -> bool:
        """Check the new account's username and name as typed; enable Add when both are valid."""
        problem = ""
        if self.usernameEdit.text() or self.nameEdit.text():
            try:
                clean_username(self.usernameEdit.text())
                clean_text(self.nameEdit.text(), "display_name", 80)
            except DeskError as exc:
                problem = exc.message(self.runtime.language)
        self._say(problem, error=True)
        self.addButton.setEnabled(not problem and bool(self.usernameEdit.text() and self.nameEdit.text()))
        return not problem

    def _selection_changed(self) -> None:
        staff = self.selected()
        for button in (self.roleButton, self.officeButton, self.resetButton, self.unlockButton, self.activeButton):
            button.setEnabled(staff is not None)
        self.unlockButton.setEnabled(staff is not None and self.model.is_locked(staff))
        if staff is not None:
            self.roleBox.setCurrentIndex(max(0, self.roleBox.findData(staff.role)))
            self.officeBox.setCurrentIndex(max(0, self.officeBox.findText(staff.office_code or "")))
            self.activeButton.setText(self.tr("&Disable") if staff.active else self.tr("&Enable"))

    def _say(self, text: str, *, error: bool) -> None:
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error and text else "")
        self.messageLabel.setText(text)

    # -- database --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the accounts and the office codes (on the worker)."""
        core = self.runtime.core
        if core is None or not self.actor.can("manage_staff"):
            return
        actor, staff, offices = self.actor, core.staff, core.offices

        def work() -> tuple[list[StaffView], list[str]]:
            return staff.list_staff(actor), offices.offices()

        Operation(self, work, self.runtime.operations).coalesce("load").success(self._loaded) \
            .failure(self._refused).run()

    def _loaded(self, loaded: tuple[list[StaffView], list[str]]) -> None:
        chosen = self.selected()
        rows, codes = loaded
        self.model.set_rows(rows, self.runtime.core.clock.now() if self.runtime.core is not None else None)
        self.officeBox.clear()
        self.officeBox.addItems(codes)
        if chosen is not None:
            for number, staff in enumerate(rows):
                if staff.username == chosen.username:
                    self.view.selectRow(number)
        self._selection_changed()

    def _run(self, work: Any, said: str) -> None:
        """Run one core call, then say ``said`` (and show the password it returned, if any, once) and reload."""
        self.passwordLabel.clear()
        Operation(self, work, self.runtime.operations).success(lambda result: self._done(said, result)) \
            .failure(self._refused).run()

    def _done(self, said: str, password: Any) -> None:
        self._say(said, error=False)
        if isinstance(password, str) and password:
            self.passwordLabel.setText(self.tr("New password (shown only now, hand it over): %1")
                                       .replace("%1", password))
        self.done.emit(said)
        self.reload()

    def _refused(self, exc: DeskError) -> None:
        self._say(exc.message(self.runtime.language), error=True)

    def add(self) -> None:
        core = self.runtime.core
        if core is None or not self.validate():
            return
        actor, staff = self.actor, core.staff
        username, name = self.usernameEdit.text(), self.nameEdit.text()
        role, password = str(self.newRoleBox.currentData()), new_password()

        def work() -> str:
            staff.add_staff(actor, username, name, role, password)
            return password

        self._run(work, self.tr("Account %1 added.").replace("%1", username.strip()))
        self.usernameEdit.clear()
        self.nameEdit.clear()

    def change_role(self) -> None:
        chosen, core = self.selected(), self.runtime.core
        if chosen is None or core is None:
            return
        actor, staff, role = self.actor, core.staff, str(self.roleBox.currentData())
        self._run(lambda: staff.set_role(actor, chosen.username, role),
                  self.tr("%1 is now: %2").replace("%1", chosen.username).replace("%2", self.roleBox.currentText()))

    def change_office(self) -> None:
        chosen, core = self.selected(), self.runtime.core
        if chosen is None or core is None or not self.officeBox.currentText():
            return
        actor, staff, code = self.actor, core.staff, self.officeBox.currentText()
        self._run(lambda: staff.set_office(actor, chosen.username, code),
                  self.tr("%1 moved to office %2.").replace("%1", chosen.username).replace("%2", code))

    def reset_password(self) -> None:
        chosen, core = self.selected(), self.runtime.core
        if chosen is None or core is None:
            return
        actor, staff = self.actor, core.staff
        self._run(lambda: staff.reset_password(actor, chosen.username),
                  self.tr("Password of %1 reset; the old one no longer works.").replace("%1", chosen.username))

    def unlock(self) -> None:
        chosen, core = self.selected(), self.runtime.core
        if chosen is None or core is None:
            return
        actor, staff = self.actor, core.staff
        self._run(lambda: staff.unlock(actor, chosen.username),
                  self.tr("%1 unlocked.").replace("%1", chosen.username))

    def toggle_active(self) -> None:
        chosen, core = self.selected(), self.runtime.core
        if chosen is None or core is None:
            return
        actor, staff, active = self.actor, core.staff, not chosen.active
        said = self.tr("%1 enabled.") if active else self.tr("%1 disabled.")
        self._run(lambda: staff.set_active(actor, chosen.username, active), said.replace("%1", chosen.username))


__all__ = ["StaffEditor", "StaffModel"]
