"""Mediator roster, availability, bookings, the mediator's own view, change-feed declines and the queue gate."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from booking_support import TODAY, at, book
from icalendar import Calendar
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.mediators import AgendaEntry, agenda_to_ics
from desk_app.core.services import CoreServices
from desk_app.db.feed import ChangeFeed
from desk_app.db.models import AuditEvent
from desk_app.db.models_booking import Mediator, MediatorBooking
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, QueueEmptyError, ValidationError

pytestmark = pytest.mark.usefixtures("calendar")
WEDNESDAY = TODAY + timedelta(days=1)


@pytest.fixture
def roster(services: CoreServices, staff: dict[str, Actor], system_actor: Actor) -> dict[str, Actor]:
    """AR1 (Arabic 4, French 3; login ``mediator``), AR2 (Arabic 2; login ``mediator2``), UR1 (Urdu, phone only).

    Returns the two mediator logins.
    """
    services.staff.add_staff(system_actor, "mediator2", "Youssef", "mediator", "mediator2-password", "LODI")
    second = services.staff.login("mediator2", "mediator2-password")
    supervisor, mediators = staff["supervisor"], services.mediators
    mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4, "fr": 3}, organisation="Coop. Ponte",
                           username="mediator")
    mediators.set_availability(supervisor, "AR1", "mon-fri 09:00-13:00 in_person; tue 14:00-16:00 phone")
    mediators.add_mediator(supervisor, "AR2", "Youssef", {"ar": 2}, username="mediator2")
    mediators.set_availability(supervisor, "AR2", "lun-ven 09:00-17:00 in_person")
    mediators.add_mediator(supervisor, "UR1", "Imran", {"ur": 4})
    mediators.set_availability(supervisor, "UR1", "mon-fri 09:00-13:00 phone")
    return {"AR1": staff["mediator"], "AR2": second}


def test_roster_keeps_languages_levels_and_pattern(services: CoreServices, staff: dict[str, Actor],
                                                   roster: dict[str, Actor]) -> None:
    arabic = services.mediators.roster(staff["clerk"], "ar")
    assert [(m.code, m.languages) for m in arabic] == [("AR1", (("ar", 4), ("fr", 3))), ("AR2", (("ar", 2),))]
    assert arabic[0].username == "mediator" and arabic[0].organisation == "Coop. Ponte"
    assert [p.describe() for p in arabic[0].availability][:2] == ["mon 09:00-13:00 in_person",
                                                                  "tue 09:00-13:00 in_person"]
    with pytest.raises(ValidationError):
        services.mediators.add_mediator(staff["supervisor"], "X1", "X", {"ar": 5})
    with pytest.raises(ConflictError) as duplicate:
        services.mediators.add_mediator(staff["supervisor"], "AR1", "Other", {"ar": 1})
    assert duplicate.value.code == "duplicate"
    with pytest.raises(PermissionDeniedError):
        services.mediators.add_mediator(staff["clerk"], "X2", "X", {"ar": 1})
    with pytest.raises(ValidationError) as no_mode:
        services.mediators.set_availability(staff["supervisor"], "AR1", "mon 09:00-13:00")
    assert no_mode.value.code == "bad_hours"


def test_bookings_outside_availability_are_refused_with_a_reason(services: CoreServices, staff: dict[str, Actor],
                                                                roster: dict[str, Actor]) -> None:
    clerk, mediators = staff["clerk"], services.mediators
    with pytest.raises(ConflictError) as late:
        mediators.book(clerk, "ar", at(WEDNESDAY, "12:30"), at(WEDNESDAY, "13:30"), mediator_code="AR1")
    assert late.value.code == "mediator_unavailable"
    # the modes as the clerk reads them, never the codes (issue 10)
    assert "09:00-13:00 in presenza" in late.value.message("it") and "in_person" not in late.value.message("it")
    assert "09:00-13:00 in person" in late.value.message("en")
    with pytest.raises(ConflictError) as wrong_mode:
        mediators.book(clerk, "ar", at(TODAY, "09:00"), at(TODAY, "10:00"), mediator_code="AR1", mode="video")
    assert wrong_mode.value.code == "mediator_unavailable"
    assert mediators.book(clerk, "ar", at(TODAY, "14:00"), at(TODAY, "15:00"), mediator_code="AR1",
                          mode="phone").entry.mode == "phone"
    with pytest.raises(ConflictError) as language:
        mediators.book(clerk, "ur", at(TODAY, "10:00"), at(TODAY, "11:00"), mediator_code="AR1")
    assert language.value.code == "mediator_no_language"
    assert language.value.message("it") == "Il mediatore AR1 non lavora in «Urdu»."  # the name, not «ur»
    mediators.add_exception(staff["supervisor"], "AR1", WEDNESDAY, available=False, reason="ferie")
    with pytest.raises(ConflictError) as absent:
        mediators.book(clerk, "ar", at(WEDNESDAY, "09:00"), at(WEDNESDAY, "10:00"), mediator_code="AR1")
    assert absent.value.code == "mediator_absent" and "ferie" in absent.value.message("en")
    saturday = TODAY + timedelta(days=4)
    mediators.add_exception(staff["supervisor"], "AR1", saturday, available=True, starts="09:00", ends="11:00",
                            mode="in_person", reason="open day")
    assert mediators.book(clerk, "ar", at(saturday, "09:30"), at(saturday, "10:30"), mediator_code="AR1")
    mediators.add_exception(staff["supervisor"], "AR2", WEDNESDAY, available=False, starts="10:00", ends="12:00")
    with pytest.raises(ConflictError):
        mediators.book(clerk, "ar", at(WEDNESDAY, "11:00"), at(WEDNESDAY, "11:30"), mediator_code="AR2")
    assert mediators.book(clerk, "ar", at(WEDNESDAY, "12:00"), at(WEDNESDAY, "12:30"), mediator_code="AR2")


def test_no_mediator_is_booked_twice_for_overlapping_times(services: CoreServices, staff: dict[str, Actor],
                                                           roster: dict[str, Actor]) -> None:
    clerk, mediators = staff["clerk"], services.mediators
    first = mediators.book(clerk, "ar", at(TODAY, "09:00"), at(TODAY, "10:00"), mediator_code="AR1", desk_code="D1")
    with pytest.raises(ConflictError) as busy:
        mediators.book(clerk, "ar", at(TODAY, "09:30"), at(TODAY, "10:30"), mediator_code="AR1")
    assert busy.value.code == "mediator_busy"
    assert busy.value.params == {"mediator": "AR1", "day": TODAY.isoformat(), "start": "09:00", "end": "10:00"}
    assert mediators.book(clerk, "ar", at(TODAY, "10:00"), at(TODAY, "11:00"), mediator_code="AR1")  # adjacent
    # without a name the best free mediator is chosen: AR1 is busy, so AR2
    assert mediators.book(clerk, "ar", at(TODAY, "09:15"), at(TODAY, "09:45")).mediator_code == "AR2"
    with pytest.raises(ConflictError) as nobody:
        mediators.book(clerk, "ar", at(TODAY, "09:20"), at(TODAY, "09:40"))
    assert nobody.value.code == "no_mediator_free"
    assert [(who, why.code) for who, why in nobody.value.params["reasons"]] == [("AR1", "mediator_busy"),
                                                                               ("AR2", "mediator_busy")]
    said = nobody.value.message("it")
    assert "mediator_busy" not in said and "in_person" not in said and "in presenza" in said
    assert ConflictError("mediator_busy", mediator="AR2", day=TODAY.isoformat(), start="09:15",
                         end="09:45").message("it") in said
    # a cancelled booking frees the time
    mediators.cancel_booking(clerk, first.entry.id)
    assert mediators.book(clerk, "ar", at(TODAY, "09:30"), at(TODAY, "10:00"), mediator_code="AR1")


def test_the_database_itself_refuses_overlaps(services: CoreServices, staff: dict[str, Actor],
                                              roster: dict[str, Actor], clock: ManualClock) -> None:
    """Bypassing the service, a raw overlapping insert still fails (exclusion constraint / trigger)."""
    services.mediators.book(staff["clerk"], "ar", at(TODAY, "09:00"), at(TODAY, "10:00"), mediator_code="AR1")

    def raw(session, status: str) -> None:
        mediator = session.execute(select(Mediator).where(Mediator.code == "AR1")).scalar_one()
        session.execute(insert(MediatorBooking).values(
            office_id=mediator.office_id, mediator_id=mediator.id, language="ar", mode="in_person",
            starts_at=at(TODAY, "09:59"), ends_at=at(TODAY, "10:30"), status=status, booked_at=clock.now()))

    with pytest.raises(IntegrityError):
        services.db.write(lambda s: raw(s, "booked"))
    services.db.write(lambda s: raw(s, "declined"))  # inactive bookings do not hold the time
    assert services.db.read(lambda s: len(s.execute(select(MediatorBooking)).all())) == 2


def test_mediator_sees_only_own_bookings_and_no_case_data(services: CoreServices, staff: dict[str, Actor],
                                                          roster: dict[str, Actor]) -> None:
    clerk, mine, other = staff["clerk"], roster["AR1"], roster["AR2"]
    appointment = book(services, clerk, at(WEDNESDAY, "09:00"), "Amina Haddad", "RF-1", language="ar",
                       needs_mediator=True)
    own = services.mediators.book(clerk, appointment_id=appointment.id, mediator_code="AR1", desk_code="D2")
    theirs = services.mediators.book(clerk, "ar", at(WEDNESDAY, "09:00"), at(WEDNESDAY, "10:00"),
                                     mediator_code="AR2")
    agenda = services.mediators.my_agenda(mine, TODAY, TODAY + timedelta(days=6))
    assert agenda == [AgendaEntry(own.entry.id, at(WEDNESDAY, "09:00"), at(WEDNESDAY, "09:20"), "ar", "in_person",
                                  "D2", "booked", False)]
    # ``place``: the reception centre of an awareness session (issue 16), a place, not the user or the case
    assert set(AgendaEntry.__dataclass_fields__) == {"id", "starts_at", "ends_at", "language", "mode", "desk_code",
                                                     "status", "present", "place"}
    for refused in (
        lambda: services.mediators.confirm(mine, theirs.entry.id),
        lambda: services.mediators.decline(mine, theirs.entry.id, "no"),
        lambda: services.mediators.mark_present(mine, theirs.entry.id),
        lambda: services.mediators.agenda(mine, "AR2", TODAY, WEDNESDAY),
        lambda: services.mediators.roster(mine),
        lambda: services.mediators.book(mine, "ar", at(TODAY, "11:00"), at(TODAY, "12:00")),
        lambda: services.appointments.get(mine, appointment.id),
        lambda: services.queue.tickets(mine),
    ):
        with pytest.raises(PermissionDeniedError):
            refused()
    assert services.mediators.my_agenda(other, WEDNESDAY, WEDNESDAY)[0].id == theirs.entry.id
    assert services.mediators.confirm(mine, own.entry.id).status == "confirmed"
    denied = services.db.read(lambda s: s.execute(select(AuditEvent.action).where(
        AuditEvent.actor == "mediator", AuditEvent.outcome == "denied")).scalars().all())
    assert "denied:mediator.confirm" in denied and "denied:mediator.decline" in denied
    with pytest.raises(PermissionDeniedError):  # a supervisor has no agenda of their own
        services.mediators.my_agenda(staff["supervisor"], TODAY, TODAY)


def test_mediator_login_off_the_roster_has_no_agenda(services: CoreServices, system_actor: Actor,
                                                     roster: dict[str, Actor]) -> None:
    services.staff.add_staff(system_actor, "mediator3", "New", "mediator", "mediator3-password", "LODI")
    newcomer = services.staff.login("mediator3", "mediator3-password")
    with pytest.raises(NotFoundError) as missing:
        services.mediators.my_agenda(newcomer, TODAY, TODAY)
    assert missing.value.code == "not_a_mediator"


def test_decline_notifies_the_booking_desk(services: CoreServices, staff: dict[str, Actor],
                                           roster: dict[str, Actor]) -> None:
    booking = services.mediators.book(staff["clerk"], "ar", at(WEDNESDAY, "10:00"), at(WEDNESDAY, "11:00"),
                                      mediator_code="AR1", desk_code="D1")
    feed = ChangeFeed(services.db, poll_interval=0.02)
    feed.start_listening()
    try:
        entry = services.mediators.decline(roster["AR1"], booking.entry.id, "sick")
        assert entry.status == "declined"
        changes = []
        for _ in range(20):
            changes += [c for c in feed.wait(0.2) if c.kind == "mediator_booking"]
            if changes:
                break
    finally:
        feed.stop()
    assert [(c.action, c.data["desk"], c.data["booked_by"], c.data["reason"]) for c in changes] == [
        ("declined", "D1", "clerk", "sick")]
    assert "Haddad" not in str(changes[0].data)
    with pytest.raises(ConflictError) as again:
        services.mediators.confirm(roster["AR1"], booking.entry.id)
    assert again.value.code == "mediator_booking_wrong_state"
    # the declined time is free again
    assert services.mediators.book(staff["clerk"], "ar", at(WEDNESDAY, "10:00"), at(WEDNESDAY, "11:00"),
                                   mediator_code="AR1")


def test_gated_ticket_waits_for_its_mediator(services: CoreServices, staff: dict[str, Actor],
                                             roster: dict[str, Actor], clock: ManualClock) -> None:
    clerk, queue = staff["clerk"], services.queue
    clock.set(at(TODAY, "09:00"))
    gated = queue.issue_ticket(clerk, "RF", language="ar", needs_mediator=True)
    with pytest.raises(QueueEmptyError) as held:
        queue.call_next(clerk, "D1")
    # the desk is told a ticket is held back for its mediator, not that nobody waits
    assert held.value.code == "queue_held_back" and "1 in attesa del mediatore" in held.value.message("it")
    waiting = services.mediators.waiting_for_mediator(clerk, "D1")
    assert [(w.ticket_number, w.reason) for w in waiting] == [(gated.number, "no_booking")]
    clock.advance(timedelta(minutes=1))
    ordinary = queue.issue_ticket(clerk, "RF")
    assert queue.call_next(clerk, "D1").number == ordinary.number  # the gated ticket is skipped, visibly
    queue.start_serving(clerk, "D1")
    queue.finish(clerk, "D1")

    shift = services.mediators.book(clerk, "ar", at(TODAY, "09:30"), at(TODAY, "12:00"), mediator_code="AR2")
    assert services.mediators.waiting_for_mediator(clerk)[0].reason == "booked_later"
    assert services.mediators.waiting_for_mediator(clerk)[0].next_booking_at == at(TODAY, "09:30")
    clock.set(at(TODAY, "09:20"))
    assert services.mediators.waiting_for_mediator(clerk)[0].reason == "not_present"
    with pytest.raises(QueueEmptyError):
        queue.call_next(clerk, "D1")
    services.mediators.mark_present(roster["AR2"], shift.entry.id)
    assert services.mediators.waiting_for_mediator(clerk) == []
    assert queue.call_next(clerk, "D1").number == gated.number
    # after the shift ends, the next Arabic ticket waits again
    queue.start_serving(clerk, "D1")
    queue.finish(clerk, "D1")
    clock.set(at(TODAY, "12:00"))
    queue.issue_ticket(clerk, "RF", language="ar", needs_mediator=True)
    with pytest.raises(QueueEmptyError):
        queue.call_next(clerk, "D1")


def test_remote_mediator_confirmed_and_desk_override(services: CoreServices, staff: dict[str, Actor],
                                                     roster: dict[str, Actor], clock: ManualClock) -> None:
    clerk, queue = staff["clerk"], services.queue
    clock.set(at(TODAY, "09:00"))
    urdu = queue.issue_ticket(clerk, "RF", language="ur", needs_mediator=True)
    booking = services.mediators.book(clerk, ticket=urdu.number, mode="phone", desk_code="D1")
    assert booking.ticket_number == urdu.number and booking.entry.ends_at == at(TODAY, "09:30")
    with pytest.raises(QueueEmptyError):  # booked, but the phone mediator has not confirmed
        queue.call_next(clerk, "D1")
    services.db.write(lambda s: s.execute(
        MediatorBooking.__table__.update().where(MediatorBooking.id == booking.entry.id).values(status="confirmed")))
    assert queue.call_next(clerk, "D1").number == urdu.number
    queue.start_serving(clerk, "D1")
    queue.finish(clerk, "D1")

    chinese = queue.issue_ticket(clerk, "RF", language="zh", needs_mediator=True)
    assert [w.reason for w in services.mediators.waiting_for_mediator(clerk)] == ["no_booking"]
    with pytest.raises(ConflictError) as not_needed:
        services.mediators.override(clerk, queue.issue_ticket(clerk, "LAV").number, "x")
    assert not_needed.value.code == "ticket_no_mediator"
    services.mediators.override(clerk, chinese.number, "the user came with a relative who interprets")
    assert services.mediators.waiting_for_mediator(clerk) == []
    assert queue.call_next(clerk, "D2").number == chinese.number


def test_appointment_mediator_follows_check_in_and_move(services: CoreServices, staff: dict[str, Actor],
                                                        roster: dict[str, Actor], clock: ManualClock) -> None:
    clerk = staff["clerk"]
    appointment = book(services, clerk, at(TODAY, "10:00"), "Amina Haddad", "RF-1", language="ar",
                       needs_mediator=True)
    booking = services.mediators.book(clerk, appointment_id=appointment.id, desk_code="D1")
    assert booking.mediator_code == "AR1" and services.appointments.get(clerk, appointment.id).mediator_booked
    moved = services.appointments.move(clerk, appointment.id, at(TODAY, "10:20"))
    assert not moved.mediator_booked
    assert services.mediators.agenda(clerk, "AR1", TODAY, TODAY)[0].entry.status == "cancelled"
    booking = services.mediators.book(clerk, appointment_id=appointment.id, desk_code="D1")
    clock.set(at(TODAY, "10:10"))
    checked = services.appointments.check_in(clerk, appointment.id)
    assert checked.ticket.needs_mediator and checked.ticket.priority == "appointment"
    with pytest.raises(QueueEmptyError):
        services.queue.call_next(clerk, "D1")
    services.mediators.mark_present(clerk, booking.entry.id)
    assert services.queue.call_next(clerk, "D1").number == checked.ticket.number


def _events(payload: bytes) -> list:
    return [c for c in Calendar.from_ical(payload).walk("VEVENT")]


def test_ics_export_round_trips_across_the_dst_change(services: CoreServices, staff: dict[str, Actor],
                                                      roster: dict[str, Actor], clock: ManualClock) -> None:
    """Bookings at 09:00 Lodi time on Friday 26 and Monday 29 March 2027 (clocks go forward on the 28th)."""
    clock.set(at(date(2027, 3, 22), "08:00"))
    friday, monday = date(2027, 3, 26), date(2027, 3, 29)
    clerk, mine = staff["clerk"], roster["AR1"]
    made = [
        services.mediators.book(clerk, "ar", at(friday, "09:00"), at(friday, "10:30"), mediator_code="AR1",
                                desk_code="D1"),
        services.mediators.book(clerk, "fr", at(monday, "09:00"), at(monday, "09:45"), mediator_code="AR1"),
    ]
    services.mediators.book(clerk, "ar", at(monday, "09:00"), at(monday, "10:00"), mediator_code="AR2")
    services.mediators.confirm(mine, made[0].entry.id)
    payload = services.mediators.my_agenda_ics(mine, date(2027, 3, 22), date(2027, 3, 31))
    events = _events(payload)
    assert len(events) == 2
    rome = zone("Europe/Rome")
    starts = [e.decoded("dtstart") for e in events]
    assert [s.astimezone(rome).strftime("%d %H:%M %z") for s in starts] == ["26 09:00 +0100", "29 09:00 +0200"]
    assert [e.decoded("dtend") for e in events] == [at(friday, "10:30"), at(monday, "09:45")]
    assert [str(e["status"]) for e in events] == ["CONFIRMED", "TENTATIVE"]
    assert len({str(e["uid"]) for e in events}) == 2
    assert b"TZID=Europe/Rome" in payload and b"BEGIN:VTIMEZONE" in payload
    assert b"Haddad" not in payload and "sportello D1" in str(events[0]["summary"])
    # the desk exports the same agenda for a mediator without a login
    assert len(_events(services.mediators.agenda_ics(clerk, "AR2", monday, monday))) == 1


def test_ics_has_one_event_per_booking() -> None:
    rome = zone("Europe/Rome")
    entries = [AgendaEntry(i, at(TODAY, "09:00") + timedelta(hours=i), at(TODAY, "09:30") + timedelta(hours=i),
                           "ar", "video", None, "cancelled" if i == 2 else "booked", False) for i in range(4)]
    payload = agenda_to_ics(entries, office_code="LODI", office_name="Prefettura di Lodi", tz="Europe/Rome",
                            stamp=at(TODAY, "08:00"))
    events = _events(payload)
    assert [e.decoded("dtstart").astimezone(rome).hour for e in events] == [9, 10, 11, 12]
    assert [str(e["status"]) for e in events] == ["TENTATIVE", "TENTATIVE", "CANCELLED", "TENTATIVE"]
    # the mediator reads the language and the mode by name, as in the agenda, not the codes «ar» and «video»
    assert str(events[0]["summary"]) == "Mediazione (Arabo)"
    assert str(events[0]["description"]) == "lingua: Arabo; modalità: in video"
    assert b"VTIMEZONE" in payload and b"COMMENT" not in payload  # no English line in the mediator's calendar


def test_who_is_free_previews_without_booking_and_ticket_bookings_list_what_serves_a_ticket(
        services: CoreServices, staff: dict[str, Actor], roster: dict[str, Actor]) -> None:
    """Issue 10: who could come is known before anything is saved; a held ticket's bookings (its own and the
    shifts of its language) are listed for the desk that marks the mediator present."""
    clerk, mediators = staff["clerk"], services.mediators
    start, end = at(TODAY, "09:20"), at(TODAY, "09:40")
    shift = mediators.book(clerk, "ar", start, end, mediator_code="AR1")  # a shift: any Arabic ticket then
    free = mediators.who_is_free(clerk, "ar", start, end)
    assert [(m.code, m.free) for m in free] == [("AR1", False), ("AR2", True)]  # best level first
    assert free[0].refusal is not None and free[0].refusal.code == "mediator_busy"
    by_phone = mediators.who_is_free(clerk, "ar", start, end, mode="phone")
    assert [m.refusal.code if m.refusal else None for m in by_phone] == ["mediator_busy", "mediator_unavailable"]
    assert len(mediators.agenda(clerk, "AR2", TODAY, TODAY)) == 0  # a preview books nothing
    with pytest.raises(PermissionDeniedError):
        mediators.who_is_free(staff["mediator"], "ar", start, end)

    ticket = services.queue.issue_ticket(clerk, "RF", language="ar", needs_mediator=True)
    assert [(b.entry.id, b.ticket_number) for b in mediators.ticket_bookings(clerk, ticket.id)] == [
        (shift.entry.id, None)]
    own = mediators.book(clerk, ticket=ticket.id, starts_at=at(TODAY, "10:00"), ends_at=at(TODAY, "10:30"),
                         mediator_code="AR2")
    other = services.queue.issue_ticket(clerk, "RF", language="ar", needs_mediator=True)
    assert [b.entry.id for b in mediators.ticket_bookings(clerk, ticket.id)] == [shift.entry.id, own.entry.id]
    assert [b.entry.id for b in mediators.ticket_bookings(clerk, other.id)] == [shift.entry.id]  # not the other's


def test_held_tickets_are_read_in_one_statement_with_each_reason(services: CoreServices, staff: dict[str, Actor],
                                                                 roster: dict[str, Actor],
                                                                 clock: ManualClock) -> None:
    """Issue 10: the desks re-read the held tickets on every change; it was one query per held ticket."""
    from sqlalchemy import event

    clerk, queue = staff["clerk"], services.queue
    clock.set(at(TODAY, "09:00"))
    queue.issue_ticket(clerk, "RF", language="ar", needs_mediator=True)
    queue.issue_ticket(clerk, "RF", needs_mediator=True)  # no language

    def statements() -> int:
        sent: list[str] = []
        listener = lambda *args: sent.append(args[2])  # noqa: E731 (conn, cursor, statement, ...)
        event.listen(services.db.engine, "before_cursor_execute", listener)
        try:
            services.mediators.waiting_for_mediator(clerk)
        finally:
            event.remove(services.db.engine, "before_cursor_execute", listener)
        return sum(s.lstrip().upper().startswith("SELECT") for s in sent)

    few = statements()
    later = services.mediators.book(clerk, "ar", at(TODAY, "10:00"), at(TODAY, "12:00"), mediator_code="AR2")
    soon = services.mediators.book(clerk, "ur", at(TODAY, "09:05"), at(TODAY, "12:00"), mediator_code="UR1",
                                   mode="phone")  # booked, not yet confirmed: held, "not here yet"
    for language in ("ar", "ur", "ar", "ro"):
        queue.issue_ticket(clerk, "RF", language=language, needs_mediator=True)
    assert statements() == few  # six held tickets cost what two did
    reasons = [(w.language, w.reason, w.next_booking_at) for w in services.mediators.waiting_for_mediator(clerk)]
    assert reasons == [("ar", "booked_later", later.entry.starts_at), (None, "no_language", None),
                       ("ar", "booked_later", later.entry.starts_at), ("ur", "not_present", soon.entry.starts_at),
                       ("ar", "booked_later", later.entry.starts_at), ("ro", "no_booking", None)]
