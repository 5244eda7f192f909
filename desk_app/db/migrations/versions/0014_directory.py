"""territorial services directory (issue 15)

Revision ID: 0014_directory
Revises: 0013_roles
Create Date: 2026-12-02 05:50:00

Organisations, services, locations, service_at_location and contacts (HSDS 3.0 vocabulary), partner accounts linked
to their organisation, and anonymous referral records. ``directory_service.pending`` holds a partner's revision of a published
entry awaiting review (a JSON snapshot). The services' translatable texts are ``content_text`` rows
(``dir.<uid>.<field>``): no column here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk_app.db.base

revision = "0014_directory"
down_revision = "0013_roles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory_organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=160), nullable=False),
        sa.Column("updated_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_directory_organisation_office_id_office"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_organisation")),
        sa.UniqueConstraint("uid", name=op.f("uq_directory_organisation_uid")),
    )
    op.create_index(op.f("ix_directory_organisation_office_id"), "directory_organisation", ["office_id"])
    op.create_table(
        "directory_service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("free", sa.Boolean(), nullable=True),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("last_confirmed", sa.Date(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("pending", sa.JSON(), nullable=True),
        sa.Column("pending_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.Column("pending_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.CheckConstraint("state IN ('draft', 'submitted', 'published', 'withdrawn')",
                           name=op.f("ck_directory_service_state_known")),
        sa.CheckConstraint("status IN ('active', 'inactive', 'defunct', 'temporarily closed')",
                           name=op.f("ck_directory_service_status_known")),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_directory_service_office_id_office"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organisation_id"], ["directory_organisation.id"],
                                name=op.f("fk_directory_service_organisation_id_directory_organisation"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_service")),
        sa.UniqueConstraint("uid", name=op.f("uq_directory_service_uid")),
    )
    op.create_index("ix_directory_service_office_state", "directory_service", ["office_id", "state"])
    op.create_index(op.f("ix_directory_service_organisation_id"), "directory_service", ["organisation_id"])
    op.create_table(
        "directory_location",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("street", sa.String(length=160), nullable=False),
        sa.Column("postcode", sa.String(length=5), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("province", sa.String(length=2), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("accessibility", sa.String(length=300), nullable=False),
        sa.Column("hours", sa.JSON(), nullable=False),
        sa.Column("updated_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_directory_location_office_id_office"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organisation_id"], ["directory_organisation.id"],
                                name=op.f("fk_directory_location_organisation_id_directory_organisation"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_location")),
        sa.UniqueConstraint("uid", name=op.f("uq_directory_location_uid")),
    )
    op.create_index(op.f("ix_directory_location_office_id"), "directory_location", ["office_id"])
    op.create_index(op.f("ix_directory_location_organisation_id"), "directory_location", ["organisation_id"])
    op.create_table(
        "directory_service_at_location",
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["location_id"], ["directory_location.id"],
                                name=op.f("fk_directory_service_at_location_location_id_directory_location"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["service_id"], ["directory_service.id"],
                                name=op.f("fk_directory_service_at_location_service_id_directory_service"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("service_id", "location_id", name=op.f("pk_directory_service_at_location")),
    )
    op.create_index(op.f("ix_directory_service_at_location_location_id"), "directory_service_at_location",
                    ["location_id"])
    op.create_table(
        "directory_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=300), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.CheckConstraint("kind IN ('phone', 'email', 'website')", name=op.f("ck_directory_contact_kind_known")),
        sa.CheckConstraint("(service_id IS NULL) <> (organisation_id IS NULL)",
                           name=op.f("ck_directory_contact_one_owner")),
        sa.ForeignKeyConstraint(["organisation_id"], ["directory_organisation.id"],
                                name=op.f("fk_directory_contact_organisation_id_directory_organisation"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["service_id"], ["directory_service.id"],
                                name=op.f("fk_directory_contact_service_id_directory_service"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_contact")),
    )
    op.create_index(op.f("ix_directory_contact_organisation_id"), "directory_contact", ["organisation_id"])
    op.create_index(op.f("ix_directory_contact_service_id"), "directory_contact", ["service_id"])
    op.create_table(
        "directory_partner",
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("linked_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["directory_organisation.id"],
                                name=op.f("fk_directory_partner_organisation_id_directory_organisation"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_directory_partner_staff_id_staff"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("staff_id", name=op.f("pk_directory_partner")),
    )
    op.create_index(op.f("ix_directory_partner_organisation_id"), "directory_partner", ["organisation_id"])
    op.create_table(
        "directory_referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_uid", sa.String(length=36), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["checklist_case.id"],
                                name=op.f("fk_directory_referral_case_id_checklist_case"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_directory_referral_office_id_office"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["ticket_id"], ["ticket.id"], name=op.f("fk_directory_referral_ticket_id_ticket"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_referral")),
    )
    op.create_index("ix_directory_referral_office_day", "directory_referral", ["office_id", "day"])
    # the search's freshness check: the newest change of an office's texts in one lookup
    op.create_index("ix_content_text_office_updated", "content_text", ["office_id", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_content_text_office_updated", table_name="content_text")
    op.drop_table("directory_referral")
    op.drop_table("directory_partner")
    op.drop_table("directory_contact")
    op.drop_table("directory_service_at_location")
    op.drop_table("directory_location")
    op.drop_table("directory_service")
    op.drop_table("directory_organisation")
