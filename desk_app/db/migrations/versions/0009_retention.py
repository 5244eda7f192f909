"""maintenance_run: the daily retention purge and backup, claimed by one desk per office and day (issue 17)

Revision ID: 0009_retention
Revises: 0008_audit_append_only
Create Date: 2026-12-02 01:00:00

The primary key ``(job, scope, day)`` is the claim: ``INSERT ... ON CONFLICT DO
NOTHING`` lets exactly one desk run each daily job.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk_app.db.base

revision = "0009_retention"
down_revision = "0008_audit_append_only"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maintenance_run",
        sa.Column("job", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("started_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("finished_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.CheckConstraint("job IN ('purge', 'backup')", name=op.f("ck_maintenance_run_job_known")),
        sa.CheckConstraint("outcome IN ('running', 'ok', 'failed')", name=op.f("ck_maintenance_run_outcome_known")),
        sa.PrimaryKeyConstraint("job", "scope", "day", name=op.f("pk_maintenance_run")),
    )


def downgrade() -> None:
    op.drop_table("maintenance_run")
