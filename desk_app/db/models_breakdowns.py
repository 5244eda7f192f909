"""Per-day parts of the breakdowns report, stored at the day close (issue 11: a year's breakdowns under 2 s).

Medians and percentiles cannot be added up from daily figures, so a closed day keeps, per breakdown value of its
own (the whole day, a service, a desk, an hour of day, a language, a procedure, a priority class), its counts and
*every* wait and service time in minutes, sorted, as packed doubles: the distribution of that value, exact. A
report over any period then merges the days' sorted runs (already ordered: the merge is cheap) instead of reading
every ticket and event and pairing them with ``LAG()``; the numbers are the very doubles the database computed,
so medians and percentiles equal those counted from the events. Waits are kept per service (the target that
applies to them), so "% within target" is counted against the service's *current* target at report time.

Counts only: no ticket, no number, no name. Keys name services and desks by id (codes are looked up at report
time, as the live count does). ``report_breakdown_day`` says what a day's parts were counted from, so a report
recounts a day whose tickets, case links or time zone changed since (see
:mod:`desk_app.core.breakdown_days`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base


class ReportBreakdownDay(Base):
    """One closed day whose breakdown parts are stored, and what they were counted from: the office's time zone
    (hours of day are local), the tickets issued, and the number and id sum of the cases on its tickets (a case
    reopened on a later ticket moves its procedure off this day)."""

    __tablename__ = "report_breakdown_day"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64))
    issued: Mapped[int] = mapped_column(Integer)
    cases: Mapped[int] = mapped_column(Integer)
    case_id_sum: Mapped[int] = mapped_column(BigInteger)


class ReportBreakdownPart(Base):
    """The figures of one value of one day-level breakdown of one closed day.

    ``dimension``: ``all`` (the day; weeks and months add days up), ``service``, ``desk`` (key: the id, ``""`` the
    queue level), ``hour`` (``09``), ``language``, ``procedure``, ``priority`` (``""``: none recorded).
    ``waits``: the waits in minutes as little-endian doubles, one sorted run per service, the runs in the order of
    ``wait_runs`` (``"service_id:count ..."``); ``times``: the service times, one sorted run.
    """

    __tablename__ = "report_breakdown_part"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    dimension: Mapped[str] = mapped_column(String(12), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    issued: Mapped[int] = mapped_column(Integer, default=0)
    served: Mapped[int] = mapped_column(Integer, default=0)
    no_show: Mapped[int] = mapped_column(Integer, default=0)
    cancelled: Mapped[int] = mapped_column(Integer, default=0)
    transferred: Mapped[int] = mapped_column(Integer, default=0)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    wait_runs: Mapped[str] = mapped_column(Text, default="")
    waits: Mapped[bytes] = mapped_column(LargeBinary)
    times: Mapped[bytes] = mapped_column(LargeBinary)


__all__ = ["ReportBreakdownDay", "ReportBreakdownPart"]
