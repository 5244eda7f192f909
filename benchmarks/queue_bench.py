"""Queue engine under 8 concurrent desks, side by side with a fair raw-SQL baseline, in interleaved rounds.

Measures, in one run, on the same throwaway databases (PostgreSQL and a SQLite file):

* issue-ticket latency (p50/p95) of ``QueueService.issue_ticket`` vs. the two raw statements it needs
  (counter upsert + insert, in one transaction), every desk issuing back to back;
* call-next throughput (call, then release the desk with a no-show) of ``QueueService.call_next`` +
  ``no_show`` vs. ``UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING`` and the no-show
  ``UPDATE`` (each one statement; on SQLite each in ``BEGIN IMMEDIATE``);
* change-feed delay: commit in one process -> change received in another.

Fair: the baseline's SQLite connections have the core's settings (WAL, ``synchronous = NORMAL``,
``foreign_keys``, busy timeout), PostgreSQL's run the single-statement transitions in autocommit as the
core does. Interleaved: ``--rounds`` rounds, each running raw and core back to back (the order alternating
from round to round) on the same 8 warm desk processes, so a load that comes and goes on the machine hits
both sides alike; every round gives its own ratio and the report gives their median.

Time: every process uses one :class:`~desk_app.clock.ManualClock` at 10:00 of today in Rome (the clock
seam), so the run gives the same results at any hour and on any date.

Usage: ``python benchmarks/queue_bench.py [--desks 8] [--tickets 150] [--rounds 5] [--pg URL] [--skip-pg]``.
The PostgreSQL database is created and dropped by the script.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sqlite3
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

SERVICES = ("RF", "NOLAV", "LEG")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def bench_moment() -> datetime:
    """10:00 today in Rome (UTC): office hours whatever the hour the benchmark is started at."""
    today = local_day(SystemClock().now())
    return day_start_utc(today) + timedelta(hours=10)


# -- set-up ----------------------------------------------------------------------------------------------------------
def build_core(url: str, home: str, moment: datetime) -> Any:
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings

    return CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}),
                              clock=ManualClock(moment))


def prepare(url: str, home: str, desks: int, moment: datetime) -> dict[str, Any]:
    """Migrate, set up an office with ``desks`` desks serving every service; return ids for raw SQL."""
    from desk_app.core.auth import Actor
    from desk_app.db import migrate

    core = build_core(url, home, moment)
    migrate.upgrade(core.db)
    view = core.offices.apply(Actor.system("bench"), {
        "office": {"code": "BENCH", "name": "Benchmark"},
        "service": [{"code": c, "prefix": c[0], "name": c} for c in SERVICES],
        "desk": [{"code": f"D{i}", "name": f"D{i}", "services": list(SERVICES)} for i in range(1, desks + 1)],
    })
    ids = {"office": view.id, "services": [s.id for s in view.services], "prefixes": [s.prefix for s in view.services],
           "desks": [d.id for d in view.desks], "moment": moment}
    core.close()
    return ids


def clear_tickets(url: str) -> None:
    statements = ("DELETE FROM ticket_event", "DELETE FROM change_log", "DELETE FROM ticket",
                  "DELETE FROM ticket_counter")
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            for statement in statements:
                conn.execute(statement)
    else:
        import psycopg

        with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)
            conn.execute("VACUUM ANALYZE ticket")


# -- raw-SQL baseline ----------------------------------------------------------------------------------------------
class Raw:
    """The baseline: the statements the design calls for through the bare driver, with no ORM, no events, no feed,
    no checks, and the same durability settings as the core (see the module docstring)."""

    def __init__(self, url: str, ids: dict[str, Any], feed: bool = False, change_log: bool = True) -> None:
        self.pg = not url.startswith("sqlite")
        self.ids = ids
        #: "raw + feed": also the event row and the change-feed entry of each transition, in its transaction
        #: (the least the product's guarantees need), to tell the cost of the guarantees from the core's own
        self.feed = feed
        #: SQLite, with ``feed``: ``False`` writes the event row alone (queue_cost.py's "event" side)
        self.change_log = change_log
        self.now = ids["moment"].replace(tzinfo=None)  # naive UTC, as the core stores it
        self.day = local_day(ids["moment"])
        if self.pg:
            import psycopg

            self.conn = psycopg.connect(url.replace("+psycopg", ""), autocommit=True)
            self.mark = "%s"
        else:
            self.conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=10, isolation_level=None)
            # the core's connection settings (desk_app/db/engine.py): without synchronous = NORMAL every commit
            # waits for an fsync, which made the old baseline ~10x slower than the core's own connections
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.mark = "?"
        self.now_param: Any = self.now if self.pg else self.now.strftime("%Y-%m-%d %H:%M:%S.%f")
        self.day_param: Any = self.day if self.pg else self.day.isoformat()

    def _tx(self, work: Any) -> Any:
        for attempt in range(12):
            try:
                if self.pg:
                    with self.conn.transaction():
                        return work(self.conn)
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    result = work(self.conn)
                    self.conn.execute("COMMIT")
                    return result
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError:
                time.sleep(0.005 * 2**min(attempt, 6))
        raise RuntimeError("raw transaction kept failing")

    def _one(self, sql: str, params: tuple[Any, ...]) -> Any:
        """One statement: autocommit on PostgreSQL (as the core), BEGIN IMMEDIATE on SQLite."""
        if self.pg:
            return self.conn.execute(sql, params).fetchone()
        return self._tx(lambda conn: conn.execute(sql, params).fetchone())

    def issue(self, n: int) -> None:
        m = self.mark
        service = self.ids["services"][n % len(SERVICES)]
        prefix = self.ids["prefixes"][n % len(SERVICES)]

        def work(conn: Any) -> None:
            seq = conn.execute(
                f"INSERT INTO ticket_counter (office_id, service_id, day, last) VALUES ({m},{m},{m},1) "
                "ON CONFLICT (office_id, service_id, day) DO UPDATE SET last = ticket_counter.last + 1 RETURNING last",
                (self.ids["office"], service, self.day_param)).fetchone()[0]
            conn.execute(
                "INSERT INTO ticket (office_id, service_id, origin_service_id, day, seq, number, status, priority, "
                "needs_mediator, sort_key, issued_at, recall_count, transfer_count) "
                f"VALUES ({m},{m},{m},{m},{m},{m},'waiting','ordinary',{'false' if self.pg else '0'},{m},{m},0,0)",
                (self.ids["office"], service, service, self.day_param, seq, f"{prefix}{seq:03d}", self.now_param,
                 self.now_param))

        self._tx(work)

    def _announced(self, update: str, params: tuple[Any, ...], action: str) -> Any:
        """``update`` (``... RETURNING id, number, status, service_id``) with its event and feed entry."""
        if self.pg:
            return self.conn.execute(
                f"WITH c AS ({update}), e AS (INSERT INTO ticket_event (office_id, ticket_id, at, action, "
                f"from_status, to_status, service_id, desk_id) SELECT {self.ids['office']}, id, %s, '{action}', "
                "NULL, status, service_id, NULL FROM c) SELECT c.id, pg_notify('sportello_changes', "
                f"json_build_object('k', 'ticket', 'a', '{action}', 'o', {self.ids['office']}, 'd', "
                "json_build_object('ticket', c.id, 'number', c.number, 'status', c.status))::text) FROM c",
                (*params, self.now_param)).fetchone()

        def work(conn: Any) -> Any:
            row = conn.execute(update, params).fetchone()
            if row is not None:
                conn.execute("INSERT INTO ticket_event (office_id, ticket_id, at, action, from_status, to_status, "
                              "service_id, desk_id) VALUES (?, ?, ?, ?, NULL, ?, ?, NULL)",
                              (self.ids["office"], row[0], self.now_param, action, row[2], row[3]))
                if self.change_log:
                    conn.execute("INSERT INTO change_log (at, office_id, kind, action, data) "
                                 "VALUES (?, ?, 'ticket', ?, ?)", (self.now_param, self.ids["office"], action,
                                 f'{{"ticket": {row[0]}, "number": "{row[1]}", "status": "{row[2]}"}}'))
            return row
        return self._tx(work)

    def call_and_release(self, desk_id: int) -> bool:
        if self.feed:
            return self._call_and_release_announced(desk_id)
        m = self.mark
        services = ",".join(str(s) for s in self.ids["services"])
        lock = " FOR UPDATE SKIP LOCKED" if self.pg else ""
        row = self._one(
            f"UPDATE ticket SET status = 'called', desk_id = {m}, called_at = {m} WHERE id = ("
            f"SELECT id FROM ticket WHERE office_id = {m} AND day = {m} AND status = 'waiting' "
            f"AND service_id IN ({services}) ORDER BY sort_key, id LIMIT 1{lock}) AND status = 'waiting' "
            "RETURNING id", (desk_id, self.now_param, self.ids["office"], self.day_param))
        if row is None:
            return False
        self._one(f"UPDATE ticket SET status = 'no_show', finished_at = {m} WHERE id = {m} AND status = 'called' "
                  "RETURNING id", (self.now_param, row[0]))
        return True

    def _call_and_release_announced(self, desk_id: int) -> bool:
        m = self.mark
        services = ",".join(str(s) for s in self.ids["services"])
        lock = " FOR UPDATE SKIP LOCKED" if self.pg else ""
        row = self._announced(
            f"UPDATE ticket SET status = 'called', desk_id = {m}, called_at = {m} WHERE id = ("
            f"SELECT id FROM ticket WHERE office_id = {m} AND day = {m} AND status = 'waiting' "
            f"AND service_id IN ({services}) ORDER BY sort_key, id LIMIT 1{lock}) AND status = 'waiting' "
            "RETURNING id, number, status, service_id", (desk_id, self.now_param, self.ids["office"], self.day_param),
            "call")
        if row is None:
            return False
        self._announced(f"UPDATE ticket SET status = 'no_show', finished_at = {m} WHERE id = {m} "
                        "AND status = 'called' RETURNING id, number, status, service_id", (self.now_param, row[0]),
                        "no_show")
        return True


# -- workers: 8 long-lived desk processes, each with a core and a raw connection ---------------------------------
_DESK: dict[str, Any] = {}


def _sides(url: str, home: str, ids: dict[str, Any]) -> tuple[Any, Any]:
    if url not in _DESK:
        from desk_app.core.auth import Actor

        core = build_core(url, home, ids["moment"])
        core.queue.office_code = "BENCH"
        core.queue.issue_ticket(Actor.system("bench"), SERVICES[0])  # warm-up: connections, statement caches
        _DESK[url] = (core, Raw(url, ids), Raw(url, ids, feed=True))
    return _DESK[url]


def desk_worker(job: str, kind: str, url: str, home: str, ids: dict[str, Any], desk_index: int, count: int,
                ready: Any, start: Any) -> Any:
    """One desk process's part of a phase: issue ``count`` tickets (latencies, ms) or call until the queue is
    empty (calls, seconds)."""
    from desk_app.core.auth import Actor
    from desk_app.errors import QueueEmptyError

    core, raw, raw_feed = _sides(url, home, ids)
    actor = Actor.system("bench")
    desk = f"D{desk_index + 1}"
    ready.put(desk_index)
    start.wait()
    if job == "issue":
        latencies = []
        for n in range(1, count + 1):
            t0 = time.perf_counter()
            if kind == "core":
                core.queue.issue_ticket(actor, SERVICES[n % len(SERVICES)])
            else:
                raw.issue(n)
            latencies.append((time.perf_counter() - t0) * 1000)
        return latencies

    def cycle() -> bool:
        if kind == "raw":
            return raw.call_and_release(ids["desks"][desk_index])
        if kind == "feed":
            return raw_feed.call_and_release(ids["desks"][desk_index])
        try:
            ticket = core.queue.call_next(actor, desk)
        except QueueEmptyError:
            return False
        core.queue.no_show(actor, desk, ticket=ticket.id)
        return True

    t0 = time.perf_counter()
    calls = 0
    while cycle():
        calls += 1
    return calls, time.perf_counter() - t0


def phase(pool: Any, manager: Any, job: str, kind: str, url: str, home: str, ids: dict[str, Any], desks: int,
          count: int) -> list[Any]:
    """Run one phase on every desk process at once (the gate opens when all are ready)."""
    ready, start = manager.Queue(), manager.Event()
    jobs = [pool.apply_async(desk_worker, (job, kind, url, home, ids, i, count, ready, start))
            for i in range(desks)]
    for _ in range(desks):
        ready.get(timeout=300)
    start.set()
    return [j.get(timeout=900) for j in jobs]


def run_issue(pool: Any, manager: Any, kind: str, url: str, home: str, ids: dict[str, Any], desks: int,
              count: int) -> list[float]:
    clear_tickets(url)
    return [x for part in phase(pool, manager, "issue", kind, url, home, ids, desks, count) for x in part]


def run_calls(pool: Any, manager: Any, kind: str, url: str, home: str, ids: dict[str, Any], desks: int,
              tickets: int) -> float:
    clear_tickets(url)
    raw = Raw(url, ids)
    for n in range(tickets):
        raw.issue(n)
    results = phase(pool, manager, "call", kind, url, home, ids, desks, 0)
    calls = sum(c for c, _ in results)
    assert calls == tickets, f"{kind}: {calls} calls for {tickets} tickets"
    return calls / max(s for _, s in results)


def feed_listener(url: str, ready: Any, results: Any, expected: int) -> None:
    from desk_app.db.engine import Database
    from desk_app.db.feed import ChangeFeed

    feed = ChangeFeed(Database(url), poll_interval=0.1)
    feed.start_listening()
    ready.set()
    seen = 0
    deadline = time.monotonic() + 60
    while seen < expected and time.monotonic() < deadline:
        for change in feed.wait(0.5):
            if change.kind == "ticket" and change.action == "issue":
                results.put((change.data["number"], time.time()))
                seen += 1
    feed.stop()


def run_feed(url: str, home: str, ids: dict[str, Any], samples: int = 30) -> list[float]:
    from desk_app.core.auth import Actor

    clear_tickets(url)
    ctx = multiprocessing.get_context("spawn")
    manager = ctx.Manager()
    ready, results = manager.Event(), manager.Queue()
    listener = ctx.Process(target=feed_listener, args=(url, ready, results, samples))
    listener.start()
    ready.wait(30)
    core = build_core(url, home, ids["moment"])
    core.queue.office_code = "BENCH"
    actor = Actor.system("bench")
    committed = {}
    for n in range(samples):
        ticket = core.queue.issue_ticket(actor, SERVICES[n % len(SERVICES)])
        committed[ticket.number] = time.time()
        time.sleep(0.05 + (n % 7) * 0.013)  # spread commits across the SQLite poll period
    delays = []
    for _ in range(samples):
        number, received = results.get(timeout=30)
        delays.append((received - committed[number]) * 1000)
    listener.join(10)
    core.close()
    return delays


def bench_backend(name: str, url: str, home: str, desks: int, tickets: int, rounds: int) -> dict[str, Any]:
    ids = prepare(url, home, desks, bench_moment())
    out: dict[str, Any] = {"backend": name, "rounds": []}
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(desks) as pool:
        for n in range(rounds):
            order = ("raw", "core") if n % 2 == 0 else ("core", "raw")
            result: dict[str, Any] = {"first": order[0]}
            load = os.getloadavg()[0]
            for kind in order:
                latencies = run_issue(pool, manager, kind, url, home, ids, desks, tickets)
                result[f"issue_{kind}_p50"] = statistics.median(latencies)
                result[f"issue_{kind}_p95"] = percentile(latencies, 0.95)
                result[f"call_{kind}"] = run_calls(pool, manager, kind, url, home, ids, desks, desks * tickets)
            result["call_feed"] = run_calls(pool, manager, "feed", url, home, ids, desks, desks * tickets)
            result["load"] = (load + os.getloadavg()[0]) / 2
            out["rounds"].append(result)
            print(f"  {name} round {n + 1}: call {result['call_core']:.0f} / {result['call_raw']:.0f} calls/s "
                  f"({result['call_core'] / result['call_raw']:.2f}x), issue p95 {result['issue_core_p95']:.1f} / "
                  f"{result['issue_raw_p95']:.1f} ms, load {result['load']:.1f}", flush=True)
    delays = run_feed(url, home, ids)
    out["feed_p50"], out["feed_p95"], out["feed_max"] = statistics.median(delays), percentile(delays, 0.95), max(
        delays)
    return out


def report(results: list[dict[str, Any]], desks: int, tickets: int) -> None:
    print(f"\n{desks} concurrent desks, {tickets} tickets per desk, {os.cpu_count()} CPUs\n")
    print("| backend | round (first) | call-next core / raw (calls/s) | core/raw | raw + feed (calls/s) "
          "| core/(raw + feed) | issue p50 core / raw (ms) | issue p95 core / raw (ms) | load avg |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        for n, rd in enumerate(r["rounds"], 1):
            print(f"| {r['backend']} | {n} ({rd['first']}) | {rd['call_core']:,.0f} / {rd['call_raw']:,.0f} | "
                  f"{rd['call_core'] / rd['call_raw']:.2f}x | {rd['call_feed']:,.0f} | "
                  f"{rd['call_core'] / rd['call_feed']:.2f}x | "
                  f"{rd['issue_core_p50']:.1f} / {rd['issue_raw_p50']:.1f} | "
                  f"{rd['issue_core_p95']:.1f} / {rd['issue_raw_p95']:.1f} | {rd['load']:.1f} |")
    print("\n| backend | call-next core/raw, median of rounds (min-max) | core/(raw + feed), median "
          "| issue p95 core / raw, median of rounds (max core) | feed delay p50 / p95 / max (ms) |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        ratios = [rd["call_core"] / rd["call_raw"] for rd in r["rounds"]]
        fed = [rd["call_core"] / rd["call_feed"] for rd in r["rounds"]]
        p95s = [rd["issue_core_p95"] for rd in r["rounds"]]
        raw95 = [rd["issue_raw_p95"] for rd in r["rounds"]]
        print(f"| {r['backend']} | {statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f}) | "
              f"{statistics.median(fed):.2f}x | {statistics.median(p95s):.1f} / {statistics.median(raw95):.1f} ms "
              f"({max(p95s):.1f}) | {r['feed_p50']:.0f} / {r['feed_p95']:.0f} / {r['feed_max']:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, default=8)
    parser.add_argument("--tickets", type=int, default=150, help="tickets per desk")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved raw/core rounds per backend")
    parser.add_argument("--pg", default=os.environ.get("DESK_APP_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        home = str(Path(tmp) / "home")
        if not args.skip_pg:
            import psycopg

            name = f"sportello_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(args.pg, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            base = args.pg.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
            try:
                results.append(bench_backend("PostgreSQL", f"{base}/{name}", home, args.desks, args.tickets,
                                             args.rounds))
            finally:
                with psycopg.connect(args.pg, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not args.skip_sqlite:
            results.append(bench_backend("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", home, args.desks,
                                         args.tickets, args.rounds))
    report(results, args.desks, args.tickets)


if __name__ == "__main__":
    main()
