"""The queue engine: issuing, calling and moving tickets, safely under many desks at once.

Rules (see DESIGN.md, "Rules that are easy to get wrong"):

* Numbers come from a per (office, service, local day) counter row, upserted
  with ``INSERT ... ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last``;
  never ``MAX()+1``. A unique key on (origin service, day, seq) backs it up.
* Call next is one ``UPDATE ... WHERE id = (SELECT ... ORDER BY sort_key LIMIT 1
  FOR UPDATE SKIP LOCKED) AND status = 'waiting' RETURNING``; on SQLite the write
  transaction is ``BEGIN IMMEDIATE``, which serialises it.
* Every other transition is a conditional UPDATE from the expected status (and
  desk); when it matches no row the ticket is re-read to say why ("already
  called by desk 3"), and nothing is written.
* A desk holds at most one called/serving ticket (a partial unique index).
* Priority is a head start in minutes subtracted from the issue time
  (``sort_key``): priority first, but an ordinary ticket that has waited longer
  than the head start goes ahead, so nobody is starved. Transfers keep it.

Every transition writes a :class:`~desk_app.db.models.TicketEvent` and tells the
change feed in the same transaction.

The hot path (issue, call-next and the transitions a desk clicks) runs pre-built
SQL on a bare driver connection (:meth:`~desk_app.db.engine.Database.write_bare`):
on PostgreSQL each is ONE statement, the update with its event row and its
``pg_notify`` in a data-modifying CTE (one round trip, autocommit); on SQLite the
same few statements in one ``BEGIN IMMEDIATE``. No ORM object, no desk-state
read before a call (the partial unique index refuses a second ticket; the refusal
is explained afterwards by a read, as every refusal is). Status constants are
written into the SQL, not bound: SQLite uses a partial index only when the
query's condition has the index's own text (``status IN ('called', 'serving')``).
"""

from __future__ import annotations

import time
from collections import namedtuple
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from json.encoder import encode_basestring_ascii as _json_string  # what json.dumps escapes strings with
from typing import Any, Protocol

from sqlalchemy import (
    Integer,
    Select,
    String,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import psycopg as postgresql_psycopg
from sqlalchemy.orm import Session

from desk_app.clock import DEFAULT_TZ, Clock, SystemClock, day_start_utc, local_day
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.office import find_service, resolve_office
from desk_app.core.validation import clean_choice, clean_code, clean_text, clean_username
from desk_app.db.base import UTCDateTime
from desk_app.db.engine import Database, table_of
from desk_app.db.feed import CHANNEL, notify, ticket_change
from desk_app.db.models import (
    ACTIVE_AT_DESK,
    OPEN_AT_CLOSE,
    ChangeLog,
    Desk,
    DeskService,
    Office,
    Service,
    Staff,
    Ticket,
    TicketEvent,
)
from desk_app.errors import ConflictError, DeskError, NotFoundError, QueueEmptyError, ValidationError

#: Priority classes and their head start in minutes over an ordinary ticket.
PRIORITY_HEAD_START: dict[str, int] = {
    "ordinary": 0,
    "appointment": 15,
    "elderly": 20,
    "pregnancy": 30,
    "disability": 30,
}
#: How a service ends. ``missing_documents`` is what the "bring next time" sheet follows up.
OUTCOMES = ("completed", "missing_documents", "redirected", "not_competent", "other")
#: Languages of the territory (ISO 639-1), for the ticket's language and printouts.
LANGUAGES = ("it", "en", "fr", "es", "ro", "sq", "uk", "ar", "ur", "bn", "pa", "hi", "zh")
OPEN_STATUSES = OPEN_AT_CLOSE  # what the day close closes (``ix_ticket_open``)

#: A ticket reference: database id, number as printed today ("A012"), or ``None`` for the desk's current ticket.
TicketRef = int | str | None


class CallFilter(Protocol):
    """An extra condition of call-next (e.g. mediator gating), on ``Ticket``.

    ``condition()`` is called once, when the queue service builds its call-next
    statement, and may use bind parameters; ``params(now)`` gives their values at
    each call. (Building the statement on every call cost more CPU than running it.)
    """

    def condition(self) -> Any: ...

    def params(self, now: datetime) -> dict[str, Any]: ...


@dataclass(frozen=True)
class TicketView:
    """A ticket as the desks and the display board see it (no personal data: tickets have none)."""

    id: int
    number: str
    day: date
    status: str
    service_code: str
    service_name: str
    priority: str
    language: str | None
    needs_mediator: bool
    desk_code: str | None
    issued_at: datetime
    called_at: datetime | None
    serving_at: datetime | None
    finished_at: datetime | None
    recall_count: int
    transfer_count: int
    outcome: str | None
    transferred_from: str | None
    #: Place in call order: issue time minus the priority head start. Lists sort by ``(sort_key, id)``, so a
    #: client holding a list can put one re-read ticket in its place without reading the whole list again.
    sort_key: datetime
    #: Transferred to a desk (its code) or to a colleague (their display name): while waiting, only that desk,
    #: or that colleague at any desk, calls it. Filled by the list reads and the transfer (the hot transitions
    #: leave them ``None``: they return what a desk holds, never a reserved waiting ticket).
    reserved_desk: str | None = None
    reserved_staff: str | None = None

    def waited(self, now: datetime) -> timedelta:
        """Time from issue to call (or to ``now`` while still waiting)."""
        return (self.called_at or now) - self.issued_at


@dataclass(frozen=True)
class ServiceQueue:
    """Waiting count and longest wait of one service, for the queue header."""

    service_code: str
    service_name: str
    waiting: int
    longest_wait: timedelta
    target_wait_minutes: int


@dataclass(frozen=True)
class TransferTargets:
    """Where a ticket may go (:meth:`QueueService.transfer`): (code, name) of services and desks, (username,
    display name) of colleagues."""

    services: list[tuple[str, str]]
    desks: list[tuple[str, str]]
    colleagues: list[tuple[str, str]]


@dataclass(frozen=True)
class Call:
    """A ticket announced to a desk, as the waiting-room board lists it (public: number and desk only).

    Attributes:
        called_at: when it was last announced: its call, or a later recall.
    """

    number: str
    desk_code: str
    called_at: datetime


#: Counter actions a desk offers, in the order the workspace shows them. ``call_next`` takes no ticket; each of
#: the others is a transition of :data:`_SPECS`.
DESK_ACTIONS = ("call_next", "recall", "serve", "finish", "no_show", "park", "resume", "transfer", "cancel",
                "reactivate")
#: Statuses a ticket has been called to a desk in and not sent back to the queue since (what the board lists).
CALLED_STATUSES = ("called", "serving", "done", "no_show", "parked")


@dataclass(frozen=True)
class _Spec:
    """How a transition moves a ticket."""

    action: str
    from_statuses: tuple[str, ...]
    to_status: str
    at_desk: bool  # the ticket must be held by the acting desk


_SPECS = {
    "recall": _Spec("recall", ("called",), "called", True),
    "serve": _Spec("serve", ("called",), "serving", True),
    "finish": _Spec("finish", ("serving",), "done", True),
    "no_show": _Spec("no_show", ("called",), "no_show", True),
    "park": _Spec("park", ("called", "serving"), "parked", True),
    "resume": _Spec("resume", ("parked",), "waiting", False),
    "transfer": _Spec("transfer", ("waiting", "called", "serving"), "waiting", False),
    "cancel": _Spec("cancel", ("waiting", "parked"), "cancelled", False),
    "reactivate": _Spec("reactivate", ("no_show",), "waiting", False),
}


#: Transitions refused for a ticket of another day (numbers restart every day).
_SAME_DAY = frozenset({"reactivate", "resume", "transfer"})
#: Seconds the office's ids and names are cached per service instance.
OFFICE_CACHE_SECONDS = 30.0
#: What a :class:`TicketView` is built from; RETURNING hands these back with each UPDATE.
_VIEW_COLUMNS = (
    Ticket.id, Ticket.number, Ticket.day, Ticket.status, Ticket.service_id, Ticket.priority, Ticket.language,
    Ticket.needs_mediator, Ticket.desk_id, Ticket.issued_at, Ticket.called_at, Ticket.serving_at,
    Ticket.finished_at, Ticket.recall_count, Ticket.transfer_count, Ticket.outcome,
    Ticket.transferred_from_service_id, Ticket.sort_key,
)
#: The view columns and the reservation of a transfer to a desk or a colleague, for lists and transfers (the hot
#: statements return :data:`_VIEW_COLUMNS` only).
_LIST_COLUMNS = (*_VIEW_COLUMNS, Ticket.target_desk_id, Ticket.target_staff_id)
#: Roles a ticket may be transferred to as a colleague (those who serve the queue).
TRANSFER_ROLES = ("clerk", "supervisor", "admin")


# Statements of the hot paths, built once: building SQLAlchemy expressions (and ORM value coercion) on every
# call cost more CPU than the database work itself (measured with benchmarks/queue_bench.py).
_TICKETS = table_of(Ticket)
_TICKET_EVENTS = table_of(TicketEvent)
_EVENT_INSERT = insert(_TICKET_EVENTS)
_EVENT_COLUMNS = ("office_id", "ticket_id", "at", "action", "from_status", "to_status", "service_id", "desk_id",
                  "staff_id")
# PostgreSQL: the event row and its NOTIFY in one statement (a data-modifying CTE), one round trip.
_EVENT_INSERT_NOTIFY = select(func.pg_notify(bindparam("channel"), bindparam("payload"))).select_from(
    insert(_TICKET_EVENTS).values({c: bindparam(c) for c in _EVENT_COLUMNS})
    .returning(_TICKET_EVENTS.c.id).cte("inserted_event")
)


def _clean_number(ref: str) -> str:
    return clean_text(ref, "ticket", 8).upper()


def _lit(value: str) -> Any:
    """A status (or outcome) written into the SQL as ``'waiting'``, not bound as a parameter.

    SQLite uses a partial index only when the query's condition has the index's own terms, and a
    bound ``status IN (?, ?)`` is not ``status IN ('called', 'serving')`` (it scanned the whole ticket
    table: 31.65 ms against 0.01 ms with a year of history); PostgreSQL cannot prove a partial index's
    condition from a parameter either once it switches to a generic plan.
    """
    if not value.replace("_", "").isalnum():
        raise ValueError(f"not a status constant: {value!r}")
    return literal_column(f"'{value}'")


def _status_in(values: Sequence[str]) -> Any:
    """``ticket.status IN ('a', 'b')`` (or ``= 'a'``) with the statuses written in: see :func:`_lit`."""
    if len(values) == 1:
        return _T.status == _lit(values[0])
    return _T.status.in_([_lit(v) for v in values])


@dataclass(frozen=True)
class OfficeInfo:
    """Identity of an office and the codes and names of its services and desks (see ``QueueService._office``).

    Attributes:
        id, code, timezone: of the office.
        services: service id -> (code, name).
        desk_ids: desk code -> id; desk_codes: the reverse.
        loaded: ``time.monotonic()`` when read.
        staff_names: staff id -> display name, of the office's staff (a colleague a ticket is reserved for).
    """

    id: int
    code: str
    timezone: str
    services: dict[int, tuple[str, str]]
    desk_ids: dict[str, int]
    desk_codes: dict[int, str]
    loaded: float
    staff_names: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session, office_code: str | None) -> OfficeInfo:
        office = resolve_office(session, office_code)
        services = {sid: (code, name) for sid, code, name in session.execute(
            select(Service.id, Service.code, Service.name).where(Service.office_id == office.id))}
        desks = dict(session.execute(select(Desk.code, Desk.id).where(Desk.office_id == office.id)).all())
        staff = dict(session.execute(select(Staff.id, Staff.display_name).where(Staff.office_id == office.id)).all())
        return cls(office.id, office.code, office.timezone, services, desks, {v: k for k, v in desks.items()},
                   time.monotonic(), staff)


