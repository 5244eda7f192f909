"""The awareness-session counts (issue 16) as XLSX or CSV; counts only, Italian headings like the other
project reports: sessions by month and language (held, people present, referrals to the anti-trafficking
service), people by language, sex and age band, and the totals of the period."""

from __future__ import annotations

from pathlib import Path

from desk_app.core.awareness import AwarenessCounts, AwarenessService
from desk_app.core.training import marked_title

TITLE = "Sportello - incontri di sensibilizzazione sullo sfruttamento lavorativo"
FORMATS = ("csv", "xlsx")
_SEXES = {"f": "donne", "m": "uomini", "x": "altro / non indicato"}
_BANDS = {"u18": "meno di 18", "18-25": "18-25", "26-35": "26-35", "36-50": "36-50", "o50": "più di 50"}


def write_xlsx(result: AwarenessCounts, path: Path, *, mark: str = "") -> Path:
    """Three formatted sheets: incontri, partecipanti, totali."""
    title = marked_title(TITLE, mark)
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    band = PatternFill("solid", fgColor="DDE4EE")
    subtitle = f"{result.office} - periodo {result.label}: dal {result.first:%d/%m/%Y} al {result.last:%d/%m/%Y}"

    def sheet(name: str, header: list[str], rows: list[list[object]], widths: list[int]) -> None:
        ws = book.create_sheet(name)
        ws.append([f"{title} - {name}"])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([subtitle])
        ws.append(header)
        for cell in ws[3]:
            cell.font, cell.fill = Font(bold=True), band
        for row in rows:
            ws.append(row)
        for column, width in zip("ABCDE", widths, strict=False):
            ws.column_dimensions[column].width = width
        ws.freeze_panes = "A4"

    sheet("incontri", ["mese", "lingua", "incontri svolti", "partecipanti", "segnalazioni antitratta"],
          [list(row) for row in result.sessions]
          + [["totale", "", result.held, result.attendees, result.referrals]], [10, 10, 16, 14, 24])
    sheet("partecipanti", ["mese", "lingua", "sesso", "fascia d'età", "partecipanti"],
          [[m, lang, _SEXES.get(s, s), _BANDS.get(b, b), n] for m, lang, s, b, n in result.attendance],
          [10, 10, 22, 14, 14])
    sheet("totali", ["lingua", "incontri svolti", "partecipanti", "segnalazioni antitratta"],
          [list(row) for row in result.by_language()]
          + [["incontri pianificati", result.planned], ["incontri annullati", result.cancelled]], [22, 16, 14, 24])
    book.save(path)
    return path


def write_awareness_counts(result: AwarenessCounts, path: Path, fmt: str, *, mark: str = "") -> Path:
    """Write ``result`` as ``fmt`` (``csv`` or ``xlsx``) to ``path``."""
    if fmt == "csv":
        path.write_text(AwarenessService.counts_csv(result), encoding="utf-8-sig")
        return path
    return write_xlsx(result, path, mark=mark)
