"""The breakdowns of a period (issue 11 item 2) as XLSX, PDF and DOCX; CSV is
:meth:`desk_app.core.reports.ReportService.breakdowns_csv`.

Counts only, never names. One part per breakdown (:data:`~desk_app.core.reports.DIMENSIONS`): in XLSX a formatted
sheet each, with native Excel bar charts (openpyxl.chart: issued against served, and the waits' average, median
and 90th percentile); in PDF a section each, starting on its own page, a reportlab bar chart above its table,
"pagina X di Y" and the office on every page; in DOCX a heading and a table each. Italian headings: the readers
are the office's supervisors. Heavy libraries are imported inside the functions.
"""

from __future__ import annotations

from pathlib import Path

from desk_app.core.reports import (
    BREAKDOWN_HEADER,
    DIMENSION_LABELS,
    DIMENSIONS,
    BreakdownRow,
    Breakdowns,
    ReportService,
    breakdown_cells,
)
from desk_app.core.training import marked_title
from desk_app.documents.counts import draw_fitted, put_cells

TITLE = "Sportello - prospetti del periodo"
FORMATS = ("csv", "xlsx", "pdf", "docx")
#: Headings short enough for a landscape A4 column (PDF, DOCX); XLSX and CSV keep :data:`BREAKDOWN_HEADER`.
SHORT_HEADER = ("valore", "emessi", "serviti", "assenti", "annullati", "trasferiti", "richiami", "attese",
                "att. media", "att. mediana", "att. p90", "entro obiet. %", "servizi", "serv. medio",
                "serv. mediano", "serv. p90", "app. rispettati", "app. mancati")
#: A chart of more bars than this says nothing (a year by day): the table alone then.
_MAX_CHART_BARS = 60


def _subtitle(result: Breakdowns) -> str:
    return f"{result.office} - dal {result.first:%d/%m/%Y} al {result.last:%d/%m/%Y}"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _key_text(dimension: str, row: BreakdownRow) -> str:
    """The key as a reader wants it: ``09:00`` for an hour, ``(nessuno)`` where nothing was recorded."""
    if dimension == "hour":
        return f"{row.key}:00"
    if not row.key:
        return "(sportello non assegnato)" if dimension == "desk" else "(non indicato)"
    return row.key


