"""report_day and print_record: per-day summaries of the counts report, anonymous print records (issue 11)

Revision ID: 0010_reports
Revises: 0009_retention
Create Date: 2026-12-02 01:00:00

Filled by the report itself (in the short transaction that audits it) for days that are over and have no open
ticket; see desk_app/db/models_reports.py for why such a day cannot change. print_record: one row per sheet or
ticket printed (office, day, kind, language: no name), for the project's monitoring indicators.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_reports"
down_revision = "0009_retention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_day",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("desk_id", sa.Integer(), nullable=False),
        sa.Column("issued", sa.Integer(), nullable=False),
        sa.Column("served", sa.Integer(), nullable=False),
        sa.Column("no_show", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Integer(), nullable=False),
        sa.Column("transferred", sa.Integer(), nullable=False),
        sa.Column("wait_count", sa.Integer(), nullable=False),
        sa.Column("wait_sum", sa.Float(), nullable=False),
        sa.Column("wait_p90", sa.Float(), nullable=True),
        sa.Column("service_count", sa.Integer(), nullable=False),
        sa.Column("service_sum", sa.Float(), nullable=False),
        sa.Column("service_p90", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_report_day_office_id_office"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("office_id", "day", "service_id", "desk_id", name=op.f("pk_report_day")),
    )


    op.create_table(
        "print_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_print_record_office_id_office"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_record")),
    )
    op.create_index("ix_print_record_office_day", "print_record", ["office_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_print_record_office_day", table_name="print_record")
    op.drop_table("print_record")
    op.drop_table("report_day")
