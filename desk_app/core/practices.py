"""Practices shared between the Prefettura (SUI) and the Questura's Immigration Office (issue 16).

Many SUI practices wait on the Questura (its opinion on a family reunification or a work clearance, the
fingerprint appointment, the permit itself) and some Questura practices wait on the Prefettura. A shared practice
is a counter case or a bare practice number that one office **sends** to the other with a reason and a due date;
the other office **answers** it or **sends it back** with a question; the office that opened it (its *owner*)
answers a practice sent back, sends an answered one again, or **closes** it. Each move is a
:class:`~desk_app.db.models_practices.PracticeStep` row, an audit event and a change-feed notice (kind
``practice``: the practice's id, status and office waited on, never its number), so every desk's practices page
follows without a reload. "One open shared practice per practice number" is checked by :meth:`PracticeService.send`
and kept by the database too (a partial unique index): of two desks sending the same number at once, one gets
``practice_already_shared``.

Where a practice stands (``status`` and ``waiting_on``):

=========  ===========================  ==============================================
status     waits on                     who acts next
=========  ===========================  ==============================================
waiting    the office it was sent to    that office: :meth:`answer` or :meth:`send_back`
answered   its owner                    the owner: :meth:`send_again` or :meth:`close`
returned   its owner                    the owner: :meth:`answer` (it goes back) or :meth:`close`
=========  ===========================  ==============================================

**Days waiting** are working days (Monday to Friday, less Italy's national holidays and the patron saint's day
of the office's town, :mod:`desk_app.core.holidays`) from the local day the practice reached the office it waits on
to today: sent on Friday and looked at on Monday is one day. A practice is **overdue** once today is after its due
date. Handling times (:meth:`PracticeService.handling_times`) are counted the same way; the share of time spent
waiting on the other office is elapsed time (the steps' timestamps), which a working-day count would round away
for practices answered within the day.

**The Questura's staff** (role ``questura``) work in the same database: they see only the practices sent to their
office (or opened by it), and only the practice number, the procedure, the dates, the reasons and the messages the
two offices exchanged, never the Prefettura's case (:class:`PracticeView` has ``case_id`` ``None`` for them; the
case's checklist, notes, language and ticket are never read for them). They may not link a case.

Reasons come from :data:`REASONS` plus a free note. Their legal grounds are named with a source and check date
and marked "to verify" where not checked against the text in force.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, local_day, zone
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.cases import _practice as _clean_practice  # the counter cases' rule, not a copy of it
from desk_app.core.catalogue import ContentService
from desk_app.core.holidays import PATRON_SAINTS, national_holidays, town_of
from desk_app.core.validation import check_date, clean_choice, clean_code, clean_id, clean_int, clean_text, parse_date
from desk_app.db.engine import Database
from desk_app.db.feed import Change, notify
from desk_app.db.models import Office
from desk_app.db.models_content import Case, Procedure, ProcedureVersion
from desk_app.db.models_practices import (
    DECISIONS,
    OPEN_NUMBER_INDEX,
    PRACTICE_OUTCOMES,
    SIDES,
    CoordinationMeeting,
    MeetingDecision,
    PracticeStep,
    SharedPractice,
)
from desk_app.errors import ConflictError, NotFoundError, ValidationError
from desk_app.i18n import QT_TRANSLATE_NOOP

NOTE_MAX = 1000
#: The longest list a coordination meeting can ask for (days waiting at least this many): about ten years.
MIN_DAYS_MAX = 2600
#: A due date at most this far ahead (a year): further is a typing error, not a plan.
DUE_DAYS_MAX = 366


@dataclass(frozen=True)
class Reason:
    """A reason for sending a practice (``kind`` ``send``) or sending it back (``return``).

    Attributes:
        to: the offices a practice may be sent to for this reason.
        source: the legal ground or practice it rests on, with the day it was checked; ``to verify`` when the
            text in force was not read.
    """

    code: str
    label: str
    kind: str
    to: tuple[str, ...]
    source: str


_CHECKED = "checked 2026-12-02"
#: Why one office sends a practice to the other, or sends it back. Labels are staff text (context ``Practice``).
REASONS: dict[str, Reason] = {r.code: r for r in (
    Reason("opinion_family", QT_TRANSLATE_NOOP("Practice", "Opinion on a family reunification"), "send",
           ("questura",), f"D.Lgs. 286/1998 art. 29 c. 7-8 (nulla osta after the Questura's check); {_CHECKED}, "
                          "to verify"),
    Reason("opinion_work", QT_TRANSLATE_NOOP("Practice", "Opinion on a work clearance"), "send", ("questura",),
           f"D.Lgs. 286/1998 art. 22 c. 5; D.P.R. 394/1999 art. 30-bis; {_CHECKED}, to verify"),
    Reason("fingerprints", QT_TRANSLATE_NOOP("Practice", "Fingerprint appointment"), "send", ("questura",),
           f"D.P.R. 394/1999 art. 11 (photo-identification at the permit request); {_CHECKED}, to verify"),
    Reason("permit", QT_TRANSLATE_NOOP("Practice", "Residence permit (issue or status)"), "send", ("questura",),
           f"D.Lgs. 286/1998 art. 5; {_CHECKED}, to verify"),
    Reason("integration", QT_TRANSLATE_NOOP("Practice", "Integration agreement check"), "send", ("prefettura",),
           f"D.Lgs. 286/1998 art. 4-bis; D.P.R. 179/2011; {_CHECKED}, to verify"),
    Reason("clearance_status", QT_TRANSLATE_NOOP("Practice", "Status of a clearance (nulla osta)"), "send",
           ("prefettura",), f"office practice between SUI and Questura; {_CHECKED}"),
    Reason("conversion", QT_TRANSLATE_NOOP("Practice", "Permit conversion"), "send", ("prefettura",),
           f"D.P.R. 394/1999 art. 14; {_CHECKED}, to verify"),
    Reason("other_request", QT_TRANSLATE_NOOP("Practice", "Other request"), "send", SIDES,
           f"free request, explained in the note; {_CHECKED}"),
    Reason("incomplete", QT_TRANSLATE_NOOP("Practice", "Request incomplete"), "return", SIDES,
           f"office practice; {_CHECKED}"),
    Reason("missing_documents", QT_TRANSLATE_NOOP("Practice", "Documents missing"), "return", SIDES,
           f"office practice; {_CHECKED}"),
    Reason("not_competent", QT_TRANSLATE_NOOP("Practice", "Not our competence"), "return", SIDES,
           f"office practice; {_CHECKED}"),
    Reason("clarification", QT_TRANSLATE_NOOP("Practice", "Clarification needed"), "return", SIDES,
           f"office practice; {_CHECKED}"),
)}

#: The two offices as staff read them.
SIDE_NAMES: dict[str, str] = {
    "prefettura": QT_TRANSLATE_NOOP("Practice", "Prefettura (SUI)"),
    "questura": QT_TRANSLATE_NOOP("Practice", "Questura (Immigration Office)"),
}


def reasons_for(kind: str, to_side: str) -> list[Reason]:
    """The reasons offered for a ``send`` or ``return`` to ``to_side``, in table order."""
    return [r for r in REASONS.values() if r.kind == kind and to_side in r.to]


def side_of(actor: Actor) -> str:
    """The office an actor works for: the Questura's staff have role ``questura``, everyone else the Prefettura."""
    return "questura" if actor.role == "questura" else "prefettura"