def write_xlsx(result: Breakdowns, path: Path, *, mark: str = "") -> Path:
    """One sheet per breakdown: title, period, a bold banded header, real numbers (``0.0`` minutes), frozen
    panes, a filter; and, where the bars fit, two native bar charts beside the table."""
    title = marked_title(TITLE, mark)
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    first_sheet = book.active
    if first_sheet is not None:
        book.remove(first_sheet)
    band = PatternFill("solid", fgColor="DDE4EE")
    for dimension in DIMENSIONS:
        rows = result.tables[dimension]
        sheet = book.create_sheet(DIMENSION_LABELS[dimension])
        sheet.append([f"{title} - per {DIMENSION_LABELS[dimension]}"])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([_subtitle(result)])
        sheet.append(list(BREAKDOWN_HEADER))
        for cell in sheet[3]:
            cell.font = Font(bold=True)
            cell.fill = band
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in rows:
            cells = breakdown_cells(row)
            cells[0] = _key_text(dimension, row)
            sheet.append(cells)
        for line in sheet.iter_rows(min_row=4, min_col=2, max_col=len(BREAKDOWN_HEADER)):
            for cell in line:
                if isinstance(cell.value, float):
                    cell.number_format = "0.0"
        sheet.column_dimensions["A"].width = 24
        for column in range(2, len(BREAKDOWN_HEADER) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 12
        sheet.row_dimensions[3].height = 30
        sheet.freeze_panes = "B4"
        last_row = 3 + len(rows)
        if rows:
            sheet.auto_filter.ref = f"A3:{get_column_letter(len(BREAKDOWN_HEADER))}{last_row}"
        if not rows or len(rows) > _MAX_CHART_BARS:
            continue
        keys = Reference(sheet, min_col=1, min_row=4, max_row=last_row)
        volume = BarChart()
        volume.title = f"Emessi e serviti per {DIMENSION_LABELS[dimension]}"
        volume.y_axis.title = "biglietti"
        volume.add_data(Reference(sheet, min_col=2, max_col=3, min_row=3, max_row=last_row), titles_from_data=True)
        volume.set_categories(keys)
        volume.height, volume.width = 8, 18
        anchor = get_column_letter(len(BREAKDOWN_HEADER) + 2)
        sheet.add_chart(volume, f"{anchor}3")
        waits = BarChart()
        waits.title = f"Attesa per {DIMENSION_LABELS[dimension]} (minuti)"
        waits.y_axis.title = "minuti"
        waits.add_data(Reference(sheet, min_col=9, max_col=11, min_row=3, max_row=last_row), titles_from_data=True)
        waits.set_categories(keys)
        waits.height, waits.width = 8, 18
        sheet.add_chart(waits, f"{anchor}21")
    book.save(path)
    return path


def write_pdf(result: Breakdowns, path: Path, *, mark: str = "") -> Path:
    """A section per breakdown, each from a new page: its heading, a bar chart of issued against served (where
    the bars fit), then its table (header repeated on every page); office, period and "pagina X di Y" on every
    page. Drawn on the canvas at fixed row heights, so the page count is known before the first page."""
    title = marked_title(TITLE, mark)
    from reportlab.graphics import renderPDF
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    page_width, page_height = landscape(A4)
    margin, row_height, size = 12 * mm, 4.6 * mm, 6.5
    header_height = 2 * row_height
    widths = [33 * mm] + [(page_width - 2 * margin - 33 * mm) / (len(SHORT_HEADER) - 1)] * (len(SHORT_HEADER) - 1)
    edges = [margin]
    for width in widths:
        edges.append(edges[-1] + width)
    top = page_height - margin - 2 * mm
    bottom = margin + 4 * mm
    chart_height = 62 * mm
    subtitle = _subtitle(result)

    def per_page(table_top: float) -> int:
        return int((table_top - bottom) // row_height) - 2  # less the header, two lines high

    # the layout first: (dimension, rows on the page, chart on it, table top)
    pages: list[tuple[str, list[BreakdownRow], bool, float]] = []
    for dimension in DIMENSIONS:
        rows = result.tables[dimension]
        chart = 0 < len(rows) <= _MAX_CHART_BARS
        first_top = top - 10 * mm - (chart_height if chart else 0)
        first = max(0, per_page(first_top))
        pages.append((dimension, rows[:first], chart, first_top))
        rest = rows[first:]
        for start in range(0, len(rest), per_page(top)):
            pages.append((dimension, rest[start:start + per_page(top)], False, top))
    total = len(pages)
    canvas = Canvas(str(path), pagesize=(page_width, page_height))
    canvas.setTitle(title)
    grey, light, band = colors.HexColor("#555555"), colors.HexColor("#f5f5f5"), colors.HexColor("#dde4ee")
    widths_of: dict[str, float] = {}
    previous = ""
    for number, (dimension, rows, chart, table_top) in enumerate(pages, start=1):
        canvas.setFillColor(grey)
        draw_fitted(canvas, margin, page_height - 8 * mm, f"{title} - {subtitle}", font="Helvetica", size=8,
                    width=page_width - 2 * margin)
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(page_width - margin, 7 * mm, f"pagina {number} di {total}")
        canvas.setFillColor(colors.black)
        if dimension != previous:
            canvas.setFont("Helvetica-Bold", 13)
            canvas.drawString(margin, top - 6 * mm, f"Per {DIMENSION_LABELS[dimension]}")
            previous = dimension
        if chart:
            drawing = Drawing(page_width - 2 * margin, chart_height - 4 * mm)
            bars = VerticalBarChart()
            bars.x, bars.y = round(14 * mm), round(12 * mm)  # the stubs type chart geometry as int
            bars.width, bars.height = round(page_width - 2 * margin - 60 * mm), round(chart_height - 22 * mm)
            bars.data = [[r.issued for r in rows], [r.served for r in rows]]
            bars.categoryAxis.categoryNames = [_key_text(dimension, r) for r in rows]
            bars.categoryAxis.labels.fontSize = 6
            bars.categoryAxis.labels.angle = 45 if len(rows) > 12 else 0
            bars.categoryAxis.labels.boxAnchor = "ne" if len(rows) > 12 else "n"
            bars.valueAxis.labels.fontSize = 6
            bars.valueAxis.valueMin = 0
            bars.bars[0].fillColor = colors.HexColor("#2a7f8f")
            bars.bars[1].fillColor = colors.HexColor("#3c8d3c")
            bars.bars.strokeWidth = 0
            legend = Legend()
            legend.x, legend.y = round(page_width - 2 * margin - 40 * mm), round(chart_height - 14 * mm)
            legend.fontSize = 7
            legend.colorNamePairs = [(colors.HexColor("#2a7f8f"), "emessi"), (colors.HexColor("#3c8d3c"), "serviti")]
            drawing.add(bars)
            drawing.add(legend)
            renderPDF.draw(drawing, canvas, margin, table_top + 2 * mm)
        canvas.setFillColor(band)
        canvas.rect(edges[0], table_top - header_height, edges[-1] - edges[0], header_height, stroke=0, fill=1)
        canvas.setFillColor(light)
        for i in range(2, len(rows) + 1, 2):
            canvas.rect(edges[0], table_top - header_height - i * row_height, edges[-1] - edges[0], row_height,
                        stroke=0, fill=1)
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.25)
        canvas.grid(edges, [table_top] + [table_top - header_height - i * row_height for i in range(len(rows) + 1)])
        canvas.setFillColor(colors.black)
        canvas.setFont("Helvetica-Bold", size)
        for column, heading in enumerate(SHORT_HEADER):  # two lines where the heading has two words
            words = heading.split(" ", 1)
            if len(words) == 1:
                canvas.drawString(edges[column] + 1 * mm, table_top - header_height + 2.6 * mm, heading)
            else:
                canvas.drawString(edges[column] + 1 * mm, table_top - header_height / 2 + 0.8 * mm, words[0])
                canvas.drawString(edges[column] + 1 * mm, table_top - header_height + 1.2 * mm, words[1])
        text_object = canvas.beginText()  # one text object for the page's cells (see documents.counts)
        text_object.setFont("Helvetica", size)
        cell_rows = ([_key_text(dimension, row), *(_text(value) for value in breakdown_cells(row)[1:])]
                     for row in rows)
        put_cells(text_object, cell_rows, edges, first_baseline=table_top - header_height - row_height + 1.4 * mm,
                  row_height=row_height, numbers_from=1, padding=1 * mm, size=size, widths=widths_of)
        canvas.drawText(text_object)
        canvas.showPage()
    canvas.save()
    return path


def write_docx(result: Breakdowns, path: Path, *, mark: str = "") -> Path:
    """A heading and a table per breakdown, landscape; rows built as one XML fragment (see documents.counts)."""
    title = marked_title(TITLE, mark)
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
    section.left_margin = section.right_margin = Mm(10)
    document.add_heading(title, level=1)
    document.add_paragraph(_subtitle(result))
    run_props = '<w:rPr><w:sz w:val="13"/><w:szCs w:val="13"/></w:rPr>'  # 6.5 pt
    for dimension in DIMENSIONS:
        document.add_heading(f"Per {DIMENSION_LABELS[dimension]}", level=2)
        table = document.add_table(rows=1, cols=len(SHORT_HEADER))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, SHORT_HEADER, strict=True):
            cell.text = text
            run = cell.paragraphs[0].runs[0]
            run.bold = True
            run.font.size = Pt(6.5)
        widths = [tc.find(qn("w:tcPr")).find(qn("w:tcW")).get(qn("w:w")) for tc in table.rows[0]._tr.tc_lst]
        xml_rows = []
        for row in result.tables[dimension]:
            cells = breakdown_cells(row)
            cells[0] = _key_text(dimension, row)
            xml_rows.append("<w:tr>" + "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:r>{run_props}'
                f"<w:t>{escape(_text(value))}</w:t></w:r></w:p></w:tc>"
                for width, value in zip(widths, cells, strict=True)) + "</w:tr>")
        if xml_rows:
            table._tbl.extend(list(parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(xml_rows)}</w:tbl>")))
    document.save(str(path))
    return path


def write_breakdowns(result: Breakdowns, path: Path, fmt: str, *, mark: str = "") -> Path:
    """Write ``result`` as ``fmt`` (one of :data:`FORMATS`) to ``path``; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        path.write_text(ReportService.breakdowns_csv(result), encoding="utf-8-sig", newline="")
        return path
    writer = {"xlsx": write_xlsx, "pdf": write_pdf, "docx": write_docx}[fmt]
    return writer(result, path, mark=mark)


__all__ = ["FORMATS", "SHORT_HEADER", "TITLE", "write_breakdowns", "write_docx", "write_pdf", "write_xlsx"]
