"""``practices`` commands: practices shared between the Prefettura and the Questura (issue 16).

The same core service as the shared-practices window: send a case or a bare practice number to the other office,
answer, send back, close, list what waits on whom (oldest first, days waiting, overdue marked), write the
coordination meeting's list (PDF or XLSX), record its decisions, export the handling times. A ``questura``
account sees only what was sent to its office. Exit 3 when a list is empty.
"""

from __future__ import annotations

import argparse

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.practices import DECISIONS, REASONS, Decision, PracticeView
from desk_app.core.training import export_mark, export_path
from desk_app.core.validation import clean_id
from desk_app.db.models_practices import PRACTICE_OUTCOMES, SIDES

#: before the overdue mark of a practice in a list
_OVERDUE = DeskAdmin.tr("OVERDUE")
#: a practice's working days waiting, after the number
_DAYS = DeskAdmin.tr("working days")
#: nothing waits
_NONE = DeskAdmin.tr("No shared practices.")
#: where a document was written
_WRITTEN = DeskAdmin.tr("Written: {path}")
#: a recorded coordination meeting
_MEETING = DeskAdmin.tr("Meeting {id} recorded with {count} decisions.")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    practices = commands.add_parser("practices", help="practices shared with the Questura").add_subparsers(
        dest="practices_command", required=True)

    send = practices.add_parser("send", help="send a case or a practice number to the other office")
    send.add_argument("--case", type=int, metavar="ID", help="the counter case to send")
    send.add_argument("--practice", metavar="NUMBER", help="practice number (default: the case's)")
    send.add_argument("--procedure", metavar="CODE", help="procedure code (default: the case's)")
    send.add_argument("--reason", required=True, choices=sorted(REASONS))
    send.add_argument("--due", required=True, metavar="YYYY-MM-DD")
    send.add_argument("--note", default="")
    send.set_defaults(func=send_practice)

    answer = practices.add_parser("answer", help="answer a practice that waits on your office")
    answer.add_argument("practice_id", type=int)
    answer.add_argument("--note", default="")
    answer.add_argument("--due", metavar="YYYY-MM-DD", help="new due date when answering a practice sent back")
    answer.set_defaults(func=answer_practice)

    back = practices.add_parser("return", help="send a practice back to the office that sent it, with a question")
    back.add_argument("practice_id", type=int)
    back.add_argument("--reason", required=True, choices=sorted(r.code for r in REASONS.values()
                                                                if r.kind == "return"))
    back.add_argument("--note", default="")
    back.set_defaults(func=return_practice)

    again = practices.add_parser("send-again", help="send an answered practice to the other office again")
    again.add_argument("practice_id", type=int)
    again.add_argument("--reason", required=True, choices=sorted(REASONS))
    again.add_argument("--due", required=True, metavar="YYYY-MM-DD")
    again.add_argument("--note", default="")
    again.set_defaults(func=send_again)

    close = practices.add_parser("close", help="close a practice your office opened")
    close.add_argument("practice_id", type=int)
    close.add_argument("--outcome", default="done", choices=PRACTICE_OUTCOMES)
    close.add_argument("--note", default="")
    close.set_defaults(func=close_practice)

    show = practices.add_parser("show", help="a practice and its steps")
    show.add_argument("practice_id", type=int)
    show.set_defaults(func=show_practice)

    listing = practices.add_parser("list", help="open practices, oldest first")
    listing.add_argument("--waiting-on", choices=SIDES, help="only those waiting on this office")
    listing.add_argument("--overdue", action="store_true", help="only overdue ones")
    listing.set_defaults(func=list_practices)

    meeting = practices.add_parser("meeting-list", help="the coordination meeting's list as PDF or XLSX")
    meeting.add_argument("--min-days", type=int, default=10, help="working days waiting at least (default 10)")
    meeting.add_argument("--format", choices=("pdf", "xlsx"), default="pdf")
    meeting.add_argument("--output", required=True, metavar="FILE")
    meeting.set_defaults(func=meeting_list)

    record = practices.add_parser("meeting-record", help="record a meeting and its decisions")
    record.add_argument("--min-days", type=int, default=10)
    record.add_argument("--decision", action="append", default=[], metavar="ID:DECISION[:YYYY-MM-DD]",
                        help=f"one per practice; decisions: {', '.join(DECISIONS)}")
    record.add_argument("--note", default="")
    record.set_defaults(func=meeting_record)

    times = practices.add_parser("handling-times", help="handling time per procedure and office (counts only)")
    times.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    times.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    times.add_argument("--format", choices=("pdf", "xlsx"))
    times.add_argument("--output", metavar="FILE")
    times.set_defaults(func=handling_times)


