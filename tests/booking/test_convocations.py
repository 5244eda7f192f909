"""Convocation states: sent, confirmed, attended, no-show, rebooked, and a practice's no-show history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from booking_support import TODAY, at

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.errors import ConflictError, ValidationError

pytestmark = pytest.mark.usefixtures("calendar")
TOMORROW = TODAY + timedelta(days=1)


def convoke(services: CoreServices, actor: Actor, when: str, day=TODAY, practice: str = "RF-2026-042") -> object:
    return services.convocations.convoke(actor, "RF", at(day, when), procedure_code="RF-NO",
                                         practice_number=practice, person_name="Amina Haddad", language="ar")


def test_convocation_attended_through_check_in(services: CoreServices, staff: dict[str, Actor],
                                               clock: ManualClock) -> None:
    clerk = staff["clerk"]
    sent = convoke(services, clerk, "10:00")
    assert (sent.status, sent.attempt, sent.previous_id, sent.procedure_code) == ("sent", 1, None, "RF-NO")
    confirmed = services.convocations.confirm(clerk, sent.id)
    assert confirmed.status == "confirmed" and confirmed.confirmed_at is not None
    with pytest.raises(ConflictError) as twice:
        services.convocations.confirm(clerk, sent.id)
    assert twice.value.code == "convocation_wrong_state"
    clock.set(at(TODAY, "09:50"))
    services.appointments.check_in(clerk, sent.appointment_id)
    history = services.convocations.history(clerk, "rf-2026-042")
    assert [a.status for a in history.attempts] == ["attended"] and history.no_shows == 0
    with pytest.raises(ConflictError):
        services.convocations.rebook(clerk, sent.id, at(TOMORROW, "09:00"))


def test_no_show_then_rebooking_keeps_the_history(services: CoreServices, staff: dict[str, Actor],
                                                  clock: ManualClock) -> None:
    clerk = staff["clerk"]
    first = convoke(services, clerk, "09:00")
    clock.set(at(TODAY, "09:30"))
    services.appointments.mark_no_shows(clerk)
    second = services.convocations.rebook(clerk, first.id, at(TOMORROW, "09:00"))
    assert (second.status, second.attempt, second.previous_id) == ("sent", 2, first.id)
    assert second.person_name == "Amina Haddad" and second.practice_number == "RF-2026-042"
    with pytest.raises(ConflictError) as again:  # the same attempt cannot be rebooked twice
        services.convocations.rebook(clerk, first.id, at(TOMORROW, "10:00"))
    assert again.value.code == "convocation_wrong_state"
    # rebooking an open attempt frees its slot and marks it rebooked
    third = services.convocations.rebook(clerk, second.id, at(TOMORROW, "11:00"))
    places = {s.starts_at: s.booked for s in services.appointments.slots(clerk, "RF", TOMORROW).slots}
    assert places[at(TOMORROW, "09:00")] == 0 and places[at(TOMORROW, "11:00")] == 1
    history = services.convocations.history(clerk, "RF-2026-042")
    assert [(a.attempt, a.status) for a in history.attempts] == [(1, "no_show"), (2, "rebooked"), (3, "sent")]
    assert history.no_shows == 1 and third.id == history.attempts[-1].id


def test_convocation_needs_a_practice_and_respects_capacity(services: CoreServices,
                                                            staff: dict[str, Actor]) -> None:
    clerk = staff["clerk"]
    with pytest.raises(ValidationError) as missing:
        services.convocations.convoke(clerk, "RF", at(TOMORROW, "09:00"), procedure_code="RF-NO",
                                      practice_number="  ", person_name="Amina Haddad")
    assert missing.value.code == "required"
    convoke(services, clerk, "09:00", TOMORROW, "P-1")
    services.convocations.convoke(clerk, "RF", at(TOMORROW, "09:00"), procedure_code="RF-NO",
                                  practice_number="P-2", person_name="Karim Benali")
    with pytest.raises(ConflictError) as full:
        services.convocations.convoke(clerk, "RF", at(TOMORROW, "09:00"), procedure_code="RF-NO",
                                      practice_number="P-3", person_name="Li Wei")
    assert full.value.code == "slot_full"
    assert services.convocations.history(clerk, "P-3").attempts == ()


def test_cancelled_appointment_cancels_its_convocation(services: CoreServices, staff: dict[str, Actor]) -> None:
    clerk = staff["clerk"]
    sent = convoke(services, clerk, "11:00")
    services.appointments.cancel(clerk, sent.appointment_id, "practice withdrawn")
    assert [a.status for a in services.convocations.history(clerk, "RF-2026-042").attempts] == ["cancelled"]
