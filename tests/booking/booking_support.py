"""Shared helpers of the booking tests (times on the Lodi wall clock, a booking shorthand, worker set-up)."""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as wall_time
from typing import Any

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.schedule import at_local
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.errors import ConflictError

TZ = "Europe/Rome"
#: A Tuesday.
TODAY = date(2026, 12, 1)


def at(day: date, hh_mm: str) -> datetime:
    """The UTC instant of a Lodi wall-clock time."""
    hour, minute = hh_mm.split(":")
    return at_local(day, wall_time(int(hour), int(minute)), TZ)


def book(services: CoreServices, actor: Actor, moment: datetime, name: str, practice: str | None = None,
         **extra: Any) -> Any:
    """Book an RF appointment."""
    return services.appointments.book(actor, "RF", moment, person_name=name, practice_number=practice, **extra)


@dataclass(frozen=True)
class RaceJob:
    """What one racing process does: on its own ``Database``, wait for ``start_at`` then run ``tasks``.

    ``kind`` ``"appointment"``: each task is ``(starts_at, name, practice)``, booked into RF.
    ``kind`` ``"mediator"``: each task is ``(starts_at, ends_at)``, booking mediator AR1 for Arabic.
    """

    kind: str
    db_url: str
    home: str
    actor: Actor
    now: datetime
    start_at: float
    tasks: tuple[tuple[Any, ...], ...]


def race(job: RaceJob) -> list[tuple[str, str]]:
    """Run a :class:`RaceJob` in a worker process; ``("ok", "")`` or ``("refused", code)`` per task.

    Any other exception propagates and fails the test.
    """
    settings = Settings.load(home=job.home, overrides={"db_url": job.db_url}, environ={})
    core = CoreServices.build(settings, clock=ManualClock(job.now))
    try:
        core.db.ping()
        time.sleep(max(0.0, job.start_at - time.time()))
        results = []
        for task in job.tasks:
            try:
                if job.kind == "appointment":
                    core.appointments.book(job.actor, "RF", task[0], person_name=task[1], practice_number=task[2])
                else:
                    core.mediators.book(job.actor, "ar", task[0], task[1], mediator_code="AR1")
                results.append(("ok", ""))
            except ConflictError as exc:
                results.append(("refused", exc.code))
        return results
    finally:
        core.close()


def run_race(jobs: list[RaceJob]) -> list[tuple[str, str]]:
    """Run the jobs in as many fresh (spawned) processes at once; all results, in job order."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(len(jobs)) as pool:
        return [result for results in pool.map(race, jobs) for result in results]
