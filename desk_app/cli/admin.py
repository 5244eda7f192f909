"""Administration commands: ``db``, ``staff``, ``setup``, ``audit``, ``day``, ``config``."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.names import role_name
from desk_app.core.settings import SETTINGS
from desk_app.db import migrate
from desk_app.db.models import ROLES
from desk_app.errors import PermissionDeniedError, ValidationError

# Words of the listings (translator comments on each), rendered in the staff language when printed.
#: a staff account that can log in
_ACTIVE = DeskAdmin.tr("active")
#: a staff account that cannot log in
_DISABLED = DeskAdmin.tr("disabled")
#: before a service's code in the office summary
_SERVICE = DeskAdmin.tr("service")
#: a counter, before its code
_DESK = DeskAdmin.tr("desk")
#: the settings file, before its path
_FILE = DeskAdmin.tr("file")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="database schema").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="migrate to the newest schema (idempotent)").set_defaults(func=db_upgrade)
    db.add_parser("check", help="connectivity, schema revision, integrity").set_defaults(func=db_check)
    from desk_app.cli import maintenance  # retention purge, daily jobs, db backup/backups/restore

    maintenance.register(commands, db)

    staff = commands.add_parser("staff", help="staff accounts").add_subparsers(dest="staff_command", required=True)
    add = staff.add_parser("add", help="create an account")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--office", help="office code (default: the only office)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(func=staff_add)
    staff.add_parser("list", help="list accounts").set_defaults(func=staff_list)
    passwd = staff.add_parser("passwd", help="set a password (also clears a lockout)")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(func=staff_passwd)
    for name, active in (("disable", False), ("enable", True)):
        p = staff.add_parser(name, help=f"{name} an account")
        p.add_argument("username")
        p.set_defaults(func=staff_active, active=active)

    setup = commands.add_parser("setup", help="create or update the office, its services and desks")
    setup.add_argument("--file", help="TOML file with [office], [[service]], [[desk]]")
    setup.add_argument("--office", metavar="CODE", help="office code")
    setup.add_argument("--office-name", metavar="NAME")
    setup.add_argument("--address")
    setup.add_argument("--service", action="append", default=[], metavar="CODE:PREFIX:NAME[:MINUTES]",
                       help="a service (queue); repeatable")
    setup.add_argument("--desk", action="append", default=[], metavar="CODE:SERVICE[,SERVICE...][:NAME]",
                       help="a desk and the services it calls; repeatable")
    setup.add_argument("--admin", metavar="USERNAME",
                       help="also create the office's first administrator, in the same transaction")
    setup.add_argument("--admin-name", metavar="NAME", help="the administrator's display name")
    setup.add_argument("--password-stdin", action="store_true",
                       help="read the administrator's password from standard input")
    setup.set_defaults(func=setup_office)

    audit = commands.add_parser("audit", help="audit log").add_subparsers(dest="audit_command", required=True)
    audit.add_parser("verify", help="check the keyed hash chain and this PC's checkpoint").set_defaults(
        func=audit_verify)
    audit.add_parser("reanchor", help="after restoring an older database: accept the log's end as it is now, "
                                      "on record").set_defaults(func=audit_reanchor)

    day = commands.add_parser("day", help="end of day").add_subparsers(dest="day_command", required=True)
    close = day.add_parser("close", help="close tickets left open on earlier days")
    close.add_argument("--before", metavar="DATE", help="close days before this one (default: today)")
    close.set_defaults(func=day_close)

    config = commands.add_parser("config", help="show or change settings (admin or --system)")
    config.add_argument("assignments", nargs="*", metavar="NAME=VALUE")
    config.add_argument("--db-password", action="store_true",
                        help="store the PostgreSQL password of db_url in the keyring (else a 0600 pgpass file)")
    config.add_argument("--password-stdin", action="store_true", help="read that password from standard input")
    config.set_defaults(func=config_cmd)


def _password(ctx: CliContext, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():  # no terminal to ask on (a script, a pipe): say how instead of failing
        raise ValidationError("bad_setting", name="password",
                              reason=ctx.t(DeskAdmin.tr("no terminal to ask on: use --password-stdin")))
    try:
        first = getpass.getpass(ctx.t(DeskAdmin.tr("Password: ")))
        repeated = getpass.getpass(ctx.t(DeskAdmin.tr("Repeat password: ")))
    except EOFError as exc:
        raise ValidationError("required", field="password") from exc
    if repeated != first:
        raise ValidationError("bad_setting", name="password", reason=ctx.t(DeskAdmin.tr("the passwords differ")))
    return first


def db_upgrade(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.validation import ensure_folder
    from desk_app.db.engine import Database

    probe = Database(ctx.settings.database_url)
    if probe.sqlite_path is not None:  # a fresh --home: make the folders, so the file is created, not "unreachable"
        ctx.settings.paths.ensure()
        ensure_folder(probe.sqlite_path.parent)
    probe.dispose()
    core = ctx.core(upgrade=False)
    ctx.require("manage_db")
    result = core.upgrade_schema()
    text = (
        #: before/after are lists of schema revisions
        ctx.t(DeskAdmin.tr("Schema upgraded: {before} -> {after}"),
              before=sorted(result.before) or ctx.t(DeskAdmin.tr("empty")), after=sorted(result.after))
        if result.changed
        else ctx.t(DeskAdmin.tr("Schema already up to date ({revisions})."), revisions=", ".join(sorted(result.after)))
    )
    if result.backup:
        text += "\n" + ctx.t(DeskAdmin.tr("Backup: {backup}"), backup=result.backup)
    ctx.emit({"changed": result.changed, "before": result.before, "after": result.after, "backup": result.backup},
             text)
    return 0


def db_check(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.db.engine import Database
    from desk_app.errors import DatabaseError

    probe = Database(ctx.settings.database_url)
    if probe.sqlite_path is not None and not probe.sqlite_path.exists():  # checking must not create it
        raise DatabaseError("db_missing", path=str(probe.sqlite_path))
    core = ctx.core(upgrade=False)
    ctx.require("manage_db")
    current, heads = migrate.current_revisions(core.db), migrate.head_revisions()
    info: dict[str, Any] = {"database": core.db.describe(), "backend": core.db.dialect,
                            "revision": sorted(current), "expected": sorted(heads), "up_to_date": current == heads}
    if core.db.is_sqlite:
        with core.db.engine.connect() as conn:
            info["integrity"] = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            info["journal_mode"] = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
    ok = info["up_to_date"] and info.get("integrity", "ok") == "ok"
    lines = [f"{k}: {v}" for k, v in info.items()]
    if not info["up_to_date"]:
        lines.append(DatabaseError("db_outdated", current=",".join(info["revision"]) or "-",
                                   head=",".join(info["expected"])).message(ctx.lang))
    elif ok:
        lines.append(ctx.t(DeskAdmin.tr("Database in good order.")))
    ctx.emit(info, lines)
    return 0 if ok else 2


def staff_add(ctx: CliContext, args: argparse.Namespace) -> int:
    password = _password(ctx, args.password_stdin)
    view = ctx.core().staff.add_staff(ctx.actor(), args.username, args.name, args.role, password, args.office)
    role = role_name(view.role, ctx.lang)
    ctx.emit(view, ctx.t(DeskAdmin.tr("Created {username} ({role})."), username=view.username, role=role))
    return 0


def staff_list(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = ctx.core().staff.list_staff(ctx.actor())
    ctx.emit(rows, [f"{s.username:<16} {role_name(s.role, ctx.lang):<15} "
                    f"{(ctx.t(_ACTIVE) if s.active else ctx.t(_DISABLED)):<9} "
                    f"{s.display_name}" for s in rows])
    return 0


def staff_passwd(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.core().staff.set_password(ctx.actor(), args.username, _password(ctx, args.password_stdin))
    ctx.emit({"username": args.username}, ctx.t(DeskAdmin.tr("Password updated.")))
    return 0


def staff_active(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.core().staff.set_active(ctx.actor(), args.username, args.active)
    ctx.emit({"username": args.username, "active": args.active}, "ok")
    return 0


def _split(spec: str, parts: int) -> list[str]:
    pieces = spec.split(":", parts - 1)
    return pieces + [""] * (parts - len(pieces))


def setup_office(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.firstrun import AdminAccount, set_up_office
    from desk_app.core.office import read_setup_file

    core = ctx.core()
    actor = ctx.actor()
    first_setup = actor.can("first_setup") and not actor.can("manage_setup")  # --system
    if first_setup and not args.admin:  # an office nobody could log in to: the first set-up names its admin
        raise PermissionDeniedError("system_setup_only")
    if args.file:
        setup = read_setup_file(args.file)
    else:
        services = []
        for spec in args.service:
            code, prefix, name, minutes = _split(spec, 4)
            services.append({"code": code, "prefix": prefix, "name": name, "target_wait_minutes": minutes or 20})
        desks = []
        for spec in args.desk:
            code, service_list, name = _split(spec, 3)
            desks.append({"code": code, "name": name or code,
                          "services": [s for s in service_list.split(",") if s]})
        setup = {"office": {"code": args.office, "name": args.office_name or args.office, "address": args.address},
                 "service": services, "desk": desks}
    if args.admin:  # the first run: office, administrator and catalogue together, or nothing
        admin = AdminAccount(args.admin, args.admin_name or "", _password(ctx, args.password_stdin))
        view = set_up_office(core, actor, setup, admin, first_run=first_setup)
    else:
        view = core.offices.apply(actor, setup)
    lines = [f"{view.code}: {view.name}"]
    lines += [f"  {ctx.t(_SERVICE)} {s.code} ({s.prefix}) {s.name}" for s in view.services]
    lines += [f"  {ctx.t(_DESK)} {d.code}: {', '.join(d.service_codes)}" for d in view.desks]
    if args.admin:
        lines.append(ctx.t(DeskAdmin.tr("  administrator {username}"), username=args.admin.lower()))
    ctx.emit(view, lines)
    return 0


def audit_reanchor(ctx: CliContext, args: argparse.Namespace) -> int:
    result = ctx.core().audit.reanchor(ctx.actor())
    ctx.emit(result, ctx.t(DeskAdmin.tr("Audit checkpoint moved to the head, on record: {count} events, head hash "
                                        "{head}"), count=result.count, head=result.head))
    return 0


def audit_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    result = ctx.core().audit.verify(ctx.actor())
    lines = [ctx.t(DeskAdmin.tr("Audit log intact: {count} events, head hash {head}"),
                   count=result.count, head=result.head)]
    if result.legacy:
        lines.append(ctx.t(DeskAdmin.tr("  the first {legacy} events predate the audit key: their chain is checked, "
                                        "anchored by the keyed events after them"), legacy=result.legacy))
    if result.checkpoint is None and result.count:
        lines.append(ctx.t(DeskAdmin.tr("  no checkpoint on this PC yet: deleted last events could not be ruled out "
                                        "this time (the checkpoint now names the head)")))
    ctx.emit(result, lines)
    return 0


def day_close(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.validation import parse_date

    before = parse_date(args.before) if args.before else None
    closed = ctx.core().queue.close_day(ctx.actor(), before)
    ctx.emit({"closed": closed}, ctx.t(DeskAdmin.tr("Tickets closed: {closed}"), closed=closed))
    return 0 if closed else 3


def config_cmd(ctx: CliContext, args: argparse.Namespace) -> int:
    """Show or change the settings; never prints a password (``db_url`` masked, ``db_password`` says where)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from desk_app.db import credentials

    ctx.require("manage_db")  # the settings choose the database: whoever may manage it
    notes = []
    moved = ctx.settings.move_password_out()
    if moved:
        notes.append(ctx.t(DeskAdmin.tr("The database password was moved out of the settings file to: {where}"),
                           where=moved))
    changes = {}
    for assignment in args.assignments:
        name, sep, value = assignment.partition("=")
        if not sep:
            raise ValidationError("bad_setting", name=assignment, reason="NAME=VALUE")
        changes[name.strip()] = value.strip()
    if changes:
        ctx.settings.save(**changes)
    data = {s.name: getattr(ctx.settings, s.name) for s in SETTINGS}
    passfile = ctx.settings.paths.pgpass_file
    try:  # DESK_APP_DB may carry a password: shown masked, like every URL the app prints
        url = make_url(ctx.settings.database_url)
    except (ArgumentError, ValueError):
        url = None
        data["db_url"] = credentials.mask_url(str(data["db_url"]))
    if url is not None:
        data["db_url"] = url.render_as_string(hide_password=True) if data["db_url"] else ""
        if args.db_password:
            if url.get_backend_name() not in {"postgresql", "postgres"}:
                raise ValidationError("bad_setting", name="db_password",
                                      reason=ctx.t(DeskAdmin.tr("only a PostgreSQL database has a password")))
            where = credentials.store_password(url, _password(ctx, args.password_stdin), passfile)
            notes.append(ctx.t(DeskAdmin.tr("Database password stored in: {where}"), where=where))
    source = "" if url is None else (
        "(DESK_APP_DB, --db -)" if url.password else credentials.password_source(url, passfile))
    ctx.emit({"file": ctx.settings.paths.settings_file, "settings": data, "db_password": source},
             notes + [f"{ctx.t(_FILE)}: {ctx.settings.paths.settings_file}"]
             + [f"{s.name} = {data[s.name]!r}    # {s.description}" for s in SETTINGS]
             #: where the database password is kept (never the password itself)
             + [f"db_password = {source or '-'}    # {ctx.t(DeskAdmin.tr('keyring or pgpass file, never shown'))}"])
    return 0
