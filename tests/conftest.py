"""Shared fixtures: real SQLite files and the real PostgreSQL server, never mocks.

* ``backend`` runs a test once on SQLite and once on PostgreSQL.
* PostgreSQL: one database per test run (``sportello_test_<pid>_<random>``),
  migrated once, tables truncated before each test, dropped at the end. Outside
  CI a missing server skips those tests with a loud reason; with ``CI=true``
  they fail, and the run fails if no PostgreSQL test passed.
* SQLite: a migrated template file is copied for every test.
* Every test's app folders live under its ``tmp_path`` (``--home``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from db_support import DEMO_SETUP, fresh_sqlite, truncate_pg

from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db import migrate
from desk_app.db.engine import Database

PG_ADMIN = os.environ.get("DESK_APP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

_pg_passed = 0


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    global _pg_passed
    if report.when == "call" and report.passed and "postgres" in report.keywords:
        _pg_passed += 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    collected_pg = any("postgres" in item.keywords for item in getattr(session, "items", []))
    if IN_CI and collected_pg and _pg_passed == 0:
        print("\nERROR: CI=true but no PostgreSQL test passed: the server must answer in CI.")
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(f"PostgreSQL tests passed: {_pg_passed}")


# -- PostgreSQL ----------------------------------------------------------------------------------------------------
def _pg_admin_connect() -> Any:
    import psycopg

    return psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a fresh, migrated PostgreSQL database for this test run."""
    import psycopg

    try:
        admin = _pg_admin_connect()
    except psycopg.OperationalError as exc:
        reason = f"PostgreSQL not reachable at {PG_ADMIN}: {str(exc).strip().splitlines()[0]}"
        if IN_CI:
            pytest.fail(f"CI=true: {reason}")
        pytest.skip(f"SKIPPING POSTGRESQL TESTS - {reason}")
    name = f"sportello_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()
    try:
        yield url
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


# -- SQLite --------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (migrating per test would cost far more)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


# -- per-test fixtures ---------------------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id, at test cost: the production parameters take ~50 ms per hash, hundreds of times."""
    from argon2 import PasswordHasher

    from desk_app.core import auth

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """``"sqlite"`` or ``"postgresql"``: tests using it run on both."""
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """URL of an empty, migrated database of ``backend``."""
    if backend == "postgresql":
        url = request.getfixturevalue("pg_url")
        truncate_pg(url)
        return url
    return fresh_sqlite(request.getfixturevalue("sqlite_template"), tmp_path / "home" / "data")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """The ``--home`` folder of this test."""
    return tmp_path / "home"


@pytest.fixture
def settings(home: Path, db_url: str) -> Settings:
    return Settings.load(home=home, overrides={"db_url": db_url}, environ={})


@pytest.fixture
def services(settings: Settings, request: pytest.FixtureRequest) -> Iterator[CoreServices]:
    """Core services over a fresh database of ``backend``; on the ``clock`` fixture where a folder defines one."""
    try:
        clock = request.getfixturevalue("clock")
    except pytest.FixtureLookupError:
        clock = None
    core = CoreServices.build(settings, clock=clock)
    try:
        yield core
    finally:
        core.close()


@pytest.fixture
def system_actor() -> Actor:
    return Actor.system("cli:test")


@pytest.fixture
def office(services: CoreServices, system_actor: Actor) -> Any:
    """The demo set-up: office LODI, services RF (R), LAV (N), LEG (L), desks D1-D3."""
    return services.offices.apply(system_actor, DEMO_SETUP)


@pytest.fixture
def staff(services: CoreServices, system_actor: Actor, office: Any) -> dict[str, Actor]:
    """Logged-in actors: ``clerk``, ``clerk2``, ``mediator``, ``supervisor``, ``admin``.

    Passwords are ``<name>-password``.
    """
    accounts = {"clerk": "clerk", "clerk2": "clerk", "mediator": "mediator", "supervisor": "supervisor",
                "admin": "admin"}
    actors = {}
    for username, role in accounts.items():
        services.staff.add_staff(system_actor, username, username.title(), role, f"{username}-password", "LODI")
        actors[username] = services.staff.login(username, f"{username}-password")
    return actors
