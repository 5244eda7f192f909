"""``retention``, ``daily`` and ``db backup|backups|restore``: the retention purge and the backups.

``desk-admin daily`` is what every desk runs at start and while running (today's
purge and backup, each once a day for the whole office), for a PC where no desk
runs every day: put it in cron or the Task Scheduler, e.g.
``15 7 * * * desk-admin daily``. The commands act as whatever actor the command
line gives (``--user`` or the system actor); the core checks the permissions.
"""

from __future__ import annotations

import argparse

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.retention import RetentionResult


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser],
             db: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``retention`` and ``daily`` to ``commands``, and ``backup``, ``backups``, ``restore`` to ``db``."""
    retention = commands.add_parser("retention", help="personal data past the retention period").add_subparsers(
        dest="retention_command", required=True)
    purge = retention.add_parser("purge", help="remove names, practice numbers and notes older than retention_days "
                                               "(appointments, convocations, cases, tickets, mediator bookings, "
                                               "old backups); counts are kept")
    purge.add_argument("--dry-run", action="store_true", help="only count what would be removed")
    purge.set_defaults(func=retention_purge)

    commands.add_parser("daily", help="today's retention purge and backup, unless already done today (for cron)") \
        .set_defaults(func=daily)

    backup = db.add_parser("backup", help="copy the database into the backups folder, checked and rotated")
    backup.set_defaults(func=db_backup)
    db.add_parser("backups", help="list the copies in the backups folder").set_defaults(func=db_backups)
    restore = db.add_parser("restore", help="replace the database with a backup copy (close every desk first)")
    restore.add_argument("file", help="the copy (.sqlite3 for SQLite, .dump for PostgreSQL)")
    restore.add_argument("--force", action="store_true", help="yes, replace the whole database")
    restore.set_defaults(func=db_restore)


def purge_lines(ctx: CliContext, result: RetentionResult) -> list[str]:
    """The counts of a purge, one line each."""
    head = (ctx.t(DeskAdmin.tr("Would remove personal data older than {days} days (before {cutoff}):"),
                  days=result.retention_days, cutoff=result.cutoff.date().isoformat())
            if result.dry_run else
            ctx.t(DeskAdmin.tr("Removed personal data older than {days} days (before {cutoff}):"),
                  days=result.retention_days, cutoff=result.cutoff.date().isoformat()))
    return [head,
            #: counts of the retention purge, one per line
            ctx.t(DeskAdmin.tr("  appointments: {count} (of which convocations: {convocations})"),
                  count=result.appointments, convocations=result.convocations),
            ctx.t(DeskAdmin.tr("  cases: {count}"), count=result.cases),
            ctx.t(DeskAdmin.tr("  ticket notes: {count}"), count=result.ticket_notes),
            ctx.t(DeskAdmin.tr("  mediator bookings: {count}"), count=result.mediator_bookings),
            ctx.t(DeskAdmin.tr("  backup copies: {count}"), count=result.backups),
            #: younger backup copies in which the same personal data was removed too
            ctx.t(DeskAdmin.tr("  backup copies cleaned: {count}"), count=result.backups_cleaned)]


def retention_purge(ctx: CliContext, args: argparse.Namespace) -> int:
    result = ctx.core().retention.purge(ctx.actor(), dry_run=args.dry_run)
    ctx.emit(result, purge_lines(ctx, result))
    return 0 if result.total or result.backups or result.backups_cleaned else 3


def daily(ctx: CliContext, args: argparse.Namespace) -> int:
    runs = ctx.core().run_daily_jobs(ctx.actor())
    if runs.purge:
        lines = purge_lines(ctx, runs.purge)
    elif "purge" in runs.failed:
        lines = [ctx.t(DeskAdmin.tr("Retention purge not run: {reason}"),
                       reason=runs.failed["purge"].message(ctx.lang))]
    else:
        lines = [ctx.t(DeskAdmin.tr("Retention purge: already done today."))]
    if runs.backup:
        lines.append(ctx.t(DeskAdmin.tr("Backup: {file}"), file=runs.backup.copy.path))
    elif "backup" in runs.failed:
        lines.append(ctx.t(DeskAdmin.tr("Backup not run: {reason}"), reason=runs.failed["backup"].message(ctx.lang)))
    else:
        lines.append(ctx.t(DeskAdmin.tr("Backup: already done today.")))
    ctx.emit({"purge": runs.purge, "backup": runs.backup,
              "failed": {job: exc.message(ctx.lang) for job, exc in runs.failed.items()}}, lines)
    if runs.failed:
        return 2
    return 0 if runs.purge or runs.backup else 3


def db_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    result = ctx.core().backups.backup(ctx.actor())
    lines = [ctx.t(DeskAdmin.tr("Backup written: {file} ({size} bytes, integrity {check})"),
                   file=result.copy.path, size=result.copy.size, check=result.check)]
    if result.rotated:
        lines.append(ctx.t(DeskAdmin.tr("Older copies removed by the rotation: {count}"), count=len(result.rotated)))
    ctx.emit(result, lines)
    return 0


def db_backups(ctx: CliContext, args: argparse.Namespace) -> int:
    copies = ctx.core().backups.copies(ctx.actor())
    ctx.emit(copies, [f"{c.taken_at:%Y-%m-%d %H:%M} UTC  {c.kind:<11} {c.size:>12}  {c.path}" for c in copies]
             or [ctx.t(DeskAdmin.tr("No backup copies."))])
    return 0 if copies else 3


def db_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    result = ctx.core(upgrade=False).backups.restore(ctx.actor(), args.file, force=args.force)
    lines = [ctx.t(DeskAdmin.tr("Database restored from {file}."), file=result.source)]
    if result.safety_copy:
        lines.append(ctx.t(DeskAdmin.tr("The replaced database was copied to {file}."), file=result.safety_copy))
    ctx.emit(result, lines)
    return 0
