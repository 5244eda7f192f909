"""Join the content and booking branches into one head

Revision ID: 0004_merge
Revises: 0002_content, 0003_booking
Create Date: 2026-11-24 17:05:00

The two features were built side by side on top of 0001_core; from here on there
is one line of revisions again, so ``alembic revision --autogenerate`` has one head.
"""

from __future__ import annotations

revision = "0004_merge"
down_revision = ("0002_content", "0003_booking")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: a merge point only."""


def downgrade() -> None:
    """Nothing to change: a merge point only."""
