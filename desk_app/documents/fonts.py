"""The shipped Noto fonts: which files serve which language, and registering them with Qt.

Windows PCs have no Noto fonts and their own fonts differ from PC to PC, so every
sheet is set in the fonts shipped under ``resources/fonts`` (OFL-1.1). Script fonts
(Arabic, Devanagari, ...) have no Latin letters: each language gets its script font
first and Noto Sans after it, and Qt takes each character from the first family
that has it. The file lists here are what the no-tofu test checks cmap by cmap.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from desk_app.resources import resource_path

log = logging.getLogger(__name__)

LATIN = ("Noto Sans", ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"))
#: Per language: (family, files) of its script font, before Noto Sans.
SCRIPT_FONTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ar": ("Noto Naskh Arabic", ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")),
    "ur": ("Noto Nastaliq Urdu", ("NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf")),
    "hi": ("Noto Sans Devanagari", ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf")),
    "pa": ("Noto Sans Gurmukhi", ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf")),
    "bn": ("Noto Sans Bengali", ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf")),
    "zh": ("Noto Sans CJK SC", ("NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf")),
}


def font_dir() -> Path:
    return resource_path("fonts")


def families(lang: str) -> list[str]:
    """Font families for text in ``lang``, in fallback order."""
    script = SCRIPT_FONTS.get(lang)
    return [script[0], LATIN[0]] if script else [LATIN[0]]


def font_files(lang: str) -> list[Path]:
    """The shipped font files that print ``lang`` (regular and bold), script font first."""
    script = SCRIPT_FONTS.get(lang)
    names = (*script[1], *LATIN[1]) if script else LATIN[1]
    return [font_dir() / name for name in names]


@cache
def register_fonts() -> tuple[str, ...]:
    """Add every shipped font to Qt's font database once; return the families Qt now knows from them.

    Needs a ``QGuiApplication``. A file Qt refuses is logged, not fatal: Qt then falls back
    to system fonts, and the no-tofu test is what guards the shipped set.
    """
    from PySide6.QtGui import QFontDatabase

    loaded: set[str] = set()
    for path in sorted(font_dir().glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load the font %s", path)
            continue
        loaded.update(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(sorted(loaded))
