"""reports and supervisor console (issue 11): reserved slot in the migration chain, filled by the change that needs it

Revision ID: 0010_reports
Revises: 0009_retention
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

revision = "0010_reports"
down_revision = "0009_retention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
