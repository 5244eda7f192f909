"""Build step that pyproject.toml cannot declare: compile the staff-interface translations.

``translations/*.ts`` (Qt Linguist sources, committed) become ``desk_app/resources/translations/*.qm`` (package
data, never committed) with the ``lrelease`` shipped in the PySide6 wheel, which ``[build-system] requires``
brings into the build environment, and ``*.json`` beside them, the same catalogue for the Qt-free layers
(:func:`desk_app.i18n.write_compiled`, the function ``scripts/build_translations.py`` uses too).
It runs for a wheel and an editable install (then into the source tree, where the editable install reads it); an
sdist carries the ``.ts`` sources (MANIFEST.in) for the wheel built from it. The app never compiles at start.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from desk_app.i18n import write_compiled  # noqa: E402 - the package being built, Qt-free, after the path set-up

SOURCES = ROOT / "translations"
PACKAGE_DIR = Path("desk_app") / "resources" / "translations"


def lrelease() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def compile_translations(target: Path) -> list[Path]:
    """Compile every ``.ts`` under ``translations/`` into ``target``; return the ``.qm`` and ``.json`` files written."""
    target.mkdir(parents=True, exist_ok=True)
    sources = sorted(SOURCES.glob("*.ts"))
    if not sources:  # e.g. an sdist without MANIFEST.in: a wheel without its Italian interface must not be built
        raise FileNotFoundError(f"no Qt Linguist sources (*.ts) in {SOURCES}")
    written = []
    for source in sources:
        out = target / source.with_suffix(".qm").name
        fresh = out.with_suffix(".qm.new")  # then renamed: a running app keeps the file it memory-mapped intact
        subprocess.run([str(lrelease()), "-silent", str(source), "-qm", str(fresh)], check=True)
        fresh.replace(out)
        written += [out, write_compiled(source, target)]
    return written


class BuildPyWithTranslations(build_py):
    """``build_py`` that also compiles the ``.qm`` files into the package."""

    def run(self) -> None:
        super().run()
        where = ROOT if self.editable_mode else Path(self.build_lib)
        for compiled in compile_translations(where / PACKAGE_DIR):
            print(f"compiled {compiled.relative_to(where)}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
