"""The project's monitoring indicators (issue 11 item 3): anonymous, for a quarter or the whole project period,
counted against the same data by hand; the print records they count."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from report_data import generate
from sqlalchemy import select

from desk_app.clock import ManualClock
from desk_app.core.reports import PROJECT_PERIOD, indicator_period
from desk_app.db.models import Ticket
from desk_app.db.models_reports import PrintRecord
from desk_app.errors import PermissionDeniedError, ValidationError


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))


@pytest.mark.parametrize(("name", "expected"), [
    ("2026-Q3", (date(2026, 7, 1), date(2026, 9, 30), "2026-Q3")),
    ("2026-q4", (date(2026, 10, 1), date(2026, 12, 31), "2026-Q4")),
    ("2025-Q1", (date(2025, 1, 1), date(2025, 3, 31), "2025-Q1")),
    ("project", (*PROJECT_PERIOD, "FAMI-2021-2027")),
    ("last-quarter", (date(2026, 7, 1), date(2026, 9, 30), "2026-Q3")),
])
def test_indicator_periods(name, expected):
    assert indicator_period(name, date(2026, 11, 16)) == expected


@pytest.mark.parametrize("name", ["2026-Q5", "2026", "Q3", "", "next-year"])
def test_a_bad_period_is_one_clear_refusal(name):
    with pytest.raises(ValidationError) as refused:
        indicator_period(name, date(2026, 11, 16))
    assert refused.value.code == "bad_choice"


def test_indicators_count_people_served_prints_and_mediator_hours(services, staff, clock):
    data = generate(services, date(2026, 9, 21), days=12, per_day=40, seed=8)  # September and October
    clerk, boss = staff["clerk"], staff["supervisor"]
    reports = services.reports
    for kind, language in (("exploitation", "ar"), ("exploitation", "ar"), ("instructions", "ur"), ("ticket", "it")):
        reports.record_print(clerk, kind, language)
    with pytest.raises(PermissionDeniedError):
        reports.record_print(staff["mediator"], "instructions", "ar")
    with pytest.raises(ValidationError):
        reports.record_print(clerk, "poster", "ar")
    services.mediators.add_mediator(boss, "AR1", "Samira", {"ar": 4})
    services.mediators.set_availability(boss, "AR1", "mon-sat 08:00-18:00 in_person")
    start = clock.now() + timedelta(hours=1)
    booking = services.mediators.book(clerk, "ar", start, start + timedelta(minutes=90), mediator_code="AR1")
    services.mediators.mark_present(boss, booking.entry.id)

    result = reports.indicators(boss, "2026-Q4")
    assert (result.first, result.last, result.label) == (date(2026, 10, 1), date(2026, 12, 31), "2026-Q4")
    expected: Counter[tuple[str, str, str]] = Counter()
    for day, language in services.db.read(lambda s: s.execute(select(Ticket.day, Ticket.language).where(
            Ticket.status == "done", Ticket.day >= date(2026, 10, 1))).all()):
        expected[(f"{day:%Y-%m}", "", language or "")] += 1
    assert {(m, p, lang): n for m, p, lang, n in result.served} == dict(expected) and expected
    assert result.prints == [("exploitation", "ar", 2), ("instructions", "ur", 1), ("ticket", "it", 1)]
    assert result.exploitation_sheets == 2 and result.referrals == 0  # none made: a counted zero (issue 15)
    assert result.mediator_hours == [("ar", pytest.approx(1.5), pytest.approx(1.5))]
    # the whole project period holds September as well
    whole = reports.indicators(boss, "project")
    assert sum(n for *_, n in whole.served) > sum(n for *_, n in result.served)
    assert {m for m, *_ in whole.served} == {"2026-09", "2026-10"}
    text = reports.indicators_csv(result)
    assert "invii;" in text and "ore_mediatori_presenti;;;ar;;1,50" in text
    # anonymous: a print record has no column that could name anyone
    assert set(PrintRecord.__table__.columns.keys()) == {"id", "office_id", "day", "kind", "language", "copies"}
    assert data.tickets > 0


def test_indicators_need_the_report_permission(services, staff):
    with pytest.raises(PermissionDeniedError):
        services.reports.indicators(staff["clerk"], "project")
