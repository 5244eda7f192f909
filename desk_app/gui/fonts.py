"""The Noto fonts shipped in ``resources/fonts`` (Windows PCs have none), registered with Qt once at start-up.

Script fonts lack Latin letters; Qt falls back per character, and the family
list from :func:`families_for` puts the script's font first so shaping
(Arabic joining, Indic conjuncts, Nastaliq) uses the right face.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from desk_app.resources import resource_path

log = logging.getLogger(__name__)

#: Family for each language whose script Noto Sans does not cover.
SCRIPT_FAMILIES: dict[str, str] = {
    "ar": "Noto Naskh Arabic",
    "ur": "Noto Nastaliq Urdu",
    "bn": "Noto Sans Bengali",
    "pa": "Noto Sans Gurmukhi",
    "hi": "Noto Sans Devanagari",
    "zh": "Noto Sans CJK SC",
}
BASE_FAMILY = "Noto Sans"


def register_bundled_fonts() -> list[str]:
    """Add every font file under ``resources/fonts`` to Qt's database; return the families found.

    Needs a ``QGuiApplication``. A missing or unreadable file is logged, never fatal:
    the app then prints with the system's fonts.
    """
    families: list[str] = []
    folder = resource_path("fonts")
    for path in sorted([*folder.glob("*.ttf"), *folder.glob("*.otf")]):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    return families


def families_for(language: str | None) -> list[str]:
    """Font families to try, in order, for text in ``language``."""
    script = SCRIPT_FAMILIES.get(language or "")
    return [script, BASE_FAMILY] if script else [BASE_FAMILY]
