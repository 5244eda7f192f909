"""Every bad input gets one clear sentence, exit 2, and nothing stored (issue 17, item 6).

Two tables, so a new command or service joins by adding a row:

* :data:`CLI_CASES`: ``desk-admin`` argument lists, run on a demo database (SQLite file and PostgreSQL) through
  the shared :class:`cli_support.Cli` (as the demo's ``admin`` with a password, or ``--system``). Each must end
  with exit 2 and ONE line on stderr holding the expected fragment, no traceback, and leave the database
  (row counts of every table but the audit log, the statuses of the tickets, the texts of the catalogue) and the
  files (settings file, the output folder) exactly as they were.
* :data:`CORE_CASES`: calls of the core services with the same bad values, which must raise a
  :class:`~desk_app.errors.DeskError` of the expected code (never ``OverflowError``/``DataError``) and store
  nothing.

The rows run inside one test per backend (a demo database takes seconds to build; one per row would take
minutes); every mismatching row is reported, not only the first.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_support import DEMO_PASSWORD, Cli
from sqlalchemy import func, select, text

from desk_app.clock import local_day
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.core.validation import write_atomically
from desk_app.db.models import Ticket
from desk_app.db.schema import Base
from desk_app.errors import DeskError

BEYOND_64 = str(2**63 + 5)  # SQLite's driver: OverflowError
BEYOND_32 = str(2**31 + 5)  # PostgreSQL's int4 columns: DataError with the SQL printed
DEMO_DAY = "2026-11-23"
AT = "2026-12-08 09:20"


@dataclass(frozen=True)
class CliCase:
    """One bad input through ``desk-admin``: ``argv`` (``{out}`` is the output folder, ``{file}`` a plain file
    there), the fragment of the English sentence, and who runs it (``admin`` with a password, or ``system``)."""

    argv: tuple[str, ...]
    fragment: str
    who: str = "admin"
    po: str | None = None  # a PO file written to {out}/bad.po first (translations import)


def _po(msgstr_line: str) -> str:
    """A PO file for Arabic with one entry for a text the demo office has, its msgstr line as given."""
    return ('msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgctxt "label.steps"\nmsgid "x"\n' + msgstr_line + "\n")


CLI_CASES: tuple[CliCase, ...] = (
    # ids beyond the columns' range: one sentence on both backends, before any query
    *(CliCase(argv, "is out of range") for big in (BEYOND_64, BEYOND_32) for argv in (
        ("case", "show", big),
        ("case", "mark", big, "passport", "missing"),
        ("case", "note", big, "hello"),
        ("case", "close", big, "--outcome", "incomplete"),
        ("case", "reopen", big),
        ("appointments", "move", "--id", big, "--at", AT),
        ("appointments", "cancel", "--id", big, "--reason", "x"),
        ("appointments", "checkin", "--id", big),
        ("mediators", "book", "--appointment", big),
        ("mediators", "cancel", "--booking", big),
        ("print", "missing", "--case", big, "-o", "{out}/m.pdf"),
        ("print", "ticket", "--ticket", big, "-o", "{out}/t.pdf"),
    )),
    *(CliCase(("appointments", "calendar", "--service", "RF", "--hours", "mon-fri 09:00-12:00", *values),
              f"is not a valid number for “{field}”")
      for big in (BEYOND_64, BEYOND_32) for field, values in (
          ("slot_minutes", ("--slot", big, "--capacity", "2")),
          ("capacity", ("--slot", "20", "--capacity", big)),
          ("horizon_days", ("--slot", "20", "--capacity", "2", "--horizon", big)))),
    CliCase(("case", "show", "0"), "is out of range"),
    CliCase(("demo", "--date", "2026-11-20", "--tickets", "5", "--waiting", BEYOND_64), "is out of range",
            who="system"),
    # extreme dates
    *(CliCase(argv, "is outside the dates Sportello handles") for day in ("9999-12-31", "0001-01-01") for argv in (
        ("export", "counts", "--from", day, "--to", day, "-o", "{out}/c.csv"),
        ("export", "counts", "--from", "2026-01-01", "--to", day, "-o", "{out}/c.csv")
        if day > "2026" else ("export", "counts", "--from", day, "--to", "2026-01-01", "-o", "{out}/c.csv"),
        ("appointments", "slots", "--service", "RF", "--day", day),
        ("appointments", "list", "--day", day),
        ("appointments", "close", "--day", day, "--reason", "x"),
        ("mediators", "agenda", "--mediator", "AR1", "--from", "2026-01-01", "--to", day)
        if day > "2026" else ("mediators", "agenda", "--mediator", "AR1", "--from", day),
        ("mediators", "availability", "--code", "AR1", "--absent", day),
        ("mediators", "availability", "--code", "AR1", "--extra", day, "--from", "09:00", "--to", "10:00",
         "--mode", "phone"),
    )),
    CliCase(("demo", "--date", "0001-01-01", "--tickets", "5"), "is outside the dates", who="system"),
    CliCase(("appointments", "book", "--service", "RF", "--at", "9999-12-31 09:00", "--name", "Ioana Popescu"),
            "is outside the dates"),
    CliCase(("mediators", "book", "--lang", "ar", "--from", "9999-12-31 09:00", "--to", "9999-12-31 10:00"),
            "is outside the dates"),  # it used to store a booking in the year 9999
    # closing days: never today's tickets
    CliCase(("day", "close", "--before", "9999-12-31"), "is outside the dates"),
    CliCase(("day", "close", "--before", "2099-12-31"), "Only earlier days can be closed"),
    # files: a folder where a file is asked for, a file where a folder is needed
    CliCase(("export", "counts", "--from", DEMO_DAY, "--to", DEMO_DAY, "-o", "{out}"), "is a folder"),
    CliCase(("print", "instructions", "--procedure", "RF-NO", "--lang", "ar", "-o", "{out}"), "is a folder"),
    CliCase(("print", "exploitation", "--lang", "ar", "--format", "docx", "-o", "{out}"), "is a folder"),
    CliCase(("translations", "export", "--lang", "ar", "{out}"), "is a folder"),
    CliCase(("mediators", "agenda", "--mediator", "AR1", "--ics", "{out}"), "is a folder"),
    CliCase(("export", "counts", "--from", DEMO_DAY, "--to", DEMO_DAY, "-o", "{file}/c.csv"), "is a file, not a"),
    CliCase(("print", "ticket", "--ticket", "R001", "-o", "{file}/sub/t.pdf"), "is a file, not a folder"),
    # settings: bounds per setting (Qt's timer overflows past 35,791 minutes), control characters
    CliCase(("config", "idle_lock_minutes=40000"), "“idle_lock_minutes”: allowed from 1 to 480", who="system"),
    CliCase(("config", "idle_lock_minutes=0"), "allowed from 1 to 480", who="system"),
    CliCase(("config", "display_screen=99999999999999999999999"), "out of range", who="system"),
    CliCase(("config", "retention_days=99999"), "out of range", who="system"),
    # restore: a copy that is not there, a file that is not a backup (nothing replaced, no safety copy taken)
    CliCase(("db", "restore", "{out}/missing.sqlite3", "--force"), "does not exist", who="system"),
    CliCase(("db", "restore", "{file}", "--force"), "is not a Sportello backup", who="system"),
    CliCase(("config", "desk_code=D1\x00"), "control characters", who="system"),
    CliCase(("config", "language=de"), "is not allowed for “Language”", who="system"),
    # translations import validates like an edit, and refuses a cut string
    CliCase(("translations", "import", "--lang", "ar", "{out}/bad.po"), "text-direction marks",
            po=_po('msgstr "evil\u202etxt.exe"')),
    CliCase(("translations", "import", "--lang", "ar", "{out}/bad.po"), "text-direction marks",
            po=_po('msgstr "\u2067isolate"')),
    CliCase(("translations", "import", "--lang", "ar", "{out}/bad.po"), "control characters",
            po=_po('msgstr "bell\x07here"')),
    CliCase(("translations", "import", "--lang", "ar", "{out}/bad.po"), "control characters",
            po=_po('msgstr "nul\x00here"')),
    CliCase(("translations", "import", "--lang", "ar", "{out}/bad.po"), "longer than 2000 characters",
            po=_po('msgstr "' + "x" * 10_000 + '"')),
    CliCase(("translations", "import", "--lang", "ar", "{out}/bad.po"), "string not closed",
            po=_po('msgstr "unterminated')),
)


def _snapshot(core: CoreServices, settings_file: Path, out: Path) -> dict[str, Any]:
    """What a refused command must leave as it was: every table's row count (the audit log aside: a refusal may
    be audited), the tickets' statuses, the catalogue's texts, the settings file and the output folder."""

    def read(session: Any) -> dict[str, Any]:
        counts = {table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
                  for table in Base.metadata.sorted_tables if table.name != "audit_event"}
        statuses = dict(session.execute(select(Ticket.status, func.count()).group_by(Ticket.status)).all())
        texts = sorted(session.execute(text("SELECT key, lang, text FROM content_text")).all())
        return {"counts": counts, "statuses": statuses, "texts": hash(tuple(texts))}

    state = core.db.read(read)
    state["settings"] = settings_file.read_bytes() if settings_file.exists() else None
    state["files"] = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    return state


@pytest.fixture
def demo_cli(home: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    """A demo database (office, staff, catalogue, calendars, mediators, a simulated day) plus a ticket waiting
    today; acts as the demo's ``admin``."""
    cli = Cli(home, db_url, capsys)
    code, _, err = cli.system("demo", "--date", DEMO_DAY, "--tickets", "20", "--seed", "3")
    assert code == 0, err
    admin = cli.as_user("admin", DEMO_PASSWORD)
    assert admin("ticket", "issue", "--service", "RF")[0] == 0
    assert cli.system("config", "desk_code=D1")[0] == 0  # a settings file, to check it is left as it was
    return admin


