"""``desk-admin``: commands, exit codes, ``--json``, and one clear line for every bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import ADMIN, ADMIN_PASSWORD, DEMO_PASSWORD, Cli

from desk_app.cli import main
from desk_app.clock import SystemClock, local_day

SETUP_TOML = """
[office]
code = "LODI"
name = "Prefettura di Lodi"
address = "Corso Umberto I 40, 26900 Lodi"

[[service]]
code = "RF"
name = "Ricongiungimento familiare"
prefix = "R"
target_wait_minutes = 20

[[service]]
code = "LEG"
name = "Legalizzazioni"
prefix = "L"

[[desk]]
code = "D1"
name = "Sportello 1"
services = ["RF", "LEG"]

[[desk]]
code = "D2"
services = ["LEG"]
"""


@pytest.fixture
def cli(home: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    """``desk-admin --home HOME --db URL ARGS`` (no identity: ``cli.system``, ``cli.as_user(name, password)``)."""
    return Cli(home, db_url, capsys)


@pytest.fixture
def set_up(cli, tmp_path) -> Cli:
    """The office of SETUP_TOML and its first administrator, set up by the machine owner; acts as that admin."""
    path = tmp_path / "office.toml"
    path.write_text(SETUP_TOML, encoding="utf-8")
    code, out, _ = cli.system("setup", "--file", str(path), "--admin", ADMIN, "--password-stdin",
                              stdin=ADMIN_PASSWORD)
    assert code == 0 and "LODI" in out
    return cli.as_user(ADMIN, ADMIN_PASSWORD)


@pytest.fixture
def demo(cli) -> Cli:
    """``desk-admin --system demo`` was run; acts as the demo's ``admin``."""
    return cli.as_user("admin", DEMO_PASSWORD)


def test_setup_from_file_is_idempotent(set_up, tmp_path):
    code, out, _ = set_up("setup", "--file", str(tmp_path / "office.toml"), json_output=True)
    data = json.loads(out)
    assert code == 0
    assert [s["code"] for s in data["services"]] == ["LEG", "RF"]
    assert [(d["code"], d["service_codes"]) for d in data["desks"]] == [("D1", ["LEG", "RF"]), ("D2", ["LEG"])]


def test_ticket_life_cycle_from_the_command_line(set_up):
    assert set_up("ticket", "issue", "--service", "RF", "--lang", "ar")[:2] == (0, "R001 RF in attesa\n")
    code, out, _ = set_up("ticket", "call-next", "--desk", "D1", json_output=True)
    called = json.loads(out)
    assert code == 0 and (called["number"], called["status"], called["desk_code"]) == ("R001", "called", "D1")
    assert set_up("ticket", "recall", "--desk", "D1")[0] == 0
    assert set_up("ticket", "serve", "--desk", "D1")[0] == 0
    assert set_up("ticket", "park", "--desk", "D1")[1].startswith("R001 RF sospeso")
    assert set_up("ticket", "resume", "--ticket", "r001")[0] == 0
    assert set_up("ticket", "transfer", "--ticket", "R001", "--to", "LEG")[1] == "R001 LEG in attesa\n"
    assert set_up("ticket", "call-next", "--desk", "D2")[1] == "R001 LEG chiamato -> sportello D2\n"
    assert set_up("ticket", "no-show", "--desk", "D2")[0] == 0
    assert set_up("ticket", "reactivate", "--ticket", "R001")[0] == 0
    assert set_up("ticket", "cancel", "--ticket", "R001")[1] == "R001 LEG annullato\n"
    code, out, _ = set_up("ticket", "list", "--status", "cancelled", json_output=True)
    assert [t["number"] for t in json.loads(out)] == ["R001"]


