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

from desk_app.resources import resource_path

log = logging.getLogger(__name__)
CATALOGUE = "sportello"
SOURCE_LANGUAGE = "en"


def compiled_dir() -> Path:
    """Where the compiled ``.qm`` catalogues are: package data, built from ``translations/*.ts`` at build time."""
    return resource_path("translations")


def qt_tool(name: str) -> Path:
    """A Qt tool shipped inside the PySide6 wheel (``lrelease``, ``lupdate``)."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    return Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's translations for ``language``; return them (keep them alive).

    English is the source language: nothing to load but the locale. A catalogue
    that is missing (a source checkout never built) is logged and the interface
    stays in English: nothing is compiled at start.
    """
    QLocale.setDefault(QLocale(language))
    if language == SOURCE_LANGUAGE:
        return []
    translators: list[QTranslator] = []
    folder = compiled_dir()
    candidates = [(f"{CATALOGUE}_{language}", folder),
                  (f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))]
    for name, where in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(where)):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("translation %s not found in %s", name, where)
    return translators
