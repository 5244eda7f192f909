"""The shipped data files (fonts, content catalogue, sounds, compiled staff translations) as package data.

They live inside the package (``desk_app/resources/``) and are found through
:mod:`importlib.resources`, so a source checkout, an installed wheel and a
PyInstaller bundle (which collects this folder under the same package path)
read them the same way. ``DESK_APP_RESOURCES`` overrides the folder, for an
office that keeps its own edited copy. Everyone asks :func:`resource_path`
instead of building paths by hand, so the rule lives here.

Fonts are handed to Qt and to fontconfig by file name, so the folder must be a
real directory: a zipped install is refused with a clear error.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

ENV_RESOURCES = "DESK_APP_RESOURCES"


def resource_root() -> Path:
    """The ``resources`` folder of this installation (a real directory)."""
    override = os.environ.get(ENV_RESOURCES)
    if override:
        return Path(override)
    root = files(__name__)
    if not isinstance(root, Path):  # e.g. a zip import: fonts and fontconfig need real files
        raise RuntimeError(f"desk_app.resources must be installed as files, not inside {root!r}")
    return root


def resource_path(*parts: str) -> Path:
    """A file or folder inside :func:`resource_root`, e.g. ``resource_path("fonts", "NotoSans-Regular.ttf")``."""
    return resource_root().joinpath(*parts)
