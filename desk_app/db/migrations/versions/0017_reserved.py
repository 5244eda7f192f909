"""report_breakdown_day and report_breakdown_part: per-day parts of the breakdowns report (issue 11)

Revision ID: 0017_reserved
Revises: 0016_awareness
Create Date: 2026-12-02 05:50:00

Filled at the day close (and by a report, for the closed days it counted live): per closed day and value of a
day-level breakdown, its counts and its sorted waits and service times, so a year's breakdowns merge about 20,000
rows instead of pairing a million events; see desk_app/db/models_breakdowns.py. The revision id keeps the name of
the slot reserved for it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_reserved"
down_revision = "0016_awareness"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_breakdown_day",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("issued", sa.Integer(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.Column("case_id_sum", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_report_breakdown_day_office_id_office"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("office_id", "day", name=op.f("pk_report_breakdown_day")),
    )
    op.create_table(
        "report_breakdown_part",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dimension", sa.String(length=12), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("issued", sa.Integer(), nullable=False),
        sa.Column("served", sa.Integer(), nullable=False),
        sa.Column("no_show", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Integer(), nullable=False),
        sa.Column("transferred", sa.Integer(), nullable=False),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("wait_runs", sa.Text(), nullable=False),
        sa.Column("waits", sa.LargeBinary(), nullable=False),
        sa.Column("times", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"],
                                name=op.f("fk_report_breakdown_part_office_id_office"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("office_id", "day", "dimension", "key", name=op.f("pk_report_breakdown_part")),
    )


def downgrade() -> None:
    op.drop_table("report_breakdown_part")
    op.drop_table("report_breakdown_day")
