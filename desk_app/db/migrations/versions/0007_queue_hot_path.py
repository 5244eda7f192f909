"""queue hot path (issue 18): reserved slot in the migration chain, filled by the change that needs it

Revision ID: 0007_queue_hot_path
Revises: 0006_ticket_previous_status
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

revision = "0007_queue_hot_path"
down_revision = "0006_ticket_previous_status"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
