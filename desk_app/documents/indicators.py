"""The project's monitoring indicators (issue 11 item 3) as XLSX; CSV is
:meth:`desk_app.core.reports.ReportService.indicators_csv`.

Anonymous counts only, Italian headings (the project's reporting is in Italian): people served by month,
procedure and language; mediator hours by language; sheets printed by kind and language; referrals, which the
application does not record yet, said so in words rather than as a zero that would look measured.
"""

from __future__ import annotations

from pathlib import Path

from desk_app.core.reports import Indicators, ReportService

TITLE = "Sportello - indicatori di monitoraggio"
FORMATS = ("csv", "xlsx")
#: What the referrals line says while the application has no referral record.
NO_REFERRALS = ("Invii ad altri servizi: nessuno registrato finora (l'applicazione non registra ancora gli invii). "
                "Fogli informativi sullo sfruttamento lavorativo consegnati: {sheets}.")
_KINDS = {"instructions": "istruzioni", "missing": "da portare", "exploitation": "sfruttamento lavorativo",
          "ticket": "biglietto"}


def write_xlsx(result: Indicators, path: Path) -> Path:
    """Four formatted sheets: persone servite, ore mediatori, fogli stampati, invii."""
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
        ws.append([f"{TITLE} - {name}"])
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

    sheet("persone servite", ["mese", "procedimento", "lingua", "persone servite"],
          [[m, p or "(non indicato)", lang or "(non indicata)", n] for m, p, lang, n in result.served]
          + [["totale", "", "", sum(n for *_, n in result.served)]], [10, 18, 16, 16])
    sheet("ore mediatori", ["lingua", "ore prenotate", "ore con il mediatore presente"],
          [[lang, round(b, 2), round(p, 2)] for lang, b, p in result.mediator_hours], [12, 16, 30])
    sheet("fogli stampati", ["tipo", "lingua", "fogli"],
          [[_KINDS.get(k, k), lang, n] for k, lang, n in result.prints], [26, 10, 10])
    sheet("invii", ["indicatore"], [[NO_REFERRALS.format(sheets=result.exploitation_sheets)]], [120])
    book.save(path)
    return path


def write_indicators(result: Indicators, path: Path, fmt: str) -> Path:
    """Write ``result`` as ``fmt`` (one of :data:`FORMATS`) to ``path``; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        path.write_text(ReportService.indicators_csv(result), encoding="utf-8-sig", newline="")
        return path
    return write_xlsx(result, path)