def test_every_bad_input_through_desk_admin_is_one_sentence_and_stores_nothing(demo_cli, home, settings,
                                                                               tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    plain = out / "plain-file"
    plain.write_text("a file where a folder is needed", encoding="utf-8")
    core = CoreServices.build(settings)
    failures = []
    try:
        for case in CLI_CASES:
            if case.po is not None:
                (out / "bad.po").write_text(case.po, encoding="utf-8")
            before = _snapshot(core, settings.paths.settings_file, out)
            runner = demo_cli.system if case.who == "system" else demo_cli
            argv = [a.replace("{out}", str(out)).replace("{file}", str(plain)) for a in case.argv]
            code, _, err = runner("--lang", "en", *argv)
            after = _snapshot(core, settings.paths.settings_file, out)
            problems = []
            if code != 2:
                problems.append(f"exit {code}")
            if case.fragment not in err:
                problems.append(f"no {case.fragment!r}")
            if err.count("\n") != 1 or "Traceback" in err:
                problems.append("not one line")
            for part in ("counts", "statuses", "texts", "settings", "files"):
                if before[part] != after[part]:
                    problems.append(f"{part} changed")
            if problems:
                failures.append(f"{' '.join(case.argv)[:90]}: {', '.join(problems)}; stderr={err.strip()[:200]!r}")
    finally:
        core.close()
    assert not failures, f"{len(failures)} of {len(CLI_CASES)} bad inputs mishandled:\n" + "\n".join(failures)


def test_home_that_is_a_file_is_one_sentence(tmp_path, capsys):
    afile = tmp_path / "home-is-a-file"
    afile.write_text("not a folder", encoding="utf-8")
    for home in (afile, afile / "sub"):
        cli = Cli(home, f"sqlite:///{tmp_path / 'x.sqlite3'}", capsys)
        for argv in (("db", "upgrade"), ("config", "idle_lock_minutes=7"), ("ticket", "list")):
            code, _, err = cli.system("--lang", "en", *argv)
            assert code == 2 and err.count("\n") == 1, (argv, err)
            assert f"“{afile}” is a file, not a folder." in err
    assert afile.read_text(encoding="utf-8") == "not a folder"
    assert not (tmp_path / "x.sqlite3").exists()


def test_db_upgrade_on_a_fresh_home_creates_the_database(tmp_path, capsys):
    fresh = tmp_path / "fresh" / "home"
    target = fresh / "data" / "sportello.sqlite3"
    code, out, err = Cli(fresh, f"sqlite:///{target}", capsys).system("--lang", "en", "db", "upgrade")
    assert code == 0, err
    assert "Schema upgraded" in out and target.is_file()
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] >= 1


