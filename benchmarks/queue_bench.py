"""Queue engine under 8 concurrent desks, side by side with a raw-SQL baseline, on PostgreSQL and SQLite.

Measures, in one run and on the same throwaway databases:

* issue-ticket latency (p50/p95) of ``QueueService.issue_ticket`` vs. the two raw
  statements it needs (counter upsert + insert) in one transaction, with every desk
  issuing back to back (saturating) and at a paced 10 tickets/s per desk;
* call-next throughput (call, then release the desk with a no-show) of
  ``QueueService.call_next`` vs. ``UPDATE ... WHERE id = (SELECT ... FOR UPDATE
  SKIP LOCKED) RETURNING`` (on SQLite the same statement in ``BEGIN IMMEDIATE``);
* change-feed delay: commit in one process -> change received in another.

Usage: ``python benchmarks/queue_bench.py [--desks 8] [--tickets 150] [--pg URL]``.
The PostgreSQL database is created and dropped by the script.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SERVICES = ("RF", "NOLAV", "LEG")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


# -- set-up ----------------------------------------------------------------------------------------------------------
def build_core(url: str, home: str) -> Any:
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings

    return CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}))


def prepare(url: str, home: str, desks: int) -> dict[str, Any]:
    """Migrate, set up an office with ``desks`` desks serving every service; return ids for raw SQL."""
    from desk_app.core.auth import Actor
    from desk_app.db import migrate

    core = build_core(url, home)
    migrate.upgrade(core.db)
    view = core.offices.apply(Actor.system("bench"), {
        "office": {"code": "BENCH", "name": "Benchmark"},
        "service": [{"code": c, "prefix": c[0], "name": c} for c in SERVICES],
        "desk": [{"code": f"D{i}", "name": f"D{i}", "services": list(SERVICES)} for i in range(1, desks + 1)],
    })
    ids = {"office": view.id, "services": [s.id for s in view.services], "prefixes": [s.prefix for s in view.services],
           "desks": [d.id for d in view.desks]}
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


# -- raw-SQL baseline ----------------------------------------------------------------------------------------------
class Raw:
    """The baseline: the same statements the design calls for, with no ORM, no events, no feed, no checks."""

    def __init__(self, url: str, ids: dict[str, Any]) -> None:
        self.pg = not url.startswith("sqlite")
        self.ids = ids
        if self.pg:
            import psycopg

            self.conn = psycopg.connect(url.replace("+psycopg", ""))
            self.mark = "%s"
        else:
            self.conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=10, isolation_level=None)
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self.mark = "?"

    def _tx(self, work: Any) -> Any:
        for attempt in range(8):
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
                time.sleep(0.005 * 2**attempt)
        raise RuntimeError("raw transaction kept failing")

    def issue(self, n: int) -> None:
        m = self.mark
        service = self.ids["services"][n % len(SERVICES)]
        prefix = self.ids["prefixes"][n % len(SERVICES)]
        now = datetime.now(UTC).replace(tzinfo=None)
        day = now.date()

        def work(conn: Any) -> None:
            seq = conn.execute(
                f"INSERT INTO ticket_counter (office_id, service_id, day, last) VALUES ({m},{m},{m},1) "
                "ON CONFLICT (office_id, service_id, day) DO UPDATE SET last = ticket_counter.last + 1 RETURNING last",
                (self.ids["office"], service, day)).fetchone()[0]
            conn.execute(
                "INSERT INTO ticket (office_id, service_id, origin_service_id, day, seq, number, status, priority, "
                "needs_mediator, sort_key, issued_at, recall_count, transfer_count) "
                f"VALUES ({m},{m},{m},{m},{m},{m},'waiting','ordinary',{'false' if self.pg else '0'},{m},{m},0,0)",
                (self.ids["office"], service, service, day, seq, f"{prefix}{seq:03d}", now, now))

        self._tx(work)

    def call_and_release(self, desk_id: int) -> bool:
        m = self.mark
        now = datetime.now(UTC).replace(tzinfo=None)
        services = ",".join(str(s) for s in self.ids["services"])
        lock = " FOR UPDATE SKIP LOCKED" if self.pg else ""

        def call(conn: Any) -> Any:
            row = conn.execute(
                f"UPDATE ticket SET status = 'called', desk_id = {m}, called_at = {m} WHERE id = ("
                f"SELECT id FROM ticket WHERE office_id = {m} AND day = {m} AND status = 'waiting' "
                f"AND service_id IN ({services}) ORDER BY sort_key, id LIMIT 1{lock}) AND status = 'waiting' "
                "RETURNING id", (desk_id, now, self.ids["office"], now.date())).fetchone()
            return row[0] if row else None

        ticket_id = self._tx(call)
        if ticket_id is None:
            return False
        self._tx(lambda conn: conn.execute(
            f"UPDATE ticket SET status = 'no_show', finished_at = {m} WHERE id = {m} AND status = 'called'",
            (now, ticket_id)))
        return True


# -- workers (run in their own processes) ---------------------------------------------------------------------------
def issue_worker(kind: str, url: str, home: str, ids: dict[str, Any], count: int, start: Any,
                 pace: float = 0.0) -> list[float]:
    if kind == "core":
        from desk_app.core.auth import Actor

        core = build_core(url, home)
        actor = Actor.system("bench")
        core.queue.office_code = "BENCH"
        issue = lambda n: core.queue.issue_ticket(actor, SERVICES[n % len(SERVICES)])  # noqa: E731
    else:
        raw = Raw(url, ids)
        issue = raw.issue
    issue(0)  # warm-up: connection, statement caches
    start.wait()
    latencies = []
    for n in range(1, count + 1):
        t0 = time.perf_counter()
        issue(n)
        latencies.append((time.perf_counter() - t0) * 1000)
        if pace:  # a desk that hands out tickets at a human pace, not back to back
            time.sleep(pace)
    return latencies


def call_worker(kind: str, url: str, home: str, ids: dict[str, Any], desk_index: int, start: Any) -> tuple[int, float]:
    if kind == "core":
        from desk_app.core.auth import Actor
        from desk_app.errors import QueueEmptyError

        core = build_core(url, home)
        core.queue.office_code = "BENCH"
        actor = Actor.system("bench")
        desk = f"D{desk_index + 1}"

        def cycle() -> bool:
            try:
                ticket = core.queue.call_next(actor, desk)
            except QueueEmptyError:
                return False
            core.queue.no_show(actor, desk, ticket=ticket.id)
            return True
    else:
        raw = Raw(url, ids)

        def cycle() -> bool:
            return raw.call_and_release(ids["desks"][desk_index])

    start.wait()
    t0 = time.perf_counter()
    calls = 0
    while cycle():
        calls += 1
    return calls, time.perf_counter() - t0


def feed_listener(url: str, ready: Any, results: Any, expected: int) -> None:
    from desk_app.db.engine import Database
    from desk_app.db.feed import ChangeFeed

    feed = ChangeFeed(Database(url), poll_interval=0.1)
    feed.start_listening()
    ready.set()
    seen = 0
    deadline = time.time() + 60
    while seen < expected and time.time() < deadline:
        for change in feed.wait(0.5):
            if change.kind == "ticket" and change.action == "issue":
                results.put((change.data["number"], time.time()))
                seen += 1
    feed.stop()


# -- phases --------------------------------------------------------------------------------------------------------
def run_issue(kind: str, url: str, home: str, ids: dict[str, Any], desks: int, count: int,
              pace: float = 0.0) -> list[float]:
    clear_tickets(url)
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Event()
    with ctx.Pool(desks) as pool:
        jobs = [pool.apply_async(issue_worker, (kind, url, home, ids, count, start, pace)) for _ in range(desks)]
        time.sleep(3 if kind == "core" else 1)  # let every worker import and warm up before the gate opens
        start.set()
        return [x for job in jobs for x in job.get(timeout=600)]


def run_calls(kind: str, url: str, home: str, ids: dict[str, Any], desks: int, tickets: int) -> float:
    clear_tickets(url)
    raw = Raw(url, ids)
    for n in range(tickets):
        raw.issue(n)
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Event()
    with ctx.Pool(desks) as pool:
        jobs = [pool.apply_async(call_worker, (kind, url, home, ids, i, start)) for i in range(desks)]
        time.sleep(3 if kind == "core" else 1)
        start.set()
        results = [job.get(timeout=600) for job in jobs]
    calls = sum(c for c, _ in results)
    assert calls == tickets, f"{kind}: {calls} calls for {tickets} tickets"
    return calls / max(s for _, s in results)


def run_feed(url: str, home: str, samples: int = 30) -> list[float]:
    from desk_app.core.auth import Actor

    clear_tickets(url)
    ctx = multiprocessing.get_context("spawn")
    manager = ctx.Manager()
    ready, results = manager.Event(), manager.Queue()
    listener = ctx.Process(target=feed_listener, args=(url, ready, results, samples))
    listener.start()
    ready.wait(30)
    core = build_core(url, home)
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


def bench_backend(name: str, url: str, home: str, desks: int, tickets: int) -> dict[str, Any]:
    ids = prepare(url, home, desks)
    out: dict[str, Any] = {"backend": name}
    for kind in ("raw", "core"):
        latencies = run_issue(kind, url, home, ids, desks, tickets)
        out[f"issue_{kind}_p50"] = statistics.median(latencies)
        out[f"issue_{kind}_p95"] = percentile(latencies, 0.95)
        paced = run_issue(kind, url, home, ids, desks, max(20, tickets // 3), pace=0.1)
        out[f"paced_{kind}_p50"] = statistics.median(paced)
        out[f"paced_{kind}_p95"] = percentile(paced, 0.95)
    for kind in ("raw", "core"):
        out[f"call_{kind}"] = run_calls(kind, url, home, ids, desks, desks * tickets)
    delays = run_feed(url, home)
    out["feed_p50"], out["feed_p95"], out["feed_max"] = statistics.median(delays), percentile(delays, 0.95), max(
        delays)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, default=8)
    parser.add_argument("--tickets", type=int, default=150, help="tickets per desk")
    parser.add_argument("--pg", default=os.environ.get("DESK_APP_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--skip-pg", action="store_true")
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
                results.append(bench_backend("PostgreSQL", f"{base}/{name}", home, args.desks, args.tickets))
            finally:
                with psycopg.connect(args.pg, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        results.append(bench_backend("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", home, args.desks,
                                     args.tickets))

    print(f"\n{args.desks} concurrent desks, {args.tickets} tickets per desk, {os.cpu_count()} CPUs\n")
    print("| backend | issue p50 core / raw (ms) | issue p95 core / raw (ms) | paced issue p50 / p95 core (raw) (ms) "
          "| call-next core / raw (calls/s) | core/raw | feed delay p50 / p95 / max (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['backend']} | {r['issue_core_p50']:.1f} / {r['issue_raw_p50']:.1f} | "
              f"{r['issue_core_p95']:.1f} / {r['issue_raw_p95']:.1f} | "
              f"{r['paced_core_p50']:.1f} / {r['paced_core_p95']:.1f} ({r['paced_raw_p50']:.1f} / "
              f"{r['paced_raw_p95']:.1f}) | {r['call_core']:.0f} / {r['call_raw']:.0f} | "
              f"{r['call_core'] / r['call_raw']:.2f}x | {r['feed_p50']:.0f} / {r['feed_p95']:.0f} / "
              f"{r['feed_max']:.0f} |")


if __name__ == "__main__":
    main()
