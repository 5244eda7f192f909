"""First start on an empty database: create the office, its services and desks and the first admin,
or load the demo office. The form is ``ui/firstrun.ui``; the core validates everything on apply."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget, QWizard

from desk_app.gui.forms.ui_firstrun import Ui_FirstRunWizard


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
    """Collects the first set-up; the owner applies it in the background and reopens the wizard on a refusal."""

    def __init__(self, demo_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.ui.demoHintLabel.setText(demo_hint)
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
            "service": parse_services(self.ui.servicesEdit.toPlainText()),
            "desk": parse_desks(self.ui.desksEdit.toPlainText()),
        }

    def admin_account(self) -> tuple[str, str, str]:
        """Username, display name (the username if empty), password."""
        username = self.ui.adminUserEdit.text().strip()
        return username, self.ui.adminNameEdit.text().strip() or username, self.ui.adminPasswordEdit.text()
