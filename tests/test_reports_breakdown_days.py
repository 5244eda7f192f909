"""The breakdowns from per-day parts (desk_app/core/breakdown_days.py, issue 11) equal the engine before them
(tests/report_reference.py: every ticket and LAG() interval grouped in Python) on randomised data, on both
databases: counted live, read back from the stored parts, after the day close stored them, after a service's target
changed, after a case moved to another day's ticket, and over any sub-range."""

from __future__ import annotations

import dataclasses
import itertools
import math
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_data import generate
from report_reference import reference_breakdowns
from sqlalchemy import func, select, update

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.reports import DIMENSIONS, BreakdownRow, ReportService
from desk_app.db.models import Service, Ticket
from desk_app.db.models_breakdowns import ReportBreakdownDay, ReportBreakdownPart
from desk_app.db.models_content import Case, ProcedureVersion

BASE = date(2025, 1, 6)
#: Per database of the hypothesis test: examples so far (each writes its own fortnight) and the supervisor.
_EXAMPLES: dict[int, dict[str, Any]] = {}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2199, 1, 1, 9, 0, tzinfo=UTC))


def _same(new: dict[str, list[BreakdownRow]], old: dict[str, list[BreakdownRow]]) -> None:
    """Every figure equal; averages to 1e-12 (the new engine sums with math.fsum, order-independent)."""
    assert list(new) == list(old) == list(DIMENSIONS)
    for dimension in DIMENSIONS:
        assert [r.key for r in new[dimension]] == [r.key for r in old[dimension]], dimension
        for a, b in zip(new[dimension], old[dimension], strict=True):
            fa, fb = dataclasses.asdict(a), dataclasses.asdict(b)
            for name in ("wait_avg", "service_avg"):
                x, y = fa.pop(name), fb.pop(name)
                assert (x is None) == (y is None), (dimension, a.key, name)
                assert x is None or math.isclose(x, y, rel_tol=1e-12, abs_tol=1e-12), (dimension, a.key, name)
            assert fa == fb, (dimension, a.key)


def _reference(core: Any, office_id: int, first: date, last: date) -> dict[str, list[BreakdownRow]]:
    timezone = core.offices.view().timezone
    return core.db.read(lambda s: reference_breakdowns(s, office_id, timezone, first, last))


def _attach_cases(core: Any, first: date, last: date, rng: random.Random, count: int) -> None:
    """``count`` counter checks on random tickets of the range, on random procedures (several on one ticket:
    the smallest code is its procedure)."""
    def work(session: Any) -> None:
        versions = session.execute(select(ProcedureVersion.id)).scalars().all()
        tickets = session.execute(select(Ticket.id, Ticket.office_id, Ticket.issued_at).where(
            Ticket.day.between(first, last))).all()
        for ticket_id, office_id, issued_at in rng.sample(tickets, min(count, len(tickets))):
            session.add(Case(office_id=office_id, procedure_version_id=rng.choice(versions), ticket_id=ticket_id,
                             language="it", status="open", note="", visits=1, opened_at=issued_at,
                             updated_at=issued_at))

    core.db.write(work)


def _move_a_case(core: Any, rng: random.Random) -> bool:
    """A case reopened on another ticket (another day): its old day's procedure figures change."""
    def work(session: Any) -> bool:
        cases = session.execute(select(Case.id).order_by(Case.id)).scalars().all()
        tickets = session.execute(select(Ticket.id).order_by(Ticket.id)).scalars().all()
        if not cases:
            return False
        session.execute(update(Case).where(Case.id == rng.choice(cases)).values(ticket_id=rng.choice(tickets)))
        return True

    return bool(core.db.write(work))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), days=st.integers(1, 6), per_day=st.integers(3, 35),
       targets=st.lists(st.integers(1, 45), min_size=3, max_size=3), cases=st.integers(0, 12),
       day_close=st.booleans(), today_is_last=st.booleans(), sub=st.tuples(st.integers(0, 5), st.integers(0, 5)))
