"""``desk-admin awareness``: the demo's centres and sessions, plan / record / cancel / list / counts / slides."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, Cli
from openpyxl import load_workbook

from desk_app.clock import SystemClock, local_time


@pytest.fixture
def boss(home: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The demo office, loaded by the machine owner; acts as its supervisor ``responsabile``."""
    cli = Cli(home, db_url, capsys)
    assert cli.system("demo", "--tickets", "20", "--waiting", "0")[0] == 0
    return cli.as_user("responsabile", DEMO_PASSWORD)


def test_demo_sessions_plan_record_cancel_and_export(boss: Cli, tmp_path: Path) -> None:
    today = local_time(SystemClock().now()).date()
    code, out, _ = boss("awareness", "list", "--from", (today - timedelta(days=60)).isoformat(),
                        "--to", (today + timedelta(days=14)).isoformat(), json_output=True)
    assert code == 0
    sessions = json.loads(out)
    assert sorted({s["status"] for s in sessions}) == ["cancelled", "held", "planned"]
    assert {s["centre_code"] for s in sessions} == {"CAS-LODI", "CAS-COD", "CAS-CAS"}
    # a new session, its counts after it, and a cancelled one
    when = f"{today + timedelta(days=20)} 15:00"
    code, out, err = boss("awareness", "plan", "--centre", "CAS-COD", "--at", when, "--lang", "ar",
                          "--operator-org", "Ente antitratta", json_output=True)
    assert code == 0, err
    new = json.loads(out)["id"]
    code, _, err = boss("awareness", "record", "--id", str(new), "--count", "m:18-25=4")
    assert code == 2 and err.strip() and "{" not in err
    code, _, err = boss("awareness", "plan", "--centre", "CAS-COD", "--at", "2020-01-01 10:00", "--lang", "ar",
                        "--operator-org", "Ente antitratta")
    assert code == 2 and err.strip()
    code, out, _ = boss("awareness", "cancel", "--id", str(new), "--reason", "rinviato", json_output=True)
    assert code == 0 and json.loads(out)["status"] == "cancelled"
    # counts for the project period: XLSX with numbers only
    target = tmp_path / "conteggi.xlsx"
    code, out, err = boss("awareness", "counts", "--period", "project", "-o", str(target), json_output=True)
    assert code == 0, err
    summary = json.loads(out)
    assert summary["held"] == 3 and summary["attendees"] == 19 + 13 + 15 and summary["referrals"] == 3
    book = load_workbook(target)
    assert book.sheetnames == ["incontri", "partecipanti", "totali"]
    cells = [str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any("Amina" in c or "Imran" in c for c in cells)
    code, _, err = boss("awareness", "counts", "--period", "2026-13", "-o", str(tmp_path / "x.csv"),
                        "--format", "csv")
    assert code == 2 and "2026-13" in err
    # the slides of a held session, in its language
    held = next(s for s in sessions if s["status"] == "held" and s["language"] == "ur")
    deck = tmp_path / "slides.pdf"
    code, out, err = boss("awareness", "slides", "--id", str(held["id"]), "-o", str(deck), json_output=True)
    assert code == 0, err
    assert json.loads(out)["slides"] >= 5 and deck.read_bytes().startswith(b"%PDF")
    editable = tmp_path / "slides.pptx"
    code, out, err = boss("awareness", "slides", "--id", str(held["id"]), "--format", "pptx", "-o", str(editable),
                          json_output=True)
    assert code == 0, err
    assert json.loads(out)["language"] == "ur" and editable.read_bytes().startswith(b"PK")


def test_a_clerk_cannot_plan(boss: Cli) -> None:
    clerk = boss.as_user("operatore1", DEMO_PASSWORD)
    code, _, err = clerk("awareness", "centre", "--code", "CAS-X", "--name", "X")
    assert code == 2 and err.strip()
