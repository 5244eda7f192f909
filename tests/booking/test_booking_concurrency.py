"""Eight real processes race for the last places of slots, for one person's slot, and for one mediator's time.

Each process builds its own ``Database`` on the test's SQLite file or PostgreSQL
database, waits for a common start instant, then books. The database must keep
capacity, "one person, one slot at a time" and "no mediator twice" under the
race, and every loser must get a clear refusal (a :class:`ConflictError` code),
never a crash or a silent success.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from booking_support import TODAY, RaceJob, at, run_race
from sqlalchemy import func, select

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.db.models_booking import Appointment, AppointmentSlot, MediatorBooking

pytestmark = pytest.mark.slow
PROCESSES = 8
DAY = TODAY + timedelta(days=7)


def _jobs(kind: str, db_url: str, home: Path, actor: Actor, clock: ManualClock,
          tasks_per_process: list[tuple[tuple[object, ...], ...]]) -> list[RaceJob]:
    start_at = time.time() + 3.0  # spawned processes need a moment to import; then all start together
    return [RaceJob(kind, db_url, str(home), actor, clock.now(), start_at, tasks) for tasks in tasks_per_process]


def _set_calendar(services: CoreServices, staff: dict[str, Actor], capacity: int) -> list:
    services.appointments.set_calendar(staff["supervisor"], "RF", hours="mon-fri 09:00-13:00", slot_minutes=20,
                                       capacity=capacity)
    return [s.starts_at for s in services.appointments.slots(staff["clerk"], "RF", DAY).slots]


def _slot_counts(services: CoreServices) -> list[tuple[int, int, int]]:
    """Per slot: capacity, the counter, and the booked appointments actually pointing at it."""
    def work(session) -> list[tuple[int, int, int]]:
        rows = session.execute(
            select(AppointmentSlot.capacity, AppointmentSlot.booked, func.count(Appointment.id))
            .outerjoin(Appointment, (Appointment.slot_id == AppointmentSlot.id) & (Appointment.status == "booked"))
            .group_by(AppointmentSlot.id, AppointmentSlot.capacity, AppointmentSlot.booked)
        ).all()
        return [tuple(r) for r in rows]

    return services.db.read(work)


def test_last_places_of_a_slot(services: CoreServices, staff: dict[str, Actor], db_url: str, home: Path,
                               clock: ManualClock) -> None:
    """8 processes x 10 slots of 3 places, one new person per process and slot: 30 bookings, 50 refusals."""
    slots = _set_calendar(services, staff, capacity=3)[:10]
    tasks = [tuple((slot, f"Person {p}-{i}", f"P{p}-{i}") for i, slot in enumerate(slots))
             for p in range(PROCESSES)]
    results = run_race(_jobs("appointment", db_url, home, staff["clerk"], clock, tasks))
    assert Counter(results) == {("ok", ""): 30, ("refused", "slot_full"): 50}
    counts = _slot_counts(services)
    assert len(counts) == 10 and all(row == (3, 3, 3) for row in counts)


def test_one_person_cannot_take_two_slots_at_once(services: CoreServices, staff: dict[str, Actor], db_url: str,
                                                  home: Path, clock: ManualClock) -> None:
    """12 people, each booked by all 8 processes into 8 different slots: exactly one booking per person."""
    slots = _set_calendar(services, staff, capacity=12)[:PROCESSES]
    people = [(f"Persona {n}", f"RF-{n}") for n in range(12)]
    tasks = [tuple((slots[p], name, practice) for name, practice in people) for p in range(PROCESSES)]
    results = run_race(_jobs("appointment", db_url, home, staff["clerk"], clock, tasks))
    assert Counter(results) == {("ok", ""): 12, ("refused", "person_has_appointment"): 84}
    per_person = services.db.read(lambda s: s.execute(
        select(Appointment.person_key, func.count()).where(Appointment.status == "booked")
        .group_by(Appointment.person_key)).all())
    assert len(per_person) == 12 and all(count == 1 for _key, count in per_person)
    counts = _slot_counts(services)
    assert all(booked == appointments for _cap, booked, appointments in counts)  # refused attempts took no place
    assert sum(booked for _cap, booked, _n in counts) == 12


def test_one_mediator_is_never_booked_twice(services: CoreServices, staff: dict[str, Actor], db_url: str,
                                            home: Path, clock: ManualClock) -> None:
    """80 overlapping requests for mediator AR1 from 8 processes: the accepted ones never overlap."""
    services.mediators.add_mediator(staff["supervisor"], "AR1", "Samira", {"ar": 4})
    services.mediators.set_availability(staff["supervisor"], "AR1", "mon-fri 08:00-18:00 in_person")
    rng = random.Random(5)
    tasks = []
    for _process in range(PROCESSES):
        mine = []
        for _ in range(10):
            start = at(DAY, "08:00") + timedelta(minutes=5 * rng.randrange(0, 100))
            mine.append((start, start + timedelta(minutes=rng.choice((15, 20, 30, 45, 60)))))
        tasks.append(tuple(mine))
    results = run_race(_jobs("mediator", db_url, home, staff["clerk"], clock, tasks))
    outcome = Counter(results)
    assert set(outcome) <= {("ok", ""), ("refused", "mediator_busy")}
    assert outcome[("ok", "")] > 0 and outcome[("refused", "mediator_busy")] > 0
    booked = services.db.read(lambda s: s.execute(
        select(MediatorBooking.starts_at, MediatorBooking.ends_at).where(MediatorBooking.status == "booked")
        .order_by(MediatorBooking.starts_at)).all())
    assert len(booked) == outcome[("ok", "")]
    assert all(earlier[1] <= later[0] for earlier, later in pairwise(booked))
