"""ticket.target_desk_id, ticket.target_staff_id: a ticket transferred to a desk or to a colleague

Revision ID: 0011_counter
Revises: 0010_reports
Create Date: 2026-12-02 01:00:00

A transfer may send a ticket to a desk or to a colleague instead of a whole service
(issue 10): it waits in its place, and only that desk (or that colleague, at whatever
desk they sit) calls it. Both columns are NULL for an ordinary waiting ticket.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_counter"
down_revision = "0010_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ticket") as batch:
        batch.add_column(sa.Column("target_desk_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("target_staff_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_ticket_target_desk_id_desk", "desk", ["target_desk_id"], ["id"],
                                ondelete="SET NULL")
        batch.create_foreign_key("fk_ticket_target_staff_id_staff", "staff", ["target_staff_id"], ["id"],
                                ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("ticket") as batch:
        batch.drop_constraint("fk_ticket_target_staff_id_staff", type_="foreignkey")
        batch.drop_constraint("fk_ticket_target_desk_id_desk", type_="foreignkey")
        batch.drop_column("target_staff_id")
        batch.drop_column("target_desk_id")
