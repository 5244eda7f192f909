"""ticket: partial indexes of the live queue (waiting tickets in call order; open tickets by day)

Revision ID: 0007_queue_hot_path
Revises: 0006_ticket_previous_status
Create Date: 2026-12-02 01:00:00

Both indexes hold only live tickets, so they stay small however much history the
ticket table keeps (issue 18: a year is ~250,000 tickets):

* ``ix_ticket_waiting`` (office, day, sort_key, id) WHERE status = 'waiting': call-next
  walks the waiting tickets in call order and stops at the first one the desk may
  take, instead of sorting every waiting ticket on each call;
* ``ix_ticket_open`` (office, day) WHERE status IN the open statuses: the day close run
  at every start finds the leftovers of earlier days without reading those days.

The queries that use them write the statuses into the SQL (SQLite matches a partial
index by the text of its condition; a bound parameter does not match).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_queue_hot_path"
down_revision = "0006_ticket_previous_status"
branch_labels = None
depends_on = None

WAITING = "status = 'waiting'"
OPEN = "status IN ('waiting', 'called', 'serving', 'parked')"


def upgrade() -> None:
    with op.batch_alter_table("ticket") as batch:
        batch.create_index("ix_ticket_waiting", ["office_id", "day", "sort_key", "id"],
                           sqlite_where=sa.text(WAITING), postgresql_where=sa.text(WAITING))
        batch.create_index("ix_ticket_open", ["office_id", "day"],
                           sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))


def downgrade() -> None:
    with op.batch_alter_table("ticket") as batch:
        batch.drop_index("ix_ticket_open", sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
        batch.drop_index("ix_ticket_waiting", sqlite_where=sa.text(WAITING), postgresql_where=sa.text(WAITING))
