"""retention and backups (issue 17): reserved slot in the migration chain, filled by the change that needs it

Revision ID: 0009_retention
Revises: 0008_audit_append_only
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

revision = "0009_retention"
down_revision = "0008_audit_append_only"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
