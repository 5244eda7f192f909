"""Refresh the staff-interface translations: ``lupdate`` (sources -> ``.ts``) then ``lrelease`` (``.ts`` -> ``.qm``).

    python scripts/build_translations.py             # update translations/*.ts from the code and forms, compile .qm
    python scripts/build_translations.py --compile   # only compile the .qm files that are older than their .ts
    python scripts/build_translations.py --check     # exit 1 if a .ts misses a source string or has unfinished ones

Work in progress may keep its new Italian texts in ``translations/pending/*.toml`` (``[[message]]`` tables with
``context``, ``source`` and ``it`` - a list of forms for a plural - and optional ``en`` plural forms): an update
applies them after ``lupdate``, under a lock on ``translations/.lock``, so several people (or sessions) adding
strings at once never overwrite each other's ``.ts`` edits. Fold them into the ``.ts`` for good with ``--fold``
(which deletes the pending files once applied).

One catalogue for every staff text. Sources are ``desk_app/gui/**/*.py`` (``tr()``, ``QT_TRANSLATE_NOOP``), the
Designer forms ``ui/*.ui`` (the modules generated from them are skipped), and the Qt-free layers that mark their
English text the same way (:mod:`desk_app.i18n`): ``desk_app/core``, ``desk_app/cli``, ``desk_app/errors.py``.
``sportello_it.ts`` holds every message; ``sportello_en.ts`` only the plural ones (``lupdate -pluralonly``), since
every other English text is its own source. Translators edit the ``.ts`` with Qt Linguist
(``pyside6-linguist translations/sportello_it.ts``). Each ``.ts`` compiles to a ``.qm`` (Qt, for the GUI) and a
``.json`` (:func:`desk_app.i18n.write_compiled`, for the Qt-free layers) in the package
(``desk_app/resources/translations/``), where the package build (``setup.py``) also puts them; the app never compiles
them at start.
"""

from __future__ import annotations

import argparse
import fcntl
import shutil
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk_app.gui.i18n import CATALOGUE, compiled_dir, qt_tool  # noqa: E402 - after the path set-up above
from desk_app.i18n import SOURCE_LANGUAGE, write_compiled  # noqa: E402

LANGUAGES = ("it", "en")
TS_DIR = ROOT / "translations"
PENDING_DIR = TS_DIR / "pending"


def pending() -> dict[str, dict[tuple[str, str], str | list[str]]]:
    """Language -> ``(context, source)`` -> translation (a list of forms for a plural), from the pending files."""
    found: dict[str, dict[tuple[str, str], str | list[str]]] = {lang: {} for lang in LANGUAGES}
    for path in sorted(PENDING_DIR.glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("message", []):
            for lang in LANGUAGES:
                if lang in entry:
                    found[lang][(entry["context"], entry["source"])] = entry[lang]
    return found


def apply_pending(ts_file: Path, texts: dict[tuple[str, str], str | list[str]]) -> int:
    """Write ``texts`` into the messages of ``ts_file`` that exist; returns how many were applied."""
    if not texts:
        return 0
    tree = ET.parse(ts_file)
    applied = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = texts.get((name, message.findtext("source") or ""))
            if text is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if isinstance(text, list):
                translation.text = None
                for form in text:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
            applied += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return applied


def sources() -> list[Path]:
    package = ROOT / "desk_app"
    code = [p for folder in ("gui", "core", "cli") for p in sorted((package / folder).rglob("*.py"))
            if not p.name.startswith("ui_")]
    return [*code, package / "errors.py", package / "i18n.py", *sorted((ROOT / "ui").glob("*.ui"))]


def lupdate(target: Path) -> None:
    plural_only = ["-pluralonly"] if target.stem.endswith(f"_{SOURCE_LANGUAGE}") else []
    command = [str(qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "none", *plural_only,
               *(str(p) for p in sources()), "-ts", str(target)]
    subprocess.run(command, check=True, cwd=ROOT)


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    """``(context, source)`` -> the ``<message>`` element."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def problems(ts_file: Path) -> list[str]:
    """Source strings missing from ``ts_file`` and messages without a finished translation."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts_file.name
        shutil.copyfile(ts_file, fresh)
        lupdate(fresh)
        current, wanted = messages(ts_file), messages(fresh)
    issues = [f"missing: {c} / {s!r}" for c, s in wanted if (c, s) not in current]
    issues += [f"obsolete: {c} / {s!r}" for c, s in current if (c, s) not in wanted]
    for (context, source), message in current.items():
        translation = message.find("translation")
        plural = message.get("numerus") == "yes"
        texts = [t.text for t in translation.iter("numerusform")] if plural and translation is not None else \
            [translation.text if translation is not None else None]
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                or not all(texts):
            issues.append(f"untranslated: {context} / {source!r}")
    return issues


def compile_ts(ts_file: Path, target: Path) -> list[Path]:
    """``ts_file`` -> ``target/*.qm`` (lrelease, for Qt) and ``target/*.json`` (for the Qt-free layers).

    The one compile step: this script and the package build (``setup.py``) both call it. Returns the files written.
    """
    target.mkdir(parents=True, exist_ok=True)
    qm = target / ts_file.with_suffix(".qm").name
    fresh = qm.with_suffix(".qm.new")  # then renamed: a running app keeps the file it memory-mapped intact
    subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts_file), "-qm", str(fresh)], check=True)
    fresh.replace(qm)
    return [qm, write_compiled(ts_file, target)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the .ts files, change nothing")
    parser.add_argument("--compile", action="store_true", help="only compile the .qm files older than their .ts")
    parser.add_argument("--fold", action="store_true", help="update, then delete translations/pending/*.toml")
    args = parser.parse_args(argv)
    TS_DIR.mkdir(exist_ok=True)
    with open(TS_DIR / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one update at a time: lupdate rewrites the whole .ts
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    failed = False
    extra = pending()
    for lang in LANGUAGES:
        ts_file = TS_DIR / f"{CATALOGUE}_{lang}.ts"
        if args.check:
            issues = problems(ts_file)
            for issue in issues:
                print(f"{ts_file.name}: {issue}")
            failed |= bool(issues)
            continue
        compiled = compiled_dir() / ts_file.with_suffix(".qm").name
        outputs = (compiled, compiled.with_suffix(".json"))
        if args.compile and all(o.exists() and o.stat().st_mtime >= ts_file.stat().st_mtime for o in outputs):
            continue
        if not args.compile:
            lupdate(ts_file)
            apply_pending(ts_file, extra[lang])
            lupdate(ts_file)  # back to lupdate's own layout
        compile_ts(ts_file, compiled.parent)
        print(f"compiled {compiled.relative_to(ROOT)}" + ("" if args.compile else f" from {ts_file.name} (updated)"))
    if args.fold and not args.check and not args.compile:
        for path in PENDING_DIR.glob("*.toml"):
            path.unlink()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
