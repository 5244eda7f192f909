"""Does the queue slow down as history grows? The same desk cycle on an empty database and on a year of history.

For each backend (PostgreSQL, SQLite file) and each history size (``--levels``, in days of 1,000 tickets:
0, a month, a quarter, a year = 250 working days ~ 250,000 tickets and 1,000,000 events), the script
makes a database, migrates it, sets up an office and generates the history with SQL (tickets of earlier
days, all finished: done / no-show / cancelled / closed, each with its 4 events), as a year of use leaves it.
Then, in ``--rounds`` rounds, one desk process works on all the databases, interleaved operation by
operation (one issue on each size in turn, in an order rotating from round to round; then one cycle on
each; then one day close on each), so a load that comes and goes on the machine hits all sizes alike:

* issues ``--tickets`` tickets of today (median ms per issue);
* calls and no-shows them, one by one (median ms per call + no-show cycle);
* runs the day close as every start does (nothing left open: the check; median ms of 10).

Reported per size: the medians of the round medians, and the ratio to the empty database (median of the
per-round ratios). Goal (issue 18): a year within 1.2x of empty on both backends.

Time comes through the clock seam: one :class:`~desk_app.clock.ManualClock` at 10:00 of today in Rome,
so the run is the same at any hour and date. PostgreSQL databases are created and dropped by the script;
PostgreSQL gets ``ANALYZE`` after the bulk load (autovacuum would do it), SQLite gets none (the app never
runs it: its plans must not depend on statistics).

Usage: ``python benchmarks/queue_history_bench.py [--levels 0,21,63,250] [--rounds 5] [--pg URL]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk_app.clock import ManualClock, SystemClock, day_start_utc, local_day
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings

SERVICES = ("RF", "LAV", "LEG")
DESKS = [f"D{n}" for n in range(1, 9)]
PER_DAY = 1000


def bench_moment() -> datetime:
    """10:00 today in Rome (UTC): office hours whatever the hour the benchmark is started at."""
    return day_start_utc(local_day(SystemClock().now())) + timedelta(hours=10)


def history_sql(pg: bool, days: int) -> list[str]:
    """Statements that fill ``days`` earlier days of finished tickets (1,000 a day) and their 4 events each.

    ``:today`` is bound to today's date; office 1, services 1-3, desks 1-8 (as set up by :func:`build`).
    """
    def mod(value: str, by: int) -> str:  # psycopg would read a bare % as a parameter mark
        return f"mod({value}, {by})" if pg else f"({value} % {by})"

    if pg:
        series = (f"FROM generate_series(1, {days}) AS d(n) CROSS JOIN generate_series(0, {PER_DAY - 1}) AS k(n)")
        day = "(%(today)s::date - d.n)"
        ts = f"({day} + time '07:00' + k.n * interval '30 seconds')"
        number = f"chr(ascii('A') + {mod('k.n', 3)}) || lpad((k.n / 3 + 1)::text, 3, '0')"
        false = "false"
    else:
        series = (f"FROM (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {days}) "
                  f"SELECT n FROM s) AS d, (WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s "
                  f"WHERE n < {PER_DAY - 1}) SELECT n FROM s) AS k")
        day = "date(:today, '-' || d.n || ' days')"
        ts = f"strftime('%Y-%m-%d %H:%M:%f', {day}, '+7 hours', '+' || (k.n * 30) || ' seconds') || '000'"
        number = "char(65 + k.n % 3) || printf('%03d', k.n / 3 + 1)"
        false = "0"
    tenth = mod("k.n", 10)
    status = (f"CASE WHEN {tenth} < 7 THEN 'done' WHEN {tenth} < 8 THEN 'no_show' WHEN {tenth} < 9 "
              "THEN 'cancelled' ELSE 'closed' END")
    tickets = (
        "INSERT INTO ticket (office_id, service_id, origin_service_id, day, seq, number, status, previous_status, "
        "priority, needs_mediator, desk_id, sort_key, issued_at, called_at, serving_at, finished_at, recall_count, "
        f"transfer_count, outcome) SELECT 1, 1 + {mod('k.n', 3)}, 1 + {mod('k.n', 3)}, {day}, k.n / 3 + 1, {number}, "
        f"{status}, 'serving', 'ordinary', {false}, 1 + {mod('k.n', 8)}, {ts}, {ts}, {ts}, {ts}, {ts}, 0, 0, "
        f"'completed' {series}"
    )
    steps = (("issue", "NULL", "'waiting'"), ("call", "'waiting'", "'called'"), ("serve", "'called'", "'serving'"),
             ("finish", "'serving'", "status"))
    events = [
        "INSERT INTO ticket_event (office_id, ticket_id, at, action, from_status, to_status, service_id, desk_id, "
        f"staff_id) SELECT office_id, id, issued_at, '{action}', {old}, {new}, service_id, desk_id, NULL "
        "FROM ticket WHERE day < " + ("%(today)s::date" if pg else ":today")
        for action, old, new in steps
    ]
    counters = ("INSERT INTO ticket_counter (office_id, service_id, day, last) SELECT office_id, origin_service_id, "
                "day, max(seq) FROM ticket GROUP BY office_id, origin_service_id, day")
    return [tickets, *events, counters]


def build(url: str, home: str, days: int, moment: datetime) -> CoreServices:
    """A migrated database with the office and ``days`` days of history."""
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}),
                              clock=ManualClock(moment))
    core.upgrade_schema()
    system = Actor.system("bench")
    core.offices.apply(system, {
        "office": {"code": "LODI", "name": "Prefettura di Lodi (benchmark)"},
        "service": [{"code": c, "name": c, "prefix": chr(ord("A") + n)} for n, c in enumerate(SERVICES)],
        "desk": [{"code": d, "name": d, "services": list(SERVICES)} for d in DESKS],
    })
    if days:
        today = local_day(moment)
        pg = core.db.dialect == "postgresql"
        t0 = time.perf_counter()
        for statement in history_sql(pg, days):
            core.db.write(lambda s, sql=statement: s.connection().exec_driver_sql(
                sql, {"today": today if pg else today.isoformat()}))
        if pg:
            with core.db.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        print(f"  {core.db.dialect}: {days} days of history generated in {time.perf_counter() - t0:.0f} s",
              flush=True)
    return core


def counts(core: CoreServices) -> tuple[int, int]:
    return core.db.read(lambda s: (s.connection().exec_driver_sql("SELECT count(*) FROM ticket").scalar_one(),
                                   s.connection().exec_driver_sql("SELECT count(*) FROM ticket_event").scalar_one()))


def one_round(cores: dict[int, CoreServices], tickets: int, shift: int) -> dict[int, dict[str, float]]:
    """One round on every database, interleaved operation by operation (so a load that comes and goes hits
    every size alike): issue ``tickets``, call + no-show each, then 10 day closes. Medians in ms per size.
    """
    actor = Actor.system("bench")
    levels = list(cores)
    order = levels[shift % len(levels):] + levels[:shift % len(levels)]
    times: dict[int, dict[str, list[float]]] = {d: {"issue": [], "cycle": [], "close": []} for d in levels}
    for n in range(tickets):
        for days in order:
            t0 = time.perf_counter()
            cores[days].queue.issue_ticket(actor, SERVICES[n % 3])
            times[days]["issue"].append(time.perf_counter() - t0)
    for _ in range(tickets):
        for days in order:
            queue = cores[days].queue
            t0 = time.perf_counter()
            ticket = queue.call_next(actor, "D1")
            queue.no_show(actor, "D1", ticket=ticket.id)
            times[days]["cycle"].append(time.perf_counter() - t0)
    for _ in range(10):
        for days in order:
            t0 = time.perf_counter()
            cores[days].close_previous_days()
            times[days]["close"].append(time.perf_counter() - t0)
    return {d: {k: statistics.median(v) * 1000 for k, v in times[d].items()} for d in levels}


def bench_backend(name: str, make_url: Any, home: str, levels: list[int], rounds: int, tickets: int,
                  moment: datetime) -> list[dict[str, Any]]:
    cores = {days: build(make_url(days), f"{home}/{name}-{days}", days, moment) for days in levels}
    one_round(cores, 20, 0)  # warm-up: connections, statement caches, the office cache
    per_round: dict[int, list[dict[str, float]]] = {d: [] for d in levels}
    for r in range(rounds):
        result = one_round(cores, tickets, r)
        for days in levels:
            per_round[days].append(result[days])
        base = result[levels[0]]
        print(f"  {name} round {r + 1}: " + ", ".join(
            f"{d} d: cycle {result[d]['cycle']:.2f} ms ({result[d]['cycle'] / base['cycle']:.2f}x), "
            f"close {result[d]['close']:.2f} ms ({result[d]['close'] / base['close']:.2f}x)" for d in levels),
            flush=True)
    rows = []
    for days in levels:
        n_tickets, n_events = counts(cores[days])
        row: dict[str, Any] = {"backend": name, "days": days, "tickets": n_tickets, "events": n_events}
        for key in ("issue", "cycle", "close"):
            row[key] = statistics.median(x[key] for x in per_round[days])
            row[f"{key}_ratio"] = statistics.median(
                x[key] / b[key] for x, b in zip(per_round[days], per_round[levels[0]], strict=True))
        rows.append(row)
    for core in cores.values():
        core.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="0,21,63,250", help="days of history (1,000 tickets a day)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tickets", type=int, default=100, help="tickets issued and called per round")
    parser.add_argument("--pg", default=os.environ.get("DESK_APP_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    moment = bench_moment()
    rows: list[dict[str, Any]] = []
    started = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_pg:
            import psycopg

            names = {d: f"sportello_hist_{d}_{uuid.uuid4().hex[:6]}" for d in levels}
            base = args.pg.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
            with psycopg.connect(args.pg, autocommit=True) as admin:
                for db_name in names.values():
                    admin.execute(f'CREATE DATABASE "{db_name}"')
            try:
                rows += bench_backend("PostgreSQL", lambda d: f"{base}/{names[d]}", tmp, levels, args.rounds,
                                      args.tickets, moment)
            finally:
                with psycopg.connect(args.pg, autocommit=True) as admin:
                    for db_name in names.values():
                        admin.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
        if not args.skip_sqlite:
            rows += bench_backend("SQLite", lambda d: f"sqlite:///{tmp}/history-{d}.sqlite3", tmp, levels,
                                  args.rounds, args.tickets, moment)
    print(f"\n{args.rounds} interleaved rounds of {args.tickets} tickets, {os.cpu_count()} CPUs, load average "
          f"{started:.1f} at start, {os.getloadavg()[0]:.1f} at the end\n")
    print("| backend | history | tickets | events | issue ms | call + no-show ms | vs empty | day close ms "
          "| vs empty |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['backend']} | {r['days']} days | {r['tickets']:,} | {r['events']:,} | {r['issue']:.2f} | "
              f"{r['cycle']:.2f} | {r['cycle_ratio']:.2f}x | {r['close']:.2f} | {r['close_ratio']:.2f}x |")


if __name__ == "__main__":
    main()