# -- core level ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CoreCase:
    """A core call with a bad value: ``call(core, actors)``, the accepted error codes (a too-large id may be "not
    found" on SQLite, whose columns hold 64 bits, and "too large" on PostgreSQL's 32)."""

    name: str
    call: Callable[[CoreServices, dict[str, Any]], object]
    codes: frozenset[str]


def _today(core: CoreServices) -> date:
    return local_day(core.clock.now())


CORE_CASES: tuple[CoreCase, ...] = (
    *(CoreCase(f"{name} {big}", call, frozenset({"number_too_large", code}))
      for big in (int(BEYOND_64), int(BEYOND_32))
      for name, call, code in (
          ("cases.get", lambda c, a, big=big: c.cases.get(a["admin"], big), "unknown_case"),
          ("cases.set_note", lambda c, a, big=big: c.cases.set_note(a["admin"], big, "x"), "unknown_case"),
          ("appointments.get", lambda c, a, big=big: c.appointments.get(a["admin"], big), "unknown_appointment"),
          ("appointments.cancel", lambda c, a, big=big: c.appointments.cancel(a["admin"], big, "x"),
           "unknown_appointment"),
          ("appointments.check_in", lambda c, a, big=big: c.appointments.check_in(a["clerk"], big),
           "unknown_appointment"),
          ("mediators.cancel_booking", lambda c, a, big=big: c.mediators.cancel_booking(a["admin"], big),
           "unknown_mediator_booking"),
      )),
    CoreCase("queue.close_day 9999-12-31", lambda c, a: c.queue.close_day(a["admin"], date(9999, 12, 31)),
             frozenset({"day_close_future"})),
    CoreCase("queue.close_day tomorrow", lambda c, a: c.queue.close_day(a["admin"], _today(c) + timedelta(days=1)),
             frozenset({"day_close_future"})),
    CoreCase("reports.counts 9999", lambda c, a: c.reports.counts(a["supervisor"], "9999-12-31", "9999-12-31"),
             frozenset({"date_out_of_range"})),
    CoreCase("reports.counts date(1, 1, 1)", lambda c, a: c.reports.counts(a["supervisor"], date(1, 1, 1),
                                                                           date(2026, 1, 1)),
             frozenset({"date_out_of_range"})),
    CoreCase("appointments.day 9999", lambda c, a: c.appointments.day(a["clerk"], "9999-12-31"),
             frozenset({"date_out_of_range"})),
)


