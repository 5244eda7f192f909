"""The training office (issue 12, item 5): its own folder and database, the demo office, a reset in one step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk_app.core.auth import Actor
from desk_app.core.demo import DEMO_OFFICE
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.core.training import (
    TRAINING_FOLDER,
    check_training_database,
    prepare_training_office,
    reset_training,
    training_settings,
)
from desk_app.db.models import Office, Ticket
from desk_app.errors import ConflictError


def _training_core(real: Settings, sqlite_template: Path) -> tuple[Settings, CoreServices]:
    training = training_settings(real)
    training.paths.ensure()
    shutil.copyfile(sqlite_template, training.paths.default_sqlite)  # migrated already: the test skips that wait
    return training, CoreServices.build(training)


def test_training_settings_use_their_own_folder_whatever_says_otherwise(tmp_path: Path) -> None:
    home = tmp_path / "home"
    real = Settings.load(home=home, overrides={"db_url": "postgresql+psycopg://desk@server/office",
                                               "language": "en", "desk_code": "D2"},
                         environ={"DESK_APP_DB": "postgresql+psycopg://desk@elsewhere/office"})
    root = home / "data" / TRAINING_FOLDER
    (root / "config").mkdir(parents=True)
    # A training settings file that names the real database and a printer (edited by hand): both ignored.
    (root / "config" / "settings.toml").write_text(
        'db_url = "postgresql+psycopg://desk@server/office"\nticket_printer = "Sala attesa"\n', encoding="utf-8")
    training = training_settings(real)
    assert training.training and not real.training
    assert training.database_url == f"sqlite:///{root / 'data' / 'sportello.sqlite3'}"
    assert training.ticket_printer == ""
    assert (training.language, training.desk_code) == ("en", "D2")  # the PC's own language and desk
    assert training.paths.config == root / "config" and training.paths.logs == root / "logs"
    assert check_training_database(training) == training.database_url


def test_only_the_training_folders_database_passes_the_check(tmp_path: Path) -> None:
    real = Settings.load(home=tmp_path / "home", environ={})
    with pytest.raises(ConflictError) as refused:
        check_training_database(real)  # the real settings, SQLite in the real data folder
    assert refused.value.code == "training_database"
    assert "real one" in refused.value.message("en")
    training = training_settings(real)
    training.values["db_url"] = real.database_url  # anything changed after the fact
    with pytest.raises(ConflictError):
        check_training_database(training)
    with pytest.raises(ConflictError):
        reset_training(training)  # and the reset touches nothing then
    bare = Settings.load(home=tmp_path / "home" / "data" / TRAINING_FOLDER, environ={})
    with pytest.raises(ConflictError):  # the right folder but not built as the training office's settings
        check_training_database(bare)


def test_prepare_loads_the_demo_once_and_reset_empties_the_practice_database(
        tmp_path: Path, sqlite_template: Path) -> None:
    real = Settings.load(home=tmp_path / "home", environ={})
    real.paths.ensure()
    (real.paths.data / "sportello.sqlite3").write_bytes(b"the real office")  # must survive a reset
    training, core = _training_core(real, sqlite_template)
    try:
        assert prepare_training_office(core) is True
        assert core.offices.offices() == [DEMO_OFFICE["office"]["code"]]
        issued = core.db.read(lambda s: s.execute(select(func.count()).select_from(Ticket)).scalar_one())
        assert issued > 0  # the simulated morning: a live queue to practise on
        assert prepare_training_office(core) is False  # a second start keeps the trainee's work
    finally:
        core.close()
    head = training.paths.config / "audit-head-x.json"
    head.write_text("{}", encoding="utf-8")
    keep = training.paths.config / "settings.toml"
    keep.write_text('language = "it"\n', encoding="utf-8")
    result = reset_training(training)
    assert "sportello.sqlite3" in result.removed and "audit-head-x.json" in result.removed
    assert not training.paths.default_sqlite.exists() and not head.exists()
    assert keep.exists()
    assert (real.paths.data / "sportello.sqlite3").read_bytes() == b"the real office"
    assert reset_training(training).removed == ()  # twice: nothing left, no error


def test_a_database_with_a_real_office_is_not_taken_for_a_training_one(
        services: CoreServices, office: object) -> None:
    """On both databases: the demo is never loaded next to a real office (the guard behind every training start)."""
    with pytest.raises(ConflictError) as refused:
        prepare_training_office(services)
    assert refused.value.code == "demo_refused"
    counted = services.db.read(lambda s: (s.execute(select(func.count()).select_from(Office)).scalar_one(),
                                          s.execute(select(func.count()).select_from(Ticket)).scalar_one()))
    assert counted == (1, 0)
    assert services.staff.list_staff(Actor.system("cli:test")) == []
