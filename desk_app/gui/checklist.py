"""The document checklist at the counter, in the clerk workspace (issue 4, item 2).

For the ticket at the desk the clerk attaches a procedure of the ticket's service (a
case: procedure, optional practice number, the user's language), marks every checklist
item presented / missing / not applicable, writes notes and closes the visit with an
outcome. On the user's next visit the case is found again by its practice number and
reopened. The instruction sheet and the "bring next time" sheet print (or save as PDF)
in the user's language, optionally bilingual; the translation status of each sheet is
on screen before anything is printed.

Every rule lives in the core (:class:`~desk_app.core.cases.CaseService`,
:class:`~desk_app.core.sheets.SheetBuilder`); every database call is an
:class:`~desk_app.gui.operations.Operation` on the one background worker; only the
PDF/printer layout (a ``QTextDocument``) runs on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QToolButton, QWidget

from desk_app.core.cases import NOTE_MAX, CaseItemView, CaseView
from desk_app.core.catalogue import ChecklistItem, ProcedureView
from desk_app.core.queue import LANGUAGES
from desk_app.core.sheets import Sheet, SheetBuilder, format_amount
from desk_app.db.models_content import CASE_OUTCOMES, ITEM_STATES
from desk_app.errors import DeskError
from desk_app.gui.forms.ui_checklist import Ui_ChecklistPanel
from desk_app.gui.labels import (
    CASE_OUTCOME_LABELS,
    ITEM_STATE_LABELS,
    REQUIREMENT_LABELS,
    TRANSLATION_STATUS_LABELS,
    language_choice,
    staff_label,
)
from desk_app.gui.models import HeaderedTableModel
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.queue import TicketView
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)
T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
#: Role returning the :class:`~desk_app.core.cases.CaseItemView` of a row.
CaseItemRole = Qt.ItemDataRole.UserRole + 1
STATE_BRUSHES = {
    "presented": QBrush(QColor("#d4edda")),
    "missing": QBrush(QColor("#f8d7da")),
    "not_applicable": QBrush(QColor("#e2e3e5")),
}
VERIFY_COLOR = QColor("#a14c00")
#: Colour of the translation-status line per status: reviewed is fine, a draft needs care, the rest is Italian.
STATUS_COLORS = {"reviewed": "#1e6b30", "draft": "#a14c00", "stale": "#b00020", "missing": "#b00020"}
SHEET_KINDS = ("instructions", "missing")


def need_text(item: ChecklistItem) -> str:
    """Required / optional / "only if <condition>", and the fee when the item costs one."""
    need = staff_label(REQUIREMENT_LABELS, item.requirement)
    if item.requirement == "conditional" and item.condition_it:
        need = f"{need}: {item.condition_it}"
    if item.amount_cents is not None:
        amount = format_amount(item.amount_cents)
        need += f" · {item.quantity} × {amount}" if item.quantity > 1 else f" · {amount}"
    return need


class CaseItemsModel(HeaderedTableModel):
    """The checklist of one case: document, need, state, "to verify" flag, the clerk's note.

    The case's own checklist version is shown (frozen when the case was opened), not the
    catalogue's current one.
    """

    DOCUMENT, NEED, STATE, VERIFY, NOTE = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[CaseItemView] = []
        self._case_id: int | None = None
        self._headers = (self.tr("Document"), self.tr("Needed"), self.tr("State"), self.tr("To verify"),
                         self.tr("Note"))

    def set_case(self, case: CaseView | None) -> None:
        """Show ``case``; the same case re-read repaints its rows in place (the selection stays)."""
        items = list(case.items) if case is not None else []
        case_id = case.id if case is not None else None
        if case_id == self._case_id and len(items) == len(self._items) \
                and [i.key for i in items] == [i.key for i in self._items]:
            self._items = items
            if items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._items, self._case_id = items, case_id
        self.endResetModel()

    def item(self, row: int) -> CaseItemView | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def _row_count(self) -> int:
        return len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        entry, column = self._items[index.row()], index.column()
        item = entry.item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DOCUMENT:
                return item.text_it
            if column == self.NEED:
                return need_text(item)
            if column == self.STATE:
                return staff_label(ITEM_STATE_LABELS, entry.state)
            if column == self.VERIFY:
                return self.tr("to verify") if item.verify else ""
            if column == self.NOTE:
                return entry.note
            return None
        if role == CaseItemRole:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.VERIFY and item.verify:
                return self.tr("The office must confirm this: %1").replace("%1", item.verify)
            if column in (self.DOCUMENT, self.NEED, self.NOTE):
                return self.data(index, Qt.ItemDataRole.DisplayRole) or None
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATE:
            return STATE_BRUSHES.get(entry.state)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VERIFY and item.verify:
            return QBrush(VERIFY_COLOR)
        if role == Qt.ItemDataRole.FontRole and (
                (column == self.VERIFY and item.verify)
                or (column == self.NEED and item.requirement == "required")):
            font = QFont()
            font.setBold(True)
            return font
        return None


class ChecklistPanel(QWidget):
    """The checklist tab of the workspace.

    Args:
        session: the logged-in clerk and desk.
        runtime: the app's runtime (operations, online state).
        seams: dialogs and the sheet printer.

    Signals:
        case_changed(object): the case shown changed (a :class:`CaseView`, or ``None``).
        case_closed(str): the case was closed with this outcome (the workspace sets the ticket's from it).
        said(str): feedback on what was just saved (the workspace shows it on its feedback line).
        statuses_shown(dict): the translation status of each sheet, as now on screen (kind -> status).
        sheet_done(object): a sheet was printed or saved (the :class:`Sheet`).

    Attributes:
        case: the case on screen, as last read.
        ticket: the ticket at the desk.
        procedures: the office's catalogue.
        statuses: translation status per sheet kind for the chosen language (what the label says).
    """

    case_changed = Signal(object)
    case_closed = Signal(str)
    said = Signal(str)
    statuses_shown = Signal(dict)
    sheet_done = Signal(object)

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runtime = runtime
        self.seams = seams
        self.case: CaseView | None = None
        self.ticket: TicketView | None = None
        self.procedures: list[ProcedureView] = []
        self.statuses: dict[str, str] = {}
        self._case_ticket_id: int | None = None
        self._catalogue_problem = ""
        self._online = runtime.online
        self._busy = False
        self._status_request = 0  # only the newest status read may fill the label

        self.ui = Ui_ChecklistPanel()
        self.ui.setupUi(self)
        self.model = CaseItemsModel(self)
        view = self.ui.itemsView
        view.setModel(self.model)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Documents and conditions are sentences: they share the width and wrap, rows grow to fit them.
        header.setSectionResizeMode(CaseItemsModel.DOCUMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CaseItemsModel.NEED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CaseItemsModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CaseItemsModel.NOTE, 160)  # notes may be long: they wrap instead of widening
        header.setStretchLastSection(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._item_selected())

        for combo in (self.ui.languageCombo, self.ui.sheetLanguageCombo):
            for code in LANGUAGES:
                combo.addItem(language_choice(code), code)
        for code in CASE_OUTCOMES:
            self.ui.caseOutcomeCombo.addItem(staff_label(CASE_OUTCOME_LABELS, code), code)

        self.item_actions = self._create_item_actions()
        self.ui.procedureCombo.currentIndexChanged.connect(lambda *_: self._inputs_changed())
        self.ui.languageCombo.currentIndexChanged.connect(self._case_language_chosen)
        self.ui.sheetLanguageCombo.currentIndexChanged.connect(lambda *_: self.refresh_statuses())
        self.ui.practiceEdit.textChanged.connect(lambda *_: self._update_enabled())
        # The notes take NOTE_MAX characters: the counter says so while typing, before anything is saved.
        self.noteCounter = QLabel()
        self.noteCounter.setObjectName("noteCounter")
        self.ui.caseLayout.addWidget(self.noteCounter, 0, 2, 1, 1)
        self.ui.noteEdit.textChanged.connect(self._count_note)
        self._count_note()
        self.ui.attachButton.clicked.connect(self.attach)
        self.ui.reopenButton.clicked.connect(self.reopen)
        self.ui.practiceEdit.returnPressed.connect(self.reopen)
        self.ui.itemNoteEdit.returnPressed.connect(self._save_item_note)
        self.ui.saveNoteButton.clicked.connect(self.save_note)
        self.ui.closeCaseButton.clicked.connect(lambda: self.close_case())
        self.ui.printInstructionsButton.clicked.connect(lambda: self.output_sheet("instructions", "print"))
        self.ui.pdfInstructionsButton.clicked.connect(lambda: self.output_sheet("instructions", "pdf"))
        self.ui.printMissingButton.clicked.connect(lambda: self.output_sheet("missing", "print"))
        self.ui.pdfMissingButton.clicked.connect(lambda: self.output_sheet("missing", "pdf"))
        runtime.online_changed.connect(self.set_online)
        self._show_case(None)
        if session.actor.can("work_cases"):
            self.load_procedures()
        else:
            self._catalogue_problem = self.tr("This account does not work on counter cases.")
            self._show_case(None)

    def _create_item_actions(self) -> dict[str, QAction]:
        specs: list[tuple[str, str, QToolButton]] = [
            ("presented", "Ctrl+1", self.ui.presentedButton),
            ("missing", "Ctrl+2", self.ui.missingButton),
            ("not_applicable", "Ctrl+3", self.ui.notApplicableButton),
            ("pending", "Ctrl+0", self.ui.pendingButton),
        ]
        actions = {}
        for state, key, button in specs:
            text = staff_label(ITEM_STATE_LABELS, state)
            action = QAction(text, self)
            sequence = QKeySequence(key)
            action.setShortcut(sequence)
            # Only while the checklist has the focus: Ctrl+1 means nothing on the queue tab.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setIconText(f"{text} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
            action.triggered.connect(lambda _=False, s=state: self.mark_selected(s))
            self.addAction(action)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            actions[state] = action
        assert set(actions) == set(ITEM_STATES)
        return actions

    # -- background work ---------------------------------------------------------------------------------------
    def _submit(self, work: Callable[[], T], done: Callable[[T], None]) -> None:
        """One case operation in the background; while it runs the panel's actions are disabled."""
        Operation(self, work, self.runtime.operations).success(done).failure(title=self.tr("Not done")) \
            .busy(self._set_busy).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_enabled()

    def load_procedures(self) -> None:
        """Read the office's catalogue (once per login)."""
        content = self.session.core.content

        def loaded(procedures: list[ProcedureView]) -> None:
            self.procedures = procedures
            self._catalogue_problem = "" if procedures else self._no_catalogue_message()
            self._fill_procedures()
            self._show_case(self.case)

        def failed(exc: DeskError) -> None:
            self._catalogue_problem = exc.message(self.session.language)
            self._show_case(self.case)

        Operation(self, content.procedures, self.runtime.operations).success(loaded).failure(failed).run()

    def _no_catalogue_message(self) -> str:
        from desk_app.errors import NotFoundError

        return NotFoundError("no_catalogue").message(self.session.language)

    # -- the ticket at the desk --------------------------------------------------------------------------------
    def set_ticket(self, ticket: TicketView | None) -> None:
        """The ticket at the desk changed (or was re-read). A different person's ticket clears the case."""
        previous = self.ticket
        self.ticket = ticket
        if ticket is None and previous is not None:
            # The person left the desk (finished, parked, no-show, transferred): nothing of theirs stays on
            # screen for the next one to see: case, checklist, notes and the practice number typed.
            self._show_case(None)
            self.ui.practiceEdit.clear()
            self._fill_procedures()
        if ticket is not None and (previous is None or previous.id != ticket.id):
            if self.case is not None and self._case_ticket_id != ticket.id:
                self._show_case(None)  # the case of the previous person must not stay on screen
            self._fill_procedures()
            self._choose_language(ticket.language or "it")
        self._update_enabled()

    def set_online(self, online: bool) -> None:
        """Slot for :attr:`Runtime.online_changed`."""
        self._online = online
        self._update_enabled()

    def _fill_procedures(self) -> None:
        """The procedures of the ticket's service first; the rest of the catalogue after a separator."""
        combo = self.ui.procedureCombo
        # Only the case on screen (this person's) keeps its procedure; otherwise the ticket's own service's
        # first procedure is offered, never the one chosen for the previous person.
        keep = self.case.procedure_code if self.case is not None else None
        service = self.ticket.service_code if self.ticket is not None else None
        own = [p for p in self.procedures if p.service_code == service]
        others = [p for p in self.procedures if p.service_code != service]
        combo.blockSignals(True)
        combo.clear()
        for procedure in own:
            combo.addItem(f"{procedure.code} · {procedure.name}", procedure.code)
        if own and others:
            combo.insertSeparator(combo.count())
        for procedure in others:
            combo.addItem(f"{procedure.code} · {procedure.name}", procedure.code)
        index = combo.findData(keep) if keep else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if combo.count() else -1))
        combo.blockSignals(False)
        self._inputs_changed()

    def _choose_language(self, code: str) -> None:
        for combo in (self.ui.languageCombo, self.ui.sheetLanguageCombo):
            index = combo.findData(code)
            if index >= 0:
                combo.setCurrentIndex(index)

    def _count_note(self) -> None:
        """``n/1000`` beside the notes, red past the limit (the save buttons wait until it fits)."""
        length = len(self.ui.noteEdit.toPlainText().strip())
        self.noteCounter.setText(f"{length}/{NOTE_MAX}")
        self.noteCounter.setStyleSheet("color: #b00020; font-weight: bold;" if length > NOTE_MAX else "")
        self.noteCounter.setToolTip(self.tr("The notes are longer than %1 characters: shorten them to save.")
                                    .replace("%1", str(NOTE_MAX)) if length > NOTE_MAX else "")
        self._update_enabled()

    def _case_language_chosen(self) -> None:
        """The user's language is the sheets' language too, unless the clerk picks another for a sheet."""
        code = self.ui.languageCombo.currentData()
        index = self.ui.sheetLanguageCombo.findData(code)
        if index >= 0:
            self.ui.sheetLanguageCombo.setCurrentIndex(index)

    def _inputs_changed(self) -> None:
        self._update_enabled()
        self.refresh_statuses()

    # -- cases -------------------------------------------------------------------------------------------------
    def attach(self) -> None:
        """Open a case of the chosen procedure for the ticket at the desk."""
        code = self.ui.procedureCombo.currentData()
        if self.ticket is None or not code:
            return
        cases, actor, ticket_id = self.session.core.cases, self.session.actor, self.ticket.id
        language = self.ui.languageCombo.currentData() or "it"
        practice = self.ui.practiceEdit.text().strip() or None
        self._submit(lambda: cases.open_case(actor, code, language, practice_number=practice, ticket_id=ticket_id),
                     lambda case: self._show_case(case, ticket_id))

    def reopen(self) -> None:
        """Find the cases with the typed practice number; reopen the one chosen for the ticket at the desk."""
        practice = self.ui.practiceEdit.text().strip()
        if not practice or self._busy:
            return
        cases, actor = self.session.core.cases, self.session.actor
        self._submit(lambda: cases.find_by_practice(actor, practice), lambda found: self._reopen_one_of(found))

    def _reopen_one_of(self, found: list[CaseView]) -> None:
        if not found:
            self.seams.dialogs.inform(self, self.tr("Reopen a case"),
                                      self.tr("No case has practice number %1.")
                                      .replace("%1", self.ui.practiceEdit.text().strip().upper()))
            return
        chosen = found[0]
        if len(found) > 1:
            index = self.seams.dialogs.choose(
                self, self.tr("Reopen a case"), self.tr("Cases with this practice number:"),
                [f"{c.id} · {c.procedure_code} · {c.opened_at:%d/%m/%Y} · {self._case_state(c)}" for c in found])
            if index is None:
                return
            chosen = found[index]
        cases, actor = self.session.core.cases, self.session.actor
        ticket_id = self.ticket.id if self.ticket is not None else None
        self._submit(lambda: cases.reopen(actor, chosen.id, ticket_id),
                     lambda case: self._show_case(case, ticket_id))

    def mark_selected(self, state: str) -> None:
        """Record ``state`` (and the note typed for it) for the selected item, then move to the next item."""
        row = self.ui.itemsView.selectionModel().currentIndex().row()
        entry = self.model.item(row)
        if self.case is None or entry is None or self._busy:
            return
        note = self.ui.itemNoteEdit.text().strip()
        cases, actor, case_id = self.session.core.cases, self.session.actor, self.case.id
        new_note = note if note != entry.note else None

        def marked(case: CaseView) -> None:
            self._show_case(case, self._case_ticket_id)
            self.ui.itemsView.selectRow(min(row + 1, self.model.rowCount() - 1))  # on to the next document

        self._submit(lambda: cases.mark_item(actor, case_id, entry.key, state, new_note), marked)

    def _save_item_note(self) -> None:
        entry = self.model.item(self.ui.itemsView.selectionModel().currentIndex().row())
        if entry is not None:
            self.mark_selected(entry.state)

    def save_note(self) -> None:
        if self.case is None:
            return
        cases, actor, case_id = self.session.core.cases, self.session.actor, self.case.id
        note = self.ui.noteEdit.toPlainText()

        def saved(case: CaseView) -> None:
            self._show_case(case, self._case_ticket_id)
            self.said.emit(self.tr("Notes saved."))

        self._submit(lambda: cases.set_note(actor, case_id, note), saved)

    def open_case_of(self, ticket_id: int) -> CaseView | None:
        """The open case on screen if it belongs to ticket ``ticket_id`` (what F9 closes with the ticket)."""
        if self.case is not None and self.case.status == "open" and self._case_ticket_id == ticket_id:
            return self.case
        return None

    def close_case(self, outcome: str | None = None, then: Callable[[], None] | None = None) -> None:
        """End this visit with ``outcome`` (default: the one chosen here); the notes typed are saved with it.

        "Complete" while documents are missing or required ones are unchecked asks first, and offers to
        close as incomplete and print the "bring next time" sheet instead. ``then()`` runs once the case is
        closed (F9 finishes the ticket after it); going back runs nothing.
        """
        if self.case is None:
            return
        case = self.case
        cases, actor, case_id = self.session.core.cases, self.session.actor, case.id
        outcome = outcome or self.ui.caseOutcomeCombo.currentData() or "complete"
        note = self.ui.noteEdit.toPlainText()
        despite, bring_sheet = False, False
        if outcome == "complete" and (case.missing or case.pending_required):
            choice = self.seams.dialogs.choose(
                self, self.tr("The case is not complete"),
                self.tr("%1 document(s) missing and %2 required still to check. How do you close the visit?")
                .replace("%1", str(len(case.missing))).replace("%2", str(len(case.pending_required))),
                [self.tr("Incomplete: print the “bring next time” sheet"),
                 self.tr("Complete all the same"),
                 self.tr("Go back to the checklist")])
            if choice is None or choice == 2:
                return
            if choice == 0:
                outcome, bring_sheet = "incomplete", True
            else:
                despite = True
        index = self.ui.caseOutcomeCombo.findData(outcome)
        if index >= 0:
            self.ui.caseOutcomeCombo.setCurrentIndex(index)

        def closed(view: CaseView) -> None:
            self._show_case(view, self._case_ticket_id)
            self.case_closed.emit(view.outcome)
            if bring_sheet:
                self.output_sheet("missing", "print")
            if then is not None:
                then()

        self._submit(lambda: cases.close(actor, case_id, outcome, note, despite_open_documents=despite), closed)

    def _case_state(self, case: CaseView) -> str:
        if case.status == "open":
            return self.tr("open")
        return self.tr("closed: %1").replace("%1", staff_label(CASE_OUTCOME_LABELS, case.outcome))

    def _show_case(self, case: CaseView | None, ticket_id: int | None = None) -> None:
        same = case is not None and self.case is not None and case.id == self.case.id
        self.case = case
        if case is not None and (ticket_id is not None or not same):
            self._case_ticket_id = ticket_id
        self.model.set_case(case)
        if case is None:
            self._case_ticket_id = None
            self.ui.caseLabel.setText(self._catalogue_problem or self.tr(
                "No case. Choose the procedure of the person at the desk and attach it to their ticket, "
                "or type a practice number to reopen their case."))
            self.ui.noteEdit.setPlainText("")
            self.ui.itemNoteEdit.clear()
        else:
            counts = {state: sum(1 for i in case.items if i.state == state) for state in ITEM_STATES}
            parts = [self.tr("Case %1").replace("%1", str(case.id)),
                     self.tr("%1, checklist version %2").replace("%1", case.procedure_code)
                     .replace("%2", str(case.version))]
            if case.practice_number:
                parts.append(self.tr("practice %1").replace("%1", case.practice_number))
            parts += [language_choice(case.language), self._case_state(case),
                      self.tr("visit %1").replace("%1", str(case.visits))]
            summary = self.tr("%1 presented, %2 missing, %3 not applicable, %4 to check") \
                .replace("%1", str(counts["presented"])).replace("%2", str(counts["missing"])) \
                .replace("%3", str(counts["not_applicable"])).replace("%4", str(counts["pending"]))
            if case.pending_required:
                summary += " " + self.tr("(%n required still to check)", "", len(case.pending_required))
            self.ui.caseLabel.setText(" · ".join(parts) + "\n" + summary)
            if not same:
                self.ui.noteEdit.setPlainText(case.note)
                index = self.ui.procedureCombo.findData(case.procedure_code)
                if index >= 0:
                    self.ui.procedureCombo.setCurrentIndex(index)
                self._choose_language(case.language)
                if self.model.rowCount():
                    self.ui.itemsView.selectRow(0)
        self._item_selected()
        self._update_enabled()
        self.refresh_statuses()
        self.case_changed.emit(case)

    def _item_selected(self) -> None:
        entry = self.model.item(self.ui.itemsView.selectionModel().currentIndex().row())
        self.ui.itemNoteEdit.setText(entry.note if entry is not None else "")

    def _update_enabled(self) -> None:
        ready = self._online and not self._busy and self.session.actor.can("work_cases")
        has_procedure = bool(self.ui.procedureCombo.currentData())
        case_open = self.case is not None and self.case.status == "open"
        selected = self.ui.itemsView.selectionModel().currentIndex().isValid()
        self.ui.attachButton.setEnabled(ready and self.ticket is not None and has_procedure)
        self.ui.reopenButton.setEnabled(ready and bool(self.ui.practiceEdit.text().strip()))
        for action in self.item_actions.values():
            action.setEnabled(ready and case_open and selected)
        self.ui.itemNoteEdit.setEnabled(ready and case_open and selected)
        for widget in (self.ui.noteEdit, self.ui.caseOutcomeCombo):
            widget.setEnabled(ready and case_open)
        fits = len(self.ui.noteEdit.toPlainText().strip()) <= NOTE_MAX
        for widget in (self.ui.saveNoteButton, self.ui.closeCaseButton):
            widget.setEnabled(ready and case_open and fits)
        self.ui.printInstructionsButton.setEnabled(ready and has_procedure)
        self.ui.pdfInstructionsButton.setEnabled(ready and has_procedure)
        self.ui.printMissingButton.setEnabled(ready and self.case is not None)
        self.ui.pdfMissingButton.setEnabled(ready and self.case is not None)

    # -- sheets ------------------------------------------------------------------------------------------------
    def _build_sheet(self, kind: str) -> Callable[[], Sheet]:
        """The work that builds a sheet with the panel's current choices (to run on the worker)."""
        core = self.session.core
        lang = self.ui.sheetLanguageCombo.currentData() or "it"
        bilingual = self.ui.bilingualCheck.isChecked()
        if kind == "missing":
            case = self.case
            assert case is not None

            return lambda: SheetBuilder(core.content).missing(case, lang, bilingual=bilingual)
        code = self.ui.procedureCombo.currentData()
        return lambda: SheetBuilder(core.content).instructions(code, lang, bilingual=bilingual)

    def refresh_statuses(self) -> None:
        """Read the translation status of the sheets for the chosen language, to show it before printing."""
        kinds = [kind for kind, possible in (("instructions", bool(self.ui.procedureCombo.currentData())),
                                             ("missing", self.case is not None)) if possible]
        self._status_request += 1
        request = self._status_request
        if not kinds or not self.session.actor.can("work_cases"):
            self._show_statuses({})
            return
        builds = {kind: self._build_sheet(kind) for kind in kinds}

        def shown(statuses: dict[str, str]) -> None:
            if request == self._status_request:  # an older read answering late must not overwrite a newer one
                self._show_statuses(statuses)

        # Coalesced: of the reads asked for while one runs, only the newest is made.
        Operation(self, lambda: {kind: build().status for kind, build in builds.items()}, self.runtime.operations) \
            .coalesce("statuses").success(shown).failure(lambda exc: log.info("sheet status not read: %s", exc)).run()

    def _show_statuses(self, statuses: dict[str, str]) -> None:
        self.statuses = dict(statuses)
        language = language_choice(self.ui.sheetLanguageCombo.currentData() or "it")
        names = {"instructions": self.tr("Instruction sheet"), "missing": self.tr("\"Bring next time\" sheet")}
        lines = [self.tr("Translation into %1:").replace("%1", language)]
        for kind in SHEET_KINDS:
            if kind in statuses:
                status = statuses[kind]
                lines.append(f'<span style="color:{STATUS_COLORS.get(status, "#000")}">{names[kind]}: '
                             f"{staff_label(TRANSLATION_STATUS_LABELS, status)}</span>")
        self.ui.translationLabel.setText("<br/>".join(lines) if statuses else "")
        self.statuses_shown.emit(self.statuses)

    def output_sheet(self, kind: str, how: str) -> None:
        """Build the sheet now, show its translation status, then print it (``print``) or save it (``pdf``)."""
        if (kind == "missing" and self.case is None) \
                or (kind == "instructions" and not self.ui.procedureCombo.currentData()):
            return

        def built(sheet: Sheet) -> None:
            self._show_statuses({**self.statuses, kind: sheet.status})
            if how == "print":
                done = self.seams.sheets.print_sheet(self, sheet)
            else:
                path = self.seams.sheets.save_pdf(self, sheet)
                done = path is not None
                if path is not None:
                    self.seams.dialogs.inform(self, self.tr("Sheet saved"), str(path))
            if done:
                self.sheet_done.emit(sheet)

        self._submit(self._build_sheet(kind), built)
