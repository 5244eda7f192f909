"""The demo office and a simulated day of tickets, through the real services.

``create_demo_office`` sets up the SUI and Legalizzazioni services of the
Prefettura di Lodi, six desks, staff of every role and the procedure catalogue
with its translations (idempotent).
``simulate_day`` replays a realistic morning (DOMAIN.md: 150-400 tickets,
4-8 desks) with a :class:`~desk_app.clock.ManualClock`: arrivals peak
after opening, desks call, serve, finish, transfer, park and see no-shows,
all through :class:`~desk_app.core.queue.QueueService`, so the counts and the
audit trail are the ones real work would leave.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy.orm import Session

from desk_app.clock import ManualClock, local_time, zone
from desk_app.core.auth import Actor
from desk_app.core.catalogue import LoadResult
from desk_app.core.queue import QueueService
from desk_app.core.services import CoreServices
from desk_app.db.engine import Database
from desk_app.errors import ConflictError, DeskError, QueueEmptyError

DEMO_PASSWORD = "sportello-demo"
T = TypeVar("T")

DEMO_OFFICE: dict[str, Any] = {
    "office": {
        "code": "LODI",
        "name": "Prefettura di Lodi - Sportello Unico per l'Immigrazione e Legalizzazioni",
        "address": "Corso Umberto I 40, 26900 Lodi",
    },
    "service": [
        {"code": "RF", "prefix": "R", "target_wait_minutes": 20,
         "name": "Ricongiungimento familiare (nulla osta e primo ingresso)"},
        {"code": "LAV", "prefix": "N", "target_wait_minutes": 20,
         "name": "Lavoro: nulla osta flussi e casi particolari"},
        {"code": "CONV", "prefix": "C", "target_wait_minutes": 20, "name": "Conversione del permesso di soggiorno"},
        {"code": "ADI", "prefix": "A", "target_wait_minutes": 15,
         "name": "Accordo di integrazione e test di italiano A2"},
        {"code": "INFO", "prefix": "I", "target_wait_minutes": 10, "name": "Informazioni e consegna documenti"},
        {"code": "LEG", "prefix": "L", "target_wait_minutes": 15, "name": "Legalizzazioni e apostille"},
    ],
    "desk": [
        {"code": "D1", "name": "Sportello 1", "services": ["RF", "LAV"]},
        {"code": "D2", "name": "Sportello 2", "services": ["RF", "CONV"]},
        {"code": "D3", "name": "Sportello 3", "services": ["LAV", "CONV", "ADI"]},
        {"code": "D4", "name": "Sportello 4", "services": ["ADI", "INFO", "RF"]},
        {"code": "D5", "name": "Sportello 5", "services": ["LEG", "INFO"]},
        {"code": "D6", "name": "Sportello 6", "services": ["LEG"]},
    ],
}

DEMO_STAFF = (
    ("admin", "Amministratore di sistema", "admin"),
    ("responsabile", "Giulia Ferrari (responsabile)", "supervisor"),
    *((f"operatore{i}", f"Operatore sportello {i}", "clerk") for i in range(1, 7)),
    ("mediatrice1", "Amina (mediatrice, arabo)", "mediator"),
    ("mediatore2", "Imran (mediatore, urdu e punjabi)", "mediator"),
    ("questura1", "Questura di Lodi - Ufficio Immigrazione", "questura"),  # issue 16: sees only what is sent to it
    # issue 15: people of two organisations of the services directory, each editing only its own entries
    ("partner1", "CPIA Lodi (segreteria)", "partner"),
    ("partner2", "Caritas Lodigiana (centro di ascolto)", "partner"),
)

#: Share of arrivals per service, and minutes of service (mean) per service. Balanced against the desks that serve
#: them (issue 11): D1-D4 share RF, LAV, CONV, ADI and INFO, D5-D6 LEG and INFO; with 150-170 people a morning
#: each group of desks is busy 75-85 % of its time, so no queue grows all morning while other desks stand idle
#: (the shares before, RF 0.26 and LEG 0.22 with RF at 9 minutes, gave D1-D4 122 % of their time, D5-D6 50 %).
_MIX = {"RF": 0.20, "LAV": 0.12, "CONV": 0.12, "ADI": 0.09, "INFO": 0.15, "LEG": 0.32}
_SERVICE_MINUTES = {"RF": 8, "LAV": 7, "CONV": 7, "ADI": 5, "INFO": 3, "LEG": 4}
#: Languages of the territory with rough shares of users (DOMAIN.md, province of Lodi).
_LANGUAGES = {"it": 0.22, "ro": 0.16, "ar": 0.18, "sq": 0.09, "uk": 0.04, "fr": 0.06, "en": 0.06, "es": 0.04,
              "ur": 0.05, "bn": 0.04, "pa": 0.03, "hi": 0.01, "zh": 0.02}
_MEDIATED = {"ar", "ur", "bn", "pa", "hi", "zh"}
_ALL_STATUSES = ("waiting", "called", "serving", "parked", "done", "no_show", "cancelled", "closed")


@dataclass
class DemoResult:
    """What the demo did."""

    office_code: str
    staff_created: list[str] = field(default_factory=list)
    day: date | None = None
    issued: int = 0
    served: int = 0
    no_shows: int = 0
    transfers: int = 0
    waiting_left: int = 0
    catalogue: LoadResult | None = None


def create_demo_office(core: CoreServices, actor: Actor) -> DemoResult:
    """Set up the demo office, its staff (existing accounts are left alone) and the shipped catalogue.

    The catalogue load is the same idempotent one as ``desk-admin content load``: a demo office
    can print instruction sheets and open cases at once, and a rerun keeps the office's edits.
    """
    demo = DEMO_OFFICE["office"]
    for code in core.offices.offices():
        office = core.offices.view(code)
        if (office.code, office.name) != (demo["code"], demo["name"]):
            # Never merge demo staff (with a public password) and simulated tickets into a real office.
            raise ConflictError("demo_refused", office=office.code)
    view = core.offices.apply(actor, DEMO_OFFICE)
    result = DemoResult(view.code)
    existing = {s.username for s in core.staff.list_staff(actor)}
    for username, name, role in DEMO_STAFF:
        if username not in existing:
            core.staff.add_staff(actor, username, name, role, DEMO_PASSWORD, view.code)
            result.staff_created.append(username)
    result.catalogue = core.content.load(actor, office_code=view.code)
    _calendars_and_mediators(core, actor)
    _shared_practices(core, actor, view.id)
    _awareness_sessions(core, actor)
    _services_directory(core, actor)
    return result


#: Issue 15: which organisation of the demo directory (``resources/directory/lodi.toml``) each partner edits.
DEMO_PARTNERS = (("partner1", "cpia-lodi"), ("partner2", "caritas-lodigiana"))


def _services_directory(core: CoreServices, actor: Actor) -> None:
    """The demo directory of Lodi-area services, published, and the demo partners linked to their organisation."""
    import uuid

    from desk_app.core.directory import DEMO_NAMESPACE

    core.directory.load_file(actor, state="published")
    for username, key in DEMO_PARTNERS:
        core.directory.link_partner(actor, username, str(uuid.uuid5(DEMO_NAMESPACE, f"organisation:{key}")))


#: Appointment calendars of the demo office: (service, weekly hours, slot minutes, capacity).
DEMO_CALENDARS = (
    ("RF", "mon-fri 09:00-12:30", 20, 2),
    ("LAV", "mon-fri 09:00-12:30", 20, 2),
    ("CONV", "mon-thu 09:00-12:00", 30, 1),
    ("LEG", "mon-fri 09:00-12:00", 15, 3),
)
#: Demo mediators: (code, name, languages and levels, login, weekly availability).
DEMO_MEDIATORS = (
    ("AR1", "Amina (arabo, francese)", {"ar": 4, "fr": 3}, "mediatrice1",
     "mon-fri 09:00-13:00 in_person; tue 14:00-16:00 phone; thu 14:00-16:00 phone"),
    ("UR1", "Imran (urdu, punjabi, hindi)", {"ur": 4, "pa": 3, "hi": 2}, "mediatore2",
     "mon 09:00-13:00 in_person; wed 09:00-13:00 in_person; fri 09:00-13:00 in_person; tue 09:00-12:00 video"),
)
#: Fictional people for the demo's appointments (never real data).
_DEMO_PEOPLE = (("Ahmed Benali", "ar"), ("Ioana Popescu", "ro"), ("Arben Hoxha", "sq"), ("Fatima Zahra El Idrissi",
                "ar"), ("Muhammad Asif", "ur"), ("Olena Kovalenko", "uk"), ("Rahim Uddin", "bn"),
                ("Li Wei", "zh"))


#: Demo reception centres (fictional): (code, name, address, managing body).
DEMO_CENTRES = (
    ("CAS-LODI", "CAS Via Defendente (demo)", "Via Defendente 12, Lodi", "Cooperativa Accoglienza (demo)"),
    ("CAS-COD", "CAS Codogno (demo)", "Viale Trieste 3, Codogno", "Cooperativa Il Ponte (demo)"),
    ("CAS-CAS", "CAS Casalpusterlengo (demo)", "Via Roma 40, Casalpusterlengo", "Associazione Rifugio (demo)"),
)
_OPERATOR = "Numero Verde Antitratta - ente antitratta (demo)"


def _weekday_near(day: date, weekday: int, weeks: int) -> date:
    """The ``weekday`` (0 = Monday) of the week ``weeks`` from the week of ``day`` (negative: before)."""
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks, days=weekday)


def _awareness_sessions(core: CoreServices, actor: Actor) -> None:
    """Three reception centres, sessions held in the last weeks (with counts) and two planned ones with their
    mediators booked on the roster (issue 16). Skipped when the office has centres already."""
    from desk_app.core.awareness import AwarenessService
    from desk_app.core.mediators import MediatorService

    if core.awareness.centres(actor, include_inactive=True):
        return
    for code, name, address, body in DEMO_CENTRES:
        core.awareness.save_centre(actor, code, name, address=address, managing_body=body)
    tz = zone("Europe/Rome")
    today = local_time(core.clock.now()).date()
    # Sessions already held are planned on a clock of their own, set before them: planning refuses the past.
    held = (("CAS-LODI", -6, 0, "ar", "AR1", {("m", "18-25"): 11, ("m", "26-35"): 6, ("f", "18-25"): 2}, 1),
            ("CAS-COD", -4, 2, "ur", "UR1", {("m", "18-25"): 7, ("m", "26-35"): 5, ("m", "36-50"): 1}, 0),
            ("CAS-CAS", -2, 1, "fr", None, {("m", "u18"): 3, ("m", "18-25"): 8, ("f", "26-35"): 3, ("x", "18-25"): 1},
             2))
    for centre, weeks, weekday, language, mediator, counts, referrals in held:
        starts = datetime.combine(_weekday_near(today, weekday, weeks), time(10, 0), tz)
        past = ManualClock(starts - timedelta(days=7))
        service = AwarenessService(core.db, core.authorizer, MediatorService(core.db, core.authorizer, past,
                                                                             core.awareness.office_code),
                                   core.content, past, core.awareness.office_code)
        try:
            planned = service.plan(actor, centre, starts, 90, language, _OPERATOR, mediator_code=mediator)
        except DeskError:  # the roster refused (e.g. a holiday exception): the demo goes on without it
            continue
        past.set(starts + timedelta(hours=2))
        service.record(actor, planned.id, counts, referrals, mediator_present=mediator is not None)
    cancelled_at = datetime.combine(_weekday_near(today, 3, -3), time(15, 0), tz)
    past = ManualClock(cancelled_at - timedelta(days=7))
    service = AwarenessService(core.db, core.authorizer, core.mediators, core.content, past,
                               core.awareness.office_code)
    gone = service.plan(actor, "CAS-COD", cancelled_at, 60, "bn", _OPERATOR)
    service.cancel(actor, gone.id, "Centro chiuso per disinfestazione (demo)")
    for centre, weekday, language, mediator in (("CAS-LODI", 0, "ar", "AR1"), ("CAS-CAS", 2, "ur", "UR1")):
        starts = datetime.combine(_weekday_near(today, weekday, 1), time(10, 0), tz)
        try:
            core.awareness.plan(actor, centre, starts, 90, language, _OPERATOR, mediator_code=mediator)
        except DeskError:  # e.g. the mediator already booked then by the appointments above: plan without
            core.awareness.plan(actor, centre, starts, 90, language, _OPERATOR)


def _shared_practices(core: CoreServices, actor: Actor, office_id: int) -> None:
    """Shared practices with the Questura of realistic ages, and one coordination meeting (issue 16)."""
    from desk_app.core.practices_demo import seed_shared_practices

    people = {s.username: Actor(s.username, s.role, s.id, office_id, s.display_name)
              for s in core.staff.list_staff(actor)}
    if {"operatore1", "questura1", "responsabile"} <= set(people):
        seed_shared_practices(core, people["operatore1"], people["questura1"], people["responsabile"])


def _next_weekday(after: date) -> date:
    day = after + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _calendars_and_mediators(core: CoreServices, actor: Actor) -> None:
    """Calendars, a roster with availability, and a morning of appointments on the next working day.

    Skipped when the demo office already has them, so a rerun changes nothing.
    """
    roster = {m.code: m for m in core.mediators.roster(actor)}
    for service, hours, minutes, capacity in DEMO_CALENDARS:
        core.appointments.set_calendar(actor, service, hours=hours, slot_minutes=minutes, capacity=capacity)
    for code, name, languages, login, availability in DEMO_MEDIATORS:
        if code not in roster:
            core.mediators.add_mediator(actor, code, name, languages, organisation="Cooperativa di mediazione (demo)",
                                        username=login)
        if code not in roster or not roster[code].availability:  # also after a run killed between the two
            core.mediators.set_availability(actor, code, availability)
    day = _next_weekday(local_time(core.clock.now()).date())
    tz = zone("Europe/Rome")
    # Each demo person has a slot of their own: a rerun (also after a run killed half-way) books only the missing.
    taken = {(a.service_code, a.starts_at) for a in core.appointments.day(actor, day)}
    for n, (person, language) in enumerate(_DEMO_PEOPLE):
        service = ("RF", "LAV", "LEG")[n % 3]
        starts = datetime.combine(day, time(9, 0), tz) + timedelta(minutes=20 * (n // 3) if service != "LEG"
                                                                    else 15 * (n // 3))
        if (service, starts) in taken:
            continue
        needs_mediator = language in _MEDIATED
        booked = core.appointments.book(actor, service, starts, person_name=person,
                                        practice_number=f"LO/{service}/{day.year}/{1001 + n:04d}",
                                        language=language, needs_mediator=needs_mediator)
        if needs_mediator and language in {"ar", "ur"}:
            try:
                core.mediators.book(actor, appointment_id=booked.id)
            except DeskError:  # the demo shows a refusal too (e.g. nobody free then): that is fine
                continue


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def simulate_day(
    core: CoreServices,
    day: date,
    *,
    tickets: int = 150,
    seed: int = 2026,
    opening: time = time(8, 30),
    closing: time = time(12, 30),
    stop_at: datetime | None = None,
    waiting: int = 0,
) -> DemoResult:
    """Simulate ``day`` in the demo office; return the counts of what happened.

    Desks D1-D6 are worked by ``operatore1``-``operatore6``. When ``stop_at``
    falls inside the day, the simulation stops there and leaves the queue as it
    is (tickets waiting, desks busy), which is what a live demo wants. Then, with
    ``waiting``, every desk left free takes the next person (:func:`_desks_at_work`)
    and ``waiting`` walk-ins are issued at the real clock's now (counted in
    ``issued`` and ``waiting_left``).

    The whole day is ONE write transaction (every service call of it runs in a
    savepoint of that transaction): a simulation killed half-way leaves no ticket
    behind, so ``desk-admin demo`` can simply be run again, and a day is either
    simulated whole or not at all (``demo_day_done`` only for a finished day).
    """
    clerks = {f"D{i}": core.staff.login(f"operatore{i}", DEMO_PASSWORD) for i in range(1, 7)}  # logins write

    def work(session: Session) -> DemoResult:
        db = cast(Database, _InTransaction(core.db, session))  # stands in for it: write, write_bare, read
        if QueueService(db, core.authorizer, core.clock, "LODI").tickets(Actor.system("demo"),
                                                                         statuses=_ALL_STATUSES, day=day):
            raise ConflictError("demo_day_done", day=day.isoformat())
        result = _simulate(db, core, clerks, day, tickets=tickets, seed=seed, opening=opening, closing=closing,
                           stop_at=stop_at)
        if waiting:
            walk_ins = QueueService(db, core.authorizer, core.clock, "LODI")
            result.issued += _desks_at_work(walk_ins, clerks, random.Random(seed))
            services = list(_MIX)
            for n in range(waiting):
                walk_ins.issue_ticket(clerks["D5"], services[n % len(services)])
            result.issued += waiting
            # the desks that went back to work took people from the queue: count who waits now
            result.waiting_left = len(walk_ins.tickets(clerks["D1"], statuses=("waiting",), day=day))
        return result

    return core.db.write(work)


def _desks_at_work(queue: QueueService, clerks: dict[str, Actor], rng: random.Random) -> int:
    """Every desk at work now, as in an office at opening time: a desk left free by the simulation (its queues
    ran dry, or the morning is over) calls the next person of its services, a walk-in arriving now for one of
    them if nobody waits, and starts serving (one desk in three is still calling them). Returns the walk-ins
    issued. Without this the console of a demo loaded after closing, or after a quiet spell of a service, shows
    desks with nothing to do while people wait at others (issue 11)."""
    issued = 0
    services_of = {desk["code"]: desk["services"] for desk in DEMO_OFFICE["desk"]}
    for number, (desk, actor) in enumerate(clerks.items()):
        if queue.current_ticket(actor, desk) is not None:
            continue
        try:
            ticket = queue.call_next(actor, desk)
        except (QueueEmptyError, ConflictError):
            mine = {code: _MIX[code] for code in services_of.get(desk, ()) if code in _MIX}
            if not mine:
                continue
            queue.issue_ticket(actor, _pick(rng, mine), language=_pick(rng, _LANGUAGES))
            issued += 1
            try:
                ticket = queue.call_next(actor, desk)
            except (QueueEmptyError, ConflictError):  # held for a mediator, reserved for another desk
                continue
        if number % 3 != 2:
            queue.start_serving(actor, desk, ticket=ticket.id)
    return issued


class _InTransaction:
    """Stands in for the :class:`~desk_app.db.engine.Database` of the services the demo drives: every ``write``,
    ``write_bare`` and ``read`` runs in a savepoint of one outer transaction (``session``), so the simulated day
    commits whole or not at all. Anything else (``dialect``, ``dbapi`` ...) is the real database's."""

    def __init__(self, db: Database, session: Session) -> None:
        self._db = db
        self._session = session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    def write(self, work: Callable[[Session], T], **_: Any) -> T:
        with self._session.begin_nested():  # an error rolls back this step only, as its own transaction would
            return work(self._session)

    def read(self, work: Callable[[Session], T], **_: Any) -> T:
        with self._session.begin_nested():
            return work(self._session)

    def write_bare(self, work: Callable[[Any], T], **_: Any) -> T:
        with self._session.begin_nested():
            return work(self._session.connection().connection.driver_connection)


