"""The closures the calendar editor offers: Italian national holidays and the patron saint's day (issue 12)."""

from __future__ import annotations

from datetime import date

from desk_app.core.holidays import closures_to_offer, national_holidays, town_of


def test_national_holidays_with_easter_monday() -> None:
    days = {h.day: h.name for h in national_holidays(2027)}
    assert days[date(2027, 3, 29)] == "Lunedì dell'Angelo"  # Easter 2027 is 28 March
    assert days[date(2027, 6, 2)] == "Festa della Repubblica" and date(2027, 12, 26) in days
    assert len(days) == 13  # ten fixed, Easter Sunday and Monday, 4 October (again from 2026)
    assert date(2025, 10, 4) not in {h.day for h in national_holidays(2025)}
    assert {h.day for h in national_holidays(2030)} >= {date(2030, 4, 21), date(2030, 4, 22)}  # Easter 2030


def test_the_patron_saint_of_the_offices_town() -> None:
    assert town_of("Prefettura di Lodi - Sportello Unico", "Corso Umberto I 40, 26900 Lodi") == "lodi"
    assert town_of("Ufficio", "Via Roma 1, Somewhere") == "roma"  # the first known town word, said as is
    assert town_of("Prefettura", "") is None
    offered = closures_to_offer(date(2026, 12, 2), 366, "lodi")
    bassiano = [h for h in offered if h.day == date(2027, 1, 19)]
    assert len(bassiano) == 1 and bassiano[0].name == "San Bassiano" and bassiano[0].local
    assert all(date(2026, 12, 2) <= h.day < date(2027, 12, 3) for h in offered)
    assert [h.day for h in offered] == sorted(h.day for h in offered)
    assert not any(h.local for h in closures_to_offer(date(2026, 12, 2), 366, None))
    # Bologna's San Petronio falls on San Francesco: one day, both names.
    both = [h for h in closures_to_offer(date(2027, 1, 1), 365, "bologna") if h.day == date(2027, 10, 4)]
    assert len(both) == 1 and "San Petronio" in both[0].name and "San Francesco" in both[0].name
