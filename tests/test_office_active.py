"""Services and desks are taken out of use, never deleted while history refers to them (issue 12)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError


def test_a_service_out_of_use_issues_nothing_and_comes_back(services: CoreServices, office: Any,
                                                            staff: dict[str, Actor]) -> None:
    admin, clerk = staff["admin"], staff["clerk"]
    services.queue.issue_ticket(clerk, "LAV")  # history: a ticket served today refers to the service
    services.queue.call_next(clerk, "D1")
    services.queue.start_serving(clerk, "D1")
    services.queue.finish(clerk, "D1")
    view = services.offices.set_active(admin, "service", "LAV", False, "LODI")
    assert not view.service("LAV").active and view.service("RF").active
    with pytest.raises(ConflictError) as refused:
        services.queue.issue_ticket(clerk, "LAV")
    assert refused.value.code == "service_inactive"
    again = services.offices.set_active(admin, "service", "LAV", True, "LODI")
    assert again.service("LAV").active
    assert services.queue.issue_ticket(clerk, "LAV").number == "N002"  # the day's numbering goes on
    actions = services.db.read(lambda s: s.execute(select(AuditEvent.action).where(
        AuditEvent.action == "setup.active")).scalars().all())
    assert len(actions) == 2


def test_open_tickets_keep_a_service_and_a_desk_in_use(services: CoreServices, office: Any,
                                                       staff: dict[str, Actor]) -> None:
    admin, clerk = staff["admin"], staff["clerk"]
    services.queue.issue_ticket(clerk, "RF")
    services.queue.issue_ticket(clerk, "RF")
    with pytest.raises(ConflictError) as waiting:
        services.offices.set_active(admin, "service", "RF", False, "LODI")
    assert waiting.value.code == "service_has_tickets" and "2" in waiting.value.message("it")
    services.queue.call_next(clerk, "D1")
    with pytest.raises(ConflictError) as busy:
        services.offices.set_active(admin, "desk", "D1", False, "LODI")
    assert busy.value.code == "desk_busy" and "R001" in busy.value.message("it")
    assert services.offices.view().service("RF").active
    quiet = services.offices.set_active(admin, "desk", "D3", False, "LODI")
    assert [d.code for d in quiet.desks if not d.active] == ["D3"]


def test_only_the_setup_keepers_and_known_codes(services: CoreServices, office: Any,
                                                staff: dict[str, Actor]) -> None:
    with pytest.raises(PermissionDeniedError):
        services.offices.set_active(staff["clerk"], "desk", "D3", False, "LODI")
    with pytest.raises(NotFoundError):
        services.offices.set_active(staff["admin"], "desk", "D9", False, "LODI")
    with pytest.raises(NotFoundError):
        services.offices.set_active(staff["admin"], "service", "XX", False, "LODI")
    assert all(d.active for d in services.offices.view().desks)
