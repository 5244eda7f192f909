"""Smoke test of an installed Sportello: the two programs, in a throw-away home, as a person would start them.

    python scripts/smoke.py --admin DIST/sportello/desk-admin --app DIST/sportello/sportello     # PyInstaller bundle
    python scripts/smoke.py --admin VENV/bin/desk-admin --app VENV/bin/desk-app                 # installed wheel

Steps (one line each on success, the failing command's output and exit 1 on the first failure):

1. ``desk-admin --version`` prints the version of the source tree beside this script;
2. ``desk-admin --system demo`` builds the demo office in a new SQLite database (schema migrations, catalogue,
   staff); the folders are 0700 and the database 0600 (POSIX); a command acting for a person without a login is
   refused; the later commands log in as demo staff (``--user``, the password in ``DESK_APP_PASSWORD``);
3. ``desk-admin print instructions --procedure RF-NO --lang ar`` writes a PDF set in the shipped Arabic font,
   and a DOCX with the shipped fonts embedded;
   ``desk-admin export counts`` writes today's counts as XLSX, PDF and DOCX (openpyxl, reportlab, python-docx);
4. ``desk-app`` (offscreen) runs for ``--seconds`` on the login page, then is stopped: no traceback on stderr or in
   ``desk-app.log``, no missing translation catalogue;
5. ``desk-app --board`` runs while ``desk-admin`` closes what desk D6 holds and calls a ticket: the board plays
   the chime through QtMultimedia (a chime that cannot load logs "the call chime is off" with a traceback).

``--postgres URL`` (a server URL that may create databases, e.g. ``postgresql://postgres@127.0.0.1:5432/postgres``)
adds step 6: ``desk-admin db upgrade`` and ``db check`` on a scratch database, created and dropped with ``psql``.
Only the standard library is used, so any Python 3.11 runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 180  # seconds for one desk-admin command; a cold start of a frozen bundle takes a few


class SmokeError(Exception):
    """A failed step: the message, then whatever output explains it."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def source_version() -> str | None:
    init = ROOT / "desk_app" / "__init__.py"
    found = re.search(r'__version__ = "([^"]+)"', init.read_text(encoding="utf-8")) if init.is_file() else None
    return found.group(1) if found else None


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DESK_APP_DB", "DESK_APP_HOME", "DESK_APP_RESOURCES", "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)  # the programs must find everything on their own
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONTZPATH"] = ""  # no system time zone files, as on Windows: zoneinfo must find the tzdata package
    env["HOME"] = str(home / "user")  # nothing may land in the real profile either
    return env


def output(result: subprocess.CompletedProcess[str]) -> str:
    return f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


