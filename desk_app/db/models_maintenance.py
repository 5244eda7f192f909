"""Maintenance runs: which desk did the daily retention purge and backup, so each runs once a day.

A run is claimed by inserting its row ``(job, scope, day)`` with ``INSERT ... ON
CONFLICT DO NOTHING``: whichever desk inserts first does the job, every other
desk finds the row and does nothing. The key is the natural one (no surrogate
id), so the database itself refuses a second run of the same job for the same
office and day, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, String
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base, UTCDateTime

#: The daily jobs.
MAINTENANCE_JOBS = ("purge", "backup")
#: How a run ended; ``running`` while the desk that claimed it works (a stale one is taken over).
MAINTENANCE_OUTCOMES = ("running", "ok", "failed")


def _in(column_name: str, values: tuple[str, ...]) -> str:
    return f"{column_name} IN ({', '.join(repr(v) for v in values)})"


class MaintenanceRun(Base):
    """One daily job for one scope (an office's code for the purge, ``*`` for the database's backup).

    Attributes:
        day: the office's local day the run is for.
        actor: who ran it (``app-start:<desk>``, ``cli:<user>``, a staff username).
        detail: the counts (never names): rows purged, backup file name and size.
    """

    __tablename__ = "maintenance_run"
    __table_args__ = (
        CheckConstraint(_in("job", MAINTENANCE_JOBS), name="job_known"),
        CheckConstraint(_in("outcome", MAINTENANCE_OUTCOMES), name="outcome_known"),
    )

    job: Mapped[str] = mapped_column(String(16), primary_key=True)
    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16), default="running")
    detail: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


__all__ = ["MAINTENANCE_JOBS", "MAINTENANCE_OUTCOMES", "MaintenanceRun"]
