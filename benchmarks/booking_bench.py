"""Booking throughput and latency with 8 concurrent clients on PostgreSQL, and the cost of mediator-gated call-next.

    python benchmarks/booking_bench.py [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--clients 8]

Everything runs in a throwaway database (``sportello_bench_<pid>``), created,
migrated and dropped by this script. Each client is its own process with its own
``Database``; all clients start at the same instant.

1. **Appointments**: every client books new people into the same sequence of
   slots (10 minutes, 4 places), moving on when a slot is full, until it has
   ``--bookings`` bookings. So 8 clients fight for every last place: the figures
   include the refusals (``slot_full``), and the run checks that no slot holds
   more than its capacity.
2. **Mediators**: every client books random 15-60 minute periods of a day for
   ``ar`` among 10 mediators (best free one chosen by the service); refusals are
   "no mediator free". The run checks that no mediator has overlapping bookings.
3. **Call-next, plain vs mediator-gated, same run**: a day with ``--tickets``
   waiting tickets, 20% of them needing a mediator (Arabic/Urdu, whose shifts are
   booked and present, so both runs call the same tickets) plus 2% in Chinese
   with no mediator (held back by the gate). 8 desks call and close tickets until
   the queue is empty, once with the plain queue and once with the gate; the same
   tickets are issued again before the second run.

Time comes through the clock seam: every process uses one
:class:`~desk_app.clock.ManualClock` at 10:00 of today in Rome, so the run works at
any hour and date (started after 21:00, the mediator shift of now + 3 h used to cross
midnight and the booking was refused).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk_app.clock import ManualClock, SystemClock, day_start_utc, local_day
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.errors import ConflictError, QueueEmptyError

DESKS = [f"D{n}" for n in range(1, 9)]
SETUP = {
    "office": {"code": "LODI", "name": "Prefettura di Lodi (benchmark)"},
    "service": [
        {"code": "RF", "name": "Ricongiungimento familiare", "prefix": "R"},
        {"code": "LAV", "name": "Lavoro e flussi", "prefix": "N"},
    ],
    "desk": [{"code": code, "name": f"Sportello {code}", "services": ["RF", "LAV"]} for code in DESKS],
}


@dataclass(frozen=True)
class Job:
    """One client's work: ``kind`` in ``appointments``, ``mediators``, ``call-plain``, ``call-gated``."""

    kind: str
    url: str
    home: str
    actor: Actor
    index: int
    start_at: float
    amount: int
    slots: tuple[datetime, ...] = ()
    day: date | None = None
    moment: datetime | None = None  # the benchmark's fixed "now" (see the module docstring)


def _core(job: Job, gated: bool = True) -> CoreServices:
    core = CoreServices.build(Settings.load(home=job.home, overrides={"db_url": job.url}, environ={}),
                              clock=ManualClock(job.moment or bench_moment()))
    if not gated:
        core.queue.call_filters = []
    core.db.ping()
    return core


def bench_moment() -> datetime:
    """10:00 today in Rome (UTC): office hours whatever the hour the benchmark is started at."""
    return day_start_utc(local_day(SystemClock().now())) + timedelta(hours=10)


def client(job: Job) -> tuple[list[float], int, int]:
    """Run one client; returns (latency of each attempt in seconds, successes, refusals)."""
    core = _core(job, gated=job.kind != "call-plain")
    latencies: list[float] = []
    done = refused = 0
    rng = random.Random(job.index)
    time.sleep(max(0.0, job.start_at - time.time()))
    try:
        if job.kind == "appointments":
            slots = iter(job.slots)
            slot = next(slots)
            while done < job.amount:
                started = time.perf_counter()
                try:
                    core.appointments.book(job.actor, "RF", slot, person_name=f"Bench {job.index}-{done}",
                                           practice_number=f"B{job.index}-{done}")
                    done += 1
                except ConflictError:
                    refused += 1
                    slot = next(slots)
                latencies.append(time.perf_counter() - started)
        elif job.kind == "mediators":
            assert job.day is not None
            for _ in range(job.amount):
                start = datetime.combine(job.day, datetime.min.time(), tzinfo=UTC) + timedelta(
                    minutes=7 * 60 + 5 * rng.randrange(0, 120))
                started = time.perf_counter()
                try:
                    core.mediators.book(job.actor, "ar", start, start + timedelta(minutes=rng.choice((15, 30, 60))))
                    done += 1
                except ConflictError:
                    refused += 1
                latencies.append(time.perf_counter() - started)
        else:
            desk = DESKS[job.index % len(DESKS)]
            while True:
                started = time.perf_counter()
                try:
                    core.queue.call_next(job.actor, desk)
                except QueueEmptyError:
                    break
                latencies.append(time.perf_counter() - started)
                core.queue.no_show(job.actor, desk)
                done += 1
    finally:
        core.close()
    return latencies, done, refused


def run_clients(jobs: list[Job]) -> tuple[list[float], int, int, float]:
    """Run the jobs in parallel processes; (all latencies, successes, refusals, wall seconds from the start)."""
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        pending = pool.map_async(client, jobs)
        results = pending.get()
        wall = time.time() - jobs[0].start_at
    latencies = [lat for result in results for lat in result[0]]
    return latencies, sum(r[1] for r in results), sum(r[2] for r in results), wall


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94] if len(values) >= 2 else values[0]


def row(name: str, latencies: list[float], done: int, refused: int, wall: float) -> str:
    return (f"| {name} | {done} | {refused} | {len(latencies) / wall:,.0f} | {done / wall:,.0f} | "
            f"{statistics.median(latencies) * 1000:.1f} | {p95(latencies) * 1000:.1f} |")


