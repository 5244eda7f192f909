"""office administration (issue 12): reserved slot in the migration chain, filled by the change that needs it

Revision ID: 0012_office_admin
Revises: 0011_counter
Create Date: 2026-12-02 02:10:00
"""

from __future__ import annotations

revision = "0012_office_admin"
down_revision = "0011_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
