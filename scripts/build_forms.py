"""Compile the Qt Designer forms in ``ui/`` into ``desk_app/gui/forms/ui_<name>.py``.

Run after editing a form in Designer::

    python scripts/build_forms.py          # write the generated modules
    python scripts/build_forms.py --check  # exit 1 if a generated module is out of date (tests run this)

The generated modules carry pyside6-uic's "All changes made in this file will
be lost" header and are never edited by hand; ruff skips them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "ui"
TARGET = ROOT / "desk_app" / "gui" / "forms"


def uic_command() -> list[str]:
    """``pyside6-uic`` beside the running interpreter (a venv's ``bin``), else on ``PATH``."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    found = str(beside) if beside.exists() else shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found: install pyside6-essentials")
    return [found]


def compile_form(form: Path) -> str:
    """The Python source pyside6-uic generates for ``form``."""
    result = subprocess.run([*uic_command(), "--generator", "python", str(form)], check=True, capture_output=True,
                            text=True)
    # Normalise line ends so Windows and Linux builds compare equal.
    return result.stdout.replace("\r\n", "\n")


def _comparable(source: str) -> str:
    """The generated code without uic's version line, so a Qt patch release does not make every form stale."""
    return "\n".join(line for line in source.splitlines() if "User Interface Compiler version" not in line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the generated modules are current")
    args = parser.parse_args(argv)
    stale = []
    for form in sorted(FORMS.glob("*.ui")):
        target = TARGET / f"ui_{form.stem}.py"
        source = compile_form(form)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current is not None and _comparable(current) == _comparable(source):
            continue
        stale.append(target.name)
        if not args.check:
            target.write_text(source, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    if args.check and stale:
        print("out of date: " + ", ".join(stale) + " (run python scripts/build_forms.py)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
