"""Random interleavings of actions from several desks keep the queue's invariants (hypothesis state machine).

A plain-Python model predicts, for every action, whether the engine must accept
or refuse it and what each ticket's status and desk become; after every step the
database must agree with the model and with the invariants:

* a desk holds at most one called/serving ticket, and only tickets it called;
* numbers are unique per service and day and never change;
* call-next gives the waiting ticket with the smallest sort key of the desk's services.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.queue import PRIORITY_HEAD_START, QueueService
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.models import Ticket
from desk_app.errors import ConflictError, QueueEmptyError

DESKS = {"D1": {"RF", "LAV"}, "D2": {"RF", "LAV", "LEG"}, "D3": {"LEG"}}
SERVICES = ("RF", "LAV", "LEG")
PRIORITIES = ("ordinary", "elderly", "disability")


@dataclass
class ModelTicket:
    id: int
    number: str
    service: str
    status: str
    desk: str | None
    sort_key: datetime


class QueueMachine(RuleBasedStateMachine):
    url: str = ""

    def __init__(self) -> None:
        super().__init__()
        self.clock = ManualClock(datetime(2026, 11, 24, 8, 30, tzinfo=UTC))
        self.core = CoreServices.build(Settings.load(home=self.home, overrides={"db_url": self.url}, environ={}),
                                       clock=self.clock)
        self.queue: QueueService = self.core.queue
        self.actor = Actor.system("machine")
        self.tickets: dict[int, ModelTicket] = {}

    def teardown(self) -> None:
        self.core.close()

    # -- helpers -----------------------------------------------------------------------------------------------
    def held(self, desk: str) -> ModelTicket | None:
        return next((t for t in self.tickets.values() if t.desk == desk and t.status in ("called", "serving")), None)

    def pick(self, data: st.DataObject, statuses: tuple[str, ...]) -> ModelTicket | None:
        options = sorted((t for t in self.tickets.values() if t.status in statuses), key=lambda t: t.id)
        return data.draw(st.sampled_from(options)) if options else None

    # -- rules -------------------------------------------------------------------------------------------------
    @rule(service=st.sampled_from(SERVICES), priority=st.sampled_from(PRIORITIES))
    def issue(self, service: str, priority: str) -> None:
        view = self.queue.issue_ticket(self.actor, service, priority=priority)
        now = self.clock.now()
        assert view.status == "waiting"
        self.tickets[view.id] = ModelTicket(view.id, view.number, service, "waiting", None,
                                            now - timedelta(minutes=PRIORITY_HEAD_START[priority]))

    @rule(minutes=st.integers(min_value=1, max_value=45))
    def time_passes(self, minutes: int) -> None:
        self.clock.advance(timedelta(minutes=minutes))

    @rule(desk=st.sampled_from(sorted(DESKS)))
    def call_next(self, desk: str) -> None:
        if self.held(desk):
            with pytest.raises(ConflictError):
                self.queue.call_next(self.actor, desk)
            return
        waiting = [t for t in self.tickets.values() if t.status == "waiting" and t.service in DESKS[desk]]
        if not waiting:
            with pytest.raises(QueueEmptyError):
                self.queue.call_next(self.actor, desk)
            return
        expected = min(waiting, key=lambda t: (t.sort_key, t.id))
        view = self.queue.call_next(self.actor, desk)
        assert view.id == expected.id, f"{desk} got {view.number}, expected {expected.number}"
        expected.status, expected.desk = "called", desk

    @rule(desk=st.sampled_from(sorted(DESKS)),
          action=st.sampled_from(["recall", "start_serving", "finish", "no_show", "park"]))
    def desk_action(self, desk: str, action: str) -> None:
        ticket = self.held(desk)
        allowed = {"recall": ("called",), "start_serving": ("called",), "finish": ("serving",),
                   "no_show": ("called",), "park": ("called", "serving")}[action]
        if ticket is None or ticket.status not in allowed:
            with pytest.raises(ConflictError):
                getattr(self.queue, action)(self.actor, desk)
            return
        view = getattr(self.queue, action)(self.actor, desk)
        ticket.status = view.status
        assert ticket.status == {"recall": "called", "start_serving": "serving", "finish": "done",
                                 "no_show": "no_show", "park": "parked"}[action]

    @rule(desk=st.sampled_from(sorted(DESKS)), data=st.data())
    def stale_action_from_other_desk(self, desk: str, data: st.DataObject) -> None:
        ticket = self.pick(data, ("called", "serving"))
        if ticket is None or ticket.desk == desk:
            return
        with pytest.raises(ConflictError) as err:
            self.queue.no_show(self.actor, desk, ticket=ticket.id)
        assert err.value.code == "ticket_taken" and err.value.params["desk"] == ticket.desk

    @rule(data=st.data())
    def resume(self, data: st.DataObject) -> None:
        ticket = self.pick(data, ("parked",))
        if ticket is not None:
            assert self.queue.resume(self.actor, ticket.id).status == "waiting"
            ticket.status, ticket.desk = "waiting", None

    @rule(data=st.data())
    def cancel(self, data: st.DataObject) -> None:
        ticket = self.pick(data, ("waiting", "parked", "called", "done"))
        if ticket is None:
            return
        if ticket.status in ("waiting", "parked"):
            assert self.queue.cancel(self.actor, ticket.id).status == "cancelled"
            ticket.status, ticket.desk = "cancelled", None
        else:
            with pytest.raises(ConflictError):
                self.queue.cancel(self.actor, ticket.id)

    @rule(data=st.data())
    def reactivate(self, data: st.DataObject) -> None:
        ticket = self.pick(data, ("no_show", "done"))
        if ticket is None:
            return
        if ticket.status == "no_show":
            assert self.queue.reactivate(self.actor, ticket.id).status == "waiting"
            ticket.status, ticket.desk = "waiting", None
        else:
            with pytest.raises(ConflictError):
                self.queue.reactivate(self.actor, ticket.id)

    @rule(data=st.data(), to_service=st.sampled_from(SERVICES))
    def transfer(self, data: st.DataObject, to_service: str) -> None:
        ticket = self.pick(data, ("waiting", "called", "serving", "done"))
        if ticket is None:
            return
        if ticket.status == "done" or ticket.service == to_service:
            with pytest.raises(ConflictError):
                self.queue.transfer(self.actor, ticket.id, to_service, desk_code=ticket.desk)
            return
        if ticket.status in ("called", "serving"):
            # only the desk holding it may send it elsewhere; another desk's stale list is refused
            other = next(d for d in sorted(DESKS) if d != ticket.desk)
            with pytest.raises(ConflictError) as err:
                self.queue.transfer(self.actor, ticket.id, to_service, desk_code=other)
            assert err.value.code == "ticket_taken"
        view = self.queue.transfer(self.actor, ticket.id, to_service, desk_code=ticket.desk)
        assert view.number == ticket.number and view.service_code == to_service
        ticket.status, ticket.desk, ticket.service = "waiting", None, to_service

    # -- invariants --------------------------------------------------------------------------------------------
    @invariant()
    def database_agrees_with_model(self) -> None:
        rows = self.core.db.read(lambda s: list(s.execute(select(Ticket)).scalars()))
        desk_codes = {d.id: d.code for d in self.core.offices.view().desks}
        assert len(rows) == len(self.tickets)
        for row in rows:
            model = self.tickets[row.id]
            assert (row.number, row.status) == (model.number, model.status)
            assert row.sort_key == model.sort_key
            if row.status in ("called", "serving"):
                assert desk_codes[row.desk_id] == model.desk
        active = [r.desk_id for r in rows if r.status in ("called", "serving")]
        assert len(active) == len(set(active))
        assert len({(r.origin_service_id, r.day, r.seq) for r in rows}) == len(rows)


def _run(url: str, home: Path, examples: int) -> None:
    QueueMachine.url = url
    QueueMachine.home = str(home)
    run_state_machine_as_test(
        QueueMachine,
        settings=settings(max_examples=examples, stateful_step_count=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]),
    )


def test_random_interleavings_keep_invariants(backend, settings, office, request, tmp_path, sqlite_template):
    """Each example starts from an empty queue of the demo office."""
    from db_support import DEMO_SETUP, fresh_sqlite, truncate_pg

    examples = 60 if backend == "sqlite" else 20
    counter = iter(range(10_000))
    base_url = settings.database_url

    original_init = QueueMachine.__init__

    def fresh_init(machine: QueueMachine) -> None:
        if backend == "sqlite":
            QueueMachine.url = fresh_sqlite(sqlite_template, tmp_path / f"ex{next(counter)}")
        else:
            truncate_pg(base_url)
            QueueMachine.url = base_url
        original_init(machine)
        machine.core.offices.apply(machine.actor, DEMO_SETUP)

    QueueMachine.__init__ = fresh_init  # type: ignore[method-assign]
    try:
        _run(base_url, tmp_path / "home", examples)
    finally:
        QueueMachine.__init__ = original_init  # type: ignore[method-assign]
    shutil.rmtree(tmp_path / "home", ignore_errors=True)
