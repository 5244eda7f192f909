"""``desk-admin print ticket``: today's ticket as a PDF, 80 mm receipt or A4, through the GUI's own code path."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from cli_support import Cli
from PySide6.QtGui import QPdfWriter

from desk_app.clock import local_time
from desk_app.core.auth import Actor
from desk_app.core.queue import LANGUAGES, TicketView
from desk_app.core.services import CoreServices
from desk_app.documents.pdf import ensure_gui
from desk_app.documents.tickets import PAPERS, PrintableTicket, laid_out, ticket_lines

ITALIAN = "Attenda che il suo numero compaia"
#: Page size in mm per paper, as pdfinfo reads it.
PAGE_MM = {"receipt80": (80, 120), "a4": (210, 297)}


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def page_mm(pdf: Path) -> tuple[int, int]:
    match = re.match(r"([\d.]+) x ([\d.]+) pts", pdfinfo(pdf)["Page size"])
    assert match is not None
    return round(float(match[1]) * 25.4 / 72), round(float(match[2]) * 25.4 / 72)


def pdftext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdffonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout


def has_arabic_script(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in text)


@pytest.fixture
def tickets(services: CoreServices, staff: dict[str, Actor]) -> dict[str, TicketView]:
    """Today's R001 (Arabic), R002 (Urdu) and L001 (no language), issued at the walk-in desk."""
    queue = services.queue
    return {"R001": queue.issue_ticket(staff["clerk"], "RF", language="ar"),
            "R002": queue.issue_ticket(staff["clerk"], "RF", language="ur"),
            "L001": queue.issue_ticket(staff["clerk"], "LEG")}


@pytest.fixture
def cli(home: Path, db_url: str, capsys: pytest.CaptureFixture[str], staff: dict[str, Actor]) -> Any:
    """Run ``desk-admin --home HOME --db URL --user clerk --password-stdin ARGS`` (the walk-in desk's clerk, with
    the ``staff`` fixture's password); return (exit code, stdout, stderr)."""
    return Cli(home, db_url, capsys).as_user("clerk", "clerk-password")


@pytest.mark.parametrize("paper", PAPERS)
def test_cli_prints_an_arabic_ticket_on_receipt_and_a4(cli: Any, office: Any, tickets: dict[str, TicketView],
                                                        tmp_path: Path, paper: str) -> None:
    target = tmp_path / f"R001-{paper}.pdf"
    code, out, err = cli("print", "ticket", "--ticket", "r001", "--paper", paper, "-o", str(target))
    assert (code, err) == (0, "")
    assert "R001" in out and str(target.resolve()) in out
    assert pdfinfo(target)["Pages"] == "1"
    assert page_mm(target) == PAGE_MM[paper]
    text = pdftext(target)
    assert "R001" in text and ITALIAN in text and "Prefettura di Lodi" in text
    issued = local_time(tickets["R001"].issued_at, office.timezone)
    assert f"{issued:%d/%m/%Y %H:%M}" in text  # dd/mm/yyyy
    assert has_arabic_script(text)  # the user's line, in Arabic script, in the Naskh font shipped with the app
    assert "NotoNaskhArabic" in pdffonts(target)


def test_gui_pdf_printer_writes_what_the_cli_writes(cli: Any, services: CoreServices, office: Any,
                                                     tickets: dict[str, TicketView], tmp_path: Path) -> None:
    ensure_gui()
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.walkin import printable

    session = cast(Any, SimpleNamespace(office=services.offices.view()))  # what printable() reads of a session
    for number in ("R001", "R002", "L001"):
        for paper in PAPERS:
            cli_pdf = tmp_path / "cli" / f"{number}-{paper}.pdf"
            assert cli("print", "ticket", "--ticket", number, "--paper", paper, "-o", str(cli_pdf))[0] == 0
            printer = PdfTicketPrinter(tmp_path / "gui" / paper, paper)
            assert printer.print_ticket(None, printable(session, tickets[number]))
            gui_pdf = printer.written[0]
            assert pdftext(gui_pdf) == pdftext(cli_pdf)
            assert page_mm(gui_pdf) == page_mm(cli_pdf) == PAGE_MM[paper]
    assert "NotoNastaliqUrdu" in pdffonts(tmp_path / "cli" / "R002-receipt80.pdf")


def test_lang_adds_the_users_line_only_when_the_ticket_has_none(cli: Any, tickets: dict[str, TicketView],
                                                                 tmp_path: Path) -> None:
    plain = tmp_path / "L001.pdf"
    assert cli("print", "ticket", "--ticket", "L001", "-o", str(plain))[0] == 0
    assert page_mm(plain) == PAGE_MM["receipt80"]  # the setting's default paper
    assert not has_arabic_script(pdftext(plain)) and "Nastaliq" not in pdffonts(plain)
    urdu = tmp_path / "L001-ur.pdf"
    assert cli("print", "ticket", "--ticket", "L001", "--lang", "ur", "-o", str(urdu))[0] == 0
    assert "NotoNastaliqUrdu" in pdffonts(urdu)
    arabic = tmp_path / "R001-ur.pdf"  # R001 is Arabic: --lang does not replace the ticket's own language
    assert cli("print", "ticket", "--ticket", "R001", "--lang", "ur", "-o", str(arabic))[0] == 0
    fonts = pdffonts(arabic)
    assert "NotoNaskhArabic" in fonts and "Nastaliq" not in fonts


