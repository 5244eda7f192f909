"""Awareness sessions in the reception centres (issue 16): planning, the shared mediator roster, counts, handouts.

On both databases: a mediator is never booked twice between the counter and a session (the roster's
constraint decides), a session's booking never opens the queue gate, counts carry no names, bad input is
refused with nothing stored, and only supervisors and admins may plan and record.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from desk_app.clock import ManualClock, zone
from desk_app.core.auth import Actor
from desk_app.core.awareness import AwarenessCounts, SessionView, awareness_period
from desk_app.core.schedule import at_local
from desk_app.core.services import CoreServices
from desk_app.core.sheets import plain_text
from desk_app.db.models_awareness import AwarenessAttendance, AwarenessSession
from desk_app.db.models_booking import MediatorBooking
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, QueueEmptyError, ValidationError

TZ = "Europe/Rome"
#: A Wednesday; the sessions are on Thursday 3 December.
TODAY = date(2026, 12, 2)
THURSDAY = TODAY + timedelta(days=1)


def at(day: date, hh_mm: str) -> datetime:
    hour, minute = hh_mm.split(":")
    return at_local(day, time(int(hour), int(minute)), TZ)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.combine(TODAY, time(8, 0), tzinfo=zone(TZ)))


@pytest.fixture
def world(services: CoreServices, staff: dict[str, Actor]) -> dict[str, Actor]:
    """Two centres, the catalogue, mediator AR1 (Arabic, login ``mediator``) and UR1 (Urdu), both in person."""
    supervisor = staff["supervisor"]
    services.content.load(Actor.system("test"))
    services.mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4, "fr": 3}, username="mediator")
    services.mediators.set_availability(supervisor, "AR1", "mon-fri 09:00-17:00 in_person")
    services.mediators.add_mediator(supervisor, "UR1", "Imran", {"ur": 4})
    services.mediators.set_availability(supervisor, "UR1", "mon-fri 09:00-17:00 in_person")
    services.awareness.save_centre(supervisor, "CAS-LODI", "CAS Via Defendente", address="Via Defendente 12, Lodi",
                                   managing_body="Coop. Accoglienza")
    services.awareness.save_centre(supervisor, "CAS-COD", "CAS Codogno", managing_body="Coop. Il Ponte")
    return staff


def _plan(services: CoreServices, actor: Actor, **extra: object) -> SessionView:
    values: dict[str, object] = {"centre_code": "CAS-LODI", "starts_at": at(THURSDAY, "10:00"), "minutes": 90,
                                 "language": "ar", "operator_organisation": "Numero Verde Antitratta - Lule",
                                 "operator_name": "Giulia Bianchi"}
    values.update(extra)
    return services.awareness.plan(actor, **values)  # type: ignore[arg-type]


def _rows(services: CoreServices, model: type) -> int:
    return int(services.db.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one()))


def test_session_mediator_and_counter_bookings_never_overlap(services: CoreServices,
                                                             world: dict[str, Actor]) -> None:
    supervisor, clerk = world["supervisor"], world["clerk"]
    planned = _plan(services, supervisor, mediator_code="AR1")
    assert (planned.status, planned.mediator_code, planned.mediator_status) == ("planned", "AR1", "booked")
    assert planned.minutes == 90 and planned.attendees == 0
    # the counter cannot take AR1 during the session ...
    with pytest.raises(ConflictError) as busy:
        services.mediators.book(clerk, "ar", at(THURSDAY, "11:00"), at(THURSDAY, "11:30"), mediator_code="AR1")
    assert busy.value.code == "mediator_busy"
    # ... and who_is_free, what the window shows, says so before anything is tried
    free = services.mediators.who_is_free(clerk, "ar", at(THURSDAY, "11:00"), at(THURSDAY, "11:30"))
    assert [(f.code, f.refusal.code if f.refusal else None) for f in free] == [("AR1", "mediator_busy")]
    # a counter booking first: a session over it is refused, and nothing of the session is stored
    services.mediators.book(clerk, "ar", at(THURSDAY, "14:00"), at(THURSDAY, "15:00"), mediator_code="AR1")
    with pytest.raises(ConflictError) as refused:
        _plan(services, supervisor, starts_at=at(THURSDAY, "14:30"), mediator_code="AR1")
    assert refused.value.code == "mediator_busy"
    assert _rows(services, AwarenessSession) == 1
    # two sessions cannot share the mediator either, even through "any free mediator"
    with pytest.raises(ConflictError) as nobody:
        _plan(services, supervisor, starts_at=at(THURSDAY, "10:30"), centre_code="CAS-COD", any_mediator=True)
    assert nobody.value.code == "no_mediator_free"
    assert _rows(services, AwarenessSession) == 1


def test_cancelling_frees_the_mediator_and_rebooking_after_a_decline(services: CoreServices,
                                                                      world: dict[str, Actor]) -> None:
    supervisor, clerk = world["supervisor"], world["clerk"]
    planned = _plan(services, supervisor, mediator_code="AR1")
    assert planned.mediator_booking_id is not None
    services.mediators.decline(world["mediator"], planned.mediator_booking_id, "malata")
    assert services.awareness.get(supervisor, planned.id).mediator_status == "declined"
    with pytest.raises(ConflictError):  # declined: AR1 said no for that day; the roster has nobody else
        services.awareness.book_mediator(supervisor, planned.id, "UR1")
    again = services.awareness.book_mediator(supervisor, planned.id, "AR1")
    assert again.mediator_status == "booked" and again.mediator_booking_id != planned.mediator_booking_id
    cancelled = services.awareness.cancel(supervisor, planned.id, "centro chiuso per lavori")
    assert cancelled.status == "cancelled" and cancelled.mediator_status == "cancelled"
    assert services.mediators.book(clerk, "ar", at(THURSDAY, "10:00"), at(THURSDAY, "11:00"),
                                   mediator_code="AR1").entry.status == "booked"
    with pytest.raises(ConflictError) as twice:
        services.awareness.cancel(supervisor, planned.id, "di nuovo")
    assert twice.value.code == "awareness_wrong_state"


def test_a_session_booking_is_not_a_counter_shift(services: CoreServices, world: dict[str, Actor],
                                                  clock: ManualClock) -> None:
    supervisor, clerk = world["supervisor"], world["clerk"]
    planned = _plan(services, supervisor, mediator_code="AR1")
    clock.set(at(THURSDAY, "10:05"))
    assert planned.mediator_booking_id is not None
    services.mediators.mark_present(world["mediator"], planned.mediator_booking_id)  # at the centre
    services.queue.issue_ticket(clerk, "RF", language="ar", needs_mediator=True)
    with pytest.raises(QueueEmptyError):  # the mediator is at the reception centre, not at the counter
        services.queue.call_next(clerk, "D1")
    held = services.mediators.waiting_for_mediator(clerk)
    assert [w.reason for w in held] == ["no_booking"]
    assert services.mediators.ticket_bookings(clerk, held[0].ticket_number) == []


def test_the_mediator_sees_the_session_in_their_agenda(services: CoreServices, world: dict[str, Actor]) -> None:
    _plan(services, world["supervisor"], mediator_code="AR1")
    entries = services.mediators.my_agenda(world["mediator"], THURSDAY, THURSDAY)
    assert [(e.place, e.desk_code, e.language) for e in entries] == [("CAS Via Defendente", None, "ar")]
    ics = services.mediators.my_agenda_ics(world["mediator"], THURSDAY, THURSDAY).decode()
    assert "LOCATION:CAS Via Defendente" in ics and "Giulia" not in ics


def test_recorded_counts_by_language_sex_and_age_band(services: CoreServices, world: dict[str, Actor],
                                                      clock: ManualClock) -> None:
    supervisor = world["supervisor"]
    arabic = _plan(services, supervisor, mediator_code="AR1")
    urdu = _plan(services, supervisor, starts_at=at(THURSDAY, "15:00"), language="ur", centre_code="CAS-COD",
                 mediator_code="UR1")
    later = _plan(services, supervisor, starts_at=at(date(2027, 1, 14), "10:00"))
    with pytest.raises(ConflictError) as early:
        services.awareness.record(supervisor, arabic.id, {("m", "18-25"): 5})
    assert early.value.code == "awareness_not_started"
    clock.set(at(THURSDAY, "18:00"))
    held = services.awareness.record(supervisor, arabic.id, {("m", "18-25"): 9, ("m", "26-35"): 4,
                                                             ("f", "18-25"): 2, ("x", "o50"): 0},
                                     referrals=1, mediator_present=True)
    assert held.status == "held" and held.attendees == 15 and held.referrals == 1
    assert held.attendance == (("f", "18-25", 2), ("m", "18-25", 9), ("m", "26-35", 4))
    services.awareness.record(supervisor, urdu.id, {("m", "u18"): 3, ("m", "36-50"): 2})
    # a correction replaces the counts (audited), never adds to them
    corrected = services.awareness.record(supervisor, arabic.id, {("m", "18-25"): 10, ("f", "18-25"): 2},
                                          referrals=2)
    assert corrected.attendees == 12
    month = services.awareness.counts(supervisor, "2026-12")
    assert (month.held, month.attendees, month.referrals, month.planned) == (2, 17, 2, 0)
    assert month.by_language() == [("ar", 1, 12, 2), ("ur", 1, 5, 0)]
    assert ("2026-12", "ar", "m", "18-25", 10) in month.attendance
    project = services.awareness.counts(supervisor, "project")
    assert (project.label, project.first, project.held, project.planned) == ("FAMI-2021-2027", date(2021, 1, 1),
                                                                             2, 1)
    assert later.status == "planned"
    # counts carry no names: nothing of the operator, the mediator or a guest reaches the export
    text = services.awareness.counts_csv(project)
    for name in ("Giulia", "Bianchi", "Samira", "Imran", "Lule"):
        assert name not in text
    assert "ar;1;12;2" in text
    assert _all_strings(project) <= {"Prefettura di Lodi", "FAMI-2021-2027", "2026-12", "ar", "ur", "f", "m",
                                     "18-25", "26-35", "u18", "36-50"}
    booking = services.db.read(lambda s: s.get(MediatorBooking, held.mediator_booking_id))
    assert booking.present_at == arabic.starts_at  # the mediator hours of the indicators see it


def _all_strings(result: AwarenessCounts) -> set[str]:
    found = {result.office, result.label}
    for row in (*result.sessions, *result.attendance):
        found |= {v for v in row if isinstance(v, str)}
    return found


@pytest.mark.parametrize(("attendance", "referrals", "code"), [
    ({("m", "18-25"): -1}, 0, "out_of_range"),
    ({("m", "18-25"): 10**9}, 0, "out_of_range"),
    ({("m", "18-25"): 300, ("f", "18-25"): 300}, 0, "out_of_range"),
    ({("m", "18-25"): "tre"}, 0, "bad_number"),
    ({("q", "18-25"): 1}, 0, "bad_choice"),
    ({("m", "12-14"): 1}, 0, "bad_choice"),
    ({("m", "18-25"): 2}, 3, "referrals_over_attendees"),
    ({("m", "18-25"): 2}, -1, "out_of_range"),
])
def test_bad_counts_are_refused_and_nothing_is_stored(services: CoreServices, world: dict[str, Actor],
                                                      clock: ManualClock, attendance: dict[tuple[str, str], object],
                                                      referrals: int, code: str) -> None:
    planned = _plan(services, world["supervisor"])
    clock.set(at(THURSDAY, "18:00"))
    with pytest.raises(ValidationError) as refused:
        services.awareness.record(world["supervisor"], planned.id, attendance, referrals=referrals)
    assert refused.value.code == code
    assert "{" not in refused.value.message("it")
    assert services.awareness.get(world["supervisor"], planned.id).status == "planned"
    assert _rows(services, AwarenessAttendance) == 0


@pytest.mark.parametrize(("extra", "code"), [
    ({"language": "xx"}, "bad_choice"),
    ({"language": ""}, "choose_one"),
    ({"starts_at": at(TODAY, "07:00")}, "awareness_in_past"),
    ({"starts_at": at(date(2029, 1, 1), "10:00")}, "slot_beyond_horizon"),
    ({"starts_at": datetime(2026, 12, 3, 10, 0)}, "bad_date"),
    ({"minutes": 5}, "out_of_range"),
    ({"minutes": 10**12}, "out_of_range"),
    ({"operator_organisation": ""}, "required"),
    ({"operator_organisation": "x" * 121}, "too_long"),
    ({"operator_name": "Giulia\x07Bianchi"}, "control_chars"),
    ({"operator_organisation": "Lule\u202e"}, "bidi_controls"),
    ({"mode": "telepathy"}, "bad_choice"),
])
def test_bad_plans_are_refused(services: CoreServices, world: dict[str, Actor], extra: dict[str, object],
                               code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        _plan(services, world["supervisor"], **extra)
    assert refused.value.code == code
    assert _rows(services, AwarenessSession) == 0


def test_a_plan_without_language_names_the_field_as_on_screen(services: CoreServices,
                                                              world: dict[str, Actor]) -> None:
    """Tester's finding: not «Valore «» non ammesso per «language»» but the field's name and what to do."""
    with pytest.raises(ValidationError) as empty:
        _plan(services, world["supervisor"], language="")
    assert empty.value.message("it") == "Scegliere un valore dell'elenco per «Gruppo linguistico»."
    with pytest.raises(ValidationError) as unknown:
        _plan(services, world["supervisor"], language="xx")
    assert "«Gruppo linguistico»" in unknown.value.message("it") and "language" not in unknown.value.message("it")


def test_unknown_centre_and_session(services: CoreServices, world: dict[str, Actor]) -> None:
    with pytest.raises(NotFoundError) as centre:
        _plan(services, world["supervisor"], centre_code="CAS-XX")
    assert centre.value.code == "unknown_centre"
    with pytest.raises(NotFoundError) as missing:
        services.awareness.get(world["supervisor"], 999)
    assert missing.value.code == "unknown_awareness_session"


@pytest.mark.parametrize("role", ["clerk", "mediator"])
def test_only_supervisors_and_admins_plan_and_record(services: CoreServices, world: dict[str, Actor],
                                                     role: str) -> None:
    with pytest.raises(PermissionDeniedError):
        _plan(services, world[role])
    with pytest.raises(PermissionDeniedError):
        services.awareness.save_centre(world[role], "CAS-X", "X")
    with pytest.raises(PermissionDeniedError):
        services.awareness.counts(world[role], "2026-12")
    assert _plan(services, world["admin"]).status == "planned"


def test_handout_is_the_exploitation_sheet_in_the_group_language(services: CoreServices,
                                                                 world: dict[str, Actor]) -> None:
    planned = _plan(services, world["supervisor"])
    sheet = services.awareness.handout(world["supervisor"], planned.id)
    assert sheet.kind == "exploitation" and sheet.lang == "ar" and sheet.rtl
    texts = [plain_text(line.text) for line in sheet.lines()]
    assert "CAS Via Defendente · 03/12/2026 10:00" in texts
    assert any("800 290 290" in text for text in texts)
    italian = services.awareness.handout(world["supervisor"], planned.id, "it")
    assert italian.lang == "it" and italian.blocks[1].kind == "subtitle"


def test_periods() -> None:
    assert awareness_period("2026-11", TODAY) == (date(2026, 11, 1), date(2026, 11, 30), "2026-11")
    assert awareness_period("2026-12", TODAY)[1] == date(2026, 12, 31)
    assert awareness_period("project", TODAY)[:2] == (date(2021, 1, 1), date(2027, 12, 31))
    with pytest.raises(ValidationError):
        awareness_period("2026-13", TODAY)
