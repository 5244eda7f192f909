"""Staff-interface translations: the app's ``sportello_<lang>.qm`` and Qt's own ``qtbase_<lang>.qm``.

Source strings are English (``tr()``); Italian is the default language. The
``translations/*.ts`` files are the committed sources; the ``.qm`` files are
build outputs (git ignores them), compiled with ``lrelease`` into
``desk_app/resources/translations/`` by the package build (``setup.py``: wheel,
editable install and PyInstaller bundle alike) and by
``scripts/build_translations.py``, never at start.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desk_app.i18n import CATALOGUE, SOURCE_LANGUAGE, compiled_dir

log = logging.getLogger(__name__)
__all__ = ["CATALOGUE", "SOURCE_LANGUAGE", "compiled_dir", "install_translators", "qt_tool"]


def qt_tool(name: str) -> Path:
    """A Qt tool shipped inside the PySide6 wheel (``lrelease``, ``lupdate``)."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    return Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's translations for ``language``; return them (keep them alive).

    English is the source language: its catalogue holds only the plural forms ("1 ticket", "2 tickets") and Qt's
    own dialogs are English already. A catalogue that is missing (a source checkout never built) is logged and the
    interface stays in English: nothing is compiled at start.
    """
    QLocale.setDefault(QLocale(language))
    translators: list[QTranslator] = []
    folder = compiled_dir()
    candidates = [(f"{CATALOGUE}_{language}", folder)]
    if language != SOURCE_LANGUAGE:
        candidates.append((f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))))
    for name, where in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(where)):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("translation %s not found in %s", name, where)
    return translators