_T = _TICKETS.c
_DESKS = table_of(Desk)
_NOW = bindparam("now", type_=UTCDateTime())
#: What each transition sets besides ``status`` (bind parameters are filled per call by ``QueueService._move``).
_SET_VALUES: dict[str, dict[str, Any]] = {
    "recall": {"recall_count": _T.recall_count + 1},
    "serve": {"serving_at": _NOW},
    "finish": {"finished_at": _NOW, "outcome": bindparam("outcome", type_=String()),
               "note": bindparam("note", type_=String())},
    "no_show": {"finished_at": _NOW, "outcome": _lit("no_show")},
    "park": {},
    "resume": {"desk_id": None, "called_at": None, "serving_at": None},
    # SET expressions read the old row: the ticket remembers the service it came from.
    "transfer": {"desk_id": None, "called_at": None, "serving_at": None, "transfer_count": _T.transfer_count + 1,
                 "service_id": bindparam("b_target_id", type_=Integer()),
                 "transferred_from_service_id": _T.service_id, "target_desk_id": None, "target_staff_id": None},
    # to a desk or a colleague: same service and place, reserved for them until called
    "transfer_to": {"desk_id": None, "called_at": None, "serving_at": None,
                    "transfer_count": _T.transfer_count + 1,
                    "target_desk_id": bindparam("b_target_desk_id", type_=Integer()),
                    "target_staff_id": bindparam("b_target_staff_id", type_=Integer())},
    "cancel": {"finished_at": _NOW, "outcome": _lit("cancelled"), "desk_id": None},
    "reactivate": {"desk_id": None, "called_at": None, "finished_at": None, "outcome": None},
}
_MOVE_STATEMENTS: dict[tuple[str, str], Any] = {}
#: Is the desk active, and which ticket does it hold (if any)? Only to explain a refused call: the call itself
#: does not read it first (the partial unique index ``uq_ticket_desk_active``, found by its literal condition,
#: refuses a second ticket).
_DESK_STATE = select(
    _DESKS.c.active,
    select(_T.number).where(_T.desk_id == _DESKS.c.id, _status_in(ACTIVE_AT_DESK)).limit(1).scalar_subquery(),
).where(_DESKS.c.id == bindparam("desk_id"))


#: The desk's current ticket (``uq_ticket_desk_active``: see :func:`_lit`).
_CURRENT_TICKET = select(*_VIEW_COLUMNS).where(_T.desk_id == bindparam("desk_id"), _status_in(ACTIVE_AT_DESK))
#: The day close: every ticket of the office still open from before ``before`` (``ix_ticket_open``).
_CLOSE_DAY = (
    update(_TICKETS)
    .where(_T.office_id == bindparam("b_office_id"), _T.day < bindparam("before"), _status_in(OPEN_STATUSES))
    .values(previous_status=_T.status, status=_lit("closed"), finished_at=_NOW, outcome=_lit("day_closed"))
    .returning(*_VIEW_COLUMNS, _T.previous_status)
)


def _recent_calls_statement() -> Any:
    """Today's latest call or recall of each ticket still at a desk, newest first, ``LIMIT :limit``.

    Recall does not change ``called_at`` (the wait is measured to the first call), so the time of the
    announcement comes from the ``ticket_event`` rows. An event is a ticket's latest when no later call or
    recall of that ticket exists: events of one ticket are written one after another under its row lock,
    so a later one has a higher id.
    """
    event = table_of(TicketEvent).alias("event")
    later = table_of(TicketEvent).alias("later")
    announced = ("call", "recall")
    return (
        select(_T.number, event.c.desk_id, event.c.at)
        .select_from(event.join(_TICKETS, _T.id == event.c.ticket_id))
        .where(
            event.c.office_id == bindparam("office_id"), event.c.at >= bindparam("since", type_=UTCDateTime()),
            event.c.action.in_(announced), event.c.desk_id.is_not(None),
            _T.day == bindparam("today"), _T.desk_id == event.c.desk_id, _T.status.in_(CALLED_STATUSES),
            ~select(later.c.id).where(later.c.ticket_id == event.c.ticket_id, later.c.action.in_(announced),
                                      later.c.id > event.c.id).exists(),
        )
        .order_by(event.c.at.desc(), event.c.id.desc())
        .limit(bindparam("limit", type_=Integer()))
    )


_RECENT_CALLS = _recent_calls_statement()


