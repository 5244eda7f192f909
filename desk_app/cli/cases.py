"""``case`` commands: the document checklist of a procedure at the counter, from the command line.

The same core service the desk window's checklist tab uses: open a case on a
procedure (optionally for today's ticket and a practice number), mark each
document presented / missing / not applicable, note, close with an outcome,
find and reopen by practice number on the next visit.
"""

from __future__ import annotations

import argparse

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.cases import CaseView
from desk_app.core.queue import LANGUAGES
from desk_app.core.validation import clean_id
from desk_app.db.models_content import CASE_OUTCOMES, ITEM_STATES
from desk_app.errors import NotFoundError

#: What the clerk recorded for a checklist item.
_STATE_NAMES = {"pending": DeskAdmin.tr("to check"), "presented": DeskAdmin.tr("presented"),
                "missing": DeskAdmin.tr("missing"), "not_applicable": DeskAdmin.tr("not applicable")}

# Words of the listings (translator comments on each), rendered in the staff language when printed.
#: a counter case, before its number
_CASE = DeskAdmin.tr("Case")
#: before a ticket number
_TICKET = DeskAdmin.tr("ticket")
#: the clerk's note on a case
_NOTE = DeskAdmin.tr("Note")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    case = commands.add_parser("case", help="document checklist of a procedure at the counter").add_subparsers(
        dest="case_command", required=True)

    open_ = case.add_parser("open", help="start a case on a procedure's current checklist")
    open_.add_argument("--procedure", required=True, metavar="CODE")
    open_.add_argument("--practice", metavar="NUMBER", help="practice number (optional)")
    open_.add_argument("--lang", dest="language", default="it", choices=LANGUAGES, help="the user's language")
    open_.add_argument("--ticket", metavar="NUMBER", help="today's ticket the case is worked on")
    open_.set_defaults(func=open_case)

    show = case.add_parser("show", help="a case and its checklist")
    show.add_argument("case_id", type=int)
    show.set_defaults(func=show_case)

    find = case.add_parser("find", help="cases of a practice number (the user's next visit)")
    find.add_argument("--practice", required=True, metavar="NUMBER")
    find.set_defaults(func=find_cases)

    mark = case.add_parser("mark", help="record what was seen for one document")
    mark.add_argument("case_id", type=int)
    mark.add_argument("item", metavar="ITEM_KEY")
    mark.add_argument("state", choices=ITEM_STATES)
    mark.add_argument("--note")
    mark.set_defaults(func=mark_item)

    note = case.add_parser("note", help="replace the case's note")
    note.add_argument("case_id", type=int)
    note.add_argument("text")
    note.set_defaults(func=set_note)

    close = case.add_parser("close", help="close the visit with an outcome")
    close.add_argument("case_id", type=int)
    close.add_argument("--outcome", required=True, choices=CASE_OUTCOMES)
    close.add_argument("--note")
    close.set_defaults(func=close_case)

    reopen = case.add_parser("reopen", help="the user is back: open the case again (same checklist version)")
    reopen.add_argument("case_id", type=int)
    reopen.add_argument("--ticket", metavar="NUMBER", help="today's ticket of this visit")
    reopen.set_defaults(func=reopen_case)


def _ticket_id(ctx: CliContext, number: str | None) -> int | None:
    """The id of today's ticket printed as ``number``."""
    if not number:
        return None
    wanted = number.strip().upper()
    statuses = ("waiting", "called", "serving", "parked", "done", "no_show", "cancelled")
    for ticket in ctx.core().queue.tickets(ctx.actor(), statuses=statuses):
        if ticket.number == wanted:
            return ticket.id
    raise NotFoundError("unknown_ticket", value=wanted)


def _lines(ctx: CliContext, case: CaseView) -> list[str]:
    head = (f"{ctx.t(_CASE)} {case.id} · {case.procedure_code} v{case.version} · "
            f"{case.practice_number or '-'} · {case.language} · {case.status}"
            + (f" · {case.outcome}" if case.outcome else "")
            + (f" · {ctx.t(_TICKET)} {case.ticket_number}" if case.ticket_number else ""))
    lines = [head]
    for entry in case.items:
        state = ctx.t(_STATE_NAMES[entry.state])
        flag = " *" if entry.item.verify else ""
        note = f" — {entry.note}" if entry.note else ""
        lines.append(f"  [{state:<14}] {entry.key:<24} {entry.item.text_it}{flag}{note}")
    if case.note:
        lines.append(f"  {ctx.t(_NOTE)}: {case.note}")
    return lines


def open_case(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().cases.open_case(ctx.actor(), args.procedure, args.language, practice_number=args.practice,
                                      ticket_id=_ticket_id(ctx, args.ticket))
    ctx.emit(view, _lines(ctx, view))
    return 0


def show_case(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().cases.get(ctx.actor(), clean_id(args.case_id, "case"))
    ctx.emit(view, _lines(ctx, view))
    return 0


def find_cases(ctx: CliContext, args: argparse.Namespace) -> int:
    views = ctx.core().cases.find_by_practice(ctx.actor(), args.practice)
    ctx.emit(views, [line for v in views for line in _lines(ctx, v)[:1]]
             or [ctx.t(DeskAdmin.tr("No cases."))])
    return 0 if views else 3


def mark_item(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().cases.mark_item(ctx.actor(), clean_id(args.case_id, "case"), args.item, args.state, args.note)
    ctx.emit(view, _lines(ctx, view))
    return 0


def set_note(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().cases.set_note(ctx.actor(), clean_id(args.case_id, "case"), args.text)
    ctx.emit(view, _lines(ctx, view))
    return 0


def close_case(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().cases.close(ctx.actor(), clean_id(args.case_id, "case"), args.outcome, args.note)
    ctx.emit(view, _lines(ctx, view))
    return 0


def reopen_case(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().cases.reopen(ctx.actor(), clean_id(args.case_id, "case"), _ticket_id(ctx, args.ticket))
    ctx.emit(view, _lines(ctx, view))
    return 0
