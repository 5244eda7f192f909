"""Awareness sessions on labour exploitation in the reception centres (CAS) (issue 16).

* :class:`ReceptionCentre`: a centre of the office's territory (name, address, managing body). No guest is
  ever stored.
* :class:`AwarenessSession`: one session at a centre for one language group, held by an anti-trafficking
  operator (staff-side data: the operator's organisation and name) with a mediator booked through the
  same roster as the counter: ``mediator_booking_id`` points at a
  :class:`~desk_app.db.models_booking.MediatorBooking`, whose exclusion constraint (PostgreSQL) or triggers
  (SQLite) keep one mediator from being booked twice between counter bookings and sessions.
* :class:`AwarenessAttendance`: how many took part, per sex and age band; counts, never names.
  ``AwarenessSession.referrals`` counts the people referred to the anti-trafficking service, without names.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base, UTCDateTime

AWARENESS_STATUSES = ("planned", "held", "cancelled")
#: Sex as counted at a session: female, male, other or not said.
ATTENDANCE_SEXES = ("f", "m", "x")
#: Age bands of the attendance counts (years): under 18, 18-25, 26-35, 36-50, over 50.
AGE_BANDS = ("u18", "18-25", "26-35", "36-50", "o50")
#: The most people one count (a sex and age band of one session) may say: a CAS of the province hosts a few
#: dozen guests (375 in all in 2023), so more is a typing error, not a session.
MAX_ATTENDANCE = 500


def _in(column_name: str, values: tuple[str, ...]) -> str:
    return f"{column_name} IN ({', '.join(repr(v) for v in values)})"


class ReceptionCentre(Base):
    """A reception centre (CAS) where sessions are held: where it is and who runs it."""

    __tablename__ = "reception_centre"
    __table_args__ = (UniqueConstraint("office_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(200), default="")
    managing_body: Mapped[str] = mapped_column(String(120), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AwarenessSession(Base):
    """One awareness session: centre, time, language group, operator, mediator booking, status and referrals.

    ``referrals`` and the attendance rows are filled when the session is recorded as held; a cancelled
    session keeps its reason. Nothing here names a guest.
    """

    __tablename__ = "awareness_session"
    __table_args__ = (
        CheckConstraint(_in("status", AWARENESS_STATUSES), name="status_known"),
        CheckConstraint("starts_at < ends_at", name="starts_before_ends"),
        CheckConstraint(f"referrals >= 0 AND referrals <= {MAX_ATTENDANCE}", name="referrals_in_range"),
        Index("ix_awareness_session_office_starts", "office_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    centre_id: Mapped[int] = mapped_column(ForeignKey("reception_centre.id", ondelete="RESTRICT"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    language: Mapped[str] = mapped_column(String(8))
    operator_organisation: Mapped[str] = mapped_column(String(120))
    operator_name: Mapped[str] = mapped_column(String(80), default="")
    #: The mediator's booking on the roster (unique: one session per booking); NULL until one is booked.
    mediator_booking_id: Mapped[int | None] = mapped_column(
        ForeignKey("mediator_booking.id", ondelete="SET NULL"), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="planned")
    referrals: Mapped[int] = mapped_column(Integer, default=0)
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    planned_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    planned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AwarenessAttendance(Base):
    """How many people of one sex and age band attended one session (rows with 0 are not stored)."""

    __tablename__ = "awareness_attendance"
    __table_args__ = (
        CheckConstraint(_in("sex", ATTENDANCE_SEXES), name="sex_known"),
        CheckConstraint(_in("age_band", AGE_BANDS), name="age_band_known"),
        CheckConstraint(f"people > 0 AND people <= {MAX_ATTENDANCE}", name="people_in_range"),
    )

    session_id: Mapped[int] = mapped_column(ForeignKey("awareness_session.id", ondelete="CASCADE"),
                                            primary_key=True)
    sex: Mapped[str] = mapped_column(String(1), primary_key=True)
    age_band: Mapped[str] = mapped_column(String(8), primary_key=True)
    people: Mapped[int] = mapped_column(Integer)


__all__ = [
    "AGE_BANDS",
    "ATTENDANCE_SEXES",
    "AWARENESS_STATUSES",
    "MAX_ATTENDANCE",
    "AwarenessAttendance",
    "AwarenessSession",
    "ReceptionCentre",
]
