"""Per-day summaries behind the counts report, and the anonymous print records of the indicators (issue 11).

A day's counts are stored once the day is over and none of its tickets is still open (waiting, called, serving,
parked): from then on they cannot change, because the queue engine refuses to reactivate, resume or transfer a
ticket of another day and every other transition starts from an open status. A year's report then reads about
4,500 summary rows instead of a million events. Counts only: no ticket, no name.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base


class ReportDay(Base):
    """The counts of one (day, service, desk) of a closed day; ``desk_id`` 0 is the queue level (no desk).

    ``desk_id`` has no foreign key: 0 names no desk, and a summary outlives nothing it points to (desks are
    deactivated, never deleted). Times are in minutes; sums, not averages, so the average is exact.
    """

    __tablename__ = "report_day"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    service_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    desk_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issued: Mapped[int] = mapped_column(Integer, default=0)
    served: Mapped[int] = mapped_column(Integer, default=0)
    no_show: Mapped[int] = mapped_column(Integer, default=0)
    cancelled: Mapped[int] = mapped_column(Integer, default=0)
    transferred: Mapped[int] = mapped_column(Integer, default=0)
    wait_count: Mapped[int] = mapped_column(Integer, default=0)
    wait_sum: Mapped[float] = mapped_column(Float, default=0.0)
    wait_p90: Mapped[float | None] = mapped_column(Float)
    service_count: Mapped[int] = mapped_column(Integer, default=0)
    service_sum: Mapped[float] = mapped_column(Float, default=0.0)
    service_p90: Mapped[float | None] = mapped_column(Float)


class PrintRecord(Base):
    """One sheet or ticket printed (or saved as PDF for the user), for the project's monitoring indicators.

    Anonymous on purpose: office, day, kind (``instructions``, ``missing``, ``exploitation``, ``ticket``) and the
    user's language, nothing else: no name, no case, no ticket number, no staff member, no time of day. Written
    where the desk window and ``desk-admin print`` print, by
    :meth:`~desk_app.core.reports.ReportService.record_print`.
    """

    __tablename__ = "print_record"
    __table_args__ = (Index("ix_print_record_office_day", "office_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    copies: Mapped[int] = mapped_column(Integer, default=1)


__all__ = ["PrintRecord", "ReportDay"]
