"""Content tables: procedures and their versioned checklists, translatable texts, cases at the counter.

The catalogue ships as data under ``resources/content`` and is loaded per office
(:mod:`desk_app.core.catalogue`). A procedure's checklist is frozen into a
:class:`ProcedureVersion` each time it changes, and a :class:`Case` points at the
version it was checked against, so a later catalogue update never rewrites what
was asked of a user. Every user-facing sentence is a :class:`ContentText` row per
(office, key, language); translations record the digest of the Italian text they
translate, which is how a changed Italian source makes them "stale".
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base, UTCDateTime

#: How a procedure reaches the user: handled at the SUI, at the legalisation desk, or sent elsewhere.
PROCEDURE_KINDS = ("sui", "leg", "redirect")
#: How much a checklist item is needed.
REQUIREMENTS = ("required", "optional", "conditional")
#: What the clerk saw for one checklist item.
ITEM_STATES = ("pending", "presented", "missing", "not_applicable")
CASE_STATUSES = ("open", "closed")
#: How a visit about a case ended.
CASE_OUTCOMES = ("complete", "incomplete", "redirected", "withdrawn")
#: Stored translation statuses; "missing" and "stale" are derived, never stored.
TEXT_STATUSES = ("draft", "reviewed")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Procedure(Base):
    """A procedure of the catalogue (``RF-NO``, ``LEG``, ...) for one office.

    Its texts (name, summary, steps) are :class:`ContentText` rows under the key
    prefix ``proc.<code>.``; its checklist lives in versions.

    Attributes:
        service_code: the queue it belongs to (a :class:`~desk_app.db.models.Service` code; the office may lack it).
        place: key of the place where it is handled (``place.<place>.*`` texts).
        current_version: number of the newest :class:`ProcedureVersion`.
        edited: an office supervisor changed it; a catalogue reload leaves it alone.
    """

    __tablename__ = "procedure"
    __table_args__ = (
        UniqueConstraint("office_id", "code"),
        CheckConstraint(_in("kind", PROCEDURE_KINDS), name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    service_code: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(12))
    place: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    step_count: Mapped[int] = mapped_column(Integer, default=0)
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProcedureVersion(Base):
    """One frozen checklist of a procedure.

    ``items`` is a JSON list of ``{"key", "requirement", "condition", "fee",
    "quantity", "verify", "text_it", "condition_it"}`` in display order: enough
    to show and print the checklist exactly as it was, even after the catalogue
    moved on. ``digest`` (SHA-256 of the canonical items) decides whether a
    reload needs a new version.
    """

    __tablename__ = "procedure_version"
    __table_args__ = (UniqueConstraint("procedure_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    items: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ContentText(Base):
    """One user-facing sentence in one language for one office.

    Attributes:
        key: dotted key (``proc.RF-NO.name``, ``item.passport``, ``label.documents``).
        source_digest: SHA-256 of the Italian text this row translates (for ``it``: of itself).
            When it differs from the digest of the current Italian text, the row is stale.
        status: ``draft`` or ``reviewed`` (Italian rows are always ``reviewed``).
        verify: for Italian rows, why the fact needs confirming by the office (empty when certain).
        edited: changed by the office (editor or PO import); a catalogue reload does not overwrite it.
    """

    __tablename__ = "content_text"
    __table_args__ = (
        UniqueConstraint("office_id", "key", "lang"),
        CheckConstraint(_in("status", TEXT_STATUSES), name="status_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    lang: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    source_digest: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12))
    verify: Mapped[str] = mapped_column(String(240), default="")
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(64))


class Case(Base):
    """A procedure checked at the counter for one user, possibly over several visits.

    ``practice_number`` is personal data: it is looked up with an audit record
    and cleared by the retention purge. The case itself keeps no name.
    """

    __tablename__ = "checklist_case"
    __table_args__ = (
        CheckConstraint(_in("status", CASE_STATUSES), name="status_known"),
        CheckConstraint(f"outcome IS NULL OR {_in('outcome', CASE_OUTCOMES)}", name="outcome_known"),
        Index("ix_checklist_case_practice", "office_id", "practice_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    procedure_version_id: Mapped[int] = mapped_column(ForeignKey("procedure_version.id"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="SET NULL"))
    practice_number: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8), default="open")
    outcome: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(String(1000), default="")
    visits: Mapped[int] = mapped_column(Integer, default=1)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))


class CaseItem(Base):
    """The state of one checklist item of a case."""

    __tablename__ = "checklist_case_item"
    __table_args__ = (CheckConstraint(_in("state", ITEM_STATES), name="state_known"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("checklist_case.id", ondelete="CASCADE"), primary_key=True)
    item_key: Mapped[str] = mapped_column(String(48), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    note: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


__all__ = [
    "CASE_OUTCOMES",
    "CASE_STATUSES",
    "ITEM_STATES",
    "PROCEDURE_KINDS",
    "REQUIREMENTS",
    "TEXT_STATUSES",
    "Case",
    "CaseItem",
    "ContentText",
    "Procedure",
    "ProcedureVersion",
]
