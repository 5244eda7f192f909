"""reserved slot (reports or admin work)

Revision ID: 0017_reserved
Revises: 0016_awareness
Create Date: 2026-12-02 05:50:00

Reserved so that parallel work has a fixed place in the chain; empty until its issue fills it.
"""

from __future__ import annotations

revision = "0017_reserved"
down_revision = "0016_awareness"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
