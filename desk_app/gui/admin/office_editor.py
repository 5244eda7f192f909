"""Services and desks of the administration window (issue 12), in the first-run wizard's row editors.

Services (code, ticket letter, name, target wait) and desks (code, name shown on the board, the services they
call) are the wizard's :func:`~desk_app.gui.wizard.service_editor` and :func:`~desk_app.gui.wizard.desk_editor`
tables, each cell checked as it is typed with the core's rules. Save sends the whole set-up as one audited call
(:meth:`~desk_app.core.office.OfficeService.apply`, all or nothing). Before that, a ticket letter that would move
is explained: numbers are letter + sequence per day, so a letter another service printed today cannot move until
tomorrow (the core refuses it, ``prefix_in_use``); the editor names the letters and services concerned and asks.
Rows are not removed here (a service or desk that printed tickets stays in the records): the button under each
table takes the selected one out of use, or back (:meth:`~desk_app.core.office.OfficeService.set_active`; rows out
of use are greyed). ``manage_setup`` (administrators and supervisors) edits, anyone else reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
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
_OUT_OF_USE = QColor("#8a8a8a")


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
        # Out of use / back in use, for the selected row (services and desks that printed tickets are kept).
        self.serviceActiveButton, self.deskActiveButton = QPushButton(), QPushButton()
        for editor, button, kind in ((self.services, self.serviceActiveButton, "service"),
                                     (self.desks, self.deskActiveButton, "desk")):
            button.setObjectName(f"{kind}ActiveButton")
            button.setVisible(self.allowed)
            button.clicked.connect(lambda _=False, k=kind: self.toggle_active(k))
            editor.table.currentCellChanged.connect(lambda *_: self._update_active_buttons())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.saveButton)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("Services")))
        layout.addWidget(self.services, 1)
        layout.addWidget(self.serviceActiveButton, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("Desks")))
        layout.addWidget(self.desks, 1)
        layout.addWidget(self.deskActiveButton, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.messageLabel)
        layout.addLayout(buttons)
        self.validate()
        self._update_active_buttons()

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
            current = editor.table.currentRow()  # the same line stays selected across a reload
            editor.table.setRowCount(0)
            for row in rows:
                editor.add_row(row)
            if 0 <= current < editor.table.rowCount():
                editor.table.setCurrentCell(current, 0)
        self._loading = False
        self.services.validate()
        self.desks.validate()
        self.validate()
        self._mark_out_of_use()
        self._update_active_buttons()

    # -- in use or not ---------------------------------------------------------------------------------------------
    def _entry(self, kind: str) -> tuple[str, bool] | None:
        """``(code, active)`` of the selected saved service or desk (``kind``); ``None`` for none or a new row."""
        editor = self.services if kind == "service" else self.desks
        row = editor.table.currentRow()
        item = editor.table.item(row, 0) if row >= 0 else None
        if self.office is None or item is None:
            return None
        code = item.text().strip().upper()
        entries = self.office.services if kind == "service" else self.office.desks
        return next(((e.code, e.active) for e in entries if e.code == code), None)

    def _update_active_buttons(self) -> None:
        for kind, button in (("service", self.serviceActiveButton), ("desk", self.deskActiveButton)):
            entry = self._entry(kind)
            if entry is None:
                button.setText(self.tr("Take the selected service out of use") if kind == "service"
                               else self.tr("Take the selected desk out of use"))
                button.setEnabled(False)
                continue
            code, active = entry
            button.setText((self.tr("Take %1 out of use") if active else self.tr("Put %1 back in use"))
                           .replace("%1", code))
            button.setEnabled(self.allowed)

    def _mark_out_of_use(self) -> None:
        """Grey the rows of services and desks out of use, with a tooltip saying so."""
        if self.office is None:
            return
        for editor, entries in ((self.services, self.office.services), (self.desks, self.office.desks)):
            out = {e.code for e in entries if not e.active}
            editor.table.blockSignals(True)
            for row in range(editor.table.rowCount()):
                first = editor.table.item(row, 0)
                inactive = first is not None and first.text().strip().upper() in out
                for column in range(editor.table.columnCount()):
                    item = editor.table.item(row, column)
                    if item is not None:
                        item.setForeground(_OUT_OF_USE if inactive else QBrush())
                        item.setToolTip(self.tr("Out of use") if inactive else "")
            editor.table.blockSignals(False)

    def toggle_active(self, kind: str) -> None:
        """Take the selected service or desk out of use, or back (one audited core call)."""
        core, entry = self.runtime.core, self._entry(kind)
        if core is None or entry is None or self.office is None:
            return
        code, active = entry
        actor, offices, office_code = self.actor, core.offices, self.office.code
        said = (self.tr("%1 is out of use.") if active else self.tr("%1 is back in use.")).replace("%1", code)
        Operation(self, lambda: offices.set_active(actor, kind, code, not active, office_code),
                  self.runtime.operations).busy(self.serviceActiveButton, self.deskActiveButton) \
            .success(lambda _office: self._activated(said)).failure(self._refused).run()

    def _activated(self, said: str) -> None:
        self._say(said, error=False)
        self.reload()

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
