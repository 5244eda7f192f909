"""The clock seam: services ask a :class:`Clock` for the time, so tests and the demo can move it.

Timestamps are aware UTC; the office's day is the local date in its time zone
(Europe/Rome by default), computed with :mod:`zoneinfo` (``tzdata`` on Windows).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Europe/Rome"


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, aware, in UTC."""
        ...


class SystemClock:
    """The real time."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to: for simulations (``desk-admin demo``) and tests."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware start time")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment.astimezone(UTC)


@lru_cache(maxsize=16)
def zone(name: str = DEFAULT_TZ) -> ZoneInfo:
    return ZoneInfo(name)


def local_day(moment: datetime, tz: str = DEFAULT_TZ) -> date:
    """The calendar day of ``moment`` in the office's time zone."""
    return moment.astimezone(zone(tz)).date()


def local_time(moment: datetime, tz: str = DEFAULT_TZ) -> datetime:
    return moment.astimezone(zone(tz))


def staff_time(moment: datetime | None, tz: str | None = None) -> str:
    """``moment`` (aware) as staff read it in a sentence: dd/mm/yyyy HH:MM in ``tz`` (the office's zone; Rome
    when none is set); "?" when unknown."""
    return f"{local_time(moment, tz or DEFAULT_TZ):%d/%m/%Y %H:%M}" if moment is not None else "?"


def day_start_utc(day: date, tz: str = DEFAULT_TZ) -> datetime:
    """Midnight at the start of ``day`` in ``tz``, as UTC (correct across daylight-saving changes)."""
    return datetime(day.year, day.month, day.day, tzinfo=zone(tz)).astimezone(UTC)
