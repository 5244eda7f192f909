"""``desk-admin export counts --period``: scheduled exports named by their period (issue 11)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, Cli

from desk_app.clock import SystemClock, local_day
from desk_app.core.reports import PERIODS, period_range


@pytest.fixture
def boss(home: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The demo office, loaded by the machine owner; acts as its supervisor ``responsabile``."""
    cli = Cli(home, db_url, capsys)
    assert cli.system("demo", "--tickets", "20", "--waiting", "0")[0] == 0
    return cli.as_user("responsabile", DEMO_PASSWORD)


def test_every_period_exports_a_file_named_by_it(boss, tmp_path):
    folder = tmp_path / "exports"
    for period in PERIODS:
        code, out, err = boss("export", "counts", "--period", period, "-o", str(folder))
        assert code == 0, err
        label = period_range(period, local_day(SystemClock().now()))[2]  # the office's today, as the command's
        target = folder / f"conteggi_{label}.csv"
        assert str(target.resolve()) in out
        header = next(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
        assert header[:4] == ["giorno", "servizio", "sportello", "emessi"]
    assert len(list(folder.iterdir())) == len(PERIODS)
    code, out, _ = boss("export", "counts", "--period", "last-month", "--format", "xlsx",
                        "-o", str(tmp_path / "mese-{period}.xlsx"))
    label = period_range("last-month", local_day(SystemClock().now()))[2]
    assert code == 0 and (tmp_path / f"mese-{label}.xlsx").is_file()


@pytest.mark.parametrize(("args", "words"), [
    (("--period", "yesterday", "--from", "2026-11-01"), "--period"),
    (("--from", "2026-11-01", "-o", "{tmp}/x.csv"), "--to"),
    (("--from", "2026-11-01", "--to", "2026-11-02"), "-o"),
])
def test_period_or_dates_one_clear_line(boss, args, words, tmp_path):
    code, _out, err = boss("export", "counts", *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.csv"))
