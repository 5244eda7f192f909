"""Fixtures of the booking tests: a manual clock on Tuesday 1 December 2026, 08:00 in Lodi, and an RF calendar."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from booking_support import TODAY, TZ

from desk_app.clock import ManualClock, zone
from desk_app.core.appointments import CalendarView
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime.combine(TODAY, time(8, 0), tzinfo=zone(TZ)))


@pytest.fixture
def calendar(services: CoreServices, staff: dict[str, Actor]) -> CalendarView:
    """RF takes appointments Monday to Friday 09:00-12:00: 20-minute slots, 2 places, 15 minutes either side."""
    return services.appointments.set_calendar(
        staff["supervisor"], "RF", hours="mon-fri 09:00-12:00", slot_minutes=20, capacity=2,
        early_minutes=15, late_minutes=15, horizon_days=60,
    )

