"""``content``, ``print`` and ``translations`` commands: the catalogue, the user sheets and their translations.

``desk-admin content load`` copies the shipped catalogue into the office (idempotent).
``desk-admin print instructions|missing|exploitation ... -o FILE`` writes a sheet as PDF
(Qt text engine) or DOCX; ``desk-admin print ticket --ticket R001 [--paper receipt80|a4] -o FILE.pdf``
writes one of today's tickets exactly as the walk-in desk prints it.
``desk-admin translations status|export|import`` shows the coverage table and exchanges PO files
with translators. ``desk-admin legalisation --country CC [--document TYPE] [--issuer KIND]`` tells
whether a document needs an Apostille, legalisation (then the consulate) or nothing, and at which office.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.auth import Actor
from desk_app.core.catalogue import LANGUAGE_NAMES
from desk_app.core.legalisation import LegalisationService
from desk_app.core.queue import LANGUAGES, TicketView
from desk_app.core.services import CoreServices
from desk_app.core.sheets import Sheet, SheetBuilder
from desk_app.core.translations import TARGET_LANGUAGES, TRANSLATION_STATUSES
from desk_app.db.models import TICKET_STATUSES
from desk_app.errors import ConflictError, NotFoundError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    content = commands.add_parser("content", help="procedure catalogue").add_subparsers(
        dest="content_command", required=True)
    load = content.add_parser("load", help="load the shipped catalogue and translations into the office")
    load.add_argument("--office", metavar="CODE")
    load.set_defaults(func=load_catalogue)
    procedures = content.add_parser("procedures", help="list the procedures and their checklist versions")
    procedures.set_defaults(func=list_procedures)

    printing = commands.add_parser("print", help="user sheets as PDF or DOCX").add_subparsers(
        dest="print_command", required=True)
    for name, helptext in (("instructions", "instruction sheet of a procedure"),
                           ("missing", "'bring next time' sheet of a case"),
                           ("exploitation", "labour-exploitation awareness sheet")):
        sub = printing.add_parser(name, help=helptext)
        if name == "instructions":
            sub.add_argument("--procedure", required=True, metavar="CODE")
        if name == "missing":
            sub.add_argument("--case", required=True, type=int, metavar="ID")
        sub.add_argument("--lang", dest="sheet_lang", choices=LANGUAGES,
                         required=name != "missing", help="user's language (missing: default the case's)")
        sub.add_argument("--bilingual", action="store_true", help="print the Italian under each line")
        sub.add_argument("--format", choices=("pdf", "docx"), help="default: from the file name, else pdf")
        sub.add_argument("-o", "--output", required=True, metavar="FILE")
        sub.set_defaults(func=print_sheet, sheet_kind=name)
    ticket = printing.add_parser("ticket", help="a ticket of today, as the walk-in desk prints it (PDF)")
    ticket.add_argument("--ticket", required=True, metavar="NUMBER_OR_ID", help="number as printed (R001) or id")
    ticket.add_argument("--paper", choices=("receipt80", "a4"), help="default: setting ticket_paper")
    ticket.add_argument("--lang", dest="ticket_lang", choices=LANGUAGES,
                        help="user's language line, if the ticket has no language")
    ticket.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    ticket.set_defaults(func=print_ticket)

    translations = commands.add_parser("translations", help="translations of the user sheets").add_subparsers(
        dest="translations_command", required=True)
    status = translations.add_parser("status", help="coverage table: document x language")
    status.set_defaults(func=translation_status)
    export = translations.add_parser("export", help="write a PO file for translators")
    export.add_argument("--lang", dest="po_lang", required=True, choices=TARGET_LANGUAGES)
    export.add_argument("file", metavar="FILE.po")
    export.set_defaults(func=export_po)
    import_ = translations.add_parser("import", help="read a translator's PO file")
    import_.add_argument("--lang", dest="po_lang", required=True, choices=TARGET_LANGUAGES)
    import_.add_argument("file", metavar="FILE.po")
    import_.set_defaults(func=import_po)

    legalisation = commands.add_parser(
        "legalisation", help="apostille, legalisation or nothing: what a document needs for a country")
    legalisation.add_argument("--country", help="ISO code or name of the destination country")
    legalisation.add_argument("--document", metavar="TYPE", help="document type (see --list)")
    legalisation.add_argument("--issuer", metavar="KIND", help="who issued it (default: the document's usual issuer)")
    legalisation.add_argument("--list", action="store_true", help="list countries, document types and issuers")
    legalisation.set_defaults(func=legalisation_advice)


def load_catalogue(ctx: CliContext, args: argparse.Namespace) -> int:
    result = ctx.core().content.load(ctx.actor(), office_code=args.office)
    ctx.emit(result, ctx.t(
        DeskAdmin.tr("Catalogue {version}: {added} texts added, {updated} updated, {kept} edited by the office and "
                     "kept; {procedures} new procedures; new checklist versions: {versions}"),
        version=result.catalogue_version, added=result.texts_added, updated=result.texts_updated,
        kept=result.texts_kept, procedures=result.procedures_added, versions=", ".join(result.versions_added) or "-"))
    return 0


def list_procedures(ctx: CliContext, args: argparse.Namespace) -> int:
    procedures = ctx.core().content.procedures()
    ctx.emit(procedures, [f"{p.code:8} v{p.version:<3} {p.service_code:4} {len(p.items):2} "
                          f"{'?' if p.verify else ' '} {p.name}" for p in procedures])
    return 0


def print_sheet(ctx: CliContext, args: argparse.Namespace) -> int:
    core = ctx.core()
    builder = SheetBuilder(core.content)
    sheet: Sheet
    if args.sheet_kind == "instructions":
        sheet = builder.instructions(args.procedure, args.sheet_lang, bilingual=args.bilingual)
    elif args.sheet_kind == "missing":
        case = core.cases.get(ctx.actor(), args.case)
        sheet = builder.missing(case, args.sheet_lang, bilingual=args.bilingual)
    else:
        sheet = builder.exploitation(args.sheet_lang, bilingual=args.bilingual)
    path = Path(args.output)
    kind = args.format or ("docx" if path.suffix.lower() == ".docx" else "pdf")
    if kind == "docx":
        from desk_app.documents.docx import write_docx

        write_docx(sheet, path)
    else:
        from desk_app.documents.pdf import write_pdf  # Qt is loaded only when a PDF is asked for

        write_pdf(sheet, path)
    ctx.emit({"file": path.resolve(), "language": sheet.lang, "status": sheet.status, "format": kind},
             ctx.t(DeskAdmin.tr("Sheet written to {path} ({language}, translation: {status})"), path=path.resolve(),
                   language=LANGUAGE_NAMES[sheet.lang],
                   status=ctx.t(_TRANSLATION_STATUS[sheet.status]) if sheet.status in _TRANSLATION_STATUS
                   else sheet.status))
    return 0


def print_ticket(ctx: CliContext, args: argparse.Namespace) -> int:
    core = ctx.core()
    view = _todays_ticket(core, ctx.actor(), args.ticket)
    office = core.offices.view(ctx.settings.office_code or None)
    paper = args.paper or ctx.settings.ticket_paper
    path = Path(args.output)
    from desk_app.documents.tickets import PrintableTicket, write_ticket_pdf  # Qt is loaded only to print

    ticket = PrintableTicket.of(view, office.name, office.timezone, language=args.ticket_lang)
    write_ticket_pdf(ticket, path, paper)
    language = ticket.language or "it"
    ctx.emit({"file": path.resolve(), "number": view.number, "id": view.id, "paper": paper, "language": language},
             ctx.t(DeskAdmin.tr("Ticket {number} written to {path} ({paper}, {language})"), number=view.number,
                   path=path.resolve(), paper=paper, language=LANGUAGE_NAMES[language]))
    return 0


def _todays_ticket(core: CoreServices, actor: Actor, ref: str) -> TicketView:
    """Today's ticket named by its number (``R001``) or id, through the queue's own listing of today."""
    value = ref.strip()
    if value.isdigit():
        found = core.queue.tickets(actor, statuses=TICKET_STATUSES, ticket_ids=(int(value),))
    else:
        value = value.upper()
        found = [t for t in core.queue.tickets(actor, statuses=TICKET_STATUSES) if t.number == value]
    if not found:
        raise NotFoundError("unknown_ticket", value=value)
    if len(found) > 1:  # only if a prefix moved to another service during the day
        raise ConflictError("ticket_ambiguous", number=value)
    return found[0]


_SHORT = {"reviewed": "ok", "draft": "dr", "stale": "ST", "missing": "--"}


def translation_status(ctx: CliContext, args: argparse.Namespace) -> int:
    table = ctx.core().translations.coverage()
    header = f"{'':8} " + " ".join(f"{lang:>3}" for lang in TARGET_LANGUAGES)
    lines = [header] + [f"{doc:8} " + " ".join(f"{_SHORT[row[lang].status]:>3}" for lang in TARGET_LANGUAGES)
                        for doc, row in table.items()]
    lines.append("legend: " + ", ".join(f"{_SHORT[s]}={s}" for s in TRANSLATION_STATUSES))
    ctx.emit(table, lines)
    return 0


def export_po(ctx: CliContext, args: argparse.Namespace) -> int:
    path = Path(args.file)
    count = ctx.core().translations.export_po(ctx.actor(), args.po_lang, path)
    ctx.emit({"file": path.resolve(), "entries": count},
             ctx.t(DeskAdmin.tr("%n entries written to {path}", "", count), path=path.resolve()))
    return 0


def import_po(ctx: CliContext, args: argparse.Namespace) -> int:
    result = ctx.core().translations.import_po(ctx.actor(), args.po_lang, Path(args.file))
    ctx.emit(result, ctx.t(
        DeskAdmin.tr("{imported} translations imported ({stale} of an earlier Italian text), {unchanged} unchanged, "
                     "{skipped} skipped"),
        imported=result.imported, stale=result.stale, unchanged=result.unchanged, skipped=result.skipped))
    return 0


#: A country's standing in the legalisation table (the Hague Apostille Convention, the EU).
_STATUS_NAMES = {"eu": DeskAdmin.tr("EU"), "party": DeskAdmin.tr("Hague"), "not_party": DeskAdmin.tr("not Hague"),
                 "unknown": DeskAdmin.tr("to verify")}
#: The translation status of a printed sheet.
_TRANSLATION_STATUS = {"draft": DeskAdmin.tr("draft"), "reviewed": DeskAdmin.tr("reviewed"),
                       "stale": DeskAdmin.tr("to update"), "missing": DeskAdmin.tr("missing")}


def legalisation_advice(ctx: CliContext, args: argparse.Namespace) -> int:
    # The helper is pure data: it answers without opening the database (CoreServices holds the same service).
    helper = LegalisationService()
    table = helper.table
    if args.list or args.country is None:
        lines = [ctx.t(DeskAdmin.tr("Legalisation table {version}, checked on {checked_on}"), version=table.version,
                       checked_on=table.checked_on)]
        for c in helper.countries():
            status = ctx.t(_STATUS_NAMES[c.status])
            lines.append(f"  {c.code}  {c.name(ctx.lang):24} {status}{' *' if c.verify else ''}")
        lines.append(ctx.t(DeskAdmin.tr("Document types (--document):")))
        lines += [f"  {d.kind:16} {d.name(ctx.lang)}" for d in table.documents.values()]
        lines.append(ctx.t(DeskAdmin.tr("Issuers (--issuer):")))
        lines += [f"  {i.kind:20} {i.name(ctx.lang)} -> {i.office}" for i in table.issuers.values()]
        ctx.emit({"version": table.version, "checked_on": table.checked_on, "countries": helper.countries(),
                  "documents": list(table.documents.values()), "issuers": list(table.issuers.values())}, lines)
        return 0
    advice = helper.advise(args.country, args.document, args.issuer)
    ctx.emit(advice, advice.lines(ctx.lang, table))
    return 0
