"""A new directory entry written by :meth:`ServiceDirectory.put_service` lands in the review queue (``submitted``)
unless office staff explicitly pass ``state="published"``; the demo loader and the importers still say the state they
mean (issue 15); on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.directory_types import DirectoryOrganisation, DirectoryService, Localised
from desk_app.core.services import CoreServices
from desk_app.db import models_directory as m
from desk_app.errors import PermissionDeniedError


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))


def _service(org: DirectoryOrganisation, name: str) -> DirectoryService:
    # the contract's default state is "published": it must not be what decides
    return DirectoryService("", org, {"it": {"name": Localised(name, "it")}}, categories=("health",))


def _states(services: CoreServices) -> dict[str, str]:
    return services.db.read(lambda s: {r.uid: r.state for r in s.execute(select(m.DirectoryService)).scalars()})


def test_office_staff_without_state_submit_a_new_entry(services: CoreServices, staff: dict[str, Actor]) -> None:
    admin = staff["admin"]
    org = services.directory.put_organisation(admin, DirectoryOrganisation("", "Associazione Prova"))
    entry = services.directory.put_service(admin, _service(org, "Sportello zafferano"))
    assert entry.state == "submitted"
    assert _states(services)[entry.uid] == "submitted"
    assert entry.uid not in {s.uid for s in services.directory.published()}
    assert services.directory.search(staff["clerk"], "zafferano") == []
    # an existing entry keeps its state when no state is given
    services.directory.publish(admin, entry.uid)
    again = services.directory.put_service(admin, dataclasses.replace(_service(org, "Sportello zafferano 2"),
                                                                      uid=entry.uid))
    assert again.state == "published"
    # explicitly published: at once
    direct = services.directory.put_service(admin, _service(org, "Sportello cannella"), state="published")
    assert direct.state == "published"
    assert [s.uid for s in services.directory.search(staff["clerk"], "cannella")] == [direct.uid]


def test_only_office_staff_choose_the_state(services: CoreServices, staff: dict[str, Actor],
                                            system_actor: Actor) -> None:
    admin = staff["admin"]
    org = services.directory.put_organisation(admin, DirectoryOrganisation("", "Associazione Prova"))
    services.staff.add_staff(system_actor, "partner3", "Partner", "partner", "partner3-password", "LODI")
    partner = services.staff.login("partner3", "partner3-password")
    services.directory.link_partner(admin, "partner3", org.uid)
    before = _states(services)
    with pytest.raises(PermissionDeniedError):
        services.directory.put_service(partner, _service(org, "Sportello pubblicato da sé"), state="published")
    assert _states(services) == before  # nothing stored
    own = services.directory.put_service(partner, _service(org, "Sportello proprio"))
    assert own.state == "draft"


def test_the_demo_loader_and_the_importers_say_their_state(services: CoreServices, staff: dict[str, Actor]) -> None:
    admin = staff["admin"]
    loaded = services.directory.load_file(admin)  # the shipped demo file: published, as `desk-admin demo` wants
    assert loaded.services and set(_states(services).values()) == {"published"}
    assert len(services.directory.published()) == loaded.services
