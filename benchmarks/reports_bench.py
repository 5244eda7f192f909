"""Report engine on a year of a busy office, side by side with a bare SQL GROUP BY, on SQLite and PostgreSQL.

One run, same throwaway databases (the PostgreSQL one created and dropped by the script):

* a generated year: about 250,000 tickets and their ~1.1 million events, 300 working days, 6 desks, 3 services
  (tests/report_data.py, the queue engine's state machine);
* for 1, 3, 6 and 12 months: the counts engine alone (``ReportService.counts``, its audit row included) first
  with no per-day summaries stored at all (every day counted from its events, the summaries then stored), then
  the first report over days never counted after the day close at start stored their summaries
  (``CoreServices.close_previous_days``), then the next report, each export (engine + CSV / XLSX / PDF / DOCX
  writer), the bare baseline (one ``GROUP BY`` over the same ticket and event rows through the driver, no ORM,
  no percentiles) and, for the shorter ranges, the engine before issue 11 (tests/report_reference.py: ORM
  objects aggregated in Python);
* every measurement in a fresh process: wall time, peak resident memory (``ru_maxrss``) and its growth over the
  process's size before the work (imports done);
* the breakdowns of the reports window (``ReportService.breakdowns``) and their XLSX and PDF exports: merged from
  the per-day parts the day close stored (desk_app/core/breakdown_days.py), counted from the events when no day
  has parts yet, and side by side the engine before the parts (tests/report_reference.py
  ``reference_breakdowns``: every ticket and ``LAG()`` interval grouped nine ways in Python);
* the day close's summaries: the whole year at once (the first start after the upgrade), and one day (any
  other morning);
* a desk issuing a ticket every 50 ms while another process exports the whole year again and again, with the
  summaries deleted before each export so that each one reads the whole year's events: issue
  latency p50 / p95 / max (before issue 11, on SQLite, an issue waited 28.5 s behind a year's export).

Usage: ``python benchmarks/reports_bench.py [--days 300] [--per-day 833] [--backends sqlite,postgresql]
[--only breakdowns]`` (``--only breakdowns``: the bare baseline and the breakdowns lines alone).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the generator and the old engine

FIRST_DAY = date(2025, 1, 2)
FORMATS = ("csv", "xlsx", "pdf", "docx")


def _core(url: str, home: str) -> Any:
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings

    return CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}))


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _months_end(first: date, months: int) -> date:
    year, month = divmod(first.month - 1 + months, 12)
    return date(first.year + year, month + 1, 1) - timedelta(days=1)


def _bare(url: str, first: date, last: date) -> int:
    """The baseline: one GROUP BY over the same rows, straight through the driver."""
    sql = ("SELECT t.day, e.service_id, e.desk_id, e.action, count(*) FROM ticket_event e "
           "JOIN ticket t ON t.id = e.ticket_id WHERE t.office_id = {p} AND t.day BETWEEN {p} AND {p} "
           "GROUP BY t.day, e.service_id, e.desk_id, e.action")
    if url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return len(conn.execute(sql.format(p="?"), (1, first.isoformat(), last.isoformat())).fetchall())
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        return len(conn.execute(sql.format(p="%s"), (1, first, last)).fetchall())


def _forget_summaries(core: Any) -> None:
    from sqlalchemy import delete

    from desk_app.db.models_reports import ReportDay

    core.db.write(lambda s: s.execute(delete(ReportDay)))


def _forget_parts(core: Any) -> None:
    from sqlalchemy import delete

    from desk_app.db.models_breakdowns import ReportBreakdownDay, ReportBreakdownPart

    def work(session: Any) -> None:
        session.execute(delete(ReportBreakdownPart))
        session.execute(delete(ReportBreakdownDay))

    core.db.write(work)


def _has_parts(core: Any) -> bool:
    from sqlalchemy import func, select

    from desk_app.db.models_breakdowns import ReportBreakdownDay

    return bool(core.db.read(lambda s: s.execute(select(func.count()).select_from(ReportBreakdownDay)).scalar_one()))


def _forget_last_day(core: Any) -> None:
    from sqlalchemy import delete, func, select

    from desk_app.db.models_breakdowns import ReportBreakdownDay, ReportBreakdownPart
    from desk_app.db.models_reports import ReportDay

    def work(session: Any) -> None:
        last = session.execute(select(func.max(ReportDay.day))).scalar_one()
        session.execute(delete(ReportDay).where(ReportDay.day == last))
        session.execute(delete(ReportBreakdownPart).where(ReportBreakdownPart.day == last))
        session.execute(delete(ReportBreakdownDay).where(ReportBreakdownDay.day == last))

    core.db.write(work)


def _measure(url: str, home: str, kind: str, first: date, last: date, out: Any) -> None:
    """In a fresh process: run ``kind`` once over ``first``..``last``, send back time and memory."""
    from desk_app.core.auth import Actor
    from desk_app.documents.counts import write_counts

    core = _core(url, home)
    actor = Actor.system("bench")
    core.db.read(lambda s: s.execute(__import__("sqlalchemy").text("SELECT 1")).all())  # connect first
    import docx  # noqa: F401 - imports done before measuring: their memory is not the report's
    import openpyxl  # noqa: F401
    import reportlab.platypus  # noqa: F401
    from report_reference import reference_breakdowns, reference_counts

    if kind in ("cold", "backfill", "first"):
        _forget_summaries(core)
    if kind in ("breakdowns-cold", "backfill"):
        _forget_parts(core)
    if kind.startswith("breakdowns") and kind != "breakdowns-cold" and not _has_parts(core):
        core.close_previous_days()  # the day close at start stores the parts (untimed: "backfill" times it)
    if kind == "first":  # the day close at start stores the summaries (untimed here: "backfill" times it)
        core.close_previous_days()
    if kind == "daily":  # the day close of an ordinary morning: only the last closed day has no summary yet
        _forget_last_day(core)
    before = _rss_mb()
    started = time.perf_counter()
    if kind in ("backfill", "daily"):
        rows = core.reports.summarize_closed_days(Actor.system("app-start"))
    elif kind == "bare":
        rows = _bare(url, first, last)
    elif kind == "breakdowns-before":
        tables = core.db.read(lambda s: reference_breakdowns(s, 1, "Europe/Rome", first, last))
        rows = sum(len(r) for r in tables.values())
    elif kind.startswith("breakdowns"):
        result = core.reports.breakdowns(actor, first, last)
        rows = sum(len(r) for r in result.tables.values())
        if kind not in ("breakdowns", "breakdowns-cold"):
            from desk_app.documents.breakdowns import write_breakdowns

            fmt = kind.split("-", 1)[1]
            write_breakdowns(result, Path(home) / f"breakdowns.{fmt}", fmt)
    elif kind == "old":
        rows = len(core.db.read(lambda s: reference_counts(s, 1, first, last)))
    else:
        counted = core.reports.counts(actor, first, last)
        rows = len(counted)
        if kind not in ("engine", "cold", "first"):
            write_counts(counted, Path(home) / f"export.{kind}", kind, "Prefettura di Lodi", first, last)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    core.close()
    out.send({"seconds": seconds, "peak_mb": peak, "growth_mb": peak - before, "rows": rows})


def measure(url: str, home: str, kind: str, first: date, last: date) -> dict[str, float]:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_measure, args=(url, home, kind, first, last, child))
    proc.start()
    result: dict[str, float] = parent.recv()
    proc.join()
    return result


def _export_loop(url: str, home: str, first: date, last: date, seconds: float, out: Any) -> None:
    from desk_app.core.auth import Actor

    core = _core(url, home)
    exports = 0
    out.send("ready")
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        _forget_summaries(core)  # every export counts the whole year from its events, the longest read
        core.reports.counts(Actor.system("bench"), first, last)
        exports += 1
    core.close()
    out.send(exports)


def desk_during_exports(url: str, home: str, first: date, last: date, seconds: float) -> dict[str, float]:
    """Issue latency of a desk every 50 ms while another process exports the year in a loop."""
    from desk_app.core.auth import Actor

    core = _core(url, home)
    actor = Actor.system("bench-desk")
    core.queue.issue_ticket(actor, "RF")  # connection and caches warm
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_export_loop, args=(url, home, first, last, seconds, child))
    proc.start()
    parent.recv()
    latencies = []
    while proc.is_alive() and not parent.poll():
        started = time.perf_counter()
        core.queue.issue_ticket(actor, "RF")
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(0.05)
    exports = parent.recv()
    proc.join()
    core.close()
    ordered = sorted(latencies)
    return {"issues": len(ordered), "exports": exports, "p50": statistics.median(ordered),
            "p95": ordered[max(0, round(0.95 * len(ordered)) - 1)], "max": ordered[-1]}


def bench_backend(label: str, url: str, home: str, args: argparse.Namespace) -> list[str]:
    from report_data import generate

    from desk_app.db import migrate

    core = _core(url, home)
    migrate.upgrade(core.db)
    started = time.perf_counter()
    data = generate(core, FIRST_DAY, days=args.days, per_day=args.per_day)
    # planner statistics, as a database that grew over a year has them (autovacuum; SQLite's optimize)
    with core.db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    core.close()
    lines = [f"### {label}: {data.tickets:,} tickets, {data.events:,} events, {data.first} to {data.last} "
             f"(generated in {time.perf_counter() - started:.0f} s)", "",
             "| months | what | rows | seconds | peak MB | growth MB |", "|---:|---|---:|---:|---:|---:|"]
    print("\n".join(lines), flush=True)
    for months in args.months:
        last = min(_months_end(data.first, months), data.last)
        breakdowns = ["breakdowns-before", "breakdowns-cold", "breakdowns", "breakdowns-xlsx", "breakdowns-pdf"]
        kinds = ["bare", *breakdowns] if args.only == "breakdowns" else (
            ["bare", "cold", "first", "engine", *FORMATS, *breakdowns] + (["old"] if months in args.old_months else []))
        for kind in kinds:
            r = measure(url, home, kind, data.first, last)
            name = {"bare": "bare SQL GROUP BY", "cold": "counts engine, no summaries at all",
                    "first": "first report after the day close (never counted before)",
                    "engine": "counts engine, next report", "old": "engine before issue 11",
                    "breakdowns-before": "breakdowns engine before the per-day parts (all from the events)",
                    "breakdowns-cold": "breakdowns engine, no day with parts yet (counted from the events, stored)",
                    "breakdowns": "breakdowns engine, from the parts the day close stored",
                    "breakdowns-xlsx": "breakdowns export XLSX (9 sheets, 16 charts)",
                    "breakdowns-pdf": "breakdowns export PDF"}.get(
                kind, f"export {kind.upper()}")
            line = (f"| {months} | {name} | {r['rows']:,} | {r['seconds']:.2f} | {r['peak_mb']:.0f} | "
                    f"{r['growth_mb']:.0f} |")
            lines.append(line)
            print(line, flush=True)
    for kind, name in (("backfill", "day close at the first start after the upgrade: summaries and breakdown "
                                    "parts of every closed day (rows = days)"),
                       ("daily", "day close of an ordinary morning: yesterday's summaries and parts (rows = days)")):
        r = measure(url, home, kind, data.first, data.last)
        line = f"| all | {name} | {r['rows']:,} | {r['seconds']:.2f} | {r['peak_mb']:.0f} | {r['growth_mb']:.0f} |"
        lines.append(line)
        print(line, flush=True)
    if args.only == "breakdowns":
        return lines
    desk = desk_during_exports(url, home, data.first, data.last, args.desk_seconds)
    line = (f"\nDesk issuing every 50 ms during {desk['exports']} year exports in another process: "
            f"{desk['issues']} issues, p50 {desk['p50']:.1f} ms, p95 {desk['p95']:.1f} ms, max {desk['max']:.1f} ms")
    lines.append(line)
    print(line, flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=300, help="working days (Monday to Saturday)")
    parser.add_argument("--per-day", type=int, default=833, help="tickets per day (±20 %%)")
    parser.add_argument("--months", type=lambda s: [int(m) for m in s.split(",")], default=[1, 3, 6, 12])
    parser.add_argument("--old-months", type=lambda s: [int(m) for m in s.split(",")], default=[1, 3])
    parser.add_argument("--desk-seconds", type=float, default=15.0)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--only", choices=("breakdowns",), help="the bare baseline and the breakdowns alone")
    parser.add_argument("--pg", default=os.environ.get("DESK_APP_BENCH_PG",
                                                       "postgresql://postgres@127.0.0.1:5432/postgres"))
    args = parser.parse_args()
    results: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        home = str(Path(tmp) / "home")
        if "postgresql" in args.backends:
            import psycopg

            name = f"sportello_reports_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(args.pg, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            base = args.pg.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
            try:
                results += bench_backend("PostgreSQL", f"{base}/{name}", home, args)
            finally:
                with psycopg.connect(args.pg, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if "sqlite" in args.backends:
            results += bench_backend("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", home, args)
    print("\n" + "\n".join(results))


if __name__ == "__main__":
    main()
