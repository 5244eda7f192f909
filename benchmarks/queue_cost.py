"""What one call + no-show cycle costs on SQLite, in one process: the raw baseline, raw + the guarantees' rows, core.

``queue_bench.py`` measures 8 desks at once; on a 2-core machine their throughput follows what a cycle costs in
CPU, so this script measures that cost alone, side by side in interleaved rounds (the same raw / raw + feed /
core sides as ``queue_bench.py``: :class:`queue_bench.Raw`):

* ``raw``: the call ``UPDATE ... RETURNING`` and the no-show ``UPDATE``, each in ``BEGIN IMMEDIATE``;
* ``event``: the same, each with its ``ticket_event`` row;
* ``feed``: the same, each with its event row and its ``change_log`` row (what the guarantees need);
* ``core``: ``QueueService.call_next`` + ``no_show``.

Usage:

* ``python benchmarks/queue_cost.py [--cycles 3000] [--rounds 3]``: CPU ms per cycle (``time.process_time``),
  every side in every round, the order rotating;
* ``python benchmarks/queue_cost.py --only core --cycles 1000`` under
  ``valgrind --tool=callgrind``, and again with ``--only none`` (the same set-up, no cycle): the difference of
  the two "Collected" counts divided by the cycles is the instructions per cycle. Instructions do not depend on
  what else the machine runs, so two versions of the code can be compared on a busy machine.

Time: one ``ManualClock`` at 10:00 of today in Rome (the clock seam), as ``queue_bench.py``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import queue_bench as qb  # found through the path set above

SIDES = ("raw", "event", "feed", "core")


def build(folder: str) -> tuple[dict[str, Callable[[], int]], Callable[[int], None], Callable[[], None]]:
    """The sides as functions that work the queue empty and return the cycles done; ``issue(n)``; ``clear()``."""
    from desk_app.core.auth import Actor
    from desk_app.errors import QueueEmptyError

    url, home = f"sqlite:///{folder}/cost.sqlite3", f"{folder}/home"
    ids = qb.prepare(url, home, 8, qb.bench_moment())
    core = qb.build_core(url, home, ids["moment"])
    core.queue.office_code = "BENCH"
    actor = Actor.system("bench")
    first = core.queue.issue_ticket(actor, qb.SERVICES[0])  # warm-up: connections, statement caches
    core.queue.call_next(actor, "D1")
    core.queue.no_show(actor, "D1", ticket=first.id)
    raw, feed = qb.Raw(url, ids), qb.Raw(url, ids, feed=True)
    event = qb.Raw(url, ids, feed=True, change_log=False)
    desk = ids["desks"][0]

    def with_raw(side: qb.Raw) -> Callable[[], int]:
        def cycles() -> int:
            done = 0
            while side.call_and_release(desk):
                done += 1
            return done
        return cycles

    def with_core() -> int:
        done = 0
        while True:
            try:
                ticket = core.queue.call_next(actor, "D1")
            except QueueEmptyError:
                return done
            core.queue.no_show(actor, "D1", ticket=ticket.id)
            done += 1

    def issue(count: int) -> None:
        for n in range(count):
            raw.issue(n)

    return ({"raw": with_raw(raw), "event": with_raw(event), "feed": with_raw(feed), "core": with_core}, issue,
            lambda: qb.clear_tickets(url))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=(*SIDES, "none"), help="one side, once (for callgrind)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sides, issue, clear = build(folder)
        issue(args.cycles)
        if args.only:
            done = sides[args.only]() if args.only != "none" else 0
            print(f"{args.only}: {done} cycles", file=sys.stderr)
            return
        clear()
        cost: dict[str, list[float]] = {side: [] for side in SIDES}
        for n in range(args.rounds):
            for side in SIDES[n % len(SIDES):] + SIDES[:n % len(SIDES)]:  # the order rotates round by round
                issue(args.cycles)
                started = time.process_time()
                done = sides[side]()
                cost[side].append((time.process_time() - started) * 1000 / done)
                clear()
    print("| side | CPU ms per call + no-show cycle, each round | median | vs raw |")
    print("|---|---|---:|---:|")
    raw = statistics.median(cost["raw"])
    for side in SIDES:
        median = statistics.median(cost[side])
        print(f"| {side} | {' / '.join(f'{c:.3f}' for c in cost[side])} | {median:.3f} | {raw / median:.2f}x |")


if __name__ == "__main__":
    main()
