"""``QueueService.actions_for_desk``: the core says which counter actions a desk may take now, and on which ticket.

Checked three ways: against the rules the workspace encoded by hand until now (every status of the desk's
ticket and of a selected one), purely (no database is touched), and against the real engine on both
databases (every action offered succeeds, every action withheld is refused).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from desk_app.clock import ManualClock
from desk_app.core.auth import PERMISSIONS, Actor, Authorizer
from desk_app.core.queue import DESK_ACTIONS, QueueService, TicketView
from desk_app.core.services import CoreServices
from desk_app.db.models import ACTIVE_AT_DESK, TICKET_STATUSES
from desk_app.errors import DeskError

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def view(ticket_id: int, status: str, desk_code: str | None) -> TicketView:
    return TicketView(ticket_id, f"R{ticket_id:03d}", date(2026, 11, 24), status, "RF", "Ricongiungimento",
                      "ordinary", None, False, desk_code, NOW, None, None, None, 0, 0, None, None, NOW)


def workspace_rules(current_status: str | None, selected_status: str | None) -> set[str]:
    """The enabling table ``desk_app/gui/workspace.py`` ``_update_actions`` encoded by hand (the behaviour to keep)."""
    status = current_status
    enabled = {
        "call_next": status is None,
        "recall": status == "called",
        "serve": status == "called",
        "no_show": status == "called",
        "park": status in ("called", "serving"),
        "finish": status == "serving",
        "transfer": status in ("called", "serving") or (status is None and selected_status == "waiting"),
        "resume": selected_status == "parked",
        "reactivate": selected_status == "no_show",
        "cancel": selected_status in ("waiting", "parked"),
    }
    return {name for name, on in enabled.items() if on}


class NoDatabase:
    """Stands in for the database and the audit log: any use of it fails the test."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"actions_for_desk touched the database ({name})")


def pure_queue() -> QueueService:
    return QueueService(NoDatabase(), Authorizer(NoDatabase()), ManualClock(NOW))  # type: ignore[arg-type]


CLERK = Actor("clerk", "clerk", 1, 1)


@pytest.mark.parametrize("current_status", [None, *ACTIVE_AT_DESK])
@pytest.mark.parametrize("selected_status", [None, *TICKET_STATUSES])
def test_actions_match_the_workspace_rules_for_every_status(current_status: str | None,
                                                            selected_status: str | None) -> None:
    current = view(1, current_status, "D1") if current_status else None
    # a selected called/serving ticket is another desk's (this desk's own is ``current``)
    selected = view(2, selected_status, "D2" if selected_status in ACTIVE_AT_DESK else None) \
        if selected_status else None
    allowed = pure_queue().actions_for_desk(CLERK, "D1", current, selected)
    assert set(allowed) == workspace_rules(current_status, selected_status)
    assert set(allowed) <= set(DESK_ACTIONS)
    for action, ticket_id in allowed.items():
        if action == "call_next":
            assert ticket_id is None
        elif action in ("recall", "serve", "finish", "no_show", "park") or (current is not None
                                                                            and action == "transfer"):
            assert ticket_id == 1  # the desk's own ticket
        else:
            assert ticket_id == 2  # the selected one


def test_the_selected_current_ticket_is_acted_on_once_as_current() -> None:
    current = view(1, "called", "D1")
    allowed = pure_queue().actions_for_desk(CLERK, "d1", current, current)  # desk codes are case-insensitive
    assert allowed == {"recall": 1, "serve": 1, "no_show": 1, "park": 1, "transfer": 1}


def test_a_ticket_held_by_another_desk_gets_nothing() -> None:
    queue = pure_queue()
    for status in ACTIVE_AT_DESK:
        other = view(7, status, "D2")
        assert queue.actions_for_desk(CLERK, "D1", None, other) == {"call_next": None}
        # handed in as "current" by mistake: still not this desk's, so nothing acts on it
        assert 7 not in queue.actions_for_desk(CLERK, "D1", other, None).values()


def test_yesterdays_ticket_is_not_resumed_transferred_or_reactivated() -> None:
    """Numbers restart every day: the engine refuses these for another day's ticket, so they are not offered."""
    queue = pure_queue()
    for status, today_only in (("parked", "resume"), ("waiting", "transfer"), ("no_show", "reactivate")):
        ticket = view(2, status, None)
        assert today_only in queue.actions_for_desk(CLERK, "D1", None, ticket)
        old = dataclasses.replace(ticket, day=ticket.day - timedelta(days=1))
        assert today_only not in queue.actions_for_desk(CLERK, "D1", None, old)
    old_waiting = dataclasses.replace(view(2, "waiting", None), day=date(2026, 11, 23))
    assert queue.actions_for_desk(CLERK, "D1", None, old_waiting) == {"call_next": None, "cancel": 2}


@pytest.mark.parametrize("role", sorted(PERMISSIONS))
def test_without_serve_permission_a_desk_offers_nothing(role: str) -> None:
    actor = Actor(role, role, 5, 1)
    allowed = pure_queue().actions_for_desk(actor, "D1", view(1, "called", "D1"), view(2, "waiting", None))
    if "serve_queue" in PERMISSIONS[role]:
        assert allowed == {"recall": 1, "serve": 1, "no_show": 1, "park": 1, "transfer": 1, "cancel": 2}
    else:
        assert allowed == {}
    assert pure_queue().actions_for_desk(Actor.display_board(1), "D1", None, None) == {}


