"""Daily counts for supervisors as XLSX, PDF and DOCX (CSV is in :mod:`desk_app.core.reports`).

Counts only, never names. Italian headings: the people who read these are the
office's supervisors. PDF through reportlab (a Latin-only table: no complex
scripts, which is what reportlab is good at here), XLSX through openpyxl with
real numbers (not text) so Excel can sum them, DOCX through python-docx.
Heavy libraries are imported inside the functions: the desk window never pays
for them unless a supervisor exports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desk_app.core.reports import CSV_HEADER, CountRow, ReportService
from desk_app.core.training import marked_title

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


def draw_fitted(canvas: Any, x: float, y: float, text: str, *, font: str, size: float, width: float,
                smallest: float = 6.0) -> float:
    """Draw ``text`` from ``x`` on one line no wider than ``width``: at ``size`` if it fits, else at the size that
    fits (not below ``smallest``), else at ``smallest`` cut with an ellipsis. Returns the size used.

    Office names and periods have no upper length, and a running header or subtitle drawn wider than the page
    runs off its edge (seen on the project-period indicators: "... al 31/12/20").
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    measured = stringWidth(text, font, size)
    if measured > width:
        size = max(smallest, size * width / measured)
        if stringWidth(text, font, size) > width:
            while text and stringWidth(text + "…", font, size) > width:
                text = text[:-1]
            text = text.rstrip() + "…"
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)
    return size


