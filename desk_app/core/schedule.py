"""Weekly opening patterns and local wall-clock times, shared by appointment calendars and mediator rosters.

Staff write weekly patterns the way they say them, in English or Italian
weekday names: ``"mon-fri 09:00-12:30, tue 14:00-16:00"`` (appointments) or
``"lun-ven 09:00-13:00 in_person; mar 14:00-16:00 phone"`` (mediators, with a
mode). Times are the office's wall clock; :func:`at_local` turns a day and a
wall-clock time into UTC with :mod:`zoneinfo`, so 09:00 stays 09:00 across the
daylight-saving changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from desk_app.clock import zone
from desk_app.core.validation import check_date
from desk_app.errors import ValidationError

_DAY_NAMES = (
    ("mon", "lun"),
    ("tue", "mar"),
    ("wed", "mer"),
    ("thu", "gio"),
    ("fri", "ven"),
    ("sat", "sab"),
    ("sun", "dom"),
)
WEEKDAY_BY_NAME = {name: index for index, names in enumerate(_DAY_NAMES) for name in names}
#: English short names by weekday number (0 = Monday), for output.
WEEKDAY_NAMES = tuple(names[0] for names in _DAY_NAMES)

_TIME_RE = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_ENTRY_RE = re.compile(
    r"(?P<first>[a-z]{3})(?:-(?P<last>[a-z]{3}))?\s+(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})"
    r"(?:\s+(?P<mode>[a-z_]+))?"
)


@dataclass(frozen=True)
class WeeklyPeriod:
    """A period on a weekday (0 = Monday), wall-clock times, with an optional mode (mediators)."""

    weekday: int
    start: time
    end: time
    mode: str | None = None

    def describe(self) -> str:
        mode = f" {self.mode}" if self.mode else ""
        return f"{WEEKDAY_NAMES[self.weekday]} {hhmm(self.start)}-{hhmm(self.end)}{mode}"


def parse_time(value: str | time) -> time:
    """``HH:MM`` (24 h) as a :class:`time`; anything else raises ``bad_time``."""
    if isinstance(value, time):
        return value
    match = _TIME_RE.fullmatch((value or "").strip())
    if match is None:
        raise ValidationError("bad_time", value=str(value)[:20])
    return time(int(match.group(1)), int(match.group(2)))


def hhmm(moment: time | datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def parse_weekly(spec: str, modes: Iterable[str] | None = None) -> list[WeeklyPeriod]:
    """Parse a weekly pattern; entries are separated by ``,`` or ``;``.

    Args:
        spec: e.g. ``"mon-fri 09:00-12:30, sat 09:00-12:00"``.
        modes: allowed modes; when given every entry must name one (mediator availability),
            when ``None`` no entry may (appointment hours).

    Raises ``bad_hours`` for anything it cannot read, ``bad_period`` when an end is not after its start.
    """
    allowed = tuple(modes) if modes is not None else None
    periods: list[WeeklyPeriod] = []
    for raw in re.split(r"[,;]", (spec or "").strip().lower()):
        entry = " ".join(raw.split())
        if not entry:
            continue
        match = _ENTRY_RE.fullmatch(entry)
        if match is None or match["first"] not in WEEKDAY_BY_NAME or (
            match["last"] is not None and match["last"] not in WEEKDAY_BY_NAME
        ):
            raise ValidationError("bad_hours", value=entry[:60])
        mode = match["mode"]
        if (allowed is None) != (mode is None) or (allowed is not None and mode not in allowed):
            raise ValidationError("bad_hours", value=entry[:60])
        first = WEEKDAY_BY_NAME[match["first"]]
        last = WEEKDAY_BY_NAME[match["last"]] if match["last"] else first
        if last < first:
            raise ValidationError("bad_hours", value=entry[:60])
        start, end = parse_time(match["start"]), parse_time(match["end"])
        if end <= start:
            raise ValidationError("bad_period", start=hhmm(start), end=hhmm(end))
        periods.extend(WeeklyPeriod(day, start, end, mode) for day in range(first, last + 1))
    if not periods:
        raise ValidationError("bad_hours", value=(spec or "")[:60])
    return sorted(periods, key=lambda p: (p.weekday, p.start))


def at_local(day: date, wall_clock: time, tz: str) -> datetime:
    """The UTC instant of ``wall_clock`` on ``day`` in ``tz``."""
    return datetime.combine(day, wall_clock, tzinfo=zone(tz)).astimezone(UTC)


def parse_local(value: str | datetime, tz: str) -> datetime:
    """``YYYY-MM-DD HH:MM`` (or ``T`` between) in the office's wall clock, as aware UTC; aware input passes."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValidationError("bad_date", value=value.isoformat())
        check_date(value.date())  # 9999-12-31 would be stored (a mediator booking) or overflow a day later
        return value.astimezone(UTC)
    text = (value or "").strip().replace("T", " ")
    day_text, _, time_text = text.partition(" ")
    try:
        day = date.fromisoformat(day_text)
    except ValueError as exc:
        raise ValidationError("bad_date", value=text[:40]) from exc
    return at_local(check_date(day), parse_time(time_text), tz)


def local_label(moment: datetime, tz: str) -> tuple[str, str]:
    """``(YYYY-MM-DD, HH:MM)`` of ``moment`` on the office's wall clock, for messages."""
    local = moment.astimezone(zone(tz))
    return local.date().isoformat(), hhmm(local)
