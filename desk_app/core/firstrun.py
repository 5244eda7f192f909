"""First run: set up the office with its first administrator, or load the demo office.

One use case for the first-run wizard and ``desk-admin``:

* :func:`set_up_office` validates the whole set-up and the administrator's account
  (username, name, password strength) before anything is written, then writes the
  office, its services and desks, the administrator and the shipped procedure
  catalogue in one transaction: any refusal leaves the database as it was.
* :func:`load_demo` creates (or completes) the demo office with its staff, catalogue,
  calendars and mediators, and simulates a morning of tickets through the real
  services (see :mod:`desk_app.core.demo`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.clock import local_time
from desk_app.core.auth import Actor, new_account
from desk_app.core.catalogue import Catalogue
from desk_app.core.demo import DemoResult, create_demo_office, simulate_day
from desk_app.core.office import OfficeView, clean_setup
from desk_app.core.services import CoreServices
from desk_app.core.validation import clean_int
from desk_app.db.models import Office
from desk_app.errors import ConflictError, ValidationError

#: When the simulated demo morning opens, and how long it lasts.
DEMO_OPENING = time(8, 30)
DEMO_MORNING = timedelta(hours=4)
#: Bounds of ``tickets`` for a simulated day (the real office sees 150-400).
DEMO_TICKETS = (1, 2000)
#: Walk-ins left waiting after the simulation (``desk-admin demo --waiting``'s default), for a live queue.
DEMO_WAITING = 8


@dataclass(frozen=True)
class AdminAccount:
    """The office's first administrator, as typed in the wizard or given to ``desk-admin``.

    Attributes:
        display_name: shown in the window title; the username when empty.
    """

    username: str
    display_name: str
    password: str = field(repr=False)


def set_up_office(core: CoreServices, actor: Actor, setup: Mapping[str, Any], admin: AdminAccount, *,
                  first_run: bool = True) -> OfficeView:
    """Create (or, with ``first_run=False``, update) the office described by ``setup`` with ``admin`` as its
    administrator.

    ``first_run`` (the wizard, which acts as a system actor before anyone can log in) refuses a database that
    already holds an office, checked inside the writing transaction: a wizard left open on one PC while another
    set the office up must not rewrite that office or add an administrator to it (``office_exists``).
    ``desk-admin setup --admin`` passes ``False``: updating an office is its job.

    ``setup`` is what :meth:`~desk_app.core.office.OfficeService.apply` takes (``office``, ``service``,
    ``desk``). Needs ``manage_setup`` and ``manage_staff``. Everything is checked first (the set-up, the
    username, the password strength), then the office, the administrator and the shipped procedure
    catalogue are written in one transaction, so any refusal (also a username already taken) leaves the
    database as it was: never an office nobody can log in to.
    """
    from desk_app.core.translations import shipped  # the PO reader imports the catalogue module

    if _sets_up_empty_database(actor):
        first_run, actor = True, Actor.system(actor.username)  # empty database only: checked in the transaction
    core.authorizer.require(actor, "manage_setup", "office")
    core.authorizer.require(actor, "manage_staff", "staff", admin.username)
    office_setup = clean_setup(setup)
    account = new_account(admin.username, admin.display_name.strip() or admin.username, "admin", admin.password)
    catalogue, translations = Catalogue.read(), shipped()

    def work(session: Session) -> OfficeView:
        if first_run:
            existing = session.execute(select(Office.code).limit(1)).scalar()
            if existing is not None:
                raise ConflictError("office_exists", office=existing)
        office = core.offices.apply_in(session, actor, office_setup)
        core.staff.add_staff_in(session, actor, account, office.code)
        core.content.load_in(session, actor, catalogue, translations, office_code=office.code)
        return office

    return core.db.write(work)


def _sets_up_empty_database(actor: Actor) -> bool:
    """True for an actor allowed only the first set-up of an empty database (``desk-admin --system``).

    Such an actor gets an administrator's rights for that one set-up, under its own name in the audit,
    while the set-up refuses a database that already holds an office (``office_exists``, ``demo_refused``).
    """
    return actor.can("first_setup") and not actor.can("manage_setup")


@dataclass(frozen=True)
class DemoLoad:
    """What :func:`load_demo` did.

    Attributes:
        office: the demo office as it is now.
        setup: staff accounts created and the catalogue load (``staff_created``, ``catalogue``).
        day: the simulated day and its counts (``issued`` includes the walk-ins left ``waiting``).
    """

    office: OfficeView
    setup: DemoResult
    day: DemoResult


def recent_morning(now: datetime) -> tuple[date | None, time]:
    """``day`` and ``opening`` for :func:`load_demo` so that the demo looks live at ``now``.

    ``desk-admin demo`` without ``--date``: in office hours, up to four hours up to ``now`` but never from
    before :data:`DEMO_OPENING` (people waiting, desks busy; ``day`` ``None``); after closing, today's whole
    morning; before opening, yesterday's (today's queue is empty, as in the office: no ticket is issued
    before the doors open, so the supervisor's hourly chart never shows arrivals at 04:00).
    """
    local_now = local_time(now)
    if local_now.time() < DEMO_OPENING:
        return local_now.date() - timedelta(days=1), DEMO_OPENING
    if local_now.time() >= time(14, 30):
        return local_now.date(), DEMO_OPENING
    four_hours_ago = (datetime.combine(local_now.date(), local_now.time()) - DEMO_MORNING).time()
    return None, max(DEMO_OPENING, four_hours_ago)


def load_demo(core: CoreServices, actor: Actor, *, day: date | None = None, opening: time = DEMO_OPENING,
              tickets: int = 150, seed: int = 2026, waiting: int = 0) -> DemoLoad:
    """Create the demo office (staff, catalogue, calendars, mediators) and simulate a morning of tickets.

    Args:
        day: the day to simulate, whole, from ``opening`` for four hours; a later day than today is
            refused. ``None``: today from ``opening``, up to the clock's now, leaving the queue as it is
            then (the first-run wizard's demo).
        opening: when the simulated morning opens.
        tickets: arrivals in the whole morning.
        seed: of the simulation's random choices (the same seed gives the same day).
        waiting: walk-in tickets issued after the simulation when the simulated day is today, so the
            queue is not empty even after closing time.

    Refuses a database holding another office than the demo's (``demo_refused``) and a day that
    already has tickets (``demo_day_done``). The office set-up is idempotent: after a refused
    simulation, the office is there and a run for another day completes the demo.
    """
    low, high = DEMO_TICKETS
    if isinstance(tickets, bool) or not low <= tickets <= high:
        raise ValidationError("bad_number", value=str(tickets), field="tickets")
    clean_int(waiting, "waiting", 0, high)  # each one is a ticket issued: bounded like ``tickets``
    now = core.clock.now()
    today = local_time(now).date()
    if day is not None and day > today:
        raise ValidationError("bad_date", value=day.isoformat())
    if _sets_up_empty_database(actor):  # the demo office only (create_demo_office refuses any other)
        actor = Actor.system(actor.username)
    setup = create_demo_office(core, actor)
    closing = (datetime.combine(today, opening) + DEMO_MORNING).time()
    # One transaction (see simulate_day): a demo killed half-way can be run again.
    simulated = simulate_day(core, day or today, tickets=tickets, seed=seed, opening=opening, closing=closing,
                             stop_at=now if day is None else None, waiting=waiting if (day or today) == today else 0)
    return DemoLoad(core.offices.view(setup.office_code), setup, simulated)


__all__ = ["DEMO_OPENING", "AdminAccount", "DemoLoad", "load_demo", "recent_morning", "set_up_office"]


def load_live_demo(core: CoreServices, actor: Actor) -> DemoLoad:
    """The demo as it should look right now, whatever the hour: what the first-run wizard loads, and what
    ``desk-admin demo`` does without options (:func:`recent_morning`, :data:`DEMO_WAITING` people waiting)."""
    day, opening = recent_morning(core.clock.now())
    return load_demo(core, actor, day=day, opening=opening, waiting=DEMO_WAITING)
