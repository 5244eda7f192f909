"""``appointments`` and ``mediators`` commands: calendars, bookings, check-in, mediator roster and agendas.

Times are the office's wall clock: ``--at "2026-12-08 09:20"``. Names appear
only where the command is about them (``book``, ``list --names``, ``search``),
and those reads are audited by the core.
"""

from __future__ import annotations

import argparse
from datetime import timedelta

from desk_app.cli import CliContext, DeskAdmin
from desk_app.cli.maintenance import purge_lines
from desk_app.clock import local_time
from desk_app.core.appointments import AppointmentView, hours_text, slot_label
from desk_app.core.mediators import AgendaEntry, MediatorBookingView
from desk_app.core.names import status_name
from desk_app.core.queue import LANGUAGES
from desk_app.core.schedule import local_label, parse_local
from desk_app.core.validation import clean_id, output_file, write_atomically
from desk_app.db.models_booking import MEDIATOR_MODES
from desk_app.errors import ValidationError

# Words of the listings (translator comments on each), rendered in the staff language when printed.
#: a counter, before its code
_DESK = DeskAdmin.tr("desk")
#: the mediator has arrived
_PRESENT = DeskAdmin.tr("present")
#: capacity of one appointment slot
_PLACES = DeskAdmin.tr("places")
#: places still free in a slot (plural)
_FREE = DeskAdmin.tr("free")
#: before a ticket number
_TICKET = DeskAdmin.tr("Ticket")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    appointments = commands.add_parser("appointments", help="appointment calendars and bookings").add_subparsers(
        dest="appointments_command", required=True)

    calendar = appointments.add_parser("calendar", help="set a service's calendar (hours, slots, places)")
    calendar.add_argument("--service", required=True, metavar="CODE")
    calendar.add_argument("--hours", required=True, help='e.g. "mon-fri 09:00-12:30, mon-thu 14:00-16:00"')
    calendar.add_argument("--slot", type=int, required=True, metavar="MINUTES", help="slot length")
    calendar.add_argument("--capacity", type=int, required=True, help="places per slot")
    calendar.add_argument("--early", type=int, default=15, metavar="MINUTES", help="on-time window before")
    calendar.add_argument("--late", type=int, default=15, metavar="MINUTES", help="on-time window after")
    calendar.add_argument("--horizon", type=int, default=60, metavar="DAYS", help="how far ahead to book")
    calendar.set_defaults(func=set_calendar)

    close = appointments.add_parser("close", help="close a day to appointments")
    close.add_argument("--day", required=True, metavar="DATE")
    close.add_argument("--reason", required=True)
    close.add_argument("--service", metavar="CODE", help="default: the whole office")
    close.set_defaults(func=close_day)

    slots = appointments.add_parser("slots", help="a day's slots and free places")
    slots.add_argument("--service", required=True, metavar="CODE")
    slots.add_argument("--day", required=True, metavar="DATE")
    slots.set_defaults(func=list_slots)

    book = appointments.add_parser("book", help="book a person into a slot")
    book.add_argument("--service", required=True, metavar="CODE")
    book.add_argument("--at", required=True, metavar='"DATE HH:MM"')
    book.add_argument("--name", required=True)
    book.add_argument("--practice", metavar="NUMBER")
    book.add_argument("--lang", dest="language", choices=LANGUAGES)
    book.add_argument("--mediator", action="store_true", help="the person needs a mediator")
    book.set_defaults(func=book_appointment)

    move = appointments.add_parser("move", help="move an appointment to another slot")
    move.add_argument("--id", type=int, required=True)
    move.add_argument("--at", required=True, metavar='"DATE HH:MM"')
    move.set_defaults(func=move_appointment)

    cancel = appointments.add_parser("cancel", help="cancel an appointment")
    cancel.add_argument("--id", type=int, required=True)
    cancel.add_argument("--reason", required=True)
    cancel.set_defaults(func=cancel_appointment)

    checkin = appointments.add_parser("checkin", help="the person has arrived: issue their ticket")
    checkin.add_argument("--id", type=int, required=True)
    checkin.set_defaults(func=check_in)

    listing = appointments.add_parser("list", help="a day's appointments")
    listing.add_argument("--day", required=True, metavar="DATE")
    listing.add_argument("--service", metavar="CODE")
    listing.add_argument("--names", action="store_true", help="show names and practice numbers (audited)")
    listing.set_defaults(func=list_appointments)

    search = appointments.add_parser("search", help="find appointments by name or practice number (audited)")
    search.add_argument("text")
    search.set_defaults(func=search_appointments)

    no_shows = appointments.add_parser("no-shows", help="mark appointments past their window as no-shows")
    no_shows.set_defaults(func=mark_no_shows)

    retention = appointments.add_parser("purge", help="the retention purge (as `retention purge`): names, practice "
                                        "numbers and notes older than the retention period; counts kept")
    retention.set_defaults(func=purge)

    mediators = commands.add_parser("mediators", help="mediator roster, bookings and agendas").add_subparsers(
        dest="mediators_command", required=True)

    add = mediators.add_parser("add", help="put a mediator on the roster")
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--lang", dest="languages", action="append", required=True, metavar="LL:LEVEL",
                     help="language and level 1-4, repeatable (ar:4)")
    add.add_argument("--org", default="", help="organisation (cooperative)")
    add.add_argument("--login", metavar="USERNAME", help="their staff account (role mediator)")
    add.set_defaults(func=add_mediator)

    availability = mediators.add_parser("availability", help="weekly pattern, absence or extra period")
    availability.add_argument("--code", required=True)
    what = availability.add_mutually_exclusive_group(required=True)
    what.add_argument("--pattern", help='weekly, e.g. "mon-fri 09:00-13:00 in_person; tue 14:00-16:00 phone"')
    what.add_argument("--absent", metavar="DATE", help="absent that day (or --from/--to of it)")
    what.add_argument("--extra", metavar="DATE", help="extra period that day (--from, --to, --mode)")
    availability.add_argument("--from", dest="start", metavar="HH:MM")
    availability.add_argument("--to", dest="end", metavar="HH:MM")
    availability.add_argument("--mode", choices=MEDIATOR_MODES)
    availability.add_argument("--reason", default="")
    availability.set_defaults(func=set_availability)

    mbook = mediators.add_parser("book", help="book a mediator (best free one unless --mediator)")
    mbook.add_argument("--lang", dest="language", choices=LANGUAGES, help="default: the appointment's/ticket's")
    mbook.add_argument("--from", dest="start", metavar='"DATE HH:MM"')
    mbook.add_argument("--to", dest="end", metavar='"DATE HH:MM"')
    mbook.add_argument("--mode", default="in_person", choices=MEDIATOR_MODES)
    mbook.add_argument("--desk", metavar="CODE")
    mbook.add_argument("--mediator", metavar="CODE")
    target = mbook.add_mutually_exclusive_group()
    target.add_argument("--appointment", type=int, metavar="ID")
    target.add_argument("--ticket", metavar="NUMBER")
    mbook.set_defaults(func=book_mediator)

    agenda = mediators.add_parser("agenda", help="bookings of a mediator (yours with --user as a mediator)")
    agenda.add_argument("--mediator", metavar="CODE", help="default: the acting mediator")
    agenda.add_argument("--from", dest="start", metavar="DATE", help="default: today")
    agenda.add_argument("--to", dest="end", metavar="DATE", help="default: a week from the start")
    agenda.add_argument("--ics", metavar="FILE", help="also write an iCalendar file to import")
    agenda.set_defaults(func=show_agenda)

    for name, help_text in (("confirm", "confirm your booking"), ("decline", "decline your booking"),
                            ("present", "the mediator has arrived"), ("cancel", "cancel a booking")):
        respond = mediators.add_parser(name, help=help_text)
        respond.add_argument("--booking", type=int, required=True, metavar="ID")
        if name == "decline":
            respond.add_argument("--reason", required=True)
        respond.set_defaults(func=respond_booking, response=name)

    waiting = mediators.add_parser("waiting", help="tickets waiting for their mediator")
    waiting.add_argument("--desk", metavar="CODE")
    waiting.set_defaults(func=show_waiting)


