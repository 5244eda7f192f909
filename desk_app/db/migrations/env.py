"""Alembic environment: runs on the connection handed in by :mod:`desk_app.db.migrate`.

Batch mode is on for SQLite, which cannot ALTER most things in place.
"""

from __future__ import annotations

from alembic import context

from desk_app.db.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app's own migrate module drives Alembic
    raise RuntimeError("run migrations through 'desk-admin db upgrade'")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
