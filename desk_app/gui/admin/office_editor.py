"""Services and desks of the administration window (issue 12), in the first-run wizard's row editors.

Services (code, ticket letter, name, target wait) and desks (code, name shown on the board, the services they
call) are the wizard's :func:`~desk_app.gui.wizard.service_editor` and :func:`~desk_app.gui.wizard.desk_editor`
tables, each cell checked as it is typed with the core's rules. Save sends the whole set-up as one audited call
(:meth:`~desk_app.core.office.OfficeService.apply`, all or nothing). Before that, a ticket letter that would move
is explained: numbers are letter + sequence per day, so a letter another service printed today cannot move until
tomorrow (the core refuses it, ``prefix_in_use``); the editor names the letters and services concerned and asks.
Rows are not removed here (a service or desk that printed tickets stays in the records); ``manage_setup``
(administrators and supervisors) edits, anyone else reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk_app.core.office import OfficeView
from desk_app.errors import DeskError
from desk_app.gui.operations import Operation
from desk_app.gui.wizard import desk_editor, service_editor

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import UserDialogs

_ERROR_STYLE = "color: #b00020;"


class OfficeEditor(QWidget):
    """The office's services and desks.

    Attributes:
        services, desks: the row editors.
        messageLabel: the first problem, a refusal of the core, or what was saved.
        office: the set-up last read.
        in_use: ticket letters printed today -> the service that printed them.
    """

    def __init__(self, runtime: Runtime, actor: Actor, dialogs: UserDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor, self.dialogs = runtime, actor, dialogs
        self.office: OfficeView | None = None
        self._loading = False
        self.in_use: dict[str, str] = {}
        self.services = service_editor([], runtime.language)
        self.desks = desk_editor([], runtime.language, lambda: {r["code"].upper() for r in self.services.rows()})
        self.allowed = actor.can("manage_setup")
        for editor in (self.services, self.desks):
            editor.removeButton.hide()  # see the module docstring: nothing is deleted from here
            editor.changed.connect(self.validate)
            if not self.allowed:
                editor.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                editor.addButton.hide()
        self.services.changed.connect(self.desks.validate)  # a desk's services must exist
        note = QLabel(self.tr("A ticket letter printed today stays with its service until tomorrow: numbers are "
                              "letter and sequence of the day. The desk name is what the board shows.")
                      if self.allowed else self.tr("Read only: your role may not change services and desks."))
        note.setWordWrap(True)
        self.noteLabel = note
        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.saveButton = QPushButton(self.tr("&Save services and desks"))
        self.saveButton.clicked.connect(self.save)
        self.saveButton.setVisible(self.allowed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.saveButton)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Services")))
        layout.addWidget(self.services, 1)
        layout.addWidget(QLabel(self.tr("Desks")))
        layout.addWidget(self.desks, 1)
        layout.addWidget(self.messageLabel)
        layout.addLayout(buttons)
        self.validate()

    # -- what is typed ---------------------------------------------------------------------------------------------
    def setup(self) -> dict[str, Any]:
        """The set-up as typed, in the form :meth:`OfficeService.apply` takes."""
        assert self.office is not None
        return {
            "office": {"code": self.office.code, "name": self.office.name, "address": self.office.address},
            "service": [{"code": r["code"], "name": r["name"], "prefix": r["prefix"],
                         "target_wait_minutes": r["target_wait_minutes"]} for r in self.services.rows()],
            "desk": [{"code": r["code"], "name": r["name"],
                      "services": [c.strip().upper() for c in r["services"].split(",") if c.strip()]}
                     for r in self.desks.rows()],
        }

    def moved_letters(self) -> list[tuple[str, str, str]]:
        """``(letter, printed by, now asked for by)`` for each letter printed today that would change service."""
        moved = []
        for row in self.services.rows():
            letter, code = row["prefix"].upper(), row["code"].upper()
            printer = self.in_use.get(letter)
            if printer is not None and printer != code:
                moved.append((letter, printer, code))
        return moved

    def validate(self) -> bool:
        """Check every row (the wizard's checks, said under each table); enable Save. True if all is well."""
        if self._loading:  # half-loaded tables (desks naming services not yet added back) are no problem
            return False
        problems = [p for editor in (self.services, self.desks) for p in editor.problems()]
        if self.messageLabel.styleSheet():  # an earlier refusal no longer fits what is typed now; "Saved" stays
            self._say("", error=True)  # (each table says its own first problem under itself)
        self.saveButton.setEnabled(self.allowed and self.office is not None and not problems)
        return not problems

    def _say(self, text: str, *, error: bool) -> None:
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error and text else "")
        self.messageLabel.setText(text)

    # -- database --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        core = self.runtime.core
        if core is None:
            return
        offices, code = core.offices, self.runtime.office.code if self.runtime.office is not None else None

        def work() -> tuple[OfficeView, dict[str, str]]:
            return offices.view(code), offices.prefixes_in_use(code)

        Operation(self, work, self.runtime.operations).coalesce("load").success(self._loaded) \
            .failure(lambda exc: self._say(exc.message(self.runtime.language), error=True)).run()

    def _loaded(self, loaded: tuple[OfficeView, dict[str, str]]) -> None:
        self.office, self.in_use = loaded
        self._loading = True
        for editor, rows in (
            (self.services, [{"code": s.code, "prefix": s.prefix, "name": s.name,
                              "target_wait_minutes": str(s.target_wait_minutes)} for s in self.office.services]),
            (self.desks, [{"code": d.code, "name": d.name, "services": ", ".join(d.service_codes)}
                          for d in self.office.desks]),
        ):
            editor.table.setRowCount(0)
            for row in rows:
                editor.add_row(row)
        self._loading = False
        self.services.validate()
        self.desks.validate()
        self.validate()

    def save(self) -> None:
        """Explain a letter that would move, then send the set-up as one call."""
        core = self.runtime.core
        if core is None or self.office is None or not self.validate():
            return
        moved = self.moved_letters()
        if moved:
            lines = [self.tr("Letter %1 was printed today by %2: %3 cannot take it before tomorrow.")
                     .replace("%1", letter).replace("%2", printer).replace("%3", wanted)
                     for letter, printer, wanted in moved]
            self._say("\n".join(lines), error=True)
            if not self.dialogs.confirm(self, self.tr("Ticket letters"), "\n".join(lines) + "\n\n" + self.tr(
                    "The office will refuse this change today. Try to save anyway?")):
                return
        actor, offices, setup = self.actor, core.offices, self.setup()
        Operation(self, lambda: offices.apply(actor, setup), self.runtime.operations).busy(self.saveButton) \
            .success(self._saved).failure(self._refused).run()

    def _saved(self, office: OfficeView) -> None:
        self._say(self.tr("Saved: %1 services, %2 desks.").replace("%1", str(len(office.services)))
                  .replace("%2", str(len(office.desks))), error=False)
        self.reload()

    def _refused(self, exc: DeskError) -> None:
        self._say(exc.message(self.runtime.language), error=True)


__all__ = ["OfficeEditor"]
