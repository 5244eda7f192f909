"""audit_event: append-only in the database (triggers) and the key id of the keyed chain

Revision ID: 0008_audit_append_only
Revises: 0007_queue_hot_path
Create Date: 2026-12-02 01:00:00

* ``key_id`` (nullable): fingerprint of the key whose HMAC-SHA256 is the row's ``hash``. Rows written
  before this revision keep NULL: they are the unkeyed SHA-256 chain of the first releases, which
  ``desk_app.core.audit`` verifies as a legacy segment; the first keyed append marks where the key
  begins. No row is rewritten here (a migration cannot sign: the key is outside the database).
* PostgreSQL: triggers raise on every UPDATE or DELETE of a row and on TRUNCATE of the table.
  SQLite: ``BEFORE UPDATE`` and ``BEFORE DELETE`` triggers ``RAISE(ABORT)`` (SQLite has no TRUNCATE;
  a ``DELETE`` without ``WHERE`` fires them too, triggers turn off its truncate shortcut).
  The table owner can drop them; the keyed chain and the checkpoint outside the database catch
  what is done after that.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_audit_append_only"
down_revision = "0007_queue_hot_path"
branch_labels = None
depends_on = None

MESSAGE = "audit_event is append-only"

PG_UP = (
    f"""
    CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END
    $$
    """,
    "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
)
PG_DOWN = (
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event",
    "DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event",
    "DROP FUNCTION IF EXISTS audit_event_append_only()",
)
SQLITE_UP = (
    f"CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}: UPDATE refused'); END",
    f"CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}: DELETE refused'); END",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    "DROP TRIGGER IF EXISTS audit_event_no_update",
)


def upgrade() -> None:
    op.add_column("audit_event", sa.Column("key_id", sa.String(length=16), nullable=True))
    for statement in PG_UP if op.get_bind().dialect.name == "postgresql" else SQLITE_UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in PG_DOWN if op.get_bind().dialect.name == "postgresql" else SQLITE_DOWN:
        op.execute(statement)
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("key_id")
