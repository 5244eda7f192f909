"""Translations complete and loaded, forms compiled from ui/, core free of Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]


def test_italian_translation_is_complete_and_current() -> None:
    result = subprocess.run([sys.executable, "scripts/build_translations.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_forms_match_ui_files() -> None:
    result = subprocess.run([sys.executable, "scripts/build_forms.py", "--check"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_interface_speaks_italian_by_default(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any) -> None:
    desk = open_desk("D1")
    assert desk.window.login_page.ui.loginButton.text() == "&Accedi"
    log_in(desk, "clerk")
    assert desk.workspace.ui.callNextButton.text().startswith("Chiama il prossimo")
    assert desk.workspace.tickets_model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) \
        == "Numero"
    # Qt's own dialogs too (qtbase_it.qm): the standard "Cancel" button text.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annulla"


def test_core_never_imports_qt() -> None:
    code = ("import sys, pkgutil, importlib, desk_app.core as c\n"
            "for m in pkgutil.walk_packages(c.__path__, 'desk_app.core.'): importlib.import_module(m.name)\n"
            "import desk_app.db.feed, desk_app.cli\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_english_interface_has_real_plurals(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from desk_app.gui.i18n import install_translators

    app = QApplication.instance()
    assert app is not None
    # The session runs in Italian; take those translators out so the English plural forms are the ones consulted.
    italian = app.findChildren(QTranslator)
    for translator in italian:
        app.removeTranslator(translator)
    english = install_translators(app, "en")
    try:
        assert english, "sportello_en.qm not built: run scripts/build_translations.py --compile"
        assert QCoreApplication.translate("Workspace", "%n ticket(s)", "", 1) == "1 ticket"
        assert QCoreApplication.translate("Workspace", "%n ticket(s)", "", 2) == "2 tickets"
    finally:
        for translator in english:
            app.removeTranslator(translator)
        for translator in italian:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale("it"))
