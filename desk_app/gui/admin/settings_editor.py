"""The office-wide settings form of the administration window (issue 12).

One field per declared setting (:data:`~desk_app.core.office_settings.OFFICE_SETTINGS`): a spin box with the
declared bounds for a number, a line (or, for the opening hours, a few lines) for a text. Every keystroke is checked
with the core's own check (:func:`~desk_app.core.office_settings.clean_value`) and the first problem is said under
the form; Save is enabled only when something changed and everything is valid, and sends the changed values as one
audited core call. A field the actor may not change (by :func:`~desk_app.core.office_settings.permission_for`) is
read-only; a refusal from the core is shown in the same place. When another desk changes the settings (the change
feed's ``office_settings`` notice) the form reloads, unless the user has unsaved changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.office_settings import OFFICE_SETTINGS, OfficeSettings, clean_value, permission_for
from desk_app.core.settings import allowed_values
from desk_app.errors import DeskError
from desk_app.gui.operations import Operation
from desk_app.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.gui.runtime import Runtime

#: The labels of the fields, in the staff language.
LABELS: dict[str, str] = {
    "retention_days": QT_TRANSLATE_NOOP("OfficeSettingsEditor", "Keep personal data for (days)"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("OfficeSettingsEditor", "Lock the screen after (minutes idle)"),
    "service_level_percent": QT_TRANSLATE_NOOP("OfficeSettingsEditor",
                                               "Service level: tickets called within target (%)"),
    "board_title": QT_TRANSLATE_NOOP("OfficeSettingsEditor", "Board title"),
    "board_message": QT_TRANSLATE_NOOP("OfficeSettingsEditor", "Board notice"),
    "address": QT_TRANSLATE_NOOP("OfficeSettingsEditor", "Office address (sheets)"),
    "sheet_hours": QT_TRANSLATE_NOOP("OfficeSettingsEditor", "Opening hours (sheets)"),
    "directory_reconfirm_days": QT_TRANSLATE_NOOP("OfficeSettingsEditor",
                                                  "Directory entries to re-confirm after (days)"),
    "directory_site_url": QT_TRANSLATE_NOOP("OfficeSettingsEditor", "Public services site (QR on referral sheets)"),
}


def _label(name: str) -> str:
    return QCoreApplication.translate("OfficeSettingsEditor", LABELS[name])


class OfficeSettingsEditor(QWidget):
    """The office-wide settings of the actor's office.

    Signals:
        saved(object): the core stored the change; the new :class:`OfficeSettings`.

    Attributes:
        fields: setting name -> its editing widget.
        messageLabel: the first problem (a value out of bounds, a refusal of the core), or what was saved.
        saveButton: saves the changed values in one call.
        current: the settings last read from the database.
    """

    saved = Signal(object)

    def __init__(self, runtime: Runtime, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor = runtime, actor
        self.current: OfficeSettings | None = None
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        for setting in OFFICE_SETTINGS:
            widget: QWidget
            if setting.type is int:
                spin = QSpinBox()
                spin.setRange(int(setting.minimum or 0), int(setting.maximum or 0))
                spin.valueChanged.connect(self.validate)
                widget = spin
            elif setting.name == "sheet_hours":
                lines = QPlainTextEdit()
                lines.setFixedHeight(72)
                lines.textChanged.connect(self.validate)
                widget = lines
            else:
                line = QLineEdit()
                line.setMaxLength(setting.max_length + 1)  # one over: the check says "too long" as the user types
                line.textChanged.connect(self.validate)
                widget = line
            widget.setObjectName(setting.name)
            widget.setToolTip(allowed_values(setting))  # the bounds, in language-neutral characters
            allowed = actor.can(permission_for(setting.name))
            widget.setEnabled(allowed)
            self.fields[setting.name] = widget
            form.addRow(_label(setting.name), widget)
        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.noteLabel = QLabel()
        self.noteLabel.setWordWrap(True)
        if not any(actor.can(permission_for(s.name)) for s in OFFICE_SETTINGS):
            self.noteLabel.setText(self.tr("Read only: your role may not change the office's settings."))
        elif not all(actor.can(permission_for(s.name)) for s in OFFICE_SETTINGS):
            self.noteLabel.setText(self.tr("The retention period and the idle lock are changed by an administrator."))
        self.saveButton = QPushButton(self.tr("&Save"))
        self.saveButton.clicked.connect(self.save)
        self.reloadButton = QPushButton(self.tr("&Reload"))
        self.reloadButton.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reloadButton)
        buttons.addWidget(self.saveButton)
        layout = QVBoxLayout(self)
        layout.addWidget(self.noteLabel)
        layout.addLayout(form)
        layout.addWidget(self.messageLabel)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._loading = False
        runtime.changed.connect(self._changed_elsewhere)
        self.validate()

    # -- values ----------------------------------------------------------------------------------------------------
    def raw(self, name: str) -> Any:
        """What the field of ``name`` holds now."""
        widget = self.fields[name]
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_raw(self, name: str, value: Any) -> None:
        widget = self.fields[name]
        if isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))

    def changes(self) -> dict[str, Any]:
        """The fields the user changed (and may change), as typed; empty before the first load."""
        if self.current is None:
            return {}
        out: dict[str, Any] = {}
        for name in self.fields:
            if not self.actor.can(permission_for(name)):
                continue
            raw = self.raw(name)
            try:
                if clean_value(name, raw) == self.current.values[name]:
                    continue
            except DeskError:
                pass
            out[name] = raw
        return out

    def validate(self) -> bool:
        """Check every changed field with the core's check; say the first problem; enable Save. True if valid."""
        return self._check(keep_notice=False)

    def _check(self, keep_notice: bool) -> bool:
        """validate(); keep_notice: leave a standing message (what was saved, a refusal) in place when nothing is
        wrong, since the reload the change feed brings after our own save must not wipe the sentence saying it worked.
        """
        if self._loading:
            return False
        problem = ""
        for name, raw in self.changes().items():
            try:
                clean_value(name, raw)
            except DeskError as exc:
                problem = f"{_label(name)}: {exc.message(self.runtime.language)}"
                break
        if problem or not keep_notice:
            self.messageLabel.setStyleSheet("color: #b00020;" if problem else "")
            self.messageLabel.setText(problem)
        self.saveButton.setEnabled(not problem and bool(self.changes()))
        return not problem

    # -- database --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the office's settings (on the worker) and show them."""
        core = self.runtime.core
        if core is None:
            return
        service = core.office_settings
        Operation(self, service.current, self.runtime.operations).coalesce("load").success(self.show_settings) \
            .failure(self._refused).run()

    def show_settings(self, settings: OfficeSettings) -> None:
        self.current = settings
        self._loading = True
        try:
            for name, value in settings.values.items():
                if name in self.fields:
                    self.set_raw(name, value)
        finally:
            self._loading = False
        self._check(keep_notice=True)

    def save(self) -> None:
        """Send the changed values as one call; the core checks them again, with the actor's permission."""
        if not self.validate():
            return
        core, changes = self.runtime.core, self.changes()
        if core is None or not changes:
            return
        actor, service = self.actor, core.office_settings
        Operation(self, lambda: service.change(actor, changes), self.runtime.operations) \
            .busy(self.saveButton).success(self._saved).failure(self._refused).run()

    def _saved(self, settings: OfficeSettings) -> None:
        self.show_settings(settings)
        self.messageLabel.setStyleSheet("")
        self.messageLabel.setText(self.tr("Saved: every desk of the office uses the new settings now."))
        self.saved.emit(settings)

    def _refused(self, exc: DeskError) -> None:
        """A refusal of the core (permission, a value, the database), said where the user is looking."""
        self.messageLabel.setStyleSheet("color: #b00020;")
        self.messageLabel.setText(exc.message(self.runtime.language))

    def _changed_elsewhere(self, changes: list[Any]) -> None:
        if any(getattr(c, "kind", "") in ("office_settings", "resync") for c in changes) and not self.changes():
            self.reload()


__all__ = ["LABELS", "OfficeSettingsEditor"]
