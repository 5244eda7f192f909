"""Walk-in ticket issue: the reception role of the desk window.

Big buttons per service (keys 1-9), the person's language chosen by its own
name in its own script (keys F1-F12, then Shift+F1 …, written on each button), a
priority class, the mediator flag. Pressing a service
issues the ticket in the background and prints it; the dialog stays open for
the next person and resets to Italian / ordinary.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QDialog, QPushButton, QSizePolicy, QWidget

from desk_app.documents.tickets import office_line_pairs
from desk_app.gui.fonts import families_for
from desk_app.gui.forms.ui_walkin import Ui_WalkInDialog
from desk_app.gui.labels import LANGUAGE_LABELS, PRIORITY_LABELS, staff_label, ticket_lines
from desk_app.gui.operations import Operation
from desk_app.gui.printing import PrintableTicket, saved_as

if TYPE_CHECKING:
    from desk_app.core.queue import TicketView
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)
LANGUAGE_COLUMNS = 5
SERVICE_COLUMNS = 2


def language_key(index: int) -> QKeySequence:
    """The key of the ``index``-th language button: F1 … F12, then Shift+F1 … (no clash with services' 1-9)."""
    function_key = Qt.Key(int(Qt.Key.Key_F1) + index % 12)
    if index >= 12:
        return QKeySequence(Qt.KeyboardModifier.ShiftModifier | function_key)
    return QKeySequence(function_key)


def office_lines(runtime: Runtime) -> dict[str, str]:
    """The office's own ticket lines (language -> text) as this desk last read them; ``{}`` before the first read
    (the shipped lines are printed then)."""
    settings = runtime.office_settings
    return settings.ticket_texts() if settings is not None else {}


def printable(session: DeskSession, ticket: TicketView, lines: Mapping[str, str] | None = None) -> PrintableTicket:
    """What the printout of ``ticket`` shows, in the office's local time; ``lines``: the office's own ticket lines
    (:func:`office_lines`), printed in place of the shipped ones."""
    from desk_app.clock import local_time

    service = next((s.name for s in session.office.services if s.code == ticket.service_code), ticket.service_name)
    return PrintableTicket(ticket.number, service, session.office.name,
                           local_time(ticket.issued_at, session.office.timezone), ticket.language,
                           office_lines=office_line_pairs(lines))


class WalkInDialog(QDialog):
    """Issues and prints walk-in tickets.

    Args:
        session: the logged-in clerk and desk.
        runtime: the app's runtime (operations, online state).
        seams: dialogs and the ticket printer.

    Signals:
        ticket_issued(object): the :class:`~desk_app.core.queue.TicketView` just issued (after printing).

    Attributes:
        service_buttons: the issue buttons by service code.
        language_buttons: the language buttons by language code.
        last_ticket: the last ticket issued here, for reprinting.
    """

    ticket_issued = Signal(object)

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desk_app.core.queue import LANGUAGES, PRIORITY_HEAD_START

        self.session, self.runtime, self.seams = session, runtime, seams
        self.last_ticket: PrintableTicket | None = None
        self._online = runtime.online
        self.ui = Ui_WalkInDialog()
        self.ui.setupUi(self)

        self._languages = QButtonGroup(self)
        self.language_buttons: dict[str, QPushButton] = {}
        lines = ticket_lines()
        for i, code in enumerate(c for c in lines if c in LANGUAGES):
            language_keys = language_key(i)
            button = QPushButton(
                f"{language_keys.toString(QKeySequence.SequenceFormat.NativeText)}  {lines[code].name}",
                self.ui.languageBox)
            button.setShortcut(language_keys)
            font = QFont(button.font())
            font.setFamilies(families_for(code))
            font.setPointSize(font.pointSize() + 3)
            button.setFont(font)
            button.setCheckable(True)
            button.setMinimumHeight(44)
            button.setToolTip(staff_label(LANGUAGE_LABELS, code))
            self._languages.addButton(button)
            self.ui.languageGrid.addWidget(button, i // LANGUAGE_COLUMNS, i % LANGUAGE_COLUMNS)
            self.language_buttons[code] = button
        for code in PRIORITY_HEAD_START:
            self.ui.priorityCombo.addItem(staff_label(PRIORITY_LABELS, code), code)

        self.service_buttons: dict[str, QPushButton] = {}
        services = [s for s in session.office.services if s.active]
        for i, service in enumerate(services):
            key = str(i + 1) if i < 9 else ""
            button = QPushButton(f"{key}   {service.prefix} · {service.name}".strip(), self.ui.serviceBox)
            if key:
                button.setShortcut(QKeySequence(key))
            font = QFont(button.font())
            font.setPointSize(font.pointSize() + 5)
            font.setBold(True)
            button.setFont(font)
            button.setMinimumHeight(72)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, code=service.code: self.issue(code))
            self.ui.serviceGrid.addWidget(button, i // SERVICE_COLUMNS, i % SERVICE_COLUMNS)
            self.service_buttons[service.code] = button
        self.ui.reprintButton.clicked.connect(self.reprint)
        runtime.online_changed.connect(self.set_online)
        self.reset_choices()
        self._update_buttons()

    def reset_choices(self) -> None:
        """Back to Italian, ordinary priority, no mediator: ready for the next person."""
        self.language_buttons["it"].setChecked(True)
        self.ui.priorityCombo.setCurrentIndex(0)
        self.ui.mediatorCheck.setChecked(False)

    def chosen_language(self) -> str:
        return next((code for code, b in self.language_buttons.items() if b.isChecked()), "it")

    def set_online(self, online: bool) -> None:
        """Slot for :attr:`Runtime.online_changed`."""
        self._online = online
        self._update_buttons()

    def _update_buttons(self) -> None:
        for button in self.service_buttons.values():
            button.setEnabled(self._online)

    def issue(self, service_code: str) -> None:
        """Issue a ticket of ``service_code`` with the chosen language, priority and mediator flag, then print it."""
        if not self.ui.serviceBox.isEnabled():  # one ticket at a time: the box is disabled while one is issued
            return
        queue, actor = self.session.core.queue, self.session.actor
        language = self.chosen_language()
        priority = self.ui.priorityCombo.currentData() or "ordinary"
        mediator = self.ui.mediatorCheck.isChecked()
        Operation(self, lambda: queue.issue_ticket(actor, service_code, priority=priority, language=language,
                                                   needs_mediator=mediator), self.runtime.operations) \
            .success(self._issued).failure(title=self.tr("Ticket not issued")).busy(self.ui.serviceBox).run()

    def _issued(self, ticket: TicketView) -> None:
        self.last_ticket = printable(self.session, ticket, office_lines(self.runtime))
        self.ui.lastIssuedLabel.setText(self.tr("Issued %1 (%2)").replace("%1", ticket.number)
                                        .replace("%2", ticket.service_code))
        self.ui.reprintButton.setEnabled(True)
        self.reset_choices()
        if not self.seams.printer.print_ticket(self, self.last_ticket):
            self.ui.lastIssuedLabel.setText(self.ui.lastIssuedLabel.text() + " — " + self.tr("not printed"))
        else:
            self.ui.lastIssuedLabel.setText(self.ui.lastIssuedLabel.text() + saved_as(self.seams.printer))
        self.ticket_issued.emit(ticket)

    def reprint(self) -> None:
        """Print the last ticket issued here again."""
        if self.last_ticket is not None:
            self.seams.printer.print_ticket(self, self.last_ticket)
