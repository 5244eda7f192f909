"""``export`` and ``demo`` commands."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.reports import PERIODS
from desk_app.core.training import export_mark, export_path
from desk_app.core.validation import parse_date
from desk_app.errors import ValidationError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="exports for supervisors").add_subparsers(
        dest="export_command", required=True)
    counts = export.add_parser(
        "counts", help="daily counts per service and desk (no names)",
        epilog="For cron or the Windows Task Scheduler: --period names the last complete day, ISO week, month or "
               "quarter before today, and the file is named by it (conteggi_2026-11.csv, conteggi_2026-W48.xlsx, "
               "conteggi_2026-Q3.pdf, conteggi_2026-12-01.docx) in the folder -o names (default: here), or "
               "where -o has {period}.")
    counts.add_argument("--from", dest="start", metavar="DATE")
    counts.add_argument("--to", dest="end", metavar="DATE")
    counts.add_argument("--period", choices=PERIODS, help="instead of --from/--to")
    counts.add_argument("--format", default="csv", choices=("csv", "xlsx", "pdf", "docx"))
    counts.add_argument("-o", "--output", metavar="FILE",
                        help="the file; with --period a folder (default: here) or a name with {period}")
    counts.set_defaults(func=export_counts)

    breakdowns = export.add_parser(
        "breakdowns", help="the period by day, week, month, service, desk, hour, language, procedure and priority "
                           "(no names)",
        epilog="Waits and service times as average, median and 90th percentile, %% within target, no-shows, "
               "transfers, recalls, appointments kept and missed. XLSX: one sheet per breakdown with charts. "
               "--period and -o as for 'export counts' (prospetti_2026-11.xlsx).")
    breakdowns.add_argument("--from", dest="start", metavar="DATE")
    breakdowns.add_argument("--to", dest="end", metavar="DATE")
    breakdowns.add_argument("--period", choices=PERIODS, help="instead of --from/--to")
    breakdowns.add_argument("--format", default="xlsx", choices=("csv", "xlsx", "pdf", "docx"))
    breakdowns.add_argument("-o", "--output", metavar="FILE",
                            help="the file; with --period a folder (default: here) or a name with {period}")
    breakdowns.set_defaults(func=export_breakdowns)

    indicators = export.add_parser(
        "indicators", help="the project's monitoring indicators for a quarter or the whole project (no names)",
        epilog="People served by month, procedure and language; mediator hours by language; sheets printed by "
               "kind and language; referrals (none recorded yet). --period 2026-Q3, project (FAMI 2021-2027) or "
               "last-quarter (for a scheduler); the file is named by it (indicatori_2026-Q3.xlsx).")
    indicators.add_argument("--period", required=True, metavar="PERIOD")
    indicators.add_argument("--format", default="xlsx", choices=("csv", "xlsx", "pdf", "docx"))
    indicators.add_argument("-o", "--output", metavar="FILE",
                            help="a folder (default: here), a file, or a name with {period}")
    indicators.set_defaults(func=export_indicators)

    demo = commands.add_parser("demo", help="create the demo office and simulate a day of tickets")
    demo.add_argument("--date", metavar="DATE", help="day to simulate (default: today, up to now)")
    demo.add_argument("--tickets", type=int, default=150, help="tickets in a full day (default 150)")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--waiting", type=int, default=8, help="walk-ins left waiting now, for a live queue")
    demo.set_defaults(func=run_demo)


def counts_target(output: str | None, fmt: str, label: str, stem: str = "conteggi") -> str:
    """Where a ``--period`` export goes: ``<stem>_<label>.<fmt>`` in the folder ``output`` (default: the current
    one), or ``output`` with its ``{period}`` replaced by ``label``."""
    if output and "{period}" in output:
        return output.replace("{period}", label)
    return str(Path(output or ".") / f"{stem}_{label}.{fmt}")


def _range_and_target(ctx: CliContext, args: argparse.Namespace, stem: str) -> tuple[date, date, Path]:
    """The period (``--period``, or ``--from`` and ``--to``) and the file to write, checked before the export."""
    from desk_app.core.reports import period_range
    from desk_app.core.validation import output_file, parse_date_range

    if args.period:
        if args.start or args.end:
            raise ValidationError("period_or_dates")
        start, end, label = period_range(args.period, ctx.core().queue.today())
        return start, end, output_file(counts_target(args.output, args.format, label, stem))
    if not args.start or not args.end:
        raise ValidationError("required", field="--to" if args.start else "--from")
    start, end = parse_date_range(args.start, args.end)
    return start, end, output_file(args.output or "")  # a folder or a file in the way: refused before the export


def export_breakdowns(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.validation import write_atomically
    from desk_app.documents.breakdowns import write_breakdowns

    start, end, target = _range_and_target(ctx, args, "prospetti")
    core = ctx.core()
    result = core.reports.breakdowns(ctx.actor(), start, end)
    mark = export_mark(core.training)  # an export of the training office is marked, in its name and inside
    path = write_atomically(export_path(target, core.training),
                            lambda temporary: write_breakdowns(result, temporary, args.format, mark=mark))
    rows = sum(len(r) for r in result.tables.values())
    ctx.emit({"file": path.resolve(), "rows": rows},
             ctx.t(DeskAdmin.tr("Breakdowns exported: {rows} rows to {path}"), rows=rows, path=path.resolve()))
    return 0


def export_indicators(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.reports import indicator_period
    from desk_app.core.validation import output_file, write_atomically
    from desk_app.documents.indicators import write_indicators

    label = indicator_period(args.period, ctx.core().queue.today())[2]  # a bad period: refused before the export
    output = args.output
    if output and "{period}" not in output and Path(output).suffix.lower() == f".{args.format}":
        target = output_file(output)
    else:
        target = output_file(counts_target(output, args.format, label, "indicatori"))
    core = ctx.core()
    result = core.reports.indicators(ctx.actor(), args.period)
    mark = export_mark(core.training)
    path = write_atomically(export_path(target, core.training),
                            lambda temporary: write_indicators(result, temporary, args.format, mark=mark))
    served = sum(n for *_, n in result.served)
    ctx.emit({"file": path.resolve(), "period": result.label, "served": served,
              "referrals": result.referrals},
             ctx.t(DeskAdmin.tr("Indicators {period} exported to {path}: {served} people served"),
                   period=result.label, path=path.resolve(), served=served))
    return 0


def export_counts(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.validation import write_atomically
    from desk_app.documents.counts import write_counts

    start, end, target = _range_and_target(ctx, args, "conteggi")
    core = ctx.core()
    rows = core.reports.counts(ctx.actor(), start, end)
    office, mark = core.offices.view().name, export_mark(core.training)
    # whole or not at all: a full disk leaves no half file behind (and says so)
    path = write_atomically(export_path(target, core.training), lambda temporary: write_counts(
        rows, temporary, args.format, office, start, end, mark=mark))
    ctx.emit({"file": path.resolve(), "rows": [r.as_dict() for r in rows]},
             ctx.t(DeskAdmin.tr("Counts exported: {rows} rows to {path}"), rows=len(rows), path=path.resolve()))
    return 0


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.demo import DEMO_PASSWORD
    from desk_app.core.firstrun import DEMO_OPENING, load_demo, recent_morning

    core = ctx.core()
    day, opening = (parse_date(args.date), DEMO_OPENING) if args.date else recent_morning(core.clock.now())
    demo = load_demo(core, ctx.actor(), day=day, opening=opening, tickets=args.tickets, seed=args.seed,
                     waiting=max(0, args.waiting))
    created, result = demo.setup, demo.day
    lines = [
        ctx.t(DeskAdmin.tr("Demo office {office_code} ready; database: {database}"), office_code=result.office_code,
              database=core.db.describe()),
        ctx.t(DeskAdmin.tr("Simulated day {day}: issued {issued}, served {served}, no-shows {no_shows}, "
                           "transferred {transfers}, waiting now {waiting_left}"),
              day=result.day, issued=result.issued, served=result.served, no_shows=result.no_shows,
              transfers=result.transfers, waiting_left=result.waiting_left),
    ]
    if created.catalogue is not None:
        catalogue = created.catalogue
        lines.append(ctx.t(DeskAdmin.tr("Catalogue {catalogue_version}: {texts_added} texts added, "
                                        "{procedures_added} new procedures"),
                           catalogue_version=catalogue.catalogue_version, texts_added=catalogue.texts_added,
                           procedures_added=catalogue.procedures_added))
    if created.staff_created:
        lines.append(ctx.t(DeskAdmin.tr("Accounts created (password “{password}”): {usernames}"),
                           password=DEMO_PASSWORD, usernames=", ".join(created.staff_created)))
    ctx.emit({"result": result, "staff_created": created.staff_created, "catalogue": created.catalogue,
              "database": core.db.describe()}, lines)
    return 0
