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


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "pdf", "docx"])
def test_breakdowns_export_for_a_period_one_part_per_breakdown(boss, tmp_path, fmt):
    from desk_app.core.reports import DIMENSION_LABELS, DIMENSIONS

    code, out, err = boss("export", "breakdowns", "--period", "last-month", "--format", fmt, "-o", str(tmp_path))
    assert code == 0, err
    label = period_range("last-month", local_day(SystemClock().now()))[2]
    target = tmp_path / f"prospetti_{label}.{fmt}"
    assert str(target.resolve()) in out and target.stat().st_size > 0
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(target)
        assert book.sheetnames == [DIMENSION_LABELS[d] for d in DIMENSIONS]
        assert book["servizio"]["A3"].value == "valore" and book["servizio"]["B3"].font.bold
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
        assert rows[0][:3] == ["prospetto", "valore", "emessi"]
    elif fmt == "pdf":
        assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().rstrip().endswith(b"%%EOF")
    else:
        from docx import Document

        assert len(Document(str(target)).tables) == len(DIMENSIONS)


def test_sheets_printed_from_the_command_line_are_counted_in_the_indicators(boss, tmp_path):
    for lang in ("ar", "ar", "ur"):
        code, _out, err = boss("print", "exploitation", "--lang", lang, "-o", str(tmp_path / f"s-{lang}.pdf"))
        assert code == 0, err
    code, _out, err = boss("export", "indicators", "--period", "project", "--format", "csv",
                          "-o", str(tmp_path))
    assert code == 0, err
    target = tmp_path / "indicatori_FAMI-2021-2027.csv"
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    printed = {(r[3], r[4]): r[5] for r in rows if r[0] == "fogli_stampati"}
    assert printed == {("ar", "exploitation"): "2", ("ur", "exploitation"): "1"}
    referrals = [r[5] for r in rows if r[0] == "invii"]  # counted from the directory's referral records
    assert len(referrals) == 1 and referrals[0].isdigit()
    code, _out, err = boss("export", "indicators", "--period", "2026-Q5", "-o", str(tmp_path))
    assert code == 2 and "--period" in err and len(err.strip().splitlines()) == 1
