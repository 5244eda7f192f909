"""``desk-admin`` authenticates (issue 17, item 3): no default actor, a staff password for ``--user``, an explicit
machine-owner mode ``--system`` that is audited as such and refused for whatever needs a person; the audit names
who really acted."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

import pytest
from cli_support import ADMIN, ADMIN_PASSWORD, Cli
from sqlalchemy import select

from desk_app.core.auth import MAX_FAILED_LOGINS
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.models import AuditEvent
from desk_app.errors import AuthError, PermissionDeniedError

SETUP = ["setup", "--office", "LODI", "--office-name", "Prefettura di Lodi", "--service", "RF:R:Ricongiungimento",
         "--desk", "D1:RF"]
CLERK, CLERK_PASSWORD = "operatore1", "operatore1-password"


def system_name() -> str:
    """How the audit names ``--system`` run by this OS user."""
    try:
        return f"system (OS user {getpass.getuser()[:40]})"
    except (KeyError, OSError):
        return "system (OS user unknown)"


@pytest.fixture
def cli(home: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    """An office set up by the machine owner with its first admin, and a clerk the admin added."""
    cli = Cli(home, db_url, capsys)
    assert cli.system(*SETUP, "--admin", ADMIN, "--password-stdin", stdin=ADMIN_PASSWORD)[0] == 0
    admin = cli.as_user(ADMIN, ADMIN_PASSWORD)
    assert admin("staff", "add", CLERK, "--name", "Operatore Uno", "--role", "clerk", "--password-stdin",
                 stdin=CLERK_PASSWORD)[0] == 0
    return cli


def audit_rows(home: Path, db_url: str) -> list[tuple[str, str, str, str]]:
    """(actor, action, object id, outcome) of every audit event, oldest first."""
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": db_url}, environ={}))
    try:
        return core.db.read(lambda s: [(r.actor, r.action, r.object_id, r.outcome) for r in s.execute(
            select(AuditEvent).order_by(AuditEvent.id)).scalars()])
    finally:
        core.close()


def test_without_an_identity_nothing_acts(cli: Cli) -> None:
    for args in (("ticket", "issue", "--service", "RF"), ("staff", "list"), ("config",), ("db", "upgrade"),
                 ("day", "close")):
        code, out, err = cli.anonymous(*args)
        assert (code, out) == (2, "")
        assert err == ("desk-admin: Indica chi agisce: --user NOME (con la password di quella persona) oppure, per "
                       "i lavori propri di questa macchina, --system.\n")
    # commands that act for nobody need no identity
    assert cli.anonymous("legalisation", "--country", "EG", "--document", "civil_status")[0] == 0


def test_user_needs_the_right_password(cli: Cli, home: Path, db_url: str) -> None:
    code, out, _ = cli.as_user(CLERK, CLERK_PASSWORD)("ticket", "issue", "--service", "RF")
    assert (code, out) == (0, "R001 RF in attesa\n")
    code, out, err = cli.as_user(CLERK, "not-the-password")("ticket", "issue", "--service", "RF")
    assert (code, out, err) == (2, "", f"desk-admin: {AuthError('bad_credentials').message('it')}\n")
    code, _, err = cli.as_user("nobody", "whatever-password")("ticket", "list")
    assert (code, err) == (2, f"desk-admin: {AuthError('bad_credentials').message('it')}\n")  # names stay unknown
    logins = [r[3] for r in audit_rows(home, db_url) if r[:2] == (CLERK, "login")]
    assert logins[-2:] == ["ok", "failed"]  # each attempt is the core's login, counted as at a desk


def test_lockout_is_honoured_on_the_command_line(cli: Cli) -> None:
    clerk = cli.as_user(CLERK, CLERK_PASSWORD)
    for _ in range(MAX_FAILED_LOGINS):
        assert cli.as_user(CLERK, "wrong-guess-000")("ticket", "list")[0] == 2
    code, out, err = clerk("ticket", "list")  # now even the right password is refused
    assert (code, out) == (2, "") and "bloccato" in err
    assert cli.as_user(ADMIN, ADMIN_PASSWORD)("staff", "passwd", CLERK, "--password-stdin",
                                              stdin="new-clerk-password")[0] == 0  # an admin clears it
    assert cli.as_user(CLERK, "new-clerk-password")("ticket", "issue", "--service", "RF")[0] == 0


def test_password_from_the_environment_is_taken_once_and_removed(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_APP_PASSWORD", CLERK_PASSWORD)
    code, out, _ = cli.anonymous("--user", CLERK, "ticket", "issue", "--service", "RF")
    assert (code, out) == (0, "R001 RF in attesa\n")
    assert "DESK_APP_PASSWORD" not in os.environ  # a child process the command starts does not inherit it
    code, _, err = cli.anonymous("--user", CLERK, "ticket", "list")  # no terminal, no stdin flag, no variable
    assert code == 2 and err == ("desk-admin: Nessun terminale su cui chiedere la password di «operatore1»: usa "
                                 "--password-stdin o la variabile DESK_APP_PASSWORD.\n")


def test_the_audit_names_who_really_acted(cli: Cli, home: Path, db_url: str) -> None:
    admin = cli.as_user(ADMIN, ADMIN_PASSWORD)
    assert admin("staff", "add", "mrossi", "--name", "Mario Rossi", "--role", "clerk", "--password-stdin",
                 stdin="mrossi-password")[0] == 0
    assert cli.as_user(CLERK, CLERK_PASSWORD)("staff", "disable", "mrossi")[0] == 2  # refused in the core
    assert cli.system("day", "close")[0] == 3
    rows = audit_rows(home, db_url)
    added = [r for r in rows if r[1] == "staff.add"]
    assert [r[0] for r in added] == [system_name(), ADMIN, ADMIN]  # first admin by --system, then by the admin
    assert (CLERK, "denied:manage_staff", "mrossi", "denied") in rows
    assert (system_name(), "system.command", "day close", "ok") in rows
    assert (system_name(), "system.command", "setup", "ok") in rows
    assert not any(r[0].startswith("cli:") for r in rows)  # never the old implicit admin


@pytest.mark.parametrize("args", [("ticket", "issue", "--service", "RF"),
                                  ("staff", "add", "x", "--name", "X", "--role", "clerk", "--password-stdin"),
                                  ("export", "counts", "--from", "2026-11-01", "--to", "2026-11-02", "-o", "c.csv"),
                                  ("setup", "--file", "nonexistent-but-refused-first.toml")])
def test_system_mode_is_refused_for_what_needs_a_person(cli: Cli, args: tuple[str, ...], home: Path,
                                                        db_url: str) -> None:
    code, out, err = cli.system(*args, stdin="long-enough-password")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert "--user" in err and "Traceback" not in err
    if args[0] == "setup":  # the office exists: --system sets up only an empty database, with its admin
        assert err == f"desk-admin: {PermissionDeniedError('system_setup_only').message('it')}\n"
    else:
        assert err.startswith("desk-admin: Solo un operatore può ")
        assert any(r[0] == system_name() and r[1].startswith("denied:") for r in audit_rows(home, db_url))


def test_system_first_setup_refuses_a_database_with_an_office(cli: Cli) -> None:
    code, _, err = cli.system("setup", "--office", "OTHER", "--office-name", "Altro", "--admin", "boss",
                              "--password-stdin", stdin="boss-password-1")
    assert code == 2 and "«LODI»" in err  # office_exists: no second admin slipped into a working office


def test_system_mode_does_the_machines_jobs_and_is_audited(cli: Cli, home: Path, db_url: str) -> None:
    assert cli.system("db", "upgrade")[0] == 0
    code, out, _ = cli.system("db", "check", json_output=True)
    assert code == 0 and json.loads(out)["up_to_date"] is True
    assert cli.system("config", "desk_code=D1")[0] == 0
    assert cli.system("audit", "verify")[0] == 0
    rows = audit_rows(home, db_url)
    commands = [r[2] for r in rows if r[:2] == (system_name(), "system.command")]
    assert commands[-4:] == ["db upgrade", "db check", "config", "audit verify"]


@pytest.mark.parametrize("args", [("config",), ("config", "desk_code=D9"), ("db", "upgrade"), ("db", "check")])
def test_a_clerk_may_not_manage_the_database_or_the_settings(cli: Cli, args: tuple[str, ...], home: Path,
                                                             db_url: str) -> None:
    code, out, err = cli.as_user(CLERK, CLERK_PASSWORD)(*args)
    assert (code, out) == (2, "")
    assert err == "desk-admin: Permesso negato: il ruolo «operatore» non può gestire il database.\n"
    assert (CLERK, "denied:manage_db", " ".join(args[:2]) if args[0] == "db" else "config", "denied") in audit_rows(
        home, db_url)
    settings_file = home / "config" / "settings.toml"
    assert not settings_file.exists() or "D9" not in settings_file.read_text(encoding="utf-8")
    assert cli.as_user(ADMIN, ADMIN_PASSWORD)(*args)[0] == 0  # an administrator may


def test_system_mode_is_for_the_owner_of_the_database_file(capsys: pytest.CaptureFixture[str]) -> None:
    """Another OS user than the SQLite file's owner gets one sentence, before the file is opened."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root, to make a file of another OS user and act as a third one")
    import shutil
    import tempfile

    from desk_app.cli import main

    shared = Path(tempfile.mkdtemp(prefix="sportello-owner-"))  # outside root's 0700 pytest folders
    try:
        os.chmod(shared, 0o755)
        db = shared / "x.sqlite3"
        db.write_bytes(b"")
        os.chown(db, 12345, 12345)
        # the same command once as root first: every module it needs is imported before root's files are out of reach
        assert main(["--home", str(shared / "warm"), "--db", f"sqlite:///{shared / 'none.sqlite3'}", "--system", "db",
                     "check"]) == 2
        capsys.readouterr()
        os.seteuid(12346)  # a third OS user, in this process, for the one call
        try:
            code = main(["--home", str(shared / "home"), "--db", f"sqlite:///{db}", "--system", "db", "check"])
        finally:
            os.seteuid(0)
        err = capsys.readouterr().err
        assert code == 2 and err == (f"desk-admin: --system è riservato al proprietario del file di database «{db}» "
                                     "(utente di sistema 12345): eseguilo come quell'utente, oppure accedi con "
                                     "--user NOME.\n")
        assert db.stat().st_size == 0 and not (shared / "home").exists()  # nothing opened, nothing created
    finally:
        shutil.rmtree(shared)


def test_the_password_is_asked_on_a_terminal_without_echo(cli: Cli) -> None:
    """A person at a terminal: ``getpass`` asks for the password; what is typed is not echoed back."""
    import pty
    import select as wait
    import sys

    script = Path(sys.executable).with_name("desk-admin")
    pid, fd = pty.fork()
    if pid == 0:  # the child: desk-admin on the pseudo-terminal (never back into pytest)
        try:
            os.execv(str(script), [str(script), "--home", str(cli.home), "--db", cli.db_url, "--user", CLERK,
                                   "ticket", "issue", "--service", "RF"])
        finally:
            os._exit(127)
    seen = b""

    def read_until(marker: bytes, seconds: float = 60) -> None:
        nonlocal seen
        while marker not in seen:
            ready, _, _ = wait.select([fd], [], [], seconds)
            if not ready:
                raise AssertionError(f"no {marker!r} in {seen!r}")
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                raise AssertionError(f"ended before {marker!r}: {seen!r}")
            seen += chunk

    read_until(b"Password di operatore1: ")
    os.write(fd, CLERK_PASSWORD.encode() + b"\n")
    read_until(b"R001 RF in attesa")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    assert CLERK_PASSWORD.encode() not in seen  # not echoed
