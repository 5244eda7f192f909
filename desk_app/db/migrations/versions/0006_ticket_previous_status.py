"""ticket.previous_status: each transition's UPDATE hands back the status it moved from

Revision ID: 0006_ticket_previous_status
Revises: 0005_change_log_autoincrement
Create Date: 2026-11-24 17:35:00

Every transition is one conditional ``UPDATE ... SET previous_status = status,
status = :new ... RETURNING previous_status``: the event row learns the old status
without reading the ticket first.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_ticket_previous_status"
down_revision = "0005_change_log_autoincrement"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ticket") as batch:
        batch.add_column(sa.Column("previous_status", sa.String(length=12), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ticket") as batch:
        batch.drop_column("previous_status")
