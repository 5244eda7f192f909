"""``content``, ``print`` and ``translations`` commands: the catalogue, the user sheets and their translations.

``desk-admin content load`` copies the shipped catalogue into the office (idempotent);
``desk-admin content show PROC`` prints each rule of a procedure with its own source and check date.
``desk-admin print instructions|missing|exploitation ... -o FILE`` writes a sheet as PDF
(Qt text engine) or DOCX; ``desk-admin print ticket --ticket R001 [--paper receipt80|a4] -o FILE.pdf``
writes one of today's tickets exactly as the walk-in desk prints it.
``desk-admin translations status|export|import`` shows the coverage table and exchanges PO files
with translators; ``translations review --lang L --key K | --procedure P | --exploitation`` records a
translator's review of some texts or of a whole sheet, ``translations glossary`` flags another term for a
glossary concept. ``desk-admin legalisation --country CC [--document TYPE] [--issuer KIND]`` tells
whether a document needs an Apostille, legalisation (then the consulate) or nothing, and at which office.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.auth import Actor
from desk_app.core.catalogue import LANGUAGE_NAMES
from desk_app.core.legalisation import LegalisationService
from desk_app.core.queue import LANGUAGES, TicketView
from desk_app.core.services import CoreServices
from desk_app.core.sheets import Sheet, SheetBuilder
from desk_app.core.training import TRAINING_MARK_BILINGUAL, export_path, mark_sheet
from desk_app.core.translations import TARGET_LANGUAGES, TRANSLATION_STATUSES
from desk_app.core.validation import clean_id, output_file, write_atomically
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
    show = content.add_parser("show", help="a procedure's texts and checklist, each rule with its source")
    show.add_argument("procedure", metavar="CODE")
    show.set_defaults(func=show_procedure)

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
    review = translations.add_parser("review", help="mark translations reviewed: some texts, or a whole sheet")
    review.add_argument("--lang", dest="po_lang", required=True, choices=TARGET_LANGUAGES)
    which = review.add_mutually_exclusive_group(required=True)
    which.add_argument("--key", dest="keys", action="append", metavar="KEY", help="a text key (repeatable)")
    which.add_argument("--procedure", metavar="CODE", help="every text of that procedure's instruction sheet")
    which.add_argument("--exploitation", action="store_true", help="every text of the exploitation sheet")
    which.add_argument("--directory", action="store_true",
                       help="every text of the services directory (Servizi del territorio: the DIR document)")
    review.set_defaults(func=review_translations)
    glossary = translations.add_parser("glossary", help="flag translations that use another term for a glossary "
                                                        "concept (nulla osta, permesso di soggiorno, ...)")
    glossary.add_argument("--lang", dest="po_lang", choices=TARGET_LANGUAGES, help="default: every language")
    glossary.set_defaults(func=glossary_check)

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


def show_procedure(ctx: CliContext, args: argparse.Namespace) -> int:
    """Each text and checklist line of a procedure (the office's Italian), with its sources and check dates.

    Text sources come from the shipped catalogue; a checklist line's sources are those frozen with the
    office's current checklist version. A point still to verify is marked so, never shown as certain.
    """
    from desk_app.core.catalogue import SOURCE_LANGUAGE, Catalogue

    core = ctx.core()
    view = core.content.procedure(args.procedure)
    texts = core.content.texts(SOURCE_LANGUAGE)
    catalogue = Catalogue.read()
    prefix = f"proc.{view.code}"
    keys = [f"{prefix}.summary"] + [f"{prefix}.step.{n}" for n in range(1, view.step_count + 1)]
    to_verify = ctx.t(DeskAdmin.tr("TO VERIFY"))
    source_label = ctx.t(DeskAdmin.tr("Source"))
    no_source = ctx.t(DeskAdmin.tr("no source recorded"))
    edited_note = ctx.t(DeskAdmin.tr("edited by the office: the sources below are the catalogue's"))
    lines = [f"{view.code} v{view.version} [{view.service_code}] {view.name}"]
    text_rows: list[dict[str, object]] = []
    item_rows: list[dict[str, object]] = []
    for key in keys:
        row = texts.get(key)
        shipped = catalogue.texts.get(key)
        sources = [catalogue.source_table[k] for k in (shipped.sources if shipped else ())]
        verify = (row.verify if row else "") or ""
        lines.append(f"- {key}: {row.text if row else '-'}")
        if verify:
            lines.append(f"    * {to_verify}: {verify}")
        if row is not None and row.edited:
            lines.append(f"    {edited_note}")
        lines += [f"    {source_label}: {source.full_label()}" for source in sources]
        if not sources:
            lines.append(f"    * {to_verify}: {no_source}")
        text_rows.append({"key": key, "text": row.text if row else "", "verify": verify,
                          "sources": [source.full_label() for source in sources]})
    for item in view.items:
        detail = item.text_it + (f" ({item.condition_it})" if item.condition_it else "")
        if item.amount_cents is not None:
            detail += f" · {item.quantity} × €{item.amount_cents / 100:.2f}"
        lines.append(f"- [{item.requirement}] {detail}")
        if item.verify:
            lines.append(f"    * {to_verify}: {item.verify}")
        lines += [f"    {source_label}: {label}" for label in item.sources]
        if not item.sources:
            lines.append(f"    * {to_verify}: {no_source}")
        item_rows.append({"key": item.key, "text": item.text_it, "verify": item.verify,
                          "sources": list(item.sources)})
    ctx.emit({"code": view.code, "version": view.version, "service": view.service_code, "name": view.name,
              "texts": text_rows, "items": item_rows}, lines)
    return 0


def print_sheet(ctx: CliContext, args: argparse.Namespace) -> int:
    path = output_file(args.output)  # a folder or a file in the way: refused before any work
    core = ctx.core()
    builder = SheetBuilder(core.content)
    sheet: Sheet
    if args.sheet_kind == "instructions":
        sheet = builder.instructions(args.procedure, args.sheet_lang, bilingual=args.bilingual)
    elif args.sheet_kind == "missing":
        case = core.cases.get(ctx.actor(), clean_id(args.case, "--case"))
        sheet = builder.missing(case, args.sheet_lang, bilingual=args.bilingual)
    else:
        sheet = builder.exploitation(args.sheet_lang, bilingual=args.bilingual)
    if core.training:  # a sheet of the training office is marked, as the desks print it (desk_app.core.training)
        sheet, path = mark_sheet(sheet), export_path(path, True)
    kind = args.format or ("docx" if path.suffix.lower() == ".docx" else "pdf")
    if kind == "docx":
        from desk_app.documents.docx import write_docx

        write_atomically(path, lambda temporary: write_docx(sheet, temporary))
    else:
        from desk_app.documents.pdf import write_pdf  # Qt is loaded only when a PDF is asked for

        write_atomically(path, lambda temporary: write_pdf(sheet, temporary))
    _count_print(ctx, args.sheet_kind, sheet.lang)
    ctx.emit({"file": path.resolve(), "language": sheet.lang, "status": sheet.status, "format": kind},
             ctx.t(DeskAdmin.tr("Sheet written to {path} ({language}, translation: {status})"), path=path.resolve(),
                   language=LANGUAGE_NAMES[sheet.lang],
                   status=ctx.t(_TRANSLATION_STATUS[sheet.status]) if sheet.status in _TRANSLATION_STATUS
                   else sheet.status))
    return 0


def _count_print(ctx: CliContext, kind: str, language: str) -> None:
    """The anonymous print record of the project's indicators (issue 11): a sheet or ticket printed for a user
    by staff who may print it. The machine owner's ``--system`` prints (preparing sheets, checking a layout)
    are for no user and are not counted."""
    from contextlib import suppress

    from desk_app.errors import PermissionDeniedError

    with suppress(PermissionDeniedError):
        ctx.core().reports.record_print(ctx.actor(), kind, language)


def print_ticket(ctx: CliContext, args: argparse.Namespace) -> int:
    path = output_file(args.output)
    core = ctx.core()
    view = _todays_ticket(core, ctx.actor(), args.ticket)
    office = core.offices.view(ctx.settings.office_code or None)
    office_lines = core.office_settings.current(office.code).ticket_texts()  # the office's own lines, as the desks
    paper = args.paper or ctx.settings.ticket_paper
    from desk_app.documents.tickets import PrintableTicket, write_ticket_pdf  # Qt is loaded only to print

    ticket = PrintableTicket.of(view, office.name, office.timezone, language=args.ticket_lang,
                                office_lines=office_lines)
    if core.training:  # a practice ticket must not pass for a real one: marked as the training desks print it
        ticket, path = dataclasses.replace(ticket, mark=TRAINING_MARK_BILINGUAL), export_path(path, True)
    write_atomically(path, lambda temporary: write_ticket_pdf(ticket, temporary, paper))
    _count_print(ctx, "ticket", ticket.language or "it")
    language = ticket.language or "it"
    ctx.emit({"file": path.resolve(), "number": view.number, "id": view.id, "paper": paper, "language": language},
             ctx.t(DeskAdmin.tr("Ticket {number} written to {path} ({paper}, {language})"), number=view.number,
                   path=path.resolve(), paper=paper, language=LANGUAGE_NAMES[language]))
    return 0


def _todays_ticket(core: CoreServices, actor: Actor, ref: str) -> TicketView:
    """Today's ticket named by its number (``R001``) or id, through the queue's own listing of today."""
    value = ref.strip()
    if value.isdigit():
        found = core.queue.tickets(actor, statuses=TICKET_STATUSES, ticket_ids=(clean_id(value, "--ticket"),))
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
    width = max([8, *(len(doc) for doc in table)])  # "NO-STAG-PL" is 10 characters: the columns stay aligned
    header = f"{'':{width}} " + " ".join(f"{lang:>3}" for lang in TARGET_LANGUAGES)
    lines = [header] + [f"{doc:{width}} " + " ".join(f"{_SHORT[row[lang].status]:>3}" for lang in TARGET_LANGUAGES)
                        for doc, row in table.items()]
    lines.append("legend: " + ", ".join(f"{_SHORT[s]}={s}" for s in TRANSLATION_STATUSES))
    ctx.emit(table, lines)
    return 0


def export_po(ctx: CliContext, args: argparse.Namespace) -> int:
    path = output_file(args.file)
    core, actor, counted = ctx.core(), ctx.actor(), []
    write_atomically(path, lambda temporary: counted.append(
        core.translations.export_po(actor, args.po_lang, temporary)))
    count = counted[0]
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


def review_translations(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.catalogue import SOURCE_LANGUAGE
    from desk_app.core.translations import exploitation_keys, sheet_keys

    core = ctx.core()
    if args.keys:
        keys = list(args.keys)
    else:
        italian = core.content.texts(SOURCE_LANGUAGE)
        if args.exploitation:
            keys = exploitation_keys(italian)
        elif args.directory:  # issue 15: the directory's texts, as the coverage table's DIR document counts them
            from desk_app.core.directory import directory_keys

            keys = directory_keys(italian)
        else:
            view = core.content.procedure(args.procedure)
            keys = sheet_keys(view.code, view.step_count, view.place,
                              [{"key": i.key, "condition": i.condition} for i in view.items], italian)
    result = core.content.review_translations(ctx.actor(), args.po_lang, keys)
    ctx.emit(result, ctx.t(
        DeskAdmin.tr("{reviewed} translations marked reviewed, {already} already reviewed; not reviewable: {stale} "
                     "stale (the Italian changed: translate them again), {missing} missing"),
        reviewed=result.reviewed, already=result.already, stale=result.stale, missing=result.missing))
    return 0


def glossary_check(ctx: CliContext, args: argparse.Namespace) -> int:
    """The office's translations checked against the glossary; exit 1 when a term differs."""
    from desk_app.core.catalogue import SOURCE_LANGUAGE
    from desk_app.core.glossary import Glossary, check

    core = ctx.core()
    glossary = Glossary.read()
    italian = core.content.texts(SOURCE_LANGUAGE)
    languages = [args.po_lang] if args.po_lang else sorted(TARGET_LANGUAGES)
    findings = []
    unchecked = [lang for lang in languages if lang not in glossary.languages()]
    for lang in languages:
        rows = core.content.texts(lang)
        entries = [(key, italian[key].text, row.text, row.status == "draft") for key, row in rows.items()
                   if key in italian and row.source_digest == italian[key].source_digest]
        findings += check(glossary, lang, entries)
    lines = [f"{f.lang} {f.key}: {f.concept} -> {' / '.join(f.expected)}" for f in findings]
    if unchecked:
        lines.append(ctx.t(DeskAdmin.tr("Glossary not yet filled in for: {languages}"),
                           languages=", ".join(unchecked)))
    lines.append(ctx.t(DeskAdmin.tr("%n translations use another term for a glossary concept", "", len(findings))))
    ctx.emit({"findings": findings, "unchecked_languages": unchecked}, lines)
    return 1 if findings else 0


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