def _line(ctx: CliContext, p: PracticeView) -> str:
    due = f" · {p.due_date.isoformat()}" if p.due_date else ""
    late = f" · {ctx.t(_OVERDUE)}" if p.overdue else ""
    waits = f" → {p.waiting_on}" if p.waiting_on else ""
    return (f"{p.id:>5} {p.practice_number or '-':<18} {p.procedure_code:<10} {p.status:<9}{waits} · {p.reason}"
            f"{due} · {p.days_waiting} {ctx.t(_DAYS)}{late}")


def _lines(ctx: CliContext, p: PracticeView) -> list[str]:
    return [_line(ctx, p)] + [
        f"      {s.at:%Y-%m-%d %H:%M} {s.kind:<7} {s.from_side} → {s.to_side or '-'} {s.reason or ''} {s.actor}"
        + (f" — {s.note}" if s.note else "") for s in p.steps]


def send_practice(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().practices.send(ctx.actor(), args.procedure, args.reason, args.due, case_id=args.case,
                                     practice_number=args.practice, note=args.note)
    ctx.emit(view, _lines(ctx, view))
    return 0


def answer_practice(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().practices.answer(ctx.actor(), clean_id(args.practice_id, "practice"), args.note, args.due)
    ctx.emit(view, _lines(ctx, view))
    return 0


def return_practice(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().practices.send_back(ctx.actor(), clean_id(args.practice_id, "practice"), args.reason,
                                          args.note)
    ctx.emit(view, _lines(ctx, view))
    return 0


def send_again(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().practices.send_again(ctx.actor(), clean_id(args.practice_id, "practice"), args.reason,
                                           args.due, args.note)
    ctx.emit(view, _lines(ctx, view))
    return 0


def close_practice(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().practices.close(ctx.actor(), clean_id(args.practice_id, "practice"), args.outcome, args.note)
    ctx.emit(view, _lines(ctx, view))
    return 0


def show_practice(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().practices.get(ctx.actor(), clean_id(args.practice_id, "practice"))
    ctx.emit(view, _lines(ctx, view))
    return 0


def list_practices(ctx: CliContext, args: argparse.Namespace) -> int:
    views = ctx.core().practices.waiting(ctx.actor(), args.waiting_on, overdue_only=args.overdue)
    ctx.emit(views, [_line(ctx, v) for v in views] or [ctx.t(_NONE)])
    return 0 if views else 3


def meeting_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.validation import output_file, write_atomically
    from desk_app.documents.practices import write_meeting

    target = output_file(args.output)
    core = ctx.core()
    result = core.practices.meeting_list(ctx.actor(), args.min_days)
    mark = export_mark(core.training)  # an export of the training office is marked, in its name and inside
    path = write_atomically(export_path(target, core.training),
                            lambda temporary: write_meeting(result, temporary, args.format, mark=mark))
    ctx.emit({"path": str(path), "practices": result.total, "overdue": result.overdue},
             ctx.t(_WRITTEN, path=str(path)))
    return 0


def _decision(text: str) -> Decision:
    """``ID:DECISION[:YYYY-MM-DD]`` as typed; the core checks each part."""
    parts = text.split(":")
    due = parts[2] if len(parts) > 2 else None
    return Decision(clean_id(parts[0], "practice"), parts[1] if len(parts) > 1 else "", due_date=due)


def meeting_record(ctx: CliContext, args: argparse.Namespace) -> int:
    view = ctx.core().practices.record_meeting(ctx.actor(), args.min_days, [_decision(d) for d in args.decision],
                                               args.note)
    ctx.emit(view, ctx.t(_MEETING, id=view.id, count=len(view.decisions)))
    return 0


def handling_times(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.validation import output_file, write_atomically

    target = output_file(args.output) if args.output else None
    core = ctx.core()
    result = core.practices.handling_times(ctx.actor(), args.start, args.end)
    if target is not None:
        from desk_app.documents.practices import write_handling

        fmt = args.format or ("xlsx" if target.suffix.lower() == ".xlsx" else "pdf")
        mark = export_mark(core.training)
        path = write_atomically(export_path(target, core.training),
                                lambda temporary: write_handling(result, temporary, fmt, mark=mark))
        ctx.emit({"path": str(path), "rows": len(result.rows)}, ctx.t(_WRITTEN, path=str(path)))
        return 0
    ctx.emit(result, [f"{r.procedure_code:<10} {r.owner:<10} {r.closed:>4}  {r.median_days:>5.1f}  {r.p90_days:>5.1f}"
                      f"  {100 * r.waiting_share:>5.1f}%" for r in result.rows] or [ctx.t(_NONE)])
    return 0 if result.rows else 3
