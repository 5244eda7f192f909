"""Counts export figures, declared settings and paths, and the shared input rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desk_app.clock import ManualClock
from desk_app.core.reports import percentile
from desk_app.core.services import CoreServices
from desk_app.core.settings import SETTINGS, AppPaths, Settings
from desk_app.core.validation import clean_code, clean_text, parse_date, parse_date_range
from desk_app.errors import ValidationError


def test_counts_wait_and_service_times_per_desk(settings, office, staff):
    clock = ManualClock(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    core = CoreServices.build(settings, clock=clock)
    clerk, queue = staff["clerk"], core.queue
    try:
        for _ in range(4):
            queue.issue_ticket(clerk, "RF")
        for wait, service in ((5, 10), (10, 20), (15, 30)):  # waits measured from 08:00 issue time
            clock.set(datetime(2026, 11, 24, 8, wait, tzinfo=UTC))
            queue.call_next(clerk, "D1")
            queue.start_serving(clerk, "D1")
            clock.advance(timedelta(minutes=service))
            queue.finish(clerk, "D1")
        clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
        queue.call_next(clerk, "D2")
        queue.start_serving(clerk, "D2")
        queue.transfer(clerk, "R004", "LEG", desk_code="D2")
        clock.advance(timedelta(minutes=4))
        queue.call_next(clerk, "D3")
        queue.no_show(clerk, "D3")
        rows = {(r.service, r.desk): r for r in core.reports.counts(staff["supervisor"], "2026-11-24",
                                                                    date(2026, 11, 24))}
    finally:
        core.close()
    assert rows[("RF", "")].issued == 4
    d1 = rows[("RF", "D1")]
    assert (d1.served, d1.no_show, d1.transferred) == (3, 0, 0)
    assert d1.wait_avg == pytest.approx(10.0) and d1.wait_p90 == pytest.approx(15.0)
    assert d1.service_avg == pytest.approx(20.0) and d1.service_p90 == pytest.approx(30.0)
    assert rows[("RF", "D2")].transferred == 1 and rows[("RF", "D2")].wait_avg == pytest.approx(60.0)
    # in its new service the transferred ticket waited from the transfer, 4 minutes
    leg = rows[("LEG", "D3")]
    assert (leg.no_show, leg.wait_count, leg.wait_avg) == (1, 1, pytest.approx(4.0))
    assert ("LEG", "") not in rows or rows[("LEG", "")].issued == 0


def test_percentile_is_nearest_rank():
    assert percentile([], 0.9) is None
    assert percentile([7.0], 0.9) == 7.0
    assert percentile(range(1, 11), 0.9) == 9
    assert percentile([1, 2, 3, 100], 0.9) == 100


# -- settings and paths --------------------------------------------------------------------------------------------
def test_home_moves_every_folder(tmp_path):
    paths = AppPaths.resolve(tmp_path / "h")
    assert {p.parent for p in (paths.data, paths.config, paths.logs, paths.backups)} == {(tmp_path / "h").resolve()}
    assert paths.default_sqlite.parent == paths.data


def test_database_url_precedence(tmp_path):
    home = tmp_path / "h"
    default = Settings.load(home=home, environ={})
    assert default.database_url == f"sqlite:///{home.resolve() / 'data' / 'sportello.sqlite3'}"
    default.save(db_url="sqlite:////from/file.sqlite3")
    assert Settings.load(home=home, environ={}).database_url == "sqlite:////from/file.sqlite3"
    env = {"DESK_APP_DB": "postgresql://db.example/sportello", "DESK_APP_HOME": str(home)}
    assert Settings.load(environ=env).database_url == "postgresql://db.example/sportello"
    flag = Settings.load(environ=env, overrides={"db_url": "sqlite:////flag.sqlite3"})
    assert flag.database_url == "sqlite:////flag.sqlite3"


def test_settings_are_declared_once_with_defaults_and_validated(tmp_path):
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names)) and all(s.description for s in SETTINGS)
    settings = Settings.load(home=tmp_path, environ={})
    assert settings.language == "it" and settings.idle_lock_minutes == 5
    with pytest.raises(ValidationError):
        settings.save(idle_lock_minutes=0)
    with pytest.raises(ValidationError):
        settings.save(language="de")
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "settings.toml").write_text("language = [", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        Settings.load(home=tmp_path, environ={})
    assert "settings.toml" in err.value.message("it")


# -- input rules ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "code"),
    [("", "required"), ("   ", "required"), ("x" * 41, "too_long"), ("a\x00b", "control_chars"),
     ("tab\there", "control_chars"), ("line\nbreak", "control_chars"), ("abc\u202edcba", "bidi_controls"),
     ("\u200fname", "bidi_controls"), ("\u2066isolate\u2069", "bidi_controls"), ("x\ud800", "control_chars")],
)
def test_clean_text_refuses(value, code):
    with pytest.raises(ValidationError) as err:
        clean_text(value, "nome", 40)
    assert err.value.code == code


@pytest.mark.parametrize("value", ["Amina Benali", "مريم", "ਪੰਜਾਬੀ", "क्षत्रिय", "王小明", "Ștefan Ionuț", "ناصر\u200cی"])
def test_clean_text_accepts_every_script_of_the_territory(value):
    assert clean_text(f"  {value} ", "nome", 40) == value


def test_multiline_notes_keep_newlines_only():
    assert clean_text("riga 1\nriga 2", "note", 100, multiline=True) == "riga 1\nriga 2"
    with pytest.raises(ValidationError):
        clean_text("riga 1\r\nriga 2", "note", 100, multiline=True)


def test_codes_and_dates():
    assert clean_code(" d1 ", "desk") == "D1"
    for bad in ("D 1", "D1;DROP", "Ä1", "X" * 17):
        with pytest.raises(ValidationError):
            clean_code(bad, "desk")
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    for bad in ("2026-02-29", "2026-13-01", "24/11/2026", "", "domani"):
        with pytest.raises(ValidationError):
            parse_date(bad)
    with pytest.raises(ValidationError) as err:
        parse_date_range("2026-12-01", "2026-11-01")
    assert err.value.code == "bad_range"