def _move_statement(spec: _Spec, ref_kind: str, reserve: bool = False) -> Any:
    """The conditional UPDATE of a transition, built once per (action, how the ticket is named).

    ``reserve``: a transfer to a desk or a colleague (``transfer_to`` of :data:`_SET_VALUES`) instead of to a
    service; it returns the reservation too (:data:`_LIST_COLUMNS`).
    """
    key = ("transfer_to" if reserve else spec.action, ref_kind)
    if key not in _MOVE_STATEMENTS:
        condition = [_T.office_id == bindparam("b_office_id"), _status_in(spec.from_statuses)]
        if ref_kind == "desk" or spec.at_desk:
            condition.append(_T.desk_id == bindparam("b_desk_id"))
        if ref_kind == "id":
            condition.append(_T.id == bindparam("b_ticket_id"))
        elif ref_kind == "number":
            condition += [_T.number == bindparam("b_number"), _T.day == bindparam("b_today")]
        if spec.action in _SAME_DAY and ref_kind != "number":
            condition.append(_T.day == bindparam("b_today"))
        if spec.action == "transfer":
            if not reserve:
                condition.append(_T.service_id != bindparam("b_target_id"))
            # a ticket at a desk can only be transferred by that desk: another desk's stale list must not take it
            condition.append(or_(_T.status == _lit("waiting"), _T.desk_id == bindparam("b_desk_id")))
        _MOVE_STATEMENTS[key] = (
            update(_TICKETS).where(and_(*condition))
            .values(previous_status=_T.status, status=_lit(spec.to_status), **_SET_VALUES[key[0]])
            .returning(*(_LIST_COLUMNS if spec.action == "transfer" else _VIEW_COLUMNS), Ticket.previous_status)
        )
    return _MOVE_STATEMENTS[key]


def format_number(prefix: str, seq: int) -> str:
    """The printed number: service prefix and at least three digits (``A007``).

    The issue statements compute it in SQL the same way (``lpad`` / ``printf('%03d')``); a test holds them to it.
    """
    return f"{prefix}{seq:03d}"


# -- the hot path on a bare connection ----------------------------------------------------------------------------
#: Dialects the hot statements are compiled for once; named parameters on both (``:name``, ``%(name)s``).
_DIALECTS: dict[str, Any] = {"sqlite": sqlite.dialect(paramstyle="named"),
                             "postgresql": postgresql_psycopg.dialect()}
_VIEW_NAMES = [c.key for c in _VIEW_COLUMNS]
_VIEW_LIST = ", ".join(_VIEW_NAMES)
#: A ticket row as the hot statements return it (the :data:`_VIEW_COLUMNS`, then the status it moved from).
_ViewRow = namedtuple("_ViewRow", [*_VIEW_NAMES, "previous_status"], defaults=[None])  # type: ignore[misc]
_TIMESTAMP_FIELDS = tuple(_VIEW_NAMES.index(n) for n in
                          ("issued_at", "called_at", "serving_at", "finished_at", "sort_key"))
_DAY_FIELD = _VIEW_NAMES.index("day")
_MEDIATOR_FIELD = _VIEW_NAMES.index("needs_mediator")
_ID_FIELD, _NUMBER_FIELD, _STATUS_FIELD, _SERVICE_FIELD = (_VIEW_NAMES.index(n) for n in
                                                           ("id", "number", "status", "service_id"))
_PREVIOUS_FIELD = len(_VIEW_NAMES)  # a transition's RETURNING ends with previous_status
_EVENT_LIST = "office_id, ticket_id, at, action, from_status, to_status, service_id, desk_id, staff_id"
_SQLITE_EVENT = f"INSERT INTO ticket_event ({_EVENT_LIST}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
_SQLITE_CHANGE = "INSERT INTO change_log (at, office_id, kind, action, data) VALUES (?, ?, 'ticket', ?, ?)"


def _sqlite_ts(moment: datetime) -> str:
    """A timestamp as SQLAlchemy stores it on SQLite (naive UTC, always with microseconds), so they sort alike."""
    if moment.tzinfo is UTC:  # the system clock's: one C call instead of three (issue 18, the hot path)
        return moment.isoformat(" ", "microseconds")[:26]  # drops "+00:00"; years are 4 digits (DATE_MIN)
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _change_data(ticket_id: int, number: str, status: str, desk_code: str | None) -> str:
    """The change-log text of a ticket change, exactly as ``json.dumps`` writes it (a test holds them equal),
    made with the C string escaper alone: the JSON encoder's machinery cost a tenth of a transition's Python."""
    desk = "null" if desk_code is None else _json_string(desk_code)
    return (f'{{"ticket": {int(ticket_id)}, "number": {_json_string(number)}, "status": {_json_string(status)}, '
            f'"desk": {desk}}}')


def _db_value(dialect: str, value: Any) -> Any:
    """A parameter as the driver wants it: naive UTC timestamps (text on SQLite), ISO days on SQLite."""
    if isinstance(value, datetime):
        return _sqlite_ts(value) if dialect == "sqlite" else value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, date) and dialect == "sqlite":
        return value.isoformat()
    return value


def _db_values(dialect: str, values: dict[str, Any], now: datetime | None = None) -> dict[str, Any]:
    """:func:`_db_value` of each of ``values``; ``now`` (the transition's moment, which the statement binds up to
    three times: its own, the mediator hold's, the event's) is converted once."""
    if now is None:
        return {k: _db_value(dialect, v) for k, v in values.items()}
    converted = _db_value(dialect, now)
    return {k: converted if v is now else _db_value(dialect, v) for k, v in values.items()}


def _view_row(dialect: str, raw: Sequence[Any], moved: bool = False) -> Any:
    """A :data:`_ViewRow` from a driver row: aware UTC timestamps, ``date`` days and ``bool`` flags.

    ``moved``: the row goes on with ``previous_status`` (a transition's); else that is ``None`` (an issue or a
    call, whose next column, on PostgreSQL, is the NOTIFY's).
    """
    values = list(raw[:len(_VIEW_NAMES) + (1 if moved else 0)])
    for i in _TIMESTAMP_FIELDS:
        value = values[i]
        if value is not None:
            values[i] = (datetime.fromisoformat(value) if isinstance(value, str) else value).replace(tzinfo=UTC)
    if isinstance(values[_DAY_FIELD], str):
        values[_DAY_FIELD] = date.fromisoformat(values[_DAY_FIELD])
    values[_MEDIATOR_FIELD] = bool(values[_MEDIATOR_FIELD])
    return _ViewRow(*values)


def _compiled(statement: Any, dialect: str) -> tuple[str, dict[str, Any]]:
    """SQL text of a SQLAlchemy statement for ``dialect``, and the values of the parameters it fixes itself."""
    compiled = statement.compile(dialect=_DIALECTS[dialect])
    required = {name for name, bind in compiled.binds.items() if bind.required}
    state = compiled.construct_expanded_state(dict.fromkeys(required))
    return state.statement, {k: v for k, v in state.parameters.items() if k not in required}


def _pg_announced(changed_sql: str, action: str, from_status: str, prelude: str = "") -> str:
    """PostgreSQL: ``changed_sql`` (an INSERT/UPDATE ... RETURNING the view columns) with its event row and its
    NOTIFY, in one statement: ``WITH changed AS (...), event AS (INSERT ...) SELECT changed.*, pg_notify(...)``.

    The payload is :meth:`~desk_app.db.feed.Change.to_json`'s, built by the server from the returned row:
    ``ticket_change(office, id, number, action, status, desk code, at)``. ``prelude``: CTEs ``changed_sql``
    reads (``"a AS (...), "``); a data-modifying CTE must be at the top level.
    """
    return (
        f"WITH {prelude}changed AS ({changed_sql}), "
        f"event AS (INSERT INTO ticket_event ({_EVENT_LIST}) SELECT %(ev_office_id)s::integer, id, "
        f"%(ev_at)s::timestamp, '{action}', {from_status}, status, service_id, %(ev_desk_id)s::integer, "
        f"%(ev_staff_id)s::integer FROM changed) "
        f"SELECT changed.*, pg_notify('{CHANNEL}', json_build_object('k', 'ticket', 'a', '{action}', "
        f"'o', %(ev_office_id)s::integer, 't', %(ev_at_iso)s::text, 'd', json_build_object('ticket', id, "
        f"'number', number, 'status', status, 'desk', %(ev_desk_code)s::text))::text) FROM changed"
    )


@dataclass(frozen=True)
class _Announce:
    """Who did a hot transition, for its event row and its change: office, acting desk, staff, when."""

    office_id: int
    desk_id: int | None
    desk_code: str | None
    staff_id: int | None
    at: datetime