# -- against the real engine ---------------------------------------------------------------------------------------
def _cleanup(core: CoreServices, clerk: Actor) -> None:
    """Free desks D1 and D3 and cancel whatever waits, so the next scenario starts from an empty queue."""
    for desk in ("D1", "D3"):
        held = core.queue.current_ticket(clerk, desk)
        if held is not None:
            if held.status == "called":
                core.queue.start_serving(clerk, desk, held.id)
            core.queue.finish(clerk, desk, ticket=held.id)
    for ticket in core.queue.tickets(clerk, statuses=("waiting",)):
        core.queue.cancel(clerk, ticket.id)


def _build(core: CoreServices, clerk: Actor, current_status: str | None, selected_status: str | None
           ) -> tuple[TicketView | None, TicketView | None]:
    """Desk D1 holds an RF ticket in ``current_status``; the selected one is a LEG ticket (D1 does not call LEG,
    D3 does) in ``selected_status``."""
    _cleanup(core, clerk)
    q = core.queue
    current = None
    if current_status is not None:
        q.issue_ticket(clerk, "RF")
        current = q.call_next(clerk, "D1")
        if current_status == "serving":
            current = q.start_serving(clerk, "D1", current.id)
    selected = None
    if selected_status is not None:
        selected = q.issue_ticket(clerk, "LEG")
        if selected_status == "cancelled":
            selected = q.cancel(clerk, selected.id)
        elif selected_status != "waiting":
            selected = q.call_next(clerk, "D3")
            steps: dict[str, list[Callable[[int], TicketView]]] = {
                "called": [],
                "serving": [lambda i: q.start_serving(clerk, "D3", i)],
                "parked": [lambda i: q.park(clerk, "D3", i)],
                "no_show": [lambda i: q.no_show(clerk, "D3", i)],
                "done": [lambda i: q.start_serving(clerk, "D3", i), lambda i: q.finish(clerk, "D3", ticket=i)],
            }
            for step in steps[selected_status]:
                selected = step(selected.id)
    assert selected is None or selected.status == selected_status
    return current, selected


def _perform(core: CoreServices, clerk: Actor, action: str, ticket_id: int | None,
             ticket: TicketView | None) -> TicketView:
    q = core.queue
    if action == "call_next":
        q.issue_ticket(clerk, "RF")  # something to call
        return q.call_next(clerk, "D1")
    if action in ("recall", "serve", "finish", "no_show", "park"):  # by id, as the workspace does
        method = {"serve": q.start_serving, "recall": q.recall, "no_show": q.no_show, "park": q.park,
                  "finish": q.finish}[action]
        return method(clerk, "D1", ticket=ticket_id)
    assert ticket_id is not None
    if action == "transfer":
        target = "LAV" if ticket is not None and ticket.service_code == "LEG" else "LEG"
        return q.transfer(clerk, ticket_id, target, desk_code="D1")
    return {"resume": q.resume, "cancel": q.cancel, "reactivate": q.reactivate}[action](clerk, ticket_id,
                                                                                     desk_code="D1")


@pytest.mark.parametrize("current_status", [None, *ACTIVE_AT_DESK])
def test_the_engine_accepts_what_is_offered_and_refuses_the_rest(services: CoreServices, staff: dict[str, Actor],
                                                                 current_status: str | None) -> None:
    clerk = staff["clerk"]
    for selected_status in (None, "waiting", "called", "serving", "parked", "no_show", "done", "cancelled"):
        current, selected = _build(services, clerk, current_status, selected_status)
        allowed = services.queue.actions_for_desk(clerk, "D1", current, selected)
        scenario = f"current {current_status}, selected {selected_status}"
        for action in DESK_ACTIONS:  # withheld: refused, on every ticket it could be tried on; nothing changes
            if action in allowed:
                continue
            targets = [None] if action == "call_next" else [t.id for t in (current, selected) if t is not None]
            for target in targets or [None]:
                if target is None and action in ("resume", "cancel", "reactivate", "transfer"):
                    continue  # nothing to name: the workspace has nothing to act on
                with pytest.raises(DeskError):
                    _perform(services, clerk, action, target,
                             selected if selected is not None and target == selected.id else current)
                    pytest.fail(f"{scenario}: {action} on {target} was withheld but the engine did it")
        for action in allowed:  # offered: done, each from the same state built afresh
            current, selected = _build(services, clerk, current_status, selected_status)
            fresh = services.queue.actions_for_desk(clerk, "D1", current, selected)
            assert set(fresh) == set(allowed), scenario
            target = fresh[action]
            target_view = selected if selected is not None and target == selected.id else current
            done = _perform(services, clerk, action, target, target_view)
            assert action == "call_next" or done.id == target, scenario


def test_views_from_the_engine_feed_the_answer(services: CoreServices, staff: dict[str, Actor]) -> None:
    """The views the workspace holds (from ``current_ticket`` and ``tickets``) are what the answer needs."""
    clerk = staff["clerk"]
    services.queue.issue_ticket(clerk, "RF")
    waiting = services.queue.issue_ticket(clerk, "LAV")
    current = services.queue.call_next(clerk, "D1")
    assert services.queue.current_ticket(clerk, "D1") == current
    listed = services.queue.tickets(clerk, desk_code="D1")
    assert [t.id for t in listed] == [waiting.id]
    allowed = services.queue.actions_for_desk(clerk, "D1", services.queue.current_ticket(clerk, "D1"), listed[0])
    assert allowed == {"recall": current.id, "serve": current.id, "no_show": current.id, "park": current.id,
                       "transfer": current.id, "cancel": waiting.id}
