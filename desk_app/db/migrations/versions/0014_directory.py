"""territorial services directory (issue 15)

Revision ID: 0014_directory
Revises: 0013_roles
Create Date: 2026-12-02 05:50:00

Reserved so that parallel work has a fixed place in the chain; empty until its issue fills it.
"""

from __future__ import annotations

revision = "0014_directory"
down_revision = "0013_roles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
