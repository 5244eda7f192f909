"""reserved slot

Revision ID: 0018_reserved
Revises: 0017_reserved
Create Date: 2026-12-02 05:50:00

Reserved so that parallel work has a fixed place in the chain; empty until its issue fills it.
"""

from __future__ import annotations

revision = "0018_reserved"
down_revision = "0017_reserved"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
