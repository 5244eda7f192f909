"""What the awareness sessions (issue 16) cost the counter and the reports, on SQLite and PostgreSQL.

    python benchmarks/awareness_bench.py [--pg postgresql://postgres@127.0.0.1:5432/postgres] [--tickets 1500]

1. **Call-next with the mediator gate, before and after issue 16, same run**: the gate now also checks that a
   shift-like booking (no appointment, no ticket) is not an awareness session's (``NOT EXISTS`` on
   ``awareness_session.mediator_booking_id``, unique index). The baseline builds the queue with the gate's old
   condition (patched back in for that run); both call the same day of tickets (20% need an Arabic or Urdu
   mediator, whose counter shifts are booked and present), with 40 sessions holding other mediators' bookings.
   One desk calls and finishes until the queue is empty; latency per call-next.
2. **Counts of the project period** (``AwarenessService.counts("project")``) over ``--sessions`` held sessions
   with attendance rows, against a raw-SQL baseline summing the same rows in one statement.

Throwaway databases (a temp SQLite file; ``sportello_bench_<pid>`` on PostgreSQL, dropped after). Time comes through
the clock seam (a :class:`~desk_app.clock.ManualClock` at 10:00 of a Tuesday in Rome).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import and_, insert, text

from desk_app.clock import ManualClock
from desk_app.core import mediators as mediators_module
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.models_awareness import AwarenessAttendance, AwarenessSession
from desk_app.db.models_booking import MediatorBooking
from desk_app.errors import QueueEmptyError

MOMENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # Tuesday 10:00 in Rome
SETUP: dict[str, Any] = {
    "office": {"code": "LODI", "name": "Prefettura di Lodi"},
    "service": [{"code": "RF", "name": "Ricongiungimento", "prefix": "R"}],
    "desk": [{"code": "D1", "name": "Sportello 1", "services": ["RF"]}],
}


def _old_shift() -> Any:
    """The gate's shift condition before issue 16 (the baseline)."""
    return and_(MediatorBooking.ticket_id.is_(None), MediatorBooking.appointment_id.is_(None))


@contextmanager
def databases(pg: str) -> Iterator[tuple[str, str]]:
    import psycopg
    from sqlalchemy.engine import make_url

    admin_url = make_url(pg).set(drivername="postgresql")
    name = f"sportello_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = psycopg.connect(admin_url.render_as_string(hide_password=False), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    with tempfile.TemporaryDirectory() as folder:
        try:
            yield (f"sqlite:///{folder}/bench.sqlite3",
                   admin_url.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False))
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()


def build(url: str, home: str) -> CoreServices:
    return CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}),
                              clock=ManualClock(MOMENT))


