"""``desk-admin practices ...`` (issue 16) over the demo office, on SQLite and PostgreSQL: the Questura's list,
a practice sent, answered and closed, the meeting list and its decisions, the handling times, bad input."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, Cli
from openpyxl import load_workbook

from desk_app.clock import SystemClock, local_day


@pytest.fixture
def cli(home: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The demo office (with its shared practices), loaded by the machine owner."""
    base = Cli(home, db_url, capsys)
    code, _out, err = base.system("demo", "--tickets", "10", "--waiting", "0")
    assert code == 0, err
    return base


def _json(result: tuple[int, str, str]) -> object:
    code, out, err = result
    assert code == 0, err
    return json.loads(out)


def test_questura_lists_only_the_minimum_oldest_first(cli: Cli) -> None:
    questura = cli.as_user("questura1", DEMO_PASSWORD)
    listed = _json(questura("practices", "list", json_output=True))
    assert isinstance(listed, list) and len(listed) >= 10
    assert all(p["case_id"] is None for p in listed)
    assert [p["sent_at"] for p in listed] == sorted(p["sent_at"] for p in listed)
    assert any(p["overdue"] for p in listed)
    mine = _json(questura("practices", "list", "--waiting-on", "questura", json_output=True))
    assert mine and {p["waiting_on"] for p in mine} == {"questura"}  # type: ignore[union-attr]


def test_send_answer_close_from_the_command_line(cli: Cli) -> None:
    clerk, questura = cli.as_user("operatore1", DEMO_PASSWORD), cli.as_user("questura1", DEMO_PASSWORD)
    due = (local_day(SystemClock().now()) + timedelta(days=20)).isoformat()
    sent = _json(clerk("practices", "send", "--practice", "p-lo/test/1", "--procedure", "RF-NO", "--reason",
                       "fingerprints", "--due", due, json_output=True))
    assert isinstance(sent, dict) and sent["practice_number"] == "P-LO/TEST/1" and sent["waiting_on"] == "questura"
    pid = str(sent["id"])
    answered = _json(questura("practices", "answer", pid, "--note", "Appuntamento fissato", json_output=True))
    assert isinstance(answered, dict) and answered["status"] == "answered"
    code, _out, err = questura("practices", "close", pid)
    assert code == 2 and len(err.strip().splitlines()) == 1  # not the Questura's practice to close
    closed = _json(clerk("practices", "close", pid, json_output=True))
    assert isinstance(closed, dict) and [s["kind"] for s in closed["steps"]] == ["send", "answer", "close"]


def test_meeting_list_and_decisions(cli: Cli, tmp_path: Path) -> None:
    boss = cli.as_user("responsabile", DEMO_PASSWORD)
    target = tmp_path / "riunione.xlsx"
    written = _json(boss("practices", "meeting-list", "--min-days", "10", "--format", "xlsx", "--output",
                         str(target), json_output=True))
    assert isinstance(written, dict) and written["practices"] > 0 and target.is_file()
    rows = [r for r in load_workbook(target).active.iter_rows(min_row=4, values_only=True) if r and r[0] and r[2]]
    assert len(rows) == written["practices"] and all(r[6] >= 10 for r in rows)
    pdf = tmp_path / "riunione.pdf"
    assert boss("practices", "meeting-list", "--output", str(pdf))[0] == 0 and pdf.read_bytes()[:4] == b"%PDF"
    listed = _json(boss("practices", "list", "--overdue", json_output=True))
    assert isinstance(listed, list)
    first = listed[0]["id"]
    recorded = _json(boss("practices", "meeting-record", "--decision", f"{first}:remind", json_output=True))
    assert isinstance(recorded, dict) and recorded["decisions"][0][2] == "remind"
    code, _out, err = cli.as_user("operatore1", DEMO_PASSWORD)("practices", "meeting-list", "--output",
                                                               str(tmp_path / "no.pdf"))
    assert code == 2 and "riunioni" in err and not (tmp_path / "no.pdf").exists()


def test_handling_times_counts_only(cli: Cli, tmp_path: Path) -> None:
    boss = cli.as_user("responsabile", DEMO_PASSWORD)
    today = local_day(SystemClock().now())
    figures = _json(boss("practices", "handling-times", "--from", (today - timedelta(days=200)).isoformat(),
                         "--to", today.isoformat(), json_output=True))
    assert isinstance(figures, dict)
    rows = {(r["procedure_code"], r["owner"]): r for r in figures["rows"]}
    assert rows[("RF-NO", "prefettura")]["closed"] == 16
    assert 0 < rows[("RF-NO", "prefettura")]["waiting_share"] <= 1
    assert "practice_number" not in json.dumps(figures)
    target = tmp_path / "tempi.xlsx"
    assert boss("practices", "handling-times", "--from", "2026-01-01", "--to", today.isoformat(), "--output",
                str(target))[0] == 0
    assert load_workbook(target)["Tempi"]["A4"].value in {"ADI", "CONV-ST", "NO-LAV", "RF-NO"}


@pytest.mark.parametrize(("args", "word"), [
    (("--practice", "P1", "--procedure", "RF-NO", "--reason", "fingerprints", "--due", "2026-02-30"), "2026-02-30"),
    (("--practice", "P\u202e1", "--procedure", "RF-NO", "--reason", "fingerprints", "--due", "2027-01-10"),
     "direzione"),
    (("--practice", "P1", "--procedure", "NOPE", "--reason", "fingerprints", "--due", "2027-01-10"), "NOPE"),
])
def test_bad_input_one_clear_line(cli: Cli, args: tuple[str, ...], word: str) -> None:
    clerk = cli.as_user("operatore1", DEMO_PASSWORD)
    code, _out, err = clerk("practices", "send", *args)
    assert code == 2 and word in err and len(err.strip().splitlines()) == 1
