"""core schema

Revision ID: 0001_core
Revises: (none)
Create Date: 2026-11-24 16:13:06.943593
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk_app.db.base


revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=48), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_event_hash")),
        sa.UniqueConstraint("prev_hash", name=op.f("uq_audit_event_prev_hash")),
    )
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("address", sa.String(length=240), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
        sa.UniqueConstraint("code", name=op.f("uq_office_code")),
    )
    op.create_table(
        "desk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["office.id"],
            name=op.f("fk_desk_office_id_office"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk")),
        sa.UniqueConstraint("office_id", "code", name=op.f("uq_desk_office_id_code")),
    )
    with op.batch_alter_table("desk", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_desk_office_id"), ["office_id"], unique=False
        )

    op.create_table(
        "service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("prefix", sa.String(length=2), nullable=False),
        sa.Column("target_wait_minutes", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "target_wait_minutes > 0", name=op.f("ck_service_target_positive")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["office.id"],
            name=op.f("fk_service_office_id_office"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service")),
        sa.UniqueConstraint(
            "office_id", "code", name=op.f("uq_service_office_id_code")
        ),
        sa.UniqueConstraint(
            "office_id", "prefix", name=op.f("uq_service_office_id_prefix")
        ),
    )
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_office_id"), ["office_id"], unique=False
        )

    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.Column("last_login_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.Column("created_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('clerk', 'mediator', 'supervisor', 'admin')",
            name=op.f("ck_staff_role_known"),
        ),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["office.id"],
            name=op.f("fk_staff_office_id_office"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_office_id"), ["office_id"], unique=False
        )

    op.create_table(
        "desk_service",
        sa.Column("desk_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["desk_id"],
            ["desk.id"],
            name=op.f("fk_desk_service_desk_id_desk"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["service.id"],
            name=op.f("fk_desk_service_service_id_service"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("desk_id", "service_id", name=op.f("pk_desk_service")),
    )
    op.create_table(
        "ticket",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("origin_service_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("needs_mediator", sa.Boolean(), nullable=False),
        sa.Column("desk_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("sort_key", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("issued_at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("called_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.Column("serving_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.Column("finished_at", desk_app.db.base.UTCDateTime(), nullable=True),
        sa.Column("recall_count", sa.Integer(), nullable=False),
        sa.Column("transfer_count", sa.Integer(), nullable=False),
        sa.Column("transferred_from_service_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.CheckConstraint(
            "status IN ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'cancelled', 'closed')",
            name=op.f("ck_ticket_status_known"),
        ),
        sa.CheckConstraint(
            "recall_count >= 0", name=op.f("ck_ticket_recall_count_positive")
        ),
        sa.ForeignKeyConstraint(
            ["desk_id"], ["desk.id"], name=op.f("fk_ticket_desk_id_desk")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["office.id"],
            name=op.f("fk_ticket_office_id_office"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["origin_service_id"],
            ["service.id"],
            name=op.f("fk_ticket_origin_service_id_service"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_ticket_service_id_service")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_ticket_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["transferred_from_service_id"],
            ["service.id"],
            name=op.f("fk_ticket_transferred_from_service_id_service"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket")),
        sa.UniqueConstraint(
            "origin_service_id",
            "day",
            "seq",
            name=op.f("uq_ticket_origin_service_id_day_seq"),
        ),
    )
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ticket_office_day", ["office_id", "day"], unique=False
        )
        batch_op.create_index(
            "ix_ticket_queue",
            ["office_id", "status", "service_id", "sort_key"],
            unique=False,
        )
        batch_op.create_index(
            "uq_ticket_desk_active",
            ["desk_id"],
            unique=True,
            sqlite_where=sa.text("status IN ('called', 'serving')"),
            postgresql_where=sa.text("status IN ('called', 'serving')"),
        )

    op.create_table(
        "ticket_counter",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["office.id"],
            name=op.f("fk_ticket_counter_office_id_office"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["service.id"],
            name=op.f("fk_ticket_counter_service_id_service"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "office_id", "service_id", "day", name=op.f("pk_ticket_counter")
        ),
    )
    op.create_table(
        "ticket_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", desk_app.db.base.UTCDateTime(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=True),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("desk_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["desk_id"], ["desk.id"], name=op.f("fk_ticket_event_desk_id_desk")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"],
            ["office.id"],
            name=op.f("fk_ticket_event_office_id_office"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["service.id"],
            name=op.f("fk_ticket_event_service_id_service"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_ticket_event_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["ticket.id"],
            name=op.f("fk_ticket_event_ticket_id_ticket"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_event")),
    )
    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ticket_event_office_at", ["office_id", "at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_event_ticket_id"), ["ticket_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_event_ticket_id"))
        batch_op.drop_index("ix_ticket_event_office_at")

    op.drop_table("ticket_event")
    op.drop_table("ticket_counter")
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_ticket_desk_active",
            sqlite_where=sa.text("status IN ('called', 'serving')"),
            postgresql_where=sa.text("status IN ('called', 'serving')"),
        )
        batch_op.drop_index("ix_ticket_queue")
        batch_op.drop_index("ix_ticket_office_day")

    op.drop_table("ticket")
    op.drop_table("desk_service")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_office_id"))

    op.drop_table("staff")
    with op.batch_alter_table("service", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_office_id"))

    op.drop_table("service")
    with op.batch_alter_table("desk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_desk_office_id"))

    op.drop_table("desk")
    op.drop_table("office")
    op.drop_table("change_log")
    op.drop_table("audit_event")