def test_every_bad_input_to_the_core_is_a_desk_error_and_stores_nothing(services, staff, tmp_path):
    # a ticket waiting today, one from yesterday left open: close_day must touch neither when refused
    services.queue.issue_ticket(staff["clerk"], "RF")
    out = tmp_path / "out"
    out.mkdir()
    failures = []
    for case in CORE_CASES:
        before = _snapshot(services, services.settings.paths.settings_file, out)
        try:
            case.call(services, staff)
        except DeskError as exc:
            if exc.code not in case.codes:
                failures.append(f"{case.name}: {exc.code} ({exc})")
        except Exception as exc:  # noqa: BLE001 - exactly what must not happen: report it with the others
            failures.append(f"{case.name}: {type(exc).__name__}: {str(exc)[:120]}")
        else:
            failures.append(f"{case.name}: accepted")
        if _snapshot(services, services.settings.paths.settings_file, out) != before:
            failures.append(f"{case.name}: something stored")
    assert not failures, "\n".join(failures)
    # and the refused close left today's ticket waiting
    assert [t.status for t in services.queue.tickets(staff["clerk"])] == ["waiting"]


def test_translations_import_refuses_bad_text_and_a_cut_string_whole(services, staff, tmp_path):
    services.content.load(staff["admin"])
    good = 'msgstr "buono"'
    for bad, code in (('msgstr "a\u202eb"', "bidi_controls"), ('msgstr "a\x01b"', "control_chars"),
                      ('msgstr "' + "y" * 10_000 + '"', "too_long"), ('msgstr "open', "bad_po_file")):
        path = tmp_path / "ar.po"
        # a good entry first: the refusal must not have stored it either
        path.write_text(_po(good) + '\nmsgctxt "label.missing"\nmsgid "y"\n' + bad + "\n", encoding="utf-8")
        before = services.translations.statuses("ar")
        with pytest.raises(DeskError) as refused:
            services.translations.import_po(staff["admin"], "ar", path)
        assert refused.value.code == code
        assert services.translations.statuses("ar") == before


