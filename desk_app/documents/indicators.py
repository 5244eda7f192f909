"""The project's monitoring indicators (issue 11 item 3) as XLSX, PDF and DOCX; CSV is
:meth:`desk_app.core.reports.ReportService.indicators_csv`.

Anonymous counts only, Italian headings (the project's reporting is in Italian): people served by month,
procedure and language; mediator hours by language; sheets printed by kind and language; referrals made (from
the directory's referral records), or, where none can be counted, said so in words rather than as a zero that
would look measured. The three formats lay out the same four tables (:func:`tables`): a sheet each in XLSX, a
section each in PDF (reportlab canvas, office and period on every page, "pagina X di Y") and DOCX.
"""

from __future__ import annotations

from pathlib import Path

from desk_app.core.reports import Indicators, ReportService
from desk_app.core.training import marked_title
from desk_app.documents.counts import draw_fitted, put_cells

TITLE = "Sportello - indicatori di monitoraggio"
FORMATS = ("csv", "xlsx", "pdf", "docx")
#: What the referrals line says while the application has no referral record.
NO_REFERRALS = ("Invii ad altri servizi: nessuno registrato finora (l'applicazione non registra ancora gli invii). "
                "Fogli informativi sullo sfruttamento lavorativo consegnati: {sheets}.")
_KINDS = {"instructions": "istruzioni", "missing": "da portare", "exploitation": "sfruttamento lavorativo",
          "referral": "invio a un servizio", "ticket": "biglietto"}


#: What the referrals line says when referrals were counted.
REFERRALS = ("Invii ad altri servizi registrati: {referrals}. "
             "Fogli informativi sullo sfruttamento lavorativo consegnati: {sheets}.")

#: One table of the indicators: name, column headings, rows, column widths (XLSX characters; PDF/DOCX shares).
Table = tuple[str, list[str], list[list[object]], list[int]]


def referrals_text(result: Indicators) -> str:
    """The referrals line: the count, or that none could be counted."""
    if result.referrals is None:
        return NO_REFERRALS.format(sheets=result.exploitation_sheets)
    return REFERRALS.format(referrals=result.referrals, sheets=result.exploitation_sheets)


def tables(result: Indicators) -> list[Table]:
    """The four tables every format lays out: persone servite, ore mediatori, fogli stampati, invii."""
    return [
        ("persone servite", ["mese", "procedimento", "lingua", "persone servite"],
         [[m, p or "(non indicato)", lang or "(non indicata)", n] for m, p, lang, n in result.served]
         + [["totale", "", "", sum(n for *_, n in result.served)]], [10, 18, 16, 16]),
        ("ore mediatori", ["lingua", "ore prenotate", "ore con il mediatore presente"],
         [[lang, round(b, 2), round(p, 2)] for lang, b, p in result.mediator_hours], [12, 16, 30]),
        ("fogli stampati", ["tipo", "lingua", "fogli"],
         [[_KINDS.get(k, k), lang, n] for k, lang, n in result.prints], [26, 10, 10]),
        ("invii", ["indicatore"], [[referrals_text(result)]], [120]),
    ]


def _subtitle(result: Indicators) -> str:
    return f"{result.office} - periodo {result.label}: dal {result.first:%d/%m/%Y} al {result.last:%d/%m/%Y}"


def _text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def write_xlsx(result: Indicators, path: Path, *, mark: str = "") -> Path:
    """Four formatted sheets: persone servite, ore mediatori, fogli stampati, invii."""
    title = marked_title(TITLE, mark)
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    band = PatternFill("solid", fgColor="DDE4EE")
    subtitle = _subtitle(result)
    for name, header, rows, widths in tables(result):
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
    book.save(path)
    return path


