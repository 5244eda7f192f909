"""Shared practices with the Questura (issue 16): the workflow, the lists, what the Questura may see, meetings,
handling times. On SQLite files and PostgreSQL (the ``services`` fixture runs on both)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.practices import (
    Decision,
    PracticeView,
    percentile,
    waiting_share,
    working_days_between,
)
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.db.models_practices import PracticeStep, SharedPractice
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError

#: Monday 2026-11-02, 09:00 in Rome.
MONDAY = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(MONDAY)


@pytest.fixture
def people(services: CoreServices, system_actor: Actor, staff: dict[str, Actor]) -> dict[str, Actor]:
    """The ``staff`` actors plus ``questura`` (role questura, office LODI) and the catalogue loaded."""
    services.content.load(system_actor)
    services.staff.add_staff(system_actor, "questura1", "Ufficio Immigrazione", "questura", "questura-password",
                             "LODI")
    return {**staff, "questura": services.staff.login("questura1", "questura-password")}


def _audit(services: CoreServices, prefix: str) -> list[str]:
    return services.db.read(lambda s: [e.action for e in s.execute(
        select(AuditEvent).where(AuditEvent.action.like(f"{prefix}%")).order_by(AuditEvent.id)).scalars()])


# -- working days --------------------------------------------------------------------------------------------------
def test_working_days_skip_weekends_and_holidays() -> None:
    friday, monday = date(2026, 11, 6), date(2026, 11, 9)
    assert working_days_between(friday, monday, None) == 1
    assert working_days_between(monday, monday, None) == 0
    # 2026-12-07 Mon .. 2026-12-11 Fri: 8 December (Immacolata) is a holiday -> 4 days after the Monday
    assert working_days_between(date(2026, 12, 7), date(2026, 12, 11), None) == 3
    # Lodi's patron saint (San Bassiano, 19 January 2027 is a Tuesday)
    assert working_days_between(date(2027, 1, 18), date(2027, 1, 20), "lodi") == 1
    assert working_days_between(date(2027, 1, 18), date(2027, 1, 20), None) == 2


def test_working_days_long_spans_match_day_by_day() -> None:
    start = date(2025, 12, 20)
    for days in (6, 7, 8, 30, 400):
        end = start + timedelta(days=days)
        slow = 0
        day = start + timedelta(days=1)
        while day <= end:
            slow += day.weekday() < 5 and working_days_between(day - timedelta(days=1), day, "lodi") == 1
            day += timedelta(days=1)
        assert working_days_between(start, end, "lodi") == slow, days


def test_percentile_and_waiting_share() -> None:
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert percentile([4], 0.9) == 4
    t0 = MONDAY
    steps = [(t0, "questura"), (t0 + timedelta(hours=30), "prefettura")]
    assert waiting_share("prefettura", t0, t0 + timedelta(hours=40), steps) == pytest.approx(0.75)
    assert waiting_share("questura", t0, t0 + timedelta(hours=40), steps) == pytest.approx(0.25)


# -- the workflow --------------------------------------------------------------------------------------------------
def test_send_answer_close_each_step_recorded_and_audited(services: CoreServices, people: dict[str, Actor],
                                                         clock: ManualClock) -> None:
    clerk, questura = people["clerk"], people["questura"]
    case = services.cases.open_case(clerk, "RF-NO", "ar", practice_number="lo/2026/117")
    services.cases.set_note(clerk, case.id, "Il signore porta il contratto la prossima volta")
    sent = services.practices.send(clerk, reason="opinion_family", due_date="2026-11-16", case_id=case.id,
                                   note="Parere art. 29")
    assert (sent.practice_number, sent.procedure_code, sent.owner) == ("LO/2026/117", "RF-NO", "prefettura")
    assert (sent.status, sent.waiting_on, sent.case_id) == ("waiting", "questura", case.id)
    clock.advance(timedelta(days=3))  # Thursday
    inbox = services.practices.inbox(questura)
    assert [p.id for p in inbox] == [sent.id] and inbox[0].days_waiting == 3
    answered = services.practices.answer(questura, sent.id, "Nessun motivo ostativo")
    assert (answered.status, answered.waiting_on) == ("answered", "prefettura")
    assert services.practices.inbox(questura) == []
    with pytest.raises(ConflictError) as not_owner:
        services.practices.close(questura, sent.id)
    assert not_owner.value.code == "practice_not_your_turn"
    closed = services.practices.close(clerk, sent.id, "done")
    assert closed.status == "closed" and closed.waiting_on is None and closed.days_waiting == 0
    assert [(s.kind, s.from_side, s.to_side, s.actor) for s in closed.steps] == [
        ("send", "prefettura", "questura", "clerk"), ("answer", "questura", "prefettura", "questura1"),
        ("close", "prefettura", None, "clerk")]
    assert closed.steps[1].at - closed.steps[0].at == timedelta(days=3)
    assert _audit(services, "practice.") == ["practice.send", "practice.list", "practice.answer",
                                              "practice.list", "practice.close"]


def test_send_back_and_answer_the_return(services: CoreServices, people: dict[str, Actor],
                                         clock: ManualClock) -> None:
    clerk, questura = people["clerk"], people["questura"]
    sent = services.practices.send(clerk, "NO-LAV", "opinion_work", date(2026, 11, 20), practice_number="LO/9")
    with pytest.raises(ValidationError) as wrong_reason:  # a send reason is no reason to send back
        services.practices.send_back(questura, sent.id, "opinion_work")
    assert wrong_reason.value.code == "bad_choice"
    back = services.practices.send_back(questura, sent.id, "missing_documents", "Manca il contratto di soggiorno")
    assert (back.status, back.waiting_on, back.reason) == ("returned", "prefettura", "missing_documents")
    assert [p.id for p in services.practices.inbox(people["clerk2"])] == [sent.id]
    clock.advance(timedelta(days=1))
    again = services.practices.answer(clerk, sent.id, "Contratto allegato", due_date="2026-11-27")
    assert (again.status, again.waiting_on, again.due_date, again.reason) == ("waiting", "questura", date(2026, 11, 27),
                                                                         "opinion_work")
    assert again.sent_at == clock.now()
    with pytest.raises(ConflictError) as stale:  # a second click from another desk
        services.practices.answer(clerk, sent.id, "di nuovo")
    assert stale.value.code == "practice_not_your_turn"


def test_questura_opens_a_bare_practice_number_for_the_prefettura(services: CoreServices,
                                                                   people: dict[str, Actor]) -> None:
    questura, clerk = people["questura"], people["clerk"]
    opened = services.practices.send(questura, "CONV-ST", "conversion", "2026-11-10", practice_number="Q-55")
    assert (opened.owner, opened.waiting_on) == ("questura", "prefettura")
    with pytest.raises(ValidationError):  # the reason of a send to the Questura does not fit this direction
        services.practices.send(questura, "CONV-ST", "opinion_family", "2026-11-10", practice_number="Q-56")
    assert [p.id for p in services.practices.waiting(clerk, "prefettura")] == [opened.id]
    answered = services.practices.answer(clerk, opened.id, "Parere favorevole")
    closed = services.practices.close(questura, answered.id)
    assert closed.status == "closed"


def test_questura_sees_the_minimum_and_never_the_case(services: CoreServices, people: dict[str, Actor]) -> None:
    clerk, questura = people["clerk"], people["questura"]
    case = services.cases.open_case(clerk, "RF-NO", "ur", practice_number="LO/77")
    sent = services.practices.send(clerk, reason="opinion_family", due_date="2026-11-12", case_id=case.id)
    seen = services.practices.get(questura, sent.id)
    assert seen.case_id is None and seen.practice_number == "LO/77" and seen.procedure_code == "RF-NO"
    assert {f.name for f in dataclasses.fields(PracticeView)} == {
        "id", "practice_number", "procedure_code", "owner", "status", "waiting_on", "reason", "due_date", "outcome",
        "opened_at", "sent_at", "closed_at", "days_waiting", "overdue", "case_id", "steps"}
    # the Prefettura's case itself stays out of reach
    with pytest.raises(PermissionDeniedError):
        services.cases.get(questura, case.id)
    with pytest.raises(PermissionDeniedError):  # and may not be linked by the Questura
        services.practices.send(questura, "RF-NO", "conversion", "2026-11-12", case_id=case.id)
    with pytest.raises(PermissionDeniedError):
        services.practices.meeting_list(questura, 0)
    with pytest.raises(PermissionDeniedError):
        services.practices.handling_times(questura, "2026-11-01", "2026-11-30")


def test_questura_does_not_see_what_was_never_sent_to_it(services: CoreServices, people: dict[str, Actor]) -> None:
    """A row of the Prefettura that never went to the Questura (written directly here: the service always sends)
    is "not found" for the Questura and absent from its lists."""
    clerk, questura = people["clerk"], people["questura"]
    visible = services.practices.send(clerk, "NO-LAV", "opinion_work", "2026-11-20", practice_number="LO/1")

    def internal(session: Any) -> int:
        row = SharedPractice(office_id=session.get(SharedPractice, visible.id).office_id, practice_number="LO/2",
                             procedure_code="NO-LAV", owner="prefettura", status="answered", waiting_on="prefettura",
                             reason="opinion_work", opened_at=MONDAY, sent_at=MONDAY, updated_at=MONDAY)
        session.add(row)
        session.flush()
        return row.id

    hidden = services.db.write(internal)
    assert {p.id for p in services.practices.waiting(clerk)} == {visible.id, hidden}
    assert {p.id for p in services.practices.waiting(questura)} == {visible.id}
    assert services.practices.find(questura, "LO/2") == []
    with pytest.raises(NotFoundError):
        services.practices.get(questura, hidden)


def test_bad_input_one_sentence_nothing_stored(services: CoreServices, people: dict[str, Actor]) -> None:
    clerk = people["clerk"]
    cases: list[tuple[dict[str, Any], str]] = [
        ({"procedure_code": "RF-NO", "reason": "opinion_family", "due_date": "2026-11-10"}, "required"),
        ({"procedure_code": "RF-NO", "reason": "nope", "due_date": "2026-11-10", "practice_number": "P1"},
         "bad_choice"),
        ({"procedure_code": "ZZZ", "reason": "opinion_family", "due_date": "2026-11-10", "practice_number": "P1"},
         "unknown_procedure"),
        ({"procedure_code": "RF-NO", "reason": "opinion_family", "due_date": "2026-10-01", "practice_number": "P1"},
         "out_of_range"),
        ({"procedure_code": "RF-NO", "reason": "opinion_family", "due_date": "2026-02-30", "practice_number": "P1"},
         "bad_date"),
        ({"procedure_code": "RF-NO", "reason": "opinion_family", "due_date": "2026-11-10",
          "practice_number": "P\u202e1"}, "bidi_controls"),
        ({"procedure_code": "RF-NO", "reason": "opinion_family", "due_date": "2026-11-10",
          "practice_number": "P" * 41}, "too_long"),
        ({"procedure_code": "RF-NO", "reason": "opinion_family", "due_date": "2026-11-10", "practice_number": "P1",
          "note": "x" * 1001}, "too_long"),
        ({"procedure_code": "RF-NO", "reason": "opinion_family", "due_date": "2026-11-10", "case_id": 10**12},
         "out_of_range"),
    ]
    for kwargs, code in cases:
        with pytest.raises((ValidationError, NotFoundError)) as refused:
            services.practices.send(clerk, **kwargs)
        assert refused.value.code == code, kwargs
        assert refused.value.message("it")
    with pytest.raises(ValidationError):
        services.practices.answer(clerk, 2**40)
    assert services.db.read(lambda s: s.execute(select(SharedPractice.id)).all()) == []


def test_one_open_shared_practice_per_number(services: CoreServices, people: dict[str, Actor]) -> None:
    clerk = people["clerk"]
    first = services.practices.send(clerk, "RF-NO", "opinion_family", "2026-11-10", practice_number="LO/5")
    with pytest.raises(ConflictError) as twice:
        services.practices.send(clerk, "RF-NO", "fingerprints", "2026-11-10", practice_number="lo/5")
    assert twice.value.code == "practice_already_shared" and twice.value.params["id"] == first.id


def test_waiting_oldest_first_with_days_and_overdue(services: CoreServices, people: dict[str, Actor],
                                                   clock: ManualClock) -> None:
    clerk = people["clerk"]
    old = services.practices.send(clerk, "RF-NO", "opinion_family", "2026-11-04", practice_number="A1")
    clock.advance(timedelta(days=2))
    new = services.practices.send(clerk, "NO-LAV", "opinion_work", "2026-11-30", practice_number="A2")
    clock.advance(timedelta(days=5))  # Friday 2026-11-13... from Monday 2 Nov: 9 working days
    listed = services.practices.waiting(clerk, "questura")
    assert [p.id for p in listed] == [old.id, new.id]
    assert [(p.days_waiting, p.overdue) for p in listed] == [(5, True), (3, False)]
    assert [p.id for p in services.practices.waiting(clerk, overdue_only=True)] == [old.id]
    assert services.practices.waiting(clerk, "prefettura") == []
    with pytest.raises(ValidationError):
        services.practices.waiting(clerk, "carabinieri")


# -- meetings ------------------------------------------------------------------------------------------------------
def test_meeting_list_groups_and_changes_since_last(services: CoreServices, people: dict[str, Actor],
                                                    clock: ManualClock) -> None:
    clerk, supervisor, questura = people["clerk"], people["supervisor"], people["questura"]
    a = services.practices.send(clerk, "RF-NO", "opinion_family", "2026-11-20", practice_number="M1")
    b = services.practices.send(clerk, "NO-LAV", "opinion_work", "2026-11-20", practice_number="M2")
    c = services.practices.send(questura, "CONV-ST", "conversion", "2026-11-20", practice_number="M3")
    clock.advance(timedelta(days=14))
    first = services.practices.meeting_list(supervisor, 5)
    assert first.last_meeting_at is None and first.total == 3
    assert [(g.procedure_code, g.waiting_on) for g in first.groups] == [
        ("CONV-ST", "prefettura"), ("NO-LAV", "questura"), ("RF-NO", "questura")]
    meeting = services.practices.record_meeting(supervisor, 5, [
        Decision(a.id, "remind", "Sollecito via PEC"), Decision(b.id, "new_due_date", due_date="2026-12-04")])
    assert [d[2] for d in meeting.decisions] == ["remind", "new_due_date"]
    clock.advance(timedelta(days=1))
    services.practices.answer(people["questura"], a.id, "Parere reso")
    services.practices.close(clerk, a.id)
    services.practices.send(clerk, "RF-NO", "fingerprints", "2026-12-10", practice_number="M4")
    after = services.practices.meeting_list(supervisor, 5)
    lines = {line.practice.id: line for g in after.groups for line in g.lines}
    assert set(lines) == {b.id, c.id}  # a closed, M4 too new
    assert lines[b.id].last_decision == "new_due_date" and lines[b.id].practice.due_date == date(2026, 12, 4)
    assert lines[b.id].changes == () and after.closed_since == 1 and after.opened_since == 1
    with pytest.raises(ValidationError):
        services.practices.record_meeting(supervisor, 5, [Decision(c.id, "new_due_date")])
    with pytest.raises(NotFoundError):
        services.practices.record_meeting(supervisor, 5, [Decision(10**6, "remind")])
    assert len(services.practices.meetings(supervisor)) == 1  # the refused ones stored nothing
    with pytest.raises(PermissionDeniedError):
        services.practices.meeting_list(clerk, 5)


# -- handling times ------------------------------------------------------------------------------------------------
def test_handling_times_median_p90_share_and_trend(services: CoreServices, people: dict[str, Actor],
                                                   clock: ManualClock) -> None:
    clerk, questura, supervisor = people["clerk"], people["questura"], people["supervisor"]
    # three RF-NO practices: 2, 4 and 10 working days; the Questura holds each for half its time or more
    for number, wait_days, own_days in (("H1", 1, 1), ("H2", 2, 2), ("H3", 5, 5)):
        clock.set(MONDAY)
        sent = services.practices.send(clerk, "RF-NO", "opinion_family", "2026-12-31", practice_number=number)
        clock.advance(timedelta(days=wait_days if wait_days < 5 else 7))
        services.practices.answer(questura, sent.id)
        clock.advance(timedelta(days=own_days if own_days < 5 else 7))
        services.practices.close(clerk, sent.id)
    figures = services.practices.handling_times(supervisor, "2026-11-01", "2026-11-30")
    (row,) = figures.rows
    assert (row.procedure_code, row.owner, row.closed) == ("RF-NO", "prefettura", 3)
    assert (row.median_days, row.p90_days) == (4.0, 10.0)
    assert row.waiting_share == pytest.approx(0.5)
    assert [(m.month, m.closed) for m in row.by_month] == [("2026-11", 3)]
    assert services.practices.handling_times(supervisor, "2026-10-01", "2026-10-31").rows == ()
    with pytest.raises(PermissionDeniedError):
        services.practices.handling_times(clerk, "2026-11-01", "2026-11-30")


def test_purge_clears_numbers_keeps_times(services: CoreServices, people: dict[str, Actor],
                                          clock: ManualClock) -> None:
    clerk, questura, admin = people["clerk"], people["questura"], people["admin"]
    sent = services.practices.send(clerk, "RF-NO", "opinion_family", "2026-11-10", practice_number="P9")
    services.practices.answer(questura, sent.id)
    services.practices.close(clerk, sent.id)
    clock.advance(timedelta(days=100))
    assert services.practices.purge_practice_numbers(admin, 90) == 1
    row = services.db.read(lambda s: s.get(SharedPractice, sent.id))
    assert row.practice_number is None and row.purged_at is not None
    assert services.db.read(lambda s: len(s.execute(select(PracticeStep.id)).all())) == 3
    assert services.practices.purge_practice_numbers(admin, 90) == 0


def test_the_retention_purge_clears_shared_practices_too(services: CoreServices, people: dict[str, Actor],
                                                         clock: ManualClock) -> None:
    """The office's daily purge (``retention.purge``) clears the number and the messages of shared practices
    closed before the retention period; their steps' times stay for the handling times."""
    clerk, questura, admin = people["clerk"], people["questura"], people["admin"]
    old = services.practices.send(clerk, "RF-NO", "opinion_family", "2026-11-10", practice_number="R1",
                                  note="Il signor Rossi chiede urgenza")
    services.practices.answer(questura, old.id, "Parere reso")
    services.practices.close(clerk, old.id)
    clock.advance(timedelta(days=120))
    recent = services.practices.send(clerk, "RF-NO", "opinion_family", "2027-03-30", practice_number="R2")
    result = services.retention.purge(admin)
    assert result.shared_practices == 1 and result.total >= 1
    rows = services.db.read(lambda s: {r.id: (r.practice_number, r.purged_at is not None)
                                       for r in s.execute(select(SharedPractice)).scalars()})
    assert rows == {old.id: (None, True), recent.id: ("R2", False)}
    notes = services.db.read(lambda s: [(st.practice_id, st.note, st.at is not None) for st in s.execute(
        select(PracticeStep).order_by(PracticeStep.id)).scalars()])
    assert [n for n in notes if n[0] == old.id] == [(old.id, "", True)] * 3
    assert services.retention.purge(admin).shared_practices == 0  # idempotent