# -- settings: bounds, a file out of bounds, atomic writes ----------------------------------------------------------
def test_settings_bounds_and_a_file_out_of_bounds_still_loads(tmp_path):
    settings = Settings.load(home=tmp_path, environ={})
    settings.save(desk_code="D2")
    stored = settings.paths.settings_file.read_bytes()
    for name, value in (("idle_lock_minutes", 40_000), ("idle_lock_minutes", 0), ("display_screen", 10**30),
                        ("backups_kept", -1), ("desk_code", "D\x002")):
        with pytest.raises(DeskError):
            settings.save(**{name: value})
        assert settings.paths.settings_file.read_bytes() == stored
    # a file edited by hand with an out-of-bounds value: the app starts on the default and says which
    settings.paths.settings_file.write_text("idle_lock_minutes = 40000\ndesk_code = \"D2\"\n", encoding="utf-8")
    loaded = Settings.load(home=tmp_path, environ={})
    assert loaded.idle_lock_minutes == 5 and loaded.desk_code == "D2"
    assert [p.code for p in loaded.problems] == ["setting_ignored"]
    assert "idle_lock_minutes = 40000" in loaded.problems[0].message("en")
    assert "40000" in loaded.problems[0].message("it")


def test_settings_file_is_replaced_atomically_and_keeps_private_mode(tmp_path):
    settings = Settings.load(home=tmp_path, environ={})
    settings.save(desk_code="D1")
    path = settings.paths.settings_file
    inode = path.stat().st_ino
    settings.save(desk_code="D3")
    assert path.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert "D3" in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")

    def half_then_fail(temporary: Path) -> None:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("writer failed")

    with pytest.raises(RuntimeError):
        write_atomically(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


# -- a full disk ---------------------------------------------------------------------------------------------------
@pytest.fixture
def full_disk(tmp_path: Path):
    """A real, small file system (tmpfs, 8 MiB), filled up to the last block. Needs root (mount)."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("SKIPPING FULL-DISK TESTS - mounting a small tmpfs needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    """Write zeros into ``folder`` until its file system refuses one more byte (ENOSPC)."""
    with open(folder / "filler", "wb", buffering=0) as fh:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    fh.write(b"\0" * size)
            except OSError:
                continue


# openpyxl's and python-docx's zip writers complain from __del__ about the write that failed: theirs, and expected
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_full_disk_is_named_as_such_on_export_and_config(full_disk, home, db_url, capsys, settings):
    cli = Cli(home, db_url, capsys)
    assert cli.system("demo", "--date", DEMO_DAY, "--tickets", "10")[0] == 0
    admin = cli.as_user("admin", DEMO_PASSWORD)
    # config: the settings file lives on the full disk
    disk_home = full_disk / "home"
    on_disk = Cli(disk_home, db_url, capsys)
    assert on_disk.system("config", "desk_code=D1")[0] == 0
    stored = (disk_home / "config" / "settings.toml").read_bytes()
    _fill(full_disk)
    code, _, err = on_disk.system("--lang", "en", "config", "desk_code=D2" + "x" * 400)
    assert code == 2 and err.count("\n") == 1 and "The disk is full" in err, err
    assert (disk_home / "config" / "settings.toml").read_bytes() == stored
    # export, in every format: no half file left behind (Qt's PDF writer fails silently: still named)
    for fmt in ("csv", "pdf", "docx", "xlsx"):
        target = full_disk / f"counts.{fmt}"
        code, _, err = admin("--lang", "en", "export", "counts", "--from", DEMO_DAY, "--to", DEMO_DAY,
                             "--format", fmt, "-o", str(target))
        assert code == 2 and err.count("\n") == 1 and "The disk is full" in err, (fmt, err)
        assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "home"]


def test_a_full_disk_under_sqlite_is_not_unreachable(full_disk, sqlite_template, capsys):
    import shutil

    target = full_disk / "sportello.sqlite3"
    shutil.copyfile(sqlite_template, target)
    cli = Cli(full_disk / "home-elsewhere", f"sqlite:///{target}", capsys)
    assert cli.system("--lang", "en", "setup", "--office", "LODI", "--office-name", "Lodi", "--service",
                      "RF:R:Ricongiungimento", "--desk", "D1:RF", "--admin", "admin", "--password-stdin",
                      stdin="admin-password-1")[0] == 0
    admin = cli.as_user("admin", "admin-password-1")
    _fill(full_disk)
    results = [admin("--lang", "en", "ticket", "issue", "--service", "RF") for _ in range(400)]
    refused = [err for code, _, err in results if code != 0]
    assert refused, "the disk never filled"
    assert all("The disk is full" in err and "not reachable" not in err for err in refused), refused[:3]


# -- a killed demo runs again ----------------------------------------------------------------------------------------
# The child runs desk-admin's own main() with one change: at the 100th step of the simulated day (each step is a
# savepoint of the day's one transaction) it kills itself with SIGKILL, as a power cut or `kill -9` would. A fixed
# step, not a race against a timer: the kill lands inside the simulation on a fast machine and a loaded one alike.
_KILLED_DEMO = """
import os, signal, sys
from desk_app.core import demo
steps = 0
write_bare = demo._InTransaction.write_bare
def dying(self, work, **kw):
    global steps
    steps += 1
    if steps == 100:
        os.kill(os.getpid(), signal.SIGKILL)
    return write_bare(self, work, **kw)
demo._InTransaction.write_bare = dying
from desk_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_demo_killed_during_its_simulation_can_be_run_again(tmp_path):
    """``kill -9`` while the simulated morning is being written (it holds SQLite's write lock), then run again."""
    home = tmp_path / "demo-home"
    database = home / "data" / "sportello.sqlite3"
    options = ["--home", str(home), "--system", "demo", "--date", DEMO_DAY, "--tickets"]
    first = subprocess.run([sys.executable, "-c", _KILLED_DEMO, *options, "900"], capture_output=True, text=True,
                           timeout=300)
    assert first.returncode == -signal.SIGKILL, first.stderr  # killed in the simulation, not finished or failed
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM staff").fetchone()[0] >= 10  # the office was set up
        assert conn.execute("SELECT count(*) FROM ticket").fetchone()[0] == 0  # nothing of the killed day
    script = Path(sys.executable).with_name("desk-admin")
    again = subprocess.run([str(script), *options, "50"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM ticket").fetchone()[0] == 50


def _counts(settings: Settings, *tables: str) -> list[int]:
    core = CoreServices.build(settings)
    try:
        return core.db.read(lambda s: [s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables])
    finally:
        core.close()


def test_the_demo_day_is_one_transaction_and_the_office_completes_itself(home, db_url, capsys, settings):
    cli = Cli(home, db_url, capsys)
    assert cli.system("demo", "--date", DEMO_DAY, "--tickets", "30", "--seed", "5")[0] == 0
    tables = ("ticket", "appointment", "mediator_availability")
    tickets, appointments, availability = _counts(settings, *tables)
    assert tickets == 30 and appointments == 8 and availability > 0
    code, _, err = cli.system("--lang", "en", "demo", "--date", DEMO_DAY, "--tickets", "30")
    assert code == 2 and "already has tickets" in err  # a finished day is still refused ...
    assert _counts(settings, *tables) == [30, 8, availability]  # ... and the set-up rerun added nothing
    # a run killed between two steps of the set-up (a mediator without availability, half the appointments)
    core = CoreServices.build(settings)
    try:
        def cut(session: Any) -> None:
            session.execute(text("DELETE FROM mediator_availability WHERE mediator_id = (SELECT min(id) FROM "
                                 "mediator)"))
            session.execute(text("DELETE FROM mediator_booking WHERE appointment_id IS NOT NULL"))
            session.execute(text("DELETE FROM appointment WHERE id > (SELECT min(id) + 3 FROM appointment)"))

        core.db.write(cut)
    finally:
        core.close()
    assert _counts(settings, "appointment")[0] == 4
    assert cli.system("demo", "--date", "2026-11-20", "--tickets", "10")[0] == 0
    assert _counts(settings, *tables) == [40, 8, availability]


@pytest.mark.parametrize(("typed", "code", "says"), [
    ("a", "bad_username", "Il nome utente «a» non è valido: usare da 2 a 32 lettere, cifre, punti, - o _, iniziando "
                          "con una lettera o una cifra (senza spazi)."),
    ("anna rossi", "bad_username", None),
    (".anna", "bad_username", None),
    ("x" * 33, "too_long", "Il campo «Nome utente» supera i 32 caratteri."),
])
def test_a_refused_user_name_is_told_the_rule_it_broke(typed: str, code: str, says: str | None) -> None:
    """The sentence states the rule clean_username applies (2-32, dots allowed), not the generic code rule."""
    from desk_app.core.validation import clean_username
    from desk_app.errors import ValidationError

    with pytest.raises(ValidationError) as refused:
        clean_username(typed)
    assert refused.value.code == code
    if says is not None:
        assert refused.value.message("it") == says
    assert clean_username("Ab.Cd") == "ab.cd" and clean_username("x" * 32) == "x" * 32  # what the rule allows


def test_a_setting_this_pc_does_not_have_says_where_it_is(tmp_path: Path) -> None:
    """``desk-admin config board_title=...`` used to answer "Setting «board_title»: ?"."""
    from desk_app.core.settings import Settings
    from desk_app.errors import ValidationError

    settings = Settings.load(home=tmp_path / "home", environ={})
    with pytest.raises(ValidationError) as office:
        settings.save(board_title="Prova")
    assert office.value.code == "office_setting"
    assert office.value.message("it") == ("«board_title» è un'impostazione di tutto l'ufficio, non di questo PC: si "
                                          "cambia in Amministrazione → Ufficio.")
    with pytest.raises(ValidationError) as unknown:
        settings.save(nonsense=1)
    assert unknown.value.code == "unknown_setting" and "desk_code" in unknown.value.message("it")
    assert not settings.paths.settings_file.exists()  # nothing written


def test_a_day_in_a_sentence_is_written_as_the_screens_write_it() -> None:
    """Italian sentences give a day as 01/12/2026 (as every table and date field), not 2026-12-01; English keeps
    the ISO form; a "day" that is not a date (a weekday's name) stays as given."""
    from datetime import date

    from desk_app.errors import ConflictError, ValidationError

    closed = ConflictError("slot_closed", service="RF", day="2026-12-01", reason="assemblea")
    assert closed.message("it") == "RF è chiuso il 01/12/2026: assemblea"
    assert closed.message("en") == "RF is closed on 2026-12-01: assemblea"
    assert ConflictError("slot_closed", service="RF", day=date(2026, 2, 3), reason="x").message("it") == \
        "RF è chiuso il 03/02/2026: x"
    assert "2026-02-31" in ConflictError("slot_closed", service="RF", day="2026-02-31", reason="x").message("it")
    assert ValidationError("hours_order", day="lunedì", opens="9:00", closes="8:00").message("it").startswith(
        "Orari di lunedì")