def run(command: Sequence[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run to completion; a non-zero exit or a traceback fails the step."""
    try:
        result = subprocess.run(list(command), env=env, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(f"{' '.join(command)}: no answer in {TIMEOUT} s") from exc
    if result.returncode != 0:
        raise SmokeError(f"{' '.join(command)}: exit code {result.returncode}", output(result))
    if "Traceback" in result.stdout + result.stderr:
        raise SmokeError(f"{' '.join(command)}: traceback in its output", output(result))
    return result


class Gui:
    """``desk-app`` in the background, its stderr in a file."""

    def __init__(self, command: Sequence[str], env: dict[str, str], stderr_file: Path) -> None:
        self.command = list(command)
        self.stderr_file = stderr_file
        self._stderr = stderr_file.open("w", encoding="utf-8")
        self.process = subprocess.Popen(self.command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=self._stderr)

    def stop(self) -> int | None:
        """Stop it; the exit code if it had ended on its own, else None."""
        ended = self.process.poll()
        if ended is None:
            self.process.terminate()  # SIGTERM; TerminateProcess on Windows
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._stderr.close()
        return ended

    def stderr(self) -> str:
        return self.stderr_file.read_text(encoding="utf-8", errors="replace")


def check_gui_log(home: Path, stderr: str, label: str, since: int = 0) -> str:
    """The log text written from offset ``since``; fails on tracebacks and missing catalogues."""
    logs = sorted(home.rglob("desk-app.log"))  # <home>/logs/desk-app.log (desk_app.gui.app.log_file)
    if not logs:
        raise SmokeError(f"{label}: no desk-app.log under {home}", stderr)
    log = logs[0].read_text(encoding="utf-8", errors="replace")[since:]
    if "Traceback" in stderr:
        raise SmokeError(f"{label}: traceback on stderr", stderr)
    if "Traceback" in log:
        raise SmokeError(f"{label}: traceback in {logs[0]}", log)
    missing = [line for line in log.splitlines() if "translation" in line and "not found" in line]
    if missing:
        raise SmokeError(f"{label}: a translation catalogue is missing from the installation", "\n".join(missing))
    return log


def step_version(admin: str, env: dict[str, str]) -> str:
    text = run([admin, "--version"], env).stdout.strip()
    expected = source_version()
    if not re.fullmatch(r"desk-admin \S+", text) or (expected and text != f"desk-admin {expected}"):
        raise SmokeError(f"desk-admin --version printed {text!r}, expected 'desk-admin {expected or 'X.Y.Z'}'")
    return text


#: The demo accounts' public password, given the way scripts give it (never as an argument: argv is public).
DEMO_PASSWORD = "sportello-demo"


def as_staff(env: dict[str, str], username: str, password: str = DEMO_PASSWORD) -> tuple[list[str], dict[str, str]]:
    """``--user USERNAME`` and an environment carrying the password in ``DESK_APP_PASSWORD``."""
    return ["--user", username], {**env, "DESK_APP_PASSWORD": password}


def step_demo(admin: str, home: Path, env: dict[str, str]) -> str:
    run([admin, "--home", str(home), "--system", "demo"], env)
    db = home / "data" / "sportello.sqlite3"
    if not db.is_file() or db.stat().st_size < 50_000:
        raise SmokeError(f"desk-admin demo left no database at {db}")
    modes = ""
    if os.name == "posix":  # the installed entry point sets umask 077 and narrows what it creates
        wrong = [f"{path} {oct(path.stat().st_mode & 0o777)}" for path in (home / "data", db, home / "backups")
                 if path.stat().st_mode & 0o077]
        if wrong:
            raise SmokeError("files readable by others: " + ", ".join(wrong))
        modes = ", owner-only (0700/0600)"
    refused = subprocess.run([admin, "--home", str(home), "ticket", "issue", "--service", "LEG"], env=env,
                             capture_output=True, text=True, timeout=TIMEOUT)
    if refused.returncode != 2 or "--user" not in refused.stderr:
        raise SmokeError("desk-admin acted without saying who acts", output(refused))
    return f"demo office in {db.name} ({db.stat().st_size // 1024} KiB){modes}; no login, no ticket"


def step_pdf(admin: str, home: Path, env: dict[str, str]) -> str:
    pdf = home / "RF-NO-ar.pdf"
    run([admin, "--home", str(home), "print", "instructions", "--procedure", "RF-NO", "--lang", "ar",
         "-o", str(pdf)], env)
    data = pdf.read_bytes() if pdf.is_file() else b""
    if not data.startswith(b"%PDF") or len(data) < 10_000:
        raise SmokeError(f"{pdf}: not a PDF, or an empty one ({len(data)} bytes)")
    if b"NotoNaskhArabic" not in data:  # the font file of desk_app/resources/fonts, so the resources were found
        raise SmokeError(f"{pdf}: the Arabic text is not set in the shipped Noto Naskh Arabic font")
    docx = home / "RF-NO-ar.docx"
    run([admin, "--home", str(home), "print", "instructions", "--procedure", "RF-NO", "--lang", "ar",
         "-o", str(docx)], env)
    try:
        with zipfile.ZipFile(docx) as archive:
            fonts = [name for name in archive.namelist() if name.startswith("word/fonts/")]
    except (OSError, zipfile.BadZipFile) as exc:
        raise SmokeError(f"{docx}: not a DOCX file ({exc})") from exc
    if not fonts:
        raise SmokeError(f"{docx}: no embedded fonts (word/fonts/)")
    return (f"Arabic instruction sheet: PDF {len(data) // 1024} KiB in Noto Naskh Arabic, "
            f"DOCX with {len(fonts)} embedded fonts")


def step_exports(admin: str, home: Path, env: dict[str, str]) -> str:
    """The supervisors' counts as XLSX (openpyxl), PDF (reportlab, Pillow) and DOCX (python-docx, lxml)."""
    today = datetime.now(ZoneInfo("Europe/Rome")).date().isoformat()  # the office's day, not the machine's
    magic = {"xlsx": b"PK", "pdf": b"%PDF", "docx": b"PK"}
    sizes = []
    for kind, start in magic.items():
        target = home / f"counts.{kind}"
        who, staff_env = as_staff(env, "responsabile")
        run([admin, "--home", str(home), *who, "export", "counts", "--from", today, "--to", today, "--format", kind,
             "-o", str(target)], staff_env)
        data = target.read_bytes() if target.is_file() else b""
        if not data.startswith(start) or len(data) < 1000:
            raise SmokeError(f"export counts --format {kind}: {target} is not a {kind.upper()} file")
        sizes.append(f"{kind} {len(data) // 1024} KiB")
    return "counts exported: " + ", ".join(sizes)


def read_log(home: Path, since: int = 0) -> str:
    log = home / "logs" / "desk-app.log"
    return log.read_text(encoding="utf-8", errors="replace")[since:] if log.is_file() else ""


def wait_for(gui: Gui, home: Path, text: str, since: int, at_least: float, at_most: float) -> bool:
    """Let ``gui`` run ``at_least`` seconds, longer (up to ``at_most``) until its log shows ``text``."""
    began = time.monotonic()
    while gui.process.poll() is None:
        elapsed = time.monotonic() - began
        if elapsed >= at_least and (text in read_log(home, since) or elapsed >= at_most):
            break
        time.sleep(0.2)
    return text in read_log(home, since)


def step_gui(app: str, home: Path, env: dict[str, str], seconds: float) -> str:
    gui = Gui([app, "--home", str(home)], env, home / "desk-app.stderr")
    began = time.monotonic()
    ready = wait_for(gui, home, "ready (schema", 0, seconds, seconds + 30)  # a slow CI machine gets more time
    ran = time.monotonic() - began
    ended = gui.stop()
    stderr = gui.stderr()
    if ended is not None:
        raise SmokeError(f"desk-app ended by itself after {ran:.1f} s (exit code {ended})", stderr)
    log = check_gui_log(home, stderr, "desk-app")
    if not ready:
        raise SmokeError(f"desk-app did not open the database in {ran:.0f} s", log)
    return f"desk-app ran {ran:.0f} s (offscreen), database ready, no traceback"


def free_desk(admin: str, home: Path, who: list[str], env: dict[str, str], desk: str) -> None:
    """Close the ticket ``desk`` holds, as its clerk would: the demo day leaves every desk serving someone.

    A call-next on a busy desk is refused ("... ha già il biglietto ... in corso"), so the board step first serves
    a called ticket and finishes it; a desk with nothing in hand is left as it is.
    """
    listed = run([admin, "--home", str(home), "--json", *who, "ticket", "list", "--desk", desk,
                  "--status", "called", "--status", "serving"], env).stdout
    try:
        tickets = json.loads(listed)
    except ValueError as exc:
        raise SmokeError(f"ticket list --json printed no JSON for desk {desk}", listed) from exc
    for ticket in tickets:
        if ticket.get("desk_code") != desk:  # the list holds every ticket of the services the desk calls
            continue
        if ticket["status"] == "called":
            run([admin, "--home", str(home), *who, "ticket", "serve", "--desk", desk], env)
        run([admin, "--home", str(home), *who, "ticket", "finish", "--desk", desk, "--outcome", "completed"], env)


def step_board(app: str, admin: str, home: Path, env: dict[str, str], seconds: float) -> str:
    since = len(read_log(home))
    board = Gui([app, "--home", str(home), "--board"], env, home / "board.stderr")
    try:
        if not wait_for(board, home, "display board of", since, 0, seconds + 30):
            raise SmokeError("desk-app --board did not show the board", board.stderr() + read_log(home, since))
        who, staff_env = as_staff(env, "operatore6")  # the clerk of desk D6
        free_desk(admin, home, who, staff_env, "D6")
        run([admin, "--home", str(home), *who, "ticket", "issue", "--service", "LEG"], staff_env)
        called = run([admin, "--home", str(home), *who, "ticket", "call-next", "--desk", "D6"],
                     staff_env).stdout.strip()
        time.sleep(3)  # the board's feed polls SQLite many times a second; the chime loads QtMultimedia on first use
    finally:
        ended = board.stop()
    stderr = board.stderr()
    if ended is not None:
        raise SmokeError(f"desk-app --board ended by itself (exit code {ended})", stderr)
    logged = read_log(home, since)
    number = re.search(r"\b[A-Z]+\d{3}\b", called)
    if number is None or f"board: {number.group(0)} called to D6" not in logged:
        raise SmokeError(f"the board did not show the call ({called})", stderr + logged)
    chime = [line for line in (stderr + logged).splitlines()
             if "the call chime is off" in line or "the call chime failed" in line]  # desk_app.gui.seams / board
    # QtMultimedia itself missing (a library left out of the package) fails; a machine without an audio device
    # (a CI runner) only silences the chime, which the app logs once and the board survives.
    missing = [line for line in chime if ("Error" in line and ("Import" in line or "NotFound" in line))
               or "the call chime failed" in line]
    if missing:
        raise SmokeError("the board could not load the call chime (QtMultimedia)", "\n".join(missing))
    check_gui_log(home, stderr, "desk-app --board", since)
    sound = "no audio device here: chime silenced and logged once" if chime else "chime through QtMultimedia"
    return f"board showed the call {number.group(0)} at D6, {sound}"


def step_postgres(admin: str, home: Path, env: dict[str, str], server: str) -> str:
    psql = shutil.which("psql")
    if psql is None:
        raise SmokeError("--postgres needs psql on PATH")
    name = f"smoke_{uuid.uuid4().hex[:10]}"
    parts = urlsplit(server)
    url = urlunsplit(("postgresql+psycopg", parts.netloc, f"/{name}", "", ""))
    run([psql, "-q", "-v", "ON_ERROR_STOP=1", server, "-c", f"CREATE DATABASE {name}"], env)
    try:
        run([admin, "--home", str(home), "--db", url, "--system", "db", "upgrade"], env)
        checked = run([admin, "--home", str(home), "--db", url, "--system", "db", "check"],
                      env).stdout.strip().splitlines()
    finally:
        run([psql, "-q", server, "-c", f"DROP DATABASE IF EXISTS {name}"], env)
    return f"PostgreSQL through psycopg: schema upgraded and checked ({checked[-1] if checked else 'ok'})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin", required=True, help="the desk-admin program to test")
    parser.add_argument("--app", required=True, help="the desk-app program to test (sportello in a bundle)")
    parser.add_argument("--seconds", type=float, default=5, help="how long the desk application runs (default 5)")
    parser.add_argument("--postgres", metavar="URL", help="also test a scratch database on this PostgreSQL server")
    parser.add_argument("--no-board", action="store_true", help="skip the display board and chime step")
    parser.add_argument("--keep", action="store_true", help="keep the temporary home and say where it is")
    args = parser.parse_args(argv)
    admin, app = (str(Path(p).resolve()) for p in (args.admin, args.app))
    for program in (admin, app):
        if not os.access(program, os.X_OK):
            print(f"smoke: {program} is not an executable file", file=sys.stderr)
            return 2

    home = Path(tempfile.mkdtemp(prefix="sportello-smoke-"))
    env = environment(home)
    steps: list[tuple[str, Callable[[], str]]] = [
        ("version", lambda: step_version(admin, env)),
        ("demo", lambda: step_demo(admin, home, env)),
        ("pdf", lambda: step_pdf(admin, home, env)),
        ("exports", lambda: step_exports(admin, home, env)),
        ("gui", lambda: step_gui(app, home, env, args.seconds)),
    ]
    if not args.no_board:
        steps.append(("board", lambda: step_board(app, admin, home, env, args.seconds)))
    if args.postgres:
        steps.append(("postgres", lambda: step_postgres(admin, home, env, args.postgres)))
    started = time.monotonic()
    try:
        for name, step in steps:
            began = time.monotonic()
            summary = step()
            print(f"smoke: ok {name:8} {time.monotonic() - began:5.1f} s  {summary}", flush=True)
    except (SmokeError, OSError) as exc:  # OSError: a program that cannot even be started
        print(f"smoke: FAILED {name}: {exc}", file=sys.stderr, flush=True)
        if isinstance(exc, SmokeError) and exc.details:
            print(exc.details, file=sys.stderr)
        print(f"smoke: the home is kept for inspection: {home}", file=sys.stderr)
        return 1
    if args.keep:
        print(f"smoke: home kept in {home}")
    else:
        shutil.rmtree(home, ignore_errors=True)
    print(f"smoke: all {len(steps)} steps passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
