"""Staff-interface translations: the app's ``translations/sportello_<lang>.qm`` and Qt's own ``qtbase_<lang>.qm``.

Source strings are English (``tr()``); Italian is the default language. The
``.ts`` files are the committed sources; ``.qm`` files are build outputs (git
ignores them). :func:`ensure_compiled` runs ``lrelease`` when a ``.qm`` is missing
or older than its ``.ts``, so a fresh clone works without a build step; a frozen
build ships the ``.qm`` files already compiled. ``scripts/build_translations.py``
refreshes the ``.ts`` files from the sources with ``lupdate``.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desk_app.resources import resource_root

log = logging.getLogger(__name__)
CATALOGUE = "sportello"
SOURCE_LANGUAGE = "en"


def translations_dir() -> Path:
    """``translations/`` beside ``resources/`` (source tree and frozen bundle alike)."""
    return resource_root().parent / "translations"


def qt_tool(name: str) -> Path:
    """A Qt tool shipped inside the PySide6 wheel (``lrelease``, ``lupdate``)."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    return Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"


def ensure_compiled(folder: Path, cache: Path | None = None) -> Path:
    """Compile each stale ``.ts`` in ``folder``; return the folder holding current ``.qm`` files.

    The ``.qm`` goes beside its ``.ts``; if that folder is read-only (an installed copy),
    into ``cache``. A failure is logged and leaves the interface in English.
    """
    target = folder
    for source in sorted(folder.glob("*.ts")):
        compiled = source.with_suffix(".qm")
        if compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime:
            continue
        for out_dir in (folder, cache):
            if out_dir is None:
                continue
            out = out_dir / compiled.name
            try:
                out_dir.mkdir(parents=True, exist_ok=True)
                subprocess.run([str(qt_tool("lrelease")), "-silent", str(source), "-qm", str(out)], check=True,
                               capture_output=True, timeout=60)
            except (OSError, subprocess.SubprocessError) as exc:
                log.warning("could not compile %s into %s: %s", source.name, out_dir, exc)
                continue
            target = out_dir
            break
    return target


def install_translators(app: QCoreApplication, language: str, cache: Path | None = None) -> list[QTranslator]:
    """Load the app's and Qt's translations for ``language``; return them (keep them alive).

    English is the source language: nothing to load but the locale.
    """
    QLocale.setDefault(QLocale(language))
    if language == SOURCE_LANGUAGE:
        return []
    translators: list[QTranslator] = []
    folder = ensure_compiled(translations_dir(), cache)
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
