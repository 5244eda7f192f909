"""The ``display`` role of the waiting-room board: it reads the calls, and nothing else, of its own office."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from desk_app.core.auth import PERMISSIONS, Actor
from desk_app.core.names import ACTION_NAMES
from desk_app.core.services import CoreServices
from desk_app.db.models import ROLES, AuditEvent, Staff
from desk_app.errors import PermissionDeniedError


def test_display_board_actor_needs_no_account() -> None:
    board = Actor.display_board(3)
    assert (board.role, board.office_id, board.staff_id) == ("display", 3, None)
    assert PERMISSIONS["display"] == frozenset({"view_calls"})
    assert "display" not in ROLES  # no staff account has it: the staff table's CHECK is left as it is
    for role in ("clerk", "supervisor", "admin"):
        assert PERMISSIONS[role] >= {"view_calls"}
    assert all(action in ACTION_NAMES for actions in PERMISSIONS.values() for action in actions)


def test_display_board_reads_calls_and_is_refused_everything_else(services: CoreServices,
                                                                   staff: dict[str, Actor]) -> None:
    clerk = staff["clerk"]
    ticket = services.queue.issue_ticket(clerk, "RF")
    services.queue.call_next(clerk, "D1")
    appointment_day = date(2026, 11, 30)
    board = Actor.display_board(services.offices.view().id)
    staff_rows = services.db.read(lambda s: s.execute(select(func.count(Staff.id))).scalar_one())

    assert [(c.number, c.desk_code) for c in services.queue.recent_calls(board)] == [(ticket.number, "D1")]
    refused: dict[str, Callable[[], Any]] = {
        "tickets": lambda: services.queue.tickets(board),
        "summary": lambda: services.queue.summary(board),
        "current_ticket": lambda: services.queue.current_ticket(board, "D1"),
        "issue_ticket": lambda: services.queue.issue_ticket(board, "RF"),
        "call_next": lambda: services.queue.call_next(board, "D1"),
        "recall": lambda: services.queue.recall(board, "D1"),
        "case get": lambda: services.cases.get(board, 1),
        "case by practice number": lambda: services.cases.find_by_practice(board, "LO/RF/2026/1"),
        "appointments of a day": lambda: services.appointments.day(board, appointment_day),
        "appointment": lambda: services.appointments.get(board, 1),
        "appointment search": lambda: services.appointments.search(board, "Rossi"),
        "convocation history": lambda: services.convocations.history(board, "LO/RF/2026/1"),
        "mediator roster": lambda: services.mediators.roster(board),
        "staff list": lambda: services.staff.list_staff(board),
        "counts": lambda: services.reports.counts(board, "2026-11-01", "2026-11-30"),
    }
    for name, attempt in refused.items():
        with pytest.raises(PermissionDeniedError) as caught:
            attempt()
        assert caught.value.code == "permission_denied", name
    with pytest.raises(PermissionDeniedError) as caught:
        services.queue.tickets(board)
    assert caught.value.message("it") == "Permesso negato: il ruolo «tabellone» non può vedere la coda."
    assert caught.value.message("en") == "Permission denied: role “display board” may not view the queue."
    denied = services.db.read(lambda s: s.execute(
        select(func.count(AuditEvent.id)).where(AuditEvent.actor == "display-board",
                                                AuditEvent.outcome == "denied")).scalar_one())
    assert denied == len(refused) + 1  # every refusal is in the audit log
    assert services.db.read(lambda s: s.execute(select(func.count(Staff.id))).scalar_one()) == staff_rows
