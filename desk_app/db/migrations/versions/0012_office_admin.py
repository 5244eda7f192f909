"""office_setting: office-wide settings every desk of an office reads (issue 12)

Revision ID: 0012_office_admin
Revises: 0011_counter
Create Date: 2026-12-02 02:10:00

Empty at first: a setting without a row has its default (for the retention period and the idle lock, the value
each PC's settings file held, so upgrading changes nothing until an administrator sets the office's value).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk_app.db.base

revision = "0012_office_admin"
down_revision = "0011_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_setting",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=48), nullable=False),
        sa.Column("value", sa.String(length=1000), nullable=False),
        sa.Column("changed_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_office_setting_office_id_office"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("office_id", "name", name=op.f("pk_office_setting")),
    )


def downgrade() -> None:
    op.drop_table("office_setting")