def test_empty_queue_exits_3_with_one_line(set_up):
    code, out, err = set_up("ticket", "call-next", "--desk", "D1")
    assert code == 3 and out == ""
    assert err == "desk-admin: Nessun biglietto in attesa per lo sportello D1.\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("ticket", "issue", "--service", "XX"), "Servizio sconosciuto: «XX»."),
        (("ticket", "call-next", "--desk", "D9"), "Sportello sconosciuto: «D9»."),
        (("ticket", "issue", "--service", "RF", "--lang", "xx"), "Valore «xx» non ammesso per «Lingua»"),
        (("ticket", "cancel", "--ticket", "R999"), "Biglietto «R999» non trovato per oggi."),
        (("ticket", "finish", "--desk", "D1"), "Lo sportello D1 non ha un biglietto in corso."),
        (("export", "counts", "--from", "2026-02-30", "--to", "2026-03-01", "-o", "x.csv"),
         "La data «2026-02-30» non è valida"),
        (("export", "counts", "--from", "2026-03-02", "--to", "2026-03-01", "-o", "x.csv"),
         "Intervallo di date non valido"),
        (("setup", "--office", "LODI", "--office-name", "L" * 200), "supera i 120 caratteri"),
        (("setup", "--office", "LO\x07DI", "--office-name", "Lodi"), "caratteri di controllo"),
        (("setup", "--office", "LODI", "--office-name", "Lodi\u202e"), "segni di direzione"),
        (("staff", "passwd", "nobody", "--password-stdin"), "Operatore sconosciuto: «nobody»."),
        # an unknown name is refused exactly like a wrong password (login tells no names)
        (("--user", "ghost", "ticket", "list"), "Nome utente o password errati."),
    ],
)
def test_bad_input_gets_one_clear_line_and_exit_2(set_up, args, expected):
    code, _, err = set_up(*args, stdin="long-enough-password")
    assert code == 2
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err


def test_english_messages_by_setting(set_up):
    code, _, err = set_up("--lang", "en", "ticket", "issue", "--service", "XX")
    assert code == 2 and err == "desk-admin: Unknown service: “XX”.\n"


def test_staff_accounts_and_acting_user(set_up):
    assert set_up("staff", "add", "mario", "--name", "Mario Rossi", "--role", "clerk", "--password-stdin",
                  stdin="clerk-password-1")[0] == 0
    code, out, _ = set_up("staff", "list", json_output=True)
    assert sorted((s["username"], s["role"], s["office_code"]) for s in json.loads(out)) == [
        ("admin", "admin", "LODI"), ("mario", "clerk", "LODI")]
    # acting as the clerk, with the clerk's password: queue work is allowed, staff management is refused in the core
    mario = set_up.as_user("mario", "clerk-password-1")
    assert mario("ticket", "issue", "--service", "RF")[0] == 0
    code, _, err = mario("staff", "list")
    assert code == 2 and "Permesso negato" in err
    assert set_up("staff", "disable", "mario")[0] == 0
    code, out, err = mario("ticket", "list")  # a disabled account's password no longer logs in
    assert code == 2 and out == "" and err in {"desk-admin: Account disattivato.\n",
                                               "desk-admin: Nome utente o password errati.\n"}


def test_counts_export_is_csv_for_italian_excel(set_up, tmp_path):
    for _ in range(3):
        set_up("ticket", "issue", "--service", "RF")
    set_up("ticket", "call-next", "--desk", "D1")
    set_up("ticket", "serve", "--desk", "D1")
    set_up("ticket", "finish", "--desk", "D1")
    set_up("ticket", "cancel", "--ticket", "R003")
    today = local_day(SystemClock().now()).isoformat()  # the office's (Rome) day, as the CLI counts it
    target = tmp_path / "out" / "conteggi.csv"
    code, out, _ = set_up("export", "counts", "--from", today, "--to", today, "-o", str(target))
    assert code == 0 and str(target) in out
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so Excel reads accents right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:8] == ["giorno", "servizio", "sportello", "emessi", "serviti", "assenti", "annullati",
                           "trasferiti"]
    by_key = {(r[1], r[2]): r for r in rows[1:]}
    assert by_key[("RF", "")][3:8] == ["3", "0", "0", "1", "0"]
    assert by_key[("RF", "D1")][3:8] == ["0", "1", "0", "0", "0"]
    assert "," in by_key[("RF", "D1")][10] or by_key[("RF", "D1")][10] == "0,0"  # decimal comma
    assert not any("Mario" in cell for row in rows for cell in row)


def test_db_upgrade_is_idempotent_and_check_reports(cli):
    code, out, _ = cli.system("db", "upgrade")
    assert code == 0 and ("già aggiornato" in out or "aggiornato" in out)
    code, out, _ = cli.system("db", "upgrade")
    assert code == 0 and "già aggiornato" in out
    code, out, _ = cli.system("db", "check", json_output=True)
    data = json.loads(out)
    assert code == 0 and data["up_to_date"] is True and data["revision"] == data["expected"]


def test_audit_verify_from_the_command_line(set_up):
    code, out, _ = set_up("audit", "verify")
    assert code == 0 and "integro" in out
    assert set_up("day", "close")[0] == 3  # nothing left open from earlier days


