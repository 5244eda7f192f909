"""Shared practices (issue 16): the meeting list and the lists of what waits on whom, on a year of practices.

    python benchmarks/practices_bench.py [--open 3000] [--closed 20000] [--rounds 5]

A throwaway SQLite file; ``--open`` open practices (sent 1 to 120 working days ago) and ``--closed`` closed ones,
each with its steps, written in bulk (the service's own ``send`` would take minutes and adds nothing here). Timed
side by side in one run, rounds interleaved:

* ``meeting_list`` (steps of the listed practices in chunks of 500) against the baseline of one step query per
  listed practice (what a first version did);
* ``waiting`` (every open practice, oldest first, with working days waiting);
* ``handling_times`` over the whole year of closed practices;
* ``working_days_between`` over 120 days (whole weeks at once) against counting day by day.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.practices import PracticeService, StepView, is_working_day, working_days_between
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.models_practices import PracticeStep, SharedPractice

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
PROCEDURES = ("RF-NO", "NO-LAV", "CONV-ST", "ADI", "CITT")


def _fill(core: CoreServices, open_count: int, closed_count: int) -> None:
    office_id = core.offices.view("LODI").id
    rng = random.Random(16)
    practices, steps = [], []
    for n in range(open_count + closed_count):
        closed = n >= open_count
        start = NOW - timedelta(days=rng.randint(1, 170 if not closed else 360), hours=rng.randint(0, 6))
        owner = "prefettura" if rng.random() < 0.7 else "questura"
        other = "questura" if owner == "prefettura" else "prefettura"
        answer = start + timedelta(days=rng.randint(1, 40))
        end = answer + timedelta(days=rng.randint(0, 8))
        if closed and end > NOW:
            end = answer = NOW - timedelta(hours=1)
        practices.append({"id": n + 1, "office_id": office_id, "practice_number": f"P/{n:07d}",
                          "procedure_code": PROCEDURES[n % len(PROCEDURES)], "owner": owner,
                          "status": "closed" if closed else "waiting", "waiting_on": None if closed else other,
                          "reason": "opinion_family", "due_date": (start + timedelta(days=30)).date(),
                          "opened_at": start, "sent_at": start, "updated_at": end if closed else start,
                          "closed_at": end if closed else None, "outcome": "done" if closed else None})
        steps.append({"practice_id": n + 1, "kind": "send", "at": start, "actor": "bench", "from_side": owner,
                      "to_side": other, "reason": "opinion_family", "note": "", "due_date": None})
        if closed:
            steps.append({"practice_id": n + 1, "kind": "answer", "at": answer, "actor": "bench",
                          "from_side": other, "to_side": owner, "reason": None, "note": "", "due_date": None})
            steps.append({"practice_id": n + 1, "kind": "close", "at": end, "actor": "bench", "from_side": owner,
                          "to_side": None, "reason": None, "note": "", "due_date": None})

    def work(session: object) -> None:
        session.execute(insert(SharedPractice), practices)  # type: ignore[attr-defined]
        session.execute(insert(PracticeStep), steps)  # type: ignore[attr-defined]

    core.db.write(work)  # type: ignore[arg-type]


def _meeting_baseline(core: CoreServices, service: PracticeService, actor: Actor, min_days: int) -> int:
    """The same list with one step query per listed practice (the N+1 a first version had)."""
    views = [v for v in service.waiting(actor) if v.days_waiting >= min_days]

    def work(session: object) -> int:
        total = 0
        for view in views:
            total += len([StepView(s.kind, s.at, s.actor, s.from_side, s.to_side, s.reason, s.note, s.due_date)
                          for s in session.execute(select(PracticeStep).where(  # type: ignore[attr-defined]
                              PracticeStep.practice_id == view.id).order_by(PracticeStep.at)).scalars()])
        return total

    return core.db.read(work)  # type: ignore[arg-type]


def _day_by_day(start: date, end: date) -> int:
    count, day = 0, start + timedelta(days=1)
    while day <= end:
        count += is_working_day(day, "lodi")
        day += timedelta(days=1)
    return count


def _time(call: Callable[[], object]) -> float:
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open", type=int, default=3000)
    parser.add_argument("--closed", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="practices-bench-"))
    settings = Settings.load(home=home, overrides={"db_url": f"sqlite:///{home}/bench.sqlite3",
                                                   "office_code": "LODI"}, environ={})
    core = CoreServices.build(settings, clock=ManualClock(NOW))
    core.upgrade_schema()
    system = Actor.system("bench")
    core.offices.apply(system, {"office": {"code": "LODI", "name": "Prefettura di Lodi"},
                                "service": [{"code": "RF", "name": "RF", "prefix": "R"}]})
    _fill(core, args.open, args.closed)
    service = core.practices
    timings: dict[str, list[float]] = {k: [] for k in ("meeting_list", "baseline: a step query per practice",
                                                       "waiting (all open)", "handling_times (a year)",
                                                       "working days x1000", "baseline: day by day x1000")}
    far = date(2026, 8, 1), date(2026, 11, 28)
    for _ in range(args.rounds):
        timings["meeting_list"].append(_time(lambda: service.meeting_list(system, 10)))
        timings["baseline: a step query per practice"].append(
            _time(lambda: _meeting_baseline(core, service, system, 10)))
        timings["waiting (all open)"].append(_time(lambda: service.waiting(system)))
        timings["handling_times (a year)"].append(
            _time(lambda: service.handling_times(system, "2025-12-01", "2026-12-02")))
        timings["working days x1000"].append(_time(lambda: [working_days_between(*far, "lodi")
                                                            for _ in range(1000)]))
        timings["baseline: day by day x1000"].append(_time(lambda: [_day_by_day(*far) for _ in range(1000)]))
    listed = service.meeting_list(system, 10).total
    print(f"{args.open} open, {args.closed} closed practices; meeting list of {listed} (>= 10 working days); "
          f"median of {args.rounds} rounds")
    for name, values in timings.items():
        print(f"  {name:<40} {statistics.median(values):9.1f} ms")
    core.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
