"""SQLite change_log ids are never reused

Revision ID: 0005_change_log_autoincrement
Revises: 0004_merge
Create Date: 2026-11-24 17:30:00

Day close prunes change_log; emptied, a plain SQLite rowid table starts again at 1,
and a desk window left open over the weekend (waiting for ids above Friday's last)
would miss Monday's changes. AUTOINCREMENT keeps ids growing. PostgreSQL sequences
never go back: nothing to do there.
"""

from __future__ import annotations

from alembic import op

revision = "0005_change_log_autoincrement"
down_revision = "0004_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("change_log", recreate="always",
                                  table_kwargs={"sqlite_autoincrement": True}):
            pass


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("change_log", recreate="always",
                                  table_kwargs={"sqlite_autoincrement": False}):
            pass
