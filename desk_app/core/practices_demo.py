"""Demo shared practices (issue 16): what a Prefettura-Questura coordination looks like after a few months.

Fictional practice numbers only. Practices are written through :class:`~desk_app.core.practices.PracticeService`
on a :class:`~desk_app.clock.ManualClock` set back in time, so every step, days-waiting figure and handling time
comes from the same code a desk runs: about forty practices closed over the last four months (for the handling
times), a dozen open ones waiting 1 to 30 working days on either office (some overdue), and one coordination
meeting two weeks ago with its decisions. Runs once: a database that already holds shared practices is left alone.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from sqlalchemy import select

from desk_app.clock import ManualClock, local_day, zone
from desk_app.core.auth import Actor
from desk_app.core.practices import Decision, PracticeService, is_working_day
from desk_app.core.services import CoreServices
from desk_app.db.models_practices import SharedPractice

#: (procedure, reason, sent by, how many closed, how many open)
_PLAN = (
    ("RF-NO", "opinion_family", "prefettura", 16, 5),
    ("NO-LAV", "opinion_work", "prefettura", 12, 4),
    ("CONV-ST", "conversion", "questura", 8, 2),
    ("ADI", "integration", "questura", 5, 1),
)


def _back(now: datetime, working_days: int, tz: str, hour: int) -> datetime:
    """The moment ``working_days`` working days before ``now``, at ``hour`` local time."""
    day = local_day(now, tz)
    while working_days > 0:
        day -= timedelta(days=1)
        if is_working_day(day, "lodi"):
            working_days -= 1
    return datetime.combine(day, time(hour), zone(tz))


def seed_shared_practices(core: CoreServices, clerk: Actor, questura: Actor, supervisor: Actor,
                          *, seed: int = 16) -> int:
    """Write the demo's shared practices (see the module); return how many were written (0 if some existed)."""
    if core.db.read(lambda s: s.execute(select(SharedPractice.id).limit(1)).scalar()) is not None:
        return 0
    rng = random.Random(seed)
    now = core.clock.now()
    tz = "Europe/Rome"
    clock = ManualClock(now)
    service = PracticeService(core.db, core.authorizer, clock, core.settings.office_code or None)
    side_actor = {"prefettura": clerk, "questura": questura}
    other = {"prefettura": questura, "questura": clerk}
    written = 0
    serial = 100
    meeting_at = _back(now, 10, tz, 10)
    discussed: list[int] = []  # open practices already there at the demo meeting
    for procedure, reason, sender, closed, still_open in _PLAN:
        for n in range(closed + still_open):
            serial += 1
            number = f"{'P-LO' if sender == 'prefettura' else 'Q-LO'}/{procedure}/2026/{serial:06d}"
            is_open = n >= closed
            wait = rng.randint(2, 25) if procedure != "RF-NO" else rng.randint(5, 40)
            own = rng.randint(1, 6)
            if is_open:
                age = rng.randint(1, 30)
                start = _back(now, age, tz, rng.randint(9, 12))
            else:
                start = _back(now, rng.randint(wait + own + 1, 85), tz, rng.randint(9, 12))
            clock.set(start)
            due = local_day(start, tz) + timedelta(days=30 if sender == "prefettura" else 20)
            view = service.send(side_actor[sender], procedure, reason, due, practice_number=number,
                                note="Pratica dimostrativa")
            written += 1
            if is_open:
                if rng.random() < 0.25 and age > 3:  # some were sent back and answered
                    clock.set(start + timedelta(days=1, hours=2))
                    service.send_back(other[sender], view.id, "missing_documents", "Manca un documento")
                    clock.set(start + timedelta(days=2))
                    service.answer(side_actor[sender], view.id, "Documento inviato")
                if start < meeting_at:
                    discussed.append(view.id)
                continue
            clock.set(_forward(start, wait, tz))
            service.answer(other[sender], view.id, "Parere reso")
            clock.set(_forward(clock.now(), own, tz))
            service.close(side_actor[sender], view.id, "done")
    clock.set(meeting_at)
    if len(discussed) >= 2:
        service.record_meeting(supervisor, 10, [Decision(discussed[0], "remind", "Sollecito"),
                                                Decision(discussed[1], "ask_documents")],
                               note="Riunione di coordinamento mensile (dimostrativa)")
    return written


def _forward(moment: datetime, working_days: int, tz: str) -> datetime:
    day = local_day(moment, tz)
    while working_days > 0:
        day += timedelta(days=1)
        if is_working_day(day, "lodi"):
            working_days -= 1
    return datetime.combine(day, time(10), zone(tz))
