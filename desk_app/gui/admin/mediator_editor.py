"""The mediator roster of the administration window (issue 12).

A table of the office's mediators (:class:`MediatorModel` over
:meth:`~desk_app.core.mediators.MediatorService.roster`): code, name, languages with levels (1-4), weekly
availability with its mode. A form adds a mediator with their languages (``ar 4, ur 3``); for the selected one, the
weekly availability (``mon-fri 09:00-13:00 in_person; tue 14:00-16:00 phone``, read with the core's parser as typed)
and a day of absence. Each button is one audited core call; what the core refuses is said in place.
``manage_mediators`` (administrators, supervisors) edits; others without ``book_mediators`` see one sentence.
The languages of a mediator already on the roster are not changed here (the core has no call for it yet).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
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

from desk_app.clock import local_day
from desk_app.core.queue import LANGUAGES
from desk_app.core.schedule import parse_weekly
from desk_app.core.validation import clean_code, clean_text
from desk_app.db.models_booking import MEDIATOR_MODES
from desk_app.errors import DeskError, ValidationError
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.mediators import MediatorView
    from desk_app.gui.runtime import Runtime

_Index = QModelIndex | QPersistentModelIndex
_ERROR_STYLE = "color: #b00020;"


def parse_languages(text: str) -> dict[str, int]:
    """``"ar 4, ur 3"`` (or ``ar:4``) as ``{"ar": 4, "ur": 3}``; raises :class:`ValidationError` for a language the
    office does not serve or a level outside 1-4."""
    found: dict[str, int] = {}
    for entry in (e.strip() for e in text.replace(";", ",").split(",")):
        if not entry:
            continue
        parts = entry.replace(":", " ").split()
        lang = parts[0].lower()
        if lang not in LANGUAGES:
            raise ValidationError("bad_choice", field="language", value=lang[:8], allowed=", ".join(LANGUAGES))
        level = parts[1] if len(parts) > 1 else ""
        if len(parts) != 2 or level not in ("1", "2", "3", "4"):
            raise ValidationError("bad_choice", field="level", value=level[:8], allowed="1, 2, 3, 4")
        found[lang] = int(level)
    if not found:
        raise ValidationError("required", field="languages")
    return found


class MediatorModel(QAbstractTableModel):
    """The roster, one mediator per row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MediatorView] = []

    def set_rows(self, rows: list[MediatorView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("Code"), self.tr("Name"), self.tr("Languages (level)"), self.tr("Availability")][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        m = self.rows[index.row()]
        return [m.code, m.display_name, ", ".join(f"{lang} {level}" for lang, level in m.languages),
                "; ".join(p.describe() for p in m.availability)][index.column()]


class MediatorEditor(QWidget):
    """The office's mediators: add, weekly availability, absences.

    Attributes:
        model, view: the roster.
        messageLabel: the first problem, a refusal of the core, or what was done.
    """

    def __init__(self, runtime: Runtime, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor = runtime, actor
        self.allowed = actor.can("manage_mediators")
        self.model = MediatorModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.codeEdit, self.nameEdit, self.languagesEdit = QLineEdit(), QLineEdit(), QLineEdit()
        self.languagesEdit.setPlaceholderText("ar 4, ur 3")
        self.addButton = QPushButton(self.tr("&Add the mediator"))
        self.addButton.clicked.connect(self.add)
        adding = QGroupBox(self.tr("New mediator"))
        form = QFormLayout(adding)
        form.addRow(self.tr("Code"), self.codeEdit)
        form.addRow(self.tr("Name"), self.nameEdit)
        form.addRow(self.tr("Languages and levels (1-4)"), self.languagesEdit)
        form.addRow("", self.addButton)
        self.availabilityEdit = QLineEdit()
        self.availabilityEdit.setPlaceholderText("mon-fri 09:00-13:00 in_person; tue 14:00-16:00 phone")
        self.availabilityButton = QPushButton(self.tr("Set the &availability"))
        self.availabilityButton.clicked.connect(self.set_availability)
        today = local_day(runtime.core.clock.now()) if runtime.core is not None else date(2000, 1, 1)
        self.absenceDate = QDateEdit(QDate(today.year, today.month, today.day))
        self.absenceDate.setCalendarPopup(True)
        self.absenceDate.setDisplayFormat("yyyy-MM-dd")
        self.absenceReason = QLineEdit()
        self.absenceButton = QPushButton(self.tr("Add an a&bsence"))
        self.absenceButton.clicked.connect(self.add_absence)
        # The selected mediator's languages, edited as typed like a new one's (issue 12).
        self.selectedLanguagesEdit = QLineEdit()
        self.selectedLanguagesEdit.setObjectName("selectedLanguagesEdit")
        self.languagesButton = QPushButton(self.tr("Save the &languages"))
        self.languagesButton.clicked.connect(self.set_languages)
        selected = QGroupBox(self.tr("Selected mediator"))
        selected_form = QFormLayout(selected)
        languages_row = QHBoxLayout()
        languages_row.addWidget(self.selectedLanguagesEdit, 1)
        languages_row.addWidget(self.languagesButton)
        selected_form.addRow(self.tr("Languages and levels (1-4)"), languages_row)
        row = QHBoxLayout()
        row.addWidget(self.availabilityEdit, 1)
        row.addWidget(self.availabilityButton)
        selected_form.addRow(self.tr("Weekly (%1)").replace("%1", ", ".join(MEDIATOR_MODES)), row)
        absence = QHBoxLayout()
        absence.addWidget(self.absenceDate)
        absence.addWidget(self.absenceReason, 1)
        absence.addWidget(self.absenceButton)
        selected_form.addRow(self.tr("Absent on"), absence)
        for edit in (self.codeEdit, self.nameEdit, self.languagesEdit, self.availabilityEdit,
                     self.selectedLanguagesEdit):
            edit.textChanged.connect(self.validate)
        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.noteLabel = QLabel(self.tr("Read only: your role may not change the mediator roster."))
        self.noteLabel.setVisible(not self.allowed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.noteLabel)
        layout.addWidget(self.view, 1)
        layout.addWidget(selected)
        layout.addWidget(adding)
        layout.addWidget(self.messageLabel)
        adding.setVisible(self.allowed)
        selected.setVisible(self.allowed)
        self._selection_changed()

    def selected(self) -> MediatorView | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def validate(self) -> bool:
        """Check the new mediator's fields and the availability pattern as typed; say the first problem."""
        problem, add_ok = "", False
        if any(e.text() for e in (self.codeEdit, self.nameEdit, self.languagesEdit)):
            try:
                clean_code(self.codeEdit.text(), "mediator")
                clean_text(self.nameEdit.text(), "display_name", 80)
                parse_languages(self.languagesEdit.text())
                add_ok = True
            except DeskError as exc:
                problem = exc.message(self.runtime.language)
        availability_ok = False
        if self.availabilityEdit.text() and not problem:
            try:
                parse_weekly(self.availabilityEdit.text(), MEDIATOR_MODES)
                availability_ok = True
            except DeskError as exc:
                problem = exc.message(self.runtime.language)
        languages_ok = False
        if self.selected() is not None and not problem:
            try:
                parse_languages(self.selectedLanguagesEdit.text())
                languages_ok = True
            except DeskError as exc:
                problem = exc.message(self.runtime.language)
        if problem or self.messageLabel.styleSheet():
            self._say(problem, error=True)
        self.languagesButton.setEnabled(self.allowed and languages_ok)
        self.addButton.setEnabled(self.allowed and add_ok)
        self.availabilityButton.setEnabled(self.allowed and availability_ok and self.selected() is not None)
        return not problem

    def _selection_changed(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.availabilityEdit.setText("; ".join(p.describe() for p in chosen.availability))
            self.selectedLanguagesEdit.setText(", ".join(f"{lang} {level}" for lang, level in chosen.languages))
        self.absenceButton.setEnabled(self.allowed and chosen is not None)
        self.validate()

    def _say(self, text: str, *, error: bool) -> None:
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error and text else "")
        self.messageLabel.setText(text)

    def _refused(self, exc: DeskError) -> None:
        self._say(exc.message(self.runtime.language), error=True)

    # -- database --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        core = self.runtime.core
        if core is None or not self.actor.can("book_mediators"):
            return
        actor, mediators = self.actor, core.mediators
        Operation(self, lambda: mediators.roster(actor), self.runtime.operations).coalesce("load") \
            .success(self._loaded).failure(self._refused).run()

    def _loaded(self, rows: list[MediatorView]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        for number, mediator in enumerate(rows):
            if chosen is not None and mediator.code == chosen.code:
                self.view.selectRow(number)
        self._selection_changed()

    def _run(self, work: Any, said: str) -> None:
        Operation(self, work, self.runtime.operations).success(lambda _: self._done(said)) \
            .failure(self._refused).run()

    def _done(self, said: str) -> None:
        self._say(said, error=False)
        self.reload()

    def add(self) -> None:
        core = self.runtime.core
        if core is None or not self.validate():
            return
        actor, mediators = self.actor, core.mediators
        code, name, languages = self.codeEdit.text(), self.nameEdit.text(), parse_languages(self.languagesEdit.text())
        self._run(lambda: mediators.add_mediator(actor, code, name, languages),
                  self.tr("Mediator %1 added.").replace("%1", code.strip().upper()))

    def set_availability(self) -> None:
        core, chosen = self.runtime.core, self.selected()
        if core is None or chosen is None or not self.validate():
            return
        actor, mediators, pattern = self.actor, core.mediators, self.availabilityEdit.text()
        self._run(lambda: mediators.set_availability(actor, chosen.code, pattern),
                  self.tr("Availability of %1 saved.").replace("%1", chosen.code))

    def set_languages(self) -> None:
        """Replace the selected mediator's languages and levels with those typed (one audited core call)."""
        core, chosen = self.runtime.core, self.selected()
        if core is None or chosen is None or not self.validate():
            return
        actor, mediators = self.actor, core.mediators
        languages = parse_languages(self.selectedLanguagesEdit.text())
        self._run(lambda: mediators.set_languages(actor, chosen.code, languages),
                  self.tr("Languages of %1 saved.").replace("%1", chosen.code))

    def add_absence(self) -> None:
        core, chosen = self.runtime.core, self.selected()
        if core is None or chosen is None:
            return
        picked = self.absenceDate.date()
        day = date(picked.year(), picked.month(), picked.day())
        actor, mediators, reason = self.actor, core.mediators, self.absenceReason.text()
        self._run(lambda: mediators.add_exception(actor, chosen.code, day, available=False, reason=reason),
                  self.tr("%1 absent on %2.").replace("%1", chosen.code).replace("%2", day.isoformat()))


__all__ = ["MediatorEditor", "MediatorModel", "parse_languages"]