def test_config_sets_and_shows_declared_settings(cli, home):
    cli = cli.system
    code, out, _ = cli("config", "language=en", "desk_code=D2", json_output=True)
    data = json.loads(out)
    assert code == 0 and data["settings"]["language"] == "en" and data["settings"]["desk_code"] == "D2"
    assert 'desk_code = "D2"' in (home / "config" / "settings.toml").read_text(encoding="utf-8")
    code, _, err = cli("config", "idle_lock_minutes=soon")
    assert code == 2 and "idle_lock_minutes" in err
    code, _, err = cli("config", "language=de")
    assert code == 2 and "“Language”" in err  # the field as the user reads it


def test_demo_creates_office_staff_and_a_simulated_day(cli, demo, tmp_path):
    code, out, _ = cli.system("demo", "--date", "2026-11-23", "--tickets", "60", "--seed", "7", json_output=True)
    data = json.loads(out)
    result = data["result"]
    assert code == 0 and result["issued"] == 60
    assert result["served"] + result["no_shows"] <= 60  # a transferred ticket is served later, once
    assert result["served"] > 30
    assert {"admin", "responsabile", "operatore1", "mediatrice1"} <= set(data["staff_created"])
    target = tmp_path / "c.csv"
    assert demo("export", "counts", "--from", "2026-11-23", "--to", "2026-11-23", "-o", str(target))[0] == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))[1:]
    assert sum(int(r[3]) for r in rows) == 60  # every issued ticket counted once
    assert sum(int(r[4]) for r in rows) == result["served"]
    # the simulated clock only moves forward: no wait or service time is negative
    assert all(float(v.replace(",", ".")) >= 0 for r in rows for v in r[8:12] if v)
    # mediators and appointments can be tried too: a roster linked to the mediator logins, calendars, bookings
    code, out, _ = cli.as_user("mediatrice1", DEMO_PASSWORD)("mediators", "agenda", json_output=True)
    agenda = json.loads(out)
    assert code == 0 and agenda and {e["language"] for e in agenda} == {"ar"}
    assert not any("Benali" in json.dumps(e) for e in agenda)  # a mediator never sees the person's name


