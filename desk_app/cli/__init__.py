"""``desk-admin``: console commands over the same core services the GUI uses.

Global options: ``--db URL``, ``--home DIR``, ``--json`` (machine-readable
output), ``--user NAME`` (act as that staff member, with that role's
permissions; default: the system actor ``cli:<os user>``, an admin, since
whoever runs this already holds the database credentials), ``--lang it|en``.

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
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from desk_app import __version__
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.errors import DeskError, NotFoundError
from desk_app.i18n import Context, Message


class DeskAdmin(Context):
    """Translation context of ``desk-admin``'s own text: ``ctx.t(DeskAdmin.tr("Created {username}."), username=...)``.

    English sources with ``str.format`` fields, collected by ``lupdate`` into the one catalogue
    (``translations/sportello_it.ts``, context ``DeskAdmin``); ``DeskAdmin.tr("%n ticket(s)", "", n)`` is a plural.
    """

#: Modules that add sub-commands. Features append theirs here.
COMMAND_MODULES = [
    "desk_app.cli.admin",
    "desk_app.cli.tickets",
    "desk_app.cli.reports",
    "desk_app.cli.content",
    "desk_app.cli.cases",
    "desk_app.cli.appointments",
]


def to_jsonable(value: Any) -> Any:
    """Dataclasses, dates, paths and tuples as plain JSON values."""
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (datetime, date)):
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
        self.settings = Settings.load(home=args.home, overrides={"db_url": args.db, "language": args.lang})
        self.lang = self.settings.language
        self._core: CoreServices | None = None
        self._actor: Actor | None = None

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

    def actor(self) -> Actor:
        """Who acts: ``--user NAME`` (must exist and be active) or the system actor."""
        if self._actor is None:
            name = self.args.user
            if not name:
                self._actor = Actor.system()
            else:
                found = [s for s in self.core().staff.list_staff(Actor.system()) if s.username == name.lower()]
                if not found or not found[0].active:
                    raise NotFoundError("unknown_staff", value=name)
                s = found[0]
                office_id = None
                if s.office_code:
                    office_id = self.core().offices.view(s.office_code).id
                self._actor = Actor(s.username, s.role, s.id, office_id, s.display_name)
        return self._actor

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
    parser.add_argument("--db", metavar="URL", help="database URL (default: DESK_APP_DB, settings, local SQLite)")
    parser.add_argument("--home", metavar="DIR", help="folder for every file the app writes (DESK_APP_HOME)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--user", metavar="NAME", help="act as this staff member (default: system actor)")
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
        ctx = CliContext(args)
        lang = ctx.lang
        result = args.func(ctx, args)
        return int(result or 0)
    except DeskError as exc:
        print(f"desk-admin: {exc.message(lang)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter from failing at exit
        return 0
    finally:
        if ctx is not None:
            ctx.close()


__all__ = ["COMMAND_MODULES", "CliContext", "DeskAdmin", "build_parser", "main", "to_jsonable"]