# -- helpers -------------------------------------------------------------------------------------------------------
def _tz(ctx: CliContext) -> str:
    return ctx.core().offices.view(ctx.settings.office_code or None).timezone


def _status(ctx: CliContext, status: str) -> str:
    return status_name(status, ctx.lang)


def describe_appointment(ctx: CliContext, view: AppointmentView, tz: str) -> str:
    day, at = local_label(view.starts_at, tz)
    who = f" {view.person_name}" + (f" ({view.practice_number})" if view.practice_number else "") \
        if view.person_name else ""
    extras = [x for x in (view.language, ctx.t(DeskAdmin.tr("mediator")) if view.needs_mediator else None,
                          view.ticket_number) if x]
    return f"#{view.id} {day} {at} {view.service_code} {_status(ctx, view.status)}{who}" + \
        (f" [{', '.join(extras)}]" if extras else "")


def describe_entry(ctx: CliContext, entry: AgendaEntry, tz: str) -> str:
    day, start = local_label(entry.starts_at, tz)
    desk = f" {ctx.t(_DESK)} {entry.desk_code}" if entry.desk_code else ""
    present = f" ({ctx.t(_PRESENT)})" if entry.present else ""
    return (f"#{entry.id} {day} {start}-{local_label(entry.ends_at, tz)[1]} {entry.language} {entry.mode}{desk} "
            f"{_status(ctx, entry.status)}{present}")