def test_breakdowns_from_day_parts_equal_the_engine_before_them(services, clock, seed, days, per_day, targets,
                                                                cases, day_close, today_is_last, sub):
    state = _EXAMPLES.setdefault(id(services), {"number": itertools.count(), "boss": None})
    first = BASE + timedelta(days=14 * next(state["number"]))
    data = generate(services, first, days=days, per_day=per_day, seed=seed)
    if state["boss"] is None:
        services.content.load(Actor.system("cli:test"))
        services.staff.add_staff(Actor.system("cli:test"), "capo", "Capo", "supervisor", "capo-password", "LODI")
        state["boss"] = services.staff.login("capo", "capo-password")
    boss = state["boss"]
    rng = random.Random(seed)
    _attach_cases(services, data.first, data.last, rng, cases)
    # a day still open to reports (today) is counted live and never stored
    clock.set(datetime.combine(data.last, datetime.min.time(), tzinfo=UTC) + timedelta(hours=14)
              if today_is_last else datetime(2199, 1, 1, 9, 0, tzinfo=UTC))
    if day_close:
        services.reports.summarize_closed_days(Actor.system("app-start"))
    reference = _reference(services, data.office_id, data.first, data.last)
    _same(services.reports.breakdowns(boss, data.first, data.last).tables, reference)  # live, then stored
    stored = set(services.db.read(lambda s: s.execute(select(ReportBreakdownDay.day).where(
        ReportBreakdownDay.day.between(data.first, data.last))).scalars().all()))
    with_tickets = set(services.db.read(lambda s: s.execute(select(Ticket.day).where(
        Ticket.day.between(data.first, data.last)).distinct()).scalars().all()))
    assert stored == (with_tickets - {data.last} if today_is_last else with_tickets)
    _same(services.reports.breakdowns(boss, data.first, data.last).tables, reference)  # from the parts
    # the targets now (every stored wait is kept per service, so % within target follows them)
    services.db.write(lambda s: [s.execute(update(Service).where(Service.code == code).values(
        target_wait_minutes=target)) for code, target in zip(("RF", "LAV", "LEG"), targets, strict=True)])
    _move_a_case(services, rng)
    _same(services.reports.breakdowns(boss, data.first, data.last).tables,
          _reference(services, data.office_id, data.first, data.last))
    low, high = sorted(sub)
    part_first, part_last = data.first + timedelta(days=low), data.first + timedelta(days=high)
    _same(services.reports.breakdowns(boss, part_first, part_last).tables,
          _reference(services, data.office_id, part_first, part_last))


def test_a_stored_day_is_read_from_its_parts_not_its_events(services, clock):
    """Proof that the parts are what a later report reads: doctored parts show in the report; a day whose
    tickets changed since is counted again from its events."""
    data = generate(services, date(2026, 10, 1), days=3, per_day=30, seed=7)
    services.staff.add_staff(Actor.system("cli:test"), "capo", "Capo", "supervisor", "capo-password", "LODI")
    boss = services.staff.login("capo", "capo-password")
    assert services.reports.summarize_closed_days(Actor.system("app-start")) == 3
    before = services.reports.breakdowns(boss, data.first, data.last)
    services.db.write(lambda s: s.execute(update(ReportBreakdownPart).where(
        ReportBreakdownPart.day == data.first, ReportBreakdownPart.dimension == "all").values(recalls=1000)))
    doctored = services.reports.breakdowns(boss, data.first, data.last)
    assert doctored.tables["day"][0].recalls == 1000 != before.tables["day"][0].recalls
    assert doctored.tables["day"][1:] == before.tables["day"][1:]
    # one more ticket on the first day (as `desk-admin demo --date` writes past days): that day is counted again
    services.db.write(lambda s: s.execute(update(ReportBreakdownDay).where(
        ReportBreakdownDay.day == data.first).values(issued=ReportBreakdownDay.issued + 1)))
    again = services.reports.breakdowns(boss, data.first, data.last)
    _same(again.tables, _reference(services, data.office_id, data.first, data.last))
    marker = services.db.read(lambda s: s.execute(select(ReportBreakdownDay.issued).where(
        ReportBreakdownDay.day == data.first)).scalar_one())
    assert marker == services.db.read(lambda s: s.execute(select(func.count()).select_from(Ticket).where(
        Ticket.day == data.first)).scalar_one())
    assert ReportService.breakdowns_csv(again) == ReportService.breakdowns_csv(before)
