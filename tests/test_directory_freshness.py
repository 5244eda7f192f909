"""The directory search checks freshness in ONE database query per search (issue 15, search speed), and never serves
a stale answer: a change made through another :class:`ServiceDirectory` instance, or by another process, is seen by
the very next search; on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.directory import ServiceDirectory
from desk_app.core.directory_types import Localised
from desk_app.core.services import CoreServices

START = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def statements(services: CoreServices) -> Iterator[list[str]]:
    """Every SQL statement the engine sends from now on."""
    sent: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        sent.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", record)
    yield sent
    event.remove(services.db.engine, "before_cursor_execute", record)


def _uids(found: list[Any]) -> set[str]:
    return {s.uid for s in found}


def test_a_warm_search_sends_one_query(services: CoreServices, staff: dict[str, Actor],
                                       statements: list[str]) -> None:
    services.directory.load_file(staff["admin"])
    clerk = staff["clerk"]
    assert services.directory.search(clerk, "corsi italiano")  # builds the index
    statements.clear()
    found = services.directory.search(clerk, "corsi italiano")
    assert found and found[0].organisation.name == "CPIA Lodi"
    queries = [q for q in statements if q.lstrip().upper().startswith("SELECT")]  # not SQLite's BEGIN
    assert len(queries) == 1, statements


def test_a_change_through_another_instance_is_seen_by_the_next_search(
        services: CoreServices, staff: dict[str, Actor], clock: ManualClock) -> None:
    admin, clerk = staff["admin"], staff["clerk"]
    services.directory.load_file(admin)
    other = ServiceDirectory(services.db, services.directory.auth, clock)  # another desk's core on the same database
    cpia = services.directory.search(clerk, "corsi italiano")[0]
    assert cpia.uid in _uids(other.search(clerk, "corsi italiano"))
    # a withdrawal elsewhere
    clock.advance(timedelta(seconds=1))
    other.withdraw(admin, cpia.uid)
    assert cpia.uid not in _uids(services.directory.search(clerk, "corsi italiano"))
    # an edit of a text only (no count moves): the new name is found at once, the old one no longer
    caritas = services.directory.search(clerk, "caritas")[0]
    clock.advance(timedelta(seconds=1))
    edited = other.service(admin, caritas.uid)
    texts = dict(edited.texts)
    texts["it"] = dict(texts["it"]) | {"name": Localised("Sportello zafferano", "it")}
    other.put_service(admin, dataclasses.replace(edited, texts=texts))
    assert caritas.uid in _uids(services.directory.search(clerk, "zafferano"))
    # a republication brings the withdrawn one back
    clock.advance(timedelta(seconds=1))
    other.publish(admin, cpia.uid)
    assert cpia.uid in _uids(services.directory.search(clerk, "corsi italiano"))


def test_a_change_by_another_process_is_seen_by_the_next_search(
        services: CoreServices, staff: dict[str, Actor], db_url: str, tmp_path: Path) -> None:
    admin, clerk = staff["admin"], staff["clerk"]
    services.directory.load_file(admin)
    cpia = services.directory.search(clerk, "corsi italiano")[0]
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from desk_app.core.auth import Actor
        from desk_app.core.services import CoreServices
        from desk_app.core.settings import Settings
        core = CoreServices.build(Settings.load(home=Path({str(tmp_path / 'other')!r}),
                                                overrides={{"db_url": {db_url!r}}}, environ={{}}))
        core.directory.withdraw(Actor.system("other-process"), {cpia.uid!r})
        core.close()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert cpia.uid not in _uids(services.directory.search(clerk, "corsi italiano"))