def _simulate(db: Any, core: CoreServices, clerks: dict[str, Actor], day: date, *, tickets: int, seed: int,
              opening: time, closing: time, stop_at: datetime | None) -> DemoResult:
    """The simulated morning itself, on ``db`` (see :func:`simulate_day`)."""
    rng = random.Random(seed)
    tz = zone("Europe/Rome")
    start = datetime.combine(day, opening, tz)
    end = datetime.combine(day, closing, tz)
    clock = ManualClock(start)
    queue = QueueService(db, core.authorizer, clock, "LODI")
    result = DemoResult("LODI", day=day)

    # Arrivals: most people come in the first two hours (queues form before opening).
    span = (end - start).total_seconds()
    arrivals = sorted(start + timedelta(seconds=span * rng.betavariate(1.3, 2.6)) for _ in range(tickets))
    # Every step of every desk is an event of its own, taken in time order, so the clock only moves forward
    # (a desk handling a whole visit at once would let another desk act "in the past" of it).
    events: list[tuple[datetime, int, str, str, int]] = [(at, n, "arrive", "", 0) for n, at in enumerate(arrivals)]
    events += [(start + timedelta(minutes=rng.uniform(0, 4)), tickets + i, "free", desk, 0)
               for i, desk in enumerate(clerks)]
    heapq.heapify(events)
    seq = len(events)
    limit = min(stop_at, end + timedelta(hours=2)) if stop_at else end + timedelta(hours=2)

    def later(delay: timedelta, kind: str, desk: str, ticket_id: int = 0) -> None:
        nonlocal seq
        seq += 1
        heapq.heappush(events, (clock.now() + delay, seq, kind, desk, ticket_id))

    def pause() -> timedelta:
        return timedelta(seconds=rng.uniform(10, 60))

    while events:
        at, _, kind, desk, ticket_id = heapq.heappop(events)
        if at > limit:
            break  # stopped "now": the queue stays as it is, desks mid-visit
        clock.set(at)
        actor = clerks.get(desk, clerks["D5"])
        if kind == "arrive":
            service = _pick(rng, _MIX)
            language = _pick(rng, _LANGUAGES)
            roll = rng.random()
            priority = ("appointment" if roll < 0.15 else "elderly" if roll < 0.19 else "disability" if roll < 0.21
                        else "pregnancy" if roll < 0.23 else "ordinary")
            queue.issue_ticket(actor, service, priority=priority, language=language,
                               needs_mediator=language in _MEDIATED and rng.random() < 0.4)
            result.issued += 1
        elif kind == "free":
            try:
                ticket = queue.call_next(actor, desk)
            except (QueueEmptyError, ConflictError):
                if at < end:
                    later(timedelta(minutes=2), "free", desk)
                continue
            if rng.random() < 0.07:  # nobody comes: maybe a recall, then a no-show
                later(timedelta(minutes=2), "recall" if rng.random() < 0.5 else "no_show", desk, ticket.id)
            else:
                later(timedelta(seconds=rng.uniform(30, 120)), "serve", desk, ticket.id)
        elif kind == "recall":
            queue.recall(actor, desk, ticket=ticket_id)
            later(timedelta(minutes=1), "no_show", desk, ticket_id)
        elif kind == "no_show":
            queue.no_show(actor, desk, ticket=ticket_id)
            result.no_shows += 1
            later(pause(), "free", desk)
        elif kind == "serve":
            served = queue.start_serving(actor, desk, ticket=ticket_id)
            minutes = max(1.5, rng.lognormvariate(0, 0.45) * _SERVICE_MINUTES[served.service_code])
            later(timedelta(minutes=minutes), "finish", desk, ticket_id)
        elif kind == "finish":
            roll = rng.random()
            if roll < 0.04:
                current = queue.current_ticket(actor, desk)
                target = rng.choice([s for s in _MIX if current is None or s != current.service_code])
                queue.transfer(actor, ticket_id, target, desk_code=desk)
                result.transfers += 1
            else:
                outcome = ("completed" if roll < 0.72 else "missing_documents" if roll < 0.92
                           else "redirected" if roll < 0.97 else "other")
                queue.finish(actor, desk, outcome, ticket=ticket_id)
                result.served += 1
            later(pause(), "free", desk)

    if not stop_at or stop_at >= limit:  # a whole day: the visits still under way end, no desk holds a ticket
        for desk, actor in clerks.items():  # overnight (it would keep that desk from calling the next day)
            held = queue.current_ticket(actor, desk)
            if held is None:
                continue
            if held.status == "called":
                queue.start_serving(actor, desk, ticket=held.id)
            queue.finish(actor, desk, "completed", ticket=held.id)
            result.served += 1
    result.waiting_left = len(queue.tickets(clerks["D1"], statuses=("waiting",), day=day))
    return result
