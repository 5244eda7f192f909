"""Documents of the Prefettura-Questura coordination (issue 16): the meeting list and the handling times, as PDF
and XLSX.

The meeting list (:class:`~desk_app.core.practices.MeetingList`) names practices by number (the two offices discuss
them one by one) but never a person, a note or a counter case: number, procedure, reason, dates, days waiting, what
moved since the last meeting, what that meeting decided, and an empty column to write today's decision in. The
handling times (:class:`~desk_app.core.practices.HandlingTimes`) are counts only. Italian headings: the readers are
the two offices' staff. Tables through reportlab's platypus (the "novità" column wraps), "pagina X di Y" on every
page; XLSX through openpyxl with a bold banded header, frozen panes and a filter. Heavy libraries are imported
inside the functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desk_app.clock import local_time
from desk_app.core.practices import REASONS, HandlingTimes, MeetingLine, MeetingList, StepView
from desk_app.core.training import marked_title
from desk_app.i18n import translate

MEETING_TITLE = "Riunione di coordinamento Prefettura - Questura"
HANDLING_TITLE = "Tempi di lavorazione delle pratiche condivise"
FORMATS = ("pdf", "xlsx")
SIDE_LABELS = {"prefettura": "Prefettura (SUI)", "questura": "Questura (Ufficio Immigrazione)"}
WAITING_LABELS = {"prefettura": "in attesa della Prefettura", "questura": "in attesa della Questura"}
STEP_LABELS = {"send": "inviata", "answer": "risposta", "return": "restituita", "close": "chiusa"}
DECISION_LABELS = {"remind": "sollecito", "new_due_date": "nuova scadenza", "ask_documents": "chiedere documenti",
                   "escalate": "ai dirigenti", "close": "da chiudere", "noted": "presa visione"}
MEETING_HEADER = ("pratica", "motivo", "inviata il", "scadenza", "giorni lav.", "scaduta",
                  "novità dall'ultima riunione", "decisione precedente", "decisione di oggi")
HANDLING_HEADER = ("procedura", "aperta da", "chiuse", "mediana (gg lav.)", "p90 (gg lav.)",
                   "quota in attesa dell'altro ufficio %")


def reason_label(code: str) -> str:
    reason = REASONS.get(code)
    return translate("it", "Practice", reason.label) if reason else code


def _step_text(step: StepView) -> str:
    when = local_time(step.at).strftime("%d/%m")
    route = SIDE_LABELS[step.from_side].split(" ")[0]
    if step.to_side:
        route += " → " + SIDE_LABELS[step.to_side].split(" ")[0]
    why = f" ({reason_label(step.reason)})" if step.reason else ""
    return f"{when} {STEP_LABELS[step.kind]} {route}{why}"


def meeting_cells(line: MeetingLine) -> list[str]:
    """One practice of the list as the cells of :data:`MEETING_HEADER` (texts)."""
    p = line.practice
    return [p.practice_number or "(cancellato)", reason_label(p.reason), local_time(p.sent_at).strftime("%d/%m/%Y"),
            p.due_date.strftime("%d/%m/%Y") if p.due_date else "", str(p.days_waiting), "sì" if p.overdue else "",
            "; ".join(_step_text(s) for s in line.changes) or "-",
            DECISION_LABELS.get(line.last_decision or "", ""), ""]


def _meeting_subtitle(result: MeetingList) -> str:
    last = (f"ultima riunione del {local_time(result.last_meeting_at):%d/%m/%Y}" if result.last_meeting_at
            else "prima riunione registrata")
    return (f"{result.office_name} - {result.today:%d/%m/%Y} - pratiche aperte in attesa da almeno "
            f"{result.min_days} giorni lavorativi - {last}")


def _summary(result: MeetingList) -> str:
    text = f"In elenco {result.total} pratiche, {result.overdue} scadute."
    if result.last_meeting_at is not None:
        text += f" Dall'ultima riunione: {result.opened_since} aperte, {result.closed_since} chiuse."
    return text + " Giorni lavorativi: da lunedì a venerdì, festività nazionali e patrono escluse."


class _NumberedPages:
    """A reportlab canvas maker writing "pagina X di Y" and the document's title on every page at the end."""

    @staticmethod
    def maker(title: str) -> Any:
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.pdfgen.canvas import Canvas

        class NumberedCanvas(Canvas):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, Any]] = []

            def showPage(self) -> None:  # noqa: N802 - reportlab's name
                self._pages.append(dict(self.__dict__))
                self._startPage()  # type: ignore[attr-defined]  # reportlab's own reset, as showPage does

            def save(self) -> None:
                total = len(self._pages)
                for number, state in enumerate(self._pages, start=1):
                    self.__dict__.update(state)
                    width, _height = self._pagesize  # type: ignore[attr-defined]
                    self.setFont("Helvetica", 8)
                    self.setFillColor(colors.HexColor("#555555"))
                    self.drawString(12 * mm, 7 * mm, title)
                    self.drawRightString(width - 12 * mm, 7 * mm, f"pagina {number} di {total}")
                    super().showPage()
                super().save()

        return NumberedCanvas


