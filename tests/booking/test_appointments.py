"""Appointment calendar, booking rules, check-in windows, no-shows, name access and the retention purge."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from booking_support import TODAY, at, book
from sqlalchemy import select

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.db.models_booking import Appointment, AppointmentSlot
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError

pytestmark = pytest.mark.usefixtures("calendar")
SATURDAY = TODAY + timedelta(days=4)
NEXT_WEEK = TODAY + timedelta(days=7)


def test_slots_follow_opening_hours_and_closures(services: CoreServices, staff: dict[str, Actor]) -> None:
    clerk = staff["clerk"]
    day = services.appointments.slots(clerk, "RF", NEXT_WEEK)
    assert [(s.starts_at, s.ends_at) for s in day.slots][:2] == [
        (at(NEXT_WEEK, "09:00"), at(NEXT_WEEK, "09:20")), (at(NEXT_WEEK, "09:20"), at(NEXT_WEEK, "09:40"))]
    assert len(day.slots) == 9 and all(s.free == 2 for s in day.slots)
    assert day.slots[-1].ends_at == at(NEXT_WEEK, "12:00")
    assert services.appointments.slots(clerk, "RF", SATURDAY).slots == ()

    affected = services.appointments.add_closure(staff["supervisor"], NEXT_WEEK, "Festa del patrono")
    assert affected == 0
    closed = services.appointments.slots(clerk, "RF", NEXT_WEEK)
    assert closed.slots == () and closed.closed_reason == "Festa del patrono"
    with pytest.raises(ConflictError) as refused:
        book(services, clerk, at(NEXT_WEEK, "09:00"), "Amina Haddad", "RF-1")
    assert refused.value.code == "slot_closed"
    assert "Festa del patrono" in refused.value.message("it")


def test_calendar_needs_permission_and_valid_hours(services: CoreServices, staff: dict[str, Actor]) -> None:
    with pytest.raises(PermissionDeniedError):
        services.appointments.set_calendar(staff["clerk"], "LEG", hours="mon 09:00-10:00", slot_minutes=15,
                                           capacity=1)
    with pytest.raises(ValidationError) as bad:
        services.appointments.set_calendar(staff["supervisor"], "LEG", hours="lun-ven 9-12", slot_minutes=15,
                                           capacity=1)
    assert bad.value.code == "bad_hours"
    with pytest.raises(ValidationError) as bad_capacity:
        services.appointments.set_calendar(staff["supervisor"], "LEG", hours="lun-ven 09:00-12:00",
                                           slot_minutes=15, capacity=0)
    assert bad_capacity.value.code == "bad_number"
    leg = services.appointments.set_calendar(staff["supervisor"], "LEG", hours="lun-gio 09:00-12:00; ven 09:00-11:00",
                                             slot_minutes=15, capacity=1)
    assert [p.weekday for p in leg.hours] == [0, 1, 2, 3, 4]
    with pytest.raises(NotFoundError) as missing:
        services.appointments.slots(staff["clerk"], "LAV", NEXT_WEEK)
    assert missing.value.code == "no_calendar"


def test_capacity_is_enforced_and_cancel_frees_the_place(services: CoreServices, staff: dict[str, Actor]) -> None:
    clerk, slot = staff["clerk"], at(NEXT_WEEK, "09:20")
    first = book(services, clerk, slot, "Amina Haddad", "RF-1")
    book(services, clerk, slot, "Karim Benali", "RF-2")
    with pytest.raises(ConflictError) as full:
        book(services, clerk, slot, "Li Wei", "RF-3")
    assert full.value.code == "slot_full" and "2" in full.value.message("en")
    assert services.appointments.slots(clerk, "RF", NEXT_WEEK).slots[1].free == 0

    cancelled = services.appointments.cancel(clerk, first.id, "asked by phone")
    assert cancelled.status == "cancelled" and cancelled.cancel_reason == "asked by phone"
    assert services.appointments.slots(clerk, "RF", NEXT_WEEK).slots[1].free == 1
    assert book(services, clerk, slot, "Li Wei", "RF-3").status == "booked"
    with pytest.raises(ConflictError) as twice:
        services.appointments.cancel(clerk, first.id, "again")
    assert twice.value.code == "appointment_wrong_state"


def test_database_refuses_overbooking_even_without_the_service(services: CoreServices,
                                                                staff: dict[str, Actor]) -> None:
    """The CHECK on the slot counter holds even for a writer that skips the conditional update."""
    from sqlalchemy import update
    from sqlalchemy.exc import IntegrityError

    slot = at(NEXT_WEEK, "09:00")
    book(services, staff["clerk"], slot, "Amina Haddad", "RF-1")
    book(services, staff["clerk"], slot, "Karim Benali", "RF-2")
    with pytest.raises(IntegrityError):
        services.db.write(lambda s: s.execute(update(AppointmentSlot).values(booked=AppointmentSlot.booked + 1)))


def test_one_person_one_slot_at_a_time(services: CoreServices, staff: dict[str, Actor]) -> None:
    clerk = staff["clerk"]
    first = book(services, clerk, at(NEXT_WEEK, "09:00"), "José Pérez", "RF-77")
    with pytest.raises(ConflictError) as again:
        book(services, clerk, at(NEXT_WEEK, "10:00"), "  jose   PEREZ ", "rf-77")
    assert again.value.code == "person_has_appointment"
    assert again.value.params == {"service": "RF", "day": NEXT_WEEK.isoformat(), "time": "09:00"}
    # a namesake with another practice is another person
    assert book(services, clerk, at(NEXT_WEEK, "10:00"), "José Pérez", "RF-78").status == "booked"
    # the refused attempt took no place
    assert services.appointments.slots(clerk, "RF", NEXT_WEEK).slots[3].booked == 1
    moved = services.appointments.move(clerk, first.id, at(NEXT_WEEK, "11:00"))
    assert moved.starts_at == at(NEXT_WEEK, "11:00")
    places = {s.starts_at: s.booked for s in services.appointments.slots(clerk, "RF", NEXT_WEEK).slots}
    assert places[at(NEXT_WEEK, "09:00")] == 0 and places[at(NEXT_WEEK, "11:00")] == 1


@pytest.mark.parametrize(
    ("moment", "code"),
    [
        (at(NEXT_WEEK, "09:10"), "slot_not_offered"),
        (at(NEXT_WEEK, "12:00"), "slot_not_offered"),  # closing time: no slot starts there
        (at(SATURDAY, "09:00"), "slot_not_offered"),
        (at(TODAY - timedelta(days=7), "09:00"), "slot_past"),
        (at(TODAY + timedelta(days=63), "09:00"), "slot_beyond_horizon"),
    ],
)
def test_booking_refusals_are_explained(services: CoreServices, staff: dict[str, Actor], moment: datetime,
                                       code: str) -> None:
    with pytest.raises((ConflictError, ValidationError)) as refused:
        book(services, staff["clerk"], moment, "Amina Haddad")
    assert refused.value.code == code
    assert services.db.read(lambda s: s.execute(select(Appointment)).first()) is None


def test_names_are_hidden_by_default_and_every_read_is_audited(services: CoreServices,
                                                               staff: dict[str, Actor]) -> None:
    clerk = staff["clerk"]
    book(services, clerk, at(NEXT_WEEK, "09:00"), "Amina Haddad", "RF-2026-001")
    book(services, clerk, at(NEXT_WEEK, "09:20"), "Ioana Popescu", "RF-2026-002")
    listing = services.appointments.day(clerk, NEXT_WEEK)
    assert [a.person_name for a in listing] == [None, None]
    found = services.appointments.search(clerk, "HADDAD")
    assert [(a.person_name, a.practice_number) for a in found] == [("Amina Haddad", "RF-2026-001")]
    assert [a.person_name for a in services.appointments.search(clerk, "2026-00")] == ["Ioana Popescu",
                                                                                       "Amina Haddad"]
    events = services.db.read(lambda s: s.execute(
        select(AuditEvent).where(AuditEvent.action.like("appointment.search"))).scalars().all())
    assert len(events) == 2 and events[0].actor == "clerk"
    assert all("Haddad" not in str(e.detail) and "RF-2026" not in str(e.detail) for e in events)
    services.appointments.day(clerk, NEXT_WEEK, with_names=True)
    assert services.db.read(lambda s: s.execute(
        select(AuditEvent.id).where(AuditEvent.action == "appointment.day")).all())
    services.audit.verify(staff["admin"])


def test_mediator_cannot_reach_appointments(services: CoreServices, staff: dict[str, Actor]) -> None:
    appointment = book(services, staff["clerk"], at(NEXT_WEEK, "09:00"), "Amina Haddad", "RF-1")
    mediator = staff["mediator"]
    for call in (
        lambda: services.appointments.search(mediator, "Haddad"),
        lambda: services.appointments.get(mediator, appointment.id),
        lambda: services.appointments.day(mediator, NEXT_WEEK),
        lambda: services.appointments.slots(mediator, "RF", NEXT_WEEK),
        lambda: services.convocations.history(mediator, "RF-1"),
        lambda: book(services, mediator, at(NEXT_WEEK, "09:20"), "Someone"),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
    denied = services.db.read(lambda s: s.execute(
        select(AuditEvent).where(AuditEvent.outcome == "denied", AuditEvent.actor == "mediator")).scalars().all())
    assert len(denied) == 6


@pytest.mark.parametrize(
    ("arrive", "arrival", "priority"),
    [("09:45", "on_time", "appointment"), ("10:15", "on_time", "appointment"), ("09:44", "early", "ordinary"),
     ("10:16", "late", "ordinary")],
)
def test_check_in_window_decides_priority(services: CoreServices, staff: dict[str, Actor], clock: ManualClock,
                                          arrive: str, arrival: str, priority: str) -> None:
    clerk = staff["clerk"]
    clock.set(at(TODAY, "08:00"))
    appointment = book(services, clerk, at(TODAY, "10:00"), "Amina Haddad", "RF-1", language="ar")
    clock.set(at(TODAY, arrive))
    done = services.appointments.check_in(clerk, appointment.id)
    assert done.arrival == arrival and done.keeps_priority is (arrival == "on_time")
    assert done.ticket.priority == priority and done.ticket.language == "ar" and done.ticket.status == "waiting"
    assert done.appointment.status == "checked_in" and done.appointment.ticket_number == done.ticket.number
    with pytest.raises(ConflictError) as twice:
        services.appointments.check_in(clerk, appointment.id)
    assert twice.value.code == "appointment_wrong_state"
    assert len(services.queue.tickets(clerk)) == 1


def test_check_in_only_on_the_day(services: CoreServices, staff: dict[str, Actor]) -> None:
    appointment = book(services, staff["clerk"], at(NEXT_WEEK, "09:00"), "Amina Haddad")
    with pytest.raises(ConflictError) as other_day:
        services.appointments.check_in(staff["clerk"], appointment.id)
    assert other_day.value.code == "appointment_other_day"
    assert services.queue.tickets(staff["clerk"]) == []


def test_no_shows_are_marked_after_the_window(services: CoreServices, staff: dict[str, Actor],
                                              clock: ManualClock) -> None:
    clerk = staff["clerk"]
    early = book(services, clerk, at(TODAY, "09:00"), "Amina Haddad", "RF-1")
    later = book(services, clerk, at(TODAY, "10:00"), "Karim Benali", "RF-2")
    came = book(services, clerk, at(TODAY, "09:20"), "Li Wei", "RF-3")
    clock.set(at(TODAY, "09:25"))
    services.appointments.check_in(clerk, came.id)
    clock.set(at(TODAY, "09:15"))
    assert services.appointments.mark_no_shows(clerk) == []  # 09:00 + 15 minutes: still inside the window
    clock.set(at(TODAY, "09:16"))
    assert services.appointments.mark_no_shows(clerk) == [early.id]
    assert services.appointments.mark_no_shows(clerk) == []
    statuses = {a.id: a.status for a in services.appointments.day(clerk, TODAY)}
    assert statuses == {early.id: "no_show", later.id: "booked", came.id: "checked_in"}
    with pytest.raises(ConflictError):
        services.appointments.check_in(clerk, early.id)


def test_one_no_show_is_marked_by_the_clerk_audited_and_counted(services: CoreServices, staff: dict[str, Actor],
                                                                  clock: ManualClock) -> None:
    """Issue 10: the clerk marks one appointment a no-show without waiting for the late window."""
    clerk = staff["clerk"]
    missed = book(services, clerk, at(TODAY, "09:00"), "Amina Haddad", "RF-1")
    later = book(services, clerk, at(TODAY, "10:00"), "Karim Benali", "RF-2")
    clock.set(at(TODAY, "09:05"))  # inside the 15 minutes mark_no_shows waits out
    with pytest.raises(ConflictError) as early:
        services.appointments.no_show(clerk, later.id)
    assert early.value.code == "appointment_not_due" and "10:00" in early.value.message("it")
    marked = services.appointments.no_show(clerk, missed.id)
    assert marked.status == "no_show" and marked.person_name is None  # the answer carries no name
    with pytest.raises(ConflictError) as again:
        services.appointments.no_show(clerk, missed.id)
    assert again.value.code == "appointment_wrong_state"
    with pytest.raises(PermissionDeniedError):
        services.appointments.no_show(staff["mediator"], later.id)
    assert {a.id: a.status for a in services.appointments.day(clerk, TODAY)} == {missed.id: "no_show",
                                                                               later.id: "booked"}
    assert services.appointments.mark_no_shows(clerk) == []  # already marked: not twice
    audit = services.db.read(lambda s: s.execute(select(AuditEvent.object_type, AuditEvent.object_id).where(
        AuditEvent.action == "appointment.no_show")).all())
    assert [tuple(a) for a in audit] == [("appointment", str(missed.id))]
    # the supervisor's day counts it as missed, like the ones mark_no_shows marks
    expected, arrived, late, no_shows = services.reports.today(staff["supervisor"]).appointments
    assert (expected, arrived, late, no_shows) == (2, 0, 0, 1)


def test_purge_blanks_names_after_retention_and_keeps_counts(services: CoreServices, staff: dict[str, Actor],
                                                             clock: ManualClock) -> None:
    clerk, admin = staff["clerk"], staff["admin"]
    old = book(services, clerk, at(TODAY, "09:00"), "Amina Haddad", "RF-1")
    clock.set(at(TODAY, "12:00"))
    services.appointments.mark_no_shows(clerk)
    clock.set(at(TODAY + timedelta(days=10), "08:00"))
    recent = book(services, clerk, at(TODAY + timedelta(days=10), "09:00"), "Karim Benali", "RF-2")
    with pytest.raises(PermissionDeniedError):
        services.appointments.purge_personal_data(clerk)
    assert services.appointments.purge_personal_data(admin) == 0
    clock.set(at(TODAY + timedelta(days=91), "08:00"))
    assert services.appointments.purge_personal_data(admin) == 1
    kept = services.appointments.get(clerk, old.id)
    assert kept.purged and kept.person_name is None and kept.practice_number is None and kept.status == "no_show"
    assert services.appointments.get(clerk, recent.id).person_name == "Karim Benali"
    assert services.appointments.search(clerk, "haddad") == []
    assert len(services.appointments.day(clerk, TODAY)) == 1  # the count survives
    assert services.appointments.purge_personal_data(admin) == 0


def test_pasted_direction_marks_are_removed_from_names_and_searches(services: CoreServices,
                                                                   staff: dict[str, Actor]) -> None:
    """Issue 10: an Arabic name pasted with RLM/ALM marks is booked without them, never refused."""
    clerk = staff["clerk"]
    booked = book(services, clerk, at(NEXT_WEEK, "09:00"), "\u200fأمينة\u061c حداد\u200f", "RF-77")
    stored = services.appointments.get(clerk, booked.id)
    assert stored.person_name == "أمينة حداد"
    found = services.appointments.search(clerk, "\u200fحداد")
    assert [a.id for a in found] == [booked.id]
    with pytest.raises(ValidationError) as empty:
        book(services, clerk, at(NEXT_WEEK, "09:20"), "\u200f\u200e", "RF-78")
    assert empty.value.code == "required"
    assert "«Nome e cognome»" in empty.value.message("it")  # the field as the clerk sees it
