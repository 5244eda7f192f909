"""Worker of the daily-jobs race (spawned processes import it by name)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings


@dataclass(frozen=True)
class DailyJob:
    """One desk starting: on its own ``Database`` and clock at ``now``, at ``start_at`` run the daily jobs."""

    db_url: str
    home: str
    now: datetime
    start_at: float
    desk: str


def run_daily(job: DailyJob) -> tuple[bool, bool, list[str]]:
    """``(purged, backed_up, failures)`` of one desk's daily run."""
    settings = Settings.load(home=job.home, overrides={"db_url": job.db_url}, environ={})
    core = CoreServices.build(settings, clock=ManualClock(job.now))
    try:
        core.db.ping()
        time.sleep(max(0.0, job.start_at - time.time()))
        runs = core.run_daily_jobs(Actor.system(f"app-start:{job.desk}"))
        return runs.purge is not None, runs.backup is not None, [str(e) for e in runs.failed.values()]
    finally:
        core.close()