def test_counts_export_as_xlsx_pdf_and_docx(cli, demo, tmp_path):
    import shutil as sh

    from docx import Document
    from openpyxl import load_workbook

    assert cli.system("demo", "--date", "2026-11-23", "--tickets", "30", "--seed", "3")[0] == 0
    for fmt in ("xlsx", "pdf", "docx"):
        code, out, _ = demo("export", "counts", "--from", "2026-11-23", "--to", "2026-11-23", "--format", fmt,
                           "-o", str(tmp_path / f"c.{fmt}"))
        assert code == 0 and f"c.{fmt}" in out
    sheet = load_workbook(tmp_path / "c.xlsx").active
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["giorno", "servizio", "sportello", "emessi"]
    issued = [row[3] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert all(isinstance(n, int) for n in issued) and sum(issued) == 30  # numbers Excel can sum, not text
    table = Document(str(tmp_path / "c.docx")).tables[0]
    assert table.rows[0].cells[3].text == "emessi" and len(table.rows) == sheet.max_row - 2
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    if sh.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "c.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "conteggi giornalieri" in text and "23/11/2026" in text


@pytest.mark.waits_on_children
def test_console_script_unreachable_database_no_traceback(tmp_path):
    script = shutil.which("desk-admin") or str(Path(sys.executable).with_name("desk-admin"))
    env = {**os.environ, "DESK_APP_PASSWORD": ADMIN_PASSWORD}  # the scripts' way to give --user's password
    proc = subprocess.run(
        [script, "--home", str(tmp_path), "--db", "postgresql://postgres@127.0.0.1:1/none", "--user", ADMIN,
         "ticket", "list"],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("desk-admin: Database non raggiungibile") and proc.stderr.count("\n") == 1
    not_db = tmp_path / "x.sqlite3"
    not_db.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 20)
    proc = subprocess.run([script, "--home", str(tmp_path), "--db", f"sqlite:///{not_db}", "--user", ADMIN,
                           "ticket", "list"], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2 and "non è un database" in proc.stderr and "Traceback" not in proc.stderr


def test_case_checklist_from_the_command_line(cli, demo):
    assert cli.system("demo", "--date", "2026-11-23", "--tickets", "5")[0] == 0
    cli = demo
    assert cli("ticket", "issue", "--service", "RF")[0] == 0
    code, out, _ = cli("case", "open", "--procedure", "RF-NO", "--practice", "lo/rf/2026/0187", "--lang", "ar",
                       "--ticket", "R001", json_output=True)
    case = json.loads(out)
    assert code == 0 and case["practice_number"] == "LO/RF/2026/0187" and case["ticket_number"] == "R001"
    assert {i["state"] for i in case["items"]} == {"pending"}
    first, second = case["items"][0]["item"]["key"], case["items"][1]["item"]["key"]
    assert cli("case", "mark", str(case["id"]), first, "presented")[0] == 0
    code, out, _ = cli("case", "mark", str(case["id"]), second, "missing", "--note", "solo la copia",
                       json_output=True)
    marked = {i["item"]["key"]: (i["state"], i["note"]) for i in json.loads(out)["items"]}
    assert marked[first] == ("presented", "") and marked[second] == ("missing", "solo la copia")
    code, _, err = cli("case", "mark", str(case["id"]), "no_such_document", "missing")
    assert code == 2 and "no_such_document" in err
    assert cli("case", "close", str(case["id"]), "--outcome", "incomplete")[0] == 0
    code, _, err = cli("case", "mark", str(case["id"]), first, "missing")
    assert code == 2 and "chiusa" in err  # a closed case is not changed
    code, out, _ = cli("case", "find", "--practice", "LO/RF/2026/0187", json_output=True)
    assert [c["id"] for c in json.loads(out)] == [case["id"]]
    code, out, _ = cli("case", "reopen", str(case["id"]), json_output=True)
    reopened = json.loads(out)
    assert (reopened["status"], reopened["visits"], reopened["version"]) == ("open", 2, case["version"])
    assert cli("case", "find", "--practice", "XX/0000")[0] == 3


def test_demo_refuses_a_real_office_and_a_day_already_simulated(cli):
    assert cli.system("setup", "--office", "LODI", "--office-name", "Prefettura di Lodi (reale)",
                      "--service", "RF:R:Ricongiungimento", "--desk", "D1:RF", "--admin", ADMIN, "--password-stdin",
                      stdin=ADMIN_PASSWORD)[0] == 0
    admin = cli.as_user(ADMIN, ADMIN_PASSWORD)
    assert admin("ticket", "issue", "--service", "RF")[0] == 0
    code, _, err = cli.system("demo", "--date", "2026-11-23", "--tickets", "5")
    assert code == 2 and "contiene già l'ufficio «LODI»" in err
    code, out, _ = admin("staff", "list", json_output=True)
    assert [s["username"] for s in json.loads(out)] == [ADMIN]  # no demo accounts with a public password slipped in
    code, out, _ = admin("ticket", "list", json_output=True)
    assert [t["status"] for t in json.loads(out)] == ["waiting"]  # the real ticket was left alone


def test_demo_does_not_simulate_the_same_day_twice(cli):
    cli = cli.system
    assert cli("demo", "--date", "2026-11-23", "--tickets", "5")[0] == 0
    code, _, err = cli("demo", "--date", "2026-11-23", "--tickets", "5")
    assert code == 2 and "23/11/2026" in err  # the day as the Italian messages write it


def test_db_check_does_not_create_a_missing_database(tmp_path, capsys):
    target = tmp_path / "nowhere" / "x.sqlite3"
    assert main(["--home", str(tmp_path / "h"), "--db", f"sqlite:///{target}", "--system", "db", "check"]) == 2
    assert "non esiste" in capsys.readouterr().err
    assert not target.exists() and not target.parent.exists()


def test_password_prompt_without_a_terminal_says_what_to_do(set_up):
    code, _, err = set_up("staff", "add", "mgialli", "--name", "M Gialli", "--role", "clerk")
    assert code == 2 and "--password-stdin" in err and "Traceback" not in err


def test_json_flag_is_accepted_after_the_command(cli):
    code, out, _ = cli.system("config", "--json")
    assert code == 0 and json.loads(out)["settings"]["language"] == "it"


def test_the_shipped_example_setup_file_applies(cli):
    example = Path(__file__).resolve().parents[1] / "docs" / "office-example.toml"
    code, out, _ = cli.system("setup", "--file", str(example), "--admin", ADMIN, "--password-stdin", json_output=True,
                              stdin=ADMIN_PASSWORD)
    view = json.loads(out)
    assert code == 0 and view["code"] == "LODI" and [d["code"] for d in view["desks"]] == ["D1", "D2"]


def test_translation_status_columns_line_up_with_long_procedure_codes(cli, demo):
    """``translations status``: a procedure code longer than 8 characters (NO-STAG-PL) widens the first column
    instead of pushing its row's statuses out from under their language codes."""
    assert cli.system("demo", "--date", "2026-11-23", "--tickets", "5")[0] == 0
    code, out, _ = demo("translations", "status")
    table = [line for line in out.splitlines() if line and not line.startswith("legend")]
    assert code == 0 and any(line.startswith("NO-STAG-PL ") for line in table)
    assert len({len(line) for line in table}) == 1  # every row exactly as wide as the header