def write_pdf(result: Indicators, path: Path, *, mark: str = "") -> Path:
    """A4 portrait: title and period, then each table under its heading (header repeated where a table goes on
    to the next page); office, period and "pagina X di Y" on every page. Laid out first at fixed row heights
    (the page count is known before the first page), then drawn on the canvas like the counts and breakdowns."""
    title = marked_title(TITLE, mark)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    page_width, page_height = A4
    margin, row_height, size = 15 * mm, 5.5 * mm, 8.5
    usable = page_width - 2 * margin
    top, bottom = page_height - margin - 4 * mm, margin + 6 * mm
    subtitle = _subtitle(result)
    # the layout: per page, a list of (kind, y, payload): heading, sentence (a text), header or body row (column
    # edges, first column set flush right, cell texts)
    pages: list[list[tuple[str, float, object]]] = [[]]
    y = top - 14 * mm  # below the title on the first page

    def room(height: float) -> None:
        nonlocal y
        if y - height < bottom:
            pages.append([])
            y = top

    for name, header, rows, widths in tables(result):
        if name == "invii":
            room(3 * row_height)
            pages[-1].append(("heading", y, name))
            y -= 1.6 * row_height
            pages[-1].append(("sentence", y, rows[0][0]))
            y -= row_height
            continue
        room(4 * row_height)
        total = sum(widths)
        edges = [margin]
        for width in widths:
            edges.append(edges[-1] + usable * width / total)
        # numbers (and the total row's blanks) from this column on, set flush right
        numbers_from = min((c for c in range(len(header) + 1)
                            if all(isinstance(v, int | float) or v == "" for row in rows for v in row[c:])),
                           default=len(header))
        pages[-1].append(("heading", y, name))
        y -= 1.2 * row_height
        pages[-1].append(("header", y, (edges, len(header), header)))
        y -= row_height
        for row in rows:
            if y - row_height < bottom:
                pages.append([])
                y = top
                pages[-1].append(("header", y, (edges, len(header), header)))
                y -= row_height
            pages[-1].append(("row", y, (edges, numbers_from, [_text(v) for v in row])))
            y -= row_height
        y -= row_height
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle(title)
    grey, band = colors.HexColor("#555555"), colors.HexColor("#dde4ee")
    widths_of: dict[str, float] = {}
    for number, items in enumerate(pages, start=1):
        canvas.setFillColor(grey)
        draw_fitted(canvas, margin, page_height - 9 * mm, f"{title} - {subtitle}", font="Helvetica", size=8,
                    width=usable)
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(page_width - margin, 8 * mm, f"pagina {number} di {len(pages)}")
        canvas.setFillColor(colors.black)
        if number == 1:
            canvas.setFont("Helvetica-Bold", 15)
            canvas.drawString(margin, top - 4 * mm, title)
            draw_fitted(canvas, margin, top - 10 * mm, subtitle, font="Helvetica", size=10, width=usable)
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.25)
        for kind, at, payload in items:
            if kind == "heading":
                canvas.setFont("Helvetica-Bold", 12)
                canvas.drawString(margin, at - 4 * mm, str(payload).capitalize())
            elif kind == "sentence":
                canvas.setFont("Helvetica", size)
                canvas.drawString(margin, at - 4 * mm, str(payload))
            else:
                edges, numbers_from, cells = payload if isinstance(payload, tuple) else ([], 0, [])
                if kind == "header":
                    canvas.setFillColor(band)
                    canvas.rect(edges[0], at - row_height, edges[-1] - edges[0], row_height, stroke=0, fill=1)
                    canvas.setFillColor(colors.black)
                canvas.grid(edges, [at, at - row_height])
                text_object = canvas.beginText()
                text_object.setFont("Helvetica-Bold" if kind == "header" else "Helvetica", size)
                put_cells(text_object, [cells], edges, first_baseline=at - row_height + 1.7 * mm,
                          row_height=row_height, numbers_from=numbers_from,
                          padding=1.5 * mm, size=size, widths=widths_of)
                canvas.drawText(text_object)
        canvas.showPage()
    canvas.save()
    return path


def write_docx(result: Indicators, path: Path, *, mark: str = "") -> Path:
    """A heading and a table per indicator (the referrals as a sentence), A4 portrait."""
    title = marked_title(TITLE, mark)
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.add_heading(title, level=1)
    document.add_paragraph(_subtitle(result))
    for name, header, rows, _widths in tables(result):
        document.add_heading(name.capitalize(), level=2)
        if name == "invii":
            document.add_paragraph(str(rows[0][0]))
            continue
        table = document.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        lines: list[tuple[list[object], bool]] = [([*header], True), *((row, False) for row in rows)]
        for line, (values, bold) in enumerate(lines):
            for cell, value in zip(table.rows[line].cells, values, strict=True):
                cell.text = _text(value)
                run = cell.paragraphs[0].runs[0] if cell.paragraphs[0].runs else cell.paragraphs[0].add_run("")
                run.bold = bold
                run.font.size = Pt(9)
    document.save(str(path))
    return path


def write_indicators(result: Indicators, path: Path, fmt: str, *, mark: str = "") -> Path:
    """Write ``result`` as ``fmt`` (one of :data:`FORMATS`) to ``path``; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        path.write_text(ReportService.indicators_csv(result), encoding="utf-8-sig", newline="")
        return path
    writer = {"xlsx": write_xlsx, "pdf": write_pdf, "docx": write_docx}[fmt]
    return writer(result, path, mark=mark)