def _pdf(path: Path, title: str, subtitle: str, summary: str,
         sections: Sequence[tuple[str, Sequence[str], Sequence[Sequence[str]], Sequence[float]]]) -> Path:
    """A landscape A4 PDF: title, subtitle, summary, then per section a heading and a table (header repeated)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=7.5, leading=9)
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold")
    document = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                                 topMargin=12 * mm, bottomMargin=14 * mm, title=title)
    usable = landscape(A4)[0] - 24 * mm
    story: list[Any] = [Paragraph(title, styles["Title"]), Paragraph(subtitle, styles["Normal"]),
                        Paragraph(summary, styles["Normal"]), Spacer(1, 4 * mm)]
    for heading, header, rows, shares in sections:
        story.append(Paragraph(heading, styles["Heading3"]))
        data = [[Paragraph(h, head) for h in header]] + [[Paragraph(_xml(c), cell) for c in r] for r in rows]
        table = Table(data, colWidths=[usable * s for s in shares], repeatRows=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f5f5")]),
        ]))
        story += [table, Spacer(1, 4 * mm)]
    if not sections:
        story.append(Paragraph("Nessuna pratica da esaminare.", styles["Normal"]))
    document.build(story, canvasmaker=_NumberedPages.maker(title))
    return path


def _xml(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)


#: Column shares of the meeting table (sum 1): the changes column gets the room.
_MEETING_SHARES = (0.15, 0.14, 0.075, 0.075, 0.05, 0.055, 0.21, 0.1, 0.145)


def write_meeting_pdf(result: MeetingList, path: Path, *, mark: str = "") -> Path:
    """The meeting list: a section per procedure and office waited on, practices oldest first."""
    title = marked_title(MEETING_TITLE, mark)
    sections = [(f"{group.procedure_code} - {WAITING_LABELS[group.waiting_on]} ({len(group.lines)})",
                 MEETING_HEADER, [meeting_cells(line) for line in group.lines], _MEETING_SHARES)
                for group in result.groups]
    return _pdf(path, title, _meeting_subtitle(result), _summary(result), sections)


def _sheet_header(sheet: Any, title: str, subtitle: str, header: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([subtitle])
    sheet.append(list(header))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[3].height = 30
    sheet.freeze_panes = "A4"


def write_meeting_xlsx(result: MeetingList, path: Path, *, mark: str = "") -> Path:
    """One sheet: procedure and office columns first (to filter on), then :data:`MEETING_HEADER`; days waiting
    as numbers."""
    title = marked_title(MEETING_TITLE, mark)
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Riunione"
    header = ("procedura", "in attesa di", *MEETING_HEADER)
    _sheet_header(sheet, title, _meeting_subtitle(result), header)
    for group in result.groups:
        for line in group.lines:
            cells: list[object] = [group.procedure_code, SIDE_LABELS[group.waiting_on], *meeting_cells(line)]
            cells[6] = line.practice.days_waiting  # a number, for sorting and sums
            sheet.append(cells)
    for column, width in enumerate((12, 22, 16, 26, 11, 11, 9, 8, 50, 18, 24), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    if result.total:
        sheet.auto_filter.ref = f"A3:{get_column_letter(len(header))}{3 + result.total}"
    sheet.append([])
    sheet.append([_summary(result)])
    book.save(path)
    return path


def handling_cells(row: Any) -> list[object]:
    return [row.procedure_code, SIDE_LABELS[row.owner], row.closed, row.median_days, row.p90_days,
            round(100 * row.waiting_share, 1)]


def _handling_subtitle(result: HandlingTimes) -> str:
    return (f"{result.office_name} - pratiche chiuse dal {result.start:%d/%m/%Y} al {result.end:%d/%m/%Y} - "
            "giorni lavorativi dall'apertura alla chiusura; quota in attesa: tempo trascorso")


def write_handling_pdf(result: HandlingTimes, path: Path, *, mark: str = "") -> Path:
    """Per procedure and office: closed, median, p90, share waiting on the other office; then the monthly trend."""
    title = marked_title(HANDLING_TITLE, mark)
    def text(value: object) -> str:
        return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)

    rows = [[text(v) for v in handling_cells(r)] for r in result.rows]
    trend = [[r.procedure_code, SIDE_LABELS[r.owner], m.month, str(m.closed), text(m.median_days)]
             for r in result.rows for m in r.by_month]
    waiting = ", ".join(f"{WAITING_LABELS[side]}: {count}" for side, count in result.open_waiting.items())
    sections = []
    if rows:
        sections = [("Per procedura e ufficio", HANDLING_HEADER, rows, (0.15, 0.25, 0.1, 0.15, 0.15, 0.2)),
                    ("Andamento per mese", ("procedura", "aperta da", "mese", "chiuse", "mediana (gg lav.)"), trend,
                     (0.15, 0.3, 0.15, 0.15, 0.25))]
    return _pdf(path, title, _handling_subtitle(result), f"Pratiche aperte ora - {waiting}.", sections)


def write_handling_xlsx(result: HandlingTimes, path: Path, *, mark: str = "") -> Path:
    """Sheet "Tempi" (per procedure and office) and sheet "Andamento" (per month)."""
    title = marked_title(HANDLING_TITLE, mark)
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tempi"
    _sheet_header(sheet, title, _handling_subtitle(result), HANDLING_HEADER)
    for row in result.rows:
        sheet.append(handling_cells(row))
    for column, width in enumerate((14, 30, 10, 16, 14, 20), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    trend = book.create_sheet("Andamento")
    _sheet_header(trend, title, _handling_subtitle(result),
                  ("procedura", "aperta da", "mese", "chiuse", "mediana (gg lav.)"))
    for row in result.rows:
        for month in row.by_month:
            trend.append([row.procedure_code, SIDE_LABELS[row.owner], month.month, month.closed, month.median_days])
    for column, width in enumerate((14, 30, 10, 10, 16), start=1):
        trend.column_dimensions[get_column_letter(column)].width = width
    book.save(path)
    return path


def write_meeting(result: MeetingList, path: Path, fmt: str, *, mark: str = "") -> Path:
    """Write the meeting list as ``fmt`` (``pdf`` or ``xlsx``); return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return {"pdf": write_meeting_pdf, "xlsx": write_meeting_xlsx}[fmt](result, path, mark=mark)


def write_handling(result: HandlingTimes, path: Path, fmt: str, *, mark: str = "") -> Path:
    """Write the handling times as ``fmt`` (``pdf`` or ``xlsx``); return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return {"pdf": write_handling_pdf, "xlsx": write_handling_xlsx}[fmt](result, path, mark=mark)


__all__ = ["FORMATS", "HANDLING_TITLE", "MEETING_TITLE", "meeting_cells", "reason_label", "write_handling",
           "write_meeting"]
