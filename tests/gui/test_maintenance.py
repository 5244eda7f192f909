"""The retention purge from the desk window: the daily run at start, and the admin's menu action with its counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.clock import ManualClock
from desk_app.db.models_content import Case
from desk_app.db.models_maintenance import MaintenanceRun

from .conftest import settle


def _closed_case(services: Any, actor: Any, practice: str) -> None:
    case = services.cases.open_case(actor, "RF-NO", "it", practice_number=practice)
    services.cases.close(actor, case.id, "complete")


def _practices(services: Any) -> list[str | None]:
    return services.db.read(lambda s: list(s.execute(select(Case.practice_number).order_by(Case.id)).scalars()))


def test_the_desk_purges_at_start_and_the_admin_on_demand(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any,
                                                          services: Any, system_actor: Any) -> None:
    services.content.load(system_actor)
    _closed_case(services, staff["clerk"], "LO/RF/1")
    later = ManualClock(datetime.now(UTC) + timedelta(days=100))  # the cases were closed 100 days before
    desk = open_desk("D1", clock=later)
    settle(qtbot, desk)
    runs = desk.window.maintenance.last_daily
    assert runs is not None and runs.purge is not None and runs.purge.cases == 1  # done at start, by itself
    assert _practices(services) == [None]
    jobs = sorted(r.job for r in services.db.read(lambda s: list(s.execute(select(MaintenanceRun)).scalars())))
    # A desk backs up its own SQLite file; a shared PostgreSQL server is backed up by its scheduled job.
    assert jobs == (["backup", "purge"] if services.db.is_sqlite else ["purge"])
    assert bool(runs.backup) == services.db.is_sqlite

    _closed_case(services, staff["clerk"], "LO/RF/2")
    log_in(desk, "clerk")
    assert not desk.window.maintenance.action.isEnabled()  # a clerk may not purge
    desk.window.sessions.lock("")
    log_in(desk, "admin")
    assert desk.window.maintenance.action.isEnabled()
    desk.dialogs.agree = False
    desk.window.maintenance.action.trigger()
    settle(qtbot, desk)
    kind, _, question = desk.dialogs.shown[-1]
    assert kind == "confirm" and "Pratiche: 1" in question and "90" in question
    assert _practices(services) == [None, "LO/RF/2"]  # declined: nothing removed
    desk.dialogs.agree = True
    desk.window.maintenance.action.trigger()
    settle(qtbot, desk)
    settle(qtbot, desk)
    kind, _, told = desk.dialogs.shown[-1]
    assert kind == "info" and "Pratiche: 1" in told
    assert _practices(services) == [None, None]