@dataclass(frozen=True)
class _HotStatement:
    """A transition as pre-built SQL for one dialect: run it, record its event and announce it (see module doc).

    ``sql`` changes the ticket and returns the :data:`_VIEW_COLUMNS` (then ``previous_status``); on
    PostgreSQL it also writes the event and sends the NOTIFY. ``defaults`` are the parameters the statement
    fixes itself; ``from_status`` names the event's old status (``None``: from ``previous_status``).
    """

    dialect: str
    action: str
    sql: str
    defaults: dict[str, Any]
    from_status: str | None

    def work(self, values: dict[str, Any], who: _Announce) -> Callable[[Any], Any]:
        """The transition as work for :meth:`Database.write_bare`: it returns the driver's row (or ``None``);
        :meth:`view` converts it.

        Why prepared here: every parameter, the event's timestamp and the statement texts are made before the
        transaction opens, and the row is converted after it commits, so on SQLite the write lock that 8 desks
        take in turn is held for the statements alone (issue 18: Python work inside ``BEGIN IMMEDIATE`` is
        time every other desk waits).
        """
        params = {**self.defaults, **_db_values(self.dialect, values, who.at)}
        sql = self.sql
        if self.dialect == "postgresql":
            params.update(ev_office_id=who.office_id, ev_at=_db_value(self.dialect, who.at),
                          ev_at_iso=who.at.isoformat(), ev_desk_id=who.desk_id, ev_desk_code=who.desk_code,
                          ev_staff_id=who.staff_id)

            def run_postgresql(conn: Any) -> Any:
                return conn.execute(sql, params).fetchone()

            return run_postgresql
        # the event's moment is the statement's own "now" (already SQLite's text) when it is the same moment
        at = params["now"] if values.get("now") is who.at else _sqlite_ts(who.at)
        action, from_status = self.action, self.from_status

        def run_sqlite(conn: Any) -> Any:
            rows = conn.execute(sql, params).fetchall()
            if not rows:
                return None
            raw = rows[0]
            ticket_id, status = raw[_ID_FIELD], raw[_STATUS_FIELD]
            conn.execute(_SQLITE_EVENT, (who.office_id, ticket_id, at, action,
                                         raw[_PREVIOUS_FIELD] if from_status is None else from_status, status,
                                         raw[_SERVICE_FIELD], who.desk_id, who.staff_id))
            conn.execute(_SQLITE_CHANGE, (at, who.office_id, action,
                                          _change_data(ticket_id, raw[_NUMBER_FIELD], status, who.desk_code)))
            return raw

        return run_sqlite

    def view(self, raw: Any) -> Any:
        """The :data:`_ViewRow` of what :meth:`work` returned (``None`` stays ``None``)."""
        return None if raw is None else _view_row(self.dialect, raw, self.from_status is None)


def _hot_statement(dialect: str, action: str, statement: Any, from_status: str | None) -> _HotStatement:
    """A :class:`_HotStatement` from a SQLAlchemy UPDATE ... RETURNING, compiled once for ``dialect``."""
    sql, defaults = _compiled(statement, dialect)
    if dialect == "postgresql":
        sql = _pg_announced(sql, action, "previous_status" if from_status is None else f"'{from_status}'")
    return _HotStatement(dialect, action, sql, defaults, from_status)


#: Issuing: the day's counter of the service named by code (only if active), then the ticket with its number.
_PG_ISSUE = _pg_announced(
    "INSERT INTO ticket (office_id, service_id, origin_service_id, day, seq, number, status, priority, language, "
    "needs_mediator, sort_key, issued_at, recall_count, transfer_count) "
    "SELECT %(office_id)s::integer, counter.service_id, counter.service_id, %(day)s::date, counter.last, "
    "svc.prefix || lpad(counter.last::text, greatest(3, length(counter.last::text)), '0'), 'waiting', "
    "%(priority)s::varchar, %(language)s::varchar, %(needs_mediator)s::boolean, %(sort_key)s::timestamp, "
    "%(now)s::timestamp, 0, 0 FROM counter JOIN svc ON svc.id = counter.service_id "
    f"RETURNING {_VIEW_LIST}",
    "issue", "NULL",
    prelude="svc AS (SELECT id, prefix FROM service WHERE office_id = %(office_id)s::integer "
    "AND code = %(code)s::varchar AND active IS true), "
    "counter AS (INSERT INTO ticket_counter (office_id, service_id, day, last) "
    "SELECT %(office_id)s::integer, id, %(day)s::date, 1 FROM svc ON CONFLICT (office_id, service_id, day) "
    "DO UPDATE SET last = ticket_counter.last + 1 RETURNING service_id, last), ",
)
_SQLITE_ISSUE_COUNTER = (
    "INSERT INTO ticket_counter (office_id, service_id, day, last) SELECT office_id, id, :day, 1 FROM service "
    "WHERE office_id = :office_id AND code = :code AND active = 1 "
    "ON CONFLICT (office_id, service_id, day) DO UPDATE SET last = last + 1 RETURNING service_id, last"
)
_SQLITE_ISSUE_TICKET = (
    "INSERT INTO ticket (office_id, service_id, origin_service_id, day, seq, number, status, priority, language, "
    "needs_mediator, sort_key, issued_at, recall_count, transfer_count) "
    "SELECT office_id, id, id, :day, :seq, prefix || printf('%03d', :seq), 'waiting', :priority, :language, "
    ":needs_mediator, :sort_key, :now, 0, 0 FROM service WHERE id = :service_id "
    f"RETURNING {_VIEW_LIST}"
)


def _issue_work(dialect: str, values: dict[str, Any], who: _Announce) -> Callable[[Any], Any]:
    """The work of issuing on a driver connection: the new ticket's driver row (convert it with
    :func:`_view_row`), or ``None`` (no such active service). Parameters are made before the transaction opens
    and the row converted after it (see :meth:`_HotStatement.work`)."""
    params = _db_values(dialect, values, values["now"])
    if dialect == "postgresql":
        pg_params = {**params, "ev_office_id": who.office_id, "ev_at": params["now"],
                     "ev_at_iso": who.at.isoformat(), "ev_desk_id": None, "ev_desk_code": None,
                     "ev_staff_id": who.staff_id}

        def work_postgresql(conn: Any) -> Any:
            return conn.execute(_PG_ISSUE, pg_params).fetchone()

        return work_postgresql
    at = params["now"]

    def work(conn: Any) -> Any:
        counted = conn.execute(_SQLITE_ISSUE_COUNTER, params).fetchall()
        if not counted:
            return None
        service_id, seq = counted[0]
        raw = conn.execute(_SQLITE_ISSUE_TICKET, {**params, "seq": seq, "service_id": service_id}).fetchall()[0]
        conn.execute(_SQLITE_EVENT, (who.office_id, raw[_ID_FIELD], at, "issue", None, "waiting", service_id, None,
                                     who.staff_id))
        conn.execute(_SQLITE_CHANGE, (at, who.office_id, "issue",
                                      _change_data(raw[_ID_FIELD], raw[_NUMBER_FIELD], "waiting", None)))
        return raw

    return work


