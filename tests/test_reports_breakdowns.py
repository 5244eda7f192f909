"""The breakdowns of the reports window (issue 11 item 2) against a brute-force count over the same generated data:
ORM objects and plain Python, no SQL aggregation; and against the reference engine where both compute."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, date, datetime
from itertools import pairwise
from typing import Any

import pytest
from report_data import generate
from report_reference import reference_counts
from sqlalchemy import select

from desk_app.clock import local_time
from desk_app.core.auth import Actor
from desk_app.core.reports import DIMENSIONS, ReportService
from desk_app.db.models import AuditEvent, Desk, Service, Ticket, TicketEvent
from desk_app.errors import PermissionDeniedError

MONTH_START = date(2026, 10, 1)
_ENTRIES = {"issue", "transfer", "resume", "reactivate"}


@pytest.fixture
def clock() -> Any:
    from desk_app.clock import ManualClock

    return ManualClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))


def _rank(values: list[float], share: float) -> float | None:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1] if ordered else None


def _brute_force(services: Any, office_id: int, first: date, last: date, timezone: str) -> dict[str, dict[str, Any]]:
    """Per breakdown and key: counts and the lists of waits and service times, from ORM objects."""
    def work(session: Any) -> dict[str, dict[str, Any]]:
        codes = {s.id: s for s in session.execute(select(Service)).scalars()}
        desks = {d.id: d.code for d in session.execute(select(Desk)).scalars()}
        tickets = list(session.execute(select(Ticket).where(Ticket.office_id == office_id,
                                                            Ticket.day.between(first, last))).scalars())
        events: dict[int, list[TicketEvent]] = defaultdict(list)
        for e in session.execute(select(TicketEvent).order_by(TicketEvent.id)).scalars():
            events[e.ticket_id].append(e)
        out: dict[str, dict[str, Any]] = {d: defaultdict(lambda: {"issued": 0, "served": 0, "no_show": 0,
                                                                  "cancelled": 0, "transferred": 0, "recalls": 0,
                                                                  "waits": [], "times": [], "within": 0})
                                          for d in DIMENSIONS}
        for t in tickets:
            year, week, _ = t.day.isocalendar()
            mine = {"day": t.day.isoformat(), "week": f"{year}-W{week:02d}", "month": t.day.strftime("%Y-%m"),
                    "hour": f"{local_time(t.issued_at, timezone).hour:02d}", "language": t.language or "",
                    "procedure": "", "priority": t.priority}

            def at(service_id: int, desk_id: int | None, mine: dict[str, str] = mine) -> list[dict[str, Any]]:
                keys = {**mine, "service": codes[service_id].code, "desk": desks.get(desk_id, "") if desk_id else ""}
                return [out[d][keys[d]] for d in DIMENSIONS]

            for g in at(t.origin_service_id, None):
                g["issued"] += 1
            for g in at(t.service_id, None if t.status == "cancelled" else t.desk_id):
                g["recalls"] += t.recall_count
                if t.status in ("done", "no_show", "cancelled"):
                    g[{"done": "served", "no_show": "no_show", "cancelled": "cancelled"}[t.status]] += 1
            history = events[t.id]
            for before, e in pairwise(history):
                minutes = (e.at - before.at).total_seconds() / 60
                if e.action == "call" and before.action in _ENTRIES:
                    for g in at(e.service_id, e.desk_id):
                        g["waits"].append(minutes)
                        g["within"] += minutes <= codes[e.service_id].target_wait_minutes
                elif e.action == "finish" and before.action == "serve":
                    for g in at(e.service_id, e.desk_id):
                        g["times"].append(minutes)
            for e in history:
                if e.action == "transfer":
                    for g in at(e.service_id, e.desk_id):
                        g["transferred"] += 1
        return out

    return services.db.read(work)


def _supervisor(core: Any) -> Actor:
    core.staff.add_staff(Actor.system("cli:test"), "capo", "Capo", "supervisor", "capo-password", "LODI")
    return core.staff.login("capo", "capo-password")


def test_every_breakdown_equals_a_brute_force_count(services):
    data = generate(services, date(2026, 9, 24), days=20, per_day=60, seed=11)  # two months, four weeks
    boss = _supervisor(services)
    timezone = services.offices.view().timezone
    result = services.reports.breakdowns(boss, data.first, data.last)
    expected = _brute_force(services, data.office_id, data.first, data.last, timezone)
    assert set(result.tables) == set(DIMENSIONS)
    for dimension in DIMENSIONS:
        rows = {r.key: r for r in result.tables[dimension]}
        assert set(rows) == set(expected[dimension]), dimension
        for key, want in expected[dimension].items():
            row = rows[key]
            assert (row.issued, row.served, row.no_show, row.cancelled, row.transferred, row.recalls) == (
                want["issued"], want["served"], want["no_show"], want["cancelled"], want["transferred"],
                want["recalls"]), (dimension, key)
            for values, count, avg, median, p90 in (
                    (want["waits"], row.wait_count, row.wait_avg, row.wait_median, row.wait_p90),
                    (want["times"], row.service_count, row.service_avg, row.service_median, row.service_p90)):
                assert count == len(values)
                if values:
                    assert avg == pytest.approx(sum(values) / len(values), abs=1e-6)
                    assert median == pytest.approx(_rank(values, 0.5), abs=1e-6)
                    assert p90 == pytest.approx(_rank(values, 0.9), abs=1e-6)
                else:
                    assert avg is median is p90 is None
            if want["waits"]:
                assert row.within_target_pct == pytest.approx(100 * want["within"] / len(want["waits"]))
    # the generated data reaches several values of every breakdown of the ticket, and the figures
    assert all(len(result.tables[d]) > 1 for d in DIMENSIONS if d != "procedure")
    day_rows = result.tables["day"]
    assert all(sum(getattr(r, f) for r in day_rows) > 0 for f in ("served", "no_show", "cancelled", "transferred",
                                                                   "recalls"))
    assert sum(r.issued for r in result.tables["language"]) == data.tickets


def test_day_service_and_desk_add_up_to_the_reference_engine(services):
    data = generate(services, MONTH_START, days=6, per_day=50, seed=2)
    boss = _supervisor(services)
    reference = services.db.read(lambda s: reference_counts(s, data.office_id, data.first, data.last))
    result = services.reports.breakdowns(boss, data.first, data.last)
    for dimension, index in (("day", 0), ("service", 1), ("desk", 2)):
        merged: dict[str, dict[str, Any]] = defaultdict(lambda: {"issued": 0, "served": 0, "no_show": 0,
                                                                 "cancelled": 0, "transferred": 0, "waits": []})
        for key, old in reference.items():
            name = key[index].isoformat() if isinstance(key[index], date) else key[index]
            for field in ("issued", "served", "no_show", "cancelled", "transferred"):
                merged[name][field] += old[field]
            merged[name]["waits"] += old["waits"]
        rows = {r.key: r for r in result.tables[dimension]}
        assert set(rows) == set(merged)
        for name, old in merged.items():
            row = rows[name]
            assert (row.issued, row.served, row.no_show, row.cancelled, row.transferred) == (
                old["issued"], old["served"], old["no_show"], old["cancelled"], old["transferred"])
            assert row.wait_count == len(old["waits"])
            if old["waits"]:
                assert row.wait_p90 == pytest.approx(_rank(old["waits"], 0.9), abs=1e-6)


def test_breakdowns_are_audited_and_need_the_report_permission(services, staff):
    generate(services, MONTH_START, days=2, per_day=10)
    with pytest.raises(PermissionDeniedError):
        services.reports.breakdowns(staff["clerk"], MONTH_START, MONTH_START)
    result = services.reports.breakdowns(staff["supervisor"], MONTH_START, MONTH_START)
    audits = services.db.read(lambda s: [e.detail for e in s.execute(
        select(AuditEvent).where(AuditEvent.action == "export.breakdowns")).scalars()])
    assert audits == [{"from": "2026-10-01", "to": "2026-10-01",
                       "rows": sum(len(rows) for rows in result.tables.values())}]
    text = ReportService.breakdowns_csv(result)
    lines = text.splitlines()
    assert lines[0].startswith("prospetto;valore;emessi")
    assert len(lines) == 1 + sum(len(rows) for rows in result.tables.values())
    assert any(line.startswith("lingua;") for line in lines) and "," in text  # decimal comma


def test_the_writers_give_a_part_per_breakdown_with_native_charts(services, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    from desk_app.core.reports import DIMENSION_LABELS
    from desk_app.documents.breakdowns import write_breakdowns

    data = generate(services, MONTH_START, days=8, per_day=40, seed=4)
    result = services.reports.breakdowns(_supervisor(services), data.first, data.last)
    book = load_workbook(write_breakdowns(result, tmp_path / "p.xlsx", "xlsx"))
    assert book.sheetnames == [DIMENSION_LABELS[d] for d in DIMENSIONS]
    for dimension in DIMENSIONS:
        sheet = book[DIMENSION_LABELS[dimension]]
        rows = result.tables[dimension]
        assert sheet.max_row == 3 + len(rows)
        assert [sheet.cell(4 + i, 2).value for i in range(len(rows))] == [r.issued for r in rows]
        assert len(sheet._charts) == (2 if rows else 0)  # openpyxl keeps the loaded charts here
    pdf = write_breakdowns(result, tmp_path / "p.pdf", "pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    document = Document(str(write_breakdowns(result, tmp_path / "p.docx", "docx")))
    assert [len(t.rows) for t in document.tables] == [1 + len(result.tables[d]) for d in DIMENSIONS]
