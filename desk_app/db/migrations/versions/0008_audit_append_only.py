"""audit append-only (issue 17): reserved slot in the migration chain, filled by the change that needs it

Revision ID: 0008_audit_append_only
Revises: 0007_queue_hot_path
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

revision = "0008_audit_append_only"
down_revision = "0007_queue_hot_path"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
