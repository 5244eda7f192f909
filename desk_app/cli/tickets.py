"""``ticket`` commands: the whole queue life cycle from the command line."""

from __future__ import annotations

import argparse

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.names import status_name
from desk_app.core.queue import LANGUAGES, OUTCOMES, PRIORITY_HEAD_START, TicketRef, TicketView
from desk_app.db.models import TICKET_STATUSES

# Words of the listings (translator comments on each), rendered in the staff language when printed.
#: a counter, before its code
_DESK = DeskAdmin.tr("desk")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ticket = commands.add_parser("ticket", help="queue tickets").add_subparsers(dest="ticket_command", required=True)

    issue = ticket.add_parser("issue", help="issue a ticket")
    issue.add_argument("--service", required=True, metavar="CODE")
    issue.add_argument("--priority", default="ordinary", choices=tuple(PRIORITY_HEAD_START))
    issue.add_argument("--lang", dest="language", metavar="LL", help=f"user's language: {', '.join(LANGUAGES)}")
    issue.add_argument("--mediator", action="store_true", help="the user needs a mediator")
    issue.set_defaults(func=issue_ticket)

    call = ticket.add_parser("call-next", help="call the next ticket to a desk")
    call.add_argument("--desk", required=True, metavar="CODE")
    call.set_defaults(func=call_next)

    def desk_action(name: str, help_text: str, method: str) -> argparse.ArgumentParser:
        p = ticket.add_parser(name, help=help_text)
        p.add_argument("--desk", required=True, metavar="CODE")
        p.add_argument("--ticket", metavar="NUMBER", help="default: the desk's current ticket")
        p.set_defaults(func=desk_move, method=method)
        return p

    desk_action("recall", "announce the desk's ticket again", "recall")
    desk_action("serve", "the called person is at the desk", "start_serving")
    finish = desk_action("finish", "close the desk's ticket", "finish")
    finish.add_argument("--outcome", default="completed", choices=OUTCOMES)
    finish.add_argument("--note")
    desk_action("no-show", "nobody came after the call", "no_show")
    desk_action("park", "set the desk's ticket aside", "park")

    def ticket_action(name: str, help_text: str, method: str) -> argparse.ArgumentParser:
        p = ticket.add_parser(name, help=help_text)
        p.add_argument("--ticket", required=True, metavar="NUMBER")
        p.add_argument("--desk", metavar="CODE", help="desk acting (recorded)")
        p.set_defaults(func=ticket_move, method=method)
        return p

    ticket_action("resume", "put a parked ticket back in the queue", "resume")
    ticket_action("cancel", "withdraw a waiting or parked ticket", "cancel")
    ticket_action("reactivate", "a no-show came back today", "reactivate")
    transfer = ticket_action("transfer", "move a ticket to another service, same number", "transfer")
    transfer.add_argument("--to", required=True, metavar="SERVICE")

    listing = ticket.add_parser("list", help="today's tickets")
    listing.add_argument("--desk", metavar="CODE", help="only the services this desk calls")
    listing.add_argument("--status", action="append", choices=TICKET_STATUSES,
                         help="repeatable; default: waiting")
    listing.set_defaults(func=list_tickets)


def describe(ctx: CliContext, ticket: TicketView) -> str:
    status = status_name(ticket.status, ctx.lang)
    where = f" -> {ctx.t(_DESK)} {ticket.desk_code}" if ticket.desk_code and ticket.status in (
        "called", "serving") else ""
    return f"{ticket.number} {ticket.service_code} {status}{where}"


def _ref(value: str | None) -> TicketRef:
    return value.strip().upper() if value else None


def issue_ticket(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().queue.issue_ticket(ctx.actor(), args.service, priority=args.priority,
                                         language=args.language, needs_mediator=args.mediator)
    ctx.emit(view, describe(ctx, view))
    return 0


def call_next(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().queue.call_next(ctx.actor(), args.desk)
    ctx.emit(view, describe(ctx, view))
    return 0


def desk_move(ctx: CliContext, args: argparse.Namespace) -> int:
    queue = ctx.core().queue
    extra = {"outcome": args.outcome, "note": args.note} if args.method == "finish" else {}
    view = getattr(queue, args.method)(ctx.actor(), args.desk, ticket=_ref(args.ticket), **extra)
    ctx.emit(view, describe(ctx, view))
    return 0


def ticket_move(ctx: CliContext, args: argparse.Namespace) -> int:
    queue = ctx.core().queue
    if args.method == "transfer":
        view = queue.transfer(ctx.actor(), _ref(args.ticket), args.to, desk_code=args.desk)
    else:
        view = getattr(queue, args.method)(ctx.actor(), _ref(args.ticket), desk_code=args.desk)
    ctx.emit(view, describe(ctx, view))
    return 0


def list_tickets(ctx: CliContext, args: argparse.Namespace) -> int:
    views = ctx.core().queue.tickets(ctx.actor(), desk_code=args.desk, statuses=tuple(args.status or ("waiting",)))
    ctx.emit(views, [describe(ctx, v) for v in views] or [ctx.t(DeskAdmin.tr("No tickets."))])
    return 0 if views else 3
