"""``desk-admin``: console commands over the same core services the GUI uses.

Global options: ``--db URL``, ``--home DIR``, ``--json`` (machine-readable
output), ``--lang it|en``, and who acts, for every command that acts on behalf
of someone (there is no default actor):

* ``--user NAME``: that staff member, with their role's permissions, after
  :meth:`~desk_app.core.auth.StaffService.login` with their password (same
  lockout as the desk app). The password is asked on the terminal (``getpass``),
  or read from the first line of standard input (``--password-stdin``), or taken
  from ``DESK_APP_PASSWORD`` (for scripts; removed from the environment at once
  so child processes do not inherit it). Never an argument: argv is public.
* ``--system``: the machine owner's own jobs (:meth:`Actor.machine_owner`, role
  ``system``): ``db`` commands, ``config``, the first set-up of an empty database
  (``setup --admin``, ``demo``), ``day close`` and ``appointments purge`` from a
  scheduler, ``audit verify``. Audited as ``system (OS user NAME)``; anything done
  for a person (tickets, staff, exports) is refused (``needs_person``). With a
  SQLite database, only the OS user owning the file may use it.

``db`` and ``config`` commands need the ``manage_db`` permission of that actor
(admin or ``--system``): :meth:`CliContext.require`.

Exit codes: 0 ok; 2 bad input or unreachable database (one clear line on
stderr, no traceback); 3 nothing to do (e.g. empty queue).

Each feature module in :data:`COMMAND_MODULES` exposes
``register(subparsers) -> None`` and sets ``func(ctx, args) -> int | None`` as
the handler of each sub-command it adds.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from desk_app import __version__
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import ENV_DB, Settings
from desk_app.errors import DeskError, PermissionDeniedError, ValidationError
from desk_app.i18n import Context, Message
from desk_app.private_files import owner_only_umask


class DeskAdmin(Context):
    """Translation context of ``desk-admin``'s own text: ``ctx.t(DeskAdmin.tr("Created {username}."), username=...)``.

    English sources with ``str.format`` fields, collected by ``lupdate`` into the one catalogue
    (``translations/sportello_it.ts``, context ``DeskAdmin``); ``DeskAdmin.tr("%n ticket(s)", "", n)`` is a plural.
    """

#: For scripts: the password of ``--user`` (read once, then removed from the environment). Trade-off: the
#: environment is not in the process list (``ps``) as arguments are, and ``/proc/PID/environ`` is readable by
#: the same OS user and root only, but it is inherited by every child the script starts and easily ends up in
#: shell history or a crontab; prefer ``--password-stdin`` from a 0600 file.
ENV_PASSWORD = "DESK_APP_PASSWORD"

#: Modules that add sub-commands. Features append theirs here.
COMMAND_MODULES = [
    "desk_app.cli.admin",
    "desk_app.cli.tickets",
    "desk_app.cli.reports",
    "desk_app.cli.content",
    "desk_app.cli.cases",
    "desk_app.cli.appointments",
    "desk_app.cli.awareness",
    "desk_app.cli.practices",
    "desk_app.cli.directory",  # the directory's review commands (issue 15)
    "desk_app.cli.directory_exchange",  # after the directory's own commands, if any: it joins their group
]


def to_jsonable(value: Any) -> Any:
    """Dataclasses, dates, paths and tuples as plain JSON values."""
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (datetime, date, time)):  # time: opening hours of the directory (issue 15)
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, (Path, Enum)):
        return str(value)
    return value


class CliContext:
    """What every command handler gets: settings, services (built on first use), output helpers."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.json = bool(args.json)
        db_url, environ = args.db, None
        if db_url == "-":  # the URL from standard input's first line: a password in it stays out of the process list
            environ = {**os.environ, ENV_DB: sys.stdin.readline().strip()}
            db_url = None
        self.settings = Settings.load(home=args.home, overrides={"db_url": db_url, "language": args.lang},
                                      environ=environ)
        self.lang = self.settings.language
        for problem in self.settings.problems:  # a refused value of the settings file: said, its default used
            print(f"desk-admin: {problem.message(self.lang)}", file=sys.stderr)
        self._core: CoreServices | None = None
        self._actor: Actor | None = None
        self._password: str | None = None

    def core(self, *, upgrade: bool = True) -> CoreServices:
        """The core services; the schema is brought up to date first (SQLite copied to backups before)."""
        if self._core is None:
            core = CoreServices.build(self.settings)
            if upgrade:
                core.upgrade_schema()
            else:
                core.db.ping()
            self._core = core
        return self._core

    @property
    def system_mode(self) -> bool:
        """``--system``: the machine owner acts, for no person."""
        return bool(getattr(self.args, "system", False))

    def read_password(self) -> None:
        """Take the ``--user`` password now, before the command reads standard input for its own.

        From the first line of standard input (``--password-stdin``), else ``DESK_APP_PASSWORD``
        (then removed from the environment), else asked on the terminal; with none of them, one
        sentence says how (``no_password_source``).
        """
        user = self.args.user
        if not user or self._password is not None:
            return
        if getattr(self.args, "login_password_stdin", False):
            self._password = sys.stdin.readline().rstrip("\r\n")
        elif os.environ.get(ENV_PASSWORD) is not None:
            self._password = os.environ.pop(ENV_PASSWORD)
        elif sys.stdin is not None and sys.stdin.isatty():
            import getpass

            try:
                self._password = getpass.getpass(self.t(DeskAdmin.tr("Password of {user}: "), user=user))
            except EOFError as exc:
                raise ValidationError("required", field="password") from exc
        else:
            raise ValidationError("no_password_source", user=user)

    def actor(self) -> Actor:
        """Who acts: ``--user NAME`` once logged in with their password, or ``--system``'s machine owner.

        Neither: ``no_actor``. A wrong password, a locked or a disabled account: the core's login
        refuses (and counts the attempt towards the lockout, as at a desk).
        """
        if self._actor is None:
            if self.system_mode:
                self._check_machine_owner()
                self._actor = Actor.machine_owner()
            elif self.args.user:
                self.read_password()
                password, self._password = self._password or "", ""
                self._actor = self.core().staff.login(self.args.user, password)
            else:
                raise PermissionDeniedError("no_actor")
        return self._actor

    def require(self, action: str) -> Actor:
        """The actor, if its role allows ``action`` (``manage_db`` for ``db`` and ``config``); else refused.

        The rule for commands that are not core actions: the core's :class:`Actor` decides, and a
        refusal is audited when the database is open.
        """
        actor = self.actor()
        if not actor.can(action):
            if self._core is not None:
                self._core.authorizer.require(actor, action, "cli", self.command_name())
            raise PermissionDeniedError(role=actor.role, action=action)
        return actor

    def command_name(self) -> str:
        """The command as typed without its arguments: ``db upgrade``, ``ticket issue``."""
        words = [str(self.args.command)]
        sub = getattr(self.args, f"{self.args.command}_command", None) if self.args.command else None
        if sub:
            words.append(str(sub))
        return " ".join(words)

    def _check_machine_owner(self) -> None:
        """``--system`` on a SQLite database: only its file's owner (or root) is the machine owner."""
        if os.name != "posix":  # pragma: no cover - Windows: the profile folder's ACL decides who opens it
            return
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(self.settings.database_url)
        except (ArgumentError, ValueError):
            return  # the database layer says what is wrong with it
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return  # PostgreSQL: the credentials of this OS user (keyring, pgpass) are the gate
        try:
            owner = Path(url.database).stat().st_uid
        except OSError:
            return  # not there yet: the first set-up creates it, owned by whoever runs it
        if owner != os.geteuid() and os.geteuid() != 0:
            try:
                import pwd

                owner_name = pwd.getpwuid(owner).pw_name
            except (ImportError, KeyError):
                owner_name = str(owner)
            raise PermissionDeniedError("system_not_owner", path=str(url.database), owner=owner_name)

    def audit_system_command(self, exit_code: int) -> None:
        """Record a ``--system`` command in the audit log as ``system (OS user NAME)``, with its exit code.

        Only when the command opened the database (or it can be opened without creating it): a
        ``config`` of an unreachable database is still allowed, and says it was not audited.
        """
        if not self.system_mode or self._actor is None:
            return
        try:
            if self._core is None:
                if exit_code != 0:
                    return  # it failed before opening the database: nothing happened there to record
                from desk_app.db.engine import Database

                probe = Database(self.settings.database_url)
                if probe.sqlite_path is not None and not probe.sqlite_path.exists():
                    return  # nothing was opened, nothing to record in
                self.core(upgrade=False)
            assert self._core is not None
            outcome = "ok" if exit_code in (0, 3) else "failed"
            self._core.audit.record_now(self._actor.audit, "system.command", "cli", self.command_name(),
                                        outcome=outcome, detail={"exit": exit_code})
        except DeskError as exc:
            print(f"desk-admin: {self.t(DeskAdmin.tr('not recorded in the audit log'))}: {exc.message(self.lang)}",
                  file=sys.stderr)

    def emit(self, data: Any, text: str | Sequence[str] = "") -> None:
        """Print ``data`` as JSON with ``--json``, else ``text`` (a line or lines)."""
        if self.json:
            print(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2))
        elif isinstance(text, str):
            if text:
                print(text)
        else:
            for line in text:
                print(line)

    def t(self, text: Message, **params: Any) -> str:
        """``text`` (a :class:`DeskAdmin` message) in the staff language, its fields filled from ``params``."""
        return text.render(self.lang, **params)

    def close(self) -> None:
        if self._core is not None:
            self._core.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk-admin", description="Sportello: administration and scripted work.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="URL",
                        help="database URL without a password (default: DESK_APP_DB, settings, local SQLite); "
                             "'-' reads it from the first line of standard input")
    parser.add_argument("--home", metavar="DIR", help="folder for every file the app writes (DESK_APP_HOME)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--user", metavar="NAME",
                     help="act as this staff member, after their password (asked, --password-stdin, or "
                          f"{ENV_PASSWORD})")
    who.add_argument("--system", action="store_true",
                     help="act as this machine's owner, for no person: db, config, first set-up, day close, "
                          "purge, audit verify")
    parser.add_argument("--password-stdin", dest="login_password_stdin", action="store_true",
                        help="read the --user password from the first line of standard input (the second "
                         "with --db -)")
    parser.add_argument("--lang", choices=("it", "en"), help="language of messages (default: setting, it)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``desk-admin``; returns the exit code."""
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--json" in arguments:  # accepted after the sub-command too, where people naturally type it
        arguments = ["--json"] + [a for a in arguments if a != "--json"]
    args = parser.parse_args(arguments)
    ctx: CliContext | None = None
    lang = args.lang or "it"
    try:
        with owner_only_umask():  # every file written from here on is the owner's alone
            try:
                ctx = CliContext(args)
                lang = ctx.lang
                ctx.read_password()
                if ctx.system_mode:  # the machine owner is checked before any database is opened
                    ctx.actor()
                code = int(args.func(ctx, args) or 0)
            except DeskError as exc:
                print(f"desk-admin: {exc.message(lang)}", file=sys.stderr)
                code = exc.exit_code
            if ctx is not None:
                ctx.audit_system_command(code)
            return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter from failing at exit
        return 0
    except OSError as exc:  # a file a command writes or reads: a full disk, a folder in the way - one sentence
        from desk_app.core.validation import file_error

        print(f"desk-admin: {file_error(exc, exc.filename or '-').message(lang)}", file=sys.stderr)
        return 2
    finally:
        if ctx is not None:
            ctx.close()


__all__ = ["COMMAND_MODULES", "CliContext", "DeskAdmin", "build_parser", "main", "to_jsonable"]
