"""Prefettura-Questura shared practices (issue 16)

Revision ID: 0015_shared_practices
Revises: 0014_directory
Create Date: 2026-12-02 05:50:00

Reserved so that parallel work has a fixed place in the chain; empty until its issue fills it.
"""

from __future__ import annotations

revision = "0015_shared_practices"
down_revision = "0014_directory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
