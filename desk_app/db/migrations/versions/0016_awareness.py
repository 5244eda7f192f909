"""awareness sessions in reception centres (issue 16)

Revision ID: 0016_awareness
Revises: 0015_shared_practices
Create Date: 2026-12-02 05:50:00

Reserved so that parallel work has a fixed place in the chain; empty until its issue fills it.
"""

from __future__ import annotations

revision = "0016_awareness"
down_revision = "0015_shared_practices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
