"""Build step that pyproject.toml cannot declare: compile the staff-interface translations.

``translations/*.ts`` (Qt Linguist sources, committed) become ``desk_app/resources/translations/*.qm`` (package
data, never committed) with the ``lrelease`` shipped in the PySide6 wheel, which ``[build-system] requires``
brings into the build environment. It runs for a wheel, an sdist build and an editable install (then into the source
tree, where the editable install reads it), so the app never compiles anything at start.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "translations"
PACKAGE_DIR = Path("desk_app") / "resources" / "translations"


def lrelease() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def compile_translations(target: Path) -> list[Path]:
    """Compile every ``.ts`` under ``translations/`` into ``target``; return the ``.qm`` files written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(SOURCES.glob("*.ts")):
        out = target / source.with_suffix(".qm").name
        subprocess.run([str(lrelease()), "-silent", str(source), "-qm", str(out)], check=True)
        written.append(out)
    return written


class BuildPyWithTranslations(build_py):
    """``build_py`` that also compiles the ``.qm`` files into the package."""

    def run(self) -> None:
        super().run()
        where = ROOT if self.editable_mode else Path(self.build_lib)
        for qm in compile_translations(where / PACKAGE_DIR):
            print(f"compiled {qm.relative_to(where)}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