def prepare(core: CoreServices, sessions: int) -> tuple[Actor, Actor]:
    core.upgrade_schema()
    system = Actor.system("bench")
    core.offices.apply(system, SETUP)
    core.staff.add_staff(system, "clerk", "Clerk", "clerk", "clerk-password", "LODI")
    core.staff.add_staff(system, "boss", "Boss", "supervisor", "boss-password", "LODI")
    clerk, boss = core.staff.login("clerk", "clerk-password"), core.staff.login("boss", "boss-password")
    now = core.clock.now()
    for n, language in enumerate(("ar", "ur")):  # the counter's shifts, present
        core.mediators.add_mediator(boss, f"SH{n}", f"Turno {language}", {language: 4})
        core.mediators.set_availability(boss, f"SH{n}", "mon-sun 00:00-23:59 in_person")
        shift = core.mediators.book(clerk, language, now - timedelta(minutes=5), now + timedelta(hours=8),
                                    mediator_code=f"SH{n}")
        core.mediators.mark_present(clerk, shift.entry.id)
    core.awareness.save_centre(boss, "CAS-1", "CAS 1")
    for n in range(40):  # sessions with their own mediators' bookings, in the coming weeks
        code = f"AW{n}"
        core.mediators.add_mediator(boss, code, code, {"ar": 3})
        core.mediators.set_availability(boss, code, "mon-sun 00:00-23:59 in_person")
        core.awareness.plan(boss, "CAS-1", now + timedelta(days=1 + n % 20, hours=n % 5), 90, "ar", "Ente",
                            mediator_code=code)
    # the project's history of held sessions, written in bulk (the service would take minutes for thousands)
    rng = random.Random(16)

    def history(session: Any) -> None:
        office_id = session.connection().exec_driver_sql("SELECT id FROM office").scalar()
        centre_id = session.connection().exec_driver_sql("SELECT id FROM reception_centre").scalar()
        for n in range(sessions):
            starts = datetime(2021, 3, 1, 9, tzinfo=UTC) + timedelta(days=n * 1700 // max(sessions, 1))
            row_id = session.execute(insert(AwarenessSession).values(
                office_id=office_id, centre_id=centre_id, starts_at=starts, ends_at=starts + timedelta(minutes=90),
                language=rng.choice(("ar", "ur", "bn", "fr", "en")), operator_organisation="Ente", operator_name="",
                status="held", referrals=rng.randint(0, 2), planned_at=starts - timedelta(days=7),
                recorded_at=starts).returning(AwarenessSession.id)).scalar_one()
            session.execute(insert(AwarenessAttendance), [
                {"session_id": row_id, "sex": sex, "age_band": band, "people": rng.randint(1, 9)}
                for sex, band in (("m", "18-25"), ("m", "26-35"), ("f", "18-25"), ("x", "36-50"))])

    core.db.write(history)
    return clerk, boss


def issue_day(core: CoreServices, clerk: Actor, tickets: int) -> None:
    core.db.write(lambda s: s.connection().exec_driver_sql(
        "UPDATE ticket SET status = 'cancelled' WHERE status IN ('waiting', 'called', 'serving')"))
    rng = random.Random(42)
    for _ in range(tickets):
        if rng.random() < 0.2:
            core.queue.issue_ticket(clerk, "RF", language=rng.choice(("ar", "ur")), needs_mediator=True)
        else:
            core.queue.issue_ticket(clerk, "RF")


def call_all(core: CoreServices, clerk: Actor) -> list[float]:
    latencies = []
    while True:
        started = time.perf_counter()
        try:
            core.queue.call_next(clerk, "D1")
        except QueueEmptyError:
            return latencies
        latencies.append(time.perf_counter() - started)
        core.queue.start_serving(clerk, "D1")
        core.queue.finish(clerk, "D1")


def timed(work: Callable[[], object], repeat: int) -> list[float]:
    result = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        result.append(time.perf_counter() - started)
    return result


def row(backend: str, name: str, latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return (f"| {backend} | {name} | {len(latencies)} | {statistics.median(latencies) * 1000:.2f} | "
            f"{p95 * 1000:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("DESK_APP_TEST_PG",
                                                       "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--tickets", type=int, default=1500)
    parser.add_argument("--sessions", type=int, default=2000, help="held sessions in the project's history")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, {args.tickets} tickets per call-next run, {args.sessions} held sessions")
    print("| backend | run | n | p50 ms | p95 ms |")
    print("|---|---|---:|---:|---:|")
    with databases(args.pg) as urls, tempfile.TemporaryDirectory() as home:
        for backend, url in zip(("SQLite", "PostgreSQL"), urls, strict=True):
            core = build(url, home)
            clerk, boss = prepare(core, args.sessions)
            core.close()
            new_shift = mediators_module._shift
            for label, shift in (("call-next, gate before issue 16 (baseline)", _old_shift),
                                 ("call-next, gate with the session check", new_shift)):
                mediators_module._shift = shift  # the gate's condition is built with the queue service
                try:
                    core = build(url, home)
                    issue_day(core, clerk, args.tickets)
                    latencies = call_all(core, clerk)
                finally:
                    mediators_module._shift = new_shift
                assert len(latencies) == args.tickets, (label, len(latencies))
                print(row(backend, label, latencies), flush=True)
                core.close()
            core = build(url, home)
            counts = core.awareness.counts(boss, "project")
            raw = core.db.read(lambda s: s.execute(text(
                "SELECT count(DISTINCT s.id), sum(a.people) FROM awareness_session s JOIN awareness_attendance a "
                "ON a.session_id = s.id WHERE s.status = 'held'")).one())
            assert (counts.held, counts.attendees) == (raw[0], raw[1]), (counts.held, raw)
            def raw_sql(db: Any = core.db) -> object:
                return db.read(lambda s: s.execute(text(
                    "SELECT s.language, count(DISTINCT s.id), sum(a.people) FROM awareness_session s "
                    "JOIN awareness_attendance a ON a.session_id = s.id WHERE s.status = 'held' "
                    "GROUP BY s.language")).all())

            def service(awareness: Any = core.awareness, actor: Actor = boss) -> object:
                return awareness.counts(actor, "project")

            print(row(backend, "raw SQL: one aggregate over the same rows (baseline)", timed(raw_sql, 20)),
                  flush=True)
            print(row(backend, f"counts('project'), {counts.held} sessions, audited", timed(service, 20)),
                  flush=True)
            core.close()


if __name__ == "__main__":
    main()
