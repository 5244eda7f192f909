"""The ticket lines of the administration window (issue 12): the public line printed on every walk-in ticket.

Each walk-in ticket prints "Attenda che il suo numero compaia sullo schermo." and the same line in the person's
language. The lines ship with Sportello (``resources/ticket_lines.toml``, most of them still to be checked by a
native speaker or mediator); an office may print its own instead, stored in the database
(:meth:`~desk_app.core.office_settings.OfficeSettingsService.change_ticket_line`, permission ``manage_setup``,
audited, announced to every desk on the change feed).

A table lists the 13 ticket languages: the staff name and the language's own name, the shipped line, the office's
line and where the printed line comes from (shipped, checked or "to verify"; or the office's own text, with when
and, for who may change them, who). Right-to-left lines read right to left. Below, the chosen language's line is
edited in its own script: every keystroke is checked with the core's own rule
(:func:`~desk_app.core.office_settings.clean_ticket_line`), the first problem is said in one sentence, and Save is
enabled only for a valid change. An empty line, or the shipped text itself, restores the shipped line. A role
without ``manage_setup`` reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from desk_app.core.office_settings import (
    TICKET_LINE_MAX,
    TICKET_LINE_PERMISSION,
    OfficeSettings,
    OfficeTicketLine,
    clean_ticket_line,
)
from desk_app.core.queue import LANGUAGES
from desk_app.documents.tickets import TicketLine, ticket_lines
from desk_app.errors import DeskError
from desk_app.gui.fonts import families_for
from desk_app.gui.labels import language_choice
from desk_app.gui.operations import Operation
from desk_app.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.gui.runtime import Runtime

_Index = QModelIndex | QPersistentModelIndex
_ERROR_STYLE = "color: #b00020;"
#: The cell's paragraph direction is the window's (left to right): an embedding makes an Arabic or Urdu line read
#: right to left, its full stop at the left end (as the translation review shows them).
RLE, PDF = "\u202b", "\u202c"
#: Rows whose printed line is still to be checked by a native speaker, and rows printing the office's own text.
_TO_VERIFY = QColor("#fff3cd")
_OFFICE = QColor("#dbeafe")
LANGUAGE, SHIPPED, OFFICE, SOURCE = range(4)
#: Role of every cell: the row's language code.
CodeRole = Qt.ItemDataRole.UserRole


def shown(text: str, rtl: bool) -> str:
    """``text`` as a left-to-right cell shows it: right-to-left lines inside an embedding."""
    return f"{RLE}{text}{PDF}" if rtl and text else text


class TicketLinesModel(QAbstractTableModel):
    """The ticket languages (rows): language, shipped line, office's line, where the printed line comes from.

    Attributes:
        codes: the languages, in the shipped file's order (Italian first).
        shipped: the shipped lines by language.
        office: the office's own lines, as last read.
        authors: who last changed each office line (empty for a role that may not see it).
        timezone: the office's, for the dates.
    """

    HEADERS = (QT_TRANSLATE_NOOP("TicketLinesModel", "Language"),
               QT_TRANSLATE_NOOP("TicketLinesModel", "Shipped line"),
               QT_TRANSLATE_NOOP("TicketLinesModel", "Office's line"),
               QT_TRANSLATE_NOOP("TicketLinesModel", "Printed from"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shipped: dict[str, TicketLine] = {code: line for code, line in ticket_lines().items() if code in LANGUAGES}
        self.codes: list[str] = list(self.shipped)
        self.office: dict[str, OfficeTicketLine] = {}
        self.authors: dict[str, str] = {}
        self.timezone = "Europe/Rome"

    def set_lines(self, office: dict[str, OfficeTicketLine], authors: dict[str, str], timezone: str) -> None:
        self.beginResetModel()
        self.office, self.authors, self.timezone = dict(office), dict(authors), timezone
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.codes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return QCoreApplication.translate("TicketLinesModel", self.HEADERS[section])

    def source(self, code: str) -> str:
        """Where the line printed for ``code`` comes from, in one phrase."""
        own = self.office.get(code)
        if own is not None:
            when = f"{local_time(own.changed_at, self.timezone):%d/%m/%Y %H:%M}"
            who = self.authors.get(code, "")
            text = self.tr("The office's own text, %1").replace("%1", when)
            return f"{text} ({who})" if who else text
        if self.shipped[code].verified:
            return self.tr("Shipped, checked by a native speaker")
        return self.tr("Shipped, to verify")

    def source_note(self, code: str) -> str:
        """What :meth:`source` means, in a sentence (the cell's tooltip and the line under the editor)."""
        if code in self.office:
            return self.tr("Written by the office: no native speaker of the project checked it.")
        if self.shipped[code].verified:
            return self.tr("Shipped with Sportello and checked by a native speaker.")
        return self.tr("Shipped with Sportello, not yet checked by a native speaker or mediator: to verify.")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        code, column = self.codes[index.row()], index.column()
        line, own = self.shipped[code], self.office.get(code)
        if role == CodeRole:
            return code
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LANGUAGE:
                return language_choice(code)
            if column == SHIPPED:
                return shown(line.wait, line.rtl)
            if column == OFFICE:
                return shown(own.text, line.rtl) if own is not None else "—"
            return self.source(code)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == SOURCE:
                return self.source_note(code)
            if column in (SHIPPED, OFFICE):
                return line.wait if column == SHIPPED else (own.text if own is not None else None)
        if role == Qt.ItemDataRole.FontRole and column in (LANGUAGE, SHIPPED, OFFICE):
            font = QFont()
            font.setFamilies(families_for(code))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and line.rtl and (column == SHIPPED
                                                                         or (column == OFFICE and own is not None)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if own is not None:
                return QBrush(_OFFICE)
            if not line.verified:
                return QBrush(_TO_VERIFY)
        return None


class TicketLinesEditor(QWidget):
    """The ticket lines of the actor's office: the table and the chosen language's line.

    Signals:
        saved(object): the core stored a change; the new :class:`OfficeSettings`.

    Attributes:
        model, view: the languages.
        lineEdit: the office's line of the chosen language (its script's font, right to left for Arabic and Urdu).
        shippedLabel: the shipped line of that language, for comparison (in its script's font).
        sourceLabel: where the printed line comes from (shipped, checked or to verify; the office's, when, who).
        messageLabel: the first problem as typed, a refusal of the core, or what was saved.
        saveButton: enabled for ``manage_setup`` when the line changed and passes the check.
        restoreButton: back to the shipped line (enabled when the office has its own).
        current: the settings last read.
    """

    saved = Signal(object)

    def __init__(self, runtime: Runtime, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor = runtime, actor
        self.allowed = actor.can(TICKET_LINE_PERMISSION)
        self.current: OfficeSettings | None = None
        self._notice = ""  # the outcome of a save, shown once the lines are read again
        self._typed: tuple[str, str] | None = None  # (language, text) typed before a save refused as stale
        self._stale = ""  # that refusal's sentence, said again once the line is read again
        self.model = TicketLinesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(LANGUAGE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SHIPPED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OFFICE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SOURCE, 240)
        self._loading = False  # while the model is reset and the row chosen again: not a choice of the user
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        intro = QLabel(self.tr("Every walk-in ticket prints the Italian line and the same line in the person's "
                               "language. Write the office's own line to print it instead of the shipped one; an "
                               "empty line prints the shipped one again. Coloured rows: yellow, the shipped line "
                               "is still to verify; blue, the office's own text.")
                       if self.allowed else
                       self.tr("Read only: your role may not change the ticket lines; a supervisor or an "
                               "administrator changes them."))
        intro.setWordWrap(True)
        self.noteLabel = intro
        self.lineLabel = QLabel()
        self.lineEdit = QLineEdit()
        self.lineEdit.setObjectName("ticketLineEdit")
        # No hard cut at the limit: a pasted sentence stays whole, and the check says it is too long as typed.
        self.lineEdit.setMaxLength(10 * TICKET_LINE_MAX)
        self.lineEdit.setReadOnly(not self.allowed)
        self.lineEdit.setClearButtonEnabled(self.allowed)
        self.lineEdit.textChanged.connect(self.validate)
        self.lineEdit.textEdited.connect(self._edited)
        self.lineLabel.setBuddy(self.lineEdit)
        self.shippedLabel = QLabel()
        self.shippedLabel.setWordWrap(True)
        self.shippedLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sourceLabel = QLabel()
        self.sourceLabel.setWordWrap(True)
        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.restoreButton = QPushButton(self.tr("Restore the shi&pped line"))
        self.restoreButton.clicked.connect(self.restore)
        self.restoreButton.setVisible(self.allowed)
        self.saveButton = QPushButton(self.tr("&Save the line"))
        self.saveButton.clicked.connect(self.save)
        self.saveButton.setVisible(self.allowed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restoreButton)
        buttons.addWidget(self.saveButton)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.lineLabel)
        layout.addWidget(self.lineEdit)
        shipped = QHBoxLayout()
        shipped.addWidget(QLabel(self.tr("Shipped line:")))
        shipped.addWidget(self.shippedLabel, 1)
        layout.addLayout(shipped)
        layout.addWidget(self.sourceLabel)
        layout.addWidget(self.messageLabel)
        layout.addLayout(buttons)
        runtime.changed.connect(self._changed_elsewhere)
        self.view.selectRow(0)
        self._show_line()

    # -- the chosen language ---------------------------------------------------------------------------------------
    def current_code(self) -> str:
        index = self.view.selectionModel().currentIndex()
        return str(index.data(CodeRole)) if index.isValid() else self.model.codes[0]

    def choose(self, code: str) -> None:
        """Select the row of ``code`` (its line goes into the editor)."""
        self.view.selectRow(self.model.codes.index(code))

    def office_text(self, code: str) -> str:
        own = self.model.office.get(code)
        return own.text if own is not None else ""

    def _row_changed(self, *_: object) -> None:
        if not self._loading:
            self._show_line()

    def _show_line(self, keep_message: bool = False) -> None:
        """Put the chosen language's line in the editor; ``keep_message``: leave a sentence (what was saved) in
        place, since the reload the change feed brings after our own save must not wipe it."""
        code = self.current_code()
        line = self.model.shipped[code]
        self.lineLabel.setText(self.tr("&Line printed in %1:").replace("%1", language_choice(code)))
        for widget in (self.lineEdit, self.shippedLabel):  # the script's own font (Nastaliq for Urdu ...)
            font = QFont(widget.font())
            font.setFamilies(families_for(code))
            widget.setFont(font)
        self.lineEdit.setLayoutDirection(Qt.LayoutDirection.RightToLeft if line.rtl else Qt.LayoutDirection.LeftToRight)
        self.lineEdit.blockSignals(True)
        typed, self._typed = self._typed, None
        self.lineEdit.setText(typed[1] if typed is not None and typed[0] == code
                              else self.office_text(code) or line.wait)
        self.lineEdit.blockSignals(False)
        self.shippedLabel.setText(shown(line.wait, line.rtl))
        self.sourceLabel.setText(f"{self.model.source(code)}. {self.model.source_note(code)}")
        if not keep_message:
            self.messageLabel.clear()
            self.messageLabel.setStyleSheet("")
        self.validate()

    def _edited(self, _text: str) -> None:
        """The user typed: a sentence about the last save no longer applies."""
        if self.messageLabel.styleSheet() != _ERROR_STYLE:
            self.messageLabel.clear()
        self.validate()

    def target(self) -> str | None:
        """What Save would store for the chosen language (``""``: the shipped line), or ``None`` if the typed line
        fails the core's check."""
        code = self.current_code()
        try:
            cleaned = clean_ticket_line(code, self.lineEdit.text())
        except DeskError:
            return None
        return "" if cleaned == self.model.shipped[code].wait else cleaned

    def changed(self) -> bool:
        """Whether the typed line differs from what is printed now."""
        target = self.target()
        return target is None or target != self.office_text(self.current_code())

    def validate(self) -> bool:
        """Check the typed line with the core's rule; say the problem; enable Save and Restore. True if valid."""
        code = self.current_code()
        problem = ""
        try:
            clean_ticket_line(code, self.lineEdit.text())
        except DeskError as exc:
            problem = exc.message(self.runtime.language)
        if problem:
            self.messageLabel.setStyleSheet(_ERROR_STYLE)
            self.messageLabel.setText(problem)
        elif self.messageLabel.styleSheet() == _ERROR_STYLE:
            self.messageLabel.setStyleSheet("")
            self.messageLabel.clear()
        ready = self.allowed and self.current is not None and self.runtime.core is not None
        self.saveButton.setEnabled(ready and not problem and self.changed())
        self.restoreButton.setEnabled(ready and bool(self.office_text(code)))
        return not problem

    # -- database --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the office's lines (and, for who may change them, who last did) on the worker."""
        core = self.runtime.core
        if core is None:
            return
        service, actor, allowed = core.office_settings, self.actor, self.allowed

        def read() -> tuple[OfficeSettings, dict[str, str]]:
            return service.current(), service.ticket_line_authors(actor) if allowed else {}

        Operation(self, read, self.runtime.operations).coalesce("load").success(self.show_lines) \
            .failure(self._refused).run()

    def show_lines(self, read: tuple[OfficeSettings, dict[str, str]]) -> None:
        settings, authors = read
        code = self.current_code()
        self.current = settings
        timezone = self.runtime.office.timezone if self.runtime.office is not None else self.model.timezone
        self._loading = True
        try:
            self.model.set_lines(settings.ticket_lines, authors, timezone)
            self.view.resizeRowsToContents()
            self.choose(code)
        finally:
            self._loading = False
        self._show_line(keep_message=True)
        if self._notice:
            self.messageLabel.setStyleSheet("")
            self.messageLabel.setText(self._notice)
            self._notice = ""
        if self._stale:  # after the validation of the kept text, which clears an earlier problem
            self.messageLabel.setStyleSheet(_ERROR_STYLE)
            self.messageLabel.setText(self._stale)
            self._stale = ""

    def save(self) -> None:
        """Send the chosen language's line to the core (which checks permission and text again)."""
        core, target = self.runtime.core, self.target()
        if core is None or target is None or not self.saveButton.isEnabled():
            return
        self._send(self.current_code(), target)

    def restore(self) -> None:
        """Print the shipped line again for the chosen language (the office's own text is deleted)."""
        if self.runtime.core is None or not self.restoreButton.isEnabled():
            return
        self._send(self.current_code(), "")

    def _send(self, code: str, text: str) -> None:
        core = self.runtime.core
        assert core is not None
        service, actor = core.office_settings, self.actor
        expected = self.office_text(code)  # as read: a line someone saved meanwhile is not overwritten unseen
        typed = self.lineEdit.text()
        Operation(self, lambda: service.change_ticket_line(actor, code, text, expected=expected),
                  self.runtime.operations) \
            .busy(self.saveButton, self.restoreButton) \
            .success(lambda settings: self._saved(settings, code, restored=not text)) \
            .failure(lambda exc: self._refused(exc, (code, typed))).run()

    def _saved(self, settings: OfficeSettings, code: str, restored: bool) -> None:
        self._notice = (self.tr("Saved: every desk of the office prints the shipped line again.") if restored else
                        self.tr("Saved: every desk of the office prints this line now."))
        authors = {**self.model.authors, code: self.actor.username}
        self.show_lines((settings, authors))  # at once; the read below brings who changed it from the database
        self.saved.emit(settings)
        self.reload()

    def _refused(self, exc: DeskError, typed: tuple[str, str] | None = None) -> None:
        """A refusal of the core (permission, the text, the database), said where the user is looking; a line
        changed meanwhile is read again, what the user typed kept in the box (a second save replaces it knowingly)."""
        self._notice = ""
        self.messageLabel.setStyleSheet(_ERROR_STYLE)
        self.messageLabel.setText(exc.message(self.runtime.language))
        if typed is not None and exc.code == "text_changed_meanwhile":
            self._typed, self._stale = typed, exc.message(self.runtime.language)
            self.reload()

    def _changed_elsewhere(self, changes: list[Any]) -> None:
        if any(getattr(c, "kind", "") in ("office_settings", "resync") for c in changes) and not (
                self.current is not None and self.changed()):
            self.reload()


__all__ = ["TicketLinesEditor", "TicketLinesModel"]
