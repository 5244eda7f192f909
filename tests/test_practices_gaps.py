"""Shared practices (issue 16), the gaps closed after the first cut, on SQLite files and PostgreSQL: every move
is published on the change feed (kind ``practice``, no practice number), and "one open shared practice per
practice number" is kept by the database too (a partial unique index), so two desks sending the same number at
once end with one practice and one clear sentence."""

from __future__ import annotations

import contextlib
import threading
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.practices import Decision, PracticeView
from desk_app.core.services import CoreServices
from desk_app.db.engine import Database
from desk_app.db.feed import Change, ChangeFeed
from desk_app.db.models_practices import SharedPractice
from desk_app.errors import ConflictError

#: Monday 2026-11-02, 09:00 in Rome.
MONDAY = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
NUMBER = "P-LO/RF/2026/000117"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(MONDAY)


@pytest.fixture
def people(services: CoreServices, system_actor: Actor, staff: dict[str, Actor]) -> dict[str, Actor]:
    services.content.load(system_actor)
    services.staff.add_staff(system_actor, "questura1", "Ufficio Immigrazione", "questura", "questura-password",
                             "LODI")
    return {**staff, "questura": services.staff.login("questura1", "questura-password")}


def _collect(feed: ChangeFeed, want: int, timeout: float = 10.0) -> list[Change]:
    got: list[Change] = []
    deadline = time.monotonic() + timeout
    while len(got) < want and time.monotonic() < deadline:
        got += [c for c in feed.wait(0.2) if c.kind == "practice"]
    return got


def test_every_move_is_published_without_the_practice_number(services: CoreServices, people: dict[str, Actor],
                                                             db_url: str) -> None:
    listener = Database(db_url)  # another desk's engine: it never wrote anything
    office_id = services.offices.view().id
    feed = ChangeFeed(listener, office_id=office_id)
    feed.start_listening()
    try:
        clerk, questura, supervisor = people["clerk"], people["questura"], people["supervisor"]
        sent = services.practices.send(clerk, "RF-NO", "opinion_family", "2026-11-20", practice_number=NUMBER)
        services.practices.send_back(questura, sent.id, "missing_documents")
        services.practices.answer(clerk, sent.id)
        services.practices.answer(questura, sent.id)
        services.practices.send_again(clerk, sent.id, "opinion_family", "2026-11-27")
        services.practices.answer(questura, sent.id)
        services.practices.close(clerk, sent.id)
        services.practices.record_meeting(supervisor, 0, [Decision(sent.id, "noted")])
        changes = _collect(feed, 8)
        assert [(c.action, c.data.get("status")) for c in changes] == [
            ("send", "waiting"), ("return", "returned"), ("answer", "waiting"), ("answer", "answered"),
            ("send", "waiting"), ("answer", "answered"), ("close", "closed"), ("meeting", None)]
        assert {c.office_id for c in changes} == {office_id}
        assert all(c.data["practice"] == sent.id for c in changes[:-1])
        assert NUMBER not in "".join(c.to_json() for c in changes)  # the feed is not audited: no number on it
    finally:
        feed.stop()
        listener.dispose()


def test_a_refused_move_publishes_nothing(services: CoreServices, people: dict[str, Actor], db_url: str) -> None:
    listener = Database(db_url)
    feed = ChangeFeed(listener, office_id=services.offices.view().id)
    feed.start_listening()
    try:
        sent = services.practices.send(people["clerk"], "RF-NO", "opinion_family", "2026-11-20",
                                       practice_number=NUMBER)
        with pytest.raises(ConflictError):
            services.practices.close(people["clerk"], sent.id)  # waits on the Questura: not the clerk's turn
        changes = _collect(feed, 2, timeout=1.5)
        assert [c.action for c in changes] == ["send"]
    finally:
        feed.stop()
        listener.dispose()


def _open_rows(services: CoreServices) -> int:
    return services.db.read(lambda s: s.execute(select(func.count()).select_from(SharedPractice).where(
        SharedPractice.practice_number == NUMBER, SharedPractice.status != "closed")).scalar_one())


def test_the_database_refuses_a_second_open_practice_with_the_same_number(services: CoreServices,
                                                                          people: dict[str, Actor]) -> None:
    first = services.practices.send(people["clerk"], "RF-NO", "opinion_family", "2026-11-20",
                                    practice_number=NUMBER)
    row = services.db.read(lambda s: s.get(SharedPractice, first.id))
    assert row is not None

    def insert(status: str, waiting_on: str | None) -> None:
        def work(session: Session) -> None:
            session.add(SharedPractice(office_id=row.office_id, practice_number=NUMBER, procedure_code="RF-NO",
                                       owner="prefettura", status=status, waiting_on=waiting_on,
                                       reason="opinion_family", opened_at=MONDAY, sent_at=MONDAY,
                                       updated_at=MONDAY))
        services.db.write(work)

    with pytest.raises(IntegrityError):  # past the service's check, straight to the table
        insert("answered", "prefettura")
    insert("closed", None)  # closed ones do not count: a number is shared again once its practice is closed
    assert _open_rows(services) == 1


def test_two_desks_sending_the_same_number_at_once_end_with_one_practice(services: CoreServices,
                                                                         people: dict[str, Actor],
                                                                         backend: str) -> None:
    """Both sends pass the service's check before either inserts (on PostgreSQL, held together by a barrier at
    the insert's flush); the index refuses the second, which gets the check's own sentence. SQLite serialises
    its writers (BEGIN IMMEDIATE), so there the barrier times out and the second send meets the check."""
    clerk, supervisor = people["clerk"], people["supervisor"]
    barrier = threading.Barrier(2, timeout=3 if backend == "postgresql" else 0.5)

    def hold(session: Session, _context: Any, _instances: Any) -> None:
        if any(isinstance(o, SharedPractice) for o in session.new):
            with contextlib.suppress(threading.BrokenBarrierError):  # SQLite: the other writer waits its turn
                barrier.wait()

    results: list[PracticeView | BaseException] = []
    lock = threading.Lock()

    def send(actor: Actor) -> None:
        try:
            outcome: PracticeView | BaseException = services.practices.send(
                actor, "RF-NO", "opinion_family", "2026-11-20", practice_number=NUMBER)
        except BaseException as exc:  # noqa: BLE001 - the test looks at what each desk got
            outcome = exc
        with lock:
            results.append(outcome)

    event.listen(Session, "before_flush", hold)
    try:
        threads = [threading.Thread(target=send, args=(actor,)) for actor in (clerk, supervisor)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        event.remove(Session, "before_flush", hold)
    sent = [r for r in results if isinstance(r, PracticeView)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(sent) == 1 and len(refused) == 1, results
    error = refused[0]
    assert isinstance(error, ConflictError) and error.code == "practice_already_shared"
    assert NUMBER in error.message("it")
    assert str(sent[0].id) in error.message("en")  # names the practice that won
    if backend == "postgresql":
        assert isinstance(error.__cause__, IntegrityError)  # it was the index, not the check, that refused
    assert _open_rows(services) == 1
