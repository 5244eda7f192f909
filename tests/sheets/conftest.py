"""Fixtures of the printed-sheet tests: one SQLite office with the shipped catalogue loaded.

Rendering does not depend on the database, so these run on SQLite only (the catalogue tests cover PostgreSQL).
"""

from __future__ import annotations

from typing import Any

import pytest

from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.sheets import SheetBuilder


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    """SQLite only here (overrides the suite's both-backends parameter)."""
    return str(request.param)


@pytest.fixture
def builder(services: CoreServices, system_actor: Actor, office: Any) -> SheetBuilder:
    """Sheets of the test office, with the shipped catalogue and its draft translations."""
    services.content.load(system_actor)
    return SheetBuilder(services.content)