def other_side(side: str) -> str:
    return "prefettura" if side == "questura" else "questura"


# -- working days --------------------------------------------------------------------------------------------------
#: The town of an office (for its patron saint), read from its name and address once per office, not per row.
_town_of = lru_cache(maxsize=32)(town_of)


@lru_cache(maxsize=64)
def _closed_days(year: int, town: str | None) -> frozenset[date]:
    days = {h.day for h in national_holidays(year)}
    if town in PATRON_SAINTS:
        _saint, month, day = PATRON_SAINTS[town]
        days.add(date(year, month, day))
    return frozenset(days)


def is_working_day(day: date, town: str | None) -> bool:
    """Monday to Friday and neither a national holiday nor the patron saint's day of ``town``."""
    return day.weekday() < 5 and day not in _closed_days(day.year, town)


def working_days_between(start: date, end: date, town: str | None) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``).

    Whole weeks are counted at once (five days each, less the holidays falling on a weekday in them), so a
    practice waiting for years costs as little as one waiting a week.
    """
    if end <= start:
        return 0
    total = 0
    day = start + timedelta(days=1)
    weeks = (end - day).days // 7
    if weeks:
        stop = day + timedelta(days=7 * weeks)
        holidays = sum(1 for year in range(day.year, stop.year + 1) for d in _closed_days(year, town)
                       if day <= d < stop and d.weekday() < 5)
        total += 5 * weeks - holidays
        day = stop
    while day <= end:
        total += is_working_day(day, town)
        day += timedelta(days=1)
    return total


# -- views ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StepView:
    """One move of a practice: what, when, by whom (the staff's login name), from which office to which."""

    kind: str
    at: datetime
    actor: str
    from_side: str
    to_side: str | None
    reason: str | None
    note: str
    due_date: date | None


@dataclass(frozen=True)
class PracticeView:
    """A shared practice as both offices' staff see it.

    Attributes:
        case_id: the Prefettura's counter case it was sent from; always ``None`` for the Questura's staff.
        days_waiting: working days since it reached ``waiting_on`` (0 once closed).
        overdue: not closed and today is after ``due_date``.
        steps: oldest first; empty in lists (:meth:`PracticeService.waiting`), filled by :meth:`PracticeService.get`.
    """

    id: int
    practice_number: str | None
    procedure_code: str
    owner: str
    status: str
    waiting_on: str | None
    reason: str
    due_date: date | None
    outcome: str | None
    opened_at: datetime
    sent_at: datetime
    closed_at: datetime | None
    days_waiting: int
    overdue: bool
    case_id: int | None = None
    steps: tuple[StepView, ...] = ()


@dataclass(frozen=True)
class MeetingLine:
    """A practice on a meeting's list: where it stands, what moved since the last meeting, what that decided."""

    practice: PracticeView
    changes: tuple[StepView, ...]
    last_decision: str | None


@dataclass(frozen=True)
class MeetingGroup:
    """The practices of one procedure waiting on one office, oldest first."""

    procedure_code: str
    waiting_on: str
    lines: tuple[MeetingLine, ...]


@dataclass(frozen=True)
class MeetingList:
    """What a coordination meeting goes through.

    Attributes:
        min_days: the list holds open practices waiting at least this many working days.
        last_meeting_at: the previous meeting, or ``None``: "changed since" counts from there.
        opened_since, closed_since: practices opened and closed since the last meeting (all of them, not only
            those over ``min_days``).
    """

    office_name: str
    generated_at: datetime
    today: date
    min_days: int
    last_meeting_at: datetime | None
    groups: tuple[MeetingGroup, ...]
    opened_since: int
    closed_since: int

    @property
    def total(self) -> int:
        return sum(len(g.lines) for g in self.groups)

    @property
    def overdue(self) -> int:
        return sum(line.practice.overdue for g in self.groups for line in g.lines)


@dataclass(frozen=True)
class Decision:
    """What a meeting decided for one practice (input to :meth:`PracticeService.record_meeting`).

    ``due_date`` is required for ``new_due_date`` and becomes the practice's due date.
    """

    practice_id: int
    decision: str
    note: str = ""
    due_date: date | str | None = None


@dataclass(frozen=True)
class MeetingView:
    """A recorded meeting and its decisions ``(practice id, practice number, decision, note, due date)``."""

    id: int
    held_at: datetime
    min_days: int
    note: str
    recorded_by: str
    decisions: tuple[tuple[int, str | None, str, str, date | None], ...]


@dataclass(frozen=True)
class MonthFigure:
    """Practices of a procedure and office closed in one month (``YYYY-MM``) and their median handling time."""

    month: str
    closed: int
    median_days: float


@dataclass(frozen=True)
class HandlingRow:
    """Handling time of the practices of one procedure opened by one office and closed in the period.

    Attributes:
        median_days, p90_days: working days from opening to closing (p90: nearest rank).
        waiting_share: the part (0-1) of their elapsed time spent waiting on the other office.
        by_month: the trend, one figure per month with closings, in order.
    """

    procedure_code: str
    owner: str
    closed: int
    median_days: float
    p90_days: float
    waiting_share: float
    by_month: tuple[MonthFigure, ...]


@dataclass(frozen=True)
class HandlingTimes:
    """Handling times per procedure and office over ``start``..``end`` (closing day, local): counts only."""

    office_name: str
    start: date
    end: date
    rows: tuple[HandlingRow, ...]
    open_waiting: dict[str, int] = field(default_factory=dict)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (``share`` 0-1) of non-empty ``values``: always one of the values."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil without floats drifting
    return float(ordered[int(rank) - 1])


def waiting_share(owner: str, opened_at: datetime, closed_at: datetime,
                  steps: Iterable[tuple[datetime, str | None]]) -> float:
    """The part of ``opened_at``..``closed_at`` a practice waited on the office that did not open it.

    ``steps`` are ``(at, to_side)`` oldest first: after each step the practice waits on ``to_side`` until the next.
    """
    total = (closed_at - opened_at).total_seconds()
    if total <= 0:
        return 0.0
    other = 0.0
    moves = list(steps)
    for (at, to_side), (until, _next) in zip(moves, [*moves[1:], (closed_at, None)], strict=True):
        if to_side is not None and to_side != owner:
            other += max(0.0, (min(until, closed_at) - max(at, opened_at)).total_seconds())
    return min(1.0, other / total)


# -- the service ---------------------------------------------------------------------------------------------------
class PracticeService:
    """Sends, answers, sends back and closes shared practices; lists what waits on whom; meetings; handling times.

    Permissions: ``share_practices`` (both offices' staff) for the practice workflow and its lists,
    ``coordinate_practices`` for the meeting list and decisions, ``export_reports`` for handling times,
    ``purge_personal_data`` for the purge. Every read of practice numbers is audited.
    """

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None = None,
                 office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code

    # -- the workflow --------------------------------------------------------------------------------------------
    def send(self, actor: Actor, procedure_code: str | None = None, reason: str = "", due_date: date | str = "", *,
             case_id: int | None = None, practice_number: str | None = None, note: str = "") -> PracticeView:
        """Send a case (``case_id``) or a bare practice number to the other office: a new shared practice.

        From a case, the practice number and procedure default to the case's. A practice number is required
        (the other office knows practices by it) and may have one open shared practice at a time
        (``practice_already_shared``). ``reason`` must be one of :func:`reasons_for` ``("send", other office)``;
        ``due_date`` from today to a year ahead. The Questura's staff send bare practice numbers only.
        """
        self.auth.require(actor, "share_practices", "shared_practice", "")
        side = side_of(actor)
        if case_id is not None and side == "questura":  # the Prefettura's cases are not theirs to see
            self.auth.require(actor, "work_cases", "case", case_id)
        to_side = other_side(side)
        reason_code = self._reason(reason, "send", to_side)
        practice = _clean_practice(practice_number)
        text = clean_text(note, "note", NOTE_MAX, required=False, multiline=True)
        case = None if case_id is None else clean_id(case_id, "case")
        code = None if procedure_code in (None, "") else clean_code(procedure_code, "procedure")
        now = self.clock.now()
        sent: dict[str, str] = {}  # the number the write chose (it may come from the case), for a lost race

        def work(session: Session) -> PracticeView:
            office = self._office(session, actor)
            due = self._due(due_date, office, now)
            number, procedure = practice, code
            if case is not None:
                row = session.get(Case, case)
                if row is None or row.office_id != office.id:
                    raise NotFoundError("unknown_case", value=str(case))
                number = number or row.practice_number
                procedure = procedure or _case_procedure(session, row)
            if procedure is None:
                raise ValidationError("required", field="procedure")
            ContentService._procedure(session, office.id, procedure)  # a code of the catalogue, or one sentence
            if number is None:
                raise ValidationError("required", field="practice_number")
            open_one = session.execute(select(SharedPractice.id).where(
                SharedPractice.office_id == office.id, SharedPractice.practice_number == number,
                SharedPractice.status != "closed")).scalar()
            if open_one is not None:
                raise ConflictError("practice_already_shared", value=number, id=open_one)
            sent["number"] = number
            row_ = SharedPractice(office_id=office.id, case_id=case, practice_number=number,
                                  procedure_code=procedure, owner=side, status="waiting", waiting_on=to_side,
                                  reason=reason_code, due_date=due, opened_at=now, sent_at=now, updated_at=now)
            session.add(row_)
            session.flush()
            self._step(session, actor, row_, "send", side, to_side, reason_code, text, due, now)
            self.auth.audit_log.record(session, actor.audit, "practice.send", "shared_practice", row_.id,
                                       detail={"to": to_side, "reason": reason_code, "case": case is not None})
            _publish(session, row_, "send", now)
            return self._view(session, actor, office, row_, with_steps=True)

        try:
            return self.db.write(work)
        except IntegrityError as exc:
            # Another desk sent the same number between our check and our insert: the partial unique index
            # refused ours. Same sentence as the check's, naming the practice that won.
            if not _open_number_taken(exc) or "number" not in sent:
                raise
            number = sent["number"]

            def winner(session: Session) -> int | None:
                office = self._office(session, actor)
                return session.execute(select(SharedPractice.id).where(
                    SharedPractice.office_id == office.id, SharedPractice.practice_number == number,
                    SharedPractice.status != "closed")).scalar()

            raise ConflictError("practice_already_shared", value=number, id=self.db.read(winner) or "?") from exc

    def answer(self, actor: Actor, practice_id: int, note: str = "", due_date: date | str | None = None
               ) -> PracticeView:
        """Answer a practice that waits on the actor's office.

        Sent to us (``waiting``): our answer goes back to its owner (``answered``). Sent back to us, its owner
        (``returned``): our answer sends it to the other office again (``waiting``), with a new ``due_date`` if
        given (else the old one, if still ahead).
        """
        self.auth.require(actor, "share_practices", "shared_practice", practice_id)
        text = clean_text(note, "note", NOTE_MAX, required=False, multiline=True)
        now = self.clock.now()

        def work(session: Session) -> PracticeView:
            office, row = self._mine(session, actor, practice_id)
            side = side_of(actor)
            if row.status == "waiting":
                row.status, row.waiting_on = "answered", row.owner
                self._step(session, actor, row, "answer", side, row.owner, None, text, None, now)
            elif row.status == "returned" and row.owner == side:
                due = self._due(due_date, office, now) if due_date not in (None, "") else row.due_date
                if due is not None and due < local_day(now, office.timezone):
                    due = None  # a due date already past is not a request: the old one lapses
                row.status, row.waiting_on, row.due_date = "waiting", other_side(side), due
                row.reason = self._request_reason(session, row)  # the question is answered: the request stands
                self._step(session, actor, row, "answer", side, row.waiting_on, None, text, due, now)
            else:
                raise ConflictError("practice_not_your_turn", value=row.id)
            row.sent_at = row.updated_at = now
            self.auth.audit_log.record(session, actor.audit, "practice.answer", "shared_practice", row.id,
                                       detail={"to": row.waiting_on})
            _publish(session, row, "answer", now)
            return self._view(session, actor, office, row, with_steps=True)

        return self.db.write(work)

    def send_back(self, actor: Actor, practice_id: int, reason: str, note: str = "") -> PracticeView:
        """Send a practice that waits on the actor's office back to its owner with a question (``returned``).

        ``reason`` is one of :func:`reasons_for` ``("return", owner)``; the owner answers it (:meth:`answer`).
        """
        self.auth.require(actor, "share_practices", "shared_practice", practice_id)
        text = clean_text(note, "note", NOTE_MAX, required=False, multiline=True)
        now = self.clock.now()

        def work(session: Session) -> PracticeView:
            office, row = self._mine(session, actor, practice_id)
            if row.status != "waiting":
                raise ConflictError("practice_not_your_turn", value=row.id)
            reason_code = self._reason(reason, "return", row.owner)
            row.status, row.waiting_on, row.reason = "returned", row.owner, reason_code
            row.sent_at = row.updated_at = now
            self._step(session, actor, row, "return", side_of(actor), row.owner, reason_code, text, None, now)
            self.auth.audit_log.record(session, actor.audit, "practice.return", "shared_practice", row.id,
                                       detail={"reason": reason_code})
            _publish(session, row, "return", now)
            return self._view(session, actor, office, row, with_steps=True)

        return self.db.write(work)

    def send_again(self, actor: Actor, practice_id: int, reason: str, due_date: date | str, note: str = ""
                   ) -> PracticeView:
        """The owner sends an answered practice to the other office again, with a new request and due date."""
        self.auth.require(actor, "share_practices", "shared_practice", practice_id)
        side = side_of(actor)
        reason_code = self._reason(reason, "send", other_side(side))
        text = clean_text(note, "note", NOTE_MAX, required=False, multiline=True)
        now = self.clock.now()

        def work(session: Session) -> PracticeView:
            office, row = self._mine(session, actor, practice_id)
            if row.owner != side:
                raise ConflictError("practice_not_owner", value=row.id)
            if row.status != "answered":
                raise ConflictError("practice_not_your_turn", value=row.id)
            due = self._due(due_date, office, now)
            row.status, row.waiting_on, row.reason, row.due_date = "waiting", other_side(side), reason_code, due
            row.sent_at = row.updated_at = now
            self._step(session, actor, row, "send", side, row.waiting_on, reason_code, text, due, now)
            self.auth.audit_log.record(session, actor.audit, "practice.send", "shared_practice", row.id,
                                       detail={"to": row.waiting_on, "reason": reason_code, "again": True})
            _publish(session, row, "send", now)
            return self._view(session, actor, office, row, with_steps=True)

        return self.db.write(work)

    def close(self, actor: Actor, practice_id: int, outcome: str = "done", note: str = "") -> PracticeView:
        """The owner closes a practice that is back with it (``answered`` or ``returned``): the clock stops."""
        self.auth.require(actor, "share_practices", "shared_practice", practice_id)
        outcome = clean_choice(outcome, "outcome", PRACTICE_OUTCOMES)
        text = clean_text(note, "note", NOTE_MAX, required=False, multiline=True)
        now = self.clock.now()

        def work(session: Session) -> PracticeView:
            office, row = self._mine(session, actor, practice_id)
            side = side_of(actor)
            if row.owner != side:
                raise ConflictError("practice_not_owner", value=row.id)
            if row.waiting_on != side:
                raise ConflictError("practice_not_your_turn", value=row.id)
            row.status, row.waiting_on, row.outcome = "closed", None, outcome
            row.closed_at = row.updated_at = now
            self._step(session, actor, row, "close", side, None, None, text, None, now)
            self.auth.audit_log.record(session, actor.audit, "practice.close", "shared_practice", row.id,
                                       detail={"outcome": outcome})
            _publish(session, row, "close", now)
            return self._view(session, actor, office, row, with_steps=True)

        return self.db.write(work)

    # -- reads ---------------------------------------------------------------------------------------------------
    def get(self, actor: Actor, practice_id: int) -> PracticeView:
        """One practice with its steps. Audited (it shows the practice number)."""
        self.auth.require(actor, "share_practices", "shared_practice", practice_id)

        def work(session: Session) -> PracticeView:
            office, row = self._mine(session, actor, practice_id, for_update=False)
            return self._view(session, actor, office, row, with_steps=True)

        # Read in a read transaction, audit in a short write of its own: a list never holds SQLite's write lock.
        view = self.db.read(work)
        self.auth.audit_log.record_now(actor.audit, "practice.view", "shared_practice", view.id)
        return view

    def waiting(self, actor: Actor, on: str | None = None, *, overdue_only: bool = False) -> list[PracticeView]:
        """Open practices, oldest first (by when they reached the office they wait on).

        ``on``: only those waiting on that office (``prefettura`` or ``questura``); ``None``: both. The Questura's
        staff see only the practices sent to their office. Audited (the list shows practice numbers).
        """
        self.auth.require(actor, "share_practices", "shared_practice", "")
        side = None if on in (None, "") else clean_choice(on, "office", SIDES)

        def work(session: Session) -> tuple[str, list[PracticeView]]:
            office = self._office(session, actor)
            query = self._visible(select(SharedPractice), actor).where(
                SharedPractice.office_id == office.id, SharedPractice.status != "closed")
            if side is not None:
                query = query.where(SharedPractice.waiting_on == side)
            rows = session.execute(query.order_by(SharedPractice.sent_at, SharedPractice.id)).scalars().all()
            views = [self._view(session, actor, office, r) for r in rows]
            return office.code, [v for v in views if v.overdue] if overdue_only else views

        code, views = self.db.read(work)
        self.auth.audit_log.record_now(actor.audit, "practice.list", "office", code,
                                       detail={"on": side or "", "shown": len(views)})
        return views

    def inbox(self, actor: Actor) -> list[PracticeView]:
        """What waits on the actor's own office, oldest first: the Questura user's first screen."""
        return self.waiting(actor, side_of(actor))

    def find(self, actor: Actor, practice_number: str) -> list[PracticeView]:
        """Shared practices (open and closed) with this practice number, newest first. Audited lookup."""
        self.auth.require(actor, "share_practices", "shared_practice", "")
        number = _clean_practice(practice_number)
        if number is None:
            return []

        def work(session: Session) -> list[PracticeView]:
            office = self._office(session, actor)
            rows = session.execute(self._visible(select(SharedPractice), actor).where(
                SharedPractice.office_id == office.id, SharedPractice.practice_number == number)
                .order_by(SharedPractice.opened_at.desc(), SharedPractice.id.desc())).scalars().all()
            return [self._view(session, actor, office, r, with_steps=True) for r in rows]

        views = self.db.read(work)
        self.auth.audit_log.record_now(actor.audit, "practice.lookup", "shared_practice",
                                       ",".join(str(v.id) for v in views)[:64], detail={"found": len(views)})
        return views

    # -- meetings ------------------------------------------------------------------------------------------------
    def meeting_list(self, actor: Actor, min_days: int) -> MeetingList:
        """Open practices waiting at least ``min_days`` working days, grouped by procedure and office waited on
        (groups by procedure code, the Questura first; practices oldest first), with what moved since the last
        meeting. Audited (it holds practice numbers)."""
        self.auth.require(actor, "coordinate_practices", "shared_practice", "meeting")
        threshold = clean_int(min_days, "min_days", 0, MIN_DAYS_MAX)
        now = self.clock.now()

        def work(session: Session) -> tuple[str, MeetingList]:
            office = self._office(session, actor)
            last = session.execute(select(CoordinationMeeting).where(CoordinationMeeting.office_id == office.id)
                                   .order_by(CoordinationMeeting.held_at.desc(), CoordinationMeeting.id.desc())
                                   .limit(1)).scalar()
            since = last.held_at if last is not None else None
            rows = session.execute(select(SharedPractice).where(
                SharedPractice.office_id == office.id, SharedPractice.status != "closed")
                .order_by(SharedPractice.sent_at, SharedPractice.id)).scalars().all()
            decided = {} if last is None else dict(session.execute(select(
                MeetingDecision.practice_id, MeetingDecision.decision).where(
                MeetingDecision.meeting_id == last.id)).all())
            kept = [v for v in (self._view(session, actor, office, r) for r in rows) if v.days_waiting >= threshold]
            changes = self._steps_since(session, [v.id for v in kept], since)
            groups: dict[tuple[str, str], list[MeetingLine]] = {}
            for view in kept:
                groups.setdefault((view.procedure_code, view.waiting_on or ""), []).append(
                    MeetingLine(view, tuple(changes.get(view.id, ())), decided.get(view.id)))
            ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] != "questura"))
            opened = closed = 0
            if since is not None:
                opened = session.execute(select(func.count()).select_from(SharedPractice).where(
                    SharedPractice.office_id == office.id, SharedPractice.opened_at > since)).scalar_one()
                closed = session.execute(select(func.count()).select_from(SharedPractice).where(
                    SharedPractice.office_id == office.id, SharedPractice.closed_at > since)).scalar_one()
            return office.code, MeetingList(office.name, now, local_day(now, office.timezone), threshold, since,
                                            tuple(MeetingGroup(p, w, tuple(lines)) for (p, w), lines in ordered),
                                            opened, closed)

        code, result = self.db.read(work)
        self.auth.audit_log.record_now(actor.audit, "practice.meeting_list", "office", code,
                                       detail={"min_days": threshold, "shown": result.total})
        return result

    def record_meeting(self, actor: Actor, min_days: int, decisions: Sequence[Decision], note: str = "",
                       held_at: datetime | None = None) -> MeetingView:
        """Record a coordination meeting (now, unless ``held_at``) and what it decided for each practice.

        One decision per practice; a ``new_due_date`` decision sets the practice's due date. All or nothing:
        one bad decision stores none.
        """
        self.auth.require(actor, "coordinate_practices", "shared_practice", "meeting")
        threshold = clean_int(min_days, "min_days", 0, MIN_DAYS_MAX)
        text = clean_text(note, "note", NOTE_MAX, required=False, multiline=True)
        now = self.clock.now()
        when = held_at or now
        if when.tzinfo is None:
            raise ValidationError("bad_date", value=str(when)[:40])
        cleaned: list[tuple[int, str, str, date | None]] = []
        for item in decisions:
            pid = clean_id(item.practice_id, "practice")
            kind = clean_choice(item.decision, "decision", DECISIONS)
            why = clean_text(item.note, "note", NOTE_MAX, required=False, multiline=True)
            due = None if item.due_date is None or item.due_date == "" else parse_date(item.due_date)
            if kind == "new_due_date" and due is None:
                raise ValidationError("required", field="due_date")
            if pid in {c[0] for c in cleaned}:
                raise ValidationError("duplicate", kind="practice", value=str(pid))
            cleaned.append((pid, kind, why, due))

        def work(session: Session) -> MeetingView:
            office = self._office(session, actor)
            meeting = CoordinationMeeting(office_id=office.id, held_at=when, min_days=threshold, note=text,
                                          recorded_by=actor.username[:64])
            session.add(meeting)
            session.flush()
            for pid, kind, why, due in cleaned:
                row = session.get(SharedPractice, pid)
                if row is None or row.office_id != office.id:
                    raise NotFoundError("unknown_practice", value=str(pid))
                session.add(MeetingDecision(meeting_id=meeting.id, practice_id=pid, decision=kind, note=why,
                                            due_date=due))
                if kind == "new_due_date" and row.status != "closed":
                    row.due_date, row.updated_at = due, now
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "practice.meeting", "coordination_meeting", meeting.id,
                                       detail={"decisions": len(cleaned), "min_days": threshold})
            notify(session, Change("practice", "meeting", office.id, now, {"meeting": meeting.id}))
            return self._meeting_view(session, meeting)

        return self.db.write(work)

    def meetings(self, actor: Actor, limit: int = 20) -> list[MeetingView]:
        """The office's last meetings, newest first, with their decisions. Audited (decisions name practices)."""
        self.auth.require(actor, "coordinate_practices", "shared_practice", "meeting")
        count = clean_int(limit, "limit", 1, 500)

        def work(session: Session) -> tuple[str, list[MeetingView]]:
            office = self._office(session, actor)
            rows = session.execute(select(CoordinationMeeting).where(CoordinationMeeting.office_id == office.id)
                                   .order_by(CoordinationMeeting.held_at.desc(), CoordinationMeeting.id.desc())
                                   .limit(count)).scalars().all()
            return office.code, [self._meeting_view(session, m) for m in rows]

        code, views = self.db.read(work)
        self.auth.audit_log.record_now(actor.audit, "practice.meetings", "office", code, detail={"shown": len(views)})
        return views

    # -- the figure the project is judged on ---------------------------------------------------------------------
    def handling_times(self, actor: Actor, start: str | date, end: str | date) -> HandlingTimes:
        """Median and p90 handling time (working days) per procedure and owner office, the share of time spent
        waiting on the other office, and the trend by month, over practices closed from ``start`` to ``end``
        (local days, both included). Counts only: no practice number leaves this method."""
        self.auth.require(actor, "export_reports", "report", "practices")
        first, last = parse_date(start), parse_date(end)
        if first > last:
            raise ValidationError("bad_range", start=first.isoformat(), end=last.isoformat())

        def work(session: Session) -> HandlingTimes:
            office = self._office(session, actor)
            tz = zone(office.timezone)
            town = _town_of(office.name, office.address)
            lo = datetime.combine(first, time(), tz).astimezone(UTC)
            hi = datetime.combine(last + timedelta(days=1), time(), tz).astimezone(UTC)
            rows = session.execute(select(SharedPractice).where(
                SharedPractice.office_id == office.id, SharedPractice.status == "closed",
                SharedPractice.closed_at >= lo, SharedPractice.closed_at < hi)).scalars().all()
            steps: dict[int, list[tuple[datetime, str | None]]] = {}
            if rows:
                for pid, at, to_side in session.execute(select(
                        PracticeStep.practice_id, PracticeStep.at, PracticeStep.to_side).where(
                        PracticeStep.practice_id.in_([r.id for r in rows]))
                        .order_by(PracticeStep.practice_id, PracticeStep.at, PracticeStep.id)):
                    steps.setdefault(pid, []).append((at, to_side))
            grouped: dict[tuple[str, str], list[tuple[str, int, float, float]]] = {}
            for row in rows:
                assert row.closed_at is not None
                days = working_days_between(local_day(row.opened_at, office.timezone),
                                            local_day(row.closed_at, office.timezone), town)
                elapsed = (row.closed_at - row.opened_at).total_seconds()
                share = waiting_share(row.owner, row.opened_at, row.closed_at, steps.get(row.id, []))
                month = local_day(row.closed_at, office.timezone).strftime("%Y-%m")
                grouped.setdefault((row.procedure_code, row.owner), []).append((month, days, share, elapsed))
            result = []
            for (procedure, owner), items in sorted(grouped.items()):
                days_list = [float(d) for _m, d, _s, _e in items]
                elapsed_total = sum(e for *_x, e in items)
                share = (sum(s * e for _m, _d, s, e in items) / elapsed_total) if elapsed_total > 0 else 0.0
                months: dict[str, list[float]] = {}
                for month, d, _s, _e in items:
                    months.setdefault(month, []).append(float(d))
                result.append(HandlingRow(procedure, owner, len(items), float(statistics.median(days_list)),
                                          percentile(days_list, 0.9), round(share, 4),
                                          tuple(MonthFigure(m, len(v), float(statistics.median(v)))
                                                for m, v in sorted(months.items()))))
            open_waiting = {side: 0 for side in SIDES}
            for (side,) in session.execute(select(SharedPractice.waiting_on).where(
                    SharedPractice.office_id == office.id, SharedPractice.status != "closed")):
                if side is not None:
                    open_waiting[side] += 1
            return HandlingTimes(office.name, first, last, tuple(result), open_waiting)

        return self.db.read(work)

    def purge_practice_numbers(self, actor: Actor, older_than_days: int) -> int:
        """Clear the practice number of shared practices closed more than ``older_than_days`` ago (the retention
        purge): the rows, steps and times stay for the counts. Returns how many were cleared; audited."""
        self.auth.require(actor, "purge_personal_data", "shared_practice", "purge")
        days = clean_int(older_than_days, "retention_days", 0)
        now = self.clock.now()
        cutoff = now - timedelta(days=days)

        def work(session: Session) -> int:
            office = self._office(session, actor)
            rows = session.execute(select(SharedPractice).where(
                SharedPractice.office_id == office.id, SharedPractice.status == "closed",
                SharedPractice.closed_at < cutoff, SharedPractice.practice_number.is_not(None))).scalars().all()
            for row in rows:
                row.practice_number, row.purged_at = None, now
            ids = [r.id for r in rows]
            for start in range(0, len(ids), 500):  # the messages may name people: they go with the number
                chunk = ids[start:start + 500]
                session.execute(update(PracticeStep).where(PracticeStep.practice_id.in_(chunk)).values(note="")
                                .execution_options(synchronize_session=False))
                session.execute(update(MeetingDecision).where(MeetingDecision.practice_id.in_(chunk))
                                .values(note="").execution_options(synchronize_session=False))
            if rows:
                self.auth.audit_log.record(session, actor.audit, "practice.purge", "office", office.code,
                                           detail={"cleared": len(rows), "days": days})
            return len(rows)

        return self.db.write(work)

    # -- helpers -------------------------------------------------------------------------------------------------
    def _office(self, session: Session, actor: Actor) -> Office:
        return self.auth.office_for(session, actor, self.office_code)

    @staticmethod
    def _visible(query: Select[SharedPractice], actor: Actor) -> Select[SharedPractice]:
        """Restrict a query on :class:`SharedPractice` to what the actor's office may see.

        The Questura sees the practices it opened and those ever sent to it; the Prefettura (which runs the
        database and its cases) sees them all.
        """
        if side_of(actor) != "questura":
            return query
        sent_to_us = select(PracticeStep.practice_id).where(PracticeStep.to_side == "questura")
        return query.where(or_(SharedPractice.owner == "questura", SharedPractice.id.in_(sent_to_us)))

    def _mine(self, session: Session, actor: Actor, practice_id: int, *, for_update: bool = True
              ) -> tuple[Office, SharedPractice]:
        """The office and the practice, if the actor may see it; for a change, it must wait on the actor's office.

        A practice the actor may not see is "not found" (the Questura does not learn which numbers exist).
        """
        pid = clean_id(practice_id, "practice")
        office = self._office(session, actor)
        query = self._visible(select(SharedPractice), actor).where(SharedPractice.id == pid,
                                                                  SharedPractice.office_id == office.id)
        if for_update:
            query = query.with_for_update()
        row = session.execute(query).scalar()
        if row is None:
            raise NotFoundError("unknown_practice", value=str(pid))
        if for_update:
            if row.status == "closed":
                raise ConflictError("practice_closed", value=row.id)
            if row.waiting_on != side_of(actor):
                raise ConflictError("practice_not_your_turn", value=row.id)
        return office, row

    @staticmethod
    def _request_reason(session: Session, row: SharedPractice) -> str:
        """The reason of the practice's last send (what the other office was asked)."""
        found = session.execute(select(PracticeStep.reason).where(
            PracticeStep.practice_id == row.id, PracticeStep.kind == "send")
            .order_by(PracticeStep.at.desc(), PracticeStep.id.desc()).limit(1)).scalar()
        return found or row.reason

    def _reason(self, reason: str, kind: str, to_side: str) -> str:
        return clean_choice((reason or "").strip(), "reason", [r.code for r in reasons_for(kind, to_side)])

    def _due(self, value: date | str | None, office: Office, now: datetime) -> date:
        if value in (None, ""):
            raise ValidationError("required", field="due_date")
        day = check_date(value) if isinstance(value, date) else parse_date(str(value))
        today = local_day(now, office.timezone)
        if not today <= day <= today + timedelta(days=DUE_DAYS_MAX):
            raise ValidationError("out_of_range", field="due_date", value=day.isoformat(), min=today.isoformat(),
                                  max=(today + timedelta(days=DUE_DAYS_MAX)).isoformat())
        return day

    @staticmethod
    def _step(session: Session, actor: Actor, row: SharedPractice, kind: str, from_side: str, to_side: str | None,
              reason: str | None, note: str, due: date | None, now: datetime) -> None:
        session.add(PracticeStep(practice_id=row.id, kind=kind, at=now, staff_id=actor.staff_id,
                                 actor=actor.username[:64], from_side=from_side, to_side=to_side, reason=reason,
                                 note=note, due_date=due))
        session.flush()

    def _view(self, session: Session, actor: Actor, office: Office, row: SharedPractice, *,
              with_steps: bool = False) -> PracticeView:
        today = local_day(self.clock.now(), office.timezone)
        town = _town_of(office.name, office.address)
        open_ = row.status != "closed"
        days = working_days_between(local_day(row.sent_at, office.timezone), today, town) if open_ else 0
        steps: tuple[StepView, ...] = ()
        if with_steps:
            steps = tuple(StepView(s.kind, s.at, s.actor, s.from_side, s.to_side, s.reason, s.note, s.due_date)
                          for s in session.execute(select(PracticeStep).where(PracticeStep.practice_id == row.id)
                                                   .order_by(PracticeStep.at, PracticeStep.id)).scalars())
        # The Questura never learns which counter case a practice came from.
        case_id = row.case_id if side_of(actor) == "prefettura" else None
        return PracticeView(row.id, row.practice_number, row.procedure_code, row.owner, row.status, row.waiting_on,
                            row.reason, row.due_date, row.outcome, row.opened_at, row.sent_at, row.closed_at, days,
                            open_ and row.due_date is not None and today > row.due_date, case_id, steps)

    @staticmethod
    def _steps_since(session: Session, ids: Sequence[int], since: datetime | None) -> dict[int, list[StepView]]:
        """The steps of the practices ``ids`` after ``since`` (all of them without), oldest first, in few queries
        (a meeting list of thousands of practices must not cost a query each)."""
        found: dict[int, list[StepView]] = {}
        for start in range(0, len(ids), 500):
            query = select(PracticeStep).where(PracticeStep.practice_id.in_(ids[start:start + 500]))
            if since is not None:
                query = query.where(PracticeStep.at > since)
            for s in session.execute(query.order_by(PracticeStep.practice_id, PracticeStep.at,
                                                    PracticeStep.id)).scalars():
                found.setdefault(s.practice_id, []).append(
                    StepView(s.kind, s.at, s.actor, s.from_side, s.to_side, s.reason, s.note, s.due_date))
        return found

    @staticmethod
    def _meeting_view(session: Session, meeting: CoordinationMeeting) -> MeetingView:
        decisions = tuple((pid, number, kind, note, due) for pid, number, kind, note, due in session.execute(select(
            MeetingDecision.practice_id, SharedPractice.practice_number, MeetingDecision.decision,
            MeetingDecision.note, MeetingDecision.due_date).join(
            SharedPractice, SharedPractice.id == MeetingDecision.practice_id).where(
            MeetingDecision.meeting_id == meeting.id).order_by(MeetingDecision.id)))
        return MeetingView(meeting.id, meeting.held_at, meeting.min_days, meeting.note, meeting.recorded_by,
                           decisions)


