"""awareness sessions in reception centres (issue 16)

Revision ID: 0016_awareness
Revises: 0015_shared_practices
Create Date: 2026-12-02 05:50:00

``reception_centre``: the reception centres (CAS) of the territory; ``awareness_session``: a session at one,
for one language group, with its mediator's booking on the roster (so the roster's no-overlap rule covers it);
``awareness_attendance``: people per sex and age band, counts only. New tables only; no existing row changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk_app.db.base

revision = "0016_awareness"
down_revision = "0015_shared_practices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reception_centre",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("managing_body", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_reception_centre_office_id_office"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reception_centre")),
        sa.UniqueConstraint("office_id", "code", name=op.f("uq_reception_centre_office_id_code")),
    )
    op.create_table(
        "awareness_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("ends_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("operator_organisation", sa.String(length=120), nullable=False),
        sa.Column("operator_name", sa.String(length=80), nullable=False),
        sa.Column("mediator_booking_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.Column("cancel_reason", sa.String(length=200), nullable=True),
        sa.Column("planned_by", sa.Integer(), nullable=True),
        sa.Column("planned_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("recorded_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.CheckConstraint("status IN ('planned', 'held', 'cancelled')",
                           name=op.f("ck_awareness_session_status_known")),
        sa.CheckConstraint("starts_at < ends_at", name=op.f("ck_awareness_session_starts_before_ends")),
        sa.CheckConstraint("referrals >= 0 AND referrals <= 500", name=op.f("ck_awareness_session_referrals_in_range")),
        sa.ForeignKeyConstraint(["centre_id"], ["reception_centre.id"],
                                name=op.f("fk_awareness_session_centre_id_reception_centre"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["mediator_booking_id"], ["mediator_booking.id"],
                                name=op.f("fk_awareness_session_mediator_booking_id_mediator_booking"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_awareness_session_office_id_office"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["planned_by"], ["staff.id"], name=op.f("fk_awareness_session_planned_by_staff"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_awareness_session")),
        sa.UniqueConstraint("mediator_booking_id", name=op.f("uq_awareness_session_mediator_booking_id")),
    )
    op.create_index("ix_awareness_session_office_starts", "awareness_session", ["office_id", "starts_at"])
    op.create_table(
        "awareness_attendance",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.CheckConstraint("sex IN ('f', 'm', 'x')", name=op.f("ck_awareness_attendance_sex_known")),
        sa.CheckConstraint("age_band IN ('u18', '18-25', '26-35', '36-50', 'o50')",
                           name=op.f("ck_awareness_attendance_age_band_known")),
        sa.CheckConstraint("people > 0 AND people <= 500", name=op.f("ck_awareness_attendance_people_in_range")),
        sa.ForeignKeyConstraint(["session_id"], ["awareness_session.id"],
                                name=op.f("fk_awareness_attendance_session_id_awareness_session"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id", "sex", "age_band", name=op.f("pk_awareness_attendance")),
    )


def downgrade() -> None:
    op.drop_table("awareness_attendance")
    op.drop_index("ix_awareness_session_office_starts", table_name="awareness_session")
    op.drop_table("awareness_session")
    op.drop_table("reception_centre")
