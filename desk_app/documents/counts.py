"""Daily counts for supervisors as XLSX, PDF and DOCX (CSV is in :mod:`desk_app.core.reports`).

Counts only, never names. Italian headings: the people who read these are the
office's supervisors. PDF through reportlab (a Latin-only table: no complex
scripts, which is what reportlab is good at here), XLSX through openpyxl with
real numbers (not text) so Excel can sum them, DOCX through python-docx.
Heavy libraries are imported inside the functions: the desk window never pays
for them unless a supervisor exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from desk_app.core.reports import CSV_HEADER, CountRow, ReportService

TITLE = "Sportello - conteggi giornalieri"
FORMATS = ("csv", "xlsx", "pdf", "docx")


def _cells(row: CountRow) -> list[object]:
    def minutes(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return [row.day, row.service, row.desk, row.issued, row.served, row.no_show, row.cancelled, row.transferred,
            minutes(row.wait_avg), minutes(row.wait_p90), minutes(row.service_avg), minutes(row.service_p90)]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _subtitle(office: str, start: date, end: date) -> str:
    return f"{office} - dal {start:%d/%m/%Y} al {end:%d/%m/%Y}"


def write_xlsx(rows: Sequence[CountRow], path: Path, office: str, start: date, end: date) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active  # a new workbook has one worksheet, active; openpyxl types it as optional, any sheet kind
    if not isinstance(sheet, Worksheet):
        raise TypeError(f"a new workbook should start with a worksheet, not {sheet!r}")
    sheet.title = "Conteggi"
    sheet.append([TITLE])
    sheet.append([_subtitle(office, start, end)])
    sheet.append(list(CSV_HEADER))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(_cells(row))
    for line in sheet.iter_rows(min_row=4, max_col=1):
        line[0].number_format = "DD/MM/YYYY"
    for column, width in zip("ABCDEFGHIJKL", (12, 10, 10, 8, 8, 8, 10, 10, 16, 14, 18, 16), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    book.save(path)
    return path


def write_pdf(rows: Sequence[CountRow], path: Path, office: str, start: date, end: date) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    header = [h.replace("_", " ") for h in CSV_HEADER]
    data = [header] + [[_text(v) for v in _cells(r)] for r in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f5f5")]),
    ]))
    story = [Paragraph(TITLE, styles["Title"]), Paragraph(_subtitle(office, start, end), styles["Normal"]),
             Spacer(1, 4 * mm), table]
    SimpleDocTemplate(str(path), pagesize=landscape(A4), title=TITLE, leftMargin=12 * mm, rightMargin=12 * mm,
                      topMargin=12 * mm, bottomMargin=12 * mm).build(story)
    return path


def write_docx(rows: Sequence[CountRow], path: Path, office: str, start: date, end: date) -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    document.add_heading(TITLE, level=1)
    document.add_paragraph(_subtitle(office, start, end))
    table = document.add_table(rows=1, cols=len(CSV_HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, CSV_HEADER, strict=True):
        cell.text = text.replace("_", " ")
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, _cells(row), strict=True):
            cell.text = _text(value)
    for table_row in table.rows:
        for cell in table_row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
    document.save(str(path))  # python-docx types save() as str | IO[bytes]
    return path


def write_counts(rows: Sequence[CountRow], path: Path, fmt: str, office: str, start: date, end: date) -> Path:
    """Write ``rows`` as ``fmt`` (one of :data:`FORMATS`) to ``path``; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        return ReportService.write_csv(rows, path)
    writer = {"xlsx": write_xlsx, "pdf": write_pdf, "docx": write_docx}[fmt]
    return writer(rows, path, office, start, end)