def issue_day(core: CoreServices, actor: Actor, tickets: int) -> None:
    """Issue the benchmark day's tickets (same mix every time, fixed seed)."""
    rng = random.Random(42)
    for _ in range(tickets):
        draw = rng.random()
        if draw < 0.02:
            core.queue.issue_ticket(actor, "RF", language="zh", needs_mediator=True)
        elif draw < 0.22:
            core.queue.issue_ticket(actor, rng.choice(("RF", "LAV")), language=rng.choice(("ar", "ur")),
                                    needs_mediator=True)
        else:
            core.queue.issue_ticket(actor, rng.choice(("RF", "LAV")), priority=rng.choice(
                ("ordinary", "ordinary", "ordinary", "appointment", "elderly")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("DESK_APP_TEST_PG",
                                                       "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--bookings", type=int, default=250, help="appointments per client")
    parser.add_argument("--mediator-bookings", type=int, default=150, help="mediator requests per client")
    parser.add_argument("--tickets", type=int, default=3000, help="tickets in the call-next day")
    args = parser.parse_args()

    import psycopg
    from sqlalchemy.engine import make_url

    admin_url = make_url(args.pg).set(drivername="postgresql")
    name = f"sportello_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = psycopg.connect(admin_url.render_as_string(hide_password=False), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    url = admin_url.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as home:
            settings = Settings.load(home=home, overrides={"db_url": url}, environ={})
            moment = bench_moment()
            core = CoreServices.build(settings, clock=ManualClock(moment))
            core.upgrade_schema()
            system = Actor.system("bench")
            core.offices.apply(system, SETUP)
            core.staff.add_staff(system, "clerk", "Clerk", "clerk", "clerk-password", "LODI")
            clerk = core.staff.login("clerk", "clerk-password")
            core.staff.add_staff(system, "boss", "Boss", "supervisor", "boss-password", "LODI")
            boss = core.staff.login("boss", "boss-password")
            print(f"PostgreSQL {core.db.read(lambda s: s.connection().exec_driver_sql('SHOW server_version').scalar())}"
                  f", {args.clients} client processes, {os.cpu_count()} CPUs, database {name}")
            print("| run | done | refused | attempts/s | done/s | p50 ms | p95 ms |")
            print("|---|---:|---:|---:|---:|---:|---:|")

            # 1. appointments: everyone fights for the same slots
            core.appointments.set_calendar(boss, "RF", hours="mon-sun 08:00-18:00", slot_minutes=10, capacity=4,
                                           horizon_days=365)
            today = local_day(core.clock.now())
            slots = tuple(s.starts_at for offset in range(1, 60)
                          for s in core.appointments.slots(clerk, "RF", today + timedelta(days=offset)).slots)
            start_at = time.time() + 4
            jobs = [Job("appointments", url, home, clerk, i, start_at, args.bookings, slots=slots, moment=moment)
                    for i in range(args.clients)]
            print(row("book appointment (slot of 4, 8 clients racing)", *run_clients(jobs)), flush=True)
            overfull = core.db.read(lambda s: s.connection().exec_driver_sql(
                "SELECT count(*) FROM appointment_slot WHERE booked > capacity OR booked <> "
                "(SELECT count(*) FROM appointment a WHERE a.slot_id = appointment_slot.id)").scalar())
            assert overfull == 0, f"{overfull} slots over capacity or out of step"

            # 2. mediators: 10 Arabic mediators, random overlapping requests
            for n in range(10):
                core.mediators.add_mediator(boss, f"AR{n}", f"Mediatore {n}", {"ar": 1 + n % 4})
                core.mediators.set_availability(boss, f"AR{n}", "mon-sun 07:00-18:00 in_person")
            bench_day = today + timedelta(days=3)
            start_at = time.time() + 4
            jobs = [Job("mediators", url, home, clerk, i, start_at, args.mediator_bookings, day=bench_day,
                        moment=moment) for i in range(args.clients)]
            print(row("book mediator (10 mediators, overlapping requests)", *run_clients(jobs)), flush=True)
            overlaps = core.db.read(lambda s: s.connection().exec_driver_sql(
                "SELECT count(*) FROM mediator_booking a JOIN mediator_booking b ON a.mediator_id = b.mediator_id "
                "AND a.id < b.id AND a.status IN ('booked','confirmed') AND b.status IN ('booked','confirmed') "
                "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at").scalar())
            assert overlaps == 0, f"{overlaps} overlapping mediator bookings"

            # 3. call-next, plain then gated, on the same day of tickets
            now = core.clock.now()
            for n, language in enumerate(("ar", "ur")):
                core.mediators.add_mediator(boss, f"SH{n}", f"Turno {language}", {language: 4})
                core.mediators.set_availability(boss, f"SH{n}", "mon-sun 00:00-23:59 in_person")
                shift = core.mediators.book(clerk, language, now - timedelta(minutes=5), now + timedelta(hours=3),
                                            mediator_code=f"SH{n}")
                core.mediators.mark_present(clerk, shift.entry.id)
            for kind in ("call-plain", "call-gated"):
                core.db.write(lambda s: s.connection().exec_driver_sql(
                    "UPDATE ticket SET status = 'cancelled' WHERE status = 'waiting'"))
                issue_day(core, clerk, args.tickets)
                start_at = time.time() + 4
                jobs = [Job(kind, url, home, clerk, i, start_at, 0, moment=moment) for i in range(args.clients)]
                latencies, done, refused, wall = run_clients(jobs)
                held = len(core.mediators.waiting_for_mediator(clerk))
                label = "call-next, plain" if kind == "call-plain" else "call-next, mediator-gated"
                print(row(f"{label} ({held} held back)", latencies, done, refused, wall), flush=True)
            core.close()
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


if __name__ == "__main__":
    main()
