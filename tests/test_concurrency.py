"""Eight processes issue and call at the same instant: no duplicate number, no double call, nothing lost.

Real processes (``spawn``), each with its own engine, on a real SQLite file and
on the real PostgreSQL server.
"""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter, defaultdict
from typing import Any

import pytest
from sqlalchemy import select

from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.engine import Database
from desk_app.db.models import Ticket, TicketEvent
from desk_app.errors import QueueEmptyError

PROCESSES = 8
ROUNDS = 40
SERVICES = ("RF", "LAV", "LEG")


def desk_worker(url: str, home: str, desk: str, seed: int, start: Any, rounds: int) -> dict[str, list[Any]]:
    """One desk PC: issue a walk-in ticket, call the next one, finish or no-show it; repeat."""
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}), db=Database(url))
    actor = Actor.system(f"desk-{desk}")
    rng = random.Random(seed)
    issued: list[tuple[int, str]] = []
    called: list[int] = []
    empty = 0
    start.wait()
    for _ in range(rounds):
        ticket = core.queue.issue_ticket(actor, rng.choice(SERVICES))
        issued.append((ticket.id, ticket.number))
        try:
            got = core.queue.call_next(actor, desk)
        except QueueEmptyError:
            empty += 1
            continue
        called.append(got.id)
        if rng.random() < 0.2:
            core.queue.no_show(actor, desk, ticket=got.id)
        else:
            core.queue.start_serving(actor, desk, ticket=got.id)
            core.queue.finish(actor, desk, ticket=got.id)
    core.close()
    return {"issued": issued, "called": called, "empty": [empty]}


@pytest.mark.slow
def test_eight_desks_at_once_keep_the_queue_consistent(services, system_actor, office, db_url, home):
    desks = [f"D{i}" for i in range(1, PROCESSES + 1)]
    services.offices.apply(system_actor, {
        "office": {"code": "LODI", "name": office.name},
        "desk": [{"code": d, "name": d, "services": list(SERVICES)} for d in desks],
    })
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Event()
    with ctx.Pool(PROCESSES) as pool:
        jobs = [pool.apply_async(desk_worker, (db_url, str(home), d, n, start, ROUNDS)) for n, d in enumerate(desks)]
        start.set()
        results = [job.get(timeout=300) for job in jobs]

    issued = [t for r in results for t in r["issued"]]
    called = [t for r in results for t in r["called"]]
    assert len(issued) == PROCESSES * ROUNDS

    tickets = services.db.read(lambda s: list(s.execute(select(Ticket)).scalars()))
    events = services.db.read(lambda s: list(s.execute(select(TicketEvent)).scalars()))
    # none lost: every ticket a process was told about exists, and no other
    assert {t.id for t in tickets} == {i for i, _ in issued}
    # no duplicate number per service and day, and no gap: numbers run 1..n in each service
    by_service: dict[int, list[int]] = defaultdict(list)
    for t in tickets:
        by_service[t.origin_service_id].append(t.seq)
    for seqs in by_service.values():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
    assert len({t.number for t in tickets}) == len(tickets)
    # no ticket called twice: not by two processes, not twice in the history
    assert len(called) == len(set(called))
    calls = Counter(e.ticket_id for e in events if e.action == "call")
    assert max(calls.values()) == 1 and set(calls) == set(called)
    # every called ticket was closed by its desk; every other one still waits
    status = {t.id: t.status for t in tickets}
    assert all(status[i] in {"done", "no_show"} for i in called)
    assert all(status[i] == "waiting" for i, _ in issued if i not in set(called))
    # each desk holds nothing at the end
    assert not [t for t in tickets if t.status in {"called", "serving"}]
