"""Office-wide settings (issue 12): stored in the database, checked, permission-bound, audited, announced, and read
by the retention purge; on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from desk_app.core.auth import Actor
from desk_app.core.office_settings import BY_NAME, OFFICE_SETTINGS, clean_value, permission_for
from desk_app.core.services import CoreServices
from desk_app.core.settings import SETTINGS, Settings
from desk_app.db.engine import Database
from desk_app.db.feed import Change, ChangeFeed
from desk_app.db.models import AuditEvent
from desk_app.db.models_admin import OfficeSetting
from desk_app.errors import PermissionDeniedError, ValidationError


def _events(core: CoreServices, action: str) -> list[AuditEvent]:
    return core.db.read(lambda s: list(s.execute(select(AuditEvent).where(AuditEvent.action == action)
                                                 .order_by(AuditEvent.id)).scalars()))


def test_the_moved_settings_share_the_settings_file_bounds() -> None:
    local = {s.name: s for s in SETTINGS}
    for name in ("retention_days", "idle_lock_minutes"):
        assert (BY_NAME[name].minimum, BY_NAME[name].maximum) == (local[name].minimum, local[name].maximum)
    with pytest.raises(ValidationError) as refused:
        clean_value("retention_days", str(local["retention_days"].maximum + 1))
    assert refused.value.code == "out_of_range"
    assert clean_value("idle_lock_minutes", " 12 ") == 12
    with pytest.raises(ValidationError):
        clean_value("board_message", "x" * (BY_NAME["board_message"].max_length + 1))
    with pytest.raises(ValidationError):
        clean_value("board_title", "due\nrighe")  # one line on the board
    assert clean_value("sheet_hours", "lun-ven 9-12\nmar 14-16") == "lun-ven 9-12\nmar 14-16"
    with pytest.raises(ValidationError):
        clean_value("nonsense", 1)


def test_defaults_come_from_the_local_file_until_the_office_sets_them(services: CoreServices, office,
                                                                       staff: dict[str, Actor], db_url: str) -> None:
    first = services.office_settings.current()
    assert first["retention_days"] == services.settings.retention_days
    assert first["idle_lock_minutes"] == services.settings.idle_lock_minutes
    assert first["service_level_percent"] == BY_NAME["service_level_percent"].default
    assert first.stored == frozenset({"address"})  # the demo office has an address on its row
    assert set(first.values) == {s.name for s in OFFICE_SETTINGS}
    changed = services.office_settings.change(staff["admin"], {"retention_days": 30, "idle_lock_minutes": "7",
                                                               "board_message": "  Chiuso il 24  "})
    assert (changed["retention_days"], changed["idle_lock_minutes"], changed["board_message"]) == (30, 7,
                                                                                                   "Chiuso il 24")
    # Another desk, with another settings file, reads the office's values, not its own file's.
    other = CoreServices.build(Settings.load(home=services.settings.paths.data.parent / "other",
                                             overrides={"db_url": db_url,
                                                        "retention_days": 365}, environ={}))
    try:
        assert other.office_settings.current()["retention_days"] == 30
        assert other.office_settings.current()["board_message"] == "Chiuso il 24"
    finally:
        other.close()
    events = _events(services, "office.settings")
    assert len(events) == 1 and events[0].detail["changed"] == {"retention_days": 30, "idle_lock_minutes": 7,
                                                                "board_message": "Chiuso il 24"}
    # The same values again: nothing written, nothing audited.
    services.office_settings.change(staff["admin"], {"retention_days": 30})
    assert len(_events(services, "office.settings")) == 1


def test_the_address_is_the_office_rows(services: CoreServices, office, staff: dict[str, Actor]) -> None:
    services.office_settings.change(staff["supervisor"], {"address": "Via Nuova 1, Lodi",
                                                          "sheet_hours": "lun-ven 9:00-12:00"})
    assert services.content.office().address == "Via Nuova 1, Lodi"  # what the sheets print
    assert services.office_settings.current()["sheet_hours"] == "lun-ven 9:00-12:00"


def test_a_refused_value_stores_nothing(services: CoreServices, office, staff: dict[str, Actor]) -> None:
    with pytest.raises(ValidationError) as refused:
        services.office_settings.change(staff["admin"], {"board_title": "Benvenuti", "service_level_percent": 101})
    assert refused.value.code == "out_of_range" and refused.value.params["field"] == "service_level_percent"
    assert services.office_settings.current()["board_title"] == ""
    assert services.db.read(lambda s: s.execute(select(OfficeSetting)).scalars().all()) == []


def test_who_may_change_what(services: CoreServices, office, staff: dict[str, Actor]) -> None:
    assert permission_for("retention_days") == "manage_db" and permission_for("board_message") == "manage_setup"
    services.office_settings.change(staff["supervisor"], {"board_message": "Ritardi"})
    for who, changes in (("supervisor", {"retention_days": 10}), ("supervisor", {"idle_lock_minutes": 60}),
                         ("clerk", {"board_message": "x"})):
        with pytest.raises(PermissionDeniedError):
            services.office_settings.change(staff[who], changes)
    assert services.office_settings.current()["retention_days"] == services.settings.retention_days
    assert [e.outcome for e in _events(services, "denied:manage_db")] == ["denied", "denied"]
    assert [e.outcome for e in _events(services, "denied:manage_setup")] == ["denied"]


def test_every_desk_hears_of_a_change(services: CoreServices, office, staff: dict[str, Actor], db_url: str) -> None:
    listener = Database(db_url)
    feed = ChangeFeed(listener, office_id=services.offices.view().id)
    feed.start_listening()
    try:
        services.office_settings.change(staff["admin"], {"idle_lock_minutes": 9, "board_title": "Sportello"})
        got: list[Change] = []
        deadline = time.monotonic() + 10
        while not got and time.monotonic() < deadline:
            got += feed.wait(0.2)
        assert [(c.kind, c.action, c.data) for c in got] == [
            ("office_settings", "changed", {"names": ["board_title", "idle_lock_minutes"]})]
    finally:
        feed.stop()
        listener.dispose()


def test_the_purge_uses_the_office_period(services: CoreServices, office, staff: dict[str, Actor]) -> None:
    admin = staff["admin"]
    before = services.retention.purge(admin, dry_run=True)
    assert before.retention_days == services.settings.retention_days
    services.office_settings.change(admin, {"retention_days": 12})
    after = services.retention.purge(admin, dry_run=True)
    assert after.retention_days == 12
    moved = after.cutoff - before.cutoff
    assert abs(moved - timedelta(days=services.settings.retention_days - 12)) < timedelta(minutes=1)
    services.retention.purge(admin)
    assert _events(services, "retention.purge")[-1].detail["retention_days"] == 12