class QueueService:
    """Use cases of the live queue, for one office.

    Args:
        db: the database.
        authorizer: permission checks and refusal auditing.
        clock: time source (a :class:`~desk_app.clock.ManualClock` in simulations).
        office_code: the office to work for; ``None`` means the only office in the database.
        call_filters: extra conditions call-next applies (features such as mediator gating add them).
    """

    def __init__(
        self,
        db: Database,
        authorizer: Authorizer,
        clock: Clock | None = None,
        office_code: str | None = None,
        call_filters: Sequence[CallFilter] = (),
    ) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code
        self._call_filters = list(call_filters)
        self._info: OfficeInfo | None = None
        self._call_stmt: Any = None
        self._hot: dict[tuple[str, str, str], _HotStatement] = {}

    @property
    def call_filters(self) -> list[CallFilter]:
        return self._call_filters

    @call_filters.setter
    def call_filters(self, filters: Sequence[CallFilter]) -> None:
        self._call_filters = list(filters)
        self._call_stmt = None  # rebuilt with the new conditions
        self._hot.pop(("call", "desk", "sqlite"), None)
        self._hot.pop(("call", "desk", "postgresql"), None)

    # -- helpers -----------------------------------------------------------------------------------------------
    def _office(self, session: Session, actor: Actor) -> OfficeInfo:
        """The office's ids and names, cached for :data:`OFFICE_CACHE_SECONDS` (they almost never change).

        Only identities and names come from the cache; every rule (active service,
        desk, status) is checked in the statement that acts, so a stale cache can
        at worst show an old service name for a few seconds.
        """
        info = self._info
        if info is None or time.monotonic() - info.loaded > OFFICE_CACHE_SECONDS:
            info = self._info = OfficeInfo.load(session, self.office_code)
        self.auth.require_office(actor, info.id, session)
        return info

    def _office_bare(self, actor: Actor) -> OfficeInfo:
        """:meth:`_office` for the hot path, outside any transaction (a refusal is audited at once)."""
        info = self._info
        if info is None or time.monotonic() - info.loaded > OFFICE_CACHE_SECONDS:
            info = self._reload(None)
        self.auth.require_office(actor, info.id)
        return info

    def _reload(self, session: Session | None) -> OfficeInfo:
        """Read the office's ids and names again (in ``session``, or in a read of their own)."""
        if session is None:
            self._info = self.db.read(lambda s: OfficeInfo.load(s, self.office_code))
        else:
            self._info = OfficeInfo.load(session, self.office_code)
        return self._info

    def _desk_id(self, session: Session | None, info: OfficeInfo, code: str) -> tuple[OfficeInfo, int]:
        known = info.desk_ids.get(code)
        if known is not None:  # typed exactly as stored, so clean already (clean_code returns it unchanged)
            return info, known
        clean = clean_code(code, "desk")
        if clean not in info.desk_ids:  # maybe created since the cache was filled
            info = self._reload(session)
        if clean not in info.desk_ids:
            raise NotFoundError("unknown_desk", value=code)
        return info, info.desk_ids[clean]

    def today(self, office: OfficeInfo | Office | None = None) -> date:
        return local_day(self.clock.now(), office.timezone if office else "Europe/Rome")

    def _view_of(self, session: Session | None, info: OfficeInfo, row: Any) -> TicketView:
        """A view from the :data:`_VIEW_COLUMNS` of a row, with names from the office cache."""
        moved_from, desk_id = row.transferred_from_service_id, row.desk_id
        if row.service_id not in info.services or (moved_from is not None and moved_from not in info.services) or (
                desk_id is not None and desk_id not in info.desk_codes):
            info = self._reload(session)
        code, name = info.services[row.service_id]
        target_desk, target_staff = getattr(row, "target_desk_id", None), getattr(row, "target_staff_id", None)
        if (target_desk is not None and target_desk not in info.desk_codes) or (
                target_staff is not None and target_staff not in info.staff_names):
            info = self._reload(session)
        return TicketView(
            row.id, row.number, row.day, row.status, code, name, row.priority, row.language, row.needs_mediator,
            info.desk_codes.get(row.desk_id) if row.desk_id is not None else None, row.issued_at, row.called_at,
            row.serving_at, row.finished_at, row.recall_count, row.transfer_count, row.outcome,
            info.services[row.transferred_from_service_id][0] if row.transferred_from_service_id else None,
            row.sort_key,
            info.desk_codes.get(target_desk) if target_desk is not None else None,
            info.staff_names.get(target_staff) if target_staff is not None else None,
        )

    def _views(self, session: Session, info: OfficeInfo, query: Select[Any]) -> list[TicketView]:
        """Run ``query`` (a ``select(Ticket)`` with conditions and order) and return views.

        Plain columns, not ORM objects, and names from the office cache instead of
        joins: the queue view re-reads up to a few thousand tickets on every change.
        """
        rows = session.connection().execute(query.with_only_columns(*_LIST_COLUMNS)).all()
        return [self._view_of(session, info, row) for row in rows]

    def _event(self, session: Session, info: OfficeInfo, view: TicketView, ticket_service_id: int, action: str,
               from_status: str | None, desk_id: int | None, actor: Actor, now: datetime) -> None:
        """Record the transition and announce it, in the caller's transaction.

        On PostgreSQL the insert and the NOTIFY go in one statement (a data-modifying
        CTE): one round trip instead of two on the hottest path.
        """
        values = {"office_id": info.id, "ticket_id": view.id, "at": now, "action": action,
                  "from_status": from_status, "to_status": view.status, "service_id": ticket_service_id,
                  "desk_id": desk_id, "staff_id": actor.staff_id}
        change = ticket_change(info.id, view.id, view.number, action, view.status,
                               info.desk_codes.get(desk_id) if desk_id else None, now)
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            conn.execute(_EVENT_INSERT_NOTIFY, {**values, "channel": CHANNEL, "payload": change.to_json()})
        else:
            conn.execute(_EVENT_INSERT, values)
            notify(session, change)

    @staticmethod
    def _transfer_target(session: Session, info: OfficeInfo, to_desk: str | None, to_staff: str | None
                         ) -> tuple[int | None, int | None]:
        """The (desk id, staff id) a ticket is reserved for: an active desk of the office, or an active colleague
        of the office who serves the queue (:data:`TRANSFER_ROLES`)."""
        if to_desk is not None:
            code = clean_code(to_desk, "desk")
            desk = session.execute(select(Desk).where(Desk.office_id == info.id, Desk.code == code)).scalar()
            if desk is None or not desk.active:
                raise NotFoundError("unknown_desk", value=code)
            return desk.id, None
        username = clean_username(to_staff or "")
        colleague = session.execute(select(Staff).where(Staff.office_id == info.id, Staff.username == username,
                                                        Staff.active.is_(True))).scalar()
        if colleague is None or colleague.role not in TRANSFER_ROLES:
            raise NotFoundError("unknown_staff", value=username)
        return None, colleague.id

    def _explain(self, session: Session, info: OfficeInfo, spec: _Spec, ref: TicketRef, desk_id: int | None,
                 today: date, target_service_id: int | None = None) -> DeskError:
        """Why a conditional update matched nothing, from a fresh read (only on this unhappy path)."""
        if ref is None:
            ticket = session.execute(select(Ticket).where(Ticket.desk_id == desk_id,
                                                          _status_in(ACTIVE_AT_DESK))).scalar()
            if ticket is None:
                return ConflictError("desk_idle", desk=info.desk_codes.get(desk_id or 0, "?"))
        else:
            ticket = self._find(session, info, ref, today)
        if ticket.day != today and spec.action in _SAME_DAY:
            return ConflictError("ticket_other_day", number=ticket.number, day=ticket.day.isoformat())
        if target_service_id is not None and ticket.service_id == target_service_id:
            return ConflictError("same_service", number=ticket.number, service=info.services[target_service_id][0])
        if ticket.status in ACTIVE_AT_DESK and ticket.desk_id is not None and ticket.desk_id != desk_id:
            return ConflictError("ticket_taken", number=ticket.number, desk=info.desk_codes.get(ticket.desk_id, "?"))
        return ConflictError("ticket_wrong_state", number=ticket.number, status=ticket.status, action=spec.action)

    @staticmethod
    def _find(session: Session, info: OfficeInfo, ref: int | str, today: date) -> Ticket:
        """The ticket a reference names: an id, or a number printed today."""
        if isinstance(ref, int):
            ticket = session.get(Ticket, ref)
            if ticket is None or ticket.office_id != info.id:
                raise NotFoundError("unknown_ticket", value=str(ref))
            return ticket
        number = _clean_number(ref)
        found = session.execute(select(Ticket).where(Ticket.office_id == info.id, Ticket.day == today,
                                                     Ticket.number == number).limit(2)).scalars().all()
        if not found:
            raise NotFoundError("unknown_ticket", value=number)
        if len(found) > 1:  # only if a prefix moved to another service during the day
            raise ConflictError("ticket_ambiguous", number=number)
        return found[0]

    def _call_statement(self) -> Any:
        """``UPDATE ticket ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING``, built once.

        Bind parameters: ``b_office_id``, ``b_today``, ``b_desk_id``, ``b_staff_id``, ``now``
        and the call filters' own.
        """
        if self._call_stmt is None:
            served = select(DeskService.__table__.c.service_id).where(
                DeskService.__table__.c.desk_id == bindparam("b_desk_id"))
            services = Service.__table__.c
            # A ticket transferred to a desk or a colleague is that desk's, or that colleague's at any desk;
            # the others are for every desk serving their service. A filter on the rows the waiting index
            # walks in call order, so the reserved ticket keeps its place.
            callable_here = or_(
                and_(_T.service_id.in_(served), _T.target_desk_id.is_(None), _T.target_staff_id.is_(None)),
                _T.target_desk_id == bindparam("b_desk_id"), _T.target_staff_id == bindparam("b_staff_id"))
            candidates = (
                select(_T.id)
                .join(Service.__table__, services.id == _T.service_id)
                .where(_T.office_id == bindparam("b_office_id"), _T.day == bindparam("b_today"),
                       _T.status == _lit("waiting"), callable_here, services.active.is_(True))
            )
            for extra in self.call_filters:
                candidates = candidates.where(extra.condition())
            chosen = (candidates.order_by(_T.sort_key, _T.id).limit(1)
                      .with_for_update(of=_TICKETS, skip_locked=True).scalar_subquery())
            # an inactive desk calls nothing (checked in the statement, not read before it)
            desk_active = exists().where(_DESKS.c.id == bindparam("b_desk_id"), _DESKS.c.active.is_(True))
            self._call_stmt = (
                update(_TICKETS).where(_T.id == chosen, _T.status == _lit("waiting"), desk_active)
                .values(status=_lit("called"), desk_id=bindparam("b_desk_id"), staff_id=bindparam("b_staff_id"),
                        called_at=_NOW)
                .returning(*_VIEW_COLUMNS)
            )
        return self._call_stmt

    def _hot_call(self) -> _HotStatement:
        """Call-next as a :class:`_HotStatement` for this database, compiled once (with the call filters)."""
        key = ("call", "desk", self.db.dialect)
        if key not in self._hot:
            self._hot[key] = _hot_statement(self.db.dialect, "call", self._call_statement(), "waiting")
        return self._hot[key]

    def _hot_move(self, spec: _Spec, ref_kind: str) -> _HotStatement:
        """A transition as a :class:`_HotStatement` for this database, compiled once."""
        key = (spec.action, ref_kind, self.db.dialect)
        if key not in self._hot:
            self._hot[key] = _hot_statement(self.db.dialect, spec.action, _move_statement(spec, ref_kind), None)
        return self._hot[key]

    # -- issuing -----------------------------------------------------------------------------------------------
    def issue_ticket(
        self,
        actor: Actor,
        service_code: str,
        *,
        priority: str = "ordinary",
        language: str | None = None,
        needs_mediator: bool = False,
    ) -> TicketView:
        """Issue the next number of ``service_code`` for today. Needs ``issue``.

        One statement on PostgreSQL (counter upsert, ticket insert, event and NOTIFY in one CTE, autocommit),
        four in one ``BEGIN IMMEDIATE`` on SQLite; the service is found by code (and must be active) inside it.
        """
        self.auth.require(actor, "issue", "service", service_code)
        office = self._office_bare(actor)
        work, explain = self._issue(office, actor, service_code, priority, language, needs_mediator)
        raw = self.db.write_bare(work)
        if raw is None:
            raise self.db.read(explain)
        return self._view_of(None, office, _view_row(self.db.dialect, raw))

    def _issue(self, office: OfficeInfo, actor: Actor, service_code: str, priority: str, language: str | None,
               needs_mediator: bool) -> tuple[Callable[[Any], Any], Callable[[Session], DeskError]]:
        """The work of an issue on a driver connection (see :func:`_issue_work`), and why it may issue nothing."""
        code = clean_code(service_code, "service")
        priority = clean_choice(priority, "priority", PRIORITY_HEAD_START)
        if language is not None:
            language = clean_choice(language.strip().lower(), "language", LANGUAGES)
        now = self.clock.now()
        values = {"office_id": office.id, "code": code, "day": local_day(now, office.timezone),
                  "priority": priority, "language": language, "needs_mediator": bool(needs_mediator),
                  "sort_key": now - timedelta(minutes=PRIORITY_HEAD_START[priority]), "now": now}

        def explain(session: Session) -> DeskError:
            service = find_service(session, office.id, code)  # raises unknown_service
            return ConflictError("service_inactive", value=service.code)

        return _issue_work(self.db.dialect, values, _Announce(office.id, None, None, actor.staff_id, now)), explain

    def issue_ticket_in(
        self,
        session: Session,
        actor: Actor,
        service_code: str,
        *,
        priority: str = "ordinary",
        language: str | None = None,
        needs_mediator: bool = False,
    ) -> TicketView:
        """Issue a ticket inside the caller's write transaction, for a feature that must issue it together with
        its own change (appointment check-in). Needs ``issue`` in the service's office."""
        self.auth.require(actor, "issue", "service", service_code, session=session)
        office = self._office(session, actor)
        work, explain = self._issue(office, actor, service_code, priority, language, needs_mediator)
        # the same statements as issue_ticket, on the driver connection of the caller's transaction
        raw = work(session.connection().connection.driver_connection)
        if raw is None:
            raise explain(session)
        return self._view_of(session, office, _view_row(self.db.dialect, raw))

    # -- calling -----------------------------------------------------------------------------------------------
    def call_next(self, actor: Actor, desk_code: str) -> TicketView:
        """Give ``desk_code`` the first waiting ticket of the services it serves.

        Raises :class:`QueueEmptyError` when nothing is callable, :class:`ConflictError`
        ``desk_busy`` when the desk still holds a ticket.
        """
        self.auth.require(actor, "serve_queue", "desk", desk_code)
        office, desk_id = self._desk_id(None, self._office_bare(actor), desk_code)
        now = self.clock.now()
        params: dict[str, Any] = {"b_office_id": office.id, "b_today": local_day(now, office.timezone),
                                  "b_desk_id": desk_id, "b_staff_id": actor.staff_id, "now": now}
        for extra in self.call_filters:
            params.update(extra.params(now))
        statement = self._hot_call()
        who = _Announce(office.id, desk_id, office.desk_codes[desk_id], actor.staff_id, now)
        clash = False
        try:
            row = statement.view(self.db.write_bare(statement.work(params, who)))
        except self.db.dbapi.IntegrityError:  # the desk holds a ticket (uq_ticket_desk_active said so)
            row, clash = None, True
        if row is None:
            raise self.db.read(lambda session: self._explain_call(session, office, desk_id, desk_code, now, clash))
        return self._view_of(None, office, row)

    def _explain_call(self, session: Session, office: OfficeInfo, desk_id: int, desk_code: str, now: datetime,
                      clash: bool) -> DeskError:
        """Why call-next gave the desk nothing, from a fresh read (only on this unhappy path).

        In this order: the desk is not active; it holds a ticket (``clash``: the unique index refused a
        second one); tickets wait but the call filters hold them back; nothing waits.
        """
        desk_code_clean = office.desk_codes[desk_id]
        active, held = session.connection().execute(_DESK_STATE, {"desk_id": desk_id}).one()
        if not active:
            return NotFoundError("unknown_desk", value=desk_code)
        if held is not None or clash:  # clash without a holder now: the other window's ticket moved on meanwhile
            return ConflictError("desk_busy", desk=desk_code_clean, number=held or "?")
        if self.call_filters:  # say so when tickets wait but are held back (e.g. for their mediator)
            held_back = session.connection().execute(
                select(func.count()).select_from(Ticket).join(Service, Service.id == Ticket.service_id)
                .where(
                    Ticket.office_id == office.id, Ticket.day == local_day(now, office.timezone),
                    Ticket.status == _lit("waiting"), Ticket.needs_mediator.is_(True), Service.active.is_(True),
                    Ticket.service_id.in_(select(DeskService.service_id).where(DeskService.desk_id == desk_id)))
            ).scalar()
            if held_back:
                return QueueEmptyError("queue_held_back", desk=desk_code_clean, count=held_back)
        return QueueEmptyError("queue_empty", desk=desk_code_clean)

    def _move(self, actor: Actor, spec: _Spec, ref: TicketRef, desk_code: str | None,
              params: dict[str, Any] | None = None, *, service_code: str | None = None,
              to_desk: str | None = None, to_staff: str | None = None) -> TicketView:
        """One conditional UPDATE from the expected status; on no match, explain from a fresh read.

        The ticket is named by ``ref`` (id, today's number) or, when ``None``, is the
        one ``desk_code`` holds. ``previous_status = status`` in the same UPDATE hands
        back the status it moved from, for the event, without reading the row first.
        ``params`` fills the action's own bind parameters (see :data:`_SET_VALUES`). A transfer names its
        target: ``service_code``, or ``to_desk`` (a desk code) or ``to_staff`` (a username) to reserve it.
        """
        if ref is not None and not isinstance(ref, int):
            ref = _clean_number(ref)
        reserve = spec.action == "transfer" and service_code is None
        if reserve and (to_desk is None) == (to_staff is None):
            raise ValidationError("transfer_target")
        if spec.action != "transfer" and not isinstance(ref, str):
            self.auth.require(actor, "serve_queue", "ticket", str(ref or desk_code or ""))
            return self._move_bare(actor, spec, ref, desk_code, params)

        def work(session: Session) -> TicketView:
            nonlocal ref
            office = self._office(session, actor)
            if isinstance(ref, str):  # a printed number names exactly one of today's tickets, or none
                ref = self._find(session, office, ref, local_day(self.clock.now(), office.timezone)).id
            desk_id = None
            if desk_code:
                office, desk_id = self._desk_id(session, office, desk_code)
            if (spec.at_desk or ref is None) and desk_id is None:
                raise ValidationError("required", field="desk")
            now = self.clock.now()
            today = local_day(now, office.timezone)
            # "b_" names: SQLAlchemy reserves bare column names for the SET clause
            bind: dict[str, Any] = {"b_office_id": office.id, "b_desk_id": desk_id, "b_ticket_id": ref,
                                    "b_number": ref, "b_today": today, "now": now, **(params or {})}
            target_id = None
            if service_code is not None:
                target = find_service(session, office.id, service_code)
                if not target.active:
                    raise ConflictError("service_inactive", value=target.code)
                bind["b_target_id"] = target_id = target.id
            if reserve:
                bind["b_target_desk_id"], bind["b_target_staff_id"] = self._transfer_target(
                    session, office, to_desk, to_staff)
            ref_kind = "desk" if ref is None else "id" if isinstance(ref, int) else "number"
            row = session.connection().execute(_move_statement(spec, ref_kind, reserve), bind).first()
            if row is None:
                raise self._explain(session, office, spec, ref, desk_id, today, target_id)
            view = self._view_of(session, office, row)
            moved_service = spec.action == "transfer" and not reserve
            event_service = row.transferred_from_service_id if moved_service else row.service_id
            self._event(session, office, view, event_service, spec.action, row.previous_status, desk_id, actor, now)
            if spec.action == "transfer":  # who sent whom where: the board and lists show only the reservation
                self.auth.audit_log.record(session, actor.audit, "ticket.transfer", "ticket", view.number, detail={
                    "day": view.day.isoformat(), "from": row.previous_status, "desk": desk_code and clean_code(
                        desk_code, "desk"), "to_service": view.service_code if moved_service else None,
                    "to_desk": view.reserved_desk, "to_staff": to_staff and clean_username(to_staff)})
            return view

        self.auth.require(actor, "serve_queue", "ticket", str(ref or desk_code or ""))
        return self.db.write(work)

    def _move_bare(self, actor: Actor, spec: _Spec, ref: int | None, desk_code: str | None,
                   params: dict[str, Any] | None) -> TicketView:
        """:meth:`_move` on the hot path, for a ticket named by id or as the desk's own: one statement on
        PostgreSQL (the UPDATE, its event and its NOTIFY), three in one transaction on SQLite."""
        office = self._office_bare(actor)
        desk_id = None
        if desk_code:
            office, desk_id = self._desk_id(None, office, desk_code)
        if (spec.at_desk or ref is None) and desk_id is None:
            raise ValidationError("required", field="desk")
        now = self.clock.now()
        today = local_day(now, office.timezone)
        ref_kind = "desk" if ref is None else "id"
        values: dict[str, Any] = {"b_office_id": office.id, "b_desk_id": desk_id, "b_today": today, "now": now,
                                  **(params or {})}
        if ref is not None:
            values["b_ticket_id"] = ref
        statement = self._hot_move(spec, ref_kind)
        who = _Announce(office.id, desk_id, office.desk_codes.get(desk_id) if desk_id else None, actor.staff_id,
                        now)
        row = statement.view(self.db.write_bare(statement.work(values, who)))
        if row is None:
            raise self.db.read(lambda session: self._explain(session, office, spec, ref, desk_id, today))
        return self._view_of(None, office, row)

    def recall(self, actor: Actor, desk_code: str, ticket: TicketRef = None) -> TicketView:
        """Announce the desk's called ticket again (the board chimes); counts recalls."""
        return self._move(actor, _SPECS["recall"], ticket, desk_code)

    def start_serving(self, actor: Actor, desk_code: str, ticket: TicketRef = None) -> TicketView:
        """The called person has arrived at the desk."""
        return self._move(actor, _SPECS["serve"], ticket, desk_code)

    def finish(self, actor: Actor, desk_code: str, outcome: str = "completed", ticket: TicketRef = None,
               note: str | None = None) -> TicketView:
        """Close the desk's ticket with an outcome (one of :data:`OUTCOMES`) and an optional note."""
        outcome = clean_choice(outcome, "outcome", OUTCOMES)
        clean_note = clean_text(note, "note", 500, required=False, multiline=True) or None
        return self._move(actor, _SPECS["finish"], ticket, desk_code, {"outcome": outcome, "note": clean_note})

    def no_show(self, actor: Actor, desk_code: str, ticket: TicketRef = None) -> TicketView:
        """Nobody came to the desk after the call."""
        return self._move(actor, _SPECS["no_show"], ticket, desk_code)

    def park(self, actor: Actor, desk_code: str, ticket: TicketRef = None) -> TicketView:
        """Set the desk's ticket aside (e.g. the person went to fetch a document); frees the desk."""
        return self._move(actor, _SPECS["park"], ticket, desk_code)

    def resume(self, actor: Actor, ticket: TicketRef, desk_code: str | None = None) -> TicketView:
        """Put a parked ticket back in the queue, in its original place."""
        return self._move(actor, _SPECS["resume"], ticket, desk_code)

    def transfer(self, actor: Actor, ticket: TicketRef, to_service: str | None = None,
                 desk_code: str | None = None, *, to_desk: str | None = None, to_staff: str | None = None
                 ) -> TicketView:
        """Move a ticket to another service, or reserve it for a desk or a colleague; audited (``ticket.transfer``).

        Exactly one target: ``to_service`` (a service code: the ticket joins that queue), ``to_desk`` (a desk
        code) or ``to_staff`` (a colleague's username). Reserved for a desk or colleague, it stays in its
        service and only that desk, or that colleague at whatever desk they sit, calls it (a later transfer
        to a service lifts the reservation). Either way it keeps its number and its place by original
        waiting time. A ticket at a desk is transferred only by that desk.
        """
        if to_service is not None and (to_desk is not None or to_staff is not None):
            raise ValidationError("transfer_target")
        return self._move(actor, _SPECS["transfer"], ticket, desk_code, service_code=to_service, to_desk=to_desk,
                          to_staff=to_staff)

    def transfer_targets(self, actor: Actor) -> TransferTargets:
        """Where a ticket may be transferred: the office's active services, active desks and active colleagues
        who serve the queue (not ``actor``). Needs ``serve_queue``."""
        self.auth.require(actor, "serve_queue", "office", self.office_code or "")

        def work(session: Session) -> TransferTargets:
            office = self._office(session, actor)
            services = session.execute(select(Service.code, Service.name).where(
                Service.office_id == office.id, Service.active.is_(True)).order_by(Service.code)).all()
            desks = session.execute(select(Desk.code, Desk.name).where(
                Desk.office_id == office.id, Desk.active.is_(True)).order_by(Desk.code)).all()
            staff = session.execute(select(Staff.username, Staff.display_name).where(
                Staff.office_id == office.id, Staff.active.is_(True), Staff.role.in_(TRANSFER_ROLES),
                Staff.id != (actor.staff_id or 0)).order_by(Staff.display_name, Staff.username)).all()
            return TransferTargets([(c, n) for c, n in services], [(c, n) for c, n in desks],
                                   [(u, n) for u, n in staff])

        return self.db.read(work)

    def cancel(self, actor: Actor, ticket: TicketRef, desk_code: str | None = None) -> TicketView:
        """The person left before being called (or asks to withdraw)."""
        return self._move(actor, _SPECS["cancel"], ticket, desk_code)

    def reactivate(self, actor: Actor, ticket: TicketRef, desk_code: str | None = None) -> TicketView:
        """A no-show person turned up later the same day: back to waiting, in their original place."""
        return self._move(actor, _SPECS["reactivate"], ticket, desk_code)

    # -- what a desk may do now ---------------------------------------------------------------------------------
    def actions_for_desk(self, actor: Actor, desk_code: str, current: TicketView | None,
                         selected: TicketView | None = None) -> dict[str, int | None]:
        """The counter actions ``actor`` may take now at ``desk_code``, each with the id of the ticket it acts on.

        Args:
            current: the ticket the desk holds (called or serving), or ``None``.
            selected: a ticket selected in the desk's list, if any.

        Returns:
            action name (see :data:`DESK_ACTIONS`) -> ticket id, ``None`` for ``call_next``; an action
            that is not allowed is absent. Answered from the queue's own transition table
            (:data:`_SPECS`: the statuses each action moves from and whether the ticket must be the
            desk's own) and the actor's permissions, with no database read, so a view can ask on every
            selection change. The transitions themselves check again when they run (the ticket may
            have moved meanwhile).

        Rules: ``call_next`` only when the desk holds nothing; an action that needs the holding desk
        acts on ``current``; the others act on ``current`` when it is in one of their statuses, else on
        ``selected``; a ticket held by another desk gets nothing; resume, transfer and reactivate only
        for today's tickets. Only the office is not checked here (it needs the database): the
        transition refuses another office's ticket when it runs.
        """
        if not actor.can("serve_queue"):
            return {}
        desk = clean_code(desk_code, "desk")
        held = current if current is not None and current.desk_code == desk and \
            current.status in ACTIVE_AT_DESK else None
        # A called or served ticket is acted on only as the desk's own ``current``: one held by another desk
        # (or shown stale in a list) gets nothing. Waiting, parked and no-show tickets are anyone's.
        at_desk = [held] if held is not None else []
        anywhere = at_desk + ([selected] if selected is not None and selected.status not in ACTIVE_AT_DESK else [])
        # The office's day from the clock and the cached time zone: numbers restart daily (``_SAME_DAY``).
        today = local_day(self.clock.now(), self._info.timezone if self._info else DEFAULT_TZ)
        allowed: dict[str, int | None] = {} if held is not None else {"call_next": None}
        for action in DESK_ACTIONS[1:]:
            spec = _SPECS[action]
            ticket = next((t for t in (at_desk if spec.at_desk else anywhere) if t.status in spec.from_statuses
                           and (action not in _SAME_DAY or t.day == today)), None)
            if ticket is not None:
                allowed[action] = ticket.id
        return allowed

    # -- reading -----------------------------------------------------------------------------------------------
    def recent_calls(self, actor: Actor, limit: int = 7) -> list[Call]:
        """Today's most recent calls and recalls in the office, newest first, each ticket once: the board's list.

        A recall puts its ticket back on top. Tickets sent back to the queue since their call (resumed,
        transferred, reactivated, cancelled) are not listed: they are waiting again. Needs ``view_calls``.
        One bounded read: the call and recall events of today, newest first, stopping after ``limit``
        tickets (``ix_ticket_event_office_at``), each ticket's latest announcement only.
        """
        self.auth.require(actor, "view_calls", "office", self.office_code or "")
        if not 1 <= limit <= 100:
            raise ValidationError("bad_number", value=str(limit), field="limit")

        def work(session: Session) -> list[Call]:
            office = self._office(session, actor)
            today = self.today(office)
            rows = session.connection().execute(_RECENT_CALLS, {
                "office_id": office.id, "today": today, "since": day_start_utc(today, office.timezone),
                "limit": limit,
            }).all()
            info = office
            if any(desk_id not in info.desk_codes for _, desk_id, _ in rows):
                info = self._reload(session)
            return [Call(number, info.desk_codes[desk_id], at) for number, desk_id, at in rows]

        return self.db.read(work)

    def current_ticket(self, actor: Actor, desk_code: str) -> TicketView | None:
        """The ticket the desk holds (called or serving), if any."""
        self.auth.require(actor, "view_queue", "desk", desk_code)

        def work(session: Session) -> TicketView | None:
            office, desk_id = self._desk_id(session, self._office(session, actor), desk_code)
            row = session.connection().execute(_CURRENT_TICKET, {"desk_id": desk_id}).first()
            return None if row is None else self._view_of(session, office, row)

        return self.db.read(work)

    def tickets(self, actor: Actor, *, desk_code: str | None = None, statuses: Sequence[str] = ("waiting",),
                day: date | None = None, ticket_ids: Collection[int] | None = None) -> list[TicketView]:
        """Today's tickets in ``statuses``, in call order; only the desk's services when ``desk_code`` is given
        (and the tickets transferred to that desk or to ``actor``, whatever their service).

        ``ticket_ids`` narrows the same list to those tickets: a client told by the change feed that they
        changed learns which of them belong in its list now (the others left it), without re-reading it all.
        """
        self.auth.require(actor, "view_queue", "desk", desk_code or "")

        def work(session: Session) -> list[TicketView]:
            office = self._office(session, actor)
            query = select(Ticket).where(Ticket.office_id == office.id, Ticket.day == (day or self.today(office)),
                                         Ticket.status.in_(tuple(statuses)))
            if ticket_ids is not None:
                query = query.where(Ticket.id.in_(tuple(ticket_ids)))
            if desk_code:
                office, desk_id = self._desk_id(session, office, desk_code)
                # and what was transferred to this desk or to the actor, whatever its service
                query = query.where(or_(
                    Ticket.service_id.in_(select(DeskService.service_id).where(DeskService.desk_id == desk_id)),
                    Ticket.target_desk_id == desk_id, Ticket.target_staff_id == (actor.staff_id or 0)))
            return self._views(session, office, query.order_by(Ticket.sort_key, Ticket.id))

        return self.db.read(work)

    def summary(self, actor: Actor, desk_code: str | None = None) -> list[ServiceQueue]:
        """Per service: how many wait now and the longest current wait."""
        self.auth.require(actor, "view_queue", "desk", desk_code or "")

        def work(session: Session) -> list[ServiceQueue]:
            office = self._office(session, actor)
            now = self.clock.now()
            services = select(Service).where(Service.office_id == office.id, Service.active.is_(True))
            if desk_code:
                office, desk_id = self._desk_id(session, office, desk_code)
                services = services.where(
                    Service.id.in_(select(DeskService.service_id).where(DeskService.desk_id == desk_id))
                )
            stats = dict(
                (sid, (count, oldest))
                for sid, count, oldest in session.execute(
                    select(Ticket.service_id, func.count(Ticket.id), func.min(Ticket.issued_at))
                    .where(Ticket.office_id == office.id, Ticket.day == local_day(now, office.timezone),
                           Ticket.status == "waiting")
                    .group_by(Ticket.service_id)
                ).all()
            )
            result = []
            for service in session.execute(services.order_by(Service.code)).scalars():
                count, oldest = stats.get(service.id, (0, None))
                if oldest is not None and oldest.tzinfo is None:  # aggregate bypasses the column type on SQLite
                    oldest = datetime.fromisoformat(str(oldest)).replace(tzinfo=now.tzinfo)
                longest = now - oldest if oldest is not None else timedelta(0)
                result.append(ServiceQueue(service.code, service.name, count, longest, service.target_wait_minutes))
            return result

        return self.db.read(work)

    # -- end of day --------------------------------------------------------------------------------------------
    def close_day(self, actor: Actor, before: date | None = None) -> int:
        """Close every ticket still open from days before ``before`` (default: today). Numbers are never reused.

        Returns how many tickets were closed. Safe to run again (then it closes none). A ``before`` later than
        the office's today is refused (``day_close_future``): today's tickets are never closed by it.
        """
        self.auth.require(actor, "close_day", "office", self.office_code or "")

        def work(session: Session) -> int:
            office = self._office(session, actor)
            now = self.clock.now()
            today = local_day(now, office.timezone)
            limit = before or today
            if limit > today:  # "--before 9999-12-31" would close today's waiting tickets: only past days close
                raise ValidationError("day_close_future", day=limit.isoformat(), today=today.isoformat())
            rows = session.connection().execute(_CLOSE_DAY, {"b_office_id": office.id, "before": limit,
                                                              "now": now}).all()
            for row in rows:
                self._event(session, office, self._view_of(session, office, row), row.service_id, "close",
                            row.previous_status, None, actor, now)
            # The SQLite change feed only needs changes desks have not read yet: a day is plenty.
            session.execute(delete(ChangeLog).where(ChangeLog.at < now - timedelta(days=1)))
            self.auth.audit_log.record(session, actor.audit, "day.close", "office", office.code,
                                       detail={"before": limit.isoformat(), "closed": len(rows)})
            return len(rows)

        return self.db.write(work)


__all__ = [
    "CALLED_STATUSES",
    "DESK_ACTIONS",
    "LANGUAGES",
    "OUTCOMES",
    "PRIORITY_HEAD_START",
    "Call",
    "CallFilter",
    "QueueService",
    "ServiceQueue",
    "TicketRef",
    "TicketView",
    "TransferTargets",
]
