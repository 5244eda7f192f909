"""Exports of the training office are marked (issue 12): "ESERCITAZIONE — dati non reali" in the title of a PDF or
DOCX and in the first row of every XLSX sheet, "-ESERCITAZIONE" in the file name (a CSV's only mark: its rows stay
as a spreadsheet reads a real export). The core knows it is the training office from its database (the SQLite file
of a training folder), so ``desk-admin`` run on that database marks its exports as the training window does; the
same exports of a normal office carry no mark.

SQLite only: the training office is a SQLite file by construction (:mod:`desk_app.core.training`).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, Cli

from desk_app.core.settings import Settings
from desk_app.core.training import (
    EXPORT_MARK,
    EXPORT_MARK_EN,
    EXPORT_SUFFIX,
    export_mark,
    export_path,
    is_training,
    marked_title,
    training_settings,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) reads PDFs")


def test_the_core_knows_the_training_database(tmp_path: Path) -> None:
    real = Settings.load(home=tmp_path / "pc", environ={})
    assert not is_training(real)
    assert is_training(training_settings(real))  # desk-app --training
    # desk-admin --home <data>/training, or --db on that folder's SQLite file: the same database, marked too
    assert is_training(Settings.load(home=real.paths.data / "training", environ={}))
    by_url = Settings.load(home=tmp_path / "elsewhere", environ={}, overrides={
        "db_url": f"sqlite:///{real.paths.data / 'training' / 'data' / 'sportello.sqlite3'}"})
    assert is_training(by_url)
    assert export_mark(False) == "" and export_mark(True) == EXPORT_MARK == "ESERCITAZIONE — dati non reali"
    assert export_mark(True, "en") == EXPORT_MARK_EN == "TRAINING — not real data"
    assert marked_title("Sportello", "") == "Sportello" and marked_title("Sportello", EXPORT_MARK).startswith(
        EXPORT_MARK)
    assert export_path("out/conteggi.csv", True) == Path("out/conteggi-ESERCITAZIONE.csv")
    assert export_path("out/conteggi-ESERCITAZIONE.csv", True) == Path("out/conteggi-ESERCITAZIONE.csv")
    assert export_path("out/conteggi.csv", False) == Path("out/conteggi.csv")


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", text)


def _xlsx_first_rows(path: Path) -> list[str]:
    from openpyxl import load_workbook

    return [str(sheet["A1"].value) for sheet in load_workbook(path).worksheets]


def _docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(texts)


def _export_everything(cli: Cli, out: Path) -> dict[str, Path]:
    """Every export a supervisor makes from ``desk-admin``, into ``out``; what each command says it wrote."""
    boss = cli.as_user("responsabile", DEMO_PASSWORD)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}

    def run(name: str, *args: str) -> None:
        code, stdout, err = boss(*args, json_output=True)
        assert code == 0, (name, err)
        found = json.loads(stdout)
        written[name] = Path(found.get("file") or found["path"])

    for fmt in ("csv", "xlsx", "pdf", "docx"):
        run(f"counts.{fmt}", "export", "counts", "--from", "2024-01-01", "--to", "2030-12-31", "--format", fmt,
            "-o", str(out / f"conteggi.{fmt}"))
        run(f"breakdowns.{fmt}", "export", "breakdowns", "--from", "2024-01-01", "--to", "2030-12-31", "--format",
            fmt, "-o", str(out / f"prospetti.{fmt}"))
        run(f"indicators.{fmt}", "export", "indicators", "--period", "project", "--format", fmt, "-o", str(out))
    for fmt in ("pdf", "xlsx"):
        run(f"meeting.{fmt}", "practices", "meeting-list", "--format", fmt, "--output", str(out / f"riunione.{fmt}"))
        run(f"handling.{fmt}", "practices", "handling-times", "--from", "2024-01-01", "--to", "2030-12-31",
            "--format", fmt, "--output", str(out / f"tempi.{fmt}"))
    for fmt in ("csv", "xlsx"):
        run(f"awareness.{fmt}", "awareness", "counts", "--period", "project", "--format", fmt, "-o", str(out))
    for fmt in ("pdf", "docx"):  # a sheet for a user in Arabic: the mark stays Italian (and English)
        run(f"sheet.{fmt}", "print", "instructions", "--procedure", "RF-NO", "--lang", "ar", "--format", fmt,
            "-o", str(out / f"foglio.{fmt}"))
    return written


def _demo(home: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(home, db_url, capsys)
    code, _out, err = cli.system("demo", "--tickets", "15", "--waiting", "0")
    assert code == 0, err
    return cli


def _has_mark(name: str, path: Path) -> bool:
    """The training mark inside the file (a CSV: never inside)."""
    if path.suffix == ".csv":
        return EXPORT_MARK in path.read_text(encoding="utf-8-sig")
    if path.suffix == ".xlsx":
        first_rows = _xlsx_first_rows(path)
        marked = [EXPORT_MARK in row for row in first_rows]
        assert all(marked) or not any(marked), (name, first_rows)  # every sheet, or none
        return all(marked)
    if path.suffix == ".docx":
        return EXPORT_MARK in _docx_text(path)
    return EXPORT_MARK in _pdf_text(path)


def test_exports_of_the_training_office_are_marked_and_a_normal_office_is_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    training_home = tmp_path / "pc" / "data" / "training"  # the training folder of this PC, as desk-app lays it
    training = _demo(training_home, f"sqlite:///{training_home / 'data' / 'sportello.sqlite3'}", capsys)
    normal_home = tmp_path / "office"
    normal = _demo(normal_home, f"sqlite:///{normal_home / 'data' / 'sportello.sqlite3'}", capsys)
    marked = _export_everything(training, tmp_path / "out-training")
    plain = _export_everything(normal, tmp_path / "out-office")
    assert set(marked) == set(plain) and len(marked) == 20
    for name, path in marked.items():
        assert path.is_file() and path.stem.endswith(EXPORT_SUFFIX), (name, path)
        assert _has_mark(name, path) == (path.suffix != ".csv"), name
    for name, path in plain.items():
        assert path.is_file() and EXPORT_SUFFIX not in path.name, (name, path)
        assert not _has_mark(name, path), name
    # A CSV of the training office reads as a normal one: the same header, the mark in its name only.
    for name in ("counts.csv", "breakdowns.csv", "indicators.csv", "awareness.csv"):
        header = marked[name].read_text(encoding="utf-8-sig").splitlines()[0]
        assert header == plain[name].read_text(encoding="utf-8-sig").splitlines()[0], name
    # The PDF and DOCX carry it in their title; a user's sheet in Arabic keeps the Italian mark.
    assert _pdf_text(marked["counts.pdf"]).lstrip().startswith(EXPORT_MARK)
    from docx import Document

    assert Document(str(marked["breakdowns.docx"])).paragraphs[0].text.startswith(EXPORT_MARK)
    assert EXPORT_MARK in _pdf_text(marked["sheet.pdf"]) and "ESERCITAZIONE —" in _pdf_text(marked["sheet.pdf"])


def test_a_ticket_printed_from_the_training_office_is_marked(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """``desk-admin print ticket`` on the training database marks the ticket as the training desks print it
    (ESERCITAZIONE · TRAINING above the number) and names the file as a training export; a real office's is not."""
    training_home = tmp_path / "pc" / "data" / "training"
    training = _demo(training_home, f"sqlite:///{training_home / 'data' / 'sportello.sqlite3'}", capsys)
    normal_home = tmp_path / "office"
    normal = _demo(normal_home, f"sqlite:///{normal_home / 'data' / 'sportello.sqlite3'}", capsys)
    printed: dict[str, Path] = {}
    for name, cli in (("training", training), ("office", normal)):
        clerk = cli.as_user("operatore1", DEMO_PASSWORD)
        code, stdout, err = clerk("ticket", "issue", "--service", "RF", json_output=True)
        assert code == 0, err
        number = json.loads(stdout)["number"]
        code, stdout, err = clerk("print", "ticket", "--ticket", number, "-o", str(tmp_path / name / "biglietto.pdf"),
                                  json_output=True)
        assert code == 0, err
        printed[name] = Path(json.loads(stdout)["file"])
        assert printed[name].is_file() and number in _pdf_text(printed[name])
    assert printed["training"].stem.endswith(EXPORT_SUFFIX)
    assert _pdf_text(printed["training"]).lstrip().startswith("ESERCITAZIONE · TRAINING")
    assert EXPORT_SUFFIX not in printed["office"].name and "ESERCITAZIONE" not in _pdf_text(printed["office"])
