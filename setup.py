"""Build step that pyproject.toml cannot declare: compile the staff-interface translations.

``translations/*.ts`` (Qt Linguist sources, committed) become ``desk_app/resources/translations/*.qm`` (package
data, never committed) with the ``lrelease`` shipped in the PySide6 wheel, which ``[build-system] requires``
brings into the build environment, and ``*.json`` beside them, the same catalogue for the Qt-free layers
(``scripts/build_translations.py`` ``compile_ts``: the one compile step, the developers' script uses it too).
It runs for a wheel and an editable install (then into the source tree, where the editable install reads it); an
sdist carries the ``.ts`` sources (MANIFEST.in) for the wheel built from it. The app never compiles at start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

# The one compile step (lrelease -> .qm, and the .json of the Qt-free layers), shared with the developers' script.
from scripts.build_translations import compile_ts  # noqa: E402 - after the path set-up above

SOURCES = ROOT / "translations"
PACKAGE_DIR = Path("desk_app") / "resources" / "translations"


def compile_translations(target: Path) -> list[Path]:
    """Compile every ``.ts`` under ``translations/`` into ``target``; return the ``.qm`` and ``.json`` files written."""
    sources = sorted(SOURCES.glob("*.ts"))
    if not sources:  # e.g. an sdist without MANIFEST.in: a wheel without its Italian interface must not be built
        raise FileNotFoundError(f"no Qt Linguist sources (*.ts) in {SOURCES}")
    return [written for source in sources for written in compile_ts(source, target)]


class BuildPyWithTranslations(build_py):
    """``build_py`` that also compiles the ``.qm`` files into the package."""

    def run(self) -> None:
        super().run()
        where = ROOT if self.editable_mode else Path(self.build_lib)
        for compiled in compile_translations(where / PACKAGE_DIR):
            print(f"compiled {compiled.relative_to(where)}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
