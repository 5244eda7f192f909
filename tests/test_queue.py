"""Every ticket transition and every refusal of the queue engine, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desk_app.clock import ManualClock
from desk_app.core.services import CoreServices
from desk_app.db.models import Ticket, TicketEvent
from desk_app.errors import ConflictError, NotFoundError, QueueEmptyError, ValidationError

# 10:00 in Rome on a winter weekday
MORNING = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def clocked(settings, office, staff):
    """Services on the same database with a clock the test moves."""
    clock = ManualClock(MORNING)
    core = CoreServices.build(settings, clock=clock)
    yield core, clock, staff["clerk"]
    core.close()


def statuses(core: CoreServices) -> dict[str, str]:
    return core.db.read(lambda s: dict(s.execute(select(Ticket.number, Ticket.status)).all()))


def test_numbers_are_per_service_and_day_with_prefix(clocked):
    core, clock, clerk = clocked
    numbers = [core.queue.issue_ticket(clerk, code).number for code in ("RF", "RF", "LEG", "RF", "LAV")]
    assert numbers == ["R001", "R002", "L001", "R003", "N001"]
    clock.advance(timedelta(days=1))
    assert core.queue.issue_ticket(clerk, "RF").number == "R001"


def test_day_boundary_is_local_rome_time(clocked):
    core, clock, clerk = clocked
    clock.set(datetime(2026, 11, 24, 22, 59, tzinfo=UTC))  # 23:59 in Rome
    late = core.queue.issue_ticket(clerk, "RF")
    clock.set(datetime(2026, 11, 24, 23, 1, tzinfo=UTC))  # 00:01 next day in Rome, still the 24th in UTC
    early = core.queue.issue_ticket(clerk, "RF")
    assert (late.day.isoformat(), late.number) == ("2026-11-24", "R001")
    assert (early.day.isoformat(), early.number) == ("2026-11-25", "R001")


def test_full_life_cycle_called_serving_done(clocked):
    core, clock, clerk = clocked
    # needs_mediator=False: a ticket that needs one waits for its mediator (tests/booking/test_mediators.py)
    issued = core.queue.issue_ticket(clerk, "RF", language="ar")
    clock.advance(timedelta(minutes=7))
    called = core.queue.call_next(clerk, "D1")
    assert (called.number, called.status, called.desk_code) == (issued.number, "called", "D1")
    assert called.waited(clock.now()) == timedelta(minutes=7)
    assert core.queue.recall(clerk, "D1").recall_count == 1
    assert core.queue.recall(clerk, "D1").recall_count == 2
    serving = core.queue.start_serving(clerk, "D1")
    assert serving.status == "serving" and serving.serving_at == clock.now()
    clock.advance(timedelta(minutes=12))
    done = core.queue.finish(clerk, "D1", "missing_documents", note="manca il contratto di locazione")
    assert (done.status, done.outcome) == ("done", "missing_documents")
    assert core.queue.current_ticket(clerk, "D1") is None
    actions = core.db.read(lambda s: list(s.execute(select(TicketEvent.action).order_by(TicketEvent.id)).scalars()))
    assert actions == ["issue", "call", "recall", "recall", "serve", "finish"]


def test_call_next_only_takes_the_desks_services(clocked):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "LEG")
    with pytest.raises(QueueEmptyError) as err:
        core.queue.call_next(clerk, "D1")  # D1 serves RF and LAV only
    assert "D1" in err.value.message("it")
    assert core.queue.call_next(clerk, "D3").number == "L001"


def test_priority_goes_first_but_aging_prevents_starvation(clocked):
    core, clock, clerk = clocked
    old_ordinary = core.queue.issue_ticket(clerk, "RF")  # waits 40 minutes
    clock.advance(timedelta(minutes=40))
    recent_ordinary = core.queue.issue_ticket(clerk, "RF")
    clock.advance(timedelta(minutes=1))
    elderly = core.queue.issue_ticket(clerk, "RF", priority="elderly")  # 20-minute head start
    order = []
    for _ in range(3):
        order.append(core.queue.call_next(clerk, "D1").number)
        core.queue.no_show(clerk, "D1")
    # the elderly ticket overtakes the one issued a minute before it, not the one waiting for 41 minutes
    assert order == [old_ordinary.number, elderly.number, recent_ordinary.number]


def test_desk_holds_one_ticket_at_a_time(clocked):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    core.queue.issue_ticket(clerk, "RF")
    core.queue.call_next(clerk, "D1")
    with pytest.raises(ConflictError) as err:
        core.queue.call_next(clerk, "D1")
    assert err.value.code == "desk_busy" and "R001" in err.value.message("en")
    assert statuses(core) == {"R001": "called", "R002": "waiting"}


def test_stale_click_from_another_desk_is_refused_not_overwritten(clocked, staff):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    core.queue.call_next(clerk, "D1")
    with pytest.raises(ConflictError) as err:  # desk D2 still shows R001 as waiting and tries to transfer it away
        core.queue.cancel(staff["clerk2"], "R001", desk_code="D2")
    assert err.value.code == "ticket_taken"
    assert err.value.message("en") == "Ticket R001 was already called by desk D1."
    assert err.value.message("it") == "Il biglietto R001 è già stato chiamato dallo sportello D1."
    with pytest.raises(ConflictError):  # D2 cannot finish, recall or no-show a ticket D1 holds
        core.queue.no_show(staff["clerk2"], "D2", ticket="R001")
    assert statuses(core) == {"R001": "called"}


def test_repeated_click_fails_cleanly(clocked):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    ticket = core.queue.call_next(clerk, "D1")
    core.queue.start_serving(clerk, "D1", ticket=ticket.id)
    with pytest.raises(ConflictError) as err:
        core.queue.start_serving(clerk, "D1", ticket=ticket.id)
    assert err.value.code == "ticket_wrong_state"
    assert "in servizio" in err.value.message("it")
    core.queue.finish(clerk, "D1", ticket=ticket.id)
    with pytest.raises(ConflictError):
        core.queue.finish(clerk, "D1", ticket=ticket.id)
    events = core.db.read(lambda s: s.execute(select(func.count(TicketEvent.id))).scalar())
    assert events == 4  # issue, call, serve, finish: refused clicks wrote nothing


def test_no_show_and_same_day_reactivation(clocked):
    core, clock, clerk = clocked
    first = core.queue.issue_ticket(clerk, "RF")
    clock.advance(timedelta(minutes=1))
    core.queue.issue_ticket(clerk, "RF")
    core.queue.call_next(clerk, "D1")
    assert core.queue.no_show(clerk, "D1").status == "no_show"
    again = core.queue.reactivate(clerk, first.number, desk_code="D1")
    assert again.status == "waiting" and again.desk_code is None
    # back in its original place: called before the ticket issued after it
    assert core.queue.call_next(clerk, "D1").number == first.number


def test_reactivation_refused_on_another_day(clocked):
    core, clock, clerk = clocked
    ticket = core.queue.issue_ticket(clerk, "RF")
    core.queue.call_next(clerk, "D1")
    core.queue.no_show(clerk, "D1")
    clock.advance(timedelta(days=1))
    with pytest.raises(NotFoundError):  # numbers are per day: yesterday's R001 is not today's
        core.queue.reactivate(clerk, ticket.number)
    with pytest.raises(ConflictError) as err:
        core.queue.reactivate(clerk, ticket.id)
    assert err.value.code == "ticket_other_day"


def test_park_and_resume(clocked):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    core.queue.issue_ticket(clerk, "RF")
    core.queue.call_next(clerk, "D1")
    core.queue.start_serving(clerk, "D1")
    parked = core.queue.park(clerk, "D1")
    assert parked.status == "parked"
    assert core.queue.call_next(clerk, "D1").number == "R002"  # the desk is free again
    core.queue.no_show(clerk, "D1")
    assert core.queue.resume(clerk, "R001").status == "waiting"
    assert core.queue.call_next(clerk, "D2").number == "R001"
    with pytest.raises(ConflictError):
        core.queue.resume(clerk, "R001")  # not parked any more


def test_transfer_keeps_number_and_waiting_time(clocked):
    core, clock, clerk = clocked
    rf = core.queue.issue_ticket(clerk, "RF")
    clock.advance(timedelta(minutes=30))
    leg = core.queue.issue_ticket(clerk, "LEG")
    core.queue.call_next(clerk, "D1")
    core.queue.start_serving(clerk, "D1")
    moved = core.queue.transfer(clerk, rf.number, "LEG", desk_code="D1")
    assert (moved.number, moved.service_code, moved.status, moved.transferred_from) == ("R001", "LEG", "waiting",
                                                                                         "RF")
    assert moved.issued_at == rf.issued_at and moved.transfer_count == 1
    # it waited 30 minutes longer than L001, so it is called first in its new queue
    assert core.queue.call_next(clerk, "D3").number == "R001"
    assert core.queue.call_next(clerk, "D2").number == leg.number
    with pytest.raises(ConflictError) as err:
        core.queue.transfer(clerk, "L001", "LEG", desk_code="D2")
    assert err.value.code == "same_service"
    with pytest.raises(NotFoundError):
        core.queue.transfer(clerk, "L001", "NOPE")


def test_cancel_only_waiting_or_parked(clocked):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    core.queue.issue_ticket(clerk, "RF")
    assert core.queue.cancel(clerk, "R002").status == "cancelled"
    core.queue.call_next(clerk, "D1")
    with pytest.raises(ConflictError):
        core.queue.cancel(clerk, "R001")
    with pytest.raises(ConflictError):
        core.queue.reactivate(clerk, "R002")  # cancelled is final
    assert statuses(core) == {"R001": "called", "R002": "cancelled"}


def test_desk_actions_need_a_current_ticket(clocked):
    core, _, clerk = clocked
    for action in (core.queue.recall, core.queue.start_serving, core.queue.no_show, core.queue.park):
        with pytest.raises(ConflictError) as err:
            action(clerk, "D1")
        assert err.value.code == "desk_idle"
    with pytest.raises(ConflictError):
        core.queue.finish(clerk, "D1")


def test_unknown_codes_and_bad_values_store_nothing(clocked):
    core, _, clerk = clocked
    with pytest.raises(NotFoundError):
        core.queue.issue_ticket(clerk, "XX")
    with pytest.raises(ValidationError):
        core.queue.issue_ticket(clerk, "RF", priority="vip")
    with pytest.raises(ValidationError):
        core.queue.issue_ticket(clerk, "RF", language="klingon")
    with pytest.raises(ValidationError):
        core.queue.issue_ticket(clerk, "R\u202eF")
    with pytest.raises(NotFoundError):
        core.queue.call_next(clerk, "D9")
    with pytest.raises(ValidationError):
        core.queue.finish(clerk, "D1", outcome="whatever")
    core.queue.issue_ticket(clerk, "RF")
    core.queue.call_next(clerk, "D1")
    core.queue.start_serving(clerk, "D1")
    with pytest.raises(ValidationError):
        core.queue.finish(clerk, "D1", note="x" * 501)
    with pytest.raises(ValidationError):
        core.queue.finish(clerk, "D1", note="bell\x07")
    assert statuses(core) == {"R001": "serving"}


def test_close_day_closes_leftovers_and_never_renumbers(clocked, staff):
    core, clock, clerk = clocked
    for code in ("RF", "RF", "LEG"):
        core.queue.issue_ticket(clerk, code)
    core.queue.call_next(clerk, "D1")
    clock.advance(timedelta(days=1))
    assert core.queue.close_day(staff["supervisor"]) == 3
    assert set(statuses(core).values()) == {"closed"}
    assert core.queue.close_day(staff["supervisor"]) == 0
    assert core.queue.issue_ticket(clerk, "RF").number == "R001"  # a new day starts at 1
    assert core.queue.call_next(clerk, "D1").number == "R001"  # yesterday's call no longer holds the desk


def test_summary_counts_waiting_and_longest_wait(clocked):
    core, clock, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    clock.advance(timedelta(minutes=10))
    core.queue.issue_ticket(clerk, "RF")
    core.queue.issue_ticket(clerk, "LEG")
    clock.advance(timedelta(minutes=5))
    summary = {q.service_code: q for q in core.queue.summary(clerk, "D2")}
    assert set(summary) == {"RF", "LAV", "LEG"}
    assert (summary["RF"].waiting, summary["RF"].longest_wait) == (2, timedelta(minutes=15))
    assert (summary["LEG"].waiting, summary["LEG"].longest_wait) == (1, timedelta(minutes=5))
    assert (summary["LAV"].waiting, summary["LAV"].longest_wait) == (0, timedelta(0))
    waiting = core.queue.tickets(clerk, desk_code="D3")
    assert [t.number for t in waiting] == ["L001"]


def test_the_next_start_closes_earlier_days(clocked, settings):
    core, clock, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    assert core.close_previous_days() == 0  # today's ticket stays open
    clock.advance(timedelta(days=1))
    assert core.close_previous_days() == 1
    assert statuses(core) == {"R001": "closed"}


def test_another_desk_cannot_transfer_a_ticket_at_a_desk(clocked, staff):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    core.queue.call_next(clerk, "D1")
    core.queue.start_serving(clerk, "D1")
    with pytest.raises(ConflictError) as err:  # D2's list still shows R001 waiting
        core.queue.transfer(staff["clerk2"], "R001", "LEG", desk_code="D2")
    assert err.value.code == "ticket_taken" and err.value.params["desk"] == "D1"
    with pytest.raises(ConflictError):  # nor from the command line without a desk
        core.queue.transfer(clerk, "R001", "LEG")
    assert statuses(core) == {"R001": "serving"}
    assert core.queue.transfer(clerk, "R001", "LEG", desk_code="D1").status == "waiting"  # its own desk may


def test_a_prefix_printed_today_cannot_move_to_another_service(clocked, system_actor):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")  # R001
    setup = {"office": {"code": "LODI", "name": "Prefettura di Lodi"},
             "service": [{"code": "RF", "name": "Ricongiungimento", "prefix": "F"},
                         {"code": "RES", "name": "Residenza", "prefix": "R"}]}
    with pytest.raises(ValidationError) as err:
        core.offices.apply(system_actor, setup)
    assert err.value.code == "prefix_in_use" and "«R»" in err.value.message("it")
    assert [s.prefix for s in core.offices.view().services if s.code == "RF"] == ["R"]
    setup["service"][0]["prefix"] = "R"
    setup["service"][1]["prefix"] = "S"
    assert {s.code for s in core.offices.apply(system_actor, setup).services} >= {"RF", "RES"}


def test_transfer_to_a_desk_keeps_the_place_and_only_that_desk_calls_it(clocked, staff):
    core, clock, clerk = clocked
    first = core.queue.issue_ticket(clerk, "RF")  # R001, the longest waiting
    clock.advance(timedelta(minutes=5))
    core.queue.issue_ticket(clerk, "RF")  # R002
    core.queue.call_next(clerk, "D1")
    moved = core.queue.transfer(clerk, first.id, desk_code="D1", to_desk="D3")
    assert (moved.status, moved.service_code, moved.reserved_desk, moved.transfer_count) == ("waiting", "RF", "D3", 1)
    assert moved.sort_key == first.sort_key and moved.desk_code is None
    listed = {t.number: t for t in core.queue.tickets(clerk)}
    assert listed["R001"].reserved_desk == "D3" and listed["R002"].reserved_desk is None
    # D2 serves RF but R001 is D3's: D2 gets R002 although R001 waited longer
    assert core.queue.call_next(staff["clerk2"], "D2").number == "R002"
    with pytest.raises(QueueEmptyError):
        core.queue.call_next(clerk, "D1")
    # D3 does not serve RF, yet it calls the ticket reserved for it
    assert core.queue.call_next(clerk, "D3").number == "R001"
    events = core.db.read(lambda s: s.execute(select(TicketEvent.action, TicketEvent.to_status).where(
        TicketEvent.ticket_id == first.id).order_by(TicketEvent.id)).all())
    assert [tuple(e) for e in events] == [("issue", "waiting"), ("call", "called"), ("transfer", "waiting"),
                                          ("call", "called")]


def test_transfer_to_a_colleague_follows_them_to_any_desk_and_is_audited(clocked, staff):
    from desk_app.db.models import AuditEvent

    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "LEG")  # L001: D2 and D3 serve LEG, D1 does not
    core.queue.issue_ticket(clerk, "LEG")  # L002
    moved = core.queue.transfer(clerk, "L001", to_staff="clerk2")
    assert (moved.reserved_staff, moved.reserved_desk) == ("Clerk2", None)
    assert core.queue.call_next(clerk, "D3").number == "L002"  # not clerk2: the reserved one is skipped
    with pytest.raises(QueueEmptyError):
        core.queue.call_next(clerk, "D2")
    assert core.queue.call_next(staff["clerk2"], "D1").number == "L001"  # wherever the colleague sits
    audit = core.db.read(lambda s: s.execute(select(AuditEvent.action, AuditEvent.object_id, AuditEvent.detail)
                                             .where(AuditEvent.action == "ticket.transfer")).all())
    assert [(a, o, d["to_staff"]) for a, o, d in audit] == [("ticket.transfer", "L001", "clerk2")]
    # a transfer to a service lifts the reservation
    core.queue.issue_ticket(clerk, "RF")
    core.queue.transfer(clerk, "R001", to_desk="D1")
    assert core.queue.transfer(clerk, "R001", "LAV").reserved_desk is None
    assert core.queue.call_next(clerk, "D2").number == "R001"


def test_transfer_names_one_known_target(clocked, staff):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")
    for kwargs, code in (({}, "transfer_target"), ({"to_desk": "D2", "to_staff": "clerk2"}, "transfer_target"),
                         ({"to_service": "LEG", "to_desk": "D2"}, "transfer_target"),
                         ({"to_desk": "D9"}, "unknown_desk"), ({"to_staff": "mediator"}, "unknown_staff"),
                         ({"to_staff": "nobody"}, "unknown_staff")):
        with pytest.raises((ValidationError, NotFoundError)) as err:
            core.queue.transfer(clerk, "R001", **kwargs)
        assert err.value.code == code, kwargs
    assert statuses(core) == {"R001": "waiting"}
    assert core.db.read(lambda s: s.execute(select(Ticket.target_desk_id, Ticket.target_staff_id)).one()) == (None,
                                                                                                             None)
    targets = core.queue.transfer_targets(clerk)
    assert [c for c, _ in targets.desks] == ["D1", "D2", "D3"] and [c for c, _ in targets.services] == [
        "LAV", "LEG", "RF"]
    usernames = [u for u, _ in targets.colleagues]
    assert "clerk2" in usernames and "clerk" not in usernames and "mediator" not in usernames


def test_a_desk_lists_what_was_transferred_to_it_or_to_its_clerk(clocked, staff):
    core, _, clerk = clocked
    core.queue.issue_ticket(clerk, "RF")  # R001: D3 serves LEG only
    core.queue.issue_ticket(clerk, "RF")  # R002
    assert [t.number for t in core.queue.tickets(clerk, desk_code="D3")] == []
    core.queue.transfer(clerk, "R001", to_desk="D3")
    core.queue.transfer(clerk, "R002", to_staff="clerk2")
    assert [t.number for t in core.queue.tickets(clerk, desk_code="D3")] == ["R001"]
    assert [t.number for t in core.queue.tickets(staff["clerk2"], desk_code="D3")] == ["R001", "R002"]
    assert [(t.number, t.reserved_desk, t.reserved_staff) for t in core.queue.tickets(clerk, desk_code="D1")] == [
        ("R001", "D3", None), ("R002", None, "Clerk2")]
