"""Practices shared between the Prefettura (SUI) and the Questura's Immigration Office (issue 16).

A :class:`SharedPractice` is a counter case (:class:`~desk_app.db.models_content.Case`) or a bare practice number
that one office sent to the other: the Prefettura asks the Questura for its opinion on a family reunification or a
work clearance, a fingerprint appointment, the permit itself; the Questura asks the Prefettura in turn. Each move is
a :class:`PracticeStep` row (who, when, from, to, reason, note), so how long the practice waited on each office is
read back from the steps, never estimated.

Both offices work in the same database and the same office row: the Questura's staff have the role ``questura``
and see these tables only through :class:`~desk_app.core.practices.PracticeService`, which gives them the practice
number, the procedure, the dates and the messages exchanged, never the Prefettura's case (its checklist, notes,
language or ticket).

A coordination meeting (:class:`CoordinationMeeting`) records what it decided for each practice discussed
(:class:`MeetingDecision`). The practice number is personal data: the retention purge clears it on closed
practices (``purged_at``), the rows and their times stay for the counts.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base, UTCDateTime

#: The two offices a shared practice moves between.
SIDES = ("prefettura", "questura")
#: ``waiting``: the other office has to answer; ``answered``: the answer is back with the office that sent it;
#: ``returned``: sent back to that office with a question it has to answer; ``closed``: done.
PRACTICE_STATUSES = ("waiting", "answered", "returned", "closed")
#: What a step did.
STEP_KINDS = ("send", "answer", "return", "close")
#: What a meeting decided about one practice.
DECISIONS = ("remind", "new_due_date", "ask_documents", "escalate", "close", "noted")
#: The partial unique index on the open practices' numbers (the service recognises its violation by this name).
OPEN_NUMBER_INDEX = "uq_shared_practice_open_number"
#: How a shared practice ended.
PRACTICE_OUTCOMES = ("done", "withdrawn", "not_competent")


def _in(column_name: str, values: tuple[str, ...]) -> str:
    return f"{column_name} IN ({', '.join(repr(v) for v in values)})"


class SharedPractice(Base):
    """A practice one office sent to the other, and where it stands now.

    Attributes:
        owner: the office that opened it (and alone may close it).
        waiting_on: the office that has to act now (``None`` once closed).
        reason: the reason of the last send or return (a code of ``desk_app.core.practices.REASONS``).
        sent_at: when the practice last came to ``waiting_on``: the start of its days waiting.
        practice_number: personal data; ``None`` after the retention purge (``purged_at`` set).
    """

    __tablename__ = "shared_practice"
    __table_args__ = (
        CheckConstraint(_in("owner", SIDES), name="owner_known"),
        CheckConstraint(_in("status", PRACTICE_STATUSES), name="status_known"),
        CheckConstraint(f"waiting_on IS NULL OR {_in('waiting_on', SIDES)}", name="waiting_on_known"),
        CheckConstraint(f"outcome IS NULL OR {_in('outcome', PRACTICE_OUTCOMES)}", name="outcome_known"),
        CheckConstraint("(status = 'closed') = (waiting_on IS NULL)", name="closed_waits_on_nobody"),
        Index("ix_shared_practice_waiting", "office_id", "status", "sent_at"),
        Index("ix_shared_practice_number", "office_id", "practice_number"),
        # One open shared practice per practice number, kept by the database too: two desks sending the same
        # number at once cannot both pass the service's check (the loser gets ``practice_already_shared``).
        Index(OPEN_NUMBER_INDEX, "office_id", "practice_number", unique=True,
              sqlite_where=text("status != 'closed'"), postgresql_where=text("status != 'closed'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_case.id", ondelete="SET NULL"), index=True)
    practice_number: Mapped[str | None] = mapped_column(String(40))
    procedure_code: Mapped[str] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12))
    waiting_on: Mapped[str | None] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(24))
    due_date: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(16))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PracticeStep(Base):
    """One move of a shared practice: sent, answered, sent back or closed, by whom and when.

    ``to_side`` is the office the practice waits on after the step (``None`` for a close).
    """

    __tablename__ = "practice_step"
    __table_args__ = (
        CheckConstraint(_in("kind", STEP_KINDS), name="kind_known"),
        CheckConstraint(_in("from_side", SIDES), name="from_known"),
        CheckConstraint(f"to_side IS NULL OR {_in('to_side', SIDES)}", name="to_known"),
        Index("ix_practice_step_practice_at", "practice_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("shared_practice.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(64))
    from_side: Mapped[str] = mapped_column(String(12))
    to_side: Mapped[str | None] = mapped_column(String(12))
    reason: Mapped[str | None] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(String(1000), default="")
    due_date: Mapped[date | None] = mapped_column(Date)


class CoordinationMeeting(Base):
    """A Prefettura-Questura coordination meeting: when, over which list (practices waiting over ``min_days``)."""

    __tablename__ = "coordination_meeting"
    __table_args__ = (
        CheckConstraint("min_days >= 0", name="min_days_positive"),
        Index("ix_coordination_meeting_office_held", "office_id", "held_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    held_at: Mapped[datetime] = mapped_column(UTCDateTime())
    min_days: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(1000), default="")
    recorded_by: Mapped[str] = mapped_column(String(64))


class MeetingDecision(Base):
    """What a meeting decided about one practice (one decision per practice and meeting)."""

    __tablename__ = "meeting_decision"
    __table_args__ = (
        UniqueConstraint("meeting_id", "practice_id"),
        CheckConstraint(_in("decision", DECISIONS), name="decision_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("coordination_meeting.id", ondelete="CASCADE"))
    practice_id: Mapped[int] = mapped_column(ForeignKey("shared_practice.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(String(1000), default="")
    due_date: Mapped[date | None] = mapped_column(Date)


__all__ = ["DECISIONS", "OPEN_NUMBER_INDEX", "PRACTICE_OUTCOMES", "PRACTICE_STATUSES", "SIDES", "STEP_KINDS",
           "CoordinationMeeting", "MeetingDecision", "PracticeStep", "SharedPractice"]
