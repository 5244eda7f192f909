"""``awareness`` commands: reception centres, awareness sessions, their counts and slides (issue 16).

Times are the office's wall clock (``--at "2026-12-10 10:00"``). Attendance is typed as counts,
``--count SEX:BAND=N`` (``f:18-25=4``, ``m:u18=2``; sex ``f``, ``m`` or ``x`` for other or not said; bands
``u18``, ``18-25``, ``26-35``, ``36-50``, ``o50``): never a name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.awareness import SessionView
from desk_app.core.names import status_name
from desk_app.core.queue import LANGUAGES
from desk_app.core.schedule import local_label, parse_local
from desk_app.core.training import export_mark, export_path, mark_sheet
from desk_app.core.validation import clean_id, output_file, parse_date_range, write_atomically
from desk_app.db.models_booking import MEDIATOR_MODES
from desk_app.errors import ValidationError

#: before the number of people present at a session
_PEOPLE = DeskAdmin.tr("people")
#: before the number of people referred to the anti-trafficking service
_REFERRALS = DeskAdmin.tr("referrals")
#: a session has no mediator booked
_NO_MEDIATOR = DeskAdmin.tr("no mediator")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    awareness = commands.add_parser(
        "awareness", help="awareness sessions on labour exploitation in the reception centres (counts, no names)"
    ).add_subparsers(dest="awareness_command", required=True)

    centre = awareness.add_parser("centre", help="add or change a reception centre")
    centre.add_argument("--code", required=True)
    centre.add_argument("--name", required=True)
    centre.add_argument("--address", default="")
    centre.add_argument("--managed-by", dest="managing_body", default="", help="the managing body (cooperative)")
    centre.set_defaults(func=save_centre)

    plan = awareness.add_parser("plan", help="plan a session, booking its mediator on the roster")
    plan.add_argument("--centre", required=True, metavar="CODE")
    plan.add_argument("--at", required=True, metavar='"DATE HH:MM"')
    plan.add_argument("--minutes", type=int, default=90)
    plan.add_argument("--lang", dest="language", required=True, choices=LANGUAGES, help="the language group")
    plan.add_argument("--operator-org", dest="organisation", required=True,
                      help="the anti-trafficking organisation holding the session")
    plan.add_argument("--operator", default="", help="the operator's name (staff side)")
    who = plan.add_mutually_exclusive_group()
    who.add_argument("--mediator", metavar="CODE", help="book this mediator")
    who.add_argument("--any-mediator", action="store_true", help="book the best free mediator of the language")
    plan.add_argument("--mode", default="in_person", choices=MEDIATOR_MODES)
    plan.set_defaults(func=plan_session)

    book = awareness.add_parser("book-mediator", help="(re)book the mediator of a planned session")
    book.add_argument("--id", type=int, required=True)
    book.add_argument("--mediator", metavar="CODE", help="default: the best free mediator of the language")
    book.set_defaults(func=book_mediator)

    record = awareness.add_parser("record", help="record a held session: people by sex and age band, referrals")
    record.add_argument("--id", type=int, required=True)
    record.add_argument("--count", action="append", default=[], metavar="SEX:BAND=N",
                        help="people of a sex and age band, repeatable (m:18-25=9)")
    record.add_argument("--referrals", type=int, default=0, help="referred to the anti-trafficking service")
    record.add_argument("--mediator-present", action="store_true", help="the booked mediator was there")
    record.set_defaults(func=record_session)

    cancel = awareness.add_parser("cancel", help="cancel a planned session (its mediator is freed)")
    cancel.add_argument("--id", type=int, required=True)
    cancel.add_argument("--reason", required=True)
    cancel.set_defaults(func=cancel_session)

    listing = awareness.add_parser("list", help="the sessions from a day to a day")
    listing.add_argument("--from", dest="start", required=True, metavar="DATE")
    listing.add_argument("--to", dest="end", required=True, metavar="DATE")
    listing.add_argument("--status", choices=("planned", "held", "cancelled"))
    listing.set_defaults(func=list_sessions)

    counts = awareness.add_parser(
        "counts", help="sessions, attendees by language, sex and age band, referrals of a period (no names)",
        epilog="--period 2026-11 (a month), 2026-Q3, project (FAMI 2021-2027) or last-month; the file is named by "
               "it (sensibilizzazione_2026-11.xlsx) in the folder -o names, or -o is the file.")
    counts.add_argument("--period", required=True)
    counts.add_argument("--format", default="xlsx", choices=("csv", "xlsx"))
    counts.add_argument("-o", "--output", metavar="FILE")
    counts.set_defaults(func=export_counts)

    slides = awareness.add_parser("slides", help="the slide deck (PDF or editable PPTX) or the handout (PDF) of a "
                                                 "session, in the group's language")
    slides.add_argument("--id", type=int, required=True)
    slides.add_argument("--lang", dest="language", choices=LANGUAGES, help="default: the session's language")
    slides.add_argument("--handout", action="store_true", help="the handout sheet instead of the slides")
    slides.add_argument("--format", default="pdf", choices=("pdf", "pptx"), help="of the slides (default pdf)")
    slides.add_argument("-o", "--output", required=True, metavar="FILE")
    slides.set_defaults(func=write_session_slides)


def _line(ctx: CliContext, view: SessionView, tz: str) -> str:
    day, start = local_label(view.starts_at, tz)
    mediator = f"{view.mediator_code} ({status_name(view.mediator_status or '', ctx.lang)})" \
        if view.mediator_code else ctx.t(_NO_MEDIATOR)
    text = (f"#{view.id} {day} {start} {view.minutes}' {view.centre_code} [{view.language}] "
            f"{status_name(view.status, ctx.lang)} · {view.operator_organisation} · {mediator}")
    if view.status == "held":
        text += f" · {ctx.t(_PEOPLE)} {view.attendees} · {ctx.t(_REFERRALS)} {view.referrals}"
    return text


def _tz(ctx: CliContext) -> str:
    return ctx.core().offices.view().timezone


def save_centre(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().awareness.save_centre(ctx.actor(), args.code, args.name, address=args.address,
                                            managing_body=args.managing_body)
    ctx.emit(view, ctx.t(DeskAdmin.tr("Reception centre {code} saved: {name}"), code=view.code, name=view.name))
    return 0


def plan_session(ctx: CliContext, args: argparse.Namespace) -> int:
    tz = _tz(ctx)
    view = ctx.core().awareness.plan(ctx.actor(), args.centre, parse_local(args.at, tz), args.minutes,
                                     args.language, args.organisation, args.operator,
                                     mediator_code=args.mediator, any_mediator=args.any_mediator, mode=args.mode)
    ctx.emit(view, ctx.t(DeskAdmin.tr("Session planned: {session}"), session=_line(ctx, view, tz)))
    return 0


def book_mediator(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().awareness.book_mediator(ctx.actor(), clean_id(args.id, "id"), args.mediator)
    ctx.emit(view, _line(ctx, view, _tz(ctx)))
    return 0


def parse_counts(items: list[str]) -> dict[tuple[str, str], str]:
    """``["m:18-25=9", ...]`` as ``{("m", "18-25"): "9"}``; the core checks the values."""
    counts: dict[tuple[str, str], str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        sex, colon, band = key.partition(":")
        if not sep or not colon:
            raise ValidationError("bad_choice", field="--count", value=item[:40], allowed="SEX:BAND=N (m:18-25=9)")
        counts[(sex.strip().lower(), band.strip().lower())] = value.strip()
    return counts


def record_session(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().awareness.record(ctx.actor(), clean_id(args.id, "id"), parse_counts(args.count),
                                       args.referrals, mediator_present=True if args.mediator_present else None)
    ctx.emit(view, ctx.t(DeskAdmin.tr("Session recorded: {session}"), session=_line(ctx, view, _tz(ctx))))
    return 0


def cancel_session(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().awareness.cancel(ctx.actor(), clean_id(args.id, "id"), args.reason)
    ctx.emit(view, ctx.t(DeskAdmin.tr("Session cancelled: {session}"), session=_line(ctx, view, _tz(ctx))))
    return 0


def list_sessions(ctx: CliContext, args: argparse.Namespace) -> int:
    start, end = parse_date_range(args.start, args.end)
    views = ctx.core().awareness.sessions(ctx.actor(), start, end, status=args.status)
    tz = _tz(ctx)
    ctx.emit(views, [_line(ctx, v, tz) for v in views])
    return 0 if views else 3


def export_counts(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.cli.reports import counts_target
    from desk_app.core.awareness import awareness_period
    from desk_app.documents.awareness import write_awareness_counts

    core = ctx.core()
    label = awareness_period(args.period, core.queue.today())[2]  # a bad period: refused before the export
    output = args.output
    if output and "{period}" not in output and Path(output).suffix.lower() == f".{args.format}":
        target = output_file(output)
    else:
        target = output_file(counts_target(output, args.format, label, "sensibilizzazione"))
    result = core.awareness.counts(ctx.actor(), args.period)
    mark = export_mark(core.training)  # an export of the training office is marked, in its name and inside
    path = write_atomically(export_path(target, core.training),
                            lambda temporary: write_awareness_counts(result, temporary, args.format, mark=mark))
    ctx.emit({"file": path.resolve(), "period": result.label, "held": result.held, "attendees": result.attendees,
              "referrals": result.referrals, "by_language": result.by_language()},
             ctx.t(DeskAdmin.tr("Awareness counts {period} exported to {path}: {held} sessions, {attendees} "
                                "people, {referrals} referrals"), period=result.label, path=path.resolve(),
                   held=result.held, attendees=result.attendees, referrals=result.referrals))
    return 0


def write_session_slides(ctx: CliContext, args: argparse.Namespace) -> int:
    core = ctx.core()
    target = export_path(output_file(args.output), core.training)
    sheet = core.awareness.handout(ctx.actor(), clean_id(args.id, "id"), args.language)
    if core.training:
        sheet = mark_sheet(sheet)
    if args.handout:
        from desk_app.documents.pdf import write_pdf

        path = write_atomically(target, lambda temporary: write_pdf(sheet, temporary))
        pages = 0
    else:
        from desk_app.documents.slides import write_slides
        from desk_app.documents.slides_pptx import write_pptx

        writer = write_pptx if args.format == "pptx" else write_slides
        counted: list[int] = []
        path = write_atomically(target, lambda temporary: counted.append(writer(sheet, temporary)))
        pages = counted[0] if counted else 0
    ctx.emit({"file": path.resolve(), "language": sheet.lang, "slides": pages, "status": sheet.status},
             ctx.t(DeskAdmin.tr("Written to {path} ({language}, translation {status})"), path=path.resolve(),
                   language=sheet.lang, status=sheet.status))
    return 0
