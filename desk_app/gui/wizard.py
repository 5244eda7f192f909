"""First start on an empty database: create the office, its services and desks and the first admin,
or load the demo office. The form is ``ui/firstrun.ui``; the core validates everything on apply.

Services and desks are typed in :class:`RowEditor` tables, one row per service or desk, each cell checked
as it is typed with the core's own rules, and the first problem said with its line number under its table;
"Next" stays disabled while a row is wrong (issue 12: no ``CODE;PREFIX;Name;min`` text lines any more). The
administration window's services and desks (:mod:`desk_app.gui.admin.office_editor`) are the same tables:
they work on rows in memory, no database, so the wizard uses them before any office exists. What they hold
goes to :func:`desk_app.core.firstrun.set_up_office`, which validates it all again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desk_app.errors import DeskError
from desk_app.gui.forms.ui_firstrun import Ui_FirstRunWizard

_BAD = QBrush(QColor("#f8d7da"))


@dataclass(frozen=True)
class RowColumn:
    """One column of a :class:`RowEditor`: its key in :meth:`RowEditor.rows`, its title, and the check of a cell.

    ``check(value)`` raises a :class:`~desk_app.errors.DeskError` for a bad value (the core's validators do).
    """

    key: str
    title: str
    check: Callable[[str], object]


class RowEditor(QWidget):
    """A table of rows (services, desks, …) with a check per cell and the first problem said with its line.

    Args:
        columns: the columns.
        rows: the rows to start with (column key -> text).
        language: the staff language of the sentences.
        row_check: an extra check of a whole row (e.g. a desk's services must exist); raises a DeskError.

    Signals:
        changed(): a cell, a row added or removed.

    Attributes:
        table: the QTableWidget.
        valid: whether every row passed the last check (set before ``changed`` is emitted).
        messageLabel: the first problem, "Line 2, Code: …", or empty.
    """

    changed = Signal()

    def __init__(self, columns: Sequence[RowColumn], rows: Sequence[dict[str, str]], language: str = "it",
                 row_check: Callable[[dict[str, str]], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.language, self.row_check = list(columns), language, row_check
        self.valid = True
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.title for c in self.columns])
        header = self.table.horizontalHeader()
        # The names are what people read: their column takes the spare width (a service's Italian name is long),
        # the codes and numbers fit their contents.
        keys = [c.key for c in self.columns]
        if "name" in keys:
            for index in range(len(keys)):
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch if keys[index] == "name"
                                            else QHeaderView.ResizeMode.ResizeToContents)
        else:
            header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(True)  # the line numbers the messages name
        self.addButton = QPushButton(self.tr("Add a row"))
        self.removeButton = QPushButton(self.tr("Remove the row"))
        self.messageLabel = QLabel()
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet("color: #b00020;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.addButton)
        buttons.addWidget(self.removeButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.messageLabel)
        for row in rows:
            self.add_row(row)
        self.addButton.clicked.connect(lambda: self.add_row({}))
        self.removeButton.clicked.connect(self.remove_row)
        self.table.itemChanged.connect(lambda *_: self.validate())
        self.validate()

    def add_row(self, values: dict[str, str]) -> None:
        """Append a row (empty when ``values`` is), focused on its first cell."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, spec in enumerate(self.columns):
            self.table.setItem(row, column, QTableWidgetItem(values.get(spec.key, "")))
        self.table.blockSignals(False)
        if not values:
            self.table.setCurrentCell(row, 0)
        self.validate()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.validate()

    def rows(self) -> list[dict[str, str]]:
        """Every row that is not wholly empty, column key -> trimmed text."""
        return [values for row in range(self.table.rowCount()) if any((values := self._values(row)).values())]

    def _values(self, row: int) -> dict[str, str]:
        """Column key -> trimmed text of ``row`` (an empty cell is "")."""
        values = {}
        for column, spec in enumerate(self.columns):
            item = self.table.item(row, column)
            values[spec.key] = item.text().strip() if item is not None else ""
        return values

    def problems(self) -> list[str]:
        """One sentence per bad cell or row, each with its line number and the column as shown."""
        found = []
        for row in range(self.table.rowCount()):
            values = self._values(row)
            if not any(values.values()):
                continue
            for column, spec in enumerate(self.columns):
                item = self.table.item(row, column)
                try:
                    spec.check(values[spec.key])
                except DeskError as exc:
                    found.append(self.tr("Line %1, %2: %3").replace("%1", str(row + 1)).replace("%2", spec.title)
                                 .replace("%3", exc.message(self.language)))
                    if item is not None:
                        item.setBackground(_BAD)
                else:
                    if item is not None:
                        item.setBackground(QBrush())
            if self.row_check is not None:
                try:
                    self.row_check(values)
                except DeskError as exc:
                    found.append(self.tr("Line %1: %2").replace("%1", str(row + 1))
                                 .replace("%2", exc.message(self.language)))
        return found

    def validate(self) -> bool:
        """Check every row now; the first problem is shown under the table. ``True`` when all is well."""
        self.table.blockSignals(True)
        problems = self.problems()
        self.table.blockSignals(False)
        self.messageLabel.setText(problems[0] if problems else "")
        self.valid = not problems  # before changed(), so its listeners read the state just checked
        self.changed.emit()
        return not problems


def service_editor(rows: Sequence[dict[str, str]], language: str, parent: QWidget | None = None) -> RowEditor:
    """Services: code, ticket letter, name, target wait (minutes), checked as the core checks them."""
    from desk_app.core.validation import clean_code, clean_int, clean_text
    from desk_app.errors import ValidationError

    def letter(value: str) -> None:
        if len(value) != 1 or not value.isascii() or not value.isalpha():
            raise ValidationError("bad_choice", field="prefix", value=value[:8], allowed="A-Z")

    columns = [
        RowColumn("code", QCoreApplication.translate("RowEditor", "Code"), lambda v: clean_code(v, "service")),
        RowColumn("prefix", QCoreApplication.translate("RowEditor", "Letter"), letter),
        RowColumn("name", QCoreApplication.translate("RowEditor", "Name"), lambda v: clean_text(v, "name", 120)),
        RowColumn("target_wait_minutes", QCoreApplication.translate("RowEditor", "Target wait (min)"),
                  lambda v: clean_int(v, "target_wait_minutes", 1, 600)),
    ]
    return RowEditor(columns, rows, language, parent=parent)


def desk_editor(rows: Sequence[dict[str, str]], language: str, service_codes: Callable[[], set[str]],
                parent: QWidget | None = None) -> RowEditor:
    """Desks: code, name, the services they call (codes separated by commas, each one of the services above)."""
    from desk_app.core.validation import clean_code, clean_text
    from desk_app.errors import NotFoundError, ValidationError

    def services(value: str) -> None:
        codes = [c.strip().upper() for c in value.split(",") if c.strip()]
        if not codes:
            raise ValidationError("required", field="services")
        unknown = [c for c in codes if c not in service_codes()]
        if unknown:
            raise NotFoundError("unknown_service", value=unknown[0])

    columns = [
        RowColumn("code", QCoreApplication.translate("RowEditor", "Code"), lambda v: clean_code(v, "desk")),
        RowColumn("name", QCoreApplication.translate("RowEditor", "Name"), lambda v: clean_text(v, "name", 120)),
        RowColumn("services", QCoreApplication.translate("RowEditor", "Services (codes, commas)"), services),
    ]
    return RowEditor(columns, rows, language, parent=parent)


#: The rows the wizard starts with (the Lodi office of the project); the person changes them in the tables.
DEFAULT_SERVICES: tuple[dict[str, str], ...] = (
    {"code": "RF", "prefix": "R", "name": "Ricongiungimento familiare", "target_wait_minutes": "20"},
    {"code": "LAV", "prefix": "N", "name": "Lavoro e flussi", "target_wait_minutes": "20"},
    {"code": "LEG", "prefix": "L", "name": "Legalizzazioni", "target_wait_minutes": "15"},
)
DEFAULT_DESKS: tuple[dict[str, str], ...] = (
    {"code": "D1", "name": "Sportello 1", "services": "RF,LAV"},
    {"code": "D2", "name": "Sportello 2", "services": "RF,LAV,LEG"},
    {"code": "D3", "name": "Sportello 3", "services": "LEG"},
)


class FirstRunWizard(QWizard):
    """Collects the first set-up; the owner applies it in the background and reopens the wizard on a refusal.

    Attributes:
        services, desks: the row editors of the office page (the same the administration window uses), starting
            with :data:`DEFAULT_SERVICES` and :data:`DEFAULT_DESKS`; what they hold goes to
            :func:`~desk_app.core.firstrun.set_up_office` through :meth:`office_setup`.
        rowsCheckedEdit: the hidden mandatory field that keeps Next disabled while a row is wrong.
    """

    def __init__(self, demo_hint: str, parent: QWidget | None = None, language: str = "it") -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.ui.demoHintLabel.setText(demo_hint)
        self.services = service_editor(DEFAULT_SERVICES, language, self.ui.officePage)
        self.desks = desk_editor(DEFAULT_DESKS, language, lambda: {r["code"].upper() for r in self.services.rows()},
                                 self.ui.officePage)
        for row, (editor, label) in enumerate(((self.services, self.ui.servicesLabel),
                                               (self.desks, self.ui.desksLabel)), start=3):
            self.ui.officeLayout.setWidget(row, QFormLayout.ItemRole.FieldRole, editor)
            label.setBuddy(editor.table)
        # Next (and Finish) stay disabled while a row is wrong: QWizard's own rule, a mandatory field that is empty.
        # The hidden field holds "ok" when both tables check out; each table says its first problem under itself.
        self.rowsCheckedEdit = QLineEdit(self.ui.officePage)
        self.rowsCheckedEdit.hide()
        self.ui.officePage.registerField("officeRowsChecked*", self.rowsCheckedEdit)
        self.services.changed.connect(self.desks.validate)  # a desk's services must exist above
        self.desks.changed.connect(self._rows_checked)
        self.services.changed.connect(self._rows_checked)
        self._rows_checked()
        self._pages = {"intro": self.ui.introPage, "office": self.ui.officePage, "admin": self.ui.adminPage}
        # With the demo chosen the first page is the last: QWizard shows Finish instead of Next only once told.
        self.ui.demoRadio.toggled.connect(self.ui.introPage.setFinalPage)
        self.ui.introPage.setFinalPage(self.wants_demo())

    def _rows_checked(self) -> None:
        """Fill or empty the hidden mandatory field, so QWizard enables or disables Next with the tables' state."""
        self.rowsCheckedEdit.setText("ok" if self.services.valid and self.desks.valid else "")

    def wants_demo(self) -> bool:
        return self.ui.demoRadio.isChecked()

    def nextId(self) -> int:
        """The demo skips the office and admin pages."""
        if self.currentPage() is self.ui.introPage and self.wants_demo():
            return -1
        return super().nextId()

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is self.ui.officePage and not (self.services.validate() & self.desks.validate()):
            return False  # the first problem of each table is said under it, with its line
        if self.currentPage() is self.ui.adminPage and \
                self.ui.adminPasswordEdit.text() != self.ui.adminRepeatEdit.text():
            self.ui.adminMessageLabel.setText(self.tr("The two passwords differ."))
            return False
        self.ui.adminMessageLabel.clear()
        return super().validateCurrentPage()

    def office_setup(self) -> dict[str, Any]:
        """The set-up for :meth:`~desk_app.core.office.OfficeService.apply`."""
        return {
            "office": {"code": self.ui.officeCodeEdit.text().strip(), "name": self.ui.officeNameEdit.text().strip(),
                       "address": self.ui.officeAddressEdit.text().strip()},
            "service": [{k: v for k, v in row.items() if v} for row in self.services.rows()],
            "desk": [{"code": row["code"], "name": row["name"],
                      "services": [c.strip().upper() for c in row["services"].split(",") if c.strip()]}
                     for row in self.desks.rows()],
        }

    def admin_account(self) -> tuple[str, str, str]:
        """Username, display name (the username if empty), password."""
        username = self.ui.adminUserEdit.text().strip()
        return username, self.ui.adminNameEdit.text().strip() or username, self.ui.adminPasswordEdit.text()