def describe_booking(ctx: CliContext, view: MediatorBookingView, tz: str) -> str:
    target = view.ticket_number or (f"#{view.appointment_id}" if view.appointment_id else ctx.t(DeskAdmin.tr("shift")))
    return f"{describe_entry(ctx, view.entry, tz)} - {view.mediator_code} {view.mediator_name} -> {target}"


# -- appointments --------------------------------------------------------------------------------------------------
def set_calendar(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().appointments.set_calendar(
        ctx.actor(), args.service, hours=args.hours, slot_minutes=args.slot, capacity=args.capacity,
        early_minutes=args.early, late_minutes=args.late, horizon_days=args.horizon)
    ctx.emit(view, f"{view.service_code}: {hours_text(view)}; {view.slot_minutes} min, {view.capacity} "
                   f"{ctx.t(_PLACES)}, -{view.early_minutes}/+{view.late_minutes} min")
    return 0


def close_day(ctx: CliContext, args: argparse.Namespace) -> int:
    affected = ctx.core().appointments.add_closure(ctx.actor(), args.day, args.reason, args.service)
    ctx.emit({"day": args.day, "booked_to_move": affected},
             ctx.t(DeskAdmin.tr("Closed. Appointments to move: {affected}"), affected=affected))
    return 0


def list_slots(ctx: CliContext, args: argparse.Namespace) -> int:
    day = ctx.core().appointments.slots(ctx.actor(), args.service, args.day)
    tz = _tz(ctx)
    if day.closed_reason:
        lines = [ctx.t(DeskAdmin.tr("Closed: {closed_reason}"), closed_reason=day.closed_reason)]
    else:
        lines = [f"{slot_label(s, tz)}  {s.free}/{s.capacity} {ctx.t(_FREE)}" for s in day.slots]
    ctx.emit(day, lines or [ctx.t(DeskAdmin.tr("No slots."))])
    return 0 if day.slots else 3


def book_appointment(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().appointments.book(ctx.actor(), args.service, parse_local(args.at, _tz(ctx)),
                                        person_name=args.name, practice_number=args.practice,
                                        language=args.language, needs_mediator=args.mediator)
    ctx.emit(view, describe_appointment(ctx, view, _tz(ctx)))
    return 0


def move_appointment(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().appointments.move(ctx.actor(), clean_id(args.id, "--id"), parse_local(args.at, _tz(ctx)))
    ctx.emit(view, describe_appointment(ctx, view, _tz(ctx)))
    return 0


def cancel_appointment(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().appointments.cancel(ctx.actor(), clean_id(args.id, "--id"), args.reason)
    ctx.emit(view, describe_appointment(ctx, view, _tz(ctx)))
    return 0


def check_in(ctx: CliContext, args: argparse.Namespace) -> int:
    done = ctx.core().appointments.check_in(ctx.actor(), clean_id(args.id, "--id"))
    arrival = {"on_time": ctx.t(DeskAdmin.tr("on time: appointment priority")),
               "early": ctx.t(DeskAdmin.tr("early: ordinary queue")),
               "late": ctx.t(DeskAdmin.tr("late: ordinary queue"))}[done.arrival]
    ctx.emit(done, f"{ctx.t(_TICKET)} {done.ticket.number} - {arrival}")
    return 0


def list_appointments(ctx: CliContext, args: argparse.Namespace) -> int:
    views = ctx.core().appointments.day(ctx.actor(), args.day, args.service, with_names=args.names)
    tz = _tz(ctx)
    ctx.emit(views, [describe_appointment(ctx, v, tz) for v in views] or [ctx.t(DeskAdmin.tr("No appointments."))])
    return 0 if views else 3


def search_appointments(ctx: CliContext, args: argparse.Namespace) -> int:
    views = ctx.core().appointments.search(ctx.actor(), args.text)
    tz = _tz(ctx)
    ctx.emit(views, [describe_appointment(ctx, v, tz) for v in views] or [ctx.t(DeskAdmin.tr("No match."))])
    return 0 if views else 3


def mark_no_shows(ctx: CliContext, args: argparse.Namespace) -> int:
    marked = ctx.core().appointments.mark_no_shows(ctx.actor())
    ctx.emit({"no_shows": marked}, ctx.t(DeskAdmin.tr("Marked no-show: {marked}"), marked=len(marked)))
    return 0 if marked else 3


def purge(ctx: CliContext, args: argparse.Namespace) -> int:
    """The retention purge under its older name: the same purge, the same lines and exit code as
    ``retention purge`` (it also clears ticket notes, mediator bookings and backups, so saying only
    appointments and cases would hide what it removed); the JSON keeps its two historical keys."""
    result = ctx.core().purge_expired_personal_data(ctx.actor())
    ctx.emit({"purged": result.appointments, "cases": result.cases}, purge_lines(ctx, result))
    return 0 if result.total or result.backups or result.backups_cleaned else 3


# -- mediators -----------------------------------------------------------------------------------------------------
def add_mediator(ctx: CliContext, args: argparse.Namespace) -> int:
    languages: dict[str, int] = {}
    for item in args.languages:
        code, _, level = item.partition(":")
        if not level.isdigit():
            raise ValidationError("bad_number", field="--lang", value=item)
        languages[code] = int(level)
    view = ctx.core().mediators.add_mediator(ctx.actor(), args.code, args.name, languages,
                                             organisation=args.org, username=args.login)
    ctx.emit(view, f"{view.code} {view.display_name}: " + ", ".join(f"{lang} {lvl}" for lang, lvl in view.languages))
    return 0


def set_availability(ctx: CliContext, args: argparse.Namespace) -> int:
    mediators = ctx.core().mediators
    if args.pattern:
        view = mediators.set_availability(ctx.actor(), args.code, args.pattern)
        ctx.emit(view, [p.describe() for p in view.availability])
        return 0
    day = args.absent or args.extra
    mediators.add_exception(ctx.actor(), args.code, day, available=bool(args.extra), starts=args.start,
                            ends=args.end, mode=args.mode, reason=args.reason)
    ctx.emit({"code": args.code, "day": day, "available": bool(args.extra)}, ctx.t(DeskAdmin.tr("Recorded.")))
    return 0


def book_mediator(ctx: CliContext, args: argparse.Namespace) -> int:
    tz = _tz(ctx)
    view = ctx.core().mediators.book(
        ctx.actor(), args.language, parse_local(args.start, tz) if args.start else None,
        parse_local(args.end, tz) if args.end else None, mode=args.mode, desk_code=args.desk,
        mediator_code=args.mediator,
        appointment_id=None if args.appointment is None else clean_id(args.appointment, "--appointment"),
        ticket=args.ticket.strip().upper() if args.ticket else None)
    ctx.emit(view, describe_booking(ctx, view, tz))
    return 0


def show_agenda(ctx: CliContext, args: argparse.Namespace) -> int:
    ics = output_file(args.ics) if args.ics else None  # a folder or a file in the way: refused before any work
    core, actor, tz = ctx.core(), ctx.actor(), _tz(ctx)
    start = args.start or local_time(core.clock.now(), tz).date().isoformat()
    end = args.end or (local_time(core.clock.now(), tz).date() + timedelta(days=7)).isoformat()
    if args.mediator:
        views = core.mediators.agenda(actor, args.mediator, start, end)
        entries = [v.entry for v in views]
        lines = [describe_booking(ctx, v, tz) for v in views]
        payload = core.mediators.agenda_ics(actor, args.mediator, start, end) if args.ics else None
    else:
        entries = core.mediators.my_agenda(actor, start, end)
        lines = [describe_entry(ctx, e, tz) for e in entries]
        payload = core.mediators.my_agenda_ics(actor, start, end) if args.ics else None
    if payload is not None and ics is not None:
        path = write_atomically(ics, lambda temporary: temporary.write_bytes(payload))
        lines.append(ctx.t(DeskAdmin.tr("Calendar written to {path}"), path=path.resolve()))
    ctx.emit(entries, lines or [ctx.t(DeskAdmin.tr("No bookings."))])
    return 0 if entries else 3


def respond_booking(ctx: CliContext, args: argparse.Namespace) -> int:
    mediators, actor = ctx.core().mediators, ctx.actor()
    if args.response == "confirm":
        entry = mediators.confirm(actor, clean_id(args.booking, "--booking"))
    elif args.response == "decline":
        entry = mediators.decline(actor, clean_id(args.booking, "--booking"), args.reason)
    elif args.response == "present":
        entry = mediators.mark_present(actor, clean_id(args.booking, "--booking"))
    else:
        entry = mediators.cancel_booking(actor, clean_id(args.booking, "--booking")).entry
    ctx.emit(entry, describe_entry(ctx, entry, _tz(ctx)))
    return 0


def show_waiting(ctx: CliContext, args: argparse.Namespace) -> int:
    held = ctx.core().mediators.waiting_for_mediator(ctx.actor(), args.desk)
    tz = _tz(ctx)
    reasons = {
        "no_language": ctx.t(DeskAdmin.tr("no language given")),
        "no_booking": ctx.t(DeskAdmin.tr("no mediator booked")),
        "booked_later": ctx.t(DeskAdmin.tr("mediator booked from")),
        "not_present": ctx.t(DeskAdmin.tr("mediator not here yet")),
    }
    lines = [f"{w.ticket_number} {w.service_code} {w.language or '-'}: {reasons[w.reason]}"
             + (f" {local_label(w.next_booking_at, tz)[1]}" if w.reason == "booked_later" and w.next_booking_at
                else "") for w in held]
    ctx.emit(held, lines or [ctx.t(DeskAdmin.tr("No ticket waits for a mediator."))])
    return 0 if held else 3
