"""Prefettura-Questura shared practices (issue 16)

Revision ID: 0015_shared_practices
Revises: 0014_directory
Create Date: 2026-12-02 05:50:00

``shared_practice``: a case or a bare practice number sent from one office to the other, and where it stands;
``practice_step``: each move (who, when, from, to, reason, note), the source of every days-waiting figure;
``coordination_meeting`` and ``meeting_decision``: what a coordination meeting decided for each practice.
New tables only; no existing row changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk_app.db.base

revision = "0015_shared_practices"
down_revision = "0014_directory"
branch_labels = None
depends_on = None

_SIDES = "('prefettura', 'questura')"


def upgrade() -> None:
    op.create_table(
        "coordination_meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("held_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("min_days", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.CheckConstraint("min_days >= 0", name=op.f("ck_coordination_meeting_min_days_positive")),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_coordination_meeting_office_id_office"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coordination_meeting")),
    )
    op.create_index("ix_coordination_meeting_office_held", "coordination_meeting", ["office_id", "held_at"])
    op.create_table(
        "shared_practice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("practice_number", sa.String(length=40), nullable=True),
        sa.Column("procedure_code", sa.String(length=16), nullable=False),
        sa.Column("owner", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("waiting_on", sa.String(length=12), nullable=True),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("opened_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("sent_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("closed_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.Column("purged_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.CheckConstraint("(status = 'closed') = (waiting_on IS NULL)",
                           name=op.f("ck_shared_practice_closed_waits_on_nobody")),
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('done', 'withdrawn', 'not_competent')",
                           name=op.f("ck_shared_practice_outcome_known")),
        sa.CheckConstraint(f"owner IN {_SIDES}", name=op.f("ck_shared_practice_owner_known")),
        sa.CheckConstraint("status IN ('waiting', 'answered', 'returned', 'closed')",
                           name=op.f("ck_shared_practice_status_known")),
        sa.CheckConstraint(f"waiting_on IS NULL OR waiting_on IN {_SIDES}",
                           name=op.f("ck_shared_practice_waiting_on_known")),
        sa.ForeignKeyConstraint(["case_id"], ["checklist_case.id"],
                                name=op.f("fk_shared_practice_case_id_checklist_case"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_shared_practice_office_id_office"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_practice")),
    )
    op.create_index(op.f("ix_shared_practice_case_id"), "shared_practice", ["case_id"])
    op.create_index("ix_shared_practice_number", "shared_practice", ["office_id", "practice_number"])
    op.create_index("ix_shared_practice_waiting", "shared_practice", ["office_id", "status", "sent_at"])
    # One open shared practice per practice number (partial unique index, both databases).
    op.create_index("uq_shared_practice_open_number", "shared_practice", ["office_id", "practice_number"],
                    unique=True, sqlite_where=sa.text("status != 'closed'"),
                    postgresql_where=sa.text("status != 'closed'"))
    op.create_table(
        "meeting_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.CheckConstraint("decision IN ('remind', 'new_due_date', 'ask_documents', 'escalate', 'close', 'noted')",
                           name=op.f("ck_meeting_decision_decision_known")),
        sa.ForeignKeyConstraint(["meeting_id"], ["coordination_meeting.id"],
                                name=op.f("fk_meeting_decision_meeting_id_coordination_meeting"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["practice_id"], ["shared_practice.id"],
                                name=op.f("fk_meeting_decision_practice_id_shared_practice"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_decision")),
        sa.UniqueConstraint("meeting_id", "practice_id", name=op.f("uq_meeting_decision_meeting_id_practice_id")),
    )
    op.create_index(op.f("ix_meeting_decision_practice_id"), "meeting_decision", ["practice_id"])
    op.create_table(
        "practice_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("from_side", sa.String(length=12), nullable=False),
        sa.Column("to_side", sa.String(length=12), nullable=True),
        sa.Column("reason", sa.String(length=24), nullable=True),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.CheckConstraint(f"from_side IN {_SIDES}", name=op.f("ck_practice_step_from_known")),
        sa.CheckConstraint("kind IN ('send', 'answer', 'return', 'close')", name=op.f("ck_practice_step_kind_known")),
        sa.CheckConstraint(f"to_side IS NULL OR to_side IN {_SIDES}", name=op.f("ck_practice_step_to_known")),
        sa.ForeignKeyConstraint(["practice_id"], ["shared_practice.id"],
                                name=op.f("fk_practice_step_practice_id_shared_practice"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_practice_step_staff_id_staff"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_step")),
    )
    op.create_index("ix_practice_step_practice_at", "practice_step", ["practice_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_practice_step_practice_at", table_name="practice_step")
    op.drop_table("practice_step")
    op.drop_index(op.f("ix_meeting_decision_practice_id"), table_name="meeting_decision")
    op.drop_table("meeting_decision")
    op.drop_index("uq_shared_practice_open_number", table_name="shared_practice")
    op.drop_index("ix_shared_practice_waiting", table_name="shared_practice")
    op.drop_index("ix_shared_practice_number", table_name="shared_practice")
    op.drop_index(op.f("ix_shared_practice_case_id"), table_name="shared_practice")
    op.drop_table("shared_practice")
    op.drop_index("ix_coordination_meeting_office_held", table_name="coordination_meeting")
    op.drop_table("coordination_meeting")
