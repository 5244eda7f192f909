"""the counter's day (issue 10): reserved slot in the migration chain, filled by the change that needs it

Revision ID: 0011_counter
Revises: 0010_reports
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

revision = "0011_counter"
down_revision = "0010_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
