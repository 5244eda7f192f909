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


#: PDF column widths in millimetres (landscape A4 less the margins): fixed, because reportlab sizing the columns
#: from every cell, and a plain ``Table`` split page after page, made a year (4,500 rows) take seconds.
_PDF_WIDTHS_MM = (22, 18, 18, 17, 17, 17, 20, 20, 28, 26, 30, 27)


def write_pdf(rows: Sequence[CountRow], path: Path, office: str, start: date, end: date) -> Path:
    """PDF: a long table whose header repeats on every page; office and period on top of each page and
    "pagina X di Y" at its foot (the total is known once every page is laid out: a canvas that keeps its
    pages and writes the footers at the end)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    page_width, page_height = landscape(A4)
    subtitle = _subtitle(office, start, end)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # reportlab's own signature
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's Canvas, untyped: resets the page

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont("Helvetica", 8)
                self.setFillColor(colors.HexColor("#555555"))
                self.drawString(12 * mm, page_height - 8 * mm, f"{TITLE} - {subtitle}")
                self.drawRightString(page_width - 12 * mm, 7 * mm, f"pagina {number} di {total}")
                super().showPage()
            super().save()

    styles = getSampleStyleSheet()
    header = [h.replace("_", " ") for h in CSV_HEADER]
    data = [header] + [[_text(v) for v in _cells(r)] for r in rows]
    table = LongTable(data, colWidths=[w * mm for w in _PDF_WIDTHS_MM], rowHeights=5 * mm, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f5f5")]),
    ]))
    story = [Paragraph(TITLE, styles["Title"]), Paragraph(subtitle, styles["Normal"]), Spacer(1, 4 * mm), table]
    SimpleDocTemplate(str(path), pagesize=(page_width, page_height), title=TITLE, leftMargin=12 * mm,
                      rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm).build(
        story, canvasmaker=NumberedCanvas)
    return path


def write_docx(rows: Sequence[CountRow], path: Path, office: str, start: date, end: date) -> Path:
    """DOCX with one table; its rows are built as one XML fragment (python-docx's cell API took 6 s for 3,000
    rows, measured for issue 11: every ``cell.text`` walks the table again)."""
    from xml.sax.saxutils import escape

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
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
        run = cell.paragraphs[0].runs[0]
        run.bold = True
        run.font.size = Pt(8)
    widths = [tc.find(qn("w:tcPr")).find(qn("w:tcW")).get(qn("w:w")) for tc in table.rows[0]._tr.tc_lst]
    run_props = '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'  # 8 pt, like the header
    xml_rows = "".join(
        "<w:tr>" + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:r>{run_props}'
            f"<w:t>{escape(_text(value))}</w:t></w:r></w:p></w:tc>"
            for width, value in zip(widths, _cells(row), strict=True)) + "</w:tr>"
        for row in rows)
    fragment = parse_xml(f"<w:tbl {nsdecls('w')}>{xml_rows}</w:tbl>")
    table._tbl.extend(list(fragment))
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
