"""The login page; also what a locked screen shows (no personal data stays visible)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from desk_app.gui.forms.ui_login import Ui_LoginPage


class LoginPage(QWidget):
    """Username and password.

    Signals:
        login_requested(str, str): username and password, when the button or Enter is pressed while ready and
            no attempt is running (the receiver marks the attempt with :meth:`set_busy`).
    """

    login_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginPage()
        self.ui.setupUi(self)
        font = QFont(self.ui.titleLabel.font())
        font.setPointSize(font.pointSize() + 12)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        self.ui.loginButton.clicked.connect(self._submit)
        self.ui.usernameEdit.returnPressed.connect(self.ui.passwordEdit.setFocus)
        self.ui.passwordEdit.returnPressed.connect(self._submit)
        self._ready = False
        self._busy = False
        self._update()

    def _submit(self) -> None:
        if not (self._ready and not self._busy):
            return
        username, password = self.ui.usernameEdit.text().strip(), self.ui.passwordEdit.text()
        if not username:
            self.ui.usernameEdit.setFocus()
            return
        self.login_requested.emit(username, password)

    def _update(self) -> None:
        self.ui.loginButton.setEnabled(self._ready and not self._busy)

    def set_ready(self, ready: bool, office_text: str = "") -> None:
        """Whether a login can be tried now (database connected, office known); typed text is kept either way."""
        self._ready = ready
        if office_text:
            self.ui.officeLabel.setText(office_text)
        self._update()

    def set_busy(self, busy: bool) -> None:
        """An attempt is running (no second one meanwhile), or no longer."""
        self._busy = busy
        self._update()

    def finish_attempt(self, message: str = "") -> None:
        """A login attempt ended: show ``message`` (a refusal), clear the password, put the focus back."""
        self.ui.passwordEdit.clear()
        self.show_message(message)
        self.ui.passwordEdit.setFocus() if self.ui.usernameEdit.text() else self.ui.usernameEdit.setFocus()

    def show_message(self, message: str) -> None:
        self.ui.messageLabel.setText(message)

    def set_desk_text(self, text: str) -> None:
        self.ui.deskLabel.setText(text)

    def reset(self, message: str = "") -> None:
        """Empty both fields (after a logout or lock) and show ``message``."""
        self.ui.usernameEdit.clear()
        self.ui.passwordEdit.clear()
        self.show_message(message)
        self.ui.usernameEdit.setFocus()
