"""The Italian texts of a procedure, edited in the administration window (issue 12).

Pick a procedure, pick one of its texts (name, summary, steps, checklist lines and their conditions), change the
Italian: it is checked as typed with the core's own rule (:func:`~desk_app.core.validation.clean_text`, the limit of
:data:`~desk_app.core.catalogue.MAX_TEXT`) and saved through
:meth:`~desk_app.core.catalogue.ContentService.edit_text` (permission ``edit_content``, audited, checked again in the
core). The save carries the text as read (``expected``): if someone changed it meanwhile, the core refuses and
stores nothing; the editor then says who and when, shows the new text in the list and keeps what was typed in the
box, so a second save replaces the new text knowingly. Saving makes the text's translations ``stale``: the list
shows, per text, which languages need work, and the Content tab's coverage table follows. Each text shows its
sources (act or page, check date) and what is still "to verify". A role without ``edit_content`` reads and cannot save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.catalogue import MAX_TEXT, SOURCE_LANGUAGE
from desk_app.core.validation import clean_text
from desk_app.errors import DeskError
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.catalogue import ProcedureView
    from desk_app.core.translations import TextState
    from desk_app.gui.runtime import Runtime


class ContentEditor(QWidget):
    """Procedure picker, its texts with the languages that need work, and the Italian of the chosen one.

    Attributes:
        procedureBox: the procedures (data: code).
        textList: the procedure's texts (data: key).
        textEdit: the Italian of the chosen text.
        saveButton: enabled for ``edit_content`` when the text changed and passes the check.
        messageLabel: the check's sentence as typed, or the outcome of a save.
        states: the chosen procedure's texts, as last read.
        saved: emitted with the key after a save (the coverage table reloads).
    """

    saved = Signal(str)

    def __init__(self, runtime: Runtime, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor = runtime, actor
        self.states: list[TextState] = []
        self._notice = ""  # the outcome of a save, shown once the states are read again
        self._typed: tuple[str, str] | None = None  # (key, text) a refused save keeps in the box across the re-read
        self.procedureBox = QComboBox()
        self.procedureBox.currentIndexChanged.connect(lambda _index: self.load_texts())
        self.textList = QListWidget()
        self.textList.currentRowChanged.connect(self._show_text)
        self.textEdit = QPlainTextEdit()
        self.textEdit.setTabChangesFocus(True)  # keyboard: Tab leaves the text for the save button
        self.textEdit.setReadOnly(not actor.can("edit_content"))
        self.textEdit.textChanged.connect(self._check)
        self.sourcesLabel = QLabel()
        self.sourcesLabel.setWordWrap(True)
        self.sourcesLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.workLabel = QLabel()
        self.workLabel.setWordWrap(True)
        self.messageLabel = QLabel()
        self.messageLabel.setWordWrap(True)
        self.saveButton = QPushButton(self.tr("&Save the Italian"))
        self.saveButton.setEnabled(False)
        self.saveButton.clicked.connect(self.save)
        intro = QLabel(self.tr("Change the Italian of a procedure's text: its translations then become stale "
                               "(translate them again in the translation review).")
                       if actor.can("edit_content") else
                       self.tr("You may read these texts; a supervisor or an administrator changes them."))
        intro.setWordWrap(True)
        picker = QHBoxLayout()
        label = QLabel(self.tr("&Procedure:"))
        label.setBuddy(self.procedureBox)
        picker.addWidget(label)
        picker.addWidget(self.procedureBox, 1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        italian = QLabel(self.tr("&Italian text:"))
        italian.setBuddy(self.textEdit)
        column.addWidget(italian)
        column.addWidget(self.textEdit, 1)
        column.addWidget(self.workLabel)
        column.addWidget(self.sourcesLabel)
        column.addWidget(self.messageLabel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.saveButton)
        column.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.textList)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(picker)
        layout.addWidget(splitter, 1)

    # -- reading ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the procedures (on the worker), keeping the chosen one."""
        core = self.runtime.core
        if core is None:
            return
        Operation(self, core.content.procedures, self.runtime.operations).coalesce("procedures") \
            .success(self._show_procedures).failure(self._say).run()

    def _show_procedures(self, procedures: list[ProcedureView]) -> None:
        chosen = self.procedureBox.currentData()
        self.procedureBox.blockSignals(True)
        self.procedureBox.clear()
        for procedure in procedures:
            self.procedureBox.addItem(f"{procedure.code} — {procedure.name}", procedure.code)
        index = self.procedureBox.findData(chosen)
        self.procedureBox.setCurrentIndex(index if index >= 0 else 0)
        self.procedureBox.blockSignals(False)
        self.load_texts()

    def load_texts(self, keep: str | None = None) -> None:
        """Read the chosen procedure's texts and their translations' states (on the worker)."""
        core, code = self.runtime.core, self.procedureBox.currentData()
        if core is None or not code:
            return
        keep = keep or self.current_key()
        translations = core.translations
        Operation(self, lambda: translations.procedure_texts(code), self.runtime.operations).coalesce("texts") \
            .success(lambda states: self._show_texts(states, keep)).failure(self._say).run()

    def _show_texts(self, states: list[TextState], keep: str | None) -> None:
        self.states = states
        self.textList.blockSignals(True)
        self.textList.clear()
        for state in states:
            pending = len(state.needs_work)
            mark = (self.tr("%n language(s) to translate", "", pending) if pending else self.tr("translated"))
            flag = " ⚠" if state.verify else ""
            item = QListWidgetItem(f"{self.part_name(state.key)}{flag}: {state.text[:40]}\n    {mark}")
            item.setData(Qt.ItemDataRole.UserRole, state.key)
            item.setToolTip(state.text)
            self.textList.addItem(item)
        keys = [state.key for state in states]
        self.textList.setCurrentRow(keys.index(keep) if keep in keys else (0 if keys else -1))
        self.textList.blockSignals(False)
        self._show_text(self.textList.currentRow())
        typed, self._typed = self._typed, None
        if typed is not None and self.current_key() == typed[0]:
            self.textEdit.setPlainText(typed[1])  # checked again against the text just read
        if self._notice:
            self.messageLabel.setText(self._notice)
            self._notice = ""

    def part_name(self, key: str) -> str:
        """What part of the sheet a text is, for staff (not its key): name, summary, step n, document, condition."""
        if key.endswith(".name"):
            return self.tr("Name")
        if key.endswith(".summary"):
            return self.tr("Summary")
        if ".step." in key:
            return self.tr("Step %1").replace("%1", key.rsplit(".", 1)[1])
        if key.startswith("cond."):
            return self.tr("Condition")
        return self.tr("Document")

    def current_key(self) -> str | None:
        item = self.textList.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current_state(self) -> TextState | None:
        row = self.textList.currentRow()
        return self.states[row] if 0 <= row < len(self.states) else None

    def _show_text(self, _row: int) -> None:
        state = self.current_state()
        self.textEdit.blockSignals(True)
        self.textEdit.setPlainText("" if state is None else state.text)
        self.textEdit.blockSignals(False)
        self.messageLabel.clear()
        if state is None:
            self.workLabel.clear()
            self.sourcesLabel.clear()
        else:
            stale = [lang for lang in state.needs_work if state.statuses[lang] == "stale"]
            other = [lang for lang in state.needs_work if state.statuses[lang] != "stale"]
            parts = []
            if stale:
                parts.append(self.tr("Stale (the Italian changed): %1").replace("%1", ", ".join(stale)))
            if other:
                parts.append(self.tr("Draft or missing: %1").replace("%1", ", ".join(other)))
            self.workLabel.setText(" · ".join(parts) if parts else self.tr("Every translation is reviewed."))
            sources = "\n".join(state.sources) if state.sources else self.tr("No source recorded (an office text).")
            text = self.tr("Sources: %1").replace("%1", sources)
            text += "\n" + self.tr("Last changed: %1").replace("%1", state.changed_on)
            if state.edited:
                text += " " + self.tr("(changed by the office)")
            if state.verify:
                text += "\n" + self.tr("To verify: %1").replace("%1", state.verify)
            self.sourcesLabel.setText(text)
        self._check()

    # -- editing ------------------------------------------------------------------------------------------------
    def problem(self) -> str | None:
        """The core's own check of the typed Italian: its sentence, or ``None`` when it passes."""
        try:
            clean_text(self.textEdit.toPlainText(), "text", MAX_TEXT, multiline=True)
        except DeskError as exc:
            return exc.message(self.runtime.language)
        return None

    def _check(self) -> None:
        state = self.current_state()
        problem = self.problem() if state is not None else None
        if problem is not None:
            self.messageLabel.setText(problem)
        elif self.messageLabel.property("checked"):
            self.messageLabel.clear()
        self.messageLabel.setProperty("checked", problem is not None)
        changed = state is not None and self.textEdit.toPlainText().strip() != state.text
        self.saveButton.setEnabled(self.actor.can("edit_content") and changed and problem is None)

    def save(self) -> None:
        """Send the Italian to the core (which checks permission and text again); then re-read the states."""
        core, state = self.runtime.core, self.current_state()
        if core is None or state is None or not self.saveButton.isEnabled():
            return
        content, actor, key, text = core.content, self.actor, state.key, self.textEdit.toPlainText()
        expected = state.text  # the text this editor read: the core refuses if it changed meanwhile
        Operation(self, lambda: content.edit_text(actor, key, SOURCE_LANGUAGE, text, expected=expected),
                  self.runtime.operations) \
            .busy(self.saveButton).success(lambda _none: self._saved(key)) \
            .failure(lambda exc: self._refused(exc, key, text)).run()

    def _saved(self, key: str) -> None:
        self._notice = self.tr("Saved: its translations are now stale until translated again.")
        self.load_texts(keep=key)
        self.saved.emit(key)

    def _refused(self, exc: DeskError, key: str, text: str) -> None:
        """A save refused: say why; if the text changed meanwhile, read it again and keep what was typed."""
        if exc.code != "text_changed_meanwhile":
            self._say(exc)
            return
        self._notice = exc.message(self.runtime.language)
        self._typed = (key, text)
        self.load_texts(keep=key)

    def _say(self, exc: DeskError) -> None:
        self.messageLabel.setText(exc.message(self.runtime.language))


__all__ = ["ContentEditor"]