def _open_number_taken(exc: IntegrityError) -> bool:
    """Whether ``exc`` is the partial unique index on open practice numbers (PostgreSQL names the index,
    SQLite the columns)."""
    text = str(exc.orig)
    return OPEN_NUMBER_INDEX in text or "shared_practice.office_id, shared_practice.practice_number" in text


def _publish(session: Session, row: SharedPractice, action: str, now: datetime) -> None:
    """Tell every desk (change feed, kind ``practice``) that a shared practice moved, inside the write's
    transaction: the id, status and office waited on, never the practice number (the feed is not audited)."""
    notify(session, Change("practice", action, row.office_id, now,
                           {"practice": row.id, "status": row.status, "waiting_on": row.waiting_on}))


def _case_procedure(session: Session, case: Case) -> str:
    return session.execute(select(Procedure.code).join(ProcedureVersion).where(
        ProcedureVersion.id == case.procedure_version_id)).scalar_one()


__all__ = ["DECISIONS", "REASONS", "SIDE_NAMES", "Decision", "HandlingRow", "HandlingTimes", "MeetingGroup",
           "MeetingLine", "MeetingList", "MeetingView", "MonthFigure", "PracticeService", "PracticeView", "Reason",
           "StepView", "is_working_day", "other_side", "percentile", "reasons_for", "side_of", "waiting_share",
           "working_days_between"]
