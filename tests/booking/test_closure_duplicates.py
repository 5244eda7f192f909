"""A day is closed once: the same closure (or one the whole office's covers) is refused, nothing stored twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from booking_support import TODAY
from sqlalchemy import func, select

from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.db.models_booking import AppointmentClosure
from desk_app.errors import ConflictError

pytestmark = pytest.mark.usefixtures("calendar")
NEXT_WEEK = TODAY + timedelta(days=7)


def _closures(services: CoreServices) -> int:
    return services.db.read(lambda s: s.execute(select(func.count()).select_from(AppointmentClosure)).scalar_one())


def test_the_same_day_is_not_closed_twice(services: CoreServices, staff: dict[str, Actor]) -> None:
    supervisor = staff["supervisor"]
    services.appointments.add_closure(supervisor, NEXT_WEEK, "Festa del patrono")
    with pytest.raises(ConflictError) as refused:
        services.appointments.add_closure(supervisor, NEXT_WEEK, "Festa del patrono")
    assert refused.value.code == "closure_exists"
    text = refused.value.message("it")
    assert NEXT_WEEK.strftime("%d/%m/%Y") in text and "Festa del patrono" in text
    with pytest.raises(ConflictError):  # the whole office is closed that day: a service's closure adds nothing
        services.appointments.add_closure(supervisor, NEXT_WEEK, "assemblea", "RF")
    assert _closures(services) == 1


def test_a_service_closure_leaves_room_for_others_and_for_the_office(services: CoreServices,
                                                                      staff: dict[str, Actor]) -> None:
    supervisor = staff["supervisor"]
    services.appointments.add_closure(supervisor, NEXT_WEEK, "assemblea", "RF")
    with pytest.raises(ConflictError):
        services.appointments.add_closure(supervisor, NEXT_WEEK, "ancora", "RF")
    services.appointments.add_closure(supervisor, NEXT_WEEK, "formazione", "LEG")  # another service: fine
    services.appointments.add_closure(supervisor, NEXT_WEEK, "sciopero")  # the whole office: wider, kept
    assert _closures(services) == 3