def put_cells(text_object: Any, rows: Iterable[Sequence[str]], edges: Sequence[float], *, first_baseline: float,
              row_height: float, numbers_from: int, padding: float, size: float, widths: dict[str, float]) -> None:
    """Lay the table cells ``rows`` (texts, one list per row) into one reportlab text object.

    Column ``c`` lies between ``edges[c]`` and ``edges[c + 1]``; columns from ``numbers_from`` on are numbers, set
    flush right, the others flush left, ``padding`` in from the edge. Row ``i`` (from 0) sits on the baseline
    ``first_baseline - i * row_height``. ``widths`` caches each text's width in Helvetica ``size``, across pages:
    the same figures repeat, and measuring them is most of the cost of a long table. One text object for a page's
    cells, not a ``drawString`` each, for the same reason.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for i, cells in enumerate(rows):
        y = first_baseline - i * row_height
        for column, text in enumerate(cells):
            if column >= numbers_from:
                width = widths.get(text)
                if width is None:
                    width = widths[text] = stringWidth(text, "Helvetica", size)
                text_object.setTextOrigin(edges[column + 1] - padding - width, y)
            else:
                text_object.setTextOrigin(edges[column] + padding, y)
            text_object.textOut(text)


def _subtitle(office: str, start: date, end: date) -> str:
    return f"{office} - dal {start:%d/%m/%Y} al {end:%d/%m/%Y}"


def write_xlsx(rows: Sequence[CountRow], path: Path, office: str, start: date, end: date, *,
               mark: str = "") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active  # a new workbook has one worksheet, active; openpyxl types it as optional, any sheet kind
    if not isinstance(sheet, Worksheet):
        raise TypeError(f"a new workbook should start with a worksheet, not {sheet!r}")
    sheet.title = "Conteggi"
    sheet.append([marked_title(TITLE, mark)])
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


#: PDF column widths in millimetres (landscape A4 less the margins): fixed, so no cell is measured.
_PDF_WIDTHS_MM = (22, 18, 18, 17, 17, 17, 20, 20, 28, 26, 30, 27)
#: Numbers from the fourth column on are aligned right.
_PDF_FIRST_NUMBER = 3


def write_pdf(rows: Sequence[CountRow], path: Path, office: str, start: date, end: date, *,
              mark: str = "") -> Path:
    """PDF: one long table, its header repeated on every page; office and period on top of each page and
    "pagina X di Y" at its foot.

    Drawn straight on a reportlab canvas, a fixed number of 5 mm rows per page: the page count is known before
    the first page, so no second pass. Platypus' ``LongTable`` (which splits and styles cell by cell) took
    2.2 s for a year's 4,500 rows, over the 2 s goal of issue 11; the canvas draws the same table in a fraction
    of it (docs/benchmarks.md).
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    page_width, page_height = landscape(A4)
    title = marked_title(TITLE, mark)
    subtitle = _subtitle(office, start, end)
    margin, row_height, size = 12 * mm, 5 * mm, 7.5
    widths = [w * mm for w in _PDF_WIDTHS_MM]
    edges = [margin]
    for width in widths:
        edges.append(edges[-1] + width)
    first_top = page_height - margin - 16 * mm  # the first page has the title above its table
    top = page_height - margin - 2 * mm
    bottom = margin + 4 * mm

    def fits(table_top: float) -> int:
        return int((table_top - bottom) // row_height) - 1  # less the header

    first_rows, rows_per_page = fits(first_top), fits(top)
    total = 1 + max(0, math.ceil((len(rows) - first_rows) / rows_per_page))
    header = [h.replace("_", " ") for h in CSV_HEADER]
    canvas = Canvas(str(path), pagesize=(page_width, page_height))
    canvas.setTitle(title)
    grey, light, band = colors.HexColor("#555555"), colors.HexColor("#f5f5f5"), colors.HexColor("#dde4ee")
    position = 0
    widths_of: dict[str, float] = {}  # the numbers repeat: each width measured once
    for number in range(1, total + 1):
        table_top = first_top if number == 1 else top
        if number == 1:
            canvas.setFont("Helvetica-Bold", 16)
            canvas.drawCentredString(page_width / 2, page_height - margin - 6 * mm, title)
            draw_fitted(canvas, margin, page_height - margin - 12 * mm, subtitle, font="Helvetica", size=10,
                        width=page_width - 2 * margin)
        canvas.setFillColor(grey)
        # the page number's room on the right is kept free
        draw_fitted(canvas, margin, page_height - 8 * mm, f"{title} - {subtitle}", font="Helvetica", size=8,
                    width=page_width - 2 * margin)
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(page_width - margin, 7 * mm, f"pagina {number} di {total}")
        chunk = rows[position:position + (first_rows if number == 1 else rows_per_page)]
        position += len(chunk)
        lines = len(chunk) + 1
        canvas.setFillColor(band)
        canvas.rect(edges[0], table_top - row_height, edges[-1] - edges[0], row_height, stroke=0, fill=1)
        canvas.setFillColor(light)
        for i in range(2, lines, 2):
            canvas.rect(edges[0], table_top - (i + 1) * row_height, edges[-1] - edges[0], row_height,
                        stroke=0, fill=1)
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.25)
        canvas.grid(edges, [table_top - i * row_height for i in range(lines + 1)])
        canvas.setFillColor(colors.black)
        canvas.setFont("Helvetica-Bold", size)
        baseline = table_top - row_height + 1.6 * mm
        for column, text in enumerate(header):
            canvas.drawString(edges[column] + 1.5 * mm, baseline, text)
        # one text object for the page's cells: a drawString each is a text object each, and the most of the time
        text_object = canvas.beginText()
        text_object.setFont("Helvetica", size)
        put_cells(text_object, ([_text(value) for value in _cells(row)] for row in chunk), edges,
                  first_baseline=table_top - 2 * row_height + 1.6 * mm, row_height=row_height,
                  numbers_from=_PDF_FIRST_NUMBER, padding=1.5 * mm, size=size, widths=widths_of)
        canvas.drawText(text_object)
        canvas.showPage()
    canvas.save()
    return path


def write_docx(rows: Sequence[CountRow], path: Path, office: str, start: date, end: date, *,
               mark: str = "") -> Path:
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
    document.add_heading(marked_title(TITLE, mark), level=1)
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


def write_counts(rows: Sequence[CountRow], path: Path, fmt: str, office: str, start: date, end: date, *,
                 mark: str = "") -> Path:
    """Write ``rows`` as ``fmt`` (one of :data:`FORMATS`) to ``path``; return the path.

    ``mark`` (the training office's, :func:`desk_app.core.training.export_mark`) goes before the title of a PDF,
    DOCX or XLSX; a CSV carries it only in its file name (:func:`desk_app.core.training.export_path`), so its
    rows read as usual."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        return ReportService.write_csv(rows, path)
    writer = {"xlsx": write_xlsx, "pdf": write_pdf, "docx": write_docx}[fmt]
    return writer(rows, path, office, start, end, mark=mark)
