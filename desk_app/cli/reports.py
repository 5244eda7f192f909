"""``export`` and ``demo`` commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.validation import parse_date


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="exports for supervisors").add_subparsers(
        dest="export_command", required=True)
    counts = export.add_parser("counts", help="daily counts per service and desk (no names)")
    counts.add_argument("--from", dest="start", required=True, metavar="DATE")
    counts.add_argument("--to", dest="end", required=True, metavar="DATE")
    counts.add_argument("--format", default="csv", choices=("csv", "xlsx", "pdf", "docx"))
    counts.add_argument("-o", "--output", required=True, metavar="FILE")
    counts.set_defaults(func=export_counts)

    demo = commands.add_parser("demo", help="create the demo office and simulate a day of tickets")
    demo.add_argument("--date", metavar="DATE", help="day to simulate (default: today, up to now)")
    demo.add_argument("--tickets", type=int, default=150, help="tickets in a full day (default 150)")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--waiting", type=int, default=8, help="walk-ins left waiting now, for a live queue")
    demo.set_defaults(func=run_demo)


def export_counts(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.validation import parse_date_range
    from desk_app.documents.counts import write_counts

    core = ctx.core()
    rows = core.reports.counts(ctx.actor(), args.start, args.end)
    start, end = parse_date_range(args.start, args.end)
    path = write_counts(rows, Path(args.output), args.format, core.offices.view().name, start, end)
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
