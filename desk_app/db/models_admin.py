"""Office-wide settings (issue 12): what every desk of an office must agree on, stored once in the database.

One row per (office, setting name): the value as text, checked against its declaration in
:mod:`desk_app.core.office_settings` on every write and every read (a value written by a newer release that this one
refuses falls back to the default, it never stops a desk). A setting with no row has its default. Who changed it
last and when stays on the row; the full history is in the audit log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base, UTCDateTime


class OfficeSetting(Base):
    """One office-wide setting of one office (``name`` is a key of ``OFFICE_SETTINGS``)."""

    __tablename__ = "office_setting"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(48), primary_key=True)
    value: Mapped[str] = mapped_column(String(1000), default="")
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    changed_by: Mapped[str] = mapped_column(String(64), default="")


__all__ = ["OfficeSetting"]
