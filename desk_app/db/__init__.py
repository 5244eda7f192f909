"""Database layer: SQLAlchemy models, engine and sessions, migrations, change feed."""
