"""First start on an empty database: create the office, its services and desks and the first admin,
or load the demo office. The form is ``ui/firstrun.ui``; the core validates everything on apply.

Services and desks are typed in :class:`RowEditor` tables, one row per service or desk, each cell checked
as it is typed with the core's own rules, and the first problem said with its line number before "Next"
(the table is reusable by admin editors: columns and checks are given to it).
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
    QLabel,
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
        messageLabel: the first problem, "Line 2, Code: …", or empty.
    """

    changed = Signal()

    def __init__(self, columns: Sequence[RowColumn], rows: Sequence[dict[str, str]], language: str = "it",
                 row_check: Callable[[dict[str, str]], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.language, self.row_check = list(columns), language, row_check
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.title for c in self.columns])
        self.table.horizontalHeader().setStretchLastSection(True)
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


def parse_services(text: str) -> list[dict[str, Any]]:
    """``CODE;PREFIX;Name;minutes`` lines -> the ``service`` entries of an office set-up (blank lines skipped).

    Missing fields are left out so the core's validation names them.
    """
    entries = []
    for line in text.splitlines():
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split(";")]
        entry: dict[str, Any] = dict(zip(("code", "prefix", "name"), fields, strict=False))
        if len(fields) > 3 and fields[3]:
            entry["target_wait_minutes"] = fields[3]
        entries.append(entry)
    return entries


def parse_desks(text: str) -> list[dict[str, Any]]:
    """``CODE;Name;SERVICE,SERVICE`` lines -> the ``desk`` entries of an office set-up."""
    entries = []
    for line in text.splitlines():
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split(";")]
        entry: dict[str, Any] = dict(zip(("code", "name"), fields, strict=False))
        entry["services"] = [s.strip() for s in fields[2].split(",") if s.strip()] if len(fields) > 2 else []
        entries.append(entry)
    return entries


class FirstRunWizard(QWizard):
    """Collects the first set-up; the owner applies it in the background and reopens the wizard on a refusal.

    Attributes:
        services, desks: the row editors of the office page (the form's text fields give their first rows).
    """

    def __init__(self, demo_hint: str, parent: QWidget | None = None, language: str = "it") -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.ui.demoHintLabel.setText(demo_hint)
        self.services = service_editor(
            [{k: str(v) for k, v in e.items()} for e in parse_services(self.ui.servicesEdit.toPlainText())],
            language, self.ui.officePage)
        self.desks = desk_editor(
            [{"code": e.get("code", ""), "name": e.get("name", ""), "services": ",".join(e["services"])}
             for e in parse_desks(self.ui.desksEdit.toPlainText())],
            language, lambda: {r["code"].upper() for r in self.services.rows()}, self.ui.officePage)
        for row, (old, editor, label) in enumerate(((self.ui.servicesEdit, self.services, self.ui.servicesLabel),
                                                   (self.ui.desksEdit, self.desks, self.ui.desksLabel)), start=3):
            self.ui.officeLayout.removeWidget(old)
            old.hide()
            self.ui.officeLayout.setWidget(row, QFormLayout.ItemRole.FieldRole, editor)
            label.setBuddy(editor.table)
        self.services.changed.connect(self.desks.validate)  # a desk's services must exist above
        self.ui.officePage.setSubTitle(self.tr("One row per service and one per desk: each line is checked as it "
                                               "is typed, and a problem is said with its line number."))
        self._pages = {"intro": self.ui.introPage, "office": self.ui.officePage, "admin": self.ui.adminPage}
        # With the demo chosen the first page is the last: QWizard shows Finish instead of Next only once told.
        self.ui.demoRadio.toggled.connect(self.ui.introPage.setFinalPage)
        self.ui.introPage.setFinalPage(self.wants_demo())

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
