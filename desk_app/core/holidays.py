"""Days an Italian office is closed by law or custom, offered as closures by the calendar editor (issue 12).

National holidays (Law 260/1949 and its amendments; 4 October, San Francesco d'Assisi, again from 2026 by
Law 151/2025) and the patron saint's day of the office's town, which is a local holiday there. Easter comes from
``dateutil.easter`` (Western, Gregorian). Names are Italian: they are the closures' reasons, which the office
prints and reads in Italian. Nothing here reads the database or the clock: the caller gives the dates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

#: Fixed-date national holidays: (month, day, name).
_FIXED: tuple[tuple[int, int, str], ...] = (
    (1, 1, "Capodanno"),
    (1, 6, "Epifania"),
    (4, 25, "Festa della Liberazione"),
    (5, 1, "Festa del Lavoro"),
    (6, 2, "Festa della Repubblica"),
    (8, 15, "Assunzione (Ferragosto)"),
    (11, 1, "Ognissanti"),
    (12, 8, "Immacolata Concezione"),
    (12, 25, "Natale"),
    (12, 26, "Santo Stefano"),
)
#: 4 October is a national holiday again from this year on.
_SAN_FRANCESCO_FROM = 2026
#: Patron saints of the towns of the Prefetture (lower-case town name -> (saint, month, day)). Lodi first: the
#: pilot office.
PATRON_SAINTS: dict[str, tuple[str, int, int]] = {
    "lodi": ("San Bassiano", 1, 19),
    "milano": ("Sant'Ambrogio", 12, 7),
    "roma": ("Santi Pietro e Paolo", 6, 29),
    "torino": ("San Giovanni Battista", 6, 24),
    "firenze": ("San Giovanni Battista", 6, 24),
    "genova": ("San Giovanni Battista", 6, 24),
    "napoli": ("San Gennaro", 9, 19),
    "bologna": ("San Petronio", 10, 4),
    "venezia": ("San Marco", 4, 25),
    "cremona": ("Sant'Omobono", 11, 13),
    "pavia": ("San Siro", 12, 9),
    "bergamo": ("Sant'Alessandro", 8, 26),
    "brescia": ("Santi Faustino e Giovita", 2, 15),
    "piacenza": ("Sant'Antonino", 7, 4),
}


@dataclass(frozen=True)
class Holiday:
    """A day the office is closed: ``local`` for the town's patron saint, else national."""

    day: date
    name: str
    local: bool = False


def national_holidays(year: int) -> list[Holiday]:
    """Italy's national holidays of ``year``, by date (Easter Sunday and Monday included)."""
    found = [Holiday(date(year, month, day), name) for month, day, name in _FIXED]
    sunday = easter(year)
    found += [Holiday(sunday, "Pasqua"), Holiday(sunday + timedelta(days=1), "Lunedì dell'Angelo")]
    if year >= _SAN_FRANCESCO_FROM:
        found.append(Holiday(date(year, 10, 4), "San Francesco d'Assisi"))
    return sorted(found, key=lambda h: h.day)


def town_of(*texts: str) -> str | None:
    """The first town of :data:`PATRON_SAINTS` named in ``texts`` (the office's name, its address), as a key."""
    for text in texts:
        plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
        for word in re.findall(r"[a-z]+", plain):
            if word in PATRON_SAINTS:
                return word
    return None


def closures_to_offer(start: date, days: int, town: str | None) -> list[Holiday]:
    """The holidays from ``start`` for ``days`` days (national, and the patron saint's day of ``town``), by date.

    A patron saint's day on a national holiday is offered once, as both names.
    """
    end = start + timedelta(days=max(0, days))
    by_day: dict[date, Holiday] = {}
    for year in range(start.year, end.year + 1):
        for holiday in national_holidays(year):
            by_day.setdefault(holiday.day, holiday)
        if town in PATRON_SAINTS:
            saint, month, day = PATRON_SAINTS[town]
            patron = date(year, month, day)
            if patron in by_day:
                by_day[patron] = Holiday(patron, f"{by_day[patron].name}; {saint}", local=True)
            else:
                by_day[patron] = Holiday(patron, saint, local=True)
    return [h for d, h in sorted(by_day.items()) if start <= d < end]


__all__ = ["PATRON_SAINTS", "Holiday", "closures_to_offer", "national_holidays", "town_of"]
