"""The monitoring indicators as PDF and DOCX (like the breakdowns and counts), from the core and from
``desk-admin export indicators --format pdf|docx``; the referrals figure counted from the directory's referral
records (issue 15), counts only."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, Cli
from report_data import generate

from desk_app.clock import ManualClock
from desk_app.db.models_directory import DirectoryReferral
from desk_app.documents.indicators import FORMATS, write_indicators


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))


def _refer(services, office_id: int, *made: tuple[date, str, str]) -> None:
    services.db.write(lambda s: s.add_all([DirectoryReferral(
        office_id=office_id, day=day, service_uid="00000000-0000-4000-8000-000000000001", category=category,
        language=language) for day, category, language in made]))


def test_referrals_are_counted_from_the_directory_for_the_period(services, staff):
    data = generate(services, date(2026, 9, 28), days=6, per_day=10, seed=2)
    boss = staff["supervisor"]
    assert services.reports.indicators(boss, "2026-Q4").referrals == 0  # none made yet: a counted zero
    _refer(services, data.office_id, (date(2026, 10, 2), "health", "ar"), (date(2026, 11, 3), "legal", "ur"),
           (date(2026, 12, 31), "health", "ar"), (date(2026, 9, 30), "work", "it"))
    result = services.reports.indicators(boss, "2026-Q4")
    assert result.referrals == 3
    assert services.reports.indicators(boss, "2026-Q3").referrals == 1
    assert services.reports.indicators(boss, "project").referrals == 4
    assert "invii;;;;;3\r\n" in services.reports.indicators_csv(result)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) reads the PDF back")
def test_indicators_as_pdf_and_docx_hold_the_same_tables(services, staff, tmp_path):
    from docx import Document

    data = generate(services, date(2026, 7, 1), days=110, per_day=8, seed=9)  # five months: two pages
    for kind, language in (("exploitation", "ar"), ("instructions", "ur"), ("ticket", "it")):
        services.reports.record_print(staff["clerk"], kind, language)
    _refer(services, data.office_id, (date(2026, 10, 6), "health", "ar"))
    result = services.reports.indicators(staff["supervisor"], "project")
    assert FORMATS == ("csv", "xlsx", "pdf", "docx")
    pdf = write_indicators(result, tmp_path / "i.pdf", "pdf")
    text = _pdf_text(pdf)
    pages = text.count("\f")
    assert pages >= 2 and f"pagina {pages} di {pages}" in text and "pagina 1 di" in text  # one row per line
    assert text.count("Prefettura di Lodi - periodo FAMI-2021-2027: dal 01/01/2021 al 31/12/2027") >= pages
    for heading in ("Persone servite", "Ore mediatori", "Fogli stampati", "Invii"):
        assert heading in text
    assert "Invii ad altri servizi registrati: 1." in text and "sfruttamento lavorativo" in text
    total = sum(n for *_, n in result.served)
    assert any(line.split()[-1] == str(total) for line in text.splitlines() if line.strip().startswith("totale"))
    document = Document(str(write_indicators(result, tmp_path / "i.docx", "docx")))
    assert [len(t.rows) for t in document.tables] == [1 + len(result.served) + 1, 1 + len(result.mediator_hours),
                                                      1 + len(result.prints)]
    served = document.tables[0]
    assert [c.text for c in served.rows[0].cells] == ["mese", "procedimento", "lingua", "persone servite"]
    assert served.rows[-1].cells[0].text == "totale" and served.rows[-1].cells[3].text == str(total)
    assert any("Invii ad altri servizi registrati: 1." in p.text for p in document.paragraphs)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_desk_admin_exports_the_indicators_as_pdf_and_docx(home, db_url, capsys, tmp_path, fmt):
    cli = Cli(home, db_url, capsys)
    assert cli.system("demo", "--tickets", "20", "--waiting", "0")[0] == 0
    boss = cli.as_user("responsabile", DEMO_PASSWORD)
    code, out, err = boss("export", "indicators", "--period", "project", "--format", fmt, "-o", str(tmp_path))
    assert code == 0, err
    target = tmp_path / f"indicatori_FAMI-2021-2027.{fmt}"
    assert str(target.resolve()) in out
    head = target.read_bytes()[:4]
    assert head == (b"%PDF" if fmt == "pdf" else b"PK\x03\x04")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) reads the PDF back")
@pytest.mark.parametrize("writer", ["indicators", "counts", "breakdowns"])
def test_a_long_office_name_stays_on_the_page(services, staff, tmp_path, writer):
    """The running header and the subtitle fit the page however long the office's name: they shrink, and only
    past the smallest size are they cut, with an ellipsis (a tester saw "... al 31/12/20" run off the edge)."""
    import dataclasses
    import re

    from desk_app.documents.breakdowns import write_pdf as write_breakdowns_pdf
    from desk_app.documents.counts import write_pdf as write_counts_pdf

    generate(services, date(2026, 10, 1), days=5, per_day=6, seed=3)
    boss, long_name = staff["supervisor"], "Prefettura di Lodi - Sportello Unico per l'Immigrazione e Legalizzazioni"
    path = tmp_path / f"{writer}.pdf"
    if writer == "indicators":
        result = dataclasses.replace(services.reports.indicators(boss, "project"), office=long_name)
        write_indicators(result, path, "pdf")
    elif writer == "counts":
        write_counts_pdf(services.reports.counts(boss, "2021-01-01", "2027-12-31"), path, long_name,
                         date(2021, 1, 1), date(2027, 12, 31))
    else:
        result = services.reports.breakdowns(boss, "2021-01-01", "2027-12-31")
        write_breakdowns_pdf(dataclasses.replace(result, office=long_name), path)
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True,
                           text=True).stdout
    page_width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    assert right_edges and max(right_edges) <= page_width - 10 * 72 / 25.4  # inside every writer's margin
    # pdftotext drops what lies off the page: every line naming the office (the running header, the subtitle)
    # ends with the period's end, whole
    first_page = _pdf_text(path).split("\f")[0]
    assert first_page.count("31/12/2027") == first_page.count("Sportello Unico per l'Immigrazione") >= 1