def test_ticket_by_id(cli: Any, tickets: dict[str, TicketView], tmp_path: Path) -> None:
    target = tmp_path / "by-id.pdf"
    code, out, _ = cli("print", "ticket", "--ticket", str(tickets["R002"].id), "--paper", "a4", "-o", str(target))
    assert code == 0 and "R002" in out
    assert "R002" in pdftext(target) and page_mm(target) == PAGE_MM["a4"]


@pytest.mark.parametrize("ref", ["R999", "987654"])
def test_unknown_ticket_is_one_italian_sentence(cli: Any, tickets: dict[str, TicketView], tmp_path: Path,
                                                 ref: str) -> None:
    target = tmp_path / "none.pdf"
    code, out, err = cli("print", "ticket", "--ticket", ref, "-o", str(target))
    assert (code, out) == (2, "")
    assert err == f"desk-admin: Biglietto «{ref}» non trovato per oggi.\n"
    assert not target.exists()


@pytest.mark.parametrize("paper", PAPERS)
def test_every_language_fits_on_one_page(tmp_path: Path, paper: str) -> None:
    ensure_gui()
    assert set(LANGUAGES) <= set(ticket_lines())
    for lang in LANGUAGES:
        ticket = PrintableTicket("R012", "Ricongiungimento familiare", "Prefettura di Lodi",
                                 datetime(2026, 11, 24, 9, 41), lang)
        writer = QPdfWriter(str(tmp_path / f"{lang}.pdf"))
        writer.setResolution(300)
        document, area = laid_out(ticket, writer, paper)
        assert document.pageCount() == 1, lang
        assert document.size().height() <= area.height(), lang
        del writer


OFFICE_ITALIAN = "Attenda il suo numero sul tabellone della sala, grazie."
OFFICE_ENGLISH = "Please wait for your number on the hall's screen, thank you."


def test_the_office_line_is_printed_by_the_cli_and_the_gui_printer(cli: Any, services: CoreServices, office: Any,
                                                                     staff: dict[str, Actor], tmp_path: Path) -> None:
    """The office's own lines (issue 12) in place of the shipped ones, on both paths, the same PDF text."""
    ensure_gui()
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.walkin import printable

    english = services.queue.issue_ticket(staff["clerk"], "RF", language="en")
    before = tmp_path / "before.pdf"
    assert cli("print", "ticket", "--ticket", english.number, "-o", str(before))[0] == 0
    shown = " ".join(pdftext(before).split())  # a line may wrap on the receipt
    assert ITALIAN in shown and ticket_lines()["en"].wait in shown
    settings = services.office_settings
    settings.change_ticket_line(staff["supervisor"], "it", OFFICE_ITALIAN)
    settings.change_ticket_line(staff["supervisor"], "en", OFFICE_ENGLISH)
    lines = settings.current().ticket_texts()
    session = cast(Any, SimpleNamespace(office=services.offices.view()))
    for paper in PAPERS:
        cli_pdf = tmp_path / "cli" / f"{paper}.pdf"
        assert cli("print", "ticket", "--ticket", english.number, "--paper", paper, "-o", str(cli_pdf))[0] == 0
        text = " ".join(pdftext(cli_pdf).split())  # a long line may wrap on the receipt
        assert OFFICE_ITALIAN in text and OFFICE_ENGLISH in text, text
        assert ITALIAN not in text and ticket_lines()["en"].wait not in text
        printer = PdfTicketPrinter(tmp_path / "gui" / paper, paper)
        assert printer.print_ticket(None, printable(session, english, lines))
        assert pdftext(printer.written[0]) == pdftext(cli_pdf)
    # Back to the shipped English line: the Italian stays the office's.
    settings.change_ticket_line(staff["admin"], "en", "")
    again = tmp_path / "again.pdf"
    assert cli("print", "ticket", "--ticket", english.number, "-o", str(again))[0] == 0
    text = " ".join(pdftext(again).split())
    assert OFFICE_ITALIAN in text and ticket_lines()["en"].wait in text


@pytest.mark.parametrize("paper", PAPERS)
def test_the_longest_office_lines_fit_on_one_page(tmp_path: Path, paper: str) -> None:
    """Two office lines of the longest length allowed (Italian and the person's) still fit, in every script."""
    from desk_app.core.office_settings import TICKET_LINE_MAX

    ensure_gui()
    shipped = ticket_lines()
    for lang in LANGUAGES:
        # The shipped line repeated up to the limit: the script's own words, its own line breaks.
        def longest(code: str) -> str:
            wait = shipped[code].wait
            return ((wait + " ") * (TICKET_LINE_MAX // len(wait) + 1))[:TICKET_LINE_MAX].strip()

        ticket = PrintableTicket("R012", "Ricongiungimento familiare", "Prefettura di Lodi",
                                 datetime(2026, 11, 24, 9, 41), lang, mark="ESERCITAZIONE - TRAINING",
                                 office_lines=(("it", longest("it")), (lang, longest(lang))))
        assert ticket.lines()[lang].office
        writer = QPdfWriter(str(tmp_path / f"{lang}.pdf"))
        writer.setResolution(300)
        document, area = laid_out(ticket, writer, paper)
        assert document.pageCount() == 1, lang
        assert document.size().height() <= area.height(), (lang, document.size().height(), area.height())
        del writer
