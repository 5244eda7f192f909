"""Where the shipped data files (fonts, content catalogue, sounds) are, in a source tree and in a frozen build.

The ``resources/`` folder sits beside the ``desk_app`` package in the source tree;
the installer spec copies it to the same place relative to the bundle root
(``sys._MEIPASS`` in a PyInstaller build). ``DESK_APP_RESOURCES`` overrides both,
for tests and for an office that keeps its own copy. Everyone asks
:func:`resource_path` instead of building paths by hand, so the rule lives here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_RESOURCES = "DESK_APP_RESOURCES"


def resource_root() -> Path:
    """The ``resources`` folder of this installation."""
    override = os.environ.get(ENV_RESOURCES)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a frozen build
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file or folder inside :func:`resource_root`, e.g. ``resource_path("fonts", "NotoSans-Regular.ttf")``."""
    return resource_root().joinpath(*parts)
