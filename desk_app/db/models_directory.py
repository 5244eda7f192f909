"""Tables of the territorial services directory (issue 15): organisations, services, locations, partners, referrals.

Vocabulary of Open Referral's HSDS 3.0 (organization, service, location, service_at_location, phone/contact) where
it has a word for the thing. Every row carries its office; ``uid`` columns are the HSDS ids (UUID strings), unique
across the database so an export/import keeps an entry's identity.

The translatable texts of a service are not columns: they are ``content_text`` rows under
``dir.<uid>.<field>`` (:func:`desk_app.core.directory_types.text_key`), so the translators' draft / reviewed / stale
workflow and PO files cover them like the sheets' texts. A referral row carries no name: office, day, the service,
its category and the user's language, and optionally the ticket or case it was made for.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.db.base import Base, UTCDateTime
from desk_app.db.models_content import ContentText

#: Copies of :data:`desk_app.core.directory_types.ENTRY_STATES` / ``SERVICE_STATUSES`` (the db layer imports no core).
ENTRY_STATES = ("draft", "submitted", "published", "withdrawn")
SERVICE_STATUSES = ("active", "inactive", "defunct", "temporarily closed")
CONTACT_KINDS = ("phone", "email", "website")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class DirectoryOrganisation(Base):
    """A body of the local network (HSDS ``organization``). ``name`` is a proper noun, never translated;
    ``description`` is Italian, the organisation's own words."""

    __tablename__ = "directory_organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(160), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class DirectoryService(Base):
    """One service of an organisation (HSDS ``service``).

    Attributes:
        state: the office's review (``draft`` -> ``submitted`` -> ``published``, or ``withdrawn``).
        status: HSDS status (``active`` ...).
        free: True costs nothing, False costs something (the ``cost`` text says what), None not said.
        categories / languages: JSON lists of codes (categories of need; ISO 639-1 languages spoken there).
        documents: how many "documents to bring" texts (``dir.<uid>.documents.<n>``) it has.
        last_confirmed: the day the organisation last said the entry is right (HSDS ``assured_date``).
        extra: JSON object of strings for what an import carried that has no column (kept, exported back).
        pending: a partner's revision of a published entry waiting for review: a JSON snapshot of the whole
            entry (:mod:`desk_app.core.directory_revision`); ``None`` when there is none. ``pending_at`` /
            ``pending_by``: when and by whom it was saved.
    """

    __tablename__ = "directory_service"
    __table_args__ = (
        CheckConstraint(_in("state", ENTRY_STATES), name="state_known"),
        CheckConstraint(_in("status", SERVICE_STATUSES), name="status_known"),
        Index("ix_directory_service_office_state", "office_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("directory_organisation.id", ondelete="CASCADE"),
                                                 index=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    status: Mapped[str] = mapped_column(String(20), default="active")
    free: Mapped[bool | None] = mapped_column(Boolean)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    last_confirmed: Mapped[date | None] = mapped_column(Date)
    extra: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    pending: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))  # None: SQL NULL
    pending_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    pending_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class DirectoryLocation(Base):
    """A place of an organisation where services are given (HSDS ``location`` + ``address`` + ``schedule``).

    ``hours`` is a JSON list of ``[weekday, "HH:MM", "HH:MM", note]`` (weekday 1 = Monday).
    """

    __tablename__ = "directory_location"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("directory_organisation.id", ondelete="CASCADE"),
                                                 index=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    street: Mapped[str] = mapped_column(String(160))
    postcode: Mapped[str] = mapped_column(String(5))
    city: Mapped[str] = mapped_column(String(80))
    province: Mapped[str] = mapped_column(String(2), default="LO")
    country: Mapped[str] = mapped_column(String(2), default="IT")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    accessibility: Mapped[str] = mapped_column(String(300), default="")
    hours: Mapped[list[list[object]]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DirectoryServiceAtLocation(Base):
    """Where a service is given (HSDS ``service_at_location``)."""

    __tablename__ = "directory_service_at_location"

    service_id: Mapped[int] = mapped_column(ForeignKey("directory_service.id", ondelete="CASCADE"), primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("directory_location.id", ondelete="CASCADE"),
                                             primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class DirectoryContact(Base):
    """A phone number, e-mail or web address of a service or of an organisation (exactly one of the two)."""

    __tablename__ = "directory_contact"
    __table_args__ = (
        CheckConstraint(_in("kind", CONTACT_KINDS), name="kind_known"),
        CheckConstraint("(service_id IS NULL) <> (organisation_id IS NULL)", name="one_owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("directory_service.id", ondelete="CASCADE"),
                                                   index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("directory_organisation.id", ondelete="CASCADE"),
                                                        index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(300))
    label: Mapped[str] = mapped_column(String(120), default="")


class DirectoryPartner(Base):
    """A ``partner`` staff account and the one organisation whose entries it may edit."""

    __tablename__ = "directory_partner"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("directory_organisation.id", ondelete="CASCADE"),
                                                 index=True)
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    linked_by: Mapped[str] = mapped_column(String(64), default="")


class DirectoryReferral(Base):
    """One referral made at the counter, counted for the monitoring: no name, no free text.

    ``ticket_id`` / ``case_id`` link it to the visit while those rows live (``SET NULL`` after their purge).
    """

    __tablename__ = "directory_referral"
    __table_args__ = (Index("ix_directory_referral_office_day", "office_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    service_uid: Mapped[str] = mapped_column(String(36))
    category: Mapped[str] = mapped_column(String(24))
    language: Mapped[str] = mapped_column(String(8))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id", ondelete="SET NULL"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_case.id", ondelete="SET NULL"))


#: The directory search's freshness check reads the newest change of the office's texts (the translators' edits
#: included) before every search: with this index that is one lookup instead of a scan of the office's texts.
Index("ix_content_text_office_updated", ContentText.office_id, ContentText.updated_at)


__all__ = [
    "CONTACT_KINDS",
    "DirectoryContact",
    "DirectoryLocation",
    "DirectoryOrganisation",
    "DirectoryPartner",
    "DirectoryReferral",
    "DirectoryService",
    "DirectoryServiceAtLocation",
]
