"""One pipeline for staff text: message codes used and defined, Italian and English rendered through the core reader.

The catalogue is ``translations/sportello_*.ts``; its completeness is checked by ``scripts/build_translations.py
--check`` (tests/gui/test_build.py). Here: every error code raised in ``desk_app`` has a message and every message is
raised somewhere; the Qt-free reader (:mod:`desk_app.i18n`) renders messages, names and plurals in both languages.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import DeskAdmin
from desk_app.core.names import ACTION_NAMES, ROLE_NAMES, STATUS_NAMES, action_name, role_name, status_name
from desk_app.errors import MESSAGES, ConflictError, DeskError, NotFoundError, PermissionDeniedError, ValidationError
from desk_app.i18n import STAFF_LANGUAGES, Context, catalogue, compiled_dir, read_ts, translate

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desk_app"


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """``DeskError`` and every class deriving from it (by name, to a fixed point), wherever it is defined."""
    names = {"DeskError"}
    while True:
        more = {node.name for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                and any((b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")) in names for b in node.bases)}
        if more <= names:
            return names
        names |= more


def _codes_in_use() -> tuple[dict[str, list[str]], list[str]]:
    """Message codes raised in ``desk_app`` (first argument or ``code=`` of an error class, ``default_code``).

    Returns the codes with where they are used, and the calls whose code is not a literal (they hide a code from
    this check, so there must be none).
    """
    files = sorted(PACKAGE.rglob("*.py"))
    trees = [ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in files]
    classes = _error_classes(trees)
    used: dict[str, list[str]] = {}
    hidden = []
    for path, tree in zip(files, trees, strict=True):
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name not in classes:
                    continue
                code = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "code"), None)
                if code is None:
                    continue  # the class's default_code, counted below
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    used.setdefault(code.value, []).append(f"{where}:{node.lineno}")
                else:
                    hidden.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id == "default_code" for t in targets) \
                        and isinstance(node.value, ast.Constant):
                    used.setdefault(str(node.value.value), []).append(f"{where}:{node.lineno}")
    return used, hidden


def test_every_message_code_is_defined_and_used() -> None:
    used, hidden = _codes_in_use()
    assert not hidden, "error codes must be literals, so this check sees them:\n" + "\n".join(hidden)
    missing = {code: where for code, where in used.items() if code not in MESSAGES}
    assert not missing, f"raised but not in errors.MESSAGES: {missing}"
    unused = sorted(set(MESSAGES) - set(used))
    assert not unused, f"in errors.MESSAGES but never raised: {unused}"


def test_the_code_scan_sees_the_usual_forms() -> None:
    used, _ = _codes_in_use()
    assert "unknown_staff" in used  # NotFoundError("unknown_staff", ...) in the CLI
    assert "permission_denied" in used and "audit_broken" in used  # default_code of two classes
    assert "required" in used


def test_every_staff_message_has_an_italian_translation_in_the_catalogue() -> None:
    italian = read_ts(ROOT / "translations" / "sportello_it.ts")
    for context, table in (("DeskError", MESSAGES), ("Action", ACTION_NAMES), ("Role", ROLE_NAMES),
                           ("Status", STATUS_NAMES)):
        untranslated = sorted(code for code, source in table.items() if source not in italian.get(context, {}))
        assert not untranslated, (context, untranslated)


def test_compiled_catalogues_match_their_sources() -> None:
    for lang in STAFF_LANGUAGES:
        ts_file = ROOT / "translations" / f"sportello_{lang}.ts"
        assert (compiled_dir() / f"sportello_{lang}.json").exists(), "run scripts/build_translations.py --compile"
        assert catalogue(lang) == read_ts(ts_file), f"{lang}: stale .json, run scripts/build_translations.py"


@pytest.mark.parametrize(("lang", "expected"), [
    ("it", "Biglietto «A001» non trovato per oggi."),
    ("en", "Ticket “A001” not found for today."),
])
def test_error_messages_in_both_languages(lang: str, expected: str) -> None:
    assert NotFoundError("unknown_ticket", value="A001").message(lang) == expected


def test_names_inside_messages_are_translated() -> None:
    error = ConflictError("ticket_wrong_state", number="A001", status="done", action="recall")
    assert error.message("it") == "Il biglietto A001 è «concluso»: impossibile richiamare."
    assert error.message("en") == str(error) == "Ticket A001 is “done”: cannot recall."
    denied = PermissionDeniedError(role="clerk", action="manage_staff")
    assert denied.message("it") == "Permesso negato: il ruolo «operatore» non può gestire il personale."
    assert role_name("admin", "it") == "amministratore" and role_name("admin", "en") == "administrator"
    assert status_name("waiting", "it") == "in attesa" and action_name("issue", "en") == "issue tickets"
    assert status_name("no_such_status", "it") == "no_such_status"  # unknown codes show as they are


def test_unknown_code_and_bad_params_still_say_something() -> None:
    assert DeskError("no_such_code").message("it") == "no_such_code"
    assert ValidationError("required").message("en").startswith("The field “{field}” is required.")


class Workspace(Context):
    """The GUI widget's context (the class name is the context), to render its plurals through the core reader."""


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("it", 1, "1 biglietto"), ("it", 2, "2 biglietti"), ("it", 0, "0 biglietti"),
    ("en", 1, "1 ticket"), ("en", 2, "2 tickets"), ("en", 0, "0 tickets"),
])
def test_plurals_in_both_languages(lang: str, n: int, expected: str) -> None:
    assert translate(lang, "Workspace", "%n ticket(s)", n) == expected
    assert Workspace.tr("%n ticket(s)", "", n).render(lang) == expected


def test_cli_text_comes_from_the_catalogue() -> None:
    created = DeskAdmin.tr("Created {username} ({role}).")
    assert created.render("it", username="rossi", role="operatore") == "Creato rossi (operatore)."
    assert created.render("en", username="rossi", role="clerk") == "Created rossi (clerk)."
    assert translate("it", "DeskAdmin", "not in the catalogue") == "not in the catalogue"


def test_reader_works_without_qt() -> None:
    code = ("import sys\n"
            "from desk_app.errors import NotFoundError\n"
            "from desk_app.i18n import translate\n"
            "assert NotFoundError('unknown_desk', value='D1').message('it') == 'Sportello sconosciuto: «D1».'\n"
            "assert translate('en', 'Workspace', '%n ticket(s)', 1) == '1 ticket'\n"
            "sys.exit(1 if [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))] else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
