"""Database layer: migrations agree with the models, SQLite rules, backups, refusals of bad databases."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db import migrate
from desk_app.db.engine import Database, network_filesystem
from desk_app.db.schema import metadata
from desk_app.errors import DatabaseError


def test_models_and_migrations_agree(db_url):
    db = Database(db_url)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        assert migrate.current_revisions(db) == migrate.head_revisions()
    finally:
        db.dispose()


def test_upgrade_is_idempotent(db_url):
    db = Database(db_url)
    try:
        result = migrate.upgrade(db)
        assert not result.changed and result.before == result.after == frozenset(migrate.head_revisions())
    finally:
        db.dispose()


def test_upgrade_of_an_existing_sqlite_file_takes_a_backup_first(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    cfg = migrate.alembic_config()
    with db.engine.begin() as conn:  # a file made by the first release
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_core")
        conn.exec_driver_sql("INSERT INTO office (code, name, address, timezone) VALUES ('LODI', 'Lodi', '', 'UTC')")
    result = migrate.upgrade(db, tmp_path / "backups")
    assert result.changed and result.before == {"0001_core"} and result.after == migrate.head_revisions()
    assert result.backup is not None and result.backup.parent == tmp_path / "backups"
    with sqlite3.connect(result.backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001_core",)]
        assert copy.execute("SELECT code FROM office").fetchall() == [("LODI",)]
    db.dispose()


def test_backups_are_pruned_to_the_configured_number(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    migrate.upgrade(db)
    for _ in range(5):
        migrate.backup_sqlite(db, tmp_path / "backups", keep=3)
    assert len(list((tmp_path / "backups").glob("*.sqlite3"))) == 3
    db.dispose()


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()


def test_sqlite_write_transactions_begin_immediate(tmp_path):
    """A write transaction takes the write lock at BEGIN: a second writer cannot sneak in between read and write."""
    path = tmp_path / "desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    other = sqlite3.connect(path, timeout=0.05, isolation_level=None)

    def work(session):
        session.execute(text("SELECT count(*) FROM ticket"))  # a read, as call-next starts with
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        return True

    assert db.write(work, attempts=1)
    other.execute("BEGIN IMMEDIATE")  # free again after commit
    other.execute("ROLLBACK")
    other.close()
    db.dispose()


def test_network_share_detection():
    mounts = [("/", "ext4"), ("/mnt/office", "cifs"), ("/home", "nfs4"), ("/srv/local", "xfs")]
    assert network_filesystem(Path("/mnt/office/sportello/desk.sqlite3"), mounts) == "cifs"
    assert network_filesystem(Path("/home/clerk/desk.sqlite3"), mounts) == "nfs4"
    assert network_filesystem(Path("/srv/local/desk.sqlite3"), mounts) is None
    assert network_filesystem(Path("/mnt/officeX/desk.sqlite3"), mounts) is None  # prefix of a name is not a mount
    assert network_filesystem(Path("/tmp/desk.sqlite3"), mounts) is None


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("appunti della riunione\n" * 50, encoding="utf-8")
    before = path.read_bytes()
    core = CoreServices.build(Settings.load(home=tmp_path / "home", overrides={"db_url": f"sqlite:///{path}"},
                                            environ={}))
    with pytest.raises(DatabaseError) as err:
        core.upgrade_schema()
    assert err.value.code == "db_not_sqlite" and str(path) in err.value.message("it")
    assert path.read_bytes() == before
    assert not list((tmp_path / "home" / "backups").glob("*"))


def test_unreachable_postgresql_gives_one_clear_message():
    db = Database("postgresql://postgres@127.0.0.1:1/none")
    with pytest.raises(DatabaseError) as err:
        db.ping()
    assert err.value.code == "db_unreachable"
    assert err.value.message("it").startswith("Database non raggiungibile (postgresql")
    assert "127.0.0.1:1" in err.value.message("it") and "\n" not in err.value.message("it")
    with pytest.raises(DatabaseError):
        db.read(lambda s: s.execute(text("SELECT 1")))


@pytest.mark.parametrize("url", ["mysql://x@y/z", "not a url", "http://example.invalid/"])
def test_unsupported_or_malformed_urls(url):
    with pytest.raises(DatabaseError) as err:
        Database(url)
    assert err.value.code == "db_bad_url"


def test_core_never_imports_qt():
    """The core stays Qt-free: importing every core module must not load PySide6."""
    code = (
        "import pkgutil, importlib, sys, desk_app.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'desk_app.core.'): importlib.import_module(m.name)\n"
        "import desk_app.db.schema, desk_app.cli\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'core imported PySide6'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
