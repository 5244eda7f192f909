"""Every file the app writes is its owner's alone (issue 17, item 4): 0600 files, 0700 folders.

The SQLite database and its ``-wal``/``-shm``, backups, ``settings.toml``, the pgpass file and the log, through the
real entry points (``desk-admin`` in-process, the desk app's logging set-up), also when an older version left them
0644 in 0755 folders. POSIX only: on Windows the profile folders' ACL does this (README).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, Cli

from desk_app.core.settings import Settings
from desk_app.db.engine import Database
from desk_app.private_files import owner_only_umask

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes (Windows: per-user profile ACL)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def others_can_read(root: Path) -> list[str]:
    """Every path under ``root`` (itself included) that a group or other user could read, write or enter."""
    return [f"{p} {oct(mode(p))}" for p in [root, *root.rglob("*")] if mode(p) & 0o077]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    home = tmp_path / "home"
    return Cli(home, f"sqlite:///{home / 'data' / 'sportello.sqlite3'}", capsys)


def test_everything_desk_admin_writes_is_private(cli: Cli, tmp_path: Path) -> None:
    assert cli.system("demo", "--date", "2026-11-23", "--tickets", "5")[0] == 0
    assert cli.system("config", "desk_code=D1")[0] == 0
    assert cli.system("db", "backup")[0] == 0
    assert cli.as_user("responsabile", DEMO_PASSWORD)("export", "counts", "--from", "2026-11-23", "--to",
                                                      "2026-11-23", "-o", str(cli.home / "c.csv"))[0] == 0
    db = cli.home / "data" / "sportello.sqlite3"
    assert mode(db) == 0o600 and mode(cli.home / "config" / "settings.toml") == 0o600
    assert [mode(p) for p in (cli.home / "backups").iterdir()] == [0o600]
    for folder in ("data", "config", "logs", "backups"):
        assert mode(cli.home / folder) == 0o700
    assert mode(cli.home) == 0o700  # created by the app, so narrowed too
    assert others_can_read(cli.home) == []


def test_the_wal_and_shm_of_an_open_database_are_private(tmp_path: Path) -> None:
    db_file = tmp_path / "live.sqlite3"
    db = Database(f"sqlite:///{db_file}")
    try:
        db.write(lambda s: s.connection().exec_driver_sql("CREATE TABLE t (x INTEGER)"))
        companions = [db_file.with_name(db_file.name + suffix) for suffix in ("-wal", "-shm")]
        assert all(p.exists() for p in companions)  # the connection is open: WAL in use
        assert [mode(p) for p in (db_file, *companions)] == [0o600, 0o600, 0o600]
    finally:
        db.dispose()


def test_files_an_older_version_left_readable_are_narrowed(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           sqlite_template: Path) -> None:
    home = tmp_path / "old"
    for folder in ("data", "config", "logs", "backups"):
        (home / folder).mkdir(parents=True)
        os.chmod(home / folder, 0o755)
    db = home / "data" / "sportello.sqlite3"
    shutil.copy(sqlite_template, db)
    sqlite3.connect(db).execute("PRAGMA journal_mode=WAL").close()
    settings_file = home / "config" / "settings.toml"
    settings_file.write_text('desk_code = "D1"\n', encoding="utf-8")
    for path in (db, settings_file):
        os.chmod(path, 0o644)
    cli = Cli(home, f"sqlite:///{db}", capsys)
    assert cli.system("db", "check")[0] == 0
    assert cli.system("config", "language=it")[0] == 0
    assert mode(db) == 0o600 and mode(settings_file) == 0o600
    assert [mode(home / f) for f in ("data", "config", "logs", "backups")] == [0o700] * 4
    assert others_can_read(home / "data") == []


def test_the_desk_apps_log_is_private(tmp_path: Path) -> None:
    from desk_app.gui.app import log_file, setup_logging

    settings = Settings.load(home=tmp_path / "gui", environ={})
    settings.paths.logs.mkdir(parents=True)
    old_log = log_file(settings)
    old_log.write_text("from an older version\n", encoding="utf-8")
    os.chmod(old_log, 0o644)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        with owner_only_umask():
            setup_logging(settings)
        logging.getLogger("desk_app.test").warning("a line")
    finally:
        for handler in root.handlers[len(before):]:
            root.removeHandler(handler)
            handler.close()
    assert mode(old_log) == 0o600 and "a line" in old_log.read_text(encoding="utf-8")
    assert mode(settings.paths.logs) == 0o700


def test_the_entry_point_restores_the_callers_umask(cli: Cli) -> None:
    previous = os.umask(0o022)
    try:
        assert cli.system("config", "desk_code=D1")[0] == 0
        assert os.umask(0o022) == 0o022  # main() ran under 077 and put the caller's mask back
    finally:
        os.umask(previous)
    assert mode(cli.home / "config") == 0o700
